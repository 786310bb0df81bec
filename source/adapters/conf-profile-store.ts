/**
 * The profile store on `conf`: one JSON file (`profiles.json`), mode 0600, written atomically (conf
 * uses `atomically`: a temporary file renamed over the old one), holding a versioned store document
 * (see domain/profile-schema/).
 *
 * - The file is read on every call, so two stores (two processes) on one folder see each other's
 *   writes. Every read-modify-write (save, remove, rename) holds an inter-process lock
 *   (`profiles.json.lock`, proper-lockfile: a folder created atomically, refreshed while held, taken over
 *   when stale), so no write is lost to another; a lock held too long ends in a StoreError that says so.
 * - The folder is created 0700 (the default location is tightened to 0700 if it is looser, with a notice);
 *   the file and every copy are 0600.
 * - A file that is not JSON, or does not match the schema (a bare `{}` included: only a missing file is an
 *   empty store), is never reset or overwritten: the call fails with a StoreError naming the file and the
 *   problem, a copy is kept aside as
 *   `profiles.json.corrupt-<time>.bak` (one copy per distinct broken content), and every later call —
 *   writes included — refuses until the file is repaired or moved away.
 * - A file at a newer schema version is refused (upgrade ecs-wizard); one at an older version is
 *   migrated in memory and saved migrated on the first write, after keeping the file as it was beside it
 *   (`profiles.json.v3.bak` for a schema-3 file; the migration to applications' notes go to `notice`).
 * - Underneath (schema 4) the file holds applications that own their environments and profiles that name them
 *   (store-state.ts applies every rule); `get` resolves one profile from its own bytes and its application's.
 * - `conf` is imported on first use, so the module graph stays light until a profile is touched.
 */
import {chmodSync, closeSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, statSync} from 'node:fs';
import {homedir} from 'node:os';
import {basename, join, resolve} from 'node:path';
import type Conf from 'conf';
import type {Application, StoredProfile} from '../domain/applications.js';
import {resolveProfile} from '../domain/applications.js';
import type {Issue} from '../domain/issues.js';
import type {Profile} from '../domain/model.js';
import {profileSummary, type ProfileSummary} from '../domain/profile-summary.js';
import {CURRENT_SCHEMA_VERSION, SCHEMA_ISSUE} from '../domain/profile-schema/schema.js';
import type {StoreDocument} from '../domain/profile-schema/store-document.js';
import {StoreError} from '../errors.js';
import type {ApplicationView, ArtifactServer, EnvironmentChange, ProfileStore} from '../ports/profile-store.js';
import type {ArtifactServer as ServerDefinition} from '../domain/artifact-servers.js';

import type {StoreState} from './store-state.js';
import {StoreBackups} from './store-backups.js';
import {fileIdentity, memberSpans, profileSpans, readIndex, sameFile, writeIndex, type FileIdentity, type StoreIndex} from './profile-index.js';

/** Relocates the store (tests use it). */
export const CONFIG_DIR_ENV = 'ECS_WIZARD_CONFIG_DIR';
export const STORE_FILE_NAME = 'profiles.json';
/** The index beside the store file: `profiles.json.index` (see profile-index.ts). */
export const INDEX_SUFFIX = '.index';
const FILE_MODE = 0o600;
const DIRECTORY_MODE = 0o700;
/** A lock not refreshed for this long belongs to a process that died: it is taken over. */
const LOCK_STALE_MS = 10_000;
/** How long a write waits for the lock before it gives up (about 20 s in all). */
const LOCK_RETRIES: LockRetries = {retries: 100, factor: 1.2, minTimeout: 10, maxTimeout: 250};
/** After this long waiting for the lock, the person is told what the wait is for. */
const LOCK_NOTICE_MS = 2_000;
/** How many problems a schema StoreError lists. */
const SHOWN_ISSUES = 3;

export interface ConfProfileStoreOptions {
  /** The process environment (read here only: ECS_WIZARD_CONFIG_DIR, XDG_CONFIG_HOME, APPDATA). */
  env: Readonly<Record<string, string | undefined>>;
  /** Milliseconds since the epoch, for backup names. */
  now?: () => number;
  platform?: NodeJS.Platform;
  homedir?: string;
  /** Told when the store's folder had looser permissions than 0700 and was tightened. */
  notice?: (message: string) => void;
  /** How many times (and how far apart) a write retries a held lock; tests shorten it. */
  lockRetries?: LockRetries;
  /** After how many milliseconds of waiting for the lock `notice` is told (default 2 s); tests shorten it. */
  lockNoticeMs?: number;
  /** The ecs-wizard version: an index written by another version is rebuilt (its validation may differ). */
  version?: string;
}

