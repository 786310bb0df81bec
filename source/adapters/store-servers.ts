/**
 * The store's rules for an application's artifact servers (domain/artifact-servers.ts), used by StoreState: what
 * `apps show` lists, the checks of a server (its name, and its fields by the rules a profile's artifact and registry
 * authentication obey), and the refusals (a server in use, a profile whose registry differs from the server it names).
 */
import type {Application, StoredProfile} from '../domain/applications.js';
import {
  ARTIFACT_SERVER_NAME,
  differingServerFields,
  SERVER_FIELD_NAMES,
  serverLabel,
  serverOf,
  usesServer,
  type ArtifactServer as ServerDefinition,
  type ArtifactServerField,
} from '../domain/artifact-servers.js';
import type {Issue} from '../domain/issues.js';
import type {Profile} from '../domain/model.js';
import {validateProfile} from '../domain/profile-schema/profile.js';
import {InputError} from '../errors.js';
import type {ArtifactServer} from '../ports/profile-store.js';

/** `apps server-rm` of a server services still use: names them. */
export class ArtifactServerInUseError extends InputError {
  readonly services: readonly string[];

  constructor(application: string, server: string, services: readonly string[]) {
    super(
      `the artifact server "${server}" of the application "${application}" is used by ${services.length === 1 ? 'the profile' : `${services.length} profiles`}: ${services.join(', ')}; nothing was removed`,
      `give ${services.length === 1 ? 'that service' : 'those services'} another registry first (re-run ecs-wizard init for them), or remove the profiles`,
    );
    this.name = 'ArtifactServerInUseError';
    this.services = services;
  }
}

/** A profile saved with a server whose values differ from the application's server of that name. */
export class ArtifactServerMismatchError extends InputError {
  constructor(profile: string, ours: ServerDefinition, theirs: ServerDefinition, application: string) {
    const fields = differingServerFields(ours, theirs).map((field) => SERVER_FIELD_NAMES[field]);
    super(
      `profile '${profile}' names the artifact server "${ours.name}" of the application "${application}", but its registry differs from it (${fields.join(', ')}): the server is ${serverLabel(ours)}; the profile has ${serverLabel(theirs)}; nothing was saved`,
      `change the server for every service that uses it with: ecs-wizard apps server-edit ${ours.name} --app ${JSON.stringify(application)}, or give the profile another server`,
    );
    this.name = 'ArtifactServerMismatchError';
  }
}

export function checkServerName(name: string): void {
  if (!ARTIFACT_SERVER_NAME.test(name))
    throw new InputError(`"${name}" is not a valid artifact server name: use 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit`);
}

/** The profiles (sorted as given) that name the server. */
export const serverUsers = (profiles: readonly StoredProfile[], application: string, server: string): string[] =>
  profiles
    .filter((profile) => profile.application === application && usesServer(profile.service.artifact) && profile.service.artifact.server === server)
    .map((profile) => profile.name);

/** What `apps show` lists: the application's servers (with their services), then registries services keep for themselves. */
export function artifactServerViews(application: Application, members: readonly StoredProfile[]): ArtifactServer[] {
  const defined: ArtifactServer[] = (application.artifactServers ?? []).map((server) => ({
    ...structuredClone(server),
    services: serverUsers(members, application.name, server.name),
  }));
  const own = new Map<string, ArtifactServer>();
  for (const profile of members) {
    const {artifact, registryAuth} = profile.service;
    if (usesServer(artifact) || artifact.registry === 'dockerhub') continue;
    const {name: _name, ...server} = serverOf('', artifact, registryAuth);
    const key = JSON.stringify([server.host, server.username, server.credentialsSecretArn, server.kmsKeyArn]);
    const found = own.get(key);
    if (found === undefined) own.set(key, {...server, services: [profile.name]});
    else found.services.push(profile.name);
  }
  return [...defined, ...[...own.values()].sort((a, b) => (a.host < b.host ? -1 : a.host > b.host ? 1 : 0))];
}

const SERVER_PATHS: ReadonlyArray<[string, ArtifactServerField]> = [
  ['service.artifact.registry', 'registry'],
  ['service.artifact.host', 'host'],
  ['service.artifact.username', 'username'],
  ['service.registryAuth.credentialsSecretArn', 'credentialsSecretArn'],
  ['service.registryAuth.kmsKeyArn', 'kmsKeyArn'],
  ['service.registryAuth', 'credentialsSecretArn'],
];

/** A server's fields checked by the rules a profile's artifact and registry authentication obey: the issues, at the server's field names. */
export function serverIssues(server: ServerDefinition): Issue[] {
  const auth =
    server.credentialsSecretArn === undefined
      ? server.kmsKeyArn === undefined
        ? {}
        : {registryAuth: {credentialsSecretArn: '', kmsKeyArn: server.kmsKeyArn}}
      : {registryAuth: {credentialsSecretArn: server.credentialsSecretArn, ...(server.kmsKeyArn === undefined ? {} : {kmsKeyArn: server.kmsKeyArn})}};
  const probe: Profile = {
    name: 'probe',
    application: 'probe',
    service: {
      name: 'probe',
      artifact: {
        registry: server.registry,
        host: server.host,
        image: 'probe/image',
        ...(server.username === undefined ? {} : {username: server.username}),
      },
      launchType: 'EC2',
      containerSpec: {mode: 'json', json: '{}'},
      serviceSpec: '{}',
      variables: {},
      ...auth,
    },
    environments: [],
    runs: [],
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
  };
  const issues: Issue[] = [];
  if (server.kmsKeyArn !== undefined && server.credentialsSecretArn === undefined)
    issues.push({
      code: 'value',
      severity: 'error',
      source: 'profile',
      path: 'kmsKeyArn',
      message: 'a KMS key goes with a credentials secret: the key is the one that encrypts the secret',
      fix: 'give the secret too: --credentials-secret ARN',
    });
  for (const issue of validateProfile(probe).issues) {
    if (issue.severity !== 'error') continue;
    const match = SERVER_PATHS.find(([prefix]) => issue.path === prefix || issue.path.startsWith(`${prefix}.`));
    if (match === undefined || (match[1] === 'credentialsSecretArn' && server.credentialsSecretArn === undefined)) continue;
    issues.push({...issue, path: match[1]});
  }
  return issues;
}
