/**
 * `ecs-wizard env refresh` through the real composition root, with a Terraform state file on disk: init fills the
 * environment from it (and records where); the file changes; refresh shows each change old → new and saves it.
 * (CloudFormation against moto: test/integration/env-refresh.test.ts.)
 */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {PassThrough, Readable} from 'node:stream';
import {afterAll, beforeEach, describe, expect, test} from 'vitest';
import {createConfProfileStore} from '../../source/adapters/conf-profile-store.js';
import {main} from '../../source/cli.js';

const ROLE = 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole';
const work = mkdtempSync(join(tmpdir(), 'ecs-wizard-env-refresh-'));
afterAll(() => rmSync(work, {recursive: true, force: true}));

let configDir: string;
let statePath: string;
beforeEach(() => {
  configDir = mkdtempSync(join(work, 'config-'));
  statePath = join(mkdtempSync(join(work, 'infra-')), 'terraform.tfstate');
});

function writeState(outputs: Record<string, unknown>): void {
  const entries = Object.fromEntries(
    Object.entries(outputs).map(([name, value]) => [name, {value, type: Array.isArray(value) ? ['list', 'string'] : 'string'}]),
  );
  writeFileSync(statePath, JSON.stringify({version: 4, terraform_version: '1.9.0', outputs: entries, resources: []}));
}

async function cli(argv: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const env = {
    ECS_WIZARD_CONFIG_DIR: configDir,
    CI: 'true',
    AWS_REGION: 'us-east-1',
    AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
    AWS_EC2_METADATA_DISABLED: 'true',
  };
  const code = await main({argv, env, io: {stdin: Readable.from([]), stdout, stderr}});
  return {code, out, err};
}

const stored = async (name = 'web') => (await createConfProfileStore({env: {ECS_WIZARD_CONFIG_DIR: configDir}}).get(name))!;

async function initFromState(extra: string[] = []) {
  const result = await cli([
    'init',
    ...['--app', 'shop', '--service', 'web', '--image', 'nginx', '--tag', '1.27', '--launch-type', 'FARGATE'],
    ...['--env', 'production', '--tf-state', statePath, ...extra, '--yes'],
  ]);
  expect(result.err).toContain(`--tf-state ${statePath}: cluster ← cluster_name`);
  expect(result.code).toBe(0);
}

