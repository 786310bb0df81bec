/**
 * Reading a stopped task's own logs for the watch: its task definition (DescribeTaskDefinition, once per revision)
 * says where the container that stopped it writes; awslogs streams are read from the tail (GetLogEvents, the last
 * TASK_LOG_LINES lines); anything else becomes one line saying where the logs went. A missing permission, group or
 * stream, or any other error, is a one-line note — never an error of the watch: `read` always resolves.
 *
 * `withTaskLogs` runs those reads in the background of a watch's event stream (watch.ts).
 */
import {taskDefinitionLabel} from '../../domain/aws-names.js';
import type {DeployEvent, TaskLogsEvent} from '../../domain/deploy/events.js';
import type {StoppedContainer} from '../../domain/deploy/stopped-task.js';
import {
  awslogsStreamName,
  containerDefinitionsOf,
  containerToRead,
  knownSecretValues,
  logDestinationOf,
  maskSecrets,
  readLogsHint,
  TASK_LOG_LINES,
  taskLogLines,
} from '../../domain/deploy/task-logs.js';
import type {JsonObject} from '../../domain/json.js';
import type {Clock} from '../../ports/clock.js';
import type {EcsPort} from '../../ports/ecs.js';
import type {LogsPort} from '../../ports/logs.js';

/**
 * Task definitions by ARN, read once per watch (DescribeTaskDefinition) and shared by the watch — where a stopped
 * task's container writes, for its hint — and the log reader: whichever asks first reads it.
 */
export type TaskDefinitionCache = Map<string, Promise<JsonObject | undefined>>;

/** The task definition `arn` from the cache, read with `read` when it is not there (a failed read is not kept). */
export function cachedTaskDefinition(cache: TaskDefinitionCache, arn: string, read: () => Promise<JsonObject | undefined>): Promise<JsonObject | undefined> {
  let found = cache.get(arn);
  if (found === undefined) {
    found = read();
    cache.set(arn, found);
    found.catch(() => cache.get(arn) === found && cache.delete(arn));
  }
  return found;
}

/**
 * For a stopped task's classification: where each container of its task definition (`undefined`: not read) writes
 * its output, as the hint's sentence (domain readLogsHint), secrets masked by value.
 */
export function readLogsOf(definition: JsonObject | undefined, task: {taskArn: string; region: string; command?: string}): (container: string) => string {
  const containers = definition === undefined ? undefined : containerDefinitionsOf(definition);
  const taskId = task.taskArn.slice(task.taskArn.lastIndexOf('/') + 1);
  return (name) => {
    const container = containers?.find((candidate) => candidate.name === name);
    const destination = container === undefined ? undefined : logDestinationOf(container);
    const hint = readLogsHint(name, destination, {taskId, region: task.region, ...(task.command === undefined ? {} : {command: task.command})});
    return container === undefined ? hint : maskSecrets(hint, knownSecretValues(container));
  };
}

export interface TaskLogReaderOptions {
  ecs: Pick<EcsPort, 'describeTaskDefinition' | 'region'>;
  /** Shared with the watch (its stopped-task hints read the same definitions); its own when absent. */
  definitions?: TaskDefinitionCache;
  /** CloudWatch Logs in a region (an awslogs group may name its own). */
  logs: (region: string) => Promise<LogsPort>;
  clock: Clock;
  /** Wraps each ECS call (the watch counts and rate-limits them). */
  call?: <T>(run: () => Promise<T>) => Promise<T>;
}

export interface StoppedTaskRef {
  taskArn: string;
  taskDefinitionArn: string;
  containers: readonly StoppedContainer[];
}

export type TaskLogReader = (task: StoppedTaskRef) => Promise<TaskLogsEvent>;

const kindOf = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && typeof (error as {kind?: unknown}).kind === 'string' ? (error as {kind: string}).kind : undefined;
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

const isNotFound = (error: unknown): boolean => kindOf(error) === 'not-found' || /ResourceNotFound|does not exist/i.test(messageOf(error));

/**
 * One line for an error of CloudWatch Logs: a missing permission, group or stream, or what it said. `groupExists`
 * (when known) decides between a missing group and a missing stream — some endpoints (moto) say "log group" for both.
 */
export function logsErrorNote(error: unknown, group: string, stream: string, groupExists?: boolean): string {
  const kind = kindOf(error);
  const message = messageOf(error);
  if (kind === 'access-denied') return `cannot read the logs: access denied (logs:GetLogEvents on ${group}); the run goes on without them`;
  if (isNotFound(error)) {
    return (groupExists === undefined ? /log group/i.test(message) : !groupExists)
      ? `no log group ${group}: nothing was written (the container may never have started)`
      : `no log stream ${stream} in ${group}: the container wrote nothing (it may never have started)`;
  }
  return `could not read the logs: ${message.split('\n')[0]}`;
}

