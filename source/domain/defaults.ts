/**
 * Defaults of a new service: the seed's service specification for REPLICA and DAEMON, switching a spec
 * between the two, a default container specification and a minimal valid profile.
 */
import type {Issue} from './issues.js';
import type {JsonObject, JsonValue} from './json.js';
import {isJsonObject} from './json.js';
import type {ArtifactSource, ContainerForm, ContainerSpec, Environment, LaunchType, Profile, SchedulingStrategy} from './model.js';
import {getMember, parseJsonText, setMember, stringifyJsonText} from './json-text.js';
import {CONTAINER_NAME, DOCKER_IMAGE_NAME, EXECUTION_ROLE} from './placeholders.js';

/** The seed's default service specification, for a strategy. */
export function defaultServiceSpecValue(strategy: SchedulingStrategy = 'REPLICA'): JsonObject {
  return {placementConstraints: [], placementStrategy: [], healthCheckGracePeriodSeconds: null, schedulingStrategy: strategy};
}

/** The default service specification text (REPLICA unless told). */
export function defaultServiceSpec(strategy: SchedulingStrategy = 'REPLICA'): string {
  return stringifyJsonText(defaultServiceSpecValue(strategy));
}

export interface SwitchedSpec {
  /** The new spec text (the given text, unchanged, when it cannot be read or nothing changes). */
  text: string;
  /** What was taken out for DAEMON: `desiredCount`, `placementStrategy` entries. */
  removed: string[];
  issues: Issue[];
}

/**
 * Flips `schedulingStrategy` of a service spec text to REPLICA or DAEMON. For DAEMON, `desiredCount` is
 * removed and `placementStrategy` emptied (DAEMON takes neither). Unquoted placeholders are kept unquoted.
 */
export function switchStrategy(specText: string, strategy: SchedulingStrategy): SwitchedSpec {
  const parsed = parseJsonText(specText, 'serviceSpec');
  if (parsed.value === undefined) return {text: specText, removed: [], issues: parsed.issues};
  const spec = parsed.value;
  if (!isJsonObject(spec)) {
    return {
      text: specText,
      removed: [],
      issues: [
        {
          code: 'wrong-type',
          severity: 'error',
          source: 'serviceSpec',
          path: '',
          message: 'The service specification must be a JSON object',
          line: 1,
          column: 1,
        },
      ],
    };
  }
  const removed: string[] = [];
  const updated: JsonObject = {};
  for (const key of Object.keys(spec)) {
    const value = getMember(spec, key) as JsonValue;
    if (strategy === 'DAEMON' && key === 'desiredCount') {
      removed.push('desiredCount');
      continue;
    }
    if (strategy === 'DAEMON' && key === 'placementStrategy' && !(Array.isArray(value) && value.length === 0)) {
      removed.push('placementStrategy');
      setMember(updated, key, []);
      continue;
    }
    setMember(updated, key, key === 'schedulingStrategy' ? strategy : value);
  }
  if (getMember(updated, 'schedulingStrategy') === undefined) updated.schedulingStrategy = strategy;
  const changed = removed.length > 0 || getMember(spec, 'schedulingStrategy') !== strategy;
  return {text: changed ? stringifyJsonText(updated, {unquoted: parsed.unquoted}) : specText, removed, issues: parsed.issues};
}

/** The simplified EC2 form of a new service: `${CONTAINER_NAME}`, 256 MiB soft limit, bridge. */
export function defaultContainerForm(): ContainerForm {
  return {name: CONTAINER_NAME, memoryReservation: 256, portMappings: [], environment: [], essential: true, networkMode: 'bridge'};
}

/** A minimal Fargate task definition text: awsvpc, 0.25 vCPU / 0.5 GB, the environment's execution role. */
export function defaultFargateContainerSpec(): string {
  return stringifyJsonText({
    containerDefinitions: [{name: CONTAINER_NAME, image: DOCKER_IMAGE_NAME, essential: true, portMappings: []}],
    cpu: '256',
    memory: '512',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    executionRoleArn: EXECUTION_ROLE,
  });
}

/** The form on EC2; advanced JSON on Fargate (the seed's form is EC2-only). */
export function defaultContainerSpec(launchType: LaunchType): ContainerSpec {
  return launchType === 'EC2' ? {mode: 'form', form: defaultContainerForm()} : {mode: 'json', json: defaultFargateContainerSpec()};
}

export interface NewProfileInput {
  name: string;
  /** Defaults to the profile name. */
  application?: string;
  /** The service name (and default task family); defaults to the profile name. */
  serviceName?: string;
  artifact: ArtifactSource;
  /** The first environment; the service's launch type is its launch type. */
  environment: Environment;
  /** ISO-8601 time of creation (time is injected, never read here). */
  now: string;
  variables?: Record<string, string>;
}

/** A minimal profile with the default container and service specifications. */
export function newProfile(input: NewProfileInput): Profile {
  const launchType = input.environment.launchType;
  return {
    name: input.name,
    application: input.application ?? input.name,
    service: {
      name: input.serviceName ?? input.name,
      artifact: input.artifact,
      launchType,
      containerSpec: defaultContainerSpec(launchType),
      serviceSpec: defaultServiceSpec('REPLICA'),
      variables: {...input.variables},
    },
    environments: [input.environment],
    runs: [],
    createdAt: input.now,
    updatedAt: input.now,
  };
}
