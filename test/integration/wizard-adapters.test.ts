import {mkdtempSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, test} from 'vitest';
import {createEditor, findEditor} from '../../source/adapters/editor.js';
import {createTerraformState} from '../../source/adapters/terraform-state.js';
import {createDraftStore} from '../../source/adapters/wizard-draft.js';
import {InputError} from '../../source/errors.js';

/** The wizard's local adapters with real processes and files: the editor, the draft, a Terraform state file. */
const dir = mkdtempSync(join(tmpdir(), 'ecs-wizard-adapters-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

describe('the editor adapter', () => {
  test('$VISUAL wins over $EDITOR; with neither, a fallback on PATH, or none', () => {
    expect(findEditor({VISUAL: 'code --wait', EDITOR: 'vi', PATH: ''})).toBe('code --wait');
    expect(findEditor({EDITOR: 'vi', PATH: ''})).toBe('vi');
    expect(findEditor({PATH: ''})).toBeUndefined();
    const bin = mkdtempSync(join(dir, 'bin-'));
    writeFileSync(join(bin, 'nano'), '#!/bin/sh\n', {mode: 0o755});
    expect(findEditor({PATH: bin})).toBe('nano');
  });

  test('runs the editor (with its arguments) on a temporary file and reads it back', () => {
    const source = join(dir, 'edited.json');
    writeFileSync(source, '{"edited": true}\n');
    const editor = createEditor({env: {EDITOR: `cp ${source}`, PATH: process.env.PATH}, tempDir: dir});
    expect(editor.describe()).toBe(`cp ${source}`);
    expect(editor.edit('{"edited": false}')).toEqual({kind: 'edited', text: '{"edited": true}\n', editor: `cp ${source}`});
  });

  test('the editor is given the text; an editor that fails leaves the text unchanged and says why', () => {
    const seen = join(dir, 'seen.json');
    const editor = createEditor({env: {EDITOR: `cp -t /nonexistent-dir`, PATH: process.env.PATH}, tempDir: dir});
    const result = editor.edit('{"a": 1}');
    expect(result).toMatchObject({kind: 'failed', text: '{"a": 1}'});
    expect(result.kind === 'failed' && result.reason).toMatch(/^cp -t \/nonexistent-dir exited with code 1; the text is unchanged$/);
    const copying = createEditor({env: {EDITOR: `sh -c 'cp "$0" ${seen}'`, PATH: process.env.PATH}, tempDir: dir});
    copying.edit('{"given": true}');
    expect(readFileSync(seen, 'utf8')).toBe('{"given": true}');
  });

  test('raw mode is switched off for the editor and back on after', () => {
    const modes: boolean[] = [];
    const stdin = {isTTY: true, isRaw: true, setRawMode: (mode: boolean) => modes.push(mode)};
    const editor = createEditor({env: {EDITOR: 'true', PATH: process.env.PATH}, stdin, tempDir: dir});
    editor.edit('x');
    expect(modes).toEqual([false, true]);
  });

  test('without an editor: a file (mode 0600) to edit by hand, read back; a missing file is an input error', async () => {
    const editor = createEditor({env: {PATH: ''}, tempDir: dir});
    expect(editor.edit('x')).toEqual({kind: 'failed', reason: 'no editor found: set $EDITOR (or $VISUAL)', text: 'x'});
    const path = await editor.prepareFile('{"start": 1}');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    writeFileSync(path, '{"start": 2}');
    expect(await editor.readFile(path)).toBe('{"start": 2}');
    await expect(editor.readFile(join(dir, 'missing.json'))).rejects.toThrow(InputError);
  });
});

describe('the wizard draft', () => {
  test('saved (0600), loaded, cleared', async () => {
    const store = createDraftStore(join(dir, 'config'));
    expect(await store.load()).toBeUndefined();
    const path = await store.save({answers: {application: 'a'}, choices: {discovery: 'none'}, done: ['application'], savedAt: '2026-01-01T00:00:00.000Z'});
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(await store.load()).toEqual({answers: {application: 'a'}, choices: {discovery: 'none'}, done: ['application'], savedAt: '2026-01-01T00:00:00.000Z'});
    await store.clear();
    expect(await store.load()).toBeUndefined();
  });
});

describe('Terraform state files', () => {
  test('outputs read from a file; a missing file or another JSON is an input error', async () => {
    const path = join(dir, 'terraform.tfstate');
    writeFileSync(
      path,
      JSON.stringify({
        version: 4,
        outputs: {cluster_name: {value: 'prod', type: 'string'}, subnet_ids: {value: ['subnet-0a1b2c3d'], type: ['list', 'string']}},
      }),
    );
    const terraform = createTerraformState();
    expect(await terraform.readOutputs(path)).toEqual({cluster_name: 'prod', subnet_ids: ['subnet-0a1b2c3d']});
    await expect(terraform.readOutputs(join(dir, 'none.tfstate'))).rejects.toThrow(`no Terraform state file at ${join(dir, 'none.tfstate')}`);
    writeFileSync(join(dir, 'other.json'), '{"a": 1}');
    await expect(terraform.readOutputs(join(dir, 'other.json'))).rejects.toThrow('is not a Terraform state file');
  });
});
