/**
 * The deploy event stream: one typed stream (DeployEvent) that the deploy operations emit, phase by phase, and three
 * renderers consume (the Ink deploy screen, plain lines for CI, NDJSON for --json):
 *
 * - before the watch: `step` (plan, register, service — emitted by plan/apply) and `check` (the pre-flight checks);
 * - after a successful rollout (or right after the update with --no-wait): `step` scaling, when auto scaling changes;
 * - the watch: `watch-started`, `deployments`, `service-deployment` (ECS's own record of our deployment), `traffic`
 *   (a BLUE_GREEN, LINEAR or CANARY deployment's stage, traffic split, bake, hooks and alarms),
 *   `service-event`, `task-stopped`, `circuit-breaker`, `throttled`, `info`, `warning`, and always last `done`;
 *   `task-logs` (the last lines a stopped task's container wrote: task-logs.ts) follows its `task-stopped` when read.
 *
 * Each event has `type` and `at` (ms since the epoch, from the injected clock). Text from AWS is kept as received
 * here, raw; renderers clean it once where they write it (report/sanitize.ts: the Ink Text, the plain and NDJSON
 * reporters). What the events are folded into is in view.ts; the watch's rules in verdict.ts and
 * stopped-task.ts.
 */
import type {RunOutcome} from '../model.js';
import type {FailureAnalysis, StoppedContainer} from './stopped-task.js';

/** `scaling`: service auto scaling, applied after the rollout succeeded (operations/deploy/scaling.ts). */
export type DeployStepName = 'plan' | 'checks' | 'register' | 'service' | 'scaling';
export type DeployStepStatus = 'started' | 'done' | 'failed' | 'skipped';
export type CheckStatus = 'ok' | 'warn' | 'fail';

/** One row of the deployments table: a DescribeServices deployment, flattened. */
export interface DeploymentRow {
  id: string;
  /** PRIMARY, ACTIVE, INACTIVE. */
  status: string;
  taskDefinition: string;
  /** Parsed from the task definition ARN (undefined when it has none). */
  revision?: number;
  desired: number;
  running: number;
  pending: number;
  failed: number;
  /** IN_PROGRESS, COMPLETED, FAILED; absent when the deployment controller is not ECS. */
  rolloutState?: string;
  reason?: string;
  /** True for the deployment the watch is about (our task definition / deployment id). */
  ours: boolean;
}

interface EventBase {
  /** Milliseconds since the epoch, from the injected clock. */
  at: number;
}

/** Before the watch (emitted by plan/apply): a step of the deploy. */
export interface StepEvent extends EventBase {
  type: 'step';
  name: DeployStepName;
  status: DeployStepStatus;
  message: string;
}

/** Before the watch (emitted by plan/apply): one pre-flight check. */
export interface CheckEvent extends EventBase {
  type: 'check';
  name: string;
  status: CheckStatus;
  message: string;
  hint?: string;
}

export interface WatchStartedEvent extends EventBase {
  type: 'watch-started';
  cluster: string;
  service: string;
  region: string;
  taskDefinitionArn: string;
  deploymentId?: string;
  /** Our service deployment (ECS's record of it), when known from the start. */
  serviceDeploymentArn?: string;
  /** True when the port is the rollout simulator (screens must say so). */
  simulated: boolean;
  scenario?: string;
}

/** The service's deployments, emitted when anything in them changed (and on the first poll). */
export interface DeploymentsEvent extends EventBase {
  type: 'deployments';
  deployments: DeploymentRow[];
}

/**
 * ECS's own record of our deployment (DescribeServiceDeployments), emitted when it changed. `status` is ECS's:
 * PENDING, IN_PROGRESS, SUCCESSFUL, STOPPED, STOP_REQUESTED, ROLLBACK_REQUESTED, ROLLBACK_IN_PROGRESS,
 * ROLLBACK_SUCCESSFUL, ROLLBACK_FAILED.
 */
export interface ServiceDeploymentEvent extends EventBase {
  type: 'service-deployment';
  arn: string;
  status: string;
  statusReason?: string;
  lifecycleStage?: string;
  /** The task definition it rolls out. */
  taskDefinition?: string;
  /** Once a rollback started: why, and the task definition it goes back to. */
  rollback?: {reason?: string; taskDefinition?: string};
  /** status DISABLED, MONITORING, MONITORING_COMPLETE or TRIGGERED. */
  circuitBreaker?: {status?: string; failureCount?: number; threshold?: number};
  alarms?: {status?: string; triggered?: string[]};
}

/**
 * A BLUE_GREEN, LINEAR or CANARY deployment's traffic, from ECS's record of it (its lifecycleStage, the revisions'
 * requestedProductionTrafficWeight, lifecycleHookDetails, alarms): emitted when any of it changed. Stage names are
 * ECS's own. The bake's end is counted from when the record entered it (ECS does not say when a bake ends).
 */
