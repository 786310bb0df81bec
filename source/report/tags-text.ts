/** `ecs-wizard tags` as a plain table and as JSON; names and digests from a registry are sanitised here. Pure. */
import type {RegistryTag} from '../ports/registry.js';
import {tagRow} from '../operations/tags.js';
import {sanitize} from './sanitize.js';
import type {Style} from './style.js';

/** `sha256:4f53cda18c2b` (the algorithm and 12 hex digits, as docker prints short ids). */
export const shortDigest = (digest: string | undefined): string => {
  if (digest === undefined) return '';
  const colon = digest.indexOf(':');
  return colon === -1 ? digest.slice(0, 12) : `${digest.slice(0, colon + 1)}${digest.slice(colon + 1, colon + 13)}`;
};

/** How long ago, roughly: `just now`, `5 minutes ago`, `3 hours ago`, `12 days ago`, `4 months ago`, `2 years ago`. */
export function ageOf(iso: string | undefined, now: number): string {
  if (iso === undefined) return '';
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '';
  const seconds = Math.max(0, Math.floor((now - then) / 1000));
  const unit = (value: number, name: string): string => `${value} ${name}${value === 1 ? '' : 's'} ago`;
  if (seconds < 60) return 'just now';
  if (seconds < 3_600) return unit(Math.floor(seconds / 60), 'minute');
  if (seconds < 86_400) return unit(Math.floor(seconds / 3_600), 'hour');
  if (seconds < 60 * 86_400) return unit(Math.floor(seconds / 86_400), 'day');
  if (seconds < 365 * 86_400) return unit(Math.floor(seconds / (30 * 86_400)), 'month');
  return unit(Math.floor(seconds / (365 * 86_400)), 'year');
}

/** `2026-03-01 12:00` (UTC). */
export const shortDate = (iso: string | undefined): string => (iso === undefined ? '' : `${iso.slice(0, 16).replace('T', ' ')}`);

/** One line for a picker: `2026-03-01 12:00 (5 days ago) · sha256:4f53cda18c2b · linux/amd64, linux/arm64`. */
export function tagDetailLine(tag: RegistryTag, now: number): string {
  const date = tag.pushedAt === undefined ? 'no date' : `${shortDate(tag.pushedAt)} (${ageOf(tag.pushedAt, now)})`;
  const parts = [
    date,
    shortDigest(tag.digest) || 'no digest',
    tag.platforms === undefined || tag.platforms.length === 0 ? 'platforms unknown' : tag.platforms.join(', '),
  ];
  return sanitize(parts.join(' · '));
}

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
