/**
 * IAM documents for the task execution role: the trust policy for ECS tasks, the managed policy for pulling
 * images and writing logs, and the least-privilege inline policy for private registry authentication —
 * `secretsmanager:GetSecretValue` on exactly the credentials secret, and `kms:Decrypt` on exactly the
 * customer key, only when the secret uses one.
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

/** Inline policy letting the execution role read the registry credentials secret (and decrypt it with its customer key). */
export function privateRegistryPolicy(auth: RegistryAuth): JsonObject {
  const statements: JsonObject[] = [
    {
      Sid: 'ReadRegistryCredentials',
      Effect: 'Allow',
      Action: ['secretsmanager:GetSecretValue'],
      Resource: [auth.credentialsSecretArn],
    },
  ];
  if (auth.kmsKeyArn !== undefined && auth.kmsKeyArn !== '') {
    statements.push({
      Sid: 'DecryptRegistryCredentials',
      Effect: 'Allow',
      Action: ['kms:Decrypt'],
      Resource: [auth.kmsKeyArn],
    });
  }
  return {Version: POLICY_VERSION, Statement: statements};
}
