/**
 * Normalisation of ECS task definitions and services, in two strengths:
 *
 * 1. **Registrable input** (used by import): what `describe-task-definition` / `describe-services` print,
 *    turned into what `RegisterTaskDefinition` / `CreateService` accept — read-only fields and `null`s
 *    stripped (and each one reported), `clusterArn` → `cluster`, `roleArn` → `role`. Nothing else is
 *    touched, so rendering the imported spec gives back this input field for field.
 * 2. **Comparable form** (used by the diff): the registrable input, plus API defaults the user did not
 *    write dropped (AWS fills them in, so they are noise in a diff), empty arrays/objects dropped, and
 *    what AWS treats as sets sorted. `normaliseTaskDefinition` and `normaliseService` are idempotent.
 *
 * The table of arrays (which are sets keyed by an identity, which are sets of strings, which are ordered)
 * lives here and is shared with the diff, so that sorting and identity-matching agree.
 *
 * Pure: no I/O, no clock.
 */
import type {JsonObject, JsonValue} from './json.js';
import {isJsonObject} from './json.js';
import {getMember, joinPath, setMember} from './json-text.js';

// ---------------------------------------------------------------------------------------------------
// Field lists
// ---------------------------------------------------------------------------------------------------

/** Fields of a described task definition that RegisterTaskDefinition refuses. */
export const TASK_DEFINITION_READ_ONLY_FIELDS = [
  'taskDefinitionArn',
  'revision',
  'status',
  'requiresAttributes',
  'compatibilities',
  'registeredAt',
  'registeredBy',
  'deregisteredAt',
] as const;

/** The parameters CreateService accepts (the 2025 API). Anything else in a described service is output only. */
export const CREATE_SERVICE_FIELDS = [
  'cluster',
  'serviceName',
  'taskDefinition',
  'availabilityZoneRebalancing',
  'loadBalancers',
  'serviceRegistries',
  'desiredCount',
  'clientToken',
  'launchType',
  'capacityProviderStrategy',
  'platformVersion',
  'role',
  'deploymentConfiguration',
  'placementConstraints',
  'placementStrategy',
  'networkConfiguration',
  'healthCheckGracePeriodSeconds',
  'schedulingStrategy',
  'deploymentController',
  'tags',
  'enableECSManagedTags',
  'propagateTags',
  'enableExecuteCommand',
  'serviceConnectConfiguration',
  'volumeConfigurations',
  'vpcLatticeConfigurations',
] as const;

/**
 * Output-only fields of a DescribeServices service, stripped on import without a warning
 * (`clusterArn` and `roleArn` are converted, not just stripped). A field in neither this list nor
 * CREATE_SERVICE_FIELDS is stripped too, but reported as unknown.
 */
export const SERVICE_READ_ONLY_FIELDS = [
  'serviceArn',
  'clusterArn',
  'roleArn',
  'status',
  'runningCount',
  'pendingCount',
  'deployments',
  'events',
  'createdAt',
  'createdBy',
  'taskSets',
  'platformFamily',
  'currentServiceDeployment',
  'currentServiceRevisions',
  'resourceManagementType',
] as const;

const CREATE_SERVICE_FIELD_SET: ReadonlySet<string> = new Set(CREATE_SERVICE_FIELDS);
const SERVICE_READ_ONLY_FIELD_SET: ReadonlySet<string> = new Set(SERVICE_READ_ONLY_FIELDS);

// ---------------------------------------------------------------------------------------------------
// JSON helpers
// ---------------------------------------------------------------------------------------------------

/** JSON text with object keys sorted: equal values give equal text whatever their key order. */
export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).sort(compareStrings);
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key] as JsonValue)}`).join(',')}}`;
}

