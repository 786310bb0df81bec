/**
 * The deploy event stream: one typed stream (DeployEvent) that the deploy/watch operations emit and three renderers
 * consume (the Ink deploy screen, plain lines for CI, NDJSON for --json). Everything here is pure:
 *
 * - `DeployEvent` — what happened, each with `type` and `at` (ms since the epoch, from the injected clock);
 * - `deployViewReducer` — folds events into a `DeployView` (deployments table, circuit breaker, failures, log lines,
 *   elapsed time, outcome) that every renderer draws;
 * - `judgeDeployment` — the done rule (never a false success after a rollback);
 * - `classifyStoppedTask` — why a task stopped, with one concrete hint;
 * - `circuitBreakerThreshold` — ECS's failed-task threshold for a desired count.
 *
 * Text from AWS is kept as received here; renderers pass it through `sanitize` (report/style.ts) before printing,
 * and the watch operation sanitizes it when it builds the events.
 */
import type {RunOutcome} from './model.js';

// ---------------------------------------------------------------------------------------------------------------
// Events

export type DeployStepName = 'plan' | 'checks' | 'register' | 'service';
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

export const FAILURE_CLASSES = [
  'image-pull',
  'registry-auth',
  'secrets-iam',
  'essential-exit',
  'out-of-memory',
  'health-check',
  /** Stopped by ECS or a person on purpose (scale-in, a newer deployment, StopTask): shown, never counted as a failure. */
  'not-a-failure',
  'unknown',
] as const;
export type FailureClass = (typeof FAILURE_CLASSES)[number];

export interface FailureAnalysis {
  class: FailureClass;
  /** One line: what went wrong, naming the container and exit code when there is one. */
  summary: string;
  /** One concrete thing to do. */
  hint: string;
}

export interface StoppedContainer {
  name: string;
  exitCode?: number;
  reason?: string;
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
  /** True when the port is the rollout simulator (screens must say so). */
  simulated: boolean;
  scenario?: string;
}

/** The service's deployments, emitted when anything in them changed (and on the first poll). */
export interface DeploymentsEvent extends EventBase {
  type: 'deployments';
  deployments: DeploymentRow[];
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

/** The circuit breaker's progress: failed tasks of our deployment against the threshold. */
export interface CircuitBreakerEvent extends EventBase {
  type: 'circuit-breaker';
  failed: number;
  threshold: number;
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

/** Always the last event of a watch, exactly once. */
export interface DoneEvent extends EventBase {
  type: 'done';
  outcome: RunOutcome;
  reason: string;
  exitCode: number;
  elapsedMs: number;
  /** Every ECS call the watch made. */
  apiCalls: number;
}

export type DeployEvent =
  | StepEvent
  | CheckEvent
  | WatchStartedEvent
  | DeploymentsEvent
  | ServiceEventEvent
  | TaskStoppedEvent
  | CircuitBreakerEvent
  | ThrottledEvent
  | WarningEvent
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

// ---------------------------------------------------------------------------------------------------------------
// Small helpers

/** `arn:aws:ecs:…:task-definition/web:7` → {family: 'web', revision: 7}; `web:7` works too. */
export function parseTaskDefinition(reference: string): {family: string; revision?: number} {
  const afterSlash = reference.includes('task-definition/') ? reference.slice(reference.indexOf('task-definition/') + 'task-definition/'.length) : reference;
  const match = /^(.*):(\d+)$/.exec(afterSlash);
  if (!match) return {family: afterSlash};
  return {family: match[1]!, revision: Number(match[2])};
}

/** `web:7` for a task definition ARN (short, for screens). */
export function taskDefinitionLabel(reference: string): string {
  const {family, revision} = parseTaskDefinition(reference);
  return revision === undefined ? family : `${family}:${revision}`;
}

/** The last part of a task ARN (`arn:aws:ecs:…:task/cluster/abc123` → `abc123`). */
export function shortTaskId(taskArn: string): string {
  return taskArn.slice(taskArn.lastIndexOf('/') + 1);
}

/**
 * The circuit breaker's failure threshold: half the desired count (rounded up), at least 3, at most 200.
 */
export function circuitBreakerThreshold(desired: number): number {
  const half = Math.ceil(Math.max(0, desired) / 2);
  return Math.min(200, Math.max(3, half));
}

// ---------------------------------------------------------------------------------------------------------------
// The done rule

/** The deployment facts the done rule reads (EcsDeployment fits). */
export interface JudgedDeployment {
  id: string;
  status: string;
  taskDefinition: string;
  desiredCount: number;
  runningCount: number;
  pendingCount: number;
  failedTasks: number;
  rolloutState?: string;
  rolloutStateReason?: string;
  createdAt?: string;
}

/** The service facts the done rule reads (EcsServiceState fits). */
export interface JudgedService {
  status: string;
  deployments: JudgedDeployment[];
}

export type DeploymentVerdict = 'in-progress' | 'deployed' | 'failed' | 'rolled-back';

export interface Judgement {
  verdict: DeploymentVerdict;
  /** One line for the user (also while in progress: what is being waited for). */
  reason: string;
  /** Our deployment, when it is still listed. */
  ours?: JudgedDeployment;
  /** The PRIMARY deployment when it is not ours (the rollback target or the replacing deployment). */
  primary?: JudgedDeployment;
  /** For rolled-back: the rollback deployment finished (COMPLETED, running == desired, alone). */
  rollbackSettled?: boolean;
  /** For failed / rolled-back: the part of `reason` about our deployment, and what followed (`reason` = cause; outcome). */
  cause?: string;
  consequence?: string;
}

export interface JudgeOptions {
  /** Our deployment's id when known (from UpdateService/CreateService); otherwise matched by task definition. */
  deploymentId?: string;
  /** The task definition the service ran before ours: a PRIMARY running it means "rolled back". */
  previousTaskDefinitionArn?: string;
}

const isSettled = (deployment: JudgedDeployment, alone: boolean): boolean =>
  alone &&
  deployment.runningCount === deployment.desiredCount &&
  (deployment.rolloutState === undefined ? deployment.pendingCount === 0 : deployment.rolloutState === 'COMPLETED');

function findOurs(service: JudgedService, ourTaskDefinitionArn: string, deploymentId: string | undefined): JudgedDeployment | undefined {
  if (deploymentId !== undefined) return service.deployments.find((deployment) => deployment.id === deploymentId);
  const candidates = service.deployments.filter((deployment) => deployment.taskDefinition === ourTaskDefinitionArn);
  // Prefer PRIMARY; otherwise the newest.
  const primary = candidates.find((deployment) => deployment.status === 'PRIMARY');
  if (primary) return primary;
  return [...candidates].sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''))[0];
}

