/**
 * Watch a deployment: an async generator of DeployEvent (the poller and monitor of the deploy; it never prints).
 *
 * Each poll: DescribeServices (deployments, events); ECS's own record of our deployment (deployment-record.ts:
 * DescribeServiceDeployments, found first when only our task definition is known) on the first poll, when a
 * deployment came, went or changed state, when DescribeServices looks finished but the record is not yet, and every
 * ~30 s while ours is not listed — until the record is final; and — when our deployment's counts or state changed,
 * every ~30 s as a safety net, and on the final poll —
 * ListTasks(STOPPED, startedBy = our deployment) + DescribeTasks of the ARNs not seen yet. So a stopped task's reason
 * is emitted in the same poll that sees its deployment's counts change: within one poll of the stop.
 *
 * The truth: ECS's record of our deployment decides where the endpoint keeps records; where it does not (moto), an
 * `info` event says so once and DescribeServices decides (verdict.ts). The outcome's reason always says why a failure
 * failed (outcomeReason): ECS's reason, else one seen earlier (the rollout's, a service event), and what our stopped
 * tasks died of — found by our task definition when our deployment is no longer listed.
 *
 * Pace: ≈2 s while anything moves, ×1.5 per idle poll up to 12 s. Every port call goes through a sliding-window
 * limiter (default ≤ 40 calls in any 60 s). ThrottlingException: jittered exponential back-off (≤ 30 s), a
 * `throttled` event per retry. Other errors: a `warning`, then up to MAX_ERRORS consecutive ones before `done` failed.
 *
 * Ending: exactly one `done`. Before it, a final poll (stopped tasks included) so a late failure reason is never
 * lost: on timeouts (whose outcome the final poll may still turn into deployed/failed/rolled back), on abort
 * (`signal`: the screen's detach or Ctrl-C → outcome detached), and a stopped-task sweep after a verdict.
 * A rollback is followed until the rollback deployment completes (≤ ROLLBACK_SETTLE_MS) before `done` rolled-back.
 *
 * A failing task's own logs (`logs` given): for the first MAX_TASK_LOG_READS failed tasks the last lines of the
 * container that stopped them are read in the background (task-logs.ts) and a `task-logs` event is yielded as soon
 * as they are in, between the watch's own events; the watch never waits for them (its verdict and `done` come when
 * they come: reads not finished by then are left out).
 *
 * Time comes only from `clock`; `random` (default Math.random) only jitters the back-off. Text from AWS is passed on
 * raw: the renderers clean what they show.
 */
import {classifyStoppedTask} from '../../domain/deploy/stopped-task.js';
import {circuitBreakerThreshold, judgeDeployment, outcomeReason} from '../../domain/deploy/verdict.js';
import {OUTCOME_EXIT_CODES} from '../../domain/deploy/events.js';
import {parseTaskDefinition, taskDefinitionLabel} from '../../domain/aws-names.js';
import type {DeployEvent, DeploymentRow} from '../../domain/deploy/events.js';
import type {Judgement, JudgedRecord} from '../../domain/deploy/verdict.js';
import type {RunOutcome} from '../../domain/model.js';
import {isJsonObject, type JsonObject} from '../../domain/json.js';
import type {Clock} from '../../ports/clock.js';
import type {EcsPort, EcsServiceEvent, EcsServiceState, EcsTask} from '../../ports/ecs.js';
import type {LogsPort} from '../../ports/logs.js';
import {DeploymentRecords} from './deployment-record.js';
import {SeenTasks} from './seen-tasks.js';
import {cachedTaskDefinition, readLogsOf, withTaskLogs, type TaskDefinitionCache} from './task-logs.js';
import {TrafficWatch} from './traffic-watch.js';

