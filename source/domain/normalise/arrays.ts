/**
 * The table of arrays in task definitions and services: which are sets keyed by an identity, which are sets
 * of strings, which are ordered. Shared by the comparable form (sorting) and the diff (identity matching), so
 * that the two agree.
 */
import type {JsonValue} from '../json.js';
import {isJsonObject} from '../json.js';
import {getMember} from '../json-text.js';
import {canonicalJson, compareStrings} from '../json-values.js';

const str = (value: JsonValue | undefined): string | undefined => (typeof value === 'string' ? value : undefined);
const num = (value: JsonValue | undefined): number | undefined => (typeof value === 'number' ? value : undefined);

export type SortKey = readonly (string | number)[];

export interface KeyedArray {
  kind: 'keyed';
  /** The identity of an item, shown in diff paths (`environment[LOG_LEVEL]`); undefined when it has none. */
  identity: (item: JsonValue) => string | undefined;
  /** Sort order (defaults to the identity). */
  sortKey?: (item: JsonValue) => SortKey;
  /**
   * For name/value lists (`environment`, `secrets`, `tags` …): the member holding the value. An item of
   * exactly {identity, value} is compared as a map entry: `environment[LOG_LEVEL]: "info" → "debug"`.
   */
  valueField?: string;
  /** The member holding the identity of a name/value item. */
  nameField?: string;
}
export interface StringSet {
  kind: 'string-set';
}
/** Order matters (command, entryPoint, placementStrategy…): compared as a whole. */
export interface OrderedArray {
  kind: 'ordered';
}
export type ArraySpec = KeyedArray | StringSet | OrderedArray;

export type DocumentKind = 'taskDefinition' | 'service';

const field =
  (name: string) =>
  (item: JsonValue): string | undefined => {
    const value = isJsonObject(item) ? getMember(item, name) : undefined;
    return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
  };

const byName = (name: string, valueField?: string): KeyedArray =>
  valueField === undefined ? {kind: 'keyed', identity: field(name)} : {kind: 'keyed', identity: field(name), nameField: name, valueField};

const portIdentity = (item: JsonValue): string | undefined => {
  if (!isJsonObject(item)) return undefined;
  const port = num(item['containerPort']) ?? str(item['containerPortRange']) ?? str(item['containerPort']);
  if (port === undefined) return undefined;
  const protocol = str(item['protocol']) ?? 'tcp';
  return `${port}/${protocol}`;
};
const portSortKey = (item: JsonValue): SortKey => {
  if (!isJsonObject(item)) return [];
  const port = num(item['containerPort']) ?? Number.parseInt(str(item['containerPortRange']) ?? '', 10);
  return [Number.isFinite(port) ? port : Number.MAX_SAFE_INTEGER, str(item['protocol']) ?? 'tcp'];
};

const constraintIdentity = (item: JsonValue): string | undefined => {
  if (!isJsonObject(item)) return undefined;
  const type = str(item['type']);
  if (type === undefined) return undefined;
  const expression = str(item['expression']);
  return expression === undefined ? type : `${type}:${expression}`;
};

const loadBalancerIdentity = (item: JsonValue): string | undefined => {
  if (!isJsonObject(item)) return undefined;
  const target = str(item['targetGroupArn']) ?? str(item['loadBalancerName']);
  const container = str(item['containerName']);
  const port = num(item['containerPort']) ?? str(item['containerPort']);
  if (target === undefined && container === undefined) return undefined;
  return `${target ?? ''}|${container ?? ''}:${port ?? ''}`;
};

const SET: StringSet = {kind: 'string-set'};
const ORDERED: OrderedArray = {kind: 'ordered'};

