/**
 * Applying a deploy plan: create the cluster when it is missing, register the task definition only when it differs
 * from the service's and the family's latest revision, then create the service or update it (task definition,
 * the environment's networkConfiguration, serviceRegistries, desired count and the other updatable fields).
 * Emits StepEvents ('register', 'service'); returns what the watch needs.
 */
import type {DeployEvent, DeployStepName, DeployStepStatus} from '../../domain/deploy/events.js';
import {taskDefinitionLabel} from '../../domain/aws-names.js';
import {isJsonObject, type JsonObject} from '../../domain/json.js';
import {clusterNameFromArn} from '../../domain/aws-names.js';
import type {Clock} from '../../ports/clock.js';
import type {EcsPort, EcsServiceState} from '../../ports/ecs.js';
import type {DeployPlan} from './plan.js';

/** The CreateService parameters UpdateService takes as well (design/ecs-facts.md; diff.ts SERVICE_FIELD_RULES). */
export const UPDATABLE_SERVICE_FIELDS = [
  'desiredCount',
  'capacityProviderStrategy',
  'deploymentConfiguration',
  'availabilityZoneRebalancing',
  'networkConfiguration',
  'placementConstraints',
  'placementStrategy',
  'platformVersion',
  'healthCheckGracePeriodSeconds',
  'enableExecuteCommand',
  'enableECSManagedTags',
  'loadBalancers',
  'propagateTags',
  'serviceRegistries',
  'serviceConnectConfiguration',
  'volumeConfigurations',
  'vpcLatticeConfigurations',
] as const;

export interface ApplyResult {
  taskDefinitionArn: string;
  revision?: number;
  /** True when a new revision was registered. */
  registered: boolean;
  /** Our deployment (the PRIMARY deployment of our task definition), when the response shows it. */
  deploymentId?: string;
  /** What the service ran before (undefined for a new service). */
  previousTaskDefinitionArn?: string;
  /** The deployments the service listed before the update (see JudgeOptions.priorDeploymentIds). */
  priorDeploymentIds?: string[];
  /** ECS's record of our deployment (the response's currentServiceDeployment), when it names one. */
  serviceDeploymentArn?: string;
  /** When the service was created or updated (ms): records since then may be ours. Absent when nothing was deployed. */
  requestedAt?: number;
  created: boolean;
}

/** The UpdateService input of a plan: the service, our task definition and every updatable field of the spec. */
export function updateServiceInput(plan: DeployPlan, taskDefinitionArn: string): JsonObject {
  const input: JsonObject = {cluster: plan.cluster, service: plan.serviceName, taskDefinition: taskDefinitionArn};
  for (const key of UPDATABLE_SERVICE_FIELDS) {
    const value = plan.service[key];
    if (value !== undefined && !(key === 'desiredCount' && plan.omitDesiredCount === true)) input[key] = value;
  }
  if (plan.forceNewDeployment) input['forceNewDeployment'] = true;
  return input;
}

/** The capacity providers a cluster created by the deploy needs attached: the Fargate ones its strategy names. */
export function providersForNewCluster(plan: Pick<DeployPlan, 'service'>): string[] {
  const strategy = plan.service['capacityProviderStrategy'];
  if (!Array.isArray(strategy)) return [];
  const names = strategy.map((item) => (isJsonObject(item) ? item['capacityProvider'] : undefined)).filter((name): name is string => typeof name === 'string');
  return names.filter((name) => name === 'FARGATE' || name === 'FARGATE_SPOT');
}

/** The CreateService input of a plan, running `taskDefinitionArn`. */
export function createServiceInput(plan: DeployPlan, taskDefinitionArn: string): JsonObject {
  return {...plan.service, taskDefinition: taskDefinitionArn};
}

export function ourDeploymentId(state: EcsServiceState, taskDefinitionArn: string): string | undefined {
  const primary = state.deployments.find((deployment) => deployment.status === 'PRIMARY');
  if (primary !== undefined && primary.taskDefinition === taskDefinitionArn) return primary.id;
  return state.deployments.find((deployment) => deployment.taskDefinition === taskDefinitionArn)?.id;
}

/**
 * Runs the plan's changes. Throws what the port throws (AwsError), after emitting the step as failed; `progress`
 * holds what was done by then (the registered revision), for the run record.
 */
