/**
 * Rendering: a profile + an environment (+ a tag and run-time variable overrides) → the exact
 * RegisterTaskDefinition input and CreateService input, with every issue found while rendering (JSON syntax,
 * placeholders, fields left out or replaced), located by path and — for JSON text — line/column.
 *
 * Rendering does not validate: the rendered request is validated once, afterwards, by `validateRequest`
 * (validate/request.ts); `renderAndValidate` (render-and-validate.ts) runs the two in that order. Each
 * rendered document carries what validation reads (`rendered`, `parsed`).
 *
 * What render decides (everything else is the user's spec, verbatim):
 * - `${DOCKER_IMAGE_NAME}` = the artifact's reference with the tag (default: the artifact's tag);
 *   `${CONTAINER_NAME}` = the service's stable container name, else the name derived from image path and tag;
 *   what refers to the artifact container by a name derived for another tag follows its name
 *   (container-references.ts); `${EXECUTION_ROLE}` = the environment's
 *   execution role (a literal ARN written in the spec is kept); `${serviceVariable.NAME}` = service value <
 *   environment override < run override.
 * - task definition: `family` defaults to the service name; members that are null are dropped; read-only
 *   fields of describe-task-definition output are dropped (warning); task-level cpu/memory are strings;
 *   the profile's private registry credentials are added to the artifact's container.
 * - service: `serviceName` defaults to the service name; `cluster` is the environment's; `taskDefinition`
 *   is the family; `launchType` is the environment's unless the spec has a capacityProviderStrategy; the
 *   environment's capacity provider strategy, when it has one, replaces the spec's and leaves launchType out;
 *   `networkConfiguration` is the environment's under awsvpc (a spec's own is replaced, with a warning);
 *   `desiredCount` defaults to 1 for REPLICA; with auto scaling (the environment's, else the service's) it is what
 *   creating the service sends: the spec's count brought into the scaling range (an info issue says so, and that an
 *   update does not send it).
 */
import type {Issue} from './issues.js';
import type {JsonObject, JsonValue} from './json.js';
import {isJsonObject} from './json.js';
import type {ArtifactSource, AutoScaling, ContainerSpec, Environment, Profile, RegistryAuth, Service} from './model.js';
import type {JsonText} from './json-text.js';
import {getMember, joinPath, locateIssues, parseJsonText, setMember} from './json-text.js';
import {artifactImage, deriveContainerName} from './image.js';
import type {PlaceholderValues} from './placeholders.js';
import {DOCKER_IMAGE_NAME, mergeVariables, substitutePlaceholders} from './placeholders.js';
import {formToTaskDefinition} from './container-form.js';
import {TASK_DEFINITION_READ_ONLY_FIELDS} from './normalise/api-fields.js';
import {effectiveNetworkMode} from './network-mode.js';
import {imagePlaceholderIssues} from './spec-lint.js';
import {artifactNaming, followInService, followInTaskDefinition} from './container-references.js';
import {strategyDocument, strategyIssues} from './capacity.js';
import {desiredCountNote, effectiveAutoScaling, startingDesiredCount} from './auto-scaling.js';

export {dropNulls} from './json-values.js';

export interface RenderInput {
  profile: Profile;
  /** Name of one of the profile's environments. */
  environment: string;
  /** The tag (or `sha256:…` digest) to deploy; defaults to the artifact's tag. */
  tag?: string;
  /** Run-time overrides of config variables (the last layer). */
  overrides?: Record<string, string>;
  /** Cloud Map record types by registry ARN, when read (see ValidationContext in validate/context.ts). */
  discoveryRecordTypes?: Readonly<Record<string, readonly string[]>>;
}

export interface RenderResult {
  /** The RegisterTaskDefinition input; undefined when the container spec cannot be read. */
  taskDefinition: JsonObject | undefined;
  /** The CreateService input; undefined when the service spec or the task definition cannot be read. */
  service: JsonObject | undefined;
  issues: Issue[];
}

