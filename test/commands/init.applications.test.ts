/**
 * `ecs-wizard init` and the application's environments: three services of one application, two environments defined
 * once (the readme's example, end to end through the real composition root).
 */
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeEach, describe, expect, test} from 'vitest';
import {createConfProfileStore} from '../../source/adapters/conf-profile-store.js';
import {offlineCli, type CliResult} from '../helpers/offline-cli.js';

const ROLE = 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole';
const work = mkdtempSync(join(tmpdir(), 'ecs-wizard-init-apps-'));
afterAll(() => rmSync(work, {recursive: true, force: true}));

let configDir: string;
beforeEach(() => {
  configDir = mkdtempSync(join(work, 'config-'));
});

const cli = (argv: string[]): Promise<CliResult> => offlineCli(configDir, argv);

const service = (name: string): string[] => ['init', '--app', 'shop', '--service', name, '--image', 'nginx', '--tag', '1.27', '--launch-type', 'FARGATE'];

describe('init with an application that has environments', () => {
  test('the first service defines them; the next ones name them only and get their values; a flag given changes them for all', async () => {
    const web = await cli([
      ...service('web'),
      ...['--env', 'staging', '--cluster', 'shop-staging', '--subnets', 'subnet-0a1b2c3d', '--security-groups', 'sg-0a1b2c3d', '--execution-role', ROLE],
      ...['--env', 'production', '--cluster', 'shop-prod', '--subnets', 'subnet-0b2c3d4e', '--security-groups', 'sg-0b2c3d4e'],
      '--yes',
    ]);
    expect(web.code).toBe(0);
    const api = await cli([...service('api'), '--env', 'staging', '--env', 'production', '--yes']);
    expect(api.code).toBe(0);
    expect(api.err).toContain("--env staging: the application shop's environment (us-east-1 / shop-staging (FARGATE); used by web)");
    const store = createConfProfileStore({env: {ECS_WIZARD_CONFIG_DIR: configDir}});
    const [webProfile, apiProfile] = [await store.get('web'), await store.get('api')];
    expect(apiProfile?.environments).toEqual(webProfile?.environments);

    const worker = await cli([...service('worker'), '--env', 'staging', '--cluster', 'shop-staging-blue', '--yes']);
    expect(worker.code).toBe(0);
    expect(worker.err).toContain('--cluster given: saving changes it for every service that uses it');
    expect(worker.err).toContain('environment staging of application shop changed (cluster): for api, web too');
    expect((await store.get('web'))?.environments[0]?.cluster).toBe('shop-staging-blue');
    expect((await store.get('worker'))?.environments[0]).toEqual({...webProfile!.environments[0]!, cluster: 'shop-staging-blue'});

    const shown = JSON.parse((await cli(['apps', 'show', 'shop', '--json'])).out);
    expect(shown.environments.map((environment: {name: string; services: string[]}) => [environment.name, environment.services])).toEqual([
      ['staging', ['api', 'web', 'worker']],
      ['production', ['api', 'web']],
    ]);
  });

  test('an environment the application does not have still needs its values (exit 2 naming the flag)', async () => {
    await cli([
      ...service('web'),
      '--env',
      'staging',
      '--cluster',
      'shop-staging',
      '--subnets',
      'subnet-0a1b2c3d',
      '--security-groups',
      'sg-0a1b2c3d',
      '--execution-role',
      ROLE,
      '--yes',
    ]);
    const api = await cli([...service('api'), '--env', 'qa', '--yes']);
    expect(api.code).toBe(2);
    expect(api.err).toContain('--cluster');
  });
});
