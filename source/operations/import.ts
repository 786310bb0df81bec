/**
 * Import what already runs on ECS into a profile: a task definition revision, a live service (with the
 * task definition it runs and the environment it runs in, as ecspresso's `init` does), or a saved
 * describe-task-definition / describe-services output. The normalisation is the domain's (domain/import.ts);
 * this module fetches the documents, suggests names, plans the profile (every replacement listed) and saves it.
 *
 * Shared by `ecs-wizard import` and the browser's import screen.
 */
import type {Issue} from '../domain/issues.js';
import {formatIssueLocation, hasErrors} from '../domain/issues.js';
import type {JsonObject, JsonValue} from '../domain/json.js';
import {isJsonObject} from '../domain/json.js';
import type {ImportedService} from '../domain/import/service.js';
import type {ImportedTaskDefinition} from '../domain/import/task-definition.js';
import type {ImportNames} from '../domain/import/profile.js';
import type {Replacement} from '../domain/import/common.js';
import {importProfile} from '../domain/import/profile.js';
import {importTaskDefinition} from '../domain/import/task-definition.js';
import type {Profile} from '../domain/model.js';
import {PROFILE_NAME_PATTERN} from '../domain/model.js';
import {regionFromArn, taskDefinitionRef} from '../domain/aws-names.js';
import {InputError} from '../errors.js';
import type {EcsPort} from '../ports/ecs.js';
import type {ScalingPort} from '../ports/scaling.js';
import {autoScalingFromState, describeAutoScaling, type ScalingState} from '../domain/auto-scaling.js';
import type {ProfileStore} from '../ports/profile-store.js';
import {artifactContainerIndex, loadService, nameFromArn, parseTaskDefinitionArn, taskDefinitionCache} from './browse.js';

// ---------------------------------------------------------------------------------------------------
// Sources
// ---------------------------------------------------------------------------------------------------

/** The documents an import reads, as the AWS CLI prints them. */
export interface ImportSource {
  /** What it came from, for messages: `web:12`, `service demo/web`, a file name. */
  label: string;
  /** describe-task-definition output (`{"taskDefinition": …, "tags": […]}`) or a bare task definition. */
  taskDefinitionText: string;
  /** The task definition as described (read-only fields included), when the text parses. */
  taskDefinition?: JsonObject;
  /** describe-services output (`{"services": [...]}`) or one service object. */
  serviceText?: string;
  /** The DescribeServices entry, when a live service is imported. */
  service?: JsonObject;
  /** Which service of a describe-services output with several. */
  serviceName?: string;
  /** A live service's auto scaling (Application Auto Scaling), or why it could not be read. */
  scaling?: {state: ScalingState} | {unread: string};
}

/** Reads a live service's auto scaling into the source (a failure is kept as the reason, said in the report). */
export async function withServiceScaling(source: ImportSource, scaling: ScalingPort): Promise<ImportSource> {
  const service = source.service;
  const name = typeof service?.['serviceName'] === 'string' ? service['serviceName'] : undefined;
  const cluster = typeof service?.['clusterArn'] === 'string' ? nameFromArn(service['clusterArn']) : undefined;
  if (name === undefined || cluster === undefined || cluster === '') return source;
  try {
    return {...source, scaling: {state: await scaling.describe(cluster, name)}};
  } catch (error) {
    return {...source, scaling: {unread: error instanceof Error ? error.message : String(error)}};
  }
}

/**
 * The source's auto scaling in the imported profile — as the environment's own (`environments[0].autoScaling`: it
 * was read from the service in that environment's cluster; another environment of the profile does not inherit it),
 * with a note for what is not kept.
 */
function importScaling(profile: Profile | undefined, source: ImportSource): Issue[] {
  const environment = profile?.environments[0];
  if (profile === undefined || environment === undefined || source.scaling === undefined) return [];
  const issue = (severity: Issue['severity'], message: string): Issue => ({
    code: 'import-auto-scaling',
    severity,
    source: 'import',
    path: `environments.${environment.name}.autoScaling`,
    message,
  });
  if ('unread' in source.scaling) {
    return [issue('warning', `auto scaling was not read (${source.scaling.unread}): the profile has none, and a deploy leaves the service's scaling as it is`)];
  }
  const imported = autoScalingFromState(profile.service.name, source.scaling.state);
  if (imported.autoScaling !== undefined) environment.autoScaling = imported.autoScaling;
  return imported.notes.map((note) => issue('warning', note));
}

