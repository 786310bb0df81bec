/**
 * The setup wizard's answers → a Profile. Shared by the interactive wizard (source/ui/wizard) and
 * `ecs-wizard init` (flags): both fill the same `WizardAnswers`, check each answer with the same functions
 * (a message the person can act on, shown in place or listed by `init`) and assemble the profile here.
 *
 * Pure: no ports, no clock (the time comes in), no I/O. Everything that talks to AWS, the registry or an
 * editor lives in wizard-services.ts.
 */
import type {Issue} from '../domain/issues.js';
import {hasErrors} from '../domain/issues.js';
import type {JsonObject, JsonValue} from '../domain/json.js';
import {isJsonObject} from '../domain/json.js';
import type {ContainerFormAnswers, DiscoveryAnswers, EnvironmentAnswers, WizardAnswers} from '../domain/wizard-answers.js';
import type {
  ArtifactSource,
  ContainerForm,
  ContainerSpec,
  Environment,
  LaunchType,
  NameValue,
  NetworkMode,
  PortMapping,
  Profile,
  RegistryAuth,
  RegistryKind,
  SchedulingStrategy,
  Service,
} from '../domain/model.js';
import {PROFILE_NAME_PATTERN} from '../domain/model.js';
import {defaultFargateContainerSpec, defaultServiceSpec, switchStrategy} from '../domain/defaults.js';
import {formToTaskDefinition} from '../domain/container-form.js';
import {getMember, parseJsonText, setMember, stringifyJsonText} from '../domain/json-text.js';
import {formatImage, isValidRegistryHost, isValidTag, parseImageReference} from '../domain/image.js';
import {CONTAINER_NAME, DOCKER_IMAGE_NAME, EXECUTION_ROLE, VARIABLE_NAME_PATTERN, findPlaceholders, serviceVariable} from '../domain/placeholders.js';
import {lintSpecText, render, type RenderResult} from '../domain/render.js';
import {ARN_DESCRIPTIONS, ARN_EXAMPLES, ECS_NAME_PATTERN, isArn, type ArnKind} from '../domain/validate.js';
import {validateProfile} from '../domain/profile-schema.js';
import {describeFargatePair, isValidFargatePair, nearestValidFargatePair} from '../domain/fargate.js';

/** Docker Hub's registry host, as the seed writes it (`registry.hub.docker.com/library/nginx:stable-perl`). */
export const DOCKER_HUB_HOST = 'registry.hub.docker.com';
/** The name the wizard gives the execution role it creates (the name AWS's docs use). */
export const DEFAULT_EXECUTION_ROLE_NAME = 'ecsTaskExecutionRole';
/** The config variable the wizard offers for the service discovery container port (the seed's example). */
export const CONTAINER_PORT_VARIABLE = 'containerPort';

export type {ContainerFormAnswers, DiscoveryAnswers, DiscoveryUse, EnvironmentAnswers, WizardAnswers} from '../domain/wizard-answers.js';

/** Answer fields, for messages and for `init`'s flags (init-flags.ts maps each to its flag). */
export type AnswerField =
  | 'profileName'
  | 'application'
  | 'serviceName'
  | 'registry'
  | 'registryHost'
  | 'image'
  | 'tag'
  | 'launchType'
  | 'networkMode'
  | 'containerSpec'
  | 'containerForm'
  | 'strategy'
  | 'desiredCount'
  | 'serviceSpec'
  | 'discovery'
  | 'variables'
  | 'registryAuth'
  | 'executionRole'
  | 'environment'
  | 'environment.name'
  | 'environment.region'
  | 'environment.cluster'
  | 'environment.subnets'
  | 'environment.securityGroups'
  | 'environment.executionRole'
  | 'environment.overrides';

export interface WizardProblem {
  field: AnswerField;
  /** Which environment (by index) an `environment.*` problem is about. */
  environment?: number;
  severity: 'error' | 'warning';
  message: string;
  fix?: string;
}

/** A checked answer: the value, or a message saying what is wrong and how to write it. */
export type Checked<T> = {ok: true; value: T; note?: string} | {ok: false; message: string};

const ok = <T>(value: T, note?: string): Checked<T> => (note === undefined ? {ok: true, value} : {ok: true, value, note});
const bad = <T>(message: string): Checked<T> => ({ok: false, message});

// ---------------------------------------------------------------------------------------------------------
// One answer at a time
// ---------------------------------------------------------------------------------------------------------

export function checkApplication(text: string): Checked<string> {
  const name = text.trim();
  if (name === '') return bad('Give the application a name, e.g. "ECS Demo Application"');
  if (name.length > 255) return bad('An application name has at most 255 characters');
  return ok(name);
}

export function checkServiceName(text: string): Checked<string> {
  const name = text.trim();
  if (name === '') return bad('Give the service a name, e.g. web-api');
  if (!ECS_NAME_PATTERN.test(name)) return bad(`"${name}" cannot be an ECS service name: use letters, digits, _ and - (up to 255), e.g. web-api`);
  return ok(name);
}

export function checkProfileName(text: string): Checked<string> {
  const name = text.trim();
  if (!PROFILE_NAME_PATTERN.test(name)) return bad(`"${name}" cannot be a profile name: use letters, digits, - and _ (up to 64, starting with a letter or digit)`);
  return ok(name);
}

