/**
 * The language of the ECS field tables (task-definition-fields.ts, container-fields.ts, service-fields.ts): what
 * each member of an ECS request may hold — its JSON type, an enum, a range, the members of an object and which
 * of them are required. The tables say only what the ECS API reference says; rules that tie one field to
 * another are written out in the *-rules.ts files beside them. `walk.ts` reads a table against a document.
 *
 * A builder per kind keeps a table one line per field:
 *
 *   healthCheck: object('healthCheck', {command: list(text()), interval: integer(5, 300)}, {required: ['command']})
 */

export type Field = TextField | IntegerField | NumberField | BooleanField | ListField | ObjectField | MapField | AnyField;

export interface TextField {
  kind: 'text';
  /** The values ECS accepts (case-sensitive), when it is an enum. */
  values?: readonly string[];
  maxLength?: number;
}

export interface IntegerField {
  kind: 'integer';
  min: number;
  /** Undefined: no upper bound besides the API's 32-bit integer. */
  max?: number;
  /** The issue code of a value outside [min, max] (default: see walk.ts). */
  rangeCode?: string;
}

/** A JSON number that may have a fraction (Double in the API), e.g. a canary's percentage. */
export interface NumberField {
  kind: 'number';
  min: number;
  max: number;
}

export interface BooleanField {
  kind: 'boolean';
}

export interface ListField {
  kind: 'list';
  items: Field;
  /** What one item is, for messages ("port mapping"). */
  item?: string;
  minItems?: number;
  maxItems?: number;
}

export interface ObjectField {
  kind: 'object';
  /** What the object is, for messages ("container definition", "health check"). */
  what: string;
  fields: Readonly<Record<string, Field>>;
  required?: readonly string[];
  /** What to write when a required member is missing, by member. */
  fixes?: Readonly<Record<string, string>>;
  /**
   * Members that describe-* prints but the request refuses: not unknown (render leaves them out, with a
   * warning of its own), never checked.
   */
  readOnly?: readonly string[];
}

/** An object with free keys (docker labels, log driver options): every value of one kind. */
export interface MapField {
  kind: 'map';
  values: Field;
}

/** Anything, left to an explicit rule (task-level cpu and memory are strings or numbers). */
export interface AnyField {
  kind: 'any';
}

/** The largest integer the ECS API reads (a Java `Integer`). */
export const INT32_MAX = 2_147_483_647;

export const text = (options: {values?: readonly string[]; maxLength?: number} = {}): TextField => ({kind: 'text', ...options});

/** A string holding one of `values`. */
export const oneOf = (...values: string[]): TextField => ({kind: 'text', values});

export const integer = (min = 0, max: number | undefined = INT32_MAX, rangeCode?: string): IntegerField => ({
  kind: 'integer',
  min,
  ...(max === undefined ? {} : {max}),
  ...(rangeCode === undefined ? {} : {rangeCode}),
});

export const decimal = (min: number, max: number): NumberField => ({kind: 'number', min, max});

export const boolean: BooleanField = {kind: 'boolean'};

export const list = (items: Field, options: {item?: string; minItems?: number; maxItems?: number} = {}): ListField => ({kind: 'list', items, ...options});

export const object = (
  what: string,
  fields: Readonly<Record<string, Field>>,
  options: {required?: readonly string[]; fixes?: Readonly<Record<string, string>>; readOnly?: readonly string[]} = {},
): ObjectField => ({kind: 'object', what, fields, ...options});

export const map = (values: Field = text()): MapField => ({kind: 'map', values});

export const any: AnyField = {kind: 'any'};
