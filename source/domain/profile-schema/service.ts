/**
 * The service section of a profile: the artifact, the container specification (advanced JSON text or the
 * form, with its port mappings and environment variables), the service specification text, the config
 * variables and the private registry authentication.
 */
import {ARTIFACT_SERVER_NAME} from '../artifact-servers.js';
import {joinPath} from '../json-text.js';
import {LAUNCH_TYPES, NETWORK_MODES, REGISTRY_KINDS} from '../model.js';
import type {ArtifactSource, ContainerForm, ContainerSpec, NameValue, PortMapping, RegistryAuth, Service} from '../model.js';
import type {Checker} from './checker.js';
import {checkArray, checkBoolean, checkEnum, checkInteger, checkObject, checkString, checkStringList, checkStringMap, requirePresent} from './checker.js';
import {CONTAINER_NAME, IMAGE_DIGEST, IMAGE_PATH, IMAGE_TAG, isPinnedTag, KMS_KEY_ARN, REGION, REGISTRY_HOST, SECRET_ARN, SERVICE_NAME} from './formats.js';
import {isRecord, own, type Raw} from './raw-values.js';
import {SCHEMA_ISSUE} from './schema.js';
import {checkAutoScaling} from './capacity.js';

const ARTIFACT_KEYS = ['registry', 'host', 'image', 'tag', 'username', 'implicitLatest', 'server'] as const;
function checkArtifact(checker: Checker, value: unknown, path: string): ArtifactSource {
  const object = checkObject(checker, value, path, 'artifact', ARTIFACT_KEYS);
  const registry = checkEnum(checker, object, 'registry', path, REGISTRY_KINDS);
  const host =
    checkString(checker, object, 'host', path, {
      allowEmpty: true,
      pattern: REGISTRY_HOST,
      max: 253,
      format: 'a registry host name, with a port when it has one (registry.hub.docker.com, localhost:5000)',
    }) ?? '';
  const image =
    checkString(checker, object, 'image', path, {pattern: IMAGE_PATH, max: 255, format: 'an image path in lower case, such as library/nginx'}) ?? '';
  const tag = checkString(checker, object, 'tag', path, {
    optional: true,
    check: (text) => IMAGE_TAG.test(text) || IMAGE_DIGEST.test(text) || isPinnedTag(text),
    format: 'an image tag (letters, digits, _ . -, up to 128), a digest such as sha256:… or a tag pinned to its digest (1.4@sha256:…)',
  });
  const username = checkString(checker, object, 'username', path, {optional: true, max: 255, format: 'a user name of at most 255 characters'});
  const implicitLatest = checkBoolean(checker, object, 'implicitLatest', path, true);
  const server = checkString(checker, object, 'server', path, {
    optional: true,
    pattern: ARTIFACT_SERVER_NAME,
    format: "an artifact server's name (letters, digits, . _ and -, up to 64)",
  });
  if (implicitLatest === true && tag !== undefined && tag !== 'latest') {
    checker.add(SCHEMA_ISSUE.value, joinPath(path, 'implicitLatest'), `implicitLatest goes with the tag "latest"; the tag is "${tag}"`, {
      fix: 'remove implicitLatest, or set the tag to latest',
    });
  }
  return {
    registry,
    host,
    image,
    ...(tag === undefined ? {} : {tag}),
    ...(username === undefined ? {} : {username}),
    ...(implicitLatest === true ? {implicitLatest} : {}),
    ...(server === undefined ? {} : {server}),
  };
}

const PORT_KEYS = ['containerPort', 'hostPort', 'protocol'] as const;
function checkPortMapping(checker: Checker, value: unknown, path: string): PortMapping {
  const object = checkObject(checker, value, path, 'a port mapping', PORT_KEYS);
  const containerPort = checkInteger(checker, object, 'containerPort', path, {min: 1, max: 65535}) ?? 0;
  const hostPort = checkInteger(checker, object, 'hostPort', path, {min: 0, max: 65535, optional: true});
  const protocol = checkEnum(checker, object, 'protocol', path, ['tcp', 'udp'] as const);
  return {containerPort, ...(hostPort === undefined ? {} : {hostPort}), protocol};
}

function checkNameValue(checker: Checker, value: unknown, path: string): NameValue {
  const object = checkObject(checker, value, path, 'an environment variable', ['name', 'value']);
  const name = checkString(checker, object, 'name', path, {pattern: /^[^=\0]+$/, max: 255, format: 'a variable name without "="'}) ?? '';
  const text = checkString(checker, object, 'value', path, {allowEmpty: true}) ?? '';
  return {name, value: text};
}

