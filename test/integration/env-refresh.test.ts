/**
 * `ecs-wizard env refresh` against moto's CloudFormation: init fills the environment from a stack's outputs (and
 * records the stack); the stack is updated; refresh shows what changed and saves it; a deleted stack or AWS out of
 * reach is exit 1 with the profile unchanged.
 */
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {PassThrough, Readable} from 'node:stream';
import {CloudFormationClient, CreateStackCommand, DeleteStackCommand, UpdateStackCommand} from '@aws-sdk/client-cloudformation';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {createConfProfileStore} from '../../source/adapters/conf-profile-store.js';
import {main} from '../../source/cli.js';
import {CLOSED_ENDPOINT, MOTO_REGION, useMoto} from '../helpers/moto.js';

const ROLE = 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole';

const template = (cluster: string, subnets: string): string =>
  JSON.stringify({
    Resources: {Topic: {Type: 'AWS::SNS::Topic', Properties: {TopicName: 'env-refresh-test'}}},
    Outputs: {
      ClusterName: {Value: cluster},
      PrivateSubnets: {Value: subnets},
      TaskSecurityGroup: {Value: 'sg-0a1b2c3d'},
      TaskExecutionRoleArn: {Value: ROLE},
    },
  });

describe('env refresh: a CloudFormation stack (moto)', () => {
  const moto = useMoto();
  let configDir: string;
  let client: CloudFormationClient;

  async function cli(argv: string[], extraEnv: Record<string, string> = {}) {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = '';
    let err = '';
    stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const env = {...moto.env, ECS_WIZARD_CONFIG_DIR: configDir, CI: 'true', ...extraEnv};
    const code = await main({argv, env, io: {stdin: Readable.from([]), stdout, stderr}});
    return {code, out, err};
  }
  const stored = async () => (await createConfProfileStore({env: {ECS_WIZARD_CONFIG_DIR: configDir}}).get('web'))!;

  beforeAll(async () => {
    configDir = mkdtempSync(join(tmpdir(), 'ecs-wizard-env-refresh-cfn-'));
    if (moto.skipped) return;
    client = new CloudFormationClient({region: MOTO_REGION, endpoint: moto.url, credentials: {accessKeyId: 'test', secretAccessKey: 'test'}});
    await client.send(new CreateStackCommand({StackName: 'network', TemplateBody: template('prod', 'subnet-0a1b2c3d,subnet-4e5f6a7b')}));
  });
  afterAll(() => {
    client?.destroy();
    rmSync(configDir, {recursive: true, force: true});
  });

  test('init records the stack; the stack changes; refresh shows cluster and subnets old → new and saves them', async () => {
    const init = await cli([
      'init',
      ...['--app', 'shop', '--service', 'web', '--image', 'nginx', '--tag', '1.27', '--launch-type', 'FARGATE'],
      ...['--env', 'production', '--cfn-stack', 'network', '--yes'],
    ]);
    expect(init.code).toBe(0);
    expect((await stored()).environments[0]).toMatchObject({
      cluster: 'prod',
      network: {subnets: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'], securityGroups: ['sg-0a1b2c3d']},
      executionRoleArn: ROLE,
      provisioner: {
        kind: 'cloudformation',
        stack: 'network',
        region: MOTO_REGION,
        outputs: {cluster: 'ClusterName', subnets: 'PrivateSubnets', securityGroups: 'TaskSecurityGroup', executionRoleArn: 'TaskExecutionRoleArn'},
      },
    });

    await client.send(new UpdateStackCommand({StackName: 'network', TemplateBody: template('prod-blue', 'subnet-0a1b2c3d,subnet-99999999')}));
    const {code, out} = await cli(['env', 'refresh', 'web']);
    expect(out).toContain(`Environment production of profile web: read CloudFormation stack network (${MOTO_REGION}) again.`);
    expect(out).toContain('  ~ cluster          prod → prod-blue  (ClusterName)');
    expect(out).toContain('  ~ subnets          subnet-0a1b2c3d, subnet-4e5f6a7b → subnet-0a1b2c3d, subnet-99999999  (PrivateSubnets)');
    expect(out).toContain('Saved 2 changes to profile web.');
    expect(code).toBe(0);
    expect((await stored()).environments[0]).toMatchObject({cluster: 'prod-blue', network: {subnets: ['subnet-0a1b2c3d', 'subnet-99999999']}});
  });

  test('AWS out of reach, or the stack deleted: exit 1, the profile unchanged', async () => {
    const before = await stored();
    const offline = await cli(['env', 'refresh', 'web'], {AWS_ENDPOINT_URL: CLOSED_ENDPOINT});
    expect(offline.code).toBe(1);
    expect(offline.err).toContain(`cannot reach AWS at ${CLOSED_ENDPOINT}`);
    await client.send(new DeleteStackCommand({StackName: 'network'}));
    const deleted = await cli(['env', 'refresh', 'web']);
    expect(deleted.code).toBe(1);
    expect(deleted.err).toContain(`no CloudFormation stack network in ${MOTO_REGION}: the environment was not changed`);
    expect(await stored()).toEqual(before);
  });
});
