/**
 * Applications and their environments (`ecs-wizard apps`, `ecs-wizard env list|add|edit|rm`): which application a
 * command means, and an environment built or changed from flags. The store applies the rules (store-state.ts);
 * this module only finds and shapes.
 */
import type {ApplicationEnvironment} from '../domain/applications.js';
import {LAUNCH_TYPES, type LaunchType} from '../domain/model.js';
import {InputError} from '../errors.js';
import type {ApplicationView, ProfileStore} from '../ports/profile-store.js';

export async function requireApplication(store: ProfileStore, name: string): Promise<ApplicationView> {
  const application = await store.application(name);
  if (application !== undefined) return application;
  const names = (await store.applications()).map((candidate) => candidate.name);
  throw new InputError(
    `no application named '${name}'`,
    names.length === 0 ? 'there are no applications yet: ecs-wizard init creates one' : `the applications are: ${names.join(', ')}`,
  );
}

/**
 * The application an environment command means: `--app` when given; else the only application there is, or the only
 * one that has an environment of that name (`environment`, when the command names one).
 */
export async function chooseApplication(store: ProfileStore, app: string | undefined, environment?: string): Promise<ApplicationView> {
  if (app !== undefined) return requireApplication(store, app);
  const applications = await store.applications();
  if (applications.length === 1) return applications[0]!;
  const having = environment === undefined ? [] : applications.filter((candidate) => candidate.environments.some((item) => item.name === environment));
  if (having.length === 1) return having[0]!;
  if (applications.length === 0) throw new InputError('there are no applications yet', 'ecs-wizard init creates one (or give --app NAME to env add)');
  const names = (having.length > 1 ? having : applications).map((candidate) => candidate.name);
  throw new InputError(
    `which application? ${names.length} ${having.length > 1 ? `have an environment '${environment}'` : 'are saved'}: ${names.join(', ')}`,
    'give --app NAME',
  );
}

/** The environment flags of `env add` and `env edit`. */
export interface EnvironmentFlags {
  region?: string;
  cluster?: string;
  launchType?: string;
  subnets?: string;
  securityGroups?: string;
  assignPublicIp?: boolean;
  noPublicIp?: boolean;
  executionRole?: string;
  noNetwork?: boolean;
  noExecutionRole?: boolean;
}

const list = (text: string): string[] =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');

function launchType(value: string): LaunchType {
  const upper = value.toUpperCase();
  if ((LAUNCH_TYPES as readonly string[]).includes(upper)) return upper as LaunchType;
  throw new InputError(`--launch-type must be EC2 or FARGATE; got '${value}'`);
}

/** `current` (or a new environment named `name`) with the flags applied. The store validates the result. */
export function environmentFromFlags(name: string, flags: EnvironmentFlags, current?: ApplicationEnvironment): ApplicationEnvironment {
  if (current === undefined) {
    const missing = [
      flags.region === undefined ? '--region' : '',
      flags.cluster === undefined ? '--cluster' : '',
      flags.launchType === undefined ? '--launch-type' : '',
    ].filter((flag) => flag !== '');
    if (missing.length > 0)
      throw new InputError(`a new environment needs ${missing.join(', ')}`, 'e.g. --region us-east-1 --cluster staging --launch-type FARGATE');
  }
  if (flags.assignPublicIp === true && flags.noPublicIp === true) throw new InputError('--assign-public-ip and --no-public-ip contradict each other');
  if (flags.noNetwork === true && (flags.subnets !== undefined || flags.securityGroups !== undefined || flags.assignPublicIp === true)) {
    throw new InputError('--no-network removes the awsvpc network: it goes with neither --subnets, --security-groups nor --assign-public-ip');
  }
  if (flags.noExecutionRole === true && flags.executionRole !== undefined)
    throw new InputError('--no-execution-role and --execution-role contradict each other');
  const next: ApplicationEnvironment = current === undefined ? {name, region: '', cluster: '', launchType: 'EC2'} : structuredClone(current);
  if (flags.region !== undefined) next.region = flags.region;
  if (flags.cluster !== undefined) next.cluster = flags.cluster;
  if (flags.launchType !== undefined) next.launchType = launchType(flags.launchType);
  const touchesNetwork = flags.subnets !== undefined || flags.securityGroups !== undefined || flags.assignPublicIp === true || flags.noPublicIp === true;
  if (flags.noNetwork === true) delete next.network;
  else if (touchesNetwork) {
    const network = next.network ?? {subnets: [], securityGroups: [], assignPublicIp: false};
    next.network = {
      subnets: flags.subnets === undefined ? network.subnets : list(flags.subnets),
      securityGroups: flags.securityGroups === undefined ? network.securityGroups : list(flags.securityGroups),
      assignPublicIp: flags.assignPublicIp === true ? true : flags.noPublicIp === true ? false : network.assignPublicIp,
    };
  }
  if (flags.noExecutionRole === true) delete next.executionRoleArn;
  else if (flags.executionRole !== undefined) next.executionRoleArn = flags.executionRole;
  // A value typed over one read from a provisioner is no longer that output's (env refresh leaves it alone).
  if (next.provisioner !== undefined && current !== undefined) {
    const typed = new Set<string>([
      ...(flags.region === undefined ? [] : ['region']),
      ...(flags.cluster === undefined ? [] : ['cluster']),
      ...(flags.subnets === undefined ? [] : ['subnets']),
      ...(flags.securityGroups === undefined ? [] : ['securityGroups']),
      ...(flags.executionRole === undefined ? [] : ['executionRoleArn']),
    ]);
    const outputs = Object.fromEntries(Object.entries(next.provisioner.outputs).filter(([field]) => !typed.has(field)));
    next.provisioner = {...next.provisioner, outputs};
  }
  return next;
}