/** Does the PRIMARY deployment run an older revision than ours (or the one the service ran before)? */
function isRollbackTarget(primary: JudgedDeployment, ourTaskDefinitionArn: string, previous: string | undefined): boolean {
  if (previous !== undefined && primary.taskDefinition === previous) return true;
  const theirs = parseTaskDefinition(primary.taskDefinition);
  const ours = parseTaskDefinition(ourTaskDefinitionArn);
  return theirs.family === ours.family && theirs.revision !== undefined && ours.revision !== undefined && theirs.revision < ours.revision;
}

/**
 * The done rule. Success needs our revision's deployment PRIMARY + COMPLETED + running == desired + alone (without
 * rolloutState: PRIMARY alone, running == desired, nothing pending). FAILED or no longer PRIMARY is never success:
 * - a PRIMARY running an older revision (or `previousTaskDefinitionArn`) → rolled back;
 * - FAILED while still PRIMARY (no rollback) → failed;
 * - a PRIMARY running another (newer, unrelated) revision → failed, "replaced by …".
 */
export function judgeDeployment(service: JudgedService, ourTaskDefinitionArn: string, options: JudgeOptions = {}): Judgement {
  const ours = findOurs(service, ourTaskDefinitionArn, options.deploymentId);
  const primary = service.deployments.find((deployment) => deployment.status === 'PRIMARY');
  const ourLabel = taskDefinitionLabel(ourTaskDefinitionArn);

  if (service.status !== 'ACTIVE') {
    return {verdict: 'failed', reason: `the service is ${service.status.toLowerCase()} (deleted while deploying ${ourLabel})`, ours};
  }

  const notPrimaryVerdict = (why: string): Judgement => {
    if (primary === undefined) return {verdict: 'failed', reason: `${why}; no deployment is PRIMARY`, ours, cause: why, consequence: 'no deployment is PRIMARY'};
    const theirLabel = taskDefinitionLabel(primary.taskDefinition);
    const alone = service.deployments.length === 1;
    if (isRollbackTarget(primary, ourTaskDefinitionArn, options.previousTaskDefinitionArn)) {
      const settled = isSettled(primary, alone);
      const consequence = `rolled back to ${theirLabel} (deployment ${primary.id}${settled ? ', completed' : ', in progress'})`;
      return {verdict: 'rolled-back', reason: `${why}; ${consequence}`, ours, primary, rollbackSettled: settled, cause: why, consequence};
    }
    const consequence = `replaced by deployment ${primary.id} running ${theirLabel}`;
    return {verdict: 'failed', reason: `${why}; ${consequence}`, ours, primary, cause: why, consequence};
  };

  if (ours === undefined) {
    return notPrimaryVerdict(options.deploymentId === undefined ? `no deployment runs ${ourLabel}` : `deployment ${options.deploymentId} (${ourLabel}) is gone`);
  }

  if (ours.rolloutState === 'FAILED') {
    const why = `deployment ${ours.id} (${ourLabel}) failed${ours.rolloutStateReason ? `: ${ours.rolloutStateReason}` : ''}`;
    if (ours.status === 'PRIMARY') return {verdict: 'failed', reason: why, ours, cause: why};
    return notPrimaryVerdict(why);
  }

  if (ours.status !== 'PRIMARY') {
    return notPrimaryVerdict(`deployment ${ours.id} (${ourLabel}) is no longer PRIMARY`);
  }

  const alone = service.deployments.length === 1;
  if (isSettled(ours, alone)) {
    return {verdict: 'deployed', reason: `${ourLabel} is running ${ours.runningCount}/${ours.desiredCount} tasks`, ours};
  }

  const waiting: string[] = [];
  if (ours.runningCount !== ours.desiredCount) waiting.push(`${ours.runningCount}/${ours.desiredCount} tasks running`);
  if (ours.rolloutState === undefined && ours.pendingCount > 0) waiting.push(`${ours.pendingCount} pending`);
  if (!alone) {
    const others = service.deployments.length - 1;
    waiting.push(`${others} older deployment${others === 1 ? '' : 's'} draining`);
  }
  if (waiting.length === 0 && ours.rolloutState !== undefined) waiting.push(`rollout ${ours.rolloutState.toLowerCase().replace('_', ' ')}`);
  return {verdict: 'in-progress', reason: `waiting: ${waiting.join(', ')}`, ours};
}

