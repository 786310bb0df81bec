/**
 * The placeholders of the container and service specifications (see ecs-facts.md):
 * `${DOCKER_IMAGE_NAME}`, `${CONTAINER_NAME}`, `${EXECUTION_ROLE}` and `${serviceVariable.NAME}`.
 *
 * `$${` is a literal `${` (as in Terraform and Compose): `"echo $${HOME}"` renders as `"echo ${HOME}"`, for the
 * shell variables of commands, health checks and environment values that the container expands itself. Import
 * writes every literal `${` of an imported document that way, so that rendering gives it back unchanged.
 *
 * Substitution works on the parsed value tree, typed by position: a placeholder that is the whole value
 * of a field where ECS expects a number (`containerPort`, `desiredCount`, …) and whose value is numeric
 * renders as a JSON number; an unquoted placeholder becomes a number or boolean when its value reads as
 * one; a placeholder inside a longer string is interpolated as text.
 */
import type {Issue, IssueSource} from './issues.js';
import type {JsonValue} from './json.js';
import type {PathSegment} from './json-text.js';
import {formatPath, getMember, joinPath, parsePath, setMember} from './json-text.js';

export const BUILTIN_PLACEHOLDERS = ['DOCKER_IMAGE_NAME', 'CONTAINER_NAME', 'EXECUTION_ROLE'] as const;
export type BuiltinPlaceholder = (typeof BUILTIN_PLACEHOLDERS)[number];
export type PlaceholderKind = BuiltinPlaceholder | 'serviceVariable' | 'unknown';

export const DOCKER_IMAGE_NAME = '${DOCKER_IMAGE_NAME}';
export const CONTAINER_NAME = '${CONTAINER_NAME}';
export const EXECUTION_ROLE = '${EXECUTION_ROLE}';
export const serviceVariable = (name: string): string => `\${serviceVariable.${name}}`;

/** Config variable names: a letter or `_`, then letters, digits, `_` and `-`. */
export const VARIABLE_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** One `${…}` inside a string. */
export interface PlaceholderToken {
  /** As written, `${…}` (or the unclosed rest of the string for a malformed one). */
  text: string;
  /** Offset in the string. */
  start: number;
  kind: PlaceholderKind;
  /** The variable NAME of `${serviceVariable.NAME}`. */
  variable?: string;
  /** `${` without a closing `}`. */
  malformed?: boolean;
}

/** One placeholder found in a value tree. */
export interface PlaceholderUse extends PlaceholderToken {
  /** JSON path of the string that holds it. */
  path: string;
  /** The placeholder is the whole value of that string. */
  whole: boolean;
  /** Written without quotes in the JSON text. */
  unquoted: boolean;
}

export function classifyPlaceholder(inner: string): {kind: PlaceholderKind; variable?: string} {
  if ((BUILTIN_PLACEHOLDERS as readonly string[]).includes(inner)) return {kind: inner as BuiltinPlaceholder};
  const match = /^serviceVariable\.(.*)$/.exec(inner);
  if (match !== null && VARIABLE_NAME_PATTERN.test(match[1] ?? '')) return {kind: 'serviceVariable', variable: match[1]};
  return {kind: 'unknown'};
}

/** `$${`: a literal `${`, not a placeholder. */
export const ESCAPED_PLACEHOLDER_START = '$${';

/** `${…}` written so that it stays literal when rendered: every `${` becomes `$${`. */
export const escapePlaceholders = (text: string): string => text.replaceAll('${', () => ESCAPED_PLACEHOLDER_START);

/** Literal text as rendered: every `$${` becomes `${`. */
export const unescapePlaceholders = (text: string): string => text.replaceAll(ESCAPED_PLACEHOLDER_START, () => '${');

/** The placeholders in one string, in order (an escaped `$${…}` is not one). */
export function scanPlaceholders(text: string): PlaceholderToken[] {
  const tokens: PlaceholderToken[] = [];
  let from = 0;
  for (;;) {
    const start = text.indexOf('${', from);
    if (start === -1) return tokens;
    if (start > 0 && text[start - 1] === '$') {
      from = start + 2;
      continue;
    }
    const end = text.indexOf('}', start + 2);
    if (end === -1) {
      tokens.push({text: text.slice(start), start, kind: 'unknown', malformed: true});
      return tokens;
    }
    const written = text.slice(start, end + 1);
    tokens.push({text: written, start, ...classifyPlaceholder(written.slice(2, -1))});
    from = end + 1;
  }
}

