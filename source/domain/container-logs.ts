/**
 * The awslogs configuration a new profile's container gets by default (init's form flags; `--no-logs` leaves it
 * out), as AWS's console ("Auto-configure CloudWatch Logs") and Copilot do: the group `/ecs/<family>`, the
 * environment's region, and the stream prefix `ecs` — so the stream of a task is `ecs/<container>/<task-id>`.
 *
 * Why no `awslogs-create-group`: it needs logs:CreateLogGroup on the execution role, which
 * AmazonECSTaskExecutionRolePolicy does not grant (only CreateLogStream and PutLogEvents). `deploy` creates a missing
 * group itself instead (its log-group check's remedy, after the confirmation), so the role stays least-privilege.
 * Pure.
 */
import type {JsonObject} from './json.js';
import {isJsonObject} from './json.js';
import type {FormLogConfiguration} from './model.js';

export const DEFAULT_LOG_STREAM_PREFIX = 'ecs';

/** `/ecs/<family>`: the console's own default group name. */
export const defaultLogGroup = (family: string): string => `/ecs/${family}`;

/** The default for a new service's container. */
export const defaultFormLogs = (family: string, region: string): FormLogConfiguration => ({
  group: defaultLogGroup(family),
  region,
  streamPrefix: DEFAULT_LOG_STREAM_PREFIX,
});

/** The container definition's `logConfiguration` for these settings. */
export function awslogsConfiguration(logs: FormLogConfiguration): JsonObject {
  return {logDriver: 'awslogs', options: {'awslogs-group': logs.group, 'awslogs-region': logs.region, 'awslogs-stream-prefix': logs.streamPrefix}};
}

/** The settings back from a `logConfiguration` that is exactly what awslogsConfiguration writes; undefined otherwise. */
export function formLogsOf(value: unknown): FormLogConfiguration | undefined {
  if (!isJsonObject(value) || value.logDriver !== 'awslogs' || Object.keys(value).length !== 2 || !isJsonObject(value.options)) return undefined;
  const options = value.options;
  const keys = Object.keys(options);
  const group = options['awslogs-group'];
  const region = options['awslogs-region'];
  const streamPrefix = options['awslogs-stream-prefix'];
  if (keys.length !== 3 || typeof group !== 'string' || typeof region !== 'string' || typeof streamPrefix !== 'string') return undefined;
  return {group, region, streamPrefix};
}
