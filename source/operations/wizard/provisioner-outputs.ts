/**
 * Filling an environment from an infrastructure provisioner's outputs (a CloudFormation stack or a Terraform
 * state file — the seed's "Infrastructure Provisioners"). Outputs are matched by name: `ClusterName`,
 * `ecs_cluster`, `PrivateSubnets`, `subnet_ids`, `SecurityGroupId`, `task_execution_role_arn`… Pure.
 */
import type {ProvisionerOutputs} from '../../ports/provisioners.js';
import {isArn} from '../../domain/aws-names.js';
import type {EnvironmentAnswers} from '../../domain/wizard-answers.js';

export interface FilledEnvironment {
  values: Pick<EnvironmentAnswers, 'cluster' | 'subnets' | 'securityGroups' | 'executionRoleArn' | 'region'>;
  /** Which output each value came from: `cluster ← ClusterName`. */
  used: string[];
}

const words = (key: string): string => key.toLowerCase().replace(/[^a-z0-9]/g, '');
/** The words of an output name: `service_sg_id`, `ServiceSgId`, `service-sg-id` → service, sg, id. */
const tokens = (key: string): string[] =>
  key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
const values = (value: string | string[]): string[] =>
  (Array.isArray(value) ? value : value.split(/[\s,]+/)).map((item) => item.trim()).filter((item) => item !== '');

/** Outputs sorted so that private subnets win over public ones, and exact names over partial ones. */
function candidates(
  outputs: ProvisionerOutputs,
  match: (key: string, raw: string) => boolean,
  prefer: (key: string) => number = () => 0,
): Array<[string, string | string[]]> {
  return Object.entries(outputs)
    .filter(([key]) => match(words(key), key))
    .sort(([a], [b]) => prefer(words(b)) - prefer(words(a)) || a.localeCompare(b));
}

export function environmentFromOutputs(outputs: ProvisionerOutputs): FilledEnvironment {
  const result: FilledEnvironment = {values: {}, used: []};
  for (const [key, value] of candidates(
    outputs,
    (key) => key.includes('cluster'),
    (key) => (key.includes('name') ? 1 : 0),
  )) {
    const name = values(value)[0]?.replace(/^arn:aws[a-z-]*:ecs:[^:]+:\d{12}:cluster\//, '');
    if (name !== undefined && /^[A-Za-z0-9_-]{1,255}$/.test(name)) {
      result.values.cluster = name;
      result.used.push(`cluster ← ${key}`);
      break;
    }
  }
  for (const [key, value] of candidates(
    outputs,
    (key) => key.includes('subnet'),
    (key) => (key.includes('private') ? 2 : key.includes('public') ? 0 : 1),
  )) {
    const ids = values(value).filter((id) => /^subnet-[0-9a-f]{8,17}$/.test(id));
    if (ids.length > 0) {
      result.values.subnets = ids;
      result.used.push(`subnets ← ${key}`);
      break;
    }
  }
  for (const [key, value] of candidates(outputs, (key, raw) => key.includes('securitygroup') || tokens(raw).some((word) => word === 'sg' || word === 'sgs'))) {
    const ids = values(value).filter((id) => /^sg-[0-9a-f]{8,17}$/.test(id));
    if (ids.length > 0) {
      result.values.securityGroups = ids;
      result.used.push(`security groups ← ${key}`);
      break;
    }
  }
  for (const [key, value] of candidates(
    outputs,
    (key) => key.includes('role'),
    (key) => (key.includes('execution') ? 1 : 0),
  )) {
    const arn = values(value)[0];
    if (
      arn !== undefined &&
      isArn('iamRole', arn) &&
      (words(key).includes('execution') || Object.keys(outputs).filter((k) => words(k).includes('role')).length === 1)
    ) {
      result.values.executionRoleArn = arn;
      result.used.push(`execution role ← ${key}`);
      break;
    }
  }
  for (const [key, value] of candidates(outputs, (key) => key === 'region' || key.endsWith('region'))) {
    const region = values(value)[0];
    if (region !== undefined && /^[a-z]{2}(-gov)?-[a-z]+-[0-9]$/.test(region)) {
      result.values.region = region;
      result.used.push(`region ← ${key}`);
      break;
    }
  }
  return result;
}