/** Deep equality of JSON values (key order ignored, array order significant). */
export function jsonEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return false;
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => jsonEqual(item, b[index]));
  }
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  return keysA.every((key) => Object.hasOwn(b, key) && jsonEqual(a[key], b[key]));
}

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A deep copy (also drops anything that is not JSON, such as `undefined`). */
export function cloneJson<T extends JsonValue>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => cloneJson(item)) as T;
  const copy: JsonObject = {};
  for (const key of Object.keys(value)) {
    const member = value[key];
    if (member !== undefined) setMember(copy, key, cloneJson(member));
  }
  return copy as T;
}

const str = (value: JsonValue | undefined): string | undefined => (typeof value === 'string' ? value : undefined);
const num = (value: JsonValue | undefined): number | undefined => (typeof value === 'number' ? value : undefined);
const arr = (value: JsonValue | undefined): JsonValue[] | undefined => (Array.isArray(value) ? value : undefined);
const obj = (value: JsonValue | undefined): JsonObject | undefined => (isJsonObject(value) ? value : undefined);

// ---------------------------------------------------------------------------------------------------
// Arrays: sets keyed by identity, sets of strings, ordered lists
// ---------------------------------------------------------------------------------------------------

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

/** Sorts an array the way its spec says (stable, total: ties are broken by canonical JSON). */
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
    return {item, key, text: canonicalJson(item)};
  });
  decorated.sort((a, b) => compareSortKeys(a.key, b.key) || compareStrings(a.text, b.text));
  return decorated.map((entry) => entry.item);
}

// ---------------------------------------------------------------------------------------------------
// 1. Registrable input (import)
// ---------------------------------------------------------------------------------------------------

export interface StripResult {
  value: JsonObject;
  /** Paths (`containerDefinitions[0].cpu`) of what was removed, in document order. */
  stripped: string[];
}

/** Removes every `null` (object members and array items), reporting each path. Returns a copy. */
export function stripNulls(value: JsonValue, path = '', stripped: string[] = []): JsonValue {
  if (Array.isArray(value)) {
    const out: JsonValue[] = [];
    value.forEach((item, index) => {
      if (item === null) stripped.push(joinPath(path, index));
      else out.push(stripNulls(item, joinPath(path, index), stripped));
    });
    return out;
  }
  if (isJsonObject(value)) {
    const out: JsonObject = {};
    for (const key of Object.keys(value)) {
      const member = value[key] as JsonValue;
      if (member === null) stripped.push(joinPath(path, key));
      else setMember(out, key, stripNulls(member, joinPath(path, key), stripped));
    }
    return out;
  }
  return value;
}

/**
 * A described task definition → RegisterTaskDefinition input: read-only fields and nulls removed
 * (each reported). Nothing else changes (key order included).
 */
export function toRegisterTaskDefinitionInput(taskDefinition: JsonObject): StripResult {
  const stripped: string[] = [];
  const readOnly: ReadonlySet<string> = new Set(TASK_DEFINITION_READ_ONLY_FIELDS);
  const kept: JsonObject = {};
  for (const key of Object.keys(taskDefinition)) {
    if (readOnly.has(key)) stripped.push(key);
    else setMember(kept, key, taskDefinition[key] as JsonValue);
  }
  const value = stripNulls(kept, '', stripped) as JsonObject;
  return {value, stripped};
}

/** `arn:aws:ecs:eu-west-1:123456789012:cluster/prod` → `prod`; a plain name is returned as is. */
export function clusterNameFromArn(clusterOrArn: string): string {
  const match = /^arn:aws[a-z-]*:ecs:[^:]*:[^:]*:cluster\/(.+)$/.exec(clusterOrArn);
  return match?.[1] ?? clusterOrArn;
}

/** The region of any ARN (`arn:aws:ecs:eu-west-1:…` → `eu-west-1`), or undefined. */
export function regionFromArn(arn: string): string | undefined {
  const match = /^arn:aws[a-z-]*:[^:]+:([a-z0-9-]+):/.exec(arn);
  return match?.[1];
}

