/**
 * The event stream of a whole-application deploy (`deploy --app`, `watch --app`): ONE stream of app-level events
 * that the three renderers read (the Ink table, plain lines, NDJSON), made of
 *
 * - `app-started`: the application, the environment, the services in deploy order with their dependencies;
 * - `app-service`: a service's place in the run — queued, planned (its plan is known: changed or not), started
 *   (its apply began), skipped (not started, with why), finished (its outcome and exit code);
 * - `service-run`: one event of a service's own DeployEvent stream (operations/deploy/run.ts), tagged with the
 *   service's name;
 * - `app-done`: always last, once: the worst outcome, its exit code, what happened to each service and how to resume.
 *
 * Text from AWS stays raw here, as in events.ts; the renderers clean it.
 */
import type {RunOutcome} from '../model.js';
import type {AppRunRecord} from './app-run-types.js';
import type {DeployEvent} from './events.js';

export type AppServiceStatus = 'queued' | 'planned' | 'started' | 'skipped' | 'finished';

export interface AppStartedEvent {
  type: 'app-started';
  at: number;
  application: string;
  environment: string;
  /** In deploy order: the service name, its profile, and the services it waits for in this run. */
  services: Array<{service: string; profile: string; dependsOn: string[]}>;
  /** At most this many services roll out at once. */
  parallel: number;
  /** Watching (re-attaching to) a detached run rather than deploying. */
  watch?: boolean;
  simulated: boolean;
}

export interface AppServiceEvent {
  type: 'app-service';
  at: number;
  service: string;
  status: AppServiceStatus;
  /** skipped: why it did not start; finished: the outcome's reason. */
  reason?: string;
  /** planned: the plan changes something (a revision or the service); false: nothing to change. */
  changed?: boolean;
  outcome?: RunOutcome;
  exitCode?: number;
}

export interface ServiceRunEvent {
  type: 'service-run';
  at: number;
  service: string;
  event: DeployEvent;
}

/** What became of one service, in the summary. */
export interface AppServiceResult {
  service: string;
  profile: string;
  /** `not-started` with `reason` when it never started. */
  outcome: RunOutcome | 'not-started';
  exitCode?: number;
  reason: string;
  /** Whether its plan changed anything (undefined when no plan was made). */
  changed?: boolean;
}

export interface AppDoneEvent {
  type: 'app-done';
  at: number;
  outcome: RunOutcome;
  exitCode: number;
  reason: string;
  elapsedMs: number;
  services: AppServiceResult[];
  /** The flags that deploy what was not deployed (`--only a,b` or `--from a`), when something was not. */
  resume?: string;
  /** The run's record as kept in the application (app-run-record.ts), when it was kept. */
  record?: AppRunRecord;
  /** What the person should know besides (a record that could not be written). */
  notes?: string[];
}

export type AppDeployEvent = AppStartedEvent | AppServiceEvent | ServiceRunEvent | AppDoneEvent;

/**
 * The worst of several exit codes, as a whole-application run reports it: failed (1) is worst — something is broken
 * and was not put back — then rolled back (3), timed out (4: not known), bad input (2: refused before a change),
 * detached or interrupted (5), success (0).
 */
const SEVERITY = [1, 3, 4, 2, 5, 0];

export function worstExitCode(codes: readonly number[]): number {
  let worst = 0;
  for (const code of codes) if (SEVERITY.indexOf(code) < SEVERITY.indexOf(worst) || !SEVERITY.includes(code)) worst = code;
  return worst;
}
