/**
 * Copilot environments in other regions: each environment's stack is looked for in its own region
 * (`--env-region ENV=REGION`), and without one an environment whose stack is not in the default region is reported
 * as "not found in REGION; pass --env-region ENV=REGION" — never silently read, or planned, somewhere else.
 */
import {describe, expect, test} from 'vitest';
import {planMigration, readWorkspace} from '../../source/domain/import/copilot/workspace.js';
import {learnFromAws, type CopilotAwsPorts} from '../../source/operations/import-copilot.js';
import type {EcsPort} from '../../source/ports/ecs.js';
import type {CloudFormationPort} from '../../source/ports/provisioners.js';

const NOW = '2026-12-06T00:00:00.000Z';
const ACCOUNT = '123456789012';

const read = readWorkspace({
  workspace: {file: 'copilot/.workspace', folder: 'copilot', text: 'application: shop\n'},
  environments: [
    {file: 'copilot/environments/prod/manifest.yml', folder: 'prod', text: 'name: prod\ntype: Environment\n'},
    {file: 'copilot/environments/test/manifest.yml', folder: 'test', text: 'name: test\ntype: Environment\n'},
  ],
  services: [
    {
      file: 'copilot/api/manifest.yml',
      folder: 'api',
      text: 'name: api\ntype: Backend Service\nimage:\n  location: nginx:1.27\n  port: 80\nnetwork:\n  vpc:\n    placement: private\n',
    },
  ],
});

/** prod's stack lives in eu-west-1, test's in us-east-1; each region's CloudFormation knows only its own. */
const STACKS: Record<string, Record<string, Record<string, string>>> = {
  'eu-west-1': {
    'shop-prod': {ClusterId: 'shop-prod-Cluster-1', PrivateSubnets: 'subnet-0000000000000000a', EnvironmentSecurityGroup: 'sg-0000000000000000a'},
  },
  'us-east-1': {
    'shop-test': {ClusterId: 'shop-test-Cluster-2', PrivateSubnets: 'subnet-0000000000000000b', EnvironmentSecurityGroup: 'sg-0000000000000000b'},
  },
};

function ports(asked: string[]): CopilotAwsPorts {
  return {
    cloudFormation: async (region) =>
      ({
        region,
        listStacks: async () => [],
        stackOutputs: async (stack: string) => {
          asked.push(`${region} ${stack}`);
          const outputs = STACKS[region]?.[stack];
          return outputs === undefined ? undefined : {...outputs, EnvironmentManagerRoleARN: `arn:aws:iam::${ACCOUNT}:role/${stack}-EnvManagerRole`};
        },
      }) satisfies CloudFormationPort,
    ecs: async (region) => ({region, listServices: async () => ({items: []}), describeServices: async () => []}) as unknown as EcsPort,
  };
}

describe('environments in other regions', () => {
  if (!read.ok) throw new Error('the workspace reads');
  const workspace = read.workspace;

  test('without --env-region: the stack not found in the default region is named, with the flag to pass', async () => {
    const asked: string[] = [];
    const learned = await learnFromAws(workspace, ports(asked), 'us-east-1', NOW);
    expect(asked).toEqual(['us-east-1 shop-prod', 'us-east-1 shop-test']);
    expect(learned.gaps).toContain(
      'prod: the stack shop-prod is not found in us-east-1; pass --env-region prod=REGION if the environment is in another region',
    );
    expect(learned.state.environments['test']).toMatchObject({region: 'us-east-1', cluster: 'shop-test-Cluster-2'});
    expect(learned.state.environments['prod']).toBeUndefined();
  });

  test('with --env-region prod=eu-west-1: prod is read there, and its profile environment is in eu-west-1 (stack, cluster, region)', async () => {
    const asked: string[] = [];
    const learned = await learnFromAws(workspace, ports(asked), 'us-east-1', NOW, {prod: 'eu-west-1'});
    expect(asked).toEqual(['eu-west-1 shop-prod', 'us-east-1 shop-test']);
    expect(learned.gaps.filter((gap) => gap.includes('stack'))).toEqual([]);
    const migration = planMigration(read, {region: 'us-east-1', now: NOW, environmentRegions: {prod: 'eu-west-1'}, aws: learned.state});
    const profile = migration.services[0]!.profile!;
    expect(profile.environments.map((environment) => [environment.name, environment.region, environment.cluster, environment.provisioner])).toEqual([
      [
        'prod',
        'eu-west-1',
        'shop-prod-Cluster-1',
        {
          kind: 'cloudformation',
          stack: 'shop-prod',
          region: 'eu-west-1',
          outputs: {cluster: 'ClusterId', subnets: 'PrivateSubnets', securityGroups: 'EnvironmentSecurityGroup'},
        },
      ],
      [
        'test',
        'us-east-1',
        'shop-test-Cluster-2',
        {
          kind: 'cloudformation',
          stack: 'shop-test',
          region: 'us-east-1',
          outputs: {cluster: 'ClusterId', subnets: 'PrivateSubnets', securityGroups: 'EnvironmentSecurityGroup'},
        },
      ],
    ]);
  });

  test('offline with --env-region: the environment gets its region all the same', () => {
    const migration = planMigration(read, {region: 'us-east-1', now: NOW, environmentRegions: {prod: 'eu-west-1'}});
    expect(migration.services[0]!.profile!.environments.map((environment) => `${environment.name} ${environment.region}`)).toEqual([
      'prod eu-west-1',
      'test us-east-1',
    ]);
  });
});
