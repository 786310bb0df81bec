/**
 * The view every renderer draws: `deployViewReducer` folds DeployEvents into a `DeployView` (steps, checks,
 * deployments table, circuit breaker, failures, log lines, elapsed time, outcome). Pure: it never reads the time
 * other than the events' `at`.
 */
import type {RunOutcome} from '../model.js';
import {parseTaskDefinition, shortTaskId, taskDefinitionLabel} from '../aws-names.js';
import type {
  CheckStatus,
  DeployEvent,
  DeployEventType,
  DeploymentRow,
  DeployStepName,
  DeployStepStatus,
  ServiceDeploymentEvent,
  TaskLogsEvent,
} from './events.js';
import type {FailureAnalysis, StoppedContainer} from './stopped-task.js';
import {trafficLines, type TrafficView} from './traffic.js';

export type LogLevel = 'info' | 'ok' | 'warn' | 'error';

/** A finished line (printed once: Ink's <Static>, a plain line). */
export interface LogLine {
  at: number;
  type: DeployEventType;
  level: LogLevel;
  text: string;
  /** Indented lines under it (a failure's classification and hint). */
  detail: string[];
}

export interface StoppedTaskView {
  at: number;
  taskArn: string;
  stoppedReason: string;
  containers: StoppedContainer[];
  failure: FailureAnalysis;
  /** Its container's last lines, once read (a `task-logs` event). */
  logs?: TaskLogsView;
}

/** What a `task-logs` event said about one task. */
export interface TaskLogsView {
  container?: string;
  source?: string;
  lines: string[];
  note?: string;
}

export interface DeployView {
  cluster?: string;
  service?: string;
  region?: string;
  taskDefinitionArn?: string;
  deploymentId?: string;
  simulated: boolean;
  scenario?: string;
  /** The first event's time. */
  startedAt?: number;
  /** The last event's time. */
  now?: number;
  elapsedMs: number;
  steps: Array<{name: DeployStepName; status: DeployStepStatus; message: string}>;
  checks: Array<{name: string; status: CheckStatus; message: string; hint?: string}>;
  deployments: DeploymentRow[];
  /** ECS's own record of our deployment, as last seen (its status in ECS's words). */
  serviceDeployment?: Omit<ServiceDeploymentEvent, 'type' | 'at'>;
  /** Our failed tasks against the breaker's threshold; `off`: the service's breaker is off (ECS stops nothing). */
  circuitBreaker?: {failed: number; threshold: number; off?: true};
  /** A BLUE_GREEN, LINEAR or CANARY deployment's stage, traffic split, bake, hooks and alarms, as last seen. */
  traffic?: TrafficView;
  /**
   * Stopped tasks classified as failures (not 'not-a-failure'), oldest first: the latest FAILURES_KEPT of them (a
   * crash loop watched for hours stops thousands); `failureCount` counts them all.
   */
  failures: StoppedTaskView[];
  /** Every failure seen, including those no longer in `failures`. */
  failureCount: number;
  /** Count of stopped tasks seen (failures or not). */
  stoppedTasks: number;
  serviceEvents: number;
  /** The latest throttling (cleared by the next deployments snapshot). */
  throttled?: {retryInMs: number; attempt: number};
  warnings: string[];
  /**
   * Finished lines, oldest first: the latest LOG_LINES_KEPT of them. Renderers print each line once, when it comes
   * (`logSince`); a watch of hours must not keep every line it ever printed. `logCount` counts them all.
   */
  log: LogLine[];
  /** Every finished line so far, including those no longer in `log`. */
  logCount: number;
  outcome?: RunOutcome;
  exitCode?: number;
  reason?: string;
  apiCalls?: number;
  finished: boolean;
}

export const initialDeployView: DeployView = {
  simulated: false,
  elapsedMs: 0,
  steps: [],
  checks: [],
  deployments: [],
  failures: [],
  failureCount: 0,
  stoppedTasks: 0,
  serviceEvents: 0,
  warnings: [],
  log: [],
  logCount: 0,
  finished: false,
};

/** How many of the latest log lines a view keeps (more than any screen shows at once, or one event adds). */
export const LOG_LINES_KEPT = 200;
/** How many of the latest failures a view keeps (the screen shows the latest one and its logs). */
export const FAILURES_KEPT = 50;

/** `list` with `added` at its end, keeping at most `limit` items (the latest). */
function appendBounded<T>(list: readonly T[], added: readonly T[], limit: number): T[] {
  const all = list.length + added.length;
  return all <= limit ? [...list, ...added] : [...list.slice(all - limit), ...added.slice(Math.max(0, added.length - limit))];
}

