/**
 * `ecs-wizard watch PROFILE` — re-attach to the service's deployment in flight (after a detach, --no-wait, or one
 * started elsewhere) and follow it to its end; a detached run of the profile gets the outcome.
 */
import {DeployControl} from '../operations/deploy/run.js';
import {watchExisting} from '../operations/deploy/rollback.js';
import {profileAndEnvironment, runDeployStream, simulationRequest, watchCommandFor} from './deploy.js';
import {parseDeployOptions} from './deploy-options.js';
import type {CommandContext} from './spec.js';

export async function run(context: CommandContext): Promise<number> {
  const options = parseDeployOptions(context.options);
  const {profile, environment} = await profileAndEnvironment(context, options);
  // A simulated watch needs something in flight: the simulator's service is rolling out a new revision.
  const simulate = simulationRequest(options, profile, environment, {revisions: 1, rollout: true});
  const ports = await context.root.deployPorts(environment.region, simulate === undefined ? {} : {simulate});
  const store = await context.root.profileStore();
  const control = new DeployControl();
  return runDeployStream({
    context,
    title: `watch ${profile.name} in ${environment.name}`,
    watchCommand: watchCommandFor(profile, environment, options),
    control,
    ...(options.simulate === undefined ? {} : {simulation: options.simulate}),
    confirm: false,
    start: () =>
      watchExisting(
        {ecs: ports.ecs, clock: context.root.clock, store},
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
