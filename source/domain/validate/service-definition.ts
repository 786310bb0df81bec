/**
 * Rules of a rendered CreateService input, given the rendered task definition it runs: first ECS's own rules of
 * the spec as written (ecs/document.ts: the field table, then the rules between fields), then what depends on the
 * task and the environment — service name, DAEMON and Fargate placement, launch type or capacity providers, awsvpc
 * networking (from the environment), service discovery (the registry's record types decide which parameters it
 * takes), load balancers (containers and ports of the task), and the port names Service Connect and VPC Lattice use.
 */
import type {Issue, Severity} from '../issues.js';
import type {JsonObject, JsonValue} from '../json.js';
import {isJsonObject} from '../json.js';
import type {JsonText} from '../json-text.js';
import {joinPath, locateIssues} from '../json-text.js';
import type {NetworkMode} from '../model.js';
import {ARN_EXAMPLES, ECS_NAME_PATTERN} from '../aws-names.js';
import {effectiveNetworkMode} from '../network-mode.js';
import type {ValidationContext} from './context.js';
import {checkEcsService} from './ecs/document.js';
import {checkArn, member, pending, Report, typeName} from './report.js';

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

/**
 * Rules of a rendered CreateService input, given the rendered task definition it runs. `written` is the spec as
 * the person wrote it (placeholders replaced), before render put in what the environment decides (cluster,
 * launch type, network): ECS's own rules of the document read it, so that a bad value is reported rather than
 * silently replaced.
 */
export function validateServiceDefinition(
  service: JsonValue | undefined,
  task: JsonValue | undefined,
  context: ValidationContext,
  parsed?: Pick<JsonText, 'positions'>,
  written?: JsonValue,
): Issue[] {
  const report = new Report('serviceSpec');
  if (!isJsonObject(service)) {
    if (service !== undefined)
      report.error('wrong-type', '', `The service specification must be a JSON object (a CreateService input), found ${typeName(service)}`);
    return locateIssues(report.issues, parsed);
  }
  // ECS's own rules of the document: every field by the table, then the rules between fields.
  checkEcsService(report, isJsonObject(written) ? written : service);
  const fargate = context.launchType === 'FARGATE';
  const mode = effectiveNetworkMode(task, context.launchType);

  const serviceName = member(service, 'serviceName');
  if (typeof serviceName === 'string' && !pending(serviceName) && !ECS_NAME_PATTERN.test(serviceName)) {
    report.error('invalid-name', 'serviceName', `serviceName "${serviceName}" may hold only letters, digits, _ and - (at most 255)`);
  }

  // Scheduling strategy.
  const strategy = member(service, 'schedulingStrategy');
  const desiredCount = member(service, 'desiredCount');
  const placementStrategy = member(service, 'placementStrategy');
  const placementConstraints = member(service, 'placementConstraints');
  if (strategy === 'DAEMON') {
    if (fargate) {
      report.error(
        'daemon-fargate',
        'schedulingStrategy',
        'The DAEMON scheduling strategy is not supported on Fargate',
        'Use REPLICA, or deploy to an EC2 environment',
      );
    }
    if (desiredCount !== undefined) {
      report.error(
        'daemon-desired-count',
        'desiredCount',
        `A DAEMON service runs one task per instance and takes no desiredCount${typeof desiredCount === 'number' ? ` (found ${desiredCount})` : ''}`,
        'Remove desiredCount',
      );
    }
    if (Array.isArray(placementStrategy) && placementStrategy.length > 0) {
      report.error('daemon-placement-strategy', 'placementStrategy', 'A DAEMON service takes no placementStrategy', 'Write "placementStrategy": []');
    }
  } else if (fargate) {
    for (const [key, value] of [
      ['placementStrategy', placementStrategy],
      ['placementConstraints', placementConstraints],
    ] as const) {
      if (Array.isArray(value) && value.length > 0) report.error('fargate-placement', key, `Fargate does not support ${key}`, `Write "${key}": []`);
    }
  }

  // Launch type.
  if (member(service, 'launchType') !== undefined && member(service, 'capacityProviderStrategy') !== undefined) {
    report.error('launch-type-conflict', 'launchType', 'A service takes either launchType or capacityProviderStrategy, not both', 'Remove launchType');
  }

  // Networking.
  const networkConfiguration = member(service, 'networkConfiguration');
  if (mode === 'awsvpc') checkAwsVpc(report, context, networkConfiguration);

  // Service discovery and load balancers.
  const containers = containersOf(task);
  const registries = member(service, 'serviceRegistries');
  if (Array.isArray(registries) && registries.length > 1) {
    report.error(
      'discovery-multiple',
      'serviceRegistries',
      `An ECS service can register with one Cloud Map service; found ${registries.length}`,
      'Keep one entry in serviceRegistries',
    );
  }
  for (const [registry, path] of objectsOf(registries, 'serviceRegistries')) checkRegistry(report, registry, path, mode, containers, context);
  for (const [balancer, path] of objectsOf(member(service, 'loadBalancers'), 'loadBalancers')) {
    checkContainerReference(report, balancer, path, containers, 'load-balancer');
  }
  checkPortNames(report, service, task);
  return locateIssues(report.issues, parsed);
}