describe('ecs-wizard env refresh (Terraform state)', () => {
  test('the state file changed on disk: each change shown old → new with its output, saved; run again: nothing changed', async () => {
    writeState({cluster_name: 'prod', private_subnet_ids: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'], task_sg: 'sg-0a1b2c3d', execution_role_arn: ROLE});
    await initFromState();
    const before = await stored();
    expect(before.environments[0]!.provisioner).toEqual({
      kind: 'terraform',
      path: statePath,
      outputs: {cluster: 'cluster_name', subnets: 'private_subnet_ids', securityGroups: 'task_sg', executionRoleArn: 'execution_role_arn'},
    });

    const shown = await cli(['profiles', 'show', 'web']);
    expect(shown.out).toContain(
      `    from Terraform state ${statePath}: cluster ← cluster_name, subnets ← private_subnet_ids, securityGroups ← task_sg, executionRoleArn ← execution_role_arn (read again: ecs-wizard env refresh web --env production)`,
    );

    writeState({cluster_name: 'prod-blue', private_subnet_ids: ['subnet-0a1b2c3d', 'subnet-99999999'], task_sg: 'sg-0a1b2c3d', execution_role_arn: ROLE});
    const refreshed = await cli(['env', 'refresh', 'web']);
    expect(refreshed.err).toBe('');
    expect(refreshed.out).toBe(
      [
        `Environment production of profile web: read Terraform state ${statePath} again.`,
        '  ~ cluster          prod → prod-blue  (cluster_name)',
        '  ~ subnets          subnet-0a1b2c3d, subnet-4e5f6a7b → subnet-0a1b2c3d, subnet-99999999  (private_subnet_ids)',
        '  = security groups  sg-0a1b2c3d  (task_sg)',
        `  = execution role   ${ROLE}  (execution_role_arn)`,
        'Saved 2 changes to profile web.',
        // What the service now renders, before → after (the same diff as `diff`).
        'web:',
        '  Plan: will replace',
        '  Task definition: no changes',
        '  Service: will replace (3 changes)',
        '    ~ cluster: "prod" → "prod-blue"',
        '      forces replacement: a service cannot move to another cluster',
        '    + networkConfiguration.awsvpcConfiguration.subnets[subnet-99999999]: "subnet-99999999"',
        '    - networkConfiguration.awsvpcConfiguration.subnets[subnet-4e5f6a7b]: "subnet-4e5f6a7b"',
        '',
      ].join('\n'),
    );
    expect(refreshed.code).toBe(0);
    const after = await stored();
    expect(after.environments[0]!.cluster).toBe('prod-blue');
    expect(after.environments[0]!.network?.subnets).toEqual(['subnet-0a1b2c3d', 'subnet-99999999']);
    // Nothing else of the profile moved.
    expect({...after, environments: [], updatedAt: ''}).toEqual({...before, environments: [], updatedAt: ''});

    const again = await cli(['env', 'refresh', 'web', '--env', 'production']);
    expect(again.code).toBe(0);
    expect(again.out).toContain('Nothing changed: the profile already holds what the outputs say.');
  });

  test("the environment is the application's: a refresh through one service changes it for the others, and says so", async () => {
    writeState({cluster_name: 'prod', private_subnet_ids: ['subnet-0a1b2c3d'], task_sg: 'sg-0a1b2c3d', execution_role_arn: ROLE});
    await initFromState();
    // A second service of the application names the environment only: the application's values, provisioner included.
    const api = await cli([
      'init',
      '--app',
      'shop',
      '--service',
      'api',
      '--image',
      'nginx',
      '--tag',
      '1.27',
      '--launch-type',
      'FARGATE',
      '--env',
      'production',
      '--yes',
    ]);
    expect(api.code).toBe(0);
    expect((await stored('api')).environments[0]!.provisioner).toEqual((await stored('web')).environments[0]!.provisioner);
    writeState({cluster_name: 'prod-green', private_subnet_ids: ['subnet-0a1b2c3d'], task_sg: 'sg-0a1b2c3d', execution_role_arn: ROLE});
    const refreshed = await cli(['env', 'refresh', 'web']);
    expect(refreshed.code).toBe(0);
    expect(refreshed.out).toContain("Saved 1 change to profile web.\nThe environment production is its application's: the change applies to api too.\n");
    expect((await stored('api')).environments[0]!.cluster).toBe('prod-green');
    expect(JSON.parse((await cli(['env', 'refresh', 'api', '--json'])).out)).toMatchObject({saved: false, alsoUsedBy: ['web']});
  });

  test('--json: the changes as data', async () => {
    writeState({cluster_name: 'prod', private_subnet_ids: ['subnet-0a1b2c3d'], task_sg: 'sg-0a1b2c3d', execution_role_arn: ROLE});
    await initFromState();
    writeState({cluster_name: 'prod-2', private_subnet_ids: ['subnet-0a1b2c3d'], task_sg: 'sg-0a1b2c3d', execution_role_arn: ROLE});
    const {code, out} = await cli(['env', 'refresh', 'web', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({
      profile: 'web',
      environment: 'production',
      source: `Terraform state ${statePath}`,
      saved: true,
      changes: [{field: 'cluster', output: 'cluster_name', from: 'prod', to: 'prod-2'}],
    });
  });

  test('a value given by flag (not from the outputs) is left alone; an output that is gone is said, and its field kept', async () => {
    writeState({cluster_name: 'prod', private_subnet_ids: ['subnet-0a1b2c3d'], task_sg: 'sg-0a1b2c3d', execution_role_arn: ROLE});
    await initFromState(['--cluster', 'my-own']);
    expect((await stored()).environments[0]!.provisioner?.outputs).toEqual({
      subnets: 'private_subnet_ids',
      securityGroups: 'task_sg',
      executionRoleArn: 'execution_role_arn',
    });
    writeState({cluster_name: 'prod-2', private_subnet_ids: ['subnet-0a1b2c3d'], execution_role_arn: ROLE});
    const {code, out} = await cli(['env', 'refresh', 'web']);
    expect(code).toBe(0);
    expect(out).toContain('  ! security groups: the output task_sg is gone; security groups kept as it is');
    expect(out).not.toContain('cluster');
    expect(out).toContain('Nothing changed');
    expect((await stored()).environments[0]!).toMatchObject({cluster: 'my-own', network: {securityGroups: ['sg-0a1b2c3d']}});
  });

  test('a state file that cannot be read: exit 1, the profile unchanged; bad input: exit 2', async () => {
    writeState({cluster_name: 'prod', private_subnet_ids: ['subnet-0a1b2c3d'], task_sg: 'sg-0a1b2c3d', execution_role_arn: ROLE});
    await initFromState();
    const before = await stored();
    writeFileSync(statePath, '{"version": 4, "outputs": ');
    const broken = await cli(['env', 'refresh', 'web']);
    expect(broken.code).toBe(1);
    expect(broken.err).toContain(`cannot read the Terraform state of the environment: ${statePath} is not JSON`);
    rmSync(statePath);
    const gone = await cli(['env', 'refresh', 'web']);
    expect(gone.code).toBe(1);
    expect(gone.err).toContain(`no Terraform state file at ${statePath}`);
    expect(await stored()).toEqual(before);

    expect((await cli(['env', 'refresh', 'nope'])).code).toBe(2);
    const unknownEnv = await cli(['env', 'refresh', 'web', '--env', 'staging']);
    expect(unknownEnv.code).toBe(2);
    expect(unknownEnv.err).toContain("profile 'web' has no environment 'staging'");
    expect((await cli(['env', 'refresh'])).code).toBe(2);
  });

  test('an environment that was not filled from a provisioner: exit 2, saying there is nothing to refresh', async () => {
    const init = await cli(
      ['init', '--app', 'shop', '--service', 'edge', '--image', 'nginx', '--tag', '1', '--launch-type', 'EC2', '--port', '80'].concat([
        '--env',
        'dev',
        '--cluster',
        'dev',
        '--yes',
      ]),
    );
    expect(init.code).toBe(0);
    const {code, err} = await cli(['env', 'refresh', 'edge']);
    expect(code).toBe(2);
    expect(err).toContain(
      "environment 'dev' of profile 'edge' was not filled from a CloudFormation stack or a Terraform state file: there is nothing to refresh",
    );
  });
});