export interface WatchOptions {
  ecs: EcsPort;
  clock: Clock;
  cluster: string;
  service: string;
  /** The task definition we deployed. */
  taskDefinitionArn: string;
  /** Our deployment's id (from CreateService/UpdateService); found by task definition when absent. */
  deploymentId?: string;
  /** Our service deployment's ARN (CreateService/UpdateService's currentServiceDeployment): ECS's record of it decides. */
  serviceDeploymentArn?: string;
  /**
   * When our deployment was asked for (ms): without `serviceDeploymentArn`, the newest record of our task definition
   * since then is ours. Neither given (nothing was deployed): ECS's records are not asked.
   */
  since?: number;
  /** The task definition the service ran before (a PRIMARY running it = rolled back); optional. */
  previousTaskDefinitionArn?: string;
  /** The deployments listed before ours started: while one is PRIMARY and ours is not listed, ours is not known yet. */
  priorDeploymentIds?: readonly string[];
  /** Overall limit (--timeout). */
  timeoutMs: number;
  /** Limit without any change (--no-progress-timeout). */
  noProgressTimeoutMs: number;
  /** Abort = detach (the deployment goes on): final poll, then done 'detached'. */
  signal?: AbortSignal;
  /** For the back-off jitter; default Math.random. */
  random?: () => number;
  /** Default 40. */
  maxCallsPerMinute?: number;
  /** Shown in watch-started; detected from the simulator port when absent. */
  simulated?: boolean;
  scenario?: string;
  /** CloudWatch Logs by region: the failing tasks' own logs are read (in the background). Absent: not read. */
  logs?: (region: string) => Promise<LogsPort>;
  /** The command that prints the service's logs (`ecs-wizard logs web-api --env staging`), named in a stopped task's hint. */
  logsCommand?: string;
  /** Task definitions read in this watch, shared with its log reader (set by watchDeployment). */
  definitions?: TaskDefinitionCache;
}

/** The command that prints a profile's logs in an environment, for the hints (not for simulated runs: their logs live in the run). */
export const logsCommandFor = (profile: string, environment: string): string => `ecs-wizard logs ${profile} --env ${environment}`;

export const POLL_FAST_MS = 2_000;
export const POLL_IDLE_MAX_MS = 12_000;
export const BACKOFF_MAX_MS = 30_000;
export const TASK_SWEEP_EVERY_MS = 30_000;
export const ROLLBACK_SETTLE_MS = 120_000;
export const MAX_ERRORS = 5;
/** The logs of at most this many failed tasks are read per watch. */
export const MAX_TASK_LOG_READS = 3;
const WINDOW_MS = 60_000;
/** The final poll after an abort waits at most this long for the rate limiter. */
const FINAL_POLL_MAX_WAIT_MS = 10_000;

class Aborted extends Error {}

/** Sliding-window limiter: never more than `max` calls in any `WINDOW_MS`. */
class RateLimiter {
  private readonly times: number[] = [];
  constructor(
    private readonly clock: Clock,
    private readonly max: number,
  ) {}

  /** How long the next call must wait (0 = now). */
  wait(): number {
    const now = this.clock.now();
    while (this.times.length > 0 && now - this.times[0]! >= WINDOW_MS) this.times.shift();
    if (this.times.length < this.max) return 0;
    return this.times[0]! + WINDOW_MS - now;
  }

  async acquire(signal?: AbortSignal): Promise<void> {
    for (let wait = this.wait(); wait > 0; wait = this.wait()) await this.clock.sleep(wait, signal);
    this.times.push(this.clock.now());
  }
}

interface SimulationLike {
  simulation?: {simulated?: boolean; scenario?: string; speed?: number};
}

/** A record that will not change any more. */
const FINAL_RECORD = new Set(['SUCCESSFUL', 'STOPPED', 'ROLLBACK_SUCCESSFUL', 'ROLLBACK_FAILED']);

/** ECS's words for our deployment's failure in a service event: `(service web) (deployment ecs-svc/1) deployment failed: tasks failed to start.` */
function failureInEvents(events: readonly EcsServiceEvent[], deploymentId: string | undefined): string | undefined {
  if (deploymentId === undefined) return undefined;
  const event = [...events]
    .reverse()
    .find((item) => item.message.includes(`(deployment ${deploymentId})`) && /deployment failed|circuit breaker/i.test(item.message));
  return event?.message
    .slice(event.message.indexOf(`(deployment ${deploymentId})`) + `(deployment ${deploymentId})`.length)
    .trim()
    .replace(/^deployment failed:\s*/i, '');
}

const isAbortError = (error: unknown): boolean => error instanceof Aborted || (error instanceof Error && error.name === 'AbortError');
const isThrottled = (error: unknown): boolean => typeof error === 'object' && error !== null && (error as {kind?: unknown}).kind === 'throttled';
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * The watch, with the failing tasks' logs read in the background when `options.logs` is given: their events are
 * yielded as soon as they are in, never waited for.
 */
