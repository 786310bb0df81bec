/**
 * The rollout simulator's scenarios (named in ports/simulation.ts): how the tasks of a user's deployment fare, and
 * what else happens.
 * Durations are simulated milliseconds at speed 1 (the simulator divides them by `speed`).
 */
import type {SimulationScenario} from '../../ports/simulation.js';

/** For help text: one line each. */
export const scenarios: ReadonlyArray<{name: SimulationScenario; description: string}> = [
  {name: 'success', description: 'tasks are healthy in ~15 s, the old deployment drains, the rollout completes (exit 0)'},
  {
    name: 'crash-loop',
    description: 'the essential container exits 1 after starting; the circuit breaker trips and rolls back (exit 3; exit 1 on a new service)',
  },
  {
    name: 'image-pull-failure',
    description: 'CannotPullContainerError (manifest not found); the circuit breaker trips and rolls back (exit 3; exit 1 on a new service)',
  },
  {name: 'slow-start', description: 'tasks take about two minutes to become healthy, then the rollout completes (exit 0)'},
  {name: 'throttling', description: 'DescribeServices is throttled in two bursts during a successful rollout (exit 0)'},
  {name: 'replaced', description: 'another deployment with a newer revision arrives mid-rollout and replaces ours (exit 1)'},
  {
    name: 'hook-fails',
    description:
      "the profile's first lifecycle hook answers FAILED at its first stage; ECS rolls back (exit 3; a profile without hooks has none to fail: exit 0)",
  },
  {
    name: 'alarm-fires',
    description:
      "the profile's first rollback alarm goes to ALARM once the new revision takes traffic (ROLLING: once its tasks are healthy); ECS rolls back (exit 3; without alarms: exit 0)",
  },
];

/** How one task of a deployment fares. */
export interface TaskFate {
  kind: 'healthy' | 'crash' | 'pull-failure';
  /** PROVISIONING → PENDING. */
  provisionMs: number;
  /** PENDING → RUNNING (or → STOPPED for a pull failure). */
  pendingMs: number;
  /** Extra start delay per task index within one launch (tasks do not all start together). */
  staggerMs: number;
  /** RUNNING → STOPPED (crash only). */
  crashAfterMs?: number;
  crashExitCode?: number;
}

export interface ScenarioScript {
  /** The fate of tasks of the user's deployments (rollbacks and replacing deployments are always healthy). */
  fate: TaskFate;
  /** DescribeServices throws ThrottlingException in these windows, relative to the first scenario deployment. */
  throttleWindows: Array<{fromMs: number; toMs: number}>;
  /** Another deployment (a newer revision) arrives this long after the first scenario deployment. */
  replaceAfterMs?: number;
  /** The first lifecycle hook of the deployment answers FAILED. */
  hookFails?: boolean;
  /** The first rollback alarm of the deployment fires once the new revision takes traffic. */
  alarmFires?: boolean;
}

export const HEALTHY_FATE: TaskFate = {kind: 'healthy', provisionMs: 3_000, pendingMs: 5_000, staggerMs: 500};

/** A task counts as healthy (old tasks drain, the rollout completes) after running this long. */
export const STEADY_AFTER_MS = 6_000;
/** Delay before ECS launches a replacement for a task that failed. */
export const RELAUNCH_DELAY_MS = 5_000;
/** How long a stopped task stays listed (ECS keeps them about an hour). */
export const STOPPED_TASK_RETENTION_MS = 60 * 60 * 1000;

export const SCENARIO_SCRIPTS: Readonly<Record<SimulationScenario, ScenarioScript>> = {
  success: {fate: HEALTHY_FATE, throttleWindows: []},
  'crash-loop': {fate: {kind: 'crash', provisionMs: 3_000, pendingMs: 5_000, staggerMs: 500, crashAfterMs: 4_000, crashExitCode: 1}, throttleWindows: []},
  'image-pull-failure': {fate: {kind: 'pull-failure', provisionMs: 3_000, pendingMs: 6_000, staggerMs: 500}, throttleWindows: []},
  'slow-start': {fate: {kind: 'healthy', provisionMs: 20_000, pendingMs: 75_000, staggerMs: 10_000}, throttleWindows: []},
  throttling: {
    fate: {kind: 'healthy', provisionMs: 5_000, pendingMs: 45_000, staggerMs: 5_000},
    throttleWindows: [
      {fromMs: 4_000, toMs: 24_000},
      {fromMs: 32_000, toMs: 46_000},
    ],
  },
  replaced: {fate: {kind: 'healthy', provisionMs: 5_000, pendingMs: 20_000, staggerMs: 1_000}, throttleWindows: [], replaceAfterMs: 12_000},
  'hook-fails': {fate: HEALTHY_FATE, throttleWindows: [], hookFails: true},
  'alarm-fires': {fate: HEALTHY_FATE, throttleWindows: [], alarmFires: true},
};
