import {expect, test} from 'vitest';
import {createSimulatedLogs, HEALTH_LINE_EVERY_MS, SIMULATED_DATABASE_PASSWORD} from '../../../source/adapters/simulator/logs.js';
import {createSimulatedEcs} from '../../../source/adapters/simulator/simulated-ecs.js';
import {AwsError} from '../../../source/errors.js';
import {FakeClock} from '../../helpers/fake-clock.js';

const TASK_DEFINITION = {
  family: 'web',
  containerDefinitions: [
    {
      name: 'web',
      image: 'registry.example.com/web:1',
      essential: true,
      portMappings: [{containerPort: 3000}],
      logConfiguration: {logDriver: 'awslogs', options: {'awslogs-group': '/ecs/web', 'awslogs-stream-prefix': 'ecs'}},
    },
  ],
};

function world(scenario: 'success' | 'crash-loop' | 'image-pull-failure') {
  const clock = new FakeClock();
  const ecs = createSimulatedEcs({clock, scenario});
  ecs.seedService({serviceName: 'web', desiredCount: 1, taskDefinition: TASK_DEFINITION, rollout: true});
  return {clock, ecs, logs: createSimulatedLogs(ecs, clock)};
}

const streamOf = (taskArn: string) => `ecs/web/${taskArn.slice(taskArn.lastIndexOf('/') + 1)}`;

test('a crashed task’s stream ends in a Node.js crash, after a configuration line with the database password', async () => {
  const {clock, ecs, logs} = world('crash-loop');
  await clock.advance(60_000);
  const crashed = ecs.logSources().find((source) => /Essential container/.test(source.stoppedReason ?? ''));
  expect(crashed).toBeDefined();
  const events = await logs.tailStream('/ecs/web', streamOf(crashed!.taskArn), 20);
  const messages = events.map((event) => event.message);
  expect(messages).toContain(`[info] config: DATABASE_URL=postgres://app:${SIMULATED_DATABASE_PASSWORD}@10.0.3.17:5432/shop`);
  expect(messages).toContain('Error: connect ECONNREFUSED 10.0.3.17:5432');
  expect(messages.at(-1)).toBe('Node.js v20.19.0');
  expect(events.at(-1)!.timestamp).toBe(crashed!.stoppedAt);
  expect(events.every((event, index) => index === 0 || event.timestamp >= events[index - 1]!.timestamp)).toBe(true);
  expect(await logs.tailStream('/ecs/web', streamOf(crashed!.taskArn), 3)).toEqual(events.slice(-3));
});

test('a healthy task starts, listens on its port, then writes a health check line every 30 s; a follow-up read repeats no id', async () => {
  const {clock, ecs, logs} = world('success');
  const start = clock.now();
  await clock.advance(2 * 60_000);
  const page = await logs.filterEvents({group: '/ecs/web', streamPrefix: 'ecs/web/', startTime: start - 60 * 60_000});
  expect(page.events.map((event) => event.message)).toContain('[info] listening on 0.0.0.0:3000');
  expect(page.events.filter((event) => event.message === 'GET /health 200 1ms').length).toBeGreaterThan(0);
  const running = ecs.logSources().filter((source) => source.startedAt !== undefined && source.stoppedAt === undefined);
  const first = running[0]!;
  const health = page.events.filter((event) => event.stream === streamOf(first.taskArn) && event.message.startsWith('GET /health'));
  expect(health.map((event) => event.timestamp - first.startedAt!)).toEqual(health.map((_, index) => (index + 1) * HEALTH_LINE_EVERY_MS));
  // Ids are the same whatever the window: a read from the last time seen gives that line again with the same id.
  const last = page.events.at(-1)!;
  const again = await logs.filterEvents({group: '/ecs/web', startTime: last.timestamp});
  expect(again.events.find((event) => event.stream === last.stream && event.message === last.message)?.id).toBe(last.id);
  expect(new Set(page.events.map((event) => event.id)).size).toBe(page.events.length);
});

test('a task that never started has no stream; an unknown group is ResourceNotFound', async () => {
  const {clock, ecs, logs} = world('image-pull-failure');
  await clock.advance(60_000);
  const failed = ecs.logSources().find((source) => source.startedAt === undefined && source.stoppedAt !== undefined);
  expect(failed).toBeDefined();
  await expect(logs.tailStream('/ecs/web', streamOf(failed!.taskArn), 20)).rejects.toMatchObject({kind: 'not-found', message: /log stream does not exist/});
  const error = await logs.filterEvents({group: '/ecs/other', startTime: 0}).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(AwsError);
  expect(error).toMatchObject({kind: 'not-found', message: /log group does not exist/});
});