/** True when the string is exactly one placeholder, e.g. `${serviceVariable.port}`. */
export function isWholePlaceholder(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const tokens = scanPlaceholders(value);
  return tokens.length === 1 && tokens[0]?.start === 0 && tokens[0].text.length === value.length && tokens[0].malformed !== true;
}

/** True when the string holds any `${` (an escaped `$${` included: such a value is not checked before it is rendered). */
export const containsPlaceholder = (value: unknown): boolean => typeof value === 'string' && value.includes('${');

/** Every placeholder in a value tree (in object values and array items; keys are not placeholders). */
export function findPlaceholders(value: JsonValue, unquoted: ReadonlySet<string> = new Set()): PlaceholderUse[] {
  const found: PlaceholderUse[] = [];
  const visit = (current: JsonValue, path: string): void => {
    if (typeof current === 'string') {
      const tokens = scanPlaceholders(current);
      for (const token of tokens) {
        const whole = tokens.length === 1 && token.start === 0 && token.text.length === current.length && token.malformed !== true;
        found.push({...token, path, whole, unquoted: unquoted.has(path)});
      }
    } else if (Array.isArray(current)) {
      current.forEach((item, index) => visit(item, joinPath(path, index)));
    } else if (current !== null && typeof current === 'object') {
      for (const key of Object.keys(current)) visit(current[key] as JsonValue, joinPath(path, key));
    }
  };
  visit(value, '');
  return found;
}

export type VariableLayer = 'service' | 'environment' | 'run';

export interface ResolvedVariable {
  value: string;
  from: VariableLayer;
}

/** Config variables after the layers: service value < environment override < run-time override. */
export function resolveVariables(
  service: Readonly<Record<string, string>>,
  environment: Readonly<Record<string, string>> = {},
  run: Readonly<Record<string, string>> = {},
): Record<string, ResolvedVariable> {
  const resolved: Record<string, ResolvedVariable> = {};
  const layers: [VariableLayer, Readonly<Record<string, string>>][] = [
    ['service', service],
    ['environment', environment],
    ['run', run],
  ];
  for (const [from, layer] of layers) {
    for (const name of Object.keys(layer)) {
      const value = layer[name];
      if (typeof value === 'string') Object.defineProperty(resolved, name, {value: {value, from}, enumerable: true, writable: true, configurable: true});
    }
  }
  return resolved;
}

export function mergeVariables(
  service: Readonly<Record<string, string>>,
  environment: Readonly<Record<string, string>> = {},
  run: Readonly<Record<string, string>> = {},
): Record<string, string> {
  const resolved = resolveVariables(service, environment, run);
  const merged: Record<string, string> = {};
  for (const name of Object.keys(resolved)) {
    Object.defineProperty(merged, name, {value: resolved[name]?.value, enumerable: true, writable: true, configurable: true});
  }
  return merged;
}

/** What the placeholders stand for. An absent value leaves its placeholder unresolved (an error). */
export interface PlaceholderValues {
  dockerImageName?: string;
  containerName?: string;
  executionRole?: string;
  /** Config variables after all layers (see `mergeVariables`). */
  variables: Readonly<Record<string, string>>;
  /** Why a built-in placeholder has no value, and what to do: shown in its issue. */
  missing?: Partial<Record<BuiltinPlaceholder, {reason: string; fix?: string}>>;
}

/** Which document a tree is: positions differ (task-level `cpu` is a string, container `cpu` a number). */
export type SpecDocument = 'task' | 'service';

const NUMBER_KEYS = new Set([
  'containerPort',
  'hostPort',
  'cpu',
  'memory',
  'memoryReservation',
  'desiredCount',
  'port',
  'healthCheckGracePeriodSeconds',
  'maximumPercent',
  'minimumHealthyPercent',
  'weight',
  'base',
  'startTimeout',
  'stopTimeout',
  'interval',
  'timeout',
  'retries',
  'startPeriod',
  'sizeInGiB',
  'softLimit',
  'hardLimit',
  'sharedMemorySize',
  'maxSwap',
  'swappiness',
  'size',
  'gpu',
]);
const BOOLEAN_KEYS = new Set([
  'essential',
  'readonlyRootFilesystem',
  'privileged',
  'disableNetworking',
  'interactive',
  'pseudoTerminal',
  'initProcessEnabled',
  'enableECSManagedTags',
  'enableExecuteCommand',
  'enable',
  'rollback',
  'autoprovision',
  'readOnly',
  'propagateTags',
]);
const STRING_KEYS = new Set([
  'name',
  'image',
  'family',
  'executionRoleArn',
  'taskRoleArn',
  'registryArn',
  'containerName',
  'serviceName',
  'cluster',
  'value',
  'valueFrom',
  'credentialsParameter',
  'taskDefinition',
  'launchType',
  'networkMode',
  'schedulingStrategy',
  'protocol',
]);
/** Members of these maps are strings whatever their key (`"awslogs-create-group": "true"`). */
const STRING_MAPS = new Set(['options', 'dockerLabels']);

