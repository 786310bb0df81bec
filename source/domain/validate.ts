/**
 * Validation of the container specification (a RegisterTaskDefinition input), the service specification
 * (a CreateService input) and the profile parts they depend on. Every rule reports a located Issue
 * (code, severity, source, JSON path, message, fix); none throws, whatever the shape of its input:
 * arrays where objects belong, strings where numbers belong and nulls all give issues.
 *
 * The documents validated here are the RENDERED ones (placeholders replaced, see render.ts); a value that
 * still holds a `${…}` could not be replaced, was reported by the substitution, and is not checked again.
 * What can be said of the UNRENDERED spec (the required `${DOCKER_IMAGE_NAME}`, unknown placeholders) is in
 * spec-lint.ts. `validateRequest` is the one entry for a rendered request (see render-and-validate.ts);
 * it does not render anything itself.
 */
import type {Issue, IssueSource, Severity} from './issues.js';
import type {JsonObject, JsonValue} from './json.js';
import {isJsonObject} from './json.js';
import type {ArtifactSource, AwsVpcNetwork, Environment, LaunchType, NetworkMode, RegistryAuth} from './model.js';
import type {JsonText} from './json-text.js';
import {getMember, joinPath, locateIssues} from './json-text.js';
import {describeFargatePair, isValidFargatePair, nearestValidFargatePair, parseCpuUnits, parseMemoryMiB} from './fargate.js';
import {formatImage, isValidImagePath, isValidRegistryHost, isValidTag, parseImageReference} from './image.js';
import {DOCKER_IMAGE_NAME, EXECUTION_ROLE, VARIABLE_NAME_PATTERN, containsPlaceholder} from './placeholders.js';
import {effectiveNetworkMode} from './network-mode.js';

/** ARN formats checked before anything is sent to AWS. */
export const ARN_KINDS = ['iamRole', 'secretsManagerSecret', 'cloudMapService', 'kmsKey', 'ssmParameter'] as const;
export type ArnKind = (typeof ARN_KINDS)[number];

const PARTITION = 'aws(?:-cn|-us-gov|-iso|-iso-[a-z])?';
const REGION = '[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-[0-9]';
const ACCOUNT = '[0-9]{12}';

const PATTERNS: Record<ArnKind, RegExp> = {
  iamRole: new RegExp(`^arn:${PARTITION}:iam::${ACCOUNT}:role/(?:[\\w+=,.@-]+/)*[\\w+=,.@-]{1,64}$`),
  secretsManagerSecret: new RegExp(`^arn:${PARTITION}:secretsmanager:${REGION}:${ACCOUNT}:secret:[\\w/+=.@-]{1,512}$`),
  cloudMapService: new RegExp(`^arn:${PARTITION}:servicediscovery:${REGION}:${ACCOUNT}:service/srv-[a-z0-9]{1,64}$`),
  kmsKey: new RegExp(`^arn:${PARTITION}:kms:${REGION}:${ACCOUNT}:key/(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$`),
  ssmParameter: new RegExp(`^arn:${PARTITION}:ssm:${REGION}:${ACCOUNT}:parameter/[\\w/.-]{1,2048}$`),
};

/** What each ARN looks like, for messages. */
export const ARN_EXAMPLES: Record<ArnKind, string> = {
  iamRole: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
  secretsManagerSecret: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:registry-credentials-AbCdEf',
  cloudMapService: 'arn:aws:servicediscovery:us-east-1:123456789012:service/srv-jwyz2x4igkxckqno',
  kmsKey: 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
  ssmParameter: 'arn:aws:ssm:us-east-1:123456789012:parameter/app/password',
};

export const ARN_DESCRIPTIONS: Record<ArnKind, string> = {
  iamRole: 'an IAM role ARN',
  secretsManagerSecret: 'a Secrets Manager secret ARN',
  cloudMapService: 'a Cloud Map service ARN',
  kmsKey: 'a KMS key ARN',
  ssmParameter: 'an SSM parameter ARN',
};

export function isArn(kind: ArnKind, value: unknown): value is string {
  return typeof value === 'string' && PATTERNS[kind].test(value);
}

/** ECS container names (and task families): letters, digits, `_` and `-`, 1 to 255 characters. */
export const ECS_NAME_PATTERN = /^[A-Za-z0-9_-]{1,255}$/;

export interface ValidationContext {
  /** The environment's launch type. */
  launchType: LaunchType;
  /** The environment's awsvpc settings; required when the task uses awsvpc. */
  network?: AwsVpcNetwork;
  environmentName?: string;
  /**
   * The DNS record types of each Cloud Map service (`DnsConfig.DnsRecords[].Type`, e.g. `['A', 'SRV']`), by
   * registry ARN, as read from Cloud Map. A registry missing here is "unknown": only what holds for every
   * record type is checked, the rest are warnings.
   */
  discoveryRecordTypes?: Readonly<Record<string, readonly string[]>>;
}

/** Collects issues of one document. */
class Report {
  readonly issues: Issue[] = [];

  constructor(private readonly source: IssueSource) {}

  add(severity: Severity, code: string, path: string, message: string, fix?: string, source: IssueSource = this.source): void {
    this.issues.push(fix === undefined ? {code, severity, source, path, message} : {code, severity, source, path, message, fix});
  }

