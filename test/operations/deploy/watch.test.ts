import {describe, expect, test} from 'vitest';
import {createSimulatedEcs} from '../../../source/adapters/simulator/simulated-ecs.js';
import type {SimulatedEcs} from '../../../source/adapters/simulator/simulated-ecs.js';
import type {SimulationScenario} from '../../../source/ports/simulation.js';
import type {DeployEvent} from '../../../source/domain/deploy/events.js';
import type {JsonObject} from '../../../source/domain/json.js';
import {AwsError} from '../../../source/errors.js';
import {BACKOFF_MAX_MS, POLL_IDLE_MAX_MS, watchDeployment} from '../../../source/operations/deploy/watch.js';
import type {WatchOptions} from '../../../source/operations/deploy/watch.js';
import type {EcsPort, EcsServiceState} from '../../../source/ports/ecs.js';
import {FakeClock, FAKE_EPOCH} from '../../helpers/fake-clock.js';

const MINUTE = 60_000;

type Of<T extends DeployEvent['type']> = Extract<DeployEvent, {type: T}>;
const ofType = <T extends DeployEvent['type']>(events: DeployEvent[], type: T): Array<Of<T>> => events.filter((event): event is Of<T> => event.type === type);

async function collect(generator: AsyncIterable<DeployEvent>, onEvent?: (event: DeployEvent) => void): Promise<DeployEvent[]> {
  const events: DeployEvent[] = [];
  for await (const event of generator) {
    events.push(event);
    onEvent?.(event);
  }
  return events;
}

/** The most calls in any 60 s window. */
function maxPerMinute(times: number[]): number {
  let max = 0;
  for (let i = 0; i < times.length; i++) {
    let count = 0;
    for (let j = i; j < times.length && times[j]! - times[i]! < MINUTE; j++) count++;
    max = Math.max(max, count);
  }
  return max;
}

interface Run {
  events: DeployEvent[];
  ecs: SimulatedEcs;
  clock: FakeClock;
  /** Port calls made by the watch. */
  watchCalls: SimulatedEcs['calls'];
  done: Of<'done'>;
  watchStartedAt: number;
}

/**
 * A running service (web:1, 2 tasks), then an UpdateService to web:2 faring per the scenario, watched to the end like
 * deploy watches it (our service deployment's ARN as UpdateService named it). `records: false`: an endpoint without
 * ECS's service deployment records (moto).
 */
async function deployAndWatch(
  scenario: SimulationScenario,
  options: {
    newService?: boolean;
    circuitBreaker?: boolean;
    records?: boolean;
    watch?: Partial<WatchOptions>;
    onEvent?: (event: DeployEvent, controller: AbortController) => void;
  } = {},
): Promise<Run> {
  const clock = new FakeClock({autoAdvance: true});
  const ecs = createSimulatedEcs({clock, scenario, ...(options.records === false ? {serviceDeployments: false} : {})});
  const since = clock.now();
  const deploymentConfiguration: JsonObject =
    options.circuitBreaker === false ? {deploymentConfiguration: {deploymentCircuitBreaker: {enable: false, rollback: false}}} : {};
  let taskDefinitionArn: string;
  let deploymentId: string;
  let serviceDeploymentArn: string | undefined;
  if (options.newService) {
    const registered = await ecs.registerTaskDefinition({
      family: 'web',
      containerDefinitions: [{name: 'web', image: 'registry.example.com/team/web:2.0', essential: true}],
    });
    const created = await ecs.createService({
      cluster: 'default',
      serviceName: 'web',
      taskDefinition: registered.arn,
      desiredCount: 2,
      ...deploymentConfiguration,
    });
    taskDefinitionArn = registered.arn;
    deploymentId = created.deployments[0]!.id;
    serviceDeploymentArn = created.currentServiceDeployment;
  } else {
    ecs.seedService({serviceName: 'web', desiredCount: 2});
    const registered = await ecs.registerTaskDefinition({
      family: 'web',
      containerDefinitions: [{name: 'web', image: 'registry.example.com/team/web:2.0', essential: true}],
    });
    const updated = await ecs.updateService({cluster: 'default', service: 'web', taskDefinition: registered.arn, ...deploymentConfiguration});
    taskDefinitionArn = registered.arn;
    deploymentId = updated.deployments[0]!.id;
    serviceDeploymentArn = updated.currentServiceDeployment;
  }
  const before = ecs.calls.length;
  const controller = new AbortController();
  const watchStartedAt = clock.now();
  const events = await collect(
    watchDeployment({
      ecs,
      clock,
      cluster: 'default',
      service: 'web',
      taskDefinitionArn,
      deploymentId,
      ...(serviceDeploymentArn === undefined ? {} : {serviceDeploymentArn}),
      since,
      timeoutMs: 30 * MINUTE,
      noProgressTimeoutMs: 10 * MINUTE,
      random: () => 0.5,
      signal: controller.signal,
      ...options.watch,
    }),
    (event) => options.onEvent?.(event, controller),
  );
  const done = events.at(-1)!;
  if (done.type !== 'done') throw new Error(`the last event is ${done.type}`);
  return {events, ecs, clock, watchCalls: ecs.calls.slice(before), done, watchStartedAt};
}

