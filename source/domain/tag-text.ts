/** How a tag's date, digest and platforms are written (the tags table, the wizard's tag picker). Pure. */

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

/** One line for a picker: `2026-03-01 12:00 (5 days ago) · sha256:4f53cda18c2b · linux/amd64, linux/arm64` (raw: the screen sanitises). */
export function tagDetailLine(tag: {pushedAt?: string; digest?: string; platforms?: string[]}, now: number): string {
  const date = tag.pushedAt === undefined ? 'no date' : `${shortDate(tag.pushedAt)} (${ageOf(tag.pushedAt, now)})`;
  const parts = [
    date,
    shortDigest(tag.digest) || 'no digest',
    tag.platforms === undefined || tag.platforms.length === 0 ? 'platforms unknown' : tag.platforms.join(', '),
  ];
  return parts.join(' · ');
}

/** Only what is known, for a short label: `2026-03-01 · 5 days ago · sha256:4f53cda18c2b · linux/amd64`; '' when nothing is. */
export function tagSummary(tag: {pushedAt?: string; digest?: string; platforms?: string[]}, now: number): string {
  const parts: string[] = [];
  if (tag.pushedAt !== undefined) parts.push(tag.pushedAt.slice(0, 10), ageOf(tag.pushedAt, now));
  if (tag.digest !== undefined) parts.push(shortDigest(tag.digest));
  if (tag.platforms !== undefined && tag.platforms.length > 0) parts.push(tag.platforms.join(', '));
  return parts.filter((part) => part !== '').join(' · ');
}
