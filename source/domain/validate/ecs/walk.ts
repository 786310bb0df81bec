/**
 * Reads an ECS field table (field-kinds.ts) against a JSON document and reports, at each value's JSON path:
 * a wrong JSON type (`wrong-type`), a value outside an enum (`invalid-value`), a number outside its range
 * (`out-of-range`, or the field's own code), a required member missing (`missing-field`), too many items
 * (`too-many`), and a member the table does not know (`unknown-field`, a WARNING: it may be an ECS field
 * newer than this table, and ECS itself is the judge).
 *
 * A value that still holds a placeholder (`${…}`) is not checked: a value of the right type is substituted
 * when the spec is rendered, and the rendered document is checked again.
 */
import type {JsonValue} from '../../json.js';
import {isJsonObject} from '../../json.js';
import type {PathSegment} from '../../json-text.js';
import {getMember, joinPath} from '../../json-text.js';
import type {Report} from '../report.js';
import {pending, typeName} from '../report.js';
import type {Field, ListField, ObjectField} from './field-kinds.js';

const upperFirst = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** `a, b or c` */
export const orList = (values: readonly string[]): string =>
  values.length <= 1 ? (values[0] ?? '') : `${values.slice(0, -1).join(', ')} or ${values[values.length - 1] ?? ''}`;

/** Checks `value` (at `path`; `label` names it in messages) against `field`. Never throws. */
export function walk(report: Report, value: JsonValue | undefined, field: Field, path: string, label: string): void {
  walkMember(report, value, field, path, undefined, label);
}

/**
 * The path of a member: `segment` of the value at `parent`, or `parent` itself when there is no segment. Joined only
 * where it is used — for an issue, or once for a list or object whose members need it — not for each of the many
 * leaves (a task definition of 10 containers × 100 environment variables has thousands) that have none.
 */
const pathOf = (parent: string, segment: PathSegment | undefined): string => (segment === undefined ? parent : joinPath(parent, segment));

/** `walk` of the member `segment` of the value at `parent` (see pathOf). */
function walkMember(report: Report, value: JsonValue | undefined, field: Field, parent: string, segment: PathSegment | undefined, label: string): void {
  if (value === undefined || pending(value)) return;
  switch (field.kind) {
    case 'any':
      return;
    case 'text':
      if (typeof value !== 'string') {
        report.error('wrong-type', pathOf(parent, segment), `${label} must be a string, found ${typeName(value)}`);
        return;
      }
      if (field.values !== undefined && !field.values.includes(value)) {
        const near = field.values.find((candidate) => candidate.toLowerCase() === value.toLowerCase());
        report.error(
          'invalid-value',
          pathOf(parent, segment),
          `${label} must be ${orList(field.values.map((candidate) => `"${candidate}"`))}, found "${value}"`,
          near === undefined ? undefined : `Write "${near}" (the values are case-sensitive)`,
        );
        return;
      }
      if (field.maxLength !== undefined && value.length > field.maxLength) {
        report.error('out-of-range', pathOf(parent, segment), `${label} is ${value.length} characters long; ECS takes at most ${field.maxLength}`);
      }
      return;
    case 'boolean':
      if (typeof value !== 'boolean') {
        const quoted = value === 'true' || value === 'false';
        report.error(
          'wrong-type',
          pathOf(parent, segment),
          `${label} must be true or false, found ${typeName(value)}`,
          quoted ? `Write ${value} without quotes` : 'Write true or false, without quotes',
        );
      }
      return;
    case 'integer':
    case 'number':
      checkNumber(report, value, field, parent, segment, label);
      return;
    case 'list':
      checkList(report, value, field, pathOf(parent, segment), label);
      return;
    case 'object':
      checkObject(report, value, field, pathOf(parent, segment), label);
      return;
    case 'map': {
      const path = pathOf(parent, segment);
      if (!isJsonObject(value)) {
        report.error('wrong-type', path, `${label} must be an object of names and values, found ${typeName(value)}`);
        return;
      }
      for (const key of Object.keys(value)) walkMember(report, getMember(value, key), field.values, path, key, `${label} value "${key}"`);
      return;
    }
  }
}

