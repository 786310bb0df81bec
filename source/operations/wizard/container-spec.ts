/**
 * The container specification the answers describe: the simplified form (EC2) or Advanced JSON, the task's
 * network mode, its containers and ports, a starting point for the editor and the checks of a JSON text. Pure.
 */
import type {Issue} from '../../domain/issues.js';
import {hasErrors} from '../../domain/issues.js';
import type {JsonObject, JsonValue} from '../../domain/json.js';
import {isJsonObject} from '../../domain/json.js';
import type {ContainerForm, ContainerSpec, LaunchType, NetworkMode} from '../../domain/model.js';
import type {ContainerFormAnswers, WizardAnswers} from '../../domain/wizard-answers.js';
import {defaultFargateContainerSpec} from '../../domain/defaults.js';
import {formToTaskDefinition} from '../../domain/container-form.js';
import {getMember, parseJsonText, setMember, stringifyJsonText} from '../../domain/json-text.js';
import {CONTAINER_NAME, EXECUTION_ROLE} from '../../domain/placeholders.js';
import {lintSpecText} from '../../domain/spec-lint.js';
import {needsRegistryAuth} from './artifact.js';

/** The container form the answers describe (EC2, simplified). */
export function containerFormOf(answers: WizardAnswers): ContainerForm {
  const form = answers.containerForm ?? {ports: [], environment: []};
  const result: ContainerForm = {
    name: CONTAINER_NAME,
    portMappings: form.ports,
    environment: form.environment,
    essential: true,
    networkMode: answers.networkMode ?? 'bridge',
  };
  if (form.cpu !== undefined) result.cpu = form.cpu;
  if (form.memory !== undefined) result.memory = form.memory;
  if (form.memoryReservation !== undefined) result.memoryReservation = form.memoryReservation;
  if (form.logConfiguration !== undefined) result.logConfiguration = form.logConfiguration;
  return result;
}

export function containerSpecOf(answers: WizardAnswers): ContainerSpec | undefined {
  if (answers.containerMode === 'form') return {mode: 'form', form: containerFormOf(answers)};
  if (answers.containerMode === 'json' && answers.containerJson !== undefined) return {mode: 'json', json: answers.containerJson};
  return undefined;
}

/** The task's network mode: Fargate → awsvpc; advanced JSON → its networkMode (ECS's default when absent). */
export function taskNetworkMode(answers: WizardAnswers): NetworkMode {
  if (answers.launchType === 'FARGATE') return 'awsvpc';
  if (answers.containerMode === 'json' && answers.containerJson !== undefined) {
    const parsed = parseJsonText(answers.containerJson, 'containerSpec');
    const mode = isJsonObject(parsed.value) ? getMember(parsed.value, 'networkMode') : undefined;
    if (mode === 'awsvpc' || mode === 'bridge' || mode === 'host') return mode;
    if (mode === undefined) return 'bridge';
  }
  return answers.networkMode ?? 'bridge';
}

export interface SpecContainer {
  name: string;
  /** Mapped container ports: numbers, or placeholders (`${serviceVariable.containerPort}`). */
  ports: Array<number | string>;
}

/** The containers of the container specification and their mapped ports (for the discovery questions). */
export function specContainers(answers: WizardAnswers): SpecContainer[] {
  const spec = containerSpecOf(answers);
  if (spec === undefined) return [];
  let tree: JsonValue | undefined;
  if (spec.mode === 'form') tree = formToTaskDefinition(spec.form);
  else tree = parseJsonText(spec.json, 'containerSpec').value;
  const containers = isJsonObject(tree) ? getMember(tree, 'containerDefinitions') : undefined;
  if (!Array.isArray(containers)) return [];
  return containers.filter(isJsonObject).map((container) => {
    const name = getMember(container, 'name');
    const mappings = getMember(container, 'portMappings');
    const ports = Array.isArray(mappings)
      ? mappings
          .filter(isJsonObject)
          .map((mapping) => getMember(mapping, 'containerPort'))
          .filter((port): port is number | string => typeof port === 'number' || typeof port === 'string')
      : [];
    return {name: typeof name === 'string' ? name : '', ports};
  });
}

/** Does the container specification use `${EXECUTION_ROLE}`? (then every environment needs a role) */
export function usesExecutionRolePlaceholder(answers: WizardAnswers): boolean {
  if (answers.launchType === 'FARGATE') return true;
  if (answers.containerMode !== 'json' || answers.containerJson === undefined) return false;
  return answers.containerJson.includes(EXECUTION_ROLE);
}

