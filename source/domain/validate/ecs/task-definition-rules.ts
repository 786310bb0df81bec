/**
 * The rules of a task definition that tie one field to another, as ECS documents them (and enforces them when
 * the task definition is registered or its containers start). Each reads values the field table has already
 * typed, and skips what it cannot know: a value that still holds a placeholder, or a reference when some
 * container's name is still `${CONTAINER_NAME}` (the rendered document is checked again).
 *
 * - at least one essential container; `dependsOn`, `volumesFrom`, `links` and the App Mesh proxy name containers
 *   of the task; `links` only outside awsvpc; a mount point names a volume of the task; volume names unique;
 * - memory: a container's `memory` within the task's, `memoryReservation` within the container's `memory`, and
 *   the sum of the reservations within the task's memory; the sum of container `cpu` within the task's cpu;
 * - FARGATE compatibility: awsvpc, task cpu and memory, and one of Fargate's sizes;
 * - the awsfirelens log driver needs a FireLens container; ulimit soft ≤ hard; port mappings not in `none` mode;
 *   GPU requirements take a value or a sharing strategy; an InferenceAccelerator requirement names a device.
 */
import type {JsonObject, JsonValue} from '../../json.js';
import {isJsonObject} from '../../json.js';
import {getMember, joinPath} from '../../json-text.js';
import {ECS_NAME_PATTERN} from '../../aws-names.js';
import {describeFargatePair, isValidFargatePair, nearestValidFargatePair, parseCpuUnits, parseMemoryMiB} from '../../fargate.js';
import type {Report} from '../report.js';
import {CONTAINER_NAME} from '../../placeholders.js';
import {pending} from '../report.js';
import {orList} from './walk.js';

interface ContainerEntry {
  container: JsonObject;
  path: string;
  /** The literal name; undefined when it is missing, not a string or still a placeholder. */
  name: string | undefined;
}

const objects = (value: JsonValue | undefined, path: string): [JsonObject, string][] => {
  const found: [JsonObject, string][] = [];
  if (!Array.isArray(value)) return found;
  for (let index = 0; index < value.length; index += 1) {
    const item = value[index];
    if (isJsonObject(item)) found.push([item, joinPath(path, index)]);
  }
  return found;
};

const literal = (value: JsonValue | undefined): string | undefined => (typeof value === 'string' && !pending(value) ? value : undefined);

const whole = (value: JsonValue | undefined): number | undefined => (typeof value === 'number' && Number.isInteger(value) ? value : undefined);

/** A size the field table accepts (a whole number from 1): others were reported there. */
const size = (value: JsonValue | undefined): number | undefined => {
  const number = whole(value);
  return number !== undefined && number >= 1 ? number : undefined;
};

/** The containers of a task (objects only) and their literal names. */
function containersOf(task: JsonObject): ContainerEntry[] {
  return objects(getMember(task, 'containerDefinitions'), 'containerDefinitions').map(([container, path]) => ({
    container,
    path,
    name: literal(getMember(container, 'name')),
  }));
}

/** Applies every cross-field rule of a task definition (already typed by the field table). */
export function checkTaskDefinitionRules(report: Report, task: JsonObject): void {
  const containers = containersOf(task);
  checkNames(report, task, containers);
  const compat = getMember(task, 'requiresCompatibilities');
  if (Array.isArray(compat) && compat.includes('FARGATE')) checkFargateShape(report, task, 'its requiresCompatibilities includes FARGATE');
  checkEssential(report, containers);
  checkReferences(report, task, containers);
  checkVolumes(report, task, containers);
  checkResources(report, task, containers);
  for (const entry of containers) checkContainer(report, task, entry, containers);
}

/**
 * Fargate's shape of a task definition: the awsvpc network mode, task-level cpu and memory, and one of
 * Fargate's sizes. `why` says why the task runs on Fargate (its compatibilities, or the environment).
 */
export function checkFargateShape(report: Report, task: JsonObject, why: string): void {
  checkFargateNetworkMode(report, task, why);
  checkFargateTaskSize(report, task, why);
}