  error(code: string, path: string, message: string, fix?: string): void {
    this.add('error', code, path, message, fix);
  }

  warning(code: string, path: string, message: string, fix?: string): void {
    this.add('warning', code, path, message, fix);
  }
}

const typeName = (value: JsonValue | undefined): string => {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `a string (${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)})`;
  return `a ${typeof value} (${String(value)})`;
};

/** A value that still holds a placeholder: it was reported by the substitution and is not checked again. */
const pending = (value: JsonValue | undefined): boolean => containsPlaceholder(value);

const member = (object: JsonObject, key: string): JsonValue | undefined => getMember(object, key);

/** Reads an optional member of an expected JSON type, reporting a wrong type. */
function read(report: Report, object: JsonObject, key: string, path: string, expected: 'string' | 'array' | 'object' | 'boolean'): JsonValue | undefined {
  const value = member(object, key);
  if (value === undefined || pending(value)) return undefined;
  const ok = expected === 'array' ? Array.isArray(value) : expected === 'object' ? isJsonObject(value) : typeof value === expected;
  if (ok) return value;
  const article = expected === 'array' || expected === 'object' ? 'an' : 'a';
  report.error('wrong-type', joinPath(path, key), `${key} must be ${article} ${expected}, found ${typeName(value)}`);
  return undefined;
}

/** Reads an optional integer member within [min, max]. */
function readInteger(report: Report, object: JsonObject, key: string, path: string, min: number, max = Number.MAX_SAFE_INTEGER, code = 'wrong-type'): number | undefined {
  const value = member(object, key);
  if (value === undefined || pending(value)) return undefined;
  const where = joinPath(path, key);
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    report.error('wrong-type', where, `${key} must be a whole number, found ${typeName(value)}`);
    return undefined;
  }
  if (value < min || value > max) {
    const bound = max === Number.MAX_SAFE_INTEGER ? `at least ${min}` : `between ${min} and ${max}`;
    report.error(code, where, `${key} must be ${bound}, found ${value}`);
    return undefined;
  }
  return value;
}

const asObjects = (report: Report, value: JsonValue | undefined, path: string, what: string): [JsonObject, string][] => {
  if (!Array.isArray(value)) return [];
  const objects: [JsonObject, string][] = [];
  value.forEach((item, index) => {
    const itemPath = joinPath(path, index);
    if (isJsonObject(item)) objects.push([item, itemPath]);
    else if (!pending(item)) report.error('wrong-type', itemPath, `Each ${what} must be an object, found ${typeName(item)}`);
  });
  return objects;
};

function checkArn(report: Report, value: JsonValue | undefined, path: string, kinds: readonly ArnKind[], field: string): void {
  if (value === undefined || pending(value)) return;
  if (kinds.some((kind) => isArn(kind, value))) return;
  const first = kinds[0] ?? 'iamRole';
  const what = kinds.map((kind) => ARN_DESCRIPTIONS[kind]).join(' or ');
  report.error('arn-format', path, `${field} must be ${what}, found ${typeName(value)}`, `Write it like ${ARN_EXAMPLES[first]}`);
}

interface ContainerInfo {
  name: string;
  path: string;
  containerPorts: number[];
}

/** The named containers of a task and their portMappings containerPorts (for service registries and load balancers). */
function containersOf(task: JsonValue | undefined): ContainerInfo[] {
  if (!isJsonObject(task)) return [];
  const containers = member(task, 'containerDefinitions');
  if (!Array.isArray(containers)) return [];
  const found: ContainerInfo[] = [];
  containers.forEach((container, index) => {
    if (!isJsonObject(container)) return;
    const name = member(container, 'name');
    if (typeof name !== 'string') return;
    const mappings = member(container, 'portMappings');
    const containerPorts = Array.isArray(mappings)
      ? mappings.flatMap((mapping) => {
          const port = isJsonObject(mapping) ? member(mapping, 'containerPort') : undefined;
          return typeof port === 'number' ? [port] : [];
        })
      : [];
    found.push({name, path: joinPath('containerDefinitions', index), containerPorts});
  });
  return found;
}