const json = (value: JsonValue): string => `${JSON.stringify(value, null, 2)}\n`;

/** A task definition revision (`family`, `family:revision` or an ARN) from ECS. */
export async function fetchTaskDefinitionSource(ecs: EcsPort, reference: string): Promise<ImportSource> {
  const described = await taskDefinitionCache(ecs).load(reference);
  if (described === undefined) {
    throw new InputError(
      `no task definition '${reference}' in ${ecs.region}`,
      'check the family and revision (ecs-wizard import with no options browses them), and --region',
    );
  }
  const ref = taskDefinitionRef(typeof described.taskDefinition['taskDefinitionArn'] === 'string' ? described.taskDefinition['taskDefinitionArn'] : reference);
  return {
    label: ref,
    taskDefinitionText: json({taskDefinition: described.taskDefinition, tags: described.tags}),
    taskDefinition: described.taskDefinition,
  };
}

/** A live service and the task definition it runs, from ECS. */
export async function fetchServiceSource(ecs: EcsPort, cluster: string, serviceName: string): Promise<ImportSource> {
  const state = await loadService(ecs, cluster, serviceName);
  if (state === undefined || state.status === 'INACTIVE') {
    throw new InputError(`no service '${serviceName}' in cluster '${cluster}' (${ecs.region})`, 'check --cluster, --service and --region');
  }
  const task = await fetchTaskDefinitionSource(ecs, state.taskDefinition);
  return {
    ...task,
    label: `service ${nameFromArn(state.clusterArn) || cluster}/${state.serviceName}`,
    serviceText: json({services: [state.raw], failures: []}),
    service: state.raw,
    serviceName: state.serviceName,
  };
}

export interface FileText {
  name: string;
  text: string;
}

const tryParse = (text: string): JsonValue | undefined => {
  try {
    // A byte order mark is not JSON, but text saved on Windows may start with one (the domain's parser skips it too).
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as JsonValue;
  } catch {
    return undefined;
  }
};

const isServiceDocument = (value: JsonValue | undefined): boolean =>
  isJsonObject(value) && (Array.isArray(value['services']) || typeof value['serviceName'] === 'string' || typeof value['serviceArn'] === 'string');

/** The services of a describe-services document (or the one service). */
function servicesOf(value: JsonValue | undefined): JsonObject[] {
  if (!isJsonObject(value)) return [];
  if (Array.isArray(value['services'])) return value['services'].filter(isJsonObject);
  return [value];
}

/**
 * Saved AWS CLI output → a source. One file of describe-task-definition output, optionally with one of
 * describe-services output (in any order). A file that does not parse is taken as the task definition, so
 * that its syntax error is reported with line and column. `needsTaskDefinition` names the revision a
 * describe-services file runs when no task definition file was given.
 */
