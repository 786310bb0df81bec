/**
 * The watch's rules about a deployment as a whole: the done rule (`judgeDeployment` — never a false success after a
 * rollback), the outcome's one-line reason (`outcomeReason` — a failure always says why) and ECS's circuit breaker
 * threshold (`circuitBreakerThreshold`). Pure.
 *
 * The truth about OUR deployment comes from ECS's own record of it (DescribeServiceDeployments: SUCCESSFUL,
 * ROLLBACK_SUCCESSFUL, STOPPED…) when the endpoint keeps one; otherwise from DescribeServices' deployments. Either way
 * success is only ever our deployment's, never the steady state of a revision that ran before.
 */
import {parseTaskDefinition, taskDefinitionLabel} from '../aws-names.js';

/**
 * The circuit breaker's failure threshold: half the desired count (rounded up), at least 3, at most 200.
 */
export function circuitBreakerThreshold(desired: number): number {
  const half = Math.ceil(Math.max(0, desired) / 2);
  return Math.min(200, Math.max(3, half));
}

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

/**
 * ECS's record of our deployment (DescribeServiceDeployments), as the judge reads it: its revisions' task definitions
 * resolved (DescribeServiceRevisions) where known.
 */
export interface JudgedRecord {
  arn: string;
  /** ECS's own status: PENDING, IN_PROGRESS, SUCCESSFUL, STOPPED, STOP_REQUESTED, ROLLBACK_REQUESTED, ROLLBACK_IN_PROGRESS, ROLLBACK_SUCCESSFUL, ROLLBACK_FAILED. */
  status: string;
  statusReason?: string;
  /** The task definition the rollback goes back to. */
  rollbackTaskDefinition?: string;
  rollbackReason?: string;
  /** The circuit breaker or an alarm failed it (status TRIGGERED). */
  triggered?: boolean;
  requestedTaskCount?: number;
  runningTaskCount?: number;
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
  /** Our deployment as a phrase: `deployment ecs-svc/… (web:7)`; set when the verdict is about it. */
  subject?: string;
  /** Why our deployment failed, in ECS's words (the record's reason, or the rollout's), when ECS said. */
  why?: string;
  /** ECS's own status of our deployment (its record's), when the record was read. */
  ecsStatus?: string;
}