function expectWellFormed(run: Run, limit = 40): void {
  expect(run.events[0]!.type).toBe('watch-started');
  expect(ofType(run.events, 'done')).toHaveLength(1);
  expect(maxPerMinute(run.watchCalls.map((call) => call.at))).toBeLessThanOrEqual(limit);
  expect(run.done.apiCalls).toBe(run.watchCalls.length);
  const ids = ofType(run.events, 'service-event').map((event) => event.id);
  expect(new Set(ids).size).toBe(ids.length);
  const times = run.events.map((event) => event.at);
  expect([...times].sort((a, b) => a - b)).toEqual(times);
}

/** The first stopped task's reason is emitted by the first poll (DescribeServices) at or after the stop. */
function expectFirstStopWithinOnePoll(run: Run): void {
  const stop = run.ecs.timeline().find((happening) => happening.kind === 'task-stopped' && happening.at >= run.watchStartedAt)!;
  expect(stop).toBeDefined();
  const emitted = ofType(run.events, 'task-stopped').find((event) => event.taskArn === stop.taskArn)!;
  expect(emitted).toBeDefined();
  expect(emitted.stoppedReason).toBe(stop.detail);
  const polls = run.watchCalls.filter((call) => call.method === 'describeServices' && call.at >= stop.at && call.at <= emitted.at);
  expect(polls).toHaveLength(1);
  expect(emitted.at - stop.at).toBeLessThanOrEqual(POLL_IDLE_MAX_MS);
}

const MODES = [
  {records: true, name: "ECS's service deployment records"},
  {records: false, name: 'DescribeServices alone (no records, as moto)'},
];

