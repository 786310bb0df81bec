import {describe, expect, test} from 'vitest';
import {deployViewReducer, foldDeployEvents, initialDeployView, outcomeText} from '../../../source/domain/deploy/view.js';
import type {DeployEvent} from '../../../source/domain/deploy/events.js';

const OURS = 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:7';

describe('deployViewReducer', () => {
  const T0 = 1_700_000_000_000;
  const events: DeployEvent[] = [
    {type: 'step', at: T0, name: 'register', status: 'started', message: 'registering web'},
    {type: 'step', at: T0 + 500, name: 'register', status: 'done', message: 'web:7'},
    {type: 'check', at: T0 + 600, name: 'image', status: 'warn', message: 'tag not found', hint: 'push it'},
    {
      type: 'watch-started',
      at: T0 + 1000,
      cluster: 'prod',
      service: 'web',
      region: 'eu-west-1',
      taskDefinitionArn: OURS,
      simulated: true,
      scenario: 'crash-loop',
    },
    {
      type: 'deployments',
      at: T0 + 1000,
      deployments: [
        {
          id: 'ecs-svc/ours',
          status: 'PRIMARY',
          taskDefinition: OURS,
          revision: 7,
          desired: 2,
          running: 0,
          pending: 2,
          failed: 0,
          rolloutState: 'IN_PROGRESS',
          ours: true,
        },
      ],
    },
    {type: 'service-event', at: T0 + 1000, id: 'e1', createdAt: '2026-01-15T09:00:01.000Z', message: '(service web) has started 2 tasks: (task a) (task b).'},
    {type: 'throttled', at: T0 + 5000, retryInMs: 3000, attempt: 1},
    {
      type: 'task-stopped',
      at: T0 + 14_000,
      taskArn: 'arn:aws:ecs:eu-west-1:1:task/prod/abc',
      stoppedReason: 'Essential container in task exited',
      containers: [{name: 'web', exitCode: 1}],
      failure: {class: 'essential-exit', summary: 'essential container web exited with code 1', hint: 'read logs'},
    },
    {
      type: 'task-stopped',
      at: T0 + 14_000,
      taskArn: 'arn:aws:ecs:eu-west-1:1:task/prod/old',
      stoppedReason: 'Scaling activity initiated by (deployment ecs-svc/x)',
      containers: [{name: 'web', exitCode: 0}],
      failure: {class: 'not-a-failure', summary: 'scaled in', hint: 'nothing'},
    },
    {type: 'circuit-breaker', at: T0 + 14_000, failed: 1, threshold: 3},
    {type: 'warning', at: T0 + 15_000, message: 'careful'},
    {type: 'done', at: T0 + 31_000, outcome: 'rolled-back', reason: 'rolled back to web:6', exitCode: 3, elapsedMs: 30_000, apiCalls: 21},
  ];

  test('folds a stream into the view', () => {
    const view = foldDeployEvents(events);
    expect(view.steps).toEqual([{name: 'register', status: 'done', message: 'web:7'}]);
    expect(view.checks).toEqual([{name: 'image', status: 'warn', message: 'tag not found', hint: 'push it'}]);
    expect(view).toMatchObject({cluster: 'prod', service: 'web', simulated: true, scenario: 'crash-loop', deploymentId: 'ecs-svc/ours'});
    expect(view.deployments).toHaveLength(1);
    expect(view.failures.map((failure) => failure.failure.class)).toEqual(['essential-exit']);
    expect(view.stoppedTasks).toBe(2);
    expect(view.circuitBreaker).toEqual({failed: 1, threshold: 3});
    expect(view.warnings).toEqual(['careful']);
    expect(view).toMatchObject({outcome: 'rolled-back', exitCode: 3, apiCalls: 21, finished: true, elapsedMs: 31_000});
    expect(view.throttled).toBeUndefined();
    expect(view.log.map((line) => line.type)).toEqual([
      'step',
      'step',
      'check',
      'watch-started',
      'service-event',
      'throttled',
      'task-stopped',
      'task-stopped',
      'circuit-breaker',
      'warning',
      'done',
    ]);
    expect(view.log.at(-1)).toMatchObject({level: 'error', text: 'rolled back (simulated): rolled back to web:6'});
    expect(view.log[6]!.detail).toEqual(['essential-exit: essential container web exited with code 1', 'hint: read logs']);
  });

  test('is pure: the input state is not changed', () => {
    const before = structuredClone(initialDeployView);
    deployViewReducer(initialDeployView, events[0]!);
    expect(initialDeployView).toEqual(before);
  });

  test('the breaker off: its failures are counted as that, and the line says ECS will not stop them', () => {
    const view = foldDeployEvents([...events.slice(0, 4), {type: 'circuit-breaker', at: T0 + 14_000, failed: 4, threshold: 3, off: true}]);
    expect(view.circuitBreaker).toEqual({failed: 4, threshold: 3, off: true});
    expect(view.log.at(-1)).toMatchObject({
      level: 'warn',
      text: 'circuit breaker off: 4 failed tasks; ECS will not stop or roll back this deployment',
    });
  });

  test('throttled is shown until the next snapshot', () => {
    let view = foldDeployEvents(events.slice(0, 7));
    expect(view.throttled).toEqual({retryInMs: 3000, attempt: 1});
    view = deployViewReducer(view, {type: 'deployments', at: T0 + 9000, deployments: []});
    expect(view.throttled).toBeUndefined();
  });
});

describe('the outcome line', () => {
  const done = (outcome: 'failed' | 'rolled-back', exitCode: number): DeployEvent => ({
    type: 'done',
    at: 0,
    outcome,
    reason: 'why',
    exitCode,
    elapsedMs: 0,
    apiCalls: 0,
  });

  test('a refusal (exit 2) is not called a failed deployment: none was attempted', () => {
    expect(outcomeText('failed', 2)).toBe('not started, nothing was changed');
    expect(foldDeployEvents([done('failed', 2)]).log.at(-1)?.text).toBe('not started, nothing was changed: why');
  });

  test('a failure after the service changed stays a failed deployment', () => {
    expect(outcomeText('failed', 1)).toBe('deployment failed');
    expect(outcomeText('rolled-back', 3)).toBe('rolled back');
    expect(foldDeployEvents([done('failed', 1)]).log.at(-1)?.text).toBe('deployment failed: why');
  });
});
