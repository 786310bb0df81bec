/**
 * An application's artifact servers against real components: `tags --server` lists a private registry's tags through
 * the server's host and user (a real docker-registry with basic auth on loopback), and `apps server-add|server-edit`
 * check the secret in Secrets Manager and put the private registry policy on the services' execution roles (moto).
 */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {PassThrough, Readable} from 'node:stream';
import {CreateRoleCommand, GetRolePolicyCommand, IAMClient} from '@aws-sdk/client-iam';
import {CreateSecretCommand, SecretsManagerClient} from '@aws-sdk/client-secrets-manager';
import {afterAll, beforeAll, beforeEach, describe, expect, test} from 'vitest';
import {createConfProfileStore} from '../../source/adapters/conf-profile-store.js';
import {main} from '../../source/cli.js';
import {executionRoleTrustPolicy} from '../../source/domain/policy.js';
import {pushImage, registryTools, startDockerRegistry, type RegistryServer} from '../helpers/docker-registry.js';
import {MOTO_REGION, useMoto} from '../helpers/moto.js';

const tools = registryTools();
if (tools.missing !== '' && process.env.CI === 'true') throw new Error(`CI=true but ${tools.missing}`);
const work = mkdtempSync(join(tmpdir(), 'ecs-wizard-servers-int-'));
afterAll(() => rmSync(work, {recursive: true, force: true}));

async function cli(argv: string[], env: Record<string, string>): Promise<{code: number; out: string; err: string}> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const code = await main({argv, env: {CI: 'true', ...env}, io: {stdin: Readable.from([]), stdout, stderr}});
  return {code, out, err};
}

