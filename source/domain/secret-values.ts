/**
 * Secrets recognised by their value, whatever the variable holding them is called (`DATABASE_URL`, `CONFIG`, `X`).
 * Name-based masking (diff.ts `isSensitiveName`) catches `DB_PASSWORD=…`; this catches `DATABASE_URL=postgres://
 * app:hunter2@db/app` and `STRIPE=sk_live_…`.
 *
 * The token formats follow the default rules of gitleaks (config/gitleaks.toml: aws-access-token, github-pat,
 * github-fine-grained-pat, gitlab-pat, slack tokens and webhooks, stripe-access-token, gcp-api-key, npm-access-token,
 * sendgrid-api-token, jwt, private-key), narrowed to whole values and their usual shapes; a URL's password and an
 * AWS secret access key (40 characters of base64 with mixed case and digits) are recognised by shape.
 *
 * A masked value keeps the part that says what it is (`sk_live_…`, `postgres://app:…@db/app`), so a person can
 * tell which secret it is and that it changed, never the secret itself. Pure.
 */

interface SecretRule {
  id: string;
  pattern: RegExp;
  /** What may be shown of a value this rule matched. */
  shown: (value: string, match: RegExpExecArray) => string;
}

const ELLIPSIS = '…';
const keepPrefix =
  (length: number) =>
  (value: string): string =>
    `${value.slice(0, length)}${ELLIPSIS}`;
const keepThrough =
  (separator: string) =>
  (value: string): string =>
    `${value.slice(0, value.indexOf(separator) + separator.length)}${ELLIPSIS}`;

const RULES: readonly SecretRule[] = [
  {id: 'aws-access-key-id', pattern: /\b(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}\b/, shown: keepPrefix(4)},
  {id: 'github-token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})/, shown: (value) => keepThrough('_')(value)},
  {id: 'gitlab-token', pattern: /\bglpat-[A-Za-z0-9_-]{20,}/, shown: keepThrough('-')},
  {id: 'slack-token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/, shown: keepThrough('-')},
  {
    id: 'slack-webhook',
    pattern: /hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9+/_-]{20,}/,
    shown: () => `https://hooks.slack.com/${ELLIPSIS}`,
  },
  {
    id: 'stripe-key',
    pattern: /\b(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{10,}/,
    shown: (value, match) => `${match[0].slice(0, match[0].indexOf('_', 3) + 1)}${ELLIPSIS}`,
  },
  {id: 'google-api-key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/, shown: keepPrefix(4)},
  {id: 'npm-token', pattern: /\bnpm_[A-Za-z0-9]{36}\b/, shown: keepPrefix(4)},
  {id: 'sendgrid-key', pattern: /\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}\b/, shown: keepPrefix(3)},
  {id: 'jwt', pattern: /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/, shown: () => `eyJ${ELLIPSIS} (a JWT)`},
  {id: 'private-key', pattern: /-----BEGIN[ A-Z0-9_-]*PRIVATE KEY(?: BLOCK)?-----/, shown: (_value, match) => `${match[0]}${ELLIPSIS}`},
];

/** `scheme://user:password@host…`: the password is a secret (a `${placeholder}` in its place is not). */
const URL_WITH_PASSWORD = /^([a-z][a-z0-9+.-]*:\/\/[^/\s:@]*:)([^/\s@]+)(@.*)$/i;

/** AWS secret access keys: 40 characters of base64, with upper case, lower case and digits. */
const AWS_SECRET_KEY = /^[A-Za-z0-9/+]{40}$/;

export interface SecretValue {
  /** Which kind of secret (a rule id: `stripe-key`, `url-password`, …). */
  kind: string;
  /** What may be shown instead of the value. */
  shown: string;
}

/** The secret `value` is, or undefined when it does not look like one. */
export function findSecretValue(value: string): SecretValue | undefined {
  const url = URL_WITH_PASSWORD.exec(value);
  if (url !== null && !url[2]!.startsWith('$')) return {kind: 'url-password', shown: `${url[1]}${ELLIPSIS}${url[3]}`};
  for (const rule of RULES) {
    const match = rule.pattern.exec(value);
    if (match !== null) return {kind: rule.id, shown: rule.shown(value, match)};
  }
  if (AWS_SECRET_KEY.test(value) && /[a-z]/.test(value) && /[A-Z]/.test(value) && /[0-9]/.test(value)) {
    return {kind: 'aws-secret-access-key', shown: `${value.slice(0, 2)}${ELLIPSIS}`};
  }
  return undefined;
}
