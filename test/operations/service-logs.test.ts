import {describe, expect, test} from 'vitest';
import {createSimulatedEcs} from '../../source/adapters/simulator/simulated-ecs.js';
import {AwsError, CliError} from '../../source/errors.js';
import {FOLLOW_POLL_MS, logSourcesOf, serviceLogLines, type LogSource, type ServiceLogLine} from '../../source/operations/service-logs.js';
import type {LogEvent, LogsPort} from '../../source/ports/logs.js';
import {FakeClock, flushPromises} from '../helpers/fake-clock.js';

const awslogs = (group: string, prefix = 'ecs') => ({logDriver: 'awslogs', options: {'awslogs-group': group, 'awslogs-stream-prefix': prefix}});

/** CloudWatch Logs in memory, answering like AWS: prefix, time window, pages of `pageSize`. */
function memoryLogs(pageSize = 1_000) {
  const groups = new Map<string, LogEvent[]>();
  let calls = 0;
  const port: LogsPort = {
    logGroupExists: async (name) => groups.has(name),
    createLogGroup: async () => undefined,
    tailStream: async () => [],
    filterEvents: async (query) => {
      calls++;
      const events = groups.get(query.group);
      if (events === undefined) throw new AwsError('The specified log group does not exist.', {kind: 'not-found', awsName: 'ResourceNotFoundException'});
      const matching = events
        .filter((event) => event.stream.startsWith(query.streamPrefix ?? '') && event.timestamp >= query.startTime)
        .sort((a, b) => a.timestamp - b.timestamp);
      const start = query.nextToken === undefined ? 0 : Number(query.nextToken);
      const page = matching.slice(start, start + pageSize);
      return {events: page, ...(start + pageSize < matching.length ? {nextToken: String(start + pageSize)} : {})};
    },
  };
  const put = (group: string, stream: string, timestamp: number, message: string): void => {
    const list = groups.get(group) ?? [];
    list.push({timestamp, message, stream, id: `${stream}/${list.length}`});
    groups.set(group, list);
  };
  return {port, put, calls: () => calls};
}

const source = (container: string, group = '/ecs/web'): LogSource => ({container, group, region: 'us-east-1', streamPrefix: `ecs/${container}/`, secrets: []});

async function collect(lines: AsyncIterable<ServiceLogLine>): Promise<ServiceLogLine[]> {
  const out: ServiceLogLine[] = [];
  for await (const line of lines) out.push(line);
  return out;
}

describe('where a service’s logs are', () => {
  test('every awslogs container of its deployments’ task definitions; notes for the others', async () => {
    const clock = new FakeClock();
    const ecs = createSimulatedEcs({clock});
    ecs.seedService({
      serviceName: 'web',
      taskDefinition: {
        family: 'web',
        containerDefinitions: [
          {name: 'app', image: 'app:1', essential: true, logConfiguration: awslogs('/ecs/web'), environment: [{name: 'DB_PASSWORD', value: 'hunter2-long'}]},
          {
            name: 'worker',
            image: 'worker:1',
            essential: false,
            logConfiguration: {...awslogs('/ecs/worker', 'jobs'), options: {...awslogs('/ecs/worker', 'jobs').options, 'awslogs-region': 'eu-west-1'}},
          },
          {
            name: 'router',
            image: 'fluent-bit:1',
            essential: true,
            firelensConfiguration: {type: 'fluentbit'},
            logConfiguration: {logDriver: 'awsfirelens', options: {Name: 'datadog'}},
          },
          {name: 'quiet', image: 'busybox', essential: false},
        ],
      },
    });
    const {sources, notes} = await logSourcesOf(ecs, 'default', 'web');
    expect(sources).toEqual([
      {container: 'app', group: '/ecs/web', region: 'us-east-1', streamPrefix: 'ecs/app/', secrets: ['hunter2-long']},
      {container: 'worker', group: '/ecs/worker', region: 'eu-west-1', streamPrefix: 'jobs/worker/', secrets: []},
    ]);
    expect(notes).toEqual([
      'container router (web:1) sends its logs to FireLens → Datadog: read them there',
      'container quiet (web:1) has no log configuration: its output is not kept',
    ]);
  });

  test('a service that does not exist: exit 1 naming it', async () => {
    const ecs = createSimulatedEcs({clock: new FakeClock()});
    const error = await logSourcesOf(ecs, 'default', 'nope').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CliError);
    expect(error).toMatchObject({exitCode: 1, message: 'service nope not found in cluster default (us-east-1)'});
  });
});

