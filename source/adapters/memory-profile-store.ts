/**
 * An in-memory ProfileStore with the same rules as the conf store (for UI tests and fakes), and the
 * rules both share: validation on save, the run-history cap, refusal to replace or rename over an
 * existing profile.
 */
import type {Issue} from '../domain/issues.js';
import {MAX_RUNS, type Profile} from '../domain/model.js';
import {compareProfileNames, profileNameIssues, validateProfile} from '../domain/profile-schema/profile.js';
import {profileSummary, type ProfileSummary} from '../domain/profile-summary.js';
import {InputError, type StoreError} from '../errors.js';
import type {ProfileStore} from '../ports/profile-store.js';

/**
 * `save` without `overwrite`, or `rename` onto a taken name. The message leaves out how to force it:
 * commands add their flag (`--force`), screens their own wording.
 */
export class ProfileExistsError extends InputError {
  readonly profileName: string;

  constructor(profileName: string) {
    super(`a profile named '${profileName}' exists`);
    this.name = 'ProfileExistsError';
    this.profileName = profileName;
  }
}

export class ProfileNotFoundError extends InputError {
  readonly profileName: string;

  constructor(profileName: string) {
    super(`no profile named '${profileName}'`);
    this.name = 'ProfileNotFoundError';
    this.profileName = profileName;
  }
}

/** A profile that breaks the schema or holds something that looks like a credential. */
export class InvalidProfileError extends InputError {
  readonly issues: readonly Issue[];

  constructor(what: string, issues: readonly Issue[]) {
    const errors = issues.filter((issue) => issue.severity === 'error');
    const shown = errors.slice(0, 5).map((issue) => `${issue.path === '' ? '(profile)' : issue.path}: ${issue.message}`);
    const more = errors.length > shown.length ? `\n  (and ${errors.length - shown.length} more)` : '';
    super(`${what} is not valid:\n  ${shown.join('\n  ')}${more}`, errors.find((issue) => issue.fix !== undefined)?.fix);
    this.name = 'InvalidProfileError';
    this.issues = issues;
  }
}

/** Validates a profile for saving and returns a fresh copy with the run history capped to MAX_RUNS (newest kept). */
export function profileForSave(profile: Profile): Profile {
  const name = typeof (profile as Partial<Profile> | null)?.name === 'string' ? `profile '${profile.name}'` : 'the profile';
  const {profile: valid, issues} = validateProfile(profile);
  if (valid === undefined) throw new InvalidProfileError(name, issues);
  return valid.runs.length > MAX_RUNS ? {...valid, runs: valid.runs.slice(-MAX_RUNS)} : valid;
}

/** Throws unless `name` is a valid profile name. */
export function checkProfileName(name: string): void {
  const issues = profileNameIssues(name, '');
  if (issues.length > 0) throw new InvalidProfileError(`the name '${name}'`, issues);
}

/** The profile operations both stores apply to a name → profile map (mutated in place). */
export const profileRules = {
  save(profiles: Map<string, Profile>, profile: Profile, overwrite: boolean): void {
    const valid = profileForSave(profile);
    if (!overwrite && profiles.has(valid.name)) throw new ProfileExistsError(valid.name);
    profiles.set(valid.name, valid);
  },
  rename(profiles: Map<string, Profile>, from: string, to: string): void {
    const profile = profiles.get(from);
    if (profile === undefined) throw new ProfileNotFoundError(from);
    if (from === to) return;
    checkProfileName(to);
    if (profiles.has(to)) throw new ProfileExistsError(to);
    profiles.delete(from);
    profiles.set(to, {...profile, name: to});
  },
  sorted(profiles: Map<string, Profile>): Profile[] {
    return [...profiles.values()].sort((a, b) => compareProfileNames(a.name, b.name));
  },
};

export interface MemoryProfileStoreOptions {
  /** Shown in messages as the store's file. */
  path?: string;
  /** Every call rejects with this (to test how callers show an unreadable store). */
  failWith?: StoreError;
}

export class MemoryProfileStore implements ProfileStore {
  readonly path: string;
  readonly #profiles = new Map<string, Profile>();
  readonly #failWith: StoreError | undefined;

  /** Starts with `profiles` (validated; an invalid one throws). */
  constructor(profiles: Iterable<Profile> = [], options: MemoryProfileStoreOptions = {}) {
    this.path = options.path ?? '(memory)';
    this.#failWith = options.failWith;
    for (const profile of profiles) profileRules.save(this.#profiles, profile, false);
  }

  async list(): Promise<Profile[]> {
    this.#check();
    return profileRules.sorted(this.#profiles).map((profile) => structuredClone(profile));
  }

  async summaries(): Promise<ProfileSummary[]> {
    this.#check();
    return profileRules.sorted(this.#profiles).map((profile) => structuredClone(profileSummary(profile)));
  }

  async get(name: string): Promise<Profile | undefined> {
    this.#check();
    const profile = this.#profiles.get(name);
    return profile === undefined ? undefined : structuredClone(profile);
  }

  async save(profile: Profile, options: {overwrite?: boolean} = {}): Promise<void> {
    this.#check();
    profileRules.save(this.#profiles, profile, options.overwrite === true);
  }

  async remove(name: string): Promise<boolean> {
    this.#check();
    return this.#profiles.delete(name);
  }

  async rename(from: string, to: string): Promise<void> {
    this.#check();
    profileRules.rename(this.#profiles, from, to);
  }

  async update(name: string, change: (profile: Profile) => Profile | undefined): Promise<Profile | undefined> {
    this.#check();
    const current = this.#profiles.get(name);
    if (current === undefined) return undefined;
    const next = change(structuredClone(current));
    if (next === undefined) return undefined;
    if (next.name !== name) throw new Error(`update of profile ${name} may not rename it (to ${next.name})`);
    profileRules.save(this.#profiles, next, true);
    return structuredClone(this.#profiles.get(name));
  }

  #check(): void {
    if (this.#failWith !== undefined) throw this.#failWith;
  }
}
