/**
 * `ecs-wizard import --from-copilot --move-secrets` against moto's Secrets Manager: a manifest variable that looks
 * like a plaintext secret, with another value in prod, goes to one secret per environment (each with its own value),
 * the profile refers to it by valueFrom, and the value is in no profile, no output and no saved file.
 */
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {PassThrough, Readable} from 'node:stream';
import {GetSecretValueCommand, SecretsManagerClient} from '@aws-sdk/client-secrets-manager';
import {afterAll, beforeAll, expect, test} from 'vitest';
import {main} from '../../source/cli.js';
import {createConfProfileStore} from '../../source/adapters/conf-profile-store.js';
import {renderAndValidate} from '../../source/domain/render-and-validate.js';
import {MOTO_REGION, useMoto} from '../helpers/moto.js';

const TEST_VALUE = 's3cr3t-Pa55w0rd-2024';
const PROD_VALUE = 'pr0d-Pa55w0rd-2025';
const moto = useMoto();
let workspace: string;
let configDir: string;

beforeAll(() => {
  workspace = mkdtempSync(join(tmpdir(), 'ecs-wizard-copilot-secrets-'));
  configDir = mkdtempSync(join(tmpdir(), 'ecs-wizard-copilot-secrets-config-'));
  const write = (path: string, text: string): void => {
    mkdirSync(join(workspace, 'copilot', path, '..'), {recursive: true});
    writeFileSync(join(workspace, 'copilot', path), text);
  };
  write('.workspace', 'application: vault\n');
  write('environments/prod/manifest.yml', 'name: prod\ntype: Environment\n');
  write('environments/test/manifest.yml', 'name: test\ntype: Environment\n');
  write(
    'worker/manifest.yml',
    `name: worker\ntype: Backend Service\nimage:\n  location: nginx:1.27\nvariables:\n  LOG_LEVEL: info\n  DB_PASSWORD: ${TEST_VALUE}\nenvironments:\n  prod:\n    variables:\n      DB_PASSWORD: ${PROD_VALUE}\n`,
  );
});
afterAll(() => {
  rmSync(workspace, {recursive: true, force: true});
  rmSync(configDir, {recursive: true, force: true});
});

/** Every file under a folder, read as text. */
const allText = (dir: string): string =>
  readdirSync(dir)
    .map((name) => join(dir, name))
    .map((path) => (statSync(path).isDirectory() ? allText(path) : readFileSync(path, 'utf8')))
    .join('\n');

test('--move-secrets: one secret per environment with its own value; the profile refers to it; the value is shown and saved nowhere', async () => {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const code = await main({
    argv: ['import', '--from-copilot', workspace, '--move-secrets'],
    env: {...moto.env, ECS_WIZARD_CONFIG_DIR: configDir, CI: 'true'},
    io: {stdin: Readable.from([]), stdout, stderr},
  });
  expect(code).toBe(0);
  // No environment stack in moto: said, and the migration goes on.
  expect(out).toContain('prod: the stack vault-prod is not found in us-east-1; pass --env-region prod=REGION if the environment is in another region');
  const moved = err.split('\n').filter((line) => line.startsWith('Moved '));
  expect(moved).toHaveLength(2);
  expect(moved[0]).toMatch(
    /^Moved DB_PASSWORD of worker to AWS Secrets Manager: arn:aws:secretsmanager:us-east-1:\d{12}:secret:ecs-wizard\/vault-worker\/prod-\w+ \(created; a JSON key per variable\), the override secretsArn of environment prod$/,
  );
  expect(out + err).not.toContain(TEST_VALUE);
  expect(out + err).not.toContain(PROD_VALUE);

  const client = new SecretsManagerClient({region: MOTO_REGION, endpoint: moto.url, credentials: {accessKeyId: 'test', secretAccessKey: 'test'}});
  try {
    for (const [environment, value] of [
      ['prod', PROD_VALUE],
      ['test', TEST_VALUE],
    ] as const) {
      const secret = await client.send(new GetSecretValueCommand({SecretId: `ecs-wizard/vault-worker/${environment}`}));
      expect(JSON.parse(secret.SecretString!)).toEqual({DB_PASSWORD: value});
    }
  } finally {
    client.destroy();
  }
  const profile = (await createConfProfileStore({env: {ECS_WIZARD_CONFIG_DIR: configDir}}).get('vault-worker'))!;
  const container = (
    JSON.parse(profile.service.containerSpec.mode === 'json' ? profile.service.containerSpec.json : '{}') as {
      containerDefinitions: Array<{environment: Array<{name: string}>; secrets: unknown}>;
    }
  ).containerDefinitions[0]!;
  expect(container.environment.map((entry) => entry.name)).not.toContain('DB_PASSWORD');
  expect(container.secrets).toEqual([{name: 'DB_PASSWORD', valueFrom: '${serviceVariable.secretsArn}:DB_PASSWORD::'}]);
  const prod = profile.environments.find((environment) => environment.name === 'prod')!;
  expect(prod.overrides['secretsArn']).toMatch(/:secret:ecs-wizard\/vault-worker\/prod-\w+$/);
  const rendered = renderAndValidate({profile, environment: 'prod', tag: '1.27'});
  expect((rendered.taskDefinition?.['containerDefinitions'] as Array<{secrets: unknown}>)[0]!.secrets).toEqual([
    {name: 'DB_PASSWORD', valueFrom: `${prod.overrides['secretsArn']}:DB_PASSWORD::`},
  ]);
  const saved = allText(configDir);
  expect(saved).not.toContain(TEST_VALUE);
  expect(saved).not.toContain(PROD_VALUE);
});
