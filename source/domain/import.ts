/**
 * Import: text pasted from `aws ecs describe-task-definition` / `aws ecs describe-services` (or the
 * console) → a container specification, a service specification, an environment and a whole profile.
 *
 * The rule (ecs-facts.md, "Pasted / imported task definitions"): rendering the imported profile with the
 * imported tag gives back the original registrable input field for field. So the import only
 * - strips what RegisterTaskDefinition / CreateService refuse (read-only fields, nulls), listing each;
 * - puts placeholders where the profile takes over: the artifact container's `image` → `${DOCKER_IMAGE_NAME}`
 *   (its host, path and tag/digest become the artifact source), its `name` → `${CONTAINER_NAME}` only when it
 *   equals the derived name and nothing else refers to it, `executionRoleArn` → `${EXECUTION_ROLE}` when the
 *   environment takes the role; every replacement is listed;
 * - moves what render takes from the environment out of the service spec: cluster, launch type,
 *   networkConfiguration (subnets, security groups, public IP) and the task definition reference.
 *
 * Pure: the caller passes the text and the time (`now`).
 */
import type {Issue} from './issues.js';
import type {JsonObject, JsonValue} from './json.js';
import {isJsonObject} from './json.js';
import type {ArtifactSource, AwsVpcNetwork, Environment, LaunchType, Profile, RegistryAuth, Service} from './model.js';
import {PROFILE_NAME_PATTERN} from './model.js';
import type {JsonText} from './json-text.js';
import {getMember, joinPath, locatePath, parseJsonText, stringifyJsonText} from './json-text.js';
import {deriveContainerName, parseImageReference} from './image.js';
import {CONTAINER_NAME, DOCKER_IMAGE_NAME, EXECUTION_ROLE, findPlaceholders} from './placeholders.js';
import {defaultServiceSpec} from './defaults.js';
import {cloneJson} from './json-values.js';
import {clusterNameFromArn, regionFromArn, taskDefinitionRef} from './aws-names.js';
import {toCreateServiceInput, toRegisterTaskDefinitionInput} from './normalise/registrable-input.js';

/** One value the import replaced by a placeholder (or moved to the environment). */
export interface Replacement {
  /** JSON path in the imported document: `containerDefinitions[0].image`. */
  path: string;
  from: JsonValue;
  /** The placeholder, or where the value went (`environment.cluster`). */
  to: string;
}

export interface TaskDefinitionImportOptions {
  /** The artifact's container, by name. Default: the first essential container with port mappings, else the first. */
  container?: string;
  /** The environment takes the task's execution role (`executionRoleArn` → `${EXECUTION_ROLE}`). Default true. */
  environmentTakesRole?: boolean;
  /**
   * Container names referred to from outside the task definition (a service's load balancers): the artifact's
   * container keeps a literal name when its name is one of them.
   */
  externalReferences?: readonly string[];
}

export interface ImportedTaskDefinition {
  ok: true;
  /** The container specification: pretty JSON text with placeholders. */
  containerSpecJson: string;
  /** The artifact source, with the imported tag (or digest). */
  artifact: ArtifactSource;
  /** The artifact container's name as imported. */
  artifactContainer: string;
  /** True when that name became `${CONTAINER_NAME}`. */
  containerNamePlaceholder: boolean;
  launchType: LaunchType;
  /** The execution role the environment takes (when it does). */
  executionRoleArn?: string;
  /** From the artifact container's repositoryCredentials. */
  registryAuth?: RegistryAuth;
  /** From the taskDefinitionArn, when there is one. */
  region?: string;
  /** The registrable input (read-only fields and nulls stripped, describe's `tags` added), without placeholders. */
  taskDefinition: JsonObject;
  replacements: Replacement[];
  /** Paths of what was stripped (read-only fields, nulls). */
  stripped: string[];
  /** Warnings and notes (never errors: an import with errors is `ok: false`). */
  issues: Issue[];
}

export type TaskDefinitionImportResult = ImportedTaskDefinition | {ok: false; issues: Issue[]};

export interface ServiceImportOptions {
  /** The imported task definition this service runs: its container name placeholder is carried over. */
  taskDefinition?: ImportedTaskDefinition;
  /** Which service of a describe-services output with several (by serviceName). */
  serviceName?: string;
}

/** What the service's environment gets from the described service. */
export interface ImportedEnvironment {
  region?: string;
  cluster?: string;
  launchType?: LaunchType;
  network?: AwsVpcNetwork;
}

