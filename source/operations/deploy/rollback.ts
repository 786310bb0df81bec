/**
 * Rolling a service back to an earlier task definition revision (the `rollback` command): find the target, update
 * the service, watch it like a deploy — one DeployEvent stream, always ending with `done`. (The deploy screen's `r`
 * goes through DeployControl, control.ts.)
 */
import type {DeployEvent, DeployStepName, DeployStepStatus} from '../../domain/deploy/events.js';
import {parseTaskDefinition, taskDefinitionLabel} from '../../domain/aws-names.js';
import {formatImage} from '../../domain/image.js';
import {isJsonObject} from '../../domain/json.js';
import type {Environment, Profile, RunRecord} from '../../domain/model.js';
import {InputError} from '../../errors.js';
import type {Clock} from '../../ports/clock.js';
import type {EcsPort, EcsServiceState} from '../../ports/ecs.js';
import type {LogsPort} from '../../ports/logs.js';
import type {ProfileStore} from '../../ports/profile-store.js';
import type {WatchRunOptions} from './control.js';
import {countingEcs} from './counting.js';
import {recordRun} from './run-record.js';
import {requireService, rollBackService, serviceIdentity, type ServiceIdentity, type StartedDeployment} from './service.js';
import {logsCommandFor, watchDeployment} from './watch.js';

/** The tag a task definition runs: from the profile's runs, else read from the artifact's image in it. */
function tagOf(profile: Profile, taskDefinitionArn: string, document: Record<string, unknown> | undefined): string | undefined {
  const run = profile.runs.findLast((item) => item.taskDefinitionArn === taskDefinitionArn);
  if (run !== undefined) return run.tag;
  const containers = Array.isArray(document?.['containerDefinitions']) ? document['containerDefinitions'] : [];
  const prefix = formatImage(profile.service.artifact);
  for (const container of containers) {
    const image = isJsonObject(container) && typeof container['image'] === 'string' ? container['image'] : undefined;
    if (image?.startsWith(`${prefix}:`)) return image.slice(prefix.length + 1);
    if (image?.startsWith(`${prefix}@`)) return image.slice(prefix.length + 1);
    if (image === prefix && profile.service.artifact.implicitLatest === true) return 'latest';
  }
  return undefined;
}

export interface RollbackTarget {
  /** What the service runs now. */
  from: string;
  taskDefinitionArn: string;
  revision: number;
  tag?: string;
  /** How it was chosen, for the plan line. */
  why: string;
}

/**
 * The revision to roll back to: `toRevision` of the family; otherwise the newest revision this profile deployed
 * successfully to the environment that is not the one running; otherwise the newest ACTIVE revision below it.
 */
