/**
 * The import corpus (test/fixtures/, see its README): where the fixtures are, and the registrable input each one
 * stands for — RegisterTaskDefinition and CreateService inputs computed from the API reference, independently of
 * the code under test. Used by test/operations/import.corpus.test.ts and test/integration/adopt.test.ts.
 */
import {readFileSync, readdirSync} from 'node:fs';
import type {JsonObject, JsonValue} from '../../source/domain/json.js';

export const TASKS = new URL('../fixtures/task-definitions/', import.meta.url);
export const SERVICES = new URL('../fixtures/services/', import.meta.url);
/** Documents as found (console JSON, CLI output, register inputs): test/fixtures/real-task-definitions/SOURCES.md. */
export const REAL_TASKS = new URL('../fixtures/real-task-definitions/', import.meta.url);
export const REAL_SERVICES = new URL('../fixtures/real-services/', import.meta.url);

export const jsonFiles = (dir: URL): string[] =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
export const read = (dir: URL, file: string): {text: string; value: JsonObject} => {
  const text = readFileSync(new URL(file, dir), 'utf8');
  return {text, value: JSON.parse(text) as JsonObject};
};

// ---------------------------------------------------------------------------------------------------
// The registrable input, as the ECS API reference defines it (independent of source/).
// ---------------------------------------------------------------------------------------------------

const TASK_READ_ONLY = [
  'taskDefinitionArn',
  'revision',
  'status',
  'requiresAttributes',
  'compatibilities',
  'registeredAt',
  'registeredBy',
  'deregisteredAt',
  'deleteRequestedAt',
];
const CREATE_SERVICE = new Set([
  'serviceName',
  'taskDefinition',
  'availabilityZoneRebalancing',
  'loadBalancers',
  'serviceRegistries',
  'desiredCount',
  'launchType',
  'capacityProviderStrategy',
  'platformVersion',
  'role',
  'deploymentConfiguration',
  'placementConstraints',
  'placementStrategy',
  'networkConfiguration',
  'healthCheckGracePeriodSeconds',
  'schedulingStrategy',
  'deploymentController',
  'tags',
  'enableECSManagedTags',
  'propagateTags',
  'enableExecuteCommand',
  'serviceConnectConfiguration',
  'volumeConfigurations',
  'vpcLatticeConfigurations',
]);
/** CreateService parameters DescribeServices shows on the deployments only. */
const ON_DEPLOYMENTS = ['serviceConnectConfiguration', 'volumeConfigurations', 'vpcLatticeConfigurations'];

const withoutNulls = (value: JsonValue): JsonValue =>
  Array.isArray(value)
    ? value.filter((item) => item !== null).map(withoutNulls)
    : value !== null && typeof value === 'object'
      ? Object.fromEntries(
          Object.entries(value)
            .filter(([, item]) => item !== null)
            .map(([key, item]) => [key, withoutNulls(item as JsonValue)]),
        )
      : value;
const ownTags = (tags: JsonValue | undefined): JsonObject[] =>
  Array.isArray(tags) ? (tags as JsonObject[]).filter((tag) => !String(tag['key']).startsWith('aws:')) : [];

/** describe-task-definition output → the RegisterTaskDefinition input it was registered with. */
export function registerInput(described: JsonObject): JsonObject {
  const task = described['taskDefinition'] as JsonObject;
  const input = withoutNulls(Object.fromEntries(Object.entries(task).filter(([key]) => !TASK_READ_ONLY.includes(key)))) as JsonObject;
  const tags = ownTags(described['tags']);
  return tags.length > 0 ? {...input, tags} : input;
}

/** A describe-services service → the CreateService input a deploy sends for it (taskDefinition: the family). */
export function createInput(service: JsonObject, family: string): JsonObject {
  const input: JsonObject = {cluster: String(service['clusterArn']).split('/').pop()!};
  for (const [key, value] of Object.entries(service)) if (CREATE_SERVICE.has(key) && value !== null) input[key] = withoutNulls(value);
  const primary = (service['deployments'] as JsonObject[]).find((deployment) => deployment['status'] === 'PRIMARY');
  for (const key of ON_DEPLOYMENTS) if (primary?.[key] !== undefined) input[key] = primary[key] as JsonValue;
  input['taskDefinition'] = family;
  if (input['schedulingStrategy'] === 'DAEMON') delete input['desiredCount'];
  if (Array.isArray(input['tags'])) input['tags'] = ownTags(input['tags']);
  return input;
}

export const familyOf = (described: JsonObject): string => String((described['taskDefinition'] as JsonObject)['family']);

/** A real-world fixture's task definition: `{taskDefinition, tags}` (describe / register output) or the bare document. */
export function taskOf(fixture: JsonObject): {task: JsonObject; tags: JsonObject[]} {
  const wrapped = fixture['taskDefinition'] !== undefined && typeof fixture['taskDefinition'] === 'object';
  const task = (wrapped ? fixture['taskDefinition'] : fixture) as JsonObject;
  const tags = (wrapped ? fixture['tags'] : task['tags']) ?? [];
  return {task, tags: (tags as JsonObject[]).filter((tag) => !String(tag['key']).startsWith('aws:'))};
}

/**
 * The RegisterTaskDefinition input a real-world fixture stands for, in any of its forms. The bare document (a
 * register input, or the console's JSON view) keeps its own `tags` member as written (`"tags": []` included:
 * RegisterTaskDefinition takes it); describe-task-definition's tags beside the task definition are added when there
 * are any.
 */
export function registerInputOf(fixture: JsonObject): JsonObject {
  const {task, tags} = taskOf(fixture);
  const input = withoutNulls(Object.fromEntries(Object.entries(task).filter(([key]) => !TASK_READ_ONLY.includes(key)))) as JsonObject;
  if (input['tags'] !== undefined) return {...input, tags};
  return tags.length > 0 ? {...input, tags} : input;
}

/** Each service fixture and the task definition fixture it runs. */
export const SERVICE_TASKS: Readonly<Record<string, string>> = {
  'daemon-cloudwatch-agent.json': 'cloudwatch-agent-daemon.json',
  'ebs-volume-configurations.json': 'ebs-configured-at-launch.json',
  'ec2-cloud-map-placement.json': 'private-registry-port.json',
  'ec2-simple.json': 'sleep360.json',
  'fargate-public-ip-tags.json': 'webserver-fargate.json',
  'service-connect-alb-capacity-providers.json': 'service-connect-named-ports.json',
};