export interface ImportedService {
  ok: true;
  /** The service specification: pretty JSON text (a CreateService input without what render fills in). */
  serviceSpecJson: string;
  serviceName: string;
  environment: ImportedEnvironment;
  /** `family:revision` the service ran. */
  taskDefinition?: string;
  /** The CreateService input (output-only fields stripped), before anything moved to the environment. */
  service: JsonObject;
  replacements: Replacement[];
  stripped: string[];
  issues: Issue[];
}

export type ServiceImportResult = ImportedService | {ok: false; issues: Issue[]};

const issue = (severity: Issue['severity'], code: string, path: string, message: string, fix?: string): Issue => ({
  code,
  severity,
  source: 'import',
  path,
  message,
  ...(fix === undefined ? {} : {fix}),
});

function parse(text: string): {value?: JsonValue; issues: Issue[]} {
  const parsed = parseJsonText(text, 'import');
  return parsed.value === undefined ? {issues: parsed.issues} : {value: parsed.value, issues: parsed.issues};
}

/** `taskDefinition` + `containerDefinitions[0].image` → `taskDefinition.containerDefinitions[0].image`. */
const prefixed = (prefix: string, path: string): string => (prefix === '' ? path : path === '' ? prefix : path.startsWith('[') ? `${prefix}${path}` : `${prefix}.${path}`);

/** Adds the line/column where each issue's path is written in the pasted text (paths are relative to `prefix`). */
function located<T extends {issues: Issue[]}>(result: T, parsed: JsonText, prefix: string): T {
  const issues = result.issues.map((item) => {
    if (item.line !== undefined) return item;
    const at = locatePath(parsed, prefixed(prefix, item.path));
    return at === undefined ? item : {...item, line: at.line, column: at.column};
  });
  return {...result, issues};
}

const str = (value: JsonValue | undefined): string | undefined => (typeof value === 'string' ? value : undefined);

// ---------------------------------------------------------------------------------------------------
// Task definitions
// ---------------------------------------------------------------------------------------------------

/** The task definition in a describe-task-definition output (wrapped or bare), with its wrapper's tags. */
function unwrapTaskDefinition(value: JsonValue): {taskDefinition?: JsonObject; tags?: JsonValue[]; issues: Issue[]} {
  if (!isJsonObject(value)) return {issues: [issue('error', 'import-shape', '', 'Expected a JSON object: the output of aws ecs describe-task-definition, or a task definition')]};
  const wrapped = getMember(value, 'taskDefinition');
  if (isJsonObject(wrapped)) {
    const tags = getMember(value, 'tags');
    return Array.isArray(tags) && tags.length > 0 ? {taskDefinition: wrapped, tags, issues: []} : {taskDefinition: wrapped, issues: []};
  }
  if (Array.isArray(getMember(value, 'containerDefinitions'))) return {taskDefinition: value, issues: []};
  if (Array.isArray(getMember(value, 'services'))) {
    return {issues: [issue('error', 'import-shape', 'services', 'This is the output of describe-services, not a task definition', 'Import it as the service, and paste the task definition here')]};
  }
  return {issues: [issue('error', 'import-shape', '', 'No task definition found: expected {"taskDefinition": {...}} or an object with containerDefinitions', 'Paste the output of aws ecs describe-task-definition --task-definition NAME')]};
}

/** Default artifact container: the first essential one with port mappings, else the first. */
function pickContainer(containers: readonly JsonValue[], wanted: string | undefined): {index: number; issues: Issue[]} {
  const names = containers.map((container) => (isJsonObject(container) ? str(getMember(container, 'name')) : undefined));
  if (wanted !== undefined) {
    const index = names.indexOf(wanted);
    if (index !== -1) return {index, issues: []};
    const known = names.filter((name): name is string => name !== undefined);
    return {index: -1, issues: [issue('error', 'import-container', 'containerDefinitions', `The task definition has no container "${wanted}"${known.length === 0 ? '' : ` (containers: ${known.join(', ')})`}`, known.length === 0 ? undefined : `Choose one of: ${known.join(', ')}`)]};
  }
  const serving = containers.findIndex((container) => {
    if (!isJsonObject(container)) return false;
    const mappings = getMember(container, 'portMappings');
    return getMember(container, 'essential') !== false && Array.isArray(mappings) && mappings.length > 0;
  });
  return {index: serving === -1 ? 0 : serving, issues: []};
}

