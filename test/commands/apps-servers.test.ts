/**
 * `ecs-wizard apps servers|server-add|server-edit|server-rm|server-adopt` through the real composition root and a
 * store on disk, offline (AWS at a closed loopback port: the secret cannot be checked, a note says so).
 */
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeEach, describe, expect, test} from 'vitest';
import {createConfProfileStore} from '../../source/adapters/conf-profile-store.js';
import type {Profile} from '../../source/domain/model.js';
import {renderAndValidate} from '../../source/domain/render-and-validate.js';
import {REGISTRY_KMS_KEY_ARN, REGISTRY_SECRET_ARN, ec2FormProfile, fargateJsonProfile} from '../helpers/profile-fixtures.js';
import {offlineCli, type CliResult} from '../helpers/offline-cli.js';

const work = mkdtempSync(join(tmpdir(), 'ecs-wizard-servers-'));
afterAll(() => rmSync(work, {recursive: true, force: true}));
const NEW_SECRET = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:registry-v2-XyZabc';

let configDir: string;
const store = () => createConfProfileStore({env: {ECS_WIZARD_CONFIG_DIR: configDir}});
const onServer = (profile: Profile, server: string): Profile => ({...profile, service: {...profile.service, artifact: {...profile.service.artifact, server}}});

beforeEach(async () => {
  configDir = mkdtempSync(join(work, 'config-'));
  // web and api pull from the team registry (a server); blog keeps its own Docker Hub settings; cron uses the hub server.
  await store().save(onServer(fargateJsonProfile({name: 'web', application: 'shop'}), 'team'));
  await store().save(onServer(fargateJsonProfile({name: 'api', application: 'shop', runs: []}), 'team'));
  await store().save(
    onServer(
      ec2FormProfile({
        name: 'cron',
        application: 'shop',
        environments: [{...ec2FormProfile().environments[0]!, name: 'cron', cluster: 'cron-ec2', launchType: 'EC2'}],
      }),
      'hub',
    ),
  );
  await store().save(ec2FormProfile({name: 'blog', application: 'blog'}));
});

const cli = (argv: string[]): Promise<CliResult> => offlineCli(configDir, argv);

