/**
 * The watch's rules about a deployment as a whole: the done rule (`judgeDeployment` — never a false success after a
 * rollback) and ECS's circuit breaker threshold (`circuitBreakerThreshold`). Pure.
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
  /**
   * The deployments the service listed before ours was started. While ours is not listed and one of these is
   * still PRIMARY, nothing has happened yet that could be called a rollback (a rollback is a new deployment):
   * ECS has not listed ours yet — "not known yet", never "rolled back".
   */
  priorDeploymentIds?: readonly string[];
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
    if (primary === undefined)
      return {verdict: 'failed', reason: `${why}; no deployment is PRIMARY`, ours, cause: why, consequence: 'no deployment is PRIMARY'};
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

  if (ours === undefined && primary !== undefined && options.priorDeploymentIds?.includes(primary.id) === true) {
    return {
      verdict: 'in-progress',
      reason: `ECS lists no deployment of ${ourLabel} yet; ${taskDefinitionLabel(primary.taskDefinition)} (deployment ${primary.id}) is still PRIMARY`,
    };
  }

  if (ours === undefined) {
    return notPrimaryVerdict(
      options.deploymentId === undefined ? `no deployment runs ${ourLabel}` : `deployment ${options.deploymentId} (${ourLabel}) is gone`,
    );
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
