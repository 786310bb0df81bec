/**
 * Plaintext secrets of an imported task definition moved to Secrets Manager, through the real composition root and
 * the AWS SDK against moto (Secrets Manager and IAM): the WordPress-style task definition's passwords go to a real
 * secret (GetSecretValue returns them), the execution role gets its read policy with --apply-iam, `render` shows
 * `secrets[].valueFrom` and no plaintext, and no password reaches the profile file or the output.
 */
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {PassThrough, Readable} from 'node:stream';
import {CreateRoleCommand, GetRolePolicyCommand} from '@aws-sdk/client-iam';
import {GetSecretValueCommand, ListSecretsCommand} from '@aws-sdk/client-secrets-manager';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {createAwsClientFactory, type AwsClientFactory} from '../../source/adapters/aws/client-factory.js';
import {createIamPort} from '../../source/adapters/aws/iam.js';
import {main} from '../../source/cli.js';
import {evaluatePolicies} from '../../source/domain/iam-policy.js';
import {executionRoleTrustPolicy} from '../../source/domain/policy.js';
import {useMoto} from '../helpers/moto.js';

const WORDPRESS = fileURLToPath(new URL('../fixtures/plaintext-secrets/wordpress.task-definition.json', import.meta.url));
const PASSWORDS = ['wp-Pa55w0rd-9f3k', 'r00t-Pa55w0rd-2024'];
const ROLE_ARN = 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole';

describe('import --move-secrets against moto', () => {
  const moto = useMoto();
  let factory: AwsClientFactory;
  let configDir: string;
  let env: Record<string, string>;

  async function cli(argv: string[]) {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = '';
    let err = '';
    stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const code = await main({argv, env, io: {stdin: Readable.from([]), stdout, stderr}});
    return {code, out, err};
  }

  const noPassword = (text: string): void => {
    for (const password of PASSWORDS) expect(text).not.toContain(password);
  };

  beforeAll(async () => {
    if (moto.skipped) return;
    configDir = mkdtempSync(join(tmpdir(), 'ecs-wizard-secrets-'));
    env = {...moto.env, ECS_WIZARD_CONFIG_DIR: configDir, CI: 'true'};
    factory = createAwsClientFactory({env, userAgent: 'ecs-wizard/test'});
    const iam = await factory.iam();
    await iam.send(new CreateRoleCommand({RoleName: 'ecsTaskExecutionRole', AssumeRolePolicyDocument: JSON.stringify(executionRoleTrustPolicy())}));
  });

  afterAll(() => {
    factory?.destroy();
    if (configDir) rmSync(configDir, {recursive: true, force: true});
  });

  test('without a terminal and without a decision: exit 2, no secret is created', async () => {
    const refused = await cli(['import', '--from-file', WORDPRESS, '--as', 'wp']);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('--move-secrets');
    noPassword(refused.out + refused.err);
    expect((await (await factory.client('secretsmanager')).send(new ListSecretsCommand({}))).SecretList ?? []).toEqual([]);
  });

  test('--move-secrets --apply-iam: the passwords are in a real secret, the role may read it, render shows valueFrom and no plaintext', async () => {
    const imported = await cli(['import', '--from-file', WORDPRESS, '--as', 'wp', '--move-secrets', '--apply-iam']);
    expect(imported.err).toContain("as profile 'wp'");
    expect(imported.code).toBe(0);
    noPassword(imported.out + imported.err);

    const secrets = await factory.client('secretsmanager');
    const value = await secrets.send(new GetSecretValueCommand({SecretId: 'ecs-wizard/wp/production'}));
    const arn = value.ARN ?? '';
    expect(arn).toMatch(/^arn:aws:secretsmanager:us-east-1:123456789012:secret:ecs-wizard\/wp\/production-\w{6}$/);
    expect(JSON.parse(value.SecretString ?? '{}')).toEqual({
      WORDPRESS_DB_PASSWORD: 'wp-Pa55w0rd-9f3k',
      MYSQL_ROOT_PASSWORD: 'r00t-Pa55w0rd-2024',
      MYSQL_PASSWORD: 'wp-Pa55w0rd-9f3k',
    });
    expect(imported.err).toContain(`Moved WORDPRESS_DB_PASSWORD, MYSQL_ROOT_PASSWORD, MYSQL_PASSWORD to AWS Secrets Manager: ${arn} (created;`);
    expect(imported.err).toContain(`put the inline policy ecs-wizard-secrets-wp-production on ${ROLE_ARN} (secretsmanager:GetSecretValue)`);

    const iam = await factory.iam();
    const policy = await iam.send(new GetRolePolicyCommand({RoleName: 'ecsTaskExecutionRole', PolicyName: 'ecs-wizard-secrets-wp-production'}));
    expect(JSON.parse(decodeURIComponent(policy.PolicyDocument ?? '{}')).Statement).toEqual([
      {Sid: 'ReadContainerSecrets', Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource: [arn]},
    ]);
    // What deploy's pre-flight check evaluates on moto (no policy simulator there): the role may read the secret.
    const documents = await createIamPort(factory).then((port) => port.rolePolicyDocuments('ecsTaskExecutionRole'));
    expect(evaluatePolicies(documents, 'secretsmanager:GetSecretValue', arn).decision).toBe('allowed');

    const rendered = await cli(['render', 'wp']);
    expect(rendered.code).toBe(0);
    noPassword(rendered.out + rendered.err);
    const task = JSON.parse(rendered.out).taskDefinition as {containerDefinitions: Array<{name: string; environment: unknown[]; secrets?: unknown[]}>};
    expect(task.containerDefinitions.map((container) => [container.name, container.secrets])).toEqual([
      ['wordpress', [{name: 'WORDPRESS_DB_PASSWORD', valueFrom: `${arn}:WORDPRESS_DB_PASSWORD::`}]],
      [
        'mysql',
        [
          {name: 'MYSQL_ROOT_PASSWORD', valueFrom: `${arn}:MYSQL_ROOT_PASSWORD::`},
          {name: 'MYSQL_PASSWORD', valueFrom: `${arn}:MYSQL_PASSWORD::`},
        ],
      ],
    ]);
    expect(task.containerDefinitions[1]?.environment).toEqual([
      {name: 'MYSQL_DATABASE', value: 'wordpress'},
      {name: 'MYSQL_USER', value: 'wordpress'},
    ]);
    noPassword(readFileSync(join(configDir, 'profiles.json'), 'utf8'));
  });

  test('imported again with --force: the secret gets a new version, with the same ARN', async () => {
    const before = await (await factory.client('secretsmanager')).send(new GetSecretValueCommand({SecretId: 'ecs-wizard/wp/production'}));
    const again = await cli(['import', '--from-file', WORDPRESS, '--as', 'wp', '--move-secrets', '--force']);
    expect(again.code).toBe(0);
    expect(again.err).toContain(`${before.ARN} (a new version of the existing secret;`);
    expect(again.err).toContain('IAM not changed (no --apply-iam)');
    const after = await (await factory.client('secretsmanager')).send(new GetSecretValueCommand({SecretId: 'ecs-wizard/wp/production'}));
    expect(after.ARN).toBe(before.ARN);
    expect(after.VersionId).not.toBe(before.VersionId);
  });
});
