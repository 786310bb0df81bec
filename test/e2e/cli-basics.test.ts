import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, beforeAll, describe, expect, test} from 'vitest';
import {disposeAll, ensureBuilt, ROOT, spawnCli} from '../helpers/pty.js';

const {version} = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {version: string};

beforeAll(async () => {
  await ensureBuilt();
}, 120_000);

afterEach(() => {
  disposeAll();
});

describe('the built CLI in a terminal', () => {
  test('--version prints the version from package.json and exits 0', async () => {
    const cli = spawnCli(['--version']);

    expect(await cli.waitForExit()).toBe(0);
    expect(cli.screen()).toBe(version);
  });

  test('--help lists the commands and exits 0', async () => {
    // Tall enough for the whole help text: the screen is what is checked.
    const cli = spawnCli(['--help'], {rows: 80});

    expect(await cli.waitForExit()).toBe(0);
    const screen = cli.screen();
    expect(screen.split('\n')[0]).toBe(`ecs-wizard ${version} — from nothing to a running Amazon ECS service, and back again`);
    expect(screen).toContain('Commands:');
    expect(screen).toMatch(/^ {2}profiles list +\S/m);
    expect(screen).toMatch(/^ {2}profiles import +\S/m);
  });

  test('an unknown flag exits 2 and names the flag', async () => {
    const cli = spawnCli(['--bogus-flag']);

    expect(await cli.waitForExit()).toBe(2);
    expect(cli.screen()).toContain('ecs-wizard: unknown option --bogus-flag');
  });
});
