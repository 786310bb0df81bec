/**
 * Why a task of our deployment stopped (the watch phase), with one concrete hint: `classifyStoppedTask`.
 * Pure; text from AWS is kept as received (renderers sanitize it).
 */

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

export interface ClassifiableTask {
  stoppedReason?: string;
  stopCode?: string;
  containers: StoppedContainer[];
  /**
   * Where to read a container's output, as one sentence (task-logs.ts's readLogsHint, from the container's
   * logConfiguration in the registered task definition). Absent: where is not known, and the hint says so.
   */
  readLogs?: (container: string) => string;
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
  if (
    /ResourceInitializationError|unable to retrieve secret|unable to pull secrets|AccessDenied|not authorized to perform: (?:secretsmanager|ssm|kms)/i.test(all)
  ) {
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
  const oom =
    task.containers.find((container) => /OutOfMemory|\bOOM\b/i.test(container.reason ?? '')) ??
    (/OutOfMemory|\bOOM\b/i.test(reason) ? (task.containers.find((container) => container.exitCode === 137) ?? task.containers[0]) : undefined);
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
  if (
    task.stopCode === 'UserInitiated' ||
    /Scaling activity initiated by|Task stopped by user|stopped by user|Service .* was deleted|deployment .* replaced|ECS is performing maintenance/i.test(
      reason,
    )
  ) {
    return {
      class: 'not-a-failure',
      summary: `stopped by ECS or a user: ${firstLine(reason) || task.stopCode || 'no reason given'}`,
      hint: 'Nothing to fix: ECS stopped this task on purpose.',
    };
  }

  // Essential container exited.
  if (/Essential container in task exited/i.test(reason)) {
    const exited =
      task.containers.find((container) => container.exitCode !== undefined && container.exitCode !== 0) ??
      task.containers.find((container) => container.exitCode !== undefined);
    if (exited === undefined) {
      return {
        class: 'essential-exit',
        summary: 'an essential container exited',
        hint: "Read the essential container's output for the error it printed before exiting (where it went: its logConfiguration in the task definition).",
      };
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
    const read =
      task.readLogs?.(exited.name) ??
      `Read ${exited.name}'s output for the error it printed before exiting (where it went: the logConfiguration of ${exited.name} in the task definition)`;
    return {
      class: 'essential-exit',
      summary: `essential container ${exited.name} exited with code ${code}${signal}`,
      hint: `${read}; check its command, environment variables and secrets.`,
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
