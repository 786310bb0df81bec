/**
 * `ecs-wizard profiles list [--json]` — on its own, so that listing loads only the table (the store's index serves
 * it): none of the other profile commands' code.
 */
import {EXIT} from '../errors.js';
import {profileTable} from '../report/profile-text.js';
import {createStyle} from '../report/style.js';
import type {CommandContext} from './spec.js';

export async function run(context: CommandContext): Promise<number> {
  const store = await context.root.profileStore();
  if (context.globals.json) {
    context.io.stdout.write(`${JSON.stringify(await store.list(), null, 2)}\n`);
    return EXIT.ok;
  }
  // The table needs only the summaries: the store's index, not every profile read and checked.
  const profiles = await store.summaries();
  if (profiles.length === 0) {
    context.io.stdout.write('No profiles saved yet.\n');
  } else {
    context.io.stdout.write(profileTable(profiles, createStyle(context.globals.color && Boolean(context.io.stdout.isTTY))));
  }
  return EXIT.ok;
}
