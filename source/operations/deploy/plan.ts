/**
 * The plan of a deploy, before anything changes: render the profile for one environment (domain), fetch what
 * exists (the cluster, the service and the task definition it runs, the family's latest revision) and diff.
 *
 * The rendered documents with the deploy's own defaults (for a NEW service; none for an adopted one) are
 * deploy-inputs.ts's.
 */
import {diffServices, diffTaskDefinitions, planDiffOf, type DiffResult, type PlanDiff} from '../../domain/diff.js';
import {renderDeployInputs, type DeployInputs, type PlanRequest} from './deploy-inputs.js';
import {IMPACT_LABELS} from '../../domain/diff-render.js';
import type {JsonObject} from '../../domain/json.js';
import type {Environment, Profile} from '../../domain/model.js';
import {parseTaskDefinition, taskDefinitionLabel} from '../../domain/aws-names.js';
import {clusterNameFromArn} from '../../domain/aws-names.js';
import {InputError} from '../../errors.js';
import type {EcsPort, EcsServiceState} from '../../ports/ecs.js';
import type {ScalingPort} from '../../ports/scaling.js';
import {effectiveAutoScaling} from '../../domain/auto-scaling.js';
import {planServiceScaling, serviceForScaling, type ServiceScaling} from './scaling.js';

// What `render` needs lives in deploy-inputs.ts (so that it does not load the diff); re-exported for the others.
export {issueLines, renderDeployInputs, withDeployDefaults, type DeployInputs, type PlanRequest} from './deploy-inputs.js';

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
  /** Service auto scaling: what the service has and what the deploy does to it (after the rollout). */
  scaling: ServiceScaling;
  /**
   * The update sends forceNewDeployment: the capacity provider strategy changes (or replaces the launch type), which
   * UpdateService alone does not roll out to the running tasks.
   */
  forceNewDeployment: boolean;
  /** The update leaves desiredCount out (auto scaling owns it); `service.desiredCount` is then the service's current count. */
  omitDesiredCount: boolean;
  /** The clusters' capacity providers, as DescribeClusters listed them (undefined: not known). */
  clusterCapacityProviders?: string[];
}

async function describeExisting(ecs: EcsPort, reference: string): Promise<ExistingTaskDefinition | undefined> {
  const described = await ecs.describeTaskDefinition(reference);
  if (described === undefined) return undefined;
  // The revision's tags are part of what a deploy would register: compared like any other field.
  const document: JsonObject = described.tags.length === 0 ? described.taskDefinition : {...described.taskDefinition, tags: described.tags};
  const arn = typeof document['taskDefinitionArn'] === 'string' ? document['taskDefinitionArn'] : reference;
  const revision = typeof document['revision'] === 'number' ? document['revision'] : (parseTaskDefinition(arn).revision ?? 0);
  return {arn, revision, document};
}

/** Renders, fetches what exists and diffs. Throws InputError when the profile does not render, AwsError when AWS fails. */
export async function planDeploy(ports: {ecs: EcsPort; scaling?: ScalingPort}, request: PlanRequest): Promise<DeployPlan> {
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
  const wantedScaling = request.removeAutoScaling === true ? undefined : effectiveAutoScaling(request.profile.service, request.environment);
  const scaled = serviceForScaling(inputs.service, wantedScaling, service);
  inputs.service = scaled.service;
  const scaling = await planServiceScaling(ports.scaling, {
    cluster,
    serviceName,
    exists: service !== undefined,
    ...(wantedScaling === undefined ? {} : {wanted: wantedScaling}),
    ...(request.removeAutoScaling === true ? {remove: true} : {}),
  });
  if (scaled.note !== undefined) scaling.notes.push(scaled.note);
  const running = service === undefined || service.taskDefinition === '' ? undefined : await describeExisting(ecs, service.taskDefinition);
  const latestCandidate = await describeExisting(ecs, family);
  const latest = latestCandidate !== undefined && latestCandidate.document['status'] !== 'INACTIVE' ? latestCandidate : undefined;
  // One diff per revision (the running one is often also the latest): each is used to decide reuse and to show.
  const diffs = new Map<string, DiffResult>();
  const diffWith = (existing: ExistingTaskDefinition): DiffResult => {
    let result = diffs.get(existing.arn);
    if (result === undefined) diffs.set(existing.arn, (result = diffTaskDefinitions(inputs.taskDefinition, existing.document)));
    return result;
  };
  const same = (existing: ExistingTaskDefinition | undefined): boolean => existing !== undefined && diffWith(existing).changes.length === 0;
  const reuse = same(running) ? running : same(latest) ? latest : undefined;
  const shown = running ?? latest;
  const diff = planDiffOf(
    shown === undefined ? diffTaskDefinitions(inputs.taskDefinition, undefined) : diffWith(shown),
    diffServices(inputs.service, service?.raw),
  );
  const action = service === undefined ? 'create' : diff.impact === 'none' && reuse !== undefined && reuse.arn === running?.arn ? 'none' : 'update';
  const strategyChange = diff.service.changes.some((change) => change.field.split('.')[0] === 'capacityProviderStrategy' || change.field === 'launchType');
  const forceNewDeployment = action === 'update' && strategyChange && Array.isArray(inputs.service['capacityProviderStrategy']);
  if (forceNewDeployment) scaling.notes.push('forceNewDeployment: the capacity provider strategy changes, and UpdateService alone does not move running tasks');
  const attached = clusters.find((found) => found.status === 'ACTIVE' || found.status === 'PROVISIONING')?.capacityProviders;
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
    scaling,
    forceNewDeployment,
    omitDesiredCount: scaled.omitDesiredCount,
    ...(attached === undefined ? {} : {clusterCapacityProviders: attached}),
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
      return `${plan.scaling.plan.action === 'apply' || plan.scaling.plan.action === 'remove' ? 'no service changes' : 'no changes'}: service ${plan.serviceName} already runs ${taskDefinitionLabel(plan.running?.arn ?? plan.family)}${scalingSuffix(plan)}`;
    case 'create':
      return `${cluster}${revision}, create service ${plan.serviceName}${scalingSuffix(plan)}`;
    case 'update':
      return `${revision}, update service ${plan.serviceName} (${IMPACT_LABELS[plan.diff.impact]})${scalingSuffix(plan)}`;
  }
}

/** `, then apply auto scaling` when the scaling changes (the `scaling` lines of the plan say how). */
function scalingSuffix(plan: DeployPlan): string {
  const action = plan.scaling.plan.action;
  return action === 'apply' ? ', then apply auto scaling' : action === 'remove' ? ', then remove auto scaling' : '';
}

/** Whether the deploy would change anything: the service and task definition, or the service's auto scaling. */
export const planChanges = (plan: DeployPlan): boolean =>
  plan.action !== 'none' || plan.scaling.plan.action === 'apply' || plan.scaling.plan.action === 'remove';
