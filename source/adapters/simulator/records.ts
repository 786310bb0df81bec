/**
 * The simulator's service deployment records (ListServiceDeployments / DescribeServiceDeployments) and service
 * revisions (DescribeServiceRevisions). As in ECS, a deployment the user (or someone else) starts opens a record and a
 * new service revision; a circuit breaker's rollback is part of the failed deployment's record, not a record of its
 * own. A record's status moves with the rollout and outlives it:
 *
 *   IN_PROGRESS → SUCCESSFUL                                  the deployment completed
 *   IN_PROGRESS → ROLLBACK_IN_PROGRESS → ROLLBACK_SUCCESSFUL  circuit breaker with rollback (and a revision to go back to)
 *   IN_PROGRESS → STOPPED                                     circuit breaker without rollback (or nothing to go back to);
 *                                                             or a newer deployment of the service started
 *
 * The reasons are the simulator's own words, shaped like ECS's. Pure state changes: rollout.ts calls them.
 */
import {circuitBreakerThreshold} from '../../domain/deploy/verdict.js';
import type {EcsServiceDeployment, EcsServiceDeploymentBrief, EcsServiceRevision, EcsServiceRevisionSummary} from '../../ports/ecs.js';
import {ACCOUNT, hexOf, iso, type SimDeployment, type SimRecord, type SimRevision, type SimService, type SimulatorState} from './state.js';

/** Why the circuit breaker failed a deployment (also the DescribeServices rolloutStateReason). */
export const BREAKER_REASON = 'ECS deployment circuit breaker: tasks failed to start.';

const recordId = (n: number): string => {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const hex = hexOf(n, 32);
  let id = '';
  for (let i = 0; i < 21; i++) id += alphabet[parseInt(hex.slice(i, i + 2), 16) % alphabet.length];
  return id;
};

/** A new service revision of `taskDefinition`, numbered like the deployment that rolls it out. */
export function newRevision(state: SimulatorState, service: SimService, deploymentId: string, taskDefinition: string, at: number): string {
  const arn = `arn:aws:ecs:${state.region}:${ACCOUNT}:service-revision/${service.cluster}/${service.name}/${deploymentId.slice(deploymentId.indexOf('/') + 1)}`;
  state.revisions.set(arn, {arn, serviceArn: service.arn, clusterArn: service.clusterArn, taskDefinition, createdAt: at});
  return arn;
}

const live = (record: SimRecord): boolean => record.status === 'PENDING' || record.status === 'IN_PROGRESS';

/** Opens the record of a deployment just started; a record still in progress is stopped: the newer one replaces it. */
export function openRecord(state: SimulatorState, service: SimService, deployment: SimDeployment, at: number): SimRecord {
  const arn = `arn:aws:ecs:${state.region}:${ACCOUNT}:service-deployment/${service.cluster}/${service.name}/${recordId(state.next())}`;
  for (const older of recordsOf(state, service).filter(live)) {
    older.status = 'STOPPED';
    older.statusReason = 'ECS stopped this deployment: a newer deployment of the service started.';
    older.stoppedAt = at;
    older.finishedAt = at;
    older.updatedAt = at;
    if (older.circuitBreaker.status === 'MONITORING') older.circuitBreaker.status = 'MONITORING_COMPLETE';
  }
  const record: SimRecord = {
    arn,
    serviceKey: service.key,
    status: 'IN_PROGRESS',
    createdAt: at,
    startedAt: at,
    updatedAt: at,
    targetRevision: deployment.revisionArn,
    requestedTaskCount: deployment.desiredCount,
    sourceRevisions: [...new Set(service.deployments.filter((other) => other !== deployment).map((other) => other.revisionArn))],
    circuitBreaker: {
      status: service.circuitBreaker.enable ? 'MONITORING' : 'DISABLED',
      failureCount: 0,
      threshold: circuitBreakerThreshold(deployment.desiredCount),
    },
  };
  state.records.set(arn, record);
  service.records.unshift(arn);
  return record;
}

export function recordsOf(state: SimulatorState, service: SimService): SimRecord[] {
  return service.records.flatMap((arn) => state.records.get(arn) ?? []);
}

