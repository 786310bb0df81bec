/**
 * What a pre-flight check answers (ok / warn / fail, a message, a hint, a remedy the deploy can apply), and the guard
 * every AWS-backed check runs in: a check that cannot be made (access denied, throttled) is a warning saying so; an
 * unreachable endpoint or missing credentials end the run.
 */
import type {CheckStatus} from '../../domain/deploy/events.js';
import {AwsError} from '../../errors.js';

/** A fix the deploy can apply itself when the person agrees (--yes or the confirmation). */
export interface Remedy {
  kind: 'create-log-group';
  logGroup: string;
  region: string;
  /** What the confirmation says: `create log group /ecs/web (us-east-1)`. */
  label: string;
}

export interface CheckResult {
  name: string;
  status: CheckStatus;
  message: string;
  hint?: string;
  remedy?: Remedy;
}

/** An AWS failure that is not "cannot be checked" ends the run. */
export function couldNotCheck(error: unknown, name: string, what: string): CheckResult {
  if (error instanceof AwsError && error.kind !== 'unreachable' && error.kind !== 'credentials') {
    return {name, status: 'warn', message: `could not check ${what}: ${error.message}`, ...(error.hint === undefined ? {} : {hint: error.hint})};
  }
  throw error;
}

export async function guarded(name: string, what: string, check: () => Promise<CheckResult | CheckResult[]>): Promise<CheckResult[]> {
  try {
    const result = await check();
    return Array.isArray(result) ? result : [result];
  } catch (error) {
    return [couldNotCheck(error, name, what)];
  }
}