export function fileSource(
  files: readonly FileText[],
  options: {serviceName?: string} = {},
): {source?: ImportSource; needsTaskDefinition?: string; service?: JsonObject; serviceFile?: FileText} {
  if (files.length === 0) throw new InputError('no file given');
  if (files.length > 2)
    throw new InputError(`${files.length} files given: pass one describe-task-definition output, and optionally one describe-services output`);
  const parsed = files.map((file) => ({...file, value: tryParse(file.text)}));
  const serviceFiles = parsed.filter((file) => isServiceDocument(file.value));
  const taskFiles = parsed.filter((file) => !isServiceDocument(file.value));
  if (serviceFiles.length > 1)
    throw new InputError(
      `${serviceFiles.map((file) => file.name).join(' and ')} are both describe-services output`,
      'pass one describe-task-definition output with it',
    );
  if (taskFiles.length > 1)
    throw new InputError(
      `${taskFiles.map((file) => file.name).join(' and ')} are both task definitions`,
      'pass one task definition, and optionally the describe-services output of its service',
    );
  const serviceFile = serviceFiles[0];
  const taskFile = taskFiles[0];
  let service: JsonObject | undefined;
  if (serviceFile !== undefined) {
    const services = servicesOf(serviceFile.value);
    service =
      options.serviceName === undefined
        ? services.length === 1
          ? services[0]
          : undefined
        : services.find((item) => item['serviceName'] === options.serviceName);
  }
  if (taskFile === undefined) {
    const running = typeof service?.['taskDefinition'] === 'string' ? service['taskDefinition'] : undefined;
    if (running === undefined) {
      throw new InputError(
        `${serviceFile?.name ?? 'the file'} holds no task definition${service === undefined ? '' : ' reference'}`,
        'pass the output of aws ecs describe-task-definition with --from-file as well',
      );
    }
    return {
      needsTaskDefinition: running,
      ...(service === undefined ? {} : {service}),
      ...(serviceFile === undefined ? {} : {serviceFile: {name: serviceFile.name, text: serviceFile.text}}),
    };
  }
  const wrapped = isJsonObject(taskFile.value) && isJsonObject(taskFile.value['taskDefinition']) ? taskFile.value['taskDefinition'] : undefined;
  const bare = isJsonObject(taskFile.value) && Array.isArray(taskFile.value['containerDefinitions']) ? taskFile.value : undefined;
  const taskDefinition = wrapped ?? bare;
  const source: ImportSource = {
    label: serviceFile === undefined ? taskFile.name : `${taskFile.name} + ${serviceFile.name}`,
    taskDefinitionText: taskFile.text,
    ...(taskDefinition === undefined ? {} : {taskDefinition}),
    ...(serviceFile === undefined ? {} : {serviceText: serviceFile.text}),
    ...(service === undefined ? {} : {service}),
    ...(options.serviceName === undefined ? {} : {serviceName: options.serviceName}),
  };
  return {source};
}

// ---------------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------------

export interface NameSuggestion {
  profile: string;
  application: string;
  service: string;
  environment: string;
}

const ENVIRONMENT_WORDS: ReadonlyArray<[RegExp, string]> = [
  [/^(prod|production|prd|live)$/i, 'production'],
  [/^(staging|stage|stg|preprod)$/i, 'staging'],
  [/^(dev|development)$/i, 'development'],
  [/^(test|testing|qa|uat)$/i, 'test'],
];

const environmentWord = (word: string): string | undefined => ENVIRONMENT_WORDS.find(([pattern]) => pattern.test(word))?.[1];

/** A valid profile name made of `text` (other characters become `-`), or `imported`. */
export function toProfileName(text: string): string {
  const cleaned = text
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  return PROFILE_NAME_PATTERN.test(cleaned) ? cleaned : 'imported';
}

/**
 * Names suggested from what is imported: a family or service `shop-web-prod` → application `shop-web`, service
 * `shop-web` (the ECS service's own name when one is imported), environment `production`; without an environment
 * word, the cluster's name (or `production`). The profile is `<service>-<environment>`.
 */
export function suggestNames(input: {family?: string; serviceName?: string; cluster?: string}): NameSuggestion {
  const base = input.serviceName ?? input.family ?? 'imported';
  const words = base.split(/[-_.]/);
  const last = words.length > 1 ? words.at(-1) : undefined;
  const fromWord = last === undefined ? undefined : environmentWord(last);
  const stem = fromWord === undefined ? base : words.slice(0, -1).join('-');
  const clusterWord =
    input.cluster === undefined
      ? undefined
      : (environmentWord(input.cluster) ??
        input.cluster
          .split(/[-_.]/)
          .map(environmentWord)
          .find((word) => word !== undefined));
  const environment =
    fromWord ??
    clusterWord ??
    (input.cluster !== undefined && /^[A-Za-z0-9_-]+$/.test(input.cluster) && input.cluster !== 'default' ? input.cluster : 'production');
  const service = input.serviceName ?? stem;
  return {application: stem, service, environment, profile: toProfileName(`${service}-${environment}`)};
}

