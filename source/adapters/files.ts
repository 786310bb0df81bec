// node:fs's `promises`, read where it is used: node:fs/promises loads Node's readline and file watchers (~1 ms of every
// plain command, which only reach this module through the composition root and never write a file).
import {createReadStream, promises as fsPromises} from 'node:fs';
import {InputError} from '../errors.js';
import type {Readable} from 'node:stream';
import type {UserFilesPort} from '../ports/files.js';

const FILE_MODE = 0o600;

/**
 * The largest file ecs-wizard reads (a profile, a task definition, describe output, a Terraform state): far above
 * any real one, and small enough that `/dev/zero` or a wrong file is refused at once instead of filling memory.
 */
export const MAX_INPUT_BYTES = 8 * 1024 * 1024;

/** Reads at most MAX_INPUT_BYTES from `source`; more is an InputError naming `label`. */
async function readBounded(source: AsyncIterable<unknown>, label: string, close: () => void): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of source) {
      const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
      size += bytes.length;
      if (size > MAX_INPUT_BYTES) {
        throw new InputError(
          `${label} is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MiB: not a file ecs-wizard reads (a profile, a task definition, describe output)`,
          'check the path',
        );
      }
      chunks.push(bytes);
    }
  } finally {
    close();
  }
  return decodeText(Buffer.concat(chunks));
}

/**
 * A file's bytes as text: UTF-8, or UTF-16 when a byte order mark says so; the mark itself is not text. Saved AWS
 * CLI output on Windows has one: Windows PowerShell 5.1's `>` writes UTF-16LE with a mark, `Out-File -Encoding
 * utf8` (and Notepad, at times) UTF-8 with one.
 */
function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.toString('utf8', 3);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.toString('utf16le', 2);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const big = Buffer.from(bytes.subarray(2, 2 + ((bytes.length - 2) & ~1)));
    return big.swap16().toString('utf16le');
  }
  return bytes.toString('utf8');
}

/** Reads a user-named file (or stdin for `-`), at most MAX_INPUT_BYTES, turning fs errors into messages that name the file. */
export async function readUserFile(path: string, stdin: Readable): Promise<string> {
  if (path === '-') return readBounded(stdin, 'the standard input', () => undefined);
  const stream = createReadStream(path, {highWaterMark: 1024 * 1024});
  try {
    return await readBounded(stream, path, () => stream.destroy());
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw fileError(error, path, 'read');
  }
}

/** Writes a user-named file, readable by its owner only (0600); refuses to replace one unless `overwrite`. */
export async function writeUserFile(path: string, text: string, options: {overwrite: boolean}): Promise<void> {
  try {
    await fsPromises.writeFile(path, text, {flag: options.overwrite ? 'w' : 'wx', mode: FILE_MODE});
    // `mode` applies to a new file only: a replaced one is tightened too (a path like /dev/stdout is left alone).
    const {mode, isFile} = await fsPromises.stat(path).then((stats) => ({mode: stats.mode & 0o777, isFile: stats.isFile()}));
    if (isFile && mode !== FILE_MODE) await fsPromises.chmod(path, FILE_MODE);
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