/** Rules of a rendered RegisterTaskDefinition input. `parsed` (the spec's text) adds line/column. */
export function validateTaskDefinition(task: JsonValue | undefined, context: ValidationContext, parsed?: Pick<JsonText, 'positions'>): Issue[] {
  const report = new Report('containerSpec');
  if (!isJsonObject(task)) {
    if (task !== undefined) report.error('wrong-type', '', `The container specification must be a JSON object (a task definition), found ${typeName(task)}`);
    return locateIssues(report.issues, parsed);
  }
  if (member(task, 'containerDefinitions') === undefined && isJsonObject(member(task, 'taskDefinition'))) {
    report.error(
      'task-definition-wrapper',
      'taskDefinition',
      'This is the output of describe-task-definition: the task definition is the object inside "taskDefinition"',
      'Import it (ecs-wizard import), or paste only the object inside "taskDefinition"',
    );
    return locateIssues(report.issues, parsed);
  }
  const fargate = context.launchType === 'FARGATE';

  const family = read(report, task, 'family', '', 'string');
  if (typeof family === 'string' && !ECS_NAME_PATTERN.test(family)) {
    report.error('invalid-name', 'family', `family "${family}" may hold only letters, digits, _ and - (at most 255)`);
  }

  // Network mode and launch type compatibility.
  const modeValue = read(report, task, 'networkMode', '', 'string');
  if (typeof modeValue === 'string' && !['awsvpc', 'bridge', 'host', 'none'].includes(modeValue)) {
    report.error('invalid-value', 'networkMode', `networkMode must be awsvpc, bridge, host or none, found "${modeValue}"`);
  }
  const mode = effectiveNetworkMode(task, context.launchType);
  if (fargate && modeValue !== undefined && modeValue !== 'awsvpc') {
    report.error('fargate-network-mode', 'networkMode', `Fargate tasks must use the awsvpc network mode, found "${String(modeValue)}"`, 'Write "networkMode": "awsvpc"');
  } else if (fargate && member(task, 'networkMode') === undefined) {
    report.error('fargate-network-mode', 'networkMode', 'Fargate tasks must use the awsvpc network mode; networkMode is not set', 'Add "networkMode": "awsvpc"');
  }
  const compat = read(report, task, 'requiresCompatibilities', '', 'array');
  if (Array.isArray(compat)) {
    compat.forEach((item, index) => {
      if (typeof item !== 'string' || !['EC2', 'FARGATE', 'EXTERNAL', 'MANAGED_INSTANCES'].includes(item)) {
        report.error('invalid-value', joinPath('requiresCompatibilities', index), `requiresCompatibilities holds EC2, FARGATE, EXTERNAL or MANAGED_INSTANCES, found ${typeName(item)}`);
      }
    });
    if (fargate && !compat.includes('FARGATE')) {
      report.error('launch-type-compatibility', 'requiresCompatibilities', 'The environment runs on Fargate but the task definition does not require FARGATE compatibility', 'Write "requiresCompatibilities": ["FARGATE"]');
    } else if (!fargate && compat.length > 0 && !compat.includes('EC2')) {
      report.error('launch-type-compatibility', 'requiresCompatibilities', 'The environment runs on EC2 but the task definition does not list EC2 in requiresCompatibilities', 'Add "EC2" to requiresCompatibilities');
    }
  } else if (fargate && member(task, 'requiresCompatibilities') === undefined) {
    report.error('launch-type-compatibility', 'requiresCompatibilities', 'Fargate tasks must declare FARGATE compatibility', 'Add "requiresCompatibilities": ["FARGATE"]');
  }

  // Task size.
  const taskCpu = member(task, 'cpu');
  const taskMemory = member(task, 'memory');
  const cpuUnits = checkTaskSize(report, taskCpu, 'cpu', parseCpuUnits, '"256" or "0.25 vCPU"');
  const memoryMiB = checkTaskSize(report, taskMemory, 'memory', parseMemoryMiB, '"512" or "0.5 GB"');
  if (fargate) {
    for (const [key, value] of [['cpu', taskCpu], ['memory', taskMemory]] as const) {
      if (value === undefined) {
        report.error('fargate-task-size', key, `Fargate tasks need a task-level ${key}`, `Add "${key}": "${key === 'cpu' ? '256' : '512'}" at the top level (a valid pair: ${describeFargatePair({cpu: 256, memory: 512})})`);
      }
    }
    if (cpuUnits !== undefined && memoryMiB !== undefined && !isValidFargatePair(cpuUnits, memoryMiB)) {
      const nearest = nearestValidFargatePair(cpuUnits, memoryMiB);
      report.error(
        'fargate-cpu-memory',
        'memory',
        `Fargate does not offer cpu ${cpuUnits} with memory ${memoryMiB}; the nearest valid pair is ${describeFargatePair(nearest)}`,
        `Write "cpu": "${nearest.cpu}", "memory": "${nearest.memory}"`,
      );
    }
  }

  // Roles.
  const executionRole = member(task, 'executionRoleArn');
  checkArn(report, executionRole, 'executionRoleArn', ['iamRole'], 'executionRoleArn');
  checkArn(report, member(task, 'taskRoleArn'), 'taskRoleArn', ['iamRole'], 'taskRoleArn');
  const hasExecutionRole = typeof executionRole === 'string' && executionRole !== '';
  if (fargate && !hasExecutionRole) {
    report.error('execution-role-required', 'executionRoleArn', 'Fargate tasks need a task execution role (to pull the image and write logs)', `Write "executionRoleArn": "${EXECUTION_ROLE}"`);
  }

  // Containers.
  const containers = member(task, 'containerDefinitions');
  if (containers === undefined) {
    report.error('missing-field', 'containerDefinitions', 'The task definition has no containerDefinitions', `Add "containerDefinitions": [{"name": "\${CONTAINER_NAME}", "image": "${DOCKER_IMAGE_NAME}"}]`);
  } else if (!Array.isArray(containers)) {
    if (!pending(containers)) report.error('wrong-type', 'containerDefinitions', `containerDefinitions must be an array of containers, found ${typeName(containers)}`);
  } else if (containers.length === 0) {
    report.error('missing-field', 'containerDefinitions', 'containerDefinitions is empty: a task needs at least one container');
  }
  const seen = new Map<string, string>();
  for (const [container, path] of asObjects(report, containers, 'containerDefinitions', 'container definition')) {
    checkContainer(report, container, path, {fargate, mode, hasTaskMemory: memoryMiB !== undefined || taskMemory !== undefined, hasExecutionRole, seen});
  }
  return locateIssues(report.issues, parsed);
}