describe('ecs-wizard apps servers', () => {
  test('lists each server with the services that use it; --json the same facts', async () => {
    const listed = await cli(['apps', 'servers', 'shop']);
    expect(listed.code).toBe(0);
    expect(listed.out.split('\n')[0]).toBe(
      'SERVER  KIND       HOST                       USER    CREDENTIALS SECRET                                                          KMS KEY                                                                      SERVICES',
    );
    expect(listed.out).toContain(`team    registry   registry.example.com:5000  deploy  ${REGISTRY_SECRET_ARN}  ${REGISTRY_KMS_KEY_ARN}  api,web`);
    expect(listed.out).toContain('hub     dockerhub  registry.hub.docker.com    -       -');
    const parsed = JSON.parse((await cli(['apps', 'servers', 'shop', '--json'])).out);
    expect(parsed.map((server: {name: string; services: string[]}) => [server.name, server.services])).toEqual([
      ['team', ['api', 'web']],
      ['hub', ['cron']],
    ]);
    const shown = await cli(['apps', 'show', 'shop']);
    expect(shown.out).toContain(
      `Artifact servers\n  team: registry.example.com:5000 [registry] user deploy, credentials ${REGISTRY_SECRET_ARN} (KMS ${REGISTRY_KMS_KEY_ARN})\n    used by api, web\n  hub: registry.hub.docker.com [dockerhub]\n    used by cron\n`,
    );
    expect((await cli(['apps', 'servers', 'shoop'])).code).toBe(2);
  });

  test('server-add: a server from init-style flags (the secret checked when AWS can be asked: a note offline); bad values exit 2 naming the flag', async () => {
    const added = await cli([
      'apps',
      'server-add',
      'mirror',
      '--app',
      'shop',
      '--registry',
      'https://mirror.example.com:5443/v2/',
      '--registry-username',
      'ci',
      '--credentials-secret',
      NEW_SECRET,
    ]);
    expect(added.code).toBe(0);
    expect(added.err).toContain('--credentials-secret: could not check that the secret exists');
    expect(added.err).toContain(`Added artifact server mirror to application shop: mirror.example.com:5443 [registry] user ci, credentials ${NEW_SECRET}.`);
    const view = await store().application('shop');
    expect(view?.artifactServers.find((server) => server.name === 'mirror')).toEqual({
      name: 'mirror',
      registry: 'registry',
      host: 'mirror.example.com:5443',
      username: 'ci',
      credentialsSecretArn: NEW_SECRET,
      services: [],
    });
    for (const [argv, message] of [
      [['--registry', 'ecr'], "--registry ecr: an ECR artifact server needs its registry's address"],
      [['--registry', 'host/with/path'], '--registry: "host/with/path" has a path'],
      [['--registry', 'r.example.com', '--credentials-secret', 'secret'], '--credentials-secret: "secret" is not'],
      [['--registry', 'r.example.com', '--kms-key', REGISTRY_KMS_KEY_ARN], 'kmsKeyArn: a KMS key goes with a credentials secret'],
      [[], 'a new artifact server needs --registry'],
    ] as const) {
      const refused = await cli(['apps', 'server-add', 'x', '--app', 'shop', ...argv]);
      expect(refused.code, argv.join(' ')).toBe(2);
      expect(refused.err).toContain(message);
      expect(refused.err).not.toContain('    at ');
    }
    const taken = await cli(['apps', 'server-add', 'team', '--app', 'shop', '--registry', 'r.example.com']);
    expect(taken.code).toBe(2);
    expect(taken.err).toContain("the application 'shop' already has an artifact server named 'team'");
  });

  test('server-edit: changes it for every service that uses it, naming them; each renders with the new host', async () => {
    const edited = await cli(['apps', 'server-edit', 'team', '--registry', 'registry.example.com:6000', '--yes']);
    expect(edited.code).toBe(0);
    expect(edited.out).toBe(
      [
        'Changed artifact server team of application shop:',
        `  was registry.example.com:5000 [registry] user deploy, credentials ${REGISTRY_SECRET_ARN} (KMS ${REGISTRY_KMS_KEY_ARN})`,
        `  now registry.example.com:6000 [registry] user deploy, credentials ${REGISTRY_SECRET_ARN} (KMS ${REGISTRY_KMS_KEY_ARN})`,
        '  (host)',
        'Affects 2 services: api, web.',
        '',
      ].join('\n'),
    );
    for (const name of ['api', 'web']) {
      const profile = (await store().get(name))!;
      const rendered = renderAndValidate({profile, environment: 'staging'});
      expect(JSON.stringify(rendered.taskDefinition)).toContain('"image":"registry.example.com:6000/team/web-api:1.4.2"');
    }
  });

  test('server-edit refused (exit 2, nothing changed) when a service would not render: the service, environment and field named', async () => {
    const refused = await cli(['apps', 'server-edit', 'hub', '--registry', 'registry.example.com:5000', '--credentials-secret', REGISTRY_SECRET_ARN, '--yes']);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain(
      'the change to artifact server hub would break service cron in environment cron: containerSpec containerDefinitions[0].repositoryCredentials: Private registry authentication needs a task execution role allowed to read the secret; nothing was changed',
    );
    expect(refused.err).not.toContain('    at ');
    expect((await store().get('cron'))?.service.artifact.host).toBe('registry.hub.docker.com');
  });

  test('server-edit of the secret names the execution roles that must read it (IAM not changed without --apply-iam)', async () => {
    const edited = await cli(['apps', 'server-edit', 'team', '--credentials-secret', NEW_SECRET, '--yes']);
    expect(edited.code).toBe(0);
    expect(edited.out).toContain('  (credentials secret, KMS key)');
    expect(edited.out).toContain('IAM not changed (no --apply-iam). These execution roles must be allowed to read the new secret, or the tasks cannot pull:');
    expect(edited.out).toContain('  arn:aws:iam::123456789012:role/ecsTaskExecutionRole (api staging, api production, web staging, web production)');
    expect(edited.out).toContain(`"Resource":["${NEW_SECRET}"]`);
    expect(edited.out).toContain('aws iam put-role-policy --role-name ecsTaskExecutionRole --policy-name ecs-wizard-private-registry');
    expect((await store().get('web'))?.service.registryAuth).toEqual({credentialsSecretArn: NEW_SECRET});
  });

  test('server-rm: refused while used (naming the services); without a terminal --yes is needed; removed when unused', async () => {
    const used = await cli(['apps', 'server-rm', 'team', '--app', 'shop', '--yes']);
    expect(used.code).toBe(2);
    expect(used.err).toContain('the artifact server "team" of the application "shop" is used by 2 profiles: api, web; nothing was removed');
    await cli(['apps', 'server-add', 'spare', '--app', 'shop', '--registry', 'dockerhub']);
    const unasked = await cli(['apps', 'server-rm', 'spare']);
    expect(unasked.code).toBe(2);
    expect(unasked.err).toContain("not removing artifact server 'spare' without --yes");
    expect((await cli(['apps', 'server-rm', 'spare', '--yes'])).code).toBe(0);
    expect((await store().application('shop'))?.artifactServers.map((server) => server.name)).toEqual(['team', 'hub']);
  });

  test('server-adopt: the services keeping their own settings get servers; nothing renders differently', async () => {
    const before = (await store().get('blog'))!;
    const adopted = await cli(['apps', 'server-adopt', 'blog']);
    expect(adopted.code).toBe(0);
    expect(adopted.out).toBe('dockerhub: registry.hub.docker.com [dockerhub]\n  now used by blog\nNothing renders differently.\n');
    const after = (await store().get('blog'))!;
    expect(after.service.artifact.server).toBe('dockerhub');
    expect(JSON.stringify(renderAndValidate({profile: after, environment: 'dev'}))).toBe(
      JSON.stringify(renderAndValidate({profile: before, environment: 'dev'})),
    );
    expect((await cli(['apps', 'server-adopt', 'blog'])).out).toContain('nothing to adopt');
  });

  test('an export names the server and holds its settings; importing it defines the server in a store that lacks it, and is refused where it differs', async () => {
    const file = join(configDir, 'web.json');
    expect((await cli(['profiles', 'export', 'web', file])).code).toBe(0);
    const elsewhere = mkdtempSync(join(work, 'other-'));
    const other = createConfProfileStore({env: {ECS_WIZARD_CONFIG_DIR: elsewhere}});
    const previous = configDir;
    configDir = elsewhere;
    try {
      const imported = await cli(['profiles', 'import', file]);
      expect(imported.code, imported.err).toBe(0);
      expect((await other.application('shop'))?.artifactServers.map((server) => [server.name, server.host, server.services])).toEqual([
        ['team', 'registry.example.com:5000', ['web']],
      ]);
      await cli(['apps', 'server-edit', 'team', '--registry', 'registry.example.com:6000', '--yes']);
      const refused = await cli(['profiles', 'import', file, '--as', 'web2']);
      expect(refused.code).toBe(2);
      expect(refused.err).toContain(`names the artifact server "team" of the application "shop", but its registry differs from it (host)`);
    } finally {
      configDir = previous;
    }
  });
});
