import React from 'react';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, test} from 'vitest';
import type {PlaintextSecret} from '../../../source/domain/import/plaintext-secrets.js';
import type {SecretDecision} from '../../../source/operations/import-secrets.js';
import {PlaintextSecrets} from '../../../source/ui/screens/plaintext-secrets.js';
import {press, recorder, waitForFrame} from '../../helpers/ink.js';

afterEach(() => cleanup());

const SUSPECTS: PlaintextSecret[] = [
  {name: 'WORDPRESS_DB_PASSWORD', container: 'wordpress', path: 'containerDefinitions[0].environment[2]', shown: '(masked)', reason: 'its name'},
  {name: 'MYSQL_ROOT_PASSWORD', container: 'mysql', path: 'containerDefinitions[1].environment[0]', shown: '(masked)', reason: 'its name'},
  {
    name: 'UPLOADER',
    container: 'wordpress',
    path: 'containerDefinitions[0].environment[4]',
    shown: 'AKIA…',
    reason: 'its value looks like an AWS access key id',
    mustMove: 'an AWS access key id',
  },
];

function mount(initial?: ReadonlyMap<string, SecretDecision>) {
  const done = recorder<[Map<string, SecretDecision>]>();
  const cancelled = recorder();
  const app = render(
    <PlaintextSecrets
      suspects={SUSPECTS}
      destination="ecs-wizard/wp/production"
      active
      onDone={done}
      onCancel={cancelled}
      {...(initial === undefined ? {} : {initial})}
    />,
  );
  return {app, done, cancelled};
}

describe('the plaintext secrets choice', () => {
  test('each variable masked, with where it is and why; every one moves unless chosen otherwise', async () => {
    const {app, done} = mount();
    const frame = await waitForFrame(app, 'UPLOADER');
    expect(frame).toContain('These 3 environment variables look like secrets in plain text');
    expect(frame).toMatch(
      /❯ WORDPRESS_DB_PASSWORD\s+\(masked\)\s+→ move to Secrets Manager\n\s+wordpress \(containerDefinitions\[0\]\.environment\[2\]\): its name/,
    );
    expect(frame).toMatch(/MYSQL_ROOT_PASSWORD\s+\(masked\)\s+→ move to Secrets Manager\n\s+mysql \(containerDefinitions\[1\]\.environment\[0\]\): its name/);
    expect(frame).toMatch(/UPLOADER\s+AKIA…\s+→ move to Secrets Manager \(cannot stay plain text\)\n.*: its value looks like an AWS access key id/);
    expect(frame).toContain('3 moving to ecs-wizard/wp/production (one secret for the environment, a JSON key per variable)');
    await press(app, 'enter');
    await done.called();
    expect([...done.calls[0]![0]]).toEqual([
      ['WORDPRESS_DB_PASSWORD', 'move'],
      ['MYSQL_ROOT_PASSWORD', 'move'],
      ['UPLOADER', 'move'],
    ]);
  });

  test('→ and space keep a variable as plain text; a key by its shape cannot be kept', async () => {
    const {app, done} = mount();
    await waitForFrame(app, 'UPLOADER');
    await press(app, 'down');
    await press(app, 'right');
    await waitForFrame(app, /MYSQL_ROOT_PASSWORD.*→ keep as plain text \(not a secret\)/);
    await press(app, 'down');
    await press(app, 'p');
    await waitForFrame(app, 'UPLOADER cannot stay plain text: its value looks like an AWS access key id');
    await press(app, 'up');
    await press(app, 'up');
    await press(app, 'space');
    const frame = await waitForFrame(app, /WORDPRESS_DB_PASSWORD.*→ keep as plain text/);
    expect(frame).toContain('1 moving to ecs-wizard/wp/production');
    await press(app, 'enter');
    await done.called();
    expect([...done.calls[0]![0]]).toEqual([
      ['WORDPRESS_DB_PASSWORD', 'keep'],
      ['MYSQL_ROOT_PASSWORD', 'keep'],
      ['UPLOADER', 'move'],
    ]);
  });

  test('decisions from the flags are where it starts; a moves all; esc cancels', async () => {
    const {app, done, cancelled} = mount(new Map([['MYSQL_ROOT_PASSWORD', 'keep']]));
    await waitForFrame(app, /MYSQL_ROOT_PASSWORD.*→ keep as plain text/);
    await press(app, 'a');
    await waitForFrame(app, '3 moving to');
    await press(app, 'escape');
    await cancelled.called();
    expect(done.calls).toEqual([]);
  });
});