function checkTaskSize(report: Report, value: JsonValue | undefined, key: 'cpu' | 'memory', parse: (value: unknown) => number | undefined, example: string): number | undefined {
  if (value === undefined || pending(value)) return undefined;
  if (typeof value !== 'string' && typeof value !== 'number') {
    report.error('wrong-type', key, `Task-level ${key} must be a string such as ${example}, found ${typeName(value)}`);
    return undefined;
  }
  const parsed = parse(value);
  if (parsed === undefined) report.error('invalid-value', key, `Task-level ${key} ${JSON.stringify(value)} is not a valid amount; write it like ${example}`);
  return parsed;
}

interface ContainerChecks {
  fargate: boolean;
  mode: NetworkMode | 'none' | undefined;
  hasTaskMemory: boolean;
  hasExecutionRole: boolean;
  seen: Map<string, string>;
}

function checkContainer(report: Report, container: JsonObject, path: string, checks: ContainerChecks): void {
  const name = member(container, 'name');
  if (name === undefined) {
    report.error('missing-field', joinPath(path, 'name'), 'Every container needs a name', 'Write "name": "${CONTAINER_NAME}"');
  } else if (typeof name !== 'string') {
    report.error('wrong-type', joinPath(path, 'name'), `name must be a string, found ${typeName(name)}`);
  } else if (!pending(name)) {
    if (!ECS_NAME_PATTERN.test(name)) {
      report.error('container-name', joinPath(path, 'name'), `Container name "${name}" may hold only letters, digits, _ and - (1 to 255 characters)`, `Write "${name.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 255) || 'app'}"`);
    }
    const first = checks.seen.get(name);
    if (first !== undefined) {
      report.error('container-name-duplicate', joinPath(path, 'name'), `Container name "${name}" is already used by ${first}`, 'Give every container its own name');
    } else {
      checks.seen.set(name, path);
    }
  }
  const image = member(container, 'image');
  if (image === undefined) report.error('missing-field', joinPath(path, 'image'), 'Every container needs an image');
  else if (typeof image !== 'string') report.error('wrong-type', joinPath(path, 'image'), `image must be a string, found ${typeName(image)}`);
  read(report, container, 'essential', path, 'boolean');

  // Memory.
  readInteger(report, container, 'cpu', path, 0);
  const memory = readInteger(report, container, 'memory', path, 1);
  const reservation = readInteger(report, container, 'memoryReservation', path, 1);
  if (!checks.fargate && !checks.hasTaskMemory && member(container, 'memory') === undefined && member(container, 'memoryReservation') === undefined) {
    report.error(
      'container-memory',
      joinPath(path, 'memory'),
      'On EC2 a container needs memory or memoryReservation when the task has no task-level memory',
      'Add "memoryReservation": 256 (a soft limit, MiB) or "memory" (a hard limit)',
    );
  }
  if (memory !== undefined && reservation !== undefined && reservation > memory) {
    report.error('memory-reservation', joinPath(path, 'memoryReservation'), `memoryReservation (${reservation} MiB) must not exceed memory (${memory} MiB)`, `Lower memoryReservation to ${memory} or raise memory`);
  }

  // Port mappings.
  const mappings = read(report, container, 'portMappings', path, 'array');
  for (const [mapping, mappingPath] of asObjects(report, mappings, joinPath(path, 'portMappings'), 'port mapping')) {
    checkPortMapping(report, mapping, mappingPath, checks.mode);
  }

  // Private registry credentials and secrets need the execution role.
  const credentials = read(report, container, 'repositoryCredentials', path, 'object');
  if (isJsonObject(credentials)) {
    const credentialsPath = joinPath(path, 'repositoryCredentials');
    const parameter = member(credentials, 'credentialsParameter');
    if (parameter === undefined) {
      report.error('missing-field', joinPath(credentialsPath, 'credentialsParameter'), 'repositoryCredentials needs credentialsParameter: the ARN of the Secrets Manager secret holding the registry user name and password');
    } else {
      checkArn(report, parameter, joinPath(credentialsPath, 'credentialsParameter'), ['secretsManagerSecret'], 'credentialsParameter');
    }
    if (!checks.hasExecutionRole) {
      report.error(
        'execution-role-required',
        credentialsPath,
        'Private registry authentication needs a task execution role allowed to read the secret',
        `Write "executionRoleArn": "${EXECUTION_ROLE}" (or the role's ARN) at the top level`,
      );
    }
  }
  const secrets = read(report, container, 'secrets', path, 'array');
  const secretItems = asObjects(report, secrets, joinPath(path, 'secrets'), 'secret');
  for (const [secret, secretPath] of secretItems) {
    const valueFrom = member(secret, 'valueFrom');
    if (typeof valueFrom === 'string' && valueFrom.startsWith('arn:')) {
      checkArn(report, valueFrom, joinPath(secretPath, 'valueFrom'), ['secretsManagerSecret', 'ssmParameter'], 'valueFrom');
    } else if (valueFrom === undefined) {
      report.error('missing-field', joinPath(secretPath, 'valueFrom'), 'Each secret needs valueFrom (a Secrets Manager secret or SSM parameter)');
    }
  }
  if (secretItems.length > 0 && !checks.hasExecutionRole) {
    report.error('execution-role-required', joinPath(path, 'secrets'), 'Secrets are read by the task execution role, and the task has none', `Write "executionRoleArn": "${EXECUTION_ROLE}" at the top level`);
  }
}

