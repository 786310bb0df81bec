/**
 * Copilot gives every service its own execution role and its own placement (public or private subnets) in one
 * environment; an ecs-wizard application environment holds one of each, shared by the services that use it
 * (domain/applications.ts). Saved as they are, the services of one Copilot environment would overwrite each other's
 * role and subnets. So each different set of values gets an application environment of its own: the first (in the
 * migration's order) keeps the name, the next ones are `<env>-2`, `<env>-3`… (as the store's migration names
 * environments of one name that differ), shared by the services that agree. Nothing is lost; the report says which
 * service went where, and `deploy --app APP --env <env>` deploys the services that share `<env>`.
 *
 * Pure.
 */
import {canonicalJson, definitionOf} from '../../applications.js';
import type {Profile} from '../../model.js';

export interface SeparatedEnvironment {
  service: string;
  /** The Copilot environment's name. */
  environment: string;
  /** The application environment the service uses instead. */
  as: string;
  /** The environment fields that differ from the first service's (e.g. network, executionRoleArn). */
  fields: string[];
}

const definitionText = (profile: Profile, index: number): {text: string; values: Record<string, string>} => {
  const {name: _name, ...definition} = definitionOf(profile.environments[index]!);
  const values = Object.fromEntries(Object.entries(definition).map(([key, value]) => [key, canonicalJson(value)]));
  return {text: canonicalJson(definition), values};
};

export function separateEnvironmentVariants(profiles: readonly Profile[]): {profiles: Profile[]; separated: SeparatedEnvironment[]} {
  const variants = new Map<string, Array<{text: string; values: Record<string, string>}>>();
  const separated: SeparatedEnvironment[] = [];
  const result = profiles.map((profile) => {
    let changed: Profile | undefined;
    profile.environments.forEach((environment, index) => {
      const mine = definitionText(profile, index);
      const known = variants.get(environment.name) ?? [];
      variants.set(environment.name, known);
      let at = known.findIndex((variant) => variant.text === mine.text);
      if (at < 0) at = known.push(mine) - 1;
      if (at === 0) return;
      const theirs = known[0]!;
      const as = `${environment.name}-${at + 1}`;
      const keys = [...new Set([...Object.keys(theirs.values), ...Object.keys(mine.values)])];
      separated.push({service: profile.service.name, environment: environment.name, as, fields: keys.filter((key) => theirs.values[key] !== mine.values[key])});
      changed ??= structuredClone(profile);
      changed.environments[index]!.name = as;
      for (const run of changed.runs) if (run.environment === environment.name) run.environment = as;
    });
    return changed ?? profile;
  });
  return {profiles: result, separated};
}
