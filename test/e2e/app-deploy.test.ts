/**
 * The built CLI in a real pseudo-terminal, deploying a whole application of three services (db ← api ← web) against
 * the rollout simulator: the combined plan and its one question, the table with a row per service, the focused
 * service's detail (↑↓), a crash loop in the middle service keeping the last one from starting, and a detach.
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

async function configWithShop(): Promise<string> {
  const configDir = mkdtempSync(join(tmpdir(), 'ecsw-app-'));
  const store = createConfProfileStore({env: {ECS_WIZARD_CONFIG_DIR: configDir}});
  for (const profile of [shopProfile('db'), shopProfile('api', ['db']), shopProfile('web', ['api'])]) await store.save(profile);
  return configDir;
}

describe('deploy --app in a terminal', () => {
  test('one plan, one question; the table shows each service; api crash-loops: web is not started, exit 3', async () => {
    const cli = spawnCli(['deploy', '--app', 'shop', '--env', 'dev', '--simulate=api:crash-loop', '--simulate-speed', '20'], {
      configDir: await configWithShop(),
      rows: 70,
      cols: 140,
    });
    let screen = await cli.waitForText('Deploy 3 services of shop to dev? (y/n)');
    for (const name of ['db', 'api', 'web']) expect(screen).toContain(`shop-${name} → dev (us-east-1, cluster demo-ec2)`);
    expect(screen).toContain('SIMULATED · scenario success,api:crash-loop · 20× speed');
    await cli.press('y');
    screen = await cli.waitForText(/shop in dev: api rolled back; 1 not started · exit 3 · \d+:\d\d/);
    expect(screen).toMatch(/SERVICE\s+STAGE\s+REVISION\s+RUN\/DES\s+OUTCOME/);
    expect(screen).toMatch(/› db\s+deployed\s+db:2\s+1\/1\s+exit 0/);
    expect(screen).toMatch(/ {2}api\s+rolled back\s+api:2\s+\S+\s+exit 3/);
    expect(screen).toMatch(/ {2}web\s+not started\s+—\s+—\s+api rolled back: it depends on api/);
    expect(screen).toContain('not started: web — api rolled back: it depends on api');
    expect(screen).toContain('resume: ecs-wizard deploy --app shop --env dev --from api --simulate=success,api:crash-loop');
    expect(await cli.waitForExit()).toBe(3);
  });

  test('↓ focuses the next service (its detail below the table); d detaches: nothing more starts, exit 5', async () => {
    const cli = spawnCli(['deploy', '--app', 'shop', '--env', 'dev', '--simulate=slow-start', '--yes'], {
      configDir: await configWithShop(),
      rows: 60,
      cols: 140,
    });
    let screen = await cli.waitForText(/› db\s+rolling out/);
    expect(screen).toMatch(/ {2}api\s+waiting\s+—\s+—\s+after db/);
    expect(screen).toMatch(/^db$/m);
    await cli.press('down');
    screen = await cli.waitForText(/› api\s+waiting/);
    expect(screen).toMatch(/^api$/m);
    expect(screen).toContain('plan: done');
    await cli.press('d');
    screen = await cli.waitForText('Watch them again: ecs-wizard watch --app shop --env dev --simulate=slow-start');
    expect(screen).toContain('shop in dev: db detached (the deployment goes on); 2 not started · exit 5');
    expect(screen).toMatch(/› api\s+not started\s+—\s+—\s+the run was detached/);
    expect(screen).toContain('not started: api — the run was detached');
    expect(await cli.waitForExit()).toBe(5);
  });
});
