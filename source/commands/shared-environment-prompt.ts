/**
 * The one way the import doors handle a save that would change an application environment other services use: the
 * change is shown (old → new, the fields, the other services, what each will render), then asked on a terminal; without
 * one it is refused (exit 2) unless --force. A change that would break another service is refused like `env edit`
 * refuses it (exit 2 naming the service and the field) unless --force. Nothing is saved when refused or declined.
 */
import {confirm} from '../adapters/terminal-prompt.js';
import {breaking} from '../domain/environment-impact.js';
import {UsageError} from '../errors.js';
import type {SharedEnvironmentChange} from '../operations/shared-environments.js';
import {affectsQuestion, changeLines} from '../report/application-text.js';
import {breakingError, forcedLines, impactLines} from '../report/environment-impact-text.js';
import {sanitize} from '../report/sanitize.js';
import type {CommandContext} from './spec.js';

/** The lines of one change, as `env edit` shows it. */
function lines(item: SharedEnvironmentChange, width: number): string[] {
  return [...changeLines(item.change, item.before, item.after), ...impactLines(item.impacts, {width})];
}

/**
 * True to go on and save; false when the person said no (nothing saved). Throws (exit 2) without a terminal and
 * without --force, or when a change breaks another service and there is no --force.
 */
export async function approveSharedChanges(
  context: Pick<CommandContext, 'io' | 'globals'>,
  changes: readonly SharedEnvironmentChange[],
  options: {force: boolean; what: string; retry: string},
): Promise<boolean> {
  if (changes.length === 0) return true;
  const width = context.io.stdout.columns ?? 100;
  for (const item of changes) {
    const what = `changing environment ${item.change.environment} of application ${item.change.application} (${options.what})`;
    if (!options.force && breaking(item.impacts).length > 0) throw breakingError(what, item.impacts);
  }
  if (options.force) {
    for (const item of changes) context.io.stderr.write(`${[...lines(item, width), ...forcedLines(item.impacts)].join('\n')}\n`);
    return true;
  }
  if (!context.io.interactive || context.globals.json) {
    const described = changes.map(
      (item) =>
        `  environment ${item.change.environment} of application ${item.change.application} (${item.change.fields.join(', ')}): used by ${item.change.services.join(', ')}`,
    );
    throw new UsageError(
      sanitize(
        `${options.what} would change ${changes.length === 1 ? 'an environment' : `${changes.length} environments`} other services use, for them too; nothing was saved:\n${described.join('\n')}`,
      ),
      `--force saves it and changes it for them; or import into another environment (${options.retry})`,
    );
  }
  for (const item of changes) {
    context.io.stderr.write(`${lines(item, width).join('\n')}\n`);
    if (!(await confirm(context.io, affectsQuestion({environment: item.change.environment, services: item.change.services})))) return false;
  }
  return true;
}
