/**
 * The profile's service in one environment, as rollback and watch find it: its identity (the rendered names), its
 * current state (it must exist), and pointing it at a task definition revision (how a rollback starts).
 */
import {clusterNameFromArn} from '../../domain/aws-names.js';
import type {Environment, Profile} from '../../domain/model.js';
import {render} from '../../domain/render.js';
import {AwsError, InputError} from '../../errors.js';
import type {EcsPort, EcsServiceState} from '../../ports/ecs.js';

export interface ServiceIdentity {
  cluster: string;
  serviceName: string;
  family: string;
}

/** Where a profile's service lives in an environment (rendered names; the profile's service name when it does not render). */
export function serviceIdentity(profile: Profile, environment: Environment): ServiceIdentity {
  const rendered = render({profile, environment: environment.name, tag: profile.service.artifact.tag ?? 'latest'});
  const serviceName = typeof rendered.service?.['serviceName'] === 'string' ? rendered.service['serviceName'] : profile.service.name;
  const family = typeof rendered.taskDefinition?.['family'] === 'string' ? rendered.taskDefinition['family'] : profile.service.name;
  return {cluster: environment.cluster, serviceName, family};
}

/** The ACTIVE (or DRAINING) service; InputError (exit 2) saying to deploy first when there is none. */
export async function requireService(ecs: EcsPort, identity: ServiceIdentity): Promise<EcsServiceState> {
  let services: EcsServiceState[];
  try {
    services = await ecs.describeServices(identity.cluster, [identity.serviceName]);
  } catch (error) {
    // A cluster that does not exist holds no services (the AWS adapter says so with [], others may throw).
    if (!(error instanceof AwsError && (error.awsName === 'ClusterNotFoundException' || error.kind === 'not-found'))) throw error;
    services = [];
  }
  const [service] = services.filter((found) => found.status !== 'INACTIVE');
  if (service === undefined) {
    throw new InputError(
      `service ${identity.serviceName} does not exist in cluster ${clusterNameFromArn(identity.cluster)} (${ecs.region})`,
      'deploy it first: ecs-wizard deploy PROFILE',
    );
  }
  return service;
}

/** The deployment a rollback started: its id and ECS's record of it, when the response shows them. */
export interface StartedDeployment {
  deploymentId?: string;
  serviceDeploymentArn?: string;
}

/** Points the service at `taskDefinitionArn` (ECS starts a deployment of it). */
export async function rollBackService(ecs: EcsPort, request: {cluster: string; serviceName: string; taskDefinitionArn: string}): Promise<StartedDeployment> {
  const state = await ecs.updateService({cluster: request.cluster, service: request.serviceName, taskDefinition: request.taskDefinitionArn});
  const primary = state.deployments.find((deployment) => deployment.status === 'PRIMARY' && deployment.taskDefinition === request.taskDefinitionArn);
  return {
    ...(primary === undefined ? {} : {deploymentId: primary.id}),
    ...(state.currentServiceDeployment === undefined ? {} : {serviceDeploymentArn: state.currentServiceDeployment}),
  };
}
