/**
 * `ecs-wizard env refresh`: an environment filled from an infrastructure provisioner's outputs (a CloudFormation
 * stack, a Terraform state file — recorded in the profile as `environment.provisioner`) reads them again. Each field
 * recorded with its output gets what that output says now, read the same way as when it was filled; what changed is
 * listed old → new, and the profile is saved under the store's lock, re-read there (a change another ecs-wizard
 * made meanwhile is kept). A recorded output that is gone, or no longer reads as its field, leaves the field as it is,
 * with a note.
 *
 * Errors: an unknown profile or environment, or one that was not filled from a provisioner, is bad input (exit 2);
 * a stack or state file that cannot be read is a failure (exit 1).
 */
import type {Environment, EnvironmentProvisioner, Profile, ProvisionedField} from '../domain/model.js';
import {definitionOf} from '../domain/applications.js';
import {breaking, environmentImpact, type ServiceImpact} from '../domain/environment-impact.js';
import {describeProvisioner} from '../domain/provisioner.js';
import {CliError, EXIT, InputError} from '../errors.js';
import type {ProfileStore} from '../ports/profile-store.js';
import type {CloudFormationPort, ProvisionerOutputs, TerraformStatePort} from '../ports/provisioners.js';
import {chooseEnvironment} from './deploy/setup.js';
import {requireProfile} from './profiles.js';
import {fieldLabel, OUTPUT_READERS} from './wizard/provisioner-outputs.js';

export interface RefreshPorts {
  store: ProfileStore;
  /** CloudFormation in the stack's region. */
  cloudFormation(region: string): Promise<CloudFormationPort>;
  terraform: TerraformStatePort;
  /** ISO-8601 now (the profile's updatedAt). */
  now(): string;
}

export type FieldValue = string | readonly string[];

export interface FieldChange {
  field: ProvisionedField;
  /** `security groups`. */
  label: string;
  /** The output it is read from. */
  output: string;
  from: FieldValue | undefined;
  to: FieldValue;
}

export interface RefreshResult {
  profile: string;
  environment: string;
  /** `CloudFormation stack network (us-east-1)`, `Terraform state /srv/infra/terraform.tfstate`. */
  source: string;
  /** Old → new, in the order of the recorded fields. */
  changes: FieldChange[];
  /** The fields whose output says what the profile says. */
  unchanged: FieldChange[];
  /** Fields left as they are, and why (an output gone, a value that is not the field's kind). */
  notes: string[];
  /** True when the changes were saved. */
  saved: boolean;
  /** The application's other profiles that use this environment: a saved change is theirs too. */
  alsoUsedBy: string[];
  /** Each service that uses the environment, rendered and validated with the values read (when something changed). */
  impacts?: ServiceImpact[];
  /** True when nothing was saved because the values read would break a service (and `force` was not given). */
  refused?: boolean;
  /**
   * True when nothing was saved because another writer changed the environment between the check of what the values
   * read do to each service and the save (the changes to save were then not the ones checked): run it again.
   */
  conflict?: boolean;
}

/** The same fields changed to the same values. */
const sameChanges = (a: readonly FieldChange[], b: readonly FieldChange[]): boolean =>
  a.length === b.length && a.every((change, i) => change.field === b[i]!.field && JSON.stringify(change.to) === JSON.stringify(b[i]!.to));

/** The current value of a field in an environment. */
function valueOf(environment: Environment, field: ProvisionedField): FieldValue | undefined {
  switch (field) {
    case 'region':
      return environment.region;
    case 'cluster':
      return environment.cluster;
    case 'subnets':
      return environment.network?.subnets;
    case 'securityGroups':
      return environment.network?.securityGroups;
    case 'executionRoleArn':
      return environment.executionRoleArn;
  }
}

/** The environment with one field set (subnets and security groups only where it has an awsvpc network). */
function withValue(environment: Environment, field: ProvisionedField, value: FieldValue): Environment {
  const list = (): string[] => (typeof value === 'string' ? [value] : [...value]);
  const single = (): string => (typeof value === 'string' ? value : (value[0] ?? ''));
  switch (field) {
    case 'region':
      return {...environment, region: single()};
    case 'cluster':
      return {...environment, cluster: single()};
    case 'executionRoleArn':
      return {...environment, executionRoleArn: single()};
    case 'subnets':
      return environment.network === undefined ? environment : {...environment, network: {...environment.network, subnets: list()}};
    case 'securityGroups':
      return environment.network === undefined ? environment : {...environment, network: {...environment.network, securityGroups: list()}};
  }
}

/** Equal values; lists (subnets, security groups) in any order. */
const same = (a: FieldValue | undefined, b: FieldValue | undefined): boolean =>
  JSON.stringify(typeof a === 'object' ? [...a].sort() : a) === JSON.stringify(typeof b === 'object' ? [...b].sort() : b);