// ---------------------------------------------------------------------------------------------------------------
// Stopped-task classification

export interface ClassifiableTask {
  stoppedReason?: string;
  stopCode?: string;
  containers: StoppedContainer[];
}

const SECRET_ARN = /arn:aws[a-z-]*:(?:secretsmanager|ssm):[^\s,;"')]+/;
const LOG_GROUP = /log group|logs:CreateLogStream|logs:CreateLogGroup/i;

function imageOf(text: string): string | undefined {
  const manifest = /manifest for (\S+?) not found/.exec(text) ?? /failed to resolve ref (\S+):\s/.exec(text) ?? /pull access denied for ([^\s,]+)/.exec(text);
  if (manifest) return manifest[1];
  const ref = /(?:ref|image) "?([\w.-]+(?::\d+)?\/[\w./-]+(?::[\w.-]+)?)/.exec(text);
  return ref?.[1];
}

/**
 * Why a task stopped, with one concrete hint. Classes, tested against real ECS reasons:
 * registry auth, image pull, secrets/IAM, out of memory, health check, essential container exit, not a failure, unknown.
 */
export function classifyStoppedTask(task: ClassifiableTask): FailureAnalysis {
  const reason = (task.stoppedReason ?? '').trim();
  const containerReasons = task.containers.map((container) => container.reason ?? '').join('\n');
  const all = `${reason}\n${containerReasons}`;

  const isPull = /CannotPullContainerError|pull image manifest|pulling image|pull access denied|image pull/i.test(all);
  const authWords = /unauthorized|no basic auth credentials|\bdenied\b|401|403|authentication required/i;

  // Registry authentication (pull refused, or repositoryCredentials could not be used).
  if (isPull && authWords.test(all)) {
    const image = imageOf(all);
    return {
      class: 'registry-auth',
      summary: `the registry refused to pull ${image ?? 'the image'} (${firstLine(reason || containerReasons)})`,
      hint: 'For a private registry set repositoryCredentials to a Secrets Manager secret holding {"username","password"} and let the execution role read it (secretsmanager:GetSecretValue on that secret ARN); for ECR the execution role needs AmazonECSTaskExecutionRolePolicy.',
    };
  }

  // Secrets / IAM at start (execution role cannot read a secret or parameter, logs, registry credentials).
  if (/ResourceInitializationError|unable to retrieve secret|unable to pull secrets|AccessDenied|not authorized to perform: (?:secretsmanager|ssm|kms)/i.test(all)) {
    const secret = SECRET_ARN.exec(all)?.[0];
    const action = /not authorized to perform: ([\w:]+)/.exec(all)?.[1];
    if (LOG_GROUP.test(all) && secret === undefined) {
      return {
        class: 'secrets-iam',
        summary: `the task could not start its log driver (${firstLine(reason)})`,
        hint: 'Create the awslogs log group named in the task definition (or set "awslogs-create-group": "true" and allow logs:CreateLogGroup on the execution role).',
      };
    }
    return {
      class: 'secrets-iam',
      summary: `the execution role could not ${action ? `perform ${action}` : 'retrieve a secret'}${secret ? ` on ${secret}` : ''}`,
      hint: secret
        ? `Add an inline policy to the execution role allowing ${action ?? (secret.includes(':ssm:') ? 'ssm:GetParameters' : 'secretsmanager:GetSecretValue')} on ${secret} (plus kms:Decrypt on the key when the secret uses a customer KMS key).`
        : 'Check that the task definition has executionRoleArn, that the role trusts ecs-tasks.amazonaws.com, and that it may read every secret and parameter the containers reference.',
    };
  }

  // Image pull (wrong tag, no route to the registry).
  if (isPull || /manifest .*not found|manifest unknown/i.test(all)) {
    const image = imageOf(all);
    if (/not found|manifest unknown|does not exist/i.test(all)) {
      return {
        class: 'image-pull',
        summary: `image ${image ?? ''} not found`.replace('image  not', 'the image was not'),
        hint: `Check that the tag exists in the registry${image ? ` (${image})` : ''} and that the image reference is spelled exactly; push it or deploy an existing tag.`,
      };
    }
    return {
      class: 'image-pull',
      summary: `the image could not be pulled${image ? ` (${image})` : ''}: ${firstLine(reason || containerReasons)}`,
      hint: 'The task has no route to the registry: in a public subnet set assignPublicIp ENABLED, in a private subnet add a NAT gateway or VPC endpoints (ecr.api, ecr.dkr, s3) for ECR.',
    };
  }

  // Out of memory.
  const oom = task.containers.find((container) => /OutOfMemory|\bOOM\b/i.test(container.reason ?? '')) ??
    (/OutOfMemory|\bOOM\b/i.test(reason) ? task.containers.find((container) => container.exitCode === 137) ?? task.containers[0] : undefined);
  if (oom) {
    return {
      class: 'out-of-memory',
      summary: `container ${oom.name} ran out of memory${oom.exitCode === undefined ? '' : ` (exit ${oom.exitCode})`}`,
      hint: `Raise the memory of container ${oom.name} (memory / memoryReservation, and the task-level memory on Fargate) or lower the application's memory use.`,
    };
  }

  // Health checks.
  if (/ELB health checks/i.test(reason)) {
    const targetGroup = /\(target-group ([^)]+)\)/.exec(reason)?.[1];
    return {
      class: 'health-check',
      summary: `the task failed load balancer health checks${targetGroup ? ` (${targetGroup})` : ''}`,
      hint: 'Check the target group health check path and port, that the security group lets the load balancer reach the container port, and raise healthCheckGracePeriodSeconds if the application starts slowly.',
    };
  }
  if (/container health checks/i.test(reason)) {
    return {
      class: 'health-check',
      summary: 'the task failed its container health checks',
      hint: 'Run the healthCheck command inside the image to see it fail; give it a longer startPeriod if the application starts slowly.',
    };
  }

  // Stopped on purpose (scale-in, a newer deployment, StopTask) — not a failure.
  if (task.stopCode === 'UserInitiated' || /Scaling activity initiated by|Task stopped by user|stopped by user|Service .* was deleted|deployment .* replaced|ECS is performing maintenance/i.test(reason)) {
    return {class: 'not-a-failure', summary: `stopped by ECS or a user: ${firstLine(reason) || task.stopCode || 'no reason given'}`, hint: 'Nothing to fix: ECS stopped this task on purpose.'};
  }

  // Essential container exited.
  if (/Essential container in task exited/i.test(reason)) {
    const exited = task.containers.find((container) => container.exitCode !== undefined && container.exitCode !== 0) ?? task.containers.find((container) => container.exitCode !== undefined);
    if (exited === undefined) {
      return {class: 'essential-exit', summary: 'an essential container exited', hint: "Read the container's logs (awslogs) for the error it printed before exiting."};
    }
    const code = exited.exitCode!;
    if (code === 0) {
      return {
        class: 'essential-exit',
        summary: `essential container ${exited.name} exited with code 0`,
        hint: `A service's essential container must keep running: check that ${exited.name}'s command starts a long-running process (not a one-off job).`,
      };
    }
    const signal = code === 137 ? ' (killed: SIGKILL)' : code === 139 ? ' (segmentation fault)' : code === 143 ? ' (SIGTERM)' : '';
    return {
      class: 'essential-exit',
      summary: `essential container ${exited.name} exited with code ${code}${signal}`,
      hint: `Read ${exited.name}'s logs (awslogs) for the error it printed before exiting; check its command, environment variables and secrets.`,
    };
  }

  return {
    class: 'unknown',
    summary: firstLine(reason) || (task.stopCode ? `stopped (${task.stopCode})` : 'stopped, no reason given'),
    hint: 'See the task in the ECS console or `aws ecs describe-tasks` for details, and the container logs.',
  };
}

