import type {Profile} from '../domain/model.js';
import type {ProfileSummary} from '../domain/profile-summary.js';

/**
 * Where profiles are saved. The real adapter is a `conf` file (mode 0600, atomic writes, versioned
 * schema with migrations); tests may use an in-memory one.
 *
 * Every method validates: a profile that breaks the schema (or holds a field that looks like a
 * credential) is refused with an InputError; an unreadable store raises a StoreError and is never reset.
 */
export interface ProfileStore {
  /** The file behind the store (for messages). */
  readonly path: string;
  /** All profiles, sorted by name. */
  list(): Promise<Profile[]>;
  /** What a list shows of each profile, sorted by name: costs about the same whatever the profiles hold. */
  summaries(): Promise<ProfileSummary[]>;
  get(name: string): Promise<Profile | undefined>;
  /** Creates or replaces. Refuses to replace an existing profile unless `overwrite` is true. */
  save(profile: Profile, options?: {overwrite?: boolean}): Promise<void>;
  /** True when a profile was removed. */
  remove(name: string): Promise<boolean>;
  /** Refuses when `from` is missing or `to` exists. */
  rename(from: string, to: string): Promise<void>;
  /**
   * Read-modify-write of one profile under the store's lock: `change` is given the profile as it is stored now and
   * returns the profile to save (same name), or undefined to leave it. Resolves with what was saved, or undefined
   * (no such profile, or nothing to save). No other writer's change is lost in between.
   */
  update(name: string, change: (profile: Profile) => Profile | undefined): Promise<Profile | undefined>;
}
