/**
 * The ECS rules of one document on its own — a task definition (RegisterTaskDefinition's input) or a service
 * specification (CreateService's) — whatever environment it is deployed to: the field table (types, enums,
 * ranges, required and unknown fields) and then the cross-field rules. Every door runs them: the wizard's editor
 * and `init`'s spec files (through spec-lint.ts), `profiles import`, `import` (all three sources, on the
 * registrable input) and, after rendering, ../task-definition.ts and ../service-definition.ts.
 */
import type {Issue, IssueSource} from '../../issues.js';
import type {JsonObject, JsonValue} from '../../json.js';
import {isJsonObject} from '../../json.js';
import type {JsonText} from '../../json-text.js';
import {locateIssues} from '../../json-text.js';
import {Report} from '../report.js';
import {checkServiceRules} from './service-rules.js';
import {serviceDefinition} from './service-fields.js';
import {checkTaskDefinitionRules} from './task-definition-rules.js';
import {taskDefinition} from './task-definition-fields.js';
import {walk} from './walk.js';

/** The field table and the cross-field rules of a task definition, into `report`. */
export function checkEcsTaskDefinition(report: Report, task: JsonObject): void {
  walk(report, task, taskDefinition, '', 'The task definition');
  checkTaskDefinitionRules(report, task);
}

/** The field table and the cross-field rules of a service specification, into `report`. */
export function checkEcsService(report: Report, service: JsonObject): void {
  walk(report, service, serviceDefinition, '', 'The service specification');
  checkServiceRules(report, service);
}

/**
 * The ECS rules of a task definition on its own, located in `parsed` when given. A document that is not an
 * object has no issues here (its reader reports that).
 */
export function ecsTaskDefinitionIssues(task: JsonValue | undefined, options: {parsed?: Pick<JsonText, 'positions'>; source?: IssueSource} = {}): Issue[] {
  const report = new Report(options.source ?? 'containerSpec');
  if (isJsonObject(task)) checkEcsTaskDefinition(report, task);
  return locateIssues(report.issues, options.parsed);
}

/** The ECS rules of a service specification on its own, located in `parsed` when given. */
export function ecsServiceIssues(service: JsonValue | undefined, options: {parsed?: Pick<JsonText, 'positions'>; source?: IssueSource} = {}): Issue[] {
  const report = new Report(options.source ?? 'serviceSpec');
  if (isJsonObject(service)) checkEcsService(report, service);
  return locateIssues(report.issues, options.parsed);
}
