import {describe, expect, it} from 'vitest';
import {evaluatePolicies, roleNameOf, wildcardMatch} from '../../source/domain/iam-policy.js';
import type {JsonObject} from '../../source/domain/json.js';

const policy = (...statements: JsonObject[]): {name: string; document: JsonObject} => ({name: 'p', document: {Version: '2012-10-17', Statement: statements}});
const SECRET = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:registry-creds-AbCdEf';

describe('evaluatePolicies', () => {
  it.each([
    ['an exact Allow', [policy({Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: SECRET})], 'allowed'],
    [
      'a wildcard resource (name-*)',
      [policy({Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource: ['arn:aws:secretsmanager:*:*:secret:registry-creds-*']})],
      'allowed',
    ],
    [
      'a ?????? suffix',
      [
        policy({
          Effect: 'Allow',
          Action: 'secretsmanager:GetSecretValue',
          Resource: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:registry-creds-??????',
        }),
      ],
      'allowed',
    ],
    ['an action wildcard, any case', [policy({Effect: 'Allow', Action: 'SecretsManager:Get*', Resource: '*'})], 'allowed'],
    ['NotAction', [policy({Effect: 'Allow', NotAction: 'iam:*', Resource: '*'})], 'allowed'],
    ['NotResource excluding it', [policy({Effect: 'Allow', Action: '*', NotResource: SECRET})], 'not-allowed'],
    [
      'another secret only',
      [policy({Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:other-*'})],
      'not-allowed',
    ],
    ['another action only', [policy({Effect: 'Allow', Action: 'secretsmanager:DescribeSecret', Resource: '*'})], 'not-allowed'],
    ['no policies', [], 'not-allowed'],
    [
      'an explicit Deny over an Allow',
      [policy({Effect: 'Allow', Action: '*', Resource: '*'}), policy({Effect: 'Deny', Action: 'secretsmanager:*', Resource: '*'})],
      'denied',
    ],
    [
      'an Allow with a Condition',
      [policy({Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: '*', Condition: {StringEquals: {'aws:SourceVpc': 'vpc-1'}}})],
      'conditional',
    ],
    [
      'an Allow and a conditional Deny',
      [
        policy(
          {Effect: 'Allow', Action: '*', Resource: '*'},
          {Effect: 'Deny', Action: '*', Resource: '*', Condition: {Bool: {'aws:SecureTransport': 'false'}}},
        ),
      ],
      'conditional',
    ],
    [
      'a single Statement object',
      [{name: 'p', document: {Version: '2012-10-17', Statement: {Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: SECRET}}}],
      'allowed',
    ],
  ] as const)('%s', (_name, documents, decision) => {
    expect(evaluatePolicies(documents as unknown as Array<{name: string; document: JsonObject}>, 'secretsmanager:GetSecretValue', SECRET).decision).toBe(
      decision,
    );
  });

  it('names the deciding policies', () => {
    const result = evaluatePolicies(
      [
        {name: 'inline-a', document: {Statement: [{Effect: 'Allow', Action: '*', Resource: '*'}]}},
        {name: 'unrelated', document: {Statement: []}},
      ],
      'kms:Decrypt',
      'arn:aws:kms:us-east-1:1:key/k',
    );
    expect(result).toEqual({decision: 'allowed', policies: ['inline-a']});
  });

  it('matches wildcards exactly (no regex leaks)', () => {
    expect(wildcardMatch('arn:aws:s3:::a.b', 'arn:aws:s3:::aXb')).toBe(false);
    expect(wildcardMatch('a*', 'A', {ignoreCase: true})).toBe(true);
    expect(wildcardMatch('a*', 'A')).toBe(false);
  });
});

describe('role names', () => {
  it('roleNameOf: names stay, ARNs (with paths) give the name', () => {
    expect(roleNameOf('ecsTaskExecutionRole')).toBe('ecsTaskExecutionRole');
    expect(roleNameOf('arn:aws:iam::123456789012:role/ecsTaskExecutionRole')).toBe('ecsTaskExecutionRole');
    expect(roleNameOf('arn:aws:iam::123456789012:role/service-role/deep/exec')).toBe('exec');
  });
});
