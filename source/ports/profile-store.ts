import type {Application, ApplicationEnvironment, ApplicationEnvironmentField} from '../domain/applications.js';
import type {AppRunRecord} from '../domain/deploy/app-run-types.js';
import type {ArtifactServer as ArtifactServerDefinition, ArtifactServerField} from '../domain/artifact-servers.js';
import type {Profile} from '../domain/model.js';
import type {ProfileSummary} from '../domain/profile-summary.js';

/** A change to an application's environment, and the services (profiles) it changes. */
export interface EnvironmentChange {
  application: string;
  environment: string;
  /** The application's fields that change (empty: a new environment). */
  fields: ApplicationEnvironmentField[];
  /** The profiles that use it (besides the one being saved, for a save). */
  services: string[];
}

/** An application as `apps show` and the home screen show it: its environments, each with the profiles using it. */
export interface ApplicationView extends Omit<Application, 'artifactServers'> {
  environments: Array<ApplicationEnvironment & {services: string[]}>;
  /** Its profiles (one service each), sorted by name. */
  services: Array<{profile: string; service: string; environments: string[]}>;
  /**
   * The guide's artifact servers: first the application's own (named, defined once: `apps server-add`, the wizard),
   * each with the services that use it; then the private v2 registries and ECR registries services pull from with
   * registry settings of their own (no name: not defined as a server), one per host, user and secret.
   */
  artifactServers: ArtifactServer[];
}

export interface ArtifactServer extends Omit<ArtifactServerDefinition, 'name'> {
  /** The server's name; absent: registry settings services keep for themselves (not a server of the application). */
  name?: string;
  services: string[];
}

/** A change to an application's artifact server, and the services (profiles) it changes. */
export interface ArtifactServerChange {
  application: string;
  server: string;
  fields: ArtifactServerField[];
  /** The profiles that use it. */
  services: string[];
}

/**
 * Where profiles are saved. The real adapter is a `conf` file (mode 0600, atomic writes, versioned
 * schema with migrations); tests may use an in-memory one.
 *
 * Underneath, the store holds applications that own their environments; a profile is one service of an application
 * and names the application's environments (domain/applications.ts). Reading a profile resolves it (its
 * `environments` in full); saving one splits it back: an environment the application lacks is added to it, one whose
 * values differ from the application's CHANGES the application's environment — for every service that uses it
 * (`save` says which; `environmentChanges` tells beforehand).
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
  /**
   * Creates or replaces. Refuses to replace an existing profile unless `overwrite` is true. Resolves with the changes
   * it made to application environments that other profiles use.
   */
  save(profile: Profile, options?: {overwrite?: boolean}): Promise<EnvironmentChange[]>;
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
  /** What saving `profile` would change in environments other profiles use (nothing is written). */
  environmentChanges(profile: Profile): Promise<EnvironmentChange[]>;
  /** Every application, sorted by name. */
  applications(): Promise<ApplicationView[]>;
  application(name: string): Promise<ApplicationView | undefined>;
  /** Renames an application (its profiles follow); refuses when `from` is missing or `to` exists. */
  renameApplication(from: string, to: string): Promise<void>;
  /** Removes an application, its environments and its profiles; resolves with the profiles removed. */
  removeApplication(name: string): Promise<string[]>;
  /** Adds an environment to an application (created when missing); refuses a name it already has. */
  addEnvironment(application: string, environment: ApplicationEnvironment): Promise<void>;
  /**
   * Read-modify-write of one application environment under the lock (same name); each profile that uses it is
   * validated as it will resolve. Resolves with what changed and for which profiles. `check`, when given, is handed
   * those profiles as they will resolve, under the lock: it throws to refuse the edit (nothing is written).
   */
  editEnvironment(
    application: string,
    environment: string,
    change: (environment: ApplicationEnvironment) => ApplicationEnvironment,
    check?: (profiles: Profile[]) => void,
  ): Promise<EnvironmentChange>;
  /** Removes an environment no profile uses; refuses (naming them) when some do. */
  removeEnvironment(application: string, environment: string): Promise<void>;
  /**
   * Read-modify-write of an application's whole-application run records under the lock: `change` is given them as
   * stored now (oldest first) and returns them changed; the newest MAX_APP_RUNS are kept. Refuses an unknown
   * application and records that break the schema. Resolves with what was saved.
   */
  updateApplicationRuns(application: string, change: (runs: AppRunRecord[]) => AppRunRecord[]): Promise<AppRunRecord[]>;
  /** Adds an artifact server to an application (created when missing); refuses a name it already has. */
  addArtifactServer(application: string, server: ArtifactServerDefinition): Promise<void>;
  /**
   * Read-modify-write of one artifact server under the lock (same name); each profile that uses it is validated as it
   * will resolve, and given to `check` (which throws to refuse). Resolves with what changed and for which profiles.
   */
  editArtifactServer(
    application: string,
    server: string,
    change: (server: ArtifactServerDefinition) => ArtifactServerDefinition,
    check?: (profile: Profile) => void,
  ): Promise<ArtifactServerChange>;
  /** Removes an artifact server no profile uses; refuses (naming them) when some do. */
  removeArtifactServer(application: string, server: string): Promise<void>;
  /**
   * The application's services that keep registry settings of their own get servers: identical settings one server
   * (named from the host), each such service then naming it. Nothing renders differently. Resolves with the servers made
   * (or joined: a defined server with the same settings is used) and their services.
   */
  adoptArtifactServers(application: string): Promise<ArtifactServer[]>;
}