export async function findRollbackTarget(
  ecs: EcsPort,
  request: {profile: Profile; environment: Environment; identity: ServiceIdentity; service: EcsServiceState; toRevision?: number},
): Promise<RollbackTarget> {
  const {profile, environment, identity, service} = request;
  const from = service.taskDefinition;
  const current = parseTaskDefinition(from);
  const family = current.family || identity.family;
  const describe = async (reference: string) => (await ecs.describeTaskDefinition(reference))?.taskDefinition;

  if (request.toRevision !== undefined) {
    const document = await describe(`${family}:${request.toRevision}`);
    if (document === undefined)
      throw new InputError(
        `task definition ${family}:${request.toRevision} does not exist`,
        `see the revisions: aws ecs list-task-definitions --family-prefix ${family}`,
      );
    const arn = typeof document['taskDefinitionArn'] === 'string' ? document['taskDefinitionArn'] : `${family}:${request.toRevision}`;
    if (request.toRevision === current.revision) throw new InputError(`service ${identity.serviceName} already runs ${family}:${request.toRevision}`);
    const tag = tagOf(profile, arn, document);
    return {from, taskDefinitionArn: arn, revision: request.toRevision, ...(tag === undefined ? {} : {tag}), why: '--to-revision'};
  }

  const deployed = profile.runs.filter(
    (run: RunRecord) =>
      run.environment === environment.name &&
      run.outcome === 'deployed' &&
      run.taskDefinitionArn !== undefined &&
      parseTaskDefinition(run.taskDefinitionArn).revision !== current.revision,
  );
  const last = deployed.at(-1);
  if (last?.taskDefinitionArn !== undefined && parseTaskDefinition(last.taskDefinitionArn).family === family) {
    const document = await describe(last.taskDefinitionArn);
    if (document !== undefined && document['status'] !== 'INACTIVE') {
      return {
        from,
        taskDefinitionArn: last.taskDefinitionArn,
        revision: parseTaskDefinition(last.taskDefinitionArn).revision ?? 0,
        tag: last.tag,
        why: `the last successful deploy (${last.startedAt.slice(0, 10)}, tag ${last.tag})`,
      };
    }
  }

  const page = await ecs.listTaskDefinitions({familyPrefix: family, status: 'ACTIVE', sort: 'DESC'});
  const earlier = page.items
    .map((arn) => ({arn, ...parseTaskDefinition(arn)}))
    .filter((item) => item.family === family && item.revision !== undefined && current.revision !== undefined && item.revision < current.revision)
    .sort((a, b) => (b.revision ?? 0) - (a.revision ?? 0))[0];
  if (earlier === undefined) {
    throw new InputError(`no earlier revision of ${family} to roll back to (the service runs ${taskDefinitionLabel(from)})`, 'name one with --to-revision N');
  }
  const tag = tagOf(profile, earlier.arn, await describe(earlier.arn));
  return {
    from,
    taskDefinitionArn: earlier.arn,
    revision: earlier.revision ?? 0,
    ...(tag === undefined ? {} : {tag}),
    why: 'the revision before the running one',
  };
}

const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));
const exitCodeOf = (error: unknown): number => (typeof (error as {exitCode?: unknown}).exitCode === 'number' ? (error as {exitCode: number}).exitCode : 1);

export interface RollbackRequest extends WatchRunOptions {
  profile: Profile;
  environment: Environment;
  toRevision?: number;
  wait: boolean;
  /** Asked once the target is known, before the service changes; absent = go on (--yes). */
  confirm?: (target: RollbackTarget & {serviceName: string}) => Promise<boolean>;
}