/** Fargate tasks use the awsvpc network mode. */
export function checkFargateNetworkMode(report: Report, task: JsonObject, why: string): void {
  const mode = getMember(task, 'networkMode');
  if (mode === undefined) {
    report.error(
      'fargate-network-mode',
      'networkMode',
      `Fargate tasks must use the awsvpc network mode (${why}); networkMode is not set`,
      'Add "networkMode": "awsvpc"',
    );
  } else if (mode !== 'awsvpc' && !pending(mode)) {
    report.error(
      'fargate-network-mode',
      'networkMode',
      `Fargate tasks must use the awsvpc network mode (${why}), found ${JSON.stringify(mode)}`,
      'Write "networkMode": "awsvpc"',
    );
  }
}

/** Fargate tasks have task-level cpu and memory, one of Fargate's sizes. */
export function checkFargateTaskSize(report: Report, task: JsonObject, why: string): void {
  const cpu = getMember(task, 'cpu');
  const memory = getMember(task, 'memory');
  for (const [key, value] of [
    ['cpu', cpu],
    ['memory', memory],
  ] as const) {
    if (value === undefined) {
      report.error(
        'fargate-task-size',
        key,
        `Fargate tasks need a task-level ${key} (${why})`,
        `Add "${key}": "${key === 'cpu' ? '256' : '512'}" at the top level (a valid pair: ${describeFargatePair({cpu: 256, memory: 512})})`,
      );
    }
  }
  const units = parseCpuUnits(cpu);
  const mib = parseMemoryMiB(memory);
  if (units !== undefined && mib !== undefined && !isValidFargatePair(units, mib)) {
    const nearest = nearestValidFargatePair(units, mib);
    report.error(
      'fargate-cpu-memory',
      'memory',
      `Fargate does not offer cpu ${units} with memory ${mib}; the nearest valid pair is ${describeFargatePair(nearest)}`,
      `Write "cpu": "${nearest.cpu}", "memory": "${nearest.memory}"`,
    );
  }
}

/** The family and container names: letters, digits, _ and - (1 to 255); container names unique in the task. */
function checkNames(report: Report, task: JsonObject, containers: readonly ContainerEntry[]): void {
  const family = literal(getMember(task, 'family'));
  if (family !== undefined && !ECS_NAME_PATTERN.test(family)) {
    report.error('invalid-name', 'family', `family "${family}" may hold only letters, digits, _ and - (at most 255)`);
  }
  const seen = new Map<string, string>();
  for (const {path, name} of containers) {
    if (name === undefined) continue;
    if (!ECS_NAME_PATTERN.test(name)) {
      report.error(
        'container-name',
        joinPath(path, 'name'),
        `Container name "${name}" may hold only letters, digits, _ and - (1 to 255 characters)`,
        `Write "${name.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 255) || 'app'}"`,
      );
    }
    const first = seen.get(name);
    if (first !== undefined) {
      report.error(
        'container-name-duplicate',
        joinPath(path, 'name'),
        `Container name "${name}" is already used by ${first}`,
        'Give every container its own name',
      );
    } else {
      seen.set(name, path);
    }
  }
}

/** ECS needs at least one essential container (`essential` is true unless written false). */
function checkEssential(report: Report, containers: readonly ContainerEntry[]): void {
  if (containers.length === 0 || containers.some((entry) => getMember(entry.container, 'essential') !== false)) return;
  const first = containers[0];
  report.error(
    'no-essential-container',
    joinPath(first?.path ?? 'containerDefinitions', 'essential'),
    `No container of the task is essential (every "essential" is false); ECS needs at least one essential container`,
    'Write "essential": true in the container that runs your service',
  );
}

/**
 * Container names referred to inside the task: dependsOn, volumesFrom, links, the App Mesh proxy. Before
 * rendering, the artifact's container is named `${CONTAINER_NAME}`: a reference to any other name is checked all
 * the same (a literal copy of the name it renders to would hold for one image tag only). A name holding another
 * placeholder could be anything: references are then not checked here (the rendered document is).
 */