export async function* applyPlan(
  ports: {ecs: EcsPort; clock: Clock},
  plan: DeployPlan,
  progress: {taskDefinitionArn?: string; revision?: number} = {},
): AsyncGenerator<DeployEvent, ApplyResult, undefined> {
  const {ecs, clock} = ports;
  const step = (name: DeployStepName, status: DeployStepStatus, message: string): DeployEvent => ({type: 'step', at: clock.now(), name, status, message});
  const clusterName = clusterNameFromArn(plan.cluster);

  // 1. The task definition.
  let taskDefinitionArn: string;
  let revision: number | undefined;
  let registered = false;
  if (plan.reuse !== undefined) {
    taskDefinitionArn = plan.reuse.arn;
    revision = plan.reuse.revision;
    const which = plan.reuse === plan.running ? "the service's revision" : 'the latest revision';
    yield step('register', 'skipped', `${taskDefinitionLabel(plan.reuse.arn)} is unchanged (${which}): no new revision`);
  } else {
    yield step('register', 'started', `registering a new revision of ${plan.family}`);
    try {
      const result = await ecs.registerTaskDefinition(plan.taskDefinition);
      taskDefinitionArn = result.arn;
      revision = result.revision;
      registered = true;
    } catch (error) {
      yield step('register', 'failed', error instanceof Error ? error.message : String(error));
      throw error;
    }
    yield step('register', 'done', `registered ${taskDefinitionLabel(taskDefinitionArn)}`);
  }
  progress.taskDefinitionArn = taskDefinitionArn;
  if (revision !== undefined) progress.revision = revision;

  // 2. The cluster (when missing) and the service.
  const previousTaskDefinitionArn = plan.existingService?.taskDefinition;
  const label = taskDefinitionLabel(taskDefinitionArn);
  try {
    if (!plan.clusterExists) {
      const providers = providersForNewCluster(plan);
      yield step('service', 'started', `creating cluster ${clusterName}${providers.length === 0 ? '' : ` with ${providers.join(' and ')}`}`);
      if (providers.length === 0) await ecs.createCluster(clusterName);
      else await ecs.createCluster(clusterName, {capacityProviders: providers});
    }
    if (plan.action === 'create') {
      yield step('service', 'started', `creating service ${plan.serviceName} in ${clusterName} running ${label}`);
      const requestedAt = clock.now();
      const state = await ecs.createService(createServiceInput(plan, taskDefinitionArn));
      const deploymentId = ourDeploymentId(state, taskDefinitionArn);
      yield step('service', 'done', `created service ${plan.serviceName}${deploymentId === undefined ? '' : ` (deployment ${deploymentId})`}`);
      return {
        taskDefinitionArn,
        ...(revision === undefined ? {} : {revision}),
        registered,
        created: true,
        ...(deploymentId === undefined ? {} : {deploymentId}),
        ...(state.currentServiceDeployment === undefined ? {} : {serviceDeploymentArn: state.currentServiceDeployment}),
        requestedAt,
      };
    }
    if (plan.action === 'none') {
      yield step('service', 'skipped', `service ${plan.serviceName} already runs ${label}: nothing to update`);
      const deploymentId = plan.existingService === undefined ? undefined : ourDeploymentId(plan.existingService, taskDefinitionArn);
      return {
        taskDefinitionArn,
        ...(revision === undefined ? {} : {revision}),
        registered,
        created: false,
        ...(deploymentId === undefined ? {} : {deploymentId}),
      };
    }
    const from = previousTaskDefinitionArn === undefined ? '' : `${taskDefinitionLabel(previousTaskDefinitionArn)} → `;
    yield step('service', 'started', `updating service ${plan.serviceName} (${from}${label})`);
    const requestedAt = clock.now();
    const state = await ecs.updateService(updateServiceInput(plan, taskDefinitionArn));
    const deploymentId = ourDeploymentId(state, taskDefinitionArn);
    yield step('service', 'done', `updated service ${plan.serviceName}${deploymentId === undefined ? '' : ` (deployment ${deploymentId})`}`);
    return {
      taskDefinitionArn,
      ...(revision === undefined ? {} : {revision}),
      registered,
      created: false,
      ...(deploymentId === undefined ? {} : {deploymentId}),
      ...(previousTaskDefinitionArn === undefined ? {} : {previousTaskDefinitionArn}),
      priorDeploymentIds: (plan.existingService?.deployments ?? []).map((deployment) => deployment.id).filter((id) => id !== deploymentId),
      ...(state.currentServiceDeployment === undefined ? {} : {serviceDeploymentArn: state.currentServiceDeployment}),
      requestedAt,
    };
  } catch (error) {
    yield step('service', 'failed', error instanceof Error ? error.message : String(error));
    throw error;
  }
}
