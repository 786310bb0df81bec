/**
 * `ecs-wizard env refresh` when another ecs-wizard changes the environment between the check of the services and
 * the save: nothing is saved, and the exit code says so (1), not 0.
 */
import {PassThrough, Readable} from 'node:stream';
import {expect, test} from 'vitest';
import {main} from '../../source/cli.js';
import {fargateJsonProfile} from '../helpers/profile-fixtures.js';
import {testRoot} from '../helpers/fake-root.js';
import {otherSubnets, racedStore} from '../helpers/raced-store.js';

test('a change made meanwhile by another writer: nothing saved, exit 1, and --json says conflict', async () => {
  const profile = fargateJsonProfile();
  const environment = profile.environments[0]!;
  profile.environments[0] = {
    ...environment,
    provisioner: {kind: 'cloudformation', stack: 'network', region: environment.region, outputs: {cluster: 'ClusterName', subnets: 'PrivateSubnets'}},
  };
  const store = racedStore([profile], otherSubnets);
  const cloudFormation = {
    region: environment.region,
    listStacks: async () => [],
    stackOutputs: async () => ({ClusterName: 'blue', PrivateSubnets: environment.network!.subnets.join(',')}),
  };
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const code = await main({
    argv: ['env', 'refresh', profile.name, '--env', environment.name, '--json'],
    env: {CI: 'true'},
    io: {stdin: Readable.from([]), stdout, stderr: new PassThrough()},
    createRoot: () => testRoot({store, wizard: {cloudFormation}}),
  });
  expect(code).toBe(1);
  expect(JSON.parse(out)).toMatchObject({saved: false, conflict: true});
  expect((await store.get(profile.name))!.environments[0]!.cluster).toBe(environment.cluster);
});