function checkPortMapping(report: Report, mapping: JsonObject, path: string, mode: NetworkMode | 'none' | undefined): void {
  const hasRange = member(mapping, 'containerPortRange') !== undefined;
  if (member(mapping, 'containerPort') === undefined && !hasRange) {
    report.error('missing-field', joinPath(path, 'containerPort'), 'A port mapping needs containerPort');
  }
  const containerPort = readInteger(report, mapping, 'containerPort', path, 1, 65535, 'port-range');
  const hostPort = readInteger(report, mapping, 'hostPort', path, 0, 65535, 'port-range');
  const protocol = member(mapping, 'protocol');
  if (protocol !== undefined && !pending(protocol) && protocol !== 'tcp' && protocol !== 'udp') {
    report.error('invalid-value', joinPath(path, 'protocol'), `protocol must be "tcp" or "udp", found ${typeName(protocol)}`);
  }
  if (hostPort === undefined || containerPort === undefined) {
    if (hostPort === 0 && (mode === 'awsvpc' || mode === 'host')) {
      report.error('host-port', joinPath(path, 'hostPort'), `hostPort 0 (a dynamic port) exists only in the bridge network mode, not ${mode}`, 'Leave hostPort out');
    }
    return;
  }
  if ((mode === 'awsvpc' || mode === 'host') && hostPort !== containerPort) {
    const dynamic = hostPort === 0 ? ' (hostPort 0, a dynamic port, exists only in the bridge network mode)' : '';
    report.error('host-port', joinPath(path, 'hostPort'), `Under the ${mode} network mode hostPort must equal containerPort (${containerPort}) or be left out, found ${hostPort}${dynamic}`, `Leave hostPort out or write ${containerPort}`);
  }
}

/** Rules of a rendered CreateService input, given the rendered task definition it runs. */
export function validateServiceDefinition(
  service: JsonValue | undefined,
  task: JsonValue | undefined,
  context: ValidationContext,
  parsed?: Pick<JsonText, 'positions'>,
): Issue[] {
  const report = new Report('serviceSpec');
  if (!isJsonObject(service)) {
    if (service !== undefined) report.error('wrong-type', '', `The service specification must be a JSON object (a CreateService input), found ${typeName(service)}`);
    return locateIssues(report.issues, parsed);
  }
  const fargate = context.launchType === 'FARGATE';
  const mode = effectiveNetworkMode(task, context.launchType);

  read(report, service, 'serviceName', '', 'string');
  const serviceName = member(service, 'serviceName');
  if (typeof serviceName === 'string' && !pending(serviceName) && !ECS_NAME_PATTERN.test(serviceName)) {
    report.error('invalid-name', 'serviceName', `serviceName "${serviceName}" may hold only letters, digits, _ and - (at most 255)`);
  }

  // Scheduling strategy.
  const strategy = read(report, service, 'schedulingStrategy', '', 'string');
  if (typeof strategy === 'string' && strategy !== 'REPLICA' && strategy !== 'DAEMON') {
    report.error('invalid-value', 'schedulingStrategy', `schedulingStrategy must be REPLICA or DAEMON, found "${strategy}"`);
  }
  const desiredCount = readInteger(report, service, 'desiredCount', '', 0);
  const placementStrategy = read(report, service, 'placementStrategy', '', 'array');
  const placementConstraints = read(report, service, 'placementConstraints', '', 'array');
  asObjects(report, placementStrategy, 'placementStrategy', 'placement strategy');
  asObjects(report, placementConstraints, 'placementConstraints', 'placement constraint');
  readInteger(report, service, 'healthCheckGracePeriodSeconds', '', 0);
  if (strategy === 'DAEMON') {
    if (fargate) {
      report.error('daemon-fargate', 'schedulingStrategy', 'The DAEMON scheduling strategy is not supported on Fargate', 'Use REPLICA, or deploy to an EC2 environment');
    }
    if (member(service, 'desiredCount') !== undefined) {
      report.error('daemon-desired-count', 'desiredCount', `A DAEMON service runs one task per instance and takes no desiredCount${desiredCount === undefined ? '' : ` (found ${desiredCount})`}`, 'Remove desiredCount');
    }
    if (Array.isArray(placementStrategy) && placementStrategy.length > 0) {
      report.error('daemon-placement-strategy', 'placementStrategy', 'A DAEMON service takes no placementStrategy', 'Write "placementStrategy": []');
    }
  } else if (fargate) {
    for (const [key, value] of [['placementStrategy', placementStrategy], ['placementConstraints', placementConstraints]] as const) {
      if (Array.isArray(value) && value.length > 0) report.error('fargate-placement', key, `Fargate does not support ${key}`, `Write "${key}": []`);
    }
  }

  // Launch type.
  const launchType = read(report, service, 'launchType', '', 'string');
  const providers = read(report, service, 'capacityProviderStrategy', '', 'array');
  if (launchType !== undefined && providers !== undefined) {
    report.error('launch-type-conflict', 'launchType', 'A service takes either launchType or capacityProviderStrategy, not both', 'Remove launchType');
  }
  if (typeof launchType === 'string' && !['EC2', 'FARGATE', 'EXTERNAL'].includes(launchType)) {
    report.error('invalid-value', 'launchType', `launchType must be EC2, FARGATE or EXTERNAL, found "${launchType}"`);
  }

  // Networking.
  const networkConfiguration = read(report, service, 'networkConfiguration', '', 'object');
  if (mode === 'awsvpc') checkAwsVpc(report, context, networkConfiguration);

  // Service discovery and load balancers.
  const containers = containersOf(task);
  const registries = read(report, service, 'serviceRegistries', '', 'array');
  const registryItems = asObjects(report, registries, 'serviceRegistries', 'service registry');
  if (Array.isArray(registries) && registries.length > 1) {
    report.error('discovery-multiple', 'serviceRegistries', `An ECS service can register with one Cloud Map service; found ${registries.length}`, 'Keep one entry in serviceRegistries');
  }
  for (const [registry, path] of registryItems) checkRegistry(report, registry, path, mode, containers, context);
  const balancers = read(report, service, 'loadBalancers', '', 'array');
  for (const [balancer, path] of asObjects(report, balancers, 'loadBalancers', 'load balancer')) {
    checkContainerReference(report, balancer, path, containers, 'load-balancer');
  }
  return locateIssues(report.issues, parsed);
}

