/**
 * The stored schema of profiles: validation, credential refusal, migrations and the export format.
 *
 * - A store document is `{schemaVersion: 2, profiles: {[name]: Profile}}`.
 * - Schema version 1 (the earlier shape): `service.containerSpec` was the advanced JSON text itself (a
 *   string), `service.launchType` did not exist and environments had `variables` instead of `overrides`.
 * - An export file (a profile a team commits and shares) is `{"ecsWizardProfile": 2, "profile": {...}}`;
 *   its `runs` are left out by default and default to `[]` on import.
 *
 * Decisions:
 * - Unknown keys are errors naming the key (with a "did you mean" when one is close): a typo must not
 *   be dropped silently. Forward compatibility goes through `schemaVersion`: a newer writer bumps it, and
 *   a newer version is refused with "upgrade ecs-wizard" — never downgraded or reset.
 * - Credentials are never stored. Refused anywhere in the document, including inside container
 *   environment variables and inside JSON text (container and service specifications):
 *   - a key (or a `{name, value}` / `{key, value}` pair's name) that looks like a credential
 *     (`password`, `secret`, `token`, `apiKey`, `accessKeyId`, `privateKey`, …) unless its value is an
 *     ARN, a lone placeholder, empty or a boolean; names ending in `Arn` and the ECS fields that hold
 *     references, not secrets (`credentialsParameter`, `credentialsSecretArn`, `kmsKeyArn`, `secrets`,
 *     `secretOptions`, `repositoryCredentials`, `credentialSpecs`, `valueFrom`, `authorizationConfig`) are
 *     accepted;
 *   - a value holding an AWS access key id (`AKIA`/`ASIA` + 16), a PEM private key, a Docker Hub or GitHub
 *     token, or — when the profile also holds an access key id — a 40-character secret-access-key-like token.
 *   Messages never repeat the secret (at most its first four characters).
 *
 * Pure: no fs, no clock, no environment (test/domain/purity.test.ts).
 */
import type {Issue, IssueSource} from './issues.js';
import {joinPath, parseJsonText, positionFinder} from './json-text.js';
import {LAUNCH_TYPES, NETWORK_MODES, PROFILE_NAME_PATTERN, REGISTRY_KINDS, RUN_OUTCOMES} from './model.js';
import type {
  ArtifactSource,
  AwsVpcNetwork,
  ContainerForm,
  ContainerSpec,
  Environment,
  LaunchType,
  NameValue,
  PortMapping,
  Profile,
  RegistryAuth,
  RunRecord,
  Service,
} from './model.js';

export const CURRENT_SCHEMA_VERSION = 2;
/** The key that marks an export file and holds its schema version. */
export const EXPORT_FORMAT_KEY = 'ecsWizardProfile';
/** Config variable names (`${serviceVariable.NAME}`). */
export const VARIABLE_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Issue codes of this module. */
export const SCHEMA_ISSUE = {
  type: 'schema-type',
  required: 'schema-required',
  unknownKey: 'schema-unknown-key',
  value: 'schema-value',
  duplicate: 'schema-duplicate',
  profileName: 'profile-name',
  nameMismatch: 'profile-name-mismatch',
  credentialKey: 'credential-key',
  credentialValue: 'credential-value',
  version: 'schema-version',
  newerVersion: 'schema-version-newer',
  jsonSyntax: 'json-syntax',
} as const;

export interface StoreDocument {
  schemaVersion: typeof CURRENT_SCHEMA_VERSION;
  /** Keyed by profile name (equal to each profile's `name`), sorted by name. */
  profiles: Record<string, Profile>;
}

export interface ProfileValidation {
  /** Present only when there is no error; a fresh copy in canonical key order. */
  profile?: Profile;
  issues: Issue[];
}

export interface StoreDocumentValidation {
  document?: StoreDocument;
  issues: Issue[];
}

export interface StoreDocumentMigration extends StoreDocumentValidation {
  /** The schema version the document was read at (CURRENT_SCHEMA_VERSION when nothing was migrated). */
  fromVersion?: number;
}

export interface ProfileImport extends ProfileValidation {
  /** The export format version the text was written at. */
  fromVersion?: number;
}

// ---------------------------------------------------------------------------------------------------
// Small helpers

type Raw = Record<string, unknown>;

const isRecord = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);

const own = (object: Raw, key: string): unknown => (Object.hasOwn(object, key) ? object[key] : undefined);