describe.each(MODES)('watchDeployment over every simulator scenario, judged from $name', ({records}) => {
  /** Records: ECS's statuses of ours in order; without: the one info event saying how it is judged. */
  const expectRecords = (run: Run, statuses: string[]): void => {
    const seen = ofType(run.events, 'service-deployment').map((event) => event.status);
    const info = ofType(run.events, 'info').map((event) => event.message);
    if (records) {
      expect(seen).toEqual(statuses);
      expect(run.done.serviceDeploymentStatus).toBe(statuses.at(-1));
      expect(info).toEqual([]);
    } else {
      expect(seen).toEqual([]);
      expect(run.done.serviceDeploymentStatus).toBeUndefined();
      expect(info).toEqual([expect.stringMatching(/^ECS service deployment records are not available here \(.*\); judging from DescribeServices$/)]);
    }
  };

  test('success → deployed, exit 0', async () => {
    const run = await deployAndWatch('success', {records});
    expectWellFormed(run);
    expect(run.done).toMatchObject({outcome: 'deployed', exitCode: 0});
    expect(run.done.reason).toMatch(/web:2 is running 2\/2 tasks/);
    expectRecords(run, ['IN_PROGRESS', 'SUCCESSFUL']);
    expect(run.events[0]).toMatchObject({type: 'watch-started', simulated: true, scenario: 'success', region: 'us-east-1'});
    const messages = ofType(run.events, 'service-event').map((event) => event.message);
    expect(messages[0]).toMatch(/^\(service web\) has started 2 tasks: \(task [0-9a-f]{32}\) \(task [0-9a-f]{32}\)\.$/);
    expect(messages.at(-1)).toBe('(service web) has reached a steady state.');
    // The seeded service's older events (before our deployment) are not replayed.
    expect(messages.filter((message) => /steady state/.test(message))).toHaveLength(1);
    const last = ofType(run.events, 'deployments').at(-1)!;
    expect(last.deployments).toEqual([
      expect.objectContaining({status: 'PRIMARY', revision: 2, running: 2, desired: 2, rolloutState: 'COMPLETED', ours: true}),
    ]);
    // A final stopped-task sweep happened: the drained web:1 tasks are not ours, ours has none.
    expect(run.watchCalls.at(-1)!.method).toBe('listTasks');
  });

  test('crash-loop → circuit breaker → rolled back, exit 3', async () => {
    const run = await deployAndWatch('crash-loop', {records});
    expectWellFormed(run);
    expect(run.done).toMatchObject({outcome: 'rolled-back', exitCode: 3});
    expect(run.done.reason).toMatch(
      /^deployment ecs-svc\/\d+ \(web:2\) failed: ECS deployment circuit breaker: tasks failed to start\. \(tasks stopped: essential container web exited with code 1\); rolled back to web:1 \(deployment ecs-svc\/\d+, completed\)$/,
    );
    expectRecords(run, ['IN_PROGRESS', 'ROLLBACK_IN_PROGRESS', 'ROLLBACK_SUCCESSFUL']);
    const stopped = ofType(run.events, 'task-stopped');
    expect(stopped.length).toBeGreaterThanOrEqual(3);
    for (const event of stopped) {
      expect(event.failure).toMatchObject({class: 'essential-exit', summary: 'essential container web exited with code 1'});
      expect(event.containers).toEqual([{name: 'web', exitCode: 1}]);
    }
    const breaker = ofType(run.events, 'circuit-breaker');
    expect(breaker.map((event) => event.threshold)).toEqual(breaker.map(() => 3));
    expect(breaker.at(-1)!.failed).toBeGreaterThanOrEqual(3);
    const messages = ofType(run.events, 'service-event').map((event) => event.message);
    expect(messages).toContainEqual(expect.stringMatching(/deployment failed: tasks failed to start\./));
    expect(messages).toContainEqual(expect.stringMatching(/rolling back to deployment ecs-svc\//));
    expectFirstStopWithinOnePoll(run);
  });

  test('image-pull-failure on an existing service → rolled back, exit 3', async () => {
    const run = await deployAndWatch('image-pull-failure', {records});
    expectWellFormed(run);
    expect(run.done).toMatchObject({outcome: 'rolled-back', exitCode: 3});
    const first = ofType(run.events, 'task-stopped')[0]!;
    expect(first.stoppedReason).toBe(
      'CannotPullContainerError: Error response from daemon: manifest for registry.example.com/team/web:2.0 not found: manifest unknown: manifest unknown',
    );
    expect(first.failure.class).toBe('image-pull');
    expect(first.failure.summary).toBe('image registry.example.com/team/web:2.0 not found');
    expect(run.done.reason).toMatch(
      /failed: ECS deployment circuit breaker: tasks failed to start\. \(tasks stopped: image registry.example.com\/team\/web:2.0 not found\); rolled back to web:1/,
    );
    expectRecords(run, ['IN_PROGRESS', 'ROLLBACK_IN_PROGRESS', 'ROLLBACK_SUCCESSFUL']);
    expectFirstStopWithinOnePoll(run);
  });

  test('image-pull-failure on a new service (nothing to roll back to) → failed, exit 1', async () => {
    const run = await deployAndWatch('image-pull-failure', {newService: true, records});
    expectWellFormed(run);
    expect(run.done).toMatchObject({outcome: 'failed', exitCode: 1});
    expect(run.done.reason).toMatch(/failed: ECS deployment circuit breaker/);
    expectRecords(run, ['IN_PROGRESS', 'STOPPED']);
    expectFirstStopWithinOnePoll(run);
  });

  test('slow-start → deployed, exit 0, slower polls while idle', async () => {
    const run = await deployAndWatch('slow-start', {records});
    expectWellFormed(run);
    expect(run.done).toMatchObject({outcome: 'deployed', exitCode: 0});
    expect(run.done.elapsedMs).toBeGreaterThan(90_000);
    const gaps = run.watchCalls.filter((call) => call.method === 'describeServices').map((call, i, all) => (i === 0 ? 0 : call.at - all[i - 1]!.at));
    expect(Math.max(...gaps)).toBeLessThanOrEqual(POLL_IDLE_MAX_MS);
    expect(Math.max(...gaps)).toBeGreaterThanOrEqual(10_000);
    // Idle → far fewer calls than one every 2 s.
    expect(run.done.apiCalls).toBeLessThan(run.done.elapsedMs / 2_000);
    expectRecords(run, ['IN_PROGRESS', 'SUCCESSFUL']);
  });

  test('throttling → deployed, exit 0, with throttled events and back-off ≤ 30 s', async () => {
    const run = await deployAndWatch('throttling', {records});
    expectWellFormed(run);
    expect(run.done).toMatchObject({outcome: 'deployed', exitCode: 0});
    const throttled = ofType(run.events, 'throttled');
    expect(throttled.length).toBeGreaterThanOrEqual(4);
    expect(throttled.map((event) => event.attempt).slice(0, 3)).toEqual([1, 2, 3]);
    for (const event of throttled) expect(event.retryInMs).toBeLessThanOrEqual(BACKOFF_MAX_MS);
    for (const sleep of run.clock.sleeps) expect(sleep).toBeLessThanOrEqual(BACKOFF_MAX_MS);
    expectRecords(run, ['IN_PROGRESS', 'SUCCESSFUL']);
  });

  test('replaced → failed, exit 1, naming the other revision', async () => {
    const run = await deployAndWatch('replaced', {records});
    expectWellFormed(run);
    expect(run.done).toMatchObject({outcome: 'failed', exitCode: 1});
    expect(run.done.reason).toMatch(
      records
        ? /^deployment ecs-svc\/\d+ \(web:2\) was stopped \(ECS stopped this deployment: a newer deployment of the service started\.\); replaced by deployment ecs-svc\/\d+ running web:3$/
        : /^deployment ecs-svc\/\d+ \(web:2\) is no longer PRIMARY; replaced by deployment ecs-svc\/\d+ running web:3$/,
    );
    expectRecords(run, ['IN_PROGRESS', 'STOPPED']);
  });
});

describe('watchDeployment limits', () => {
  test('a crash loop without circuit breaker runs into --timeout (timed out, exit 4), ≤ 40 calls a minute throughout', async () => {
    const run = await deployAndWatch('crash-loop', {circuitBreaker: false, watch: {timeoutMs: 5 * MINUTE}});
    expectWellFormed(run);
    expect(run.done).toMatchObject({outcome: 'timed-out', exitCode: 4});
    expect(run.done.reason).toMatch(/not finished after 5 min \(--timeout\)/);
    expect(run.done.elapsedMs).toBe(5 * MINUTE);
    // Its failures are still counted, as the breaker being off (ECS stops nothing): never a counter towards a rollback.
    const breaker = ofType(run.events, 'circuit-breaker');
    expect(breaker.length).toBeGreaterThan(0);
    expect(breaker.every((event) => event.off === true)).toBe(true);
    expect(breaker.map((event) => event.failed)).toEqual([...breaker.map((event) => event.failed)].sort((a, b) => a - b));
    // The final poll happened at the deadline.
    expect(run.watchCalls.filter((call) => call.at === run.watchStartedAt + 5 * MINUTE).map((call) => call.method)).toContain('describeServices');
  });

  test('a crash loop watched past the hour ECS lists a stopped task: each stopped task of ours is reported exactly once', async () => {
    const run = await deployAndWatch('crash-loop', {circuitBreaker: false, watch: {timeoutMs: 150 * MINUTE, noProgressTimeoutMs: 150 * MINUTE}});
    expect(run.done.outcome).toBe('timed-out');
    const reported = ofType(run.events, 'task-stopped').map((event) => event.taskArn);
    expect(new Set(reported).size).toBe(reported.length);
    // Every task of our deployment that stopped before the last sweep (a minute before the end at most) is reported.
    const lastSweep = run.watchStartedAt + 149 * MINUTE;
    const stoppedOfOurs = run.ecs
      .timeline()
      .filter((happening) => happening.kind === 'task-stopped' && happening.at >= run.watchStartedAt && happening.at < lastSweep)
      .map((happening) => (happening as {taskArn: string}).taskArn);
    expect(stoppedOfOurs.length).toBeGreaterThan(300);
    expect(reported).toEqual(expect.arrayContaining(stoppedOfOurs));
  });

  test('a lower maxCallsPerMinute is honoured in every 60 s window', async () => {
    const run = await deployAndWatch('crash-loop', {circuitBreaker: false, watch: {timeoutMs: 5 * MINUTE, maxCallsPerMinute: 6}});
    expectWellFormed(run, 6);
    expect(run.done.outcome).toBe('timed-out');
  });

  test('no change for --no-progress-timeout → timed out, exit 4, after a final poll', async () => {
    const clock = new FakeClock({autoAdvance: true});
    const port = stuckPort(clock);
    const events = await collect(
      watchDeployment({
        ecs: port,
        clock,
        cluster: 'default',
        service: 'web',
        taskDefinitionArn: TD2,
        deploymentId: 'ecs-svc/2',
        timeoutMs: 30 * MINUTE,
        noProgressTimeoutMs: 2 * MINUTE,
      }),
    );
    const done = events.at(-1) as Of<'done'>;
    expect(done).toMatchObject({type: 'done', outcome: 'timed-out', exitCode: 4});
    expect(done.reason).toMatch(/^no change for 2 min \(--no-progress-timeout\); waiting: 1\/2 tasks running/);
    expect(done.elapsedMs).toBe(2 * MINUTE);
    expect(port.callTimes.at(-1)).toBe(FAKE_EPOCH + 2 * MINUTE);
    expect(ofType(events, 'deployments')).toHaveLength(1);
    expect(ofType(events, 'service-event').map((event) => event.message)).toEqual(['(service web) has started 2 tasks: (task a) (task b).']);
  });

  test('endless throttling: back-off grows to 30 s and never beyond; the overall timeout still ends it', async () => {
    const clock = new FakeClock({autoAdvance: true});
    const port = stuckPort(clock, {throttleAlways: true});
    const events = await collect(
      watchDeployment({
        ecs: port,
        clock,
        cluster: 'default',
        service: 'web',
        taskDefinitionArn: TD2,
        timeoutMs: 5 * MINUTE,
        noProgressTimeoutMs: 60 * MINUTE,
        random: () => 1,
      }),
    );
    const retries = ofType(events, 'throttled').map((event) => event.retryInMs);
    expect(retries.slice(0, 5)).toEqual([4_000, 8_000, 16_000, 30_000, 30_000]);
    expect(Math.max(...retries)).toBe(BACKOFF_MAX_MS);
    expect(events.at(-1)).toMatchObject({type: 'done', outcome: 'timed-out', exitCode: 4});
  });

  test('other errors: a warning each, then failed after five in a row', async () => {
    const clock = new FakeClock({autoAdvance: true});
    const port = stuckPort(clock, {failAlways: true});
    const events = await collect(
      watchDeployment({ecs: port, clock, cluster: 'default', service: 'web', taskDefinitionArn: TD2, timeoutMs: 30 * MINUTE, noProgressTimeoutMs: 30 * MINUTE}),
    );
    expect(ofType(events, 'warning').map((event) => event.message)).toEqual([1, 2, 3, 4, 5].map((n) => `polling failed (${n}/5): Access denied [test]`));
    expect(events.at(-1)).toMatchObject({type: 'done', outcome: 'failed', exitCode: 1, reason: 'cannot watch the deployment: Access denied [test]'});
  });

  test('a transient error is retried and the watch goes on', async () => {
    const clock = new FakeClock({autoAdvance: true});
    const port = stuckPort(clock, {failFirst: 2, completeAfter: 4});
    const events = await collect(
      watchDeployment({ecs: port, clock, cluster: 'default', service: 'web', taskDefinitionArn: TD2, timeoutMs: 30 * MINUTE, noProgressTimeoutMs: 30 * MINUTE}),
    );
    expect(ofType(events, 'warning')).toHaveLength(2);
    expect(events.at(-1)).toMatchObject({type: 'done', outcome: 'deployed', exitCode: 0});
  });

  test('service events are de-duplicated by id across polls, oldest first', async () => {
    const clock = new FakeClock({autoAdvance: true});
    const port = stuckPort(clock, {completeAfter: 5});
    const events = await collect(
      watchDeployment({
        ecs: port,
        clock,
        cluster: 'default',
        service: 'web',
        taskDefinitionArn: TD2,
        deploymentId: 'ecs-svc/2',
        timeoutMs: 30 * MINUTE,
        noProgressTimeoutMs: 30 * MINUTE,
      }),
    );
    expect(ofType(events, 'service-event').map((event) => event.id)).toEqual(['e2', 'e3', 'e4']);
    expect(port.describeCount).toBeGreaterThanOrEqual(5);
  });

  test('a missing service ends as failed after three polls', async () => {
    const clock = new FakeClock({autoAdvance: true});
    const ecs = createSimulatedEcs({clock});
    const events = await collect(
      watchDeployment({ecs, clock, cluster: 'default', service: 'ghost', taskDefinitionArn: TD2, timeoutMs: MINUTE * 30, noProgressTimeoutMs: MINUTE * 30}),
    );
    expect(events.at(-1)).toMatchObject({type: 'done', outcome: 'failed', exitCode: 1, reason: 'service ghost not found in cluster default'});
  });
});

describe('watchDeployment detach (abort)', () => {
  test('abort → a final poll, then done detached, exit 5', async () => {
    let abortedAt: number | undefined;
    const run = await deployAndWatch('slow-start', {
      onEvent: (event, controller) => {
        if (event.type === 'deployments' && abortedAt === undefined) {
          abortedAt = event.at;
          controller.abort();
        }
      },
    });
    expectWellFormed(run);
    expect(run.done).toMatchObject({outcome: 'detached', exitCode: 5});
    const after = run.watchCalls.filter((call) => call.at >= abortedAt!).map((call) => call.method);
    expect(after).toContain('describeServices');
    expect(after).toContain('listTasks');
  });

  test('abort while sleeping (manual clock) ends the watch without moving time', async () => {
    const clock = new FakeClock();
    const ecs = createSimulatedEcs({clock, scenario: 'slow-start'});
    const seeded = ecs.seedService({serviceName: 'web', rollout: true});
    const controller = new AbortController();
    const events: DeployEvent[] = [];
    let finished = false;
    const running = (async () => {
      for await (const event of watchDeployment({
        ecs,
        clock,
        cluster: 'default',
        service: 'web',
        taskDefinitionArn: seeded.taskDefinitionArn,
        deploymentId: seeded.deploymentId,
        timeoutMs: 30 * MINUTE,
        noProgressTimeoutMs: 30 * MINUTE,
        signal: controller.signal,
      })) {
        events.push(event);
      }
      finished = true;
    })();
    await clock.runUntil(() => clock.pending > 0);
    await clock.advance(2_000);
    await clock.runUntil(() => clock.pending > 0);
    const calls = ecs.calls.length;
    const now = clock.now();
    controller.abort();
    await clock.runUntil(() => finished);
    await running;
    expect(clock.now()).toBe(now);
    expect(ecs.calls.length).toBeGreaterThan(calls);
    expect(events.at(-1)).toMatchObject({type: 'done', outcome: 'detached', exitCode: 5});
    expect(ofType(events, 'done')).toHaveLength(1);
  });
});

// --- a scripted fake port (not the simulator) --------------------------------------------------------------

const TD2 = 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:2';

interface StuckPort extends EcsPort {
  callTimes: number[];
  describeCount: number;
}

/** Our deployment at 1/2 running forever (or COMPLETED after `completeAfter` polls); events e1…e4 appear one per poll. */
function stuckPort(clock: FakeClock, options: {throttleAlways?: boolean; failAlways?: boolean; failFirst?: number; completeAfter?: number} = {}): StuckPort {
  const callTimes: number[] = [];
  let describeCount = 0;
  let failures = 0;
  const unused = async (): Promise<never> => {
    throw new Error('not used');
  };
  const port: StuckPort = {
    region: 'us-east-1',
    callTimes,
    get describeCount() {
      return describeCount;
    },
    listClusters: unused,
    describeClusters: unused,
    createCluster: unused,
    stopServiceDeployment: unused,
    listTaskDefinitionFamilies: unused,
    listTaskDefinitions: unused,
    describeTaskDefinition: unused,
    registerTaskDefinition: unused,
    listServices: unused,
    createService: unused,
    updateService: unused,
    async describeServices() {
      callTimes.push(clock.now());
      if (options.throttleAlways) throw new AwsError('Rate exceeded', {kind: 'throttled', awsName: 'ThrottlingException'});
      if (options.failAlways || failures < (options.failFirst ?? 0)) {
        failures++;
        throw new AwsError('Access denied [test]', {kind: 'access-denied', awsName: 'AccessDeniedException'});
      }
      describeCount++;
      const complete = options.completeAfter !== undefined && describeCount >= options.completeAfter;
      const all = [
        {id: 'e1', createdAt: '2026-01-15T08:00:00.000Z', message: '(service web) has reached a steady state.'},
        {id: 'e2', createdAt: '2026-01-15T09:00:00.000Z', message: '(service web) has started 2 tasks: (task a) (task b).'},
        {id: 'e3', createdAt: '2026-01-15T09:00:10.000Z', message: '(service web) has started 1 tasks: (task c).'},
        {id: 'e4', createdAt: '2026-01-15T09:00:20.000Z', message: '(service web) has reached a steady state.'},
      ];
      const visible = options.completeAfter === undefined ? all.slice(0, 2) : all.slice(0, Math.min(4, describeCount + 1));
      const state: EcsServiceState = {
        serviceArn: 'arn:aws:ecs:us-east-1:123456789012:service/default/web',
        serviceName: 'web',
        clusterArn: 'arn:aws:ecs:us-east-1:123456789012:cluster/default',
        status: 'ACTIVE',
        taskDefinition: TD2,
        desiredCount: 2,
        runningCount: complete ? 2 : 1,
        pendingCount: complete ? 0 : 1,
        deployments: [
          {
            id: 'ecs-svc/2',
            status: 'PRIMARY',
            taskDefinition: TD2,
            desiredCount: 2,
            runningCount: complete ? 2 : 1,
            pendingCount: complete ? 0 : 1,
            failedTasks: 0,
            rolloutState: complete ? 'COMPLETED' : 'IN_PROGRESS',
            createdAt: '2026-01-15T09:00:00.000Z',
          },
        ],
        events: [...visible].reverse(),
        raw: {},
      };
      return [state];
    },
    async listTasks() {
      callTimes.push(clock.now());
      return [];
    },
    async describeTasks() {
      callTimes.push(clock.now());
      return [];
    },
    // An endpoint without ECS's service deployment records (as moto): the watch judges from DescribeServices.
    async listServiceDeployments() {
      callTimes.push(clock.now());
      throw new AwsError('not implemented [test]', {kind: 'unsupported', awsName: 'SyntaxError'});
    },
    describeServiceDeployments: unused,
    describeServiceRevisions: unused,
  };
  return port;
}
