/**
 * The environments section of a profile: each environment's name, region, cluster, launch type, awsvpc
 * network, execution role, variable overrides, and where its values were read (a provisioner), when they were.
 */
import {joinPath} from '../json-text.js';
import {LAUNCH_TYPES, PROVISIONED_FIELDS} from '../model.js';
import type {AwsVpcNetwork, Environment, EnvironmentProvisioner, ProvisionedField} from '../model.js';
import type {Checker} from './checker.js';
import {checkBoolean, checkEnum, checkObject, checkString, checkStringList, checkStringMap} from './checker.js';
import type {Raw} from './raw-values.js';
import {CLUSTER, ENVIRONMENT_NAME, REGION, ROLE_ARN, SECURITY_GROUP_ID, SUBNET_ID} from './formats.js';
import {describe, isRecord, own} from './raw-values.js';
import {SCHEMA_ISSUE} from './schema.js';
import {checkAutoScaling, checkCapacityStrategy} from './capacity.js';

function checkNetwork(checker: Checker, value: unknown, path: string): AwsVpcNetwork {
  const object = checkObject(checker, value, path, 'network', ['subnets', 'securityGroups', 'assignPublicIp']);
  const subnets = checkStringList(checker, object, 'subnets', path, SUBNET_ID, 'a subnet id (subnet-…)');
  if (object !== undefined && Array.isArray(own(object, 'subnets')) && subnets.length === 0)
    checker.add(SCHEMA_ISSUE.value, joinPath(path, 'subnets'), 'subnets is empty: awsvpc networking needs at least one subnet');
  const securityGroups = checkStringList(checker, object, 'securityGroups', path, SECURITY_GROUP_ID, 'a security group id (sg-…)');
  const assignPublicIp = checkBoolean(checker, object, 'assignPublicIp', path) ?? false;
  return {subnets, securityGroups, assignPublicIp};
}

const PROVISIONER_KINDS = ['cloudformation', 'terraform'] as const;
/** A CloudFormation stack name (or stack id ARN). */
const STACK = /^(?:[A-Za-z][A-Za-z0-9-]{0,127}|arn:aws[a-z-]*:cloudformation:[a-z0-9-]+:[0-9]{12}:stack\/[A-Za-z][A-Za-z0-9-]{0,127}\/[A-Za-z0-9-]+)$/;
/** An output name (CloudFormation: alphanumeric; Terraform: letters, digits, _ and -). */
const OUTPUT_NAME = /^[A-Za-z_][A-Za-z0-9_-]{0,254}$/;

/** `outputs`: which output each field was filled from (field → output name). */
function checkProvisionedOutputs(checker: Checker, object: Raw | undefined, path: string): Partial<Record<ProvisionedField, string>> {
  const outputs: Partial<Record<ProvisionedField, string>> = {};
  const value = object === undefined ? undefined : own(object, 'outputs');
  const outputsPath = joinPath(path, 'outputs');
  if (object === undefined) return outputs;
  if (value === undefined) {
    checker.add(SCHEMA_ISSUE.required, outputsPath, 'outputs is missing; it maps the fields filled to the outputs they came from ({} when none)');
    return outputs;
  }
  const map = checkObject(checker, value, outputsPath, 'outputs', PROVISIONED_FIELDS);
  if (map === undefined) return outputs;
  for (const field of PROVISIONED_FIELDS) {
    const name = checkString(checker, map, field, outputsPath, {optional: true, pattern: OUTPUT_NAME, format: 'an output name'});
    if (name !== undefined && name !== '') outputs[field] = name;
  }
  return outputs;
}

function checkProvisioner(checker: Checker, value: unknown, path: string): EnvironmentProvisioner | undefined {
  if (!isRecord(value)) {
    checker.add(SCHEMA_ISSUE.type, path, `provisioner must be an object; got ${describe(value)}`);
    return undefined;
  }
  const kind = checkEnum(checker, value, 'kind', path, PROVISIONER_KINDS);
  if (kind === 'cloudformation') {
    const object = checkObject(checker, value, path, 'a CloudFormation provisioner', ['kind', 'stack', 'region', 'outputs']);
    const stack = checkString(checker, object, 'stack', path, {pattern: STACK, format: 'a CloudFormation stack name'}) ?? '';
    const region = checkString(checker, object, 'region', path, {pattern: REGION, format: 'an AWS region such as us-east-1'}) ?? '';
    return {kind, stack, region, outputs: checkProvisionedOutputs(checker, object, path)};
  }
  const object = checkObject(checker, value, path, 'a Terraform provisioner', ['kind', 'path', 'outputs']);
  const file = checkString(checker, object, 'path', path, {format: 'the path of a Terraform state file', max: 4096}) ?? '';
  return {kind, path: file, outputs: checkProvisionedOutputs(checker, object, path)};
}

const ENVIRONMENT_KEYS = [
  'name',
  'region',
  'cluster',
  'launchType',
  'network',
  'executionRoleArn',
  'overrides',
  'provisioner',
  'capacityProviderStrategy',
  'autoScaling',
] as const;
export function checkEnvironment(checker: Checker, value: unknown, path: string): Environment {
  const object = checkObject(checker, value, path, 'an environment', ENVIRONMENT_KEYS);
  const name =
    checkString(checker, object, 'name', path, {pattern: ENVIRONMENT_NAME, format: 'a name of 1 to 64 characters without leading or trailing spaces'}) ?? '';
  const region = checkString(checker, object, 'region', path, {pattern: REGION, format: 'an AWS region such as us-east-1'}) ?? '';
  const cluster = checkString(checker, object, 'cluster', path, {pattern: CLUSTER, format: 'a cluster name (letters, digits, _ and -) or a cluster ARN'}) ?? '';
  const launchType = checkEnum(checker, object, 'launchType', path, LAUNCH_TYPES);
  const network =
    object === undefined || own(object, 'network') === undefined ? undefined : checkNetwork(checker, own(object, 'network'), joinPath(path, 'network'));
  const executionRoleArn = checkString(checker, object, 'executionRoleArn', path, {
    optional: true,
    pattern: ROLE_ARN,
    format: 'an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME)',
  });
  const overrides = checkStringMap(checker, object, 'overrides', path);
  const provisioner =
    object === undefined || own(object, 'provisioner') === undefined
      ? undefined
      : checkProvisioner(checker, own(object, 'provisioner'), joinPath(path, 'provisioner'));
  const capacityProviderStrategy =
    object === undefined || own(object, 'capacityProviderStrategy') === undefined
      ? undefined
      : checkCapacityStrategy(checker, own(object, 'capacityProviderStrategy'), joinPath(path, 'capacityProviderStrategy'));
  const autoScaling =
    object === undefined || own(object, 'autoScaling') === undefined
      ? undefined
      : checkAutoScaling(checker, own(object, 'autoScaling'), joinPath(path, 'autoScaling'));
  return {
    name,
    region,
    cluster,
    launchType,
    ...(network === undefined ? {} : {network}),
    ...(executionRoleArn === undefined ? {} : {executionRoleArn}),
    overrides,
    ...(provisioner === undefined ? {} : {provisioner}),
    ...(capacityProviderStrategy === undefined ? {} : {capacityProviderStrategy}),
    ...(autoScaling === undefined ? {} : {autoScaling}),
  };
}
