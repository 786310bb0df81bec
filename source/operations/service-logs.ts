/**
 * `ecs-wizard logs`: a service's recent logs, every task interleaved by time (what Copilot's `svc logs` gave).
 *
 * Where they are comes from ECS: the task definitions of the service's deployments (DescribeServices, then
 * DescribeTaskDefinition) name each container's log driver; every awslogs container is read with FilterLogEvents on
 * its group and the stream prefix `<awslogs-stream-prefix>/<container>/` (so every task, also stopped ones), and
 * the pages of all of them are merged by time. Containers logging elsewhere (FireLens, splunk, …) become one note
 * each, saying where. `follow` polls on the injected clock from the newest line seen (lines of that millisecond
 * already shown are not repeated) until `signal` aborts.
 *
 * Lines are yielded with secrets masked by value (domain/deploy/task-logs.ts), otherwise raw: the command cleans
 * what it prints.
 */
import {taskDefinitionLabel} from '../domain/aws-names.js';
import {containerDefinitionsOf, knownSecretValues, logDestinationOf, maskSecrets, parseAwslogsStream} from '../domain/deploy/task-logs.js';
import {hasErrors} from '../domain/issues.js';
import type {Environment, Profile} from '../domain/model.js';
import {render} from '../domain/render.js';
import {AwsError, CliError, EXIT, InputError} from '../errors.js';
import type {Clock} from '../ports/clock.js';
import type {EcsPort} from '../ports/ecs.js';
import type {LogEvent, LogsPort} from '../ports/logs.js';

/** One awslogs container of the service: where its streams are. */
export interface LogSource {
  container: string;
  group: string;
  region: string;
  /** `<awslogs-stream-prefix>/<container>/` */
  streamPrefix: string;
  /** Values of the container's secret variables (masked wherever they appear). */
  secrets: string[];
}

export interface ServiceLogLine {
  /** ms since the epoch. */
  time: number;
  /** The task's id (the last part of its ARN). */
  task: string;
  container: string;
  message: string;
}

export interface LogSources {
  sources: LogSource[];
  /** One line per container whose logs are not in CloudWatch Logs (where they went), or that has none. */
  notes: string[];
}

/** A page of at most this many events per source and read. */
export const MAX_EVENTS_PER_READ = 10_000;
export const FOLLOW_POLL_MS = 2_000;

/** The cluster and service name the profile deploys to in `environment` (exit 2 when it does not render). */
export function serviceOfProfile(profile: Profile, environment: Environment): {cluster: string; serviceName: string} {
  const rendered = render({profile, environment: environment.name, overrides: {}});
  const name = rendered.service?.['serviceName'];
  if (hasErrors(rendered.issues) || typeof name !== 'string' || name === '') {
    const first = rendered.issues.find((issue) => issue.severity === 'error');
    throw new InputError(
      `profile '${profile.name}' does not render for ${environment.name}${first === undefined ? '' : `: ${first.message}`}`,
      'see `ecs-wizard render` for details',
    );
  }
  return {cluster: environment.cluster, serviceName: name};
}

/** The service's awslogs containers (of every deployment's task definition), and notes for the others. */
export async function logSourcesOf(ecs: EcsPort, cluster: string, serviceName: string): Promise<LogSources> {
  const [service] = await ecs.describeServices(cluster, [serviceName]);
  if (service === undefined || service.status === 'INACTIVE') {
    throw new CliError(`service ${serviceName} not found in cluster ${cluster} (${ecs.region})`, {
      exitCode: EXIT.failed,
      hint: 'deploy it first (`ecs-wizard deploy`), or check --env and --region',
    });
  }
  const arns = [...new Set([...service.deployments.map((deployment) => deployment.taskDefinition), service.taskDefinition].filter((arn) => arn !== ''))];
  const sources = new Map<string, LogSource>();
  const notes: string[] = [];
  for (const arn of arns) {
    const described = await ecs.describeTaskDefinition(arn);
    if (described === undefined) {
      notes.push(`task definition ${taskDefinitionLabel(arn)} not found: its logs are not read`);
      continue;
    }
    for (const container of containerDefinitionsOf(described.taskDefinition)) {
      const name = typeof container.name === 'string' ? container.name : '';
      const destination = logDestinationOf(container);
      if (destination.kind === 'none') {
        notes.push(`container ${name} (${taskDefinitionLabel(arn)}) has no log configuration: its output is not kept`);
      } else if (destination.kind === 'elsewhere') {
        notes.push(`container ${name} (${taskDefinitionLabel(arn)}) sends its logs to ${destination.where}: read them there`);
      } else if (destination.streamPrefix === undefined) {
        notes.push(
          `container ${name} (${taskDefinitionLabel(arn)}) logs to ${destination.group} without awslogs-stream-prefix: its streams cannot be told apart by task`,
        );
      } else {
        const region = destination.region ?? ecs.region;
        const streamPrefix = `${destination.streamPrefix}/${name}/`;
        const key = `${region}\u0000${destination.group}\u0000${streamPrefix}`;
        const known = sources.get(key);
        const secrets = knownSecretValues(container);
        if (known === undefined) sources.set(key, {container: name, group: destination.group, region, streamPrefix, secrets});
        else known.secrets = [...new Set([...known.secrets, ...secrets])];
      }
    }
  }
  return {sources: [...sources.values()], notes: [...new Set(notes)]};
}

