/**
 * The credential scan over a raw document (before and independently of the structural checks): keys,
 * `{name|key, value}` pairs, values, and keys inside JSON text (container and service specifications, with
 * placeholders). What counts as a credential is in credentials.ts.
 *
 * A profile's `service.plaintextVariables` (the environment variables the person declared are not secrets) are
 * accepted as `{name, value}` pairs by name, within that profile only; their values are still scanned for what is
 * a credential by its shape (an AWS access key id, a private key, a token), which is refused whatever it is called.
 */
import {joinPath, parseJsonText, positionFinder} from '../json-text.js';
import type {Checker} from './checker.js';
import {
  containsAccessKeyId,
  isHarmlessValue,
  looksLikeCredentialName,
  NEVER_STORED,
  preview,
  SECRET_ACCESS_KEY,
  secretKeyLike,
  VALUE_PATTERNS,
} from './credentials.js';
import {isRecord, own} from './raw-values.js';
import {SCHEMA_ISSUE} from './schema.js';

/** The names declared plain text in a profile (`{service: {plaintextVariables: […]}}`), when `value` is one. */
function declaredPlain(value: Record<string, unknown>): ReadonlySet<string> | undefined {
  const service = own(value, 'service');
  const names = isRecord(service) ? own(service, 'plaintextVariables') : undefined;
  return Array.isArray(names) ? new Set(names.filter((name): name is string => typeof name === 'string')) : undefined;
}

const NONE: ReadonlySet<string> = new Set();

/** A `{name|key, value}` pair whose name looks like a credential and whose value may be one (unless declared plain). */
function credentialPair(value: Record<string, unknown>, plain: ReadonlySet<string>): string | undefined {
  const pairName = typeof own(value, 'name') === 'string' ? own(value, 'name') : own(value, 'key');
  if (typeof pairName !== 'string' || !Object.hasOwn(value, 'value') || plain.has(pairName)) return undefined;
  return looksLikeCredentialName(pairName) && !isHarmlessValue(value.value) ? pairName : undefined;
}

function scanValue(checker: Checker, text: string, path: string, label: string, plain: ReadonlySet<string>): void {
  const asText = /^\s*[[{]/.test(text) && text.length > 2;
  // Lines are counted only when a match must be located.
  let finder: ((offset: number) => {line: number; column: number}) | undefined;
  const position = asText ? (offset: number | undefined) => (finder ??= positionFinder(text))(offset ?? 0) : undefined;
  const patterns = checker.secretKeysToo ? [...VALUE_PATTERNS, SECRET_ACCESS_KEY] : VALUE_PATTERNS;
  for (const {kind, pattern} of patterns) {
    for (const match of text.matchAll(pattern)) {
      if (pattern === SECRET_ACCESS_KEY.pattern && !secretKeyLike(match[0])) continue;
      const at = position?.(match.index);
      checker.credential(
        SCHEMA_ISSUE.credentialValue,
        path,
        `${label} holds what looks like ${kind} (${preview(match[0])}); ${NEVER_STORED}`,
        at === undefined ? {} : {line: at.line, column: at.column},
      );
      if (at === undefined) return;
    }
  }
  if (asText) scanJsonTextKeys(checker, text, path, label, plain);
}

/**
 * A log driver's option (Datadog's `apikey`, Splunk's `splunk-token`): ECS passes it from Secrets Manager or SSM
 * Parameter Store through `logConfiguration.secretOptions` (a container's `secrets` are environment variables).
 */
function logOptionFix(name: string, innerPath: string): {fix?: string} {
  if (!/(?:^|\.)logConfiguration\.options\.[^.]+$/.test(innerPath)) return {};
  return {
    fix: `Give the log driver its ${name} from AWS Secrets Manager or SSM Parameter Store: remove it from logConfiguration.options and add {"name": "${name}", "valueFrom": "<the secret's or parameter's ARN>"} to logConfiguration.secretOptions (the execution role reads it)`,
  };
}

/** Keys and name/value pairs inside JSON text (container and service specifications, with placeholders). */
function scanJsonTextKeys(checker: Checker, text: string, path: string, label: string, plain: ReadonlySet<string>): void {
  const parsed = parseJsonText(text, checker.source);
  const report = (name: string, innerPath: string, offsetHint?: number): void => {
    const at = offsetHint === undefined ? parsed.positions.get(innerPath) : positionFinder(text)(offsetHint);
    checker.credential(
      SCHEMA_ISSUE.credentialKey,
      path,
      `${label}: "${name}"${innerPath === '' ? '' : ` at ${innerPath}`} looks like a credential; ${NEVER_STORED}`,
      {...(at === undefined ? {line: 1, column: 1} : {line: at.line, column: at.column}), ...logOptionFix(name, innerPath)},
    );
  };
  if (parsed.value !== undefined) {
    walkKeys(parsed.value, '', report, plain, 0);
    return;
  }
  // Not parseable (another rule reports the syntax error): look at `"key": value` pairs textually.
  for (const match of text.matchAll(/"((?:[^"\\\n]|\\.)*)"\s*:\s*("(?:[^"\\\n]|\\.)*"|[[{]|[^,}\]\s]+)?/g)) {
    const key = match[1] ?? '';
    const rawValue = match[2];
    let value: unknown = rawValue === undefined || rawValue === '[' || rawValue === '{' ? {} : rawValue;
    if (typeof value === 'string') {
      try {
        value = JSON.parse(value);
      } catch {
        // An unfinished string or a placeholder: judged as text.
      }
    }
    if (looksLikeCredentialName(key) && !isHarmlessValue(value)) report(key, '', match.index);
  }
  for (const match of text.matchAll(/"(?:name|key)"\s*:\s*"((?:[^"\\\n]|\\.)*)"\s*,\s*"value"\s*:\s*"((?:[^"\\\n]|\\.)*)"/g)) {
    const name = match[1] ?? '';
    if (!plain.has(name) && looksLikeCredentialName(name) && !isHarmlessValue(match[2])) report(name, '', match.index);
  }
}

