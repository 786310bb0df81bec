/**
 * What can be said of a specification before it is rendered (no values needed): JSON syntax, malformed and
 * unknown placeholders, and — for the container specification — the required `${DOCKER_IMAGE_NAME}`. Used by
 * render (on the spec it renders), the wizard's editor and review, and `init`'s flag files.
 */
import type {Issue, IssueSource} from './issues.js';
import type {JsonValue} from './json.js';
import {isJsonObject} from './json.js';
import {getMember, locateIssues, parseJsonText} from './json-text.js';
import {DOCKER_IMAGE_NAME, findPlaceholders, placeholderIssues} from './placeholders.js';

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
 * The syntax and placeholder issues of a spec text on its own, without any values (for an editor or the
 * wizard's review of a draft): JSON syntax, unknown and malformed placeholders and, for the container
 * specification, the required `${DOCKER_IMAGE_NAME}` — all with line/column.
 */
export function lintSpecText(text: string, source: 'containerSpec' | 'serviceSpec'): Issue[] {
  const parsed = parseJsonText(text, source);
  if (parsed.value === undefined) return parsed.issues;
  const issues = [...parsed.issues, ...placeholderIssues(findPlaceholders(parsed.value, parsed.unquoted), source)];
  if (source === 'containerSpec') issues.push(...imagePlaceholderIssues(parsed.value));
  return locateIssues(issues, parsed);
}
