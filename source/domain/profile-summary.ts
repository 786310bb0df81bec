/**
 * What a list of profiles shows of each (`profiles list`, the store's index): a few fields, not the specifications.
 * Kept beside the profiles by the store so that listing them costs the same whatever they hold.
 */
import type {LaunchType, Profile, RunRecord} from './model.js';

export interface ProfileSummary {
  name: string;
  application: string;
  service: string;
  launchType: LaunchType;
  /** The environments' names, in the profile's order. */
  environments: string[];
  /** The newest run, when there is one: what a list says of it. */
  lastRun?: RunSummary;
}

export type RunSummary = Pick<RunRecord, 'outcome' | 'environment' | 'tag' | 'startedAt' | 'simulated'>;

export function profileSummary(profile: Profile): ProfileSummary {
  const last = profile.runs.at(-1);
  const lastRun: RunSummary | undefined =
    last === undefined
      ? undefined
      : {
          outcome: last.outcome,
          environment: last.environment,
          tag: last.tag,
          startedAt: last.startedAt,
          ...(last.simulated === undefined ? {} : {simulated: last.simulated}),
        };
  return {
    name: profile.name,
    application: profile.application,
    service: profile.service.name,
    launchType: profile.service.launchType,
    environments: profile.environments.map((environment) => environment.name),
    ...(lastRun === undefined ? {} : {lastRun}),
  };
}
