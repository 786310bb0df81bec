/**
 * An in-memory ProfileStore with the same rules as the conf store (for UI tests and fakes): both apply
 * store-state.ts (its errors are re-exported here for the callers that always imported them from here).
 */
import type {ApplicationEnvironment} from '../domain/applications.js';
import type {AppRunRecord} from '../domain/deploy/app-run-types.js';
import type {Profile} from '../domain/model.js';
import type {ProfileSummary} from '../domain/profile-summary.js';
import type {StoreError} from '../errors.js';
import type {ApplicationView, ArtifactServer, ArtifactServerChange, EnvironmentChange, ProfileStore} from '../ports/profile-store.js';
import type {ArtifactServer as ServerDefinition} from '../domain/artifact-servers.js';

import {StoreState} from './store-state.js';

export {
  ApplicationError,
  checkProfileName,
  EnvironmentInUseError,
  InvalidProfileError,
  ProfileExistsError,
  ProfileNotFoundError,
  profileForSave,
} from './store-state.js';

export interface MemoryProfileStoreOptions {
  /** Shown in messages as the store's file. */
  path?: string;
  /** Every call rejects with this (to test how callers show an unreadable store). */
  failWith?: StoreError;
}

export class MemoryProfileStore implements ProfileStore {
  readonly path: string;
  readonly #state = new StoreState();
  readonly #failWith: StoreError | undefined;

  /** Starts with `profiles` (validated; an invalid one throws). */
  constructor(profiles: Iterable<Profile> = [], options: MemoryProfileStoreOptions = {}) {
    this.path = options.path ?? '(memory)';
    this.#failWith = options.failWith;
    for (const profile of profiles) this.#state.save(profile, false);
  }

  async list(): Promise<Profile[]> {
    this.#check();
    return this.#state.list();
  }

  async summaries(): Promise<ProfileSummary[]> {
    this.#check();
    return this.#state.summaries();
  }

  async get(name: string): Promise<Profile | undefined> {
    this.#check();
    return this.#state.get(name);
  }

  async save(profile: Profile, options: {overwrite?: boolean} = {}): Promise<EnvironmentChange[]> {
    this.#check();
    return this.#state.save(profile, options.overwrite === true);
  }

  async remove(name: string): Promise<boolean> {
    this.#check();
    return this.#state.remove(name);
  }

  async rename(from: string, to: string): Promise<void> {
    this.#check();
    this.#state.rename(from, to);
  }

  async update(name: string, change: (profile: Profile) => Profile | undefined): Promise<Profile | undefined> {
    this.#check();
    const current = this.#state.get(name);
    if (current === undefined) return undefined;
    const next = change(current);
    if (next === undefined) return undefined;
    if (next.name !== name) throw new Error(`update of profile ${name} may not rename it (to ${next.name})`);
    this.#state.save(next, true);
    return this.#state.get(name);
  }

  async environmentChanges(profile: Profile): Promise<EnvironmentChange[]> {
    this.#check();
    return this.#state.environmentChanges(profile);
  }

  async applications(): Promise<ApplicationView[]> {
    this.#check();
    return this.#state.views();
  }

  async application(name: string): Promise<ApplicationView | undefined> {
    this.#check();
    return this.#state.view(name);
  }

  async renameApplication(from: string, to: string): Promise<void> {
    this.#check();
    this.#state.renameApplication(from, to);
  }

  async removeApplication(name: string): Promise<string[]> {
    this.#check();
    return this.#state.removeApplication(name);
  }

  async addEnvironment(application: string, environment: ApplicationEnvironment): Promise<void> {
    this.#check();
    this.#state.addEnvironment(application, environment);
  }

  async editEnvironment(
    application: string,
    environment: string,
    change: (environment: ApplicationEnvironment) => ApplicationEnvironment,
    check?: (profiles: Profile[]) => void,
  ): Promise<EnvironmentChange> {
    this.#check();
    return this.#state.editEnvironment(application, environment, change, check);
  }

  async removeEnvironment(application: string, environment: string): Promise<void> {
    this.#check();
    this.#state.removeEnvironment(application, environment);
  }

  async updateApplicationRuns(application: string, change: (runs: AppRunRecord[]) => AppRunRecord[]): Promise<AppRunRecord[]> {
    this.#check();
    return this.#state.updateApplicationRuns(application, change);
  }

  async addArtifactServer(application: string, server: ServerDefinition): Promise<void> {
    this.#check();
    this.#state.addArtifactServer(application, server);
  }

  async editArtifactServer(
    application: string,
    server: string,
    change: (server: ServerDefinition) => ServerDefinition,
    check?: (profile: Profile) => void,
  ): Promise<ArtifactServerChange> {
    this.#check();
    return this.#state.editArtifactServer(application, server, change, check);
  }

  async removeArtifactServer(application: string, server: string): Promise<void> {
    this.#check();
    this.#state.removeArtifactServer(application, server);
  }

  async adoptArtifactServers(application: string): Promise<ArtifactServer[]> {
    this.#check();
    return this.#state.adoptArtifactServers(application);
  }

  #check(): void {
    if (this.#failWith !== undefined) throw this.#failWith;
  }
}
