import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import React from 'react';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, test} from 'vitest';
import {MemoryProfileStore} from '../../source/adapters/memory-profile-store.js';
import type {CompositionRoot} from '../../source/ports/root.js';
import {StoreError} from '../../source/errors.js';
import {exportProfile} from '../../source/domain/profile-schema/export-file.js';
import {App} from '../../source/ui/app.js';
import type {Screen} from '../../source/ui/navigation.js';
import {testRoot} from '../helpers/fake-root.js';
import {press, recorder, type, waitForFrame} from '../helpers/ink.js';
import {ec2FormProfile, fargateJsonProfile, fixtureProfiles} from '../helpers/profile-fixtures.js';

const fakeRoot = (store: MemoryProfileStore): CompositionRoot => testRoot({store});

function start(store = new MemoryProfileStore(fixtureProfiles()), initial: Screen = {name: 'home'}) {
  const quit = recorder();
  const app = render(<App root={fakeRoot(store)} initial={initial} onQuit={quit} />);
  return {app, store, quit};
}

/** Manage profiles is the entry above Quit: k wraps from the first entry to Quit, then goes up one. */
async function goToManageProfiles(app: ReturnType<typeof render>): Promise<void> {
  await waitForFrame(app, '❯ New setup', {changed: false});
  await press(app, 'k');
  await waitForFrame(app, '❯ Quit');
  await press(app, 'k');
  await waitForFrame(app, '❯ Manage profiles');
}

async function waitForQuit(quit: ReturnType<typeof recorder>): Promise<void> {
  await quit.called();
  expect(quit.calls).toHaveLength(1);
}

afterEach(() => cleanup());

const ec2 = ec2FormProfile().name;
const fargate = fargateJsonProfile().name;

describe('home screen', () => {
  test('shows the built entries, the profile count and the footer keys', async () => {
    const {app} = start();
    const frame = await waitForFrame(app, '2 saved profiles');
    expect(frame).toContain('ecs-wizard · home · v9.9.9');
    expect(frame).toMatch(
      /❯ New setup\n\s+Run a saved profile\n\s+Deploy a whole application\n\s+Browse task definitions\n\s+Browse services\n\s+Manage profiles\n\s+Quit/,
    );
    expect(frame).toMatch(/↑↓\/jk move\s+enter select\s+\? help\s+q quit/);
    expect(frame).not.toMatch(/coming soon/i);
  });

  test('home → profiles → back → quit', async () => {
    const {app, quit} = start();
    await waitForFrame(app, '2 saved profiles');
    await goToManageProfiles(app);
    await press(app, 'enter');
    let frame = await waitForFrame(app, 'manage profiles · 2 saved');
    expect(frame).toContain(ec2);
    expect(frame).toContain(fargate);
    await press(app, 'esc');
    frame = await waitForFrame(app, '❯ Manage profiles');
    expect(frame).toContain('· home ·');
    expect(quit.calls).toHaveLength(0);
    await press(app, 'q');
    await waitForQuit(quit);
  });

  test('j/k move the selection and Enter on Quit exits', async () => {
    const {app, quit} = start();
    await waitForFrame(app, '❯ New setup');
    await press(app, 'j');
    await waitForFrame(app, '❯ Run a saved profile');
    await press(app, 'k');
    await waitForFrame(app, '❯ New setup');
    // From the first entry, k wraps around to the last: Quit.
    await press(app, 'k');
    await waitForFrame(app, '❯ Quit');
    await press(app, 'enter');
    await waitForQuit(quit);
  });

  test('Ctrl-C quits from any screen, even while typing', async () => {
    const {app, quit} = start(undefined, {name: 'profiles'});
    await waitForFrame(app, `❯ ${ec2}`);
    await press(app, 'r');
    await waitForFrame(app, 'New name for');
    await press(app, 'ctrl-c');
    await waitForQuit(quit);
  });

  test('? opens the help overlay for the screen and Esc closes it, keeping the screen', async () => {
    const {app} = start();
    await waitForFrame(app, '2 saved profiles');
    await goToManageProfiles(app);
    await press(app, 'enter');
    await waitForFrame(app, 'manage profiles');
    await press(app, 'down');
    await waitForFrame(app, new RegExp(`❯ ${fargate}`));
    await press(app, '?');
    const help = await waitForFrame(app, 'Help · Manage profiles');
    expect(help).toContain('never credentials');
    expect(help).not.toContain(`❯ ${fargate}`);
    await press(app, 'esc');
    const back = await waitForFrame(app, new RegExp(`❯ ${fargate}`));
    expect(back).not.toContain('Help ·');
  });

  test('a store that cannot be read shows its error in place', async () => {
    const broken = new MemoryProfileStore([], {
      failWith: new StoreError('/x/profiles.json: line 3, column 5: unexpected end of JSON', '/x/profiles.json', '/x/profiles.json.corrupt.bak'),
    });
    const {app} = start(broken);
    const frame = await waitForFrame(app, 'unexpected end of JSON');
    expect(frame).toContain('/x/profiles.json');
  });
});

