/**
 * Reads the JSON templates shipped in `templates/` (next to package.json) as text. The domain parses and
 * renders them (domain/templates.ts says what each one is for).
 */
// node:fs's `promises` is read where it is used (see files.ts): node:fs/promises loads Node's readline and watchers.
import {existsSync, promises as fsPromises} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {TEMPLATE_NAMES, type TemplateName} from '../domain/templates.js';
import {CliError} from '../errors.js';

/** The folder holding the templates: found by walking up from this module (source/ in tests, dist/ when bundled). */
export function templatesDirectory(from: string = fileURLToPath(import.meta.url)): string {
  let directory = dirname(from);
  for (;;) {
    const candidate = join(directory, 'templates');
    if (existsSync(join(candidate, 'container-ec2.json')) && existsSync(join(directory, 'package.json'))) return candidate;
    const parent = dirname(directory);
    if (parent === directory) throw new CliError('the templates folder of ecs-wizard is missing: reinstall ecs-wizard');
    directory = parent;
  }
}

export async function readTemplate(name: TemplateName, directory: string = templatesDirectory()): Promise<string> {
  if (!TEMPLATE_NAMES.includes(name)) throw new CliError(`no template named '${name}'`);
  return fsPromises.readFile(join(directory, `${name}.json`), 'utf8');
}
