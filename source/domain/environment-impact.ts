/**
 * What a change to an application's environment does to each service that uses it: every such service is rendered
 * with the environment as it is and as it will be, through the validator every door runs (render-and-validate.ts:
 * the rendered task definition and service against ECS's field tables and the cross-field rules), and the two
 * renderings are diffed (diff.ts). An error the change brings (one the service did not have before) breaks that
 * service; errors it already had are counted apart (they are not this change's).
 *
 * Pure: no fs, no clock.
 */
import {resolveEnvironment, useOf, type ApplicationEnvironment} from './applications.js';
import {diffDocuments, planDiffOf, type PlanDiff} from './diff.js';
import type {Issue} from './issues.js';
import type {Profile} from './model.js';
import {renderAndValidate} from './render-and-validate.js';

export interface ServiceImpact {
  /** The profile (one service of the application). */
  profile: string;
  service: string;
  environment: string;
  /** Errors the change brings: the service would no longer render or validate. */
  breaks: Issue[];
  /** Errors it had before the change too (not this change's). */
  alreadyFailing: number;
  /** The rendered task definition and service, before → after (undefined when either side does not render). */
  diff?: PlanDiff;
}

const key = (issue: Issue): string => `${issue.code}\u0000${issue.source}\u0000${issue.path}\u0000${issue.message}`;
const errorsOf = (issues: readonly Issue[]): Issue[] => issues.filter((issue) => issue.severity === 'error');

/** The profile with its environment `name` resolved against `definition` instead (its own use of it kept). */
export function withEnvironment(profile: Profile, definition: ApplicationEnvironment): Profile {
  return {
    ...profile,
    environments: profile.environments.map((environment) =>
      environment.name === definition.name ? resolveEnvironment(definition, useOf(environment)) : environment,
    ),
  };
}

/** One service: rendered with its environment as it is and with `after`. */
export function serviceImpact(profile: Profile, after: ApplicationEnvironment): ServiceImpact {
  const environment = after.name;
  const before = renderAndValidate({profile, environment});
  const next = renderAndValidate({profile: withEnvironment(profile, after), environment});
  const had = new Set(errorsOf(before.issues).map(key));
  const errors = errorsOf(next.issues);
  const breaks = errors.filter((issue) => !had.has(key(issue)));
  const impact: ServiceImpact = {profile: profile.name, service: profile.service.name, environment, breaks, alreadyFailing: errors.length - breaks.length};
  if (before.taskDefinition !== undefined && next.taskDefinition !== undefined && before.service !== undefined && next.service !== undefined) {
    impact.diff = planDiffOf(
      diffDocuments('taskDefinition', next.taskDefinition, before.taskDefinition),
      diffDocuments('service', next.service, before.service),
    );
  }
  return impact;
}

/** Every profile of `profiles` that uses the environment `after.name` of `application`, in the order given. */
export function environmentImpact(profiles: readonly Profile[], application: string, after: ApplicationEnvironment): ServiceImpact[] {
  return profiles
    .filter((profile) => profile.application === application && profile.environments.some((environment) => environment.name === after.name))
    .map((profile) => serviceImpact(profile, after));
}

export const breaking = (impacts: readonly ServiceImpact[]): ServiceImpact[] => impacts.filter((impact) => impact.breaks.length > 0);
