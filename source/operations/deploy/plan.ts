/**
 * The plan of a deploy, before anything changes: render the profile for one environment (domain), fetch what
 * exists (the cluster, the service and the task definition it runs, the family's latest revision) and diff.
 *
 * Also the deploy's own defaults for a NEW service on top of the rendered documents (`renderDeployInputs`): the
 * circuit breaker with rollback is enabled unless the service spec says otherwise — `render` prints the same
 * documents. A profile that adopted a live service (`service.adopted`, set by import) gets none of them: its first
 * deploy must change nothing it did not mean to.
 */
import {diffPlan, diffTaskDefinitions, type PlanDiff} from '../../domain/diff.js';
import {IMPACT_LABELS} from '../../domain/diff-render.js';
import {artifactImage} from '../../domain/image.js';
import {formatIssueLocation, hasErrors, type Issue} from '../../domain/issues.js';
import {isJsonObject, type JsonObject} from '../../domain/json.js';
import type {Environment, Profile} from '../../domain/model.js';
import {renderAndValidate} from '../../domain/render-and-validate.js';
import {parseTaskDefinition, taskDefinitionLabel} from '../../domain/aws-names.js';
import {clusterNameFromArn} from '../../domain/aws-names.js';
import {InputError} from '../../errors.js';
import type {EcsPort, EcsServiceState} from '../../ports/ecs.js';

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

export interface ExistingTaskDefinition {
  arn: string;
  revision: number;
  /** As DescribeTaskDefinition returns it, with its tags (printed beside it) in `tags` when it has any, as RegisterTaskDefinition takes them. */
  document: JsonObject;
}

export interface DeployPlan extends DeployInputs {
  profile: Profile;
  environment: Environment;
  region: string;
  /** The cluster as the environment names it (name or ARN). */
  cluster: string;
  serviceName: string;
  family: string;
  clusterExists: boolean;
  /** The ACTIVE service of that name, when there is one. */
  existingService: EcsServiceState | undefined;
  /** The task definition the service runs. */
  running: ExistingTaskDefinition | undefined;
  /** The family's latest ACTIVE revision. */
  latest: ExistingTaskDefinition | undefined;
  /** An existing revision identical to the rendered one (the service's, else the latest): used instead of registering. */
  reuse: ExistingTaskDefinition | undefined;
  /** Rendered against the service's task definition (else the latest revision) and the service. */
  diff: PlanDiff;
  /** create: no service yet; update: something differs; none: nothing to do. */
  action: 'create' | 'update' | 'none';
}

/** `issues` as lines for an error message (errors first). */
export function issueLines(issues: readonly Issue[]): string[] {
  const sorted = [...issues].sort((a, b) => Number(b.severity === 'error') - Number(a.severity === 'error'));
  return sorted.map((issue) => `${issue.severity}: ${formatIssueLocation(issue)}: ${issue.message}${issue.fix ? ` (${issue.fix})` : ''}`);
}

/** Adds the deploy's defaults to a rendered service: the circuit breaker with rollback (ECS deployment controller only). */
export function withDeployDefaults(service: JsonObject): JsonObject {
  const controller = service['deploymentController'];
  const controllerType = isJsonObject(controller) && typeof controller['type'] === 'string' ? controller['type'] : 'ECS';
  if (controllerType !== 'ECS') return service;
  const configuration = isJsonObject(service['deploymentConfiguration']) ? service['deploymentConfiguration'] : {};
  if (configuration['deploymentCircuitBreaker'] !== undefined) return service;
  return {...service, deploymentConfiguration: {...configuration, deploymentCircuitBreaker: {enable: true, rollback: true}}};
}

/**
 * Renders the documents a deploy sends (no AWS). Throws InputError (exit 2) listing every error with its
 * location and fix when the profile does not render.
 */
export function renderDeployInputs(request: PlanRequest): DeployInputs {
  const {profile, environment} = request;
  const rendered = renderAndValidate({
    profile,
    environment: environment.name,
    ...(request.tag === undefined ? {} : {tag: request.tag}),
    ...(request.overrides === undefined ? {} : {overrides: request.overrides}),
    ...(request.discoveryRecordTypes === undefined ? {} : {discoveryRecordTypes: request.discoveryRecordTypes}),
  });
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
  return {
    taskDefinition: rendered.taskDefinition,
    service: profile.service.adopted === true ? rendered.service : withDeployDefaults(rendered.service),
    issues,
    serviceIncomplete: incomplete,
    tag,
    image: artifactImage(profile.service.artifact, tag),
  };
}

