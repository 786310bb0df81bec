/** `ecs-wizard tags` as a plain table and as JSON; names and digests from a registry are sanitised here. Pure. */
import type {RegistryTag} from '../ports/registry.js';
import {tagRow} from '../operations/tags.js';
import {sanitize} from './sanitize.js';
import {ageOf, shortDate, shortDigest} from '../domain/tag-text.js';
import type {Style} from './style.js';

/** The table, newest first as given; `truncated` tags a v2 registry has beyond those read are said so below it. */
export function tagsTable(tags: readonly RegistryTag[], options: {now: number; style: Style; truncated?: number; what: string}): string {
  const {style, now} = options;
  if (tags.length === 0) return `No tags in ${sanitize(options.what)}.\n`;
  const rows = tags.map((tag) => [
    sanitize(tag.tag),
    tag.pushedAt === undefined ? '-' : `${shortDate(tag.pushedAt)}  ${ageOf(tag.pushedAt, now)}`,
    sanitize(shortDigest(tag.digest)) || '-',
    tag.platforms === undefined || tag.platforms.length === 0 ? '-' : sanitize(tag.platforms.join(', ')),
  ]);
  const header = ['TAG', 'CREATED', 'DIGEST', 'PLATFORMS'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd();
  const out = [style.bold(line(header)), ...rows.map(line)];
  if (options.truncated !== undefined && options.truncated > 0)
    out.push(style.dim(`… and ${options.truncated} more not read (a v2 registry is ordered by reading each tag; the newest names were read first)`));
  return `${out.join('\n')}\n`;
}

/** `--json`: an array of {tag, created, digest, platforms}. */
export const tagsJson = (tags: readonly RegistryTag[]): string => `${JSON.stringify(tags.map(tagRow), null, 2)}\n`;
