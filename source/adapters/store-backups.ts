/**
 * The copies the profile store keeps beside its file: a broken file's (`profiles.json.corrupt-<time>.bak`, one per
 * distinct content) and the file as it was before its first migrated write (`profiles.json.v<N>.bak`). Copies are
 * written 0600 and never replace anything.
 */
import {readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {StoreError} from '../errors.js';
import {CURRENT_SCHEMA_VERSION} from '../domain/profile-schema/schema.js';

const FILE_MODE = 0o600;
const STORE_FILE_NAME = 'profiles.json';
const backupStamp = (ms: number): string => new Date(ms).toISOString().replace(/[:.]/g, '-');

export class StoreBackups {
  constructor(
    readonly directory: string,
    readonly path: string,
    readonly now: () => number,
  ) {}

  /** Copies the broken file aside (once per distinct content); undefined when that is impossible. */
  keepBrokenCopy(): string | undefined {
    let bytes: Buffer;
    try {
      bytes = readFileSync(this.path);
    } catch {
      return undefined;
    }
    const prefix = `${STORE_FILE_NAME}.corrupt-`;
    try {
      for (const entry of readdirSync(this.directory)) {
        if (!entry.startsWith(prefix) || !entry.endsWith('.bak')) continue;
        const candidate = join(this.directory, entry);
        try {
          if (readFileSync(candidate).equals(bytes)) return candidate;
        } catch {
          // An unreadable old copy: make a new one.
        }
      }
    } catch {
      return undefined;
    }
    return this.#writeCopy(bytes, `${prefix}${backupStamp(this.now())}`);
  }

  /** Keeps the file as it was before its first migrated write: `profiles.json.v1.bak`. */
  /** The copy's path (undefined: there was no file). */
  keepPreMigrationCopy(version: number): string | undefined {
    let bytes: Buffer;
    try {
      bytes = readFileSync(this.path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw new StoreError(`cannot read the profile store ${this.path} to keep a copy before migrating it: ${(error as Error).message}`, this.path);
    }
    const base = `${STORE_FILE_NAME}.v${version}`;
    const existing = join(this.directory, `${base}.bak`);
    let earlier: Buffer | undefined;
    try {
      earlier = readFileSync(existing);
    } catch {
      // No copy yet.
    }
    if (earlier?.equals(bytes)) return existing;
    // An earlier, different copy (from another migrated file) is kept: this one gets a time stamp.
    const written = this.#writeCopy(bytes, earlier === undefined ? base : `${base}-${backupStamp(this.now())}`);
    if (written === undefined) {
      throw new StoreError(
        `cannot keep a copy of ${this.path} before migrating it to schema version ${CURRENT_SCHEMA_VERSION}; nothing was written`,
        this.path,
      );
    }
    return written;
  }

  /** Writes `<stem>.bak` (or `<stem>-N.bak`) without replacing anything; undefined on failure. */
  #writeCopy(bytes: Buffer, stem: string): string | undefined {
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const candidate = join(this.directory, `${stem}${attempt === 0 ? '' : `-${attempt}`}.bak`);
      try {
        writeFileSync(candidate, bytes, {flag: 'wx', mode: FILE_MODE});
        return candidate;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return undefined;
      }
    }
    return undefined;
  }
}
