/**
 * CloudWatch Logs, for the awslogs log driver: the log group a container spec names must exist (or the task
 * definition asks for `awslogs-create-group`). Implemented by adapters/aws/logs.ts.
 *
 * Errors: AwsError (source/errors.ts).
 */
export interface LogsPort {
  /** True when a log group of exactly this name exists. */
  logGroupExists(name: string): Promise<boolean>;
  /** CreateLogGroup; a group that already exists is not an error. */
  createLogGroup(name: string): Promise<void>;
}
