/**
 * Store schema 3 → 4: today's profiles become applications. Each application gets the environments its profiles
 * named; a profile keeps its config-variable overrides (and any other per-service field) as its own use of the
 * environment.
 *
 * - Environments of one application with the same name and the same values (region, cluster, launch type, network,
 *   execution role, provisioner) are one environment.
 * - Environments of one name whose values differ are kept apart: the variant most services use keeps the name, the
 *   others get the next free `NAME-2`, `NAME-3`… with a note saying why (which fields differ, which profiles use it);
 *   those profiles' run records follow the new name. Nothing is lost: every profile resolves to the environments it
 *   had (renamed where it had to be), field for field.
 */
import {
  canonicalJson,
  definitionOf,
  differingFields,
  useOf,
  type Application,
  type ApplicationEnvironment,
  type ApplicationEnvironmentField,
  type StoredProfile,
} from '../applications.js';
import type {Profile} from '../model.js';

export interface ApplicationsMigration {
  applications: Application[];
  profiles: StoredProfile[];
  /** One line per environment kept apart under a new name. */
  notes: string[];
  /** Each environment a profile now names differently. */
  renamed: Array<{profile: string; application: string; from: string; to: string}>;
}

const FIELD_LABELS: Record<ApplicationEnvironmentField, string> = {
  region: 'region',
  cluster: 'cluster',
  launchType: 'launch type',
  network: 'network',
  executionRoleArn: 'execution role',
  provisioner: 'provisioner',
};

interface Variant {
  definition: ApplicationEnvironment;
  key: string;
  profiles: string[];
  name: string;
}

export function applicationsOfProfiles(profiles: readonly Profile[]): ApplicationsMigration {
  const byApplication = new Map<string, Profile[]>();
  for (const profile of profiles) {
    const list = byApplication.get(profile.application) ?? [];
    list.push(profile);
    byApplication.set(profile.application, list);
  }
  const applications: Application[] = [];
  const stored: StoredProfile[] = [];
  const notes: string[] = [];
  const renamed: ApplicationsMigration['renamed'] = [];
  for (const [application, members] of byApplication) {
    // Environment name → its distinct value sets, in order of first appearance.
    const variants = new Map<string, Variant[]>();
    for (const profile of members) {
      for (const environment of profile.environments) {
        const definition = definitionOf(environment);
        const key = canonicalJson({...definition, name: undefined});
        const list = variants.get(environment.name) ?? [];
        const found = list.find((variant) => variant.key === key);
        if (found === undefined) list.push({definition, key, profiles: [profile.name], name: environment.name});
        else found.profiles.push(profile.name);
        variants.set(environment.name, list);
      }
    }
    const taken = new Set(variants.keys());
    const environments: ApplicationEnvironment[] = [];
    for (const [name, list] of variants) {
      // The value set most services use keeps the name (the first one seen on a tie).
      const ordered = [...list].sort((a, b) => b.profiles.length - a.profiles.length);
      ordered.forEach((variant, index) => {
        if (index === 0) {
          environments.push(variant.definition);
          return;
        }
        let suffix = 2;
        while (taken.has(`${name}-${suffix}`)) suffix += 1;
        variant.name = `${name}-${suffix}`;
        taken.add(variant.name);
        // Told apart from the closest of the variants before it (fewest fields differing).
        const closest = ordered
          .slice(0, index)
          .map((other) => ({other, fields: differingFields(other.definition, variant.definition)}))
          .sort((x, y) => x.fields.length - y.fields.length)[0]!;
        const fields = `${closest.fields.map((field) => FIELD_LABELS[field]).join(', ')} ${closest.fields.length === 1 ? 'differs' : 'differ'}`;
        const note = `kept apart from "${closest.other.name}" when profiles became applications: its ${fields}; used by ${variant.profiles.join(', ')}`;
        environments.push({...variant.definition, name: variant.name, note});
        notes.push(
          `application "${application}": environment "${name}" of ${variant.profiles.join(', ')} is now "${variant.name}" (its ${fields} from "${closest.other.name}")`,
        );
      });
    }
    applications.push({name: application, environments});
    for (const profile of members) {
      const names = new Map<string, string>();
      const uses = profile.environments.map((environment) => {
        const key = canonicalJson({...definitionOf(environment), name: undefined});
        const variant = variants.get(environment.name)!.find((candidate) => candidate.key === key)!;
        if (variant.name !== environment.name) {
          names.set(environment.name, variant.name);
          renamed.push({profile: profile.name, application, from: environment.name, to: variant.name});
        }
        return {...useOf(environment), name: variant.name};
      });
      const runs = profile.runs.map((run) => (names.has(run.environment) ? {...run, environment: names.get(run.environment)!} : run));
      const {environments: _environments, ...rest} = structuredClone(profile);
      stored.push({...rest, environments: uses, runs: structuredClone(runs)});
    }
  }
  return {applications, profiles: stored, notes, renamed};
}