// ---------------------------------------------------------------------------------------------------
// Plans
// ---------------------------------------------------------------------------------------------------

export interface ImportPlan {
  /** Undefined when the import has errors (see `issues`). */
  profile?: Profile;
  /** Every value replaced by a placeholder or moved to the environment: the task definition's, then the service's. */
  replacements: Array<Replacement & {document: 'task definition' | 'service'}>;
  /** What was left out (read-only fields, nulls), by document. */
  stripped: {taskDefinition: string[]; service: string[]};
  issues: Issue[];
  /** The containers of the task definition, and which one is the artifact's. */
  containers: string[];
  artifactContainer?: string;
  taskDefinition?: ImportedTaskDefinition;
  service?: ImportedService;
}

/** The container names of a described task definition (bare or wrapped), and the default artifact container. */
export function containerChoices(taskDefinition: JsonObject | undefined): {names: string[]; defaultName?: string} {
  if (taskDefinition === undefined) return {names: []};
  const task = isJsonObject(taskDefinition['taskDefinition']) ? taskDefinition['taskDefinition'] : taskDefinition;
  const containers = Array.isArray(task['containerDefinitions']) ? task['containerDefinitions'].filter(isJsonObject) : [];
  const names = containers.map((container) => (typeof container['name'] === 'string' ? container['name'] : '?'));
  const index = artifactContainerIndex(task);
  const defaultName = names[index];
  return defaultName === undefined ? {names} : {names, defaultName};
}

function planOf(parts: {
  profile?: Profile;
  taskDefinition?: ImportedTaskDefinition;
  service?: ImportedService;
  issues: Issue[];
  source: ImportSource;
}): ImportPlan {
  const choices = containerChoices(parts.source.taskDefinition);
  return {
    ...(parts.profile === undefined || hasErrors(parts.issues) ? {} : {profile: parts.profile}),
    replacements: [
      ...(parts.taskDefinition?.replacements ?? []).map((item) => ({...item, document: 'task definition' as const})),
      ...(parts.service?.replacements ?? []).map((item) => ({...item, document: 'service' as const})),
    ],
    stripped: {taskDefinition: parts.taskDefinition?.stripped ?? [], service: parts.service?.stripped ?? []},
    issues: parts.issues,
    containers: choices.names,
    ...(parts.taskDefinition === undefined ? {} : {artifactContainer: parts.taskDefinition.artifactContainer}),
    ...(parts.taskDefinition === undefined ? {} : {taskDefinition: parts.taskDefinition}),
    ...(parts.service === undefined ? {} : {service: parts.service}),
  };
}

export interface PlanOptions {
  names: NameSuggestion & {cluster?: string};
  /** The artifact's container (default: the first essential container with port mappings). */
  container?: string;
  /** Used when neither the service nor the task definition ARN names the region. */
  region?: string;
  /** ISO-8601. */
  now: string;
}

/** A new profile from a source: the task definition (and the service with its environment, when there is one). */
export function planImport(source: ImportSource, options: PlanOptions): ImportPlan {
  const names: ImportNames = {
    profile: options.names.profile,
    application: options.names.application,
    service: options.names.service,
    environment: options.names.environment,
    ...(options.region === undefined ? {} : {region: options.region}),
    ...(options.names.cluster === undefined ? {} : {cluster: options.names.cluster}),
  };
  const issues: Issue[] = [];
  for (const [field, value] of [
    ['application', names.application],
    ['service', names.service],
    ['environment', names.environment],
  ] as const) {
    if (value.trim() === '') issues.push({code: 'import-name', severity: 'error', source: 'import', path: field, message: `The ${field} name is empty`});
  }
  const result = importProfile({
    taskDefinitionText: source.taskDefinitionText,
    ...(source.serviceText === undefined ? {} : {serviceText: source.serviceText}),
    ...(source.serviceName === undefined ? {} : {serviceName: source.serviceName}),
    ...(options.container === undefined ? {} : {container: options.container}),
    names,
    now: options.now,
  });
  const environment = result.profile?.environments[0];
  if (environment !== undefined && environment.network === undefined && result.taskDefinition?.taskDefinition['networkMode'] === 'awsvpc') {
    issues.push({
      code: 'import-network',
      severity: 'warning',
      source: 'import',
      path: 'environment.network',
      message: `The task uses the awsvpc network mode, but no service was imported: environment "${environment.name}" has no subnets or security groups yet`,
      fix: 'Set them before deploying, or import the service that runs this task definition',
    });
  }
  issues.push(...importScaling(result.profile, source));
  return planOf({...result, issues: [...result.issues, ...issues], source});
}

