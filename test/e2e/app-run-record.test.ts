/**
 * The record of a whole-application run, through the built CLI in a real pseudo-terminal against the rollout
 * simulator: a deploy detached with `d` is recorded (apps show says what became of each service), `watch --app`
 * re-attaches from the record — saying what it cannot re-attach to — and settles it, and the home screen's
 * application row shows the last run's outcome.
 */
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeAll, describe, expect, test} from 'vitest';
import {createConfProfileStore} from '../../source/adapters/conf-profile-store.js';
import {disposeAll, ensureBuilt, spawnCli} from '../helpers/pty.js';
import {shopProfile} from '../helpers/app-fixtures.js';

beforeAll(async () => {
  await ensureBuilt({ifStale: true});
}, 120_000);

afterEach(() => disposeAll());

describe('the record of a whole-application run', () => {
  test('detach → apps show → watch --app re-attaches from the record → apps show settled → the home row', async () => {
    const configDir = mkdtempSync(join(tmpdir(), 'ecsw-app-record-'));
    const store = createConfProfileStore({env: {ECS_WIZARD_CONFIG_DIR: configDir}});
    for (const profile of [shopProfile('db'), shopProfile('api', ['db']), shopProfile('web', ['api'])]) await store.save(profile);

    const deploy = spawnCli(['deploy', '--app', 'shop', '--env', 'dev', '--simulate=slow-start', '--yes'], {configDir, rows: 60, cols: 140});
    await deploy.waitForText(/› db\s+rolling out/);
    await deploy.press('d');
    await deploy.waitForText('Watch them again: ecs-wizard watch --app shop --env dev --simulate=slow-start');
    expect(await deploy.waitForExit()).toBe(5);

    const shown = spawnCli(['apps', 'show', 'shop'], {configDir, rows: 40, cols: 160});
    let screen = await shown.waitForText('Whole-application runs (1, newest first)');
    expect(screen).toMatch(/dev \(simulated\): detached \(the deployment goes on\) \(exit 5\)/);
    expect(screen).toMatch(/db: detached \(the deployment goes on\) \(exit 5\) \[revision 2, tag stable-perl\]/);
    expect(screen).toContain('api: not started — the run was detached');
    expect(screen).toContain('web: not started — the run was detached');
    expect(await shown.waitForExit()).toBe(0);

    const watch = spawnCli(['watch', '--app', 'shop', '--env', 'dev', '--simulate', '--simulate-speed', '20'], {configDir, rows: 60, cols: 140});
    screen = await watch.waitForText(/Deployed \(simulated\) · exit 0/);
    // Only db was left in flight; the others say why they are not re-attached.
    expect(screen).toMatch(/ {2}api\s+not started\s+—\s+—\s+cannot re-attach: it never started \(the run was detached\)/);
    expect(screen).toMatch(/ {2}web\s+not started\s+—\s+—\s+cannot re-attach: it never started \(the run was detached\)/);
    expect(await watch.waitForExit()).toBe(0);

    const again = spawnCli(['apps', 'show', 'shop'], {configDir, rows: 40, cols: 160});
    screen = await again.waitForText('settled by watch --app');
    // db deployed, api and web never started: the run is not a success.
    expect(screen).toMatch(/dev \(simulated\): interrupted \(exit 5\) — 1 of 3 services deployed; not started: api, web/);
    expect(screen).toMatch(/db: deployed \(exit 0\) \[revision 2, tag stable-perl\]/);
    expect(await again.waitForExit()).toBe(0);

    const home = spawnCli([], {configDir, rows: 30, cols: 140});
    await home.waitForText('▸ shop · 3 services · dev · last run: dev interrupted (exit 5)');
    await home.press('q');
    expect(await home.waitForExit()).toBe(0);
  });
});
