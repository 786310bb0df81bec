/**
 * `ecs-wizard deploy PROFILE …` — plan → checks → confirmation → apply → watch (operations/deploy/run.ts), rendered
 * by the reporter the run context picks (deploy-stream.ts).
 */
import {UsageError} from '../errors.js';
import {DeployControl} from '../operations/deploy/control.js';
import {deployHooks} from '../operations/deploy/hooks.js';
import {deploy} from '../operations/deploy/run.js';
import {profileAndEnvironment, runPorts, watchCommandFor} from '../operations/deploy/setup.js';
import {requireProfileArgument} from './app-options.js';
import {parseDeployOptions, runInputsOf, runTag} from './deploy-options.js';
import {runDeployStream} from './deploy-stream.js';
import type {CommandContext} from './spec.js';

export async function run(context: CommandContext): Promise<number> {
  // A whole application (`--app NAME --env ENV`) has its own command file.
  if (context.options.app !== undefined) return (await import('./deploy-app.js')).run(context);
  requireProfileArgument(context, 'deploy');
  const parsed = parseDeployOptions(context.options);
  const {profile, environment} = await profileAndEnvironment(context.root, context.positionals[0]!, parsed.env);
  const pinned = await runTag(context.root, parsed, profile, context.env);
  const options = pinned === undefined ? parsed : {...parsed, tag: pinned};
  // The same rule for a simulated run as for a real one: without a terminal to ask, --yes says go.
  if (!options.yes && (!context.io.interactive || context.globals.json)) {
    throw new UsageError(
      `not deploying '${profile.name}' to '${environment.name}' without --yes (${context.globals.json ? '--json output cannot ask' : 'there is no terminal to ask'})`,
      `see the plan first: ecs-wizard diff ${profile.name}${profile.environments.length > 1 ? ` --env ${environment.name}` : ''}; then add --yes`,
    );
  }
  const ports = await runPorts(context.root, runInputsOf(options, {profile, environment}));
  const store = await context.root.profileStore();
  const control = new DeployControl();
  const registryPassword = context.env.ECS_WIZARD_REGISTRY_PASSWORD;
  return runDeployStream(context, {
    title: `deploy ${profile.name} → ${environment.name}`,
    watchCommand: watchCommandFor(profile, environment, options.simulate),
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
          ...(options.removeAutoScaling ? {removeAutoScaling: true} : {}),
          wait: options.wait,
          timeoutMs: options.timeoutMs,
          noProgressTimeoutMs: options.noProgressTimeoutMs,
          ...(registryPassword === undefined || registryPassword === '' ? {} : {registryPassword}),
          control,
          ...deployHooks(hooks),
        },
      ),
  });
}
