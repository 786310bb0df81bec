/**
 * An application's artifact servers in both stores (store-state.ts with store-servers.ts): defined once, used by
 * services by name, changed for every service that uses one (and checked for each), refused while in use, adopted
 * from the services' own settings without changing a rendered byte; and the conf file keeps them across processes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, test} from 'vitest';
import {CONFIG_DIR_ENV, createConfProfileStore} from '../../source/adapters/conf-profile-store.js';
import {MemoryProfileStore} from '../../source/adapters/memory-profile-store.js';
import type {ArtifactServer} from '../../source/domain/artifact-servers.js';
import type {Profile} from '../../source/domain/model.js';
import {renderAndValidate} from '../../source/domain/render-and-validate.js';
import type {ProfileStore} from '../../source/ports/profile-store.js';
import {REGISTRY_KMS_KEY_ARN, REGISTRY_SECRET_ARN, fargateJsonProfile} from '../helpers/profile-fixtures.js';

const V3_FILE = path.join(import.meta.dirname, '../fixtures/stores/v3-five-applications.json');
const OTHER_SECRET = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:registry-creds-2-XyZabc';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-wizard-servers-'));
});
afterEach(() => fs.rmSync(dir, {recursive: true, force: true}));

const openStore = (): ProfileStore => createConfProfileStore({env: {[CONFIG_DIR_ENV]: dir}, version: '1.0.0'});

const TEAM: ArtifactServer = {
  name: 'team',
  registry: 'registry',
  host: 'registry.example.com:5000',
  username: 'deploy',
  credentialsSecretArn: REGISTRY_SECRET_ARN,
  kmsKeyArn: REGISTRY_KMS_KEY_ARN,
};

function service(name: string, server = 'team'): Profile {
  const profile = fargateJsonProfile({name, application: 'shop'});
  profile.service.artifact = {...profile.service.artifact, server};
  return profile;
}

describe.each<[string, () => ProfileStore]>([
  ['ConfProfileStore', openStore],
  ['MemoryProfileStore', () => new MemoryProfileStore()],
])('%s: artifact servers', (_name, create) => {
  test('a server defined once is used by two services; each comes back exactly as saved; apps show lists it with its services', async () => {
    const store = create();
    await store.addArtifactServer('shop', TEAM);
    await store.save(service('web'));
    await store.save(service('api'));
    expect(await store.get('web')).toEqual(service('web'));
    expect(await store.get('api')).toEqual(service('api'));
    const view = await store.application('shop');
    expect(view?.artifactServers).toEqual([{...TEAM, services: ['api', 'web']}]);
  });

  test('a saved profile that names a server the application lacks defines it; one whose registry differs is refused, nothing saved', async () => {
    const store = create();
    await store.save(service('web'));
    expect((await store.application('shop'))?.artifactServers).toEqual([{...TEAM, services: ['web']}]);
    const other = service('api');
    other.service.artifact.host = 'localhost:5000';
    await expect(store.save(other)).rejects.toThrow(
      `profile 'api' names the artifact server "team" of the application "shop", but its registry differs from it (host)`,
    );
    expect(await store.get('api')).toBeUndefined();
  });

  test('edit: every service that uses it gets the change, named; a change one service cannot take is refused naming it and its field', async () => {
    const store = create();
    await store.addArtifactServer('shop', TEAM);
    await store.save(service('web'));
    await store.save(service('api'));
    const change = await store.editArtifactServer('shop', 'team', (server) => ({...server, credentialsSecretArn: OTHER_SECRET}));
    expect(change).toEqual({application: 'shop', server: 'team', fields: ['credentialsSecretArn'], services: ['api', 'web']});
    expect((await store.get('web'))?.service.registryAuth).toEqual({credentialsSecretArn: OTHER_SECRET, kmsKeyArn: REGISTRY_KMS_KEY_ARN});
    await expect(
      store.editArtifactServer(
        'shop',
        'team',
        (server) => ({...server, host: 'localhost:5000'}),
        (profile) => {
          if (profile.name === 'web') throw new Error('web: refused by the check');
        },
      ),
    ).rejects.toThrow('web: refused by the check');
    expect((await store.get('web'))?.service.artifact.host).toBe('registry.example.com:5000');
    await expect(store.editArtifactServer('shop', 'team', (server) => ({...server, host: 'not a host'}))).rejects.toThrow(
      "the artifact server 'team' is not valid:\n  host:",
    );
  });

  test('rm: refused while a service uses it (naming them); removed once none does; unknown names are refused naming the others', async () => {
    const store = create();
    await store.addArtifactServer('shop', TEAM);
    await store.addArtifactServer('shop', {name: 'hub', registry: 'dockerhub', host: 'registry.hub.docker.com'});
    await store.save(service('web'));
    await expect(store.removeArtifactServer('shop', 'team')).rejects.toThrow(
      'the artifact server "team" of the application "shop" is used by the profile: web; nothing was removed',
    );
    await expect(store.removeArtifactServer('shop', 'tema')).rejects.toThrow("the application 'shop' has no artifact server named 'tema'");
    await store.removeArtifactServer('shop', 'hub');
    expect((await store.application('shop'))?.artifactServers.map((server) => server.name)).toEqual(['team']);
    await expect(store.addArtifactServer('shop', TEAM)).rejects.toThrow("the application 'shop' already has an artifact server named 'team'");
    await expect(store.addArtifactServer('shop', {name: 'bad name', registry: 'registry', host: 'localhost:5000'})).rejects.toThrow(
      '"bad name" is not a valid artifact server name',
    );
    await expect(store.addArtifactServer('shop', {name: 'k', registry: 'registry', host: 'localhost:5000', kmsKeyArn: REGISTRY_KMS_KEY_ARN})).rejects.toThrow(
      'a KMS key goes with a credentials secret',
    );
  });

  test('adopt: services keeping the same registry settings share one server; the rest keep theirs; nothing renders differently', async () => {
    const store = create();
    const own = (name: string): Profile => fargateJsonProfile({name, application: 'shop'});
    const other = own('batch');
    other.service.artifact.username = 'batch';
    for (const profile of [own('web'), own('api'), other]) await store.save(profile);
    const adopted = await store.adoptArtifactServers('shop');
    expect(adopted).toEqual([
      {...TEAM, name: 'registry.example.com-5000', services: ['api', 'web']},
      {...TEAM, name: 'registry.example.com-5000-2', username: 'batch', services: ['batch']},
    ]);
    for (const profile of [own('web'), own('api'), other]) {
      const now = (await store.get(profile.name))!;
      expect(now.service.artifact.server).toBeDefined();
      const {server: _server, ...artifact} = now.service.artifact;
      expect({...now, service: {...now.service, artifact}}).toEqual(profile);
    }
    expect(await store.adoptArtifactServers('shop')).toEqual([]);
  });
});

test('the conf file keeps the server once, in the application; the service keeps server, image and tag; a v3 store adopts without changing a render', async () => {
  const store = openStore();
  await store.addArtifactServer('shop', TEAM);
  await store.save(service('web'));
  const file = JSON.parse(fs.readFileSync(path.join(dir, 'profiles.json'), 'utf8'));
  expect(file.applications.shop.artifactServers).toEqual([TEAM]);
  expect(file.profiles.web.service.artifact).toEqual({server: 'team', image: 'team/web-api', tag: '1.4.2'});
  expect(file.profiles.web.service.registryAuth).toBeUndefined();
  expect(await openStore().get('web')).toEqual(service('web'));

  // A store the schema-3 release wrote: 55 profiles, 5 applications; each application adopts its registries.
  fs.copyFileSync(V3_FILE, path.join(dir, 'profiles.json'));
  const v3 = openStore();
  const before = await v3.list();
  for (const application of await v3.applications()) await v3.adoptArtifactServers(application.name);
  const after = await openStore().list();
  expect(after.map((profile) => profile.name)).toEqual(before.map((profile) => profile.name));
  let rendered = 0;
  for (const [index, was] of before.entries()) {
    const now = after[index]!;
    expect(now.service.artifact.server, now.name).toBeDefined();
    for (const environment of was.environments) {
      const a = renderAndValidate({profile: was, environment: environment.name});
      const b = renderAndValidate({profile: now, environment: environment.name});
      expect(JSON.stringify(b.taskDefinition)).toBe(JSON.stringify(a.taskDefinition));
      expect(JSON.stringify(b.service)).toBe(JSON.stringify(a.service));
      rendered += 1;
    }
  }
  expect(rendered).toBeGreaterThan(120);
  expect((await openStore().application('shop'))?.artifactServers.map((server) => [server.name, server.services.length])).toEqual([
    ['dockerhub', 6],
    ['registry.example.com-5000', 5],
  ]);
});
