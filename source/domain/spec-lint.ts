/**
 * What can be said of a specification before it is rendered (no values needed): JSON syntax (duplicate keys
 * included), malformed and unknown placeholders, for the container specification the required
 * `${DOCKER_IMAGE_NAME}`, and ECS's rules of the document (validate/ecs/document.ts; values still holding a
 * placeholder are left for the rendered document). Used by render (on the spec it renders), the wizard's editor
 * and review, `init`'s flag files and `profiles import`.
 */
import type {Issue, IssueSource} from './issues.js';
import {formToTaskDefinition} from './container-form.js';
import type {JsonValue} from './json.js';
import {isJsonObject} from './json.js';
import {getMember, locateIssues, parseJsonText} from './json-text.js';
import {dropNulls} from './json-values.js';
import type {LaunchType, Service} from './model.js';
import {DOCKER_IMAGE_NAME, findPlaceholders, placeholderIssues} from './placeholders.js';
import {ecsServiceIssues, ecsTaskDefinitionIssues} from './validate/ecs/document.js';
import {validateTaskDefinition} from './validate/task-definition.js';

/**
 * The required `${DOCKER_IMAGE_NAME}`: the UNRENDERED container specification must use it as the whole
 * image of (at least) one container — the artifact's; sidecars may keep literal images.
 */
export function imagePlaceholderIssues(spec: JsonValue): Issue[] {
  if (!isJsonObject(spec)) return [];
  const containers = getMember(spec, 'containerDefinitions');
  if (Array.isArray(containers) && containers.some((container) => isJsonObject(container) && getMember(container, 'image') === DOCKER_IMAGE_NAME)) return [];
  const misplaced = findPlaceholders(spec).find((use) => use.kind === 'DOCKER_IMAGE_NAME');
  return [
    {
      code: 'image-placeholder-missing',
      severity: 'error',
      source: 'containerSpec',
      path: misplaced?.path ?? 'containerDefinitions',
      message:
        misplaced === undefined
          ? "The container specification must use ${DOCKER_IMAGE_NAME} as the image of the artifact's container"
          : `\${DOCKER_IMAGE_NAME} must be the whole image of a container, not part of ${misplaced.path}`,
      fix: 'Write "image": "${DOCKER_IMAGE_NAME}" in the container that runs your artifact',
    },
  ];
}

/** Placeholder rules of an UNRENDERED specification: malformed and unknown placeholders (and the required image). */
export function specPlaceholderIssues(spec: JsonValue, source: IssueSource, unquoted?: ReadonlySet<string>): Issue[] {
  const issues = placeholderIssues(findPlaceholders(spec, unquoted), source);
  return source === 'containerSpec' ? [...issues, ...imagePlaceholderIssues(spec)] : issues;
}

/**
 * ECS's rules of an UNRENDERED specification (nulls dropped, as render drops them). With the launch type it is
 * deployed with, the container specification is also checked in it (Fargate's shape, memory on EC2, the
 * execution role, port mappings in the network mode) — the rules the rendered task definition meets again.
 */
export function specRuleIssues(spec: JsonValue, source: 'containerSpec' | 'serviceSpec', launchType?: LaunchType): Issue[] {
  const value = dropNulls(spec);
  if (source === 'serviceSpec') return ecsServiceIssues(value);
  return launchType === undefined ? ecsTaskDefinitionIssues(value) : validateTaskDefinition(value, {launchType});
}

/**
 * The issues of a spec text on its own, without any values (for an editor, `init`'s files, the wizard's review of
 * a draft, `profiles import`): JSON syntax, unknown and malformed placeholders, for the container specification
 * the required `${DOCKER_IMAGE_NAME}`, and ECS's rules (`specRuleIssues`) — all with line/column.
 */
export function lintSpecText(text: string, source: 'containerSpec' | 'serviceSpec', options: {launchType?: LaunchType} = {}): Issue[] {
  const parsed = parseJsonText(text, source);
  if (parsed.value === undefined) return parsed.issues;
  const issues = [...parsed.issues, ...placeholderIssues(findPlaceholders(parsed.value, parsed.unquoted), source)];
  if (source === 'containerSpec') issues.push(...imagePlaceholderIssues(parsed.value));
  issues.push(...specRuleIssues(parsed.value, source, options.launchType));
  return locateIssues(issues, parsed);
}

/**
 * The issues of a service's specifications on their own (`profiles import`): each spec's text by `lintSpecText`
 * (the form by ECS's rules), without the environment — the same rules `import` applies, so that a profile one
 * door saves is one another door takes.
 */
export function serviceSpecIssues(service: Pick<Service, 'containerSpec' | 'serviceSpec'>): Issue[] {
  const container =
    service.containerSpec.mode === 'form'
      ? specRuleIssues(formToTaskDefinition(service.containerSpec.form), 'containerSpec')
      : lintSpecText(service.containerSpec.json, 'containerSpec');
  return [...container, ...lintSpecText(service.serviceSpec, 'serviceSpec')];
}
