/**
 * `watch`: re-attach to the service's deployment in flight (after a detach, --no-wait, or one started elsewhere) and
 * follow it to its end, like a deploy's watch; a detached run of the profile gets the outcome.
 */
import type {DeployEvent} from '../../domain/deploy/events.js';
import type {Environment, Profile} from '../../domain/model.js';
import type {Clock} from '../../ports/clock.js';
import type {EcsPort, EcsServiceState} from '../../ports/ecs.js';
import type {LogsPort} from '../../ports/logs.js';
import type {ProfileStore} from '../../ports/profile-store.js';
import type {WatchRunOptions} from './control.js';
import {countingEcs} from './counting.js';
import {currentDeployment} from './deployment-record.js';
import {settleDetachedRun} from './run-record.js';
import {requireService, serviceIdentity} from './service.js';
import {logsCommandFor, watchDeployment} from './watch.js';

const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));
const exitCodeOf = (error: unknown): number => (typeof (error as {exitCode?: unknown}).exitCode === 'number' ? (error as {exitCode: number}).exitCode : 1);

export interface WatchRequest extends WatchRunOptions {
  profile: Profile;
  environment: Environment;
}

/**
 * The task definition `watch` must judge: the profile's own run when its newest run in this environment was left
 * detached (--no-wait, `d`, Ctrl-C), since that is the deployment the person is waiting for — even when ECS has
 * rolled it back or replaced it meanwhile. Otherwise (a deployment started elsewhere) the PRIMARY one.
 */
export function runToFollow(profile: Profile, environment: string): string | undefined {
  return detachedRun(profile, environment)?.taskDefinitionArn;
}

function detachedRun(profile: Profile, environment: string): Profile['runs'][number] | undefined {
  const newest = profile.runs.findLast((run) => run.environment === environment);
  return newest?.outcome === 'detached' && newest.taskDefinitionArn !== undefined ? newest : undefined;
}

/**
 * The run `watch` judges: the detached one; else, while no deployment is in flight, the profile's newest run that
 * registered a revision — judged again, it says again what happened to it (rolled back, replaced, deployed), so that
 * a second `watch` never takes the revision that runs now for the profile's success. A deployment in flight that
 * the profile did not start (CI, the console) is followed instead.
 */
export function runToJudge(profile: Profile, environment: string, service: EcsServiceState): Profile['runs'][number] | undefined {
  const detached = detachedRun(profile, environment);
  if (detached !== undefined) return detached;
  const inFlight = service.deployments.length > 1 || service.deployments.some((deployment) => deployment.rolloutState === 'IN_PROGRESS');
  if (inFlight) return undefined;
  return profile.runs.findLast((run) => run.environment === environment && run.taskDefinitionArn !== undefined);
}

/**
 * `watch`: re-attach to the profile's detached deployment (or, with none in flight, judge the profile's newest run
 * again; or follow a deployment in flight that someone else started, by ECS's records, else the PRIMARY) to its
 * end; the detached run gets its outcome. A run that ECS rolled back before anyone watched ends as rolled back, one
 * that another deployment replaced as failed: never the service's steady state as our success.
 */
export async function* watchExisting(
  ports: {ecs: EcsPort; clock: Clock; store: ProfileStore; logs?: (region: string) => Promise<LogsPort>},
  request: WatchRequest,
): AsyncGenerator<DeployEvent, void, undefined> {
  const {clock, store} = ports;
  // Every ECS call of the run is counted (finding the service too), whichever way it ends.
  const counted = countingEcs(ports.ecs);
  const ecs = counted.ecs;
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
      apiCalls: counted.calls(),
    };
    return;
  }
  const primary = service.deployments.find((deployment) => deployment.status === 'PRIMARY');
  const detached = runToJudge(request.profile, request.environment.name, service);
  // Without a run of the profile to judge: the service's current deployment by ECS's records, else the PRIMARY.
  const current =
    detached === undefined
      ? await currentDeployment(ecs, {
          cluster: identity.cluster,
          service: identity.serviceName,
          ...(service.currentServiceDeployment === undefined ? {} : {named: service.currentServiceDeployment}),
        })
      : undefined;
  const ourRun = detached?.taskDefinitionArn ?? current?.taskDefinition;
  // ECS's record of our deployment: the one the run recorded (ECS's own id of it: exactly that deployment is judged,
  // never a later one of the same revision); else the current one (the watch checks it rolls out ours), else the
  // newest of our revision since the run started — or, following the PRIMARY, since that deployment was created.
  const serviceDeploymentArn = detached?.serviceDeploymentArn ?? current?.arn ?? service.currentServiceDeployment;
  const since = Date.parse(detached?.startedAt ?? (current === undefined ? primary?.createdAt : undefined) ?? '');
  const taskDefinitionArn = ourRun ?? primary?.taskDefinition ?? service.taskDefinition;
  // Our deployment, when it is still listed (PRIMARY first); when it is gone the judge decides from what runs now.
  const ours =
    ourRun === undefined
      ? primary
      : (service.deployments.find((deployment) => deployment.taskDefinition === ourRun && deployment.status === 'PRIMARY') ??
        service.deployments.find((deployment) => deployment.taskDefinition === ourRun));
  const previous =
    ours?.status === 'PRIMARY'
      ? service.deployments.find((deployment) => deployment.status === 'ACTIVE' && deployment.taskDefinition !== taskDefinitionArn)?.taskDefinition
      : undefined;
  request.control?.arm({
    ecs,
    cluster: identity.cluster,
    serviceName: identity.serviceName,
    ...(previous === undefined ? {} : {previousTaskDefinitionArn: previous}),
  });
  /** ECS's record the watch judged: it names the run's deployment, for a run recorded without it. */
  let judgedArn: string | undefined;
  for await (const event of watchDeployment({
    ecs,
    clock,
    cluster: identity.cluster,
    service: identity.serviceName,
    taskDefinitionArn,
    ...(ours === undefined ? {} : {deploymentId: ours.id}),
    ...(serviceDeploymentArn === undefined ? {} : {serviceDeploymentArn}),
    ...(Number.isNaN(since) ? {} : {since}),
    ...(previous === undefined ? {} : {previousTaskDefinitionArn: previous}),
    timeoutMs: request.timeoutMs,
    noProgressTimeoutMs: request.noProgressTimeoutMs,
    ...(request.control === undefined ? {} : {signal: request.control.signal}),
    ...(request.simulated ? {simulated: true} : {logsCommand: logsCommandFor(request.profile.name, request.environment.name)}),
    ...(ports.logs === undefined ? {} : {logs: ports.logs}),
  })) {
    if (event.type === 'service-deployment') judgedArn = event.arn;
    if (event.type === 'done') {
      try {
        await settleDetachedRun(store, request.profile.name, {
          environment: request.environment.name,
          taskDefinitionArn,
          outcome: event.outcome,
          finishedAt: new Date(event.at).toISOString(),
          ...(judgedArn === undefined ? {} : {serviceDeploymentArn: judgedArn}),
        });
      } catch (error) {
        yield {type: 'warning', at: clock.now(), message: `the run was not recorded in the profile: ${errorMessage(error)}`};
      }
      // The watch counts its own calls; the run's summary counts all of them.
      yield {...event, apiCalls: counted.calls()};
    } else yield event;
  }
}