/**
 * A starting point for Advanced JSON: the template (or the form, when switching from it) with the chosen
 * network mode, and for Fargate the task size and `${EXECUTION_ROLE}`.
 */
export function startingContainerJson(answers: WizardAnswers, template?: string): string {
  const fargate = answers.launchType === 'FARGATE';
  const text = template ?? (fargate ? defaultFargateContainerSpec() : stringifyJsonText(formToTaskDefinition(containerFormOf(answers))));
  const addRole = !fargate && needsRegistryAuth(answers);
  if (fargate || (answers.networkMode === undefined && !addRole)) return text;
  const parsed = parseJsonText(text, 'containerSpec');
  if (!isJsonObject(parsed.value)) return text;
  const copy: JsonObject = {};
  for (const key of Object.keys(parsed.value))
    setMember(copy, key, key === 'networkMode' && answers.networkMode !== undefined ? answers.networkMode : (getMember(parsed.value, key) as JsonValue));
  if (addRole && getMember(copy, 'executionRoleArn') === undefined) copy.executionRoleArn = EXECUTION_ROLE;
  const unquoted = new Set(parsed.unquoted);
  if (answers.networkMode === 'awsvpc') {
    // Under awsvpc a host port must equal the container port or be left out: the template's dynamic 0 goes.
    const containers = getMember(copy, 'containerDefinitions');
    (Array.isArray(containers) ? containers : []).forEach((container, index) => {
      const mappings = isJsonObject(container) ? getMember(container, 'portMappings') : undefined;
      (Array.isArray(mappings) ? mappings : []).forEach((mapping, at) => {
        if (isJsonObject(mapping) && getMember(mapping, 'hostPort') === 0) {
          delete mapping.hostPort;
          unquoted.delete(`containerDefinitions[${index}].portMappings[${at}].hostPort`);
        }
      });
    });
  }
  return stringifyJsonText(copy, {unquoted});
}

/**
 * The issues of an Advanced JSON text on its own (with line/column): syntax, placeholders and the rules of a
 * task definition deployed with `launchType` (spec-lint.ts: the same rules the rendered task definition meets),
 * and, for a private registry on EC2, the `${EXECUTION_ROLE}` it needs.
 */
export function lintContainerJson(text: string, launchType: LaunchType | undefined, options: {needsExecutionRole?: boolean} = {}): Issue[] {
  const issues = lintSpecText(text, 'containerSpec', launchType === undefined ? {} : {launchType});
  if (options.needsExecutionRole && launchType !== 'FARGATE' && !hasErrors(issues)) {
    const parsed = parseJsonText(text, 'containerSpec');
    if (isJsonObject(parsed.value) && getMember(parsed.value, 'executionRoleArn') === undefined) {
      issues.push({
        code: 'execution-role-required',
        severity: 'error',
        source: 'containerSpec',
        path: 'executionRoleArn',
        message: 'Private registry authentication needs a task execution role to read the credentials secret: add "executionRoleArn": "${EXECUTION_ROLE}"',
        fix: `Add "executionRoleArn": "${EXECUTION_ROLE}"`,
        line: 1,
        column: 1,
      });
    }
  }
  return issues;
}

/**
 * The Fargate (or private-registry EC2) task definition built from the simplified form's flags: the form's
 * one container, task-level cpu/memory on Fargate, and `${EXECUTION_ROLE}`.
 */
export function formJson(answers: WizardAnswers, form: ContainerFormAnswers, launchType: LaunchType): string {
  const task: JsonObject = formToTaskDefinition(
    containerFormOf({...answers, containerForm: form, networkMode: launchType === 'FARGATE' ? 'awsvpc' : answers.networkMode}),
  );
  if (launchType === 'FARGATE') {
    // (formToTaskDefinition wrote the form's logConfiguration, when it has one, into the container.)
    const containers = task.containerDefinitions as JsonObject[];
    for (const container of containers) {
      delete container.cpu;
      delete container.memory;
      delete container.memoryReservation;
    }
    return stringifyJsonText({
      containerDefinitions: containers,
      cpu: String(form.cpu ?? 256),
      memory: String(form.memory ?? 512),
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      executionRoleArn: EXECUTION_ROLE,
    });
  }
  return stringifyJsonText({...task, executionRoleArn: EXECUTION_ROLE});
}
