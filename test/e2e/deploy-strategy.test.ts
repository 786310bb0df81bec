/**
 * The built CLI in a real pseudo-terminal: a CANARY profile deployed against the rollout simulator. The traffic panel
 * shows ECS's stage and the production split as a bar that moves with the canary step; a crash loop under canary
 * traffic rolls back with production traffic never past the canary percent (exit 3).
 */
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeAll, describe, expect, test} from 'vitest';
import {createConfProfileStore} from '../../source/adapters/conf-profile-store.js';
import {writeDeploymentStrategy} from '../../source/domain/deployment-strategy.js';
import type {JsonObject} from '../../source/domain/json.js';
import {parseJsonText, stringifyJsonText} from '../../source/domain/json-text.js';
import {disposeAll, ensureBuilt, spawnCli} from '../helpers/pty.js';
import {fargateJsonProfile} from '../helpers/profile-fixtures.js';

beforeAll(async () => {
  await ensureBuilt({ifStale: true});
}, 120_000);

afterEach(() => disposeAll());

/** A CANARY profile; `breaker`: its spec writes a circuit breaker itself (the deploy adds none to CANARY). */
async function canaryConfig(options: {breaker?: boolean} = {}): Promise<string> {
  const configDir = mkdtempSync(join(tmpdir(), 'ecsw-canary-'));
  const profile = fargateJsonProfile();
  const parsed = parseJsonText(profile.service.serviceSpec, 'serviceSpec');
  const canary = writeDeploymentStrategy(parsed.value as JsonObject, {
    strategy: 'CANARY',
    bakeTimeInMinutes: 2,
    canary: {percent: 10, bakeTimeInMinutes: 1},
    hooks: [],
    alarms: [],
  });
  if (options.breaker === true) (canary.deploymentConfiguration as JsonObject).deploymentCircuitBreaker = {enable: true, rollback: true};
  const serviceSpec = stringifyJsonText(canary, {unquoted: new Set(parsed.unquoted)});
  await createConfProfileStore({env: {ECS_WIZARD_CONFIG_DIR: configDir}}).save({...profile, service: {...profile.service, serviceSpec}});
  return configDir;
}

const deployArgs = (...extra: string[]) => ['deploy', 'web-api', '--env', 'staging', '--tag', '1.5.0', '--yes', ...extra];

describe('a canary deploy --simulate in a terminal', () => {
  test('crash-loop: the bar moves to the canary step, the tasks crash under traffic, traffic goes back; rolled back, exit 3', async () => {
    const cli = spawnCli(deployArgs('--simulate=crash-loop', '--simulate-speed', '10'), {configDir: await canaryConfig({breaker: true}), rows: 60, cols: 120});
    let screen = await cli.waitForText(/CANARY .*▶ scale up/);
    expect(screen).toMatch(/production {2}old ▒{40} new {2}new 0% · old 100%/);
    expect(screen).toContain('r roll back (ECS)');
    screen = await cli.waitForText('new 10% · old 90%');
    expect(screen).toMatch(/✓ scale up → ✓ test traffic → ▶ production traffic/);
    expect(screen).toMatch(/production {2}old ▒{36}█{4} new {2}new 10% · old 90%/);
    expect(screen).toMatch(/step bake: \d+s left of 1 min at 10%/);
    await cli.waitForText('Rolled back (simulated) · exit 3');
    // The log lines scroll up past the screen (the crashed tasks' own logs follow them): read everything written.
    const written = cli.output().replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
    expect(written).toContain('production traffic: new 10% · old 90%');
    expect(written).toContain('production traffic: new 0% · old 100% (moved back to the old revision)');
    expect(written).not.toContain('new 100%');
    expect(await cli.waitForExit()).toBe(3);
  });

  test('a asks, then ECS (the simulator) aborts the deployment and says so', async () => {
    const cli = spawnCli(deployArgs('--simulate', '--simulate-speed', '5'), {configDir: await canaryConfig(), rows: 60, cols: 120});
    await cli.waitForText('a abort (ECS)');
    await cli.press('a');
    await cli.waitForText('Abort the deployment (StopServiceDeployment ABORT)? y asks ECS');
    await cli.press('y');
    await cli.waitForText(/ECS accepted StopServiceDeployment ABORT for service deployment \S+; watching what it does\./);
    // The deployment stopped where it was; the service runs web-api:1 again: the watch says so (exit 3).
    const screen = await cli.waitForText(/Rolled back \(simulated\) · exit 3/);
    expect(screen).toContain('ECS: STOPPED — Service deployment stopped: StopServiceDeployment (ABORT) was requested.');
    expect(screen).toContain('was stopped (Service deployment');
    expect(await cli.waitForExit()).toBe(3);
  });
});
