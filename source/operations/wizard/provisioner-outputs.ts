/**
 * Filling an environment from an infrastructure provisioner's outputs (a CloudFormation stack or a Terraform
 * state file — the seed's "Infrastructure Provisioners"). Outputs are matched by name: `ClusterName`,
 * `ecs_cluster`, `PrivateSubnets`, `subnet_ids`, `SecurityGroupId`, `task_execution_role_arn`… Pure.
 */
import type {ProvisionerOutputs} from '../../ports/provisioners.js';
import {isArn} from '../../domain/aws-names.js';
import type {Environment, EnvironmentProvisioner, ProvisionedField} from '../../domain/model.js';
import type {EnvironmentAnswers, ProvisionerAnswer} from '../../domain/wizard-answers.js';

export interface FilledEnvironment {
  values: Pick<EnvironmentAnswers, ProvisionedField>;
  /** Which output each value came from, for the notes: `cluster ← ClusterName`. */
  used: string[];
  /** Which output each field was filled from (recorded in the profile: `ecs-wizard env refresh` reads them again). */
  from: Partial<Record<ProvisionedField, string>>;
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

/** Reads one field from one output's value: undefined when the value is not of the field's kind. */
type FieldReader = (value: string | string[]) => string | string[] | undefined;

/** How each field is read from an output's value (the same reading when the environment is filled and refreshed). */
export const OUTPUT_READERS: Readonly<Record<ProvisionedField, FieldReader>> = {
  cluster: (value) => {
    const name = values(value)[0]?.replace(/^arn:aws[a-z-]*:ecs:[^:]+:\d{12}:cluster\//, '');
    return name !== undefined && /^[A-Za-z0-9_-]{1,255}$/.test(name) ? name : undefined;
  },
  subnets: (value) => {
    const ids = values(value).filter((id) => /^subnet-[0-9a-f]{8,17}$/.test(id));
    return ids.length > 0 ? ids : undefined;
  },
  securityGroups: (value) => {
    const ids = values(value).filter((id) => /^sg-[0-9a-f]{8,17}$/.test(id));
    return ids.length > 0 ? ids : undefined;
  },
  executionRoleArn: (value) => {
    const arn = values(value)[0];
    return arn !== undefined && isArn('iamRole', arn) ? arn : undefined;
  },
  region: (value) => {
    const region = values(value)[0];
    return region !== undefined && /^[a-z]{2}(-gov)?-[a-z]+-[0-9]$/.test(region) ? region : undefined;
  },
};

/** How a field is named in the notes: `security groups ← ServiceSecurityGroup`. */
const FIELD_LABELS: Readonly<Record<ProvisionedField, string>> = {
  cluster: 'cluster',
  subnets: 'subnets',
  securityGroups: 'security groups',
  executionRoleArn: 'execution role',
  region: 'region',
};

export const fieldLabel = (field: ProvisionedField): string => FIELD_LABELS[field];

/** Which outputs may fill a field, best first; `outputs` is all of them (the role rule looks at the others). */
const FIELD_CANDIDATES: Readonly<Record<ProvisionedField, (outputs: ProvisionerOutputs) => Array<[string, string | string[]]>>> = {
  cluster: (outputs) =>
    candidates(
      outputs,
      (key) => key.includes('cluster'),
      (key) => (key.includes('name') ? 1 : 0),
    ),
  subnets: (outputs) =>
    candidates(
      outputs,
      (key) => key.includes('subnet'),
      (key) => (key.includes('private') ? 2 : key.includes('public') ? 0 : 1),
    ),
  securityGroups: (outputs) => candidates(outputs, (key, raw) => key.includes('securitygroup') || tokens(raw).some((word) => word === 'sg' || word === 'sgs')),
  executionRoleArn: (outputs) =>
    candidates(
      outputs,
      (key) => key.includes('role'),
      (key) => (key.includes('execution') ? 1 : 0),
      // Another role (a task role) is taken for the execution role only when it is the only role output.
    ).filter(([key]) => words(key).includes('execution') || Object.keys(outputs).filter((k) => words(k).includes('role')).length === 1),
  region: (outputs) => candidates(outputs, (key) => key === 'region' || key.endsWith('region')),
};

/** The order the notes list the fields in. */
const FILL_ORDER: readonly ProvisionedField[] = ['cluster', 'subnets', 'securityGroups', 'executionRoleArn', 'region'];

export function environmentFromOutputs(outputs: ProvisionerOutputs): FilledEnvironment {
  const result: FilledEnvironment = {values: {}, used: [], from: {}};
  for (const field of FILL_ORDER) {
    for (const [key, value] of FIELD_CANDIDATES[field](outputs)) {
      const read = OUTPUT_READERS[field](value);
      if (read === undefined) continue;
      (result.values as Record<ProvisionedField, string | string[]>)[field] = read;
      result.from[field] = key;
      result.used.push(`${FIELD_LABELS[field]} ← ${key}`);
      break;
    }
  }
  return result;
}

/** What the answers keep of a fill: where it was read, and each field's output and value. */
export function provisionerAnswer(source: ProvisionerAnswer['source'], filled: FilledEnvironment): ProvisionerAnswer {
  const answer: ProvisionerAnswer = {source, filled: {}};
  for (const [field, output] of Object.entries(filled.from) as Array<[ProvisionedField, string]>) {
    const value = filled.values[field];
    if (value !== undefined) answer.filled[field] = {output, value};
  }
  return answer;
}

const same = (a: string | readonly string[] | undefined, b: string | readonly string[] | undefined): boolean =>
  JSON.stringify(Array.isArray(a) ? [...a].sort() : a) === JSON.stringify(Array.isArray(b) ? [...b].sort() : b);

/**
 * What the profile records of a fill: the source, and the fields whose final value is still the one the output gave
 * (a field typed over afterwards is the person's, and a refresh leaves it alone). Undefined when no field is left.
 */
export function provisionerOf(answer: ProvisionerAnswer | undefined, environment: Environment): EnvironmentProvisioner | undefined {
  if (answer === undefined) return undefined;
  const current: Record<ProvisionedField, string | string[] | undefined> = {
    region: environment.region,
    cluster: environment.cluster,
    subnets: environment.network?.subnets,
    securityGroups: environment.network?.securityGroups,
    executionRoleArn: environment.executionRoleArn,
  };
  const outputs: Partial<Record<ProvisionedField, string>> = {};
  for (const [field, filled] of Object.entries(answer.filled) as Array<[ProvisionedField, {output: string; value: string | string[]}]>) {
    if (same(current[field], filled.value)) outputs[field] = filled.output;
  }
  if (Object.keys(outputs).length === 0) return undefined;
  return {...answer.source, outputs};
}