function firstLine(text: string): string {
  const line = text.split('\n').find((candidate) => candidate.trim() !== '') ?? '';
  return line.length > 300 ? `${line.slice(0, 297)}…` : line;
}

// ---------------------------------------------------------------------------------------------------------------
// The view every renderer draws

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
  circuitBreaker?: {failed: number; threshold: number};
  /** Stopped tasks classified as failures (not 'not-a-failure'), oldest first. */
  failures: StoppedTaskView[];
  /** Count of stopped tasks seen (failures or not). */
  stoppedTasks: number;
  serviceEvents: number;
  /** The latest throttling (cleared by the next deployments snapshot). */
  throttled?: {retryInMs: number; attempt: number};
  warnings: string[];
  /** Finished lines, oldest first. */
  log: LogLine[];
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
  stoppedTasks: 0,
  serviceEvents: 0,
  warnings: [],
  log: [],
  finished: false,
};

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

const line = (event: DeployEvent, level: LogLevel, text: string, detail: string[] = []): LogLine => ({at: event.at, type: event.type, level, text, detail});

function logLineOf(event: DeployEvent, view: DeployView): LogLine | undefined {
  switch (event.type) {
    case 'step':
      return line(event, event.status === 'failed' ? 'error' : event.status === 'done' ? 'ok' : 'info', `${event.name}: ${event.status}${event.message ? ` — ${event.message}` : ''}`);
    case 'check':
      return line(event, event.status === 'fail' ? 'error' : event.status === 'warn' ? 'warn' : 'ok', `check ${event.name}: ${event.status} — ${event.message}`, event.hint ? [`hint: ${event.hint}`] : []);
    case 'watch-started':
      return line(
        event,
        'info',
        `watching ${event.service} in ${event.cluster} (${event.region}) for ${taskDefinitionLabel(event.taskDefinitionArn)}${event.deploymentId ? `, deployment ${event.deploymentId}` : ''}${event.simulated ? ` — SIMULATED${event.scenario ? ` (scenario ${event.scenario})` : ''}, no AWS calls` : ''}`,
      );
    case 'deployments':
      return undefined;
    case 'service-event':
      return line(event, /fail|unable|error|rolling back|unhealthy/i.test(event.message) ? 'warn' : /steady state/i.test(event.message) ? 'ok' : 'info', event.message);
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
    case 'circuit-breaker':
      return line(event, event.failed >= event.threshold ? 'error' : 'warn', `circuit breaker: ${event.failed}/${event.threshold} failed tasks`);
    case 'throttled':
      return line(event, 'warn', `ECS is throttling requests; retrying in ${Math.round(event.retryInMs / 100) / 10}s (attempt ${event.attempt})`);
    case 'warning':
      return line(event, 'warn', event.message);
    case 'done': {
      const level: LogLevel = event.outcome === 'deployed' ? 'ok' : event.outcome === 'detached' ? 'warn' : 'error';
      return line(event, level, `${OUTCOME_TEXT[event.outcome]}${view.simulated ? ' (simulated)' : ''}: ${event.reason}`);
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
    case 'service-event':
      next = {...next, serviceEvents: next.serviceEvents + 1};
      break;
    case 'task-stopped': {
      const entry: StoppedTaskView = {at: event.at, taskArn: event.taskArn, stoppedReason: event.stoppedReason, containers: event.containers, failure: event.failure};
      next = {...next, stoppedTasks: next.stoppedTasks + 1, failures: event.failure.class === 'not-a-failure' ? next.failures : [...next.failures, entry]};
      break;
    }
    case 'circuit-breaker':
      next = {...next, circuitBreaker: {failed: event.failed, threshold: event.threshold}};
      break;
    case 'throttled':
      next = {...next, throttled: {retryInMs: event.retryInMs, attempt: event.attempt}};
      break;
    case 'warning':
      next = {...next, warnings: [...next.warnings, event.message]};
      break;
    case 'done':
      next = {...next, outcome: event.outcome, exitCode: event.exitCode, reason: event.reason, apiCalls: event.apiCalls, finished: true, throttled: undefined};
      break;
  }
  const logLine = logLineOf(event, next);
  return logLine === undefined ? next : {...next, log: [...next.log, logLine]};
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
