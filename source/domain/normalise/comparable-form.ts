/**
 * Comparable form (used by the diff): the registrable input (registrable-input.ts), plus API defaults the user
 * did not write dropped (AWS fills them in, so they are noise in a diff), empty arrays/objects dropped, and
 * what AWS treats as sets sorted (arrays.ts). `normaliseTaskDefinition` and `normaliseService` are idempotent.
 *
 * Pure: no I/O, no clock.
 */
import type {JsonObject, JsonValue} from '../json.js';
import {isJsonObject} from '../json.js';
import {setMember} from '../json-text.js';
import {cloneJson} from '../json-values.js';
import {clusterNameFromArn, isServiceLinkedRole, taskDefinitionRef} from '../aws-names.js';
import type {DocumentKind} from './arrays.js';
import {arraySpec, sortArray} from './arrays.js';
import {toCreateServiceInput, toRegisterTaskDefinitionInput} from './registrable-input.js';

const str = (value: JsonValue | undefined): string | undefined => (typeof value === 'string' ? value : undefined);
const arr = (value: JsonValue | undefined): JsonValue[] | undefined => (Array.isArray(value) ? value : undefined);
const obj = (value: JsonValue | undefined): JsonObject | undefined => (isJsonObject(value) ? value : undefined);

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
  const pattern = unit === 'vcpu' ? /^([0-9]+(?:\.[0-9]+)?|\.[0-9]+)\s*vcpu$/i : /^([0-9]+(?:\.[0-9]+)?|\.[0-9]+)\s*gb$/i;
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
    let kept = false;
    for (const key of Object.keys(value)) {
      const member = value[key] as JsonValue;
      // Only an array reads its schema path (its sort order): a string, number or boolean is kept as it is.
      const tidied = member !== null && typeof member !== 'object' ? member : tidy(member, kind, schemaPath === '' ? key : `${schemaPath}.${key}`);
      if (tidied !== undefined) {
        setMember(out, key, tidied);
        kept = true;
      }
    }
    return kept ? out : undefined;
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
 * - the task role's account and path: `taskRoleArn` is compared by role name (RegisterTaskDefinition takes the short
 *   name or the ARN, DescribeTaskDefinition shows the ARN; the role is in the task's account, where names are unique);
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
  // A fresh copy already: stripNulls rebuilds every object and array it keeps.
  const copy = toRegisterTaskDefinitionInput(taskDefinition).value;
  const networkMode = str(copy['networkMode']) ?? 'bridge';
  dropIf(copy, 'networkMode', equals('bridge'));
  dropIf(copy, 'enableFaultInjection', equals(false));
  const taskRole = str(copy['taskRoleArn']);
  if (taskRole !== undefined) copy['taskRoleArn'] = roleName(taskRole);
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