/** The JSON type ECS expects at `path` of a task or service definition, when the rendering depends on it. */
export function expectedValueType(document: SpecDocument, path: string): 'number' | 'boolean' | 'string' | undefined {
  const segments = parsePath(path);
  if (segments === undefined || segments.length === 0) return undefined;
  const key = segments[segments.length - 1];
  const parent = segments[segments.length - 2];
  if (typeof key !== 'string') return undefined;
  if (typeof parent === 'string' && STRING_MAPS.has(parent)) return 'string';
  // RegisterTaskDefinition's task-level cpu and memory are strings ("256", "0.5 GB").
  if (document === 'task' && segments.length === 1 && (key === 'cpu' || key === 'memory')) return 'string';
  if (NUMBER_KEYS.has(key)) return 'number';
  if (BOOLEAN_KEYS.has(key)) return 'boolean';
  if (STRING_KEYS.has(key)) return 'string';
  return undefined;
}

const NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/;

function typed(raw: string, expected: 'number' | 'boolean' | 'string' | undefined, unquoted: boolean): JsonValue {
  if (expected === 'string') return raw;
  if ((expected === 'number' || (unquoted && expected === undefined)) && NUMBER.test(raw)) return Number(raw);
  if ((expected === 'boolean' || (unquoted && expected === undefined)) && (raw === 'true' || raw === 'false')) return raw === 'true';
  return raw;
}

const BUILTIN_VALUE: Record<BuiltinPlaceholder, keyof PlaceholderValues> = {
  DOCKER_IMAGE_NAME: 'dockerImageName',
  CONTAINER_NAME: 'containerName',
  EXECUTION_ROLE: 'executionRole',
};

const BUILTIN_DEFAULT_REASON: Record<BuiltinPlaceholder, {reason: string; fix?: string}> = {
  DOCKER_IMAGE_NAME: {reason: 'no image tag was given', fix: 'Give the tag to deploy'},
  CONTAINER_NAME: {reason: 'no image tag was given', fix: 'Give the tag to deploy'},
  EXECUTION_ROLE: {reason: 'the environment has no task execution role', fix: "Set the environment's execution role, or write a role ARN in executionRoleArn"},
};

/** A fix for a near-miss of a known placeholder (`${docker_image_name}`, `${serviceVariables.port}`, `${ CONTAINER_NAME }`). */
export function suggestPlaceholder(written: string): string | undefined {
  const inner = written.startsWith('${') && written.endsWith('}') ? written.slice(2, -1).trim() : written.trim();
  const builtin = BUILTIN_PLACEHOLDERS.find((name) => name === inner.toUpperCase().replace(/[\s-]/g, '_'));
  if (builtin !== undefined) return `\${${builtin}}`;
  const variable = /^service[_-]?variables?\s*\.\s*([A-Za-z_][A-Za-z0-9_-]*)$/i.exec(inner);
  if (variable !== null) return serviceVariable(variable[1] ?? '');
  return undefined;
}

/** The issues of placeholders that are malformed or not known, whatever their values. */
export function placeholderIssues(uses: readonly PlaceholderUse[], source: IssueSource): Issue[] {
  const issues: Issue[] = [];
  for (const use of uses) {
    if (use.malformed === true) {
      issues.push({
        code: 'malformed-placeholder',
        severity: 'error',
        source,
        path: use.path,
        message: `"${use.text}" opens a placeholder with '\${' but never closes it with '}'`,
        fix: 'Close the placeholder with }, e.g. ${serviceVariable.NAME}',
      });
    } else if (use.kind === 'unknown') {
      const suggestion = suggestPlaceholder(use.text);
      issues.push({
        code: 'unknown-placeholder',
        severity: 'error',
        source,
        path: use.path,
        message: `Unknown placeholder ${use.text}: known are \${DOCKER_IMAGE_NAME}, \${CONTAINER_NAME}, \${EXECUTION_ROLE} and \${serviceVariable.NAME}`,
        fix: suggestion === undefined ? 'Use a config variable, ${serviceVariable.NAME}, or write the value itself' : `Write ${suggestion}`,
      });
    }
  }
  return issues;
}

