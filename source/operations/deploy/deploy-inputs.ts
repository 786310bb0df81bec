/**
 * The documents a deploy sends: the profile rendered for one environment (domain) and validated, completed with the
 * deploy's own defaults for a NEW service — the circuit breaker with rollback is enabled unless the service spec says
 * otherwise; a profile that adopted a live service (`service.adopted`, set by import) gets none of them: its first
 * deploy must change nothing it did not mean to. `render` prints the same documents. Apart from plan.ts so that
 * rendering does not load the diff.
 */
import {artifactImage} from '../../domain/image.js';
import {formatIssueLocation, hasErrors, type Issue} from '../../domain/issues.js';
import {isJsonObject, type JsonObject} from '../../domain/json.js';
import type {Environment, Profile} from '../../domain/model.js';
import {renderAndValidate} from '../../domain/render-and-validate.js';
import type {RenderMemo} from '../../domain/render.js';
import {InputError} from '../../errors.js';

export interface PlanRequest {
  profile: Profile;
  environment: Environment;
  /** Default: the artifact's current tag. */
  tag?: string;
  /** --set VAR=VALUE (the last layer of config variables). */
  overrides?: Record<string, string>;
  /** Cloud Map record types by registry ARN, when read (the checks read them). */
  discoveryRecordTypes?: Readonly<Record<string, readonly string[]>>;
  /**
   * `render`: the task definition does not depend on the environment's network, only the service does; a missing
   * network is then reported in `serviceIncomplete` instead of refusing (verify and deploy refuse it).
   */
  allowIncompleteService?: boolean;
  /** `deploy --remove-auto-scaling`: deregister the service's scalable target (and its policies) after the rollout. */
  removeAutoScaling?: boolean;
  /** Renderings shared with the run's other steps (diff --simulate: the simulator's seed rendered the same inputs). */
  renderMemo?: RenderMemo;
}

/** The documents a deploy sends, rendered and completed with the deploy's defaults. */
export interface DeployInputs {
  /** The RegisterTaskDefinition input. */
  taskDefinition: JsonObject;
  /** The CreateService input; `taskDefinition` is the family (a deploy sends the revision it registered or reused). */
  service: JsonObject;
  /** Warnings and infos (errors make `renderDeployInputs` throw). */
  issues: Issue[];
  /** With `allowIncompleteService`: what the service lacks to be created (the environment's network). */
  serviceIncomplete: Issue[];
  tag: string;
  /** The full image reference of the artifact at `tag`. */
  image: string;
}

/** `issues` as lines for an error message (errors first). */
export function issueLines(issues: readonly Issue[]): string[] {
  const sorted = [...issues].sort((a, b) => Number(b.severity === 'error') - Number(a.severity === 'error'));
  return sorted.map((issue) => `${issue.severity}: ${formatIssueLocation(issue)}: ${issue.message}${issue.fix ? ` (${issue.fix})` : ''}`);
}

/**
 * The strategies ECS documents the deployment circuit breaker for. The ECS Developer Guide, "Amazon ECS deployment
 * failure detection" (docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-failure-detection.html): "Both
 * methods [circuit breaker, CloudWatch alarms] only support rolling update deployment and blue/green deployment
 * types". LINEAR and CANARY list CloudWatch alarms and lifecycle hooks for failure detection and rollback
 * (linear-deployment-implementation.html, canary-deployment-implementation.html), not the circuit breaker; so the
 * deploy adds no circuit breaker to them (a spec that writes one keeps it: the record's circuitBreaker status then
 * says whether ECS used it).
 */
export const CIRCUIT_BREAKER_STRATEGIES: readonly string[] = ['ROLLING', 'BLUE_GREEN'];

/**
 * Adds the deploy's defaults to a rendered service: the circuit breaker with rollback (ECS deployment controller only,
 * and only for a strategy ECS documents it for: ROLLING, the default, and BLUE_GREEN).
 */
