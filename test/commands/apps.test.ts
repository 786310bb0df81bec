/**
 * `ecs-wizard apps list|show|rename|rm` through the real composition root and a store on disk: exit codes, --json,
 * and rm's refusal without a terminal or --yes.
 */
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {PassThrough, Readable} from 'node:stream';
import {afterAll, beforeEach, describe, expect, test} from 'vitest';
import {createConfProfileStore} from '../../source/adapters/conf-profile-store.js';
import {main} from '../../source/cli.js';
import {ec2FormProfile, fargateJsonProfile} from '../helpers/profile-fixtures.js';

const work = mkdtempSync(join(tmpdir(), 'ecs-wizard-apps-'));
afterAll(() => rmSync(work, {recursive: true, force: true}));

let configDir: string;
beforeEach(async () => {
  configDir = mkdtempSync(join(work, 'config-'));
  const store = createConfProfileStore({env: {ECS_WIZARD_CONFIG_DIR: configDir}});
  await store.save(fargateJsonProfile({name: 'web', application: 'shop'}));
  await store.save(fargateJsonProfile({name: 'api', application: 'shop', runs: []}));
  await store.save(ec2FormProfile({name: 'blog', application: 'blog'}));
});

export async function cli(argv: string[], dir = configDir): Promise<{code: number; out: string; err: string}> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const env = {ECS_WIZARD_CONFIG_DIR: dir, CI: 'true', AWS_REGION: 'us-east-1', AWS_ENDPOINT_URL: 'http://127.0.0.1:9', AWS_EC2_METADATA_DISABLED: 'true'};
  const code = await main({argv, env, io: {stdin: Readable.from([]), stdout, stderr}});
  return {code, out, err};
}

describe('ecs-wizard apps', () => {
  test('list: one line per application, its services and environments; --json the same facts', async () => {
    const text = await cli(['apps', 'list']);
    expect(text.code).toBe(0);
    expect(text.out).toBe(
      [
        'APPLICATION  SERVICES (PROFILES)  ENVIRONMENTS',
        'blog         blog                 dev',
        'shop         api,web              staging,production',
        '',
      ].join('\n'),
    );
    const json = await cli(['apps', 'list', '--json']);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.out);
    expect(parsed.map((application: {name: string}) => application.name)).toEqual(['blog', 'shop']);
    expect(parsed[1].environments[0]).toMatchObject({name: 'staging', cluster: 'web-staging', services: ['api', 'web']});
  });

  test('show: environments with the services using them, then services with their environments; unknown: exit 2 naming the others', async () => {
    const shown = await cli(['apps', 'show', 'shop']);
    expect(shown.code).toBe(0);
    expect(shown.out).toBe(
      [
        'Application  shop',
        'Environments',
        '  staging: us-east-1 / web-staging (FARGATE) subnets subnet-0a1b2c3d4e5f60718 sg sg-0123456789abcdef0 public IP role arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
        '    used by api, web',
        '  production: us-east-1 / arn:aws:ecs:us-east-1:123456789012:cluster/web-production (FARGATE) subnets subnet-0b2c3d4e5f6071829,subnet-0c3d4e5f607182930 sg sg-0fedcba9876543210 role arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
        '    used by api, web',
        'Artifact servers',
        '  registry.example.com:5000 [registry] user deploy, credentials arn:aws:secretsmanager:us-east-1:123456789012:secret:registry-creds-AbCdEf (KMS arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab): api, web',
        'Services',
        '  api (service web-api): staging,production',
        '  web (service web-api): staging,production',
        '',
      ].join('\n'),
    );
    expect(JSON.parse((await cli(['apps', 'show', 'shop', '--json'])).out).services).toEqual([
      {profile: 'api', service: 'web-api', environments: ['staging', 'production']},
      {profile: 'web', service: 'web-api', environments: ['staging', 'production']},
    ]);
    expect(JSON.parse((await cli(['apps', 'show', 'shop', '--json'])).out).artifactServers).toEqual([
      {
        host: 'registry.example.com:5000',
        registry: 'registry',
        username: 'deploy',
        credentialsSecretArn: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:registry-creds-AbCdEf',
        kmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
        services: ['api', 'web'],
      },
    ]);
    const missing = await cli(['apps', 'show', 'shoop']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("no application named 'shoop'");
    expect(missing.err).toContain('the applications are: blog, shop');
    expect(missing.err).not.toContain('    at ');
  });

  test('rename: the profiles follow; a taken name is refused (exit 2) and nothing changes', async () => {
    const taken = await cli(['apps', 'rename', 'shop', 'blog']);
    expect(taken.code).toBe(2);
    expect(taken.err).toContain("an application named 'blog' exists");
    const renamed = await cli(['apps', 'rename', 'shop', 'store', '--json']);
    expect(renamed.code).toBe(0);
    expect(JSON.parse(renamed.out)).toEqual({renamed: {from: 'shop', to: 'store'}, services: ['api', 'web']});
    const profile = await createConfProfileStore({env: {ECS_WIZARD_CONFIG_DIR: configDir}}).get('web');
    expect(profile?.application).toBe('store');
  });

  test('rm: refused without a terminal unless --yes (exit 2, nothing removed); with --yes its profiles go too', async () => {
    const refused = await cli(['apps', 'rm', 'shop']);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("not removing the application 'shop': 2 environments and the profiles api, web without --yes");
    expect((await cli(['profiles', 'list', '--json'])).out).toContain('"web"');
    const removed = await cli(['apps', 'rm', 'shop', '--yes', '--json']);
    expect(removed.code).toBe(0);
    expect(JSON.parse(removed.out)).toEqual({removed: true, application: 'shop', profiles: ['api', 'web']});
    expect(JSON.parse((await cli(['profiles', 'list', '--json'])).out).map((profile: {name: string}) => profile.name)).toEqual(['blog']);
  });

  test('an empty store: list says how to start', async () => {
    const empty = mkdtempSync(join(work, 'empty-'));
    expect(await cli(['apps', 'list'], empty)).toEqual({code: 0, out: 'No applications yet: ecs-wizard init creates one.\n', err: ''});
  });
});
