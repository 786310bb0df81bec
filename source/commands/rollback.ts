/**
 * `ecs-wizard rollback PROFILE [--to-revision N]` — the service goes back to an earlier revision (the last one this
 * profile deployed successfully, or the one before the running one), watched like a deploy.
 */
import {UsageError} from '../errors.js';
import {DeployControl} from '../operations/deploy/run.js';
import {rollbackDeploy} from '../operations/deploy/rollback.js';
import {profileAndEnvironment, runDeployStream, simulationRequest, watchCommandFor} from './deploy.js';
import {parseDeployOptions} from './deploy-options.js';
import type {CommandContext} from './spec.js';

export async function run(context: CommandContext): Promise<number> {
  const options = parseDeployOptions(context.options);
  const {profile, environment} = await profileAndEnvironment(context, options);
  if (!options.yes && options.simulate === undefined && (!context.io.interactive || context.globals.json)) {
    throw new UsageError(`not rolling back '${profile.name}' in '${environment.name}' without --yes (${context.globals.json ? '--json output cannot ask' : 'there is no terminal to ask'})`);
  }
  // A simulated rollback needs history: the simulator's service has run two revisions.
  const simulate = simulationRequest(options, profile, environment, {revisions: 2});
  const ports = await context.root.deployPorts(environment.region, simulate === undefined ? {} : {simulate});
  const store = await context.root.profileStore();
  const control = new DeployControl();
  return runDeployStream({
    context,
    title: `rollback ${profile.name} in ${environment.name}`,
    watchCommand: watchCommandFor(profile, environment, options),
    control,
    ...(options.simulate === undefined ? {} : {simulation: options.simulate}),
    confirm: context.io.interactive && !options.yes,
    start: (hooks) =>
      rollbackDeploy(
        {ecs: ports.ecs, clock: context.root.clock, store},
        {
          profile,
          environment,
          ...(options.toRevision === undefined ? {} : {toRevision: options.toRevision}),
          wait: options.wait,
          timeoutMs: options.timeoutMs,
          noProgressTimeoutMs: options.noProgressTimeoutMs,
          control,
          ...(ports.simulation === undefined ? {} : {simulated: true}),
          ...(hooks.confirm === undefined ? {} : {confirm: (target) => hooks.confirm!({kind: 'rollback', target})}),
        },
      ),
  });
}