export function createTaskLogReader(options: TaskLogReaderOptions): TaskLogReader {
  const {ecs, clock} = options;
  const call = options.call ?? (<T>(run: () => Promise<T>) => run());
  const definitions: TaskDefinitionCache = options.definitions ?? new Map();
  const definitionOf = (arn: string): Promise<JsonObject | undefined> =>
    cachedTaskDefinition(definitions, arn, () => call(() => ecs.describeTaskDefinition(arn)).then((answer) => answer?.taskDefinition));

  return async (task) => {
    const base = {type: 'task-logs' as const, taskArn: task.taskArn, lines: [] as string[]};
    const noted = (note: string, extra: Partial<TaskLogsEvent> = {}): TaskLogsEvent => ({...base, ...extra, at: clock.now(), note});
    let definition: JsonObject | undefined;
    try {
      definition = await definitionOf(task.taskDefinitionArn);
    } catch (error) {
      return noted(`could not read task definition ${taskDefinitionLabel(task.taskDefinitionArn)} to find its logs: ${messageOf(error).split('\n')[0]}`);
    }
    if (definition === undefined) return noted(`task definition ${taskDefinitionLabel(task.taskDefinitionArn)} not found: where its logs go is unknown`);
    const container = containerToRead(containerDefinitionsOf(definition), task.containers);
    const name = typeof container?.name === 'string' ? container.name : undefined;
    if (container === undefined || name === undefined) return noted('the task definition has no container');
    const destination = logDestinationOf(container);
    const known = knownSecretValues(container);
    if (destination.kind === 'none') return noted(`container ${name} has no log configuration: its output was not kept`, {container: name});
    if (destination.kind === 'elsewhere') return noted(maskSecrets(`its logs went to ${destination.where}, not to awslogs`, known), {container: name});
    const region = destination.region ?? ecs.region;
    const taskId = task.taskArn.slice(task.taskArn.lastIndexOf('/') + 1);
    const stream = awslogsStreamName(destination.streamPrefix, name, taskId);
    const source = `${destination.group} (${region})${stream === undefined ? '' : ` ${stream}`}`;
    if (stream === undefined) {
      return noted(
        `awslogs without awslogs-stream-prefix names the stream after the Docker container id, which ECS does not report: read ${destination.group}`,
        {
          container: name,
          source,
        },
      );
    }
    let logs: LogsPort | undefined;
    try {
      logs = await options.logs(region);
      const events = await logs.tailStream(destination.group, stream, TASK_LOG_LINES);
      const lines = taskLogLines(
        events.map((event) => event.message),
        known,
      );
      if (lines.length === 0) return noted('the container wrote nothing', {container: name, source});
      return {...base, at: clock.now(), container: name, source, lines};
    } catch (error) {
      const groupExists = isNotFound(error) && logs !== undefined ? await logs.logGroupExists(destination.group).catch(() => undefined) : undefined;
      return noted(logsErrorNote(error, destination.group, stream, groupExists), {container: name, source});
    }
  };
}

/**
 * A watch's events with its failing tasks' own logs: for the first `maxReads` failed tasks a read starts when their
 * `task-stopped` passes, and its `task-logs` event is yielded as soon as it is in, between the watch's own events —
 * never waited for: the watch goes on and ends when it ends (reads not finished by its `done` are left out). The
 * watch is asked for its next event only when the consumer wants one, as a plain `for await` would.
 */
export async function* withTaskLogs(
  watch: AsyncGenerator<DeployEvent, void, undefined>,
  options: Omit<TaskLogReaderOptions, 'call'> & {taskDefinitionArn: string; maxReads: number},
): AsyncGenerator<DeployEvent, void, undefined> {
  let readerCalls = 0;
  const read = createTaskLogReader({
    ecs: options.ecs,
    logs: options.logs,
    clock: options.clock,
    ...(options.definitions === undefined ? {} : {definitions: options.definitions}),
    call: (run) => {
      readerCalls++;
      return run();
    },
  });
  const ready: DeployEvent[] = [];
  let wake: () => void = () => undefined;
  let reads = 0;
  let next: Promise<IteratorResult<DeployEvent, void>> | undefined;
  let finished = false;
  try {
    for (;;) {
      while (ready.length > 0) yield ready.shift()!;
      next ??= watch.next();
      // A wake-up made for this wait only: a wait that stays pending all run long (Promise.race subscribes to it on
      // every step) would keep each step's result, every event of the watch, for as long as the watch runs.
      const woken = new Promise<undefined>((resolve) => (wake = () => resolve(undefined)));
      const step = await Promise.race([next, woken]);
      if (step === undefined) continue;
      next = undefined;
      if (step.done === true) return;
      const event = step.value;
      if (event.type === 'task-stopped' && event.failure.class !== 'not-a-failure' && reads < options.maxReads) {
        reads++;
        void read({taskArn: event.taskArn, taskDefinitionArn: options.taskDefinitionArn, containers: event.containers}).then((logs) => {
          if (finished) return;
          ready.push(logs);
          wake();
        });
      }
      if (event.type === 'done') {
        // Lines that came in with the last step still go before the end; the summary counts the reader's ECS calls.
        while (ready.length > 0) yield ready.shift()!;
        yield {...event, apiCalls: event.apiCalls + readerCalls};
        return;
      }
      yield event;
    }
  } finally {
    finished = true;
    // Stopped early: a watch waiting at its yield ends now; one in the middle of a poll ends at its next step.
    if (next === undefined) await watch.return(undefined);
    else void next.then(() => watch.return(undefined)).catch(() => undefined);
  }
}