function checkAwsVpc(report: Report, context: ValidationContext, networkConfiguration: JsonValue | undefined): void {
  const where = context.environmentName === undefined ? 'The environment' : `Environment "${context.environmentName}"`;
  const network = context.network;
  if (network === undefined) {
    report.add('error', 'awsvpc-network', 'network', `${where} has no network settings, and a task in the awsvpc network mode needs subnets and security groups`, 'Choose the subnets and security groups of the environment', 'environment');
  } else {
    if (!Array.isArray(network.subnets) || network.subnets.length === 0) {
      report.add('error', 'awsvpc-network', 'network.subnets', `${where} has no subnets, and a task in the awsvpc network mode needs at least one`, 'Choose the subnets of the environment', 'environment');
    }
    if (!Array.isArray(network.securityGroups) || network.securityGroups.length === 0) {
      report.add('error', 'awsvpc-network', 'network.securityGroups', `${where} has no security groups, and a task in the awsvpc network mode needs at least one`, 'Choose the security groups of the environment', 'environment');
    }
    if (network.assignPublicIp === true && context.launchType === 'EC2') {
      report.add('error', 'assign-public-ip', 'network.assignPublicIp', `${where} assigns public IPs, which only Fargate tasks support`, 'Turn assignPublicIp off for EC2 environments', 'environment');
    }
  }
  if (isJsonObject(networkConfiguration) && !isJsonObject(member(networkConfiguration, 'awsvpcConfiguration'))) {
    report.error('missing-field', 'networkConfiguration.awsvpcConfiguration', 'networkConfiguration needs awsvpcConfiguration (subnets, securityGroups, assignPublicIp)');
  }
}

/** `containerName` must name a container of the task; `containerPort` one of its portMappings. */
function checkContainerReference(report: Report, entry: JsonObject, path: string, containers: readonly ContainerInfo[], prefix: 'discovery' | 'load-balancer'): void {
  const name = member(entry, 'containerName');
  const port = member(entry, 'containerPort');
  if (name !== undefined && !pending(name)) {
    if (typeof name !== 'string') {
      report.error('wrong-type', joinPath(path, 'containerName'), `containerName must be a string, found ${typeName(name)}`);
      return;
    }
    const container = containers.find((candidate) => candidate.name === name);
    if (container === undefined) {
      const names = containers.map((candidate) => candidate.name);
      report.error(
        `${prefix}-container`,
        joinPath(path, 'containerName'),
        `containerName "${name}" is not a container of the container specification${names.length === 0 ? '' : ` (containers: ${names.join(', ')})`}`,
        'Use the name of a container of the container specification: usually ${CONTAINER_NAME}, when that container\'s name is ${CONTAINER_NAME} too',
      );
      return;
    }
    if (port !== undefined && !pending(port)) {
      if (typeof port !== 'number' || !Number.isInteger(port)) {
        report.error('wrong-type', joinPath(path, 'containerPort'), `containerPort must be a whole number, found ${typeName(port)}`);
      } else if (!container.containerPorts.includes(port)) {
        const ports = container.containerPorts;
        report.error(
          `${prefix}-container-port`,
          joinPath(path, 'containerPort'),
          `containerPort ${port} is not a port mapping of container "${name}"${ports.length === 0 ? ' (it maps no ports)' : ` (its ports: ${ports.join(', ')})`}`,
          ports.length === 0 ? `Add a portMappings entry with containerPort ${port} to "${name}"` : `Use one of ${ports.join(', ')}`,
        );
      }
    }
  } else if (port !== undefined && !pending(port) && (typeof port !== 'number' || !Number.isInteger(port))) {
    report.error('wrong-type', joinPath(path, 'containerPort'), `containerPort must be a whole number, found ${typeName(port)}`);
  }
}

