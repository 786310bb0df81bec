/**
 * `ecs-wizard watch PROFILE` — re-attach to the service's deployment in flight (after a detach, --no-wait, or one
 * started elsewhere) and follow it to its end; a detached run of the profile gets the outcome.
 */
import {DeployControl} from '../operations/deploy/control.js';
import {profileAndEnvironment, runPorts, watchCommandFor} from '../operations/deploy/setup.js';
import {watchExisting} from '../operations/deploy/watch-existing.js';
import {requireProfileArgument} from './app-options.js';
import {parseDeployOptions, runInputsOf} from './deploy-options.js';
import {runDeployStream} from './deploy-stream.js';
import type {CommandContext} from './spec.js';

export async function run(context: CommandContext): Promise<number> {
  // A whole application (`--app NAME --env ENV`) has its own command file.
  if (context.options.app !== undefined) return (await import('./watch-app.js')).run(context);
  requireProfileArgument(context, 'watch');
  const options = parseDeployOptions(context.options);
  const {profile, environment} = await profileAndEnvironment(context.root, context.positionals[0]!, options.env);
  // A simulated watch needs something in flight: the simulator's service is rolling out a new revision.
  const ports = await runPorts(context.root, runInputsOf(options, {profile, environment}), {history: {revisions: 1, rollout: true}});
  const store = await context.root.profileStore();
  const control = new DeployControl();
  return runDeployStream(context, {
    title: `watch ${profile.name} in ${environment.name}`,
    watchCommand: watchCommandFor(profile, environment, options.simulate),
    control,
    ...(options.simulate === undefined ? {} : {simulation: options.simulate}),
    confirm: false,
    start: () =>
      watchExisting(
        {ecs: ports.ecs, clock: context.root.clock, store, ...(ports.logs === undefined ? {} : {logs: ports.logs})},
        {
          profile,
          environment,
          timeoutMs: options.timeoutMs,
          noProgressTimeoutMs: options.noProgressTimeoutMs,
          control,
          ...(ports.simulation === undefined ? {} : {simulated: true}),
        },
      ),
  });
}
