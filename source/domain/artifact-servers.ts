/**
 * An application's artifact servers, as the setup guide has them ("Add Artifact Servers", then "Source Server" in a
 * service's Artifact Source): a registry defined once for the application — its kind (Docker Hub, a private Docker
 * Registry HTTP API v2 server, Amazon ECR), its host (with port), for a private registry the user name, and the
 * private registry authentication (the Secrets Manager secret that holds the user name and password, and the
 * customer KMS key that encrypts it). Never a password.
 *
 * A service that uses one names it (`artifact.server`) and keeps only what is its own: the image, the tag (and
 * `implicitLatest`). Resolving puts the two together into the `ArtifactSource` and `RegistryAuth` render, deploy,
 * verify, tags and the IAM policy read — the same values a service that keeps its own registry settings has, so a
 * profile renders the same whichever way its registry is kept. Splitting takes them apart for saving.
 *
 * Pure: no fs, no clock.
 */
import type {ArtifactSource, RegistryAuth, RegistryKind, Service} from './model.js';

/** A server name: letters, digits, `.`, `_` and `-`, 1–64 characters, starting with a letter or digit. */
export const ARTIFACT_SERVER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export interface ArtifactServer {
  name: string;
  registry: RegistryKind;
  /** With the port when it has one: `registry.example.com:5000`, `123456789012.dkr.ecr.us-east-1.amazonaws.com`. */
  host: string;
  /** A private v2 registry's user name (the password is never stored). */
  username?: string;
  /** The Secrets Manager secret the tasks pull with (repositoryCredentials); absent: no private registry authentication. */
  credentialsSecretArn?: string;
  /** The customer KMS key the secret is encrypted with (kms:Decrypt goes into the policy only then). */
  kmsKeyArn?: string;
}

/** The fields of a server, in the order they are stored and shown. */
export const ARTIFACT_SERVER_FIELDS = ['registry', 'host', 'username', 'credentialsSecretArn', 'kmsKeyArn'] as const;
export type ArtifactServerField = (typeof ARTIFACT_SERVER_FIELDS)[number];

/** What a service that uses a server keeps of its artifact: the server's name, its image and tag. */
export interface ServerArtifact {
  server: string;
  image: string;
  tag?: string;
  implicitLatest?: boolean;
}

/** A service as the store keeps it: its artifact either whole or by server. */
export type StoredService = Omit<Service, 'artifact'> & {artifact: ArtifactSource | ServerArtifact};

export const usesServer = (artifact: ArtifactSource | ServerArtifact): artifact is ServerArtifact =>
  typeof (artifact as Partial<ServerArtifact>).server === 'string' && (artifact as Partial<ArtifactSource>).registry === undefined;

/** The server a service's artifact and registry authentication describe, under `name`. */
export function serverOf(name: string, artifact: Pick<ArtifactSource, 'registry' | 'host' | 'username'>, auth?: RegistryAuth): ArtifactServer {
  return {
    name,
    registry: artifact.registry,
    host: artifact.host,
    ...(artifact.username === undefined ? {} : {username: artifact.username}),
    ...(auth === undefined ? {} : {credentialsSecretArn: auth.credentialsSecretArn}),
    ...(auth?.kmsKeyArn === undefined ? {} : {kmsKeyArn: auth.kmsKeyArn}),
  };
}

/** The registry authentication a server gives its services. */
export const authOf = (server: ArtifactServer): RegistryAuth | undefined =>
  server.credentialsSecretArn === undefined
    ? undefined
    : {credentialsSecretArn: server.credentialsSecretArn, ...(server.kmsKeyArn === undefined ? {} : {kmsKeyArn: server.kmsKeyArn})};

