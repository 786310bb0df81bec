/**
 * What looks like a credential. Credentials are never stored in a profile; they are refused anywhere in the
 * document, including inside container environment variables and inside JSON text (container and service
 * specifications) — see credential-scan.ts:
 * - a key (or a `{name, value}` / `{key, value}` pair's name) that looks like a credential
 *   (`password`, `secret`, `token`, `apiKey`, `accessKeyId`, `privateKey`, …) unless its value cannot be a
 *   secret (`isHarmlessValue`: empty, a switch, a small number, an ARN, a lone placeholder, a secret's name or
 *   path, a host, a URL without a password); names that say where a secret is (`…_ARN`, `…_SECRET_NAME`,
 *   `…_FILE`, `…_PATH`) and the ECS fields that hold references, not secrets (`credentialsParameter`, `credentialsSecretArn`, `kmsKeyArn`, `secrets`,
 *   `secretOptions`, `repositoryCredentials`, `credentialSpecs`, `valueFrom`, `authorizationConfig`) are
 *   accepted;
 * - a value holding an AWS access key id (`AKIA`/`ASIA` + 16), a PEM private key, a Docker Hub or GitHub
 *   token, or — when the profile also holds an access key id — a 40-character secret-access-key-like token.
 * Messages never repeat the secret (at most its first four characters).
 */
import {findSecretValue} from '../secret-values.js';
import {isRecord} from './raw-values.js';

export const CREDENTIAL_FIX =
  'Keep secrets in AWS Secrets Manager and refer to them by ARN (a container "secrets" entry with "valueFrom", or registryAuth.credentialsSecretArn for a private registry); AWS access comes from the AWS credential chain (environment, ~/.aws profiles, SSO, instance or task roles).';
export const NEVER_STORED = 'credentials are never stored in a profile: use a Secrets Manager ARN instead (AWS access comes from the AWS credential chain)';

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

/**
 * A last word that says the variable holds WHERE a secret is, not the secret: `DB_PASSWORD_SECRET_NAME`,
 * `JWT_SECRET_FILE` (Docker's `_FILE` convention), `API_TOKEN_PATH`, `SECRET_PARAMETER`, `DB_PASSWORD_ARN`.
 */
const LOCATION_WORDS = new Set([
  'arn',
  'arns',
  'name',
  'names',
  'file',
  'files',
  'path',
  'paths',
  'parameter',
  'parameters',
  'param',
  'ref',
  'location',
  'dir',
]);

/** True when a key's NAME looks like it holds a credential (its value decides in the end; see above). */
export function looksLikeCredentialName(key: string): boolean {
  if (REFERENCE_KEYS.has(key)) return false;
  const words = keyWords(key);
  const last = words[words.length - 1];
  if (last !== undefined && LOCATION_WORDS.has(last)) return false;
  // `dbPasswordSecretId`: the id of a secret (but `accessKeyId` is a credential).
  if (last === 'id' && words[words.length - 2] === 'secret') return false;
  const joined = words.join('');
  return CREDENTIAL_FRAGMENTS.some((fragment) => joined.includes(fragment)) || words.some((word) => CREDENTIAL_WORDS.has(word));
}

const ARN_VALUE = /^arn:aws[a-z-]*:[a-z0-9-]+:/;
const LONE_PLACEHOLDER = /^\$\{[^{}]+\}$/;

/** A switch: `true`, `off`, `enabled`, `0`… */
const SWITCH_VALUE = /^(?:true|false|yes|no|on|off|enabled?|disabled?|0|1)$/i;
/** A small number (a port, a TTL, a count): up to five digits. A PIN-length or longer number may be a secret. */
const SMALL_NUMBER = /^[0-9]{1,5}$/;
/** Where a secret is kept: a secret name or a path in lower case (`prod/db`, `/run/secrets/db_password`). */
const SECRET_PATH = /^\/?[a-z0-9._+=@-]+(?:\/[a-z0-9._+=@-]+)+\/?$|^\/[a-z0-9._+=@-]+$/;
/** A host name with a dot, and a port when it has one (`db.internal`, `vault.example.com:8200`). */
const HOST_NAME = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*(?::[0-9]{1,5})?$/;
/** A URL without a password or a query (`https://vault.example.com/v1/secret`). */
const PLAIN_URL = /^[a-z][a-z0-9+.-]*:\/\/[a-z0-9.-]+(?::[0-9]{1,5})?(?:\/[^\s@?#]*)?$/i;

/**
 * A value that cannot be a secret even under a credential-like name: nothing, a switch, a small number, an ARN, a
 * lone placeholder, or where a secret is kept (a secret name or path, a host, a URL without a password). A value
 * that secret-values.ts recognises as a secret (a token, a URL with a password, an AWS secret key) never is.
 */
export function isHarmlessValue(value: unknown): boolean {
  if (value === undefined || value === null || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) < 100_000;
  if (typeof value !== 'string') return false;
  const text = value.trim();
  if (text === '' || ARN_VALUE.test(text) || LONE_PLACEHOLDER.test(text)) return true;
  if (findSecretValue(text) !== undefined) return false;
  return SWITCH_VALUE.test(text) || SMALL_NUMBER.test(text) || SECRET_PATH.test(text) || HOST_NAME.test(text) || PLAIN_URL.test(text);
}

export interface ValuePattern {
  kind: string;
  pattern: RegExp;
}

const ACCESS_KEY_ID = /(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])/;
export const VALUE_PATTERNS: readonly ValuePattern[] = [
  {kind: 'an AWS access key id', pattern: new RegExp(ACCESS_KEY_ID.source, 'g')},
  {kind: 'a private key', pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/g},
  {kind: 'a Docker Hub access token', pattern: /\bdckr_pat_[A-Za-z0-9_-]{20,}/g},
  {kind: 'a GitHub token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})/g},
];
/** What `value` is when it is a credential by its shape (refused in a profile whatever it is called), else undefined. */
export function credentialShape(value: string): string | undefined {
  for (const {kind, pattern} of VALUE_PATTERNS) {
    pattern.lastIndex = 0;
    const found = pattern.test(value);
    pattern.lastIndex = 0;
    if (found) return kind;
  }
  return undefined;
}

export const SECRET_ACCESS_KEY: ValuePattern = {
  kind: 'an AWS secret access key',
  pattern: /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g,
};
/** A 40-character token that is not a hex digest (a git commit id used as a tag) and mixes character kinds. */
export const secretKeyLike = (token: string): boolean => !/^[0-9a-f]{40}$/i.test(token) && /[A-Z]/.test(token) && /[a-z]/.test(token);

export const preview = (match: string): string => `${match.slice(0, 4)}…`;

export function containsAccessKeyId(value: unknown, depth = 0): boolean {
  if (depth > 300) return false;
  if (typeof value === 'string') return ACCESS_KEY_ID.test(value);
  if (Array.isArray(value)) return value.some((item) => containsAccessKeyId(item, depth + 1));
  if (isRecord(value)) return Object.keys(value).some((key) => ACCESS_KEY_ID.test(key) || containsAccessKeyId(value[key], depth + 1));
  return false;
}