export interface LockRetries {
  retries: number;
  factor: number;
  minTimeout: number;
  maxTimeout: number;
}

/**
 * The folder of the store: ECS_WIZARD_CONFIG_DIR when set, else the user's config folder
 * (`$XDG_CONFIG_HOME/ecs-wizard` or `~/.config/ecs-wizard`; `~/Library/Preferences/ecs-wizard` on macOS;
 * `%APPDATA%\ecs-wizard\Config` on Windows — env-paths' locations, without conf's `-nodejs` suffix).
 */
export function profileStoreDirectory(options: ConfProfileStoreOptions): string {
  const {env} = options;
  const relocated = env[CONFIG_DIR_ENV];
  if (relocated !== undefined && relocated !== '') return resolve(relocated);
  const platform = options.platform ?? process.platform;
  const home = options.homedir ?? homedir();
  const name = 'ecs-wizard';
  if (platform === 'darwin') return join(home, 'Library', 'Preferences', name);
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), name, 'Config');
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), name);
}

export function createConfProfileStore(options: ConfProfileStoreOptions): ConfProfileStore {
  const relocated = options.env[CONFIG_DIR_ENV] !== undefined && options.env[CONFIG_DIR_ENV] !== '';
  return new ConfProfileStore(profileStoreDirectory(options), options.now ?? Date.now, {
    // A folder the person named may be shared on purpose: only ecs-wizard's own folder is tightened.
    tighten: !relocated,
    ...(options.notice === undefined ? {} : {notice: options.notice}),
    ...(options.lockRetries === undefined ? {} : {lockRetries: options.lockRetries}),
    ...(options.lockNoticeMs === undefined ? {} : {lockNoticeMs: options.lockNoticeMs}),
    ...(options.version === undefined ? {} : {version: options.version}),
  });
}

/** A JSON syntax error in the store file, thrown by the custom `deserialize`. */
class StoreSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    readonly detail: string,
  ) {
    super(`${detail} (line ${line}, column ${column})`);
    this.name = 'StoreSyntaxError';
  }
}

/**
 * What only reading a whole store file needs — the schema and credential checks, migrations, the rules of a write —
 * loaded on the first such read: a command that the index serves never loads it.
 */
type Checks = typeof import('../domain/profile-schema/store-document.js') &
  typeof import('../domain/profile-schema/json-file.js') &
  typeof import('./store-state.js');
async function loadChecks(): Promise<Checks> {
  const [documents, jsonFile, rules] = await Promise.all([
    import('../domain/profile-schema/store-document.js'),
    import('../domain/profile-schema/json-file.js'),
    import('./store-state.js'),
  ]);
  checks = {...documents, ...jsonFile, ...rules};
  return checks;
}
let checks: Checks | undefined;

/** The key under which `deserialize` hands conf the file's value (absent: there is no file). */
const FILE_VALUE = '\0file';

function deserialize(text: string): Record<string, unknown> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    const at = checks?.locateJsonSyntaxError(text) ?? {line: 1, column: 1, message: 'not valid JSON'};
    throw new StoreSyntaxError(at.line, at.column, at.message);
  }
  // conf copies the top level into an object, and answers a missing file with an empty one: the file's value is
  // wrapped, so that a file holding `{}` (or anything else) is told apart from no file at all.
  return {[FILE_VALUE]: value};
}

const serialize = (value: unknown): string => `${JSON.stringify(value, undefined, 2)}\n`;

interface LoadedStore {
  state: StoreState;
  /** The schema version of the file as read. */
  fromVersion: number;
  /** What a migration to applications did that the person should know. */
  notes?: string[];
}

/**
 * The store file as it is now, opened once: its index when the index describes exactly this file, or else the whole
 * file read and validated (and a new index written).
 */
type StoreView = {kind: 'none'} | {kind: 'indexed'; fd: number; index: StoreIndex} | {kind: 'loaded'; loaded: LoadedStore; index: StoreIndex};

type ProfileConf = Conf<Record<string, unknown>>;

export class ConfProfileStore implements ProfileStore {
  readonly path: string;
  readonly #indexPath: string;
  readonly #directory: string;
  readonly #now: () => number;
  readonly #tighten: boolean;
  readonly #notice: ((message: string) => void) | undefined;
  readonly #lockRetries: LockRetries;
  readonly #lockNoticeMs: number;
  readonly #version: string;
  #conf: ProfileConf | undefined;