/** An environment without the subnets or security groups that an awsvpc service needs. */
const isMissingNetwork = (issue: Issue): boolean => issue.severity === 'error' && issue.code === 'awsvpc-network' && issue.source === 'environment';

async function describeExisting(ecs: EcsPort, reference: string): Promise<ExistingTaskDefinition | undefined> {
  const described = await ecs.describeTaskDefinition(reference);
  if (described === undefined) return undefined;
  // The revision's tags are part of what a deploy would register: compared like any other field.
  const document: JsonObject = described.tags.length === 0 ? described.taskDefinition : {...described.taskDefinition, tags: described.tags};
  const arn = typeof document['taskDefinitionArn'] === 'string' ? document['taskDefinitionArn'] : reference;
  const revision = typeof document['revision'] === 'number' ? document['revision'] : (parseTaskDefinition(arn).revision ?? 0);
  return {arn, revision, document};
}

const sameTaskDefinition = (desired: JsonObject, existing: ExistingTaskDefinition | undefined): boolean =>
  existing !== undefined && diffTaskDefinitions(desired, existing.document).changes.length === 0;

/** Renders, fetches what exists and diffs. Throws InputError when the profile does not render, AwsError when AWS fails. */
export async function planDeploy(ports: {ecs: EcsPort}, request: PlanRequest): Promise<DeployPlan> {
  const inputs = renderDeployInputs(request);
  const {ecs} = ports;
  const cluster = request.environment.cluster;
  const serviceName = String(inputs.service['serviceName']);
  const family = String(inputs.taskDefinition['family']);

  const clusters = await ecs.describeClusters([cluster]);
  const clusterExists = clusters.some((found) => found.status === 'ACTIVE' || found.status === 'PROVISIONING');
  const services = clusterExists ? await ecs.describeServices(cluster, [serviceName]) : [];
  const draining = services.find((found) => found.status === 'DRAINING');
  if (draining) {
    throw new InputError(
      `service '${serviceName}' in cluster '${clusterNameFromArn(cluster)}' is being deleted (DRAINING)`,
      'wait until it is gone (INACTIVE), then deploy again to create it',
    );
  }
  const service = services.find((found) => found.status === 'ACTIVE');
  const running = service === undefined || service.taskDefinition === '' ? undefined : await describeExisting(ecs, service.taskDefinition);
  const latestCandidate = await describeExisting(ecs, family);
  const latest = latestCandidate !== undefined && latestCandidate.document['status'] !== 'INACTIVE' ? latestCandidate : undefined;
  const reuse = sameTaskDefinition(inputs.taskDefinition, running) ? running : sameTaskDefinition(inputs.taskDefinition, latest) ? latest : undefined;

  const diff = diffPlan({
    taskDefinition: {desired: inputs.taskDefinition, current: (running ?? latest)?.document},
    service: {desired: inputs.service, current: service?.raw},
  });
  const action = service === undefined ? 'create' : diff.impact === 'none' && reuse !== undefined && reuse.arn === running?.arn ? 'none' : 'update';
  return {
    ...inputs,
    profile: request.profile,
    environment: request.environment,
    region: request.environment.region,
    cluster,
    serviceName,
    family,
    clusterExists,
    existingService: service,
    running,
    latest,
    reuse,
    diff,
    action,
  };
}

/** One line saying what the deploy will do: `register web-api:8, update service web-api (update in place)`. */
export function planSummary(plan: DeployPlan): string {
  const revision = plan.reuse
    ? `reuse ${taskDefinitionLabel(plan.reuse.arn)} (same as the ${plan.reuse === plan.running ? "service's" : 'latest'} revision)`
    : `register ${plan.family}:${(plan.latest?.revision ?? 0) + 1}`;
  const cluster = plan.clusterExists ? '' : `create cluster ${clusterNameFromArn(plan.cluster)}, `;
  switch (plan.action) {
    case 'none':
      return `no changes: service ${plan.serviceName} already runs ${taskDefinitionLabel(plan.running?.arn ?? plan.family)}`;
    case 'create':
      return `${cluster}${revision}, create service ${plan.serviceName}`;
    case 'update':
      return `${revision}, update service ${plan.serviceName} (${IMPACT_LABELS[plan.diff.impact]})`;
  }
}
