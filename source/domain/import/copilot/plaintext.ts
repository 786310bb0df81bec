/**
 * A Copilot manifest's `variables` that look like plaintext secrets, and what `--move-secrets` makes of a profile:
 * the task-definition import's move (domain/import/plaintext-secrets.ts: one secret per environment, a JSON key per
 * variable, `valueFrom: "${serviceVariable.secretsArn}:KEY::"`), with the values each environment has — a
 * Copilot profile holds a value that differs between environments as a config variable, so the suspects and each
 * environment's secret are found in the container specification with that environment's values in place. The config
 * variables that held a moved value are removed from the profile: the value is left nowhere but in the secret.
 * Pure: the operation (operations/import-copilot-secrets.ts) writes the secrets.
 */
import {isJsonObject} from '../../json.js';
import {parseJsonText} from '../../json-text.js';
import type {Profile} from '../../model.js';
import {CONTAINER_NAME} from '../../placeholders.js';
import {findPlaintextSecrets, planSecretMove, secretsVariable, type PlaintextSecret} from '../plaintext-secrets.js';

const VARIABLE = /\$\{serviceVariable\.([A-Za-z0-9_.-]+)\}/g;

/** The config variables of one environment: the service's, then the environment's overrides. */
function valuesIn(profile: Profile, environment: string): Record<string, string> {
  return {...profile.service.variables, ...profile.environments.find((item) => item.name === environment)?.overrides};
}

/** The container specification with one environment's config variable values in place (inside JSON strings). */
function resolvedIn(profile: Profile, environment: string): string | undefined {
  if (profile.service.containerSpec.mode !== 'json') return undefined;
  const values = valuesIn(profile, environment);
  return profile.service.containerSpec.json.replace(VARIABLE, (whole, name: string) =>
    values[name] === undefined ? whole : JSON.stringify(values[name]).slice(1, -1),
  );
}

/** The suspects of every environment, each name once (the first environment's finding). */
export function copilotPlaintextSecrets(profile: Profile): PlaintextSecret[] {
  const found: PlaintextSecret[] = [];
  for (const environment of profile.environments) {
    const json = resolvedIn(profile, environment.name);
    if (json === undefined) continue;
    for (const written of findPlaintextSecrets(json, profile.service.plaintextVariables ?? [])) {
      // The artifact container is named `${CONTAINER_NAME}` in the specification: shown by the name it renders to.
      const suspect = written.container === CONTAINER_NAME ? {...written, container: profile.service.containerName ?? profile.service.name} : written;
      if (!found.some((item) => item.name === suspect.name && item.container === suspect.container)) found.push(suspect);
    }
  }
  return found;
}

export interface CopilotSecretMove {
  /** The profile with the moved variables as `secrets` entries, its value-holding config variables removed. */
  profile: Profile;
  /** The config variable each environment's secret ARN goes into (an override, set once the secret is written). */
  variable: string;
  /** Per environment: the secret's content (a JSON object, a key per variable). For Secrets Manager only. */
  secretStrings: Record<string, string>;
  moved: string[];
}

/** Moves `names` out of plain text: the specification rewritten, the values kept per environment for their secrets. */
export function planCopilotSecretMove(profile: Profile, names: ReadonlySet<string>): CopilotSecretMove {
  if (profile.service.containerSpec.mode !== 'json') return {profile, variable: 'secretsArn', secretStrings: {}, moved: []};
  const taken = [...Object.keys(profile.service.variables), ...profile.environments.flatMap((environment) => Object.keys(environment.overrides))];
  const variable = secretsVariable(taken);
  const original = profile.service.containerSpec.json;
  const move = planSecretMove(original, names, variable);
  // The config variables a moved entry was written with (`env_DB_PASSWORD`): they held the value.
  const held = new Set<string>();
  for (const item of move.moved) for (const match of (entryValue(original, item.path) ?? '').matchAll(VARIABLE)) held.add(match[1]!);
  const without = (values: Record<string, string>): Record<string, string> => Object.fromEntries(Object.entries(values).filter(([name]) => !held.has(name)));
  const secretStrings: Record<string, string> = {};
  for (const environment of profile.environments) {
    const json = resolvedIn(profile, environment.name)!;
    secretStrings[environment.name] = planSecretMove(json, names, variable).secretString;
  }
  return {
    profile: {
      ...profile,
      service: {...profile.service, containerSpec: {mode: 'json', json: move.containerSpecJson}, variables: without(profile.service.variables)},
      environments: profile.environments.map((environment) => ({...environment, overrides: without(environment.overrides)})),
    },
    variable,
    secretStrings,
    moved: [...new Set(move.moved.map((item) => item.name))],
  };
}

/** The value of the `{name, value}` entry at `containerDefinitions[i].environment[j]` of a specification. */
function entryValue(json: string, path: string): string | undefined {
  const match = /^containerDefinitions\[(\d+)\]\.environment\[(\d+)\]$/.exec(path);
  const spec = parseJsonText(json, 'containerSpec').value;
  if (match === null || !isJsonObject(spec)) return undefined;
  const containers = spec['containerDefinitions'];
  const container = Array.isArray(containers) ? containers[Number(match[1])] : undefined;
  const environment = isJsonObject(container) ? container['environment'] : undefined;
  const entry = Array.isArray(environment) ? environment[Number(match[2])] : undefined;
  return isJsonObject(entry) && typeof entry['value'] === 'string' ? entry['value'] : undefined;
}
