/**
 * Setting up a deploy-like run once, for every way in (the deploy, diff, render, verify, rollback and watch commands,
 * and the home screen's "Run a saved profile"): the profile and environment, what the run renders (tag, --set
 * overrides), and the ports — AWS, or the rollout simulator seeded with the profile's service. (The watch's default
 * limits are in defaults.ts.)
 */
import type {Environment, Profile} from '../../domain/model.js';
import {UsageError} from '../../errors.js';
import type {DeployPorts} from '../../ports/deploy.js';
import type {CompositionRoot} from '../../ports/root.js';
import type {SeedServiceOptions, SimulationRequest} from '../../ports/simulation.js';
import {requireProfile} from '../profiles.js';
import {hasErrors} from '../../domain/issues.js';
import type {JsonObject} from '../../domain/json.js';
import {render, type RenderMemo} from '../../domain/render.js';
import {withDeployDefaults} from './deploy-inputs.js';

/** `--simulate[=SCENARIO]` and `--simulate-speed N`. */
export interface Simulation {
  scenario: string;
  speed: number;
}

/** What one run renders and where: the profile in one environment, with a tag and overrides. */
export interface RunInputs {
  profile: Profile;
  environment: Environment;
  /** Default: the profile's current tag. */
  tag?: string;
  /** --set VAR=VALUE (a later one wins). */
  overrides: Record<string, string>;
  /** Run against the rollout simulator instead of AWS. */
  simulate?: Simulation;
  /** Renderings shared with the run's other steps (diff: the simulator's seed and the plan render the same inputs). */
  renderMemo?: RenderMemo;
}

/** What the simulator's service has been through before the run: how many revisions, and a rollout in flight. */
export type SimulatedHistory = Pick<SeedServiceOptions, 'revisions' | 'rollout'>;

/** The environment to use: the one named, or the profile's only one. */
export function chooseEnvironment(profile: Profile, name: string | undefined): Environment {
  const names = profile.environments.map((environment) => environment.name);
  if (name !== undefined) {
    const found = profile.environments.find((environment) => environment.name === name);
    if (!found) {
      throw new UsageError(
        `profile '${profile.name}' has no environment '${name}'`,
        names.length > 0 ? `its environments: ${names.join(', ')}` : 'the profile has no environment yet',
      );
    }
    return found;
  }
  if (profile.environments.length === 1) return profile.environments[0]!;
  if (profile.environments.length === 0) throw new UsageError(`profile '${profile.name}' has no environment to deploy to`);
  throw new UsageError(
    `profile '${profile.name}' has ${names.length} environments: say which with --env`,
    `e.g. --env ${names[0]} (one of: ${names.join(', ')})`,
  );
}

/** The profile and environment named on the command line (exit 2 when either is unknown). */
export async function profileAndEnvironment(
  root: Pick<CompositionRoot, 'profileStore'>,
  profileName: string,
  environmentName: string | undefined,
): Promise<{profile: Profile; environment: Environment}> {
  const profile = await requireProfile(await root.profileStore(), profileName);
  return {profile, environment: chooseEnvironment(profile, environmentName)};
}

/** The simulator request of --simulate, seeded with the profile's service so that a deploy updates a running one. */
export function simulationRequest(run: RunInputs, history: SimulatedHistory = {}): SimulationRequest | undefined {
  const {profile, environment} = run;
  if (run.simulate === undefined) return undefined;
  const request: SimulationRequest = {scenario: run.simulate.scenario, speed: run.simulate.speed};
  // Rendered only (not validated: the run validates what it deploys, and reports why a profile does not render).
  const documents = (tag: string | undefined): {taskDefinition: JsonObject; service: JsonObject} => {
    const rendered = render({profile, environment: environment.name, ...(tag === undefined ? {} : {tag}), overrides: run.overrides}, run.renderMemo);
    if (hasErrors(rendered.issues) || rendered.taskDefinition === undefined || rendered.service === undefined) throw new Error('does not render');
    // As renderDeployInputs completes them: the deploy's defaults for a new service, none for an adopted one.
    return {taskDefinition: rendered.taskDefinition, service: profile.service.adopted === true ? rendered.service : withDeployDefaults(rendered.service)};
  };
  try {
    const inputs = documents(run.tag);
    // The simulated service runs this profile as rendered with an earlier tag: the last other tag deployed
    // to this environment, else `previous`. A simulated deploy then meets a service shaped like its own.
    const deployTag = run.tag ?? profile.service.artifact.tag;
    const earlier = [...profile.runs]
      .reverse()
      .find((item) => item.environment === environment.name && item.outcome === 'deployed' && item.tag !== deployTag)?.tag;
    const running = documents(earlier ?? (deployTag === 'previous' ? 'earlier' : 'previous'));
    const desired = inputs.service['desiredCount'];
    request.seed = {
      cluster: environment.cluster,
      serviceName: String(inputs.service['serviceName']),
      family: String(inputs.taskDefinition['family']),
      ...(typeof desired === 'number' ? {desiredCount: desired} : {}),
      launchType: environment.launchType,
      revisions: history.revisions ?? 1,
      ...(history.rollout ? {rollout: true} : {}),
      taskDefinition: running.taskDefinition,
      service: running.service,
    };
  } catch {
    // The deploy reports why the profile does not render; nothing to seed.
  }
  return request;
}

/**
 * The run's ports in the environment's region: AWS, or (--simulate) the rollout simulator seeded with the profile's
 * service and `history`. `checks: false` (diff) leaves the pre-flight check ports out.
 */
export function runPorts(
  root: Pick<CompositionRoot, 'deployPorts'>,
  run: RunInputs,
  options: {history?: SimulatedHistory; checks?: false} = {},
): Promise<DeployPorts> {
  const simulate = simulationRequest(run, options.history);
  return root.deployPorts(run.environment.region, {...(options.checks === false ? {checks: false} : {}), ...(simulate === undefined ? {} : {simulate})});
}

/** How to re-attach to the run's deployment (printed after a detach). */
export const watchCommandFor = (profile: Profile, environment: Environment, simulate?: Simulation): string =>
  `ecs-wizard watch ${profile.name}${profile.environments.length > 1 ? ` --env ${environment.name}` : ''}${simulate === undefined ? '' : ` --simulate=${simulate.scenario}`}`;
