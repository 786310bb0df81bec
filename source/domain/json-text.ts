/**
 * JSON text as users write it in the container and service specifications: strict JSON, plus
 * UNQUOTED placeholders in value position (`"containerPort": ${serviceVariable.containerPort}`), which
 * the seed's own examples use and which are not JSON until rendered.
 *
 * The parser never throws: a syntax error is reported as one `json-syntax` Issue with a 1-based line
 * and column. It also records where every value starts (by JSON path), so that rule violations found
 * later in the value tree can be shown at their line/column in the text.
 *
 * An unquoted placeholder is kept in the tree as the string `${…}`; its path is listed in `unquoted`
 * so that substitution can render it as a number or boolean, and `stringifyJsonText` can write it back
 * unquoted.
 */
import type {Issue, IssueSource} from './issues.js';
import type {JsonObject, JsonValue} from './json.js';

export interface TextPosition {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units from the start of the line. */
  column: number;
  /** 0-based offset in the text. */
  offset: number;
}

export type PathSegment = string | number;

export interface JsonText {
  /** The value tree, or undefined when the text has a syntax error. */
  value: JsonValue | undefined;
  /**
   * `json-syntax` (at most one) and `json-duplicate-key` errors: a key written twice in one object is an error naming
   * both places, because ECS (and JSON.parse) would silently keep only the last value.
   */
  issues: Issue[];
  /** Where each value starts, by JSON path (`''` is the whole document). Partial after a syntax error. */
  positions: ReadonlyMap<string, TextPosition>;
  /** Paths of the values that were written as unquoted placeholders. */
  unquoted: ReadonlySet<string>;
}

/** Deeper nesting than this is reported as a syntax error (no task or service definition comes close). */
export const MAX_JSON_DEPTH = 256;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/** `containerDefinitions` + 0 → `containerDefinitions[0]`; `options` + `awslogs-group` → `options.awslogs-group`. */
export function joinPath(parent: string, segment: PathSegment): string {
  if (typeof segment === 'number') return `${parent}[${segment}]`;
  if (IDENTIFIER.test(segment)) return parent === '' ? segment : `${parent}.${segment}`;
  return `${parent}[${JSON.stringify(segment)}]`;
}

export function formatPath(segments: readonly PathSegment[]): string {
  return segments.reduce<string>((path, segment) => joinPath(path, segment), '');
}

/** The inverse of `formatPath`; undefined for a string that `formatPath` cannot produce. */
export function parsePath(path: string): PathSegment[] | undefined {
  const segments: PathSegment[] = [];
  let index = 0;
  while (index < path.length) {
    const char = path[index];
    if (char === '[') {
      const close = path.indexOf(']', index);
      if (path[index + 1] === '"') {
        // A quoted key: find the closing quote (skipping escapes), then `]`.
        let end = index + 2;
        while (end < path.length && path[end] !== '"') end += path[end] === '\\' ? 2 : 1;
        if (path[end + 1] !== ']') return undefined;
        try {
          const key: unknown = JSON.parse(path.slice(index + 1, end + 1));
          if (typeof key !== 'string') return undefined;
          segments.push(key);
        } catch {
          return undefined;
        }
        index = end + 2;
        continue;
      }
      if (close === -1) return undefined;
      const digits = path.slice(index + 1, close);
      if (!/^(0|[1-9][0-9]*)$/.test(digits)) return undefined;
      segments.push(Number(digits));
      index = close + 1;
      continue;
    }
    if (segments.length > 0) {
      if (char !== '.') return undefined;
      index += 1;
    }
    const match = /^[A-Za-z_$][A-Za-z0-9_$-]*/.exec(path.slice(index));
    if (match === null) return undefined;
    segments.push(match[0]);
    index += match[0].length;
  }
  return segments;
}

/** The parent path and last segment of a path; undefined for the root. */
export function parentPath(path: string): string | undefined {
  const segments = parsePath(path);
  if (segments === undefined || segments.length === 0) return undefined;
  return formatPath(segments.slice(0, -1));
}

/** Sets an own, enumerable member even for keys such as `__proto__` (which plain assignment would not). */
export function setMember(object: JsonObject, key: string, value: JsonValue): void {
  Object.defineProperty(object, key, {value, enumerable: true, writable: true, configurable: true});
}

