/**
 * `ecs-wizard apps list|show|rename|rm`: the applications the store keeps (each owns its environments; its profiles
 * are its services). Exit 0 done (or nothing removed when the person said no), 2 bad input.
 */
import {confirm} from '../adapters/terminal-prompt.js';
import {EXIT, UsageError} from '../errors.js';
import {requireApplication} from '../operations/applications.js';
import {applicationLines, applicationTable} from '../report/application-text.js';
import {sanitize} from '../report/sanitize.js';
import {createStyle, type Style} from '../report/style.js';
import type {CommandContext} from './spec.js';

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
const styleOf = (context: CommandContext): Style => createStyle(context.globals.color && Boolean(context.io.stdout.isTTY));

export async function list(context: CommandContext): Promise<number> {
  const applications = await (await context.root.profileStore()).applications();
  context.io.stdout.write(context.globals.json ? json(applications) : applicationTable(applications, styleOf(context)));
  return EXIT.ok;
}

export async function show(context: CommandContext): Promise<number> {
  const application = await requireApplication(await context.root.profileStore(), context.positionals[0]!);
  context.io.stdout.write(context.globals.json ? json(application) : `${applicationLines(application, styleOf(context)).join('\n')}\n`);
  return EXIT.ok;
}

export async function rename(context: CommandContext): Promise<number> {
  const [from, to] = context.positionals as [string, string];
  const store = await context.root.profileStore();
  const application = await requireApplication(store, from);
  await store.renameApplication(from, to);
  const count = application.services.length;
  if (context.globals.json) context.io.stdout.write(json({renamed: {from, to}, services: application.services.map((service) => service.profile)}));
  else context.io.stderr.write(sanitize(`Renamed application '${from}' to '${to}' (${count} service${count === 1 ? '' : 's'} follow it).\n`));
  return EXIT.ok;
}

export async function remove(context: CommandContext): Promise<number> {
  const name = context.positionals[0]!;
  const store = await context.root.profileStore();
  const application = await requireApplication(store, name);
  const profiles = application.services.map((service) => service.profile);
  const what = `application '${name}': ${application.environments.length} environment${application.environments.length === 1 ? '' : 's'} and ${
    profiles.length === 0 ? 'no profiles' : `the profile${profiles.length === 1 ? '' : 's'} ${profiles.join(', ')}`
  }`;
  if (context.options.yes !== true) {
    if (!context.io.interactive)
      throw new UsageError(`not removing the ${what} without --yes (there is no terminal to ask)`, `ecs-wizard apps rm ${name} --yes`);
    if (!(await confirm(context.io, sanitize(`Remove the ${what}? Nothing is changed on AWS.`)))) {
      context.io.stderr.write('Nothing removed.\n');
      if (context.globals.json) context.io.stdout.write(json({removed: false}));
      return EXIT.ok;
    }
  }
  const removed = await store.removeApplication(name);
  if (context.globals.json) context.io.stdout.write(json({removed: true, application: name, profiles: removed}));
  else context.io.stderr.write(sanitize(`Removed the ${what}. Nothing was changed on AWS.\n`));
  return EXIT.ok;
}
