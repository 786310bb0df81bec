import {describe, expect, test} from 'vitest';
import {MemoryProfileStore} from '../../source/adapters/memory-profile-store.js';
import type {Profile} from '../../source/domain/model.js';
import {CliError, InputError} from '../../source/errors.js';
import {refreshEnvironment, type RefreshPorts} from '../../source/operations/environment-refresh.js';
import type {ProvisionerOutputs} from '../../source/ports/provisioners.js';
import {fargateJsonProfile} from '../helpers/profile-fixtures.js';
import {otherSubnets, racedStore} from '../helpers/raced-store.js';

const NOW = '2026-02-03T04:05:06.000Z';

/** The Fargate fixture with its first environment filled from a stack. */
function filledProfile(): Profile {
  const profile = fargateJsonProfile();
  const environment = profile.environments[0]!;
  profile.environments[0] = {
    ...environment,
    provisioner: {kind: 'cloudformation', stack: 'network', region: environment.region, outputs: {cluster: 'ClusterName', subnets: 'PrivateSubnets'}},
  };
  return profile;
}

function ports(store: MemoryProfileStore, outputs: () => ProvisionerOutputs | undefined, asked: string[] = []): RefreshPorts {
  return {
    store,
    cloudFormation: async (region) => ({
      region,
      listStacks: async () => [],
      stackOutputs: async (stack) => {
        asked.push(`${stack} in ${region}`);
        return outputs();
      },
    }),
    terraform: {
      readOutputs: async () => {
        throw new Error('no Terraform here');
      },
      locate: (path) => path,
    },
    now: () => NOW,
  };
}

