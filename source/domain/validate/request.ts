/**
 * The one entry of validation for a rendered request (see render-and-validate.ts): the run's inputs, the
 * task definition and the service, each by its own rules, in that order. It renders nothing itself: the
 * documents it reads were rendered by render.ts, with the positions of their spec text for line/column.
 */
import type {Issue} from '../issues.js';
import type {JsonValue} from '../json.js';
import {isJsonObject} from '../json.js';
import type {JsonText} from '../json-text.js';
import type {ArtifactSource, Environment, RegistryAuth} from '../model.js';
import type {ValidationContext} from './context.js';
import {validateArtifact, validateEnvironment, validateRegistryAuth, validateVariables} from './profile-inputs.js';
import {validateServiceDefinition} from './service-definition.js';
import {validateTaskDefinition} from './task-definition.js';

/** The run's inputs the rules read besides the rendered documents. */
export interface RequestInputs {
  artifact: ArtifactSource;
  /** The tag to deploy (undefined when none was given and the artifact has none). */
  tag: string | undefined;
  registryAuth: RegistryAuth | undefined;
  /** The service's own config variables (their names are checked; their values were substituted). */
  variables: Readonly<Record<string, string>>;
  environment: Environment;
  /** Cloud Map record types by registry ARN, when read (see ValidationContext). */
  discoveryRecordTypes?: Readonly<Record<string, readonly string[]>>;
}

/** One rendered document as validation reads it. */
export interface RenderedDocument {
  /**
   * What the spec rendered to: the request document, or the spec's value when it is not an object (an
   * error); undefined when there is nothing to check (the spec did not parse, or a service without its task definition).
   */
  rendered: JsonValue | undefined;
  /** Where the spec text's members are (for line/column); undefined for the form. */
  parsed?: Pick<JsonText, 'positions'>;
  /** The service spec as written (before render put in the environment's values): ECS's field rules read it. */
  written?: JsonValue;
}

export interface RequestValidation {
  /** Issues of the run's inputs: artifact, registry authentication, variable names, environment. */
  inputs: Issue[];
  taskDefinition: Issue[];
  service: Issue[];
}

/**
 * Validates a rendered request once: the run's inputs, then the task definition, then the service (which is
 * checked against the rendered task definition).
 */
export function validateRequest(inputs: RequestInputs, request: {taskDefinition: RenderedDocument; service: RenderedDocument}): RequestValidation {
  const context: ValidationContext = {launchType: inputs.environment.launchType, environmentName: inputs.environment.name};
  if (inputs.environment.network !== undefined) context.network = inputs.environment.network;
  if (inputs.discoveryRecordTypes !== undefined) context.discoveryRecordTypes = inputs.discoveryRecordTypes;
  const providers = capacityProvidersOf(request.service.rendered);
  if (providers.length > 0) context.capacityProviders = providers;
  const task = request.taskDefinition.rendered;
  return {
    inputs: [
      ...validateArtifact(inputs.artifact, inputs.tag),
      ...validateRegistryAuth(inputs.registryAuth),
      ...validateVariables(inputs.variables),
      ...validateEnvironment(inputs.environment),
    ],
    taskDefinition: validateTaskDefinition(task, context, request.taskDefinition.parsed),
    service: validateServiceDefinition(request.service.rendered, task, context, request.service.parsed, request.service.written),
  };
}

/** The providers named by a rendered service's capacityProviderStrategy (none when it has none). */
function capacityProvidersOf(service: JsonValue | undefined): string[] {
  const strategy = isJsonObject(service) ? service['capacityProviderStrategy'] : undefined;
  if (!Array.isArray(strategy)) return [];
  return strategy.flatMap((item) => (isJsonObject(item) && typeof item['capacityProvider'] === 'string' ? [item['capacityProvider']] : []));
}