/** `…:task-definition/web:12` → `web:12`; `web:12` and `web` are returned as they are. */
export function taskDefinitionRef(taskDefinitionOrArn: string): string {
  const match = /^arn:aws[a-z-]*:ecs:[^:]*:[^:]*:task-definition\/(.+)$/.exec(taskDefinitionOrArn);
  return match?.[1] ?? taskDefinitionOrArn;
}

/** True for the ECS service-linked role, which ECS uses when no `role` is given. */
export const isServiceLinkedRole = (roleArn: string): boolean => /:role\/aws-service-role\//.test(roleArn) || /(^|\/)AWSServiceRoleForECS$/.test(roleArn);

export interface ServiceInputResult extends StripResult {
  /** Members renamed on the way (`clusterArn` → `cluster`, `roleArn` → `role`). */
  renamed: {from: string; to: string}[];
  /** Members that are neither CreateService parameters nor known output-only fields (stripped as well). */
  unknown: string[];
}

/**
 * A DescribeServices service → CreateService input: output-only fields removed, `clusterArn` → `cluster`
 * (short name), `roleArn` → `role` only where CreateService accepts a role (a load balancer, no awsvpc,
 * not the service-linked role), `desiredCount` removed for DAEMON, nulls removed. Each removal is reported.
 */
export function toCreateServiceInput(service: JsonObject): ServiceInputResult {
  const stripped: string[] = [];
  const renamed: {from: string; to: string}[] = [];
  const unknown: string[] = [];
  const value: JsonObject = {};
  const clusterArn = str(service['clusterArn']);
  const roleArn = str(service['roleArn']);
  for (const key of Object.keys(service)) {
    const member = service[key] as JsonValue;
    if (CREATE_SERVICE_FIELD_SET.has(key)) {
      setMember(value, key, member);
      continue;
    }
    if (key === 'clusterArn' && clusterArn !== undefined && !Object.hasOwn(service, 'cluster')) {
      value['cluster'] = clusterNameFromArn(clusterArn);
      renamed.push({from: 'clusterArn', to: 'cluster'});
      continue;
    }
    if (key === 'roleArn' && roleArn !== undefined && !Object.hasOwn(service, 'role')) {
      const loadBalancers = arr(service['loadBalancers']) ?? [];
      const awsvpc = obj(service['networkConfiguration'])?.['awsvpcConfiguration'] !== undefined;
      if (loadBalancers.length > 0 && !awsvpc && !isServiceLinkedRole(roleArn)) {
        value['role'] = roleArn;
        renamed.push({from: 'roleArn', to: 'role'});
        continue;
      }
    }
    stripped.push(key);
    if (!SERVICE_READ_ONLY_FIELD_SET.has(key)) unknown.push(key);
  }
  if (value['schedulingStrategy'] === 'DAEMON' && Object.hasOwn(value, 'desiredCount')) {
    delete value['desiredCount'];
    stripped.push('desiredCount');
  }
  const cleaned = stripNulls(value, '', stripped) as JsonObject;
  return {value: cleaned, stripped, renamed, unknown};
}

// ---------------------------------------------------------------------------------------------------
// 2. Comparable form (diff)
// ---------------------------------------------------------------------------------------------------

/** Container members whose `false` is the API default. */
const CONTAINER_FALSE_DEFAULTS = ['privileged', 'readonlyRootFilesystem', 'interactive', 'pseudoTerminal', 'disableNetworking'] as const;

/** Health check defaults ECS fills in: interval 30 s, timeout 5 s, 3 retries, no start period. */
const HEALTH_CHECK_DEFAULTS: Readonly<Record<string, number>> = {interval: 30, timeout: 5, retries: 3, startPeriod: 0};

const dropIf = (object: JsonObject, key: string, predicate: (value: JsonValue) => boolean): void => {
  if (Object.hasOwn(object, key) && predicate(object[key] as JsonValue)) delete object[key];
};
const equals =
  (expected: JsonValue) =>
  (value: JsonValue): boolean =>
    value === expected;

