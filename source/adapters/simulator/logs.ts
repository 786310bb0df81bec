/**
 * CloudWatch Logs as the rollout simulator's tasks would have written them: a LogsPort over the simulator's tasks
 * (`SimulatedEcs.logSources()`), for `deploy --simulate` (the failing task's own lines) and `logs --simulate`.
 *
 * Each container of a task that started writes, in its awslogs group and stream `<prefix>/<container>/<task-id>`,
 * a plausible start; a healthy one then a health check line every 30 s while it runs; the container whose exit
 * stopped a crashed task ends with a Node.js crash (`Error: connect ECONNREFUSED 10.0.3.17:5432`) after printing a
 * configuration line holding a database password, as real applications do — which the deploy view masks. A task
 * that never started (an image pull failure) has no stream. Deterministic: times come from the tasks' own.
 */
import {AwsError} from '../../errors.js';
import {containerDefinitionsOf, logDestinationOf, parseAwslogsStream} from '../../domain/deploy/task-logs.js';
import type {Clock} from '../../ports/clock.js';
import type {LogEvent, LogsPort} from '../../ports/logs.js';
import type {SimulatedEcs, SimulatedLogSource} from './simulated-ecs.js';

/** The password the simulated application prints (the deploy view must never show it). */
export const SIMULATED_DATABASE_PASSWORD = 'Pr0d-s3cret-2024';
export const HEALTH_LINE_EVERY_MS = 30_000;

const notFound = (what: 'group' | 'stream'): AwsError =>
  new AwsError(`The specified log ${what} does not exist. [simulated]`, {kind: 'not-found', awsName: 'ResourceNotFoundException'});

interface Stream {
  group: string;
  name: string;
  source: SimulatedLogSource;
  container: string;
  /** The container whose exit stopped the task (it crashes). */
  crashed: boolean;
  port: number;
}

function streamsOf(sources: readonly SimulatedLogSource[]): Stream[] {
  const streams: Stream[] = [];
  for (const source of sources) {
    if (source.startedAt === undefined) continue;
    const taskId = source.taskArn.slice(source.taskArn.lastIndexOf('/') + 1);
    const crashedContainer = /Essential container in task exited/i.test(source.stoppedReason ?? '')
      ? source.containers.find((container) => container.exitCode !== undefined && container.exitCode !== 0)?.name
      : undefined;
    for (const definition of containerDefinitionsOf(source.taskDefinition)) {
      const destination = logDestinationOf(definition);
      if (destination.kind !== 'awslogs' || destination.streamPrefix === undefined || typeof definition.name !== 'string') continue;
      const mappings = Array.isArray(definition.portMappings) ? definition.portMappings : [];
      const first = mappings[0];
      const port = typeof first === 'object' && first !== null && !Array.isArray(first) && typeof first.containerPort === 'number' ? first.containerPort : 8080;
      streams.push({
        group: destination.group,
        name: `${destination.streamPrefix}/${definition.name}/${taskId}`,
        source,
        container: definition.name,
        crashed: definition.name === crashedContainer,
        port,
      });
    }
  }
  return streams;
}

/** The stream's events up to `until` (ms), oldest first. */
function eventsOf(stream: Stream, until: number, from = -Infinity): LogEvent[] {
  const startedAt = stream.source.startedAt!;
  const end = Math.min(until, stream.source.stoppedAt ?? until);
  const events: LogEvent[] = [];
  // An event's id: its stream, time and place among the lines of that millisecond (the same whatever the window).
  let lastAt = -Infinity;
  let sameAt = 0;
  const add = (at: number, message: string): void => {
    sameAt = at === lastAt ? sameAt + 1 : 0;
    lastAt = at;
    if (at >= from && at <= end) events.push({timestamp: at, message, stream: stream.name, id: `${stream.name}@${at}#${sameAt}`});
  };
  const name = stream.container;
  add(startedAt, `> ${name}@1.0.0 start`);
  add(startedAt, '> node dist/server.js');
  add(startedAt + 1, `[info] starting ${name} (NODE_ENV=production)`);
  if (stream.crashed) {
    const crashAt = Math.max(startedAt + 2, stream.source.stoppedAt ?? end);
    add(startedAt + 2, `[info] config: DATABASE_URL=postgres://app:${SIMULATED_DATABASE_PASSWORD}@10.0.3.17:5432/shop`);
    add(startedAt + 2, '[info] connecting to postgres at 10.0.3.17:5432 …');
    const trace = [
      'node:internal/process/promises:391',
      '    triggerUncaughtException(err, true /* fromPromise */);',
      '    ^',
      '',
      'Error: connect ECONNREFUSED 10.0.3.17:5432',
      '    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1607:16) {',
      '  errno: -111,',
      "  code: 'ECONNREFUSED',",
      "  syscall: 'connect',",
      "  address: '10.0.3.17',",
      '  port: 5432',
      '}',
      '',
      'Node.js v20.19.0',
    ];
    for (const line of trace) add(crashAt, line);
    return events;
  }
  add(startedAt + 2, `[info] listening on 0.0.0.0:${stream.port}`);
  const first = Math.max(1, Math.ceil((Math.max(from, startedAt) - startedAt) / HEALTH_LINE_EVERY_MS));
  for (let index = first; startedAt + index * HEALTH_LINE_EVERY_MS <= end; index++) add(startedAt + index * HEALTH_LINE_EVERY_MS, 'GET /health 200 1ms');
  return events;
}

export function createSimulatedLogs(ecs: Pick<SimulatedEcs, 'logSources'>, clock: Clock): LogsPort {
  return {
    async logGroupExists(name) {
      return streamsOf(ecs.logSources()).some((stream) => stream.group === name);
    },
    async createLogGroup() {
      // The simulator keeps no log groups of its own: its tasks' groups always exist.
    },
    async tailStream(group, name, limit) {
      const streams = streamsOf(ecs.logSources());
      if (!streams.some((stream) => stream.group === group)) throw notFound('group');
      const {taskId} = parseAwslogsStream(name);
      const stream = streams.find((candidate) => candidate.group === group && candidate.name === name && taskId !== undefined);
      if (stream === undefined) throw notFound('stream');
      return eventsOf(stream, clock.now()).slice(-Math.max(1, limit));
    },
    async filterEvents(query) {
      const streams = streamsOf(ecs.logSources());
      if (!streams.some((stream) => stream.group === query.group)) throw notFound('group');
      const until = query.endTime ?? clock.now();
      const events = streams
        .filter((stream) => stream.group === query.group && stream.name.startsWith(query.streamPrefix ?? ''))
        .flatMap((stream) => eventsOf(stream, Math.min(until, clock.now()), query.startTime))
        .sort((a, b) => a.timestamp - b.timestamp || a.stream.localeCompare(b.stream));
      return {events: events.slice(0, query.limit ?? 10_000)};
    },
  };
}
