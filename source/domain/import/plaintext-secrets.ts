/**
 * Plaintext secrets in an imported container specification, and what moving them to AWS Secrets Manager makes of
 * the specification. Pure: the operation (operations/import-secrets.ts) creates the secret and asks the person.
 *
 * Suspected: a container environment variable whose name looks like a credential and whose value may be one (what
 * the profile's credential scan refuses, profile-schema/credentials.ts), or whose value is a secret by its shape
 * whatever it is called (secret-values.ts: a token, a URL with a password, a private key). A variable the profile
 * already declares plain text (`service.plaintextVariables`) is not suspected again.
 *
 * Moved: ONE secret per profile environment holding a JSON object with a key per variable, referred to as
 * `valueFrom: "<secret ARN>:<KEY>::"` — not one secret per variable:
 * - the task execution role reads every container's secrets, so separate secrets buy no narrower permission; one
 *   secret is one ARN in the role's policy, one thing to rotate, replicate or delete, and one monthly charge, not N;
 * - per environment, because the container specification is shared by the profile's environments and their values
 *   differ: the specification names the keys, and each environment names its own secret in the config variable
 *   `secretsArn` (an environment override). An environment added later has no such override, so it fails to render,
 *   naming the variable, until its own secret is given — it never reads another environment's secret;
 * - the cost: JSON keys need Fargate platform version 1.4.0 or ECS agent 1.37.0 on EC2 (both from 2020).
 */
import type {JsonObject, JsonValue} from '../json.js';
import {isJsonObject} from '../json.js';
import {getMember, joinPath, parseJsonText, setMember, stringifyJsonText} from '../json-text.js';
import {serviceVariable, unescapePlaceholders} from '../placeholders.js';
import {credentialShape, isHarmlessValue, looksLikeCredentialName} from '../profile-schema/credentials.js';
import {findSecretValue} from '../secret-values.js';

export interface PlaintextSecret {
  /** The variable's name. */
  name: string;
  /** The container it is set on. */
  container: string;
  /** The `{name, value}` entry in the container specification: `containerDefinitions[1].environment[0]`. */
  path: string;
  /** What may be shown instead of the value (never the value). */
  shown: string;
  /** Why it is suspected: `its name`, `its value looks like a URL with a password`. */
  reason: string;
  /** Set when it cannot stay plain text whatever is declared: what its value is (`an AWS access key id`). */
  mustMove?: string;
}

/** What a masked value reads like when only its name gave it away. */
export const MASKED = '(masked)';

const VALUE_KINDS: Readonly<Record<string, string>> = {
  'url-password': 'a URL with a password',
  'aws-access-key-id': 'an AWS access key id',
  'aws-secret-access-key': 'an AWS secret access key',
  'private-key': 'a private key',
  'github-token': 'a GitHub token',
  'gitlab-token': 'a GitLab token',
  'slack-token': 'a Slack token',
  'slack-webhook': 'a Slack webhook',
  'stripe-key': 'a Stripe key',
  'google-api-key': 'a Google API key',
  'npm-token': 'an npm token',
  'sendgrid-key': 'a SendGrid key',
  jwt: 'a JWT',
};

interface EnvironmentEntry {
  name: string;
  value: string;
  container: string;
  containerIndex: number;
  index: number;
  path: string;
}

function containersOf(spec: JsonValue | undefined): JsonValue[] {
  const containers = isJsonObject(spec) ? getMember(spec, 'containerDefinitions') : undefined;
  return Array.isArray(containers) ? containers : [];
}

/** Every `{name, value}` of every container's `environment`, with a string value. */
function environmentEntries(spec: JsonValue | undefined): EnvironmentEntry[] {
  const entries: EnvironmentEntry[] = [];
  containersOf(spec).forEach((container, containerIndex) => {
    if (!isJsonObject(container)) return;
    const environment = getMember(container, 'environment');
    const name = getMember(container, 'name');
    (Array.isArray(environment) ? environment : []).forEach((entry, index) => {
      if (!isJsonObject(entry)) return;
      const variable = getMember(entry, 'name');
      const value = getMember(entry, 'value');
      if (typeof variable !== 'string' || typeof value !== 'string') return;
      const path = joinPath(joinPath(joinPath('containerDefinitions', containerIndex), 'environment'), index);
      entries.push({
        name: variable,
        value,
        container: typeof name === 'string' ? name : `containerDefinitions[${containerIndex}]`,
        containerIndex,
        index,
        path,
      });
    });
  });
  return entries;
}

/** Why `entry` looks like a secret, or undefined. */
function suspicion(name: string, value: string): Omit<PlaintextSecret, 'name' | 'container' | 'path'> | undefined {
  const shape = credentialShape(value);
  const found = findSecretValue(value);
  const byName = looksLikeCredentialName(name) && !isHarmlessValue(value);
  if (shape === undefined && found === undefined && !byName) return undefined;
  const kind = found === undefined ? shape : (VALUE_KINDS[found.kind] ?? found.kind);
  return {
    shown: found?.shown ?? MASKED,
    reason: kind === undefined ? 'its name' : `its value looks like ${kind}`,
    ...(shape === undefined ? {} : {mustMove: shape}),
  };
}