export interface TrafficEvent extends EventBase {
  type: 'traffic';
  /** BLUE_GREEN, LINEAR or CANARY. */
  strategy: string;
  /** ECS's lifecycleStage: PRE_SCALE_UP, SCALE_UP, … BAKE_TIME, CLEAN_UP. */
  lifecycleStage?: string;
  /** Production traffic on the new (green) revision, percent; the old (blue) one has the rest. */
  productionPercent: number;
  /** Test traffic on the new revision, percent. */
  testPercent?: number;
  /** The production traffic after each step of the strategy (CANARY [10, 100]; LINEAR [20, 40, …, 100]). */
  steps: number[];
  /** A bake in progress: between two traffic steps (`step`) or after the last (`bake`), with when it ends (ms). */
  bake?: {kind: 'step' | 'bake'; minutes: number; endsAt: number};
  /** The lifecycle hooks run so far and how they answered (SUCCEEDED, FAILED, IN_PROGRESS, …). */
  hooks: Array<{targetArn: string; status: string; stage?: string}>;
  /** The deployment's CloudWatch alarms: ECS's status (MONITORING, TRIGGERED, …) and the ones that fired. */
  alarms?: {status: string; names: string[]; triggered: string[]};
}

/** A service event, de-duplicated by id, oldest first. */
export interface ServiceEventEvent extends EventBase {
  type: 'service-event';
  id: string;
  /** ISO-8601, as ECS gives it. */
  createdAt: string;
  message: string;
}

/** A task of our deployment stopped (each task once). */
export interface TaskStoppedEvent extends EventBase {
  type: 'task-stopped';
  taskArn: string;
  stoppedReason: string;
  stopCode?: string;
  stoppedAt?: string;
  containers: StoppedContainer[];
  failure: FailureAnalysis;
}

/**
 * The last lines a stopped task's container wrote (read in the background of the watch, after its `task-stopped`),
 * secrets already masked, otherwise raw; or, when there are none to show, one line saying why.
 */
export interface TaskLogsEvent extends EventBase {
  type: 'task-logs';
  taskArn: string;
  /** The container read (the essential one that exited). */
  container?: string;
  /** Where the lines are: `/ecs/web (us-east-1) ecs/web/3f2a…`. */
  source?: string;
  /** Oldest first, at most TASK_LOG_LINES (domain/deploy/task-logs.ts). */
  lines: string[];
  /** Why there are no lines: where the logs went instead, no log configuration, a missing permission, group or stream. */
  note?: string;
}

/** The circuit breaker's progress: failed tasks of our deployment against the threshold. */
export interface CircuitBreakerEvent extends EventBase {
  type: 'circuit-breaker';
  failed: number;
  threshold: number;
  /**
   * The service's deployment circuit breaker is off: `failed` tasks of ours have failed and ECS will neither stop nor
   * roll back the deployment for it (`threshold` is what it would have been).
   */
  off?: true;
}

/** ECS throttled a call; the watch waits `retryInMs` (jittered, ≤ 30 s) before attempt `attempt`. */
export interface ThrottledEvent extends EventBase {
  type: 'throttled';
  retryInMs: number;
  attempt: number;
}

export interface WarningEvent extends EventBase {
  type: 'warning';
  message: string;
}

/** Something worth knowing that is not a problem (e.g. how the watch judges where ECS keeps no deployment records). */
export interface InfoEvent extends EventBase {
  type: 'info';
  message: string;
}

/** Always the last event of a watch, exactly once. */
export interface DoneEvent extends EventBase {
  type: 'done';
  outcome: RunOutcome;
  reason: string;
  exitCode: number;
  elapsedMs: number;
  /** Every ECS call the run made. */
  apiCalls: number;
  /** ECS's own status of our deployment at the end (its record's), when ECS keeps one: SUCCESSFUL, ROLLBACK_SUCCESSFUL, … */
  serviceDeploymentStatus?: string;
}

export type DeployEvent =
  | StepEvent
  | CheckEvent
  | WatchStartedEvent
  | DeploymentsEvent
  | ServiceDeploymentEvent
  | TrafficEvent
  | ServiceEventEvent
  | TaskStoppedEvent
  | TaskLogsEvent
  | CircuitBreakerEvent
  | ThrottledEvent
  | WarningEvent
  | InfoEvent
  | DoneEvent;

export type DeployEventType = DeployEvent['type'];

/** Exit code per outcome (the same numbers as EXIT in source/errors.ts; a test keeps them equal). */
export const OUTCOME_EXIT_CODES: Readonly<Record<RunOutcome, number>> = {
  deployed: 0,
  failed: 1,
  'rolled-back': 3,
  'timed-out': 4,
  detached: 5,
  interrupted: 5,
};
