/**
 * The home screen's first frame as Ink last wrote it, kept beside the profile store (`home-frame.json`, mode 0600) so
 * that the next start can paint it at once, before Ink, React and yoga have loaded (see ui/instant-frame.ts). It is
 * kept under a key (the ecs-wizard version, the terminal's size, colour and TERM, and the stamp of the profile store
 * and the wizard draft it shows): a frame written under another key is never painted, so a frame that would show a
 * profile count or a draft that is no longer true is never shown. A cache only: a missing, unreadable or damaged file paints nothing, and a failed write is ignored.
 */
import fs from 'node:fs';
import path from 'node:path';

export const FRAME_CACHE_FILE = 'home-frame.json';
/** A frame larger than this is not kept (a home screen is a few KB). */
const MAX_FRAME_LENGTH = 64 * 1024;

/** The frame kept under `key` in `directory`, or undefined. */
export function readCachedFrame(directory: string, key: string): string | undefined {
  try {
    const cached = JSON.parse(fs.readFileSync(path.join(directory, FRAME_CACHE_FILE), 'utf8')) as {key?: unknown; frame?: unknown};
    return cached.key === key && typeof cached.frame === 'string' && cached.frame.length <= MAX_FRAME_LENGTH ? cached.frame : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps `frame` under `key` (atomically: a temporary file renamed over the old one); false when it was not kept. */
export function writeCachedFrame(directory: string, key: string, frame: string): boolean {
  if (frame.length === 0 || frame.length > MAX_FRAME_LENGTH) return false;
  const target = path.join(directory, FRAME_CACHE_FILE);
  const temporary = `${target}.${process.pid}-${Math.random().toString(36).slice(2, 10)}.tmp`;
  try {
    fs.writeFileSync(temporary, `${JSON.stringify({key, frame})}\n`, {mode: 0o600, flag: 'wx'});
    fs.renameSync(temporary, target);
    return true;
  } catch {
    fs.rmSync(temporary, {force: true});
    return false;
  }
}

/** The size and modification time of the files the home screen reads (the profile store, the wizard draft). */
export function storeStamp(directory: string): string {
  return ['profiles.json', 'wizard-draft.json']
    .map((name) => {
      try {
        const stat = fs.statSync(path.join(directory, name));
        return `${stat.size}:${stat.mtimeMs}`;
      } catch {
        return '-';
      }
    })
    .join(' ');
}
