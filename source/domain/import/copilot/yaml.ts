/**
 * Copilot's YAML files read into a small located tree: every map key, list item and scalar keeps the line and
 * column it was written at, so that whatever the migration cannot map is reported as `file:line:column`. A YAML
 * error is reported the same way (the `yaml` package's own positions, through its LineCounter).
 */
import {LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node} from 'yaml';

export interface Position {
  /** The file as the report names it: `copilot/api/manifest.yml`. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

export type YamlScalar = string | number | boolean | null;

export type YamlNode =
  {kind: 'map'; at: Position; entries: YamlEntry[]} | {kind: 'seq'; at: Position; items: YamlNode[]} | {kind: 'scalar'; at: Position; value: YamlScalar};

export interface YamlEntry {
  key: string;
  at: Position;
  value: YamlNode;
}

export interface YamlProblem {
  at: Position;
  message: string;
}

export type YamlResult = {ok: true; root: YamlNode} | {ok: false; problem: YamlProblem};

/** `file:line:column`. */
export const formatPosition = (at: Position): string => `${at.file}:${at.line}:${at.column}`;

/** A yaml message without its own " at line L, column C:" tail and code excerpt (the position is given apart). */
const firstLine = (message: string): string => (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '').trim();

/** Parses one YAML document. An empty file is an empty map. */
export function parseYaml(file: string, text: string): YamlResult {
  const counter = new LineCounter();
  const doc = parseDocument(text, {lineCounter: counter, prettyErrors: false, uniqueKeys: true});
  const position = (offset: number): Position => {
    const {line, col} = counter.linePos(offset);
    return {file, line: Math.max(line, 1), column: Math.max(col, 1)};
  };
  const error = doc.errors[0];
  if (error !== undefined) return {ok: false, problem: {at: position(error.pos[0]), message: firstLine(error.message)}};
  try {
    const root = doc.contents === null ? {kind: 'map' as const, at: position(0), entries: []} : convert(doc, doc.contents as Node, position, 0);
    return {ok: true, root};
  } catch (problem) {
    if (isProblem(problem)) return {ok: false, problem};
    throw problem;
  }
}

const isProblem = (value: unknown): value is YamlProblem => typeof value === 'object' && value !== null && 'at' in value && 'message' in value;

function convert(doc: Document, node: Node, position: (offset: number) => Position, depth: number): YamlNode {
  const at = position(node.range?.[0] ?? 0);
  if (depth > 64) throw {at, message: 'nested too deeply'} satisfies YamlProblem;
  if (isAlias(node)) {
    const target = node.resolve(doc);
    if (target === undefined) throw {at, message: `unknown alias *${node.source}`} satisfies YamlProblem;
    return convert(doc, target, position, depth + 1);
  }
  if (isMap(node)) {
    const entries: YamlEntry[] = [];
    for (const pair of node.items) {
      const keyNode = pair.key as Node | null;
      const keyAt = keyNode !== null && keyNode.range !== undefined && keyNode.range !== null ? position(keyNode.range[0]) : at;
      if (!isScalar(keyNode) || (typeof keyNode.value !== 'string' && typeof keyNode.value !== 'number' && typeof keyNode.value !== 'boolean')) {
        throw {at: keyAt, message: 'a key must be plain text'} satisfies YamlProblem;
      }
      const key = String(keyNode.value);
      if (key === '<<') throw {at: keyAt, message: 'merge keys (<<) are not supported: write the values out'} satisfies YamlProblem;
      const valueNode = pair.value as Node | null;
      const value: YamlNode = valueNode === null ? {kind: 'scalar', at: keyAt, value: null} : convert(doc, valueNode, position, depth + 1);
      entries.push({key, at: keyAt, value});
    }
    return {kind: 'map', at, entries};
  }
  if (isSeq(node)) {
    return {
      kind: 'seq',
      at,
      items: node.items.map((item) => (item === null ? {kind: 'scalar', at, value: null} : convert(doc, item as Node, position, depth + 1))),
    };
  }
  if (isScalar(node)) {
    const value = node.value;
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return {kind: 'scalar', at, value};
    if (typeof value === 'number') return {kind: 'scalar', at, value};
    return {kind: 'scalar', at, value: String(value)};
  }
  throw {at, message: 'unexpected YAML node'} satisfies YamlProblem;
}

// ---------------------------------------------------------------------------------------------------
// Reading the tree
// ---------------------------------------------------------------------------------------------------

/** The entry of a map by key (undefined for anything else). */
export const entry = (node: YamlNode | undefined, key: string): YamlEntry | undefined =>
  node?.kind === 'map' ? node.entries.find((candidate) => candidate.key === key) : undefined;

/** The value at a key path (`['image', 'port']`). */
export function at(node: YamlNode | undefined, ...path: string[]): YamlNode | undefined {
  let current = node;
  for (const key of path) current = entry(current, key)?.value;
  return current;
}

/** A scalar's text (numbers and booleans as written by String), undefined for anything else or null. */
export function text(node: YamlNode | undefined): string | undefined {
  if (node?.kind !== 'scalar' || node.value === null) return undefined;
  return String(node.value);
}

/** A scalar number (or a string of digits). */
export function numberOf(node: YamlNode | undefined): number | undefined {
  if (node?.kind !== 'scalar') return undefined;
  if (typeof node.value === 'number') return node.value;
  if (typeof node.value === 'string' && /^\d+(\.\d+)?$/.test(node.value.trim())) return Number(node.value.trim());
  return undefined;
}

/** A scalar boolean. */
export const booleanOf = (node: YamlNode | undefined): boolean | undefined =>
  node?.kind === 'scalar' && typeof node.value === 'boolean' ? node.value : undefined;

/** `10s`, `1m30s`, `2m` → seconds. */
export function durationSeconds(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(value.trim());
  if (match === null || value.trim() === '') return undefined;
  return Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0);
}