/**
 * An existing profile whose container specification (and artifact source) is replaced by the imported
 * task definition's. The execution role becomes `${EXECUTION_ROLE}` only when every environment of the
 * profile has that role (otherwise the literal ARN stays: a literal overrides the environment).
 */
export function planContainerReplacement(profile: Profile, source: ImportSource, options: {container?: string; now: string}): ImportPlan {
  const task = isJsonObject(source.taskDefinition) ? source.taskDefinition : undefined;
  const role = typeof task?.['executionRoleArn'] === 'string' ? task['executionRoleArn'] : undefined;
  const takesRole = role !== undefined && profile.environments.length > 0 && profile.environments.every((environment) => environment.executionRoleArn === role);
  const imported = importTaskDefinition(source.taskDefinitionText, {
    environmentTakesRole: takesRole,
    ...(options.container === undefined ? {} : {container: options.container}),
  });
  if (!imported.ok) return planOf({issues: imported.issues, source});
  const issues: Issue[] = [...imported.issues];
  const info = (code: string, path: string, message: string): Issue => ({code, severity: 'info', source: 'import', path, message});
  if (role !== undefined && !takesRole) {
    issues.push(
      info('import-execution-role', 'executionRoleArn', `executionRoleArn stays the literal ${role}: not every environment of '${profile.name}' has that role`),
    );
  }
  const differing = profile.environments.filter((environment) => environment.launchType !== imported.launchType).map((environment) => environment.name);
  if (differing.length > 0) {
    issues.push({
      code: 'import-launch-type',
      severity: 'warning',
      source: 'import',
      path: 'requiresCompatibilities',
      message: `The task definition is for ${imported.launchType}, but ${differing.join(', ')} ${differing.length === 1 ? 'runs' : 'run'} on ${imported.launchType === 'EC2' ? 'FARGATE' : 'EC2'}`,
    });
  }
  if (profile.service.registryAuth !== undefined && imported.registryAuth === undefined) {
    issues.push(
      info('import-registry-auth', 'repositoryCredentials', "The profile's private registry credentials are removed: the imported container has none"),
    );
  }
  const artifact = {...imported.artifact};
  if (profile.service.artifact.username !== undefined && profile.service.artifact.host === artifact.host) artifact.username = profile.service.artifact.username;
  const {registryAuth: _previous, ...service} = profile.service;
  const updated: Profile = {
    ...profile,
    service: {
      ...service,
      artifact,
      containerSpec: {mode: 'json', json: imported.containerSpecJson},
      ...(imported.registryAuth === undefined ? {} : {registryAuth: imported.registryAuth}),
    },
    updatedAt: options.now,
  };
  return planOf({profile: updated, taskDefinition: imported, issues, source});
}

// ---------------------------------------------------------------------------------------------------
// Saving and reporting
// ---------------------------------------------------------------------------------------------------

/** The plan's errors as one InputError (nothing is saved). */
export function planError(plan: ImportPlan, label: string): InputError {
  const errors = plan.issues.filter((issue) => issue.severity === 'error');
  const lines = (errors.length > 0 ? errors : plan.issues).map(
    (issue) => `  ${formatIssueLocation(issue)}: ${issue.message}${issue.fix === undefined ? '' : ` (${issue.fix})`}`,
  );
  return new InputError(`cannot import ${label}:\n${lines.join('\n')}`, 'nothing was saved: fix the source, or import another revision');
}

/** The refusal to replace an existing profile without --force. */
export const profileExistsError = (name: string): InputError =>
  new InputError(`a profile named '${name}' exists`, 'pass --force to replace it, or --as NAME to import under another name');