describe('tags --server: through the server’s host and user, against a docker-registry with basic auth', () => {
  let registry: RegistryServer | undefined;
  const configDir = mkdtempSync(join(work, 'tags-'));
  const env = {ECS_WIZARD_CONFIG_DIR: configDir, AWS_REGION: 'us-east-1', AWS_ENDPOINT_URL: 'http://127.0.0.1:9', AWS_EC2_METADATA_DISABLED: 'true'};
  beforeEach((context) => {
    if (tools.missing !== '' || tools.htpasswd === undefined) context.skip(tools.missing || tools.htpasswdMissing);
  });
  beforeAll(async () => {
    if (tools.dockerRegistry === undefined || tools.htpasswd === undefined) return;
    const path = join(work, 'htpasswd');
    writeFileSync(path, `${tools.htpasswd('deployer', 's3cret')}\n`);
    registry = await startDockerRegistry(tools.dockerRegistry, {auth: {htpasswd: {realm: 'test-registry', path}}});
    const basic = `Basic ${Buffer.from('deployer:s3cret').toString('base64')}`;
    await pushImage(registry.url, 'team/api', ['1.0'], {authorization: basic, seed: 'one'});
    await pushImage(registry.url, 'team/api', ['1.1', 'latest'], {authorization: basic, seed: 'two'});
  });
  afterAll(async () => registry?.stop());

  test('lists the tags with the password from ECS_WIZARD_REGISTRY_PASSWORD; without it, the registry’s refusal (exit 1)', async () => {
    const added = await cli(['apps', 'server-add', 'team', '--app', 'shop', '--registry', registry!.host, '--registry-username', 'deployer'], env);
    expect(added.code, added.err).toBe(0);
    const listed = await cli(['tags', '--server', 'team', '--image', 'team/api', '--json'], {...env, ECS_WIZARD_REGISTRY_PASSWORD: 's3cret'});
    expect(listed.code, listed.err).toBe(0);
    const tags = JSON.parse(listed.out) as Array<{tag: string; digest: string}>;
    expect(tags.map((tag) => tag.tag).sort()).toEqual(['1.0', '1.1', 'latest']);
    expect(tags.find((tag) => tag.tag === 'latest')?.digest).toBe(tags.find((tag) => tag.tag === '1.1')?.digest);
    const refused = await cli(['tags', '--server', 'team', '--image', 'team/api'], env);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(registry!.host);
    const unknown = await cli(['tags', '--server', 'tema', '--image', 'team/api'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("the application 'shop' has no artifact server named 'tema'");
    const both = await cli(['tags', '--server', 'team', '--registry', 'dockerhub', '--image', 'team/api'], env);
    expect(both.code).toBe(2);
  });
});

describe('server-add and server-edit against moto: the secret and its KMS key, and the execution roles’ policy', () => {
  const moto = useMoto();
  const KEY_ID = '0d5f3e1c-7a2b-4c9d-8e6f-1a2b3c4d5e6f';
  const configDir = mkdtempSync(join(work, 'moto-'));
  let first: string;
  let second: string;

  beforeAll(async () => {
    if (moto.skipped) return;
    const credentials = {accessKeyId: 'test', secretAccessKey: 'test'};
    const secrets = new SecretsManagerClient({region: MOTO_REGION, endpoint: moto.url, credentials});
    first = (await secrets.send(new CreateSecretCommand({Name: 'team-creds', SecretString: '{"username":"u","password":"p"}'}))).ARN!;
    second = (await secrets.send(new CreateSecretCommand({Name: 'team-creds-v2', KmsKeyId: KEY_ID, SecretString: '{"username":"u","password":"p"}'}))).ARN!;
    secrets.destroy();
    const iam = new IAMClient({region: MOTO_REGION, endpoint: moto.url, credentials});
    await iam.send(new CreateRoleCommand({RoleName: 'shop-exec', AssumeRolePolicyDocument: JSON.stringify(executionRoleTrustPolicy())}));
    iam.destroy();
  });

  const env = (): Record<string, string> => ({...moto.env, ECS_WIZARD_CONFIG_DIR: configDir});

  test('a missing secret is refused (exit 2); a new secret with a customer key: the key is found and the roles get GetSecretValue and Decrypt', async () => {
    const missing = await cli(
      ['apps', 'server-add', 'team', '--app', 'shop', '--registry', 'registry.example.com:5000', '--credentials-secret', `${first.slice(0, -6)}nope00`],
      env(),
    );
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--credentials-secret: no secret');
    const added = await cli(
      ['apps', 'server-add', 'team', '--app', 'shop', '--registry', 'registry.example.com:5000', '--registry-username', 'u', '--credentials-secret', first],
      env(),
    );
    expect(added.code, added.err).toBe(0);
    const role = 'arn:aws:iam::123456789012:role/shop-exec';
    const init = await cli(
      [
        'init',
        '--app',
        'shop',
        '--service',
        'api',
        '--artifact-server',
        'team',
        '--image',
        'team/api',
        '--tag',
        '1.0',
        '--launch-type',
        'EC2',
        '--port',
        '80',
        '--execution-role',
        role,
        '--env',
        'dev',
        '--cluster',
        'dev',
        '--yes',
      ],
      env(),
    );
    expect(init.code, init.err).toBe(0);

    const edited = await cli(['apps', 'server-edit', 'team', '--credentials-secret', second, '--apply-iam', '--yes'], env());
    expect(edited.code, edited.err).toBe(0);
    const key = `arn:aws:kms:${MOTO_REGION}:123456789012:key/${KEY_ID}`;
    expect(edited.err).toContain(`the secret uses the customer KMS key ${key}`);
    expect(edited.out).toContain('Put the inline policy ecs-wizard-private-registry (secretsmanager:GetSecretValue, kms:Decrypt) on:');
    expect(edited.out).toContain(`  ${role} (api dev)`);
    const iam = new IAMClient({region: MOTO_REGION, endpoint: moto.url, credentials: {accessKeyId: 'test', secretAccessKey: 'test'}});
    const policy = await iam.send(new GetRolePolicyCommand({RoleName: 'shop-exec', PolicyName: 'ecs-wizard-private-registry'}));
    iam.destroy();
    const document = JSON.parse(decodeURIComponent(policy.PolicyDocument!));
    expect(document.Statement).toEqual([
      {Sid: 'ReadRegistryCredentials', Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource: [second]},
      {Sid: 'DecryptRegistryCredentials', Effect: 'Allow', Action: ['kms:Decrypt'], Resource: [key]},
    ]);
  });

  test("init --artifact-server: the server's secret is checked; a customer key the server does not name is a note (the profile keeps the server's values)", async () => {
    const store = createConfProfileStore({env: {ECS_WIZARD_CONFIG_DIR: configDir}});
    await store.addArtifactServer('shop', {name: 'keyless', registry: 'registry', host: 'registry.example.com:5000', credentialsSecretArn: second});
    const init = await cli(
      [
        'init',
        '--app',
        'shop',
        '--service',
        'batch',
        '--artifact-server',
        'keyless',
        '--image',
        'team/batch',
        '--tag',
        '1.0',
        '--launch-type',
        'EC2',
        '--port',
        '80',
        '--execution-role',
        'arn:aws:iam::123456789012:role/shop-exec',
        '--env',
        'dev',
        '--yes',
      ],
      env(),
    );
    expect(init.code, init.err).toBe(0);
    const key = `arn:aws:kms:${MOTO_REGION}:123456789012:key/${KEY_ID}`;
    expect(init.err).toContain(`--artifact-server keyless: the server's secret uses the customer KMS key ${key}, which the server does not name`);
    expect((await store.get('batch'))?.service.registryAuth).toEqual({credentialsSecretArn: second});
  });
});
