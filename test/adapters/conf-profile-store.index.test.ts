/**
 * The store's index (profiles.json.index): built from today's store file, used only while it describes that very
 * file, rebuilt when it is missing, damaged, stale or from another version — and never the source of a profile's data.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, test} from 'vitest';
import {CONFIG_DIR_ENV, type ConfProfileStore, createConfProfileStore} from '../../source/adapters/conf-profile-store.js';
import {parseIndex, serializeIndex, type StoreIndex} from '../../source/adapters/profile-index.js';
import type {Profile} from '../../source/domain/model.js';
import {profileSummary} from '../../source/domain/profile-summary.js';
import {storeDocumentOfProfiles} from '../../source/domain/profile-schema/store-document.js';
import {StoreError} from '../../source/errors.js';
import {FARGATE_CONTAINER_JSON, ec2FormProfile, fargateJsonProfile} from '../helpers/profile-fixtures.js';

let dir: string;
let file: string;
let indexFile: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-wizard-index-'));
  file = path.join(dir, 'profiles.json');
  indexFile = path.join(dir, 'profiles.json.index');
});

afterEach(() => {
  fs.rmSync(dir, {recursive: true, force: true});
});

const openStore = (version = '1.0.0'): ConfProfileStore => createConfProfileStore({env: {[CONFIG_DIR_ENV]: dir}, version});
/** The store file exactly as ecs-wizard before the index wrote it. */
const todaysFile = (profiles: Profile[]): string => `${JSON.stringify(storeDocumentOfProfiles(profiles), undefined, 2)}\n`;
const readIndexFile = (): StoreIndex => {
  const index = parseIndex(fs.readFileSync(indexFile, 'utf8'));
  if (index === undefined) throw new Error('no usable index');
  return index;
};
const someProfiles = (): Profile[] => [ec2FormProfile(), fargateJsonProfile(), fargateJsonProfile({name: 'Zeta', application: 'Ünïcode app'})];

