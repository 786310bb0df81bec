/**
 * IAM documents for the task execution role: the trust policy for ECS tasks, the managed policy for pulling
 * images and writing logs, and the least-privilege inline policies for private registry authentication and for
 * the secret that import moves plaintext variables to — `secretsmanager:GetSecretValue` on exactly that secret,
 * and `kms:Decrypt` on exactly the customer key, only when the secret uses one.
 */
import type {JsonObject} from './json.js';
import type {RegistryAuth} from './model.js';

export const POLICY_VERSION = '2012-10-17';

/** The principal that assumes the task execution role. */
export const ECS_TASKS_PRINCIPAL = 'ecs-tasks.amazonaws.com';

/** The usual managed policy of a task execution role (ECR pulls, CloudWatch Logs). */
export const ECS_TASK_EXECUTION_ROLE_POLICY_ARN = 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy';

/** The name the wizard gives the inline policy it adds to the execution role. */
export const PRIVATE_REGISTRY_POLICY_NAME = 'ecs-wizard-private-registry';

/** Trust policy letting ECS tasks assume the execution role. */
export function executionRoleTrustPolicy(): JsonObject {
  return {
    Version: POLICY_VERSION,
    Statement: [
      {
        Effect: 'Allow',
        Principal: {Service: ECS_TASKS_PRINCIPAL},
        Action: 'sts:AssumeRole',
      },
    ],
  };
}

/** secretsmanager:GetSecretValue on exactly one secret, and kms:Decrypt on exactly its customer key when it has one. */
function readSecretPolicy(secretArn: string, kmsKeyArn: string | undefined, what: string): JsonObject {
  const statements: JsonObject[] = [
    {
      Sid: `Read${what}`,
      Effect: 'Allow',
      Action: ['secretsmanager:GetSecretValue'],
      Resource: [secretArn],
    },
  ];
  if (kmsKeyArn !== undefined && kmsKeyArn !== '') {
    statements.push({
      Sid: `Decrypt${what}`,
      Effect: 'Allow',
      Action: ['kms:Decrypt'],
      Resource: [kmsKeyArn],
    });
  }
  return {Version: POLICY_VERSION, Statement: statements};
}

/** Inline policy letting the execution role read the registry credentials secret (and decrypt it with its customer key). */
export function privateRegistryPolicy(auth: RegistryAuth): JsonObject {
  return readSecretPolicy(auth.credentialsSecretArn, auth.kmsKeyArn, 'RegistryCredentials');
}

/**
 * Inline policy letting the execution role read the secret that `import` moved an environment's plaintext
 * variables to (and decrypt it with its customer key): ECS reads it when a task starts, to fill `secrets`.
 */
export function containerSecretsPolicy(secret: {arn: string; kmsKeyArn?: string}): JsonObject {
  return readSecretPolicy(secret.arn, secret.kmsKeyArn, 'ContainerSecrets');
}

/**
 * The inline policy's name for a profile environment's moved secrets: one per profile and environment, so that
 * profiles and environments sharing an execution role do not replace each other's (IAM: `[\w+=,.@-]`, ≤ 128).
 */
export const containerSecretsPolicyName = (profile: string, environment: string): string =>
  `ecs-wizard-secrets-${profile}-${environment}`.replace(/[^\w+=,.@-]/g, '-').slice(0, 128);