function checkRegistry(report: Report, registry: JsonObject, path: string, mode: NetworkMode | 'none' | undefined, containers: readonly ContainerInfo[], context: ValidationContext): void {
  const arn = member(registry, 'registryArn');
  if (arn === undefined) {
    report.error('missing-field', joinPath(path, 'registryArn'), 'A service registry needs registryArn: the ARN of the Cloud Map service', `Write it like ${ARN_EXAMPLES.cloudMapService}`);
  } else {
    checkArn(report, arn, joinPath(path, 'registryArn'), ['cloudMapService'], 'registryArn');
  }
  readInteger(report, registry, 'port', path, 1, 65535, 'port-range');
  checkContainerReference(report, registry, path, containers, 'discovery');

  const hasName = member(registry, 'containerName') !== undefined;
  const hasContainerPort = member(registry, 'containerPort') !== undefined;
  const hasPort = member(registry, 'port') !== undefined;
  const types = typeof arn === 'string' && context.discoveryRecordTypes !== undefined && Object.hasOwn(context.discoveryRecordTypes, arn) ? context.discoveryRecordTypes[arn] : undefined;
  const srv = types === undefined ? undefined : types.includes('SRV');
  const unknown = srv === undefined ? ' if the Cloud Map service has SRV records (its record types were not read)' : '';

  if (mode === 'bridge' || mode === 'host') {
    if (srv === false) {
      report.error('discovery-record-type', joinPath(path, 'registryArn'), `In the ${mode} network mode service discovery needs SRV records, and this Cloud Map service has only ${types?.join(', ') || 'no'} records`, 'Use a Cloud Map service with SRV records');
    }
    if (!hasName || !hasContainerPort) {
      const missing = [hasName ? undefined : 'containerName', hasContainerPort ? undefined : 'containerPort'].filter((key) => key !== undefined).join(' and ');
      report.error('discovery-params', joinPath(path, hasName ? 'containerPort' : 'containerName'), `In the ${mode} network mode service discovery needs containerName and containerPort; ${missing} ${missing.includes(' and ') ? 'are' : 'is'} missing`, 'Write "containerName": "${CONTAINER_NAME}" and the containerPort of one of its port mappings');
    }
    if (hasPort) report.warning('discovery-port-ignored', joinPath(path, 'port'), `port is used only with the awsvpc network mode and SRV records; in the ${mode} network mode it is ignored`, 'Remove port');
    return;
  }
  if (mode !== 'awsvpc') return;
  if (srv === false) {
    if (hasPort) report.warning('discovery-port-ignored', joinPath(path, 'port'), 'port is used only with SRV records, and this Cloud Map service has only A records: it is ignored', 'Remove port');
    return;
  }
  const severity: Severity = srv === true ? 'error' : 'warning';
  const pair = hasName && hasContainerPort;
  if (hasPort && (hasName || hasContainerPort)) {
    report.add(severity, 'discovery-params', joinPath(path, 'port'), `Under awsvpc with SRV records give either containerName and containerPort, or port — never both${unknown}`, 'Remove port, or remove containerName and containerPort');
  } else if (!hasPort && hasName !== hasContainerPort) {
    report.add(severity, 'discovery-params', joinPath(path, hasName ? 'containerPort' : 'containerName'), `containerName and containerPort go together: give both, or port alone${unknown}`, hasName ? 'Add containerPort' : 'Add "containerName": "${CONTAINER_NAME}"');
  } else if (!hasPort && !pair) {
    report.add(severity, 'discovery-params', path, `Under awsvpc with SRV records give either containerName and containerPort, or port${unknown}`, 'Add "containerName": "${CONTAINER_NAME}" and "containerPort"');
  }
}

/** Rules of the artifact: a reference that parses back to exactly this host, image and tag. */
export function validateArtifact(artifact: ArtifactSource, tag: string | undefined): Issue[] {
  const report = new Report('profile');
  if (!isValidRegistryHost(artifact.host)) report.error('image-reference', 'service.artifact.host', `"${artifact.host}" is not a registry host (host or host:port)`);
  if (!isValidImagePath(artifact.image)) {
    report.error('image-reference', 'service.artifact.image', `"${artifact.image}" is not an image path: lower-case letters, digits and . _ - separated by /`, 'Write it like library/nginx or team/api');
  }
  if (tag !== undefined && !isValidTag(tag)) {
    report.error('image-reference', 'service.artifact.tag', `"${tag}" is not an image tag (letters, digits, _ . -, at most 128) or digest (sha256:…)`);
  }
  if (report.issues.length === 0) {
    const ref = formatImage(artifact, tag);
    const parsed = parseImageReference(ref);
    if (parsed === undefined || parsed.host !== artifact.host || parsed.image !== artifact.image || parsed.tag !== (tag === '' ? undefined : tag)) {
      report.error('image-reference', 'service.artifact.host', `"${ref}" would be read back as another image (registry host "${parsed?.host ?? ''}", image "${parsed?.image ?? ''}")`, 'Put the registry host in the host field, not in the image path');
    }
  }
  return report.issues;
}