/** The service a stored one stands for, its artifact's server (when it names one) resolved: undefined when the server is not there. */
export function resolveService(stored: StoredService, servers: readonly ArtifactServer[] | undefined): Service | undefined {
  const artifact = stored.artifact;
  if (!usesServer(artifact)) return stored as Service;
  const server = servers?.find((candidate) => candidate.name === artifact.server);
  if (server === undefined) return undefined;
  const resolved: ArtifactSource = {
    registry: server.registry,
    host: server.host,
    image: artifact.image,
    ...(artifact.tag === undefined ? {} : {tag: artifact.tag}),
    ...(server.username === undefined ? {} : {username: server.username}),
    ...(artifact.implicitLatest === true ? {implicitLatest: true} : {}),
    server: server.name,
  };
  const auth = authOf(server);
  // Key order as the schema writes a service: registryAuth after variables.
  const entries = Object.entries(stored).filter(([key]) => key !== 'registryAuth');
  const service: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    service[key] = key === 'artifact' ? resolved : value;
    if (key === 'variables' && auth !== undefined) service.registryAuth = auth;
  }
  if (auth !== undefined && !('registryAuth' in service)) service.registryAuth = auth;
  return service as unknown as Service;
}

/** The stored form of a service: an artifact that names a server keeps only its own part, and the server's authentication goes. */
export function storedServiceOf(service: Service): StoredService {
  const artifact = service.artifact;
  if (artifact.server === undefined) return service;
  const {registryAuth: _auth, ...rest} = service;
  const own: ServerArtifact = {
    server: artifact.server,
    image: artifact.image,
    ...(artifact.tag === undefined ? {} : {tag: artifact.tag}),
    ...(artifact.implicitLatest === true ? {implicitLatest: true} : {}),
  };
  return {...rest, artifact: own};
}

/** The server a service that names one describes (its artifact's registry part and its registry authentication). */
export function serverOfService(service: Service): ArtifactServer | undefined {
  return service.artifact.server === undefined ? undefined : serverOf(service.artifact.server, service.artifact, service.registryAuth);
}

/** The fields two servers differ in (their names aside), in the stored order. */
export function differingServerFields(a: ArtifactServer, b: ArtifactServer): ArtifactServerField[] {
  return ARTIFACT_SERVER_FIELDS.filter((field) => a[field] !== b[field]);
}

export const sameServer = (a: ArtifactServer, b: ArtifactServer): boolean => differingServerFields(a, b).length === 0;

/** A name for a new server of `host` that none of `taken` has: the host with `:` as `-` (`localhost-5000`), then `-2`, `-3`… */
export function suggestServerName(server: Pick<ArtifactServer, 'registry' | 'host'>, taken: readonly string[]): string {
  const base =
    (server.registry === 'dockerhub' && (server.host === '' || server.host.endsWith('docker.com') || server.host.endsWith('docker.io'))
      ? 'dockerhub'
      : server.host.replace(/:/g, '-').replace(/[^A-Za-z0-9._-]/g, '-')
    ).slice(0, 56) || server.registry;
  if (!taken.includes(base)) return base;
  for (let index = 2; ; index += 1) if (!taken.includes(`${base}-${index}`)) return `${base}-${index}`;
}

const KIND_LABELS: Record<RegistryKind, string> = {dockerhub: 'Docker Hub', registry: 'private registry', ecr: 'Amazon ECR'};
export const registryKindLabel = (kind: RegistryKind): string => KIND_LABELS[kind];

/** One line about a server: `registry.example.com:5000 [registry] user deploy, credentials arn:… (KMS arn:…)`. */
export function serverLabel(server: Omit<ArtifactServer, 'name'>): string {
  const auth =
    server.credentialsSecretArn === undefined
      ? ''
      : `, credentials ${server.credentialsSecretArn}${server.kmsKeyArn === undefined ? '' : ` (KMS ${server.kmsKeyArn})`}`;
  return `${server.host === '' ? '(Docker Hub)' : server.host} [${server.registry}]${server.username === undefined ? '' : ` user ${server.username}`}${auth}`;
}

/** What a server field is called in messages. */
export const SERVER_FIELD_NAMES: Record<ArtifactServerField, string> = {
  registry: 'kind',
  host: 'host',
  username: 'user name',
  credentialsSecretArn: 'credentials secret',
  kmsKeyArn: 'KMS key',
};
