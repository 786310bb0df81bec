/**
 * IAM, as the pre-flight checks read it: does a role's set of identity policies allow an action on a resource
 * (explicit Deny wins; `*` / `?` wildcards; NotAction / NotResource; a Condition cannot be decided here), and the
 * role name of a role ARN. Permission boundaries, SCPs and resource policies are not seen.
 */
import {isJsonObject, type JsonObject, type JsonValue} from './json.js';

export type PolicyDecision = 'allowed' | 'denied' | 'not-allowed' | 'conditional';

export interface PolicyEvaluation {
  decision: PolicyDecision;
  /** The policies that decided (allowing, or denying). */
  policies: string[];
}

/** `arn:aws:iam::123456789012:role/path/name` → `name`; a plain name stays as it is. */
export function roleNameOf(nameOrArn: string): string {
  if (!nameOrArn.startsWith('arn:')) return nameOrArn;
  const resource = nameOrArn.split(':').slice(5).join(':');
  return resource.slice(resource.lastIndexOf('/') + 1);
}

const list = (value: JsonValue | undefined): string[] =>
  typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/** IAM wildcard match: `*` any run of characters, `?` one character. */
export function wildcardMatch(pattern: string, value: string, options: {ignoreCase?: boolean} = {}): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`, options.ignoreCase ? 'is' : 's').test(value);
}

function statementMatches(statement: JsonObject, action: string, resource: string): boolean {
  const actionMatch =
    statement['Action'] !== undefined
      ? list(statement['Action']).some((pattern) => wildcardMatch(pattern, action, {ignoreCase: true}))
      : statement['NotAction'] !== undefined
        ? !list(statement['NotAction']).some((pattern) => wildcardMatch(pattern, action, {ignoreCase: true}))
        : false;
  if (!actionMatch) return false;
  if (statement['Resource'] !== undefined) return list(statement['Resource']).some((pattern) => wildcardMatch(pattern, resource));
  if (statement['NotResource'] !== undefined) return !list(statement['NotResource']).some((pattern) => wildcardMatch(pattern, resource));
  return false;
}

const hasCondition = (statement: JsonObject): boolean => isJsonObject(statement['Condition']) && Object.keys(statement['Condition']).length > 0;

/**
 * Does a set of identity policies allow `action` on `resource`? An explicit Deny wins; a statement with a
 * Condition cannot be decided here (`conditional`).
 */
export function evaluatePolicies(documents: ReadonlyArray<{name: string; document: JsonObject}>, action: string, resource: string): PolicyEvaluation {
  const allow: string[] = [];
  const conditionalAllow: string[] = [];
  const deny: string[] = [];
  const conditionalDeny: string[] = [];
  for (const {name, document} of documents) {
    const statements = Array.isArray(document['Statement']) ? document['Statement'] : isJsonObject(document['Statement']) ? [document['Statement']] : [];
    for (const statement of statements) {
      if (!isJsonObject(statement) || !statementMatches(statement, action, resource)) continue;
      const conditional = hasCondition(statement);
      if (statement['Effect'] === 'Deny') (conditional ? conditionalDeny : deny).push(name);
      else if (statement['Effect'] === 'Allow') (conditional ? conditionalAllow : allow).push(name);
    }
  }
  const unique = (names: string[]): string[] => [...new Set(names)];
  if (deny.length > 0) return {decision: 'denied', policies: unique(deny)};
  if (allow.length > 0 && conditionalDeny.length === 0) return {decision: 'allowed', policies: unique(allow)};
  if (allow.length > 0 || conditionalAllow.length > 0) return {decision: 'conditional', policies: unique([...allow, ...conditionalAllow, ...conditionalDeny])};
  return {decision: 'not-allowed', policies: []};
}
