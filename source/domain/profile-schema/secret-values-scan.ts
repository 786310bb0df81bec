/**
 * Secrets by their value in what a person writes into a NEW profile (the wizard, `init`, `profiles import`):
 * a config variable, an environment's override or a container environment variable whose value is a secret by its
 * shape (secret-values.ts: a URL with a password, an AWS/GitHub/Stripe/Slack… token, a JWT, a private key) —
 * whatever it is called — is refused, so that it never lands in profiles.json in clear. Its place is AWS Secrets
 * Manager (a container `secrets` entry with `valueFrom`; `ecs-wizard import --move-secrets` moves them).
 *
 * Stores written before this rule are not refused when they are read (a saved profile is never lost); the rule
 * holds for what is saved from now on. A name the person declared plain text (`service.plaintextVariables`) is
 * accepted as the credential scan accepts it. Messages show the masked form only.
 */
import type {Issue} from '../issues.js';
import {isJsonObject, type JsonValue} from '../json.js';
import {getMember, joinPath, parseJsonText} from '../json-text.js';
import type {Profile} from '../model.js';
import {findSecretValue} from '../secret-values.js';

const FIX =
  'keep it in AWS Secrets Manager and refer to it with a container "secrets" entry ({"name": …, "valueFrom": SECRET_ARN}); `ecs-wizard import --move-secrets` moves such values for you';

export function profileSecretValueIssues(profile: Profile): Issue[] {
  const plain = new Set(profile.service.plaintextVariables ?? []);
  const issues: Issue[] = [];
  const check = (name: string, value: unknown, path: string, what: string): void => {
    if (typeof value !== 'string' || plain.has(name)) return;
    const secret = findSecretValue(value);
    if (secret === undefined) return;
    issues.push({
      code: 'credential-value',
      severity: 'error',
      source: 'profile',
      path,
      message: `${what} ${name} holds a secret (${secret.shown}); secrets are never stored in a profile`,
      fix: FIX,
    });
  };
  for (const [name, value] of Object.entries(profile.service.variables)) check(name, value, joinPath('service.variables', name), 'the config variable');
  profile.environments.forEach((environment, index) => {
    for (const [name, value] of Object.entries(environment.overrides)) {
      check(name, value, joinPath(joinPath(joinPath('environments', index), 'overrides'), name), `the override (environment ${environment.name})`);
    }
  });
  const spec = profile.service.containerSpec;
  if (spec.mode === 'form') {
    spec.form.environment.forEach((entry, index) =>
      check(entry.name, entry.value, joinPath('service.containerSpec.form.environment', index), 'the container environment variable'),
    );
  } else {
    const parsed = parseJsonText(spec.json, 'containerSpec');
    const containers = isJsonObject(parsed.value) ? getMember(parsed.value, 'containerDefinitions') : undefined;
    (Array.isArray(containers) ? containers : []).forEach((container: JsonValue, c) => {
      const environment = isJsonObject(container) ? getMember(container, 'environment') : undefined;
      (Array.isArray(environment) ? environment : []).forEach((entry: JsonValue, e) => {
        if (!isJsonObject(entry)) return;
        const name = getMember(entry, 'name');
        const path = `service.containerSpec.json containerDefinitions[${c}].environment[${e}]`;
        if (typeof name === 'string') check(name, getMember(entry, 'value'), path, 'the container environment variable');
      });
    });
  }
  return issues;
}