/** Rules of the private registry authentication: a Secrets Manager secret ARN and, when given, a KMS key ARN. */
export function validateRegistryAuth(auth: RegistryAuth | undefined): Issue[] {
  const report = new Report('profile');
  if (auth === undefined) return [];
  checkArn(report, auth.credentialsSecretArn, 'service.registryAuth.credentialsSecretArn', ['secretsManagerSecret'], 'The registry credentials secret');
  if (auth.kmsKeyArn !== undefined) checkArn(report, auth.kmsKeyArn, 'service.registryAuth.kmsKeyArn', ['kmsKey'], 'The KMS key');
  return report.issues;
}

/** Rules of an environment on its own: role ARN, subnet and security group ids, variable names. */
export function validateEnvironment(environment: Environment): Issue[] {
  const report = new Report('environment');
  if (environment.executionRoleArn !== undefined && environment.executionRoleArn !== '') {
    checkArn(report, environment.executionRoleArn, 'executionRoleArn', ['iamRole'], 'The execution role');
  }
  const network = environment.network;
  if (network !== undefined) {
    (Array.isArray(network.subnets) ? network.subnets : []).forEach((subnet, index) => {
      if (typeof subnet !== 'string' || !/^subnet-[0-9a-f]{8,17}$/.test(subnet)) report.error('invalid-value', joinPath('network.subnets', index), `${typeName(subnet)} is not a subnet id (subnet-…)`);
    });
    (Array.isArray(network.securityGroups) ? network.securityGroups : []).forEach((group, index) => {
      if (typeof group !== 'string' || !/^sg-[0-9a-f]{8,17}$/.test(group)) report.error('invalid-value', joinPath('network.securityGroups', index), `${typeName(group)} is not a security group id (sg-…)`);
    });
  }
  for (const name of Object.keys(environment.overrides ?? {})) {
    if (!VARIABLE_NAME_PATTERN.test(name)) report.add('error', 'invalid-variable-name', joinPath('overrides', name), `"${name}" is not a variable name (a letter or _, then letters, digits, _ and -)`, undefined, 'environment');
  }
  return report.issues;
}

/** Config variable names of the service. */
export function validateVariables(variables: Readonly<Record<string, string>>): Issue[] {
  const report = new Report('variables');
  for (const name of Object.keys(variables)) {
    if (!VARIABLE_NAME_PATTERN.test(name)) report.error('invalid-variable-name', joinPath('', name), `"${name}" is not a variable name (a letter or _, then letters, digits, _ and -)`);
  }
  return report.issues;
}

/** The run's inputs the rules read besides the rendered documents. */
export interface RequestInputs {
  artifact: ArtifactSource;
  /** The tag to deploy (undefined when none was given and the artifact has none). */
  tag: string | undefined;
  registryAuth: RegistryAuth | undefined;
  /** The service's own config variables (their names are checked; their values were substituted). */
  variables: Readonly<Record<string, string>>;
  environment: Environment;
  /** Cloud Map record types by registry ARN, when read (see ValidationContext). */
  discoveryRecordTypes?: Readonly<Record<string, readonly string[]>>;
}

/** One rendered document as validation reads it. */
export interface RenderedDocument {
  /**
   * What the spec rendered to: the request document, or the spec's value when it is not an object (an
   * error); undefined when there is nothing to check (the spec did not parse, or a service without its task definition).
   */
  rendered: JsonValue | undefined;
  /** Where the spec text's members are (for line/column); undefined for the form. */
  parsed?: Pick<JsonText, 'positions'>;
}

export interface RequestValidation {
  /** Issues of the run's inputs: artifact, registry authentication, variable names, environment. */
  inputs: Issue[];
  taskDefinition: Issue[];
  service: Issue[];
}

/**
 * Validates a rendered request once: the run's inputs, then the task definition, then the service (which is
 * checked against the rendered task definition).
 */
export function validateRequest(inputs: RequestInputs, request: {taskDefinition: RenderedDocument; service: RenderedDocument}): RequestValidation {
  const context: ValidationContext = {launchType: inputs.environment.launchType, environmentName: inputs.environment.name};
  if (inputs.environment.network !== undefined) context.network = inputs.environment.network;
  if (inputs.discoveryRecordTypes !== undefined) context.discoveryRecordTypes = inputs.discoveryRecordTypes;
  const task = request.taskDefinition.rendered;
  return {
    inputs: [...validateArtifact(inputs.artifact, inputs.tag), ...validateRegistryAuth(inputs.registryAuth), ...validateVariables(inputs.variables), ...validateEnvironment(inputs.environment)],
    taskDefinition: validateTaskDefinition(task, context, request.taskDefinition.parsed),
    service: validateServiceDefinition(request.service.rendered, task, context, request.service.parsed),
  };
}