describe('refreshEnvironment', () => {
  test('reads the recorded stack in its region; only the recorded fields change; updatedAt is now', async () => {
    const profile = filledProfile();
    const environment = profile.environments[0]!;
    const store = new MemoryProfileStore([profile]);
    const asked: string[] = [];
    const result = await refreshEnvironment(
      ports(store, () => ({ClusterName: 'blue', PrivateSubnets: 'subnet-0a1b2c3d', SecurityGroup: 'sg-99999999'}), asked),
      {profile: profile.name, environment: environment.name},
    );
    expect(asked).toEqual([`network in ${environment.region}`]);
    expect(result.changes.map(({field, from, to}) => [field, from, to])).toEqual([
      ['cluster', environment.cluster, 'blue'],
      ['subnets', environment.network!.subnets, ['subnet-0a1b2c3d']],
    ]);
    expect(result.saved).toBe(true);
    const saved = (await store.get(profile.name))!;
    expect(saved.environments[0]).toEqual({...environment, cluster: 'blue', network: {...environment.network!, subnets: ['subnet-0a1b2c3d']}});
    // The security group output is not recorded for this environment: its groups stay.
    expect(saved.environments[0]!.network!.securityGroups).toEqual(environment.network!.securityGroups);
    expect(saved.updatedAt).toBe(NOW);
  });

  test('saved against the profile as stored at that moment: what another writer changed meanwhile is kept', async () => {
    const profile = filledProfile();
    const store = new MemoryProfileStore([profile]);
    const result = await refreshEnvironment(
      ports(store, () => {
        // Another ecs-wizard records a run while the stack is read.
        void store.save({...profile, application: 'Changed meanwhile'}, {overwrite: true});
        return {ClusterName: 'blue', PrivateSubnets: profile.environments[0]!.network!.subnets.join(',')};
      }),
      {profile: profile.name, environment: profile.environments[0]!.name},
    );
    expect(result.changes.map((change) => change.field)).toEqual(['cluster']);
    expect(await store.get(profile.name)).toMatchObject({application: 'Changed meanwhile', environments: [{cluster: 'blue'}, {}]});
  });

  test('another writer changes the environment after the services were checked: nothing is saved, said as a conflict', async () => {
    const profile = filledProfile();
    const environment = profile.environments[0]!;
    const stackSubnets = environment.network!.subnets.join(',');
    const store = racedStore([profile], otherSubnets);
    const result = await refreshEnvironment(
      ports(store, () => ({ClusterName: 'blue', PrivateSubnets: stackSubnets})),
      {
        profile: profile.name,
        environment: environment.name,
      },
    );
    // Checked: the cluster only. Under the lock the subnets would change too, which no service was rendered with.
    expect(result.impacts?.map((impact) => impact.diff?.service.changes.map((change) => change.path))).toEqual([['cluster']]);
    expect(result).toMatchObject({saved: false, conflict: true});
    expect(result.changes.map((change) => change.field)).toEqual(['cluster', 'subnets']);
    expect(result.notes.at(-1)).toMatch(/changed by another writer while its services were checked: nothing was saved/);
    const stored = (await store.get(profile.name))!.environments[0]!;
    expect([stored.cluster, stored.network!.subnets]).toEqual([environment.cluster, ['subnet-0fedcba9']]);
  });

  test('lists in another order are not a change; an output that no longer reads as its field is said and kept', async () => {
    const profile = filledProfile();
    const subnets = profile.environments[0]!.network!.subnets;
    const store = new MemoryProfileStore([profile]);
    const result = await refreshEnvironment(
      ports(store, () => ({ClusterName: 'arn:aws:s3:::not-a-cluster', PrivateSubnets: [...subnets].reverse()})),
      {
        profile: profile.name,
        environment: profile.environments[0]!.name,
      },
    );
    expect(result.changes).toEqual([]);
    expect(result.unchanged.map((change) => change.field)).toEqual(['subnets']);
    expect(result.notes).toEqual(['cluster: the output ClusterName no longer holds a cluster ("arn:aws:s3:::not-a-cluster"); kept as it is']);
    expect(result.saved).toBe(false);
    expect(await store.get(profile.name)).toEqual(profile);
  });

  test('a stack that is gone is a failure (exit 1); an environment not filled from outputs is bad input (exit 2)', async () => {
    const profile = filledProfile();
    const store = new MemoryProfileStore([profile]);
    const gone = refreshEnvironment(
      ports(store, () => undefined),
      {profile: profile.name, environment: profile.environments[0]!.name},
    );
    await expect(gone).rejects.toBeInstanceOf(CliError);
    await expect(gone).rejects.toMatchObject({
      exitCode: 1,
      message: `no CloudFormation stack network in ${profile.environments[0]!.region}: the environment was not changed`,
    });
    const typed = refreshEnvironment(
      ports(store, () => ({})),
      {profile: profile.name, environment: profile.environments[1]!.name},
    );
    await expect(typed).rejects.toBeInstanceOf(InputError);
    await expect(typed).rejects.toMatchObject({exitCode: 2});
  });
});

describe('refreshEnvironment: every service that uses the environment', () => {
  test('each is rendered with the values read: the change to what it renders is given per service', async () => {
    const web = filledProfile();
    const api = {...fargateJsonProfile({name: 'api'}), environments: web.environments.map((environment) => ({...environment}))};
    const store = new MemoryProfileStore([web, api]);
    const result = await refreshEnvironment(
      ports(store, () => ({ClusterName: 'blue', PrivateSubnets: web.environments[0]!.network!.subnets.join(',')})),
      {profile: web.name, environment: 'staging'},
    );
    expect(result.saved).toBe(true);
    expect(result.refused).toBeUndefined();
    expect(result.alsoUsedBy).toEqual(['api']);
    expect(
      result.impacts?.map((impact) => [impact.profile, impact.breaks.length, impact.diff?.service.changes.map((change) => [change.path, change.after])]),
    ).toEqual([
      ['api', 0, [['cluster', 'blue']]],
      ['web-api', 0, [['cluster', 'blue']]],
    ]);
    expect((await store.get('api'))?.environments[0]?.cluster).toBe('blue');
  });
});
