/**
 * A Copilot workspace on disk: finds the `copilot/` folder (the one named, or the current folder's, or the nearest
 * parent's) and reads `.workspace`, `copilot/<svc>/manifest.yml` and `copilot/environments/<env>/manifest.yml`.
 * Read only: nothing in the folder is ever written.
 */
// node:fs's `promises` is read where it is used (see files.ts): node:fs/promises loads Node's readline and watchers.
import {promises as fsPromises} from 'node:fs';
import {basename, dirname, join, resolve} from 'node:path';
import type {Readable} from 'node:stream';
import type {CopilotFile, CopilotFiles} from '../domain/import/copilot/workspace.js';
import {InputError} from '../errors.js';
import {readUserFile} from './files.js';

const isDirectory = async (path: string): Promise<boolean> => (await fsPromises.stat(path).catch(() => undefined))?.isDirectory() === true;
const isFile = async (path: string): Promise<boolean> => (await fsPromises.stat(path).catch(() => undefined))?.isFile() === true;

/** The copilot folder: DIR itself when it holds `.workspace`, else DIR/copilot; without DIR, `copilot/` here or in the nearest parent. */
export async function locateCopilotFolder(dir: string | undefined, cwd: string): Promise<string> {
  if (dir !== undefined) {
    const given = resolve(cwd, dir);
    if (await isFile(join(given, '.workspace'))) return given;
    if (await isDirectory(join(given, 'copilot'))) return join(given, 'copilot');
    if (await isDirectory(given)) return given;
    throw new InputError(`${dir}: no such folder`, 'give the copilot/ folder of the repository (or the repository itself)');
  }
  for (let current = resolve(cwd); ; current = dirname(current)) {
    if (await isDirectory(join(current, 'copilot'))) return join(current, 'copilot');
    if (dirname(current) === current) break;
  }
  throw new InputError(
    'no copilot/ folder here or in any parent folder',
    'run it in the repository that holds copilot/, or give its path: ecs-wizard import --from-copilot DIR',
  );
}

const subfolders = async (path: string): Promise<string[]> =>
  (await fsPromises.readdir(path, {withFileTypes: true}).catch(() => []))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

/** Every file the migration reads, named as `copilot/<svc>/manifest.yml` (relative to the folder above copilot/). */
export async function readCopilotFolder(folder: string, stdin: Readable): Promise<CopilotFiles> {
  const top = basename(folder);
  const read = async (relative: string[], name: string): Promise<CopilotFile | undefined> => {
    const path = join(folder, ...relative);
    if (!(await isFile(path))) return undefined;
    return {file: [top, ...relative].join('/'), folder: name, text: await readUserFile(path, stdin)};
  };
  const workspace = await read(['.workspace'], top);
  const services: CopilotFile[] = [];
  for (const name of await subfolders(folder)) {
    if (name === 'environments' || name === 'pipelines' || name.startsWith('.')) continue;
    const file = (await read([name, 'manifest.yml'], name)) ?? (await read([name, 'manifest.yaml'], name));
    if (file !== undefined) services.push(file);
  }
  const environments: CopilotFile[] = [];
  for (const name of await subfolders(join(folder, 'environments'))) {
    const file = (await read(['environments', name, 'manifest.yml'], name)) ?? (await read(['environments', name, 'manifest.yaml'], name));
    if (file !== undefined) environments.push(file);
  }
  return {workspace, services, environments};
}
