/**
 * Registrable input (used by import): what `describe-task-definition` / `describe-services` print, turned into
 * what `RegisterTaskDefinition` / `CreateService` accept — read-only fields and `null`s stripped (and each one
 * reported), `clusterArn` → `cluster`, `roleArn` → `role`, the settings DescribeServices shows only on the
 * PRIMARY deployment (Service Connect, volume configurations, VPC Lattice) taken from there, tags with the
 * reserved `aws:` prefix (set by AWS, refused by Register/Create) left out. Nothing else is touched, so rendering
 * the imported spec gives back this input field for field.
 *
 * Pure: no I/O, no clock.
 */
import type {JsonObject, JsonValue} from '../json.js';
import {isJsonObject} from '../json.js';
import {joinPath, setMember} from '../json-text.js';
import {clusterNameFromArn, isServiceLinkedRole} from '../aws-names.js';
import {CREATE_SERVICE_FIELDS, SERVICE_READ_ONLY_FIELDS, TASK_DEFINITION_READ_ONLY_FIELDS} from './api-fields.js';

const CREATE_SERVICE_FIELD_SET: ReadonlySet<string> = new Set(CREATE_SERVICE_FIELDS);

/**
 * CreateService parameters that DescribeServices shows only on each deployment (`deployments[]`), not on the
 * service: the PRIMARY deployment's are the service's.
 */
export const DEPLOYMENT_LEVEL_SERVICE_FIELDS = ['serviceConnectConfiguration', 'volumeConfigurations', 'vpcLatticeConfigurations'] as const;

/** Tags whose key starts with `aws:` are AWS's own (CloudFormation, …): Register/Create/TagResource refuse them. */
export const isReservedTag = (tag: JsonValue): boolean => isJsonObject(tag) && typeof tag['key'] === 'string' && tag['key'].toLowerCase().startsWith('aws:');

/** `tags` without the reserved `aws:` ones, each left out reported as `tags[i]`. */
function withoutReservedTags(object: JsonObject, stripped: string[]): void {
  const tags = object['tags'];
  if (!Array.isArray(tags) || !tags.some(isReservedTag)) return;
  tags.forEach((tag, index) => {
    if (isReservedTag(tag)) stripped.push(joinPath('tags', index));
  });
  object['tags'] = tags.filter((tag) => !isReservedTag(tag));
}
const SERVICE_READ_ONLY_FIELD_SET: ReadonlySet<string> = new Set(SERVICE_READ_ONLY_FIELDS);

const str = (value: JsonValue | undefined): string | undefined => (typeof value === 'string' ? value : undefined);
const arr = (value: JsonValue | undefined): JsonValue[] | undefined => (Array.isArray(value) ? value : undefined);
const obj = (value: JsonValue | undefined): JsonObject | undefined => (isJsonObject(value) ? value : undefined);

export interface StripResult {
  value: JsonObject;
  /** Paths (`containerDefinitions[0].cpu`) of what was removed, in document order. */
  stripped: string[];
}

/** Removes every `null` (object members and array items), reporting each path. Returns a copy. */
export function stripNulls(value: JsonValue, path = '', stripped: string[] = []): JsonValue {
  return strip(value, {root: path}, stripped);
}

/** Where a value lies, as a chain of segments: its path is written only when a null is found there. */
type Where = {root: string} | {parent: Where; segment: string | number};

const pathOf = (where: Where): string => ('root' in where ? where.root : joinPath(pathOf(where.parent), where.segment));

function strip(value: JsonValue, where: Where, stripped: string[]): JsonValue {
  if (Array.isArray(value)) {
    const out: JsonValue[] = [];
    for (let index = 0; index < value.length; index += 1) {
      const item = value[index] as JsonValue;
      if (item === null) stripped.push(pathOf({parent: where, segment: index}));
      // A string, number or boolean is kept as it is: no segment is made for it.
      else out.push(typeof item === 'object' ? strip(item, {parent: where, segment: index}, stripped) : item);
    }
    return out;
  }
  if (isJsonObject(value)) {
    const out: JsonObject = {};
    for (const key of Object.keys(value)) {
      const member = value[key] as JsonValue;
      if (member === null) stripped.push(pathOf({parent: where, segment: key}));
      else setMember(out, key, typeof member === 'object' ? strip(member, {parent: where, segment: key}, stripped) : member);
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
  withoutReservedTags(value, stripped);
  return {value, stripped};
}

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
  const primary = (arr(service['deployments']) ?? []).find((deployment) => obj(deployment)?.['status'] === 'PRIMARY');
  for (const key of DEPLOYMENT_LEVEL_SERVICE_FIELDS) {
    const fromDeployment = obj(primary)?.[key];
    if (fromDeployment !== undefined && fromDeployment !== null && !Object.hasOwn(value, key)) {
      setMember(value, key, fromDeployment);
      renamed.push({from: `deployments[PRIMARY].${key}`, to: key});
    }
  }
  withoutReservedTags(value, stripped);
  if (value['schedulingStrategy'] === 'DAEMON' && Object.hasOwn(value, 'desiredCount')) {
    delete value['desiredCount'];
    stripped.push('desiredCount');
  }
  const cleaned = stripNulls(value, '', stripped) as JsonObject;
  return {value: cleaned, stripped, renamed, unknown};
}
