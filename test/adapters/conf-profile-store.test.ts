import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, test} from 'vitest';
import {CONFIG_DIR_ENV, type ConfProfileStore, createConfProfileStore, profileStoreDirectory} from '../../source/adapters/conf-profile-store.js';
import {InvalidProfileError, MemoryProfileStore, ProfileExistsError, ProfileNotFoundError} from '../../source/adapters/memory-profile-store.js';
import {MAX_RUNS, type Profile} from '../../source/domain/model.js';
import {profileSummary} from '../../source/domain/profile-summary.js';
import {storeDocumentOfProfiles} from '../../source/domain/profile-schema/store-document.js';
import {InputError, StoreError} from '../../source/errors.js';
import type {ProfileStore} from '../../source/ports/profile-store.js';
import {FARGATE_CONTAINER_JSON, ec2FormProfile, fargateJsonProfile, fargateRuns} from '../helpers/profile-fixtures.js';

const NOW = Date.UTC(2025, 2, 1, 12, 0, 0, 123);
const STAMP = '2025-03-01T12-00-00-123Z';

let dir: string;
let file: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-wizard-store-'));
  file = path.join(dir, 'profiles.json');
});

afterEach(() => {
  fs.rmSync(dir, {recursive: true, force: true});
});

const openStore = (now: () => number = () => NOW): ConfProfileStore => createConfProfileStore({env: {[CONFIG_DIR_ENV]: dir}, now});

const fileText = (profiles: Profile[]): string => `${JSON.stringify(storeDocumentOfProfiles(profiles), undefined, 2)}\n`;
const modeOf = (target: string): number => fs.statSync(target).mode & 0o777;
const filesIn = (folder: string): string[] => fs.readdirSync(folder).sort();

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

async function storeError(promise: Promise<unknown>): Promise<StoreError> {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(StoreError);
  return error as StoreError;
}

// ---------------------------------------------------------------------------------------------------
// The contract both stores keep

