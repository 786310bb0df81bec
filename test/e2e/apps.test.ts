/**
 * `ecs-wizard apps rm` and `env edit` in a real terminal: they ask first, and a "no" changes nothing.
 */
import {mkdtempSync, rmSync} from 'node:fs';
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

async function seeded(): Promise<string> {
  const configDir = mkdtempSync(join(tmpdir(), 'ecs-wizard-apps-e2e-'));
  const store = createConfProfileStore({env: {ECS_WIZARD_CONFIG_DIR: configDir}});
  await store.save(fargateJsonProfile({name: 'web', application: 'shop'}));
  await store.save(fargateJsonProfile({name: 'api', application: 'shop', runs: []}));
  await store.save(ec2FormProfile({name: 'blog', application: 'blog'}));
  return configDir;
}

describe('apps and env on a terminal', () => {
  test('apps rm asks first: "n" keeps everything; "y" removes the application and its profiles', async () => {
    const configDir = await seeded();
    try {
      const store = createConfProfileStore({env: {ECS_WIZARD_CONFIG_DIR: configDir}});
      const no = spawnCli(['apps', 'rm', 'shop'], {configDir, cols: 160});
      await no.waitForText("Remove the application 'shop': 2 environments and the profiles api, web? Nothing is changed on AWS. [y/N]");
      await no.press('n');
      await no.press('enter');
      await no.waitForText('Nothing removed.');
      expect(await no.waitForExit()).toBe(0);
      expect((await store.list()).map((profile) => profile.name)).toEqual(['api', 'blog', 'web']);

      const yes = spawnCli(['apps', 'rm', 'shop'], {configDir, cols: 160});
      await yes.waitForText('[y/N]');
      await yes.press('y');
      await yes.press('enter');
      await yes.waitForText("Removed the application 'shop'");
      expect(await yes.waitForExit()).toBe(0);
      expect((await store.list()).map((profile) => profile.name)).toEqual(['blog']);
    } finally {
      rmSync(configDir, {recursive: true, force: true});
    }
  });

  test('env edit shows the change and the services it reaches, then asks', async () => {
    const configDir = await seeded();
    try {
      const cli = spawnCli(['env', 'edit', 'staging', '--app', 'shop', '--cluster', 'staging-blue'], {configDir});
      const screen = await cli.waitForText('Change staging for 2 services (api, web)? [y/N]');
      expect(screen).toContain('Affects 2 services: api, web.');
      // What each service will render, before it asks.
      expect(screen).toContain('~ cluster: "web-staging" → "staging-blue"');
      await cli.press('enter');
      await cli.waitForText('Nothing changed.');
      expect(await cli.waitForExit()).toBe(0);
      expect((await createConfProfileStore({env: {ECS_WIZARD_CONFIG_DIR: configDir}}).get('web'))?.environments[0]?.cluster).toBe('web-staging');
    } finally {
      rmSync(configDir, {recursive: true, force: true});
    }
  });
});
