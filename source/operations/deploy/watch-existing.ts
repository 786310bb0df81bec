/**
 * `watch`: re-attach to the service's deployment in flight (after a detach, --no-wait, or one started elsewhere) and
 * follow it to its end, like a deploy's watch; a detached run of the profile gets the outcome.
 */
import type {DeployEvent} from '../../domain/deploy/events.js';
import type {Environment, Profile} from '../../domain/model.js';
import type {Clock} from '../../ports/clock.js';
import type {EcsPort, EcsServiceState} from '../../ports/ecs.js';
import type {ProfileStore} from '../../ports/profile-store.js';
import type {WatchRunOptions} from './control.js';
import {settleDetachedRun} from './run-record.js';
import {requireService, serviceIdentity} from './service.js';
import {watchDeployment} from './watch.js';

const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));
const exitCodeOf = (error: unknown): number => (typeof (error as {exitCode?: unknown}).exitCode === 'number' ? (error as {exitCode: number}).exitCode : 1);

export interface WatchRequest extends WatchRunOptions {
  profile: Profile;
  environment: Environment;
}

/** `watch`: re-attach to the service's PRIMARY deployment; a detached run of the profile gets its outcome. */
export async function* watchExisting(
  ports: {ecs: EcsPort; clock: Clock; store: ProfileStore},
  request: WatchRequest,
): AsyncGenerator<DeployEvent, void, undefined> {
  const {ecs, clock, store} = ports;
  const startedAt = clock.now();
  const identity = serviceIdentity(request.profile, request.environment);
  let service: EcsServiceState;
  try {
    service = await requireService(ecs, identity);
  } catch (error) {
    yield {
      type: 'done',
      at: clock.now(),
      outcome: 'failed',
      reason: errorMessage(error),
      exitCode: exitCodeOf(error),
      elapsedMs: clock.now() - startedAt,
      apiCalls: 1,
    };
    return;
  }
  const primary = service.deployments.find((deployment) => deployment.status === 'PRIMARY');
  const taskDefinitionArn = primary?.taskDefinition ?? service.taskDefinition;
  const previous = service.deployments.find((deployment) => deployment.status === 'ACTIVE' && deployment.taskDefinition !== taskDefinitionArn)?.taskDefinition;
  request.control?.arm({
    ecs,
    cluster: identity.cluster,
    serviceName: identity.serviceName,
    ...(previous === undefined ? {} : {previousTaskDefinitionArn: previous}),
  });
  for await (const event of watchDeployment({
    ecs,
    clock,
    cluster: identity.cluster,
    service: identity.serviceName,
    taskDefinitionArn,
    ...(primary === undefined ? {} : {deploymentId: primary.id}),
    ...(previous === undefined ? {} : {previousTaskDefinitionArn: previous}),
    timeoutMs: request.timeoutMs,
    noProgressTimeoutMs: request.noProgressTimeoutMs,
    ...(request.control === undefined ? {} : {signal: request.control.signal}),
    ...(request.simulated ? {simulated: true} : {}),
  })) {
    if (event.type === 'done') {
      try {
        await settleDetachedRun(store, request.profile.name, {
          environment: request.environment.name,
          taskDefinitionArn,
          outcome: event.outcome,
          finishedAt: new Date(event.at).toISOString(),
        });
      } catch (error) {
        yield {type: 'warning', at: clock.now(), message: `the run was not recorded in the profile: ${errorMessage(error)}`};
      }
    }
    yield event;
  }
}