/** Container names the task itself refers to: dependsOn, volumesFrom, links, proxyConfiguration. */
function internalReferences(task: JsonObject): Set<string> {
  const names = new Set<string>();
  const containers = getMember(task, 'containerDefinitions');
  for (const container of Array.isArray(containers) ? containers : []) {
    if (!isJsonObject(container)) continue;
    for (const [list, key] of [['dependsOn', 'containerName'], ['volumesFrom', 'sourceContainer']] as const) {
      const items = getMember(container, list);
      for (const item of Array.isArray(items) ? items : []) {
        const name = isJsonObject(item) ? str(getMember(item, key)) : undefined;
        if (name !== undefined) names.add(name);
      }
    }
    const links = getMember(container, 'links');
    for (const link of Array.isArray(links) ? links : []) if (typeof link === 'string') names.add(link.split(':')[0] ?? link);
  }
  const proxy = getMember(task, 'proxyConfiguration');
  const proxyName = isJsonObject(proxy) ? str(getMember(proxy, 'containerName')) : undefined;
  if (proxyName !== undefined) names.add(proxyName);
  return names;
}

function launchTypeOf(task: JsonObject, issues: Issue[]): LaunchType {
  const compat = getMember(task, 'requiresCompatibilities');
  const list = Array.isArray(compat) ? compat.filter((item): item is string => typeof item === 'string') : [];
  if (list.includes('FARGATE')) {
    if (list.includes('EC2')) issues.push(issue('info', 'import-launch-type', 'requiresCompatibilities', 'The task definition is compatible with both EC2 and FARGATE: the environment uses FARGATE', 'Change the environment\'s launch type to EC2 if the service runs on EC2'));
    return 'FARGATE';
  }
  const other = list.filter((item) => item !== 'EC2');
  if (other.length > 0) issues.push(issue('warning', 'import-launch-type', 'requiresCompatibilities', `${other.join(', ')} is not a launch type this tool deploys to: the environment uses EC2`));
  return 'EC2';
}

/**
 * Imports `aws ecs describe-task-definition` output (bare, `{"taskDefinition": …}`, or with `"tags"`).
 * Syntax errors come back as an issue with line and column.
 */
export function importTaskDefinition(text: string, options: TaskDefinitionImportOptions = {}): TaskDefinitionImportResult {
  const parsed = parseJsonText(text, 'import');
  if (parsed.value === undefined) return {ok: false, issues: parsed.issues};
  const wrapped = isJsonObject(parsed.value) && isJsonObject(getMember(parsed.value, 'taskDefinition'));
  return located(importTaskDefinitionValue(parsed.value, parsed.issues, options), parsed, wrapped ? 'taskDefinition' : '');
}

