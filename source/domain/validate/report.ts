/**
 * What every rule of validation works with: a Report collecting the located issues of one document, and
 * readers of JSON members that report a wrong type instead of throwing — whatever the shape of the input
 * (arrays where objects belong, strings where numbers belong, nulls), no rule throws.
 *
 * The documents validated are RENDERED ones: a value that still holds a `${…}` could not be replaced, was
 * reported by the substitution, and is not checked again (`pending`).
 */
import type {Issue, IssueSource, Severity} from '../issues.js';
import type {JsonObject, JsonValue} from '../json.js';
import {isJsonObject} from '../json.js';
import {getMember, joinPath} from '../json-text.js';
import {containsPlaceholder} from '../placeholders.js';
import type {ArnKind} from '../aws-names.js';
import {ARN_DESCRIPTIONS, ARN_EXAMPLES, isArn} from '../aws-names.js';

/** Collects issues of one document. */
export class Report {
  readonly issues: Issue[] = [];

  constructor(private readonly source: IssueSource) {}

  add(severity: Severity, code: string, path: string, message: string, fix?: string, source: IssueSource = this.source): void {
    this.issues.push(fix === undefined ? {code, severity, source, path, message} : {code, severity, source, path, message, fix});
  }

  error(code: string, path: string, message: string, fix?: string): void {
    this.add('error', code, path, message, fix);
  }

  warning(code: string, path: string, message: string, fix?: string): void {
    this.add('warning', code, path, message, fix);
  }
}

export const typeName = (value: JsonValue | undefined): string => {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `a string (${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)})`;
  return `a ${typeof value} (${String(value)})`;
};

/** A value that still holds a placeholder: it was reported by the substitution and is not checked again. */
export const pending = (value: JsonValue | undefined): boolean => containsPlaceholder(value);

export const member = (object: JsonObject, key: string): JsonValue | undefined => getMember(object, key);

/** Reads an optional member of an expected JSON type, reporting a wrong type. */
export function read(
  report: Report,
  object: JsonObject,
  key: string,
  path: string,
  expected: 'string' | 'array' | 'object' | 'boolean',
): JsonValue | undefined {
  const value = member(object, key);
  if (value === undefined || pending(value)) return undefined;
  const ok = expected === 'array' ? Array.isArray(value) : expected === 'object' ? isJsonObject(value) : typeof value === expected;
  if (ok) return value;
  const article = expected === 'array' || expected === 'object' ? 'an' : 'a';
  report.error('wrong-type', joinPath(path, key), `${key} must be ${article} ${expected}, found ${typeName(value)}`);
  return undefined;
}

/** Reads an optional integer member within [min, max]. */
export function readInteger(
  report: Report,
  object: JsonObject,
  key: string,
  path: string,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
  code = 'wrong-type',
): number | undefined {
  const value = member(object, key);
  if (value === undefined || pending(value)) return undefined;
  const where = joinPath(path, key);
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    report.error('wrong-type', where, `${key} must be a whole number, found ${typeName(value)}`);
    return undefined;
  }
  if (value < min || value > max) {
    const bound = max === Number.MAX_SAFE_INTEGER ? `at least ${min}` : `between ${min} and ${max}`;
    report.error(code, where, `${key} must be ${bound}, found ${value}`);
    return undefined;
  }
  return value;
}

export const asObjects = (report: Report, value: JsonValue | undefined, path: string, what: string): [JsonObject, string][] => {
  if (!Array.isArray(value)) return [];
  const objects: [JsonObject, string][] = [];
  value.forEach((item, index) => {
    const itemPath = joinPath(path, index);
    if (isJsonObject(item)) objects.push([item, itemPath]);
    else if (!pending(item)) report.error('wrong-type', itemPath, `Each ${what} must be an object, found ${typeName(item)}`);
  });
  return objects;
};

export function checkArn(report: Report, value: JsonValue | undefined, path: string, kinds: readonly ArnKind[], field: string): void {
  if (value === undefined || pending(value)) return;
  if (kinds.some((kind) => isArn(kind, value))) return;
  const first = kinds[0] ?? 'iamRole';
  const what = kinds.map((kind) => ARN_DESCRIPTIONS[kind]).join(' or ');
  report.error('arn-format', path, `${field} must be ${what}, found ${typeName(value)}`, `Write it like ${ARN_EXAMPLES[first]}`);
}
