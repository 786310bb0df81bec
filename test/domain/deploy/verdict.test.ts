import {describe, expect, test} from 'vitest';
import {circuitBreakerThreshold, judgeDeployment} from '../../../source/domain/deploy/verdict.js';
import type {JudgedDeployment, JudgedService} from '../../../source/domain/deploy/verdict.js';

const td = (revision: number, family = 'web') => `arn:aws:ecs:eu-west-1:123456789012:task-definition/${family}:${revision}`;
const OURS = td(7);

const deployment = (overrides: Partial<JudgedDeployment> = {}): JudgedDeployment => ({
  id: 'ecs-svc/ours',
  status: 'PRIMARY',
  taskDefinition: OURS,
  desiredCount: 3,
  runningCount: 3,
  pendingCount: 0,
  failedTasks: 0,
  rolloutState: 'COMPLETED',
  createdAt: '2026-01-15T09:00:00.000Z',
  ...overrides,
});
const service = (...deployments: JudgedDeployment[]): JudgedService => ({status: 'ACTIVE', deployments});

describe('judgeDeployment (the done rule)', () => {
  const cases: Array<{name: string; service: JudgedService; options?: Parameters<typeof judgeDeployment>[2]; verdict: string; reason?: RegExp}> = [
    {name: 'success: PRIMARY, COMPLETED, running == desired, alone', service: service(deployment()), verdict: 'deployed', reason: /web:7 is running 3\/3/},
    {
      name: 'not alone: an older deployment still drains',
      service: service(deployment(), deployment({id: 'ecs-svc/old', status: 'ACTIVE', taskDefinition: td(6)})),
      verdict: 'in-progress',
      reason: /1 older deployment draining/,
    },
    {
      name: 'counts mismatch: 2/3 running',
      service: service(deployment({runningCount: 2, rolloutState: 'IN_PROGRESS'})),
      verdict: 'in-progress',
      reason: /2\/3 tasks running/,
    },
    {name: 'COMPLETED but running != desired (scaled since)', service: service(deployment({runningCount: 2})), verdict: 'in-progress'},
    {
      name: 'IN_PROGRESS with all running (not yet steady)',
      service: service(deployment({rolloutState: 'IN_PROGRESS'})),
      verdict: 'in-progress',
      reason: /rollout in progress/,
    },
    {
      name: 'rollback: FAILED, PRIMARY runs the previous revision',
      service: service(
        deployment({id: 'ecs-svc/rollback', taskDefinition: td(6), rolloutState: 'IN_PROGRESS', runningCount: 1}),
        deployment({
          status: 'ACTIVE',
          rolloutState: 'FAILED',
          rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.',
          runningCount: 0,
          failedTasks: 3,
        }),
      ),
      verdict: 'rolled-back',
      reason: /failed: ECS deployment circuit breaker.*rolled back to web:6 \(deployment ecs-svc\/rollback, in progress\)/,
    },
    {
      name: 'rollback completed: our deployment is gone, PRIMARY runs an older revision',
      service: service(deployment({id: 'ecs-svc/rollback', taskDefinition: td(6)})),
      options: {deploymentId: 'ecs-svc/ours'},
      verdict: 'rolled-back',
      reason: /rolled back to web:6 .*completed/,
    },
    {
      name: 'no longer PRIMARY, previous revision PRIMARY (rolled back without FAILED)',
      service: service(
        deployment({id: 'ecs-svc/back', taskDefinition: td(6), rolloutState: 'IN_PROGRESS'}),
        deployment({status: 'ACTIVE', rolloutState: 'IN_PROGRESS'}),
      ),
      verdict: 'rolled-back',
    },
    {
      name: 'previousTaskDefinitionArn from another family counts as rollback',
      service: service(deployment({id: 'ecs-svc/back', taskDefinition: td(3, 'legacy')}), deployment({status: 'ACTIVE', rolloutState: 'IN_PROGRESS'})),
      options: {previousTaskDefinitionArn: td(3, 'legacy')},
      verdict: 'rolled-back',
    },
    {
      name: 'failed: FAILED and still PRIMARY (no rollback)',
      service: service(deployment({rolloutState: 'FAILED', rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.', runningCount: 0})),
      verdict: 'failed',
      reason: /failed: ECS deployment circuit breaker/,
    },
    {
      name: 'replaced: a newer revision is PRIMARY',
      service: service(
        deployment({id: 'ecs-svc/other', taskDefinition: td(8), rolloutState: 'IN_PROGRESS'}),
        deployment({status: 'ACTIVE', rolloutState: 'IN_PROGRESS'}),
      ),
      verdict: 'failed',
      reason: /no longer PRIMARY; replaced by deployment ecs-svc\/other running web:8/,
    },
    {
      name: 'missing rolloutState: PRIMARY alone, running == desired, nothing pending',
      service: service(deployment({rolloutState: undefined})),
      verdict: 'deployed',
    },
    {
      name: 'missing rolloutState, still pending',
      service: service(deployment({rolloutState: undefined, pendingCount: 1})),
      verdict: 'in-progress',
      reason: /1 pending/,
    },
    {
      name: 'missing rolloutState, not alone',
      service: service(
        deployment({rolloutState: undefined}),
        deployment({id: 'ecs-svc/old', status: 'ACTIVE', taskDefinition: td(6), rolloutState: undefined}),
      ),
      verdict: 'in-progress',
    },
    {name: 'service deleted', service: {status: 'INACTIVE', deployments: []}, verdict: 'failed', reason: /inactive/},
    {name: 'desired 0 is done when 0 run', service: service(deployment({desiredCount: 0, runningCount: 0})), verdict: 'deployed'},
  ];
  for (const testCase of cases) {
    test(testCase.name, () => {
      const judgement = judgeDeployment(testCase.service, OURS, testCase.options);
      expect(judgement.verdict).toBe(testCase.verdict);
      if (testCase.reason) expect(judgement.reason).toMatch(testCase.reason);
    });
  }

  test('never a false success: a COMPLETED rollback deployment alone is not ours', () => {
    const judgement = judgeDeployment(service(deployment({id: 'ecs-svc/rollback', taskDefinition: td(6)})), OURS);
    expect(judgement.verdict).toBe('rolled-back');
  });

  test('by deployment id: another deployment of our task definition does not count', () => {
    const judgement = judgeDeployment(service(deployment({id: 'ecs-svc/forced'})), OURS, {deploymentId: 'ecs-svc/ours'});
    expect(judgement.verdict).not.toBe('deployed');
  });
});

describe('circuitBreakerThreshold', () => {
  test.each([
    [0, 3],
    [1, 3],
    [2, 3],
    [6, 3],
    [7, 4],
    [8, 4],
    [20, 10],
    [399, 200],
    [400, 200],
    [1000, 200],
  ])('desired %i → %i', (desired, threshold) => {
    expect(circuitBreakerThreshold(desired)).toBe(threshold);
  });
});

describe('our deployment not listed (yet)', () => {
  const old = deployment({id: 'ecs-svc/old', taskDefinition: td(6)});

  test('while a deployment listed before ours is still PRIMARY: not known yet, never rolled back', () => {
    const judgement = judgeDeployment(service(old), OURS, {priorDeploymentIds: ['ecs-svc/old']});
    expect(judgement).toEqual({verdict: 'in-progress', reason: 'ECS lists no deployment of web:7 yet; web:6 (deployment ecs-svc/old) is still PRIMARY'});
  });

  test('a new deployment of the older revision is a rollback', () => {
    const rollback = deployment({id: 'ecs-svc/rollback', taskDefinition: td(6)});
    expect(judgeDeployment(service(rollback), OURS, {priorDeploymentIds: ['ecs-svc/old']}).verdict).toBe('rolled-back');
  });
});
