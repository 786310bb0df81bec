import {describe, expect, test} from 'vitest';
import {
  circuitBreakerThreshold,
  classifyStoppedTask,
  deployViewReducer,
  foldDeployEvents,
  initialDeployView,
  judgeDeployment,
  OUTCOME_EXIT_CODES,
  parseTaskDefinition,
  taskDefinitionLabel,
} from '../../source/domain/deploy-events.js';
import type {ClassifiableTask, DeployEvent, FailureClass, JudgedDeployment, JudgedService} from '../../source/domain/deploy-events.js';
import {RUN_OUTCOMES} from '../../source/domain/model.js';
import {EXIT} from '../../source/errors.js';

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
    {name: 'counts mismatch: 2/3 running', service: service(deployment({runningCount: 2, rolloutState: 'IN_PROGRESS'})), verdict: 'in-progress', reason: /2\/3 tasks running/},
    {name: 'COMPLETED but running != desired (scaled since)', service: service(deployment({runningCount: 2})), verdict: 'in-progress'},
    {name: 'IN_PROGRESS with all running (not yet steady)', service: service(deployment({rolloutState: 'IN_PROGRESS'})), verdict: 'in-progress', reason: /rollout in progress/},
    {
      name: 'rollback: FAILED, PRIMARY runs the previous revision',
      service: service(
        deployment({id: 'ecs-svc/rollback', taskDefinition: td(6), rolloutState: 'IN_PROGRESS', runningCount: 1}),
        deployment({status: 'ACTIVE', rolloutState: 'FAILED', rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.', runningCount: 0, failedTasks: 3}),
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
      service: service(deployment({id: 'ecs-svc/back', taskDefinition: td(6), rolloutState: 'IN_PROGRESS'}), deployment({status: 'ACTIVE', rolloutState: 'IN_PROGRESS'})),
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
      service: service(deployment({id: 'ecs-svc/other', taskDefinition: td(8), rolloutState: 'IN_PROGRESS'}), deployment({status: 'ACTIVE', rolloutState: 'IN_PROGRESS'})),
      verdict: 'failed',
      reason: /no longer PRIMARY; replaced by deployment ecs-svc\/other running web:8/,
    },
    {
      name: 'missing rolloutState: PRIMARY alone, running == desired, nothing pending',
      service: service(deployment({rolloutState: undefined})),
      verdict: 'deployed',
    },
    {name: 'missing rolloutState, still pending', service: service(deployment({rolloutState: undefined, pendingCount: 1})), verdict: 'in-progress', reason: /1 pending/},
    {
      name: 'missing rolloutState, not alone',
      service: service(deployment({rolloutState: undefined}), deployment({id: 'ecs-svc/old', status: 'ACTIVE', taskDefinition: td(6), rolloutState: undefined})),
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

describe('classifyStoppedTask', () => {
  const cases: Array<{name: string; task: ClassifiableTask; class: FailureClass; summary?: RegExp; hint?: RegExp}> = [
    {
      name: 'image pull: manifest not found (daemon)',
      task: {
        stoppedReason: 'CannotPullContainerError: Error response from daemon: manifest for 123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:v9 not found: manifest unknown: Requested image not found',
        stopCode: 'TaskFailedToStart',
        containers: [{name: 'web'}],
      },
      class: 'image-pull',
      summary: /123456789012\.dkr\.ecr\.eu-west-1\.amazonaws\.com\/web:v9 not found/,
      hint: /tag exists/,
    },
    {
      name: 'image pull: containerd "pull image manifest … not found"',
      task: {
        stoppedReason: 'CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref docker.io/library/nginx:nope: docker.io/library/nginx:nope: not found',
        containers: [{name: 'nginx'}],
      },
      class: 'image-pull',
      summary: /docker\.io\/library\/nginx:nope not found/,
    },
    {
      name: 'image pull: no route to the registry',
      task: {
        stoppedReason:
          'CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref 123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:v1: failed to do request: Head "https://123456789012.dkr.ecr.eu-west-1.amazonaws.com/v2/web/manifests/v1": dial tcp 52.1.2.3:443: i/o timeout',
        containers: [{name: 'web'}],
      },
      class: 'image-pull',
      hint: /assignPublicIp|NAT/,
    },
    {
      name: 'registry auth: pull access denied',
      task: {
        stoppedReason: "CannotPullContainerError: Error response from daemon: pull access denied for myorg/private, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
        containers: [{name: 'app'}],
      },
      class: 'registry-auth',
      hint: /repositoryCredentials/,
    },
    {
      name: 'registry auth: no basic auth credentials',
      task: {stoppedReason: 'CannotPullContainerError: Error response from daemon: Get https://registry.example.com/v2/team/api/manifests/1.0: no basic auth credentials', containers: [{name: 'api'}]},
      class: 'registry-auth',
    },
    {
      name: 'registry auth: 401 Unauthorized',
      task: {
        stoppedReason: 'CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref registry.example.com/team/api:1.0: pulling from host registry.example.com failed with status code [manifests 1.0]: 401 Unauthorized',
        containers: [{name: 'api'}],
      },
      class: 'registry-auth',
    },
    {
      name: 'secrets: execution role may not read the secret',
      task: {
        stoppedReason:
          'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: service call has been retried 1 time(s): failed to fetch secret arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-pass-AbCdEf from secrets manager: AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/ecsTaskExecutionRole/abc is not authorized to perform: secretsmanager:GetSecretValue on resource: arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-pass-AbCdEf because no identity-based policy allows the secretsmanager:GetSecretValue action',
        stopCode: 'TaskFailedToStart',
        containers: [{name: 'web'}],
      },
      class: 'secrets-iam',
      summary: /secretsmanager:GetSecretValue on arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-pass-AbCdEf/,
      hint: /allowing secretsmanager:GetSecretValue on arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-pass-AbCdEf/,
    },
    {
      name: 'secrets: SSM parameter',
      task: {
        stoppedReason:
          'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secrets from ssm: service call has been retried 1 time(s): AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/exec/abc is not authorized to perform: ssm:GetParameters on resource: arn:aws:ssm:eu-west-1:123456789012:parameter/app/key',
        containers: [{name: 'web'}],
      },
      class: 'secrets-iam',
      hint: /ssm:GetParameters on arn:aws:ssm:eu-west-1:123456789012:parameter\/app\/key/,
    },
    {
      name: 'init: awslogs log group missing',
      task: {
        stoppedReason: 'ResourceInitializationError: failed to validate logger args: create stream has been retried 1 times: failed to create Cloudwatch log stream: ResourceNotFoundException: The specified log group does not exist. : exit status 1',
        containers: [{name: 'web'}],
      },
      class: 'secrets-iam',
      hint: /log group/,
    },
    {
      name: 'out of memory: OutOfMemoryError container reason, exit 137',
      task: {stoppedReason: 'Essential container in task exited', containers: [{name: 'worker', exitCode: 137, reason: 'OutOfMemoryError: Container killed due to memory usage'}]},
      class: 'out-of-memory',
      summary: /container worker ran out of memory \(exit 137\)/,
      hint: /Raise the memory of container worker/,
    },
    {
      name: 'health check: ELB',
      task: {stoppedReason: 'Task failed ELB health checks in (target-group arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/0123456789abcdef)', containers: [{name: 'web', exitCode: 143}]},
      class: 'health-check',
      summary: /targetgroup\/web/,
      hint: /health check path/,
    },
    {name: 'health check: container', task: {stoppedReason: 'Task failed container health checks', containers: [{name: 'web', exitCode: 143}]}, class: 'health-check', hint: /healthCheck/},
    {
      name: 'essential container exit: names container and code',
      task: {stoppedReason: 'Essential container in task exited', stopCode: 'EssentialContainerExited', containers: [{name: 'log-router', exitCode: 0}, {name: 'web', exitCode: 1}]},
      class: 'essential-exit',
      summary: /essential container web exited with code 1$/,
      hint: /web's logs/,
    },
    {
      name: 'essential container exit 137 without OOM is SIGKILL',
      task: {stoppedReason: 'Essential container in task exited', containers: [{name: 'web', exitCode: 137}]},
      class: 'essential-exit',
      summary: /code 137 \(killed: SIGKILL\)/,
    },
    {
      name: 'essential container exit 0',
      task: {stoppedReason: 'Essential container in task exited', containers: [{name: 'job', exitCode: 0}]},
      class: 'essential-exit',
      hint: /long-running/,
    },
    {
      name: 'scale-in is not a failure',
      task: {stoppedReason: 'Scaling activity initiated by (deployment ecs-svc/4700039595122878678)', stopCode: 'ServiceSchedulerInitiated', containers: [{name: 'web', exitCode: 0}]},
      class: 'not-a-failure',
    },
    {name: 'stopped by a user', task: {stoppedReason: 'Task stopped by user', stopCode: 'UserInitiated', containers: [{name: 'web'}]}, class: 'not-a-failure'},
    {
      name: 'unknown keeps the raw reason',
      task: {stoppedReason: 'Timeout waiting for network interface provisioning to complete.', stopCode: 'TaskFailedToStart', containers: [{name: 'web'}]},
      class: 'unknown',
      summary: /^Timeout waiting for network interface provisioning to complete\.$/,
    },
    {name: 'no reason at all', task: {containers: []}, class: 'unknown', summary: /no reason given/},
  ];
  for (const testCase of cases) {
    test(testCase.name, () => {
      const analysis = classifyStoppedTask(testCase.task);
      expect(analysis.class).toBe(testCase.class);
      if (testCase.summary) expect(analysis.summary).toMatch(testCase.summary);
      if (testCase.hint) expect(analysis.hint).toMatch(testCase.hint);
      expect(analysis.hint.length).toBeGreaterThan(10);
    });
  }
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

describe('helpers', () => {
  test('task definition labels', () => {
    expect(parseTaskDefinition(td(12))).toEqual({family: 'web', revision: 12});
    expect(parseTaskDefinition('web')).toEqual({family: 'web'});
    expect(taskDefinitionLabel('api:3')).toBe('api:3');
  });
  test('exit codes match EXIT', () => {
    expect(RUN_OUTCOMES.map((outcome) => OUTCOME_EXIT_CODES[outcome])).toEqual([EXIT.ok, EXIT.failed, EXIT.rolledBack, EXIT.timedOut, EXIT.detached, EXIT.detached]);
  });
});

describe('deployViewReducer', () => {
  const T0 = 1_700_000_000_000;
  const events: DeployEvent[] = [
    {type: 'step', at: T0, name: 'register', status: 'started', message: 'registering web'},
    {type: 'step', at: T0 + 500, name: 'register', status: 'done', message: 'web:7'},
    {type: 'check', at: T0 + 600, name: 'image', status: 'warn', message: 'tag not found', hint: 'push it'},
    {type: 'watch-started', at: T0 + 1000, cluster: 'prod', service: 'web', region: 'eu-west-1', taskDefinitionArn: OURS, simulated: true, scenario: 'crash-loop'},
    {
      type: 'deployments',
      at: T0 + 1000,
      deployments: [{id: 'ecs-svc/ours', status: 'PRIMARY', taskDefinition: OURS, revision: 7, desired: 2, running: 0, pending: 2, failed: 0, rolloutState: 'IN_PROGRESS', ours: true}],
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
    expect(view.log.map((line) => line.type)).toEqual(['step', 'step', 'check', 'watch-started', 'service-event', 'throttled', 'task-stopped', 'task-stopped', 'circuit-breaker', 'warning', 'done']);
    expect(view.log.at(-1)).toMatchObject({level: 'error', text: 'rolled back (simulated): rolled back to web:6'});
    expect(view.log[6]!.detail).toEqual(['essential-exit: essential container web exited with code 1', 'hint: read logs']);
  });

  test('is pure: the input state is not changed', () => {
    const before = structuredClone(initialDeployView);
    deployViewReducer(initialDeployView, events[0]!);
    expect(initialDeployView).toEqual(before);
  });

  test('throttled is shown until the next snapshot', () => {
    let view = foldDeployEvents(events.slice(0, 7));
    expect(view.throttled).toEqual({retryInMs: 3000, attempt: 1});
    view = deployViewReducer(view, {type: 'deployments', at: T0 + 9000, deployments: []});
    expect(view.throttled).toBeUndefined();
  });
});
