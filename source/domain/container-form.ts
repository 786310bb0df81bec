/**
 * The seed's simplified container form (EC2 only) renders to the same RegisterTaskDefinition JSON
 * shape as the advanced form: one container whose image is `${DOCKER_IMAGE_NAME}`. The family is chosen
 * by `render` (the service name), so the form's JSON has none.
 */
import type {JsonObject, JsonValue} from './json.js';
import {isJsonObject} from './json.js';
import type {ContainerForm, NameValue, NetworkMode, PortMapping} from './model.js';
import {NETWORK_MODES} from './model.js';
import {stringifyJsonText} from './json-text.js';
import {DOCKER_IMAGE_NAME} from './placeholders.js';
import {awslogsConfiguration, formLogsOf} from './container-logs.js';

export function formToTaskDefinition(form: ContainerForm): JsonObject {
  const container: JsonObject = {name: form.name, image: DOCKER_IMAGE_NAME};
  if (form.cpu !== undefined) container.cpu = form.cpu;
  if (form.memory !== undefined) container.memory = form.memory;
  if (form.memoryReservation !== undefined) container.memoryReservation = form.memoryReservation;
  container.portMappings = form.portMappings.map((mapping) => {
    const rendered: JsonObject = {containerPort: mapping.containerPort};
    if (mapping.hostPort !== undefined) rendered.hostPort = mapping.hostPort;
    rendered.protocol = mapping.protocol;
    return rendered;
  });
  container.environment = form.environment.map((pair) => ({name: pair.name, value: pair.value}));
  container.essential = form.essential;
  if (form.logConfiguration !== undefined) container.logConfiguration = awslogsConfiguration(form.logConfiguration);
  return {
    containerDefinitions: [container],
    networkMode: form.networkMode,
    requiresCompatibilities: ['EC2'],
  };
}

/** The form as advanced JSON text (switching a form to Advanced Settings). */
export function formToJsonText(form: ContainerForm): string {
  return stringifyJsonText(formToTaskDefinition(form));
}

const FORM_CONTAINER_KEYS = new Set(['name', 'image', 'cpu', 'memory', 'memoryReservation', 'portMappings', 'environment', 'essential', 'logConfiguration']);
const isCount = (value: JsonValue | undefined): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

/**
 * The form a task definition came from, when the form can hold all of it (switching back from Advanced
 * without losing anything); undefined otherwise. `formToTaskDefinition(taskDefinitionToForm(x)) ≡ x`.
 */
export function taskDefinitionToForm(value: JsonValue | undefined): ContainerForm | undefined {
  if (!isJsonObject(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 3 || !['containerDefinitions', 'networkMode', 'requiresCompatibilities'].every((key) => keys.includes(key))) return undefined;
  const compat = value.requiresCompatibilities;
  if (!Array.isArray(compat) || compat.length !== 1 || compat[0] !== 'EC2') return undefined;
  const networkMode = value.networkMode;
  if (typeof networkMode !== 'string' || !(NETWORK_MODES as readonly string[]).includes(networkMode)) return undefined;
  const containers = value.containerDefinitions;
  if (!Array.isArray(containers) || containers.length !== 1) return undefined;
  const container = containers[0];
  if (!isJsonObject(container) || !Object.keys(container).every((key) => FORM_CONTAINER_KEYS.has(key))) return undefined;
  if (container.image !== DOCKER_IMAGE_NAME || typeof container.name !== 'string' || typeof container.essential !== 'boolean') return undefined;
  for (const key of ['cpu', 'memory', 'memoryReservation'] as const) {
    if (container[key] !== undefined && !isCount(container[key])) return undefined;
  }
  const mappings = container.portMappings;
  const environment = container.environment;
  if (!Array.isArray(mappings) || !Array.isArray(environment)) return undefined;
  const portMappings: PortMapping[] = [];
  for (const mapping of mappings) {
    if (!isJsonObject(mapping) || !Object.keys(mapping).every((key) => ['containerPort', 'hostPort', 'protocol'].includes(key))) return undefined;
    const {containerPort, hostPort, protocol} = mapping;
    if (!isCount(containerPort) || (hostPort !== undefined && !isCount(hostPort)) || (protocol !== 'tcp' && protocol !== 'udp')) return undefined;
    portMappings.push(hostPort === undefined ? {containerPort, protocol} : {containerPort, hostPort, protocol});
  }
  const pairs: NameValue[] = [];
  for (const pair of environment) {
    if (!isJsonObject(pair) || Object.keys(pair).length !== 2 || typeof pair.name !== 'string' || typeof pair.value !== 'string') return undefined;
    pairs.push({name: pair.name, value: pair.value});
  }
  const logs = container.logConfiguration === undefined ? undefined : formLogsOf(container.logConfiguration);
  if (container.logConfiguration !== undefined && logs === undefined) return undefined;
  const form: ContainerForm = {name: container.name, portMappings, environment: pairs, essential: container.essential, networkMode: networkMode as NetworkMode};
  if (logs !== undefined) form.logConfiguration = logs;
  if (isCount(container.cpu)) form.cpu = container.cpu;
  if (isCount(container.memory)) form.memory = container.memory;
  if (isCount(container.memoryReservation)) form.memoryReservation = container.memoryReservation;
  return form;
}
