/**
 * `ecs-wizard env list|add|edit|rm` through the real composition root and a store on disk.
 */
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeEach, describe, expect, test} from 'vitest';
import {createConfProfileStore} from '../../source/adapters/conf-profile-store.js';
import {ec2FormProfile, fargateJsonProfile} from '../helpers/profile-fixtures.js';
import {offlineCli, type CliResult} from '../helpers/offline-cli.js';

const work = mkdtempSync(join(tmpdir(), 'ecs-wizard-env-'));
afterAll(() => rmSync(work, {recursive: true, force: true}));

let configDir: string;
const store = () => createConfProfileStore({env: {ECS_WIZARD_CONFIG_DIR: configDir}});
beforeEach(async () => {
  configDir = mkdtempSync(join(work, 'config-'));
  await store().save(fargateJsonProfile({name: 'web', application: 'shop'}));
  await store().save(fargateJsonProfile({name: 'api', application: 'shop', runs: []}));
  await store().save(ec2FormProfile({name: 'blog', application: 'blog'}));
});

const cli = (argv: string[]): Promise<CliResult> => offlineCli(configDir, argv);

describe('ecs-wizard env', () => {
  test('list: every application’s environments with the services using them; --app narrows; --json', async () => {
    const all = await cli(['env', 'list']);
    expect(all.code).toBe(0);
    expect(all.out.split('\n').map((line) => line.replace(/\s+/g, ' ').trim())).toEqual([
      'APPLICATION ENVIRONMENT REGION CLUSTER LAUNCH SERVICES',
      'blog dev us-east-1 demo-ec2 EC2 blog',
      'shop staging us-east-1 web-staging FARGATE api,web',
      'shop production us-east-1 arn:aws:ecs:us-east-1:123456789012:cluster/web-production FARGATE api,web',
      '',
    ]);
    const json = JSON.parse((await cli(['env', 'list', '--app', 'blog', '--json'])).out);
    expect(json).toEqual([{application: 'blog', name: 'dev', region: 'us-east-1', cluster: 'demo-ec2', launchType: 'EC2', services: ['blog']}]);
    const unknown = await cli(['env', 'list', '--app', 'nope']);
    expect(unknown.code).toBe(2);
  });

  test('add: a new environment (checked: a bad value names its field, exit 2); a taken name is refused', async () => {
    const added = await cli([
      'env',
      'add',
      'qa',
      '--app',
      'shop',
      '--region',
      'eu-west-1',
      '--cluster',
      'qa',
      '--launch-type',
      'fargate',
      '--subnets',
      'subnet-0a,subnet-0b',
    ]);
    expect(added.code).toBe(0);
    expect(added.err).toBe('Added environment qa to application shop: eu-west-1 / qa (FARGATE) subnets subnet-0a,subnet-0b sg -.\n');
    expect((await store().application('shop'))?.environments.map((environment) => environment.name)).toEqual(['staging', 'production', 'qa']);
    const bad = await cli([
      'env',
      'add',
      'perf',
      '--app',
      'shop',
      '--region',
      'us-east-1',
      '--cluster',
      'perf',
      '--launch-type',
      'EC2',
      '--execution-role',
      'admin',
    ]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('executionRoleArn: executionRoleArn must be an IAM role ARN');
    const missing = await cli(['env', 'add', 'perf', '--app', 'shop', '--cluster', 'perf']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('a new environment needs --region, --launch-type');
    const taken = await cli(['env', 'add', 'qa', '--app', 'shop', '--region', 'eu-west-1', '--cluster', 'qa', '--launch-type', 'EC2']);
    expect(taken.code).toBe(2);
    expect(taken.err).toContain("the application 'shop' already has an environment named 'qa'");
  });

  test('edit: one change for every service using the environment, and it says which; the app is found by the environment name', async () => {
    const edited = await cli(['env', 'edit', 'staging', '--cluster', 'staging-blue', '--security-groups', 'sg-0aaaaaaa,sg-0bbbbbbb']);
    expect(edited.code).toBe(0);
    expect(edited.out).toBe(
      [
        'Changed environment staging of application shop:',
        '  was us-east-1 / web-staging (FARGATE) subnets subnet-0a1b2c3d4e5f60718 sg sg-0123456789abcdef0 public IP role arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
        '  now us-east-1 / staging-blue (FARGATE) subnets subnet-0a1b2c3d4e5f60718 sg sg-0aaaaaaa,sg-0bbbbbbb public IP role arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
        '  (cluster, network)',
        'Affects 2 services: api, web.',
        ...['api', 'web'].flatMap((name) => [
          `${name}:`,
          '  Plan: will replace',
          '  Task definition: no changes',
          '  Service: will replace (4 changes)',
          '    ~ cluster: "web-staging" → "staging-blue"',
          '      forces replacement: a service cannot move to another cluster',
          '    + networkConfiguration.awsvpcConfiguration.securityGroups[sg-0aaaaaaa]: "sg-0aaaaaaa"',
          '    + networkConfiguration.awsvpcConfiguration.securityGroups[sg-0bbbbbbb]: "sg-0bbbbbbb"',
          '    - networkConfiguration.awsvpcConfiguration.securityGroups[sg-0123456789abcdef0]',
          '          "sg-0123456789abcdef0"',
        ]),
        '',
      ].join('\n'),
    );
    for (const name of ['web', 'api'])
      expect((await store().get(name))?.environments[0]).toMatchObject({cluster: 'staging-blue', network: {securityGroups: ['sg-0aaaaaaa', 'sg-0bbbbbbb']}});
    const json = JSON.parse((await cli(['env', 'edit', 'staging', '--app', 'shop', '--no-public-ip', '--json'])).out);
    expect(json).toMatchObject({
      application: 'shop',
      environment: 'staging',
      fields: ['network'],
      services: ['api', 'web'],
      after: {network: {assignPublicIp: false}},
    });
  });

  test('edit: contradicting flags and an unknown environment are refused (exit 2); nothing is saved', async () => {
    const contradiction = await cli(['env', 'edit', 'staging', '--app', 'shop', '--no-network', '--subnets', 'subnet-0a']);
    expect(contradiction.code).toBe(2);
    expect(contradiction.err).toContain('--no-network removes the awsvpc network');
    const unknown = await cli(['env', 'edit', 'stagin', '--app', 'shop', '--cluster', 'x']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("the application 'shop' has no environment named 'stagin'");
    expect(unknown.err).toContain('its environments are: staging, production');
    expect((await store().get('web'))?.environments[0]?.network?.subnets).toEqual(['subnet-0a1b2c3d4e5f60718']);
  });

  test('rm: refused while services use it, naming them (exit 2); an unused one needs --yes without a terminal', async () => {
    const used = await cli(['env', 'rm', 'production', '--app', 'shop', '--yes']);
    expect(used.code).toBe(2);
    expect(used.err).toContain('the environment "production" of the application "shop" is used by 2 profiles: api, web; nothing was removed');
    await store().addEnvironment('shop', {name: 'qa', region: 'us-east-1', cluster: 'qa', launchType: 'EC2'});
    const unasked = await cli(['env', 'rm', 'qa', '--app', 'shop']);
    expect(unasked.code).toBe(2);
    expect(unasked.err).toContain("not removing environment 'qa' without --yes");
    const removed = await cli(['env', 'rm', 'qa', '--app', 'shop', '--yes', '--json']);
    expect(removed.code).toBe(0);
    expect(JSON.parse(removed.out)).toEqual({removed: true, application: 'shop', environment: 'qa'});
    const ambiguous = await cli(['env', 'rm', 'qa', '--yes']);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.err).toContain('which application? 2 are saved: blog, shop');
  });

  test('edit: every service is rendered with the new values; a change that breaks one is refused naming the service, the environment and the field (exit 2, nothing saved)', async () => {
    // The profile schema takes any string for a security group; the validator render and verify run does not.
    const badGroup = await cli(['env', 'edit', 'staging', '--app', 'shop', '--security-groups', 'sg-0aaa', '--yes']);
    expect(badGroup.code).toBe(2);
    expect(badGroup.err).toContain('changing environment staging of application shop would break 2 services (api, web); nothing was saved:');
    expect(badGroup.err).toContain('  api in staging: environment network.securityGroups[0]: a string ("sg-0aaa") is not a security group id (sg-…)');
    expect(badGroup.err).toContain('  web in staging: environment network.securityGroups[0]: a string ("sg-0aaa") is not a security group id (sg-…)');
    expect(badGroup.err).toContain('--force saves it anyway');
    const ec2 = await cli(['env', 'edit', 'staging', '--app', 'shop', '--launch-type', 'EC2', '--yes']);
    expect(ec2.code).toBe(2);
    expect(ec2.err).toContain('api in staging: containerSpec requiresCompatibilities (line 5, column 30): The environment runs on EC2');
    const noRole = await cli(['env', 'edit', 'staging', '--app', 'shop', '--no-execution-role', '--json']);
    expect(noRole.code).toBe(2);
    expect(noRole.err).toContain('web in staging: containerSpec executionRoleArn (line 3, column 23): ${EXECUTION_ROLE} cannot be replaced');
    expect(noRole.out).toBe('');
    for (const name of ['web', 'api'])
      expect((await store().get(name))?.environments[0]).toMatchObject({
        launchType: 'FARGATE',
        executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
        network: {securityGroups: ['sg-0123456789abcdef0']},
      });
    // Another application's services are not this environment's.
    expect((await store().get('blog'))?.environments[0]?.cluster).toBe('demo-ec2');
  });

  test('edit --force: saved, and each service says what it will now fail', async () => {
    const forced = await cli(['env', 'edit', 'staging', '--app', 'shop', '--no-execution-role', '--yes', '--force']);
    expect(forced.code).toBe(0);
    const error =
      '  error: containerSpec executionRoleArn (line 3, column 23): ${EXECUTION_ROLE} cannot be replaced: environment "staging" has no task execution role (Set the environment\'s execution role, or write the role\'s ARN in executionRoleArn)';
    expect(forced.out.split('\n').slice(4)).toEqual([
      'Affects 2 services: api, web.',
      'api: would no longer render in staging:',
      error,
      'web: would no longer render in staging:',
      error,
      'Saved with --force: api, web will now fail to render, verify and deploy in staging until fixed.',
      '',
    ]);
    expect((await store().get('web'))?.environments[0]?.executionRoleArn).toBeUndefined();
    const render = await cli(['render', 'web', '--env', 'staging']);
    expect(render.code).toBe(2);
    // What a service already fails is not the next change's: that one is not refused (and --json carries each service's impact).
    const json = JSON.parse((await cli(['env', 'edit', 'staging', '--app', 'shop', '--cluster', 'blue', '--yes', '--json'])).out);
    expect(
      json.impact.map((item: {profile: string; breaks: unknown[]; alreadyFailing: number}) => [item.profile, item.breaks.length, item.alreadyFailing]),
    ).toEqual([
      ['api', 0, 1],
      ['web', 0, 1],
    ]);
    const noBreak = JSON.parse((await cli(['env', 'edit', 'production', '--app', 'shop', '--cluster', 'prod-blue', '--json'])).out);
    expect(noBreak.impact[0]).toMatchObject({profile: 'api', breaks: [], alreadyFailing: 0, diff: {impact: 'replace'}});
  });
});
