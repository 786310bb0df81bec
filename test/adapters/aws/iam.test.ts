import {describe, expect, test} from 'vitest';
import {decodePolicyDocument, trustsEcsTasks} from '../../../source/adapters/aws/iam.js';
import {executionRoleTrustPolicy} from '../../../source/domain/policy.js';

describe('IAM documents', () => {
  test('decodePolicyDocument: URL-encoded (as IAM returns it) or plain JSON; garbage → {}', () => {
    const policy = executionRoleTrustPolicy();
    expect(decodePolicyDocument(encodeURIComponent(JSON.stringify(policy)))).toEqual(policy);
    expect(decodePolicyDocument(JSON.stringify(policy))).toEqual(policy);
    // A plain document containing a literal % is not decoded twice.
    expect(decodePolicyDocument('{"Sid":"100%"}')).toEqual({Sid: '100%'});
    expect(decodePolicyDocument(undefined)).toEqual({});
    expect(decodePolicyDocument('%E0%A4%A')).toEqual({});
    expect(decodePolicyDocument('[1]')).toEqual({});
  });

  test('trustsEcsTasks: an Allow of sts:AssumeRole to ecs-tasks.amazonaws.com, in any of the spellings IAM allows', () => {
    expect(trustsEcsTasks(executionRoleTrustPolicy())).toBe(true);
    const statement = (fields: Record<string, unknown>) => ({Version: '2012-10-17', Statement: fields}) as never;
    expect(
      trustsEcsTasks(statement({Effect: 'Allow', Principal: {Service: ['lambda.amazonaws.com', 'ecs-tasks.amazonaws.com']}, Action: ['sts:AssumeRole']})),
    ).toBe(true);
    expect(trustsEcsTasks(statement({Effect: 'Allow', Principal: {Service: 'ecs-tasks.amazonaws.com'}, Action: 'sts:*'}))).toBe(true);
    expect(trustsEcsTasks(statement({Effect: 'Deny', Principal: {Service: 'ecs-tasks.amazonaws.com'}, Action: 'sts:AssumeRole'}))).toBe(false);
    expect(trustsEcsTasks(statement({Effect: 'Allow', Principal: {Service: 'ecs.amazonaws.com'}, Action: 'sts:AssumeRole'}))).toBe(false);
    expect(trustsEcsTasks(statement({Effect: 'Allow', Principal: {Service: 'ecs-tasks.amazonaws.com'}, Action: 'sts:TagSession'}))).toBe(false);
    expect(trustsEcsTasks(statement({Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole'}))).toBe(false);
    expect(trustsEcsTasks({})).toBe(false);
  });
});
