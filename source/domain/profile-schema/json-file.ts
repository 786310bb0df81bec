/**
 * JSON text of files (the profile store, export files): strict JSON — no placeholders — with syntax errors
 * located by line and column.
 */
import type {Issue, IssueSource} from '../issues.js';
import {parseJsonText} from '../json-text.js';
import {SCHEMA_ISSUE} from './schema.js';

/**
 * Where strict JSON `text` fails to parse (1-based line/column and a message), or undefined when it
 * parses. Unlike `JSON.parse` on Node 20, always located.
 */
export function locateJsonSyntaxError(text: string): {line: number; column: number; message: string} | undefined {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    JSON.parse(body);
    return undefined;
  } catch (error) {
    const parsed = parseJsonText(text, 'import');
    const syntax = parsed.issues.find((issue) => issue.code === SCHEMA_ISSUE.jsonSyntax);
    if (syntax !== undefined) return {line: syntax.line ?? 1, column: syntax.column ?? 1, message: syntax.message};
    const placeholder = [...parsed.unquoted].map((path) => parsed.positions.get(path)).find((position) => position !== undefined);
    if (placeholder !== undefined) {
      return {line: placeholder.line, column: placeholder.column, message: "Unexpected '$': a placeholder is not JSON here; write it in double quotes"};
    }
    return {line: 1, column: 1, message: error instanceof Error ? error.message : String(error)};
  }
}

/** Strict JSON parse with a located `json-syntax` issue instead of an exception. */
export function parseJsonFile(text: string, source: IssueSource): {value?: unknown; issue?: Issue} {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return {value: JSON.parse(body) as unknown};
  } catch {
    const at = locateJsonSyntaxError(text) ?? {line: 1, column: 1, message: 'not valid JSON'};
    return {issue: {code: SCHEMA_ISSUE.jsonSyntax, severity: 'error', source, path: '', message: at.message, line: at.line, column: at.column}};
  }
}
