/**
 * Outputs of a Terraform state file (`terraform.tfstate`, format version 4): `outputs.<name>.value`.
 * Strings, numbers and booleans become strings; lists and sets of those become lists of strings; other
 * values (maps, objects) are left out — an environment needs ids and ARNs, not structures.
 */
// node:fs's `promises` is read where it is used (see files.ts): node:fs/promises loads Node's readline and watchers.
import {promises as fsPromises} from 'node:fs';
import {resolve} from 'node:path';
import {InputError} from '../errors.js';
import type {ProvisionerOutputs, TerraformStatePort} from '../ports/provisioners.js';

const scalar = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;

/** The outputs of the text of a state file; throws InputError when it is not one. */
export function terraformOutputs(text: string, source: string): ProvisionerOutputs {
  let state: unknown;
  try {
    state = JSON.parse(text);
  } catch (error) {
    throw new InputError(
      `${source} is not JSON: ${(error as Error).message}`,
      'give the path of a terraform.tfstate file (or run `terraform state pull > state.json`)',
    );
  }
  const outputs = typeof state === 'object' && state !== null ? (state as {outputs?: unknown}).outputs : undefined;
  if (typeof state !== 'object' || state === null || !('version' in state) || typeof outputs !== 'object' || outputs === null) {
    throw new InputError(`${source} is not a Terraform state file (no "version" and "outputs")`, 'give the path of a terraform.tfstate file');
  }
  const result: ProvisionerOutputs = {};
  for (const [name, output] of Object.entries(outputs as Record<string, unknown>)) {
    const value = typeof output === 'object' && output !== null ? (output as {value?: unknown}).value : undefined;
    const single = scalar(value);
    if (single !== undefined) result[name] = single;
    else if (Array.isArray(value) && value.every((item) => scalar(item) !== undefined)) result[name] = value.map((item) => scalar(item)!);
  }
  return result;
}

export function createTerraformState(): TerraformStatePort {
  return {
    async readOutputs(path) {
      let text: string;
      try {
        text = await fsPromises.readFile(path, 'utf8');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new InputError(code === 'ENOENT' ? `no Terraform state file at ${path}` : `cannot read ${path}: ${(error as Error).message}`);
      }
      return terraformOutputs(text, path);
    },
    locate: (path) => resolve(path),
  };
}
