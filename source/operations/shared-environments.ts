/**
 * What saving profiles would change in application environments that OTHER services use — for the doors that write a
 * profile's environment from what they read (import of a task definition or a live service, import --from-copilot),
 * where the values were not typed to change the environment and a silent change would move other services. Each
 * change is given with the environment before and after and, for each other service using it, what it will render
 * (domain/environment-impact.ts: the validator, and the diff). The store applies the change; this only tells.
 */
import {definitionOf, type ApplicationEnvironment} from '../domain/applications.js';
import {environmentImpact, type ServiceImpact} from '../domain/environment-impact.js';
import type {Profile} from '../domain/model.js';
import type {EnvironmentChange, ProfileStore} from '../ports/profile-store.js';

export interface SharedEnvironmentChange {
  change: EnvironmentChange;
  before: ApplicationEnvironment;
  after: ApplicationEnvironment;
  /** The other services, rendered with the new values. */
  impacts: ServiceImpact[];
}

/**
 * The changes saving `profiles` (in order) makes to environments used by services other than `profiles` themselves.
 * Nothing is written.
 */
export async function sharedEnvironmentChanges(store: ProfileStore, profiles: readonly Profile[]): Promise<SharedEnvironmentChange[]> {
  const own = new Set(profiles.map((profile) => profile.name));
  const result: SharedEnvironmentChange[] = [];
  let stored: Profile[] | undefined;
  for (const profile of profiles) {
    for (const change of await store.environmentChanges(profile)) {
      const services = change.services.filter((name) => !own.has(name));
      if (services.length === 0 || change.fields.length === 0) continue;
      if (result.some((item) => item.change.application === change.application && item.change.environment === change.environment)) continue;
      const current = (await store.application(change.application))?.environments.find((environment) => environment.name === change.environment);
      const environment = profile.environments.find((candidate) => candidate.name === change.environment);
      if (current === undefined || environment === undefined) continue;
      const {services: _users, ...before} = current;
      const after = definitionOf(environment);
      stored ??= await store.list();
      const others = stored.filter((candidate) => services.includes(candidate.name));
      result.push({change: {...change, services}, before, after, impacts: environmentImpact(others, change.application, after)});
    }
  }
  return result;
}
