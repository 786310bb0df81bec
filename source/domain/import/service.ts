/** Import of a service (describe-services output): the service spec and the environment it implies. See import/common.ts. */
import type {Issue} from '../issues.js';
import {hasErrors} from '../issues.js';
import type {JsonObject, JsonValue} from '../json.js';
import {isJsonObject} from '../json.js';
import type {AwsVpcNetwork, LaunchType} from '../model.js';
import {getMember, joinPath, parseJsonText, stringifyJsonText} from '../json-text.js';
import {CONTAINER_NAME} from '../placeholders.js';
import {cloneJson} from '../json-values.js';
import {clusterNameFromArn, regionFromArn, taskDefinitionRef} from '../aws-names.js';
import {toCreateServiceInput} from '../normalise/registrable-input.js';
import {ecsServiceIssues} from '../validate/ecs/document.js';
import {type Replacement, escapeLiteralPlaceholders, issue, located, str} from './common.js';
import {type ImportedTaskDefinition} from './task-definition.js';

export interface ServiceImportOptions {
  /** The imported task definition this service runs: its container name placeholder is carried over. */
  taskDefinition?: ImportedTaskDefinition;
  /** Which service of a describe-services output with several (by serviceName). */
  serviceName?: string;
}

/** What the service's environment gets from the described service. */
export interface ImportedEnvironment {
  region?: string;
  cluster?: string;
  launchType?: LaunchType;
  network?: AwsVpcNetwork;
}

export interface ImportedService {
  ok: true;
  /** The service specification: pretty JSON text (a CreateService input without what render fills in). */
  serviceSpecJson: string;
  serviceName: string;
  environment: ImportedEnvironment;
  /** `family:revision` the service ran. */
  taskDefinition?: string;
  /** The CreateService input (output-only fields stripped), before anything moved to the environment. */
  service: JsonObject;
  replacements: Replacement[];
  stripped: string[];
  issues: Issue[];
}

export type ServiceImportResult = ImportedService | {ok: false; issues: Issue[]};

// ---------------------------------------------------------------------------------------------------
// Services
// ---------------------------------------------------------------------------------------------------

export function unwrapService(value: JsonValue, wanted: string | undefined): {service?: JsonObject; prefix?: string; issues: Issue[]} {
  if (!isJsonObject(value))
    return {issues: [issue('error', 'import-shape', '', 'Expected a JSON object: the output of aws ecs describe-services, or a service')]};
  const services = getMember(value, 'services');
  if (Array.isArray(services)) {
    const found = services.filter(isJsonObject);
    const names = found.map((service) => str(getMember(service, 'serviceName')) ?? '?');
    const at = (service: JsonObject | undefined) => ({
      ...(service === undefined ? {} : {service}),
      prefix: joinPath('services', services.indexOf(service as JsonValue)),
      issues: [],
    });
    if (found.length === 0) {
      const failures = getMember(value, 'failures');
      const first = Array.isArray(failures) && isJsonObject(failures[0]) ? failures[0] : undefined;
      const reason = first === undefined ? '' : `: ${str(getMember(first, 'reason')) ?? 'failure'} (${str(getMember(first, 'arn')) ?? ''})`;
      return {issues: [issue('error', 'import-shape', 'services', `The describe-services output holds no service${reason}`)]};
    }
    if (wanted !== undefined) {
      const index = names.indexOf(wanted);
      if (index === -1) return {issues: [issue('error', 'import-shape', 'services', `No service "${wanted}" in the output (services: ${names.join(', ')})`)]};
      return at(found[index]);
    }
    if (found.length > 1) {
      return {
        issues: [
          issue(
            'error',
            'import-shape',
            'services',
            `The output holds ${found.length} services (${names.join(', ')}): say which one to import`,
            `Keep only that one in the output, or name it with import's --service NAME: ${names.slice(0, -1).join(', ')} or ${names[names.length - 1] ?? ''}`,
          ),
        ],
      };
    }
    return at(found[0]);
  }
  if (getMember(value, 'serviceName') !== undefined || getMember(value, 'serviceArn') !== undefined) return {service: value, issues: []};
  if (getMember(value, 'taskDefinition') !== undefined || getMember(value, 'containerDefinitions') !== undefined) {
    return {
      issues: [
        issue(
          'error',
          'import-shape',
          '',
          'This is a task definition, not a service',
          'Import it as the task definition, and paste the describe-services output here',
        ),
      ],
    };
  }
  return {
    issues: [
      issue(
        'error',
        'import-shape',
        '',
        'No service found: expected {"services": [...]} or an object with serviceName',
        'Paste the output of aws ecs describe-services --cluster CLUSTER --services NAME',
      ),
    ],
  };
}

const FARGATE_PROVIDERS = new Set(['FARGATE', 'FARGATE_SPOT']);

/**
 * Imports `aws ecs describe-services` output (`{"services": [...], "failures": []}` or one service object):
 * a CreateService-shaped service spec, without what render takes from the environment.
 */