describe('the lines', () => {
  test('all tasks and containers interleaved by time, from startTime on, every page read, secrets masked', async () => {
    const clock = new FakeClock();
    const logs = memoryLogs(2);
    logs.put('/ecs/web', 'ecs/app/aaaaaaaa1111', 1_000, 'too old');
    logs.put('/ecs/web', 'ecs/app/aaaaaaaa1111', 5_000, 'a1');
    logs.put('/ecs/web', 'ecs/app/bbbbbbbb2222', 5_500, 'b1 postgres://u:pa55word-x@db/x');
    logs.put('/ecs/web', 'ecs/app/aaaaaaaa1111', 6_000, 'a2\n');
    logs.put('/ecs/jobs', 'ecs/worker/cccccccc3333', 5_200, 'w1');
    logs.put('/ecs/web', 'other/app/dddddddd4444', 5_300, 'not ours');
    const lines = await collect(
      serviceLogLines({logs: async () => logs.port, clock}, [source('app'), source('worker', '/ecs/jobs')], {startTime: 2_000, follow: false}),
    );
    expect(lines).toEqual([
      {time: 5_000, task: 'aaaaaaaa1111', container: 'app', message: 'a1'},
      {time: 5_200, task: 'cccccccc3333', container: 'worker', message: 'w1'},
      {time: 5_500, task: 'bbbbbbbb2222', container: 'app', message: 'b1 postgres://u:…@db/x'},
      {time: 6_000, task: 'aaaaaaaa1111', container: 'app', message: 'a2'},
    ]);
  });

  test('a missing group is a note and the others are read; access denied everywhere is an error naming the action', async () => {
    const clock = new FakeClock();
    const logs = memoryLogs();
    logs.put('/ecs/web', 'ecs/app/aaaa', 5_000, 'hello');
    const notes: string[] = [];
    const lines = await collect(
      serviceLogLines({logs: async () => logs.port, clock}, [source('app'), source('worker', '/ecs/missing')], {
        startTime: 0,
        follow: false,
        onNote: (note) => notes.push(note),
      }),
    );
    expect(lines.map((line) => line.message)).toEqual(['hello']);
    expect(notes).toEqual(['no log group /ecs/missing (us-east-1): nothing was written there yet']);

    const denied: LogsPort = {
      ...logs.port,
      filterEvents: async () => {
        throw new AwsError('not authorized', {kind: 'access-denied', awsName: 'AccessDeniedException'});
      },
    };
    const error = await collect(serviceLogLines({logs: async () => denied, clock}, [source('app')], {startTime: 0, follow: false})).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({exitCode: 1, message: 'cannot read the logs: access denied (logs:FilterLogEvents on /ecs/web)'});
  });

  test('follow: polls on the clock, prints each new line once (also one in the millisecond already seen), ends on abort', async () => {
    const clock = new FakeClock({start: 10_000});
    const logs = memoryLogs();
    logs.put('/ecs/web', 'ecs/app/aaaa', 9_000, 'first');
    const controller = new AbortController();
    const seen: string[] = [];
    let ended = false;
    void (async () => {
      for await (const line of serviceLogLines({logs: async () => logs.port, clock}, [source('app')], {
        startTime: 0,
        follow: true,
        signal: controller.signal,
      })) {
        seen.push(line.message);
      }
      ended = true;
    })();
    await flushPromises();
    expect(seen).toEqual(['first']);
    expect(logs.calls()).toBe(1);
    // Nothing before the next poll.
    logs.put('/ecs/web', 'ecs/app/aaaa', 9_000, 'same millisecond');
    logs.put('/ecs/web', 'ecs/app/bbbb', 11_000, 'second');
    await clock.advance(FOLLOW_POLL_MS - 1);
    expect(seen).toEqual(['first']);
    await clock.advance(1);
    await flushPromises();
    expect(seen).toEqual(['first', 'same millisecond', 'second']);
    await clock.advance(FOLLOW_POLL_MS);
    await flushPromises();
    expect(seen).toEqual(['first', 'same millisecond', 'second']);
    expect(logs.calls()).toBe(3);
    controller.abort();
    await flushPromises();
    expect(ended).toBe(true);
  });
});
