/**
 * The environments section of a profile: each environment's name, region, cluster, launch type, awsvpc
 * network, execution role and variable overrides.
 */
import {joinPath} from '../json-text.js';
import {LAUNCH_TYPES} from '../model.js';
import type {AwsVpcNetwork, Environment} from '../model.js';
import type {Checker} from './checker.js';
import {checkBoolean, checkEnum, checkObject, checkString, checkStringList, checkStringMap} from './checker.js';
import {CLUSTER, ENVIRONMENT_NAME, REGION, ROLE_ARN, SECURITY_GROUP_ID, SUBNET_ID} from './formats.js';
import {own} from './raw-values.js';
import {SCHEMA_ISSUE} from './schema.js';

function checkNetwork(checker: Checker, value: unknown, path: string): AwsVpcNetwork {
  const object = checkObject(checker, value, path, 'network', ['subnets', 'securityGroups', 'assignPublicIp']);
  const subnets = checkStringList(checker, object, 'subnets', path, SUBNET_ID, 'a subnet id (subnet-…)');
  if (object !== undefined && Array.isArray(own(object, 'subnets')) && subnets.length === 0)
    checker.add(SCHEMA_ISSUE.value, joinPath(path, 'subnets'), 'subnets is empty: awsvpc networking needs at least one subnet');
  const securityGroups = checkStringList(checker, object, 'securityGroups', path, SECURITY_GROUP_ID, 'a security group id (sg-…)');
  const assignPublicIp = checkBoolean(checker, object, 'assignPublicIp', path) ?? false;
  return {subnets, securityGroups, assignPublicIp};
}

const ENVIRONMENT_KEYS = ['name', 'region', 'cluster', 'launchType', 'network', 'executionRoleArn', 'overrides'] as const;
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
  return {
    name,
    region,
    cluster,
    launchType,
    ...(network === undefined ? {} : {network}),
    ...(executionRoleArn === undefined ? {} : {executionRoleArn}),
    overrides,
  };
}
