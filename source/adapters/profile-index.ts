/**
 * The profile store's index (`profiles.json.index`), kept beside `profiles.json` so that a command that lists the
 * profiles, or needs one of them, does not read and validate the whole store:
 *
 * - the identity of the store file it describes (device, inode, size, modification and change times in
 *   nanoseconds): any write to the file — by ecs-wizard, another program or an editor — changes it, and an index
 *   whose identity is not the file's is not used;
 * - the ecs-wizard version that validated that file: the whole file passed that version's validation (the schema
 *   and the credential scan) before its index was written, so a newer or older ecs-wizard rebuilds it;
 * - each profile's summary (what `profiles list` shows) and where its JSON lies in the file (a byte span), and where
 *   each application's JSON lies, so that reading one profile parses only its own bytes and its application's.
 *
 * The index is only ever derived from profiles.json, never the other way round: a missing, unreadable, damaged
 * (checksum) or stale index is rebuilt from the store file, and losing it loses nothing. It is written atomically
 * (a temporary file renamed over it), mode 0600; a failure to write it is not an error (the next read rebuilds).
 *
 * Format: a header line `{"ecsWizardIndex":2,"checksum":"<64-bit FNV-1a of the body>"}`, then the body's JSON.
 */
import {type BigIntStats, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import type {ProfileSummary} from '../domain/profile-summary.js';
import {fnv1a64} from './fnv-1a.js';

/** 2: the checksum is the 64-bit FNV-1a (1: a 32-bit one); an index of another format is rebuilt. */
export const INDEX_FORMAT = 2;
const FILE_MODE = 0o600;

/** What identifies one content of the store file (a write changes at least one of them). */
export interface FileIdentity {
  dev: string;
  ino: string;
  size: string;
  mtimeNs: string;
  ctimeNs: string;
}

export interface IndexEntry {
  summary: ProfileSummary;
  /** Byte offsets [start, end) of the profile's JSON in the store file (absent when the file is at an older schema). */
  span?: [number, number];
}

export interface StoreIndex {
  /** The ecs-wizard that validated the file. */
  version: string;
  file: FileIdentity;
  /** The schema version of the file as it is on disk. */
  schemaVersion: number;
  /** Sorted by name, as `list` returns them. */
  entries: IndexEntry[];
  /** Byte offsets of each application's JSON in the store file, by name (schema 4; absent at an older schema). */
  applicationSpans?: Record<string, [number, number]>;
}

export function fileIdentity(stats: BigIntStats): FileIdentity {
  return {dev: String(stats.dev), ino: String(stats.ino), size: String(stats.size), mtimeNs: String(stats.mtimeNs), ctimeNs: String(stats.ctimeNs)};
}

export const sameFile = (a: FileIdentity, b: FileIdentity): boolean =>
  a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs;

/**
 * The 64-bit FNV-1a of the UTF-8 bytes of `text` (adapters/fnv-1a.ts, computed natively), as 16 hex digits: catches a
 * damaged or hand-edited index. The index is read on every list, render and diff; format 1's 32-bit loop in
 * JavaScript cost ~1.5 ms of each for 300 profiles.
 */
export function checksum(text: string | Uint8Array): string {
  return fnv1a64(typeof text === 'string' ? Buffer.from(text, 'utf8') : text);
}

export function serializeIndex(index: StoreIndex): string {
  const body = JSON.stringify(index);
  return `${JSON.stringify({ecsWizardIndex: INDEX_FORMAT, checksum: checksum(body)})}\n${body}\n`;
}

const isString = (value: unknown): value is string => typeof value === 'string';

function isEntry(value: unknown): value is IndexEntry {
  if (typeof value !== 'object' || value === null) return false;
  const {summary, span} = value as Partial<IndexEntry>;
  if (typeof summary !== 'object' || summary === null || !isString(summary.name) || !isString(summary.application) || !isString(summary.service)) return false;
  if (!isString(summary.launchType) || !Array.isArray(summary.environments) || !summary.environments.every(isString)) return false;
  return (
    span === undefined || (Array.isArray(span) && span.length === 2 && span.every((offset) => Number.isSafeInteger(offset) && offset >= 0) && span[0] < span[1])
  );
}

const isSpan = (span: unknown): boolean =>
  Array.isArray(span) && span.length === 2 && span.every((offset) => Number.isSafeInteger(offset) && offset >= 0) && (span[0] as number) < (span[1] as number);

function isSpans(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every(isSpan);
}

/** The index in `text` (or its bytes), or undefined when it is not one (damaged, another format, a wrong checksum). */
export function parseIndex(text: string | Buffer): StoreIndex | undefined {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  const newline = bytes.indexOf(0x0a);
  if (newline === -1) return undefined;
  try {
    const header = JSON.parse(bytes.subarray(0, newline).toString('utf8')) as {ecsWizardIndex?: unknown; checksum?: unknown};
    const end = bytes[bytes.length - 1] === 0x0a ? bytes.length - 1 : bytes.length;
    const body = bytes.subarray(newline + 1, Math.max(newline + 1, end));
    if (header.ecsWizardIndex !== INDEX_FORMAT || header.checksum !== checksum(body)) return undefined;
    const index = JSON.parse(body.toString('utf8')) as Partial<StoreIndex>;
    const file = index.file as Partial<FileIdentity> | undefined;
    if (!isString(index.version) || typeof index.schemaVersion !== 'number' || !Array.isArray(index.entries) || file === undefined) return undefined;
    if (![file.dev, file.ino, file.size, file.mtimeNs, file.ctimeNs].every(isString) || !index.entries.every(isEntry)) return undefined;
    if (index.applicationSpans !== undefined && !isSpans(index.applicationSpans)) return undefined;
    return index as StoreIndex;
  } catch {
    return undefined;
  }
}

/** Reads the index at `indexPath`; undefined when it is missing or unusable (it is then rebuilt). */
export function readIndex(indexPath: string): StoreIndex | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(indexPath);
  } catch {
    return undefined;
  }
  return parseIndex(bytes);
}

