import React from 'react';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, test} from 'vitest';
import {MemoryProfileStore} from '../../../source/adapters/memory-profile-store.js';
import type {CheckPorts} from '../../../source/ports/deploy.js';
import type {NewSecret, SecretsPort} from '../../../source/ports/secrets.js';
import {App} from '../../../source/ui/app.js';
import {testRoot} from '../../helpers/fake-root.js';
import {press, waitForFrame} from '../../helpers/ink.js';
import {PagingEcs, seedTaskDefinition} from '../../helpers/paging-ecs.js';

afterEach(() => cleanup());

const PASSWORD = 'hunter2-Very-S3cret';

/** The browser's import of web:1, whose container has a database password and a harmless setting in plain text. */
function start() {
  const ecs = new PagingEcs();
  const task = seedTaskDefinition('web', 1);
  (task['containerDefinitions'] as Array<Record<string, unknown>>)[0]!['environment'] = [
    {name: 'DB_PASSWORD', value: PASSWORD},
    {name: 'PASSWORD_HASH_ALGORITHM', value: 'bcrypt'},
  ];
  ecs.register(task);
  const created: NewSecret[] = [];
  const secrets: SecretsPort = {
    describeSecret: async () => undefined,
    listSecrets: async () => [],
    createSecret: async (secret) => {
      created.push(secret);
      return {arn: `arn:aws:secretsmanager:us-east-1:123456789012:secret:${secret.name}-Ab12Cd`, name: secret.name};
    },
    putSecretValue: async () => undefined,
  };
  const store = new MemoryProfileStore();
  const root = testRoot({store, ecs, awsContext: {region: 'us-east-1'}, checks: {secrets} as unknown as CheckPorts});
  const app = render(<App root={root} initial={{name: 'browse-import', source: {kind: 'revision', reference: 'web:1'}}} />);
  return {app, store, created};
}

describe('import from the browser: plaintext secrets', () => {
  test('asked before the review (masked); the password moves, the false alarm stays plain text; saving says where', async () => {
    const {app, store, created} = start();
    await waitForFrame(app, '❯ Create a new profile');
    await press(app, 'enter');
    await waitForFrame(app, 'Names for the new profile');
    for (let field = 0; field < 4; field += 1) await press(app, 'enter');
    let frame = await waitForFrame(app, 'These 2 environment variables look like secrets in plain text');
    expect(frame).not.toContain(PASSWORD);
    expect(frame).not.toContain('bcrypt');
    expect(frame).toContain('2 moving to ecs-wizard/web-production/production');
    await press(app, 'down');
    await press(app, 'p');
    await waitForFrame(app, /PASSWORD_HASH_ALGORITHM.*→ keep as plain text/);
    await press(app, 'enter');
    frame = await waitForFrame(app, "New profile 'web-production':");
    expect(frame).toContain('Moves to AWS Secrets Manager on saving: DB_PASSWORD');
    expect(frame).toContain('Kept as plain text (declared not secrets): PASSWORD_HASH_ALGORITHM');
    expect(created).toEqual([]);
    await press(app, 'enter');
    frame = await waitForFrame(app, "Saved profile 'web-production'.");
    expect(frame.replace(/\s+/g, ' ')).toContain(
      'Moved DB_PASSWORD to AWS Secrets Manager: arn:aws:secretsmanager:us-east-1:123456789012:secret:ecs-wizard/web-production/production-Ab12Cd',
    );
    expect(frame).toContain('IAM not changed (no --apply-iam)');
    expect(created.map((secret) => [secret.name, JSON.parse(secret.secretString)])).toEqual([
      ['ecs-wizard/web-production/production', {DB_PASSWORD: PASSWORD}],
    ]);
    const saved = await store.get('web-production');
    expect(saved?.service.plaintextVariables).toEqual(['PASSWORD_HASH_ALGORITHM']);
    expect(JSON.stringify(saved)).not.toContain(PASSWORD);
  });

  test('esc on the choice goes back to the names; nothing is created or saved', async () => {
    const {app, store, created} = start();
    await waitForFrame(app, '❯ Create a new profile');
    await press(app, 'enter');
    await waitForFrame(app, 'Names for the new profile');
    for (let field = 0; field < 4; field += 1) await press(app, 'enter');
    await waitForFrame(app, 'look like secrets in plain text');
    await press(app, 'esc');
    await waitForFrame(app, 'Names for the new profile');
    expect(created).toEqual([]);
    expect(await store.list()).toEqual([]);
  });
});
