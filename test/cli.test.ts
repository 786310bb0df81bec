import {PassThrough, Readable} from 'node:stream';
import {expect, test} from 'vitest';
import {main} from '../source/cli.js';
import {MemoryProfileStore} from '../source/adapters/memory-profile-store.js';
import {testRoot} from './helpers/fake-root.js';

async function cli(argv: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const code = await main({
    argv,
    env: {CI: 'true'},
    io: {stdin: Readable.from([]), stdout, stderr},
    createRoot: () => testRoot({store: new MemoryProfileStore()}),
  });
  return {code, out, err};
}

test('an unknown command is a usage error: one line, a hint, exit 2, no stack trace', async () => {
  const result = await cli(['deplyo']);
  expect(result.code).toBe(2);
  expect(result.err).toMatch(/^ecs-wizard: unknown command 'deplyo'/);
  expect(result.err).not.toMatch(/\n\s+at /);
});

test('text from outside quoted in an error cannot drive the terminal: escape sequences are removed', async () => {
  // A profile name is the person's input, echoed back in the error.
  const result = await cli(['profiles', 'show', 'evil\u001B]0;owned\u0007\u001B[2Jname']);
  expect(result.code).toBe(2);
  expect(result.err).toContain('evilname');
  expect(result.err).not.toMatch(/\u001B|\u0007/);
});
