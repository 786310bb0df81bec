/**
 * The built CLI in a real pseudo-terminal, deploying against the rollout simulator (no AWS account): the Ink deploy
 * screen from the first line to the exit code. The simulator runs the profile's service already (revision 1), so a
 * deploy updates it and a crash loop rolls back to it.
 */
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeAll, describe, expect, test} from 'vitest';
import {createConfProfileStore} from '../../source/adapters/conf-profile-store.js';
import {disposeAll, ensureBuilt, spawnCli} from '../helpers/pty.js';
import {fargateJsonProfile} from '../helpers/profile-fixtures.js';

beforeAll(async () => {
  await ensureBuilt({ifStale: true});
}, 120_000);

afterEach(() => disposeAll());

async function configWithProfile(): Promise<string> {
  const configDir = mkdtempSync(join(tmpdir(), 'ecsw-deploy-'));
  await createConfProfileStore({env: {ECS_WIZARD_CONFIG_DIR: configDir}}).save(fargateJsonProfile());
  return configDir;
}

const deployArgs = (...extra: string[]) => ['deploy', 'web-api', '--env', 'staging', '--tag', '1.5.0', ...extra];

describe('deploy --simulate in a terminal', () => {
  test('success: says it is simulated, shows the rollout, exits 0', async () => {
    const cli = spawnCli(deployArgs('--simulate', '--simulate-speed', '20', '--yes'), {configDir: await configWithProfile(), rows: 60, cols: 120});
    await cli.waitForText('SIMULATED · scenario success · 20× speed · no AWS account, nothing is changed in AWS');
    const screen = await cli.waitForText('Deployed (simulated) · exit 0');
    expect(screen).toContain('✓ register: done — registered web-api:2');
    expect(screen).toContain('✓ deployed (simulated): web-api:2 is running 1/1 tasks');
    expect(screen).toMatch(/PRIMARY\s+web-api:2 \*\s+COMPLETED\s+1\s+1\s+0\s+0\s+█{12}/);
    expect(await cli.waitForExit()).toBe(0);
  });

  test("crash loop: the stopped task's reason is on screen, the circuit breaker rolls back, exit 3", async () => {
    const cli = spawnCli(deployArgs('--simulate=crash-loop', '--simulate-speed', '20', '--yes'), {configDir: await configWithProfile(), rows: 60, cols: 120});
    let screen = await cli.waitForText('stopped: Essential container in task exited (team_web-api_1_5_0 exit 1)');
    expect(screen).toContain('essential-exit: essential container team_web-api_1_5_0 exited with code 1');
    screen = await cli.waitForText('Rolled back (simulated) · exit 3');
    expect(screen).toMatch(/circuit breaker: \d of 3 failed tasks seen — the deployment was rolled back/);
    expect(screen).toMatch(/PRIMARY\s+web-api:1\s+COMPLETED/);
    expect(await cli.waitForExit()).toBe(3);
  });

  test('d detaches: the deployment goes on, the watch command is printed, exit 5', async () => {
    const cli = spawnCli(deployArgs('--simulate=slow-start', '--yes'), {configDir: await configWithProfile(), rows: 50, cols: 120});
    await cli.waitForText(/PRIMARY\s+web-api:2 \*/);
    await cli.waitForText('r roll back now  d detach  ctrl-c detach');
    await cli.press('d');
    const screen = await cli.waitForText('Watch it again: ecs-wizard watch web-api --env staging --simulate=slow-start');
    expect(screen).toContain('Detached: the deployment goes on · exit 5');
    expect(await cli.waitForExit()).toBe(5);
  });

  test('without --yes it asks; n changes nothing (exit 5)', async () => {
    const cli = spawnCli(deployArgs('--simulate'), {configDir: await configWithProfile(), rows: 60, cols: 120});
    const screen = await cli.waitForText('Deploy web-api to staging? (y/n)');
    expect(screen).toContain('Plan: update in place');
    expect(screen).toContain('will     register web-api:2, update service web-api (update in place)');
    await cli.press('n');
    await cli.waitForText('Stopped · exit 5');
    expect(await cli.waitForExit()).toBe(5);
  });
});

describe('deploy --simulate with Fargate Spot and auto scaling, in a terminal', () => {
  test('the capacity check, then the scaling step after the rollout, on the deploy screen', async () => {
    const configDir = mkdtempSync(join(tmpdir(), 'ecsw-deploy-'));
    const profile = fargateJsonProfile();
    profile.environments[0]!.capacityProviderStrategy = [
      {capacityProvider: 'FARGATE', weight: 1, base: 1},
      {capacityProvider: 'FARGATE_SPOT', weight: 3},
    ];
    profile.service.autoScaling = {minCount: 2, maxCount: 10, policies: [{metric: 'cpu', target: 60}]};
    await createConfProfileStore({env: {ECS_WIZARD_CONFIG_DIR: configDir}}).save(profile);
    const cli = spawnCli(deployArgs('--simulate', '--simulate-speed', '20', '--yes'), {configDir, rows: 60, cols: 140});
    const screen = await cli.waitForText('Deployed (simulated) · exit 0');
    expect(screen).toContain('✓ check capacity-providers: ok — FARGATE, FARGATE_SPOT are attached to cluster web-staging');
    expect(screen).toContain('✓ scaling: done — auto scaling applied: 2–10 tasks, CPU 60%');
    expect(await cli.waitForExit()).toBe(0);
  });
});
