import {describe, expect, test} from 'vitest';
import {judgeDeployment, outcomeReason} from '../../../source/domain/deploy/verdict.js';
import type {JudgedDeployment, JudgedRecord, JudgedService} from '../../../source/domain/deploy/verdict.js';

const td = (revision: number) => `arn:aws:ecs:eu-west-1:123456789012:task-definition/web:${revision}`;
const OURS = td(7);
const ARN = 'arn:aws:ecs:eu-west-1:123456789012:service-deployment/prod/web/ejGvqq2ilnbKT9qj0vLJe';
const BREAKER = 'ECS deployment circuit breaker: tasks failed to start.';

const deployment = (overrides: Partial<JudgedDeployment> = {}): JudgedDeployment => ({
  id: 'ecs-svc/ours',
  status: 'PRIMARY',
  taskDefinition: OURS,
  desiredCount: 3,
  runningCount: 3,
  pendingCount: 0,
  failedTasks: 0,
  rolloutState: 'COMPLETED',
  ...overrides,
});
const service = (...deployments: JudgedDeployment[]): JudgedService => ({status: 'ACTIVE', deployments});
const record = (status: string, overrides: Partial<JudgedRecord> = {}): JudgedRecord => ({arn: ARN, status, ...overrides});
/** What a late watch finds after a rollback: only the previous revision, steady. */
const steadyPrevious = service(deployment({id: 'ecs-svc/back', taskDefinition: td(6)}));

describe("judgeDeployment on ECS's record of our deployment", () => {
  test('SUCCESSFUL is deployed, even when a later deployment of someone else runs now', () => {
    const judgement = judgeDeployment(service(deployment({id: 'ecs-svc/later', taskDefinition: td(8)})), OURS, {
      deploymentId: 'ecs-svc/ours',
      record: record('SUCCESSFUL', {requestedTaskCount: 3, runningTaskCount: 3}),
    });
    expect(judgement).toMatchObject({verdict: 'deployed', reason: 'web:7 is running 3/3 tasks (ECS: SUCCESSFUL)', ecsStatus: 'SUCCESSFUL'});
  });

  test('IN_PROGRESS is still in progress, whatever steady state DescribeServices shows (never a previous revision taken for ours)', () => {
    const judgement = judgeDeployment(steadyPrevious, OURS, {record: record('IN_PROGRESS')});
    expect(judgement.verdict).toBe('in-progress');
    expect(judgement.reason).toBe('ECS lists service deployment ejGvqq2ilnbKT9qj0vLJe (web:7) as IN_PROGRESS; waiting for it');
  });

  test.each(['PENDING', 'IN_PROGRESS', 'STOP_REQUESTED'])('%s → in progress', (status) => {
    const judgement = judgeDeployment(service(deployment({rolloutState: 'IN_PROGRESS', runningCount: 1})), OURS, {record: record(status)});
    expect(judgement).toMatchObject({verdict: 'in-progress', ecsStatus: status});
  });

  test('ROLLBACK_IN_PROGRESS → rolled back, not settled; the reason is the record’s', () => {
    const judgement = judgeDeployment(
      service(
        deployment({id: 'ecs-svc/back', taskDefinition: td(6), rolloutState: 'IN_PROGRESS', runningCount: 1}),
        deployment({status: 'ACTIVE', rolloutState: 'FAILED', runningCount: 0}),
      ),
      OURS,
      {record: record('ROLLBACK_IN_PROGRESS', {statusReason: BREAKER, triggered: true, rollbackTaskDefinition: td(6)})},
    );
    expect(judgement).toMatchObject({verdict: 'rolled-back', rollbackSettled: false, why: BREAKER, ecsStatus: 'ROLLBACK_IN_PROGRESS'});
    expect(judgement.reason).toBe(`deployment ecs-svc/ours (web:7) failed: ${BREAKER}; rolled back to web:6 (deployment ecs-svc/back, in progress)`);
  });

  test('ROLLBACK_SUCCESSFUL → rolled back, settled — also when the late watch finds nothing of ours in DescribeServices', () => {
    const judgement = judgeDeployment(steadyPrevious, OURS, {
      record: record('ROLLBACK_SUCCESSFUL', {rollbackReason: 'Circuit breaker triggered.', triggered: true, rollbackTaskDefinition: td(6)}),
    });
    expect(judgement).toMatchObject({verdict: 'rolled-back', rollbackSettled: true, ecsStatus: 'ROLLBACK_SUCCESSFUL'});
    expect(judgement.reason).toBe(
      'service deployment ejGvqq2ilnbKT9qj0vLJe (web:7) failed: Circuit breaker triggered.; rolled back to web:6 (deployment ecs-svc/back, completed)',
    );
  });

  test('ROLLBACK_FAILED → failed, naming the rollback', () => {
    const judgement = judgeDeployment(service(deployment({rolloutState: 'FAILED'})), OURS, {
      record: record('ROLLBACK_FAILED', {statusReason: BREAKER, rollbackTaskDefinition: td(6)}),
    });
    expect(judgement.verdict).toBe('failed');
    expect(judgement.reason).toMatch(/failed: ECS deployment circuit breaker: tasks failed to start\.; the rollback to web:6 failed$/);
  });

  test('STOPPED by the circuit breaker while ours still runs (nothing to roll back to) → failed, with ECS’s reason', () => {
    const judgement = judgeDeployment(service(deployment({rolloutState: 'FAILED', runningCount: 0})), OURS, {
      record: record('STOPPED', {statusReason: BREAKER, triggered: true}),
    });
    expect(judgement).toMatchObject({verdict: 'failed', why: BREAKER, reason: `deployment ecs-svc/ours (web:7) failed: ${BREAKER}`});
  });

  test('STOPPED, a newer revision PRIMARY → failed, replaced', () => {
    const judgement = judgeDeployment(service(deployment({id: 'ecs-svc/theirs', taskDefinition: td(8), rolloutState: 'IN_PROGRESS'})), OURS, {
      record: record('STOPPED', {statusReason: 'a newer deployment started'}),
    });
    expect(judgement.verdict).toBe('failed');
    expect(judgement.reason).toBe(
      'service deployment ejGvqq2ilnbKT9qj0vLJe (web:7) was stopped (a newer deployment started); replaced by deployment ecs-svc/theirs running web:8',
    );
  });

  test('STOPPED, an older revision PRIMARY (rolled back by hand) → rolled back', () => {
    const judgement = judgeDeployment(steadyPrevious, OURS, {record: record('STOPPED')});
    expect(judgement).toMatchObject({verdict: 'rolled-back', rollbackSettled: true});
  });

  test('a status this version does not know: DescribeServices decides', () => {
    expect(judgeDeployment(service(deployment()), OURS, {record: record('SOMETHING_NEW')}).verdict).toBe('deployed');
  });
});