/** Everything the documents are rendered with, once the environment is chosen. */
export interface RenderContext {
  serviceName: string;
  artifact: ArtifactSource;
  /** The tag to deploy (undefined: `${DOCKER_IMAGE_NAME}` stays unresolved, an error). */
  tag?: string;
  environment: Environment;
  /** Config variables after all layers. */
  variables: Readonly<Record<string, string>>;
  registryAuth?: RegistryAuth;
  /** A stable name for `${CONTAINER_NAME}` (the service's choice); absent: derived from the image and tag. */
  containerName?: string;
  discoveryRecordTypes?: Readonly<Record<string, readonly string[]>>;
  /** The service's auto scaling in this environment (the environment's override, else the service's). */
  autoScaling?: AutoScaling;
}

export interface RenderedTask {
  /** The RegisterTaskDefinition input; undefined when the spec cannot be read or is not an object. */
  taskDefinition: JsonObject | undefined;
  /** Issues found while rendering (located). */
  issues: Issue[];
  /** What validation reads: the task definition, or the spec's value when it is not an object; undefined when the spec cannot be read. */
  rendered: JsonValue | undefined;
  /** The spec's text (for line/column); undefined for the form. */
  parsed?: JsonText;
}

export interface RenderedService {
  /** The CreateService input; undefined when the spec cannot be read, is not an object, or the task definition is missing. */
  service: JsonObject | undefined;
  /** Issues found while rendering (located). */
  issues: Issue[];
  /**
   * What validation reads: the service, or the spec's value when it is not an object; undefined when the spec
   * cannot be read or the task definition is missing (a service cannot be checked without it).
   */
  rendered: JsonValue | undefined;
  /** The spec's text (for line/column). */
  parsed?: JsonText;
  /**
   * The spec as written, placeholders replaced and nulls dropped, before render put in what the environment
   * decides (cluster, launch type, network): ECS's field rules read it, so a bad value is reported, not replaced.
   */
  written?: JsonValue;
}

/** Both documents of a request, rendered in one context (the service runs the rendered task definition). */
export interface RenderedRequest {
  task: RenderedTask;
  service: RenderedService;
}

/** What the placeholders stand for in a context. */
export function placeholderValues(context: RenderContext): PlaceholderValues {
  const tag = context.tag === '' ? undefined : context.tag;
  const values: PlaceholderValues = {variables: context.variables, missing: {}};
  const noTag = {reason: 'no image tag was given and the artifact has no default tag', fix: 'Give the tag to deploy'};
  if (tag !== undefined) {
    values.dockerImageName = artifactImage(context.artifact, tag);
    values.containerName = context.containerName ?? deriveContainerName(context.artifact.image, tag);
  } else if (context.containerName !== undefined) {
    values.containerName = context.containerName;
    values.missing = {DOCKER_IMAGE_NAME: noTag};
  } else {
    values.missing = {DOCKER_IMAGE_NAME: noTag, CONTAINER_NAME: noTag};
  }
  if (context.environment.executionRoleArn !== undefined && context.environment.executionRoleArn !== '') {
    values.executionRole = context.environment.executionRoleArn;
  } else {
    values.missing = {
      ...values.missing,
      EXECUTION_ROLE: {
        reason: `environment "${context.environment.name}" has no task execution role`,
        fix: "Set the environment's execution role, or write the role's ARN in executionRoleArn",
      },
    };
  }
  return values;
}

/** Reads a spec's JSON text: parseJsonText, or a RenderMemo's copy of what it gave for the same text. */
export type SpecParser = (text: string, source: 'containerSpec' | 'serviceSpec') => JsonText;

/**
 * Parses a spec given as text (line/column for issues), or takes the form's JSON. The parsed text is only read: its
 * tree is copied by the substitution, and its issues into a list of this rendering's own.
 */
