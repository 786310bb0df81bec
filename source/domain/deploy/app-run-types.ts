/**
 * The shape of a whole-application run's record (app-run-record.ts makes and reads it; app-events.ts carries it on
 * `app-done`). Apart so that the event stream and the record do not import each other.
 */
import type {RunOutcome} from '../model.js';

export const MAX_APP_RUNS = 50;

/** waiting: not started yet; in-flight: started, no end recorded; ended: its outcome is known; not-started: it never will. */
export const APP_RUN_SERVICE_STATES = ['waiting', 'in-flight', 'ended', 'not-started'] as const;
export type AppRunServiceState = (typeof APP_RUN_SERVICE_STATES)[number];

export interface AppRunService {
  service: string;
  profile: string;
  state: AppRunServiceState;
  /** ended: what became of it. */
  outcome?: RunOutcome;
  exitCode?: number;
  /** The tag deployed (the profile's, when the run was planned). */
  tag?: string;
  /** Our task definition revision, once registered. */
  taskDefinitionArn?: string;
  revision?: number;
  /** not-started: why; ended: the outcome's reason. */
  reason?: string;
  /** Whether its plan changed anything. */
  changed?: boolean;
}

export interface AppRunRecord {
  /** Unique within the application. */
  id: string;
  environment: string;
  /** ISO-8601. */
  startedAt: string;
  /** Absent: no end recorded (still running, or the process stopped before it ended). */
  finishedAt?: string;
  outcome?: RunOutcome;
  exitCode?: number;
  reason?: string;
  simulated?: boolean;
  /** The plan's service order (the services of this run, in deploy order). */
  order: string[];
  services: AppRunService[];
  /** The flags that deploy what was not deployed. */
  resume?: string;
  /** When a later `watch --app` settled services left in flight or detached (ISO-8601). */
  settledAt?: string;
}
