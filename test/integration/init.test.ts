/**
 * `ecs-wizard init` without a terminal, through the real composition root: what init asks AWS on its own (the
 * credentials secret and the customer KMS key that encrypts it, against moto), and what it asks a registry (whether
 * it lets anyone pull, against a real docker-registry on loopback).
 */
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {PassThrough, Readable} from 'node:stream';
import {CreateSecretCommand, SecretsManagerClient} from '@aws-sdk/client-secrets-manager';
import {afterAll, beforeAll, beforeEach, describe, expect, test} from 'vitest';
import {createConfProfileStore} from '../../source/adapters/conf-profile-store.js';
import {main} from '../../source/cli.js';
import {renderAndValidate} from '../../source/domain/render-and-validate.js';
import {pushImage, registryTools, startDockerRegistry, type RegistryServer} from '../helpers/docker-registry.js';
import {CLOSED_ENDPOINT, MOTO_REGION, motoEnv, useMoto} from '../helpers/moto.js';

const KEY_ID = '0d5f3e1c-7a2b-4c9d-8e6f-1a2b3c4d5e6f';
const ROLE = 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole';

describe('init --credentials-secret against moto', () => {
  const moto = useMoto();
  let configDir: string;
  let encrypted: string;
  let plain: string;

  const flags = (name: string, secret: string): string[] => [
    '--name',
    name,
    '--app',
    'shop',
    '--service',
    'api',
    '--registry',
    'registry.example.com:5000',
    '--image',
    'team/api',
    '--tag',
    '1.0',
    '--launch-type',
    'EC2',
    '--port',
    '80',
    '--credentials-secret',
    secret,
    '--execution-role',
    ROLE,
    '--env',
    'dev',
    '--cluster',
    'dev',
    '--yes',
  ];

  async function init(argv: string[], extraEnv: Record<string, string> = {}) {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = '';
    let err = '';
    stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const env = {...moto.env, ECS_WIZARD_CONFIG_DIR: configDir, CI: 'true', ...extraEnv};
    const code = await main({argv: ['init', ...argv], env, io: {stdin: Readable.from([]), stdout, stderr}});
    return {code, out, err};
  }

  beforeAll(async () => {
    configDir = mkdtempSync(join(tmpdir(), 'ecs-wizard-init-'));
    if (moto.skipped) return;
    const client = new SecretsManagerClient({region: MOTO_REGION, endpoint: moto.url, credentials: {accessKeyId: 'test', secretAccessKey: 'test'}});
    encrypted = (await client.send(new CreateSecretCommand({Name: 'registry-creds', KmsKeyId: KEY_ID, SecretString: '{"username":"u","password":"p"}'}))).ARN!;
    plain = (await client.send(new CreateSecretCommand({Name: 'plain-creds', SecretString: '{"username":"u","password":"p"}'}))).ARN!;
    client.destroy();
  });
  afterAll(() => rmSync(configDir, {recursive: true, force: true}));

  test('the customer KMS key of the secret is found (DescribeSecret), kept in the profile and put in the policy, as the wizard does', async () => {
    const {code, err} = await init(flags('api-kms', encrypted));
    const key = `arn:aws:kms:${MOTO_REGION}:123456789012:key/${KEY_ID}`;
    expect(err).toContain(
      `--credentials-secret: the secret uses the customer KMS key ${key} (secretsmanager:DescribeSecret): kms:Decrypt on it goes into the policy`,
    );
    expect(err).toContain(`"Action":["kms:Decrypt"],"Resource":["${key}"]`);
    expect(code).toBe(0);
    const profile = await createConfProfileStore({env: {ECS_WIZARD_CONFIG_DIR: configDir}}).get('api-kms');
    expect(profile?.service.registryAuth).toEqual({credentialsSecretArn: encrypted, kmsKeyArn: key});
  });

  test('a --kms-key that is not the key of the secret is refused, naming the right one', async () => {
    const other = `arn:aws:kms:${MOTO_REGION}:123456789012:key/11111111-2222-3333-4444-555555555555`;
    const {code, err} = await init([...flags('api-other-key', encrypted), '--kms-key', other]);
    expect(code).toBe(2);
    expect(err).toContain(`--kms-key: the secret is encrypted with arn:aws:kms:${MOTO_REGION}:123456789012:key/${KEY_ID}, not ${other}`);
  });

  test('AWS out of reach: init goes on and saves, with a note that the secret and its key were not checked', async () => {
    const {code, err} = await init(flags('api-offline', plain), {AWS_ENDPOINT_URL: CLOSED_ENDPOINT});
    expect(err).toMatch(
      /--credentials-secret: could not check that the secret exists, nor which KMS key encrypts it \(.*cannot reach AWS.*\); if it uses a customer KMS key, pass --kms-key ARN so that kms:Decrypt is allowed/,
    );
    expect(code).toBe(0);
    const profile = await createConfProfileStore({env: {ECS_WIZARD_CONFIG_DIR: configDir}}).get('api-offline');
    expect(profile?.service.registryAuth).toEqual({credentialsSecretArn: plain});
  });
});

describe('init --anonymous-registry against a real docker-registry (anonymous)', () => {
  const tools = registryTools();
  let registry: RegistryServer | undefined;
  let configDir: string;
  beforeEach((context) => {
    if (tools.missing !== '') context.skip(tools.missing);
  });
  beforeAll(async () => {
    configDir = mkdtempSync(join(tmpdir(), 'ecs-wizard-init-anonymous-'));
    if (tools.dockerRegistry === undefined) return;
    registry = await startDockerRegistry(tools.dockerRegistry);
    await pushImage(registry.url, 'team/api', ['1.0']);
  });
  afterAll(async () => {
    await registry?.stop();
    rmSync(configDir, {recursive: true, force: true});
  });

  test('the registry is asked (GET /v2/ answers 200), init says so, and the profile has no secret, no repositoryCredentials, no policy', async () => {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let err = '';
    stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    stdout.resume();
    const argv = ['init', '--app', 'shop', '--service', 'api', '--registry', registry!.host, '--image', 'team/api', '--tag', '1.0', '--anonymous-registry'];
    const rest = ['--launch-type', 'EC2', '--port', '80', '--env', 'dev', '--cluster', 'dev', '--yes'];
    const env = {...motoEnv(''), ECS_WIZARD_CONFIG_DIR: configDir, CI: 'true'};
    const code = await main({argv: [...argv, ...rest], env, io: {stdin: Readable.from([]), stdout, stderr}});
    expect(err).toContain(
      `--anonymous-registry: checked: ${registry!.host} answered GET /v2/ without credentials (HTTP 200); no credentials secret, no repositoryCredentials, no IAM policy`,
    );
    expect(err).not.toContain('IAM not changed');
    expect(code).toBe(0);
    const profile = (await createConfProfileStore({env: {ECS_WIZARD_CONFIG_DIR: configDir}}).get('api'))!;
    expect(profile.service.artifact).toEqual({registry: 'registry', host: registry!.host, image: 'team/api', tag: '1.0'});
    expect(profile.service.registryAuth).toBeUndefined();
    const rendered = renderAndValidate({profile, environment: 'dev'});
    expect(JSON.stringify(rendered.taskDefinition)).not.toContain('repositoryCredentials');
  });
});
