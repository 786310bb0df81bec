/** `init --depends-on SERVICE`: saved as the service's dependsOn; an unknown service or a cycle is refused (exit 2), naming them. */
import {PassThrough, Readable} from 'node:stream';
import {describe, expect, test} from 'vitest';
import {MemoryProfileStore} from '../../source/adapters/memory-profile-store.js';
import {main} from '../../source/cli.js';
import {testRoot} from '../helpers/fake-root.js';
import {shopProfile} from '../helpers/app-fixtures.js';

async function init(store: MemoryProfileStore, service: string, ...extra: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let err = '';
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  stdout.resume();
  const argv = ['init', '--app', 'shop', '--service', service, '--name', `shop-${service}`, '--image', 'library/nginx', '--tag', 'stable'];
  argv.push(
    '--launch-type',
    'EC2',
    '--strategy',
    'DAEMON',
    '--memory-reservation',
    '128',
    '--port',
    '80',
    '--env',
    'dev',
    '--cluster',
    'dev-ec2',
    '--region',
    'us-east-1',
    '--yes',
    ...extra,
  );
  const code = await main({argv, env: {CI: 'true'}, io: {stdin: Readable.from([]), stdout, stderr}, createRoot: () => testRoot({store})});
  return {code, err};
}

describe('init --depends-on', () => {
  test('saved as dependsOn (repeatable, or a,b)', async () => {
    const store = new MemoryProfileStore();
    await store.save(shopProfile('db'));
    await store.save(shopProfile('cache'));
    const {code, err} = await init(store, 'api', '--depends-on', 'db', '--depends-on', 'cache,db');
    expect(err).not.toContain('ecs-wizard:');
    expect(code).toBe(0);
    expect((await store.get('shop-api'))!.service.dependsOn).toEqual(['db', 'cache']);
  });

  test('a service that is not one of the application is refused (exit 2), naming it and the services there are; nothing saved', async () => {
    const store = new MemoryProfileStore();
    await store.save(shopProfile('db'));
    const {code, err} = await init(store, 'api', '--depends-on', 'db,queue');
    expect(code).toBe(2);
    expect(err).toContain("--depends-on: service api depends on queue, which is not a service of application 'shop' (its services: db)");
    expect(await store.get('shop-api')).toBeUndefined();
  });

  test('a cycle is refused (exit 2), naming it', async () => {
    const store = new MemoryProfileStore();
    await store.save(shopProfile('db', ['api']));
    const {code, err} = await init(store, 'api', '--depends-on', 'db');
    expect(code).toBe(2);
    expect(err).toContain('--depends-on: dependency cycle: api → db → api');
  });

  test('itself, or a bad name: refused (exit 2)', async () => {
    const store = new MemoryProfileStore();
    expect((await init(store, 'api', '--depends-on', 'api')).err).toContain('--depends-on: service api cannot depend on itself');
    expect((await init(store, 'api', '--depends-on', 'a b')).err).toContain('"a b" is not a service name');
  });
});