/** The objects of an array member with their paths (the field table reports items of another type). */
const objectsOf = (value: JsonValue | undefined, path: string): [JsonObject, string][] =>
  Array.isArray(value) ? value.flatMap((item, index): [JsonObject, string][] => (isJsonObject(item) ? [[item, joinPath(path, index)]] : [])) : [];

/**
 * Service Connect services and VPC Lattice configurations name a port mapping of the task (`portMappings[].name`).
 * Checked when every container's port mapping names are known.
 */
function checkPortNames(report: Report, service: JsonObject, task: JsonValue | undefined): void {
  if (!isJsonObject(task)) return;
  const names: string[] = [];
  let known = true;
  for (const [container] of objectsOf(member(task, 'containerDefinitions'), 'containerDefinitions')) {
    for (const [mapping] of objectsOf(member(container, 'portMappings'), 'portMappings')) {
      const name = member(mapping, 'name');
      if (typeof name === 'string' && !pending(name)) names.push(name);
      else if (name !== undefined) known = false;
    }
  }
  if (!known) return;
  const refer = (value: JsonValue | undefined, path: string, what: string): void => {
    if (typeof value !== 'string' || pending(value) || names.includes(value)) return;
    report.error(
      'unknown-port-name',
      path,
      `${what} "${value}" is not the name of a port mapping of the task definition${names.length === 0 ? ' (its port mappings have no names)' : ` (names: ${names.join(', ')})`}`,
      names.length === 0 ? `Add "name": "${value}" to the container's port mapping` : `Use one of: ${names.join(', ')}`,
    );
  };
  const connect = member(service, 'serviceConnectConfiguration');
  if (isJsonObject(connect)) {
    for (const [entry, path] of objectsOf(member(connect, 'services'), 'serviceConnectConfiguration.services')) {
      refer(member(entry, 'portName'), joinPath(path, 'portName'), 'portName');
    }
  }
  for (const [entry, path] of objectsOf(member(service, 'vpcLatticeConfigurations'), 'vpcLatticeConfigurations')) {
    refer(member(entry, 'portName'), joinPath(path, 'portName'), 'portName');
  }
}

function checkAwsVpc(report: Report, context: ValidationContext, networkConfiguration: JsonValue | undefined): void {
  const where = context.environmentName === undefined ? 'The environment' : `Environment "${context.environmentName}"`;
  const network = context.network;
  if (network === undefined) {
    report.add(
      'error',
      'awsvpc-network',
      'network',
      `${where} has no network settings, and a task in the awsvpc network mode needs subnets and security groups`,
      'Choose the subnets and security groups of the environment',
      'environment',
    );
  } else {
    if (!Array.isArray(network.subnets) || network.subnets.length === 0) {
      report.add(
        'error',
        'awsvpc-network',
        'network.subnets',
        `${where} has no subnets, and a task in the awsvpc network mode needs at least one`,
        'Choose the subnets of the environment',
        'environment',
      );
    }
    if (!Array.isArray(network.securityGroups) || network.securityGroups.length === 0) {
      report.add(
        'error',
        'awsvpc-network',
        'network.securityGroups',
        `${where} has no security groups, and a task in the awsvpc network mode needs at least one`,
        'Choose the security groups of the environment',
        'environment',
      );
    }
    if (network.assignPublicIp === true && context.launchType === 'EC2') {
      report.add(
        'error',
        'assign-public-ip',
        'network.assignPublicIp',
        `${where} assigns public IPs, which only Fargate tasks support`,
        'Turn assignPublicIp off for EC2 environments',
        'environment',
      );
    }
  }
  if (isJsonObject(networkConfiguration) && !isJsonObject(member(networkConfiguration, 'awsvpcConfiguration'))) {
    report.error(
      'missing-field',
      'networkConfiguration.awsvpcConfiguration',
      'networkConfiguration needs awsvpcConfiguration (subnets, securityGroups, assignPublicIp)',
    );
  }
}

