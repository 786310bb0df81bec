/**
 * The failing task's own logs and `ecs-wizard logs` through the real SDK against moto (it serves CloudWatch Logs and
 * ECS): groups, streams and events are made with the SDK directly, then read back through the adapters, the task log
 * reader and the logs use case. Access denied cannot be produced by moto: it is tested with a fake port in
 * test/operations/deploy/watch.task-logs.test.ts and test/operations/service-logs.test.ts.
 */
import {CreateLogGroupCommand, CreateLogStreamCommand, PutLogEventsCommand} from '@aws-sdk/client-cloudwatch-logs';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {createAwsClientFactory} from '../../source/adapters/aws/client-factory.js';
import {createEcsPort} from '../../source/adapters/aws/ecs.js';
import {createLogsPort} from '../../source/adapters/aws/logs.js';
import type {DeployEvent} from '../../source/domain/deploy/events.js';
import {classifyStoppedTask} from '../../source/domain/deploy/stopped-task.js';
import {AwsError} from '../../source/errors.js';
import {createTaskLogReader} from '../../source/operations/deploy/task-logs.js';
import {serviceLogLines, type ServiceLogLine} from '../../source/operations/service-logs.js';
import {createPlainPrinter} from '../../source/report/deploy-plain.js';
import {FakeClock} from '../helpers/fake-clock.js';
import {useMoto} from '../helpers/moto.js';

const TASK_A = '0123456789abcdef0123456789abcdef';
const TASK_B = 'fedcba9876543210fedcba9876543210';
const TASK_DEAD = '11111111111111111111111111111111';
const PASSWORD = 'm0to-Secret-pw';

