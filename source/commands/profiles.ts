import {readUserFile, writeUserFile} from '../adapters/files.js';
import {confirm} from '../adapters/terminal-prompt.js';
import {exportProfile} from '../domain/profile-schema/export-file.js';
import type {Profile} from '../domain/model.js';
import {EXIT, UsageError} from '../errors.js';
import {importProfileText, renameProfile, requireProfile} from '../operations/profiles.js';
import {describeProfile} from '../report/profile-text.js';
import type {CommandContext} from './spec.js';

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

const getProfile = async (context: CommandContext, name: string): Promise<Profile> => requireProfile(await context.root.profileStore(), name);

export async function show(context: CommandContext): Promise<number> {
  const profile = await getProfile(context, context.positionals[0]!);
  context.io.stdout.write(context.globals.json ? json(profile) : `${describeProfile(profile).join('\n')}\n`);
  return EXIT.ok;
}

export async function remove(context: CommandContext): Promise<number> {
  const name = context.positionals[0]!;
  const profile = await getProfile(context, name);
  if (context.options.yes !== true) {
    if (!context.io.interactive) {
      throw new UsageError(`not removing '${name}' without --yes (there is no terminal to ask)`, `ecs-wizard profiles rm ${name} --yes`);
    }
    const runs = profile.runs.length;
    if (!(await confirm(context.io, `Remove profile '${name}' (${runs} run${runs === 1 ? '' : 's'} recorded)?`))) {
      context.io.stderr.write('Nothing removed.\n');
      return EXIT.ok;
    }
  }
  await (await context.root.profileStore()).remove(name);
  context.io.stderr.write(`Removed profile '${name}'.\n`);
  return EXIT.ok;
}

export async function rename(context: CommandContext): Promise<number> {
  const [from, to] = context.positionals as [string, string];
  await renameProfile(await context.root.profileStore(), from, to);
  context.io.stderr.write(`Renamed '${from}' to '${to}'.\n`);
  return EXIT.ok;
}

export async function exportProfileCommand(context: CommandContext): Promise<number> {
  const [name, file] = context.positionals as [string, string | undefined];
  const text = exportProfile(await getProfile(context, name));
  if (file === undefined || file === '-') {
    context.io.stdout.write(text);
  } else {
    await writeUserFile(file, text, {overwrite: context.options.force === true});
    context.io.stderr.write(`Wrote profile '${name}' to ${file}.\n`);
  }
  return EXIT.ok;
}

export async function importProfile(context: CommandContext): Promise<number> {
  const file = context.positionals[0]!;
  const text = await readUserFile(file, context.io.stdin);
  const imported = await importProfileText(await context.root.profileStore(), text, {
    source: file === '-' ? 'standard input' : file,
    as: typeof context.options.as === 'string' ? context.options.as : undefined,
    force: context.options.force === true,
  });
  if (context.globals.json) context.io.stdout.write(json(imported));
  else context.io.stderr.write(`Imported profile '${imported.name}'.\n`);
  return EXIT.ok;
}