function specTree(
  spec: ContainerSpec | string,
  source: 'containerSpec' | 'serviceSpec',
  parse: SpecParser = parseJsonText,
): {tree: JsonValue | undefined; parsed?: JsonText; issues: Issue[]} {
  if (typeof spec !== 'string' && spec.mode === 'form') return {tree: formToTaskDefinition(spec.form), issues: []};
  const text = typeof spec === 'string' ? spec : spec.json;
  const parsed = parse(text, source);
  return {tree: parsed.value, parsed, issues: [...parsed.issues]};
}

/** The RegisterTaskDefinition input of a container spec (form or advanced JSON text) in a context. */
export function renderTaskDefinition(spec: ContainerSpec | string, context: RenderContext, parse?: SpecParser): RenderedTask {
  const {tree, parsed, issues} = specTree(spec, 'containerSpec', parse);
  const text = parsed === undefined ? {} : {parsed};
  if (tree === undefined) return {taskDefinition: undefined, issues, rendered: undefined, ...text};
  issues.push(...imagePlaceholderIssues(tree));
  const substituted = substitutePlaceholders(tree, placeholderValues(context), {
    source: 'containerSpec',
    document: 'task',
    unquoted: parsed?.unquoted,
    dropNulls: true,
  });
  issues.push(...substituted.issues);
  const rendered = substituted.value;
  if (!isJsonObject(rendered)) return {taskDefinition: undefined, issues: locateIssues(issues, parsed), rendered, ...text};

  const task: JsonObject = {};
  if (getMember(rendered, 'family') === undefined) task.family = context.serviceName;
  for (const key of Object.keys(rendered)) {
    const value = getMember(rendered, key) as JsonValue;
    if ((TASK_DEFINITION_READ_ONLY_FIELDS as readonly string[]).includes(key)) {
      issues.push({
        code: 'read-only-field',
        severity: 'warning',
        source: 'containerSpec',
        path: key,
        message: `${key} is output of describe-task-definition, not an input of RegisterTaskDefinition: it is left out`,
        fix: `Remove "${key}"`,
      });
      continue;
    }
    // RegisterTaskDefinition takes task-level cpu and memory as strings.
    setMember(task, key, (key === 'cpu' || key === 'memory') && typeof value === 'number' ? String(value) : value);
  }
  if (context.registryAuth !== undefined) addRepositoryCredentials(task, tree, context.registryAuth, issues);
  const naming = artifactNaming(task, placeholderValues(context).containerName, context.artifact.image);
  if (naming !== undefined) issues.push(...followInTaskDefinition(task, naming));
  return {taskDefinition: task, issues: locateIssues(issues, parsed), rendered: task, ...text};
}

/** Adds the profile's registry credentials to the artifact's container(s) (image `${DOCKER_IMAGE_NAME}`). */
function addRepositoryCredentials(task: JsonObject, unrendered: JsonValue, auth: RegistryAuth, issues: Issue[]): void {
  const containers = getMember(task, 'containerDefinitions');
  const originals = isJsonObject(unrendered) ? getMember(unrendered, 'containerDefinitions') : undefined;
  if (!Array.isArray(containers) || !Array.isArray(originals)) return;
  containers.forEach((container, index) => {
    const original = originals[index];
    if (!isJsonObject(container) || !isJsonObject(original) || getMember(original, 'image') !== DOCKER_IMAGE_NAME) return;
    const existing = getMember(container, 'repositoryCredentials');
    if (existing === undefined) {
      // Right after `image` (the artifact's container always has one: it was `${DOCKER_IMAGE_NAME}`).
      const updated: JsonObject = {};
      for (const key of Object.keys(container)) {
        setMember(updated, key, getMember(container, key) as JsonValue);
        if (key === 'image') updated.repositoryCredentials = {credentialsParameter: auth.credentialsSecretArn};
      }
      containers[index] = updated;
    } else if (!isJsonObject(existing) || getMember(existing, 'credentialsParameter') !== auth.credentialsSecretArn) {
      issues.push({
        code: 'registry-auth-mismatch',
        severity: 'warning',
        source: 'containerSpec',
        path: joinPath(joinPath(joinPath('containerDefinitions', index), 'repositoryCredentials'), 'credentialsParameter'),
        message: `The container's repositoryCredentials differ from the service's private registry secret (${auth.credentialsSecretArn}); the container's are used`,
        fix: 'Make them the same secret, or remove repositoryCredentials from the container',
      });
    }
  });
}