function importTaskDefinitionValue(value: JsonValue, syntaxIssues: readonly Issue[], options: TaskDefinitionImportOptions): TaskDefinitionImportResult {
  const issues: Issue[] = [...syntaxIssues];
  const unwrapped = unwrapTaskDefinition(value);
  if (unwrapped.taskDefinition === undefined) return {ok: false, issues: [...issues, ...unwrapped.issues]};

  const described = unwrapped.taskDefinition;
  const {value: registrable, stripped} = toRegisterTaskDefinitionInput(described);
  if (unwrapped.tags !== undefined && getMember(registrable, 'tags') === undefined) {
    registrable['tags'] = unwrapped.tags;
    issues.push(issue('info', 'import-tags', 'tags', 'The tags printed beside the task definition are kept in the container specification (RegisterTaskDefinition takes them)'));
  }
  const containers = getMember(registrable, 'containerDefinitions');
  if (!Array.isArray(containers) || containers.length === 0) {
    return {ok: false, issues: [...issues, issue('error', 'import-shape', 'containerDefinitions', 'The task definition has no containers')]};
  }
  const picked = pickContainer(containers, options.container);
  if (picked.index === -1) return {ok: false, issues: [...issues, ...picked.issues]};
  const container = containers[picked.index];
  const containerPath = joinPath('containerDefinitions', picked.index);
  if (!isJsonObject(container)) return {ok: false, issues: [...issues, issue('error', 'import-shape', containerPath, 'The container is not a JSON object')]};
  const name = str(getMember(container, 'name'));
  const image = str(getMember(container, 'image'));
  if (name === undefined) return {ok: false, issues: [...issues, issue('error', 'import-container', joinPath(containerPath, 'name'), 'The artifact container has no name')]};
  if (image === undefined) return {ok: false, issues: [...issues, issue('error', 'import-image', joinPath(containerPath, 'image'), 'The artifact container has no image')]};
  const reference = parseImageReference(image);
  if (reference === undefined) {
    const already = image.includes('${');
    return {
      ok: false,
      issues: [
        ...issues,
        issue(
          'error',
          'import-image',
          joinPath(containerPath, 'image'),
          already ? `The image is already a placeholder (${image}): this is a container specification, not a described task definition` : `"${image}" is not an image reference`,
          already ? 'Use it as the container specification as it is' : undefined,
        ),
      ],
    };
  }
  const artifact: ArtifactSource = {registry: reference.registry, host: reference.host, image: reference.image, ...(reference.tag === undefined ? {} : {tag: reference.tag})};
  if (reference.tag === undefined) {
    issues.push(issue('warning', 'import-no-tag', joinPath(containerPath, 'image'), `"${image}" has no tag (Docker pulls "latest"): every deploy must name the tag`, 'Give the tag to deploy, or set the artifact\'s default tag'));
  }

  // The spec: a copy of the registrable input with the placeholders in.
  const spec = cloneJson(registrable);
  const specContainer = (getMember(spec, 'containerDefinitions') as JsonValue[])[picked.index] as JsonObject;
  const replacements: Replacement[] = [];
  specContainer['image'] = DOCKER_IMAGE_NAME;
  replacements.push({path: joinPath(containerPath, 'image'), from: image, to: DOCKER_IMAGE_NAME});

  const derived = deriveContainerName(artifact.image, artifact.tag);
  let containerNamePlaceholder = false;
  if (name === derived) {
    const referred = internalReferences(registrable).has(name) || (options.externalReferences ?? []).includes(name);
    if (referred) {
      issues.push(issue('info', 'import-container-name', joinPath(containerPath, 'name'), `The container's name "${name}" stays literal: other definitions refer to it by name`));
    } else {
      specContainer['name'] = CONTAINER_NAME;
      replacements.push({path: joinPath(containerPath, 'name'), from: name, to: CONTAINER_NAME});
      containerNamePlaceholder = true;
    }
  } else {
    issues.push(issue('info', 'import-container-name', joinPath(containerPath, 'name'), `The container's name "${name}" stays literal (\${CONTAINER_NAME} would be "${derived}")`));
  }

  const launchType = launchTypeOf(registrable, issues);
  const roleArn = str(getMember(registrable, 'executionRoleArn'));
  const takesRole = options.environmentTakesRole !== false;
  if (roleArn !== undefined && takesRole) {
    spec['executionRoleArn'] = EXECUTION_ROLE;
    replacements.push({path: 'executionRoleArn', from: roleArn, to: EXECUTION_ROLE});
  } else if (roleArn === undefined && launchType === 'FARGATE') {
    issues.push(issue('warning', 'import-execution-role', 'executionRoleArn', 'The task definition has no execution role, which Fargate tasks need to pull private images, write logs and read secrets', 'Set the environment\'s execution role and add "executionRoleArn": "${EXECUTION_ROLE}"'));
  }

  // Strings holding `${…}` would be read as placeholders when rendered.
  for (const use of findPlaceholders(registrable)) {
    issues.push(issue('warning', 'import-literal-placeholder', use.path, `${use.text} in the imported value will be read as a placeholder when rendering`, 'Rewrite it, or define it as a config variable'));
  }

  const credentials = getMember(container, 'repositoryCredentials');
  const secretArn = isJsonObject(credentials) ? str(getMember(credentials, 'credentialsParameter')) : undefined;
  const arn = str(getMember(described, 'taskDefinitionArn'));
  const region = arn === undefined ? undefined : regionFromArn(arn);

  return {
    ok: true,
    containerSpecJson: stringifyJsonText(spec),
    artifact,
    artifactContainer: name,
    containerNamePlaceholder,
    launchType,
    ...(roleArn !== undefined && takesRole ? {executionRoleArn: roleArn} : {}),
    ...(secretArn === undefined ? {} : {registryAuth: {credentialsSecretArn: secretArn}}),
    ...(region === undefined ? {} : {region}),
    taskDefinition: registrable,
    replacements,
    stripped,
    issues,
  };
}

