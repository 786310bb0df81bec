/**
 * CloudWatch Logs, for the awslogs log driver: the log group a container spec names must exist (or the task
 * definition asks for `awslogs-create-group`), and what a task's containers wrote (the failing task's last lines in
 * the deploy view, `ecs-wizard logs`). Implemented by adapters/aws/logs.ts and by the rollout simulator
 * (adapters/simulator/logs.ts).
 *
 * Errors: AwsError (source/errors.ts); a missing group or stream is kind `not-found`, a missing permission
 * `access-denied`.
 */
export interface LogsPort {
  /** True when a log group of exactly this name exists. */
  logGroupExists(name: string): Promise<boolean>;
  /** CreateLogGroup; a group that already exists is not an error. */
  createLogGroup(name: string): Promise<void>;
  /** The last `limit` events of one stream, oldest first (GetLogEvents from the tail). */
  tailStream(group: string, stream: string, limit: number): Promise<LogEvent[]>;
  /**
   * One page of FilterLogEvents: the events of the group's streams whose names start with `streamPrefix`, from
   * `startTime` (ms, inclusive) to `endTime` (ms, inclusive) when given, oldest first (interleaved by time).
   */
  filterEvents(query: LogQuery): Promise<LogPage>;
}

/** One log event as CloudWatch Logs keeps it (the message raw: whoever shows it cleans it). */
export interface LogEvent {
  /** When it was written (ms since the epoch). */
  timestamp: number;
  message: string;
  /** The stream it is in. */
  stream: string;
  /** CloudWatch's id of the event (unique within the group), when the call gives one. */
  id?: string;
}

export interface LogQuery {
  group: string;
  streamPrefix?: string;
  startTime: number;
  endTime?: number;
  nextToken?: string;
  /** Events per page (default: the service's, up to 10 000). */
  limit?: number;
}

export interface LogPage {
  events: LogEvent[];
  /** Absent on the last page. */
  nextToken?: string;
}