/** The environment variables of a container specification (JSON text) that look like plaintext secrets. */
export function findPlaintextSecrets(containerSpecJson: string, declaredPlain: readonly string[] = []): PlaintextSecret[] {
  const declared = new Set(declaredPlain);
  const found: PlaintextSecret[] = [];
  for (const entry of environmentEntries(parseJsonText(containerSpecJson, 'containerSpec').value)) {
    const why = suspicion(entry.name, entry.value);
    // A declared name stays plain text, unless its value can never be (then it is asked about again).
    if (why === undefined || (declared.has(entry.name) && why.mustMove === undefined)) continue;
    found.push({name: entry.name, container: entry.container, path: entry.path, ...why});
  }
  return found;
}

/** One variable moved into the secret. */
export interface MovedVariable {
  name: string;
  container: string;
  /** Where it was: `containerDefinitions[1].environment[0]`. */
  path: string;
  /** Its key in the secret's JSON object. */
  key: string;
  /** The `secrets` entry's valueFrom, with the config variable: `${serviceVariable.secretsArn}:KEY::`. */
  valueFrom: string;
  shown: string;
}

export interface SecretMove {
  /** The container specification with the moved variables as `secrets` entries. */
  containerSpecJson: string;
  /** The secret's content: a JSON object, a key per variable. It goes to Secrets Manager and nowhere else. */
  secretString: string;
  moved: MovedVariable[];
}

/** The config variable that holds an environment's secret ARN: `secretsArn`, unless that name is taken. */
export function secretsVariable(taken: Iterable<string>): string {
  const names = new Set(taken);
  for (let index = 1; ; index += 1) {
    const name = index === 1 ? 'secretsArn' : `secretsArn${index}`;
    if (!names.has(name)) return name;
  }
}

/** The secret an environment's moved variables go to: `ecs-wizard/<profile>/<environment>` (characters Secrets Manager takes). */
export const secretNameFor = (profile: string, environment: string): string => `ecs-wizard/${profile}/${environment}`.replace(/[^A-Za-z0-9/_+=.@-]/g, '-');

/**
 * Moves the environment variables named `names` (every container's) into `secrets` entries that read the key of
 * the same name in the environment's secret (`${serviceVariable.<variable>}:KEY::`). A name set to different
 * values in two containers gets a key per container (`<container>.<NAME>`) for the second.
 */
export function planSecretMove(containerSpecJson: string, names: ReadonlySet<string>, variable: string): SecretMove {
  const parsed = parseJsonText(containerSpecJson, 'containerSpec');
  const spec = parsed.value;
  if (!isJsonObject(spec)) return {containerSpecJson, secretString: '{}', moved: []};
  const entries = environmentEntries(spec).filter((entry) => names.has(entry.name));
  const values = new Map<string, string>();
  const moved: MovedVariable[] = [];
  for (const entry of entries) {
    // The value as the container reads it: a literal `${` is written `$${` in the profile (import), not in the secret.
    const value = unescapePlaceholders(entry.value);
    let key = entry.name;
    if (values.has(key) && values.get(key) !== value) key = `${entry.container}.${entry.name}`;
    values.set(key, value);
    const shown = suspicion(entry.name, value)?.shown ?? MASKED;
    moved.push({name: entry.name, container: entry.container, path: entry.path, key, valueFrom: `${serviceVariable(variable)}:${key}::`, shown});
  }
  const containers = containersOf(spec);
  const rewritten: JsonValue[] = containers.map((container, containerIndex) => {
    const here = moved.filter((_item, position) => entries[position]?.containerIndex === containerIndex);
    if (here.length === 0 || !isJsonObject(container)) return container;
    return withSecrets(container, new Set(entries.filter((entry) => entry.containerIndex === containerIndex).map((entry) => entry.index)), here);
  });
  const copy: JsonObject = {};
  for (const key of Object.keys(spec)) setMember(copy, key, key === 'containerDefinitions' ? rewritten : (getMember(spec, key) as JsonValue));
  const secret: JsonObject = {};
  for (const [key, value] of values) setMember(secret, key, value);
  return {containerSpecJson: stringifyJsonText(copy, {unquoted: parsed.unquoted}), secretString: JSON.stringify(secret), moved};
}

/** The container without the moved `environment` entries, with `secrets` entries for them (right after `environment`). */
function withSecrets(container: JsonObject, removed: ReadonlySet<number>, moved: readonly MovedVariable[]): JsonObject {
  const environment = getMember(container, 'environment');
  const kept = (Array.isArray(environment) ? environment : []).filter((_entry, index) => !removed.has(index));
  const existing = getMember(container, 'secrets');
  const secrets: JsonValue[] = [...(Array.isArray(existing) ? existing : []), ...moved.map((item) => ({name: item.name, valueFrom: item.valueFrom}))];
  const copy: JsonObject = {};
  for (const key of Object.keys(container)) {
    if (key === 'secrets') continue;
    setMember(copy, key, key === 'environment' ? kept : (getMember(container, key) as JsonValue));
    if (key === 'environment') setMember(copy, 'secrets', secrets);
  }
  if (getMember(copy, 'secrets') === undefined) setMember(copy, 'secrets', secrets);
  return copy;
}
