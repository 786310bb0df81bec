/**
 * The Checker collects a document's issues; a path reported as a credential suppresses every other issue at or
 * below it. The field checks every section of the profile uses (objects with known keys, strings with a
 * format, enums, booleans, integers, lists, name → text maps) report located issues and return a value — a
 * stand-in when invalid: the result is discarded when the checker has errors.
 */
import type {Issue, IssueSource} from '../issues.js';
import {joinPath} from '../json-text.js';
import {CREDENTIAL_FIX} from './credentials.js';
import {VARIABLE_NAME_PATTERN} from './formats.js';
import {SCHEMA_ISSUE} from './schema.js';
import type {Raw} from './raw-values.js';
import {closest, describe, isRecord, own, quoteList} from './raw-values.js';

export class Checker {
  readonly issues: Issue[] = [];
  private readonly credentialPaths = new Set<string>();
  secretKeysToo = false;

  constructor(readonly source: IssueSource) {}

  add(code: string, path: string, message: string, extra: {fix?: string; line?: number; column?: number} = {}): void {
    this.issues.push({code, severity: 'error', source: this.source, path, message, ...extra});
  }

  credential(code: string, path: string, message: string, extra: {line?: number; column?: number; fix?: string} = {}): void {
    const key = extra.line === undefined ? path : `${path}@${extra.line}:${extra.column ?? 0}`;
    if (this.isCredentialPath(path) && extra.line === undefined) return;
    if (this.credentialPaths.has(key)) return;
    this.credentialPaths.add(key);
    this.add(code, path, message, {fix: CREDENTIAL_FIX, ...extra});
  }

  /** True when `path` (or an enclosing path) was reported as a credential. */
  isCredentialPath(path: string): boolean {
    for (const flagged of this.credentialPaths) {
      if (flagged.includes('@')) continue;
      if (path === flagged || path.startsWith(`${flagged}.`) || path.startsWith(`${flagged}[`)) return true;
    }
    return false;
  }

  get hasErrors(): boolean {
    return this.issues.some((issue) => issue.severity === 'error');
  }
}

export function checkObject(checker: Checker, value: unknown, path: string, label: string, allowed: readonly string[]): Raw | undefined {
  if (checker.isCredentialPath(path)) return undefined;
  if (!isRecord(value)) {
    checker.add(SCHEMA_ISSUE.type, path, `${label} must be an object; got ${describe(value)}`);
    return undefined;
  }
  for (const key of Object.keys(value)) {
    if (allowed.includes(key)) continue;
    const keyPath = joinPath(path, key);
    if (checker.isCredentialPath(keyPath)) continue;
    const suggestion = closest(key, allowed);
    checker.add(SCHEMA_ISSUE.unknownKey, keyPath, `unknown field "${key}" in ${label}${suggestion === undefined ? '' : ` (did you mean "${suggestion}"?)`}`, {
      fix: suggestion === undefined ? `remove "${key}"; ${label} has ${quoteList(allowed)}` : `rename "${key}" to "${suggestion}"`,
    });
  }
  return value;
}

/** Reports a missing required object field; false when it is missing. */
export function requirePresent(checker: Checker, object: Raw | undefined, key: string, path: string): boolean {
  if (object === undefined) return false;
  if (own(object, key) !== undefined) return true;
  const fieldPath = joinPath(path, key);
  if (!checker.isCredentialPath(fieldPath)) checker.add(SCHEMA_ISSUE.required, fieldPath, `${key} is missing`);
  return false;
}

export interface StringRule {
  optional?: boolean;
  /** Describes the expected format in messages, e.g. `a region such as us-east-1`. */
  format?: string;
  pattern?: RegExp;
  allowEmpty?: boolean;
  max?: number;
  check?: (value: string) => boolean;
}

export function checkString(checker: Checker, object: Raw | undefined, key: string, path: string, rule: StringRule = {}): string | undefined {
  const fieldPath = joinPath(path, key);
  if (object === undefined || checker.isCredentialPath(fieldPath)) return rule.optional ? undefined : '';
  const value = own(object, key);
  if (value === undefined) {
    if (!rule.optional) checker.add(SCHEMA_ISSUE.required, fieldPath, `${key} is missing`);
    return rule.optional ? undefined : '';
  }
  if (typeof value !== 'string') {
    checker.add(
      SCHEMA_ISSUE.type,
      fieldPath,
      `${key} must be a string; got ${describe(value)}`,
      typeof value === 'number' ? {fix: `write it in quotes: "${value}"`} : {},
    );
    return '';
  }
  if (value === '' && !rule.allowEmpty) {
    checker.add(SCHEMA_ISSUE.value, fieldPath, `${key} is empty`);
    return value;
  }
  const tooLong = rule.max !== undefined && value.length > rule.max;
  if (value !== '' && (tooLong || (rule.pattern !== undefined && !rule.pattern.test(value)) || (rule.check !== undefined && !rule.check(value)))) {
    checker.add(SCHEMA_ISSUE.value, fieldPath, `${key} must be ${rule.format ?? 'a valid value'}; got ${describe(value)}`);
  }
  return value;
}

