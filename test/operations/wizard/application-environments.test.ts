import {describe, expect, test} from 'vitest';
import {
  answeredByApplication,
  answersOfEnvironment,
  fillFromApplication,
  sharedChanges,
  type OfferedEnvironment,
} from '../../../source/operations/wizard/application-environments.js';

const STAGING: OfferedEnvironment = {
  name: 'staging',
  region: 'us-east-1',
  cluster: 'shop-staging',
  launchType: 'FARGATE',
  network: {subnets: ['subnet-0a'], securityGroups: ['sg-0a'], assignPublicIp: false},
  executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
  provisioner: {kind: 'cloudformation', stack: 'shop-network', region: 'us-east-1', outputs: {cluster: 'ClusterName'}},
  services: ['web', 'api'],
};

describe("the application's environments in the setup", () => {
  test("answersOfEnvironment: every field the environment has, its provisioner as a fill, the service's overrides kept", () => {
    expect(answersOfEnvironment(STAGING, {overrides: {logLevel: 'debug'}, cluster: 'other'})).toEqual({
      overrides: {logLevel: 'debug'},
      name: 'staging',
      region: 'us-east-1',
      cluster: 'shop-staging',
      launchType: 'FARGATE',
      subnets: ['subnet-0a'],
      securityGroups: ['sg-0a'],
      assignPublicIp: false,
      executionRoleArn: STAGING.executionRoleArn,
      provisioner: {
        source: {kind: 'cloudformation', stack: 'shop-network', region: 'us-east-1'},
        filled: {cluster: {output: 'ClusterName', value: 'shop-staging'}},
      },
      filledFrom: 'the application',
    });
  });

  test('fillFromApplication: fields no flag gave are the application’s (a default region is not a flag); a flag given is kept and said', () => {
    const parsed = {
      answers: {application: 'shop', environments: [{name: 'staging', region: 'eu-west-1', cluster: 'blue'}, {name: 'qa'}]},
      given: {'env-name#0': '--env', 'env-region#0': 'AWS_REGION', 'env-cluster#0': '--cluster', 'env-name#1': '--env'} as Record<string, string>,
      choices: {} as Record<string, string>,
    };
    const notes = fillFromApplication(parsed, 'shop', [STAGING]);
    expect(parsed.answers.environments[0]).toMatchObject({region: 'us-east-1', cluster: 'blue', subnets: ['subnet-0a'], launchType: 'FARGATE'});
    expect(parsed.answers.environments[1]).toEqual({name: 'qa'});
    expect(parsed.given['env-region#0']).toBe('application shop');
    expect(parsed.given['env-cluster#0']).toBe('--cluster');
    expect(parsed.choices['env-existing#0']).toBe('staging');
    expect(notes).toEqual([
      "--env staging: the application shop's environment (us-east-1 / shop-staging (FARGATE); used by web, api); --cluster given: saving changes it for every service that uses it",
    ]);
    expect(answeredByApplication('env-cluster', parsed.choices, 0)).toBe(true);
    expect(answeredByApplication('env-overrides', parsed.choices, 0)).toBe(false);
    expect(answeredByApplication('env-cluster', parsed.choices, 1)).toBe(false);
  });

  test('sharedChanges: what saving would change for the other services, and nothing when it changes nothing', () => {
    const same = {environments: [answersOfEnvironment(STAGING)]};
    expect(sharedChanges(same, [STAGING], 'web')).toEqual([]);
    const moved = {environments: [{...answersOfEnvironment(STAGING), cluster: 'blue'}]};
    expect(sharedChanges(moved, [STAGING], 'web')).toEqual(["Saving changes the environment staging (cluster) for api too: it is the application's"]);
    expect(sharedChanges(moved, [STAGING])).toEqual(["Saving changes the environment staging (cluster) for web, api too: it is the application's"]);
  });
});
