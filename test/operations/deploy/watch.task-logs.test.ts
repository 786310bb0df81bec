/**
 * The watch reads a failing task's own logs in the background: a `task-logs` event after its `task-stopped`, never
 * holding up the verdict (a read that never answers changes nothing but the missing lines), and a missing
 * permission is a note, not a failure.
 */
import {describe, expect, test} from 'vitest';
import {createSimulatedLogs, SIMULATED_DATABASE_PASSWORD} from '../../../source/adapters/simulator/logs.js';
import {createSimulatedEcs} from '../../../source/adapters/simulator/simulated-ecs.js';
import type {DeployEvent} from '../../../source/domain/deploy/events.js';
import {AwsError} from '../../../source/errors.js';
import {MAX_TASK_LOG_READS, watchDeployment} from '../../../source/operations/deploy/watch.js';
import type {LogsPort} from '../../../source/ports/logs.js';
import type {SimulationScenario} from '../../../source/ports/simulation.js';
import {FakeClock} from '../../helpers/fake-clock.js';

type Of<T extends DeployEvent['type']> = Extract<DeployEvent, {type: T}>;
const ofType = <T extends DeployEvent['type']>(events: DeployEvent[], type: T): Array<Of<T>> => events.filter((event): event is Of<T> => event.type === type);

const TASK_DEFINITION = {
  family: 'web',
  containerDefinitions: [
    {
      name: 'web',
      image: 'registry.example.com/team/web:1.0',
      essential: true,
      logConfiguration: {logDriver: 'awslogs', options: {'awslogs-group': '/ecs/web', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'ecs'}},
    },
  ],
};

/** A running service (web, 2 tasks) rolling out a new revision that fares per the scenario, watched to the end. */
async function watchRollout(
  scenario: SimulationScenario,
  logs?: (ecs: ReturnType<typeof createSimulatedEcs>, clock: FakeClock) => LogsPort,
  options: {taskDefinition?: typeof TASK_DEFINITION; logsCommand?: string} = {},
) {
  const clock = new FakeClock({autoAdvance: true});
  const ecs = createSimulatedEcs({clock, scenario});
  const seeded = ecs.seedService({serviceName: 'web', desiredCount: 2, taskDefinition: options.taskDefinition ?? TASK_DEFINITION, rollout: true});
  const events: DeployEvent[] = [];
  const port = logs?.(ecs, clock);
  for await (const event of watchDeployment({
    ecs,
    clock,
    cluster: 'default',
    service: 'web',
    taskDefinitionArn: seeded.taskDefinitionArn,
    deploymentId: seeded.deploymentId,
    ...(seeded.previousTaskDefinitionArn === undefined ? {} : {previousTaskDefinitionArn: seeded.previousTaskDefinitionArn}),
    timeoutMs: 15 * 60_000,
    noProgressTimeoutMs: 5 * 60_000,
    random: () => 0.5,
    ...(port === undefined ? {} : {logs: async () => port}),
    ...(options.logsCommand === undefined ? {} : {logsCommand: options.logsCommand}),
  })) {
    events.push(event);
  }
  const done = ofType(events, 'done')[0]!;
  return {events, done, clock};
}