const recordOf = (state: SimulatorState, deployment: SimDeployment): SimRecord | undefined =>
  deployment.recordArn === undefined ? undefined : state.records.get(deployment.recordArn);

/** A task of the deployment failed: the breaker's count. */
export function recordFailure(state: SimulatorState, deployment: SimDeployment, at: number): void {
  const record = recordOf(state, deployment);
  if (record === undefined || !live(record)) return;
  record.circuitBreaker.failureCount = deployment.failedTasks;
  record.updatedAt = at;
}

/** The circuit breaker failed the deployment: rolling back to `rollbackRevision`, or stopped when there is none. */
export function recordTripped(state: SimulatorState, deployment: SimDeployment, at: number, rollbackRevision: string | undefined): void {
  const record = recordOf(state, deployment);
  if (record === undefined || !live(record)) return;
  record.circuitBreaker = {...record.circuitBreaker, status: 'TRIGGERED', failureCount: deployment.failedTasks};
  record.statusReason = BREAKER_REASON;
  record.updatedAt = at;
  if (record.alarms?.status === 'MONITORING') record.alarms.status = 'MONITORING_COMPLETE';
  if (record.productionWeight !== undefined) {
    record.productionWeight = 0;
    record.testWeight = 0;
  }
  if (rollbackRevision === undefined) {
    record.status = 'STOPPED';
    record.stoppedAt = at;
    record.finishedAt = at;
    return;
  }
  record.status = 'ROLLBACK_IN_PROGRESS';
  record.rollback = {
    reason: `Circuit breaker triggered: ${deployment.failedTasks} tasks failed (threshold ${record.circuitBreaker.threshold}).`,
    startedAt: at,
    serviceRevisionArn: rollbackRevision,
  };
}

/**
 * The deployment is rolled back for a reason other than the circuit breaker (a lifecycle hook failed, an alarm
 * fired, StopServiceDeployment ROLLBACK): its traffic goes back to the source revision at once.
 */
export function recordRolledBack(
  state: SimulatorState,
  deployment: SimDeployment,
  at: number,
  revision: string,
  statusReason: string,
  rollbackReason: string,
): void {
  const record = recordOf(state, deployment);
  if (record === undefined || !live(record)) return;
  record.status = 'ROLLBACK_IN_PROGRESS';
  record.statusReason = statusReason;
  record.updatedAt = at;
  record.rollback = {reason: rollbackReason, startedAt: at, serviceRevisionArn: revision};
  if (record.circuitBreaker.status === 'MONITORING') record.circuitBreaker.status = 'MONITORING_COMPLETE';
  if (record.alarms?.status === 'MONITORING') record.alarms.status = 'MONITORING_COMPLETE';
  if (record.productionWeight !== undefined) {
    record.productionWeight = 0;
    record.testWeight = 0;
  }
}

/** StopServiceDeployment ABORT: the deployment stops where it is; traffic stays with (or goes back to) the source revision. */
export function recordAborted(state: SimulatorState, deployment: SimDeployment, at: number): void {
  const record = recordOf(state, deployment);
  if (record === undefined || !live(record)) return;
  record.status = 'STOPPED';
  record.statusReason = 'Service deployment stopped: StopServiceDeployment (ABORT) was requested.';
  record.stoppedAt = at;
  record.finishedAt = at;
  record.updatedAt = at;
  if (record.circuitBreaker.status === 'MONITORING') record.circuitBreaker.status = 'MONITORING_COMPLETE';
  if (record.alarms?.status === 'MONITORING') record.alarms.status = 'MONITORING_COMPLETE';
  if (record.productionWeight !== undefined) {
    record.productionWeight = 0;
    record.testWeight = 0;
  }
}

/** The PRIMARY deployment completed: its record succeeded, or (a rollback's deployment) the rollback did. */
export function recordCompleted(state: SimulatorState, deployment: SimDeployment, at: number): void {
  const record = recordOf(state, deployment);
  if (record === undefined) return;
  if (record.status === 'IN_PROGRESS' && deployment.revisionArn === record.targetRevision) {
    record.status = 'SUCCESSFUL';
    if (record.circuitBreaker.status === 'MONITORING') record.circuitBreaker.status = 'MONITORING_COMPLETE';
    if (record.alarms?.status === 'MONITORING') record.alarms.status = 'MONITORING_COMPLETE';
  } else if (record.status === 'ROLLBACK_IN_PROGRESS' && deployment.revisionArn === record.rollback?.serviceRevisionArn) {
    record.status = 'ROLLBACK_SUCCESSFUL';
  } else return;
  record.finishedAt = at;
  record.updatedAt = at;
}