export interface SubstituteOptions {
  source: IssueSource;
  document: SpecDocument;
  /** Paths written as unquoted placeholders (from `parseJsonText`). */
  unquoted?: ReadonlySet<string>;
  /**
   * Leave out object members whose value is null once substituted, at any depth (array items are kept): what
   * `dropNulls` of the result gives, without a second copy of the tree (rendering drops them).
   */
  dropNulls?: boolean;
}

/**
 * Replaces every known placeholder that has a value. Unknown, malformed and unresolved placeholders stay
 * in the tree as written, each reported once as an error naming its path. Never throws.
 */
export function substitutePlaceholders(value: JsonValue, values: PlaceholderValues, options: SubstituteOptions): {value: JsonValue; issues: Issue[]} {
  const issues: Issue[] = [];
  const unquoted = options.unquoted ?? new Set<string>();
  const dropNulls = options.dropNulls === true;

  const resolve = (token: PlaceholderToken, path: string): string | undefined => {
    if (token.malformed === true || token.kind === 'unknown') return undefined;
    if (token.kind === 'serviceVariable') {
      const name = token.variable ?? '';
      const found = Object.hasOwn(values.variables, name) ? values.variables[name] : undefined;
      if (typeof found === 'string') return found;
      issues.push({
        code: 'unresolved-variable',
        severity: 'error',
        source: options.source,
        path,
        message: `${token.text} has no value: no config variable "${name}" is set by the service, the environment or this run`,
        fix: `Add the config variable ${name} to the service, or override it in the environment`,
      });
      return undefined;
    }
    const found = values[BUILTIN_VALUE[token.kind]];
    if (typeof found === 'string' && found !== '') return found;
    const missing = values.missing?.[token.kind] ?? BUILTIN_DEFAULT_REASON[token.kind];
    issues.push({
      code: 'unresolved-placeholder',
      severity: 'error',
      source: options.source,
      path,
      message: `${token.text} cannot be replaced: ${missing.reason}`,
      ...(missing.fix === undefined ? {} : {fix: missing.fix}),
    });
    return undefined;
  };

  // The path of the value being visited, as segments: formatted only for a string that holds a `${` (most hold none).
  const segments: PathSegment[] = [];
  const visit = (current: JsonValue): JsonValue => {
    if (typeof current === 'string') {
      if (!current.includes('${')) return current;
      const path = formatPath(segments);
      const tokens = scanPlaceholders(current);
      if (tokens.length === 0) return unescapePlaceholders(current);
      issues.push(
        ...placeholderIssues(
          tokens.map((token) => ({...token, path, whole: false, unquoted: false})),
          options.source,
        ),
      );
      const first = tokens[0];
      if (tokens.length === 1 && first !== undefined && first.start === 0 && first.text.length === current.length && first.malformed !== true) {
        const raw = resolve(first, path);
        return raw === undefined ? current : typed(raw, expectedValueType(options.document, path), unquoted.has(path));
      }
      let result = '';
      let from = 0;
      for (const token of tokens) {
        const raw = resolve(token, path);
        result += unescapePlaceholders(current.slice(from, token.start)) + (raw ?? token.text);
        from = token.start + token.text.length;
      }
      return result + unescapePlaceholders(current.slice(from));
    }
    if (Array.isArray(current)) {
      const copy: JsonValue[] = [];
      for (let index = 0; index < current.length; index += 1) {
        segments.push(index);
        copy.push(visit(current[index] as JsonValue));
        segments.pop();
      }
      return copy;
    }
    if (current !== null && typeof current === 'object') {
      const copy: Record<string, JsonValue> = {};
      for (const key of Object.keys(current)) {
        segments.push(key);
        const visited = visit(getMember(current, key) as JsonValue);
        if (visited !== null || !dropNulls) setMember(copy, key, visited);
        segments.pop();
      }
      return copy;
    }
    return current;
  };

  return {value: visit(value), issues};
}
