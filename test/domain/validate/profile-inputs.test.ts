import {describe, expect, test} from 'vitest';
import type {Environment} from '../../../source/domain/model.js';
import {validateArtifact, validateEnvironment, validateRegistryAuth, validateVariables} from '../../../source/domain/validate/profile-inputs.js';
import {codes, KEY, NETWORK, ROLE, SECRET} from './rendered-documents.js';

describe('registry authentication', () => {
  test('registry auth: the secret and the key', () => {
    expect(validateRegistryAuth({credentialsSecretArn: SECRET, kmsKeyArn: KEY})).toEqual([]);
    expect(validateRegistryAuth(undefined)).toEqual([]);
    expect(codes(validateRegistryAuth({credentialsSecretArn: 'secret', kmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:alias/x'}))).toEqual([
      'arn-format service.registryAuth.credentialsSecretArn',
      'arn-format service.registryAuth.kmsKeyArn',
    ]);
  });
});

describe('profile parts', () => {
  test.each<[string, {host: string; image: string}, string | undefined, string[]]>([
    ["the seed's artifact", {host: 'registry.hub.docker.com', image: 'library/nginx'}, 'stable-perl', []],
    ['an implicit Docker Hub image', {host: '', image: 'nginx'}, '1.27', []],
    ['no tag', {host: '', image: 'nginx'}, undefined, []],
    ['a digest', {host: 'ghcr.io', image: 'a/b'}, `sha256:${'a'.repeat(64)}`, []],
    ['an upper-case image', {host: '', image: 'Nginx'}, '1', ['image-reference service.artifact.image']],
    ['a bad tag', {host: '', image: 'nginx'}, 'a:b', ['image-reference service.artifact.tag']],
    ['a bad host', {host: 'bad host', image: 'nginx'}, '1', ['image-reference service.artifact.host']],
    ['a host inside the image path', {host: '', image: 'ghcr.io/a'}, '1', ['image-reference service.artifact.host']],
  ])('artifact: %s', (_name, artifact, tag, expected) => {
    expect(codes(validateArtifact({registry: 'registry', ...artifact}, tag))).toEqual(expected);
  });

  test('environment: role ARN, subnet and security group ids, override names', () => {
    const environment: Environment = {
      name: 'prod',
      region: 'us-east-1',
      cluster: 'c',
      launchType: 'FARGATE',
      executionRoleArn: 'role',
      network: {subnets: ['subnet-0123456789abcdef0', 'subnet-x'], securityGroups: ['default'], assignPublicIp: false},
      overrides: {'bad name': '1', good: '2'},
    };
    expect(codes(validateEnvironment(environment))).toEqual([
      'arn-format executionRoleArn',
      'invalid-value network.subnets[1]',
      'invalid-value network.securityGroups[0]',
      'invalid-variable-name overrides["bad name"]',
    ]);
    expect(validateEnvironment({...environment, executionRoleArn: ROLE, network: NETWORK, overrides: {}})).toEqual([]);
    expect(
      validateEnvironment({...environment, executionRoleArn: ROLE, network: NETWORK, overrides: {}}).every((issue) => issue.source === 'environment'),
    ).toBe(true);
  });

  test('variables: names', () => {
    expect(codes(validateVariables({containerPort: '1', 'log.level': 'x', _ok: '', '9x': ''}))).toEqual([
      'invalid-variable-name ["log.level"]',
      'invalid-variable-name ["9x"]',
    ]);
  });
});
