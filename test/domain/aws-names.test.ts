import {describe, expect, test} from 'vitest';
import {
  clusterNameFromArn,
  isArn,
  isServiceLinkedRole,
  parseTaskDefinition,
  regionFromArn,
  taskDefinitionLabel,
  taskDefinitionRef,
} from '../../source/domain/aws-names.js';
import type {ArnKind} from '../../source/domain/aws-names.js';

const ROLE = 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole';
const SECRET = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:registry-creds-AbCdEf';
const KEY = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const REGISTRY = 'arn:aws:servicediscovery:us-east-1:000000000000:service/srv-jwyz2x4igkxckqno';

const td = (revision: number, family = 'web') => `arn:aws:ecs:eu-west-1:123456789012:task-definition/${family}:${revision}`;

describe('task definition references', () => {
  test('task definition labels', () => {
    expect(parseTaskDefinition(td(12))).toEqual({family: 'web', revision: 12});
    expect(parseTaskDefinition('web')).toEqual({family: 'web'});
    expect(taskDefinitionLabel('api:3')).toBe('api:3');
  });
});

describe('ARN helpers', () => {
  test.each([
    ['arn:aws:ecs:eu-west-1:123456789012:cluster/prod', 'prod'],
    ['arn:aws-cn:ecs:cn-north-1:123456789012:cluster/a-b', 'a-b'],
    ['prod', 'prod'],
  ])('clusterNameFromArn(%s) = %s', (arn, name) => expect(clusterNameFromArn(arn)).toBe(name));

  test.each([
    ['arn:aws:ecs:eu-west-1:123456789012:task-definition/web:12', 'web:12'],
    ['web:12', 'web:12'],
    ['web', 'web'],
  ])('taskDefinitionRef(%s) = %s', (arn, ref) => expect(taskDefinitionRef(arn)).toBe(ref));

  test('regionFromArn', () => {
    expect(regionFromArn('arn:aws:ecs:ap-southeast-2:123456789012:service/prod/web')).toBe('ap-southeast-2');
    expect(regionFromArn('not an arn')).toBeUndefined();
  });

  test('isServiceLinkedRole', () => {
    expect(isServiceLinkedRole('arn:aws:iam::1:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS')).toBe(true);
    expect(isServiceLinkedRole('arn:aws:iam::1:role/ecsServiceRole')).toBe(false);
  });
});

describe('ARN formats', () => {
  test.each<[ArnKind, string, boolean]>([
    ['iamRole', ROLE, true],
    ['iamRole', 'arn:aws:iam::123456789012:role/service-role/my.role@x', true],
    ['iamRole', 'arn:aws-cn:iam::123456789012:role/r', true],
    ['iamRole', 'arn:aws:iam::123456789012:user/r', false],
    ['iamRole', 'arn:aws:iam::12345678901:role/r', false],
    ['iamRole', `arn:aws:iam::123456789012:role/${'r'.repeat(65)}`, false],
    ['iamRole', 'ecsTaskExecutionRole', false],
    ['secretsManagerSecret', SECRET, true],
    ['secretsManagerSecret', 'arn:aws:secretsmanager:us-gov-west-1:123456789012:secret:a/b/c', true],
    ['secretsManagerSecret', 'arn:aws:secretsmanager:us-east-1:123456789012:parameter:x', false],
    ['secretsManagerSecret', 'arn:aws:secretsmanager:region:aws_account_id:secret:secret_name', false],
    ['secretsManagerSecret', `${SECRET}:DB_PASSWORD::`, false],
    ['secretsManagerValue', SECRET, true],
    ['secretsManagerValue', `${SECRET}:DB_PASSWORD::`, true],
    ['secretsManagerValue', `${SECRET}::AWSCURRENT:`, true],
    ['secretsManagerValue', `${SECRET}:DB_PASSWORD`, false],
    ['cloudMapService', REGISTRY, true],
    ['cloudMapService', 'arn:aws:servicediscovery:us-east-1:000000000000:service/srv-', false],
    ['cloudMapService', 'arn:aws:servicediscovery:us-east-1:000000000000:namespace/ns-x', false],
    ['kmsKey', KEY, true],
    ['kmsKey', 'arn:aws:kms:us-east-1:123456789012:key/mrk-1234abcd12ab34cd56ef1234567890ab', true],
    ['kmsKey', 'arn:aws:kms:us-east-1:123456789012:alias/my-key', false],
    ['kmsKey', '1234abcd-12ab-34cd-56ef-1234567890ab', false],
    ['ssmParameter', 'arn:aws:ssm:eu-west-1:123456789012:parameter/app/db', true],
  ])('%s %s → %s', (kind, value, valid) => {
    expect(isArn(kind, value)).toBe(valid);
  });
});