/** Task-level cpu/memory as the API prints them: `"1 vCPU"` → `"1024"`, `"2 GB"` → `"2048"`, `512` → `"512"`. */
export function canonicalTaskSize(value: JsonValue, unit: 'vcpu' | 'gb'): JsonValue {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  if (/^[0-9]+$/.test(trimmed)) return String(Number(trimmed));
  const pattern = unit === 'vcpu' ? /^([0-9]+(?:\.[0-9]+)?)\s*vcpu$/i : /^([0-9]+(?:\.[0-9]+)?)\s*gb$/i;
  const match = pattern.exec(trimmed);
  if (match?.[1] === undefined) return value;
  const scaled = Number(match[1]) * 1024;
  return Number.isInteger(scaled) ? String(scaled) : value;
}

/**
 * Recursively: removes nulls, sorts sets per the array table, and drops empty arrays and empty objects
 * (bottom-up, so an object emptied by this becomes absent too). Array items are never dropped.
 */
function tidy(value: JsonValue, kind: DocumentKind, schemaPath: string): JsonValue | undefined {
  if (value === null) return undefined;
  if (Array.isArray(value)) {
    const items: JsonValue[] = [];
    for (const item of value) {
      if (item === null) continue;
      const tidied = tidy(item, kind, schemaPath);
      items.push(tidied === undefined ? (Array.isArray(item) ? [] : {}) : tidied);
    }
    if (items.length === 0) return undefined;
    return sortArray(items, arraySpec(kind, schemaPath));
  }
  if (isJsonObject(value)) {
    const out: JsonObject = {};
    for (const key of Object.keys(value)) {
      const tidied = tidy(value[key] as JsonValue, kind, schemaPath === '' ? key : `${schemaPath}.${key}`);
      if (tidied !== undefined) setMember(out, key, tidied);
    }
    return Object.keys(out).length === 0 ? undefined : out;
  }
  return value;
}

function normaliseContainer(container: JsonObject, networkMode: string): void {
  dropIf(container, 'essential', equals(true));
  dropIf(container, 'cpu', equals(0));
  for (const key of CONTAINER_FALSE_DEFAULTS) dropIf(container, key, equals(false));
  // Newer API: image digests are resolved by default.
  dropIf(container, 'versionConsistency', equals('enabled'));
  for (const mapping of arr(container['portMappings']) ?? []) {
    if (!isJsonObject(mapping)) continue;
    dropIf(mapping, 'protocol', equals('tcp'));
    const containerPort = mapping['containerPort'];
    if (networkMode === 'awsvpc' || networkMode === 'host') dropIf(mapping, 'hostPort', (hostPort) => hostPort === containerPort);
    // Under bridge, an omitted host port and 0 both mean a dynamic host port.
    if (networkMode === 'bridge') dropIf(mapping, 'hostPort', equals(0));
  }
  for (const key of ['mountPoints', 'volumesFrom']) {
    for (const item of arr(container[key]) ?? []) if (isJsonObject(item)) dropIf(item, 'readOnly', equals(false));
  }
  const healthCheck = obj(container['healthCheck']);
  if (healthCheck !== undefined) {
    for (const [key, fallback] of Object.entries(HEALTH_CHECK_DEFAULTS)) dropIf(healthCheck, key, equals(fallback));
  }
  const linuxParameters = obj(container['linuxParameters']);
  if (linuxParameters !== undefined) dropIf(linuxParameters, 'initProcessEnabled', equals(false));
}

function normaliseVolume(volume: JsonObject): void {
  const efs = obj(volume['efsVolumeConfiguration']);
  if (efs === undefined) return;
  dropIf(efs, 'rootDirectory', equals('/'));
  dropIf(efs, 'transitEncryption', equals('DISABLED'));
  const authorization = obj(efs['authorizationConfig']);
  if (authorization !== undefined) dropIf(authorization, 'iam', equals('DISABLED'));
}

