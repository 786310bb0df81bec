/**
 * Applications as the setup guide has them: an application owns its environments, defined once and used by every
 * service of the application; a profile (one service of an application) refers to them by name.
 *
 * - An **application environment** holds what the guide's infrastructure definition holds: region, cluster, launch
 *   type, the awsvpc network (subnets, security groups, public IP), the task execution role, and the provisioner its
 *   values were read from. A change to it is a change for every service that uses it.
 * - A service's **use** of an environment holds what the guide lets a service override per environment: its
 *   config-variable overrides (`overrides`), and any other environment field that is not one of the application's
 *   (a field added to `Environment` later is per service unless it is listed in APPLICATION_ENVIRONMENT_FIELDS).
 * - Resolving a stored profile puts the two together into the `Profile` that render, deploy and diff read (its
 *   `environments` fully resolved); splitting a profile for saving takes them apart again.
 *
 * Pure: no fs, no clock.
 */
import type {AppRunRecord} from './deploy/app-run-types.js';
import type {Environment, Profile} from './model.js';
import {resolveService, storedServiceOf, type ArtifactServer, type StoredService} from './artifact-servers.js';

/** The fields of an environment the application defines once (the guide's infrastructure definition). */
export const APPLICATION_ENVIRONMENT_FIELDS = ['region', 'cluster', 'launchType', 'network', 'executionRoleArn', 'provisioner'] as const;
export type ApplicationEnvironmentField = (typeof APPLICATION_ENVIRONMENT_FIELDS)[number];

export type ApplicationEnvironment = Pick<Environment, 'name' | ApplicationEnvironmentField> & {
  /** Why it exists, when ecs-wizard made it (the migration keeps environments of one name that differ apart). */
  note?: string;
};

/** A service's use of one of its application's environments: the name, and what the service sets for itself there. */
export type EnvironmentUse = Omit<Environment, ApplicationEnvironmentField>;

export interface Application {
  name: string;
  /** In the order they were defined. */
  environments: ApplicationEnvironment[];
  /** The records of its whole-application runs, oldest first (capped at MAX_APP_RUNS); absent in older stores. */
  runs?: AppRunRecord[];
  /** Its artifact servers (domain/artifact-servers.ts), in the order they were defined; absent: none defined. */
  artifactServers?: ArtifactServer[];
}

/** A profile as the store keeps it: its environments by name, with the service's own overrides; its artifact by server when it uses one. */
export interface StoredProfile extends Omit<Profile, 'environments' | 'service'> {
  environments: EnvironmentUse[];
  service: StoredService;
}

const isApplicationField = (key: string): key is ApplicationEnvironmentField => (APPLICATION_ENVIRONMENT_FIELDS as readonly string[]).includes(key);

/** The application's part of an environment (without a note). */
export function definitionOf(environment: Environment): ApplicationEnvironment {
  const definition: Record<string, unknown> = {name: environment.name};
  for (const field of APPLICATION_ENVIRONMENT_FIELDS) if (environment[field] !== undefined) definition[field] = structuredClone(environment[field]);
  return definition as ApplicationEnvironment;
}

/** The service's part of an environment. */
export function useOf(environment: Environment): EnvironmentUse {
  const use: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(environment)) if (!isApplicationField(key) && value !== undefined) use[key] = structuredClone(value);
  return use as EnvironmentUse;
}

/** The environment a service runs in: the application's definition with the service's use laid over it. */
export function resolveEnvironment(definition: ApplicationEnvironment, use: EnvironmentUse): Environment {
  const {name: _name, note: _note, ...shared} = structuredClone(definition);
  const {name, overrides, ...own} = structuredClone(use);
  // Key order as the schema writes an environment: name, the application's fields, overrides, then the rest.
  const {provisioner, ...placement} = shared;
  return {name, ...placement, overrides, ...(provisioner === undefined ? {} : {provisioner}), ...own} as Environment;
}

/** Canonical JSON (keys sorted): equal values, equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** True when two definitions hold the same values (their names and notes aside). */
export function sameDefinition(a: ApplicationEnvironment, b: ApplicationEnvironment): boolean {
  const {name: _a, note: _an, ...restA} = a;
  const {name: _b, note: _bn, ...restB} = b;
  return canonicalJson(restA) === canonicalJson(restB);
}

/** What differs between two definitions: the fields, in the schema's order. */
export function differingFields(a: ApplicationEnvironment, b: ApplicationEnvironment): ApplicationEnvironmentField[] {
  return APPLICATION_ENVIRONMENT_FIELDS.filter((field) => canonicalJson(a[field]) !== canonicalJson(b[field]));
}

export type ResolveFailure =
  | {kind: 'no-application'; application: string}
  | {kind: 'no-environment'; application: string; environment: string}
  | {kind: 'no-server'; application: string; server: string};

/** The profile a stored one stands for, or why it cannot be resolved. */
export function resolveProfile(stored: StoredProfile, application: Application | undefined): {profile: Profile} | {failure: ResolveFailure} {
  if (application === undefined) return {failure: {kind: 'no-application', application: stored.application}};
  const environments: Environment[] = [];
  for (const use of stored.environments) {
    const definition = application.environments.find((candidate) => candidate.name === use.name);
    if (definition === undefined) return {failure: {kind: 'no-environment', application: application.name, environment: use.name}};
    environments.push(resolveEnvironment(definition, use));
  }
  const service = resolveService(stored.service, application.artifactServers);
  if (service === undefined) return {failure: {kind: 'no-server', application: application.name, server: (stored.service.artifact as {server: string}).server}};
  const {environments: _uses, ...rest} = structuredClone({...stored, service});
  const profile = {...rest, environments} as Profile;
  // Key order as the schema writes a profile.
  return {
    profile: {
      name: profile.name,
      application: profile.application,
      service: profile.service,
      environments: profile.environments,
      runs: profile.runs,
      createdAt: profile.createdAt,
      updatedAt: profile.updatedAt,
      ...Object.fromEntries(Object.entries(profile).filter(([key]) => !PROFILE_ORDER.includes(key))),
    } as Profile,
  };
}
const PROFILE_ORDER = ['name', 'application', 'service', 'environments', 'runs', 'createdAt', 'updatedAt'];

/** The stored form of a profile: its environments by name. */
export function storedProfileOf(profile: Profile): StoredProfile {
  const {environments, ...rest} = structuredClone(profile);
  return {...rest, service: storedServiceOf(rest.service), environments: environments.map(useOf)};
}

export function describeFailure(failure: ResolveFailure): string {
  if (failure.kind === 'no-server') return `the application "${failure.application}" has no artifact server "${failure.server}"`;
  return failure.kind === 'no-application'
    ? `the application "${failure.application}" is not in the store`
    : `the application "${failure.application}" has no environment "${failure.environment}"`;
}