describe("the failing task's own logs in the watch", () => {
  test('crash loop: the last lines of the container that stopped each task follow its stop, the password masked; the verdict is the same', async () => {
    const {events, done} = await watchRollout('crash-loop', (ecs, clock) => createSimulatedLogs(ecs, clock));
    const logs = ofType(events, 'task-logs');
    const failed = ofType(events, 'task-stopped').filter((event) => event.failure.class !== 'not-a-failure');
    expect(failed.length).toBeGreaterThanOrEqual(MAX_TASK_LOG_READS);
    expect(logs).toHaveLength(MAX_TASK_LOG_READS);
    for (const item of logs) {
      const stopped = events.findIndex((event) => event.type === 'task-stopped' && event.taskArn === item.taskArn);
      expect(stopped).toBeGreaterThanOrEqual(0);
      expect(events.indexOf(item)).toBeGreaterThan(stopped);
      expect(item.container).toBe('web');
      expect(item.source).toBe(`/ecs/web (us-east-1) ecs/web/${item.taskArn.slice(item.taskArn.lastIndexOf('/') + 1)}`);
      expect(item.lines.length).toBeLessThanOrEqual(20);
      expect(item.lines).toContain('Error: connect ECONNREFUSED 10.0.3.17:5432');
      expect(item.lines.at(-1)).toBe('Node.js v20.19.0');
      expect(item.lines).toContain('[info] config: DATABASE_URL=postgres://app:…@10.0.3.17:5432/shop');
      expect(JSON.stringify(item)).not.toContain(SIMULATED_DATABASE_PASSWORD);
    }
    // The logs never come after the end.
    expect(events.at(-1)).toBe(done);
    expect(done).toMatchObject({outcome: 'rolled-back', exitCode: 3});
  });

  test('a read that never answers holds nothing up: the same events at the same times, the same verdict, without the lines', async () => {
    const hanging: LogsPort = {
      logGroupExists: async () => true,
      createLogGroup: async () => undefined,
      tailStream: () => new Promise(() => undefined),
      filterEvents: () => new Promise(() => undefined),
    };
    const without = await watchRollout('crash-loop');
    const withHanging = await watchRollout('crash-loop', () => hanging);
    expect(ofType(withHanging.events, 'task-logs')).toEqual([]);
    const shape = (events: DeployEvent[]) => events.map((event) => `${event.type}@${event.at}`);
    expect(shape(withHanging.events)).toEqual(shape(without.events));
    // The same ECS calls: the watch reads the task definition (where the logs are, for the hints) whether or not logs
    // are read, once, and the log reader uses that read.
    expect(withHanging.done).toEqual(without.done);
  });

  test('access denied is a one-line note; the deploy goes on to its own verdict', async () => {
    const denied: LogsPort = {
      logGroupExists: async () => true,
      createLogGroup: async () => undefined,
      tailStream: async () => {
        throw new AwsError('User is not authorized to perform: logs:GetLogEvents', {kind: 'access-denied', awsName: 'AccessDeniedException'});
      },
      filterEvents: async () => ({events: []}),
    };
    const {events, done} = await watchRollout('crash-loop', () => denied);
    const logs = ofType(events, 'task-logs');
    expect(logs.length).toBeGreaterThan(0);
    for (const item of logs) {
      expect(item.lines).toEqual([]);
      expect(item.note).toBe('cannot read the logs: access denied (logs:GetLogEvents on /ecs/web); the run goes on without them');
    }
    expect(done).toMatchObject({outcome: 'rolled-back', exitCode: 3});
  });

  test('a task that never started (image pull failure) has no stream: a note says so', async () => {
    const {events, done} = await watchRollout('image-pull-failure', (ecs, clock) => createSimulatedLogs(ecs, clock));
    const logs = ofType(events, 'task-logs');
    expect(logs.length).toBeGreaterThan(0);
    expect(logs[0]!.note).toMatch(/^no log stream ecs\/web\/[0-9a-f]{32} in \/ecs\/web: the container wrote nothing \(it may never have started\)$/);
    expect(done.exitCode).toBe(3);
  });

  test('a successful rollout reads no logs', async () => {
    let reads = 0;
    const counting: LogsPort = {
      logGroupExists: async () => true,
      createLogGroup: async () => undefined,
      tailStream: async () => {
        reads++;
        return [];
      },
      filterEvents: async () => ({events: []}),
    };
    const {events, done} = await watchRollout('success', () => counting);
    expect(ofType(events, 'task-logs')).toEqual([]);
    expect(reads).toBe(0);
    expect(done.outcome).toBe('deployed');
  });

  test("the stopped task's hint names where its container's output went, from the registered task definition", async () => {
    const hints = (events: DeployEvent[]) => [...new Set(ofType(events, 'task-stopped').map((event) => event.failure.hint))];
    const awslogs = await watchRollout('crash-loop', undefined, {logsCommand: 'ecs-wizard logs web --env prod'});
    const [hint] = hints(awslogs.events);
    expect(hint).toMatch(
      /^Read web's output for the error it printed before exiting: CloudWatch Logs group \/ecs\/web \(us-east-1\), stream ecs\/web\/\w+ \(ecs-wizard logs web --env prod\); check its command/,
    );
    // Each task's own stream.
    const tasks = ofType(awslogs.events, 'task-stopped');
    for (const task of tasks) expect(task.failure.hint).toContain(`stream ecs/web/${task.taskArn.slice(task.taskArn.lastIndexOf('/') + 1)} `);

    const bare = {...TASK_DEFINITION, containerDefinitions: [{name: 'web', image: 'registry.example.com/team/web:1.0', essential: true}]};
    const none = await watchRollout('crash-loop', undefined, {taskDefinition: bare as typeof TASK_DEFINITION});
    expect(hints(none.events)).toEqual([
      "web's output is not kept (its container definition has no logConfiguration): add one — logDriver awslogs with awslogs-group, awslogs-region and awslogs-stream-prefix (deploy creates the group) — and deploy again to see why it exits; check its command, environment variables and secrets.",
    ]);
  });
});
