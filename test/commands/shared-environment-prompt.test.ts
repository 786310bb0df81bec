/**
 * commands/shared-environment-prompt.ts: an import that would change an application environment other services use
 * — on a terminal it shows the change and asks (no: nothing saved); without one it refuses unless --force; a change
 * that breaks another service is refused unless --force.
 */
import {PassThrough, Readable} from 'node:stream';
import {describe, expect, test} from 'vitest';
import {definitionOf} from '../../source/domain/applications.js';
import {serviceImpact} from '../../source/domain/environment-impact.js';
import {approveSharedChanges} from '../../source/commands/shared-environment-prompt.js';
import type {SharedEnvironmentChange} from '../../source/operations/shared-environments.js';
import {fargateJsonProfile} from '../helpers/profile-fixtures.js';

const api = fargateJsonProfile({name: 'api', application: 'shop'});
const before = definitionOf(api.environments[0]!);

function change(after = {...before, cluster: 'staging-blue'}): SharedEnvironmentChange {
  return {
    change: {application: 'shop', environment: 'staging', fields: ['cluster'], services: ['api']},
    before,
    after,
    impacts: [serviceImpact(api, after)],
  };
}

function io(answer: string, interactive: boolean) {
  const stderr = new PassThrough();
  let err = '';
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return {
    context: {io: {stdin: Readable.from([answer]), stdout: new PassThrough(), stderr, interactive}, globals: {json: false, color: false}},
    err: () => err,
  };
}

const OPTIONS = {what: 'importing service prod/web', retry: '--env NAME'};

describe('approveSharedChanges', () => {
  test('nothing shared: go on without a word', async () => {
    const {context, err} = io('', false);
    expect(await approveSharedChanges(context, [], {...OPTIONS, force: false})).toBe(true);
    expect(err()).toBe('');
  });

  test('a terminal: the change, what each service renders, then the question; "n" saves nothing, "y" goes on', async () => {
    const no = io('n\n', true);
    expect(await approveSharedChanges(no.context, [change()], {...OPTIONS, force: false})).toBe(false);
    expect(no.err()).toContain('Changed environment staging of application shop:');
    expect(no.err()).toContain('Affects 1 service: api.');
    expect(no.err()).toContain('~ cluster: "web-staging" → "staging-blue"');
    expect(no.err()).toContain('Change staging for 1 service (api)? [y/N]');
    const yes = io('y\n', true);
    expect(await approveSharedChanges(yes.context, [change()], {...OPTIONS, force: false})).toBe(true);
  });

  test('no terminal: exit 2 naming the environment, the fields and the services, unless --force', async () => {
    const plain = io('', false);
    await expect(approveSharedChanges(plain.context, [change()], {...OPTIONS, force: false})).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining('environment staging of application shop (cluster): used by api'),
    });
    expect(await approveSharedChanges(plain.context, [change()], {...OPTIONS, force: true})).toBe(true);
    expect(plain.err()).toContain('Affects 1 service: api.');
  });

  test('a change that breaks another service is refused even on a terminal, unless --force', async () => {
    const {executionRoleArn: _role, ...withoutRole} = before;
    const asked = io('y\n', true);
    await expect(approveSharedChanges(asked.context, [change(withoutRole)], {...OPTIONS, force: false})).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining('api in staging: containerSpec executionRoleArn'),
    });
    expect(await approveSharedChanges(asked.context, [change(withoutRole)], {...OPTIONS, force: true})).toBe(true);
    expect(asked.err()).toContain('Saved with --force: api will now fail to render, verify and deploy in staging until fixed.');
  });
});