function checkReferences(report: Report, task: JsonObject, containers: readonly ContainerEntry[]): void {
  const written = containers.map((entry) => getMember(entry.container, 'name'));
  const allKnown = written.every((name) => typeof name === 'string' && (!pending(name) || name === CONTAINER_NAME));
  const names = written.flatMap((name) => (typeof name === 'string' ? [name] : []));
  const refer = (value: JsonValue | undefined, path: string, what: string, self?: string): void => {
    const name = literal(value) ?? (value === CONTAINER_NAME ? CONTAINER_NAME : undefined);
    if (name === undefined || !allKnown) return;
    if (!names.includes(name)) {
      report.error(
        'unknown-container',
        path,
        `${what} "${name}", which is not a container of this task definition (containers: ${names.join(', ') || 'none'})`,
        names.length === 0 ? undefined : `Use one of: ${names.join(', ')}`,
      );
    } else if (self !== undefined && name === self) {
      report.error('unknown-container', path, `${what} "${name}": the container itself`, 'Name another container of the task');
    }
  };
  for (const {container, path} of containers) {
    const name = literal(getMember(container, 'name')) ?? (getMember(container, 'name') === CONTAINER_NAME ? CONTAINER_NAME : undefined);
    for (const [dependency, at] of objects(getMember(container, 'dependsOn'), joinPath(path, 'dependsOn'))) {
      refer(getMember(dependency, 'containerName'), joinPath(at, 'containerName'), 'dependsOn names', name);
    }
    for (const [source, at] of objects(getMember(container, 'volumesFrom'), joinPath(path, 'volumesFrom'))) {
      refer(getMember(source, 'sourceContainer'), joinPath(at, 'sourceContainer'), 'volumesFrom names', name);
    }
    const links = getMember(container, 'links');
    if (Array.isArray(links)) {
      links.forEach((link, index) => {
        const target = literal(link);
        if (target !== undefined) refer(target.split(':')[0], joinPath(joinPath(path, 'links'), index), 'links names', name);
      });
      if (links.length > 0 && getMember(task, 'networkMode') === 'awsvpc') {
        report.error(
          'links-network-mode',
          joinPath(path, 'links'),
          'links are not supported in the awsvpc network mode (containers of a task reach each other on localhost)',
          'Remove links; use localhost and the container port',
        );
      }
    }
  }
  const proxy = getMember(task, 'proxyConfiguration');
  if (isJsonObject(proxy)) refer(getMember(proxy, 'containerName'), 'proxyConfiguration.containerName', 'The App Mesh proxy (proxyConfiguration) names');
}

/** Volume names are unique and named where ECS needs it; every mount point names a volume of the task. */
function checkVolumes(report: Report, task: JsonObject, containers: readonly ContainerEntry[]): void {
  const volumes = objects(getMember(task, 'volumes'), 'volumes');
  const seen = new Map<string, string>();
  let namesKnown = true;
  let atLaunch = 0;
  for (const [volume, path] of volumes) {
    const name = literal(getMember(volume, 'name'));
    if (getMember(volume, 'name') !== undefined && name === undefined) namesKnown = false;
    if (getMember(volume, 'configuredAtLaunch') === true) atLaunch += 1;
    if (name === undefined) {
      const needs = ['efsVolumeConfiguration', 's3filesVolumeConfiguration', 'configuredAtLaunch'].find((key) => getMember(volume, key) !== undefined);
      if (getMember(volume, 'name') === undefined && needs !== undefined) {
        report.error('missing-field', joinPath(path, 'name'), `A volume with ${needs} needs a name`);
      }
      continue;
    }
    const first = seen.get(name);
    if (first !== undefined)
      report.error('duplicate-volume', joinPath(path, 'name'), `Volume name "${name}" is already used by ${first}`, 'Give every volume its own name');
    else seen.set(name, path);
  }
  if (atLaunch > 1) report.error('volume-at-launch', 'volumes', `${atLaunch} volumes are configured at launch; a task definition may have only one`);
  if (!namesKnown) return;
  for (const {container, path} of containers) {
    for (const [mount, at] of objects(getMember(container, 'mountPoints'), joinPath(path, 'mountPoints'))) {
      const source = literal(getMember(mount, 'sourceVolume'));
      if (source === undefined || seen.has(source)) continue;
      const names = [...seen.keys()];
      report.error(
        'unknown-volume',
        joinPath(at, 'sourceVolume'),
        `sourceVolume "${source}" is not a volume of this task definition (${names.length === 0 ? 'it has no volumes' : `volumes: ${names.join(', ')}`})`,
        `Add {"name": "${source}"} to the task's volumes, or use one of its volumes`,
      );
    }
  }
}

