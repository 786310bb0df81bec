/**
 * Deciding a Copilot workspace's plaintext secrets: the flags first, then the choice screen (one service at a
 * time) for what they leave open — or exit 2 without a terminal; cancelling there saves nothing. Writing: one
 * secret per environment with that environment's value, created or given a new version, and each environment's
 * override set to its ARN.
 */
import {describe, expect, test} from 'vitest';
import type {CopilotMigration} from '../../source/domain/import/copilot/build.js';
import {planMigration, readWorkspace} from '../../source/domain/import/copilot/workspace.js';
import {InputError} from '../../source/errors.js';
import {decideCopilotSecrets, writeCopilotSecrets, type AskSecrets} from '../../source/operations/import-copilot-secrets.js';
import type {NewSecret, SecretsPort, SecretSummary} from '../../source/ports/secrets.js';

function migration(): CopilotMigration {
  const read = readWorkspace({
    workspace: {file: 'copilot/.workspace', folder: 'copilot', text: 'application: shop\n'},
    environments: [
      {file: 'copilot/environments/prod/manifest.yml', folder: 'prod', text: 'name: prod\ntype: Environment\n'},
      {file: 'copilot/environments/test/manifest.yml', folder: 'test', text: 'name: test\ntype: Environment\n'},
    ],
    services: [
      {
        file: 'copilot/worker/manifest.yml',
        folder: 'worker',
        text: 'name: worker\ntype: Backend Service\nimage:\n  location: nginx:1.27\nvariables:\n  DB_PASSWORD: t3st-Pa55w0rd-2024\nenvironments:\n  prod:\n    variables:\n      DB_PASSWORD: pr0d-Pa55w0rd-2025\n',
      },
      {file: 'copilot/api/manifest.yml', folder: 'api', text: 'name: api\ntype: Backend Service\nimage:\n  location: nginx:1.27\n'},
    ],
  });
  if (!read.ok) throw new Error('reads');
  return planMigration(read, {region: 'eu-west-1', now: '2026-12-06T00:00:00.000Z'});
}

describe('deciding', () => {
  test('without a terminal and without a flag: exit 2 naming the variable (masked) and both flags', async () => {
    const error = await decideCopilotSecrets(migration(), {move: false, keep: []}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toContain(
      'cannot import the Copilot service worker: 1 environment variable looks like a plaintext secret (DB_PASSWORD)',
    );
    expect((error as InputError).message).not.toContain('Pa55w0rd');
  });

  test('in a terminal: the open service is asked (its suspects, the secret it would go to); the answer applies; api is not asked', async () => {
    const asked: string[] = [];
    const ask: AskSecrets = async (service, choice) => {
      asked.push(`${service}: ${choice.suspects.map((suspect) => suspect.name).join(', ')} → ${choice.destination}`);
      return new Map([['DB_PASSWORD', 'move']]);
    };
    const decided = (await decideCopilotSecrets(migration(), {move: false, keep: []}, ask))!;
    expect(asked).toEqual(['worker: DB_PASSWORD → ecs-wizard/shop-worker/ENV for each environment ENV']);
    expect(decided.pending.map((item) => [item.service, item.move.moved])).toEqual([['worker', ['DB_PASSWORD']]]);
    expect(JSON.stringify(decided.migration)).not.toContain('Pa55w0rd');
  });

  test('cancelled on the screen: undefined (nothing is saved, no secret written)', async () => {
    expect(await decideCopilotSecrets(migration(), {move: false, keep: []}, async () => undefined)).toBeUndefined();
  });

  test('--keep-plaintext NAME: recorded in the profile, nothing asked', async () => {
    const decided = (await decideCopilotSecrets(migration(), {move: false, keep: ['DB_PASSWORD']}, async () => {
      throw new Error('not asked');
    }))!;
    expect(decided.kept).toEqual({worker: ['DB_PASSWORD']});
    expect(decided.migration.services.find((plan) => plan.name === 'worker')?.profile?.service.plaintextVariables).toEqual(['DB_PASSWORD']);
  });
});

test('writing: each environment’s secret with its own value (created, or a new version of one that exists); its override the ARN', async () => {
  const written: string[] = [];
  const existing = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:ecs-wizard/shop-worker/test-AbCdEf';
  const port = {
    region: 'eu-west-1',
    describeSecret: async (name: string): Promise<SecretSummary | undefined> => (name === 'ecs-wizard/shop-worker/test' ? {arn: existing, name} : undefined),
    listSecrets: async () => [],
    createSecret: async (secret: NewSecret): Promise<SecretSummary> => {
      written.push(`create ${secret.name} ${secret.secretString}`);
      return {arn: `arn:aws:secretsmanager:eu-west-1:123456789012:secret:${secret.name}-XyZ123`, name: secret.name};
    },
    putSecretValue: async (arn: string, value: string) => {
      written.push(`put ${arn} ${value}`);
    },
  } as unknown as SecretsPort;
  const decided = (await decideCopilotSecrets(migration(), {move: true, keep: []}))!;
  const result = await writeCopilotSecrets(decided.migration, decided.pending, {secrets: async () => port, label: 'the Copilot workspace copilot'});
  expect(written).toEqual(['create ecs-wizard/shop-worker/prod {"DB_PASSWORD":"pr0d-Pa55w0rd-2025"}', `put ${existing} {"DB_PASSWORD":"t3st-Pa55w0rd-2024"}`]);
  const worker = result.migration.services.find((plan) => plan.name === 'worker')!.profile!;
  expect(worker.environments.map((environment) => [environment.name, environment.overrides['secretsArn']])).toEqual([
    ['prod', 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:ecs-wizard/shop-worker/prod-XyZ123'],
    ['test', existing],
  ]);
  expect(result.moved.map((secret) => [secret.service, secret.environment, secret.created])).toEqual([
    ['worker', 'prod', true],
    ['worker', 'test', false],
  ]);
});