/** Calls `report` for every credential-like key or `{name|key, value}` pair in a JSON value tree. */
function walkKeys(value: unknown, path: string, report: (name: string, path: string) => void, plain: ReadonlySet<string>, depth: number): void {
  if (depth > 300) return;
  if (Array.isArray(value)) {
    value.forEach((item, index) => walkKeys(item, joinPath(path, index), report, plain, depth + 1));
    return;
  }
  if (!isRecord(value)) return;
  const pairName = credentialPair(value, plain);
  if (pairName !== undefined) {
    report(pairName, path);
    return;
  }
  for (const key of Object.keys(value)) {
    const child = value[key];
    if (looksLikeCredentialName(key) && !isHarmlessValue(child)) report(key, joinPath(path, key));
    else walkKeys(child, joinPath(path, key), report, plain, depth + 1);
  }
}

/** Reports every credential in a raw document: keys, pairs, values, JSON text. */
function scanCredentials(checker: Checker, value: unknown, path: string, label: string, plain: ReadonlySet<string>, depth = 0): void {
  if (depth > 300) return;
  if (typeof value === 'string') {
    scanValue(checker, value, path, label, plain);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => scanCredentials(checker, item, joinPath(path, index), `${label}[${index}]`, plain, depth + 1));
    return;
  }
  if (!isRecord(value)) return;
  // A profile: its declared plain-text variables hold within it.
  const inProfile = declaredPlain(value) ?? plain;
  const pairName = credentialPair(value, inProfile);
  if (pairName !== undefined) {
    checker.credential(SCHEMA_ISSUE.credentialKey, path, `${label}: the variable "${pairName}" looks like a credential; ${NEVER_STORED}`);
    return;
  }
  for (const key of Object.keys(value)) {
    const child = value[key];
    const childPath = joinPath(path, key);
    for (const {kind, pattern} of VALUE_PATTERNS) {
      pattern.lastIndex = 0;
      const match = pattern.exec(key);
      pattern.lastIndex = 0;
      if (match !== null) checker.credential(SCHEMA_ISSUE.credentialValue, childPath, `the key ${preview(match[0])} looks like ${kind}; ${NEVER_STORED}`);
    }
    if (looksLikeCredentialName(key) && !isHarmlessValue(child)) {
      checker.credential(SCHEMA_ISSUE.credentialKey, childPath, `"${key}" looks like a credential; ${NEVER_STORED}`);
      continue;
    }
    scanCredentials(checker, child, childPath, key, inProfile, depth + 1);
  }
}

export function scanDocumentCredentials(checker: Checker, value: unknown, path: string): void {
  checker.secretKeysToo = containsAccessKeyId(value);
  scanCredentials(checker, value, path, path === '' ? 'the document' : path, NONE);
}