export function checkEnvironmentName(text: string, taken: readonly string[] = []): Checked<string> {
  const name = text.trim();
  if (name === '' || name.length > 64) return bad('Give the environment a name of 1 to 64 characters, e.g. production');
  if (taken.includes(name)) return bad(`This profile already has an environment "${name}"`);
  return ok(name);
}

export function checkRegion(text: string): Checked<string> {
  const region = text.trim();
  if (!/^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]$/.test(region)) return bad(`"${region}" is not an AWS region: write it like us-east-1 or eu-west-1`);
  return ok(region);
}

export function checkClusterName(text: string): Checked<string> {
  let cluster = text.trim();
  const arn = /^arn:aws[a-z-]*:ecs:[^:]+:\d{12}:cluster\/(.+)$/.exec(cluster);
  if (arn) cluster = arn[1]!;
  if (cluster === '') return bad('Give the cluster name (a new name is created at deploy time)');
  if (!ECS_NAME_PATTERN.test(cluster)) return bad(`"${cluster}" cannot be a cluster name: use letters, digits, _ and - (up to 255)`);
  return ok(cluster);
}

/** A registry given as `host[:port]` or a URL (`https://host:5000/v2/`) → its host. */
export function checkRegistryHost(text: string): Checked<string> {
  let host = text.trim().replace(/^[a-z]+:\/\//i, '');
  host = host.replace(/\/(v2\/?)?$/, '');
  if (host === '') return bad('Give the registry address, e.g. registry.example.com or localhost:5000');
  if (host.includes('/')) return bad(`"${text.trim()}" has a path: give only the registry address (host or host:port), e.g. registry.example.com:5000`);
  if (!isValidRegistryHost(host)) return bad(`"${host}" is not a registry address: write host or host:port, e.g. registry.example.com:5000`);
  return ok(host);
}

export interface ImageAnswer {
  image: string;
  /** A tag written with the image (`nginx:1.27`): offered as the default tag. */
  tag?: string;
}

/**
 * The image path inside the registry. On Docker Hub a one-part name is an official image (`nginx` →
 * `library/nginx`). A reference naming another registry is refused with what to choose instead.
 */
export function checkImage(registry: RegistryKind, text: string, host?: string): Checked<ImageAnswer> {
  const written = text.trim();
  if (written === '') return bad(registry === 'dockerhub' ? 'Give the image name, e.g. library/nginx (or just nginx)' : 'Give the image name, e.g. team/api');
  const parsed = parseImageReference(written);
  if (parsed === undefined) {
    if (/[A-Z]/.test(written)) return bad(`"${written}" has capital letters: image names are lower case`);
    return bad(`"${written}" is not an image name: lower-case letters, digits and . _ - separated by /, e.g. team/api`);
  }
  if (parsed.host !== '') {
    const sameHost = host !== undefined && parsed.host === host;
    const hub = registry === 'dockerhub' && parsed.registry === 'dockerhub';
    if (!sameHost && !hub) {
      return bad(`"${written}" names the registry ${parsed.host}: give the image path only (e.g. ${parsed.image}), or go back (esc) and choose ${parsed.registry === 'ecr' ? 'Amazon ECR' : 'a private registry'}`);
    }
  }
  let image = parsed.image;
  let note: string | undefined;
  if (registry === 'dockerhub' && !image.includes('/')) {
    image = `library/${image}`;
    note = `official Docker Hub images live under library/: ${image}`;
  }
  const answer: ImageAnswer = parsed.tag === undefined ? {image} : {image, tag: parsed.tag};
  return ok(answer, note);
}

/** An ECR repository given as its URI (`123456789012.dkr.ecr.us-east-1.amazonaws.com/team/api`). */
export function checkEcrRepositoryUri(text: string): Checked<{host: string; image: string; tag?: string}> {
  const parsed = parseImageReference(text.trim());
  if (parsed === undefined || parsed.registry !== 'ecr') {
    return bad(`"${text.trim()}" is not an ECR repository URI: write it like 123456789012.dkr.ecr.us-east-1.amazonaws.com/team/api`);
  }
  return ok(parsed.tag === undefined ? {host: parsed.host, image: parsed.image} : {host: parsed.host, image: parsed.image, tag: parsed.tag});
}

export function checkTag(text: string): Checked<string> {
  const tag = text.trim();
  if (tag === '') return bad('Give a tag, e.g. latest or 1.4.2 (it is only the default: every run asks again)');
  if (!isValidTag(tag)) return bad(`"${tag}" is not a tag (letters, digits, _ . -, up to 128, not starting with . or -) or a digest (sha256:…)`);
  return ok(tag);
}

/** A whole number in [min, max]; empty text is `undefined` when the answer is optional. */
export function checkInteger(text: string, what: string, options: {min: number; max?: number; optional?: boolean}): Checked<number | undefined> {
  const written = text.trim();
  if (written === '') return options.optional ? ok(undefined) : bad(`Give ${what}`);
  if (!/^\d+$/.test(written)) return bad(`${what[0]!.toUpperCase()}${what.slice(1)} must be a whole number, found "${written}"`);
  const value = Number(written);
  const max = options.max ?? Number.MAX_SAFE_INTEGER;
  if (value < options.min || value > max) {
    return bad(`${what[0]!.toUpperCase()}${what.slice(1)} must be ${max === Number.MAX_SAFE_INTEGER ? `at least ${options.min}` : `between ${options.min} and ${max}`}, found ${value}`);
  }
  return ok(value);
}

/** `80`, `80/udp`, `8080:80` (host:container, bridge/host only), `8080:80/tcp`. */
export function parsePortMapping(text: string, networkMode?: NetworkMode): Checked<PortMapping> {
  const written = text.trim();
  const match = /^(?:(\d+):)?(\d+)(?:\/(tcp|udp))?$/i.exec(written);
  if (!match) return bad(`"${written}" is not a port mapping: write the container port, e.g. 80 or 53/udp (or 8080:80 for host port 8080)`);
  const containerPort = Number(match[2]);
  const hostPort = match[1] === undefined ? undefined : Number(match[1]);
  const protocol = (match[3]?.toLowerCase() ?? 'tcp') as 'tcp' | 'udp';
  if (containerPort < 1 || containerPort > 65535) return bad(`Port ${containerPort} is out of range (1–65535)`);
  if (hostPort !== undefined && hostPort > 65535) return bad(`Host port ${hostPort} is out of range (0–65535; 0 = dynamic)`);
  if (hostPort !== undefined && networkMode === 'awsvpc' && hostPort !== containerPort) {
    return bad(`Under awsvpc the host port must equal the container port (or be left out): write ${containerPort}`);
  }
  return ok(hostPort === undefined ? {containerPort, protocol} : {containerPort, hostPort, protocol});
}

export const formatPortMapping = (mapping: PortMapping): string =>
  `${mapping.hostPort === undefined ? '' : `${mapping.hostPort}:`}${mapping.containerPort}${mapping.protocol === 'tcp' ? '' : `/${mapping.protocol}`}`;

/** `NAME=VALUE` (the value may be empty and may hold `=`). */
export function parseNameValue(text: string, options: {variable?: boolean} = {}): Checked<NameValue> {
  const written = text.trim();
  const equals = written.indexOf('=');
  if (equals <= 0) return bad(`"${written}" is not NAME=VALUE, e.g. ${options.variable ? 'containerPort=8080' : 'LOG_LEVEL=info'}`);
  const name = written.slice(0, equals).trim();
  const value = written.slice(equals + 1);
  if (options.variable && !VARIABLE_NAME_PATTERN.test(name)) return bad(`"${name}" is not a variable name: a letter or _, then letters, digits and _`);
  if (!options.variable && !/^[^=\0\s]+$/.test(name)) return bad(`"${name}" is not an environment variable name`);
  return ok({name, value});
}

export function checkArnAnswer(kind: ArnKind, text: string, what: string): Checked<string> {
  const arn = text.trim();
  if (arn === '') return bad(`Give ${what}: ${ARN_DESCRIPTIONS[kind]} like ${ARN_EXAMPLES[kind]}`);
  if (!isArn(kind, arn)) return bad(`"${arn}" is not ${ARN_DESCRIPTIONS[kind]}: write it like ${ARN_EXAMPLES[kind]}`);
  return ok(arn);
}

/** Subnet or security group ids, comma or space separated. */
export function parseIds(text: string, kind: 'subnet' | 'sg'): Checked<string[]> {
  const ids = text.split(/[\s,]+/).map((id) => id.trim()).filter((id) => id !== '');
  const pattern = kind === 'subnet' ? /^subnet-[0-9a-f]{8,17}$/ : /^sg-[0-9a-f]{8,17}$/;
  const wrong = ids.find((id) => !pattern.test(id));
  if (wrong !== undefined) return bad(`"${wrong}" is not a ${kind === 'subnet' ? 'subnet id (subnet-0123abcd…)' : 'security group id (sg-0123abcd…)'}`);
  if (ids.length === 0) return bad(kind === 'subnet' ? 'Choose at least one subnet' : 'Choose at least one security group');
  return ok([...new Set(ids)]);
}

// ---------------------------------------------------------------------------------------------------------
// Derived values
// ---------------------------------------------------------------------------------------------------------

/** The artifact source of the answers (undefined until registry and image are answered). */
export function artifactOf(answers: WizardAnswers): ArtifactSource | undefined {
  const {registry, image} = answers;
  if (registry === undefined || image === undefined) return undefined;
  const host = registry === 'dockerhub' ? DOCKER_HUB_HOST : answers.registryHost;
  if (host === undefined) return undefined;
  const artifact: ArtifactSource = {registry, host, image};
  if (answers.tag !== undefined) artifact.tag = answers.tag;
  if (registry === 'registry' && answers.registryUsername) artifact.username = answers.registryUsername;
  return artifact;
}

export const imageLabel = (answers: WizardAnswers): string => {
  const artifact = artifactOf(answers);
  return artifact === undefined ? '' : formatImage(artifact, answers.tag);
};

/** Does the artifact need private registry authentication? (a private v2 registry) */
export const needsRegistryAuth = (answers: WizardAnswers): boolean => answers.registry === 'registry';

/** The container form the answers describe (EC2, simplified). */
export function containerFormOf(answers: WizardAnswers): ContainerForm {
  const form = answers.containerForm ?? {ports: [], environment: []};
  const result: ContainerForm = {
    name: CONTAINER_NAME,
    portMappings: form.ports,
    environment: form.environment,
    essential: true,
    networkMode: answers.networkMode ?? 'bridge',
  };
  if (form.cpu !== undefined) result.cpu = form.cpu;
  if (form.memory !== undefined) result.memory = form.memory;
  if (form.memoryReservation !== undefined) result.memoryReservation = form.memoryReservation;
  return result;
}

export function containerSpecOf(answers: WizardAnswers): ContainerSpec | undefined {
  if (answers.containerMode === 'form') return {mode: 'form', form: containerFormOf(answers)};
  if (answers.containerMode === 'json' && answers.containerJson !== undefined) return {mode: 'json', json: answers.containerJson};
  return undefined;
}

/** The task's network mode: Fargate → awsvpc; advanced JSON → its networkMode (ECS's default when absent). */
export function taskNetworkMode(answers: WizardAnswers): NetworkMode {
  if (answers.launchType === 'FARGATE') return 'awsvpc';
  if (answers.containerMode === 'json' && answers.containerJson !== undefined) {
    const parsed = parseJsonText(answers.containerJson, 'containerSpec');
    const mode = isJsonObject(parsed.value) ? getMember(parsed.value, 'networkMode') : undefined;
    if (mode === 'awsvpc' || mode === 'bridge' || mode === 'host') return mode;
    if (mode === undefined) return 'bridge';
  }
  return answers.networkMode ?? 'bridge';
}

export interface SpecContainer {
  name: string;
  /** Mapped container ports: numbers, or placeholders (`${serviceVariable.containerPort}`). */
  ports: Array<number | string>;
}

/** The containers of the container specification and their mapped ports (for the discovery questions). */
export function specContainers(answers: WizardAnswers): SpecContainer[] {
  const spec = containerSpecOf(answers);
  if (spec === undefined) return [];
  let tree: JsonValue | undefined;
  if (spec.mode === 'form') tree = formToTaskDefinition(spec.form);
  else tree = parseJsonText(spec.json, 'containerSpec').value;
  const containers = isJsonObject(tree) ? getMember(tree, 'containerDefinitions') : undefined;
  if (!Array.isArray(containers)) return [];
  return containers.filter(isJsonObject).map((container) => {
    const name = getMember(container, 'name');
    const mappings = getMember(container, 'portMappings');
    const ports = Array.isArray(mappings)
      ? mappings.filter(isJsonObject).map((mapping) => getMember(mapping, 'containerPort')).filter((port): port is number | string => typeof port === 'number' || typeof port === 'string')
      : [];
    return {name: typeof name === 'string' ? name : '', ports};
  });
}

/** A port as the variables resolve it: `${serviceVariable.containerPort}` with containerPort=8080 → 8080. */
export function resolvePort(port: number | string, variables: Readonly<Record<string, string>> = {}): number | undefined {
  if (typeof port === 'number') return port;
  const match = /^\$\{serviceVariable\.([A-Za-z_][A-Za-z0-9_-]*)\}$/.exec(port);
  const value = match ? variables[match[1]!] : undefined;
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

/**
 * What the seed allows in `serviceRegistries` for a network mode and the Cloud Map service's records:
 * - `either`: awsvpc + SRV → containerName and containerPort, or port (never both);
 * - `container`: bridge/host + SRV → containerName and containerPort are required;
 * - `none`: awsvpc + A records only → nothing needed;
 * - `needs-srv`: bridge/host + A records only → not possible (SRV records are needed);
 * - `unknown`: the record types are not known.
 */
export type DiscoveryRule = 'either' | 'container' | 'none' | 'needs-srv' | 'unknown';

export function discoveryRule(networkMode: NetworkMode, recordTypes: readonly string[] | undefined): DiscoveryRule {
  if (recordTypes === undefined) return 'unknown';
  const srv = recordTypes.includes('SRV');
  if (networkMode === 'awsvpc') return srv ? 'either' : 'none';
  return srv ? 'container' : 'needs-srv';
}

export const DISCOVERY_RULE_TEXT: Record<DiscoveryRule, string> = {
  either: 'awsvpc with SRV records: give containerName and containerPort, or port alone — not both',
  container: 'SRV records without awsvpc: containerName and containerPort are required',
  none: 'awsvpc with A records only: containerName, containerPort and port are not needed',
  'needs-srv': 'without awsvpc, service discovery needs a Cloud Map service with SRV records; this one has A records only',
  unknown: 'the Cloud Map service\'s record types are not known',
};

/** Checks a discovery containerPort against the container's mapped ports (resolving config variables). */
export function checkDiscoveryPort(containers: readonly SpecContainer[], containerName: string, port: number | string, variables: Readonly<Record<string, string>> = {}): Checked<number | string> {
  const container = containers.find((candidate) => candidate.name === containerName);
  if (container === undefined) {
    return bad(`"${containerName}" is not a container of the container specification (containers: ${containers.map((c) => c.name).join(', ') || 'none'})`);
  }
  if (typeof port === 'string' && container.ports.includes(port)) return ok(port);
  const wanted = resolvePort(port, variables);
  const mapped = container.ports.map((candidate) => resolvePort(candidate, variables));
  if (wanted !== undefined && mapped.includes(wanted)) return ok(port);
  const shown = container.ports.map((candidate) => (typeof candidate === 'number' ? String(candidate) : `${candidate}${resolvePort(candidate, variables) === undefined ? '' : ` = ${resolvePort(candidate, variables)}`}`));
  if (shown.length === 0) {
    return bad(`Port ${typeof port === 'number' ? port : port} is not mapped: container "${containerName}" maps no ports. Go back (esc) to the container specification and add a port mapping`);
  }
  return bad(`Port ${port} is not a port mapping of container "${containerName}" (its ports: ${shown.join(', ')})`);
}

// ---------------------------------------------------------------------------------------------------------
// The service specification
// ---------------------------------------------------------------------------------------------------------

export interface ComposedSpec {
  text: string;
  issues: Issue[];
  /** What switching to DAEMON removed (desiredCount, placementStrategy). */
  removed: string[];
}

/**
 * The service specification text of the answers: the person's own JSON (edited or imported) or the seed's
 * default for the strategy, switched to the chosen strategy, with the desired count and the service
 * registry written in. Unquoted placeholders are kept.
 */
export function composeServiceSpec(answers: WizardAnswers): ComposedSpec {
  const strategy = answers.strategy ?? 'REPLICA';
  const base = answers.serviceSpecJson ?? defaultServiceSpec(strategy);
  const switched = switchStrategy(base, strategy);
  const parsed = parseJsonText(switched.text, 'serviceSpec');
  if (!isJsonObject(parsed.value)) return {text: switched.text, issues: switched.issues.length > 0 ? switched.issues : parsed.issues, removed: switched.removed};
  const spec = parsed.value;
  const unquoted = new Set(parsed.unquoted);
  const result: JsonObject = {};
  for (const key of Object.keys(spec)) {
    if (key === 'serviceRegistries' && answers.discovery !== undefined) continue;
    if (key === 'desiredCount' && strategy === 'REPLICA' && answers.desiredCount !== undefined) {
      setMember(result, key, answers.desiredCount);
      unquoted.delete('desiredCount');
      continue;
    }
    setMember(result, key, getMember(spec, key) as JsonValue);
  }
  if (strategy === 'REPLICA' && answers.desiredCount !== undefined && getMember(result, 'desiredCount') === undefined) result.desiredCount = answers.desiredCount;
  for (const path of [...unquoted]) if (path.startsWith('serviceRegistries') && answers.discovery !== undefined) unquoted.delete(path);
  if (answers.discovery) {
    const entry: JsonObject = {registryArn: answers.discovery.registryArn};
    const discovery = answers.discovery;
    if (discovery.use === 'container') {
      if (discovery.containerName !== undefined) entry.containerName = discovery.containerName;
      const port = discoveryContainerPortValue(answers);
      if (port !== undefined) {
        entry.containerPort = port;
        if (typeof port === 'string') unquoted.add('serviceRegistries[0].containerPort');
      }
    } else if (discovery.use === 'port' && discovery.port !== undefined) {
      entry.port = discovery.port;
    }
    result.serviceRegistries = [entry];
  }
  return {text: stringifyJsonText(result, {unquoted}), issues: switched.issues, removed: switched.removed};
}

/**
 * The value written as the registry's containerPort: the seed writes `${serviceVariable.containerPort}` and
 * defines containerPort as a config variable; the wizard does so when that variable holds the chosen port.
 */
export function discoveryContainerPortValue(answers: WizardAnswers): number | string | undefined {
  const port = answers.discovery?.containerPort;
  if (port === undefined || typeof port === 'string') return port;
  const variable = answers.variables?.[CONTAINER_PORT_VARIABLE];
  return variable === String(port) ? serviceVariable(CONTAINER_PORT_VARIABLE) : port;
}

/** True when the service specification has a networkConfiguration (the environment's replaces it). */
export function specHasNetworkConfiguration(text: string): boolean {
  const parsed = parseJsonText(text, 'serviceSpec');
  return isJsonObject(parsed.value) && getMember(parsed.value, 'networkConfiguration') !== undefined;
}

/** Strategy and desired count as written in a service specification text (to read back an edited spec). */
export function readStrategy(text: string): {strategy?: SchedulingStrategy; desiredCount?: number} {
  const parsed = parseJsonText(text, 'serviceSpec');
  if (!isJsonObject(parsed.value)) return {};
  const strategy = getMember(parsed.value, 'schedulingStrategy');
  const count = getMember(parsed.value, 'desiredCount');
  return {
    ...(strategy === 'REPLICA' || strategy === 'DAEMON' ? {strategy} : {}),
    ...(typeof count === 'number' && Number.isInteger(count) ? {desiredCount: count} : {}),
  };
}

/** The service registry written in a spec text (to pre-fill the discovery answers of an imported spec). */
export function readDiscovery(text: string): DiscoveryAnswers | undefined {
  const parsed = parseJsonText(text, 'serviceSpec');
  if (!isJsonObject(parsed.value)) return undefined;
  const registries = getMember(parsed.value, 'serviceRegistries');
  const entry = Array.isArray(registries) ? registries[0] : undefined;
  if (!isJsonObject(entry) || typeof getMember(entry, 'registryArn') !== 'string') return undefined;
  const discovery: DiscoveryAnswers = {registryArn: getMember(entry, 'registryArn') as string};
  const name = getMember(entry, 'containerName');
  const containerPort = getMember(entry, 'containerPort');
  const port = getMember(entry, 'port');
  if (typeof name === 'string' || containerPort !== undefined) {
    discovery.use = 'container';
    if (typeof name === 'string') discovery.containerName = name;
    if (typeof containerPort === 'number' || typeof containerPort === 'string') discovery.containerPort = containerPort;
  } else if (typeof port === 'number') {
    discovery.use = 'port';
    discovery.port = port;
  }
  return discovery;
}

// ---------------------------------------------------------------------------------------------------------
// Advanced container JSON
// ---------------------------------------------------------------------------------------------------------

/**
 * A starting point for Advanced JSON: the template (or the form, when switching from it) with the chosen
 * network mode, and for Fargate the task size and `${EXECUTION_ROLE}`.
 */
export function startingContainerJson(answers: WizardAnswers, template?: string): string {
  const fargate = answers.launchType === 'FARGATE';
  const text = template ?? (fargate ? defaultFargateContainerSpec() : stringifyJsonText(formToTaskDefinition(containerFormOf(answers))));
  const addRole = !fargate && needsRegistryAuth(answers);
  if (fargate || (answers.networkMode === undefined && !addRole)) return text;
  const parsed = parseJsonText(text, 'containerSpec');
  if (!isJsonObject(parsed.value)) return text;
  const copy: JsonObject = {};
  for (const key of Object.keys(parsed.value)) setMember(copy, key, key === 'networkMode' && answers.networkMode !== undefined ? answers.networkMode : (getMember(parsed.value, key) as JsonValue));
  if (addRole && getMember(copy, 'executionRoleArn') === undefined) copy.executionRoleArn = EXECUTION_ROLE;
  const unquoted = new Set(parsed.unquoted);
  if (answers.networkMode === 'awsvpc') {
    // Under awsvpc a host port must equal the container port or be left out: the template's dynamic 0 goes.
    const containers = getMember(copy, 'containerDefinitions');
    (Array.isArray(containers) ? containers : []).forEach((container, index) => {
      const mappings = isJsonObject(container) ? getMember(container, 'portMappings') : undefined;
      (Array.isArray(mappings) ? mappings : []).forEach((mapping, at) => {
        if (isJsonObject(mapping) && getMember(mapping, 'hostPort') === 0) {
          delete mapping.hostPort;
          unquoted.delete(`containerDefinitions[${index}].portMappings[${at}].hostPort`);
        }
      });
    });
  }
  return stringifyJsonText(copy, {unquoted});
}

/** Syntax, placeholder and launch-type issues of an Advanced JSON text on its own (with line/column). */
export function lintContainerJson(text: string, launchType: LaunchType | undefined, options: {needsExecutionRole?: boolean} = {}): Issue[] {
  const issues = lintSpecText(text, 'containerSpec');
  if (hasErrors(issues)) return issues;
  const parsed = parseJsonText(text, 'containerSpec');
  if (!isJsonObject(parsed.value)) {
    return [{code: 'wrong-type', severity: 'error', source: 'containerSpec', path: '', message: 'The container specification must be a JSON object (a task definition)', line: 1, column: 1}];
  }
  const task = parsed.value;
  const at = (path: string): {line?: number; column?: number} => {
    const position = parsed.positions.get(path);
    return position === undefined ? {} : {line: position.line, column: position.column};
  };
  const containers = getMember(task, 'containerDefinitions');
  if (!Array.isArray(containers) || containers.length === 0) {
    issues.push({code: 'missing-field', severity: 'error', source: 'containerSpec', path: 'containerDefinitions', message: 'containerDefinitions must list at least one container', fix: 'Start again from the template', ...at('containerDefinitions')});
  }
  if (options.needsExecutionRole && launchType !== 'FARGATE' && getMember(task, 'executionRoleArn') === undefined) {
    issues.push({code: 'execution-role-required', severity: 'error', source: 'containerSpec', path: 'executionRoleArn', message: 'Private registry authentication needs a task execution role to read the credentials secret: add "executionRoleArn": "${EXECUTION_ROLE}"', fix: `Add "executionRoleArn": "${EXECUTION_ROLE}"`, line: 1, column: 1});
  }
  if (launchType === 'FARGATE') {
    const role = getMember(task, 'executionRoleArn');
    if (role === undefined) {
      issues.push({code: 'fargate-execution-role', severity: 'error', source: 'containerSpec', path: 'executionRoleArn', message: 'Fargate needs "executionRoleArn": "${EXECUTION_ROLE}" (the seed: Advanced Settings is required for Fargate because of it)', fix: `Add "executionRoleArn": "${EXECUTION_ROLE}"`, line: 1, column: 1});
    }
    const mode = getMember(task, 'networkMode');
    if (mode !== undefined && mode !== 'awsvpc') {
      issues.push({code: 'fargate-network-mode', severity: 'error', source: 'containerSpec', path: 'networkMode', message: `Fargate tasks use the awsvpc network mode, found "${String(mode)}"`, fix: 'Write "networkMode": "awsvpc"', ...at('networkMode')});
    }
    const cpu = getMember(task, 'cpu');
    const memory = getMember(task, 'memory');
    if (cpu === undefined || memory === undefined) {
      issues.push({code: 'fargate-task-size', severity: 'error', source: 'containerSpec', path: cpu === undefined ? 'cpu' : 'memory', message: 'Fargate needs task-level "cpu" and "memory", e.g. "cpu": "256", "memory": "512"', fix: 'Add task-level cpu and memory', line: 1, column: 1});
    } else if (typeof cpu !== 'string' || !cpu.includes('${')) {
      if (!(typeof memory === 'string' && memory.includes('${')) && !isValidFargatePair(cpu, memory)) {
        issues.push({code: 'fargate-cpu-memory', severity: 'error', source: 'containerSpec', path: 'memory', message: `cpu ${String(cpu)} with memory ${String(memory)} is not a Fargate task size; the nearest valid one is ${describeFargatePair(nearestValidFargatePair(cpu, memory))}`, ...at('memory')});
      }
    }
  }
  return issues;
}

// ---------------------------------------------------------------------------------------------------------
// The profile
// ---------------------------------------------------------------------------------------------------------

export function environmentOf(answers: EnvironmentAnswers, service: {launchType: LaunchType; networkMode: NetworkMode}, fallbackRole?: string): Environment {
  const launchType = answers.launchType ?? service.launchType;
  const environment: Environment = {
    name: answers.name ?? '',
    region: answers.region ?? '',
    cluster: answers.cluster ?? '',
    launchType,
    overrides: {...answers.overrides},
  };
  if (service.networkMode === 'awsvpc') {
    environment.network = {
      subnets: [...(answers.subnets ?? [])],
      securityGroups: [...(answers.securityGroups ?? [])],
      assignPublicIp: launchType === 'FARGATE' && answers.assignPublicIp === true,
    };
  }
  const role = answers.executionRoleArn ?? fallbackRole;
  if (role !== undefined && role !== '') environment.executionRoleArn = role;
  return environment;
}

/** Does the container specification use `${EXECUTION_ROLE}`? (then every environment needs a role) */
export function usesExecutionRolePlaceholder(answers: WizardAnswers): boolean {
  if (answers.launchType === 'FARGATE') return true;
  if (answers.containerMode !== 'json' || answers.containerJson === undefined) return false;
  return answers.containerJson.includes(EXECUTION_ROLE);
}

/** Config variables referenced in the specifications with no value (in the service's variables). */
export function missingVariables(answers: WizardAnswers): string[] {
  const names = new Set<string>();
  const texts = [answers.containerMode === 'json' ? answers.containerJson : undefined, composeServiceSpec(answers).text];
  for (const text of texts) {
    if (text === undefined) continue;
    const parsed = parseJsonText(text, 'containerSpec');
    if (parsed.value === undefined) continue;
    for (const use of findPlaceholders(parsed.value, parsed.unquoted)) {
      if (use.kind === 'serviceVariable' && use.variable !== undefined) names.add(use.variable);
    }
  }
  return [...names].filter((name) => answers.variables?.[name] === undefined).sort();
}

export function serviceOf(answers: WizardAnswers): Service | undefined {
  const artifact = artifactOf(answers);
  const containerSpec = containerSpecOf(answers);
  if (answers.serviceName === undefined || artifact === undefined || containerSpec === undefined || answers.launchType === undefined) return undefined;
  const service: Service = {
    name: answers.serviceName,
    artifact,
    launchType: answers.launchType,
    containerSpec,
    serviceSpec: composeServiceSpec(answers).text,
    variables: {...answers.variables},
  };
  if (answers.registryAuth) service.registryAuth = answers.registryAuth.kmsKeyArn ? {...answers.registryAuth} : {credentialsSecretArn: answers.registryAuth.credentialsSecretArn};
  return service;
}

/** The profile name suggested at the end: the service name, made a valid profile name. */
export function suggestProfileName(answers: WizardAnswers, taken: readonly string[] = []): string {
  const base = (answers.serviceName ?? answers.application ?? 'my-service').replace(/[^A-Za-z0-9_-]/g, '-').replace(/^[^A-Za-z0-9]+/, '').slice(0, 60) || 'my-service';
  if (!taken.includes(base)) return base;
  for (let index = 2; ; index += 1) if (!taken.includes(`${base}-${index}`)) return `${base}-${index}`;
}

/** What is still missing for a profile, as fields (init lists their flags). */
export function missingAnswers(answers: WizardAnswers): WizardProblem[] {
  const problems: WizardProblem[] = [];
  const need = (field: AnswerField, message: string, environment?: number): void => {
    problems.push(environment === undefined ? {field, severity: 'error', message} : {field, environment, severity: 'error', message});
  };
  if (answers.application === undefined) need('application', 'the application name is missing');
  if (answers.serviceName === undefined) need('serviceName', 'the service name is missing');
  if (answers.registry === 'registry' && answers.registryHost === undefined) need('registryHost', 'the private registry address is missing');
  if (answers.registry === 'ecr' && answers.registryHost === undefined && answers.image !== undefined) need('image', 'the ECR repository URI is missing (the repository name alone was given and ECR could not be asked)');
  if (answers.image === undefined) need('image', 'the image name is missing');
  if (answers.tag === undefined) need('tag', 'the default image tag is missing');
  if (answers.launchType === undefined) need('launchType', 'the launch type (EC2 or FARGATE) is missing');
  if (answers.containerMode === 'json' && answers.containerJson === undefined) need('containerSpec', 'the Advanced container specification (JSON) is missing');
  if (answers.discovery && answers.discovery.use === undefined) {
    const rule = discoveryRule(taskNetworkMode(answers), answers.discovery.recordTypes);
    if (rule === 'container') need('discovery', 'service discovery without awsvpc needs containerName and containerPort: the container port is missing');
  }
  if (needsRegistryAuth(answers) && answers.registryAuth === undefined) need('registryAuth', 'the private registry needs a Secrets Manager secret with its credentials');
  const environments = answers.environments ?? [];
  if (environments.length === 0) need('environment', 'no environment: name at least one (where the service runs)');
  const networkMode = answers.launchType === undefined ? undefined : taskNetworkMode(answers);
  environments.forEach((environment, index) => {
    if (environment.name === undefined) need('environment.name', 'the environment name is missing', index);
    if (environment.region === undefined) need('environment.region', 'the region is missing', index);
    if (environment.cluster === undefined) need('environment.cluster', 'the cluster is missing', index);
    if (networkMode === 'awsvpc') {
      if ((environment.subnets ?? []).length === 0) need('environment.subnets', 'awsvpc needs subnets', index);
      if ((environment.securityGroups ?? []).length === 0) need('environment.securityGroups', 'awsvpc needs security groups', index);
    }
    if (usesExecutionRolePlaceholder(answers) && (environment.executionRoleArn ?? answers.executionRoleArn) === undefined) {
      need('environment.executionRole', `the task execution role is missing (${answers.launchType === 'FARGATE' ? 'Fargate requires one' : 'the container specification uses ${EXECUTION_ROLE}'})`, index);
    }
  });
  return problems;
}

export interface AssembledProfile {
  profile?: Profile;
  /** Missing answers and answers that do not validate. */
  problems: WizardProblem[];
  /** Rendering issues per environment name (paths, line/column). */
  issues: Record<string, Issue[]>;
}

/** Which answer a rendering issue is about (to send the person back to it). */
export function fieldOfIssue(issue: Issue): AnswerField {
  if (issue.source === 'containerSpec') return 'containerSpec';
  if (issue.source === 'serviceSpec') return issue.path.startsWith('serviceRegistries') ? 'discovery' : 'serviceSpec';
  if (issue.source === 'variables') return 'variables';
  if (issue.source === 'environment') {
    if (issue.path.startsWith('network.subnets')) return 'environment.subnets';
    if (issue.path.startsWith('network.securityGroups')) return 'environment.securityGroups';
    if (issue.path.startsWith('overrides')) return 'environment.overrides';
    if (issue.path.startsWith('executionRoleArn')) return 'environment.executionRole';
    return 'environment';
  }
  if (issue.path.includes('registryAuth')) return 'registryAuth';
  if (issue.path.includes('artifact.tag')) return 'tag';
  if (issue.path.includes('artifact')) return 'image';
  return 'environment';
}

/**
 * The profile of complete answers, with every problem: missing answers, the profile schema, and the
 * rendering of each environment (errors block saving; warnings are shown).
 */
export function assembleProfile(answers: WizardAnswers, options: {name?: string; now: string; discoveryRecordTypes?: Record<string, readonly string[]>}): AssembledProfile {
  const problems = missingAnswers(answers);
  const service = serviceOf(answers);
  const name = options.name ?? answers.profileName ?? suggestProfileName(answers);
  const nameCheck = checkProfileName(name);
  if (!nameCheck.ok) problems.push({field: 'profileName', severity: 'error', message: nameCheck.message});
  if (service === undefined || answers.application === undefined || problems.some((problem) => problem.severity === 'error')) return {problems, issues: {}};
  const networkMode = taskNetworkMode(answers);
  const environments = (answers.environments ?? []).map((environment) => environmentOf(environment, {launchType: service.launchType, networkMode}, answers.executionRoleArn));
  const profile: Profile = {name, application: answers.application, service, environments, runs: [], createdAt: options.now, updatedAt: options.now};
  const schema = validateProfile(profile);
  for (const issue of schema.issues) {
    if (issue.severity === 'info') continue;
    problems.push({field: fieldOfIssue(issue), severity: issue.severity, message: `${issue.path}: ${issue.message}`, ...(issue.fix ? {fix: issue.fix} : {})});
  }
  const issues: Record<string, Issue[]> = {};
  const recordTypes = {...options.discoveryRecordTypes};
  if (answers.discovery?.recordTypes !== undefined) recordTypes[answers.discovery.registryArn] = answers.discovery.recordTypes;
  for (const environment of environments) {
    issues[environment.name] = reviewEnvironment(profile, environment.name, recordTypes).issues;
  }
  return {profile, problems, issues};
}

/** Renders the profile for one environment (the review step and `init`). */
export function reviewEnvironment(profile: Profile, environment: string, discoveryRecordTypes?: Record<string, readonly string[]>): RenderResult {
  return render({profile, environment, ...(discoveryRecordTypes === undefined ? {} : {discoveryRecordTypes})});
}

/** All errors of an assembled profile (problems and rendering issues), for `init` and the save button. */
export function blockingCount(assembled: AssembledProfile): number {
  return assembled.problems.filter((problem) => problem.severity === 'error').length + Object.values(assembled.issues).flat().filter((issue) => issue.severity === 'error').length;
}

/** JSON with one-element arrays on one line (policies are shorter to read that way). */
export const compactJson = (value: unknown): string => JSON.stringify(value, null, 2).replace(/\[\n\s+("[^"\n]*")\n\s+\]/g, '[$1]');

/** `DOCKER_IMAGE_NAME` reminder: the container spec must use it (the seed: required). */
export const IMAGE_PLACEHOLDER = DOCKER_IMAGE_NAME;
