/**
 * The failing task's own logs in a real pseudo-terminal: `deploy --simulate=crash-loop` shows the crashed
 * container's last lines under its stop reason (the database password it printed masked), and `logs --simulate`
 * prints the simulated service's lines — both from the built CLI.
 */
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeAll, describe, expect, test} from 'vitest';
import {createConfProfileStore} from '../../source/adapters/conf-profile-store.js';
import {SIMULATED_DATABASE_PASSWORD} from '../../source/adapters/simulator/logs.js';
import {disposeAll, ensureBuilt, spawnCli} from '../helpers/pty.js';
import {fargateJsonProfile} from '../helpers/profile-fixtures.js';

beforeAll(async () => {
  await ensureBuilt({ifStale: true});
}, 120_000);

afterEach(() => disposeAll());

async function configWithProfile(): Promise<string> {
  const configDir = mkdtempSync(join(tmpdir(), 'ecsw-logs-'));
  await createConfProfileStore({env: {ECS_WIZARD_CONFIG_DIR: configDir}}).save(fargateJsonProfile());
  return configDir;
}

describe("the failing task's own logs in a terminal", () => {
  test('deploy --simulate=crash-loop: the crash under the stop reason, the password masked, exit 3', async () => {
    const cli = spawnCli(['deploy', 'web-api', '--env', 'staging', '--tag', '1.5.0', '--simulate=crash-loop', '--simulate-speed', '20', '--yes'], {
      configDir: await configWithProfile(),
      rows: 80,
      cols: 140,
    });
    let screen = await cli.waitForText(/logs of task [0-9a-f]{8} team_web-api_1_5_0: last \d+ lines \(\/ecs\/web-api/);
    expect(screen).toContain('│ Error: connect ECONNREFUSED 10.0.3.17:5432');
    expect(screen).toContain('│ [info] config: DATABASE_URL=postgres://app:…@10.0.3.17:5432/shop');
    screen = await cli.waitForText('Rolled back (simulated) · exit 3');
    // The failure panel: the last failure, its reason, then its container's lines.
    expect(screen).toMatch(
      /last failure: essential container team_web-api_1_5_0 exited with code 1\n\s+Essential container in task exited\n\s+last \d+ log lines · /,
    );
    expect(await cli.waitForExit()).toBe(3);
    expect(cli.output()).not.toContain(SIMULATED_DATABASE_PASSWORD);
  });

  test('logs --simulate: the service’s lines with their task ids, exit 0', async () => {
    const cli = spawnCli(['logs', 'web-api', '--env', 'staging', '--simulate', '--since', '1h'], {configDir: await configWithProfile(), rows: 40, cols: 120});
    const screen = await cli.waitForText(/GET \/health 200 1ms/);
    expect(screen).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ [0-9a-f]{8} {2}GET \/health 200 1ms$/m);
    expect(await cli.waitForExit()).toBe(0);
  });

  test('logs --follow: keeps printing the simulated crash loop’s new lines; Ctrl-C ends it with exit 0', async () => {
    const cli = spawnCli(['logs', 'web-api', '--env', 'staging', '--simulate=crash-loop', '--simulate-speed', '20', '--since', '1m', '--follow'], {
      configDir: await configWithProfile(),
      rows: 60,
      cols: 120,
    });
    // Lines written after the command started: the rollout's tasks start, then crash.
    const screen = await cli.waitForText(/[0-9a-f]{8} {2}Error: connect ECONNREFUSED 10\.0\.3\.17:5432/);
    expect(screen).toMatch(/[0-9a-f]{8} {2}\[info\] config: DATABASE_URL=postgres:\/\/app:…@10\.0\.3\.17:5432\/shop/);
    await cli.press('ctrl-c');
    expect(await cli.waitForExit()).toBe(0);
    expect(cli.output()).not.toContain(SIMULATED_DATABASE_PASSWORD);
  });
});