describe('task logs on moto', () => {
  const moto = useMoto();
  const factory = createAwsClientFactory({env: moto.env, userAgent: 'ecs-wizard/test'});
  afterAll(() => factory.destroy());
  const base = Date.now() - 60_000;

  beforeAll(async () => {
    if (moto.skipped) return;
    const logs = await factory.client('logs');
    await logs.send(new CreateLogGroupCommand({logGroupName: '/ecs/web'}));
    const put = async (stream: string, events: Array<[number, string]>) => {
      await logs.send(new CreateLogStreamCommand({logGroupName: '/ecs/web', logStreamName: stream}));
      await logs.send(
        new PutLogEventsCommand({
          logGroupName: '/ecs/web',
          logStreamName: stream,
          logEvents: events.map(([offset, message]) => ({timestamp: base + offset, message})),
        }),
      );
    };
    // 25 lines, then a crash: the reader shows the last 20.
    await put(`ecs/web/${TASK_A}`, [
      ...Array.from({length: 25}, (_, index): [number, string] => [index * 10, `a line ${index}`]),
      [300, `\u001B[31mconfig\u001B[0m DATABASE_URL=postgres://app:${PASSWORD}@10.0.3.17:5432/shop`],
      [310, 'Error: connect ECONNREFUSED 10.0.3.17:5432'],
    ]);
    await put(`ecs/web/${TASK_B}`, [
      [5, 'b first'],
      [305, 'b second'],
    ]);
    await put(`other/web/${TASK_B}`, [[6, 'another prefix']]);
  });

  test('tailStream: the last lines of one stream, oldest first; a missing stream or group is not-found', async () => {
    const logs = await createLogsPort(factory);
    const tail = await logs.tailStream('/ecs/web', `ecs/web/${TASK_A}`, 3);
    expect(tail.map((event) => event.message)).toEqual(['a line 24', expect.stringContaining('DATABASE_URL'), 'Error: connect ECONNREFUSED 10.0.3.17:5432']);
    expect(tail.map((event) => event.timestamp)).toEqual([base + 240, base + 300, base + 310]);
    const stream = await logs.tailStream('/ecs/web', `ecs/web/${TASK_DEAD}`, 3).catch((error: unknown) => error);
    expect(stream).toBeInstanceOf(AwsError);
    expect(stream).toMatchObject({kind: 'not-found'});
    const group = await logs.tailStream('/ecs/nope', `ecs/web/${TASK_A}`, 3).catch((error: unknown) => error);
    expect(group).toMatchObject({kind: 'not-found'});
  });

  test('filterEvents: only the prefix’s streams, interleaved by time', async () => {
    const logs = await createLogsPort(factory);
    const page = await logs.filterEvents({group: '/ecs/web', streamPrefix: 'ecs/web/', startTime: base + 200});
    expect(page.events.map((event) => event.message)).toEqual([
      'a line 20',
      'a line 21',
      'a line 22',
      'a line 23',
      'a line 24',
      expect.stringContaining('DATABASE_URL'),
      'b second',
      'Error: connect ECONNREFUSED 10.0.3.17:5432',
    ]);
  });

  test('a stopped task: its container’s last 20 lines under the stop reason, password masked, escape sequences cleaned', async () => {
    const ecs = await createEcsPort(factory);
    const registered = await ecs.registerTaskDefinition({
      family: 'web-logs',
      containerDefinitions: [
        {
          name: 'web',
          image: 'registry.example.com/web:1',
          essential: true,
          memory: 256,
          logConfiguration: {logDriver: 'awslogs', options: {'awslogs-group': '/ecs/web', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'ecs'}},
        },
      ],
    });
    const clock = new FakeClock();
    const read = createTaskLogReader({ecs, logs: async (region) => createLogsPort(factory.forRegion(region)), clock});
    const taskArn = `arn:aws:ecs:us-east-1:123456789012:task/default/${TASK_A}`;
    const containers = [{name: 'web', exitCode: 1}];
    const logs = await read({taskArn, taskDefinitionArn: registered.arn, containers});
    expect(logs.lines).toHaveLength(20);
    expect(logs.lines[0]).toBe('a line 7');
    expect(logs.lines.at(-1)).toBe('Error: connect ECONNREFUSED 10.0.3.17:5432');
    expect(logs.source).toBe(`/ecs/web (us-east-1) ecs/web/${TASK_A}`);

    const events: DeployEvent[] = [
      {
        type: 'task-stopped',
        at: clock.now(),
        taskArn,
        stoppedReason: 'Essential container in task exited',
        containers,
        failure: classifyStoppedTask({stoppedReason: 'Essential container in task exited', containers}),
      },
      logs,
    ];
    let out = '';
    const printer = createPlainPrinter({write: (chunk: string) => (out += chunk)});
    for (const event of events) printer.print(event);
    const lines = out.split('\n');
    const stop = lines.findIndex((line) => line.includes('stopped: Essential container in task exited (web exit 1)'));
    const head = lines.findIndex((line) => line.includes(`logs of task 01234567 web: last 20 lines (/ecs/web (us-east-1) ecs/web/${TASK_A})`));
    expect(stop).toBeGreaterThanOrEqual(0);
    expect(head).toBeGreaterThan(stop);
    expect(out).toContain('│ config DATABASE_URL=postgres://app:…@10.0.3.17:5432/shop');
    expect(out).not.toContain(PASSWORD);
    expect(out).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F]/);

    // A task that wrote nothing: a note, not an error.
    const dead = await read({taskArn: `arn:aws:ecs:us-east-1:123456789012:task/default/${TASK_DEAD}`, taskDefinitionArn: registered.arn, containers});
    expect(dead).toMatchObject({lines: [], note: `no log stream ecs/web/${TASK_DEAD} in /ecs/web: the container wrote nothing (it may never have started)`});
  });

  test('the logs use case: every task of the prefix interleaved by time, from --since, the password masked', async () => {
    const clock = new FakeClock({start: base + 1_000});
    const lines: ServiceLogLine[] = [];
    for await (const line of serviceLogLines(
      {logs: async (region) => createLogsPort(factory.forRegion(region)), clock},
      [{container: 'web', group: '/ecs/web', region: 'us-east-1', streamPrefix: 'ecs/web/', secrets: []}],
      {startTime: base + 240, follow: false},
    )) {
      lines.push(line);
    }
    expect(lines.map((line) => [line.time - base, line.task.slice(0, 8), line.message])).toEqual([
      [240, '01234567', 'a line 24'],
      [300, '01234567', '\u001B[31mconfig\u001B[0m DATABASE_URL=postgres://app:…@10.0.3.17:5432/shop'],
      [305, 'fedcba98', 'b second'],
      [310, '01234567', 'Error: connect ECONNREFUSED 10.0.3.17:5432'],
    ]);
  });
});