export function checkEnum<T extends string>(checker: Checker, object: Raw | undefined, key: string, path: string, values: readonly T[]): T {
  const fieldPath = joinPath(path, key);
  const value = object === undefined ? undefined : own(object, key);
  if (object === undefined || checker.isCredentialPath(fieldPath)) {
    // The object is not one (reported), or this is reported as a credential.
  } else if (value === undefined) {
    checker.add(SCHEMA_ISSUE.required, fieldPath, `${key} is missing; it is one of ${quoteList(values)}`);
  } else if (!(values as readonly unknown[]).includes(value)) {
    const suggestion = typeof value === 'string' ? values.find((candidate) => candidate.toLowerCase() === value.toLowerCase()) : undefined;
    checker.add(
      SCHEMA_ISSUE.value,
      fieldPath,
      `${key} must be one of ${quoteList(values)}; got ${describe(value)}`,
      suggestion === undefined ? {} : {fix: `write "${suggestion}"`},
    );
  }
  return (values as readonly unknown[]).includes(value) ? (value as T) : (values[0] as T);
}

export function checkBoolean(checker: Checker, object: Raw | undefined, key: string, path: string, optional = false): boolean | undefined {
  const fieldPath = joinPath(path, key);
  if (object === undefined || checker.isCredentialPath(fieldPath)) return optional ? undefined : false;
  const value = own(object, key);
  if (value === undefined) {
    if (!optional) checker.add(SCHEMA_ISSUE.required, fieldPath, `${key} is missing; it is true or false`);
    return optional ? undefined : false;
  }
  if (typeof value !== 'boolean') {
    checker.add(SCHEMA_ISSUE.type, fieldPath, `${key} must be true or false; got ${describe(value)}`);
  }
  return value === true;
}

export function checkInteger(
  checker: Checker,
  object: Raw | undefined,
  key: string,
  path: string,
  range: {min: number; max: number; optional?: boolean},
): number | undefined {
  const fieldPath = joinPath(path, key);
  if (object === undefined || checker.isCredentialPath(fieldPath)) return range.optional ? undefined : 0;
  const value = own(object, key);
  if (value === undefined) {
    if (!range.optional) checker.add(SCHEMA_ISSUE.required, fieldPath, `${key} is missing`);
    return range.optional ? undefined : 0;
  }
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    checker.add(SCHEMA_ISSUE.type, fieldPath, `${key} must be a whole number; got ${describe(value)}`);
    return 0;
  }
  if (value < range.min || value > range.max) {
    checker.add(SCHEMA_ISSUE.value, fieldPath, `${key} must be from ${range.min} to ${range.max}; got ${value}`);
  }
  return value;
}

export function checkArray(checker: Checker, object: Raw | undefined, key: string, path: string): unknown[] {
  const fieldPath = joinPath(path, key);
  if (object === undefined || checker.isCredentialPath(fieldPath)) return [];
  const value = own(object, key);
  if (value === undefined) {
    checker.add(SCHEMA_ISSUE.required, fieldPath, `${key} is missing; it is a list ([] when empty)`);
    return [];
  }
  if (!Array.isArray(value)) {
    checker.add(SCHEMA_ISSUE.type, fieldPath, `${key} must be a list; got ${describe(value)}`);
    return [];
  }
  return value;
}

export function checkStringMap(checker: Checker, object: Raw | undefined, key: string, path: string): Record<string, string> {
  const fieldPath = joinPath(path, key);
  const result: Record<string, string> = {};
  if (object === undefined || checker.isCredentialPath(fieldPath)) return result;
  const value = own(object, key);
  if (value === undefined) {
    checker.add(SCHEMA_ISSUE.required, fieldPath, `${key} is missing; it is an object of name → text ({} when empty)`);
    return result;
  }
  if (!isRecord(value)) {
    checker.add(SCHEMA_ISSUE.type, fieldPath, `${key} must be an object of name → text; got ${describe(value)}`);
    return result;
  }
  for (const name of Object.keys(value)) {
    const entryPath = joinPath(fieldPath, name);
    if (checker.isCredentialPath(entryPath)) continue;
    const entry = value[name];
    if (!VARIABLE_NAME_PATTERN.test(name)) {
      checker.add(SCHEMA_ISSUE.value, entryPath, `"${name}" is not a valid variable name: use letters, digits and _, starting with a letter or _`);
    } else if (name in Object.prototype) {
      checker.add(SCHEMA_ISSUE.value, entryPath, `"${name}" is reserved and cannot be a variable name`);
    }
    if (typeof entry !== 'string') {
      checker.add(
        SCHEMA_ISSUE.type,
        entryPath,
        `${name} must be a string; got ${describe(entry)}`,
        typeof entry === 'number' || typeof entry === 'boolean' ? {fix: `write it in quotes: "${entry}"`} : {},
      );
      continue;
    }
    Object.defineProperty(result, name, {value: entry, enumerable: true, writable: true, configurable: true});
  }
  return result;
}

export function checkStringList(checker: Checker, object: Raw | undefined, key: string, path: string, pattern: RegExp, format: string): string[] {
  const listPath = joinPath(path, key);
  return checkArray(checker, object, key, path).map((item, index) => {
    const itemPath = joinPath(listPath, index);
    if (typeof item !== 'string') {
      checker.add(SCHEMA_ISSUE.type, itemPath, `${key}[${index}] must be a string; got ${describe(item)}`);
      return '';
    }
    if (!pattern.test(item)) checker.add(SCHEMA_ISSUE.value, itemPath, `${key}[${index}] must be ${format}; got ${describe(item)}`);
    return item;
  });
}
