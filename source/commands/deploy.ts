/**
 * `ecs-wizard deploy PROFILE …` — and the one runner every deploy-like command (deploy, rollback, watch) shares:
 * a DeployEvent stream goes to NDJSON (--json), to the Ink deploy screen (a terminal), or to plain lines (no TTY, CI).
 */
import type {DeployEvent, DeployView} from '../domain/deploy-events.js';
import type {Environment, Profile} from '../domain/model.js';
import {EXIT, UsageError} from '../errors.js';
import {deploy, DeployControl, type DeployReview} from '../operations/deploy/run.js';
import {renderDeployInputs} from '../operations/deploy/plan.js';
import {requireProfile} from '../operations/profiles.js';
import type {RollbackTarget} from '../operations/deploy/rollback.js';
import {createPlainPrinter} from '../report/deploy-plain.js';
import {createNdjsonPrinter} from '../report/deploy-ndjson.js';
import {planText} from '../report/plan-text.js';
import type {SimulationRequest} from '../ports/simulation.js';
import {chooseEnvironment, parseDeployOptions, type DeployOptions, type Simulation} from './deploy-options.js';
import type {CommandContext} from './spec.js';

/** A question the stream asks before it changes anything. */
export type Confirmation = {kind: 'deploy'; review: DeployReview} | {kind: 'rollback'; target: RollbackTarget & {serviceName: string}};

export interface StreamHooks {
  /** Set only when a person can answer (a terminal, no --yes). */
  confirm?: (question: Confirmation) => Promise<boolean>;
  /** The plan and checks, before the confirmation (and with --yes). */
  onReview?: (review: DeployReview) => void;
}

export interface StreamRun {
  context: CommandContext;
  /** `deploy web-api → staging`. */
  title: string;
  /** How to re-attach (printed after a detach). */
  watchCommand: string;
  control: DeployControl;
  simulation?: Simulation;
  /** Ask before changing anything (a terminal without --yes). */
  confirm: boolean;
  start: (hooks: StreamHooks) => AsyncIterable<DeployEvent>;
}

/** The profile and environment named on the command line (exit 2 when either is unknown). */
export async function profileAndEnvironment(context: CommandContext, options: DeployOptions): Promise<{profile: Profile; environment: Environment}> {
  const profile = await requireProfile(await context.root.profileStore(), context.positionals[0]!);
  return {profile, environment: chooseEnvironment(profile, options.env)};
}

/** The simulator request of --simulate, seeded with the profile's service so that a deploy updates a running one. */
export function simulationRequest(options: Pick<DeployOptions, 'simulate' | 'tag' | 'overrides'>, profile: Profile, environment: Environment, seed: {rollout?: boolean; revisions?: number} = {}): SimulationRequest | undefined {
  if (options.simulate === undefined) return undefined;
  const request: SimulationRequest = {scenario: options.simulate.scenario, speed: options.simulate.speed};
  try {
    const inputs = renderDeployInputs({profile, environment, ...(options.tag === undefined ? {} : {tag: options.tag}), overrides: options.overrides});
    // The simulated service runs this profile as rendered with an earlier tag: the last other tag deployed
    // to this environment, else `previous`. A simulated deploy then meets a service shaped like its own.
    const deployTag = options.tag ?? profile.service.artifact.tag;
    const earlier = [...profile.runs].reverse().find((run) => run.environment === environment.name && run.outcome === 'deployed' && run.tag !== deployTag)?.tag;
    const running = renderDeployInputs({profile, environment, tag: earlier ?? (deployTag === 'previous' ? 'earlier' : 'previous'), overrides: options.overrides});
    const desired = inputs.service['desiredCount'];
    request.seed = {
      cluster: environment.cluster,
      serviceName: String(inputs.service['serviceName']),
      family: String(inputs.taskDefinition['family']),
      ...(typeof desired === 'number' ? {desiredCount: desired} : {}),
      launchType: environment.launchType,
      revisions: seed.revisions ?? 1,
      ...(seed.rollout ? {rollout: true} : {}),
      taskDefinition: running.taskDefinition,
      service: running.service,
    };
  } catch {
    // The deploy reports why the profile does not render; nothing to seed.
  }
  return request;
}

export const watchCommandFor = (profile: Profile, environment: Environment, options: DeployOptions): string =>
  `ecs-wizard watch ${profile.name}${profile.environments.length > 1 ? ` --env ${environment.name}` : ''}${options.simulate === undefined ? '' : ` --simulate=${options.simulate.scenario}`}`;