/** The own member `key` of an object (never an inherited `constructor` or `toString`). */
export function getMember(object: JsonObject, key: string): JsonValue | undefined {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

class SyntaxFailure {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

const describeChar = (char: string | undefined): string =>
  char === undefined
    ? 'the end of the text'
    : /[\x00-\x1f]/.test(char)
      ? `character U+${char.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`
      : `'${char}'`;

const lineStartsOf = (text: string): number[] => {
  const starts = [0];
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (char === '\n') starts.push(index + 1);
    else if (char === '\r' && text[index + 1] !== '\n') starts.push(index + 1);
  }
  return starts;
};

/** A function from offset to 1-based line/column in `text`. */
export function positionFinder(text: string): (offset: number) => TextPosition {
  const starts = lineStartsOf(text);
  return (offset: number): TextPosition => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return {line: low + 1, column: offset - (starts[low] ?? 0) + 1, offset};
  };
}

class Parser {
  private index = 0;
  readonly positions = new Map<string, number>();
  readonly unquoted = new Set<string>();
  readonly duplicates: {path: string; offset: number; firstOffset: number; key: string}[] = [];

  constructor(private readonly text: string) {}

  parseDocument(): JsonValue {
    if (this.text.charCodeAt(0) === 0xfeff) this.index = 1;
    this.skipWhitespace();
    if (this.index >= this.text.length) throw new SyntaxFailure(this.index, 'The text is empty: expected a JSON value');
    const value = this.parseValue('', 0);
    this.skipWhitespace();
    if (this.index < this.text.length) {
      throw new SyntaxFailure(this.index, `Unexpected ${describeChar(this.text[this.index])} after the end of the JSON value`);
    }
    return value;
  }

  private skipWhitespace(): void {
    while (this.index < this.text.length) {
      const char = this.text[this.index];
      if (char === ' ' || char === '\t' || char === '\n' || char === '\r') this.index += 1;
      else return;
    }
  }

