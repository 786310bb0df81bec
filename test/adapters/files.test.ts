import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {Readable} from 'node:stream';
import {afterEach, beforeEach, describe, expect, test} from 'vitest';
import {MAX_INPUT_BYTES, readUserFile, writeUserFile} from '../../source/adapters/files.js';
import {InputError} from '../../source/errors.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-wizard-files-'));
});
afterEach(() => fs.rmSync(dir, {recursive: true, force: true}));

const modeOf = (file: string): number => fs.statSync(file).mode & 0o777;

describe('writeUserFile', () => {
  test('a new file is written 0600', async () => {
    const file = path.join(dir, 'profile.json');
    await writeUserFile(file, '{}\n', {overwrite: false});
    expect(fs.readFileSync(file, 'utf8')).toBe('{}\n');
    expect(modeOf(file)).toBe(0o600);
  });

  test('a replaced 0644 file is tightened to 0600', async () => {
    const file = path.join(dir, 'profile.json');
    fs.writeFileSync(file, 'old', {mode: 0o644});
    fs.chmodSync(file, 0o644);
    await writeUserFile(file, 'new', {overwrite: true});
    expect(fs.readFileSync(file, 'utf8')).toBe('new');
    expect(modeOf(file)).toBe(0o600);
  });

  test('an existing file is refused without overwrite, naming the flag, and left alone', async () => {
    const file = path.join(dir, 'profile.json');
    fs.writeFileSync(file, 'old');
    const error = await writeUserFile(file, 'new', {overwrite: false}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({message: `${file} exists`, hint: 'pass --force to overwrite it'});
    expect(fs.readFileSync(file, 'utf8')).toBe('old');
  });
});

describe('readUserFile', () => {
  test('reads a file, or stdin for "-"', async () => {
    const file = path.join(dir, 'in.json');
    fs.writeFileSync(file, 'from file');
    expect(await readUserFile(file, Readable.from([]))).toBe('from file');
    expect(await readUserFile('-', Readable.from([Buffer.from('from '), Buffer.from('stdin')]))).toBe('from stdin');
  });

  // Saved AWS CLI output on Windows: `aws ecs describe-task-definition … > td.json` in Windows PowerShell 5.1 writes
  // UTF-16LE with a byte order mark, `Out-File -Encoding utf8` and Notepad UTF-8 with one.
  test.each<[string, Buffer]>([
    ['UTF-8 with a byte order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"family": "wébapp"}\r\n', 'utf8')])],
    [
      'UTF-16LE with a byte order mark (Windows PowerShell 5.1 redirection)',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"family": "wébapp"}\r\n', 'utf16le')]),
    ],
    ['UTF-16BE with a byte order mark', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('{"family": "wébapp"}\r\n', 'utf16le').swap16()])],
  ])('%s is read as its text, without the mark', async (_name, bytes) => {
    const file = path.join(dir, 'td.json');
    fs.writeFileSync(file, bytes);
    expect(await readUserFile(file, Readable.from([]))).toBe('{"family": "wébapp"}\r\n');
    expect(await readUserFile('-', Readable.from([bytes.subarray(0, 3), bytes.subarray(3)]))).toBe('{"family": "wébapp"}\r\n');
  });

  test('/dev/zero, or any file over the size limit, is refused at once with a message naming it', async () => {
    await expect(readUserFile('/dev/zero', Readable.from([]))).rejects.toMatchObject({
      message: '/dev/zero is larger than 8 MiB: not a file ecs-wizard reads (a profile, a task definition, describe output)',
    });
    const big = path.join(dir, 'big.json');
    fs.writeFileSync(big, Buffer.alloc(MAX_INPUT_BYTES + 1, 0x20));
    await expect(readUserFile(big, Readable.from([]))).rejects.toBeInstanceOf(InputError);
    const endless = Readable.from(
      (function* () {
        for (;;) yield Buffer.alloc(64 * 1024, 0x20);
      })(),
    );
    await expect(readUserFile('-', endless)).rejects.toMatchObject({message: expect.stringMatching(/^the standard input is larger than 8 MiB/)});
  });

  test('a file of exactly the limit is read', async () => {
    const file = path.join(dir, 'limit.json');
    fs.writeFileSync(file, Buffer.alloc(MAX_INPUT_BYTES, 0x20));
    expect((await readUserFile(file, Readable.from([]))).length).toBe(MAX_INPUT_BYTES);
  });

  test('a missing file names the file', async () => {
    const file = path.join(dir, 'missing.json');
    await expect(readUserFile(file, Readable.from([]))).rejects.toMatchObject({message: `${file}: no such file`});
  });
});