export function withDeployDefaults(service: JsonObject): JsonObject {
  const controller = service['deploymentController'];
  const controllerType = isJsonObject(controller) && typeof controller['type'] === 'string' ? controller['type'] : 'ECS';
  if (controllerType !== 'ECS') return service;
  const configuration = isJsonObject(service['deploymentConfiguration']) ? service['deploymentConfiguration'] : {};
  if (configuration['deploymentCircuitBreaker'] !== undefined) return service;
  const strategy = typeof configuration['strategy'] === 'string' ? configuration['strategy'] : 'ROLLING';
  if (!CIRCUIT_BREAKER_STRATEGIES.includes(strategy)) return service;
  return {...service, deploymentConfiguration: {...configuration, deploymentCircuitBreaker: {enable: true, rollback: true}}};
}

/**
 * A LINEAR or CANARY service with neither a circuit breaker (the deploy adds none to them) nor rollback alarms:
 * nothing would roll a failing deployment back, so the plan warns (lifecycle hooks can still fail it).
 */
export function failureDetectionIssue(service: JsonObject): Issue | undefined {
  const configuration = isJsonObject(service['deploymentConfiguration']) ? service['deploymentConfiguration'] : {};
  const strategy = configuration['strategy'];
  if (strategy !== 'LINEAR' && strategy !== 'CANARY') return undefined;
  const breaker = configuration['deploymentCircuitBreaker'];
  const alarms = configuration['alarms'];
  const names = isJsonObject(alarms) && Array.isArray(alarms['alarmNames']) ? alarms['alarmNames'] : [];
  if ((isJsonObject(breaker) && breaker['enable'] === true) || (isJsonObject(alarms) && alarms['enable'] === true && names.length > 0)) return undefined;
  return {
    code: 'no-failure-detection',
    severity: 'warning',
    source: 'serviceSpec',
    path: 'deploymentConfiguration',
    message: `a ${strategy} deployment has no rollback alarms, and ECS documents the circuit breaker for ROLLING and BLUE_GREEN only: nothing but a lifecycle hook would roll a failing deployment back`,
    fix: 'add a CloudWatch alarm (ecs-wizard init … --alarm NAME, or deploymentConfiguration.alarms)',
  };
}

/**
 * Renders the documents a deploy sends (no AWS). Throws InputError (exit 2) listing every error with its
 * location and fix when the profile does not render.
 */
export function renderDeployInputs(request: PlanRequest): DeployInputs {
  const {profile, environment} = request;
  const rendered = renderAndValidate(
    {
      profile,
      environment: environment.name,
      ...(request.tag === undefined ? {} : {tag: request.tag}),
      ...(request.overrides === undefined ? {} : {overrides: request.overrides}),
      ...(request.discoveryRecordTypes === undefined ? {} : {discoveryRecordTypes: request.discoveryRecordTypes}),
    },
    request.renderMemo,
  );
  const incomplete = request.allowIncompleteService === true ? rendered.issues.filter(isMissingNetwork) : [];
  const issues = rendered.issues.filter((issue) => !incomplete.includes(issue));
  if (hasErrors(issues) || rendered.taskDefinition === undefined || rendered.service === undefined) {
    const errors = issues.filter((issue) => issue.severity === 'error');
    throw new InputError(
      `profile '${profile.name}' does not render for environment '${environment.name}':\n${issueLines(errors.length > 0 ? errors : rendered.issues)
        .map((line) => `  ${line}`)
        .join('\n')}`,
      `fix the profile (ecs-wizard profiles show ${profile.name}), or the value given with --tag / --set`,
    );
  }
  const tag = request.tag ?? profile.service.artifact.tag ?? '';
  const service = profile.service.adopted === true ? rendered.service : withDeployDefaults(rendered.service);
  const undetected = failureDetectionIssue(service);
  return {
    taskDefinition: rendered.taskDefinition,
    service,
    issues: undetected === undefined ? issues : [...issues, undetected],
    serviceIncomplete: incomplete,
    tag,
    image: artifactImage(profile.service.artifact, tag),
  };
}

/** An environment without the subnets or security groups that an awsvpc service needs. */
const isMissingNetwork = (issue: Issue): boolean => issue.severity === 'error' && issue.code === 'awsvpc-network' && issue.source === 'environment';
