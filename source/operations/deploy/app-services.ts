/**
 * The services of an application in one environment — the ONE lookup a whole-application deploy (and `watch --app`)
 * makes of the store. Today an application is the set of profiles whose `application` is that name; the profile
 * per service that has the environment is the service's. When the store makes applications own their environments,
 * only this module changes.
 *
 * Their `dependsOn` are checked here: an unknown service or a cycle is refused (exit 2) naming them.
 */
import {dependencyProblemText, dependencyProblems, deployOrder} from '../../domain/deploy/app-order.js';
import type {Environment, Profile} from '../../domain/model.js';
import {InputError, UsageError} from '../../errors.js';
import type {ProfileStore} from '../../ports/profile-store.js';

/** One service of the application, as a run deploys it. */
export interface AppMember {
  /** The service name (`service.name`): what `dependsOn`, `--only` and `--from` name. */
  service: string;
  profile: Profile;
  environment: Environment;
  /** The services it depends on (all of the application's, in this environment). */
  dependsOn: string[];
}

export interface ApplicationServices {
  application: string;
  environment: string;
  /** In deploy order (dependencies first, ties by name). */
  members: AppMember[];
  /** Services of the application that have no such environment (said in the plan). */
  elsewhere: string[];
}

/** The application's services in `environment`, in deploy order; exit 2 naming what is wrong. */
export async function applicationServices(store: Pick<ProfileStore, 'list'>, application: string, environment: string): Promise<ApplicationServices> {
  const profiles = await store.list();
  const ofApp = profiles.filter((profile) => profile.application === application);
  if (ofApp.length === 0) {
    const names = [...new Set(profiles.map((profile) => profile.application))].sort();
    throw new UsageError(
      `no application '${application}': no saved profile belongs to it`,
      names.length > 0 ? `applications: ${names.join(', ')}` : 'create a service first: ecs-wizard init --app NAME …',
    );
  }
  const inEnv = ofApp.filter((profile) => profile.environments.some((item) => item.name === environment));
  if (inEnv.length === 0) {
    const names = [...new Set(ofApp.flatMap((profile) => profile.environments.map((item) => item.name)))].sort();
    throw new UsageError(
      `application '${application}' has no environment '${environment}'`,
      names.length > 0 ? `its environments: ${names.join(', ')}` : 'its services have no environment yet',
    );
  }
  const services = inEnv.map((profile) => ({name: profile.service.name, dependsOn: profile.service.dependsOn ?? []}));
  const problems = dependencyProblems(services);
  if (problems.length > 0) {
    const known = [...new Set(services.map((service) => service.name))].sort();
    const lines = problems.map((problem) => dependencyProblemText(problem, known, `application '${application}' in ${environment}`));
    throw new InputError(lines.join('; '), 'change dependsOn in the profiles (ecs-wizard profiles export NAME, edit, profiles import FILE --force)');
  }
  const order = deployOrder(services);
  const members = order.map((service): AppMember => {
    const profile = inEnv.find((item) => item.service.name === service)!;
    return {service, profile, environment: profile.environments.find((item) => item.name === environment)!, dependsOn: [...(profile.service.dependsOn ?? [])]};
  });
  const elsewhere = [...new Set(ofApp.filter((profile) => !inEnv.includes(profile)).map((profile) => profile.service.name))].sort();
  return {application, environment, members, elsewhere};
}

/**
 * What is wrong with a profile's `dependsOn` among the application's saved services (the profile replacing one of
 * the same name): a name that is not a service of the application, or a cycle through this service. One line each.
 */
export async function dependencyIssues(store: Pick<ProfileStore, 'list'>, profile: Profile): Promise<string[]> {
  const own = profile.service.dependsOn ?? [];
  if (own.length === 0) return [];
  const others = (await store.list()).filter((item) => item.application === profile.application && item.name !== profile.name);
  const merged = new Map<string, Set<string>>();
  for (const item of [...others, profile]) {
    const deps = merged.get(item.service.name) ?? new Set<string>();
    for (const name of item.service.dependsOn ?? []) deps.add(name);
    merged.set(item.service.name, deps);
  }
  const services = [...merged].map(([name, deps]) => ({name, dependsOn: [...deps]}));
  const known = services.map((service) => service.name).filter((name) => name !== profile.service.name);
  return dependencyProblems(services)
    .filter(
      (problem) =>
        (problem.kind === 'unknown' && problem.service === profile.service.name) || (problem.kind === 'cycle' && problem.cycle.includes(profile.service.name)),
    )
    .map((problem) => dependencyProblemText(problem, known, `application '${profile.application}'`));
}
