/**
 * `ecs-wizard import` into an application environment other services already use, with other values (another
 * cluster, network): never a silent change for them. Without a terminal it is refused (exit 2, naming the services
 * and the fields; nothing saved) unless --force, which saves and says what changed for whom; another --env keeps
 * them apart.
 */
import {PassThrough, Readable} from 'node:stream';
import {describe, expect, test} from 'vitest';
import {MemoryProfileStore} from '../../source/adapters/memory-profile-store.js';
import {main} from '../../source/cli.js';
import {testRoot} from '../helpers/fake-root.js';
import {PagingEcs, seedTaskDefinition} from '../helpers/paging-ecs.js';
import {fargateEnvironments, fargateJsonProfile} from '../helpers/profile-fixtures.js';

async function cli(argv: string[], parts: {ecs: PagingEcs; store: MemoryProfileStore}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const code = await main({
    argv,
    env: {CI: 'true'},
    io: {stdin: Readable.from([]), stdout, stderr},
    createRoot: () => testRoot({store: parts.store, ecs: parts.ecs, awsContext: {region: 'us-east-1'}}),
  });
  return {code, out, err};
}

async function world() {
  const ecs = new PagingEcs();
  ecs.register(seedTaskDefinition('shop-web-prod', 1));
  ecs.addService({
    cluster: 'prod',
    serviceName: 'web',
    taskDefinition: 'shop-web-prod:1',
    desiredCount: 2,
    launchType: 'FARGATE',
    networkConfiguration: {awsvpcConfiguration: {subnets: ['subnet-0aaa1111'], securityGroups: ['sg-0123abcd'], assignPublicIp: 'DISABLED'}},
  });
  // api already uses shop's production: another cluster and network.
  const store = new MemoryProfileStore([fargateJsonProfile({name: 'api', application: 'shop', environments: [fargateEnvironments()[1]!]})]);
  return {ecs, store};
}

const IMPORT = ['import', '--cluster', 'prod', '--service', 'web', '--as', 'web-prod', '--app', 'shop', '--env', 'production'];

describe('import into an environment other services use', () => {
  test('without a terminal: refused, naming the environment, the fields and the services; nothing is saved', async () => {
    const {ecs, store} = await world();
    const refused = await cli(IMPORT, {ecs, store});
    expect(refused.code).toBe(2);
    expect(refused.err).toContain(
      'importing service prod/web would change an environment other services use, for them too; nothing was saved:\n  environment production of application shop (cluster, network): used by api',
    );
    expect(refused.err).toContain('--force saves it and changes it for them; or import into another environment (--env NAME)');
    expect(await store.get('web-prod')).toBeUndefined();
    expect((await store.get('api'))?.environments[0]?.cluster).toBe('arn:aws:ecs:us-east-1:123456789012:cluster/web-production');
  });

  test('--force: saved; it says what changed, for which services, and what each now renders', async () => {
    const {ecs, store} = await world();
    const forced = await cli([...IMPORT, '--force'], {ecs, store});
    expect(forced.code).toBe(0);
    expect(forced.err).toContain('Changed environment production of application shop:');
    expect(forced.err).toContain('  (cluster, network)');
    expect(forced.err).toContain('Affects 1 service: api.');
    expect(forced.err).toContain('    ~ cluster: "web-production" → "prod"');
    expect((await store.get('api'))?.environments[0]?.cluster).toBe('prod');
    expect((await store.get('web-prod'))?.environments[0]?.cluster).toBe('prod');
  });

  test('another --env keeps them apart: nothing to ask', async () => {
    const {ecs, store} = await world();
    const apart = await cli([...IMPORT.slice(0, -1), 'production-web'], {ecs, store});
    expect(apart.code).toBe(0);
    expect(apart.err).not.toContain('Changed environment');
    expect((await store.get('api'))?.environments[0]?.cluster).toBe('arn:aws:ecs:us-east-1:123456789012:cluster/web-production');
    expect((await store.application('shop'))?.environments.map((environment) => environment.name)).toEqual(['production', 'production-web']);
  });
});
