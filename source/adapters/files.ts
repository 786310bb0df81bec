import {chmod, readFile, stat, writeFile} from 'node:fs/promises';
import {InputError} from '../errors.js';
import type {Readable} from 'node:stream';
import type {UserFilesPort} from '../ports/files.js';

const FILE_MODE = 0o600;

/** Reads a user-named file (or stdin for `-`), turning fs errors into messages that name the file. */
export async function readUserFile(path: string, stdin: Readable): Promise<string> {
  if (path === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
    return Buffer.concat(chunks).toString('utf8');
  }
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw fileError(error, path, 'read');
  }
}

/** Writes a user-named file, readable by its owner only (0600); refuses to replace one unless `overwrite`. */
export async function writeUserFile(path: string, text: string, options: {overwrite: boolean}): Promise<void> {
  try {
    await writeFile(path, text, {flag: options.overwrite ? 'w' : 'wx', mode: FILE_MODE});
    // `mode` applies to a new file only: a replaced one is tightened too (a path like /dev/stdout is left alone).
    const {mode, isFile} = await stat(path).then((stats) => ({mode: stats.mode & 0o777, isFile: stats.isFile()}));
    if (isFile && mode !== FILE_MODE) await chmod(path, FILE_MODE);
  } catch (error) {
    throw fileError(error, path, 'write');
  }
}

/** The files port over the local file system. */
export const userFiles: UserFilesPort = {read: readUserFile, write: writeUserFile};

function fileError(error: unknown, path: string, verb: 'read' | 'write'): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return new InputError(verb === 'read' ? `${path}: no such file` : `${path}: the folder does not exist`);
    case 'EEXIST':
      return new InputError(`${path} exists`, 'pass --force to overwrite it');
    case 'EACCES':
    case 'EPERM':
      return new InputError(`${path}: permission denied`);
    case 'EISDIR':
      return new InputError(`${path} is a folder, not a file`);
    default:
      return new InputError(`cannot ${verb} ${path}: ${(error as Error).message}`);
  }
}