/** Writes the index atomically (mode 0600); false when it could not be written (it is a cache: nothing is lost). */
export function writeIndex(indexPath: string, index: StoreIndex): boolean {
  const temporary = `${indexPath}.${process.pid}-${Math.random().toString(36).slice(2, 10)}.tmp`;
  try {
    writeFileSync(temporary, serializeIndex(index), {mode: FILE_MODE, flag: 'wx'});
    renameSync(temporary, indexPath);
    return true;
  } catch {
    rmSync(temporary, {force: true});
    return false;
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

const isSpace = (byte: number | undefined): boolean => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;

/**
 * Where each profile's JSON lies in a store file: byte spans of the members of the top-level `profiles` object, by
 * name. `bytes` must be valid JSON (it was parsed first); undefined when its shape is not the expected one. UTF-8
 * multi-byte sequences never hold ASCII bytes, so the scan over bytes sees only JSON's own punctuation.
 */
export function profileSpans(bytes: Uint8Array): Map<string, [number, number]> | undefined {
  return memberSpans(bytes, 'profiles');
}

/** Byte spans of the members of the top-level object `key` (`profiles`, `applications`), by name. */
export function memberSpans(bytes: Uint8Array, section: string): Map<string, [number, number]> | undefined {
  let at = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const skipSpace = (): void => {
    while (isSpace(bytes[at])) at += 1;
  };
  /** Past the string starting at `at` (its opening quote). */
  const skipString = (): void => {
    at += 1;
    while (at < bytes.length && bytes[at] !== QUOTE) at += bytes[at] === BACKSLASH ? 2 : 1;
    at += 1;
  };
  /** Past the string starting at `at`; its text, decoded (member names only: values are skipped undecoded). */
  const readString = (): string => {
    const start = at;
    skipString();
    return JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset + start, at - start).toString('utf8')) as string;
  };
  /** Past the value starting at `at`. */
  const skipValue = (): void => {
    if (bytes[at] === QUOTE) {
      skipString();
      return;
    }
    if (bytes[at] !== OPEN_BRACE && bytes[at] !== OPEN_BRACKET) {
      while (at < bytes.length && bytes[at] !== COMMA && bytes[at] !== CLOSE_BRACE && bytes[at] !== CLOSE_BRACKET && !isSpace(bytes[at])) at += 1;
      return;
    }
    let depth = 0;
    do {
      const byte = bytes[at];
      if (byte === QUOTE) {
        skipString();
        continue;
      }
      if (byte === OPEN_BRACE || byte === OPEN_BRACKET) depth += 1;
      else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) depth -= 1;
      at += 1;
    } while (depth > 0 && at < bytes.length);
  };
  /** Calls `member` for each member of the object starting at `at`, with `at` on the member's value. */
  const members = (member: (key: string) => void): boolean => {
    if (bytes[at] !== OPEN_BRACE) return false;
    at += 1;
    skipSpace();
    if (bytes[at] === CLOSE_BRACE) {
      at += 1;
      return true;
    }
    while (at < bytes.length) {
      if (bytes[at] !== QUOTE) return false;
      const key = readString();
      skipSpace();
      if (bytes[at] !== COLON) return false;
      at += 1;
      skipSpace();
      member(key);
      skipSpace();
      if (bytes[at] === COMMA) {
        at += 1;
        skipSpace();
      } else if (bytes[at] === CLOSE_BRACE) {
        at += 1;
        return true;
      } else return false;
    }
    return false;
  };
  let spans: Map<string, [number, number]> | undefined;
  skipSpace();
  const ok = members((key) => {
    if (key !== section || bytes[at] !== OPEN_BRACE) {
      skipValue();
      return;
    }
    const found = new Map<string, [number, number]>();
    const inner = members((name) => {
      const start = at;
      skipValue();
      found.set(name, [start, at]);
    });
    if (inner) spans = found;
  });
  return ok ? spans : undefined;
}
