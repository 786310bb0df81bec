/**
 * Import: text pasted from `aws ecs describe-task-definition` / `aws ecs describe-services` (or the
 * console) → a container specification, a service specification, an environment and a whole profile.
 *
 * The rule (ecs-facts.md, "Pasted / imported task definitions"): rendering the imported profile with the
 * imported tag gives back the original registrable input field for field. So the import only
 * - strips what RegisterTaskDefinition / CreateService refuse (read-only fields, nulls), listing each;
 * - puts placeholders where the profile takes over: the artifact container's `image` → `${DOCKER_IMAGE_NAME}`
 *   (its host, path and tag/digest become the artifact source), its `name` → `${CONTAINER_NAME}` only when it
 *   equals the derived name and nothing else refers to it, `executionRoleArn` → `${EXECUTION_ROLE}` when the
 *   environment takes the role; every replacement is listed;
 * - moves what render takes from the environment out of the service spec: cluster, launch type,
 *   networkConfiguration (subnets, security groups, public IP) and the task definition reference;
 * - writes every literal `${` of an imported value as `$${` (placeholders.ts), so that a shell variable in a
 *   command or an environment value is not read as a placeholder and renders back unchanged.
 *
 * Pure: the caller passes the text and the time (`now`).
 */

import type {Issue} from '../issues.js';
import type {JsonValue} from '../json.js';
import {isJsonObject} from '../json.js';
import type {JsonText} from '../json-text.js';
import {joinPath, locatePath, parseJsonText} from '../json-text.js';
import {escapePlaceholders} from '../placeholders.js';
import {credentialShape, isHarmlessValue, looksLikeCredentialName} from '../profile-schema/credentials.js';
import {findSecretValue} from '../secret-values.js';

/** One value the import replaced by a placeholder (or moved to the environment). */
export interface Replacement {
  /** JSON path in the imported document: `containerDefinitions[0].image`. */
  path: string;
  from: JsonValue;
  /** The placeholder, or where the value went (`environment.cluster`). */
  to: string;
}

export const issue = (severity: Issue['severity'], code: string, path: string, message: string, fix?: string): Issue => ({
  code,
  severity,
  source: 'import',
  path,
  message,
  ...(fix === undefined ? {} : {fix}),
});

export function parse(text: string): {value?: JsonValue; issues: Issue[]} {
  const parsed = parseJsonText(text, 'import');
  return parsed.value === undefined ? {issues: parsed.issues} : {value: parsed.value, issues: parsed.issues};
}

/** `taskDefinition` + `containerDefinitions[0].image` → `taskDefinition.containerDefinitions[0].image`. */
export const prefixed = (prefix: string, path: string): string =>
  prefix === '' ? path : path === '' ? prefix : path.startsWith('[') ? `${prefix}${path}` : `${prefix}.${path}`;

/** Adds the line/column where each issue's path is written in the pasted text (paths are relative to `prefix`). */
export function located<T extends {issues: Issue[]}>(result: T, parsed: JsonText, prefix: string): T {
  const issues = result.issues.map((item) => {
    if (item.line !== undefined) return item;
    const at = locatePath(parsed, prefixed(prefix, item.path));
    return at === undefined ? item : {...item, line: at.line, column: at.column};
  });
  return {...result, issues};
}

export const str = (value: JsonValue | undefined): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * Escapes, in place, every literal `${` in the string values of `value` (`echo ${HOME}` → `echo $${HOME}`), with
 * an info issue and a replacement for each string: rendering gives the original text back.
 */
export function escapeLiteralPlaceholders(value: JsonValue, replacements: Replacement[], issues: Issue[], path = '', name?: string): JsonValue {
  if (typeof value === 'string') {
    if (!value.includes('${')) return value;
    const escaped = escapePlaceholders(value);
    // The replacement list is printed: a value that reads as a secret is named, never shown.
    replacements.push(
      secretLike(value, name) ? {path, from: MASKED_VALUE, to: `${MASKED_VALUE.slice(0, -1)}, its \${…} written $\${…})`} : {path, from: value, to: escaped},
    );
    issues.push(
      issue(
        'info',
        'import-literal-placeholder',
        path,
        'The ${…} in this value is kept literal (written $${…} in the specification): rendering gives it back unchanged',
      ),
    );
    return escaped;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      value[index] = escapeLiteralPlaceholders(item, replacements, issues, joinPath(path, index));
    });
    return value;
  }
  if (isJsonObject(value)) {
    // A `{name, value}` pair's value goes by the pair's name (DB_PASSWORD); any other member's by its key (apikey).
    const pairName = typeof value['name'] === 'string' && Object.hasOwn(value, 'value') ? value['name'] : undefined;
    for (const key of Object.keys(value)) {
      const nameOf = key === 'value' && pairName !== undefined ? pairName : key;
      value[key] = escapeLiteralPlaceholders(value[key] as JsonValue, replacements, issues, joinPath(path, key), nameOf);
    }
  }
  return value;
}

const MASKED_VALUE = '(masked)';

/** A value that reads as a secret: by its own shape, or under a credential-like name (`DB_PASSWORD`, `apikey`). */
function secretLike(value: string, name: string | undefined): boolean {
  if (findSecretValue(value) !== undefined || credentialShape(value) !== undefined) return true;
  return name !== undefined && looksLikeCredentialName(name) && !isHarmlessValue(value);
}