/** The outputs of the recorded source, or a failure (exit 1) saying why they cannot be read. */
async function readOutputs(ports: RefreshPorts, provisioner: EnvironmentProvisioner): Promise<ProvisionerOutputs> {
  if (provisioner.kind === 'cloudformation') {
    const outputs = await (await ports.cloudFormation(provisioner.region)).stackOutputs(provisioner.stack);
    if (outputs === undefined)
      throw new CliError(`no CloudFormation stack ${provisioner.stack} in ${provisioner.region}: the environment was not changed`, {
        hint: 'was the stack deleted or renamed? Fill the environment again with ecs-wizard init',
      });
    return outputs;
  }
  try {
    return await ports.terraform.readOutputs(provisioner.path);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    // A state file that cannot be read is a read failure here (the path is the profile's, not typed now).
    throw new CliError(`cannot read the Terraform state of the environment: ${error.message}; the environment was not changed`, {
      exitCode: EXIT.failed,
      ...(error.hint === undefined ? {} : {hint: error.hint}),
      cause: error,
    });
  }
}

/** Each recorded field against what its output says now. */
function compare(environment: Environment, provisioner: EnvironmentProvisioner, outputs: ProvisionerOutputs) {
  const changes: FieldChange[] = [];
  const unchanged: FieldChange[] = [];
  const notes: string[] = [];
  for (const [field, output] of Object.entries(provisioner.outputs) as Array<[ProvisionedField, string]>) {
    const label = fieldLabel(field);
    const raw = outputs[output];
    if (raw === undefined) {
      notes.push(`${label}: the output ${output} is gone; ${label} kept as it is`);
      continue;
    }
    const to = OUTPUT_READERS[field](raw);
    if (to === undefined) {
      notes.push(
        `${label}: the output ${output} no longer holds ${label === 'region' ? 'a region' : `a ${label.replace(/s$/, '')}`} (${JSON.stringify(raw)}); kept as it is`,
      );
      continue;
    }
    const from = valueOf(environment, field);
    if ((field === 'subnets' || field === 'securityGroups') && environment.network === undefined) {
      notes.push(`${label}: the environment has no awsvpc network; the output ${output} is not used`);
      continue;
    }
    const change: FieldChange = {field, label, output, from, to};
    (same(from, to) ? unchanged : changes).push(change);
  }
  return {changes, unchanged, notes};
}

export async function refreshEnvironment(ports: RefreshPorts, request: {profile: string; environment?: string; force?: boolean}): Promise<RefreshResult> {
  const profile = await requireProfile(ports.store, request.profile);
  const environment = chooseEnvironment(profile, request.environment);
  const provisioner = environment.provisioner;
  if (provisioner === undefined || Object.keys(provisioner.outputs).length === 0) {
    throw new InputError(
      `environment '${environment.name}' of profile '${profile.name}' was not filled from a CloudFormation stack or a Terraform state file: there is nothing to refresh`,
      'an environment filled with ecs-wizard init --cfn-stack / --tf-state (or the wizard\'s "Fill from") records where its values came from',
    );
  }
  const outputs = await readOutputs(ports, provisioner);
  // The environment is the application's: every service that uses it sees the change.
  const users = (await ports.store.application(profile.application))?.environments.find((candidate) => candidate.name === environment.name)?.services ?? [];
  const alsoUsedBy = users.filter((name) => name !== profile.name);
  const base = {profile: profile.name, environment: environment.name, source: describeProvisioner(provisioner), alsoUsedBy};
  const first = compare(environment, provisioner, outputs);
  if (first.changes.length === 0) return {...base, ...first, saved: false};
  // Every service that uses the environment, rendered and validated as it will be (the render rules, not only the schema).
  const planned = definitionOf(first.changes.reduce((next, change) => withValue(next, change.field, change.to), environment));
  const impacts = environmentImpact(await ports.store.list(), profile.application, planned);
  if (request.force !== true && breaking(impacts).length > 0) return {...base, ...first, saved: false, impacts, refused: true};

  // Under the store's lock, against the profile as it is stored now.
  let result: RefreshResult = {...base, ...first, saved: false};
  const saved = await ports.store.update(profile.name, (current: Profile) => {
    const index = current.environments.findIndex((candidate) => candidate.name === environment.name);
    const now = index === -1 ? undefined : current.environments[index]!;
    if (now === undefined || now.provisioner === undefined) {
      result = {
        ...base,
        ...first,
        notes: [...first.notes, `environment '${environment.name}' was removed or changed meanwhile: nothing was saved`],
        saved: false,
        conflict: true,
      };
      return undefined;
    }
    const compared = compare(now, now.provisioner, outputs);
    result = {...base, ...compared, saved: false};
    if (compared.changes.length === 0) return undefined;
    // Another writer changed the environment after the services were checked: what would be saved now was not checked.
    if (!sameChanges(compared.changes, first.changes)) {
      result = {
        ...result,
        notes: [...compared.notes, `environment '${environment.name}' was changed by another writer while its services were checked: nothing was saved`],
        conflict: true,
      };
      return undefined;
    }
    const updated = compared.changes.reduce((next, change) => withValue(next, change.field, change.to), now);
    return {...current, environments: current.environments.map((candidate, i) => (i === index ? updated : candidate)), updatedAt: ports.now()};
  });
  return {...result, saved: saved !== undefined, impacts};
}
