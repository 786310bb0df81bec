/**
 * `ecs-wizard import` in a real terminal, into an application environment another service uses with other values:
 * the change and what the other service will render are shown, then asked; "no" saves nothing (exit 5), "y" saves
 * and changes it for that service too. Offline: the service and task definition come from describe output in files.
 */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeAll, describe, expect, test} from 'vitest';
import {createConfProfileStore} from '../../source/adapters/conf-profile-store.js';
import {disposeAll, ensureBuilt, spawnCli} from '../helpers/pty.js';
import {PagingEcs, seedTaskDefinition} from '../helpers/paging-ecs.js';
import {fargateEnvironments, fargateJsonProfile} from '../helpers/profile-fixtures.js';

beforeAll(async () => {
  await ensureBuilt({ifStale: true});
}, 120_000);

afterEach(() => disposeAll());

/** The describe output of service web in cluster prod and its task definition, as files. */
async function describeFiles(dir: string): Promise<string[]> {
  const ecs = new PagingEcs();
  ecs.register(seedTaskDefinition('web', 1));
  ecs.addService({
    cluster: 'prod',
    serviceName: 'web',
    taskDefinition: 'web:1',
    desiredCount: 1,
    launchType: 'FARGATE',
    networkConfiguration: {awsvpcConfiguration: {subnets: ['subnet-0aaa1111'], securityGroups: ['sg-0123abcd'], assignPublicIp: 'DISABLED'}},
  });
  const td = join(dir, 'td.json');
  const svc = join(dir, 'svc.json');
  writeFileSync(td, JSON.stringify(await ecs.describeTaskDefinition('web:1')));
  writeFileSync(svc, JSON.stringify({services: [(await ecs.describeServices('prod', ['web']))[0]!.raw], failures: []}));
  return ['--from-file', svc, '--from-file', td];
}

describe('import into a shared environment, on a terminal', () => {
  test('shows the change and asks: "n" saves nothing (exit 5); "y" saves it for the other service too', async () => {
    const configDir = mkdtempSync(join(tmpdir(), 'ecs-wizard-import-shared-'));
    try {
      const store = createConfProfileStore({env: {ECS_WIZARD_CONFIG_DIR: configDir}});
      await store.save(fargateJsonProfile({name: 'api', application: 'shop', environments: [fargateEnvironments()[1]!]}));
      const files = await describeFiles(configDir);
      const argv = ['import', ...files, '--as', 'web-prod', '--app', 'shop', '--env', 'production'];

      const no = spawnCli(argv, {configDir, cols: 200, rows: 50});
      const screen = await no.waitForText('Change production for 1 service (api)? [y/N]');
      expect(screen).toContain('Changed environment production of application shop:');
      expect(screen).toContain('Affects 1 service: api.');
      expect(screen).toContain('~ cluster: "web-production" → "prod"');
      await no.press('enter');
      await no.waitForText('Import cancelled: nothing was saved.');
      expect(await no.waitForExit()).toBe(5);
      expect(await store.get('web-prod')).toBeUndefined();
      expect((await store.get('api'))?.environments[0]?.cluster).toBe('arn:aws:ecs:us-east-1:123456789012:cluster/web-production');

      const yes = spawnCli(argv, {configDir, cols: 200, rows: 50});
      await yes.waitForText('[y/N]');
      await yes.press('y');
      await yes.press('enter');
      await yes.waitForText("as profile 'web-prod'");
      expect(await yes.waitForExit()).toBe(0);
      expect((await store.get('api'))?.environments[0]?.cluster).toBe('prod');
    } finally {
      rmSync(configDir, {recursive: true, force: true});
    }
  });
});
