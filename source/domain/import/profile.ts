/** A whole profile from an imported task definition and, optionally, its service. See import/common.ts. */
import type {Issue} from '../issues.js';
import {isJsonObject} from '../json.js';
import type {Environment, Profile, Service} from '../model.js';
import {PROFILE_NAME_PATTERN} from '../model.js';
import {getMember} from '../json-text.js';
import {defaultServiceSpec} from '../defaults.js';
import {issue, parse, str} from './common.js';
import {type ImportedTaskDefinition, type TaskDefinitionImportOptions, importTaskDefinition} from './task-definition.js';
import {type ImportedService, importService, unwrapService} from './service.js';

// ---------------------------------------------------------------------------------------------------
// Profiles
// ---------------------------------------------------------------------------------------------------

export interface ImportNames {
  profile: string;
  application: string;
  /** The wizard's service name (also the task family and ECS service name when the specs name none). */
  service: string;
  environment: string;
  /** Used when neither the service nor the task definition ARN tells the region. */
  region?: string;
  /** Used when no service is imported. Default: `default` (ECS's default cluster). */
  cluster?: string;
}

export interface AssembleInput {
  taskDefinition: ImportedTaskDefinition;
  service?: ImportedService;
  names: ImportNames;
  /** ISO-8601 time of the import (createdAt / updatedAt). */
  now: string;
}

export interface ProfileImportResult {
  profile?: Profile;
  issues: Issue[];
}

/** A whole profile from an imported task definition (and, optionally, its service). */
export function assembleProfile(input: AssembleInput): ProfileImportResult {
  const {taskDefinition, service, names} = input;
  const issues: Issue[] = [];
  if (!PROFILE_NAME_PATTERN.test(names.profile)) {
    issues.push(
      issue(
        'error',
        'profile-name',
        'name',
        `"${names.profile}" is not a profile name: letters, digits, - and _, 1–64 characters, starting with a letter or digit`,
      ),
    );
  }
  const region = service?.environment.region ?? taskDefinition.region ?? names.region;
  if (region === undefined || region === '') {
    issues.push(
      issue(
        'error',
        'import-region',
        'environment.region',
        'The region is not known: neither the service nor the task definition ARN names it',
        'Give the region',
      ),
    );
  }
  let cluster = service?.environment.cluster ?? names.cluster;
  if (cluster === undefined) {
    cluster = 'default';
    issues.push(
      issue(
        'info',
        'import-cluster',
        'environment.cluster',
        'No service was imported: the environment uses the cluster "default"',
        'Give the cluster the service runs on',
      ),
    );
  }
  const launchType = service?.environment.launchType ?? taskDefinition.launchType;
  const environment: Environment = {name: names.environment, region: region ?? '', cluster, launchType, overrides: {}};
  if (service?.environment.network !== undefined) environment.network = service.environment.network;
  if (taskDefinition.executionRoleArn !== undefined) environment.executionRoleArn = taskDefinition.executionRoleArn;
  if (service === undefined) {
    issues.push(issue('info', 'import-service-spec', 'serviceSpec', 'No service was imported: the service specification is the default (REPLICA)'));
  }
  const wizardService: Service = {
    name: names.service,
    artifact: taskDefinition.artifact,
    launchType,
    containerSpec: {mode: 'json', json: taskDefinition.containerSpecJson},
    serviceSpec: service?.serviceSpecJson ?? defaultServiceSpec(),
    variables: {},
  };
  if (taskDefinition.registryAuth !== undefined) wizardService.registryAuth = taskDefinition.registryAuth;
  // The service exists and runs as described: a deploy keeps its settings (no defaults for new services).
  if (service !== undefined) wizardService.adopted = true;
  if (issues.some((item) => item.severity === 'error')) return {issues};
  const profile: Profile = {
    name: names.profile,
    application: names.application,
    service: wizardService,
    environments: [environment],
    runs: [],
    createdAt: input.now,
    updatedAt: input.now,
  };
  return {profile, issues};
}

export interface ProfileImportInput extends Omit<TaskDefinitionImportOptions, 'externalReferences'> {
  taskDefinitionText: string;
  serviceText?: string;
  /** Which service of a describe-services output with several. */
  serviceName?: string;
  names: ImportNames;
  now: string;
}

export interface FullImportResult extends ProfileImportResult {
  taskDefinition?: ImportedTaskDefinition;
  service?: ImportedService;
}

/** Load balancer container names of a described service (they keep the artifact container's name literal). */
function loadBalancerContainers(text: string, serviceName: string | undefined): string[] {
  const parsed = parse(text);
  if (parsed.value === undefined) return [];
  const found = unwrapService(parsed.value, serviceName).service;
  const balancers = found === undefined ? undefined : getMember(found, 'loadBalancers');
  if (!Array.isArray(balancers)) return [];
  return balancers.flatMap((item) => {
    const name = isJsonObject(item) ? str(getMember(item, 'containerName')) : undefined;
    return name === undefined ? [] : [name];
  });
}

/**
 * The whole import: task definition text (+ service text) → profile, with every replacement, stripped
 * field and issue (the task definition's issues first, then the service's, then the profile's). The
 * artifact container keeps a literal name when the service's load balancers refer to it.
 */
export function importProfile(input: ProfileImportInput): FullImportResult {
  const externalReferences = input.serviceText === undefined ? [] : loadBalancerContainers(input.serviceText, input.serviceName);
  const options: TaskDefinitionImportOptions = {externalReferences};
  if (input.container !== undefined) options.container = input.container;
  if (input.environmentTakesRole !== undefined) options.environmentTakesRole = input.environmentTakesRole;
  const task = importTaskDefinition(input.taskDefinitionText, options);
  if (!task.ok) return {issues: task.issues};
  let service: ImportedService | undefined;
  const issues: Issue[] = [...task.issues];
  if (input.serviceText !== undefined) {
    const imported = importService(input.serviceText, {taskDefinition: task, ...(input.serviceName === undefined ? {} : {serviceName: input.serviceName})});
    issues.push(...imported.issues);
    if (!imported.ok) return {taskDefinition: task, issues};
    service = imported;
  }
  const assembled = assembleProfile({taskDefinition: task, ...(service === undefined ? {} : {service}), names: input.names, now: input.now});
  issues.push(...assembled.issues);
  return {...(assembled.profile === undefined ? {} : {profile: assembled.profile}), taskDefinition: task, ...(service === undefined ? {} : {service}), issues};
}
