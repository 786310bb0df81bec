import {describe, expect, test} from 'vitest';
import {separateEnvironmentVariants} from '../../../../source/domain/import/copilot/environment-variants.js';
import type {Environment, Profile} from '../../../../source/domain/model.js';
import {fargateJsonProfile} from '../../../helpers/profile-fixtures.js';

const network = (subnet: string) => ({subnets: [subnet], securityGroups: ['sg-0123abcd'], assignPublicIp: subnet === 'subnet-public1'});
const env = (name: string, subnet: string, role = 'arn:aws:iam::123456789012:role/exec'): Environment => ({
  name,
  region: 'us-east-1',
  cluster: 'shop-test',
  launchType: 'FARGATE',
  network: network(subnet),
  executionRoleArn: role,
  overrides: {},
});
const profile = (service: string, ...environments: Environment[]): Profile => {
  const base = fargateJsonProfile();
  return {...base, name: `shop-${service}`, application: 'shop', service: {...base.service, name: service}, environments};
};

describe('services of one Copilot environment that disagree on what an application environment holds', () => {
  test('services that agree share the name; each different set of values is <env>-2, <env>-3, shared by those that agree', () => {
    const {profiles, separated} = separateEnvironmentVariants([
      profile('api', env('test', 'subnet-private1')),
      profile('frontend', env('test', 'subnet-public1')),
      profile('worker', env('test', 'subnet-public1')),
      profile('jobs', env('test', 'subnet-private1', 'arn:aws:iam::123456789012:role/jobs')),
      profile('cache', env('test', 'subnet-private1')),
    ]);
    expect(profiles.map((item) => [item.service.name, item.environments.map((environment) => environment.name)])).toEqual([
      ['api', ['test']],
      ['frontend', ['test-2']],
      ['worker', ['test-2']],
      ['jobs', ['test-3']],
      ['cache', ['test']],
    ]);
    expect(separated).toEqual([
      {service: 'frontend', environment: 'test', as: 'test-2', fields: ['network']},
      {service: 'worker', environment: 'test', as: 'test-2', fields: ['network']},
      {service: 'jobs', environment: 'test', as: 'test-3', fields: ['executionRoleArn']},
    ]);
    // Nothing else changes: the values are the service's own.
    expect(profiles[1]!.environments[0]).toEqual({...env('test', 'subnet-public1'), name: 'test-2'});
  });

  test('every service the same: nothing separated, the profiles untouched', () => {
    const input = [profile('api', env('test', 'subnet-private1')), profile('web', env('test', 'subnet-private1'))];
    const {profiles, separated} = separateEnvironmentVariants(input);
    expect(separated).toEqual([]);
    expect(profiles[0]).toBe(input[0]);
    expect(profiles[1]).toBe(input[1]);
  });
});