/** Array specs by schema path (member names joined by `.`, array items add no segment). */
export const TASK_DEFINITION_ARRAYS: Readonly<Record<string, ArraySpec>> = {
  containerDefinitions: byName('name'),
  'containerDefinitions.environment': byName('name', 'value'),
  'containerDefinitions.secrets': byName('name', 'valueFrom'),
  'containerDefinitions.portMappings': {kind: 'keyed', identity: portIdentity, sortKey: portSortKey},
  'containerDefinitions.ulimits': byName('name'),
  'containerDefinitions.mountPoints': byName('containerPath'),
  'containerDefinitions.volumesFrom': byName('sourceContainer'),
  'containerDefinitions.dependsOn': byName('containerName'),
  'containerDefinitions.extraHosts': byName('hostname'),
  'containerDefinitions.systemControls': byName('namespace'),
  'containerDefinitions.resourceRequirements': byName('type'),
  'containerDefinitions.logConfiguration.secretOptions': byName('name', 'valueFrom'),
  'containerDefinitions.linuxParameters.devices': byName('hostPath'),
  'containerDefinitions.linuxParameters.tmpfs': byName('containerPath'),
  'containerDefinitions.linuxParameters.capabilities.add': SET,
  'containerDefinitions.linuxParameters.capabilities.drop': SET,
  'containerDefinitions.links': SET,
  'containerDefinitions.dockerSecurityOptions': SET,
  'containerDefinitions.credentialSpecs': SET,
  // Order matters: later files override earlier ones; resolv.conf order; argv.
  'containerDefinitions.environmentFiles': ORDERED,
  'containerDefinitions.dnsServers': ORDERED,
  'containerDefinitions.dnsSearchDomains': ORDERED,
  'containerDefinitions.command': ORDERED,
  'containerDefinitions.entryPoint': ORDERED,
  'containerDefinitions.healthCheck.command': ORDERED,
  volumes: byName('name'),
  placementConstraints: {kind: 'keyed', identity: constraintIdentity},
  requiresCompatibilities: SET,
  inferenceAccelerators: byName('deviceName'),
  tags: byName('key', 'value'),
  'proxyConfiguration.properties': byName('name', 'value'),
};

export const SERVICE_ARRAYS: Readonly<Record<string, ArraySpec>> = {
  loadBalancers: {kind: 'keyed', identity: loadBalancerIdentity},
  serviceRegistries: byName('registryArn'),
  placementConstraints: {kind: 'keyed', identity: constraintIdentity},
  // Placement strategies are applied in order (the first one has the highest priority).
  placementStrategy: ORDERED,
  capacityProviderStrategy: byName('capacityProvider'),
  tags: byName('key', 'value'),
  'networkConfiguration.awsvpcConfiguration.subnets': SET,
  'networkConfiguration.awsvpcConfiguration.securityGroups': SET,
  'deploymentConfiguration.alarms.alarmNames': SET,
  'deploymentConfiguration.lifecycleHooks': ORDERED,
  'serviceConnectConfiguration.services': byName('portName'),
  volumeConfigurations: byName('name'),
  vpcLatticeConfigurations: byName('targetGroupArn'),
};

/** The spec of the array at `schemaPath` in a document of `kind`; ordered when unknown. */
export function arraySpec(kind: DocumentKind, schemaPath: string): ArraySpec {
  const table = kind === 'taskDefinition' ? TASK_DEFINITION_ARRAYS : SERVICE_ARRAYS;
  return Object.hasOwn(table, schemaPath) ? (table[schemaPath] as ArraySpec) : ORDERED;
}

const compareSortKeys = (a: SortKey, b: SortKey): number => {
  const length = Math.max(a.length, b.length);
  for (let index = 0; index < length; index += 1) {
    const x = a[index];
    const y = b[index];
    if (x === y) continue;
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    if (typeof x === 'number') return -1;
    if (typeof y === 'number') return 1;
    return compareStrings(x, y);
  }
  return 0;
};

/**
 * Sorts an array the way its spec says (stable, total: ties are broken by canonical JSON). The canonical JSON of an
 * item is written only when its sort key ties with another's: items with distinct identities (containers, environment
 * variables) are never serialised.
 */
export function sortArray(items: readonly JsonValue[], spec: ArraySpec): JsonValue[] {
  if (spec.kind === 'ordered') return [...items];
  const decorated = items.map((item) => {
    let key: SortKey;
    if (spec.kind === 'string-set') key = typeof item === 'string' ? [item] : [];
    else if (spec.sortKey !== undefined) key = spec.sortKey(item);
    else {
      const identity = spec.identity(item);
      key = identity === undefined ? [] : [identity];
    }
    return {item, key, text: undefined as string | undefined};
  });
  const text = (entry: (typeof decorated)[number]): string => (entry.text ??= canonicalJson(entry.item));
  decorated.sort((a, b) => compareSortKeys(a.key, b.key) || compareStrings(text(a), text(b)));
  return decorated.map((entry) => entry.item);
}
