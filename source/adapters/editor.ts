/**
 * The person's text editor, for the wizard's Advanced JSON: $VISUAL, then $EDITOR, then the first of
 * `sensible-editor`, `editor`, `nano`, `vi` found on PATH. The editor runs with the terminal (stdio inherited)
 * while the calling process is blocked (spawnSync): Ink reads no key meanwhile, and raw mode is switched off
 * for the editor and back on afterwards. With no editor at all, the wizard writes a file for the person to
 * edit by hand (`prepareFile`) and reads it back.
 *
 * $VISUAL/$EDITOR may hold arguments (`code --wait`): the command runs through `sh -c '<editor> "$1"'`.
 */
import {createRequire} from 'node:module';
// node:fs's `promises` is read where it is used (see files.ts): node:fs/promises loads Node's readline and watchers.
import {accessSync, constants, mkdtempSync, promises as fsPromises, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {delimiter, join} from 'node:path';
import type {EditorPort, EditResult} from '../ports/editor.js';
import {InputError} from '../errors.js';

const FALLBACKS = ['sensible-editor', 'editor', 'nano', 'vi'];

interface RawStream {
  isTTY?: boolean;
  isRaw?: boolean;
  setRawMode?: (mode: boolean) => unknown;
}

function onPath(command: string, path: string): boolean {
  for (const directory of path.split(delimiter)) {
    if (directory === '') continue;
    try {
      accessSync(join(directory, command), constants.X_OK);
      return true;
    } catch {
      // not here
    }
  }
  return false;
}

/** The editor command: $VISUAL, $EDITOR, or a fallback on PATH; undefined when there is none. */
export function findEditor(env: NodeJS.ProcessEnv): string | undefined {
  for (const name of ['VISUAL', 'EDITOR'] as const) {
    const value = env[name]?.trim();
    if (value) return value;
  }
  return FALLBACKS.find((command) => onPath(command, env.PATH ?? ''));
}

export function createEditor(options: {env: NodeJS.ProcessEnv; stdin?: RawStream; tempDir?: string}): EditorPort {
  const {env} = options;
  const newFile = (text: string, extension = 'json'): string => {
    const directory = mkdtempSync(join(options.tempDir ?? tmpdir(), 'ecs-wizard-'));
    const file = join(directory, `spec.${extension}`);
    writeFileSync(file, text, {mode: 0o600});
    return file;
  };
  return {
    describe: () => findEditor(env),
    edit(text, editOptions = {}): EditResult {
      const editor = findEditor(env);
      if (editor === undefined) return {kind: 'failed', reason: 'no editor found: set $EDITOR (or $VISUAL)', text};
      const file = newFile(text, editOptions.extension);
      const stdin = options.stdin;
      const wasRaw = stdin?.isTTY === true && stdin.isRaw === true;
      if (wasRaw) stdin.setRawMode?.(false);
      // child_process (and net under it) is loaded only to run an editor: it costs every start ~8 ms otherwise.
      const {spawnSync} = createRequire(import.meta.url)('node:child_process') as typeof import('node:child_process');
      let result: ReturnType<typeof spawnSync>;
      try {
        result = spawnSync('/bin/sh', ['-c', `${editor} "$1"`, 'sh', file], {stdio: 'inherit', env});
      } finally {
        if (wasRaw) stdin.setRawMode?.(true);
      }
      if (result.error) return {kind: 'failed', reason: `could not start ${editor}: ${result.error.message}`, text};
      if (result.status !== 0) {
        const how = result.signal ? `was stopped by ${result.signal}` : `exited with code ${result.status}`;
        return {kind: 'failed', reason: `${editor} ${how}; the text is unchanged`, text};
      }
      return {kind: 'edited', text: readFileSync(file, 'utf8'), editor};
    },
    async prepareFile(text, editOptions = {}) {
      return newFile(text, editOptions.extension);
    },
    async readFile(path) {
      try {
        return await fsPromises.readFile(path, 'utf8');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new InputError(code === 'ENOENT' ? `no file at ${path}` : `cannot read ${path}: ${(error as Error).message}`);
      }
    },
  };
}