/** Container cpu and memory against the task's: each container's hard limit, and the sums. */
function checkResources(report: Report, task: JsonObject, containers: readonly ContainerEntry[]): void {
  const taskMemory = pending(getMember(task, 'memory')) ? undefined : parseMemoryMiB(getMember(task, 'memory'));
  const taskCpu = pending(getMember(task, 'cpu')) ? undefined : parseCpuUnits(getMember(task, 'cpu'));
  let reserved = 0;
  let cpu = 0;
  for (const {container, path, name} of containers) {
    const memory = size(getMember(container, 'memory'));
    const reservation = size(getMember(container, 'memoryReservation'));
    const label = name === undefined ? path : `"${name}"`;
    if (memory !== undefined && reservation !== undefined && reservation > memory) {
      report.error(
        'memory-reservation',
        joinPath(path, 'memoryReservation'),
        `memoryReservation (${reservation} MiB) must not exceed memory (${memory} MiB)`,
        `Lower memoryReservation to ${memory} or raise memory`,
      );
    }
    if (taskMemory !== undefined && memory !== undefined && memory > taskMemory) {
      report.error(
        'container-memory-over-task',
        joinPath(path, 'memory'),
        `The memory of container ${label} (${memory} MiB) is more than the task's memory (${taskMemory} MiB)`,
        `Lower it to at most ${taskMemory}, or raise the task's memory`,
      );
    }
    reserved += reservation ?? 0;
    cpu += Math.max(whole(getMember(container, 'cpu')) ?? 0, 0);
  }
  if (taskMemory !== undefined && reserved > taskMemory) {
    report.error(
      'memory-reservation-sum',
      'memory',
      `The containers reserve ${reserved} MiB (the sum of their memoryReservation), more than the task's memory (${taskMemory} MiB)`,
      "Lower the containers' memoryReservation, or raise the task's memory",
    );
  }
  if (taskCpu !== undefined && cpu > taskCpu) {
    report.error(
      'container-cpu-sum',
      'cpu',
      `The containers' cpu adds up to ${cpu} units, more than the task's cpu (${taskCpu})`,
      "Lower the containers' cpu, or raise the task's cpu",
    );
  }
}