/** Runs a stream through the renderer that fits the output; returns the exit code of its `done`. */
export async function runDeployStream(run: StreamRun): Promise<number> {
  const {context, control} = run;
  const {io} = context;
  let view: DeployView | undefined;
  let exitCode: number | undefined;

  if (context.globals.json) {
    const printer = createNdjsonPrinter(io.stdout);
    const stopOnSignal = onInterrupt(() => control.detach());
    try {
      for await (const event of run.start({})) {
        printer.print(event);
        if (event.type === 'done') exitCode = event.exitCode;
      }
    } finally {
      stopOnSignal();
    }
    const summary = printer.summary();
    return exitCode ?? summary.exitCode;
  }

  if (io.interactive) {
    if (!context.globals.color) process.env.FORCE_COLOR = '0';
    const {runDeployScreen} = await import('../ui/screens/deploy.js');
    view = await runDeployScreen({
      io,
      clock: context.root.clock,
      title: run.title,
      control,
      confirm: run.confirm,
      color: context.globals.color,
      ...(run.simulation === undefined ? {} : {simulation: run.simulation}),
      watchCommand: run.watchCommand,
      start: run.start,
    });
    exitCode = view.exitCode;
  } else {
    const color = context.globals.color && Boolean(io.stdout.isTTY);
    const printer = createPlainPrinter(io.stdout, {color});
    const width = io.stdout.columns ?? 100;
    const stopOnSignal = onInterrupt(() => control.detach());
    try {
      for await (const event of run.start({
        // The plan with its diff, once (the checks are lines of the stream).
        onReview: (review) => io.stdout.write(`${planText(review.plan, {width, color})}\n`),
      })) {
        printer.print(event);
        if (event.type === 'done') exitCode = event.exitCode;
      }
    } finally {
      stopOnSignal();
    }
    view = printer.view;
    if (view.outcome === 'detached' && exitCode !== 0) io.stdout.write(`The deployment goes on. Watch it again: ${run.watchCommand}\n`);
  }
  return exitCode ?? EXIT.failed;
}

/** Ctrl-C without a terminal (CI cancel): detach instead of dying mid-poll. Returns the un-registration. */
function onInterrupt(detach: () => void): () => void {
  const handler = (): void => detach();
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}

export async function run(context: CommandContext): Promise<number> {
  const options = parseDeployOptions(context.options);
  const {profile, environment} = await profileAndEnvironment(context, options);
  if (!options.yes && options.simulate === undefined && (!context.io.interactive || context.globals.json)) {
    throw new UsageError(
      `not deploying '${profile.name}' to '${environment.name}' without --yes (${context.globals.json ? '--json output cannot ask' : 'there is no terminal to ask'})`,
      `see the plan first: ecs-wizard diff ${profile.name}${profile.environments.length > 1 ? ` --env ${environment.name}` : ''}; then add --yes`,
    );
  }
  const simulate = simulationRequest(options, profile, environment);
  const ports = await context.root.deployPorts(environment.region, simulate === undefined ? {} : {simulate});
  const store = await context.root.profileStore();
  const control = new DeployControl();
  const registryPassword = context.env.ECS_WIZARD_REGISTRY_PASSWORD;
  return runDeployStream({
    context,
    title: `deploy ${profile.name} → ${environment.name}`,
    watchCommand: watchCommandFor(profile, environment, options),
    control,
    ...(options.simulate === undefined ? {} : {simulation: options.simulate}),
    confirm: context.io.interactive && !options.yes,
    start: (hooks) =>
      deploy(
        {...ports, clock: context.root.clock, store},
        {
          profile,
          environment,
          ...(options.tag === undefined ? {} : {tag: options.tag}),
          overrides: options.overrides,
          force: options.force,
          wait: options.wait,
          timeoutMs: options.timeoutMs,
          noProgressTimeoutMs: options.noProgressTimeoutMs,
          ...(registryPassword === undefined || registryPassword === '' ? {} : {registryPassword}),
          control,
          ...(hooks.onReview === undefined ? {} : {onReview: hooks.onReview}),
          ...(hooks.confirm === undefined ? {} : {confirm: (review: DeployReview) => hooks.confirm!({kind: 'deploy', review})}),
        },
      ),
  });
}
