/**
 * Setting up a whole-application run once (`deploy --app`, `watch --app`, the home screen): the application's
 * services in the environment (app-services.ts), the selection (`--only` / `--from`), each service's simulator
 * scenario (app-simulation.ts), and each service's own single deploy — its ports through
 * setup.ts's runPorts (AWS, or a simulator of its own playing its scenario) and a DeployControl of its own that the
 * run's detach reaches.
 */
import {selectServices, type Selection} from '../../domain/deploy/app-order.js';
import type {DeployEvent} from '../../domain/deploy/events.js';
import {UsageError} from '../../errors.js';
import type {Clock} from '../../ports/clock.js';
import type {ProfileStore} from '../../ports/profile-store.js';
import type {CompositionRoot} from '../../ports/root.js';
import type {AppDeployEvent} from '../../domain/deploy/app-events.js';
import {deployApp, type AppDeployRequest, type MemberHooks} from './app-run.js';
import {memberTags, recordAppRun} from './app-run-record.js';
import {applicationServices, type AppMember, type ApplicationServices} from './app-services.js';
import {DeployControl} from './control.js';
import {deploy} from './run.js';
import {memberSimulation, type AppSimulation} from './app-simulation.js';
import {runPorts} from './setup.js';

export {appSimulationText, memberSimulation, parseAppSimulation, type AppSimulation} from './app-simulation.js';

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

/**
 * A whole-application deploy from the home screen: the application's services in the environment (all of them), each
 * deployed with the defaults (wait, the default limits), asked once through `confirm`.
 */
export async function* homeAppDeploy(
  ports: {root: Pick<CompositionRoot, 'deployPorts' | 'profileStore'>; clock: Clock},
  target: {application: string; environment: string; simulation?: AppSimulation; parallel: number; timeoutMs: number; noProgressTimeoutMs: number},
  hooks: {signal: AbortSignal; controls: Map<string, DeployControl>; onReview?: AppDeployRequest['onReview']; confirm?: AppDeployRequest['confirm']},
): AsyncGenerator<AppDeployEvent, void, undefined> {
  const store = await ports.root.profileStore();
  const selection = await selectApplication(store, {
    application: target.application,
    environment: target.environment,
    selection: {},
    ...(target.simulation === undefined ? {} : {simulation: target.simulation}),
  });
  const run = deployApp(ports.clock, {
    application: target.application,
    environment: target.environment,
    members: selection.members,
    order: selection.order,
    parallel: target.parallel,
    simulated: target.simulation !== undefined,
    signal: hooks.signal,
    start: memberDeployer(
      {root: ports.root, clock: ports.clock, store},
      {
        overrides: {},
        force: false,
        wait: true,
        timeoutMs: target.timeoutMs,
        noProgressTimeoutMs: target.noProgressTimeoutMs,
        ...(target.simulation === undefined ? {} : {simulation: target.simulation}),
      },
      {signal: hooks.signal, controls: hooks.controls},
    ),
    ...(hooks.onReview === undefined ? {} : {onReview: hooks.onReview}),
    ...(hooks.confirm === undefined ? {} : {confirm: hooks.confirm}),
  });
  yield* recordAppRun({store, clock: ports.clock}, {application: target.application, tags: memberTags(selection.members)}, run);
}
