/**
 * `ecs-wizard watch --app NAME --env ENV` — re-attach to a detached whole-application run: every service whose newest
 * run here was left detached is followed to its end at once (operations/deploy/app-watch.ts), rendered like the deploy.
 */
import {UsageError} from '../errors.js';
import {appCommand, appSimulationText, memberSimulation, selectApplication} from '../operations/deploy/app-setup.js';
import {newestRun} from '../domain/deploy/app-run-record.js';
import {reattachPlan, settleAppRun} from '../operations/deploy/app-run-record.js';
import {watchApp} from '../operations/deploy/app-watch.js';
import {DeployControl} from '../operations/deploy/control.js';
import {runPorts} from '../operations/deploy/setup.js';
import {watchExisting} from '../operations/deploy/watch-existing.js';
import {parseAppOptions} from './app-options.js';
import {runAppStream} from './app-stream.js';
import type {CommandContext} from './spec.js';

export async function run(context: CommandContext): Promise<number> {
  if (context.positionals.length > 0)
    throw new UsageError(
      `watch takes a PROFILE or --app, not both (got ${context.positionals[0]} and --app)`,
      'e.g. ecs-wizard watch --app shop --env staging',
    );
  const options = parseAppOptions(context.options, 'watch');
  const store = await context.root.profileStore();
  const selection = await selectApplication(store, {
    application: options.application,
    environment: options.env,
    selection: options.selection,
    ...(options.simulation === undefined ? {} : {simulation: options.simulation}),
  });
  // The newest record of a whole-application run here says what was left in flight.
  const record = newestRun((await store.application(options.application))?.runs, options.env);
  const plan = reattachPlan(record, selection.members, options.simulation !== undefined);
  const controller = new AbortController();
  const controls = new Map<string, DeployControl>();
  const simulate = options.simulation === undefined ? '' : `--simulate=${appSimulationText(options.simulation)}`;
  return runAppStream(context, {
    title: `watch application ${options.application} in ${options.env}`,
    watchCommand: appCommand('watch', options.application, options.env, simulate),
    resumeCommand: (flags) => appCommand('deploy', options.application, options.env, [flags, simulate].filter((item) => item !== '').join(' ')),
    detach: () => controller.abort(),
    controls,
    ...(options.simulation === undefined ? {} : {simulation: {scenario: appSimulationText(options.simulation), speed: options.simulation.speed}}),
    confirm: false,
    start: () => {
      const events = watchApp(context.root.clock, {
        application: options.application,
        environment: options.env,
        members: selection.members,
        order: selection.order,
        simulated: options.simulation !== undefined,
        ...(plan === undefined ? {} : {reattach: plan.reattach}),
        watch: async function* (member) {
          const simulate = options.simulation === undefined ? undefined : memberSimulation(options.simulation, member.service);
          // A simulated watch needs something in flight: each service's simulator is rolling out a new revision.
          const ports = await runPorts(
            context.root,
            {profile: member.profile, environment: member.environment, overrides: {}, ...(simulate === undefined ? {} : {simulate})},
            {history: {revisions: 1, rollout: true}},
          );
          const control = new DeployControl();
          controls.set(member.service, control);
          if (controller.signal.aborted) control.detach();
          else controller.signal.addEventListener('abort', () => control.detach(), {once: true});
          yield* watchExisting(
            {ecs: ports.ecs, clock: context.root.clock, store},
            {
              profile: member.profile,
              environment: member.environment,
              timeoutMs: options.timeoutMs,
              noProgressTimeoutMs: options.noProgressTimeoutMs,
              control,
              ...(ports.simulation === undefined ? {} : {simulated: true}),
            },
          );
        },
      });
      if (plan === undefined) return events;
      const notes = plan.missing.map((service) => `cannot re-attach to ${service}: it is no longer a service of ${options.application} in ${options.env}`);
      return settleAppRun({store, clock: context.root.clock}, {application: options.application, recordId: plan.recordId, notes}, events);
    },
  });
}
