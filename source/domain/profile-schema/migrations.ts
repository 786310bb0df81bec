/**
 * Migrations from older schema versions, in memory. Schema 1 → 2: `service.containerSpec` text →
 * `{mode: 'json', json}`, `service.launchType` derived from the text, environments' `variables` → `overrides`.
 * Schema 2 → 3: the version only (3 adds the optional `service.adopted` and `service.artifact.implicitLatest`;
 * a profile without them is what it was: neither adopted nor without a tag).
 */
import {parseJsonText} from '../json-text.js';
import type {LaunchType} from '../model.js';
import type {Raw} from './raw-values.js';
import {isRecord, own} from './raw-values.js';

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

export const STORE_MIGRATIONS: Readonly<Record<number, (document: Raw) => Raw>> = {
  1: (document) => {
    const profiles = own(document, 'profiles');
    return {
      ...document,
      schemaVersion: 2,
      profiles: isRecord(profiles) ? Object.fromEntries(Object.keys(profiles).map((name) => [name, migrateProfileV1(profiles[name])])) : profiles,
    };
  },
  2: (document) => ({...document, schemaVersion: 3}),
};
