/**
 * Service discovery (Cloud Map): the seed's rules for `serviceRegistries` — which of containerName +
 * containerPort or port a network mode and the service's DNS records allow — and the checks of a port. Pure.
 */
import type {NetworkMode} from '../../domain/model.js';
import type {DiscoveryAnswers, WizardAnswers} from '../../domain/wizard-answers.js';
import {isJsonObject} from '../../domain/json.js';
import {getMember, parseJsonText} from '../../domain/json-text.js';
import {serviceVariable} from '../../domain/placeholders.js';
import {bad, ok, type Checked} from './answer-checks.js';
import type {SpecContainer} from './container-spec.js';

/** The config variable the wizard offers for the service discovery container port (the seed's example). */
export const CONTAINER_PORT_VARIABLE = 'containerPort';

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
  unknown: "the Cloud Map service's record types are not known",
};

/** Checks a discovery containerPort against the container's mapped ports (resolving config variables). */
export function checkDiscoveryPort(
  containers: readonly SpecContainer[],
  containerName: string,
  port: number | string,
  variables: Readonly<Record<string, string>> = {},
): Checked<number | string> {
  const container = containers.find((candidate) => candidate.name === containerName);
  if (container === undefined) {
    return bad(`"${containerName}" is not a container of the container specification (containers: ${containers.map((c) => c.name).join(', ') || 'none'})`);
  }
  if (typeof port === 'string' && container.ports.includes(port)) return ok(port);
  const wanted = resolvePort(port, variables);
  const mapped = container.ports.map((candidate) => resolvePort(candidate, variables));
  if (wanted !== undefined && mapped.includes(wanted)) return ok(port);
  const shown = container.ports.map((candidate) =>
    typeof candidate === 'number'
      ? String(candidate)
      : `${candidate}${resolvePort(candidate, variables) === undefined ? '' : ` = ${resolvePort(candidate, variables)}`}`,
  );
  if (shown.length === 0) {
    return bad(
      `Port ${typeof port === 'number' ? port : port} is not mapped: container "${containerName}" maps no ports. Go back (esc) to the container specification and add a port mapping`,
    );
  }
  return bad(`Port ${port} is not a port mapping of container "${containerName}" (its ports: ${shown.join(', ')})`);
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