  private parseValue(path: string, depth: number): JsonValue {
    if (depth > MAX_JSON_DEPTH) throw new SyntaxFailure(this.index, `The JSON is nested more than ${MAX_JSON_DEPTH} levels deep`);
    this.positions.set(path, this.index);
    const char = this.text[this.index];
    switch (char) {
      case '{':
        return this.parseObject(path, depth);
      case '[':
        return this.parseArray(path, depth);
      case '"':
        return this.parseString();
      case '$':
        this.unquoted.add(path);
        return this.parsePlaceholder();
      case 't':
        return this.parseLiteral('true', true);
      case 'f':
        return this.parseLiteral('false', false);
      case 'n':
        return this.parseLiteral('null', null);
      default:
        if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) return this.parseNumber();
        throw new SyntaxFailure(this.index, `Unexpected ${describeChar(char)}: expected a JSON value`);
    }
  }

  private parseObject(path: string, depth: number): JsonObject {
    const object: JsonObject = {};
    /** Where each key of this object was first written. */
    const keyOffsets = new Map<string, number>();
    this.index += 1;
    this.skipWhitespace();
    if (this.text[this.index] === '}') {
      this.index += 1;
      return object;
    }
    for (;;) {
      this.skipWhitespace();
      const keyOffset = this.index;
      if (this.text[this.index] !== '"') {
        const char = this.text[this.index];
        const hint = char === '}' ? ' (a trailing comma is not allowed in JSON)' : '';
        throw new SyntaxFailure(this.index, `Unexpected ${describeChar(char)}: expected a property name in double quotes${hint}`);
      }
      const key = this.parseString();
      this.skipWhitespace();
      if (this.text[this.index] !== ':') {
        throw new SyntaxFailure(this.index, `Unexpected ${describeChar(this.text[this.index])}: expected ':' after the property name "${key}"`);
      }
      this.index += 1;
      this.skipWhitespace();
      const memberPath = joinPath(path, key);
      const firstOffset = keyOffsets.get(key);
      if (firstOffset === undefined) keyOffsets.set(key, keyOffset);
      else this.duplicates.push({path: memberPath, offset: keyOffset, firstOffset, key});
      setMember(object, key, this.parseValue(memberPath, depth + 1));
      this.skipWhitespace();
      const next = this.text[this.index];
      if (next === ',') {
        this.index += 1;
        continue;
      }
      if (next === '}') {
        this.index += 1;
        return object;
      }
      throw new SyntaxFailure(this.index, `Unexpected ${describeChar(next)}: expected ',' or '}' after the value of "${key}"`);
    }
  }

  private parseArray(path: string, depth: number): JsonValue[] {
    const array: JsonValue[] = [];
    this.index += 1;
    this.skipWhitespace();
    if (this.text[this.index] === ']') {
      this.index += 1;
      return array;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.index] === ']') {
        throw new SyntaxFailure(this.index, "Unexpected ']': expected a value (a trailing comma is not allowed in JSON)");
      }
      array.push(this.parseValue(joinPath(path, array.length), depth + 1));
      this.skipWhitespace();
      const next = this.text[this.index];
      if (next === ',') {
        this.index += 1;
        continue;
      }
      if (next === ']') {
        this.index += 1;
        return array;
      }
      throw new SyntaxFailure(this.index, `Unexpected ${describeChar(next)}: expected ',' or ']' in the array`);
    }
  }

  private parseString(): string {
    const start = this.index;
    this.index += 1;
    let result = '';
    let chunkStart = this.index;
    for (;;) {
      if (this.index >= this.text.length) throw new SyntaxFailure(start, 'Unterminated string: the closing double quote is missing');
      const code = this.text.charCodeAt(this.index);
      if (code === 0x22) {
        result += this.text.slice(chunkStart, this.index);
        this.index += 1;
        return result;
      }
      if (code < 0x20) {
        const message =
          code === 0x0a || code === 0x0d
            ? 'Unterminated string: a line break must be written as \\n inside a string'
            : `Unescaped ${describeChar(this.text[this.index])} in a string`;
        throw new SyntaxFailure(this.index, message);
      }
      if (code === 0x5c) {
        result += this.text.slice(chunkStart, this.index);
        const escape = this.text[this.index + 1];
        const simple: Record<string, string> = {'"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t'};
        if (escape !== undefined && Object.hasOwn(simple, escape)) {
          result += simple[escape];
          this.index += 2;
        } else if (escape === 'u') {
          const hex = this.text.slice(this.index + 2, this.index + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new SyntaxFailure(this.index, 'Invalid \\u escape: expected four hexadecimal digits');
          result += String.fromCharCode(parseInt(hex, 16));
          this.index += 6;
        } else {
          throw new SyntaxFailure(this.index, `Invalid escape \\${escape ?? ''} in a string`);
        }
        chunkStart = this.index;
        continue;
      }
      this.index += 1;
    }
  }

  private parsePlaceholder(): string {
    const start = this.index;
    if (this.text[this.index + 1] !== '{') {
      throw new SyntaxFailure(this.index, "Unexpected '$': a placeholder is written ${NAME}");
    }
    let end = this.index + 2;
    while (end < this.text.length && this.text[end] !== '}') {
      const char = this.text[end];
      if (char === '\n' || char === '\r' || char === '"' || char === '{' || char === ',') {
        throw new SyntaxFailure(start, "Unclosed placeholder: '${' without a matching '}'");
      }
      end += 1;
    }
    if (end >= this.text.length) throw new SyntaxFailure(start, "Unclosed placeholder: '${' without a matching '}'");
    this.index = end + 1;
    return this.text.slice(start, this.index);
  }

  private parseLiteral<T extends JsonValue>(word: string, value: T): T {
    if (this.text.startsWith(word, this.index)) {
      const after = this.text[this.index + word.length];
      if (after === undefined || !/[A-Za-z0-9_$]/.test(after)) {
        this.index += word.length;
        return value;
      }
    }
    const token = /^[A-Za-z0-9_$.-]+/.exec(this.text.slice(this.index, this.index + 40))?.[0] ?? this.text[this.index];
    throw new SyntaxFailure(this.index, `Unexpected '${token}': expected a JSON value (strings need double quotes)`);
  }

  private parseNumber(): number {
    const match = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/.exec(this.text.slice(this.index, this.index + 400));
    if (match === null) throw new SyntaxFailure(this.index, `Invalid number starting with ${describeChar(this.text[this.index])}`);
    const after = this.text[this.index + match[0].length];
    if (after !== undefined && /[0-9A-Za-z.+_-]/.test(after)) {
      throw new SyntaxFailure(this.index + match[0].length, `Invalid number: unexpected ${describeChar(after)} after ${match[0]}`);
    }
    this.index += match[0].length;
    return Number(match[0]);
  }
}

