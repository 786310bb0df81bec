/**
 * `ecs-wizard init --artifact-server NAME`: a service of an application pulls from the application's artifact server
 * (its registry, host, user, secret and key), or defines a new one with --registry; contradicting flags and unknown
 * servers are exit 2 naming the flag. Through the real composition root, offline.
 */
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeEach, describe, expect, test} from 'vitest';
import {createConfProfileStore} from '../../source/adapters/conf-profile-store.js';
import {renderAndValidate} from '../../source/domain/render-and-validate.js';
import {offlineCli, type CliResult} from '../helpers/offline-cli.js';

const ROLE = 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole';
const SECRET = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:registry-creds-AbCdEf';
const work = mkdtempSync(join(tmpdir(), 'ecs-wizard-init-servers-'));
afterAll(() => rmSync(work, {recursive: true, force: true}));

let configDir: string;
beforeEach(() => {
  configDir = mkdtempSync(join(work, 'config-'));
});

const cli = (argv: string[]): Promise<CliResult> => offlineCli(configDir, argv);

const service = (name: string, ...more: string[]): string[] => [
  'init',
  '--app',
  'shop',
  '--service',
  name,
  '--image',
  `team/${name}`,
  '--tag',
  '1.0',
  '--launch-type',
  'EC2',
  '--port',
  '80',
  '--execution-role',
  ROLE,
  '--env',
  'dev',
  '--cluster',
  'dev',
  '--yes',
  ...more,
];
const store = () => createConfProfileStore({env: {ECS_WIZARD_CONFIG_DIR: configDir}});

describe('init --artifact-server', () => {
  test("a defined server gives the registry, user and secret: the service keeps image and tag; it renders with the server's credentials", async () => {
    const added = await cli([
      'apps',
      'server-add',
      'team',
      '--app',
      'shop',
      '--registry',
      'registry.example.com:5000',
      '--registry-username',
      'deploy',
      '--credentials-secret',
      SECRET,
    ]);
    expect(added.code).toBe(0);
    const saved = await cli(service('api', '--artifact-server', 'team'));
    expect(saved.err).toContain("--artifact-server team: the application's registry registry.example.com:5000 (used by no service yet)");
    expect(saved.code).toBe(0);
    const profile = (await store().get('api'))!;
    expect(profile.service.artifact).toEqual({
      registry: 'registry',
      host: 'registry.example.com:5000',
      image: 'team/api',
      tag: '1.0',
      username: 'deploy',
      server: 'team',
    });
    expect(profile.service.registryAuth).toEqual({credentialsSecretArn: SECRET});
    const rendered = renderAndValidate({profile, environment: 'dev'});
    expect(rendered.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(JSON.stringify(rendered.taskDefinition)).toContain(`"repositoryCredentials":{"credentialsParameter":"${SECRET}"}`);
    // The IAM advice is the server's secret, as for a service with its own settings.
    expect(saved.err).toContain(`"Resource":["${SECRET}"]`);
    const file = JSON.parse(readFileSync(join(configDir, 'profiles.json'), 'utf8'));
    expect(file.profiles.api.service.artifact).toEqual({server: 'team', image: 'team/api', tag: '1.0'});
    expect((await cli(service('web', '--artifact-server', 'team'))).code).toBe(0);
    expect((await cli(['apps', 'servers', 'shop', '--json'])).out).toContain('"services": [\n      "api",\n      "web"\n    ]');
  });

  test('with --registry, a name the application lacks defines a new server', async () => {
    const saved = await cli(service('api', '--artifact-server', 'mirror', '--registry', 'mirror.example.com', '--anonymous-registry'));
    expect(saved.code, saved.err).toBe(0);
    const view = await store().application('shop');
    expect(view?.artifactServers).toEqual([{name: 'mirror', registry: 'registry', host: 'mirror.example.com', services: ['api']}]);
  });

  test('refused (exit 2, nothing saved): registry flags beside a defined server; an unknown server without --registry; a bad name', async () => {
    await cli(['apps', 'server-add', 'team', '--app', 'shop', '--registry', 'registry.example.com:5000']);
    const both = await cli(service('api', '--artifact-server', 'team', '--registry', 'other.example.com', '--credentials-secret', SECRET));
    expect(both.code).toBe(2);
    expect(both.err).toContain(
      "--artifact-server: the application's server team defines the registry (registry.example.com:5000): leave out --registry, --credentials-secret (change the server for every service with: ecs-wizard apps server-edit team)",
    );
    const unknown = await cli(service('api', '--artifact-server', 'tema'));
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('--artifact-server: the application has no artifact server tema (its servers: team): to define it, give --registry');
    const bad = await cli(service('api', '--artifact-server', 'a b'));
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--artifact-server: "a b" is not an artifact server name');
    expect(await store().get('api')).toBeUndefined();
  });
});