// ---------------------------------------------------------------------------------------------------
// Services
// ---------------------------------------------------------------------------------------------------

function unwrapService(value: JsonValue, wanted: string | undefined): {service?: JsonObject; prefix?: string; issues: Issue[]} {
  if (!isJsonObject(value)) return {issues: [issue('error', 'import-shape', '', 'Expected a JSON object: the output of aws ecs describe-services, or a service')]};
  const services = getMember(value, 'services');
  if (Array.isArray(services)) {
    const found = services.filter(isJsonObject);
    const names = found.map((service) => str(getMember(service, 'serviceName')) ?? '?');
    const at = (service: JsonObject | undefined) => ({...(service === undefined ? {} : {service}), prefix: joinPath('services', services.indexOf(service as JsonValue)), issues: []});
    if (found.length === 0) {
      const failures = getMember(value, 'failures');
      const first = Array.isArray(failures) && isJsonObject(failures[0]) ? failures[0] : undefined;
      const reason = first === undefined ? '' : `: ${str(getMember(first, 'reason')) ?? 'failure'} (${str(getMember(first, 'arn')) ?? ''})`;
      return {issues: [issue('error', 'import-shape', 'services', `The describe-services output holds no service${reason}`)]};
    }
    if (wanted !== undefined) {
      const index = names.indexOf(wanted);
      if (index === -1) return {issues: [issue('error', 'import-shape', 'services', `No service "${wanted}" in the output (services: ${names.join(', ')})`)]};
      return at(found[index]);
    }
    if (found.length > 1) {
      return {issues: [issue('error', 'import-shape', 'services', `The output holds ${found.length} services (${names.join(', ')}): say which one to import`, `Choose one of: ${names.join(', ')}`)]};
    }
    return at(found[0]);
  }
  if (getMember(value, 'serviceName') !== undefined || getMember(value, 'serviceArn') !== undefined) return {service: value, issues: []};
  if (getMember(value, 'taskDefinition') !== undefined || getMember(value, 'containerDefinitions') !== undefined) {
    return {issues: [issue('error', 'import-shape', '', 'This is a task definition, not a service', 'Import it as the task definition, and paste the describe-services output here')]};
  }
  return {issues: [issue('error', 'import-shape', '', 'No service found: expected {"services": [...]} or an object with serviceName', 'Paste the output of aws ecs describe-services --cluster CLUSTER --services NAME')]};
}

const FARGATE_PROVIDERS = new Set(['FARGATE', 'FARGATE_SPOT']);

/**
 * Imports `aws ecs describe-services` output (`{"services": [...], "failures": []}` or one service object):
 * a CreateService-shaped service spec, without what render takes from the environment.
 */
export function importService(text: string, options: ServiceImportOptions = {}): ServiceImportResult {
  const parsed = parseJsonText(text, 'import');
  if (parsed.value === undefined) return {ok: false, issues: parsed.issues};
  const unwrapped = unwrapService(parsed.value, options.serviceName);
  if (unwrapped.service === undefined) return located({ok: false, issues: [...parsed.issues, ...unwrapped.issues]}, parsed, '');
  return located(importServiceValue(unwrapped.service, parsed.issues, options), parsed, unwrapped.prefix ?? '');
}