/** Saves the planned profile. Refuses to replace another profile of the same name unless `overwrite`. */
export async function saveImport(store: ProfileStore, plan: ImportPlan, options: {overwrite?: boolean; label: string}): Promise<Profile> {
  if (plan.profile === undefined) throw planError(plan, options.label);
  if (options.overwrite !== true && (await store.get(plan.profile.name)) !== undefined) throw profileExistsError(plan.profile.name);
  await store.save(plan.profile, {overwrite: options.overwrite === true});
  return plan.profile;
}

/** A replaced value as the report shows it: strings whole (an image reference must be read in full), JSON cut at 120. */
const shown = (value: JsonValue): string => {
  if (typeof value === 'string') return value;
  const text = JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
};

/** One line per replacement: `containerDefinitions[0].image  nginx:1.27 → ${DOCKER_IMAGE_NAME}`. */
export function replacementLines(plan: ImportPlan): string[] {
  return plan.replacements.map((item) => `${item.document === 'service' ? 'service ' : ''}${item.path}: ${shown(item.from)} → ${item.to}`);
}

/** What the import did, as lines for a terminal (replacements, what was left out, warnings). */
export function importReport(plan: ImportPlan): string[] {
  const lines: string[] = [];
  const profile = plan.profile;
  if (profile !== undefined) {
    const environment = profile.environments[0];
    const {host, image, tag, implicitLatest} = profile.service.artifact;
    lines.push(`Application ${profile.application} · service ${profile.service.name} · environment ${environment?.name ?? '-'}`);
    if (environment !== undefined) {
      const network =
        environment.network === undefined
          ? ''
          : ` · subnets ${environment.network.subnets.join(',') || '-'} · security groups ${environment.network.securityGroups.join(',') || '-'} · public IP ${environment.network.assignPublicIp ? 'yes' : 'no'}`;
      lines.push(
        `Environment ${environment.region} · cluster ${environment.cluster} · ${environment.launchType}${network}${environment.executionRoleArn === undefined ? '' : ` · role ${environment.executionRoleArn}`}`,
      );
    }
    lines.push(
      `Artifact ${host === '' ? '(Docker Hub)' : host} · ${image} · ${tag ?? '(no tag)'}${implicitLatest === true ? ' (not written: the image names no tag)' : ''}${plan.artifactContainer === undefined ? '' : ` · container ${plan.artifactContainer}`}`,
    );
  }
  for (const environment of profile?.environments ?? []) {
    if (environment.autoScaling !== undefined)
      lines.push(`Auto scaling ${describeAutoScaling(environment.autoScaling)} in ${environment.name} (kept: a deploy applies it as it is)`);
  }
  if (profile?.service.adopted === true) {
    lines.push('Adopted: the service runs as described; deploys keep its settings (none of the defaults for new services are added)');
  }
  if (plan.replacements.length > 0) lines.push('Replacements:', ...replacementLines(plan).map((line) => `  ${line}`));
  const stripped = [...plan.stripped.taskDefinition, ...plan.stripped.service.map((path) => `service ${path}`)];
  if (stripped.length > 0) lines.push(`Left out (read-only or null): ${stripped.join(', ')}`);
  for (const issue of plan.issues) {
    if (issue.severity === 'info' && issue.code === 'import-tags') continue;
    lines.push(`${issue.severity}: ${issue.path === '' ? '' : `${issue.path}: `}${issue.message}`);
  }
  return lines;
}

/** `web:12` → the family and revision; for suggestions. */
export const familyOf = (reference: string): string => parseTaskDefinitionArn(reference).family;

/** The region a source names (service ARN, cluster ARN, task definition ARN), if any. */
export function sourceRegion(source: ImportSource): string | undefined {
  const candidates = [source.service?.['serviceArn'], source.service?.['clusterArn'], source.taskDefinition?.['taskDefinitionArn']];
  for (const candidate of candidates) {
    if (typeof candidate !== 'string') continue;
    const region = regionFromArn(candidate);
    if (region !== undefined) return region;
  }
  return undefined;
}