function checkNumber(
  report: Report,
  value: JsonValue,
  field: Field & {kind: 'integer' | 'number'},
  parent: string,
  segment: PathSegment | undefined,
  label: string,
): void {
  const whole = field.kind === 'integer';
  if (typeof value !== 'number' || !Number.isFinite(value) || (whole && !Number.isInteger(value))) {
    const quoted = typeof value === 'string' && /^-?[0-9]+(\.[0-9]+)?$/.test(value);
    report.error(
      'wrong-type',
      pathOf(parent, segment),
      `${label} must be ${whole ? 'a whole number' : 'a number'}, found ${typeName(value)}`,
      quoted ? `Write ${value} without quotes` : undefined,
    );
    return;
  }
  const max = field.max;
  if (value >= field.min && (max === undefined || value <= max)) return;
  // Below 0 (or 1) where a count or size belongs is a wrong kind of number; beyond a documented bound is a range.
  const code = field.kind === 'integer' ? (field.rangeCode ?? (value < field.min && field.min <= 1 ? 'wrong-type' : 'out-of-range')) : 'out-of-range';
  const bound = max === undefined ? `at least ${field.min}` : `between ${field.min} and ${max}`;
  report.error(code, pathOf(parent, segment), `${label} must be ${bound}, found ${value}`);
}

function checkList(report: Report, value: JsonValue, field: ListField, path: string, label: string): void {
  if (!Array.isArray(value)) {
    const shape = field.item === undefined ? 'an array' : `an array of ${field.item}s`;
    const hint = isJsonObject(value) && field.items.kind === 'object' ? `Write it as [ … ], one object per ${field.item ?? 'entry'}` : undefined;
    report.error('wrong-type', path, `${label} must be ${shape}, found ${typeName(value)}`, hint);
    return;
  }
  if (field.minItems !== undefined && value.length < field.minItems) {
    report.error('missing-field', path, `${label} needs at least ${field.minItems} ${field.minItems === 1 ? 'entry' : 'entries'}, found ${value.length}`);
  }
  if (field.maxItems !== undefined && value.length > field.maxItems) {
    report.error('too-many', path, `${label} holds at most ${field.maxItems} ${field.maxItems === 1 ? 'entry' : 'entries'} in ECS, found ${value.length}`);
  }
  const item = field.item ?? `${label} entry`;
  const items = field.items;
  const itemLabel = items.kind === 'object' ? items.what : `Each ${item}`;
  for (let index = 0; index < value.length; index += 1) {
    const entry = value[index] as JsonValue;
    if (items.kind === 'object' && !isJsonObject(entry) && !pending(entry)) {
      report.error('wrong-type', joinPath(path, index), `Each ${item} must be an object, found ${typeName(entry)}`);
      continue;
    }
    walkMember(report, entry, items, path, index, itemLabel);
  }
}

function checkObject(report: Report, value: JsonValue, field: ObjectField, path: string, label: string): void {
  if (!isJsonObject(value)) {
    report.error('wrong-type', path, `${label} must be an object, found ${typeName(value)}`);
    return;
  }
  for (const key of field.required ?? []) {
    if (getMember(value, key) === undefined) report.error('missing-field', joinPath(path, key), `${upperFirst(field.what)} needs ${key}`, field.fixes?.[key]);
  }
  for (const key of Object.keys(value)) {
    const known = Object.hasOwn(field.fields, key) ? field.fields[key] : undefined;
    if (known !== undefined) walkMember(report, getMember(value, key), known, path, key, key);
    else if (!(field.readOnly ?? []).includes(key)) {
      report.warning(
        'unknown-field',
        joinPath(path, key),
        `"${key}" is not a field of ${field.what} that this tool knows; it is sent to ECS as written`,
        'Check its spelling (a field newer than this tool is fine)',
      );
    }
  }
}
