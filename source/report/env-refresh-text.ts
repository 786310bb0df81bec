/**
 * `ecs-wizard env refresh` as text: where the values were read again, each change old → new (with its output), and
 * whether it was saved; as JSON, the same facts. Outside text (outputs, paths) is cleaned here, where it is shown.
 */
import type {FieldValue, RefreshResult} from '../operations/environment-refresh.js';
import {forcedLines, impactJson, impactLines} from './environment-impact-text.js';
import {sanitize} from './sanitize.js';
import type {Style} from './style.js';

/** A value as shown (cleaned: it came from outside). */
const shown = (value: FieldValue | undefined): string =>
  sanitize(value === undefined ? '(none)' : typeof value === 'string' ? value || '(none)' : value.length === 0 ? '(none)' : value.join(', '));

export function refreshLines(result: RefreshResult, style: Style, columns = 100): string[] {
  // Colours are added after cleaning (the cleaner takes escape sequences out).
  const lines = [sanitize(`Environment ${result.environment} of profile ${result.profile}: read ${result.source} again.`)];
  const width = Math.max(0, ...[...result.changes, ...result.unchanged].map((change) => change.label.length));
  for (const change of result.changes) {
    lines.push(
      `  ${style.yellow('~')} ${change.label.padEnd(width)}  ${shown(change.from)} → ${style.bold(shown(change.to))}  ${style.dim(`(${sanitize(change.output)})`)}`,
    );
  }
  for (const change of result.unchanged) lines.push(`  ${style.dim(`= ${change.label.padEnd(width)}  ${shown(change.to)}  (${sanitize(change.output)})`)}`);
  for (const note of result.notes) lines.push(`  ${style.yellow('!')} ${sanitize(note)}`);
  const count = result.changes.length;
  if (count === 0) lines.push('Nothing changed: the profile already holds what the outputs say.');
  else if (result.saved) {
    lines.push(style.green(`Saved ${count} change${count === 1 ? '' : 's'} to profile ${sanitize(result.profile)}.`));
    if (result.alsoUsedBy.length > 0) {
      lines.push(sanitize(`The environment ${result.environment} is its application's: the change applies to ${result.alsoUsedBy.join(', ')} too.`));
    }
  } else lines.push(`Nothing was saved (${count} change${count === 1 ? '' : 's'} found).`);
  if (result.saved && result.impacts !== undefined) lines.push(...impactLines(result.impacts, {width: columns}), ...forcedLines(result.impacts));
  return lines;
}

/** The result as a JSON document (raw values; JSON.stringify escapes what a terminal could take for a control). */
export function refreshJson(result: RefreshResult): string {
  const entry = ({field, output, from, to}: RefreshResult['changes'][number]) => ({field, output, from: from ?? null, to});
  return `${JSON.stringify(
    {
      profile: result.profile,
      environment: result.environment,
      source: result.source,
      saved: result.saved,
      alsoUsedBy: result.alsoUsedBy,
      changes: result.changes.map(entry),
      unchanged: result.unchanged.map(({field, output, to}) => ({field, output, value: to})),
      notes: result.notes,
      ...(result.conflict === true ? {conflict: true} : {}),
      ...(result.impacts === undefined ? {} : {impact: impactJson(result.impacts)}),
    },
    null,
    2,
  )}\n`;
}
