/**
 * `ecs-wizard import` of a task definition with plaintext secrets, without a terminal: exit 2 naming them and both
 * flags; --keep-plaintext declares a false alarm (recorded in the profile); --move-secrets moves them to a secret
 * (fake Secrets Manager and IAM here; against moto in test/integration/import-secrets.test.ts).
 */
import {fileURLToPath} from 'node:url';
import {PassThrough, Readable} from 'node:stream';
import {describe, expect, test} from 'vitest';
import {MemoryProfileStore} from '../../source/adapters/memory-profile-store.js';
import {main} from '../../source/cli.js';
import type {JsonObject} from '../../source/domain/json.js';
import type {Profile} from '../../source/domain/model.js';
import {render} from '../../source/domain/render.js';
import {renderAndValidate} from '../../source/domain/render-and-validate.js';
import type {CheckPorts} from '../../source/ports/deploy.js';
import type {IamPort} from '../../source/ports/iam.js';
import type {NewSecret, SecretsPort} from '../../source/ports/secrets.js';
import {testRoot} from '../helpers/fake-root.js';

const WORDPRESS = fileURLToPath(new URL('../fixtures/plaintext-secrets/wordpress.task-definition.json', import.meta.url));
const PASSWORDS = ['wp-Pa55w0rd-9f3k', 'r00t-Pa55w0rd-2024'];
const ROLE = 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole';
const SECRET_ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:ecs-wizard/wp/production-AbCdEf';

/** Secrets Manager and IAM, recording what they are asked to do. */
function fakeAws(existing?: {arn: string; name: string; kmsKeyId?: string}) {
  const created: NewSecret[] = [];
  const versions: Array<{arn: string; secretString: string}> = [];
  const policies: Array<{role: string; name: string; document: JsonObject}> = [];
  const secrets: SecretsPort = {
    describeSecret: async (name) => (existing !== undefined && name === existing.name ? existing : undefined),
    listSecrets: async () => [],
    createSecret: async (secret) => {
      created.push(secret);
      return {arn: SECRET_ARN.replace('ecs-wizard/wp/production', secret.name), name: secret.name};
    },
    putSecretValue: async (arn, secretString) => {
      versions.push({arn, secretString});
    },
  };
  const iam = {
    putRolePolicy: async (role: string, name: string, document: JsonObject) => {
      policies.push({role, name, document});
    },
  } as unknown as IamPort;
  // Only Secrets Manager and IAM are used by import.
  const checks = {iam, secrets} as unknown as CheckPorts;
  return {created, versions, policies, checks};
}

async function cli(argv: string[], parts: {store?: MemoryProfileStore; checks?: CheckPorts} = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const store = parts.store ?? new MemoryProfileStore();
  const code = await main({
    argv,
    env: {CI: 'true'},
    io: {stdin: Readable.from([]), stdout, stderr},
    createRoot: () => testRoot({store, awsContext: {region: 'us-east-1'}, ...(parts.checks === undefined ? {} : {checks: parts.checks})}),
  });
  return {code, out, err, store};
}

const noPassword = (text: string): void => {
  for (const password of PASSWORDS) expect(text).not.toContain(password);
};