export function importService(text: string, options: ServiceImportOptions = {}): ServiceImportResult {
  const parsed = parseJsonText(text, 'import');
  if (parsed.value === undefined) return {ok: false, issues: parsed.issues};
  const unwrapped = unwrapService(parsed.value, options.serviceName);
  if (unwrapped.service === undefined) return located({ok: false, issues: [...parsed.issues, ...unwrapped.issues]}, parsed, '');
  return located(importServiceValue(unwrapped.service, parsed.issues, options), parsed, unwrapped.prefix ?? '');
}

function importServiceValue(described: JsonObject, syntaxIssues: readonly Issue[], options: ServiceImportOptions): ServiceImportResult {
  const issues: Issue[] = [...syntaxIssues];
  const {value: input, stripped, unknown} = toCreateServiceInput(described);
  for (const key of unknown) {
    issues.push(issue('warning', 'import-unknown-field', key, `${key} is not a CreateService parameter: it is left out`));
  }
  // ECS's rules of the CreateService input: a service spec ECS refuses is not imported.
  issues.push(...ecsServiceIssues(input, {source: 'import'}));
  if (hasErrors(issues)) return {ok: false, issues};
  const serviceName = str(getMember(input, 'serviceName'));
  if (serviceName === undefined) return {ok: false, issues: [...issues, issue('error', 'import-shape', 'serviceName', 'The service has no serviceName')]};

  const replacements: Replacement[] = [];
  const spec = escapeLiteralPlaceholders(cloneJson(input), replacements, issues) as JsonObject;
  const environment: ImportedEnvironment = {};
  const move = (key: string, to: string): JsonValue | undefined => {
    const value = getMember(spec, key);
    if (value === undefined) return undefined;
    delete spec[key];
    replacements.push({path: key, from: key === 'cluster' ? (str(getMember(described, 'clusterArn')) ?? value) : value, to});
    return value;
  };

  const region = [getMember(described, 'serviceArn'), getMember(described, 'clusterArn'), getMember(described, 'taskDefinition')]
    .map((value) => (typeof value === 'string' ? regionFromArn(value) : undefined))
    .find((value) => value !== undefined);
  if (region !== undefined) environment.region = region;

  const cluster = move('cluster', 'environment.cluster');
  if (typeof cluster === 'string') environment.cluster = clusterNameFromArn(cluster);

  const providers = getMember(spec, 'capacityProviderStrategy');
  const launchType = move('launchType', 'environment.launchType');
  if (launchType === 'FARGATE' || launchType === 'EC2') environment.launchType = launchType;
  else if (launchType !== undefined)
    issues.push(issue('warning', 'import-launch-type', 'launchType', `${JSON.stringify(launchType)} is not a launch type this tool deploys to`));
  if (Array.isArray(providers) && providers.length > 0) {
    const names = providers.map((item) => (isJsonObject(item) ? str(getMember(item, 'capacityProvider')) : undefined));
    environment.launchType = names.every((name) => name !== undefined && FARGATE_PROVIDERS.has(name)) ? 'FARGATE' : 'EC2';
  }

  const network = getMember(spec, 'networkConfiguration');
  if (network !== undefined) {
    const awsvpc = isJsonObject(network) ? getMember(network, 'awsvpcConfiguration') : undefined;
    if (isJsonObject(awsvpc)) {
      const strings = (value: JsonValue | undefined): string[] =>
        Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
      environment.network = {
        subnets: strings(getMember(awsvpc, 'subnets')),
        securityGroups: strings(getMember(awsvpc, 'securityGroups')),
        assignPublicIp: getMember(awsvpc, 'assignPublicIp') === 'ENABLED',
      };
    }
    move('networkConfiguration', 'environment.network');
  }

  const taskDefinition = move('taskDefinition', 'the registered task definition');
  const ran = typeof taskDefinition === 'string' ? taskDefinitionRef(taskDefinition) : undefined;
  const imported = options.taskDefinition;
  if (ran !== undefined && imported !== undefined) {
    const family = str(getMember(imported.taskDefinition, 'family'));
    if (family !== undefined && ran.replace(/:[0-9]+$/, '') !== family) {
      issues.push(
        issue(
          'warning',
          'import-task-family',
          'taskDefinition',
          `The service runs ${ran}, but the imported task definition is of the family "${family}": deploying registers "${family}"`,
        ),
      );
    }
  }

  if (imported?.containerNamePlaceholder === true) {
    for (const list of ['serviceRegistries', 'loadBalancers']) {
      const items = getMember(spec, list);
      if (!Array.isArray(items)) continue;
      items.forEach((item, index) => {
        if (isJsonObject(item) && getMember(item, 'containerName') === imported.artifactContainer) {
          item['containerName'] = CONTAINER_NAME;
          replacements.push({path: joinPath(joinPath(list, index), 'containerName'), from: imported.artifactContainer, to: CONTAINER_NAME});
        }
      });
    }
  }

  return {
    ok: true,
    serviceSpecJson: stringifyJsonText(spec),
    serviceName,
    environment,
    ...(ran === undefined ? {} : {taskDefinition: ran}),
    service: input,
    replacements,
    stripped,
    issues,
  };
}