/** `rollback`: find the target, update the service, watch it. One DeployEvent stream, always ending with `done`. */
export async function* rollbackDeploy(
  ports: {ecs: EcsPort; clock: Clock; store: ProfileStore; logs?: (region: string) => Promise<LogsPort>},
  request: RollbackRequest,
): AsyncGenerator<DeployEvent, void, undefined> {
  const {clock, store} = ports;
  // Every ECS call of the run is counted, whichever way it ends.
  const counted = countingEcs(ports.ecs);
  const ecs = counted.ecs;
  const startedAt = clock.now();
  const step = (name: DeployStepName, status: DeployStepStatus, message: string): DeployEvent => ({type: 'step', at: clock.now(), name, status, message});
  const fail = (error: unknown): DeployEvent => ({
    type: 'done',
    at: clock.now(),
    outcome: 'failed',
    reason: errorMessage(error),
    exitCode: exitCodeOf(error),
    elapsedMs: clock.now() - startedAt,
    apiCalls: counted.calls(),
  });
  const identity = serviceIdentity(request.profile, request.environment);
  yield step('plan', 'started', `finding the revision to roll ${identity.serviceName} back to`);
  let target: RollbackTarget;
  try {
    const service = await requireService(ecs, identity);
    target = await findRollbackTarget(ecs, {
      profile: request.profile,
      environment: request.environment,
      identity,
      service,
      ...(request.toRevision === undefined ? {} : {toRevision: request.toRevision}),
    });
  } catch (error) {
    yield step('plan', 'failed', errorMessage(error));
    yield fail(error);
    return;
  }
  yield step(
    'plan',
    'done',
    `roll back ${identity.serviceName}: ${taskDefinitionLabel(target.from)} → ${taskDefinitionLabel(target.taskDefinitionArn)}${target.tag === undefined ? '' : ` (tag ${target.tag})`}, ${target.why}`,
  );
  if (request.confirm !== undefined && !(await request.confirm({...target, serviceName: identity.serviceName}))) {
    yield {
      type: 'done',
      at: clock.now(),
      outcome: 'interrupted',
      reason: 'cancelled at the confirmation: nothing was changed',
      exitCode: 5,
      elapsedMs: clock.now() - startedAt,
      apiCalls: counted.calls(),
    };
    return;
  }
  yield step('service', 'started', `updating service ${identity.serviceName} to ${taskDefinitionLabel(target.taskDefinitionArn)}`);
  let started: StartedDeployment;
  const requestedAt = clock.now();
  try {
    started = await rollBackService(ecs, {cluster: identity.cluster, serviceName: identity.serviceName, taskDefinitionArn: target.taskDefinitionArn});
  } catch (error) {
    yield step('service', 'failed', errorMessage(error));
    yield fail(error);
    return;
  }
  const {deploymentId, serviceDeploymentArn} = started;
  yield step('service', 'done', `updated service ${identity.serviceName}${deploymentId === undefined ? '' : ` (deployment ${deploymentId})`}`);

  const run: RunRecord = {
    environment: request.environment.name,
    // A run needs a tag: 'unknown' when the revision's image is not the artifact's (it is then not made current).
    tag: target.tag ?? 'unknown',
    taskDefinitionArn: target.taskDefinitionArn,
    revision: target.revision,
    startedAt: new Date(startedAt).toISOString(),
    outcome: 'detached',
    ...(request.simulated ? {simulated: true} : {}),
    ...(serviceDeploymentArn === undefined ? {} : {serviceDeploymentArn}),
  };
  if (!request.wait) {
    await recordRun(store, request.profile.name, {...run, finishedAt: new Date(clock.now()).toISOString()}, clock, {updateTag: target.tag !== undefined}).catch(
      () => false,
    );
    yield {
      type: 'done',
      at: clock.now(),
      outcome: 'detached',
      reason: `rollback to ${taskDefinitionLabel(target.taskDefinitionArn)} started; not waiting (--no-wait)`,
      exitCode: 0,
      elapsedMs: clock.now() - startedAt,
      apiCalls: counted.calls(),
    };
    return;
  }
  for await (const event of watchDeployment({
    ecs,
    clock,
    cluster: identity.cluster,
    service: identity.serviceName,
    taskDefinitionArn: target.taskDefinitionArn,
    ...(deploymentId === undefined ? {} : {deploymentId}),
    ...(serviceDeploymentArn === undefined ? {} : {serviceDeploymentArn}),
    since: requestedAt,
    previousTaskDefinitionArn: target.from,
    timeoutMs: request.timeoutMs,
    noProgressTimeoutMs: request.noProgressTimeoutMs,
    ...(request.control === undefined ? {} : {signal: request.control.signal}),
    ...(request.simulated ? {simulated: true} : {logsCommand: logsCommandFor(request.profile.name, request.environment.name)}),
    ...(ports.logs === undefined ? {} : {logs: ports.logs}),
  })) {
    // Where UpdateService named none, the record the watch judged is ours.
    if (event.type === 'service-deployment' && run.serviceDeploymentArn === undefined) run.serviceDeploymentArn = event.arn;
    if (event.type === 'done') {
      try {
        await recordRun(store, request.profile.name, {...run, outcome: event.outcome, finishedAt: new Date(event.at).toISOString()}, clock, {
          updateTag: target.tag !== undefined,
        });
      } catch (error) {
        yield {type: 'warning', at: clock.now(), message: `the run was not recorded in the profile: ${errorMessage(error)}`};
      }
      // The watch counts its own calls; the run's summary counts all of them.
      yield {...event, apiCalls: counted.calls()};
    } else yield event;
  }
}
