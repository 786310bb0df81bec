/**
 * The artifact servers of an application in a store document (`applications[A].artifactServers`: name, kind, host,
 * user name, credentials secret and KMS key — the rules of a profile's artifact and registry authentication), and a
 * stored profile's artifact that names one (`{server, image, tag}`) resolved against them before the profile is
 * checked as a whole: what render, deploy and diff read.
 */
import {ARTIFACT_SERVER_NAME, type ArtifactServer} from '../artifact-servers.js';
import type {Application} from '../applications.js';
import {joinPath} from '../json-text.js';
import {REGISTRY_KINDS} from '../model.js';
import {checkArray, checkEnum, checkObject, checkString, type Checker} from './checker.js';
import {KMS_KEY_ARN, REGISTRY_HOST, SECRET_ARN} from './formats.js';
import {isRecord, own, type Raw} from './raw-values.js';
import {SCHEMA_ISSUE} from './schema.js';

const SERVER_KEYS = ['name', 'registry', 'host', 'username', 'credentialsSecretArn', 'kmsKeyArn'] as const;

function checkServer(checker: Checker, value: unknown, path: string): ArtifactServer {
  const object = checkObject(checker, value, path, 'an artifact server', SERVER_KEYS);
  const name =
    checkString(checker, object, 'name', path, {pattern: ARTIFACT_SERVER_NAME, format: 'a server name (letters, digits, . _ and -, up to 64)'}) ?? '';
  const registry = checkEnum(checker, object, 'registry', path, REGISTRY_KINDS);
  const host =
    checkString(checker, object, 'host', path, {
      pattern: REGISTRY_HOST,
      max: 253,
      format: 'a registry host name, with a port when it has one (registry.hub.docker.com, localhost:5000)',
    }) ?? '';
  const username = checkString(checker, object, 'username', path, {optional: true, max: 255, format: 'a user name of at most 255 characters'});
  const credentialsSecretArn = checkString(checker, object, 'credentialsSecretArn', path, {
    optional: true,
    pattern: SECRET_ARN,
    format: 'a Secrets Manager secret ARN (arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME)',
  });
  const kmsKeyArn = checkString(checker, object, 'kmsKeyArn', path, {
    optional: true,
    pattern: KMS_KEY_ARN,
    format: 'a KMS key ARN (arn:aws:kms:REGION:ACCOUNT:key/ID)',
  });
  if (kmsKeyArn !== undefined && credentialsSecretArn === undefined)
    checker.add(SCHEMA_ISSUE.value, joinPath(path, 'kmsKeyArn'), 'a KMS key goes with a credentials secret (the key that encrypts it)', {
      fix: 'add credentialsSecretArn, or remove kmsKeyArn',
    });
  return {
    name,
    registry,
    host,
    ...(username === undefined ? {} : {username}),
    ...(credentialsSecretArn === undefined ? {} : {credentialsSecretArn}),
    ...(kmsKeyArn === undefined ? {} : {kmsKeyArn}),
  };
}

/** `artifactServers` of an application: each checked, names unique; undefined when absent. */
export function checkArtifactServers(checker: Checker, object: Raw | undefined, path: string): ArtifactServer[] | undefined {
  if (object === undefined || own(object, 'artifactServers') === undefined) return undefined;
  const listPath = joinPath(path, 'artifactServers');
  const servers = checkArray(checker, object, 'artifactServers', path).map((item, index) => checkServer(checker, item, joinPath(listPath, index)));
  const seen = new Map<string, number>();
  servers.forEach((server, index) => {
    const first = seen.get(server.name);
    if (first === undefined) seen.set(server.name, index);
    else
      checker.add(
        SCHEMA_ISSUE.duplicate,
        joinPath(joinPath(listPath, index), 'name'),
        `the artifact server name "${server.name}" is already used by artifactServers[${first}]`,
      );
  });
  return servers;
}

const SERVER_OWNED = ['registry', 'host', 'username'] as const;

/**
 * A stored profile (raw) whose artifact names a server: `{service}` with the artifact and registry authentication
 * resolved from the application's server (nothing when it names none). A server the application lacks, or a field of
 * the server written in the service's own part, is an issue at the profile's path.
 */
export function resolveStoredArtifact(checker: Checker, value: Raw, path: string, application: Application): {service?: unknown} {
  const service = own(value, 'service');
  const artifact = isRecord(service) ? own(service, 'artifact') : undefined;
  if (!isRecord(service) || !isRecord(artifact) || own(artifact, 'server') === undefined) return {};
  const name = own(artifact, 'server');
  const artifactPath = joinPath(joinPath(path, 'service'), 'artifact');
  if (typeof name !== 'string') return {};
  const server = (application.artifactServers ?? []).find((candidate) => candidate.name === name);
  if (server === undefined) {
    const names = (application.artifactServers ?? []).map((candidate) => candidate.name);
    checker.add(
      SCHEMA_ISSUE.value,
      joinPath(artifactPath, 'server'),
      `the application "${application.name}" has no artifact server "${name}"${names.length === 0 ? '' : ` (it has: ${names.join(', ')})`}`,
    );
    return {};
  }
  const fix = `the server's fields are set with: ecs-wizard apps server-edit ${name} --app ${JSON.stringify(application.name)}`;
  for (const field of SERVER_OWNED) {
    if (own(artifact, field) !== undefined)
      checker.add(SCHEMA_ISSUE.unknownKey, joinPath(artifactPath, field), `${field} belongs to the artifact server "${name}", not to the service`, {fix});
  }
  if (own(service, 'registryAuth') !== undefined)
    checker.add(SCHEMA_ISSUE.unknownKey, joinPath(joinPath(path, 'service'), 'registryAuth'), `registryAuth belongs to the artifact server "${name}"`, {fix});
  const {registry: _r, host: _h, username: _u, ...own_} = artifact;
  const resolved: Raw = {
    registry: server.registry,
    host: server.host,
    ...own_,
    ...(server.username === undefined ? {} : {username: server.username}),
  };
  const {registryAuth: _auth, ...rest} = service;
  const auth =
    server.credentialsSecretArn === undefined
      ? {}
      : {registryAuth: {credentialsSecretArn: server.credentialsSecretArn, ...(server.kmsKeyArn === undefined ? {} : {kmsKeyArn: server.kmsKeyArn})}};
  return {service: {...rest, artifact: resolved, ...auth}};
}
