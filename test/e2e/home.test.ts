import {existsSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeAll, describe, expect, test} from 'vitest';
import {createConfProfileStore} from '../../source/adapters/conf-profile-store.js';
import {disposeAll, ensureBuilt, spawnCli} from '../helpers/pty.js';
import {ec2FormProfile, fargateJsonProfile} from '../helpers/profile-fixtures.js';

beforeAll(async () => {
  await ensureBuilt();
}, 120_000);

afterEach(() => {
  disposeAll();
});

describe('the interactive program in a real terminal', () => {
  test('opens the home screen, goes to profiles, comes back and quits with q', async () => {
    const cli = spawnCli([]);
    let screen = await cli.waitForText('No saved profiles yet.');
    expect(screen).toContain('ecs-wizard · home');
    expect(screen).toContain('❯ New setup');
    expect(screen).toMatch(/↑↓\/jk move\s+enter select\s+\? help\s+q quit/);

    // Manage profiles is the entry above Quit: k wraps from the first entry to the last.
    await cli.press('k');
    await cli.waitForText('❯ Quit');
    await cli.press('k');
    await cli.waitForText('❯ Manage profiles');
    await cli.press('enter');
    screen = await cli.waitForText('ecs-wizard · manage profiles');
    expect(screen).toContain('No profiles saved yet. Press i to import one from a file.');

    await cli.press('esc');
    screen = await cli.waitForText('ecs-wizard · home');
    expect(screen).not.toContain('manage profiles ·');

    await cli.press('q');
    expect(await cli.waitForExit()).toBe(0);
  });

  test('? shows help for the screen; Ctrl-C quits', async () => {
    const cli = spawnCli([]);
    await cli.waitForText('❯ New setup');
    await cli.press('?');
    const help = await cli.waitForText('Help · Home');
    expect(help).toContain('never credentials');
    await cli.press('esc');
    await cli.waitForText('❯ New setup');
    await cli.press('ctrl-c');
    expect(await cli.waitForExit()).toBe(0);
  });

  test('a second start paints the home screen Ink drew the first time at once, then Ink replaces it in place; keys pressed meanwhile are kept', async () => {
    const configDir = mkdtempSync(join(tmpdir(), 'ecs-wizard-instant-'));
    try {
      const first = spawnCli([], {configDir});
      const drawn = await first.waitForText('No saved profiles yet.');
      await first.press('q');
      expect(await first.waitForExit()).toBe(0);
      expect(existsSync(join(configDir, 'home-frame.json'))).toBe(true);

      const second = spawnCli([], {configDir});
      // Two keys at once, possibly before Ink listens: both land, once Ink has mounted.
      await second.waitForText('ecs-wizard · home');
      await second.press('j');
      await second.press('j');
      const screen = await second.waitForText((text) => text.includes('❯ Deploy a whole application') && text.includes('No saved profiles yet.'));
      // One home screen, where the first one was: the painted frame was replaced, not drawn over or below.
      expect(screen.split('ecs-wizard · home')).toHaveLength(2);
      expect(screen.split('From nothing to a running Amazon ECS service')).toHaveLength(2);
      expect(screen.indexOf('ecs-wizard · home')).toBe(drawn.indexOf('ecs-wizard · home'));
      await second.press('q');
      expect(await second.waitForExit()).toBe(0);
    } finally {
      rmSync(configDir, {recursive: true, force: true});
    }
  });

  test('the home screen shows applications → services → environments, and the kept first frame shows the same tree', async () => {
    const configDir = mkdtempSync(join(tmpdir(), 'ecs-wizard-tree-'));
    try {
      const store = createConfProfileStore({env: {ECS_WIZARD_CONFIG_DIR: configDir}});
      await store.save(fargateJsonProfile({name: 'web', application: 'shop'}));
      await store.save({...fargateJsonProfile({name: 'worker', application: 'shop'}), environments: [fargateJsonProfile().environments[0]!]});
      await store.save(ec2FormProfile({name: 'blog', application: 'Blog'}));
      const tree = [
        '▸ Blog · 1 service · dev',
        '    blog (nginx) → dev',
        '▸ shop · 2 services · staging, production',
        '    web (web-api) → staging, production',
        '    worker (web-api) → staging',
      ];
      const first = spawnCli([], {configDir});
      const screen = await first.waitForText('3 saved profiles, in 2 applications.');
      for (const line of tree) expect(screen).toContain(line);
      await first.press('q');
      expect(await first.waitForExit()).toBe(0);

      const second = spawnCli([], {configDir});
      const again = await second.waitForText((text) => text.includes('❯ New setup') && text.includes('worker (web-api) → staging'));
      expect(again.split('ecs-wizard · home')).toHaveLength(2);
      for (const line of tree) expect(again).toContain(line);
      await second.press('q');
      expect(await second.waitForExit()).toBe(0);
    } finally {
      rmSync(configDir, {recursive: true, force: true});
    }
  });

  test('`ecs-wizard profiles` in a terminal opens the manage-profiles screen', async () => {
    const cli = spawnCli(['profiles']);
    await cli.waitForText('ecs-wizard · manage profiles');
    await cli.press('q');
    expect(await cli.waitForExit()).toBe(0);
  });
});
