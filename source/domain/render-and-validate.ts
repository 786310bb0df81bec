/**
 * The one-way flow of a run, for one environment of a profile: resolve the run's inputs once (renderContext)
 * → render the request (render.ts, no validation) → validate the rendered request once (validateRequest in
 * validate/request.ts). `plan`/`deploy`, `diff`, the wizard's review and `init` use it; what only needs the
 * documents (a service's name, a task definition's family) calls `render` alone.
 *
 * The issues come in one order: the run's inputs (artifact, registry authentication, variable names,
 * environment), then the container specification (rendering, then validation), then the service
 * specification (rendering, then validation) — each located by path and, for JSON text, line/column.
 */
import type {Issue} from './issues.js';
import type {RenderContext, RenderInput, RenderMemo, RenderResult} from './render.js';
import {renderedRequest, unknownEnvironment} from './render.js';
import type {RequestInputs} from './validate/request.js';
import {validateRequest} from './validate/request.js';
import {autoScalingIssues} from './auto-scaling.js';
import {isJsonObject, type JsonObject} from './json.js';

/**
 * The service's auto scaling in the environment (its override, else the service's) against the rendered service (a
 * DAEMON cannot scale; requests per target need a target group).
 */
function scalingIssues(context: RenderContext, service: JsonObject | undefined): Issue[] {
  const scaling = context.autoScaling;
  if (scaling === undefined || service === undefined) return [];
  const at = context.environment.autoScaling === undefined ? 'service.autoScaling' : `environments.${context.environment.name}.autoScaling`;
  const balancers = service['loadBalancers'];
  const hasTargetGroup = Array.isArray(balancers) && balancers.some((item) => isJsonObject(item) && typeof item['targetGroupArn'] === 'string');
  const strategy = service['schedulingStrategy'];
  return autoScalingIssues(scaling, {hasTargetGroup, ...(typeof strategy === 'string' ? {schedulingStrategy: strategy} : {})}, at);
}

/** What validation reads of the run's inputs: the resolved context, and the service's own variable names. */
function requestInputs(input: RenderInput, context: RenderContext): RequestInputs {
  const inputs: RequestInputs = {
    artifact: context.artifact,
    tag: context.tag,
    registryAuth: context.registryAuth,
    variables: input.profile.service.variables,
    environment: context.environment,
  };
  if (context.discoveryRecordTypes !== undefined) inputs.discoveryRecordTypes = context.discoveryRecordTypes;
  return inputs;
}

/** Renders a profile for one environment and validates the rendered request: the documents to send and every issue. */
export function renderAndValidate(input: RenderInput, memo?: RenderMemo): RenderResult {
  const rendered = renderedRequest(input, memo);
  if (rendered === undefined) return unknownEnvironment(input);
  const {context} = rendered;
  const {task, service} = rendered.request;
  const validation = validateRequest(requestInputs(input, context), {taskDefinition: task, service});
  const issues: Issue[] = [
    ...validation.inputs,
    ...task.issues,
    ...validation.taskDefinition,
    ...service.issues,
    ...validation.service,
    ...scalingIssues(context, service.service),
  ];
  return {taskDefinition: task.taskDefinition, service: service.service, issues};
}