const keyOf = (event: LogEvent): string => event.id ?? `${event.stream}\u0000${event.timestamp}\u0000${event.message}`;

export interface ServiceLogsOptions {
  /** From when (ms since the epoch). */
  startTime: number;
  follow: boolean;
  /** Ends a follow (Ctrl-C). */
  signal?: AbortSignal;
  /** Between polls of a follow (default FOLLOW_POLL_MS). */
  pollMs?: number;
  /** A read of a source failed but others may go on: said once per source and kind of failure. */
  onNote?: (note: string) => void;
}

/**
 * The lines of `sources`, oldest first, interleaved by time; with `follow`, then the new ones as they come, until
 * `signal` aborts. A source whose group does not exist is a note; access denied on every source is an error.
 */
export async function* serviceLogLines(
  ports: {logs: (region: string) => Promise<LogsPort>; clock: Clock},
  sources: readonly LogSource[],
  options: ServiceLogsOptions,
): AsyncGenerator<ServiceLogLine, void, undefined> {
  const {signal} = options;
  const {clock} = ports;
  let cursor = options.startTime;
  /** Events already yielded at the cursor's millisecond (a next read starts there again). */
  let atCursor = new Set<string>();
  const noted = new Set<string>();
  const note = (text: string): void => {
    if (noted.has(text)) return;
    noted.add(text);
    options.onNote?.(text);
  };

  const readSource = async (source: LogSource, from: number): Promise<LogEvent[] | AwsError> => {
    const events: LogEvent[] = [];
    try {
      const logs = await ports.logs(source.region);
      let nextToken: string | undefined;
      do {
        const page = await logs.filterEvents({
          group: source.group,
          streamPrefix: source.streamPrefix,
          startTime: from,
          ...(nextToken === undefined ? {} : {nextToken}),
        });
        events.push(...page.events);
        nextToken = page.nextToken;
        if (events.length >= MAX_EVENTS_PER_READ) {
          note(
            `more than ${MAX_EVENTS_PER_READ} lines in ${source.group} since ${new Date(from).toISOString()}: the first ${MAX_EVENTS_PER_READ} are shown (use a shorter --since)`,
          );
          break;
        }
      } while (nextToken !== undefined && !signal?.aborted);
      return events;
    } catch (error) {
      if (!(error instanceof AwsError)) throw error;
      return error;
    }
  };

  for (let first = true; ; first = false) {
    const from = cursor;
    const results = [];
    for (const source of sources) results.push({source, result: await readSource(source, from)});
    const failures = results.filter((item): item is {source: LogSource; result: AwsError} => item.result instanceof AwsError);
    if (first && failures.length === results.length && failures.some((item) => item.result.kind !== 'not-found')) {
      const failure = failures.find((item) => item.result.kind !== 'not-found')!;
      const denied = failure.result.kind === 'access-denied';
      throw new CliError(
        denied ? `cannot read the logs: access denied (logs:FilterLogEvents on ${failure.source.group})` : `cannot read the logs: ${failure.result.message}`,
        {exitCode: EXIT.failed, ...(denied ? {hint: 'allow logs:FilterLogEvents on the log group to the identity you use'} : {})},
      );
    }
    for (const {source, result} of failures) {
      note(
        result.kind === 'not-found'
          ? `no log group ${source.group} (${source.region}): nothing was written there yet`
          : `cannot read ${source.group} (${source.region}): ${result.kind === 'access-denied' ? 'access denied' : result.message}`,
      );
    }
    const merged = results
      .flatMap(({source, result}) => (result instanceof AwsError ? [] : result.map((event) => ({source, event}))))
      .filter(({event}) => event.timestamp > from || !atCursor.has(keyOf(event)))
      .map((item, index) => ({...item, index}))
      .sort((a, b) => a.event.timestamp - b.event.timestamp || a.index - b.index);
    for (const {source, event} of merged) {
      if (event.timestamp > cursor) {
        cursor = event.timestamp;
        atCursor = new Set();
      }
      atCursor.add(keyOf(event));
      const {taskId, container} = parseAwslogsStream(event.stream);
      yield {
        time: event.timestamp,
        task: taskId ?? event.stream,
        container: container ?? source.container,
        message: maskSecrets(event.message.replace(/\r?\n$/, ''), source.secrets),
      };
    }
    if (!options.follow || signal?.aborted) return;
    try {
      await clock.sleep(options.pollMs ?? FOLLOW_POLL_MS, signal);
    } catch {
      return;
    }
  }
}
