/**
 * What both profile stores (conf and memory) do to the store's contents, in memory: applications that own their
 * environments, and profiles stored by reference to them (domain/applications.ts). Every rule lives here once:
 * validation on save (of the profile as it resolves, and of every other profile a shared environment change reaches),
 * the run-history cap, refusal to replace or rename over an existing profile or application, refusal to remove an
 * environment a profile uses.
 */
import {
  definitionOf,
  differingFields,
  resolveProfile,
  sameDefinition,
  storedProfileOf,
  type Application,
  type ApplicationEnvironment,
  type StoredProfile,
} from '../domain/applications.js';
import {MAX_APP_RUNS, type AppRunRecord} from '../domain/deploy/app-run-types.js';
import type {Issue} from '../domain/issues.js';
import {checkAppRuns} from '../domain/profile-schema/app-runs.js';
import {Checker} from '../domain/profile-schema/checker.js';
import {scanDocumentCredentials} from '../domain/profile-schema/credential-scan.js';
import {MAX_RUNS, type Profile} from '../domain/model.js';
import {compareProfileNames, profileNameIssues, validateProfile} from '../domain/profile-schema/profile.js';
import {DISPLAY_NAME, ENVIRONMENT_NAME} from '../domain/profile-schema/formats.js';
import type {StoreDocument} from '../domain/profile-schema/store-document.js';
import {profileSummary, type ProfileSummary} from '../domain/profile-summary.js';
import {InputError} from '../errors.js';
import type {ApplicationView, ArtifactServer, ArtifactServerChange, EnvironmentChange} from '../ports/profile-store.js';
import {ArtifactServerInUseError, ArtifactServerMismatchError, artifactServerViews, checkServerName, serverIssues, serverUsers} from './store-servers.js';
import {
  differingServerFields,
  sameServer,
  serverOf,
  serverOfService,
  storedServiceOf,
  suggestServerName,
  usesServer,
  type ArtifactServer as ServerDefinition,
} from '../domain/artifact-servers.js';

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

/** An application, or an application's environment, that is not there (or already is). */
export class ApplicationError extends InputError {
  constructor(message: string, hint?: string) {
    super(message, hint);
    this.name = 'ApplicationError';
  }
}

/** `env rm` of an environment services still use: names them. */
export class EnvironmentInUseError extends InputError {
  readonly services: readonly string[];