  constructor(
    directory: string,
    now: () => number = Date.now,
    options: {tighten?: boolean; notice?: (message: string) => void; lockRetries?: LockRetries; lockNoticeMs?: number; version?: string} = {},
  ) {
    this.#directory = resolve(directory);
    this.path = join(this.#directory, STORE_FILE_NAME);
    this.#indexPath = `${this.path}${INDEX_SUFFIX}`;
    this.#now = now;
    this.#tighten = options.tighten ?? false;
    this.#notice = options.notice;
    this.#lockRetries = options.lockRetries ?? LOCK_RETRIES;
    this.#lockNoticeMs = options.lockNoticeMs ?? LOCK_NOTICE_MS;
    this.#version = options.version ?? 'dev';
  }

  async list(): Promise<Profile[]> {
    // In name order: the index's, or the order a whole file was read in (see #parse).
    return (await this.#load()).state.list();
  }

  async summaries(): Promise<ProfileSummary[]> {
    const view = await this.#view();
    if (view.kind === 'none') return [];
    if (view.kind === 'indexed') closeSync(view.fd);
    return view.index.entries.map((entry) => entry.summary);
  }

  async get(name: string): Promise<Profile | undefined> {
    const view = await this.#view();
    if (view.kind === 'none') return undefined;
    if (view.kind === 'loaded') return view.loaded.state.get(name);
    try {
      const entry = view.index.entries.find((candidate) => candidate.summary.name === name);
      if (entry === undefined) return undefined;
      const applicationSpan = view.index.applicationSpans?.[entry.summary.application];
      if (entry.span !== undefined && applicationSpan !== undefined) {
        // Only this profile's bytes and its application's: the whole file passed validation when this index was written.
        const stored = readSpan(view.fd, entry.span) as StoredProfile | undefined;
        const application = readSpan(view.fd, applicationSpan) as Application | undefined;
        if (stored?.name === name && application?.name === entry.summary.application && Array.isArray(application.environments)) {
          const resolved = resolveProfile(stored, application);
          if ('profile' in resolved) return resolved.profile;
        }
      }
      return (await this.#loadFrom(view.fd, view.index)).state.get(name);
    } finally {
      closeSync(view.fd);
    }
  }

  async save(profile: Profile, options: {overwrite?: boolean} = {}): Promise<EnvironmentChange[]> {
    return this.#change((state) => state.save(profile, options.overwrite === true));
  }

  async remove(name: string): Promise<boolean> {
    return this.#locked(async () => {
      const loaded = await this.#load();
      if (!loaded.state.remove(name)) return false;
      await this.#write(loaded);
      return true;
    });
  }

  async rename(from: string, to: string): Promise<void> {
    await this.#locked(async () => {
      const loaded = await this.#load();
      loaded.state.rename(from, to);
      if (from !== to) await this.#write(loaded);
    });
  }

  async update(name: string, change: (profile: Profile) => Profile | undefined): Promise<Profile | undefined> {
    return this.#locked(async () => {
      const loaded = await this.#load();
      const current = loaded.state.get(name);
      if (current === undefined) return undefined;
      const next = change(current);
      if (next === undefined) return undefined;
      if (next.name !== name) throw new Error(`update of profile ${name} may not rename it (to ${next.name})`);
      await loadChecks();
      loaded.state.save(next, true);
      await this.#write(loaded);
      return loaded.state.get(name);
    });
  }

  async environmentChanges(profile: Profile): Promise<EnvironmentChange[]> {
    return (await this.#load()).state.environmentChanges(profile);
  }

  async applications(): Promise<ApplicationView[]> {
    return (await this.#load()).state.views();
  }

  async application(name: string): Promise<ApplicationView | undefined> {
    return (await this.#load()).state.view(name);
  }

  async renameApplication(from: string, to: string): Promise<void> {
    await this.#change((state) => state.renameApplication(from, to));
  }

  async removeApplication(name: string): Promise<string[]> {
    return this.#change((state) => state.removeApplication(name));
  }

  // An application's environments and run records (store-state.ts applies the rules), each a read-modify-write under the lock.
  readonly addEnvironment: ProfileStore['addEnvironment'] = async (application, environment) =>
    this.#change((state) => state.addEnvironment(application, environment));
  readonly editEnvironment: ProfileStore['editEnvironment'] = (application, environment, change, check) =>
    this.#change((state) => state.editEnvironment(application, environment, change, check));
  readonly removeEnvironment: ProfileStore['removeEnvironment'] = async (application, environment) =>
    this.#change((state) => state.removeEnvironment(application, environment));
  readonly updateApplicationRuns: ProfileStore['updateApplicationRuns'] = (application, change) =>
    this.#change((state) => state.updateApplicationRuns(application, change));

  // An application's artifact servers (store-state.ts applies the rules), each a read-modify-write under the lock.
  readonly addArtifactServer = (application: string, server: ServerDefinition): Promise<void> =>
    this.#change((state) => state.addArtifactServer(application, server));
  readonly editArtifactServer: ProfileStore['editArtifactServer'] = (application, server, change, check) =>
    this.#change((state) => state.editArtifactServer(application, server, change, check));
  readonly removeArtifactServer = (application: string, server: string): Promise<void> =>
    this.#change((state) => state.removeArtifactServer(application, server));
  readonly adoptArtifactServers = (application: string): Promise<ArtifactServer[]> => this.#change((state) => state.adoptArtifactServers(application));

  /** A read-modify-write of the whole contents under the lock: `change` throws to write nothing. */
  async #change<T>(change: (state: StoreState) => T): Promise<T> {
    return this.#locked(async () => {
      const loaded = await this.#load();
      await loadChecks();
      const result = change(loaded.state);
      await this.#write(loaded);
      return result;
    });
  }

  /** Runs a read-modify-write holding the store's inter-process lock. */
  async #locked<T>(change: () => Promise<T>): Promise<T> {
    this.#ensureDirectory();
    const {default: lockfile} = await import('proper-lockfile');
    const lockPath = `${this.path}.lock`;
    let release: () => Promise<void>;
    // A wait for the lock is never silent: after a moment, say what it waits for and how long it may take.
    const waiting = setTimeout(() => {
      this.#notice?.(
        `waiting for the profile store's lock (${lockPath}): another ecs-wizard is writing; a lock left by one that stopped is taken over after ${LOCK_STALE_MS / 1000} s`,
      );
    }, this.#lockNoticeMs);
    waiting.unref();
    try {
      release = await lockfile.lock(this.path, {realpath: false, lockfilePath: lockPath, stale: LOCK_STALE_MS, retries: this.#lockRetries});
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ELOCKED') {
        throw new StoreError(
          `the profile store ${this.path} is busy: another ecs-wizard has held its lock (${lockPath}) for too long. Nothing was written.`,
          this.path,
          undefined,
          'wait for the other ecs-wizard to finish and try again; if none runs, remove the lock folder',
        );
      }
      throw new StoreError(`cannot lock the profile store ${this.path}: ${(error as Error).message}. Nothing was written.`, this.path);
    } finally {
      clearTimeout(waiting);
    }
    try {
      return await change();
    } finally {
      await release().catch(() => undefined);
    }
  }

  /** Creates the store's folder 0700; tightens ecs-wizard's own folder when it is looser. */
  #ensureDirectory(): void {
    try {
      mkdirSync(this.#directory, {recursive: true, mode: DIRECTORY_MODE});
      const mode = statSync(this.#directory).mode & 0o777;
      if (this.#tighten && (mode & 0o077) !== 0) {
        chmodSync(this.#directory, DIRECTORY_MODE);
        this.#notice?.(`the profile store's folder ${this.#directory} was readable by others (mode ${mode.toString(8).padStart(4, '0')}); it is now 0700`);
      }
    } catch (error) {
      throw new StoreError(`cannot create the profile store's folder ${this.#directory}: ${(error as Error).message}`, this.path);
    }
  }

  async #open(): Promise<ProfileConf> {
    if (this.#conf !== undefined) return this.#conf;
    this.#ensureDirectory();
    const {default: ConfClass} = await import('conf');
    try {
      // conf reads (and deserializes) the file in its constructor.
      this.#conf = new ConfClass<Record<string, unknown>>({
        projectName: 'ecs-wizard',
        projectSuffix: '',
        cwd: this.#directory,
        configName: 'profiles',
        fileExtension: 'json',
        configFileMode: FILE_MODE,
        clearInvalidConfig: false,
        accessPropertiesByDotNotation: false,
        serialize,
        deserialize,
      });
    } catch (error) {
      throw this.#readError(error);
    }
    return this.#conf;
  }

  /** Every profile: parsed whole from a file its index vouches for, else read, migrated and validated. */
  async #load(): Promise<LoadedStore> {
    const view = await this.#view();
    if (view.kind === 'none') return {state: new (await loadChecks()).StoreState(), fromVersion: CURRENT_SCHEMA_VERSION};
    if (view.kind === 'loaded') return view.loaded;
    try {
      return this.#loadFrom(view.fd, view.index);
    } finally {
      closeSync(view.fd);
    }
  }

  /** The profiles of the open file: trusted as they are when its index vouches for it at today's schema. */
  async #loadFrom(fd: number, index: StoreIndex | undefined): Promise<LoadedStore> {
    const bytes = readFileSync(fd);
    if (index === undefined || index.schemaVersion !== CURRENT_SCHEMA_VERSION) return this.#parse(bytes);
    let raw: {profiles?: Record<string, StoredProfile>; applications?: Record<string, Application>};
    try {
      raw = deserialize(bytes.toString('utf8'))[FILE_VALUE] as typeof raw;
    } catch {
      return this.#parse(bytes);
    }
    const profiles: StoredProfile[] = [];
    for (const {summary} of index.entries) {
      const profile = raw?.profiles?.[summary.name];
      if (profile?.name !== summary.name || raw.applications?.[profile.application] === undefined) return this.#parse(bytes);
      profiles.push(profile);
    }
    const {StoreState} = await loadChecks();
    return {state: new StoreState(Object.values(raw.applications ?? {}), profiles), fromVersion: CURRENT_SCHEMA_VERSION};
  }

  /** Reads, migrates (in memory) and validates the store file's bytes; a StoreError when they are not a store. */
  async #parse(bytes: Buffer): Promise<LoadedStore> {
    const {migrateStoreDocument, StoreState} = await loadChecks();
    let raw: Record<string, unknown>;
    try {
      raw = deserialize(bytes.toString('utf8'));
    } catch (error) {
      throw this.#readError(error);
    }
    // No file yet: the empty store (a file holding `{}` is not one: migrateStoreDocument says so).
    if (!Object.hasOwn(raw, FILE_VALUE)) return {state: new StoreState(), fromVersion: CURRENT_SCHEMA_VERSION};
    const {document, fromVersion, issues, notes} = migrateStoreDocument(raw[FILE_VALUE]);
    if (document === undefined) throw this.#schemaError(issues, fromVersion);
    return {state: StoreState.of(document), fromVersion: fromVersion ?? CURRENT_SCHEMA_VERSION, ...(notes === undefined ? {} : {notes})};
  }

  /**
   * Opens the store file and looks at its index: when the index describes this very file (and this ecs-wizard wrote
   * it), the caller reads what it needs through the open descriptor (and closes it); otherwise the whole file is read
   * and validated, and the index rebuilt from it.
   */
  async #view(): Promise<StoreView> {
    this.#ensureDirectory();
    let fd: number;
    try {
      fd = openSync(this.path, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {kind: 'none'};
      throw this.#readError(error);
    }
    try {
      const stats = fstatSync(fd, {bigint: true});
      if (stats.isDirectory()) throw this.#readError(Object.assign(new Error('it is a folder'), {code: 'EISDIR'}));
      const identity = fileIdentity(stats);
      const index = readIndex(this.#indexPath);
      if (index !== undefined && index.version === this.#version && sameFile(index.file, identity)) return {kind: 'indexed', fd, index};
      const bytes = readFileSync(fd);
      const loaded = await this.#parse(bytes);
      const rebuilt = this.#indexOf(loaded, bytes, identity);
      writeIndex(this.#indexPath, rebuilt);
      closeSync(fd);
      return {kind: 'loaded', loaded, index: rebuilt};
    } catch (error) {
      closeSync(fd);
      throw error;
    }
  }

  /** The index of a file whose every profile is valid: summaries, and each profile's bytes when it is at today's schema. */
  #indexOf(loaded: LoadedStore, bytes: Uint8Array, file: FileIdentity): StoreIndex {
    const current = loaded.fromVersion === CURRENT_SCHEMA_VERSION;
    const spans = current ? profileSpans(bytes) : undefined;
    const applicationSpans = current ? memberSpans(bytes, 'applications') : undefined;
    const entries = loaded.state.list().map((profile) => {
      const span = spans?.get(profile.name);
      return {summary: profileSummary(profile), ...(span === undefined ? {} : {span})};
    });
    return {
      version: this.#version,
      file,
      schemaVersion: loaded.fromVersion,
      entries,
      ...(applicationSpans === undefined ? {} : {applicationSpans: Object.fromEntries(applicationSpans)}),
    };
  }

  async #write(loaded: LoadedStore): Promise<void> {
    const conf = await this.#open();
    const migrating = loaded.fromVersion < CURRENT_SCHEMA_VERSION;
    const kept = migrating ? this.#backups().keepPreMigrationCopy(loaded.fromVersion) : undefined;
    const document: StoreDocument = loaded.state.document();
    try {
      conf.store = document as unknown as Record<string, unknown>;
      // atomically sets the mode of the file it renames into place; make sure for any other path (SNAP).
      if ((statSync(this.path).mode & 0o777) !== FILE_MODE) chmodSync(this.path, FILE_MODE);
    } catch (error) {
      throw new StoreError(`cannot write the profile store ${this.path}: ${(error as Error).message}`, this.path);
    }
    if (migrating) {
      this.#notice?.(
        `the profile store ${this.path} now keeps applications (schema ${CURRENT_SCHEMA_VERSION}); the file as it was is kept beside it as ${basename(kept ?? `${STORE_FILE_NAME}.v${loaded.fromVersion}.bak`)}`,
      );
      for (const note of loaded.notes ?? []) this.#notice?.(note);
    }
    // Every profile written is valid (the others were, the changed one was checked): index the file as it now is.
    try {
      const fd = openSync(this.path, 'r');
      try {
        const bytes = readFileSync(fd);
        const written = {state: loaded.state, fromVersion: CURRENT_SCHEMA_VERSION};
        writeIndex(this.#indexPath, this.#indexOf(written, bytes, fileIdentity(fstatSync(fd, {bigint: true}))));
      } finally {
        closeSync(fd);
      }
    } catch {
      // The index is a cache: the next read rebuilds it from the file.
    }
  }

  #backups(): StoreBackups {
    return new StoreBackups(this.#directory, this.path, this.#now);
  }

  #readError(error: unknown): StoreError {
    if (error instanceof StoreError) return error;
    if (error instanceof StoreSyntaxError) {
      const backup = this.#backups().keepBrokenCopy();
      return new StoreError(
        `the profile store ${this.path} is not valid JSON: ${error.detail} at line ${error.line}, column ${error.column}. ${keptMessage(backup)}`,
        this.path,
        backup,
        'repair the file (or restore a copy), or move it away to start with an empty store',
      );
    }
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    const reason =
      code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'EISDIR'
          ? 'it is a folder'
          : ((error as Error | undefined)?.message ?? String(error));
    return new StoreError(`cannot read the profile store ${this.path}: ${reason}`, this.path);
  }

  #schemaError(issues: readonly Issue[], version: number | undefined): StoreError {
    const newer = issues.find((issue) => issue.code === SCHEMA_ISSUE.newerVersion);
    if (newer !== undefined) {
      return new StoreError(
        `the profile store ${this.path} was written by a newer ecs-wizard (schema version ${version}; this one reads up to ${CURRENT_SCHEMA_VERSION}). It was left as it is.`,
        this.path,
        undefined,
        'upgrade ecs-wizard',
      );
    }
    const errors = issues.filter((issue) => issue.severity === 'error');
    const shown = errors.slice(0, SHOWN_ISSUES).map((issue) => `${issue.path === '' ? '(top level)' : issue.path}: ${issue.message}`);
    const more = errors.length > SHOWN_ISSUES ? `; and ${errors.length - SHOWN_ISSUES} more` : '';
    const backup = this.#backups().keepBrokenCopy();
    const fix = errors.find((issue) => issue.fix !== undefined)?.fix;
    return new StoreError(
      `the profile store ${this.path} does not match the profile schema: ${shown.join('; ')}${more}. ${keptMessage(backup)}`,
      this.path,
      backup,
      fix === undefined ? 'repair the file (or restore a copy), or move it away to start with an empty store' : `${fix}; then retry`,
    );
  }
}

const keptMessage = (backup: string | undefined): string =>
  backup === undefined ? 'The file was left as it is (a copy could not be made).' : `The file was left as it is; a copy was kept as ${backup}.`;

/** The JSON of one profile at `span` in the open store file; undefined when it is not an object. */
function readSpan(fd: number, [start, end]: [number, number]): Profile | undefined {
  const bytes = Buffer.alloc(end - start);
  if (readSync(fd, bytes, 0, bytes.length, start) !== bytes.length) return undefined;
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Profile) : undefined;
  } catch {
    return undefined;
  }
}