/** Rules of one container that read other fields: log router, ulimits, port mappings, resource requirements. */
function checkContainer(report: Report, task: JsonObject, {container, path}: ContainerEntry, containers: readonly ContainerEntry[]): void {
  const log = getMember(container, 'logConfiguration');
  if (isJsonObject(log) && getMember(log, 'logDriver') === 'awsfirelens') {
    if (!containers.some((entry) => getMember(entry.container, 'firelensConfiguration') !== undefined)) {
      report.error(
        'firelens-router-missing',
        joinPath(joinPath(path, 'logConfiguration'), 'logDriver'),
        'The awsfirelens log driver needs a log router: a container of the task with firelensConfiguration',
        'Add a Fluent Bit container with "firelensConfiguration": {"type": "fluentbit"}, or use another log driver',
      );
    }
  }
  for (const [limit, at] of objects(getMember(container, 'ulimits'), joinPath(path, 'ulimits'))) {
    const soft = whole(getMember(limit, 'softLimit'));
    const hard = whole(getMember(limit, 'hardLimit'));
    if (soft !== undefined && hard !== undefined && hard !== -1 && (soft === -1 || soft > hard)) {
      report.error(
        'ulimit-limits',
        joinPath(at, 'softLimit'),
        `softLimit (${soft}) is above hardLimit (${hard}): the container cannot start`,
        `Lower softLimit to ${hard}`,
      );
    }
  }
  const mappings = getMember(container, 'portMappings');
  const mode = getMember(task, 'networkMode');
  for (const [mapping, at] of objects(mappings, joinPath(path, 'portMappings'))) {
    if (getMember(mapping, 'containerPort') === undefined && getMember(mapping, 'containerPortRange') === undefined) {
      report.error('missing-field', joinPath(at, 'containerPort'), 'A port mapping needs containerPort (or containerPortRange)');
    }
    if (mode === 'awsvpc' || mode === 'host') checkHostPort(report, mapping, at, mode);
  }
  if (mode === 'none' && Array.isArray(mappings) && mappings.length > 0) {
    report.error(
      'port-mappings-none',
      joinPath(path, 'portMappings'),
      'A task in the none network mode has no network: it takes no port mappings',
      'Remove portMappings, or choose another network mode',
    );
  }
  const check = getMember(container, 'healthCheck');
  const command = isJsonObject(check) ? getMember(check, 'command') : undefined;
  const parts = Array.isArray(command) ? command.filter((part): part is string => typeof part === 'string') : [];
  const first = Array.isArray(command) ? literal(command[0]) : undefined;
  if (first !== undefined && !['CMD', 'CMD-SHELL', 'NONE'].includes(first)) {
    report.warning(
      'health-check-command',
      joinPath(joinPath(joinPath(path, 'healthCheck'), 'command'), 0),
      `A health check command starts with ${orList(['"CMD"', '"CMD-SHELL"'])}, found "${first}"`,
      `Write ["CMD-SHELL", ${JSON.stringify(parts.join(' '))}]`,
    );
  }
  const devices = objects(getMember(task, 'inferenceAccelerators'), 'inferenceAccelerators').flatMap(([device]) => {
    const name = literal(getMember(device, 'deviceName'));
    return name === undefined ? [] : [name];
  });
  for (const [requirement, at] of objects(getMember(container, 'resourceRequirements'), joinPath(path, 'resourceRequirements'))) {
    const type = getMember(requirement, 'type');
    const value = getMember(requirement, 'value');
    const sharing = getMember(requirement, 'sharingStrategy') !== undefined;
    if (type === 'GPU' && sharing && value !== undefined) {
      report.error('gpu-requirement', joinPath(at, 'value'), 'A GPU requirement takes either value or sharingStrategy, not both', 'Remove one of them');
    } else if (value === undefined && !(type === 'GPU' && sharing)) {
      report.error('missing-field', joinPath(at, 'value'), `A ${typeof type === 'string' ? `${type} ` : ''}resource requirement needs value`);
    }
    const device = literal(value);
    if (type === 'InferenceAccelerator' && device !== undefined && !devices.includes(device)) {
      report.error(
        'unknown-inference-accelerator',
        joinPath(at, 'value'),
        `"${device}" is not the deviceName of one of the task's inferenceAccelerators${devices.length === 0 ? ' (it has none)' : ` (${devices.join(', ')})`}`,
      );
    }
  }
  // Hundreds of variables are common: the paths are joined only for a name set twice.
  const environment = getMember(container, 'environment');
  const names = new Map<string, number>();
  for (let index = 0; Array.isArray(environment) && index < environment.length; index += 1) {
    const variable = environment[index];
    const name = isJsonObject(variable) ? literal(getMember(variable, 'name')) : undefined;
    if (name === undefined) continue;
    const earlier = names.get(name);
    if (earlier === undefined) {
      names.set(name, index);
      continue;
    }
    const at = (item: number): string => joinPath(joinPath(path, 'environment'), item);
    report.warning(
      'duplicate-environment-name',
      joinPath(at(index), 'name'),
      `The environment variable ${name} is already set by ${at(earlier)}; one value is lost`,
    );
  }
}

/**
 * Under awsvpc and host a port mapping's hostPort equals its containerPort or is left out (hostPort 0, a
 * dynamic port, exists only in the bridge network mode).
 */
export function checkHostPort(report: Report, mapping: JsonObject, path: string, mode: string): void {
  if (mode !== 'awsvpc' && mode !== 'host') return;
  // Ports the field table found out of range or of the wrong type are not compared.
  const port = (key: string): number | undefined => {
    const value = getMember(mapping, key);
    return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 65535 ? value : undefined;
  };
  const containerPort = port('containerPort');
  const hostPort = port('hostPort');
  if (hostPort === undefined) return;
  if (containerPort === undefined) {
    if (hostPort === 0) {
      report.error(
        'host-port',
        joinPath(path, 'hostPort'),
        `hostPort 0 (a dynamic port) exists only in the bridge network mode, not ${mode}`,
        'Leave hostPort out',
      );
    }
    return;
  }
  if (hostPort !== containerPort) {
    const dynamic = hostPort === 0 ? ' (hostPort 0, a dynamic port, exists only in the bridge network mode)' : '';
    report.error(
      'host-port',
      joinPath(path, 'hostPort'),
      `Under the ${mode} network mode hostPort must equal containerPort (${containerPort}) or be left out, found ${hostPort}${dynamic}`,
      `Leave hostPort out or write ${containerPort}`,
    );
  }
}