export async function* watchDeployment(watchOptions: WatchOptions): AsyncGenerator<DeployEvent, void, undefined> {
  const options = {...watchOptions, definitions: watchOptions.definitions ?? new Map()};
  if (options.logs === undefined) yield* watchLoop(options);
  else yield* withTaskLogs(watchLoop(options), {...options, logs: options.logs, maxReads: MAX_TASK_LOG_READS});
}

async function* watchLoop(options: WatchOptions): AsyncGenerator<DeployEvent, void, undefined> {
  const {ecs, clock, cluster, service, taskDefinitionArn, signal} = options;
  const definitions: TaskDefinitionCache = options.definitions ?? new Map();
  const random = options.random ?? Math.random;
  const limiter = new RateLimiter(clock, Math.max(1, options.maxCallsPerMinute ?? 40));
  const startedAt = clock.now();
  const simulation = (ecs as EcsPort & SimulationLike).simulation;
  let apiCalls = 0;
  let deploymentId = options.deploymentId;

  // Watch state.
  let lastRowsKey = '';
  let lastOursKey = '';
  let lastFailed: number | undefined;
  let firstPoll = true;
  let seenEvents = new Set<string>();
  const seenTasks = new SeenTasks();
  let lastSweepAt = -Infinity;
  let lastProgressAt = startedAt;
  let interval = POLL_FAST_MS;
  let errors = 0;
  let throttleAttempt = 0;
  let rolledBackSince: number | undefined;
  let circuitBreakerOn = true;
  /** Why our deployment failed, remembered: ECS removes a failed deployment once its rollback completes. */
  let knownWhy: string | undefined;
  /** The service's latest events (a failure's reason may be in them). */
  let lastEvents: readonly EcsServiceEvent[] = [];
  /** What our stopped tasks died of: distinct failure summaries, oldest first. */
  const taskFailures: string[] = [];
  const records = new DeploymentRecords({
    ecs,
    cluster,
    service,
    taskDefinitionArn,
    ...(options.serviceDeploymentArn === undefined ? {} : {serviceDeploymentArn: options.serviceDeploymentArn}),
    ...(options.since === undefined ? {} : {since: options.since}),
  });
  let lastRecordAt = -Infinity;
  let lastStateKey = '';
  // BLUE_GREEN, LINEAR, CANARY: the stage, traffic split, bake, hooks and alarms of our record (traffic-watch.ts).
  const traffic = new TrafficWatch(simulation?.speed ?? 1);
  /** A bake is under way: ECS waits on purpose, which is not "no progress"; the next poll is due when it ends. */
  let baking = false;
  let bakeEndsAt: number | undefined;

  const call = async <T>(run: () => Promise<T>, callSignal: AbortSignal | undefined): Promise<T> => {
    await limiter.acquire(callSignal);
    apiCalls++;
    return run();
  };

  const event = <T extends DeployEvent>(value: T): T => value;

  /**
   * Stopped tasks of our deployment not seen yet (ListTasks + DescribeTasks), oldest stop first. Without our
   * deployment's id only when `byService`: the service's stopped tasks that ran our task definition (a late watch,
   * after ECS dropped our deployment), whose `startedBy` then names our deployment.
   */
  const sweepTasks = async (callSignal: AbortSignal | undefined, byService = false): Promise<DeployEvent[]> => {
    if (deploymentId === undefined && !byService) return [];
    lastSweepAt = clock.now();
    const query = deploymentId === undefined ? {serviceName: service} : {startedBy: deploymentId};
    const arns = await call(() => ecs.listTasks({cluster, ...query, desiredStatus: 'STOPPED'}), callSignal);
    const fresh = seenTasks.listed(arns);
    if (fresh.length === 0) return [];
    const described = await call(() => ecs.describeTasks(cluster, fresh), callSignal);
    for (const task of described) if (task.taskDefinitionArn !== taskDefinitionArn && deploymentId === undefined) seenTasks.add(task.taskArn);
    const stopped = described
      .filter((task) => task.lastStatus === 'STOPPED' && !seenTasks.has(task.taskArn))
      .sort((a, b) => (a.stoppedAt ?? '').localeCompare(b.stoppedAt ?? '') || a.taskArn.localeCompare(b.taskArn));
    if (deploymentId === undefined) deploymentId = stopped.find((task) => task.startedBy?.startsWith('ecs-svc/') === true)?.startedBy;
    // Where the containers write (for the hints): our task definition, read once and shared with the log reader.
    const definition =
      stopped.length === 0
        ? undefined
        : await cachedTaskDefinition(definitions, taskDefinitionArn, () =>
            call(() => ecs.describeTaskDefinition(taskDefinitionArn), callSignal).then((answer) => answer?.taskDefinition),
          ).catch((error: unknown) => {
            if (isAbortError(error)) throw error;
            return undefined;
          });
    const at = clock.now();
    return stopped.map((task) => {
      seenTasks.add(task.taskArn);
      return taskStoppedEvent(task, at, definition);
    });
  };

  const taskStoppedEvent = (task: EcsTask, at: number, definition: JsonObject | undefined): DeployEvent => {
    const containers = task.containers.map((container) => ({
      name: container.name,
      ...(container.exitCode === undefined ? {} : {exitCode: container.exitCode}),
      ...(container.reason === undefined ? {} : {reason: container.reason}),
    }));
    const stoppedReason = task.stoppedReason ?? '';
    const readLogs = readLogsOf(definition, {
      taskArn: task.taskArn,
      region: ecs.region,
      ...(options.logsCommand === undefined ? {} : {command: options.logsCommand}),
    });
    const failure = classifyStoppedTask({stoppedReason, stopCode: task.stopCode, containers, readLogs});
    if (failure.class !== 'not-a-failure' && !taskFailures.includes(failure.summary)) taskFailures.push(failure.summary);
    return event({
      type: 'task-stopped',
      at,
      taskArn: task.taskArn,
      stoppedReason,
      ...(task.stopCode === undefined ? {} : {stopCode: task.stopCode}),
      ...(task.stoppedAt === undefined ? {} : {stoppedAt: task.stoppedAt}),
      containers,
      failure,
    });
  };

  const judge = (state: EcsServiceState, record: JudgedRecord | undefined): Judgement =>
    judgeDeployment(state, taskDefinitionArn, {
      ...(deploymentId === undefined ? {} : {deploymentId}),
      ...(options.previousTaskDefinitionArn === undefined ? {} : {previousTaskDefinitionArn: options.previousTaskDefinitionArn}),
      ...(options.priorDeploymentIds === undefined ? {} : {priorDeploymentIds: options.priorDeploymentIds}),
      ...(record === undefined ? {} : {record}),
    });

  /**
   * ECS's record of our deployment, read when it may have moved: the first poll, a deployment came, went or changed
   * state, DescribeServices alone would call it finished, or (every TASK_SWEEP_EVERY_MS) while DescribeServices does
   * not list ours — never once it is final. Its task counts move all the time: DescribeServices shows those.
   */
  const readRecord = async (state: EcsServiceState, callSignal: AbortSignal | undefined): Promise<DeployEvent[]> => {
    const at = clock.now();
    // Which deployments there are and how they stand (not their task counts, which move all through a rollout).
    const stateKey = JSON.stringify(state.deployments.map((deployment) => [deployment.id, deployment.status, deployment.rolloutState]));
    const moved = stateKey !== lastStateKey;
    lastStateKey = stateKey;
    const current = records.current;
    if (!records.wanted || (current !== undefined && FINAL_RECORD.has(current.record.status))) return [];
    const alone = judge(state, undefined);
    const looksFinished = alone.verdict !== 'in-progress';
    const unlisted = alone.ours === undefined && at - lastRecordAt >= TASK_SWEEP_EVERY_MS;
    // A deployment that shifts traffic moves without DescribeServices showing it: its record is read every poll.
    const shifting = current?.record.lifecycleStage !== undefined;
    if (!(firstPoll || moved || looksFinished || unlisted || shifting)) return [];
    lastRecordAt = at;
    const read = await records.read((run) => call(run, callSignal), at, TASK_SWEEP_EVERY_MS);
    if (read.kind === 'unavailable') {
      const strategy = isJsonObject(state.raw.deploymentConfiguration) ? state.raw.deploymentConfiguration.strategy : undefined;
      const shiftsTraffic = strategy === 'BLUE_GREEN' || strategy === 'LINEAR' || strategy === 'CANARY';
      const note = shiftsTraffic ? ` (the ${String(strategy)} traffic view — stages, split, bakes, hooks, alarms — needs them: not shown)` : '';
      return [event({type: 'info', at, message: `${read.message}${note}`})];
    }
    if (read.kind === 'record' && read.changed) {
      const {type, ...record} = read.event;
      return [{type, at, ...record}];
    }
    return [];
  };

  interface PollResult {
    events: DeployEvent[];
    judgement?: Judgement;
    changed: boolean;
    swept: boolean;
  }

  /** One poll. Throws what the port throws (throttling included). */
  const poll = async (force: boolean, callSignal: AbortSignal | undefined): Promise<PollResult> => {
    const out: DeployEvent[] = [];
    const states = await call(() => ecs.describeServices(cluster, [service]), callSignal);
    const state = states[0];
    const at = clock.now();
    if (state === undefined) return {events: out, changed: false, swept: false};
    const configuration = isJsonObject(state.raw.deploymentConfiguration) ? state.raw.deploymentConfiguration : undefined;
    const breaker = configuration && isJsonObject(configuration.deploymentCircuitBreaker) ? configuration.deploymentCircuitBreaker : undefined;
    // Absent: on for what the deploy sends it with (ROLLING, BLUE_GREEN), off for LINEAR and CANARY (deploy-inputs.ts).
    circuitBreakerOn = breaker === undefined ? !['LINEAR', 'CANARY'].includes(String(configuration?.strategy)) : breaker.enable !== false;
    lastEvents = state.events;

    const recordEvents = await readRecord(state, callSignal);
    const judgement = judge(state, records.current?.judged);
    if (judgement.ours?.rolloutState === 'FAILED' && judgement.ours.rolloutStateReason) knownWhy = judgement.ours.rolloutStateReason;
    if (deploymentId === undefined && judgement.ours) deploymentId = judgement.ours.id;
    const ours = state.deployments.find((deployment) => deployment.id === deploymentId);

    // Deployments snapshot, when anything changed.
    const rows: DeploymentRow[] = state.deployments.map((deployment) => {
      const {revision} = parseTaskDefinition(deployment.taskDefinition);
      return {
        id: deployment.id,
        status: deployment.status,
        taskDefinition: deployment.taskDefinition,
        ...(revision === undefined ? {} : {revision}),
        desired: deployment.desiredCount,
        running: deployment.runningCount,
        pending: deployment.pendingCount,
        failed: deployment.failedTasks,
        ...(deployment.rolloutState === undefined ? {} : {rolloutState: deployment.rolloutState}),
        ...(deployment.rolloutStateReason === undefined ? {} : {reason: deployment.rolloutStateReason}),
        ours: deployment.id === deploymentId,
      };
    });
    const rowsKey = JSON.stringify(rows);
    let changed = recordEvents.some((item) => item.type === 'service-deployment');
    if (rowsKey !== lastRowsKey) {
      lastRowsKey = rowsKey;
      changed = true;
      out.push(event({type: 'deployments', at, deployments: rows}));
    }
    out.push(...recordEvents);
    const current = records.current;
    const shift = current === undefined ? undefined : traffic.read(current.record, configuration, at);
    if (shift !== undefined) {
      out.push({...shift, at});
      changed = true;
      baking = shift.bake !== undefined;
      bakeEndsAt = shift.bake?.endsAt;
    }

    // Service events, de-duplicated, oldest first. On the first poll only those since our deployment began.
    const since = firstPoll ? Date.parse(ours?.createdAt ?? '') : Number.NaN;
    const fresh = state.events.filter((serviceEvent) => !seenEvents.has(serviceEvent.id));
    for (const serviceEvent of [...fresh].reverse()) {
      if (firstPoll && !(Date.parse(serviceEvent.createdAt) >= since)) continue;
      out.push(event({type: 'service-event', at, id: serviceEvent.id, createdAt: serviceEvent.createdAt, message: serviceEvent.message}));
      changed = true;
    }
    // ECS drops old events off the end and never brings them back: remembering the current ids is enough.
    seenEvents = new Set(state.events.map((serviceEvent) => serviceEvent.id));
    firstPoll = false;

    // Circuit breaker progress.
    // With the breaker off, the failures are said too: nothing in ECS will stop them.
    if (ours && ours.failedTasks !== lastFailed && (ours.failedTasks > 0 || lastFailed !== undefined)) {
      const threshold = circuitBreakerThreshold(ours.desiredCount);
      out.push(event({type: 'circuit-breaker', at, failed: ours.failedTasks, threshold, ...(circuitBreakerOn ? {} : {off: true as const})}));
    }
    if (ours) lastFailed = ours.failedTasks;

    // Stopped tasks: when our deployment moved, periodically, or when forced.
    const oursKey = ours ? `${ours.status}|${ours.rolloutState}|${ours.runningCount}|${ours.pendingCount}|${ours.failedTasks}` : 'gone';
    const oursMoved = oursKey !== lastOursKey;
    lastOursKey = oursKey;
    let swept = false;
    if (force || oursMoved || at - lastSweepAt >= TASK_SWEEP_EVERY_MS) {
      const stopped = await sweepTasks(callSignal, force);
      swept = deploymentId !== undefined;
      if (stopped.length > 0) changed = true;
      out.push(...stopped);
    }
    return {events: out, judgement, changed, swept};
  };

  const elapsed = (): number => clock.now() - startedAt;
  const done = (outcome: RunOutcome, reason: string): DeployEvent => {
    const status = records.current?.record.status;
    return event({
      type: 'done',
      at: clock.now(),
      outcome,
      reason,
      exitCode: OUTCOME_EXIT_CODES[outcome],
      elapsedMs: elapsed(),
      apiCalls,
      ...(status === undefined ? {} : {serviceDeploymentStatus: status}),
    });
  };

  /** The final poll (no abort signal: it must run after an abort). Errors become a warning. */
  const finalPoll = async function* (): AsyncGenerator<DeployEvent, Judgement | undefined, undefined> {
    if (limiter.wait() > FINAL_POLL_MAX_WAIT_MS) {
      yield event({type: 'warning', at: clock.now(), message: 'final poll skipped: the API call budget is used up'});
      return undefined;
    }
    try {
      const result = await poll(true, undefined);
      for (const item of result.events) yield item;
      return result.judgement;
    } catch (error) {
      yield event({type: 'warning', at: clock.now(), message: `final poll failed: ${messageOf(error)}`});
      return undefined;
    }
  };

  /** A last stopped-task sweep after a verdict (when the deciding poll did not sweep): by task definition when needed. */
  const finalSweep = async function* (): AsyncGenerator<DeployEvent, void, undefined> {
    try {
      for (const item of await sweepTasks(undefined, true)) yield item;
    } catch (error) {
      yield event({type: 'warning', at: clock.now(), message: `final check of stopped tasks failed: ${messageOf(error)}`});
    }
  };

  const terminal = (judgement: Judgement | undefined): boolean =>
    judgement !== undefined && (judgement.verdict === 'deployed' || judgement.verdict === 'failed' || judgement.verdict === 'rolled-back');

  yield event({
    type: 'watch-started',
    at: startedAt,
    cluster,
    service,
    region: ecs.region,
    taskDefinitionArn,
    ...(deploymentId === undefined ? {} : {deploymentId}),
    ...(options.serviceDeploymentArn === undefined ? {} : {serviceDeploymentArn: options.serviceDeploymentArn}),
    simulated: options.simulated ?? simulation?.simulated === true,
    ...((options.scenario ?? simulation?.scenario) === undefined ? {} : {scenario: options.scenario ?? simulation?.scenario}),
  });

  let missingPolls = 0;
  for (;;) {
    // 1. Poll (abortable), handling throttling and errors.
    let result: PollResult | undefined;
    try {
      if (signal?.aborted) throw new Aborted();
      result = await poll(false, signal);
      errors = 0;
      throttleAttempt = 0;
    } catch (error) {
      if (isAbortError(error) || signal?.aborted) {
        const judgement = yield* finalPoll();
        void judgement;
        yield done('detached', 'detached: the deployment goes on without us (watch it again with `ecs-wizard watch`)');
        return;
      }
      if (isThrottled(error)) {
        throttleAttempt++;
        const ceiling = Math.min(BACKOFF_MAX_MS, POLL_FAST_MS * 2 ** throttleAttempt);
        const retryInMs = Math.min(BACKOFF_MAX_MS, Math.round(ceiling / 2 + random() * (ceiling / 2)));
        yield event({type: 'throttled', at: clock.now(), retryInMs, attempt: throttleAttempt});
        try {
          await clock.sleep(retryInMs, signal);
        } catch {
          yield* finalPoll();
          yield done('detached', 'detached: the deployment goes on without us (watch it again with `ecs-wizard watch`)');
          return;
        }
        // Throttling is not "no progress" of the deployment, but the overall timeout still applies.
        if (elapsed() >= options.timeoutMs) {
          const judgement = yield* finalPoll();
          yield judgement && terminal(judgement) ? verdictDone(judgement) : done('timed-out', `not finished after ${seconds(options.timeoutMs)} (--timeout)`);
          return;
        }
        continue;
      }
      errors++;
      yield event({type: 'warning', at: clock.now(), message: `polling failed (${errors}/${MAX_ERRORS}): ${messageOf(error)}`});
      if (errors >= MAX_ERRORS) {
        yield done('failed', `cannot watch the deployment: ${messageOf(error)}`);
        return;
      }
      result = undefined;
    }

    if (result) {
      for (const item of result.events) yield item;
      if (baking) lastProgressAt = clock.now();
      if (result.changed) {
        lastProgressAt = clock.now();
        interval = POLL_FAST_MS;
      } else {
        interval = Math.min(POLL_IDLE_MAX_MS, Math.round(interval * 1.5));
      }
      if (result.judgement === undefined) {
        missingPolls++;
        if (missingPolls >= 3) {
          yield done('failed', `service ${service} not found in cluster ${cluster}`);
          return;
        }
        if (missingPolls === 1) yield event({type: 'warning', at: clock.now(), message: `service ${service} not found in cluster ${cluster}; retrying`});
      } else {
        missingPolls = 0;
        const judgement = result.judgement;
        if (judgement.verdict === 'deployed' || judgement.verdict === 'failed') {
          if (!result.swept) yield* finalSweep();
          yield verdictDone(judgement);
          return;
        }
        if (judgement.verdict === 'rolled-back') {
          rolledBackSince ??= clock.now();
          if (judgement.rollbackSettled || clock.now() - rolledBackSince >= ROLLBACK_SETTLE_MS || elapsed() >= options.timeoutMs) {
            if (!result.swept) yield* finalSweep();
            yield verdictDone(judgement);
            return;
          }
        }
      }
    }

    // 2. Timeouts (a final poll may still find the end).
    const now = clock.now();
    if (elapsed() >= options.timeoutMs || now - lastProgressAt >= options.noProgressTimeoutMs) {
      const overall = elapsed() >= options.timeoutMs;
      const judgement = yield* finalPoll();
      if (judgement && terminal(judgement)) {
        yield verdictDone(judgement);
      } else {
        yield done(
          'timed-out',
          overall
            ? `not finished after ${seconds(options.timeoutMs)} (--timeout)${judgement ? `; ${judgement.reason}` : ''}`
            : `no change for ${seconds(options.noProgressTimeoutMs)} (--no-progress-timeout)${judgement ? `; ${judgement.reason}` : ''}`,
        );
      }
      return;
    }

    // 3. Sleep until the next poll (never past a deadline).
    const untilTimeout = startedAt + options.timeoutMs - now;
    const untilStall = lastProgressAt + options.noProgressTimeoutMs - now;
    const untilBakeEnds = baking && bakeEndsAt !== undefined && bakeEndsAt > now ? bakeEndsAt - now + POLL_FAST_MS / 2 : Infinity;
    const wait = Math.max(1, Math.min(errors > 0 ? Math.min(BACKOFF_MAX_MS, POLL_FAST_MS * 2 ** errors) : interval, untilTimeout, untilStall, untilBakeEnds));
    try {
      await clock.sleep(wait, signal);
    } catch {
      yield* finalPoll();
      yield done('detached', 'detached: the deployment goes on without us (watch it again with `ecs-wizard watch`)');
      return;
    }
  }

  function verdictDone(judgement: Judgement): DeployEvent {
    const outcome: RunOutcome = judgement.verdict === 'deployed' ? 'deployed' : judgement.verdict === 'rolled-back' ? 'rolled-back' : 'failed';
    const why = knownWhy ?? failureInEvents(lastEvents, deploymentId);
    // Our deployment's id may have been learned since the verdict (from its stopped tasks, when ECS no longer lists it).
    const named =
      judgement.ours === undefined && judgement.subject !== undefined && judgement.why === undefined && deploymentId !== undefined
        ? {...judgement, subject: `deployment ${deploymentId} (${taskDefinitionLabel(taskDefinitionArn)})`}
        : judgement;
    return done(outcome, outcomeReason(named, {...(why === undefined ? {} : {why}), taskFailures}));
  }
}

function seconds(ms: number): string {
  return ms % 60_000 === 0 && ms >= 60_000 ? `${ms / 60_000} min` : `${Math.round(ms / 1000)} s`;
}