function importServiceValue(described: JsonObject, syntaxIssues: readonly Issue[], options: ServiceImportOptions): ServiceImportResult {
  const issues: Issue[] = [...syntaxIssues];
  const {value: input, stripped, unknown} = toCreateServiceInput(described);
  for (const key of unknown) {
    issues.push(issue('warning', 'import-unknown-field', key, `${key} is not a CreateService parameter: it is left out`));
  }
  const serviceName = str(getMember(input, 'serviceName'));
  if (serviceName === undefined) return {ok: false, issues: [...issues, issue('error', 'import-shape', 'serviceName', 'The service has no serviceName')]};

  const spec = cloneJson(input);
  const replacements: Replacement[] = [];
  const environment: ImportedEnvironment = {};
  const move = (key: string, to: string): JsonValue | undefined => {
    const value = getMember(spec, key);
    if (value === undefined) return undefined;
    delete spec[key];
    replacements.push({path: key, from: key === 'cluster' ? (str(getMember(described, 'clusterArn')) ?? value) : value, to});
    return value;
  };

  const region = [getMember(described, 'serviceArn'), getMember(described, 'clusterArn'), getMember(described, 'taskDefinition')]
    .map((value) => (typeof value === 'string' ? regionFromArn(value) : undefined))
    .find((value) => value !== undefined);
  if (region !== undefined) environment.region = region;

  const cluster = move('cluster', 'environment.cluster');
  if (typeof cluster === 'string') environment.cluster = clusterNameFromArn(cluster);

  const providers = getMember(spec, 'capacityProviderStrategy');
  const launchType = move('launchType', 'environment.launchType');
  if (launchType === 'FARGATE' || launchType === 'EC2') environment.launchType = launchType;
  else if (launchType !== undefined) issues.push(issue('warning', 'import-launch-type', 'launchType', `${JSON.stringify(launchType)} is not a launch type this tool deploys to`));
  if (Array.isArray(providers) && providers.length > 0) {
    const names = providers.map((item) => (isJsonObject(item) ? str(getMember(item, 'capacityProvider')) : undefined));
    environment.launchType = names.every((name) => name !== undefined && FARGATE_PROVIDERS.has(name)) ? 'FARGATE' : 'EC2';
  }

  const network = getMember(spec, 'networkConfiguration');
  if (network !== undefined) {
    const awsvpc = isJsonObject(network) ? getMember(network, 'awsvpcConfiguration') : undefined;
    if (isJsonObject(awsvpc)) {
      const strings = (value: JsonValue | undefined): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);
      environment.network = {
        subnets: strings(getMember(awsvpc, 'subnets')),
        securityGroups: strings(getMember(awsvpc, 'securityGroups')),
        assignPublicIp: getMember(awsvpc, 'assignPublicIp') === 'ENABLED',
      };
    }
    move('networkConfiguration', 'environment.network');
  }

  const taskDefinition = move('taskDefinition', 'the registered task definition');
  const ran = typeof taskDefinition === 'string' ? taskDefinitionRef(taskDefinition) : undefined;
  const imported = options.taskDefinition;
  if (ran !== undefined && imported !== undefined) {
    const family = str(getMember(imported.taskDefinition, 'family'));
    if (family !== undefined && ran.replace(/:[0-9]+$/, '') !== family) {
      issues.push(issue('warning', 'import-task-family', 'taskDefinition', `The service runs ${ran}, but the imported task definition is of the family "${family}": deploying registers "${family}"`));
    }
  }

  if (imported?.containerNamePlaceholder === true) {
    for (const list of ['serviceRegistries', 'loadBalancers']) {
      const items = getMember(spec, list);
      if (!Array.isArray(items)) continue;
      items.forEach((item, index) => {
        if (isJsonObject(item) && getMember(item, 'containerName') === imported.artifactContainer) {
          item['containerName'] = CONTAINER_NAME;
          replacements.push({path: joinPath(joinPath(list, index), 'containerName'), from: imported.artifactContainer, to: CONTAINER_NAME});
        }
      });
    }
  }

  return {
    ok: true,
    serviceSpecJson: stringifyJsonText(spec),
    serviceName,
    environment,
    ...(ran === undefined ? {} : {taskDefinition: ran}),
    service: input,
    replacements,
    stripped,
    issues,
  };
}

// ---------------------------------------------------------------------------------------------------
// Profiles
// ---------------------------------------------------------------------------------------------------

export interface ImportNames {
  profile: string;
  application: string;
  /** The wizard's service name (also the task family and ECS service name when the specs name none). */
  service: string;
  environment: string;
  /** Used when neither the service nor the task definition ARN tells the region. */
  region?: string;
  /** Used when no service is imported. Default: `default` (ECS's default cluster). */
  cluster?: string;
}

export interface AssembleInput {
  taskDefinition: ImportedTaskDefinition;
  service?: ImportedService;
  names: ImportNames;
  /** ISO-8601 time of the import (createdAt / updatedAt). */
  now: string;
}

export interface ProfileImportResult {
  profile?: Profile;
  issues: Issue[];
}