describe.each<[string, () => ProfileStore]>([
  ['ConfProfileStore', () => openStore()],
  ['MemoryProfileStore', () => new MemoryProfileStore()],
])('%s: the ProfileStore contract', (_name, create) => {
  test('an empty store lists nothing and gets nothing', async () => {
    const store = create();
    expect(await store.list()).toEqual([]);
    expect(await store.get('web-api')).toBeUndefined();
    expect(await store.remove('web-api')).toBe(false);
  });

  test('round trip: saved profiles come back equal, listed by name', async () => {
    const store = create();
    await store.save(fargateJsonProfile());
    await store.save(ec2FormProfile());
    await store.save(ec2FormProfile({name: 'Alpha'}));
    expect((await store.list()).map((profile) => profile.name)).toEqual(['Alpha', 'nginx-ec2', 'web-api']);
    expect(await store.get('web-api')).toEqual(fargateJsonProfile());
    expect(await store.get('nginx-ec2')).toEqual(ec2FormProfile());
  });

  test('summaries: what a list shows of each profile, by name', async () => {
    const store = create();
    await store.save(fargateJsonProfile());
    await store.save(ec2FormProfile({name: 'Alpha'}));
    expect(await store.summaries()).toEqual([profileSummary(ec2FormProfile({name: 'Alpha'})), profileSummary(fargateJsonProfile())]);
    await store.rename('Alpha', 'omega');
    await store.remove('web-api');
    expect(await store.summaries()).toEqual([profileSummary(ec2FormProfile({name: 'omega'}))]);
  });

  test('what get returns is a copy', async () => {
    const store = create();
    await store.save(fargateJsonProfile());
    const first = await store.get('web-api');
    first!.service.variables.logLevel = 'changed';
    expect((await store.get('web-api'))?.service.variables.logLevel).toBe('info');
  });

  test('save refuses to replace without overwrite, and replaces with it', async () => {
    const store = create();
    await store.save(fargateJsonProfile());
    const error = await rejection(store.save(fargateJsonProfile({application: 'Other'})));
    expect(error).toBeInstanceOf(ProfileExistsError);
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({profileName: 'web-api', exitCode: 2, message: "a profile named 'web-api' exists"});
    expect(error.message).not.toContain('--force');
    expect((await store.get('web-api'))?.application).toBe('ECS Demo Application');
    await store.save(fargateJsonProfile({application: 'Other'}), {overwrite: true});
    expect((await store.get('web-api'))?.application).toBe('Other');
  });

  test('save refuses an invalid profile with located issues', async () => {
    const store = create();
    const profile = fargateJsonProfile();
    (profile.service.artifact as {registry: string}).registry = 'docker';
    const error = await rejection(store.save(profile));
    expect(error).toBeInstanceOf(InvalidProfileError);
    expect(error.message).toBe(
      `profile 'web-api' is not valid:\n  service.artifact.registry: registry must be one of "dockerhub", "registry", "ecr"; got "docker"`,
    );
    expect((error as InvalidProfileError).issues).toHaveLength(1);
    expect(await store.list()).toEqual([]);
  });

  test('save refuses credentials', async () => {
    const store = create();
    const profile = fargateJsonProfile();
    profile.environments[0]!.overrides.DB_PASSWORD = 'hunter2';
    const error = await rejection(store.save(profile));
    expect(error).toBeInstanceOf(InvalidProfileError);
    expect(error.message).toContain('environments[0].overrides.DB_PASSWORD: "DB_PASSWORD" looks like a credential; credentials are never stored in a profile');
    expect((error as InvalidProfileError).hint).toContain('Secrets Manager');
    expect(await store.list()).toEqual([]);
  });

  test(`the run history is capped to the newest ${MAX_RUNS}`, async () => {
    const store = create();
    const runs = Array.from({length: MAX_RUNS + 3}, (_, index) => ({...fargateRuns()[0]!, revision: index + 1}));
    await store.save(fargateJsonProfile({runs}));
    const saved = await store.get('web-api');
    expect(saved?.runs).toHaveLength(MAX_RUNS);
    expect(saved?.runs[0]?.revision).toBe(4);
    expect(saved?.runs.at(-1)?.revision).toBe(MAX_RUNS + 3);
  });

  test('remove removes one profile', async () => {
    const store = create();
    await store.save(fargateJsonProfile());
    await store.save(ec2FormProfile());
    expect(await store.remove('web-api')).toBe(true);
    expect(await store.remove('web-api')).toBe(false);
    expect((await store.list()).map((profile) => profile.name)).toEqual(['nginx-ec2']);
  });

  test('rename moves the profile and its name', async () => {
    const store = create();
    await store.save(fargateJsonProfile());
    await store.rename('web-api', 'web-api-2');
    expect(await store.get('web-api')).toBeUndefined();
    expect(await store.get('web-api-2')).toEqual(fargateJsonProfile({name: 'web-api-2'}));
    await store.rename('web-api-2', 'web-api-2');
    expect((await store.list()).map((profile) => profile.name)).toEqual(['web-api-2']);
  });

  test('rename refuses a missing source, a taken target and an invalid name', async () => {
    const store = create();
    await store.save(fargateJsonProfile());
    await store.save(ec2FormProfile());
    expect(await rejection(store.rename('nope', 'x'))).toMatchObject({name: 'ProfileNotFoundError', profileName: 'nope', message: "no profile named 'nope'"});
    expect(await rejection(store.rename('nope', 'x'))).toBeInstanceOf(ProfileNotFoundError);
    const taken = await rejection(store.rename('web-api', 'nginx-ec2'));
    expect(taken).toBeInstanceOf(ProfileExistsError);
    expect(taken).toMatchObject({profileName: 'nginx-ec2'});
    const invalid = await rejection(store.rename('web-api', 'web api'));
    expect(invalid).toBeInstanceOf(InvalidProfileError);
    expect(invalid.message).toContain('"web api" is not a valid profile name');
    expect((await store.list()).map((profile) => profile.name)).toEqual(['nginx-ec2', 'web-api']);
  });

  test('update: one profile changed from what is stored now; nothing for a missing one or an unchanged answer; validated; no rename', async () => {
    const store = create();
    await store.save(fargateJsonProfile());
    const seen: string[] = [];
    const saved = await store.update('web-api', (profile) => {
      seen.push(profile.application);
      return {...profile, application: 'Shop'};
    });
    expect(saved?.application).toBe('Shop');
    expect((await store.get('web-api'))?.application).toBe('Shop');
    expect(seen).toEqual(['ECS Demo Application']);
    expect(await store.update('nope', (profile) => profile)).toBeUndefined();
    expect(await store.update('web-api', () => undefined)).toBeUndefined();
    expect(await rejection(store.update('web-api', (profile) => ({...profile, application: ''})))).toBeInstanceOf(InvalidProfileError);
    await expect(store.update('web-api', (profile) => ({...profile, name: 'other'}))).rejects.toThrow('may not rename it');
    expect(await store.get('web-api')).toEqual({...fargateJsonProfile(), application: 'Shop'});
  });

  test('names of Object.prototype members are not profiles unless saved', async () => {
    const store = create();
    expect(await store.get('constructor')).toBeUndefined();
    expect(await store.get('toString')).toBeUndefined();
    expect(await store.remove('hasOwnProperty')).toBe(false);
    await store.save(ec2FormProfile({name: 'constructor'}));
    expect(await store.get('constructor')).toEqual(ec2FormProfile({name: 'constructor'}));
  });
});