/** The log lines `after` has that `before` had not (`after` folds more events into `before`). */
export function logSince(before: DeployView, after: DeployView): LogLine[] {
  const added = after.logCount - before.logCount;
  return added <= 0 ? [] : after.log.slice(Math.max(0, after.log.length - added));
}

/** A view's log with `lines` added (bounded). */
const withLog = (view: DeployView, lines: readonly LogLine[]): DeployView =>
  lines.length === 0 ? view : {...view, log: appendBounded(view.log, lines, LOG_LINES_KEPT), logCount: view.logCount + lines.length};

/** `PRIMARY web:7  running 2/3  pending 1  failed 0  IN_PROGRESS` — one table row as text (the reason only when FAILED). */
export function deploymentRowText(row: DeploymentRow): string {
  const label = row.revision === undefined ? taskDefinitionLabel(row.taskDefinition) : `${parseTaskDefinition(row.taskDefinition).family}:${row.revision}`;
  const parts = [`${row.status} ${label}`, `running ${row.running}/${row.desired}`, `pending ${row.pending}`, `failed ${row.failed}`];
  // ECS's reason only says something when the rollout failed ("… in progress." / "… completed." add nothing).
  if (row.rolloutState) parts.push(row.rolloutState + (row.reason && row.rolloutState === 'FAILED' ? ` (${row.reason})` : ''));
  return parts.join('  ');
}

const OUTCOME_TEXT: Record<RunOutcome, string> = {
  deployed: 'deployed',
  failed: 'deployment failed',
  'rolled-back': 'rolled back',
  'timed-out': 'timed out',
  detached: 'detached (the deployment goes on)',
  interrupted: 'interrupted',
};

/** The level of a record's status: SUCCESSFUL ok; a rollback or a stop error; a stop asked for warn. */
function recordLevel(status: string): LogLevel {
  if (status === 'SUCCESSFUL') return 'ok';
  if (status.startsWith('ROLLBACK_') || status === 'STOPPED') return 'error';
  return status === 'STOP_REQUESTED' ? 'warn' : 'info';
}

/** `ECS service deployment ejGv…: ROLLBACK_IN_PROGRESS — reason`, with the breaker, the rollback and alarms below. */
export function serviceDeploymentText(record: Omit<ServiceDeploymentEvent, 'type' | 'at'>): {text: string; detail: string[]} {
  const id = record.arn.slice(record.arn.lastIndexOf('/') + 1);
  const of = record.taskDefinition === undefined ? '' : ` (${taskDefinitionLabel(record.taskDefinition)})`;
  const detail: string[] = [];
  const breaker = record.circuitBreaker;
  if (breaker?.status !== undefined && breaker.status !== 'DISABLED') {
    const counts =
      breaker.failureCount === undefined ? '' : ` (${breaker.failureCount}${breaker.threshold === undefined ? '' : `/${breaker.threshold}`} failed tasks)`;
    detail.push(`circuit breaker: ${breaker.status}${counts}`);
  }
  if (record.rollback !== undefined) {
    const to = record.rollback.taskDefinition === undefined ? '' : ` to ${taskDefinitionLabel(record.rollback.taskDefinition)}`;
    detail.push(`rollback${to}${record.rollback.reason ? `: ${record.rollback.reason}` : ''}`);
  }
  if (record.alarms?.triggered !== undefined && record.alarms.triggered.length > 0) detail.push(`alarms triggered: ${record.alarms.triggered.join(', ')}`);
  return {text: `ECS service deployment ${id}${of}: ${record.status}${record.statusReason ? ` — ${record.statusReason}` : ''}`, detail};
}

/** Exit code 2: the request was refused before anything changed (bad input, no revision to roll back to). */
const REFUSED_EXIT_CODE = 2;

/** How a run ended, as reported: a RunOutcome, or `not-started` for a refusal before anything changed (exit 2). */
export type ReportedOutcome = RunOutcome | 'not-started';

/**
 * The outcome the renderers report: a run refused before anything changed (exit code 2: bad input, a profile that does
 * not render, nothing to roll back to) is `not-started` — nothing failed, since nothing was attempted, and nothing
 * is recorded. The screen and plain lines say "not started, nothing was changed" (outcomeText); `--json` says
 * `not-started`.
 */
export function reportedOutcome(outcome: RunOutcome, exitCode: number | undefined): ReportedOutcome {
  return outcome === 'failed' && exitCode === REFUSED_EXIT_CODE ? 'not-started' : outcome;
}