  constructor(application: string, environment: string, services: readonly string[]) {
    super(
      `the environment "${environment}" of the application "${application}" is used by ${services.length === 1 ? 'the profile' : `${services.length} profiles`}: ${services.join(', ')}; nothing was removed`,
      `remove it from ${services.length === 1 ? 'that profile' : 'those profiles'} first (re-run ecs-wizard init for them, or profiles export / edit / import --force), or remove the profiles`,
    );
    this.name = 'EnvironmentInUseError';
    this.services = services;
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

function checkApplicationName(name: string): void {
  if (!DISPLAY_NAME.test(name))
    throw new ApplicationError(`"${name}" is not a valid application name: use 1 to 255 characters without leading or trailing spaces`);
}

/** Throws unless `name` is a valid environment name. */
export function checkEnvironmentName(name: string): void {
  if (!ENVIRONMENT_NAME.test(name))
    throw new ApplicationError(`"${name}" is not a valid environment name: use 1 to 64 characters without leading or trailing spaces`);
}

const sortByName = <T extends {name: string}>(items: Iterable<T>): T[] => [...items].sort((a, b) => compareProfileNames(a.name, b.name));

export class StoreState {
  readonly applications: Map<string, Application>;
  readonly profiles: Map<string, StoredProfile>;

  constructor(applications: Iterable<Application> = [], profiles: Iterable<StoredProfile> = []) {
    this.applications = new Map(sortByName(applications).map((application) => [application.name, application]));
    this.profiles = new Map(sortByName(profiles).map((profile) => [profile.name, profile]));
  }

  static of(document: StoreDocument): StoreState {
    return new StoreState(Object.values(document.applications), Object.values(document.profiles));
  }

  /** The contents as they are saved: applications and profiles sorted by name. */
  document(): StoreDocument {
    return {
      schemaVersion: 4,
      applications: Object.fromEntries(sortByName(this.applications.values()).map((application) => [application.name, application])),
      profiles: Object.fromEntries(sortByName(this.profiles.values()).map((profile) => [profile.name, profile])),
    };
  }

  get(name: string): Profile | undefined {
    const stored = this.profiles.get(name);
    if (stored === undefined) return undefined;
    const result = resolveProfile(stored, this.applications.get(stored.application));
    if ('failure' in result) throw new Error(`profile ${name} does not resolve (${result.failure.kind}): the store's contents were not validated`);
    return result.profile;
  }

  list(): Profile[] {
    return sortByName(this.profiles.values()).map((stored) => this.get(stored.name)!);
  }

  summaries(): ProfileSummary[] {
    return this.list().map(profileSummary);
  }

  /** The profiles (besides `except`) of `application` that use its environment `environment`. */
  users(application: string, environment: string, except?: string): string[] {
    return sortByName(this.profiles.values())
      .filter((profile) => profile.application === application && profile.name !== except && profile.environments.some((use) => use.name === environment))
      .map((profile) => profile.name);
  }

  /** What saving `profile` changes in environments its application's other profiles use. */
  environmentChanges(profile: Profile): EnvironmentChange[] {
    const application = this.applications.get(profile.application);
    if (application === undefined) return [];
    const changes: EnvironmentChange[] = [];
    for (const environment of profile.environments) {
      const current = application.environments.find((candidate) => candidate.name === environment.name);
      if (current === undefined) continue;
      const next = definitionOf(environment);
      if (sameDefinition(current, next)) continue;
      changes.push({
        application: application.name,
        environment: environment.name,
        fields: differingFields(current, next),
        services: this.users(application.name, environment.name, profile.name),
      });
    }
    return changes;
  }

  save(profile: Profile, overwrite: boolean): EnvironmentChange[] {
    const valid = profileForSave(profile);
    if (!overwrite && this.profiles.has(valid.name)) throw new ProfileExistsError(valid.name);
    const changes = this.environmentChanges(valid);
    const application = structuredClone(this.applications.get(valid.application) ?? {name: valid.application, environments: []});
    for (const environment of valid.environments) {
      const definition = definitionOf(environment);
      const at = application.environments.findIndex((candidate) => candidate.name === environment.name);
      if (at === -1) application.environments.push(definition);
      else if (!sameDefinition(application.environments[at]!, definition)) application.environments[at] = definition;
    }
    const server = serverOfService(valid.service);
    if (server !== undefined) {
      checkServerName(server.name);
      const servers = application.artifactServers ?? [];
      const defined = servers.find((candidate) => candidate.name === server.name);
      if (defined === undefined) {
        this.#checkServer(server);
        application.artifactServers = [...servers, server];
      } else if (!sameServer(defined, server)) throw new ArtifactServerMismatchError(valid.name, defined, server, application.name);
    }
    const previous = new Map(this.applications);
    this.applications.set(application.name, application);
    // Every other profile reached by a changed environment must still be a valid profile.
    try {
      for (const change of changes) for (const other of change.services) this.#validateResolved(other);
    } catch (error) {
      this.applications.clear();
      for (const [name, kept] of previous) this.applications.set(name, kept);
      throw error;
    }
    this.profiles.set(valid.name, storedProfileOf(valid));
    return changes;
  }

  remove(name: string): boolean {
    return this.profiles.delete(name);
  }

  rename(from: string, to: string): void {
    const profile = this.profiles.get(from);
    if (profile === undefined) throw new ProfileNotFoundError(from);
    if (from === to) return;
    checkProfileName(to);
    if (this.profiles.has(to)) throw new ProfileExistsError(to);
    this.profiles.delete(from);
    this.profiles.set(to, {...profile, name: to});
  }

  view(name: string): ApplicationView | undefined {
    const application = this.applications.get(name);
    if (application === undefined) return undefined;
    const members = sortByName(this.profiles.values()).filter((profile) => profile.application === name);
    return {
      name,
      environments: application.environments.map((environment) => ({
        ...structuredClone(environment),
        services: members.filter((profile) => profile.environments.some((use) => use.name === environment.name)).map((profile) => profile.name),
      })),
      services: members.map((profile) => ({profile: profile.name, service: profile.service.name, environments: profile.environments.map((use) => use.name)})),
      artifactServers: artifactServerViews(application, members),
      ...(application.runs === undefined ? {} : {runs: structuredClone(application.runs)}),
    };
  }

  views(): ApplicationView[] {
    return sortByName(this.applications.values()).map((application) => this.view(application.name)!);
  }

  #application(name: string): Application {
    const application = this.applications.get(name);
    if (application === undefined) {
      const names = sortByName(this.applications.values()).map((candidate) => candidate.name);
      throw new ApplicationError(
        `no application named '${name}'`,
        names.length === 0 ? 'there are no applications yet' : `the applications are: ${names.join(', ')}`,
      );
    }
    return application;
  }

  renameApplication(from: string, to: string): void {
    const application = this.#application(from);
    if (from === to) return;
    checkApplicationName(to);
    if (this.applications.has(to)) throw new ApplicationError(`an application named '${to}' exists`);
    this.applications.delete(from);
    this.applications.set(to, {...application, name: to});
    for (const [name, profile] of this.profiles) if (profile.application === from) this.profiles.set(name, {...profile, application: to});
  }

  removeApplication(name: string): string[] {
    this.#application(name);
    const removed = sortByName(this.profiles.values())
      .filter((profile) => profile.application === name)
      .map((profile) => profile.name);
    for (const profile of removed) this.profiles.delete(profile);
    this.applications.delete(name);
    return removed;
  }

  addEnvironment(applicationName: string, environment: ApplicationEnvironment): void {
    checkApplicationName(applicationName);
    checkEnvironmentName(environment.name);
    const application = structuredClone(this.applications.get(applicationName) ?? {name: applicationName, environments: []});
    if (application.environments.some((candidate) => candidate.name === environment.name)) {
      throw new ApplicationError(
        `the application '${applicationName}' already has an environment named '${environment.name}'`,
        `change it with: ecs-wizard env edit`,
      );
    }
    this.#validateDefinition(environment);
    application.environments.push(structuredClone(environment));
    this.applications.set(applicationName, application);
  }

  environment(applicationName: string, name: string): ApplicationEnvironment {
    const application = this.#application(applicationName);
    const environment = application.environments.find((candidate) => candidate.name === name);
    if (environment === undefined) {
      const names = application.environments.map((candidate) => candidate.name);
      throw new ApplicationError(
        `the application '${applicationName}' has no environment named '${name}'`,
        names.length === 0 ? 'it has no environments yet: ecs-wizard env add' : `its environments are: ${names.join(', ')}`,
      );
    }
    return environment;
  }

  editEnvironment(
    applicationName: string,
    name: string,
    change: (environment: ApplicationEnvironment) => ApplicationEnvironment,
    check?: (profiles: Profile[]) => void,
  ): EnvironmentChange {
    const current = this.environment(applicationName, name);
    const next = change(structuredClone(current));
    if (next.name !== name) throw new Error(`an edit of environment ${name} may not rename it (to ${next.name})`);
    this.#validateDefinition(next);
    const services = this.users(applicationName, name);
    const fields = differingFields(current, next);
    const application = this.applications.get(applicationName)!;
    const previous = application;
    this.applications.set(applicationName, {
      ...application,
      environments: application.environments.map((environment) => (environment.name === name ? next : environment)),
    });
    try {
      for (const service of services) this.#validateResolved(service);
      check?.(services.map((service) => this.get(service)!));
    } catch (error) {
      this.applications.set(applicationName, previous);
      throw error;
    }
    return {application: applicationName, environment: name, fields, services};
  }

  removeEnvironment(applicationName: string, name: string): void {
    this.environment(applicationName, name);
    const services = this.users(applicationName, name);
    if (services.length > 0) throw new EnvironmentInUseError(applicationName, name, services);
    const application = this.applications.get(applicationName)!;
    this.applications.set(applicationName, {...application, environments: application.environments.filter((environment) => environment.name !== name)});
  }

  updateApplicationRuns(applicationName: string, change: (runs: AppRunRecord[]) => AppRunRecord[]): AppRunRecord[] {
    const application = this.#application(applicationName);
    const runs = change(structuredClone(application.runs ?? [])).slice(-MAX_APP_RUNS);
    const checker = new Checker('profile');
    scanDocumentCredentials(checker, {runs}, '');
    const valid = checkAppRuns(checker, {runs}, '') ?? [];
    const errors = checker.issues.filter((issue) => issue.severity === 'error');
    if (errors.length > 0) throw new InvalidProfileError(`the runs of application '${applicationName}'`, errors);
    this.applications.set(applicationName, {...application, runs: valid});
    return structuredClone(valid);
  }

  #servers(applicationName: string): ServerDefinition[] {
    return this.#application(applicationName).artifactServers ?? [];
  }