/** Names sorted case-insensitively, ties by code unit: a stable order for lists and files. */
export function compareProfileNames(a: string, b: string): number {
  const lowerA = a.toLowerCase();
  const lowerB = b.toLowerCase();
  if (lowerA !== lowerB) return lowerA < lowerB ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return value.length > 40 ? `a string of ${value.length} characters` : `"${value}"`;
    case 'number':
      return `the number ${value}`;
    case 'boolean':
      return `${value}`;
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

const quoteList = (values: readonly string[]): string => values.map((value) => `"${value}"`).join(', ');

function editDistance(a: string, b: string): number {
  const previous = Array.from({length: b.length + 1}, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = previous[0] ?? 0;
    previous[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = previous[j] ?? 0;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      previous[j] = Math.min(above + 1, (previous[j - 1] ?? 0) + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return previous[b.length] ?? 0;
}

function closest(key: string, allowed: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of allowed) {
    const distance = candidate.toLowerCase() === key.toLowerCase() ? 0 : editDistance(key, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= Math.max(1, Math.min(2, Math.floor(key.length / 3))) ? best : undefined;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const ISO_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:Z|[+-](\d{2}):(\d{2}))$/;

/** An ISO-8601 date-time with a zone (`2025-03-01T10:00:00.000Z`), checked without a clock. */
export function isIsoTimestamp(text: string): boolean {
  const match = ISO_TIMESTAMP.exec(text);
  if (match === null) return false;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const maxDay = month === 2 && !leap ? 28 : (DAYS_IN_MONTH[month - 1] ?? 0);
  const zoneHour = match[7] === undefined ? 0 : Number(match[7]);
  const zoneMinute = match[8] === undefined ? 0 : Number(match[8]);
  return month >= 1 && month <= 12 && day >= 1 && day <= maxDay && hour < 24 && minute < 60 && second < 60 && zoneHour < 24 && zoneMinute < 60;
}

// ---------------------------------------------------------------------------------------------------
// Formats

const SERVICE_NAME = /^[A-Za-z0-9_-]{1,255}$/;
const DISPLAY_NAME = /^\S(?:.{0,253}\S)?$/;
const ENVIRONMENT_NAME = /^\S(?:.{0,62}\S)?$/;
const REGISTRY_HOST = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*(?::[0-9]{1,5})?$/;
const IMAGE_PATH = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;
const IMAGE_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const IMAGE_DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[A-Za-z0-9=_-]{32,}$/;
const CONTAINER_NAME = /^(?:[A-Za-z0-9_-]|\$\{[^{}\s]+\})+$/;
const REGION = /^[a-z]{2}(?:-[a-z]+)+-[0-9]{1,2}$/;
const CLUSTER = /^(?:[A-Za-z0-9_-]{1,255}|arn:aws[a-z-]*:ecs:[a-z0-9-]+:[0-9]{12}:cluster\/[A-Za-z0-9_-]{1,255})$/;
const SUBNET_ID = /^subnet-[0-9a-zA-Z]+$/;
const SECURITY_GROUP_ID = /^sg-[0-9a-zA-Z]+$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::[0-9]{12}:role\/[\w+=,.@/-]{1,512}$/;
const SECRET_ARN = /^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:[\w/+=.@-]+$/;
const KMS_KEY_ARN = /^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key\/[A-Za-z0-9-]+$/;
const TASK_DEFINITION_ARN = /^arn:aws[a-z-]*:ecs:[a-z0-9-]+:[0-9]{12}:task-definition\/[A-Za-z0-9_-]{1,255}:[0-9]+$/;

// ---------------------------------------------------------------------------------------------------
// Credentials

const CREDENTIAL_FIX =
  'Keep secrets in AWS Secrets Manager and refer to them by ARN (a container "secrets" entry with "valueFrom", or registryAuth.credentialsSecretArn for a private registry); AWS access comes from the AWS credential chain (environment, ~/.aws profiles, SSO, instance or task roles).';
const NEVER_STORED = 'credentials are never stored in a profile: use a Secrets Manager ARN instead (AWS access comes from the AWS credential chain)';

/** Keys that hold references to secrets (ARNs, parameter names) or containers of such references. */
const REFERENCE_KEYS = new Set([
  'credentialsParameter',
  'credentialsSecretArn',
  'kmsKeyArn',
  'secrets',
  'secretOptions',
  'repositoryCredentials',
  'credentialSpecs',
  'valueFrom',
  'authorizationConfig',
]);
/** Matched against the key's words run together (`DB_PASSWORD` → `dbpassword`). */
const CREDENTIAL_FRAGMENTS = [
  'password',
  'passwd',
  'passphrase',
  'secret',
  'apikey',
  'privatekey',
  'accesskey',
  'signingkey',
  'encryptionkey',
  'authtoken',
  'accesstoken',
  'refreshtoken',
  'sessiontoken',
  'bearertoken',
];
/** Matched against whole words only (`token` but not `tokenizer`). */
const CREDENTIAL_WORDS = new Set(['pass', 'pw', 'token', 'tokens', 'credential', 'credentials', 'authorization', 'bearer', 'cookie']);

function keyWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '')
    .map((word) => word.toLowerCase());
}

/** True when a key's NAME looks like it holds a credential (its value decides in the end; see above). */
export function looksLikeCredentialName(key: string): boolean {
  if (REFERENCE_KEYS.has(key)) return false;
  const words = keyWords(key);
  const last = words[words.length - 1];
  if (last === 'arn' || last === 'arns') return false;
  const joined = words.join('');
  return CREDENTIAL_FRAGMENTS.some((fragment) => joined.includes(fragment)) || words.some((word) => CREDENTIAL_WORDS.has(word));
}

const ARN_VALUE = /^arn:aws[a-z-]*:[a-z0-9-]+:/;
const LONE_PLACEHOLDER = /^\$\{[^{}]+\}$/;

/** A value that cannot be a secret even under a credential-like name. */
function isHarmlessValue(value: unknown): boolean {
  if (value === undefined || value === null || typeof value === 'boolean') return true;
  return typeof value === 'string' && (value.trim() === '' || ARN_VALUE.test(value) || LONE_PLACEHOLDER.test(value));
}

interface ValuePattern {
  kind: string;
  pattern: RegExp;
}

const ACCESS_KEY_ID = /(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])/;
const VALUE_PATTERNS: readonly ValuePattern[] = [
  {kind: 'an AWS access key id', pattern: new RegExp(ACCESS_KEY_ID.source, 'g')},
  {kind: 'a private key', pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/g},
  {kind: 'a Docker Hub access token', pattern: /\bdckr_pat_[A-Za-z0-9_-]{20,}/g},
  {kind: 'a GitHub token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})/g},
];
const SECRET_ACCESS_KEY: ValuePattern = {
  kind: 'an AWS secret access key',
  pattern: /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g,
};
/** A 40-character token that is not a hex digest (a git commit id used as a tag) and mixes character kinds. */
const secretKeyLike = (token: string): boolean => !/^[0-9a-f]{40}$/i.test(token) && /[A-Z]/.test(token) && /[a-z]/.test(token);

const preview = (match: string): string => `${match.slice(0, 4)}…`;

function containsAccessKeyId(value: unknown, depth = 0): boolean {
  if (depth > 300) return false;
  if (typeof value === 'string') return ACCESS_KEY_ID.test(value);
  if (Array.isArray(value)) return value.some((item) => containsAccessKeyId(item, depth + 1));
  if (isRecord(value)) return Object.keys(value).some((key) => ACCESS_KEY_ID.test(key) || containsAccessKeyId(value[key], depth + 1));
  return false;
}

// ---------------------------------------------------------------------------------------------------
// The checker: collects issues; credential paths suppress every other issue at or below them.

class Checker {
  readonly issues: Issue[] = [];
  private readonly credentialPaths = new Set<string>();
  secretKeysToo = false;

  constructor(readonly source: IssueSource) {}

  add(code: string, path: string, message: string, extra: {fix?: string; line?: number; column?: number} = {}): void {
    this.issues.push({code, severity: 'error', source: this.source, path, message, ...extra});
  }

  credential(code: string, path: string, message: string, extra: {line?: number; column?: number} = {}): void {
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

// ---------------------------------------------------------------------------------------------------
// Credential scan over a raw value tree (before and independently of the structural check)

function scanValue(checker: Checker, text: string, path: string, label: string): void {
  const asText = /^\s*[[{]/.test(text) && text.length > 2;
  const position = asText ? positionFinder(text) : undefined;
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
  if (asText) scanJsonTextKeys(checker, text, path, label);
}

/** Keys and name/value pairs inside JSON text (container and service specifications, with placeholders). */
function scanJsonTextKeys(checker: Checker, text: string, path: string, label: string): void {
  const parsed = parseJsonText(text, checker.source);
  const report = (name: string, innerPath: string, offsetHint?: number): void => {
    const at = offsetHint === undefined ? parsed.positions.get(innerPath) : positionFinder(text)(offsetHint);
    checker.credential(
      SCHEMA_ISSUE.credentialKey,
      path,
      `${label}: "${name}"${innerPath === '' ? '' : ` at ${innerPath}`} looks like a credential; ${NEVER_STORED}`,
      at === undefined ? {line: 1, column: 1} : {line: at.line, column: at.column},
    );
  };
  if (parsed.value !== undefined) {
    walkKeys(parsed.value, '', report, 0);
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
    if (looksLikeCredentialName(match[1] ?? '') && !isHarmlessValue(match[2])) report(match[1] ?? '', '', match.index);
  }
}

/** Calls `report` for every credential-like key or `{name|key, value}` pair in a JSON value tree. */
function walkKeys(value: unknown, path: string, report: (name: string, path: string) => void, depth: number): void {
  if (depth > 300) return;
  if (Array.isArray(value)) {
    value.forEach((item, index) => walkKeys(item, joinPath(path, index), report, depth + 1));
    return;
  }
  if (!isRecord(value)) return;
  const pairName = typeof own(value, 'name') === 'string' ? own(value, 'name') : own(value, 'key');
  if (typeof pairName === 'string' && Object.hasOwn(value, 'value') && looksLikeCredentialName(pairName) && !isHarmlessValue(value.value)) {
    report(pairName, path);
    return;
  }
  for (const key of Object.keys(value)) {
    const child = value[key];
    if (looksLikeCredentialName(key) && !isHarmlessValue(child)) report(key, joinPath(path, key));
    else walkKeys(child, joinPath(path, key), report, depth + 1);
  }
}

/** Reports every credential in a raw document: keys, pairs, values, JSON text. */
function scanCredentials(checker: Checker, value: unknown, path: string, label: string, depth = 0): void {
  if (depth > 300) return;
  if (typeof value === 'string') {
    scanValue(checker, value, path, label);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => scanCredentials(checker, item, joinPath(path, index), `${label}[${index}]`, depth + 1));
    return;
  }
  if (!isRecord(value)) return;
  const pairName = typeof own(value, 'name') === 'string' ? own(value, 'name') : own(value, 'key');
  if (typeof pairName === 'string' && Object.hasOwn(value, 'value') && looksLikeCredentialName(pairName) && !isHarmlessValue(value.value)) {
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
    scanCredentials(checker, child, childPath, key, depth + 1);
  }
}

function scanDocumentCredentials(checker: Checker, value: unknown, path: string): void {
  checker.secretKeysToo = containsAccessKeyId(value);
  scanCredentials(checker, value, path, path === '' ? 'the document' : path);
}

// ---------------------------------------------------------------------------------------------------
// Structural checks. Each returns a value (a stand-in when invalid: the result is discarded when the
// checker has errors) and reports located issues.

function checkObject(checker: Checker, value: unknown, path: string, label: string, allowed: readonly string[]): Raw | undefined {
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
    checker.add(
      SCHEMA_ISSUE.unknownKey,
      keyPath,
      `unknown field "${key}" in ${label}${suggestion === undefined ? '' : ` (did you mean "${suggestion}"?)`}`,
      {fix: suggestion === undefined ? `remove "${key}"; ${label} has ${quoteList(allowed)}` : `rename "${key}" to "${suggestion}"`},
    );
  }
  return value;
}

/** Reports a missing required object field; false when it is missing. */
function requirePresent(checker: Checker, object: Raw | undefined, key: string, path: string): boolean {
  if (object === undefined) return false;
  if (own(object, key) !== undefined) return true;
  const fieldPath = joinPath(path, key);
  if (!checker.isCredentialPath(fieldPath)) checker.add(SCHEMA_ISSUE.required, fieldPath, `${key} is missing`);
  return false;
}

interface StringRule {
  optional?: boolean;
  /** Describes the expected format in messages, e.g. `a region such as us-east-1`. */
  format?: string;
  pattern?: RegExp;
  allowEmpty?: boolean;
  max?: number;
  check?: (value: string) => boolean;
}

function checkString(checker: Checker, object: Raw | undefined, key: string, path: string, rule: StringRule = {}): string | undefined {
  const fieldPath = joinPath(path, key);
  if (object === undefined || checker.isCredentialPath(fieldPath)) return rule.optional ? undefined : '';
  const value = own(object, key);
  if (value === undefined) {
    if (!rule.optional) checker.add(SCHEMA_ISSUE.required, fieldPath, `${key} is missing`);
    return rule.optional ? undefined : '';
  }
  if (typeof value !== 'string') {
    checker.add(SCHEMA_ISSUE.type, fieldPath, `${key} must be a string; got ${describe(value)}`, typeof value === 'number' ? {fix: `write it in quotes: "${value}"`} : {});
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

function checkEnum<T extends string>(checker: Checker, object: Raw | undefined, key: string, path: string, values: readonly T[]): T {
  const fieldPath = joinPath(path, key);
  const value = object === undefined ? undefined : own(object, key);
  if (object === undefined || checker.isCredentialPath(fieldPath)) {
    // The object is not one (reported), or this is reported as a credential.
  } else if (value === undefined) {
    checker.add(SCHEMA_ISSUE.required, fieldPath, `${key} is missing; it is one of ${quoteList(values)}`);
  } else if (!(values as readonly unknown[]).includes(value)) {
    const suggestion = typeof value === 'string' ? values.find((candidate) => candidate.toLowerCase() === value.toLowerCase()) : undefined;
    checker.add(SCHEMA_ISSUE.value, fieldPath, `${key} must be one of ${quoteList(values)}; got ${describe(value)}`, suggestion === undefined ? {} : {fix: `write "${suggestion}"`});
  }
  return (values as readonly unknown[]).includes(value) ? (value as T) : (values[0] as T);
}

function checkBoolean(checker: Checker, object: Raw | undefined, key: string, path: string, optional = false): boolean | undefined {
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

function checkInteger(checker: Checker, object: Raw | undefined, key: string, path: string, range: {min: number; max: number; optional?: boolean}): number | undefined {
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

function checkArray(checker: Checker, object: Raw | undefined, key: string, path: string): unknown[] {
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

function checkStringMap(checker: Checker, object: Raw | undefined, key: string, path: string): Record<string, string> {
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
      checker.add(SCHEMA_ISSUE.type, entryPath, `${name} must be a string; got ${describe(entry)}`, typeof entry === 'number' || typeof entry === 'boolean' ? {fix: `write it in quotes: "${entry}"`} : {});
      continue;
    }
    Object.defineProperty(result, name, {value: entry, enumerable: true, writable: true, configurable: true});
  }
  return result;
}

const ARTIFACT_KEYS = ['registry', 'host', 'image', 'tag', 'username'] as const;
function checkArtifact(checker: Checker, value: unknown, path: string): ArtifactSource {
  const object = checkObject(checker, value, path, 'artifact', ARTIFACT_KEYS);
  const registry = checkEnum(checker, object, 'registry', path, REGISTRY_KINDS);
  const host = checkString(checker, object, 'host', path, {allowEmpty: true, pattern: REGISTRY_HOST, max: 253, format: 'a registry host name, with a port when it has one (registry.hub.docker.com, localhost:5000)'}) ?? '';
  const image = checkString(checker, object, 'image', path, {pattern: IMAGE_PATH, max: 255, format: 'an image path in lower case, such as library/nginx'}) ?? '';
  const tag = checkString(checker, object, 'tag', path, {
    optional: true,
    check: (text) => IMAGE_TAG.test(text) || IMAGE_DIGEST.test(text),
    format: 'an image tag (letters, digits, _ . -, up to 128) or a digest such as sha256:…',
  });
  const username = checkString(checker, object, 'username', path, {optional: true, max: 255, format: 'a user name of at most 255 characters'});
  return {registry, host, image, ...(tag === undefined ? {} : {tag}), ...(username === undefined ? {} : {username})};
}

const PORT_KEYS = ['containerPort', 'hostPort', 'protocol'] as const;
function checkPortMapping(checker: Checker, value: unknown, path: string): PortMapping {
  const object = checkObject(checker, value, path, 'a port mapping', PORT_KEYS);
  const containerPort = checkInteger(checker, object, 'containerPort', path, {min: 1, max: 65535}) ?? 0;
  const hostPort = checkInteger(checker, object, 'hostPort', path, {min: 0, max: 65535, optional: true});
  const protocol = checkEnum(checker, object, 'protocol', path, ['tcp', 'udp'] as const);
  return {containerPort, ...(hostPort === undefined ? {} : {hostPort}), protocol};
}

function checkNameValue(checker: Checker, value: unknown, path: string): NameValue {
  const object = checkObject(checker, value, path, 'an environment variable', ['name', 'value']);
  const name = checkString(checker, object, 'name', path, {pattern: /^[^=\0]+$/, max: 255, format: 'a variable name without "="'}) ?? '';
  const text = checkString(checker, object, 'value', path, {allowEmpty: true}) ?? '';
  return {name, value: text};
}

const FORM_KEYS = ['name', 'cpu', 'memory', 'memoryReservation', 'portMappings', 'environment', 'essential', 'networkMode'] as const;
function checkContainerForm(checker: Checker, value: unknown, path: string): ContainerForm {
  const object = checkObject(checker, value, path, 'form', FORM_KEYS);
  const name = checkString(checker, object, 'name', path, {pattern: CONTAINER_NAME, max: 255, format: 'a container name (letters, digits, _ and -) or ${CONTAINER_NAME}'}) ?? '';
  const cpu = checkInteger(checker, object, 'cpu', path, {min: 0, max: 196608, optional: true});
  const memory = checkInteger(checker, object, 'memory', path, {min: 1, max: 1048576, optional: true});
  const memoryReservation = checkInteger(checker, object, 'memoryReservation', path, {min: 1, max: 1048576, optional: true});
  const portMappings = checkArray(checker, object, 'portMappings', path).map((item, index) => checkPortMapping(checker, item, joinPath(joinPath(path, 'portMappings'), index)));
  const environment = checkArray(checker, object, 'environment', path).map((item, index) => checkNameValue(checker, item, joinPath(joinPath(path, 'environment'), index)));
  const essential = checkBoolean(checker, object, 'essential', path) ?? true;
  const networkMode = checkEnum(checker, object, 'networkMode', path, NETWORK_MODES);
  return {
    name,
    ...(cpu === undefined ? {} : {cpu}),
    ...(memory === undefined ? {} : {memory}),
    ...(memoryReservation === undefined ? {} : {memoryReservation}),
    portMappings,
    environment,
    essential,
    networkMode,
  };
}

function checkContainerSpec(checker: Checker, value: unknown, path: string): ContainerSpec {
  if (checker.isCredentialPath(path)) return {mode: 'json', json: ''};
  if (typeof value === 'string') {
    checker.add(SCHEMA_ISSUE.type, path, 'containerSpec must be an object {"mode": "json", "json": "…"} or {"mode": "form", "form": {…}}; got a string (the schema version 1 shape)', {
      fix: 'set schemaVersion to 1 to have it migrated, or wrap the text as {"mode": "json", "json": "…"}',
    });
    return {mode: 'json', json: ''};
  }
  const mode = isRecord(value) ? own(value, 'mode') : undefined;
  if (mode === 'form') {
    const object = checkObject(checker, value, path, 'containerSpec', ['mode', 'form']);
    const formPath = joinPath(path, 'form');
    return {mode, form: requirePresent(checker, object, 'form', path) ? checkContainerForm(checker, own(object ?? {}, 'form'), formPath) : STAND_IN_FORM};
  }
  if (mode === 'json') {
    const object = checkObject(checker, value, path, 'containerSpec', ['mode', 'json']);
    const json = checkString(checker, object, 'json', path) ?? '';
    if (json !== '' && json.trim() === '') checker.add(SCHEMA_ISSUE.value, joinPath(path, 'json'), 'json is blank: it is the task definition JSON text');
    return {mode, json};
  }
  const object = checkObject(checker, value, path, 'containerSpec', ['mode', 'form', 'json']);
  if (object !== undefined) checkEnum(checker, object, 'mode', path, ['form', 'json'] as const);
  return {mode: 'json', json: ''};
}

function checkRegistryAuth(checker: Checker, value: unknown, path: string): RegistryAuth {
  const object = checkObject(checker, value, path, 'registryAuth', ['credentialsSecretArn', 'kmsKeyArn']);
  const credentialsSecretArn = checkString(checker, object, 'credentialsSecretArn', path, {pattern: SECRET_ARN, format: 'a Secrets Manager secret ARN (arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME)'}) ?? '';
  const kmsKeyArn = checkString(checker, object, 'kmsKeyArn', path, {optional: true, pattern: KMS_KEY_ARN, format: 'a KMS key ARN (arn:aws:kms:REGION:ACCOUNT:key/ID)'});
  return {credentialsSecretArn, ...(kmsKeyArn === undefined ? {} : {kmsKeyArn})};
}

/** Stand-ins for missing parts (the result is discarded: a missing part is an error). */
const STAND_IN_ARTIFACT: ArtifactSource = {registry: 'dockerhub', host: '', image: ''};
const STAND_IN_FORM: ContainerForm = {name: '', portMappings: [], environment: [], essential: true, networkMode: 'bridge'};
const STAND_IN_SPEC: ContainerSpec = {mode: 'json', json: ''};
const STAND_IN_SERVICE: Service = {name: '', artifact: STAND_IN_ARTIFACT, launchType: 'EC2', containerSpec: STAND_IN_SPEC, serviceSpec: '', variables: {}};

const SERVICE_KEYS = ['name', 'artifact', 'launchType', 'containerSpec', 'serviceSpec', 'variables', 'registryAuth'] as const;
function checkService(checker: Checker, value: unknown, path: string): Service {
  const object = checkObject(checker, value, path, 'service', SERVICE_KEYS);
  const name = checkString(checker, object, 'name', path, {pattern: SERVICE_NAME, format: 'an ECS service name (letters, digits, _ and -, up to 255)'}) ?? '';
  const artifactPath = joinPath(path, 'artifact');
  const artifact = requirePresent(checker, object, 'artifact', path) ? checkArtifact(checker, own(object ?? {}, 'artifact'), artifactPath) : STAND_IN_ARTIFACT;
  const launchType = checkEnum(checker, object, 'launchType', path, LAUNCH_TYPES);
  const specPath = joinPath(path, 'containerSpec');
  const containerSpec = requirePresent(checker, object, 'containerSpec', path) ? checkContainerSpec(checker, own(object ?? {}, 'containerSpec'), specPath) : STAND_IN_SPEC;
  const serviceSpec = checkString(checker, object, 'serviceSpec', path) ?? '';
  if (serviceSpec !== '' && serviceSpec.trim() === '') checker.add(SCHEMA_ISSUE.value, joinPath(path, 'serviceSpec'), 'serviceSpec is blank: it is the CreateService JSON text');
  const variables = checkStringMap(checker, object, 'variables', path);
  const registryAuth = object === undefined || own(object, 'registryAuth') === undefined ? undefined : checkRegistryAuth(checker, own(object, 'registryAuth'), joinPath(path, 'registryAuth'));
  return {name, artifact, launchType, containerSpec, serviceSpec, variables, ...(registryAuth === undefined ? {} : {registryAuth})};
}

function checkStringList(checker: Checker, object: Raw | undefined, key: string, path: string, pattern: RegExp, format: string): string[] {
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

function checkNetwork(checker: Checker, value: unknown, path: string): AwsVpcNetwork {
  const object = checkObject(checker, value, path, 'network', ['subnets', 'securityGroups', 'assignPublicIp']);
  const subnets = checkStringList(checker, object, 'subnets', path, SUBNET_ID, 'a subnet id (subnet-…)');
  if (object !== undefined && Array.isArray(own(object, 'subnets')) && subnets.length === 0) checker.add(SCHEMA_ISSUE.value, joinPath(path, 'subnets'), 'subnets is empty: awsvpc networking needs at least one subnet');
  const securityGroups = checkStringList(checker, object, 'securityGroups', path, SECURITY_GROUP_ID, 'a security group id (sg-…)');
  const assignPublicIp = checkBoolean(checker, object, 'assignPublicIp', path) ?? false;
  return {subnets, securityGroups, assignPublicIp};
}

const ENVIRONMENT_KEYS = ['name', 'region', 'cluster', 'launchType', 'network', 'executionRoleArn', 'overrides'] as const;
function checkEnvironment(checker: Checker, value: unknown, path: string): Environment {
  const object = checkObject(checker, value, path, 'an environment', ENVIRONMENT_KEYS);
  const name = checkString(checker, object, 'name', path, {pattern: ENVIRONMENT_NAME, format: 'a name of 1 to 64 characters without leading or trailing spaces'}) ?? '';
  const region = checkString(checker, object, 'region', path, {pattern: REGION, format: 'an AWS region such as us-east-1'}) ?? '';
  const cluster = checkString(checker, object, 'cluster', path, {pattern: CLUSTER, format: 'a cluster name (letters, digits, _ and -) or a cluster ARN'}) ?? '';
  const launchType = checkEnum(checker, object, 'launchType', path, LAUNCH_TYPES);
  const network = object === undefined || own(object, 'network') === undefined ? undefined : checkNetwork(checker, own(object, 'network'), joinPath(path, 'network'));
  const executionRoleArn = checkString(checker, object, 'executionRoleArn', path, {optional: true, pattern: ROLE_ARN, format: 'an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME)'});
  const overrides = checkStringMap(checker, object, 'overrides', path);
  return {
    name,
    region,
    cluster,
    launchType,
    ...(network === undefined ? {} : {network}),
    ...(executionRoleArn === undefined ? {} : {executionRoleArn}),
    overrides,
  };
}

const RUN_KEYS = ['environment', 'tag', 'digest', 'taskDefinitionArn', 'revision', 'startedAt', 'finishedAt', 'outcome', 'simulated'] as const;
const TIMESTAMP_RULE: StringRule = {check: isIsoTimestamp, format: 'an ISO-8601 date-time such as 2025-03-01T10:00:00.000Z'};
function checkRun(checker: Checker, value: unknown, path: string): RunRecord {
  const object = checkObject(checker, value, path, 'a run', RUN_KEYS);
  const environment = checkString(checker, object, 'environment', path, {pattern: ENVIRONMENT_NAME, format: 'an environment name'}) ?? '';
  const tag = checkString(checker, object, 'tag', path, {check: (text) => IMAGE_TAG.test(text) || IMAGE_DIGEST.test(text), format: 'an image tag or digest'}) ?? '';
  const digest = checkString(checker, object, 'digest', path, {optional: true, pattern: IMAGE_DIGEST, format: 'an image digest such as sha256:…'});
  const taskDefinitionArn = checkString(checker, object, 'taskDefinitionArn', path, {optional: true, pattern: TASK_DEFINITION_ARN, format: 'a task definition ARN (arn:aws:ecs:REGION:ACCOUNT:task-definition/FAMILY:REVISION)'});
  const revision = checkInteger(checker, object, 'revision', path, {min: 1, max: 1_000_000_000, optional: true});
  const startedAt = checkString(checker, object, 'startedAt', path, TIMESTAMP_RULE) ?? '';
  const finishedAt = checkString(checker, object, 'finishedAt', path, {...TIMESTAMP_RULE, optional: true});
  const outcome = checkEnum(checker, object, 'outcome', path, RUN_OUTCOMES);
  const simulated = checkBoolean(checker, object, 'simulated', path, true);
  return {
    environment,
    tag,
    ...(digest === undefined ? {} : {digest}),
    ...(taskDefinitionArn === undefined ? {} : {taskDefinitionArn}),
    ...(revision === undefined ? {} : {revision}),
    startedAt,
    ...(finishedAt === undefined ? {} : {finishedAt}),
    outcome,
    ...(simulated === undefined ? {} : {simulated}),
  };
}

/** Issues for a profile name (empty when valid). */
export function profileNameIssues(name: unknown, path = 'name', source: IssueSource = 'profile'): Issue[] {
  if (typeof name === 'string' && PROFILE_NAME_PATTERN.test(name)) return [];
  return [
    {
      code: SCHEMA_ISSUE.profileName,
      severity: 'error',
      source,
      path,
      message: `${typeof name === 'string' ? `"${name}"` : describe(name)} is not a valid profile name: use 1 to 64 letters, digits, "-" or "_", starting with a letter or digit`,
    },
  ];
}

const PROFILE_KEYS = ['name', 'application', 'service', 'environments', 'runs', 'createdAt', 'updatedAt'] as const;
function checkProfile(checker: Checker, value: unknown, path: string): Profile {
  const object = checkObject(checker, value, path, 'profile', PROFILE_KEYS);
  const namePath = joinPath(path, 'name');
  const rawName = object === undefined ? undefined : own(object, 'name');
  if (requirePresent(checker, object, 'name', path) && !checker.isCredentialPath(namePath)) checker.issues.push(...profileNameIssues(rawName, namePath, checker.source));
  const name = typeof rawName === 'string' ? rawName : '';
  const application = checkString(checker, object, 'application', path, {pattern: DISPLAY_NAME, format: 'a name of 1 to 255 characters without leading or trailing spaces'}) ?? '';
  const servicePath = joinPath(path, 'service');
  const service = requirePresent(checker, object, 'service', path) ? checkService(checker, own(object ?? {}, 'service'), servicePath) : STAND_IN_SERVICE;
  const environmentsPath = joinPath(path, 'environments');
  const environments = checkArray(checker, object, 'environments', path).map((item, index) => checkEnvironment(checker, item, joinPath(environmentsPath, index)));
  const seen = new Map<string, number>();
  environments.forEach((environment, index) => {
    if (environment.name === '') return;
    const first = seen.get(environment.name);
    if (first === undefined) seen.set(environment.name, index);
    else checker.add(SCHEMA_ISSUE.duplicate, joinPath(joinPath(environmentsPath, index), 'name'), `the environment name "${environment.name}" is already used by environments[${first}]`);
  });
  const runsPath = joinPath(path, 'runs');
  const runs = checkArray(checker, object, 'runs', path).map((item, index) => checkRun(checker, item, joinPath(runsPath, index)));
  const createdAt = checkString(checker, object, 'createdAt', path, TIMESTAMP_RULE) ?? '';
  const updatedAt = checkString(checker, object, 'updatedAt', path, TIMESTAMP_RULE) ?? '';
  return {name, application, service, environments, runs, createdAt, updatedAt};
}

// ---------------------------------------------------------------------------------------------------
// Public validation

/**
 * Validates a profile (any value, e.g. parsed JSON). `path` prefixes issue paths (`profiles.web`),
 * `source` sets the issues' source.
 */
export function validateProfile(value: unknown, options: {path?: string; source?: IssueSource} = {}): ProfileValidation {
  const checker = new Checker(options.source ?? 'profile');
  const path = options.path ?? '';
  scanDocumentCredentials(checker, value, path);
  const profile = checkProfile(checker, value, path);
  return checker.hasErrors ? {issues: checker.issues} : {profile, issues: checker.issues};
}

export const emptyStoreDocument = (): StoreDocument => ({schemaVersion: CURRENT_SCHEMA_VERSION, profiles: {}});

/** A store document holding `profiles`, keyed and sorted by name. */
export function storeDocumentOf(profiles: Iterable<Profile>): StoreDocument {
  const sorted = [...profiles].sort((a, b) => compareProfileNames(a.name, b.name));
  return {schemaVersion: CURRENT_SCHEMA_VERSION, profiles: Object.fromEntries(sorted.map((profile) => [profile.name, profile]))};
}

function newerVersionIssue(source: IssueSource, path: string, version: number, what: string): Issue {
  return {
    code: SCHEMA_ISSUE.newerVersion,
    severity: 'error',
    source,
    path,
    message: `${what} has schema version ${version}, newer than this ecs-wizard understands (${CURRENT_SCHEMA_VERSION}); upgrade ecs-wizard to read it`,
    fix: 'upgrade ecs-wizard (the file is left as it is)',
  };
}

/** Validates a store document at the CURRENT schema version (see `migrateStoreDocument` for older ones). */
export function validateStoreDocument(value: unknown): StoreDocumentValidation {
  const checker = new Checker('profile');
  const version = isRecord(value) ? own(value, 'schemaVersion') : undefined;
  if (typeof version === 'number' && Number.isInteger(version) && version > CURRENT_SCHEMA_VERSION) {
    // Never judged by this version's rules: only "upgrade".
    return {issues: [newerVersionIssue(checker.source, 'schemaVersion', version, 'the profile store')]};
  }
  scanDocumentCredentials(checker, value, '');
  const object = checkObject(checker, value, '', 'the profile store', ['schemaVersion', 'profiles']);
  if (object === undefined) return {issues: checker.issues};
  if (version === undefined) {
    checker.add(SCHEMA_ISSUE.required, 'schemaVersion', 'schemaVersion is missing');
  } else if (version !== CURRENT_SCHEMA_VERSION) {
    checker.add(SCHEMA_ISSUE.version, 'schemaVersion', `schemaVersion must be ${CURRENT_SCHEMA_VERSION}; got ${describe(version)}`);
  }
  const rawProfiles = own(object, 'profiles');
  const profiles: Profile[] = [];
  if (rawProfiles === undefined) {
    checker.add(SCHEMA_ISSUE.required, 'profiles', 'profiles is missing');
  } else if (!isRecord(rawProfiles)) {
    checker.add(SCHEMA_ISSUE.type, 'profiles', `profiles must be an object of name → profile; got ${describe(rawProfiles)}`);
  } else {
    for (const name of Object.keys(rawProfiles)) {
      const path = joinPath('profiles', name);
      if (checker.isCredentialPath(path)) continue;
      if (!PROFILE_NAME_PATTERN.test(name)) checker.issues.push(...profileNameIssues(name, path, checker.source));
      const profile = checkProfile(checker, rawProfiles[name], path);
      const rawName = isRecord(rawProfiles[name]) ? own(rawProfiles[name], 'name') : undefined;
      if (typeof rawName === 'string' && rawName !== name) {
        checker.add(SCHEMA_ISSUE.nameMismatch, joinPath(path, 'name'), `name is "${rawName}" but the profile is stored under "${name}"`, {fix: 'make the two names equal'});
      }
      profiles.push(profile);
    }
  }
  return checker.hasErrors ? {issues: checker.issues} : {document: storeDocumentOf(profiles), issues: checker.issues};
}

// ---------------------------------------------------------------------------------------------------
// Migrations

/** The launch type a schema-1 profile implied: FARGATE when the task definition requires it, else EC2. */
export function launchTypeOfContainerJson(text: string): LaunchType {
  const parsed = parseJsonText(text, 'containerSpec');
  if (parsed.value !== undefined) {
    const root = parsed.value;
    const definition = isRecord(root) && isRecord(own(root, 'taskDefinition')) ? (own(root, 'taskDefinition') as Raw) : root;
    const compatibilities = isRecord(definition) ? own(definition, 'requiresCompatibilities') : undefined;
    return Array.isArray(compatibilities) && compatibilities.includes('FARGATE') ? 'FARGATE' : 'EC2';
  }
  return /"requiresCompatibilities"\s*:\s*\[[^\]]*"FARGATE"/.test(text) ? 'FARGATE' : 'EC2';
}

/**
 * Schema 1 → 2 for one profile: `service.containerSpec` text → `{mode: 'json', json}`, `service.launchType`
 * derived from the text, environments' `variables` → `overrides`. Anything it does not recognise is left
 * for validation to report.
 */
export function migrateProfileV1(value: unknown): unknown {
  if (!isRecord(value)) return value;
  const profile: Raw = {...value};
  const service = own(value, 'service');
  if (isRecord(service)) {
    const migrated: Raw = {...service};
    const spec = own(service, 'containerSpec');
    if (typeof spec === 'string') {
      migrated.containerSpec = {mode: 'json', json: spec};
      if (!Object.hasOwn(service, 'launchType')) migrated.launchType = launchTypeOfContainerJson(spec);
    }
    profile.service = migrated;
  }
  const environments = own(value, 'environments');
  if (Array.isArray(environments)) {
    profile.environments = environments.map((environment: unknown) => {
      if (!isRecord(environment) || !Object.hasOwn(environment, 'variables') || Object.hasOwn(environment, 'overrides')) return environment;
      const {variables, ...rest} = environment;
      return {...rest, overrides: variables};
    });
  }
  return profile;
}

const STORE_MIGRATIONS: Readonly<Record<number, (document: Raw) => Raw>> = {
  1: (document) => {
    const profiles = own(document, 'profiles');
    return {
      ...document,
      schemaVersion: 2,
      profiles: isRecord(profiles) ? Object.fromEntries(Object.keys(profiles).map((name) => [name, migrateProfileV1(profiles[name])])) : profiles,
    };
  },
};

/**
 * Reads a store document at any known schema version: migrates older ones in order (in memory) and
 * validates the result. A newer version is refused (`schema-version-newer`), never downgraded. An
 * empty object (`{}`) is an empty store.
 */
export function migrateStoreDocument(value: unknown): StoreDocumentMigration {
  if (isRecord(value) && Object.keys(value).length === 0) return {document: emptyStoreDocument(), fromVersion: CURRENT_SCHEMA_VERSION, issues: []};
  if (!isRecord(value) || !Object.hasOwn(value, 'schemaVersion')) return validateStoreDocument(value);
  const version = own(value, 'schemaVersion');
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return {
      issues: [
        {
          code: SCHEMA_ISSUE.version,
          severity: 'error',
          source: 'profile',
          path: 'schemaVersion',
          message: `schemaVersion must be a whole number from 1 to ${CURRENT_SCHEMA_VERSION}; got ${describe(version)}`,
        },
      ],
    };
  }
  if (version > CURRENT_SCHEMA_VERSION) return {fromVersion: version, issues: [newerVersionIssue('profile', 'schemaVersion', version, 'the profile store')]};
  let document: Raw = value;
  for (let step = version; step < CURRENT_SCHEMA_VERSION; step += 1) {
    const migrate = STORE_MIGRATIONS[step];
    if (migrate !== undefined) document = migrate(document);
  }
  return {...validateStoreDocument(document), fromVersion: version};
}

// ---------------------------------------------------------------------------------------------------
// JSON text of files (strict JSON: no placeholders)

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

// ---------------------------------------------------------------------------------------------------
// Export files

/**
 * The text of an export file: `{"ecsWizardProfile": 2, "profile": {...}}`, 2-space indented, with a
 * final newline. Run history is local and left out unless `includeRuns`.
 */
export function exportProfile(profile: Profile, options: {includeRuns?: boolean} = {}): string {
  const {runs, ...shared} = profile;
  const body = options.includeRuns === true ? {...shared, runs} : shared;
  return `${JSON.stringify({[EXPORT_FORMAT_KEY]: CURRENT_SCHEMA_VERSION, profile: body}, undefined, 2)}\n`;
}

/**
 * Parses and validates an export file's text. JSON syntax errors are located by line/column; an older
 * format version is migrated; a newer one is refused; a missing `runs` means none. Issue paths are
 * paths in the file (`profile.service.artifact.image`); the source is `import`.
 */
export function parseProfileExport(text: string): ProfileImport {
  const source: IssueSource = 'import';
  const parsed = parseJsonFile(text, source);
  if (parsed.issue !== undefined) return {issues: [parsed.issue]};
  const value = parsed.value;
  const shape = `{"${EXPORT_FORMAT_KEY}": ${CURRENT_SCHEMA_VERSION}, "profile": {...}}`;
  const fail = (code: string, path: string, message: string, fix?: string): ProfileImport => ({
    issues: [{code, severity: 'error', source, path, message, ...(fix === undefined ? {} : {fix})}],
  });
  if (!isRecord(value)) return fail(SCHEMA_ISSUE.type, '', `an exported profile is a JSON object ${shape}; got ${describe(value)}`);
  const version = own(value, EXPORT_FORMAT_KEY);
  if (version === undefined) {
    return fail(SCHEMA_ISSUE.required, EXPORT_FORMAT_KEY, `this is not an ecs-wizard profile export: "${EXPORT_FORMAT_KEY}" is missing`, `an export file looks like ${shape} (write one with \`ecs-wizard profiles export NAME FILE\`)`);
  }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail(SCHEMA_ISSUE.version, EXPORT_FORMAT_KEY, `${EXPORT_FORMAT_KEY} must be a whole number from 1 to ${CURRENT_SCHEMA_VERSION}; got ${describe(version)}`);
  }
  if (version > CURRENT_SCHEMA_VERSION) return {fromVersion: version, issues: [newerVersionIssue(source, EXPORT_FORMAT_KEY, version, 'this profile export')]};
  let profile = own(value, 'profile');
  if (version < 2) profile = migrateProfileV1(profile);
  if (isRecord(profile) && !Object.hasOwn(profile, 'runs')) profile = {...profile, runs: []};
  const document: Raw = {...value, profile};
  const checker = new Checker(source);
  scanDocumentCredentials(checker, document, '');
  checkObject(checker, document, '', 'the export file', [EXPORT_FORMAT_KEY, 'profile']);
  if (profile === undefined) {
    checker.add(SCHEMA_ISSUE.required, 'profile', 'profile is missing');
    return {fromVersion: version, issues: checker.issues};
  }
  const checked = checkProfile(checker, profile, 'profile');
  return checker.hasErrors ? {fromVersion: version, issues: checker.issues} : {profile: checked, fromVersion: version, issues: checker.issues};
}