/** `containerName` must name a container of the task; `containerPort` one of its portMappings. */
function checkContainerReference(
  report: Report,
  entry: JsonObject,
  path: string,
  containers: readonly ContainerInfo[],
  prefix: 'discovery' | 'load-balancer',
): void {
  const name = member(entry, 'containerName');
  const port = member(entry, 'containerPort');
  // Wrong types were reported by the field table.
  if (typeof name !== 'string' || pending(name)) return;
  const container = containers.find((candidate) => candidate.name === name);
  if (container === undefined) {
    const names = containers.map((candidate) => candidate.name);
    report.error(
      `${prefix}-container`,
      joinPath(path, 'containerName'),
      `containerName "${name}" is not a container of the container specification${names.length === 0 ? '' : ` (containers: ${names.join(', ')})`}`,
      "Use the name of a container of the container specification: usually ${CONTAINER_NAME}, when that container's name is ${CONTAINER_NAME} too",
    );
    return;
  }
  if (typeof port === 'number' && Number.isInteger(port) && !container.containerPorts.includes(port)) {
    const ports = container.containerPorts;
    report.error(
      `${prefix}-container-port`,
      joinPath(path, 'containerPort'),
      `containerPort ${port} is not a port mapping of container "${name}"${ports.length === 0 ? ' (it maps no ports)' : ` (its ports: ${ports.join(', ')})`}`,
      ports.length === 0 ? `Add a portMappings entry with containerPort ${port} to "${name}"` : `Use one of ${ports.join(', ')}`,
    );
  }
}

function checkRegistry(
  report: Report,
  registry: JsonObject,
  path: string,
  mode: NetworkMode | 'none' | undefined,
  containers: readonly ContainerInfo[],
  context: ValidationContext,
): void {
  const arn = member(registry, 'registryArn');
  if (arn === undefined) {
    report.error(
      'missing-field',
      joinPath(path, 'registryArn'),
      'A service registry needs registryArn: the ARN of the Cloud Map service',
      `Write it like ${ARN_EXAMPLES.cloudMapService}`,
    );
  } else {
    checkArn(report, arn, joinPath(path, 'registryArn'), ['cloudMapService'], 'registryArn');
  }
  checkContainerReference(report, registry, path, containers, 'discovery');

  const hasName = member(registry, 'containerName') !== undefined;
  const hasContainerPort = member(registry, 'containerPort') !== undefined;
  const hasPort = member(registry, 'port') !== undefined;
  const types =
    typeof arn === 'string' && context.discoveryRecordTypes !== undefined && Object.hasOwn(context.discoveryRecordTypes, arn)
      ? context.discoveryRecordTypes[arn]
      : undefined;
  const srv = types === undefined ? undefined : types.includes('SRV');
  const unknown = srv === undefined ? ' if the Cloud Map service has SRV records (its record types were not read)' : '';

  if (mode === 'bridge' || mode === 'host') {
    if (srv === false) {
      report.error(
        'discovery-record-type',
        joinPath(path, 'registryArn'),
        `In the ${mode} network mode service discovery needs SRV records, and this Cloud Map service has only ${types?.join(', ') || 'no'} records`,
        'Use a Cloud Map service with SRV records',
      );
    }
    if (!hasName || !hasContainerPort) {
      const missing = [hasName ? undefined : 'containerName', hasContainerPort ? undefined : 'containerPort'].filter((key) => key !== undefined).join(' and ');
      report.error(
        'discovery-params',
        joinPath(path, hasName ? 'containerPort' : 'containerName'),
        `In the ${mode} network mode service discovery needs containerName and containerPort; ${missing} ${missing.includes(' and ') ? 'are' : 'is'} missing`,
        'Write "containerName": "${CONTAINER_NAME}" and the containerPort of one of its port mappings',
      );
    }
    if (hasPort)
      report.warning(
        'discovery-port-ignored',
        joinPath(path, 'port'),
        `port is used only with the awsvpc network mode and SRV records; in the ${mode} network mode it is ignored`,
        'Remove port',
      );
    return;
  }
  if (mode !== 'awsvpc') return;
  if (srv === false) {
    if (hasPort)
      report.warning(
        'discovery-port-ignored',
        joinPath(path, 'port'),
        'port is used only with SRV records, and this Cloud Map service has only A records: it is ignored',
        'Remove port',
      );
    return;
  }
  const severity: Severity = srv === true ? 'error' : 'warning';
  const pair = hasName && hasContainerPort;
  if (hasPort && (hasName || hasContainerPort)) {
    report.add(
      severity,
      'discovery-params',
      joinPath(path, 'port'),
      `Under awsvpc with SRV records give either containerName and containerPort, or port — never both${unknown}`,
      'Remove port, or remove containerName and containerPort',
    );
  } else if (!hasPort && hasName !== hasContainerPort) {
    report.add(
      severity,
      'discovery-params',
      joinPath(path, hasName ? 'containerPort' : 'containerName'),
      `containerName and containerPort go together: give both, or port alone${unknown}`,
      hasName ? 'Add containerPort' : 'Add "containerName": "${CONTAINER_NAME}"',
    );
  } else if (!hasPort && !pair) {
    report.add(
      severity,
      'discovery-params',
      path,
      `Under awsvpc with SRV records give either containerName and containerPort, or port${unknown}`,
      'Add "containerName": "${CONTAINER_NAME}" and "containerPort"',
    );
  }
}