  artifactServer(applicationName: string, name: string): ServerDefinition {
    const servers = this.#servers(applicationName);
    const server = servers.find((candidate) => candidate.name === name);
    if (server === undefined) {
      const names = servers.map((candidate) => candidate.name);
      throw new ApplicationError(
        `the application '${applicationName}' has no artifact server named '${name}'`,
        names.length === 0 ? 'it has no artifact servers yet: ecs-wizard apps server-add' : `its artifact servers are: ${names.join(', ')}`,
      );
    }
    return server;
  }

  #setServers(applicationName: string, servers: ServerDefinition[]): void {
    const application = this.applications.get(applicationName)!;
    const next: Application = {...application, artifactServers: servers};
    if (servers.length === 0) delete next.artifactServers;
    this.applications.set(applicationName, next);
  }

  #checkServer(server: ServerDefinition): void {
    checkServerName(server.name);
    const issues = serverIssues(server);
    if (issues.length > 0) throw new InvalidProfileError(`the artifact server '${server.name}'`, issues);
  }

  addArtifactServer(applicationName: string, server: ServerDefinition): void {
    checkApplicationName(applicationName);
    this.#checkServer(server);
    const application = structuredClone(this.applications.get(applicationName) ?? {name: applicationName, environments: []});
    if ((application.artifactServers ?? []).some((candidate) => candidate.name === server.name))
      throw new ApplicationError(
        `the application '${applicationName}' already has an artifact server named '${server.name}'`,
        'change it with: ecs-wizard apps server-edit',
      );
    application.artifactServers = [...(application.artifactServers ?? []), structuredClone(server)];
    this.applications.set(applicationName, application);
  }

  editArtifactServer(
    applicationName: string,
    name: string,
    change: (server: ServerDefinition) => ServerDefinition,
    check?: (profile: Profile) => void,
  ): ArtifactServerChange {
    const current = this.artifactServer(applicationName, name);
    const next = change(structuredClone(current));
    if (next.name !== name) throw new Error(`an edit of artifact server ${name} may not rename it (to ${next.name})`);
    this.#checkServer(next);
    const services = serverUsers(sortByName(this.profiles.values()), applicationName, name);
    const previous = this.applications.get(applicationName)!;
    this.#setServers(
      applicationName,
      this.#servers(applicationName).map((server) => (server.name === name ? next : server)),
    );
    try {
      for (const service of services) {
        this.#validateResolved(service);
        check?.(this.get(service)!);
      }
    } catch (error) {
      this.applications.set(applicationName, previous);
      throw error;
    }
    return {application: applicationName, server: name, fields: differingServerFields(current, next), services};
  }

  removeArtifactServer(applicationName: string, name: string): void {
    this.artifactServer(applicationName, name);
    const services = serverUsers(sortByName(this.profiles.values()), applicationName, name);
    if (services.length > 0) throw new ArtifactServerInUseError(applicationName, name, services);
    this.#setServers(
      applicationName,
      this.#servers(applicationName).filter((server) => server.name !== name),
    );
  }

  adoptArtifactServers(applicationName: string): ArtifactServer[] {
    const before = new Map(this.profiles);
    try {
      return this.#adopt(applicationName);
    } catch (error) {
      this.profiles.clear();
      for (const [name, profile] of before) this.profiles.set(name, profile);
      throw error;
    }
  }

  #adopt(applicationName: string): ArtifactServer[] {
    const servers = [...this.#servers(applicationName)];
    const adopted = new Map<string, ArtifactServer>();
    for (const stored of sortByName(this.profiles.values())) {
      if (stored.application !== applicationName || usesServer(stored.service.artifact)) continue;
      const profile = this.get(stored.name)!;
      const {artifact, registryAuth} = profile.service;
      // Docker Hub by its implicit spelling (`nginx:1.27`, no host) stays as it is: a server has a host.
      if (artifact.host === '') continue;
      const settings = serverOf('', artifact, registryAuth);
      let server = servers.find((candidate) => sameServer(candidate, settings));
      if (server === undefined) {
        server = {
          ...settings,
          name: suggestServerName(
            settings,
            servers.map((candidate) => candidate.name),
          ),
        };
        this.#checkServer(server);
        servers.push(server);
      }
      const named: Profile = {...profile, service: {...profile.service, artifact: {...artifact, server: server.name}}};
      this.profiles.set(stored.name, {...stored, service: storedServiceOf(named.service)});
      const view = adopted.get(server.name) ?? {...structuredClone(server), services: []};
      view.services.push(stored.name);
      adopted.set(server.name, view);
    }
    this.#setServers(applicationName, servers);
    return [...adopted.values()];
  }

  /** An application environment checked by a profile environment's rules. */
  #validateDefinition(environment: ApplicationEnvironment): void {
    const {note: _note, ...fields} = environment;
    const probe: Profile = {
      name: 'probe',
      application: 'probe',
      service: {
        name: 'probe',
        artifact: {registry: 'dockerhub', host: '', image: 'library/nginx'},
        launchType: environment.launchType,
        containerSpec: {mode: 'json', json: '{}'},
        serviceSpec: '{}',
        variables: {},
      },
      environments: [{...fields, overrides: {}}],
      runs: [],
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
    };
    const {issues} = validateProfile(probe);
    const errors = issues.filter((issue) => issue.severity === 'error' && issue.path.startsWith('environments[0]'));
    if (errors.length > 0) {
      throw new InvalidProfileError(
        `the environment '${environment.name}'`,
        errors.map((issue) => ({...issue, path: issue.path.replace(/^environments\[0\]\.?/, '')})),
      );
    }
  }

  #validateResolved(name: string): void {
    const profile = this.get(name);
    if (profile !== undefined) profileForSave(profile);
  }
}