describe('ConfProfileStore: the index beside the store file', () => {
  test("today's store file: read as it is, indexed on the first read, and still today's format after a write", async () => {
    const text = todaysFile(someProfiles());
    fs.writeFileSync(file, text, {mode: 0o600});
    const store = openStore();
    const expected = someProfiles().sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()));
    expect(await store.summaries()).toEqual(expected.map(profileSummary));
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
    expect(fs.statSync(indexFile).mode & 0o777).toBe(0o600);
    expect(readIndexFile().entries.map((entry) => entry.summary.name)).toEqual(['nginx-ec2', 'web-api', 'Zeta']);
    // From the index now: each profile from its own bytes, equal to what the whole file holds.
    for (const profile of expected) expect(await openStore().get(profile.name)).toEqual(profile);
    expect(await openStore().list()).toEqual(expected);
    expect(await openStore().get('missing')).toBeUndefined();

    await openStore().save(ec2FormProfile({name: 'added'}));
    expect(fs.readFileSync(file, 'utf8')).toBe(todaysFile([...someProfiles(), ec2FormProfile({name: 'added'})]));
    expect((await openStore().summaries()).map((summary) => summary.name)).toEqual(['added', 'nginx-ec2', 'web-api', 'Zeta']);
  });

  test('a schema-1 file: listed and read migrated; indexed with byte spans only once a write has migrated it', async () => {
    const profile = JSON.parse(JSON.stringify(fargateJsonProfile()));
    profile.service.containerSpec = FARGATE_CONTAINER_JSON;
    delete profile.service.launchType;
    fs.writeFileSync(file, JSON.stringify({schemaVersion: 1, profiles: {'web-api': profile}}));
    expect(await openStore().summaries()).toEqual([profileSummary(fargateJsonProfile())]);
    expect(readIndexFile().entries[0]!.span).toBeUndefined();
    expect(await openStore().get('web-api')).toEqual(fargateJsonProfile());
    await openStore().save(ec2FormProfile());
    expect(fs.existsSync(path.join(dir, 'profiles.json.v1.bak'))).toBe(true);
    expect(readIndexFile().entries.every((entry) => entry.span !== undefined)).toBe(true);
    expect(await openStore().get('web-api')).toEqual(fargateJsonProfile());
  });

  test.each<[string, () => void]>([
    ['missing', () => fs.rmSync(indexFile)],
    ['not JSON', () => fs.writeFileSync(indexFile, 'garbage')],
    ['truncated', () => fs.writeFileSync(indexFile, fs.readFileSync(indexFile, 'utf8').slice(0, 120))],
    ['edited without its checksum', () => fs.writeFileSync(indexFile, fs.readFileSync(indexFile, 'utf8').replace('"web-api"', '"web-apx"'))],
    ['empty', () => fs.writeFileSync(indexFile, '')],
    ['a folder', () => (fs.rmSync(indexFile), fs.mkdirSync(indexFile))],
  ])('an index that is %s: the profiles are read from the store file, none lost', async (_name, damage) => {
    fs.writeFileSync(file, todaysFile(someProfiles()));
    await openStore().summaries();
    damage();
    const text = fs.readFileSync(file, 'utf8');
    const expected = someProfiles().sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()));
    expect(await openStore().summaries()).toEqual(expected.map(profileSummary));
    expect(await openStore().get('web-api')).toEqual(fargateJsonProfile());
    expect(await openStore().list()).toEqual(expected);
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
    await openStore().remove('nginx-ec2');
    expect((await openStore().list()).map((profile) => profile.name)).toEqual(['web-api', 'Zeta']);
  });

  test('an index that lies with a valid checksum (wrong spans, a profile left out) is caught: the data comes from the file', async () => {
    fs.writeFileSync(file, todaysFile(someProfiles()));
    await openStore().summaries();
    const index = readIndexFile();
    const lying: StoreIndex = {...index, entries: index.entries.map((entry) => ({...entry, span: [1, 30]}))};
    fs.writeFileSync(indexFile, serializeIndex(lying));
    expect(await openStore().get('web-api')).toEqual(fargateJsonProfile());
    expect(await openStore().list()).toEqual(someProfiles().sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase())));
  });

  test('another program changes the store file: the index is stale and rebuilt from the file', async () => {
    fs.writeFileSync(file, todaysFile(someProfiles()));
    await openStore().summaries();
    fs.writeFileSync(file, todaysFile([fargateJsonProfile({application: 'Edited by hand'})]));
    expect(await openStore().summaries()).toEqual([profileSummary(fargateJsonProfile({application: 'Edited by hand'}))]);
    expect((await openStore().get('web-api'))?.application).toBe('Edited by hand');
    expect(await openStore().get('nginx-ec2')).toBeUndefined();
  });

  test('a store file broken behind a fresh-looking index is still refused, never reset', async () => {
    fs.writeFileSync(file, todaysFile(someProfiles()));
    await openStore().summaries();
    const broken = todaysFile(someProfiles()).replace('"dockerhub"', '"docker"');
    fs.writeFileSync(file, broken);
    await expect(openStore().summaries()).rejects.toBeInstanceOf(StoreError);
    await expect(openStore().get('web-api')).rejects.toBeInstanceOf(StoreError);
    await expect(openStore().save(ec2FormProfile({name: 'other'}))).rejects.toBeInstanceOf(StoreError);
    expect(fs.readFileSync(file, 'utf8')).toBe(broken);
  });

  test('an index written by another ecs-wizard version is rebuilt by this one', async () => {
    fs.writeFileSync(file, todaysFile(someProfiles()));
    await openStore('0.9.0').summaries();
    expect(readIndexFile().version).toBe('0.9.0');
    expect(await openStore('1.0.0').summaries()).toHaveLength(3);
    expect(readIndexFile().version).toBe('1.0.0');
  });

  test('the index follows every write: save, replace, rename, remove', async () => {
    const store = openStore();
    await store.save(fargateJsonProfile());
    await store.save(ec2FormProfile());
    await store.save(fargateJsonProfile({application: 'Replaced'}), {overwrite: true});
    await store.rename('nginx-ec2', 'web-ec2');
    await store.remove('missing');
    const index = readIndexFile();
    expect(index.entries.map((entry) => entry.summary)).toEqual([
      profileSummary(fargateJsonProfile({application: 'Replaced'})),
      profileSummary(ec2FormProfile({name: 'web-ec2'})),
    ]);
    const text = fs.readFileSync(file);
    for (const entry of index.entries) {
      expect(JSON.parse(text.subarray(entry.span![0], entry.span![1]).toString('utf8'))).toMatchObject({name: entry.summary.name});
    }
  });
});