describe('ecs-wizard import: plaintext secrets without a terminal', () => {
  test('without --move-secrets or --keep-plaintext: exit 2 naming every variable (masked) and both flags; nothing saved', async () => {
    const {code, out, err, store} = await cli(['import', '--from-file', WORDPRESS, '--as', 'wp']);
    expect(code).toBe(2);
    expect(err).toContain('3 environment variables look like plaintext secrets (WORDPRESS_DB_PASSWORD, MYSQL_ROOT_PASSWORD, MYSQL_PASSWORD)');
    expect(err).toContain('wordpress WORDPRESS_DB_PASSWORD = (masked)  (containerDefinitions[0].environment[2]: its name)');
    expect(err).toContain('mysql MYSQL_ROOT_PASSWORD = (masked)  (containerDefinitions[1].environment[0]: its name)');
    expect(err).toContain('--move-secrets');
    expect(err).toContain('--keep-plaintext NAME');
    noPassword(out + err);
    expect(await store.list()).toEqual([]);
  });

  test('--keep-plaintext for some: exit 2 names the others; a name that is not suspected is refused', async () => {
    const partly = await cli(['import', '--from-file', WORDPRESS, '--as', 'wp', '--keep-plaintext', 'MYSQL_PASSWORD']);
    expect(partly.code).toBe(2);
    expect(partly.err).toContain('2 environment variables look like plaintext secrets (WORDPRESS_DB_PASSWORD, MYSQL_ROOT_PASSWORD)');
    const unknown = await cli(['import', '--from-file', WORDPRESS, '--as', 'wp', '--keep-plaintext', 'MYSQL_DATABASE', '--move-secrets']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain(
      '--keep-plaintext MYSQL_DATABASE: no environment variable MYSQL_DATABASE looks like a secret (those that do: WORDPRESS_DB_PASSWORD, MYSQL_ROOT_PASSWORD, MYSQL_PASSWORD)',
    );
  });

  test('--keep-plaintext for each: the profile records them as not secrets, and renders them as they were', async () => {
    const argv = ['import', '--from-file', WORDPRESS, '--as', 'wp', '--json'];
    const {code, out, err} = await cli([
      ...argv,
      '--keep-plaintext',
      'WORDPRESS_DB_PASSWORD',
      '--keep-plaintext',
      'MYSQL_ROOT_PASSWORD',
      '--keep-plaintext',
      'MYSQL_PASSWORD',
    ]);
    expect(err).toContain('Imported');
    expect(code).toBe(0);
    const profile = JSON.parse(out) as Profile;
    expect(profile.service.plaintextVariables).toEqual(['MYSQL_PASSWORD', 'MYSQL_ROOT_PASSWORD', 'WORDPRESS_DB_PASSWORD']);
    const rendered = render({profile, environment: 'production'}).taskDefinition as {containerDefinitions: Array<{environment: unknown[]}>};
    expect(rendered.containerDefinitions[1]?.environment).toContainEqual({name: 'MYSQL_ROOT_PASSWORD', value: 'r00t-Pa55w0rd-2024'});
  });

  test('--move-secrets: one secret for the environment, secrets entries instead of values; IAM is printed, not changed', async () => {
    const aws = fakeAws();
    const {code, out, err, store} = await cli(['import', '--from-file', WORDPRESS, '--as', 'wp', '--move-secrets'], {checks: aws.checks});
    expect(err).toContain('Imported');
    expect(code).toBe(0);
    expect(aws.created).toHaveLength(1);
    expect(aws.created[0]).toMatchObject({name: 'ecs-wizard/wp/production', tags: {'ecs-wizard:profile': 'wp', 'ecs-wizard:environment': 'production'}});
    expect(JSON.parse(aws.created[0]!.secretString)).toEqual({
      WORDPRESS_DB_PASSWORD: 'wp-Pa55w0rd-9f3k',
      MYSQL_ROOT_PASSWORD: 'r00t-Pa55w0rd-2024',
      MYSQL_PASSWORD: 'wp-Pa55w0rd-9f3k',
    });
    const profile = (await store.get('wp'))!;
    noPassword(JSON.stringify(profile) + out + err);
    expect(profile.environments[0]?.overrides).toEqual({secretsArn: SECRET_ARN});
    // Only the network is missing (no service was imported).
    expect(
      renderAndValidate({profile, environment: 'production'})
        .issues.filter((issue) => issue.severity === 'error')
        .map((issue) => issue.code),
    ).toEqual(['awsvpc-network']);
    const task = render({profile, environment: 'production'}).taskDefinition as {containerDefinitions: Array<{secrets?: unknown[]}>};
    expect(task.containerDefinitions[1]?.secrets).toEqual([
      {name: 'MYSQL_ROOT_PASSWORD', valueFrom: `${SECRET_ARN}:MYSQL_ROOT_PASSWORD::`},
      {name: 'MYSQL_PASSWORD', valueFrom: `${SECRET_ARN}:MYSQL_PASSWORD::`},
    ]);
    expect(err).toContain(`Moved WORDPRESS_DB_PASSWORD, MYSQL_ROOT_PASSWORD, MYSQL_PASSWORD to AWS Secrets Manager: ${SECRET_ARN} (created;`);
    expect(err).toContain(
      'containerDefinitions[1].environment[0]: MYSQL_ROOT_PASSWORD=(masked) → secrets valueFrom ${serviceVariable.secretsArn}:MYSQL_ROOT_PASSWORD::',
    );
    expect(err).toContain('IAM not changed (no --apply-iam). The execution role of production needs this inline policy:');
    expect(err).toContain(`aws iam put-role-policy --role-name ecsTaskExecutionRole --policy-name ecs-wizard-secrets-wp-production --policy-document`);
    expect(aws.policies).toEqual([]);
  });

  test('--move-secrets --apply-iam --keep-plaintext: the policy goes on the execution role; an existing secret gets a new version and its customer key', async () => {
    const key = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    const aws = fakeAws({arn: SECRET_ARN, name: 'ecs-wizard/wp/production', kmsKeyId: key});
    const argv = ['import', '--from-file', WORDPRESS, '--as', 'wp', '--move-secrets', '--apply-iam', '--keep-plaintext', 'MYSQL_PASSWORD'];
    const {code, err, store} = await cli(argv, {checks: aws.checks});
    expect(code).toBe(0);
    expect(aws.created).toEqual([]);
    expect(aws.versions.map((version) => [version.arn, Object.keys(JSON.parse(version.secretString))])).toEqual([
      [SECRET_ARN, ['WORDPRESS_DB_PASSWORD', 'MYSQL_ROOT_PASSWORD']],
    ]);
    expect(aws.policies).toEqual([
      {
        role: ROLE,
        name: 'ecs-wizard-secrets-wp-production',
        document: {
          Version: '2012-10-17',
          Statement: [
            {Sid: 'ReadContainerSecrets', Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource: [SECRET_ARN]},
            {Sid: 'DecryptContainerSecrets', Effect: 'Allow', Action: ['kms:Decrypt'], Resource: [key]},
          ],
        },
      },
    ]);
    expect(err).toContain(`put the inline policy ecs-wizard-secrets-wp-production on ${ROLE} (secretsmanager:GetSecretValue, kms:Decrypt)`);
    expect(err).toContain('Kept as plain text (declared not secrets): MYSQL_PASSWORD');
    expect((await store.get('wp'))?.service.plaintextVariables).toEqual(['MYSQL_PASSWORD']);
  });

  test('--move-secrets onto an existing profile without --force: refused before any secret is written', async () => {
    const store = new MemoryProfileStore();
    const keepAll = ['--keep-plaintext', 'WORDPRESS_DB_PASSWORD', '--keep-plaintext', 'MYSQL_ROOT_PASSWORD', '--keep-plaintext', 'MYSQL_PASSWORD'];
    expect((await cli(['import', '--from-file', WORDPRESS, '--as', 'wp', ...keepAll], {store})).code).toBe(0);
    const aws = fakeAws();
    const again = await cli(['import', '--from-file', WORDPRESS, '--as', 'wp', '--move-secrets'], {store, checks: aws.checks});
    expect(again.code).toBe(2);
    expect(again.err).toContain("a profile named 'wp' exists");
    expect(aws.created).toEqual([]);
  });
});
