import {describe, expect, test} from 'vitest';
import type {Profile} from '../../source/domain/model.js';
import {privateRegistryPolicy} from '../../source/domain/policy.js';
import {artifactOfServer, executionRolesOf, registryPolicyForRole, serverFromFlags} from '../../source/operations/artifact-servers.js';
import {EXECUTION_ROLE_ARN, REGISTRY_KMS_KEY_ARN, REGISTRY_SECRET_ARN, fargateJsonProfile} from '../helpers/profile-fixtures.js';

const OTHER_SECRET = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:other-creds-XyZabc';
const TEAM = {name: 'team', registry: 'registry' as const, host: 'registry.example.com:5000', username: 'deploy', credentialsSecretArn: REGISTRY_SECRET_ARN};

describe('a server from flags', () => {
  test.each([
    ['dockerhub', {registry: 'dockerhub', host: 'registry.hub.docker.com'}],
    ['https://registry.example.com:5000/v2/', {registry: 'registry', host: 'registry.example.com:5000'}],
    ['123456789012.dkr.ecr.us-east-1.amazonaws.com', {registry: 'ecr', host: '123456789012.dkr.ecr.us-east-1.amazonaws.com'}],
  ])('--registry %s', (registry, expected) => {
    expect(serverFromFlags('s', {registry})).toEqual({name: 's', ...expected});
  });

  test('an edit keeps what no flag changes; another secret drops the old key unless one is given; --no-… flags remove', () => {
    const keyed = {...TEAM, kmsKeyArn: REGISTRY_KMS_KEY_ARN};
    expect(serverFromFlags('team', {registry: 'registry.example.com:6000'}, keyed)).toEqual({...keyed, host: 'registry.example.com:6000'});
    expect(serverFromFlags('team', {credentialsSecret: OTHER_SECRET}, keyed)).toEqual({...TEAM, credentialsSecretArn: OTHER_SECRET});
    expect(serverFromFlags('team', {noCredentials: true, noUsername: true}, keyed)).toEqual({name: 'team', registry: 'registry', host: TEAM.host});
  });

  test('contradictions and bad values name the flag', () => {
    expect(() => serverFromFlags('s', {})).toThrow('a new artifact server needs --registry');
    expect(() => serverFromFlags('s', {registry: 'ecr'})).toThrow("--registry ecr: an ECR artifact server needs its registry's address");
    expect(() => serverFromFlags('s', {registry: 'r.example.com', noCredentials: true, credentialsSecret: OTHER_SECRET})).toThrow('--no-credentials');
    expect(() => serverFromFlags('s', {registry: 'r.example.com', kmsKey: 'key'})).toThrow('--kms-key: "key" is not');
    expect(() => serverFromFlags('s', {registry: 'dockerhub', username: 'me'})).toThrow('--registry-username: a user name is for a private v2 registry');
  });
});

describe('the artifact an image names on a server', () => {
  test("the server's host and user; an ECR URI of another registry is refused", () => {
    expect(artifactOfServer(TEAM, 'team/api')).toEqual({registry: 'registry', host: TEAM.host, image: 'team/api', username: 'deploy', server: 'team'});
    const ecr = {name: 'ecr', registry: 'ecr' as const, host: '123456789012.dkr.ecr.us-east-1.amazonaws.com'};
    expect(artifactOfServer(ecr, 'api')).toEqual({registry: 'ecr', host: ecr.host, image: 'api', server: 'ecr'});
    expect(() => artifactOfServer(ecr, '999999999999.dkr.ecr.us-east-1.amazonaws.com/api')).toThrow('is not on the server ecr');
  });
});

describe('the execution roles a server change reaches, and the policy each needs', () => {
  const withAuth = (name: string, credentialsSecretArn: string, kmsKeyArn?: string): Profile => {
    const profile = fargateJsonProfile({name});
    profile.service.registryAuth = {credentialsSecretArn, ...(kmsKeyArn === undefined ? {} : {kmsKeyArn})};
    return profile;
  };

  test('the roles as the task definitions render them, with the services and environments that run with each', () => {
    expect(executionRolesOf([withAuth('web', REGISTRY_SECRET_ARN), withAuth('api', REGISTRY_SECRET_ARN)])).toEqual([
      {
        role: EXECUTION_ROLE_ARN,
        uses: [
          {profile: 'web', environment: 'staging'},
          {profile: 'web', environment: 'production'},
          {profile: 'api', environment: 'staging'},
          {profile: 'api', environment: 'production'},
        ],
      },
    ]);
  });

  test("one secret: exactly init's policy; a role shared by services of two servers reads both secrets and decrypts only the keys they have", () => {
    expect(registryPolicyForRole(EXECUTION_ROLE_ARN, [withAuth('web', REGISTRY_SECRET_ARN, REGISTRY_KMS_KEY_ARN)])).toEqual(
      privateRegistryPolicy({credentialsSecretArn: REGISTRY_SECRET_ARN, kmsKeyArn: REGISTRY_KMS_KEY_ARN}),
    );
    const both = registryPolicyForRole(EXECUTION_ROLE_ARN, [
      withAuth('web', OTHER_SECRET),
      withAuth('api', REGISTRY_SECRET_ARN, REGISTRY_KMS_KEY_ARN),
      withAuth('b', OTHER_SECRET),
    ]);
    expect(both).toEqual({
      Version: '2012-10-17',
      Statement: [
        {Sid: 'ReadRegistryCredentials', Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource: [OTHER_SECRET, REGISTRY_SECRET_ARN]},
        {Sid: 'DecryptRegistryCredentials', Effect: 'Allow', Action: ['kms:Decrypt'], Resource: [REGISTRY_KMS_KEY_ARN]},
      ],
    });
    expect(registryPolicyForRole('arn:aws:iam::123456789012:role/other', [withAuth('web', OTHER_SECRET)])).toBeUndefined();
  });
});
