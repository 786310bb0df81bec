/**
 * An application's artifact servers in a real terminal: the wizard offers them before a new registry, and choosing
 * one skips the registry questions; `apps server-edit` shows the change and the services it reaches, then asks.
 */
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeAll, describe, expect, test} from 'vitest';
import {createConfProfileStore} from '../../source/adapters/conf-profile-store.js';
import {disposeAll, ensureBuilt, spawnCli} from '../helpers/pty.js';
import {fargateJsonProfile} from '../helpers/profile-fixtures.js';

beforeAll(async () => {
  await ensureBuilt();
}, 120_000);

afterEach(() => {
  disposeAll();
});

/** shop: web and api pull from its server "team" (registry.example.com:5000, user deploy, a credentials secret). */
async function seeded(): Promise<string> {
  const configDir = mkdtempSync(join(tmpdir(), 'ecs-wizard-servers-e2e-'));
  const store = createConfProfileStore({env: {ECS_WIZARD_CONFIG_DIR: configDir}});
  for (const profile of [fargateJsonProfile({name: 'web', application: 'shop'}), fargateJsonProfile({name: 'api', application: 'shop', runs: []})])
    await store.save({...profile, service: {...profile.service, artifact: {...profile.service.artifact, server: 'team'}}});
  return configDir;
}

describe('artifact servers on a terminal', () => {
  test("the wizard offers the application's registry first; choosing it skips the registry questions", async () => {
    const configDir = await seeded();
    try {
      const cli = spawnCli(['init', '--app', 'shop', '--service', 'checkout'], {configDir, cols: 120, rows: 32});
      // The list is read from the store: its first row (the application's server) is selected.
      let screen = await cli.waitForText('❯ team');
      expect(screen).toContain("? Source server: use one of shop's registries, or a new one");
      expect(screen).toContain('registry.example.com:5000 · private, user deploy, secret · used by api, web');
      expect(screen).toContain('A new registry…');
      await cli.press('enter');
      // The server's user needs a password to list tags (never saved); the registry, address and user are not asked.
      screen = await cli.waitForText('? Password of deploy at registry.example.com:5000');
      expect(screen).toContain("✔ Source server: team (the application's: registry.example.com:5000)");
      expect(screen).not.toContain('Where does the Docker image come from?');
      expect(screen).not.toContain('Registry address');
      await cli.press('esc');
      await cli.waitForText('❯ team');
      await cli.press('down');
      await cli.waitForText('❯ A new registry…');
      await cli.press('enter');
      await cli.waitForText('? Where does the Docker image come from?');
      await cli.press('ctrl-c');
      await cli.waitForText('Leave the setup?');
      await cli.press('down');
      await cli.waitForText('❯ Quit without saving');
      await cli.press('enter');
      // Quit without saving: interrupted (5), nothing saved.
      expect(await cli.waitForExit()).toBe(5);
      expect(await createConfProfileStore({env: {ECS_WIZARD_CONFIG_DIR: configDir}}).get('checkout')).toBeUndefined();
    } finally {
      rmSync(configDir, {recursive: true, force: true});
    }
  });

  test('apps server-edit shows the change and the services it reaches, then asks; "n" changes nothing', async () => {
    const configDir = await seeded();
    try {
      const cli = spawnCli(['apps', 'server-edit', 'team', '--registry', 'registry.example.com:6000'], {configDir, cols: 200});
      const screen = await cli.waitForText('Change team for 2 services (api, web)? [y/N]');
      expect(screen).toContain('  (host)');
      expect(screen).toContain('Affects 2 services: api, web.');
      await cli.press('n');
      await cli.press('enter');
      await cli.waitForText('Nothing changed.');
      expect(await cli.waitForExit()).toBe(0);
      expect((await createConfProfileStore({env: {ECS_WIZARD_CONFIG_DIR: configDir}}).get('web'))?.service.artifact.host).toBe('registry.example.com:5000');
    } finally {
      rmSync(configDir, {recursive: true, force: true});
    }
  });
});
