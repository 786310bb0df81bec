import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, test} from 'vitest';
import {CONFIG_DIR_ENV, createConfProfileStore} from '../../source/adapters/conf-profile-store.js';
import {ApplicationError, EnvironmentInUseError, InvalidProfileError, MemoryProfileStore} from '../../source/adapters/memory-profile-store.js';
import type {Profile} from '../../source/domain/model.js';
import {migrateStoreDocument} from '../../source/domain/profile-schema/store-document.js';
import {resolveProfile} from '../../source/domain/applications.js';
import type {ProfileStore} from '../../source/ports/profile-store.js';
import {fargateJsonProfile} from '../helpers/profile-fixtures.js';

const V3_FILE = path.join(import.meta.dirname, '../fixtures/stores/v3-five-applications.json');

let dir: string;
let file: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-wizard-apps-'));
  file = path.join(dir, 'profiles.json');
});
afterEach(() => {
  fs.rmSync(dir, {recursive: true, force: true});
});

const openStore = (notice?: (message: string) => void): ProfileStore =>
  createConfProfileStore({env: {[CONFIG_DIR_ENV]: dir}, version: '1.0.0', ...(notice === undefined ? {} : {notice})});

/** Three services of one application: web and api share staging and production, worker uses staging only. */
function shop(): Profile[] {
  const web = fargateJsonProfile({name: 'web', application: 'shop'});
  const api = fargateJsonProfile({name: 'api', application: 'shop'});
  api.environments[0]!.overrides = {logLevel: 'trace'};
  const worker = fargateJsonProfile({name: 'worker', application: 'shop', runs: []});
  worker.environments = [worker.environments[0]!];
  return [web, api, worker];
}

describe.each<[string, () => ProfileStore]>([
  ['ConfProfileStore', () => openStore()],
  ['MemoryProfileStore', () => new MemoryProfileStore()],
])('%s: applications and their environments', (_name, create) => {
  test('profiles sharing an environment come back as saved; the application lists its environments and who uses them', async () => {
    const store = create();
    for (const profile of shop()) expect(await store.save(profile)).toEqual([]);
    for (const profile of shop()) expect(await store.get(profile.name)).toEqual(profile);
    expect(await store.list()).toEqual(shop().sort((a, b) => a.name.localeCompare(b.name)));
    const view = await store.application('shop');
    expect(view?.environments.map((environment) => [environment.name, environment.services])).toEqual([
      ['staging', ['api', 'web', 'worker']],
      ['production', ['api', 'web']],
    ]);
    expect(view?.services).toEqual([
      {profile: 'api', service: 'web-api', environments: ['staging', 'production']},
      {profile: 'web', service: 'web-api', environments: ['staging', 'production']},
      {profile: 'worker', service: 'web-api', environments: ['staging']},
    ]);
    expect((await store.applications()).map((application) => application.name)).toEqual(['shop']);
  });

  test("a service's own auto scaling and capacity strategy in a shared environment stay that service's", async () => {
    const store = create();
    const [web, api] = shop();
    web!.environments[1]!.autoScaling = {minCount: 3, maxCount: 20, policies: [{metric: 'cpu', target: 60}]};
    web!.environments[0]!.capacityProviderStrategy = [{capacityProvider: 'FARGATE_SPOT', weight: 1}];
    expect(await store.save(web!)).toEqual([]);
    expect(await store.save(api!)).toEqual([]);
    expect(await store.get('web')).toEqual(web);
    // api shares both environments and has neither.
    expect(await store.get('api')).toEqual(api);
    expect((await store.get('api'))!.environments[1]).not.toHaveProperty('autoScaling');
  });

  test("saving a profile whose environment differs changes the application's environment for every service, and says so", async () => {
    const store = create();
    for (const profile of shop()) await store.save(profile);
    const web = shop()[0]!;
    web.environments[0]!.cluster = 'staging-blue';
    expect(await store.environmentChanges(web)).toEqual([{application: 'shop', environment: 'staging', fields: ['cluster'], services: ['api', 'worker']}]);
    expect(await store.save(web, {overwrite: true})).toEqual([{application: 'shop', environment: 'staging', fields: ['cluster'], services: ['api', 'worker']}]);
    expect((await store.get('worker'))?.environments[0]?.cluster).toBe('staging-blue');
    // The service's own overrides are its own.
    expect((await store.get('api'))?.environments[0]?.overrides).toEqual({logLevel: 'trace'});
  });

  test('editEnvironment: one change for all its services, validated; addEnvironment and removeEnvironment', async () => {
    const store = create();
    for (const profile of shop()) await store.save(profile);
    const change = await store.editEnvironment('shop', 'production', (environment) => ({
      ...environment,
      network: {...environment.network!, subnets: ['subnet-0feed']},
    }));
    expect(change).toEqual({application: 'shop', environment: 'production', fields: ['network'], services: ['api', 'web']});
    expect((await store.get('web'))?.environments[1]?.network?.subnets).toEqual(['subnet-0feed']);
    await expect(store.editEnvironment('shop', 'production', (environment) => ({...environment, region: 'nowhere'}))).rejects.toThrow(InvalidProfileError);
    expect((await store.get('web'))?.environments[1]?.region).toBe('us-east-1');

    await store.addEnvironment('shop', {name: 'qa', region: 'eu-west-1', cluster: 'qa', launchType: 'FARGATE'});
    await expect(store.addEnvironment('shop', {name: 'qa', region: 'eu-west-1', cluster: 'qa', launchType: 'FARGATE'})).rejects.toThrow(ApplicationError);
    const error = await store.removeEnvironment('shop', 'production').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EnvironmentInUseError);
    expect((error as Error).message).toBe('the environment "production" of the application "shop" is used by 2 profiles: api, web; nothing was removed');
    await store.removeEnvironment('shop', 'qa');
    expect((await store.application('shop'))?.environments.map((environment) => environment.name)).toEqual(['staging', 'production']);
    await expect(store.removeEnvironment('shop', 'qa')).rejects.toThrow("the application 'shop' has no environment named 'qa'");
  });

  test('renameApplication moves its profiles; removeApplication removes them; both refuse what is not there', async () => {
    const store = create();
    for (const profile of shop()) await store.save(profile);
    await store.save(fargateJsonProfile({name: 'other', application: 'blog'}));
    await expect(store.renameApplication('shop', 'blog')).rejects.toThrow("an application named 'blog' exists");
    await store.renameApplication('shop', 'store');
    expect((await store.get('web'))?.application).toBe('store');
    expect((await store.applications()).map((application) => application.name)).toEqual(['blog', 'store']);
    expect(await store.removeApplication('store')).toEqual(['api', 'web', 'worker']);
    expect((await store.list()).map((profile) => profile.name)).toEqual(['other']);
    await expect(store.removeApplication('store')).rejects.toThrow("no application named 'store'");
  });
});

