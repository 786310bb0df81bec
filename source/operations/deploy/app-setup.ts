/**
 * Setting up a whole-application run once (`deploy --app`, `watch --app`, the home screen): the application's
 * services in the environment (app-services.ts), the selection (`--only` / `--from`), each service's simulator
 * scenario (`--simulate=api:crash-loop,success`), and each service's own single deploy — its ports through
 * setup.ts's runPorts (AWS, or a simulator of its own playing its scenario) and a DeployControl of its own that the
 * run's detach reaches.
 */
import {selectServices, type Selection} from '../../domain/deploy/app-order.js';
import type {DeployEvent} from '../../domain/deploy/events.js';
import {UsageError} from '../../errors.js';
import type {Clock} from '../../ports/clock.js';
import type {ProfileStore} from '../../ports/profile-store.js';
import type {CompositionRoot} from '../../ports/root.js';
import {DEFAULT_SIMULATION_SCENARIO, isSimulationScenario, SIMULATION_SCENARIOS, type SimulationScenario} from '../../ports/simulation.js';
import type {AppDeployRequest, MemberHooks} from './app-run.js';
import {applicationServices, type AppMember, type ApplicationServices} from './app-services.js';
import {DeployControl} from './control.js';
import {deploy} from './run.js';
import {runPorts, type Simulation} from './setup.js';

/** `--simulate` for an application: a scenario for every service, and per service (`api:crash-loop`). */
export interface AppSimulation {
  speed: number;
  /** For the services not named (default: success). */
  scenario: SimulationScenario;
  byService: Record<string, SimulationScenario>;
}

/**
 * `crash-loop`, `api:crash-loop`, `api:crash-loop,web:slow-start,success` (a bare scenario applies to every
 * service not named). Exit 2 naming a bad part.
 */
export function parseAppSimulation(text: string, speed: number): AppSimulation {
  const simulation: AppSimulation = {speed, scenario: DEFAULT_SIMULATION_SCENARIO, byService: {}};
  let bare: string | undefined;
  for (const raw of text.split(',')) {
    const part = raw.trim();
    if (part === '') continue;
    const colon = part.indexOf(':');
    const service = colon === -1 ? undefined : part.slice(0, colon).trim();
    const scenario = colon === -1 ? part : part.slice(colon + 1).trim();
    if (!isSimulationScenario(scenario))
      throw new UsageError(
        `unknown simulation scenario '${scenario}' in --simulate=${text}`,
        `scenarios: ${SIMULATION_SCENARIOS.join(', ')}; per service: --simulate=api:crash-loop,web:slow-start`,
      );
    if (service === undefined) {
      if (bare !== undefined && bare !== scenario) throw new UsageError(`--simulate=${text} names two scenarios for every service (${bare}, ${scenario})`);
      bare = scenario;
      simulation.scenario = scenario;
    } else {
      if (service === '') throw new UsageError(`--simulate=${text}: a service name goes before ':'`, 'e.g. --simulate=api:crash-loop');
      if (simulation.byService[service] !== undefined && simulation.byService[service] !== scenario)
        throw new UsageError(`--simulate=${text} names two scenarios for ${service}`);
      simulation.byService[service] = scenario;
    }
  }
  return simulation;
}

/** The scenario one service plays. */
export const memberSimulation = (simulation: AppSimulation, service: string): Simulation => ({
  scenario: simulation.byService[service] ?? simulation.scenario,
  speed: simulation.speed,
});

/** The `--simulate=…` text that plays the same again (for the watch command printed after a detach). */
export function appSimulationText(simulation: AppSimulation): string {
  return [simulation.scenario, ...Object.entries(simulation.byService).map(([service, scenario]) => `${service}:${scenario}`)].join(',');
}

export interface AppSelection {
  services: ApplicationServices;
  /** The members this run deploys, in order. */
  members: AppMember[];
  /** The whole application's order (for resume flags). */
  order: string[];
}

/** The application's services in the environment and the selection; exit 2 naming an unknown service (also in --simulate). */
export async function selectApplication(
  store: Pick<ProfileStore, 'list'>,
  target: {application: string; environment: string; selection: Selection; simulation?: AppSimulation},
): Promise<AppSelection> {
  const services = await applicationServices(store, target.application, target.environment);
  const order = services.members.map((member) => member.service);
  const selected = selectServices(order, target.selection);
  if (!selected.ok) throw new UsageError(selected.message);
  const unknown = Object.keys(target.simulation?.byService ?? {}).filter((name) => !order.includes(name));
  if (unknown.length > 0) throw new UsageError(`--simulate names ${unknown.join(', ')}, not a service of the application (its services: ${order.join(', ')})`);
  return {services, members: services.members.filter((member) => selected.services.includes(member.service)), order};
}

/** What every service's deploy of one run shares. */
export interface AppRunOptions {
  overrides: Record<string, string>;
  force: boolean;
  wait: boolean;
  timeoutMs: number;
  noProgressTimeoutMs: number;
  registryPassword?: string;
  simulation?: AppSimulation;
}

/**
 * The `start` of deployApp: each service's single deploy (run.ts) on its own ports, with its own control, which
 * `signal` (the run's detach) detaches; `controls` collects them (the screen's `r` rolls the focused one back).
 */
export function memberDeployer(
  ports: {root: Pick<CompositionRoot, 'deployPorts'>; clock: Clock; store: ProfileStore},
  options: AppRunOptions,
  run: {signal?: AbortSignal; controls?: Map<string, DeployControl>},
): AppDeployRequest['start'] {
  return async function* start(member: AppMember, hooks: MemberHooks): AsyncGenerator<DeployEvent, void, undefined> {
    const control = new DeployControl();
    run.controls?.set(member.service, control);
    if (run.signal?.aborted) control.detach();
    else run.signal?.addEventListener('abort', () => control.detach(), {once: true});
    const simulate = options.simulation === undefined ? undefined : memberSimulation(options.simulation, member.service);
    const deployPorts = await runPorts(ports.root, {
      profile: member.profile,
      environment: member.environment,
      overrides: options.overrides,
      ...(simulate === undefined ? {} : {simulate}),
    });
    yield* deploy(
      {...deployPorts, clock: ports.clock, store: ports.store},
      {
        profile: member.profile,
        environment: member.environment,
        overrides: options.overrides,
        force: options.force,
        wait: options.wait,
        timeoutMs: options.timeoutMs,
        noProgressTimeoutMs: options.noProgressTimeoutMs,
        ...(options.registryPassword === undefined ? {} : {registryPassword: options.registryPassword}),
        control,
        onReview: hooks.onReview,
        confirm: hooks.confirm,
      },
    );
  };
}

/** `ecs-wizard deploy --app shop --env staging` (+ the flags given) — how to run it again, or resume. */
export function appCommand(verb: 'deploy' | 'watch', application: string, environment: string, extra = ''): string {
  const app = /^[A-Za-z0-9_.-]+$/.test(application) ? application : `'${application.replace(/'/g, "'\\''")}'`;
  return `ecs-wizard ${verb} --app ${app} --env ${environment}${extra === '' ? '' : ` ${extra}`}`;
}