/**
 * Parses JSON text that may hold unquoted placeholders. Never throws: a syntax error gives
 * `value: undefined` and one `json-syntax` issue with line/column.
 */
export function parseJsonText(text: string, source: IssueSource): JsonText {
  const safeText = typeof text === 'string' ? text : '';
  const position = positionFinder(safeText);
  const parser = new Parser(safeText);
  let value: JsonValue | undefined;
  const issues: Issue[] = [];
  try {
    value = parser.parseDocument();
  } catch (error) {
    if (!(error instanceof SyntaxFailure)) throw error;
    const at = position(error.offset);
    issues.push({
      code: 'json-syntax',
      severity: 'error',
      source,
      path: '',
      message: error.message,
      line: at.line,
      column: at.column,
    });
  }
  for (const duplicate of parser.duplicates) {
    const at = position(duplicate.offset);
    const first = position(duplicate.firstOffset);
    issues.push({
      code: 'json-duplicate-key',
      severity: 'error',
      source,
      path: duplicate.path,
      message: `"${duplicate.key}" is written twice in the same object: first at line ${first.line}, column ${first.column}, again at line ${at.line}, column ${at.column} (only one value would be kept, silently)`,
      fix: `Keep one "${duplicate.key}"`,
      line: at.line,
      column: at.column,
    });
  }
  const positions = new Map<string, TextPosition>();
  for (const [path, offset] of parser.positions) positions.set(path, position(offset));
  return {value, issues, positions, unquoted: parser.unquoted};
}

/**
 * The position of the value at `path`, or — when the text has no such value (a missing field) — of
 * its nearest enclosing value. Undefined only when not even the document's root was read.
 */
export function locatePath(parsed: Pick<JsonText, 'positions'>, path: string): TextPosition | undefined {
  let current: string | undefined = path;
  while (current !== undefined) {
    const found = parsed.positions.get(current);
    if (found !== undefined) return found;
    current = parentPath(current);
  }
  return undefined;
}

/** `locatePath` straight from text: where the value at `path` (e.g. `containerDefinitions[0].image`) is written. */
export function locateJsonPath(text: string, path: string): {line: number; column: number} | undefined {
  const found = locatePath(parseJsonText(text, 'containerSpec'), path);
  return found === undefined ? undefined : {line: found.line, column: found.column};
}

/** Fills `line`/`column` of issues that have none, from where their path is written in the parsed text. */
export function locateIssues(issues: readonly Issue[], parsed: Pick<JsonText, 'positions'> | undefined): Issue[] {
  if (parsed === undefined) return [...issues];
  return issues.map((issue) => {
    if (issue.line !== undefined) return issue;
    const at = locatePath(parsed, issue.path);
    return at === undefined ? issue : {...issue, line: at.line, column: at.column};
  });
}

/**
 * JSON text of a value, indented; the values at the `unquoted` paths (placeholder strings) are written
 * back without quotes, so that `parseJsonText(stringifyJsonText(v, {unquoted}))` gives back `v` and `unquoted`.
 */
export function stringifyJsonText(value: JsonValue, options: {unquoted?: ReadonlySet<string>; indent?: number} = {}): string {
  const unquoted = options.unquoted ?? new Set<string>();
  const unit = ' '.repeat(options.indent ?? 2);
  const write = (current: JsonValue, path: string, indent: string): string => {
    if (typeof current === 'string' && unquoted.has(path) && /^\$\{[^}\n\r",{]*\}$/.test(current)) return current;
    if (current === null || typeof current !== 'object') return JSON.stringify(current) ?? 'null';
    const inner = indent + unit;
    if (Array.isArray(current)) {
      if (current.length === 0) return '[]';
      return `[\n${current.map((item, index) => inner + write(item, joinPath(path, index), inner)).join(',\n')}\n${indent}]`;
    }
    const keys = Object.keys(current);
    if (keys.length === 0) return '{}';
    return `{\n${keys.map((key) => `${inner}${JSON.stringify(key)}: ${write(current[key] as JsonValue, joinPath(path, key), inner)}`).join(',\n')}\n${indent}}`;
  };
  return write(value, '', '');
}
