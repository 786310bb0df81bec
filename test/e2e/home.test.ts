import {existsSync, mkdtempSync, readdirSync, rmSync} from 'node:fs';
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

  test('the very first start paints the home screen computed before Ink loads, then Ink replaces it in place; keys pressed meanwhile are kept', async () => {
    const configDir = mkdtempSync(join(tmpdir(), 'ecs-wizard-instant-'));
    try {
      const cli = spawnCli([], {configDir});
      // Two keys at once, possibly before Ink listens: both land, once Ink has mounted.
      await cli.waitForText('ecs-wizard · home');
      await cli.press('j');
      await cli.press('j');
      const screen = await cli.waitForText((text) => text.includes('❯ Deploy a whole application') && text.includes('No saved profiles yet.'));
      // The first bytes on the terminal are the computed frame; Ink's first write erased its 18 lines (17 and the
      // cursor's) inside its synchronised update.
      expect(cli.output().startsWith('\u001B[?2026h\u001B[?25lecs-wizard · home · v')).toBe(true);
      expect(cli.output()).toContain(`\u001B[?2026h${'\u001B[2K\u001B[1A'.repeat(17)}\u001B[2K\u001B[G\u001B[?25lecs-wizard · home`);
      // One home screen, at the top: the painted frame was replaced, not drawn over or below.
      expect(screen.split('ecs-wizard · home')).toHaveLength(2);
      expect(screen.split('From nothing to a running Amazon ECS service')).toHaveLength(2);
      expect(screen.indexOf('ecs-wizard · home')).toBe(0);
      await cli.press('q');
      expect(await cli.waitForExit()).toBe(0);
      // A computed frame needs no keeping.
      expect(existsSync(join(configDir, 'home-frame.json')) || readdirSync(configDir).some((name) => name.startsWith('home-frame'))).toBe(false);
    } finally {
      rmSync(configDir, {recursive: true, force: true});
    }
  });

  test.each([
    ['no colour (CI=false: chalk colours nothing)', {}, false],
    ['colour (xterm-256color)', {CI: undefined}, true],
    ['NO_COLOR', {CI: undefined, NO_COLOR: '1'}, false],
  ] as const)('the painted frame is byte for byte the first frame Ink then writes: %s', async (_name, env, coloured) => {
    const cli = spawnCli([], {env, cols: 87, rows: 19});
    await cli.waitForText('No saved profiles yet.');
    const output = cli.output();
    const painted = output.slice(0, output.indexOf('\u001B[?2026l') + '\u001B[?2026l'.length);
    // Ink's first write: its synchronised update, the erase of the painted lines, then its frame.
    const erase = `\u001B[?2026h${'\u001B[2K\u001B[1A'.repeat(17)}\u001B[2K\u001B[G`;
    const afterErase = output.indexOf(erase, painted.length) + erase.length;
    expect(afterErase).toBeGreaterThan(erase.length);
    const inkFirst = output.slice(afterErase, output.indexOf('\u001B[?2026l', afterErase) + '\u001B[?2026l'.length);
    expect(`\u001B[?2026h${inkFirst}`).toBe(painted);
    expect(painted.includes('\u001B[36m')).toBe(coloured);
    await cli.press('q');
    expect(await cli.waitForExit()).toBe(0);
  });

  test('on a terminal too narrow for the computed frame, a second start paints the frame Ink drew the first time, then Ink replaces it in place', async () => {
    const configDir = mkdtempSync(join(tmpdir(), 'ecs-wizard-instant-'));
    try {
      const first = spawnCli([], {configDir, cols: 50, rows: 40});
      const drawn = await first.waitForText('No saved profiles yet.');
      expect(first.output().startsWith('\u001B[?2026h\u001B[?25lecs-wizard')).toBe(true);
      await first.press('q');
      expect(await first.waitForExit()).toBe(0);
      expect(existsSync(join(configDir, 'home-frame.json'))).toBe(true);

      const second = spawnCli([], {configDir, cols: 50, rows: 40});
      await second.waitForText('ecs-wizard · home');
      await second.press('j');
      await second.press('j');
      const screen = await second.waitForText((text) => text.includes('❯ Deploy a whole application') && text.includes('No saved profiles yet.'));
      // Painted, then erased by Ink's first write.
      expect(second.output()).toMatch(
        /^\u001B\[\?2026h\u001B\[\?25lecs-wizard[^]*\u001B\[\?2026h(?:\u001B\[2K\u001B\[1A)+\u001B\[2K\u001B\[G\u001B\[\?25lecs-wizard/,
      );
      expect(screen.split('ecs-wizard · home')).toHaveLength(2);
      expect(screen.indexOf('ecs-wizard · home')).toBe(drawn.indexOf('ecs-wizard · home'));
      await second.press('q');
      expect(await second.waitForExit()).toBe(0);
    } finally {
      rmSync(configDir, {recursive: true, force: true});
    }
  });

  test('the home screen shows applications → services → environments, and a second start shows the same tree', async () => {
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