/**
 * The comparable form of a task definition (bare, as RegisterTaskDefinition takes it or as
 * DescribeTaskDefinition returns it). Idempotent. Drops:
 * - read-only fields and nulls; empty arrays and objects (`mountPoints: []`, `volumesFrom: []`,
 *   `environment: []`, `systemControls: []`, `dockerLabels: {}`, a volume's `host: {}` …);
 * - `networkMode: "bridge"` (the Linux default when omitted), `enableFaultInjection: false`;
 * - per container: `essential: true`, `cpu: 0`, `false` for privileged / readonlyRootFilesystem /
 *   interactive / pseudoTerminal / disableNetworking, `versionConsistency: "enabled"`,
 *   `linuxParameters.initProcessEnabled: false`, healthCheck interval 30 / timeout 5 / retries 3 /
 *   startPeriod 0, mount point / volumesFrom `readOnly: false`;
 * - per port mapping: `protocol: "tcp"`; `hostPort` equal to `containerPort` under awsvpc and host;
 *   `hostPort: 0` under bridge (both mean "dynamic");
 * - per EFS volume: `rootDirectory: "/"`, `transitEncryption: "DISABLED"`, `authorizationConfig.iam: "DISABLED"`.
 * Rewrites task `cpu`/`memory` to the API's string form (`"1 vCPU"` → `"1024"`, `512` → `"512"`).
 * Sorts: containers by name, environment / secrets / ulimits / … by name, port mappings by
 * containerPort then protocol, volumes by name, requiresCompatibilities, tags by key, etc. (TASK_DEFINITION_ARRAYS).
 */
export function normaliseTaskDefinition(taskDefinition: JsonObject): JsonObject {
  const copy = cloneJson(toRegisterTaskDefinitionInput(taskDefinition).value);
  const networkMode = str(copy['networkMode']) ?? 'bridge';
  dropIf(copy, 'networkMode', equals('bridge'));
  dropIf(copy, 'enableFaultInjection', equals(false));
  if (Object.hasOwn(copy, 'cpu')) copy['cpu'] = canonicalTaskSize(copy['cpu'] as JsonValue, 'vcpu');
  if (Object.hasOwn(copy, 'memory')) copy['memory'] = canonicalTaskSize(copy['memory'] as JsonValue, 'gb');
  for (const container of arr(copy['containerDefinitions']) ?? []) {
    if (isJsonObject(container)) normaliseContainer(container, networkMode);
  }
  for (const volume of arr(copy['volumes']) ?? []) {
    if (isJsonObject(volume)) normaliseVolume(volume);
  }
  return (tidy(copy, 'taskDefinition', '') as JsonObject | undefined) ?? {};
}

/** The IAM role name of a role ARN (`arn:aws:iam::1:role/path/ecsServiceRole` → `ecsServiceRole`). */
const roleName = (roleOrArn: string): string => {
  const match = /^arn:aws[a-z-]*:iam::[^:]*:role\/(?:.*\/)?([^/]+)$/.exec(roleOrArn);
  return match?.[1] ?? roleOrArn;
};

/**
 * The comparable form of a service (a CreateService input, or a DescribeServices service). Idempotent.
 * First as `toCreateServiceInput` (output-only and unknown members removed, clusterArn → cluster name),
 * then drops:
 * - `clientToken` (a request token, not state); `role` when it is the service-linked role;
 * - `schedulingStrategy: "REPLICA"`, `enableECSManagedTags: false`, `enableExecuteCommand: false`,
 *   `propagateTags: "NONE"`, `platformVersion: "LATEST"`, `healthCheckGracePeriodSeconds: 0`,
 *   `availabilityZoneRebalancing: "ENABLED"` (CreateService's default), `deploymentController: {type: "ECS"}`;
 * - `launchType` when a capacity provider strategy is given (the strategy wins; CreateService refuses both);
 *   `base: 0` in a capacity provider strategy item;
 * - deploymentConfiguration `maximumPercent: 200` / `minimumHealthyPercent: 100` for REPLICA and 100 / 0 for
 *   DAEMON, `deploymentCircuitBreaker: {enable: false, rollback: false}`, `alarms` with `enable: false`
 *   and `rollback: false`, `strategy: "ROLLING"`;
 * - for DAEMON, `desiredCount` (ECS computes it: one task per instance);
 * - `assignPublicIp: "DISABLED"`; empty arrays and objects; nulls.
 * Rewrites `cluster` to its short name, `role` to its role name and `taskDefinition` to `family:revision`.
 * Sorts subnets, security groups, load balancers, service registries, placement constraints, capacity
 * providers and tags (SERVICE_ARRAYS); placement strategies keep their order.
 */
