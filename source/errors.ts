/**
 * Errors that reach the user. Every one carries the exit code the CLI ends with and, where one exists,
 * a hint saying what to do. The CLI prints `ecs-wizard: <message>` (and the hint) — never a stack trace.
 */
export const EXIT = {
  ok: 0,
  /** A deployment failed (or any other runtime failure). */
  failed: 1,
  /** Bad input or usage: unknown command or flag, invalid JSON, a field that does not validate. */
  usage: 2,
  rolledBack: 3,
  timedOut: 4,
  /** Interrupted or detached: the deployment goes on without us. */
  detached: 5,
} as const;

export class CliError extends Error {
  readonly exitCode: number;
  readonly hint?: string;

  constructor(message: string, options: {exitCode?: number; hint?: string; cause?: unknown} = {}) {
    super(message, options.cause === undefined ? undefined : {cause: options.cause});
    this.name = 'CliError';
    this.exitCode = options.exitCode ?? EXIT.failed;
    this.hint = options.hint;
  }
}

/** Unknown command or flag, a missing argument: exit code 2. */
export class UsageError extends CliError {
  constructor(message: string, hint?: string) {
    super(message, {exitCode: EXIT.usage, hint});
    this.name = 'UsageError';
  }
}

/** Input that does not validate (a field, a JSON line/column, a file): exit code 2. */
export class InputError extends CliError {
  constructor(message: string, hint?: string) {
    super(message, {exitCode: EXIT.usage, hint});
    this.name = 'InputError';
  }
}

/**
 * The profile store file cannot be read: corrupted JSON, a schema violation, a newer schema version.
 * The file is never reset; `backupPath` names the copy kept aside.
 */
export class StoreError extends CliError {
  readonly path: string;
  readonly backupPath?: string;

  constructor(message: string, path: string, backupPath?: string, hint?: string) {
    super(message, {exitCode: EXIT.usage, hint});
    this.name = 'StoreError';
    this.path = path;
    this.backupPath = backupPath;
  }
}

/**
 * What kind of failure an AWS call met, so operations can react (back off on throttling, show "denied" in place).
 * `unsupported`: the endpoint does not implement the operation (moto, LocalStack, an older region): the operation
 * was not answered, which a caller with a fallback takes as "not available here".
 */
export type AwsErrorKind = 'credentials' | 'unreachable' | 'access-denied' | 'throttled' | 'not-found' | 'invalid' | 'unsupported' | 'other';

/** An AWS call failed; the message is already written for the user (see adapters/aws/errors.ts). */
export class AwsError extends CliError {
  readonly kind: AwsErrorKind;
  /** The SDK's error name, e.g. `ThrottlingException`, `ClusterNotFoundException`. */
  readonly awsName: string;

  constructor(message: string, options: {kind: AwsErrorKind; awsName: string; exitCode?: number; hint?: string; cause?: unknown}) {
    super(message, options);
    this.name = 'AwsError';
    this.kind = options.kind;
    this.awsName = options.awsName;
  }
}