describe('outcomeReason: a failure always says why', () => {
  const gone = judgeDeployment(steadyPrevious, OURS, {deploymentId: 'ecs-svc/ours'});

  test('ours gone from DescribeServices: the reason seen earlier and what the tasks died of are named', () => {
    expect(gone.reason).toBe('deployment ecs-svc/ours (web:7) is gone; rolled back to web:6 (deployment ecs-svc/back, completed)');
    expect(outcomeReason(gone, {why: BREAKER, taskFailures: ['essential container web exited with code 1']})).toBe(
      `deployment ecs-svc/ours (web:7) failed: ${BREAKER} (tasks stopped: essential container web exited with code 1); rolled back to web:6 (deployment ecs-svc/back, completed)`,
    );
    expect(outcomeReason(gone, {taskFailures: ['image web:7 not found']})).toBe(
      'deployment ecs-svc/ours (web:7) failed: its tasks failed (tasks stopped: image web:7 not found); rolled back to web:6 (deployment ecs-svc/back, completed)',
    );
  });

  test("the record's reason comes first", () => {
    const judgement = judgeDeployment(steadyPrevious, OURS, {
      deploymentId: 'ecs-svc/ours',
      record: record('ROLLBACK_SUCCESSFUL', {statusReason: BREAKER, triggered: true}),
    });
    expect(outcomeReason(judgement, {why: 'something seen earlier', taskFailures: []})).toBe(
      `deployment ecs-svc/ours (web:7) failed: ${BREAKER}; rolled back to web:6 (deployment ecs-svc/back, completed)`,
    );
  });

  test('nothing known of a failure: the judgement as it is; success is untouched', () => {
    expect(outcomeReason(gone, {taskFailures: []})).toBe(gone.reason);
    const deployed = judgeDeployment(service(deployment()), OURS);
    expect(outcomeReason(deployed, {why: BREAKER, taskFailures: ['x']})).toBe(deployed.reason);
  });
});