/** The CreateService input of a service spec text, running `taskDefinition` (rendered) in a context. */
export function renderServiceDefinition(specText: string, taskDefinition: JsonObject | undefined, context: RenderContext, parse?: SpecParser): RenderedService {
  const {tree, parsed, issues} = specTree(specText, 'serviceSpec', parse);
  const text = parsed === undefined ? {} : {parsed};
  if (tree === undefined) return {service: undefined, issues, rendered: undefined, ...text};
  const substituted = substitutePlaceholders(tree, placeholderValues(context), {
    source: 'serviceSpec',
    document: 'service',
    unquoted: parsed?.unquoted,
    dropNulls: true,
  });
  issues.push(...substituted.issues);
  const rendered = substituted.value;
  if (!isJsonObject(rendered)) return {service: undefined, issues: locateIssues(issues, parsed), rendered, ...text};
  // Without its task definition a service cannot be checked (network mode, containers): only its own issues.
  if (taskDefinition === undefined) return {service: undefined, issues: locateIssues(issues, parsed), rendered: undefined, ...text};
  const written: JsonObject = rendered;

  const environment = context.environment;
  const family = getMember(taskDefinition, 'family');
  const replaced = (key: string, value: JsonValue): void => {
    const written = getMember(rendered, key);
    if (written !== undefined && JSON.stringify(written) !== JSON.stringify(value)) {
      issues.push({
        code: 'field-replaced',
        severity: 'warning',
        source: 'serviceSpec',
        path: key,
        message: `${key} ${JSON.stringify(written)} is replaced by ${JSON.stringify(value)} (from the environment "${environment.name}")`,
        fix: `Remove "${key}" from the service specification`,
      });
    }
  };

  const service: JsonObject = {};
  const serviceName = getMember(rendered, 'serviceName');
  service.serviceName = serviceName ?? context.serviceName;
  replaced('cluster', environment.cluster);
  service.cluster = environment.cluster;
  if (typeof family === 'string') {
    replaced('taskDefinition', family);
    service.taskDefinition = family;
  }
  const environmentStrategy = environment.capacityProviderStrategy;
  const hasProviders = environmentStrategy !== undefined || getMember(rendered, 'capacityProviderStrategy') !== undefined;
  if (environmentStrategy !== undefined) {
    // The environment's strategy (providers belong to its cluster) replaces the spec's, and ECS takes no launchType with it.
    const strategy = strategyDocument(environmentStrategy);
    replaced('capacityProviderStrategy', strategy);
    if (getMember(rendered, 'launchType') !== undefined) {
      issues.push({
        code: 'field-replaced',
        severity: 'warning',
        source: 'serviceSpec',
        path: 'launchType',
        message: `launchType is left out: the environment "${environment.name}" places tasks with a capacity provider strategy (ECS takes one or the other)`,
        fix: 'Remove "launchType" from the service specification',
      });
    }
    service.capacityProviderStrategy = strategy;
    const compatibilities = getMember(taskDefinition, 'requiresCompatibilities');
    issues.push(
      ...strategyIssues(environmentStrategy, {
        environment: environment.name,
        launchType: environment.launchType,
        ...(Array.isArray(compatibilities) ? {compatibilities: compatibilities.filter((item): item is string => typeof item === 'string')} : {}),
      }),
    );
  } else if (!hasProviders) {
    replaced('launchType', environment.launchType);
    service.launchType = environment.launchType;
  } else if (getMember(rendered, 'launchType') !== undefined) {
    setMember(service, 'launchType', getMember(rendered, 'launchType') as JsonValue);
  }
  const daemon = getMember(rendered, 'schedulingStrategy') === 'DAEMON';
  const desiredCount = getMember(rendered, 'desiredCount');
  if (desiredCount !== undefined) service.desiredCount = desiredCount;
  else if (!daemon) service.desiredCount = 1;
  const scaling = context.autoScaling;
  const scalingNote: Issue[] = [];
  if (scaling !== undefined && !daemon && typeof service.desiredCount === 'number') {
    // What CreateService really sends with auto scaling; an update sends none (the plan leaves it out).
    const note = desiredCountNote(service.desiredCount, scaling);
    service.desiredCount = startingDesiredCount(service.desiredCount, scaling);
    // Not located: it is about the rendered value, not about the spec's text.
    scalingNote.push({code: 'desired-count-auto-scaling', severity: 'info', source: 'serviceSpec', path: 'desiredCount', message: note});
  }

  const handled = new Set(['serviceName', 'cluster', 'taskDefinition', 'launchType', 'desiredCount', 'networkConfiguration']);
  if (environmentStrategy !== undefined) handled.add('capacityProviderStrategy');
  for (const key of Object.keys(rendered)) {
    if (!handled.has(key)) setMember(service, key, getMember(rendered, key) as JsonValue);
  }

  const awsvpc = effectiveNetworkMode(taskDefinition, environment.launchType) === 'awsvpc';
  if (getMember(rendered, 'networkConfiguration') !== undefined) {
    issues.push({
      code: 'service-network-config',
      severity: 'warning',
      source: 'serviceSpec',
      path: 'networkConfiguration',
      message: awsvpc
        ? `networkConfiguration is replaced at deploy time by the network settings of the environment "${environment.name}"`
        : 'networkConfiguration is left out: only tasks in the awsvpc network mode take one',
      fix: awsvpc ? 'Remove it, and set subnets and security groups in the environment' : 'Remove networkConfiguration',
    });
  }
  const naming = artifactNaming(taskDefinition, placeholderValues(context).containerName, context.artifact.image);
  if (naming !== undefined) issues.push(...followInService(service, naming));
  if (awsvpc && environment.network !== undefined) {
    service.networkConfiguration = {
      awsvpcConfiguration: {
        subnets: [...environment.network.subnets],
        securityGroups: [...environment.network.securityGroups],
        assignPublicIp: environment.network.assignPublicIp ? 'ENABLED' : 'DISABLED',
      },
    };
  }
  return {service, issues: [...locateIssues(issues, parsed), ...scalingNote], rendered: service, written, ...text};
}