/** What a finished run is called: a refusal is not a failed deployment, since none was attempted. */
export function outcomeText(outcome: RunOutcome, exitCode: number | undefined): string {
  return outcome === 'failed' && exitCode === REFUSED_EXIT_CODE ? 'not started, nothing was changed' : OUTCOME_TEXT[outcome];
}

/** `logs of task 3f2a9c1b web: last 12 lines (/ecs/web (us-east-1) ecs/web/3f2a…)` with the lines below, or the note. */
export function taskLogsText(event: Pick<TaskLogsEvent, 'taskArn' | 'container' | 'source' | 'lines' | 'note'>): {text: string; detail: string[]} {
  const head = `logs of task ${shortTaskId(event.taskArn).slice(0, 8)}${event.container === undefined ? '' : ` ${event.container}`}`;
  const source = event.source === undefined ? '' : ` (${event.source})`;
  if (event.lines.length === 0) return {text: `${head}: ${event.note ?? 'no lines'}${source}`, detail: []};
  return {text: `${head}: last ${event.lines.length} line${event.lines.length === 1 ? '' : 's'}${source}`, detail: event.lines.map((text) => `│ ${text}`)};
}

const line = (event: DeployEvent, level: LogLevel, text: string, detail: string[] = []): LogLine => ({at: event.at, type: event.type, level, text, detail});

function logLineOf(event: DeployEvent, view: DeployView): LogLine | undefined {
  switch (event.type) {
    case 'step':
      return line(
        event,
        event.status === 'failed' ? 'error' : event.status === 'done' ? 'ok' : 'info',
        `${event.name}: ${event.status}${event.message ? ` — ${event.message}` : ''}`,
      );
    case 'check':
      return line(
        event,
        event.status === 'fail' ? 'error' : event.status === 'warn' ? 'warn' : 'ok',
        `check ${event.name}: ${event.status} — ${event.message}`,
        event.hint ? [`hint: ${event.hint}`] : [],
      );
    case 'watch-started':
      return line(
        event,
        'info',
        `watching ${event.service} in ${event.cluster} (${event.region}) for ${taskDefinitionLabel(event.taskDefinitionArn)}${event.deploymentId ? `, deployment ${event.deploymentId}` : ''}${event.simulated ? ` — SIMULATED${event.scenario ? ` (scenario ${event.scenario})` : ''}, no AWS calls` : ''}`,
      );
    case 'deployments':
      return undefined;
    case 'service-deployment': {
      const {text, detail} = serviceDeploymentText(event);
      return line(event, recordLevel(event.status), text, detail);
    }
    case 'service-event':
      return line(
        event,
        /fail|unable|error|rolling back|unhealthy/i.test(event.message) ? 'warn' : /steady state/i.test(event.message) ? 'ok' : 'info',
        event.message,
      );
    case 'task-stopped': {
      const level: LogLevel = event.failure.class === 'not-a-failure' ? 'info' : 'error';
      const exits = event.containers.filter((container) => container.exitCode !== undefined).map((container) => `${container.name} exit ${container.exitCode}`);
      return line(
        event,
        level,
        `task ${shortTaskId(event.taskArn)} stopped: ${event.stoppedReason || event.stopCode || 'no reason given'}${exits.length > 0 ? ` (${exits.join(', ')})` : ''}`,
        level === 'error' ? [`${event.failure.class}: ${event.failure.summary}`, `hint: ${event.failure.hint}`] : [],
      );
    }
    case 'task-logs': {
      const {text, detail} = taskLogsText(event);
      return line(event, event.lines.length > 0 ? 'info' : 'warn', text, detail);
    }
    case 'circuit-breaker':
      return event.off
        ? line(event, 'warn', `circuit breaker off: ${event.failed} failed tasks; ECS will not stop or roll back this deployment`)
        : line(event, event.failed >= event.threshold ? 'error' : 'warn', `circuit breaker: ${event.failed}/${event.threshold} failed tasks`);
    case 'throttled':
      return line(event, 'warn', `ECS is throttling requests; retrying in ${Math.round(event.retryInMs / 100) / 10}s (attempt ${event.attempt})`);
    case 'warning':
      return line(event, 'warn', event.message);
    case 'info':
      return line(event, 'info', event.message);
    case 'done': {
      const level: LogLevel = event.outcome === 'deployed' ? 'ok' : event.outcome === 'detached' ? 'warn' : 'error';
      return line(event, level, `${outcomeText(event.outcome, event.exitCode)}${view.simulated ? ' (simulated)' : ''}: ${event.reason}`);
    }
  }
}