/** A whole profile from an imported task definition (and, optionally, its service). */
export function assembleProfile(input: AssembleInput): ProfileImportResult {
  const {taskDefinition, service, names} = input;
  const issues: Issue[] = [];
  if (!PROFILE_NAME_PATTERN.test(names.profile)) {
    issues.push(issue('error', 'profile-name', 'name', `"${names.profile}" is not a profile name: letters, digits, - and _, 1–64 characters, starting with a letter or digit`));
  }
  const region = service?.environment.region ?? taskDefinition.region ?? names.region;
  if (region === undefined || region === '') {
    issues.push(issue('error', 'import-region', 'environment.region', 'The region is not known: neither the service nor the task definition ARN names it', 'Give the region'));
  }
  let cluster = service?.environment.cluster ?? names.cluster;
  if (cluster === undefined) {
    cluster = 'default';
    issues.push(issue('info', 'import-cluster', 'environment.cluster', 'No service was imported: the environment uses the cluster "default"', 'Give the cluster the service runs on'));
  }
  const launchType = service?.environment.launchType ?? taskDefinition.launchType;
  const environment: Environment = {name: names.environment, region: region ?? '', cluster, launchType, overrides: {}};
  if (service?.environment.network !== undefined) environment.network = service.environment.network;
  if (taskDefinition.executionRoleArn !== undefined) environment.executionRoleArn = taskDefinition.executionRoleArn;
  if (service === undefined) {
    issues.push(issue('info', 'import-service-spec', 'serviceSpec', 'No service was imported: the service specification is the default (REPLICA)'));
  }
  const wizardService: Service = {
    name: names.service,
    artifact: taskDefinition.artifact,
    launchType,
    containerSpec: {mode: 'json', json: taskDefinition.containerSpecJson},
    serviceSpec: service?.serviceSpecJson ?? defaultServiceSpec(),
    variables: {},
  };
  if (taskDefinition.registryAuth !== undefined) wizardService.registryAuth = taskDefinition.registryAuth;
  if (issues.some((item) => item.severity === 'error')) return {issues};
  const profile: Profile = {
    name: names.profile,
    application: names.application,
    service: wizardService,
    environments: [environment],
    runs: [],
    createdAt: input.now,
    updatedAt: input.now,
  };
  return {profile, issues};
}

export interface ProfileImportInput extends Omit<TaskDefinitionImportOptions, 'externalReferences'> {
  taskDefinitionText: string;
  serviceText?: string;
  /** Which service of a describe-services output with several. */
  serviceName?: string;
  names: ImportNames;
  now: string;
}

export interface FullImportResult extends ProfileImportResult {
  taskDefinition?: ImportedTaskDefinition;
  service?: ImportedService;
}

/** Load balancer container names of a described service (they keep the artifact container's name literal). */
function loadBalancerContainers(text: string, serviceName: string | undefined): string[] {
  const parsed = parse(text);
  if (parsed.value === undefined) return [];
  const found = unwrapService(parsed.value, serviceName).service;
  const balancers = found === undefined ? undefined : getMember(found, 'loadBalancers');
  if (!Array.isArray(balancers)) return [];
  return balancers.flatMap((item) => {
    const name = isJsonObject(item) ? str(getMember(item, 'containerName')) : undefined;
    return name === undefined ? [] : [name];
  });
}

/**
 * The whole import: task definition text (+ service text) → profile, with every replacement, stripped
 * field and issue (the task definition's issues first, then the service's, then the profile's). The
 * artifact container keeps a literal name when the service's load balancers refer to it.
 */
export function importProfile(input: ProfileImportInput): FullImportResult {
  const externalReferences = input.serviceText === undefined ? [] : loadBalancerContainers(input.serviceText, input.serviceName);
  const options: TaskDefinitionImportOptions = {externalReferences};
  if (input.container !== undefined) options.container = input.container;
  if (input.environmentTakesRole !== undefined) options.environmentTakesRole = input.environmentTakesRole;
  const task = importTaskDefinition(input.taskDefinitionText, options);
  if (!task.ok) return {issues: task.issues};
  let service: ImportedService | undefined;
  const issues: Issue[] = [...task.issues];
  if (input.serviceText !== undefined) {
    const imported = importService(input.serviceText, {taskDefinition: task, ...(input.serviceName === undefined ? {} : {serviceName: input.serviceName})});
    issues.push(...imported.issues);
    if (!imported.ok) return {taskDefinition: task, issues};
    service = imported;
  }
  const assembled = assembleProfile({taskDefinition: task, ...(service === undefined ? {} : {service}), names: input.names, now: input.now});
  issues.push(...assembled.issues);
  return {...(assembled.profile === undefined ? {} : {profile: assembled.profile}), taskDefinition: task, ...(service === undefined ? {} : {service}), issues};
}