// ---------------------------------------------------------------------------------------------------
// The file

describe('ConfProfileStore: location', () => {
  test('ECS_WIZARD_CONFIG_DIR relocates the store, creating the folder', async () => {
    const nested = path.join(dir, 'a', 'b');
    const store = createConfProfileStore({env: {[CONFIG_DIR_ENV]: nested}});
    expect(store.path).toBe(path.join(nested, 'profiles.json'));
    await store.save(ec2FormProfile());
    expect(filesIn(nested)).toEqual(['profiles.json', 'profiles.json.index']);
  });

  test.each<[string, Parameters<typeof profileStoreDirectory>[0], string]>([
    ['the variable wins', {env: {ECS_WIZARD_CONFIG_DIR: '/srv/wizard', XDG_CONFIG_HOME: '/x'}, platform: 'linux', homedir: '/home/u'}, '/srv/wizard'],
    ['a relative variable is resolved', {env: {ECS_WIZARD_CONFIG_DIR: 'rel'}, platform: 'linux', homedir: '/home/u'}, path.resolve('rel')],
    ['an empty variable is ignored', {env: {ECS_WIZARD_CONFIG_DIR: ''}, platform: 'linux', homedir: '/home/u'}, '/home/u/.config/ecs-wizard'],
    ['XDG_CONFIG_HOME on Linux', {env: {XDG_CONFIG_HOME: '/cfg'}, platform: 'linux', homedir: '/home/u'}, '/cfg/ecs-wizard'],
    ['~/.config on Linux', {env: {}, platform: 'linux', homedir: '/home/u'}, '/home/u/.config/ecs-wizard'],
    ['macOS', {env: {}, platform: 'darwin', homedir: '/Users/u'}, '/Users/u/Library/Preferences/ecs-wizard'],
    ['Windows', {env: {APPDATA: '/appdata'}, platform: 'win32', homedir: '/u'}, path.join('/appdata', 'ecs-wizard', 'Config')],
  ])('store folder: %s', (_name, options, expected) => {
    expect(profileStoreDirectory(options)).toBe(expected);
  });

  test('conf is imported lazily (no value import at the top of the module)', () => {
    const source = fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'source', 'adapters', 'conf-profile-store.ts'), 'utf8');
    expect(source).toMatch(/^import type Conf from 'conf';$/m);
    expect(source).not.toMatch(/^import (?!type )[^;]*from 'conf';$/m);
    expect(source).toContain("await import('conf')");
  });
});