// --- views in the port's shapes ----------------------------------------------------------------------------

function summary(
  state: SimulatorState,
  service: SimService,
  revision: string,
  requested?: number,
  weights?: {production?: number; test?: number},
): EcsServiceRevisionSummary {
  const deployments = service.deployments.filter((deployment) => deployment.revisionArn === revision);
  return {
    arn: revision,
    requestedTaskCount: requested ?? deployments.reduce((sum, deployment) => sum + deployment.desiredCount, 0),
    runningTaskCount: deployments.reduce((sum, deployment) => sum + state.runningOf(deployment), 0),
    pendingTaskCount: deployments.reduce((sum, deployment) => sum + state.pendingOf(deployment), 0),
    ...(weights?.production === undefined ? {} : {requestedProductionTrafficWeight: weights.production}),
    ...(weights?.test === undefined ? {} : {requestedTestTrafficWeight: weights.test}),
  };
}

const rest = (weight: number | undefined): number | undefined => (weight === undefined ? undefined : 100 - weight);

export function recordState(state: SimulatorState, record: SimRecord): EcsServiceDeployment {
  const service = state.services.get(record.serviceKey)!;
  return {
    arn: record.arn,
    serviceArn: service.arn,
    clusterArn: service.clusterArn,
    status: record.status,
    ...(record.statusReason === undefined ? {} : {statusReason: record.statusReason}),
    createdAt: iso(record.createdAt),
    startedAt: iso(record.startedAt),
    updatedAt: iso(record.updatedAt),
    ...(record.finishedAt === undefined ? {} : {finishedAt: iso(record.finishedAt)}),
    ...(record.stoppedAt === undefined ? {} : {stoppedAt: iso(record.stoppedAt)}),
    ...(record.lifecycleStage === undefined ? {} : {lifecycleStage: record.lifecycleStage}),
    targetServiceRevision: summary(state, service, record.targetRevision, record.requestedTaskCount, {
      production: record.productionWeight,
      test: record.testWeight,
    }),
    sourceServiceRevisions: record.sourceRevisions.map((revision) =>
      summary(state, service, revision, undefined, {production: rest(record.productionWeight), test: rest(record.testWeight)}),
    ),
    ...(record.rollback === undefined
      ? {}
      : {rollback: {reason: record.rollback.reason, startedAt: iso(record.rollback.startedAt), serviceRevisionArn: record.rollback.serviceRevisionArn}}),
    circuitBreaker: {...record.circuitBreaker},
    alarms:
      record.alarms === undefined
        ? {status: 'DISABLED'}
        : {
            status: record.alarms.status,
            alarmNames: [...record.alarms.names],
            ...(record.alarms.triggered.length === 0 ? {} : {triggeredAlarmNames: [...record.alarms.triggered]}),
          },
    ...(record.hooks === undefined
      ? {}
      : {lifecycleHooks: record.hooks.map((hook) => ({hookId: hook.hookId, targetType: 'AWS_LAMBDA', targetArn: hook.targetArn, status: hook.status}))}),
    ...(record.configuration === undefined ? {} : {deploymentConfiguration: record.configuration}),
  };
}

export const briefState = (record: SimRecord): EcsServiceDeploymentBrief => ({
  arn: record.arn,
  status: record.status,
  ...(record.statusReason === undefined ? {} : {statusReason: record.statusReason}),
  targetServiceRevisionArn: record.targetRevision,
  createdAt: iso(record.createdAt),
  startedAt: iso(record.startedAt),
  ...(record.finishedAt === undefined ? {} : {finishedAt: iso(record.finishedAt)}),
});

export const revisionState = (revision: SimRevision): EcsServiceRevision => ({
  arn: revision.arn,
  taskDefinition: revision.taskDefinition,
  createdAt: iso(revision.createdAt),
});
