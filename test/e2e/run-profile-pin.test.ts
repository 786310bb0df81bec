/**
 * The built CLI in a real pseudo-terminal: home → "Run a saved profile" → the tags of a real docker-registry on
 * loopback → `p` pins the highlighted tag (a moving `latest`) to the digest it points to now → the plan of the
 * simulated deploy shows the image by that digest (`…/team/web-api:latest@sha256:…`).
 */
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, afterEach, beforeAll, beforeEach, describe, expect, test} from 'vitest';
import {createConfProfileStore} from '../../source/adapters/conf-profile-store.js';
import {pushImage, registryTools, startDockerRegistry, type RegistryServer} from '../helpers/docker-registry.js';
import {disposeAll, ensureBuilt, spawnCli} from '../helpers/pty.js';
import {fargateJsonProfile} from '../helpers/profile-fixtures.js';

const tools = registryTools();
let registry: RegistryServer | undefined;
let moved = '';

beforeAll(async () => {
  await ensureBuilt({ifStale: true});
  if (tools.dockerRegistry === undefined) return;
  registry = await startDockerRegistry(tools.dockerRegistry);
  await pushImage(registry.url, 'team/web-api', ['1.4.2', 'latest'], {seed: 'first'});
  moved = await pushImage(registry.url, 'team/web-api', ['latest'], {seed: 'moved'});
}, 120_000);
beforeEach((context) => {
  if (tools.missing !== '') context.skip(tools.missing);
});
afterAll(async () => registry?.stop());
afterEach(() => disposeAll());

describe('run a saved profile in a terminal: a tag pinned to its digest', () => {
  test('p on latest: the plan deploys latest@sha256:… (the digest latest points to now)', async () => {
    const configDir = mkdtempSync(join(tmpdir(), 'ecsw-pin-'));
    const profile = fargateJsonProfile({runs: []});
    profile.service.artifact = {registry: 'registry', host: registry!.host, image: 'team/web-api', tag: '1.4.2'};
    delete profile.service.registryAuth;
    profile.environments = [profile.environments[0]!];
    await createConfProfileStore({env: {ECS_WIZARD_CONFIG_DIR: configDir}}).save(profile);

    const cli = spawnCli([], {configDir, rows: 50, cols: 160});
    await cli.waitForText('1 saved profile');
    for (let i = 0; i < 8 && !(await cli.waitForText(/❯ /)).includes('❯ Run a saved profile'); i++) {
      await cli.press('down');
      await cli.waitForText(/❯ /);
    }
    await cli.press('enter');
    await cli.waitForText('Which profile?');
    await cli.press('enter');
    await cli.waitForText('p: 1.4.2 pinned to sha256:');
    await cli.press('down');
    let screen = await cli.waitForText(`p: latest pinned to ${moved.slice(0, 'sha256:'.length + 12)}`);
    expect(screen).toMatch(/p pin to its digest/);
    await cli.press('p');
    screen = await cli.waitForText('Where?');
    expect(screen).toContain(`Tag: latest@${moved}`);
    await cli.press('down');
    await cli.waitForText('❯ Simulate: success');
    await cli.press('enter');
    screen = await cli.waitForText('Deploy web-api to staging? (y/n)');
    expect(screen.replace(/\s+/g, '')).toContain(`${registry!.host}/team/web-api:latest@${moved}`);
    await cli.press('n');
    await cli.waitForText('Stopped · exit 5');
    await cli.press('esc');
    await cli.waitForText('ecs-wizard · home');
    await cli.press('q');
    expect(await cli.waitForExit()).toBe(0);
  });
});