export function normaliseService(service: JsonObject): JsonObject {
  const copy = cloneJson(toCreateServiceInput(service).value);
  delete copy['clientToken'];
  const cluster = str(copy['cluster']);
  if (cluster !== undefined) copy['cluster'] = clusterNameFromArn(cluster);
  const role = str(copy['role']);
  if (role !== undefined) {
    if (isServiceLinkedRole(role)) delete copy['role'];
    else copy['role'] = roleName(role);
  }
  const taskDefinition = str(copy['taskDefinition']);
  if (taskDefinition !== undefined) copy['taskDefinition'] = taskDefinitionRef(taskDefinition);

  const strategy = str(copy['schedulingStrategy']) ?? 'REPLICA';
  dropIf(copy, 'schedulingStrategy', equals('REPLICA'));
  if (strategy === 'DAEMON') delete copy['desiredCount'];
  dropIf(copy, 'enableECSManagedTags', equals(false));
  dropIf(copy, 'enableExecuteCommand', equals(false));
  dropIf(copy, 'propagateTags', equals('NONE'));
  dropIf(copy, 'platformVersion', equals('LATEST'));
  dropIf(copy, 'healthCheckGracePeriodSeconds', equals(0));
  dropIf(copy, 'availabilityZoneRebalancing', equals('ENABLED'));
  const controller = obj(copy['deploymentController']);
  if (controller !== undefined) dropIf(controller, 'type', equals('ECS'));

  const providers = arr(copy['capacityProviderStrategy']) ?? [];
  if (providers.length > 0) delete copy['launchType'];
  for (const item of providers) if (isJsonObject(item)) dropIf(item, 'base', equals(0));

  const deployment = obj(copy['deploymentConfiguration']);
  if (deployment !== undefined) {
    const [maximum, minimum] = strategy === 'DAEMON' ? [100, 0] : [200, 100];
    dropIf(deployment, 'maximumPercent', equals(maximum));
    dropIf(deployment, 'minimumHealthyPercent', equals(minimum));
    dropIf(deployment, 'strategy', equals('ROLLING'));
    const breaker = obj(deployment['deploymentCircuitBreaker']);
    if (breaker !== undefined && breaker['enable'] === false && breaker['rollback'] === false && Object.keys(breaker).length === 2) {
      delete deployment['deploymentCircuitBreaker'];
    }
    const alarms = obj(deployment['alarms']);
    if (alarms !== undefined) {
      dropIf(alarms, 'enable', equals(false));
      dropIf(alarms, 'rollback', equals(false));
    }
  }
  const awsvpc = obj(obj(copy['networkConfiguration'])?.['awsvpcConfiguration']);
  if (awsvpc !== undefined) dropIf(awsvpc, 'assignPublicIp', equals('DISABLED'));
  return (tidy(copy, 'service', '') as JsonObject | undefined) ?? {};
}

/** `normaliseTaskDefinition` or `normaliseService`. */
export function normalise(kind: DocumentKind, document: JsonObject): JsonObject {
  return kind === 'taskDefinition' ? normaliseTaskDefinition(document) : normaliseService(document);
}
