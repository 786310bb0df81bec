import {describe, expect, test} from 'vitest';
import {
  containerSecretsPolicy,
  containerSecretsPolicyName,
  ECS_TASK_EXECUTION_ROLE_POLICY_ARN,
  executionRoleTrustPolicy,
  privateRegistryPolicy,
} from '../../source/domain/policy.js';

const SECRET = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:registry-creds-AbCdEf';
const KEY = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';

describe('IAM documents of the execution role', () => {
  test('the managed policy', () => {
    expect(ECS_TASK_EXECUTION_ROLE_POLICY_ARN).toBe('arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy');
  });

  test('the role trusts ecs-tasks.amazonaws.com', () => {
    expect(executionRoleTrustPolicy()).toEqual({
      Version: '2012-10-17',
      Statement: [{Effect: 'Allow', Principal: {Service: 'ecs-tasks.amazonaws.com'}, Action: 'sts:AssumeRole'}],
    });
  });

  test('private registry: GetSecretValue on exactly the secret, no kms:Decrypt without a customer key', () => {
    expect(privateRegistryPolicy({credentialsSecretArn: SECRET})).toEqual({
      Version: '2012-10-17',
      Statement: [{Sid: 'ReadRegistryCredentials', Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource: [SECRET]}],
    });
    expect(privateRegistryPolicy({credentialsSecretArn: SECRET, kmsKeyArn: ''}).Statement).toHaveLength(1);
  });

  test('private registry with a customer key: kms:Decrypt on exactly that key, in its own statement', () => {
    expect(privateRegistryPolicy({credentialsSecretArn: SECRET, kmsKeyArn: KEY})).toEqual({
      Version: '2012-10-17',
      Statement: [
        {Sid: 'ReadRegistryCredentials', Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource: [SECRET]},
        {Sid: 'DecryptRegistryCredentials', Effect: 'Allow', Action: ['kms:Decrypt'], Resource: [KEY]},
      ],
    });
  });

  test("moved container secrets: GetSecretValue on the environment's secret, kms:Decrypt only for a customer key; one policy per profile environment", () => {
    expect(containerSecretsPolicy({arn: SECRET})).toEqual({
      Version: '2012-10-17',
      Statement: [{Sid: 'ReadContainerSecrets', Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource: [SECRET]}],
    });
    expect(containerSecretsPolicy({arn: SECRET, kmsKeyArn: KEY}).Statement).toEqual([
      {Sid: 'ReadContainerSecrets', Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource: [SECRET]},
      {Sid: 'DecryptContainerSecrets', Effect: 'Allow', Action: ['kms:Decrypt'], Resource: [KEY]},
    ]);
    expect(containerSecretsPolicyName('wp', 'production')).toBe('ecs-wizard-secrets-wp-production');
    expect(containerSecretsPolicyName('wp', 'blue green')).toBe('ecs-wizard-secrets-wp-blue-green');
  });

  test('no wildcard anywhere', () => {
    expect(JSON.stringify(privateRegistryPolicy({credentialsSecretArn: SECRET, kmsKeyArn: KEY}))).not.toContain('*');
  });
});
