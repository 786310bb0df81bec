import {describe, expect, test} from 'vitest';
import {classifyStoppedTask} from '../../../source/domain/deploy/stopped-task.js';
import type {ClassifiableTask, FailureClass} from '../../../source/domain/deploy/stopped-task.js';

describe('classifyStoppedTask', () => {
  const cases: Array<{name: string; task: ClassifiableTask; class: FailureClass; summary?: RegExp; hint?: RegExp}> = [
    {
      name: 'image pull: manifest not found (daemon)',
      task: {
        stoppedReason:
          'CannotPullContainerError: Error response from daemon: manifest for 123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:v9 not found: manifest unknown: Requested image not found',
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
        stoppedReason:
          'CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref docker.io/library/nginx:nope: docker.io/library/nginx:nope: not found',
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
        stoppedReason:
          "CannotPullContainerError: Error response from daemon: pull access denied for myorg/private, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
        containers: [{name: 'app'}],
      },
      class: 'registry-auth',
      hint: /repositoryCredentials/,
    },
    {
      name: 'registry auth: no basic auth credentials',
      task: {
        stoppedReason:
          'CannotPullContainerError: Error response from daemon: Get https://registry.example.com/v2/team/api/manifests/1.0: no basic auth credentials',
        containers: [{name: 'api'}],
      },
      class: 'registry-auth',
    },
    {
      name: 'registry auth: 401 Unauthorized',
      task: {
        stoppedReason:
          'CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref registry.example.com/team/api:1.0: pulling from host registry.example.com failed with status code [manifests 1.0]: 401 Unauthorized',
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
        stoppedReason:
          'ResourceInitializationError: failed to validate logger args: create stream has been retried 1 times: failed to create Cloudwatch log stream: ResourceNotFoundException: The specified log group does not exist. : exit status 1',
        containers: [{name: 'web'}],
      },
      class: 'secrets-iam',
      hint: /log group/,
    },
    {
      name: 'out of memory: OutOfMemoryError container reason, exit 137',
      task: {
        stoppedReason: 'Essential container in task exited',
        containers: [{name: 'worker', exitCode: 137, reason: 'OutOfMemoryError: Container killed due to memory usage'}],
      },
      class: 'out-of-memory',
      summary: /container worker ran out of memory \(exit 137\)/,
      hint: /Raise the memory of container worker/,
    },
    {
      name: 'health check: ELB',
      task: {
        stoppedReason: 'Task failed ELB health checks in (target-group arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/0123456789abcdef)',
        containers: [{name: 'web', exitCode: 143}],
      },
      class: 'health-check',
      summary: /targetgroup\/web/,
      hint: /health check path/,
    },
    {
      name: 'health check: container',
      task: {stoppedReason: 'Task failed container health checks', containers: [{name: 'web', exitCode: 143}]},
      class: 'health-check',
      hint: /healthCheck/,
    },
    {
      name: 'essential container exit: names container and code',
      task: {
        stoppedReason: 'Essential container in task exited',
        stopCode: 'EssentialContainerExited',
        containers: [
          {name: 'log-router', exitCode: 0},
          {name: 'web', exitCode: 1},
        ],
      },
      class: 'essential-exit',
      summary: /essential container web exited with code 1$/,
      // Without the task definition, where web's output went is not claimed: the hint says where to look it up.
      hint: /^Read web's output for the error it printed before exiting \(where it went: the logConfiguration of web in the task definition\); check its command/,
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
      task: {
        stoppedReason: 'Scaling activity initiated by (deployment ecs-svc/4700039595122878678)',
        stopCode: 'ServiceSchedulerInitiated',
        containers: [{name: 'web', exitCode: 0}],
      },
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
  test("essential container exit: the hint is where THAT container's output went (readLogs), never a fixed awslogs line", () => {
    const task = {
      stoppedReason: 'Essential container in task exited',
      containers: [
        {name: 'log-router', exitCode: 0},
        {name: 'web', exitCode: 1},
      ],
    };
    const asked: string[] = [];
    const readLogs = (container: string) => (asked.push(container), `${container}'s output is not kept (…)`);
    expect(classifyStoppedTask({...task, readLogs}).hint).toBe("web's output is not kept (…); check its command, environment variables and secrets.");
    expect(asked).toEqual(['web']);
    expect(classifyStoppedTask(task).hint).not.toContain('awslogs');
  });

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
