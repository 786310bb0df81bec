import {describe, expect, test} from 'vitest';
import {MemoryProfileStore} from '../../source/adapters/memory-profile-store.js';
import {exportProfile} from '../../source/domain/profile-schema/export-file.js';
import {InputError} from '../../source/errors.js';
import {importProfileText} from '../../source/operations/profiles.js';
import {ec2FormProfile, fargateJsonProfile} from '../helpers/profile-fixtures.js';

describe('importProfileText: the specifications', () => {
  test('a specification that ECS refuses: nothing is saved, each error located in its spec text', async () => {
    const store = new MemoryProfileStore();
    const profile = fargateJsonProfile();
    if (profile.service.containerSpec.mode === 'json')
      profile.service.containerSpec.json = profile.service.containerSpec.json.replace('"essential": true', '"essential": "yes"');
    profile.service.serviceSpec = '{\n  "desiredCount": 1e12\n}';
    const error = await importProfileText(store, exportProfile(profile), {source: 'web.json'}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(
      /^web\.json is not a valid ecs-wizard profile:\n {2}error: containerSpec containerDefinitions\[0\]\.essential \(line \d+, column \d+\): .*\n {2}error: serviceSpec desiredCount \(line 2, column 19\): desiredCount must be between 0 and 2147483647, found 1000000000000$/,
    );
    expect((error as InputError).hint).toBe('nothing was saved');
    expect(await store.list()).toEqual([]);
  });

  test('the fixtures import as they are', async () => {
    const store = new MemoryProfileStore();
    await importProfileText(store, exportProfile(fargateJsonProfile()), {source: 'a.json'});
    await importProfileText(store, exportProfile(ec2FormProfile()), {source: 'b.json'});
    expect((await store.list()).map((profile) => profile.name).sort()).toEqual(['nginx-ec2', 'web-api']);
  });

  test('a secret by its value in a variable is refused (masked); nothing is saved', async () => {
    const store = new MemoryProfileStore();
    const profile = ec2FormProfile();
    profile.service.variables = {...profile.service.variables, PAYMENTS: 'sk_live_51HcQz2EXAMPLEf9sT0kEnVaLuE7x'};
    const error = await importProfileText(store, exportProfile(profile), {source: 'b.json'}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toContain('the config variable PAYMENTS holds a secret (sk_live_…)');
    expect((error as InputError).message).not.toContain('51HcQz2');
    expect(await store.list()).toEqual([]);
  });
});