describe('ConfProfileStore: the file on disk', () => {
  test('a missing file is an empty store, and reading does not create it', async () => {
    expect(await openStore().list()).toEqual([]);
    expect(fs.existsSync(file)).toBe(false);
  });

  test('the file holds the versioned document, 2-space JSON, and nothing else is left in the folder', async () => {
    const store = openStore();
    await store.save(fargateJsonProfile());
    await store.save(ec2FormProfile());
    // The application's environments in the order they were first saved: web-api's, then nginx-ec2's.
    expect(fs.readFileSync(file, 'utf8')).toBe(fileText([fargateJsonProfile(), ec2FormProfile()]));
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({
      schemaVersion: 4,
      applications: {'ECS Demo Application': {name: 'ECS Demo Application'}},
      profiles: {'nginx-ec2': {}, 'web-api': {}},
    });
    expect(filesIn(dir)).toEqual(['profiles.json', 'profiles.json.index']);
  });

  test('the file is created with mode 0600', async () => {
    await openStore().save(ec2FormProfile());
    expect(modeOf(file)).toBe(0o600);
  });

  test('an existing 0644 file is tightened to 0600 on the next write', async () => {
    fs.writeFileSync(file, fileText([ec2FormProfile()]));
    fs.chmodSync(file, 0o644);
    const store = openStore();
    expect(await store.list()).toEqual([ec2FormProfile()]);
    expect(modeOf(file)).toBe(0o644);
    await store.save(fargateJsonProfile());
    expect(modeOf(file)).toBe(0o600);
    expect(fs.readFileSync(file, 'utf8')).toBe(fileText([ec2FormProfile(), fargateJsonProfile()]));
  });

  test('two stores on one folder see each other’s writes', async () => {
    const first = openStore();
    const second = openStore();
    expect(await second.list()).toEqual([]);
    await first.save(fargateJsonProfile());
    expect(await second.get('web-api')).toEqual(fargateJsonProfile());
    await second.save(ec2FormProfile());
    await second.remove('web-api');
    expect((await first.list()).map((profile) => profile.name)).toEqual(['nginx-ec2']);
    await expect(first.save(ec2FormProfile())).rejects.toBeInstanceOf(ProfileExistsError);
  });

  test('a refused save leaves the file as it was', async () => {
    const store = openStore();
    await store.save(fargateJsonProfile());
    const before = fs.readFileSync(file);
    const profile = ec2FormProfile();
    profile.service.variables.apiKey = 'k-123';
    await expect(store.save(profile)).rejects.toBeInstanceOf(InvalidProfileError);
    await expect(store.save(fargateJsonProfile())).rejects.toBeInstanceOf(ProfileExistsError);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});

describe('ConfProfileStore: concurrent writers and the lock', () => {
  const named = (name: string): Profile => ({...fargateJsonProfile(), name});

  test('30 writers at once: every profile is saved, and no lock is left behind', async () => {
    const names = Array.from({length: 30}, (_, index) => `svc-${String(index).padStart(2, '0')}`);
    await Promise.all(names.map((name) => openStore().save(named(name))));
    expect((await openStore().list()).map((profile) => profile.name)).toEqual(names);
    expect(filesIn(dir)).toEqual(['profiles.json', 'profiles.json.index']);
  });

  test('saves, removes and renames racing on one folder all land', async () => {
    const seed = openStore();
    for (const name of ['a', 'b', 'c', 'd']) await seed.save(named(name));
    await Promise.all([
      openStore().remove('a'),
      openStore().rename('b', 'b2'),
      openStore().save(named('e')),
      openStore().remove('c'),
      openStore().save(named('f')),
    ]);
    expect((await openStore().list()).map((profile) => profile.name)).toEqual(['b2', 'd', 'e', 'f']);
  });

  test('updates racing on one profile (and saves of others) all land: each change sees the one before', async () => {
    await openStore().save({...named('web'), runs: []});
    const stamp =
      (index: number) =>
      (profile: Profile): Profile => ({
        ...profile,
        service: {...profile.service, variables: {...profile.service.variables, [`v${index}`]: String(index)}},
      });
    await Promise.all([...Array.from({length: 10}, (_, index) => openStore().update('web', stamp(index))), openStore().save(named('other'))]);
    const web = (await openStore().get('web'))!;
    expect(
      Object.keys(web.service.variables)
        .filter((name) => name.startsWith('v'))
        .sort(),
    ).toEqual(Array.from({length: 10}, (_, index) => `v${index}`).sort());
    expect((await openStore().list()).map((profile) => profile.name)).toEqual(['other', 'web']);
  });

  test('a lock left by a process that died (not refreshed for a minute) is taken over', async () => {
    const lock = `${file}.lock`;
    fs.mkdirSync(lock);
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(lock, old, old);
    await openStore().save(named('after-crash'));
    expect((await openStore().list()).map((profile) => profile.name)).toEqual(['after-crash']);
    expect(fs.existsSync(lock)).toBe(false);
  });

  test('a wait for a held lock is not silent: the notice says what it waits for, then the save goes through', async () => {
    const {default: lockfile} = await import('proper-lockfile');
    const release = await lockfile.lock(file, {realpath: false, lockfilePath: `${file}.lock`});
    let released = false;
    const notices: string[] = [];
    const store = createConfProfileStore({
      env: {[CONFIG_DIR_ENV]: dir},
      now: () => NOW,
      lockNoticeMs: 0,
      lockRetries: {retries: 1000, factor: 1, minTimeout: 1, maxTimeout: 1},
      // The lock is released only once the notice was given: the notice came during the wait.
      notice: (message) => {
        notices.push(message);
        if (!released) {
          released = true;
          void release();
        }
      },
    });
    await store.save(named('after-wait'));
    expect(notices).toEqual([
      `waiting for the profile store's lock (${file}.lock): another ecs-wizard is writing; a lock left by one that stopped is taken over after 10 s`,
    ]);
    expect((await openStore().list()).map((profile) => profile.name)).toEqual(['after-wait']);
  });

  test('a lock held by a live writer: after the bounded wait, a StoreError says so and nothing is written', async () => {
    const {default: lockfile} = await import('proper-lockfile');
    const release = await lockfile.lock(file, {realpath: false, lockfilePath: `${file}.lock`});
    try {
      const store = createConfProfileStore({env: {[CONFIG_DIR_ENV]: dir}, now: () => NOW, lockRetries: {retries: 2, factor: 1, minTimeout: 1, maxTimeout: 1}});
      const error = await storeError(store.save(named('blocked')));
      expect(error.message).toMatch(/is busy: another ecs-wizard has held its lock .*profiles\.json\.lock.*Nothing was written/);
      expect(fs.existsSync(file)).toBe(false);
    } finally {
      await release();
    }
  });
});

describe('ConfProfileStore: folder permissions', () => {
  test('a relocated folder that does not exist is created 0700', async () => {
    const inner = path.join(dir, 'nested', 'store');
    await createConfProfileStore({env: {[CONFIG_DIR_ENV]: inner}}).save(ec2FormProfile());
    expect(modeOf(inner)).toBe(0o700);
    expect(modeOf(path.join(inner, 'profiles.json'))).toBe(0o600);
  });

  test('ecs-wizard’s own folder, if looser than 0700, is tightened with a notice', async () => {
    const own = path.join(dir, 'ecs-wizard');
    fs.mkdirSync(own, {mode: 0o755});
    fs.chmodSync(own, 0o755);
    const notices: string[] = [];
    const store = createConfProfileStore({env: {XDG_CONFIG_HOME: dir}, platform: 'linux', homedir: dir, notice: (message) => notices.push(message)});
    await store.save(ec2FormProfile());
    expect(modeOf(own)).toBe(0o700);
    expect(notices).toEqual([`the profile store's folder ${own} was readable by others (mode 0755); it is now 0700`]);
  });

  test('a folder named by ECS_WIZARD_CONFIG_DIR is not tightened (it may be shared on purpose)', async () => {
    fs.chmodSync(dir, 0o755);
    const notices: string[] = [];
    await createConfProfileStore({env: {[CONFIG_DIR_ENV]: dir}, notice: (message) => notices.push(message)}).save(ec2FormProfile());
    expect(modeOf(dir)).toBe(0o755);
    expect(notices).toEqual([]);
  });
});

describe('ConfProfileStore: a broken file is never reset', () => {
  const truncated = (): string => {
    const text = fileText([fargateJsonProfile()]);
    return text.slice(0, text.indexOf('"launchType"'));
  };

  test('a truncated file: StoreError with the path, line and column; the original kept; a backup made; writes refused', async () => {
    const text = truncated();
    fs.writeFileSync(file, text);
    const lines = text.split('\n');
    const store = openStore();
    const error = await storeError(store.list());
    expect(error.path).toBe(file);
    expect(error.exitCode).toBe(2);
    const backup = path.join(dir, `profiles.json.corrupt-${STAMP}.bak`);
    expect(error.backupPath).toBe(backup);
    // The middle is the JSON parser's own wording (domain/json-text.ts).
    expect(error.message.startsWith(`the profile store ${file} is not valid JSON: `)).toBe(true);
    expect(
      error.message.endsWith(` at line ${lines.length}, column ${(lines.at(-1)?.length ?? 0) + 1}. The file was left as it is; a copy was kept as ${backup}.`),
    ).toBe(true);
    expect(error.hint).toBe('repair the file (or restore a copy), or move it away to start with an empty store');
    expect(fs.readFileSync(backup, 'utf8')).toBe(text);
    expect(modeOf(backup)).toBe(0o600);
    await expect(store.save(ec2FormProfile())).rejects.toBeInstanceOf(StoreError);
    await expect(store.remove('web-api')).rejects.toBeInstanceOf(StoreError);
    await expect(store.rename('web-api', 'x')).rejects.toBeInstanceOf(StoreError);
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
    expect(filesIn(dir)).toEqual(['profiles.json', `profiles.json.corrupt-${STAMP}.bak`]);
  });

  test('a file broken after the store was opened: same error; one backup per distinct content', async () => {
    let now = NOW;
    const store = openStore(() => now);
    await store.save(fargateJsonProfile());
    fs.writeFileSync(file, '{"schemaVersion": 2, "profiles": {');
    const first = await storeError(store.get('web-api'));
    expect(first.message).toContain('is not valid JSON');
    expect(first.message).toContain('at line 1, column 35');
    now += 1000;
    const again = await storeError(openStore(() => now).save(ec2FormProfile()));
    expect(again.backupPath).toBe(first.backupPath);
    fs.writeFileSync(file, '{"schemaVersion": 2,');
    const other = await storeError(store.list());
    expect(other.backupPath).toBe(path.join(dir, 'profiles.json.corrupt-2025-03-01T12-00-01-123Z.bak'));
    expect(filesIn(dir)).toEqual(
      [
        'profiles.json',
        'profiles.json.index',
        'profiles.json.corrupt-2025-03-01T12-00-00-123Z.bak',
        'profiles.json.corrupt-2025-03-01T12-00-01-123Z.bak',
      ].sort(),
    );
  });

  test('an empty file is broken too', async () => {
    fs.writeFileSync(file, '');
    const error = await storeError(openStore().list());
    expect(error.message).toMatch(/is not valid JSON: .* at line 1, column 1\./);
    expect(error.backupPath).toBe(path.join(dir, `profiles.json.corrupt-${STAMP}.bak`));
    expect(fs.readFileSync(file, 'utf8')).toBe('');
  });

  test('a schema-violating file: StoreError naming the file and the field; backup; writes refused', async () => {
    const text = fileText([fargateJsonProfile()]).replace('"registry": "registry"', '"registry": "docker"');
    fs.writeFileSync(file, text);
    const store = openStore();
    const error = await storeError(store.list());
    const backup = path.join(dir, `profiles.json.corrupt-${STAMP}.bak`);
    expect(error.message).toBe(
      `the profile store ${file} does not match the profile schema: profiles.web-api.service.artifact.registry: registry must be one of "dockerhub", "registry", "ecr"; got "docker". The file was left as it is; a copy was kept as ${backup}.`,
    );
    expect(error.backupPath).toBe(backup);
    expect(fs.readFileSync(backup, 'utf8')).toBe(text);
    await expect(store.save(ec2FormProfile())).rejects.toBeInstanceOf(StoreError);
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
  });

  test('the first three problems are listed, then a count', async () => {
    const broken = {
      schemaVersion: 2,
      profiles: {'web-api': {...fargateJsonProfile(), application: '', createdAt: 'yesterday', updatedAt: 'today', runs: 'none'}},
    };
    fs.writeFileSync(file, JSON.stringify(broken));
    const error = await storeError(openStore().list());
    expect(error.message).toContain(
      'does not match the profile schema: profiles.web-api.application: application is empty; profiles.web-api.runs: runs must be a list; got "none"; profiles.web-api.createdAt: createdAt must be an ISO-8601 date-time such as 2025-03-01T10:00:00.000Z; got "yesterday"; and 1 more.',
    );
  });

  test('a credential found in the file is a schema problem, and the secret is not repeated', async () => {
    const profile = JSON.parse(JSON.stringify(fargateJsonProfile()));
    profile.service.variables.awsKeyId = 'AKIAIOSFODNN7EXAMPLE';
    fs.writeFileSync(file, JSON.stringify({schemaVersion: 2, profiles: {'web-api': profile}}));
    const error = await storeError(openStore().list());
    expect(error.message).toContain('profiles.web-api.service.variables.awsKeyId: awsKeyId holds what looks like an AWS access key id (AKIA…)');
    expect(error.message).not.toContain('AKIAIOSFODNN7EXAMPLE');
  });

  test('a top level that is not an object', async () => {
    fs.writeFileSync(file, '[]');
    const error = await storeError(openStore().list());
    expect(error.message).toContain('does not match the profile schema: (top level): the profile store must be an object; got an array.');
    expect(fs.readFileSync(file, 'utf8')).toBe('[]');
  });

  test('a file holding {} is not taken for an empty store: StoreError saying what was found; backup; writes refused', async () => {
    fs.writeFileSync(file, '{}\n');
    const store = openStore();
    const error = await storeError(store.list());
    const backup = path.join(dir, `profiles.json.corrupt-${STAMP}.bak`);
    expect(error.message).toBe(
      `the profile store ${file} does not match the profile schema: (top level): the file holds an empty JSON object ({}), not a profile store: schemaVersion and profiles are missing. The file was left as it is; a copy was kept as ${backup}.`,
    );
    expect(error.backupPath).toBe(backup);
    expect(fs.readFileSync(backup, 'utf8')).toBe('{}\n');
    await expect(store.save(ec2FormProfile())).rejects.toBeInstanceOf(StoreError);
    await expect(store.get('web-api')).rejects.toBeInstanceOf(StoreError);
    expect(fs.readFileSync(file, 'utf8')).toBe('{}\n');
    expect(filesIn(dir)).toEqual(['profiles.json', `profiles.json.corrupt-${STAMP}.bak`]);
  });

  test('a newer schema version is refused with "upgrade", without a backup and without writing', async () => {
    const text = JSON.stringify({schemaVersion: 5, profiles: {}, teams: {}});
    fs.writeFileSync(file, text);
    const store = openStore();
    const error = await storeError(store.list());
    expect(error.message).toBe(`the profile store ${file} was written by a newer ecs-wizard (schema version 5; this one reads up to 4). It was left as it is.`);
    expect(error.hint).toBe('upgrade ecs-wizard');
    expect(error.backupPath).toBeUndefined();
    await expect(store.save(ec2FormProfile())).rejects.toBeInstanceOf(StoreError);
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
    expect(filesIn(dir)).toEqual(['profiles.json']);
  });

  test('a repaired file is usable again', async () => {
    fs.writeFileSync(file, '{');
    const store = openStore();
    await expect(store.list()).rejects.toBeInstanceOf(StoreError);
    fs.writeFileSync(file, fileText([ec2FormProfile()]));
    expect(await store.list()).toEqual([ec2FormProfile()]);
    await store.save(fargateJsonProfile());
    expect((await store.list()).map((profile) => profile.name)).toEqual(['nginx-ec2', 'web-api']);
  });
});

describe('ConfProfileStore: schema 1 → 2 migration', () => {
  const v1Text = (): string => {
    const profile = JSON.parse(JSON.stringify(fargateJsonProfile()));
    profile.service.containerSpec = FARGATE_CONTAINER_JSON;
    delete profile.service.launchType;
    for (const environment of profile.environments) {
      environment.variables = environment.overrides;
      delete environment.overrides;
    }
    return `${JSON.stringify({schemaVersion: 1, profiles: {'web-api': profile}}, undefined, 2)}\n`;
  };

  test('read migrated in memory; the file changes only on the first write, after a .v1.bak copy', async () => {
    const text = v1Text();
    fs.writeFileSync(file, text);
    fs.chmodSync(file, 0o644);
    const store = openStore();
    expect(await store.list()).toEqual([fargateJsonProfile()]);
    expect(await store.get('web-api')).toEqual(fargateJsonProfile());
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
    expect(filesIn(dir)).toEqual(['profiles.json', 'profiles.json.index']);

    await store.save(ec2FormProfile());
    expect(fs.readFileSync(file, 'utf8')).toBe(fileText([fargateJsonProfile(), ec2FormProfile()]));
    expect(fs.readFileSync(path.join(dir, 'profiles.json.v1.bak'), 'utf8')).toBe(text);
    expect(modeOf(file)).toBe(0o600);
    expect(modeOf(path.join(dir, 'profiles.json.v1.bak'))).toBe(0o600);

    await store.remove('nginx-ec2');
    // The application keeps the environment nginx-ec2 brought (an application's environments outlive a service).
    const both = JSON.parse(fileText([fargateJsonProfile(), ec2FormProfile()]));
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({...both, profiles: JSON.parse(fileText([fargateJsonProfile()])).profiles});
    expect(fs.readFileSync(path.join(dir, 'profiles.json.v1.bak'), 'utf8')).toBe(text);
    expect(filesIn(dir)).toEqual(['profiles.json', 'profiles.json.index', 'profiles.json.v1.bak']);
  });

  test('an earlier, different .v1.bak is kept; the new copy gets a time stamp', async () => {
    fs.writeFileSync(path.join(dir, 'profiles.json.v1.bak'), 'older');
    fs.writeFileSync(file, v1Text());
    await openStore().remove('web-api');
    expect(fs.readFileSync(path.join(dir, 'profiles.json.v1.bak'), 'utf8')).toBe('older');
    expect(fs.readFileSync(path.join(dir, `profiles.json.v1-${STAMP}.bak`), 'utf8')).toBe(v1Text());
    // The profile is gone; its application and environments stay (`ecs-wizard apps rm` removes an application).
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({schemaVersion: 4, profiles: {}});
  });

  test('a schema-1 file that does not migrate cleanly is refused like any broken file', async () => {
    const text = v1Text().replace('"logLevel": "debug"', '"logLevel": 3');
    fs.writeFileSync(file, text);
    const error = await storeError(openStore().list());
    expect(error.message).toContain('profiles.web-api.environments[0].overrides.logLevel: logLevel must be a string; got the number 3');
    expect(error.backupPath).toBe(path.join(dir, `profiles.json.corrupt-${STAMP}.bak`));
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
  });
});

describe('MemoryProfileStore', () => {
  test('starts with the given profiles (validated) and shows a path', async () => {
    const store = new MemoryProfileStore([fargateJsonProfile(), ec2FormProfile()]);
    expect(store.path).toBe('(memory)');
    expect((await store.list()).map((profile) => profile.name)).toEqual(['nginx-ec2', 'web-api']);
    expect(() => new MemoryProfileStore([ec2FormProfile({name: 'bad name'})])).toThrow(InvalidProfileError);
  });

  test('failWith makes every call reject with that StoreError', async () => {
    const failure = new StoreError('the profile store /x/profiles.json is not valid JSON', '/x/profiles.json');
    const store = new MemoryProfileStore([], {failWith: failure, path: '/x/profiles.json'});
    expect(store.path).toBe('/x/profiles.json');
    await expect(store.list()).rejects.toBe(failure);
    await expect(store.save(ec2FormProfile())).rejects.toBe(failure);
  });
});
