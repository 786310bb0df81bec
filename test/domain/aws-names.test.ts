import {describe, expect, test} from 'vitest';
import {parseTaskDefinition, taskDefinitionLabel} from '../../source/domain/aws-names.js';

const td = (revision: number, family = 'web') => `arn:aws:ecs:eu-west-1:123456789012:task-definition/${family}:${revision}`;

describe('task definition references', () => {
  test('task definition labels', () => {
    expect(parseTaskDefinition(td(12))).toEqual({family: 'web', revision: 12});
    expect(parseTaskDefinition('web')).toEqual({family: 'web'});
    expect(taskDefinitionLabel('api:3')).toBe('api:3');
  });
});
