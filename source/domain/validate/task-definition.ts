/**
 * Rules of a rendered RegisterTaskDefinition input (the container specification, placeholders replaced):
 * family, network mode and launch type compatibility, task size (and Fargate's cpu/memory pairs), roles,
 * and each container (name, image, memory, port mappings, private registry credentials, secrets).
 */
import type {Issue} from '../issues.js';
import type {JsonObject, JsonValue} from '../json.js';
import {isJsonObject} from '../json.js';
import type {JsonText} from '../json-text.js';
import {joinPath, locateIssues} from '../json-text.js';
import type {NetworkMode} from '../model.js';
import {ECS_NAME_PATTERN} from '../aws-names.js';
import {describeFargatePair, isValidFargatePair, nearestValidFargatePair, parseCpuUnits, parseMemoryMiB} from '../fargate.js';
import {effectiveNetworkMode} from '../network-mode.js';
import {DOCKER_IMAGE_NAME, EXECUTION_ROLE} from '../placeholders.js';
import type {ValidationContext} from './context.js';
import {asObjects, checkArn, member, pending, read, readInteger, Report, typeName} from './report.js';

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
    report.error(
      'fargate-network-mode',
      'networkMode',
      `Fargate tasks must use the awsvpc network mode, found "${String(modeValue)}"`,
      'Write "networkMode": "awsvpc"',
    );
  } else if (fargate && member(task, 'networkMode') === undefined) {
    report.error(
      'fargate-network-mode',
      'networkMode',
      'Fargate tasks must use the awsvpc network mode; networkMode is not set',
      'Add "networkMode": "awsvpc"',
    );
  }
  const compat = read(report, task, 'requiresCompatibilities', '', 'array');
  if (Array.isArray(compat)) {
    compat.forEach((item, index) => {
      if (typeof item !== 'string' || !['EC2', 'FARGATE', 'EXTERNAL', 'MANAGED_INSTANCES'].includes(item)) {
        report.error(
          'invalid-value',
          joinPath('requiresCompatibilities', index),
          `requiresCompatibilities holds EC2, FARGATE, EXTERNAL or MANAGED_INSTANCES, found ${typeName(item)}`,
        );
      }
    });
    if (fargate && !compat.includes('FARGATE')) {
      report.error(
        'launch-type-compatibility',
        'requiresCompatibilities',
        'The environment runs on Fargate but the task definition does not require FARGATE compatibility',
        'Write "requiresCompatibilities": ["FARGATE"]',
      );
    } else if (!fargate && compat.length > 0 && !compat.includes('EC2')) {
      report.error(
        'launch-type-compatibility',
        'requiresCompatibilities',
        'The environment runs on EC2 but the task definition does not list EC2 in requiresCompatibilities',
        'Add "EC2" to requiresCompatibilities',
      );
    }
  } else if (fargate && member(task, 'requiresCompatibilities') === undefined) {
    report.error(
      'launch-type-compatibility',
      'requiresCompatibilities',
      'Fargate tasks must declare FARGATE compatibility',
      'Add "requiresCompatibilities": ["FARGATE"]',
    );
  }

  // Task size.
  const taskCpu = member(task, 'cpu');
  const taskMemory = member(task, 'memory');
  const cpuUnits = checkTaskSize(report, taskCpu, 'cpu', parseCpuUnits, '"256" or "0.25 vCPU"');
  const memoryMiB = checkTaskSize(report, taskMemory, 'memory', parseMemoryMiB, '"512" or "0.5 GB"');
  if (fargate) {
    for (const [key, value] of [
      ['cpu', taskCpu],
      ['memory', taskMemory],
    ] as const) {
      if (value === undefined) {
        report.error(
          'fargate-task-size',
          key,
          `Fargate tasks need a task-level ${key}`,
          `Add "${key}": "${key === 'cpu' ? '256' : '512'}" at the top level (a valid pair: ${describeFargatePair({cpu: 256, memory: 512})})`,
        );
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
    report.error(
      'execution-role-required',
      'executionRoleArn',
      'Fargate tasks need a task execution role (to pull the image and write logs)',
      `Write "executionRoleArn": "${EXECUTION_ROLE}"`,
    );
  }

  // Containers.
  const containers = member(task, 'containerDefinitions');
  if (containers === undefined) {
    report.error(
      'missing-field',
      'containerDefinitions',
      'The task definition has no containerDefinitions',
      `Add "containerDefinitions": [{"name": "\${CONTAINER_NAME}", "image": "${DOCKER_IMAGE_NAME}"}]`,
    );
  } else if (!Array.isArray(containers)) {
    if (!pending(containers))
      report.error('wrong-type', 'containerDefinitions', `containerDefinitions must be an array of containers, found ${typeName(containers)}`);
  } else if (containers.length === 0) {
    report.error('missing-field', 'containerDefinitions', 'containerDefinitions is empty: a task needs at least one container');
  }
  const seen = new Map<string, string>();
  for (const [container, path] of asObjects(report, containers, 'containerDefinitions', 'container definition')) {
    checkContainer(report, container, path, {fargate, mode, hasTaskMemory: memoryMiB !== undefined || taskMemory !== undefined, hasExecutionRole, seen});
  }
  return locateIssues(report.issues, parsed);
}

function checkTaskSize(
  report: Report,
  value: JsonValue | undefined,
  key: 'cpu' | 'memory',
  parse: (value: unknown) => number | undefined,
  example: string,
): number | undefined {
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
      report.error(
        'container-name',
        joinPath(path, 'name'),
        `Container name "${name}" may hold only letters, digits, _ and - (1 to 255 characters)`,
        `Write "${name.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 255) || 'app'}"`,
      );
    }
    const first = checks.seen.get(name);
    if (first !== undefined) {
      report.error(
        'container-name-duplicate',
        joinPath(path, 'name'),
        `Container name "${name}" is already used by ${first}`,
        'Give every container its own name',
      );
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
    report.error(
      'memory-reservation',
      joinPath(path, 'memoryReservation'),
      `memoryReservation (${reservation} MiB) must not exceed memory (${memory} MiB)`,
      `Lower memoryReservation to ${memory} or raise memory`,
    );
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
      report.error(
        'missing-field',
        joinPath(credentialsPath, 'credentialsParameter'),
        'repositoryCredentials needs credentialsParameter: the ARN of the Secrets Manager secret holding the registry user name and password',
      );
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
      checkArn(report, valueFrom, joinPath(secretPath, 'valueFrom'), ['secretsManagerValue', 'ssmParameter'], 'valueFrom');
    } else if (valueFrom === undefined) {
      report.error('missing-field', joinPath(secretPath, 'valueFrom'), 'Each secret needs valueFrom (a Secrets Manager secret or SSM parameter)');
    }
  }
  if (secretItems.length > 0 && !checks.hasExecutionRole) {
    report.error(
      'execution-role-required',
      joinPath(path, 'secrets'),
      'Secrets are read by the task execution role, and the task has none',
      `Write "executionRoleArn": "${EXECUTION_ROLE}" at the top level`,
    );
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
      report.error(
        'host-port',
        joinPath(path, 'hostPort'),
        `hostPort 0 (a dynamic port) exists only in the bridge network mode, not ${mode}`,
        'Leave hostPort out',
      );
    }
    return;
  }
  if ((mode === 'awsvpc' || mode === 'host') && hostPort !== containerPort) {
    const dynamic = hostPort === 0 ? ' (hostPort 0, a dynamic port, exists only in the bridge network mode)' : '';
    report.error(
      'host-port',
      joinPath(path, 'hostPort'),
      `Under the ${mode} network mode hostPort must equal containerPort (${containerPort}) or be left out, found ${hostPort}${dynamic}`,
      `Leave hostPort out or write ${containerPort}`,
    );
  }
}