describe('ConfProfileStore: a store written by the schema-3 release', () => {
  test('read migrated; written at schema 4 on the first write, the old file kept as profiles.json.v3.bak; every profile as before', async () => {
    const text = fs.readFileSync(V3_FILE, 'utf8');
    fs.writeFileSync(file, text);
    const notices: string[] = [];
    const store = openStore((message) => notices.push(message));
    const migrated = migrateStoreDocument(JSON.parse(text)).document!;
    const expected = Object.values(migrated.profiles).map((stored) => {
      const result = resolveProfile(stored, migrated.applications[stored.application]);
      if (!('profile' in result)) throw new Error('does not resolve');
      return result.profile;
    });
    expect(await store.list()).toEqual(expected);
    expect(fs.readFileSync(file, 'utf8')).toBe(text);

    await store.editEnvironment('shop', 'dev', (environment) => ({...environment, cluster: 'shop-dev-2'}));
    expect(fs.readFileSync(path.join(dir, 'profiles.json.v3.bak'), 'utf8')).toBe(text);
    expect(fs.statSync(path.join(dir, 'profiles.json.v3.bak')).mode & 0o777).toBe(0o600);
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).schemaVersion).toBe(4);
    expect(notices[0]).toBe(`the profile store ${file} now keeps applications (schema 4); the file as it was is kept beside it as profiles.json.v3.bak`);
    expect(notices).toContain(
      'application "payments": environment "staging" of payments-3, payments-7 is now "staging-3" (its cluster differs from "staging-2")',
    );
    // A fresh store (the index) reads the same profiles, with the one change.
    const after = await openStore().list();
    expect(after).toHaveLength(55);
    const changed = expected.map((profile) =>
      profile.application === 'shop'
        ? {
            ...profile,
            environments: profile.environments.map((environment) => (environment.name === 'dev' ? {...environment, cluster: 'shop-dev-2'} : environment)),
          }
        : profile,
    );
    expect(after).toEqual(changed);
    for (const profile of changed) expect(await openStore().get(profile.name)).toEqual(profile);
  });

  test('writers racing on environments and profiles of one application all land (the lock)', async () => {
    const seed = openStore();
    for (const profile of shop()) await seed.save(profile);
    await Promise.all([
      openStore().editEnvironment('shop', 'staging', (environment) => ({...environment, cluster: 'blue'})),
      openStore().addEnvironment('shop', {name: 'qa', region: 'us-east-1', cluster: 'qa', launchType: 'EC2'}),
      openStore().save(fargateJsonProfile({name: 'cart', application: 'shop', runs: [], environments: [shop()[2]!.environments[0]!]})),
      openStore().editEnvironment('shop', 'production', (environment) => ({...environment, executionRoleArn: 'arn:aws:iam::123456789012:role/other'})),
      openStore().addEnvironment('shop', {name: 'perf', region: 'us-east-1', cluster: 'perf', launchType: 'EC2'}),
    ]);
    const view = await openStore().application('shop');
    expect(view?.environments.map((environment) => environment.name).sort()).toEqual(['perf', 'production', 'qa', 'staging']);
    // cart was saved with the old staging values (and no production): whichever came last won, and every profile agrees.
    const clusters = new Set((await openStore().list()).map((profile) => profile.environments[0]?.cluster));
    expect(clusters.size).toBe(1);
    expect((await openStore().get('web'))?.environments[1]?.executionRoleArn).toBe('arn:aws:iam::123456789012:role/other');
    expect(fs.readdirSync(dir).sort()).toEqual(['profiles.json', 'profiles.json.index']);
  });
});
