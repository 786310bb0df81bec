import {describe, expect, test} from 'vitest';
import {clusterNameFromArn, isServiceLinkedRole, parseTaskDefinition, regionFromArn, taskDefinitionLabel, taskDefinitionRef} from '../../source/domain/aws-names.js';

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