const FORM_KEYS = ['name', 'cpu', 'memory', 'memoryReservation', 'portMappings', 'environment', 'essential', 'networkMode', 'logConfiguration'] as const;
const FORM_LOG_KEYS = ['group', 'region', 'streamPrefix'] as const;
function checkContainerForm(checker: Checker, value: unknown, path: string): ContainerForm {
  const object = checkObject(checker, value, path, 'form', FORM_KEYS);
  const name =
    checkString(checker, object, 'name', path, {
      pattern: CONTAINER_NAME,
      max: 255,
      format: 'a container name (letters, digits, _ and -) or ${CONTAINER_NAME}',
    }) ?? '';
  const cpu = checkInteger(checker, object, 'cpu', path, {min: 0, max: 196608, optional: true});
  const memory = checkInteger(checker, object, 'memory', path, {min: 1, max: 1048576, optional: true});
  const memoryReservation = checkInteger(checker, object, 'memoryReservation', path, {min: 1, max: 1048576, optional: true});
  const portMappings = checkArray(checker, object, 'portMappings', path).map((item, index) =>
    checkPortMapping(checker, item, joinPath(joinPath(path, 'portMappings'), index)),
  );
  const environment = checkArray(checker, object, 'environment', path).map((item, index) =>
    checkNameValue(checker, item, joinPath(joinPath(path, 'environment'), index)),
  );
  const essential = checkBoolean(checker, object, 'essential', path) ?? true;
  const networkMode = checkEnum(checker, object, 'networkMode', path, NETWORK_MODES);
  const logsPath = joinPath(path, 'logConfiguration');
  const logs =
    object?.['logConfiguration'] === undefined ? undefined : checkObject(checker, object['logConfiguration'], logsPath, 'a log configuration', FORM_LOG_KEYS);
  const logConfiguration =
    logs === undefined
      ? undefined
      : {
          group: checkString(checker, logs, 'group', logsPath, {pattern: /^[.\-_/#A-Za-z0-9${}]{1,512}$/, format: 'a CloudWatch Logs group name'}) ?? '',
          region: checkString(checker, logs, 'region', logsPath, {pattern: REGION, format: 'a region such as us-east-1'}) ?? '',
          streamPrefix: checkString(checker, logs, 'streamPrefix', logsPath, {pattern: /^[^:*]{1,512}$/, format: 'an awslogs stream prefix'}) ?? '',
        };
  return {
    name,
    ...(cpu === undefined ? {} : {cpu}),
    ...(memory === undefined ? {} : {memory}),
    ...(memoryReservation === undefined ? {} : {memoryReservation}),
    portMappings,
    environment,
    essential,
    networkMode,
    ...(logConfiguration === undefined ? {} : {logConfiguration}),
  };
}

function checkContainerSpec(checker: Checker, value: unknown, path: string): ContainerSpec {
  if (checker.isCredentialPath(path)) return {mode: 'json', json: ''};
  if (typeof value === 'string') {
    checker.add(
      SCHEMA_ISSUE.type,
      path,
      'containerSpec must be an object {"mode": "json", "json": "…"} or {"mode": "form", "form": {…}}; got a string (the schema version 1 shape)',
      {
        fix: 'set schemaVersion to 1 to have it migrated, or wrap the text as {"mode": "json", "json": "…"}',
      },
    );
    return {mode: 'json', json: ''};
  }
  const mode = isRecord(value) ? own(value, 'mode') : undefined;
  if (mode === 'form') {
    const object = checkObject(checker, value, path, 'containerSpec', ['mode', 'form']);
    const formPath = joinPath(path, 'form');
    return {mode, form: requirePresent(checker, object, 'form', path) ? checkContainerForm(checker, own(object ?? {}, 'form'), formPath) : STAND_IN_FORM};
  }
  if (mode === 'json') {
    const object = checkObject(checker, value, path, 'containerSpec', ['mode', 'json']);
    const json = checkString(checker, object, 'json', path) ?? '';
    if (json !== '' && json.trim() === '') checker.add(SCHEMA_ISSUE.value, joinPath(path, 'json'), 'json is blank: it is the task definition JSON text');
    return {mode, json};
  }
  const object = checkObject(checker, value, path, 'containerSpec', ['mode', 'form', 'json']);
  if (object !== undefined) checkEnum(checker, object, 'mode', path, ['form', 'json'] as const);
  return {mode: 'json', json: ''};
}

function checkRegistryAuth(checker: Checker, value: unknown, path: string): RegistryAuth {
  const object = checkObject(checker, value, path, 'registryAuth', ['credentialsSecretArn', 'kmsKeyArn']);
  const credentialsSecretArn =
    checkString(checker, object, 'credentialsSecretArn', path, {
      pattern: SECRET_ARN,
      format: 'a Secrets Manager secret ARN (arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME)',
    }) ?? '';
  const kmsKeyArn = checkString(checker, object, 'kmsKeyArn', path, {
    optional: true,
    pattern: KMS_KEY_ARN,
    format: 'a KMS key ARN (arn:aws:kms:REGION:ACCOUNT:key/ID)',
  });
  return {credentialsSecretArn, ...(kmsKeyArn === undefined ? {} : {kmsKeyArn})};
}

/** Stand-ins for missing parts (the result is discarded: a missing part is an error). */
const STAND_IN_ARTIFACT: ArtifactSource = {registry: 'dockerhub', host: '', image: ''};
const STAND_IN_FORM: ContainerForm = {name: '', portMappings: [], environment: [], essential: true, networkMode: 'bridge'};
const STAND_IN_SPEC: ContainerSpec = {mode: 'json', json: ''};
export const STAND_IN_SERVICE: Service = {
  name: '',
  artifact: STAND_IN_ARTIFACT,
  launchType: 'EC2',
  containerSpec: STAND_IN_SPEC,
  serviceSpec: '',
  variables: {},
};

/** A container environment variable's name (ECS takes any text without `=`). */
const ENVIRONMENT_VARIABLE_NAME = /^[^=\0]{1,255}$/;

const SERVICE_KEYS = [
  'name',
  'artifact',
  'launchType',
  'containerSpec',
  'serviceSpec',
  'variables',
  'registryAuth',
  'containerName',
  'plaintextVariables',
  'adopted',
  'autoScaling',
  'dependsOn',
] as const;
export function checkService(checker: Checker, value: unknown, path: string): Service {
  const object = checkObject(checker, value, path, 'service', SERVICE_KEYS);
  const name = checkString(checker, object, 'name', path, {pattern: SERVICE_NAME, format: 'an ECS service name (letters, digits, _ and -, up to 255)'}) ?? '';
  const artifactPath = joinPath(path, 'artifact');
  const artifact = requirePresent(checker, object, 'artifact', path) ? checkArtifact(checker, own(object ?? {}, 'artifact'), artifactPath) : STAND_IN_ARTIFACT;
  const launchType = checkEnum(checker, object, 'launchType', path, LAUNCH_TYPES);
  const specPath = joinPath(path, 'containerSpec');
  const containerSpec = requirePresent(checker, object, 'containerSpec', path)
    ? checkContainerSpec(checker, own(object ?? {}, 'containerSpec'), specPath)
    : STAND_IN_SPEC;
  const serviceSpec = checkString(checker, object, 'serviceSpec', path) ?? '';
  if (serviceSpec !== '' && serviceSpec.trim() === '')
    checker.add(SCHEMA_ISSUE.value, joinPath(path, 'serviceSpec'), 'serviceSpec is blank: it is the CreateService JSON text');
  const variables = checkStringMap(checker, object, 'variables', path);
  const registryAuth =
    object === undefined || own(object, 'registryAuth') === undefined
      ? undefined
      : checkRegistryAuth(checker, own(object, 'registryAuth'), joinPath(path, 'registryAuth'));
  const adopted = checkBoolean(checker, object, 'adopted', path, true);
  const containerName = checkString(checker, object, 'containerName', path, {
    optional: true,
    pattern: SERVICE_NAME,
    format: 'a container name (letters, digits, _ and -, up to 255)',
  });
  const plaintextVariables =
    object === undefined || own(object, 'plaintextVariables') === undefined
      ? undefined
      : checkStringList(checker, object, 'plaintextVariables', path, ENVIRONMENT_VARIABLE_NAME, 'an environment variable name (without "=")');
  const autoScaling =
    object === undefined || own(object, 'autoScaling') === undefined
      ? undefined
      : checkAutoScaling(checker, own(object, 'autoScaling'), joinPath(path, 'autoScaling'));
  const dependsOn = checkDependsOn(checker, object, path, name);
  return {
    name,
    artifact,
    launchType,
    containerSpec,
    serviceSpec,
    variables,
    ...(registryAuth === undefined ? {} : {registryAuth}),
    ...(adopted === true ? {adopted} : {}),
    ...(containerName === undefined ? {} : {containerName}),
    ...(plaintextVariables === undefined ? {} : {plaintextVariables}),
    ...(autoScaling === undefined ? {} : {autoScaling}),
    ...(dependsOn === undefined ? {} : {dependsOn}),
  };
}

/** `dependsOn`: service names of the same application, each once, never the service itself (cycles across profiles are refused at deploy). */
function checkDependsOn(checker: Checker, object: Raw | undefined, path: string, name: string): string[] | undefined {
  if (object === undefined || own(object, 'dependsOn') === undefined) return undefined;
  const list = checkStringList(checker, object, 'dependsOn', path, SERVICE_NAME, 'a service name of the same application (letters, digits, _ and -)');
  const listPath = joinPath(path, 'dependsOn');
  list.forEach((item, index) => {
    if (item === name && name !== '') checker.add(SCHEMA_ISSUE.value, joinPath(listPath, index), `service ${name} cannot depend on itself`);
    else if (list.indexOf(item) !== index) checker.add(SCHEMA_ISSUE.value, joinPath(listPath, index), `dependsOn names ${item} twice`);
  });
  return list;
}
