/**
 * `ecs-wizard rollback PROFILE [--to-revision N]` — the service goes back to an earlier revision (the last one this
 * profile deployed successfully, or the one before the running one), watched like a deploy.
 */
import {UsageError} from '../errors.js';
import {DeployControl} from '../operations/deploy/control.js';
import {rollbackHooks} from '../operations/deploy/hooks.js';
import {rollbackDeploy} from '../operations/deploy/rollback.js';
import {profileAndEnvironment, runPorts, watchCommandFor} from '../operations/deploy/setup.js';
import {parseDeployOptions, runInputsOf} from './deploy-options.js';
import {runDeployStream} from './deploy-stream.js';
import type {CommandContext} from './spec.js';

export async function run(context: CommandContext): Promise<number> {
  const options = parseDeployOptions(context.options);
  const {profile, environment} = await profileAndEnvironment(context.root, context.positionals[0]!, options.env);
  // As for deploy: a simulated rollback follows the same rule as a real one.
  if (!options.yes && (!context.io.interactive || context.globals.json)) {
    throw new UsageError(
      `not rolling back '${profile.name}' in '${environment.name}' without --yes (${context.globals.json ? '--json output cannot ask' : 'there is no terminal to ask'})`,
    );
  }
  // A simulated rollback needs history: the simulator's service has run two revisions.
  const ports = await runPorts(context.root, runInputsOf(options, {profile, environment}), {history: {revisions: 2}});
  const store = await context.root.profileStore();
  const control = new DeployControl();
  return runDeployStream(context, {
    title: `rollback ${profile.name} in ${environment.name}`,
    watchCommand: watchCommandFor(profile, environment, options.simulate),
    control,
    ...(options.simulate === undefined ? {} : {simulation: options.simulate}),
    confirm: context.io.interactive && !options.yes,
    start: (hooks) =>
      rollbackDeploy(
        {ecs: ports.ecs, clock: context.root.clock, store, ...(ports.logs === undefined ? {} : {logs: ports.logs})},
        {
          profile,
          environment,
          ...(options.toRevision === undefined ? {} : {toRevision: options.toRevision}),
          wait: options.wait,
          timeoutMs: options.timeoutMs,
          noProgressTimeoutMs: options.noProgressTimeoutMs,
          control,
          ...(ports.simulation === undefined ? {} : {simulated: true}),
          ...rollbackHooks(hooks),
        },
      ),
  });
}