/** The context of a profile in one of its environments; undefined when it has no such environment. */
export function renderContext(input: RenderInput): RenderContext | undefined {
  const {profile} = input;
  const environment = profile.environments.find((candidate) => candidate.name === input.environment);
  if (environment === undefined) return undefined;
  const service = profile.service;
  const context: RenderContext = {
    serviceName: service.name,
    artifact: service.artifact,
    environment,
    variables: mergeVariables(service.variables, environment.overrides, input.overrides),
  };
  const tag = input.tag ?? service.artifact.tag;
  if (tag !== undefined && tag !== '') context.tag = tag;
  if (service.registryAuth !== undefined) context.registryAuth = service.registryAuth;
  if (service.containerName !== undefined) context.containerName = service.containerName;
  if (input.discoveryRecordTypes !== undefined) context.discoveryRecordTypes = input.discoveryRecordTypes;
  const autoScaling = effectiveAutoScaling(service, environment);
  if (autoScaling !== undefined) context.autoScaling = autoScaling;
  return context;
}

/** Both documents of a profile's service in a context: the task definition, then the service that runs it. */
export function renderRequest(service: Service, context: RenderContext, parse?: SpecParser): RenderedRequest {
  const task = renderTaskDefinition(service.containerSpec, context, parse);
  return {task, service: renderServiceDefinition(service.serviceSpec, task.taskDefinition, context, parse)};
}