/** Folds one event into the view (pure; never reads the time other than the events' `at`). */
export function deployViewReducer(state: DeployView, event: DeployEvent): DeployView {
  const startedAt = state.startedAt ?? event.at;
  const now = Math.max(state.now ?? event.at, event.at);
  let next: DeployView = {...state, startedAt, now, elapsedMs: now - startedAt};
  switch (event.type) {
    case 'step': {
      const index = next.steps.findIndex((step) => step.name === event.name);
      const entry = {name: event.name, status: event.status, message: event.message};
      next = {...next, steps: index === -1 ? [...next.steps, entry] : next.steps.map((step, i) => (i === index ? entry : step))};
      break;
    }
    case 'check': {
      const entry = {name: event.name, status: event.status, message: event.message, ...(event.hint === undefined ? {} : {hint: event.hint})};
      const index = next.checks.findIndex((check) => check.name === event.name);
      next = {...next, checks: index === -1 ? [...next.checks, entry] : next.checks.map((check, i) => (i === index ? entry : check))};
      break;
    }
    case 'watch-started':
      next = {
        ...next,
        cluster: event.cluster,
        service: event.service,
        region: event.region,
        taskDefinitionArn: event.taskDefinitionArn,
        simulated: event.simulated,
        ...(event.deploymentId === undefined ? {} : {deploymentId: event.deploymentId}),
        ...(event.scenario === undefined ? {} : {scenario: event.scenario}),
      };
      break;
    case 'deployments': {
      const ours = event.deployments.find((row) => row.ours);
      next = {...next, deployments: event.deployments, throttled: undefined, ...(next.deploymentId === undefined && ours ? {deploymentId: ours.id} : {})};
      break;
    }
    case 'service-deployment': {
      const {type: _type, at: _at, ...record} = event;
      const breaker = record.circuitBreaker;
      const counted =
        breaker?.failureCount !== undefined && breaker.threshold !== undefined && breaker.status !== 'DISABLED'
          ? {failed: Math.max(breaker.failureCount, next.circuitBreaker?.failed ?? 0), threshold: breaker.threshold}
          : next.circuitBreaker;
      next = {...next, serviceDeployment: record, ...(counted === undefined ? {} : {circuitBreaker: counted})};
      break;
    }
    case 'traffic': {
      const {type: _type, at: _at, ...traffic} = event;
      const lines = trafficLines(state.traffic, traffic).map((entry) => line(event, entry.level, entry.text));
      return withLog({...next, traffic}, lines);
    }
    case 'service-event':
      next = {...next, serviceEvents: next.serviceEvents + 1};
      break;
    case 'task-stopped': {
      const entry: StoppedTaskView = {
        at: event.at,
        taskArn: event.taskArn,
        stoppedReason: event.stoppedReason,
        containers: event.containers,
        failure: event.failure,
      };
      next =
        event.failure.class === 'not-a-failure'
          ? {...next, stoppedTasks: next.stoppedTasks + 1}
          : {...next, stoppedTasks: next.stoppedTasks + 1, failures: appendBounded(next.failures, [entry], FAILURES_KEPT), failureCount: next.failureCount + 1};
      break;
    }
    case 'task-logs': {
      const logs: TaskLogsView = {
        lines: event.lines,
        ...(event.container === undefined ? {} : {container: event.container}),
        ...(event.source === undefined ? {} : {source: event.source}),
        ...(event.note === undefined ? {} : {note: event.note}),
      };
      next = {...next, failures: next.failures.map((failure) => (failure.taskArn === event.taskArn ? {...failure, logs} : failure))};
      break;
    }
    case 'circuit-breaker':
      next = {...next, circuitBreaker: {failed: event.failed, threshold: event.threshold, ...(event.off ? {off: true as const} : {})}};
      break;
    case 'throttled':
      next = {...next, throttled: {retryInMs: event.retryInMs, attempt: event.attempt}};
      break;
    case 'warning':
      next = {...next, warnings: [...next.warnings, event.message]};
      break;
    case 'info':
      break;
    case 'done':
      next = {...next, outcome: event.outcome, exitCode: event.exitCode, reason: event.reason, apiCalls: event.apiCalls, finished: true, throttled: undefined};
      break;
  }
  const logLine = logLineOf(event, next);
  return logLine === undefined ? next : withLog(next, [logLine]);
}

/** Folds a whole list (tests, summaries). */
export function foldDeployEvents(events: Iterable<DeployEvent>, initial: DeployView = initialDeployView): DeployView {
  let view = initial;
  for (const event of events) view = deployViewReducer(view, event);
  return view;
}

/** `+12s` — time since the view started (renderers prefix lines with it). */
export function formatElapsed(ms: number): string {
  return `+${Math.max(0, Math.floor(ms / 1000))}s`;
}