export interface JudgeOptions {
  /** Our deployment's id when known (from UpdateService/CreateService); otherwise matched by task definition. */
  deploymentId?: string;
  /** The task definition the service ran before ours: a PRIMARY running it means "rolled back". */
  previousTaskDefinitionArn?: string;
  /**
   * The deployments the service listed before ours was started. While ours is not listed and one of these is
   * still PRIMARY, nothing has happened yet that could be called a rollback (a rollback is a new deployment):
   * ECS has not listed ours yet — "not known yet", never "rolled back".
   */
  priorDeploymentIds?: readonly string[];
  /** ECS's record of our deployment: when given, it decides (DescribeServices still names what runs now). */
  record?: JudgedRecord;
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
    return {
      verdict: 'failed',
      reason: `the service is ${service.status.toLowerCase()} (deleted while deploying ${ourLabel})`,
      ours,
      ...(options.record === undefined ? {} : {ecsStatus: options.record.status}),
    };
  }

  const subjectOf = (id: string | undefined): string => {
    const known = id ?? options.deploymentId;
    if (known !== undefined) return `deployment ${known} (${ourLabel})`;
    if (options.record !== undefined) return `service deployment ${options.record.arn.slice(options.record.arn.lastIndexOf('/') + 1)} (${ourLabel})`;
    return `our deployment of ${ourLabel}`;
  };
  const notPrimaryVerdict = (cause: string, subject: string, why?: string): Judgement => {
    const about = {ours, cause, subject, ...(why === undefined ? {} : {why})};
    if (primary === undefined) return {verdict: 'failed', reason: `${cause}; no deployment is PRIMARY`, ...about, consequence: 'no deployment is PRIMARY'};
    const theirLabel = taskDefinitionLabel(primary.taskDefinition);
    const alone = service.deployments.length === 1;
    if (isRollbackTarget(primary, ourTaskDefinitionArn, options.previousTaskDefinitionArn)) {
      const settled = isSettled(primary, alone);
      const consequence = `rolled back to ${theirLabel} (deployment ${primary.id}${settled ? ', completed' : ', in progress'})`;
      return {verdict: 'rolled-back', reason: `${cause}; ${consequence}`, ...about, primary, rollbackSettled: settled, consequence};
    }
    const consequence = `replaced by deployment ${primary.id} running ${theirLabel}`;
    return {verdict: 'failed', reason: `${cause}; ${consequence}`, ...about, primary, consequence};
  };

  if (options.record !== undefined) {
    const decided = judgeByRecord(options.record, {service, ours, primary, ourTaskDefinitionArn, subject: subjectOf(ours?.id), notPrimaryVerdict});
    if (decided !== undefined) return {...decided, ecsStatus: options.record.status};
  }

  if (ours === undefined && primary !== undefined && options.priorDeploymentIds?.includes(primary.id) === true) {
    return {
      verdict: 'in-progress',
      reason: `ECS lists no deployment of ${ourLabel} yet; ${taskDefinitionLabel(primary.taskDefinition)} (deployment ${primary.id}) is still PRIMARY`,
    };
  }

  if (ours === undefined) {
    return notPrimaryVerdict(
      options.deploymentId === undefined ? `no deployment runs ${ourLabel}` : `deployment ${options.deploymentId} (${ourLabel}) is gone`,
      subjectOf(undefined),
    );
  }

  if (ours.rolloutState === 'FAILED') {
    const why = ours.rolloutStateReason || undefined;
    const cause = `${subjectOf(ours.id)} failed${why === undefined ? '' : `: ${why}`}`;
    if (ours.status === 'PRIMARY') return {verdict: 'failed', reason: cause, ours, cause, subject: subjectOf(ours.id), ...(why === undefined ? {} : {why})};
    return notPrimaryVerdict(cause, subjectOf(ours.id), why);
  }

  if (ours.status !== 'PRIMARY') {
    return notPrimaryVerdict(`${subjectOf(ours.id)} is no longer PRIMARY`, subjectOf(ours.id));
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

interface RecordContext {
  service: JudgedService;
  ours: JudgedDeployment | undefined;
  primary: JudgedDeployment | undefined;
  ourTaskDefinitionArn: string;
  subject: string;
  notPrimaryVerdict: (cause: string, subject: string, why?: string) => Judgement;
}

/**
 * The done rule on ECS's record of our deployment: SUCCESSFUL → deployed; ROLLBACK_* → rolled back (settled once
 * ROLLBACK_SUCCESSFUL), ROLLBACK_FAILED → failed; STOPPED → failed, or rolled back / replaced when another revision
 * now runs; PENDING, IN_PROGRESS, STOP_REQUESTED → still in progress. An unknown status: undefined (DescribeServices decides).
 */
function judgeByRecord(record: JudgedRecord, context: RecordContext): Judgement | undefined {
  const {ours, primary, ourTaskDefinitionArn, subject} = context;
  const ourLabel = taskDefinitionLabel(ourTaskDefinitionArn);
  const failureWhy = record.statusReason || record.rollbackReason || undefined;
  switch (record.status) {
    case 'SUCCESSFUL': {
      const running = ours?.runningCount ?? record.runningTaskCount;
      const desired = ours?.desiredCount ?? record.requestedTaskCount;
      const counts = running === undefined || desired === undefined ? 'deployed' : `running ${running}/${desired} tasks`;
      return {verdict: 'deployed', reason: `${ourLabel} is ${counts} (ECS: SUCCESSFUL)`, ours};
    }
    case 'ROLLBACK_REQUESTED':
    case 'ROLLBACK_IN_PROGRESS':
    case 'ROLLBACK_SUCCESSFUL':
    case 'ROLLBACK_FAILED': {
      const target =
        record.rollbackTaskDefinition ?? (primary !== undefined && primary.taskDefinition !== ourTaskDefinitionArn ? primary.taskDefinition : undefined);
      const listed = primary !== undefined && target !== undefined && primary.taskDefinition === target ? primary : undefined;
      const to = target === undefined ? 'the previous revision' : taskDefinitionLabel(target);
      const cause = `${subject} failed${failureWhy === undefined ? '' : `: ${failureWhy}`}`;
      const about = {ours, cause, subject, ...(failureWhy === undefined ? {} : {why: failureWhy}), ...(listed === undefined ? {} : {primary: listed})};
      if (record.status === 'ROLLBACK_FAILED') {
        const consequence = `the rollback to ${to} failed${record.rollbackReason && record.rollbackReason !== failureWhy ? ` (${record.rollbackReason})` : ''}`;
        return {verdict: 'failed', reason: `${cause}; ${consequence}`, ...about, consequence};
      }
      const settled = record.status === 'ROLLBACK_SUCCESSFUL';
      const consequence = `rolled back to ${to} (${listed === undefined ? '' : `deployment ${listed.id}, `}${settled ? 'completed' : 'in progress'})`;
      return {verdict: 'rolled-back', reason: `${cause}; ${consequence}`, ...about, rollbackSettled: settled, consequence};
    }
    case 'STOPPED': {
      if (primary !== undefined && primary.taskDefinition !== ourTaskDefinitionArn) {
        const cause = record.triggered
          ? `${subject} failed${failureWhy === undefined ? '' : `: ${failureWhy}`}`
          : `${subject} was stopped${failureWhy === undefined ? '' : ` (${failureWhy})`}`;
        return context.notPrimaryVerdict(cause, subject, record.triggered ? failureWhy : undefined);
      }
      const cause = `${subject} ${record.triggered ? 'failed' : 'was stopped'}${failureWhy === undefined ? '' : `: ${failureWhy}`}`;
      return {verdict: 'failed', reason: cause, ours, cause, subject, ...(record.triggered && failureWhy !== undefined ? {why: failureWhy} : {})};
    }
    case 'PENDING':
    case 'IN_PROGRESS':
    case 'STOP_REQUESTED':
      return {verdict: 'in-progress', reason: inProgressReason(context, record), ours};
    default:
      return undefined;
  }
}

/** What an unfinished record waits for: DescribeServices' counts when it lists our deployment. */
function inProgressReason(context: RecordContext, record: JudgedRecord): string {
  const {ours, service} = context;
  if (record.status === 'STOP_REQUESTED') return `ECS is stopping ${context.subject}`;
  if (ours === undefined) return `ECS lists ${context.subject} as ${record.status}; waiting for it`;
  const waiting: string[] = [];
  if (ours.runningCount !== ours.desiredCount) waiting.push(`${ours.runningCount}/${ours.desiredCount} tasks running`);
  const others = service.deployments.length - 1;
  if (others > 0) waiting.push(`${others} older deployment${others === 1 ? '' : 's'} draining`);
  if (waiting.length === 0) waiting.push(`ECS: ${record.status.toLowerCase().replace('_', ' ')}`);
  return `waiting: ${waiting.join(', ')}`;
}

/** What the watch saw of a failure besides the judge's facts: a remembered reason, and our stopped tasks' failures. */
export interface FailureFacts {
  /** ECS's reason seen earlier (our FAILED deployment's rolloutStateReason, or the service event saying it failed). */
  why?: string;
  /** Distinct failure summaries of our stopped tasks, oldest first (e.g. `essential container web exited with code 1`). */
  taskFailures: readonly string[];
}

/**
 * The outcome's one line. A failure or rollback of our deployment always names why, whatever the watch happened to
 * see when: ECS's reason (the record's, else the one seen earlier) and what our stopped tasks died of.
 */
export function outcomeReason(judgement: Judgement, facts: FailureFacts): string {
  if ((judgement.verdict !== 'failed' && judgement.verdict !== 'rolled-back') || judgement.subject === undefined) return judgement.reason;
  const why = judgement.why ?? facts.why;
  const tasks = facts.taskFailures.length === 0 ? undefined : `tasks stopped: ${facts.taskFailures.join('; ')}`;
  if (why === undefined && tasks === undefined) return judgement.reason;
  const cause = judgement.why !== undefined && judgement.cause !== undefined ? judgement.cause : `${judgement.subject} failed: ${why ?? 'its tasks failed'}`;
  const full = tasks === undefined ? cause : `${cause} (${tasks})`;
  return judgement.consequence === undefined ? full : `${full}; ${judgement.consequence}`;
}