/** The result for an environment the profile does not have. */
export function unknownEnvironment(input: RenderInput): RenderResult {
  const names = input.profile.environments.map((environment) => environment.name);
  return {
    taskDefinition: undefined,
    service: undefined,
    issues: [
      {
        code: 'unknown-environment',
        severity: 'error',
        source: 'profile',
        path: 'environments',
        message: `Profile "${input.profile.name}" has no environment "${input.environment}"${names.length === 0 ? '' : ` (it has: ${names.join(', ')})`}`,
        fix: names.length === 0 ? 'Add an environment to the profile' : `Use one of: ${names.join(', ')}`,
      },
    ],
  };
}

/**
 * Renders a profile for one environment: the task definition and service to send, and the issues found while
 * rendering — without validating them (`renderAndValidate` does both).
 */
export function render(input: RenderInput, memo?: RenderMemo): RenderResult {
  const rendered = renderedRequest(input, memo);
  if (rendered === undefined) return unknownEnvironment(input);
  const {task, service} = rendered.request;
  return {taskDefinition: task.taskDefinition, service: service.service, issues: [...task.issues, ...service.issues]};
}

/**
 * The renderings of one command's steps that render the same inputs — `diff --simulate` renders the profile for the
 * simulator's seed and then again for the plan — kept so that each is rendered once. Inputs are the same when the
 * profile is the same object and the environment, tag, overrides (by value, in order) and discovery record types (the
 * same object) are; any other input renders anew, reading each spec text parsed once. What is kept is shared, never
 * copied: the steps only read it. A memo lives as long as one command; a profile changed in place after it was
 * rendered must not be rendered through it.
 */
export class RenderMemo {
  private readonly texts = {containerSpec: new Map<string, JsonText>(), serviceSpec: new Map<string, JsonText>()};

  /**
   * The spec texts each parsed once: the seed's two renderings (two tags) and the plan's read the same texts. A parsed
   * text is only read by rendering (see specTree), never changed.
   */
  readonly parse: SpecParser = (text, source) => {
    const kept = this.texts[source];
    let parsed = kept.get(text);
    if (parsed === undefined) kept.set(text, (parsed = parseJsonText(text, source)));
    return parsed;
  };

  private readonly kept: {input: RenderInput; overrides: string; rendered: {context: RenderContext; request: RenderedRequest} | undefined}[] = [];

  /** The kept rendering of `input`, else `make()`'s (kept). */
  get(
    input: RenderInput,
    make: () => {context: RenderContext; request: RenderedRequest} | undefined,
  ): {context: RenderContext; request: RenderedRequest} | undefined {
    const overrides = input.overrides === undefined ? '' : JSON.stringify(Object.entries(input.overrides));
    const found = this.kept.find(
      (entry) =>
        entry.input.profile === input.profile &&
        entry.input.environment === input.environment &&
        entry.input.tag === input.tag &&
        entry.overrides === overrides &&
        entry.input.discoveryRecordTypes === input.discoveryRecordTypes,
    );
    if (found !== undefined) return found.rendered;
    const rendered = make();
    this.kept.push({input: {...input}, overrides, rendered});
    return rendered;
  }
}

/** The context and both documents of `input` (through `memo` when given); undefined for an environment the profile does not have. */
export function renderedRequest(input: RenderInput, memo?: RenderMemo): {context: RenderContext; request: RenderedRequest} | undefined {
  const make = (): {context: RenderContext; request: RenderedRequest} | undefined => {
    const context = renderContext(input);
    return context === undefined ? undefined : {context, request: renderRequest(input.profile.service, context, memo?.parse)};
  };
  return memo === undefined ? make() : memo.get(input, make);
}
