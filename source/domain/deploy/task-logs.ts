/**
 * A task's own logs, as the task definition says where they go: the awslogs group, region and stream of a container
 * (`<awslogs-stream-prefix>/<container>/<task-id>`), or one line saying where a FireLens or other log driver sends
 * them instead; which container of a stopped task to read (the essential one that exited); and the lines to show —
 * the last TASK_LOG_LINES, with secrets masked by value (domain/secret-values.ts) and by the values of the container's
 * secret-named variables. Pure; the lines stay otherwise raw (renderers sanitise them).
 */
import {isSensitiveName} from '../diff.js';
import {isJsonObject, type JsonObject} from '../json.js';
import {findSecretValue} from '../secret-values.js';
import type {StoppedContainer} from './stopped-task.js';

/** At most this many lines of a stopped task are shown. */
export const TASK_LOG_LINES = 20;

export type LogDestination =
  {kind: 'awslogs'; group: string; region?: string; streamPrefix?: string} | {kind: 'elsewhere'; driver: string; where: string} | {kind: 'none'};

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/** Where FireLens sends the logs, from its output plugin's options. */
function firelensWhere(options: JsonObject): string {
  const name = text(options.Name) ?? text(options.name);
  if (name === undefined) return 'FireLens (the log router container decides where)';
  const lower = name.toLowerCase();
  if (lower === 'cloudwatch' || lower === 'cloudwatch_logs') {
    const group = text(options.log_group_name);
    return `FireLens → CloudWatch Logs${group ? ` group ${group}` : ''}${text(options.region) ? ` (${text(options.region)})` : ''}`;
  }
  if (lower === 'firehose' || lower === 'kinesis_firehose')
    return `FireLens → Kinesis Data Firehose${text(options.delivery_stream) ? ` ${text(options.delivery_stream)}` : ''}`;
  if (lower === 'kinesis' || lower === 'kinesis_streams') return `FireLens → Kinesis Data Streams${text(options.stream) ? ` ${text(options.stream)}` : ''}`;
  if (lower === 's3') return `FireLens → S3${text(options.bucket) ? ` bucket ${text(options.bucket)}` : ''}`;
  if (lower === 'es' || lower === 'opensearch') return `FireLens → OpenSearch${text(options.Host) ? ` at ${text(options.Host)}` : ''}`;
  if (lower === 'datadog') return 'FireLens → Datadog';
  return `FireLens → ${name}`;
}

const OTHER_DRIVERS: Record<string, (options: JsonObject) => string> = {
  splunk: (options) => `Splunk${text(options['splunk-url']) ? ` at ${text(options['splunk-url'])}` : ''}`,
  fluentd: (options) => `fluentd${text(options['fluentd-address']) ? ` at ${text(options['fluentd-address'])}` : ''}`,
  gelf: (options) => `a GELF server${text(options['gelf-address']) ? ` at ${text(options['gelf-address'])}` : ''}`,
  syslog: (options) => `syslog${text(options['syslog-address']) ? ` at ${text(options['syslog-address'])}` : ''}`,
  'json-file': () => 'the container instance (json-file: `docker logs` on that host)',
  local: () => 'the container instance (local driver: `docker logs` on that host)',
  journald: () => "the container instance's journal (journald)",
  logentries: () => 'Logentries',
  awsfirelens: firelensWhere,
};

/** Where a container definition's logs go. */
export function logDestinationOf(container: JsonObject): LogDestination {
  const configuration = container.logConfiguration;
  if (!isJsonObject(configuration)) return {kind: 'none'};
  const driver = text(configuration.logDriver);
  if (driver === undefined) return {kind: 'none'};
  const options = isJsonObject(configuration.options) ? configuration.options : {};
  if (driver === 'awslogs') {
    const group = text(options['awslogs-group']);
    if (group === undefined) return {kind: 'elsewhere', driver, where: 'awslogs without an awslogs-group (the task cannot start its log driver)'};
    const region = text(options['awslogs-region']);
    const streamPrefix = text(options['awslogs-stream-prefix']);
    return {kind: 'awslogs', group, ...(region === undefined ? {} : {region}), ...(streamPrefix === undefined ? {} : {streamPrefix})};
  }
  if (driver === 'none') return {kind: 'elsewhere', driver, where: 'nowhere: logDriver none discards the output'};
  const where = OTHER_DRIVERS[driver];
  return {kind: 'elsewhere', driver, where: where === undefined ? `the ${driver} log driver` : where(options)};
}

export interface ReadLogsContext {
  /** The stopped task's id (the last part of its ARN). */
  taskId: string;
  /** The region an awslogs group without `awslogs-region` is in (the service's). */
  region: string;
  /** The command that prints the service's logs, e.g. `ecs-wizard logs web-api --env staging`. */
  command?: string;
}

/**
 * The hint under a stopped task whose container exited: where THAT container's output really went, from its
 * `logConfiguration` in the registered task definition — the awslogs group, region and exact stream (and the command
 * that prints it); where a FireLens or other driver sends it; or that it was not kept, and how to keep it. `undefined`
 * destination: the task definition could not be read, so where is not known.
 */
