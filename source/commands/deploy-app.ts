/**
 * `ecs-wizard deploy --app NAME --env ENV` — every service of the application: one plan, one confirmation, then in
 * dependency order with independent services side by side (operations/deploy/app-run.ts), rendered by app-stream.ts.
 */
import {UsageError} from '../errors.js';
import {memberTags, recordAppRun} from '../operations/deploy/app-run-record.js';
import {deployApp} from '../operations/deploy/app-run.js';
import {appCommand, appSimulationText, memberDeployer, selectApplication} from '../operations/deploy/app-setup.js';
import type {DeployControl} from '../operations/deploy/control.js';
import {parseAppOptions} from './app-options.js';
import {runAppStream} from './app-stream.js';
import type {CommandContext} from './spec.js';

export async function run(context: CommandContext): Promise<number> {
  if (context.positionals.length > 0)
    throw new UsageError(
      `deploy takes a PROFILE or --app, not both (got ${context.positionals[0]} and --app)`,
      'e.g. ecs-wizard deploy --app shop --env staging',
    );
  const options = parseAppOptions(context.options, 'deploy');
  const store = await context.root.profileStore();
  const selection = await selectApplication(store, {
    application: options.application,
    environment: options.env,
    selection: options.selection,
    ...(options.simulation === undefined ? {} : {simulation: options.simulation}),
  });
  const {members} = selection;
  if (!options.wait) {
    const chained = members.find((member) => member.dependsOn.some((name) => members.some((other) => other.service === name)));
    if (chained !== undefined)
      throw new UsageError(
        `--no-wait cannot keep the dependency order: ${chained.service} depends on ${chained.dependsOn.join(', ')}, which must be deployed first`,
        'leave out --no-wait (detach with d or Ctrl-C once the dependencies are deployed), or deploy the services apart with --only',
      );
  }
  if (!options.yes && (!context.io.interactive || context.globals.json)) {
    throw new UsageError(
      `not deploying application '${options.application}' to '${options.env}' without --yes (${context.globals.json ? '--json output cannot ask' : 'there is no terminal to ask'})`,
      `see the plan first: ecs-wizard diff PROFILE --env ${options.env} for each service; then add --yes`,
    );
  }
  const controller = new AbortController();
  const controls = new Map<string, DeployControl>();
  const registryPassword = context.env.ECS_WIZARD_REGISTRY_PASSWORD;
  const simulate = options.simulation === undefined ? '' : `--simulate=${appSimulationText(options.simulation)}`;
  return runAppStream(context, {
    title: `deploy application ${options.application} → ${options.env}`,
    watchCommand: appCommand('watch', options.application, options.env, simulate),
    resumeCommand: (flags) => appCommand('deploy', options.application, options.env, [flags, simulate].filter((item) => item !== '').join(' ')),
    detach: () => controller.abort(),
    controls,
    ...(options.simulation === undefined ? {} : {simulation: {scenario: appSimulationText(options.simulation), speed: options.simulation.speed}}),
    confirm: context.io.interactive && !options.yes,
    start: (hooks) =>
      recordAppRun(
        {store, clock: context.root.clock},
        {application: options.application, tags: memberTags(members)},
        deployApp(context.root.clock, {
          application: options.application,
          environment: options.env,
          members,
          order: selection.order,
          parallel: options.parallel,
          simulated: options.simulation !== undefined,
          signal: controller.signal,
          start: memberDeployer(
            {root: context.root, clock: context.root.clock, store},
            {
              overrides: options.overrides,
              force: options.force,
              wait: options.wait,
              timeoutMs: options.timeoutMs,
              noProgressTimeoutMs: options.noProgressTimeoutMs,
              ...(registryPassword === undefined || registryPassword === '' ? {} : {registryPassword}),
              ...(options.simulation === undefined ? {} : {simulation: options.simulation}),
            },
            {signal: controller.signal, controls},
          ),
          ...(hooks.onReview === undefined ? {} : {onReview: hooks.onReview}),
          ...(hooks.confirm === undefined ? {} : {confirm: hooks.confirm}),
        }),
      ),
  });
}