describe('manage profiles screen', () => {
  test('Enter shows a profile and Esc goes back to the list', async () => {
    const {app} = start(undefined, {name: 'profiles'});
    await waitForFrame(app, `❯ ${ec2}`);
    await press(app, 'j');
    await waitForFrame(app, `❯ ${fargate}`);
    await press(app, 'enter');
    const detail = await waitForFrame(app, `profile ${fargate}`);
    expect(detail).toContain('Application  ECS Demo Application');
    expect(detail).toContain('registry.example.com:5000/team/web-api:1.4.2');
    await press(app, 'esc');
    await waitForFrame(app, `❯ ${fargate}`);
  });

  test('r renames; an invalid name is explained and what was typed is kept', async () => {
    const {app, store} = start(undefined, {name: 'profiles'});
    await waitForFrame(app, `❯ ${ec2}`);
    await press(app, 'r');
    await waitForFrame(app, `New name for '${ec2}'`);
    await type(app, ' x');
    await press(app, 'enter');
    const error = await waitForFrame(app, 'is not a valid profile name');
    expect(error).toContain(`New name for '${ec2}'`);
    await press(app, 'backspace');
    await press(app, 'backspace');
    await type(app, '-v2');
    await press(app, 'enter');
    await waitForFrame(app, `Renamed '${ec2}' to '${ec2}-v2'`);
    expect((await store.list()).map((p) => p.name)).toEqual([`${ec2}-v2`, fargate].sort());
  });

  test('while typing a name, q and ? are letters, not keys', async () => {
    const {app} = start(undefined, {name: 'profiles'});
    await waitForFrame(app, `❯ ${ec2}`);
    await press(app, 'r');
    await waitForFrame(app, 'New name for');
    await type(app, 'q?');
    const frame = await waitForFrame(app, `${ec2}q?`);
    expect(frame).not.toContain('Help ·');
    expect(frame).toMatch(/enter confirm\s+esc cancel/);
    await press(app, 'esc');
    await waitForFrame(app, /r rename/);
  });

  test('x asks before removing; n keeps, y removes', async () => {
    const {app, store} = start(undefined, {name: 'profiles'});
    await waitForFrame(app, `❯ ${ec2}`);
    await press(app, 'x');
    await waitForFrame(app, `Remove profile '${ec2}'?`);
    await press(app, 'n');
    await waitForFrame(app, (frame) => !frame.includes('Remove profile'));
    expect(await store.get(ec2)).toBeDefined();
    await press(app, 'x');
    await waitForFrame(app, `Remove profile '${ec2}'?`);
    await press(app, 'y');
    await waitForFrame(app, `Removed '${ec2}'`);
    expect(await store.get(ec2)).toBeUndefined();
  });

  test('e exports to a file and i imports it back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecsw-ui-'));
    const {app, store} = start(new MemoryProfileStore([fargateJsonProfile()]), {name: 'profiles'});
    await waitForFrame(app, `❯ ${fargate}`);
    await press(app, 'e');
    await waitForFrame(app, `Export '${fargate}' to file: ${fargate}.ecs-wizard.json`);
    for (let i = 0; i < `${fargate}.ecs-wizard.json`.length; i++) await press(app, 'backspace');
    const file = join(dir, 'shared.json');
    await type(app, file);
    await press(app, 'enter');
    await waitForFrame(app, `Wrote '${fargate}' to ${file}`);
    expect(JSON.parse(readFileSync(file, 'utf8')).profile.name).toBe(fargate);

    await press(app, 'x');
    await press(app, 'y');
    await waitForFrame(app, 'No profiles saved yet');
    await press(app, 'i');
    await waitForFrame(app, 'Import from file:');
    await type(app, file);
    await press(app, 'enter');
    await waitForFrame(app, `Imported '${fargate}'`);
    expect(await store.get(fargate)).toMatchObject({name: fargate, application: 'ECS Demo Application'});
  });

  test('importing an invalid file names the problem and saves nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecsw-ui-'));
    const file = join(dir, 'bad.json');
    const text = exportProfile(ec2FormProfile());
    writeFileSync(file, text.slice(0, Math.floor(text.length / 2)));
    const {app, store} = start(new MemoryProfileStore(), {name: 'profiles'});
    await waitForFrame(app, 'No profiles saved yet');
    await press(app, 'i');
    await waitForFrame(app, 'Import from file:');
    await type(app, file);
    await press(app, 'enter');
    const frame = await waitForFrame(app, 'is not a valid ecs-wizard profile');
    expect(frame).toMatch(/line \d+, column \d+/);
    expect(await store.list()).toEqual([]);
  });
});