export function readLogsHint(container: string, destination: LogDestination | undefined, context: ReadLogsContext): string {
  const read = `Read ${container}'s output for the error it printed before exiting`;
  if (destination === undefined) return `${read} (where it went: the logConfiguration of ${container} in the task definition)`;
  if (destination.kind === 'awslogs') {
    const region = destination.region ?? context.region;
    const stream = awslogsStreamName(destination.streamPrefix, container, context.taskId);
    if (stream === undefined)
      return `${read}: CloudWatch Logs group ${destination.group} (${region}), in the stream named after its Docker container id (no awslogs-stream-prefix)`;
    return `${read}: CloudWatch Logs group ${destination.group} (${region}), stream ${stream}${context.command === undefined ? '' : ` (${context.command})`}`;
  }
  if (destination.kind === 'elsewhere') {
    if (destination.driver === 'none') return `${container}'s output was discarded (logDriver none): set an awslogs logConfiguration to see why it exits`;
    return `${read}: it went to ${destination.where}, not to CloudWatch Logs`;
  }
  return (
    `${container}'s output is not kept (its container definition has no logConfiguration): add one — logDriver awslogs with ` +
    'awslogs-group, awslogs-region and awslogs-stream-prefix (deploy creates the group) — and deploy again to see why it exits'
  );
}

/** `<prefix>/<container>/<task-id>`: the awslogs stream of one container of one task; undefined without a prefix. */
export function awslogsStreamName(streamPrefix: string | undefined, container: string, taskId: string): string | undefined {
  return streamPrefix === undefined ? undefined : `${streamPrefix}/${container}/${taskId}`;
}

/** The container and task id an awslogs stream is named after (the last two parts of `<prefix>/<container>/<task-id>`). */
export function parseAwslogsStream(stream: string): {container?: string; taskId?: string} {
  const parts = stream.split('/');
  if (parts.length < 3) return {};
  return {container: parts.at(-2)!, taskId: parts.at(-1)!};
}

/** The task's container definitions (a DescribeTaskDefinition answer or a RegisterTaskDefinition input). */
export function containerDefinitionsOf(taskDefinition: JsonObject): JsonObject[] {
  const list = taskDefinition.containerDefinitions;
  return Array.isArray(list) ? list.filter(isJsonObject) : [];
}

/**
 * Which container of a stopped task to read: the essential one that exited with an error, else an essential one
 * that exited, else the first essential one, else the first.
 */
export function containerToRead(definitions: readonly JsonObject[], stopped: readonly StoppedContainer[]): JsonObject | undefined {
  const essential = definitions.filter((definition) => definition.essential !== false);
  const exit = (definition: JsonObject): number | undefined => stopped.find((container) => container.name === definition.name)?.exitCode;
  return (
    essential.find((definition) => (exit(definition) ?? 0) !== 0) ??
    essential.find((definition) => exit(definition) !== undefined) ??
    essential[0] ??
    definitions[0]
  );
}

/** The values a container's own variables hold that are secrets (by value, or by a secret-looking name). */
export function knownSecretValues(container: JsonObject): string[] {
  const environment = Array.isArray(container.environment) ? container.environment.filter(isJsonObject) : [];
  const values: string[] = [];
  for (const variable of environment) {
    const name = typeof variable.name === 'string' ? variable.name : '';
    const value = typeof variable.value === 'string' ? variable.value : '';
    if (value.length >= 6 && (isSensitiveName(name) || findSecretValue(value) !== undefined)) values.push(value);
  }
  return values;
}

/** Where a word of a log line ends: spaces, quotes, brackets and the separators of `key=value`, `key: value`, JSON. */
const WORD = /[^\s"'`,;=()[\]{}<>]+/g;

/**
 * One log line with its secrets masked: every known value, and every word that is a secret by its value
 * (findSecretValue; a URL's password, a token, a key) replaced by what may be shown of it.
 */
export function maskSecrets(line: string, known: readonly string[] = []): string {
  let masked = line;
  for (const value of [...known].sort((a, b) => b.length - a.length)) masked = masked.split(value).join('…');
  return masked.replace(WORD, (word) => {
    const secret = findSecretValue(word);
    if (secret !== undefined) return secret.shown;
    // `token:ghp_…` and the like: the part after a colon may be the secret.
    const colon = word.indexOf(':');
    if (colon > 0 && !word.includes('://')) {
      const after = findSecretValue(word.slice(colon + 1));
      if (after !== undefined) return `${word.slice(0, colon + 1)}${after.shown}`;
    }
    return word;
  });
}

/** The lines to show of some log events: one line per line of each message, the last `max`, secrets masked. */
export function taskLogLines(messages: readonly string[], known: readonly string[] = [], max = TASK_LOG_LINES): string[] {
  const lines = messages.flatMap((message) => message.replace(/\r?\n$/, '').split(/\r?\n/));
  return lines.slice(-max).map((line) => maskSecrets(line, known));
}
