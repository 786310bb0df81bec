/**
 * The options of a whole-application run (`deploy --app`, `watch --app`): their declarations for the command table
 * and their parsing, with errors that name the option (exit 2). `--simulate` takes per-service scenarios here
 * (`--simulate=api:crash-loop,success`), parsed by operations/deploy/app-setup.ts.
 */
import type {Selection} from '../domain/deploy/app-order.js';
import {UsageError} from '../errors.js';
import {parseAppSimulation, type AppSimulation} from '../operations/deploy/app-simulation.js';
import {DEFAULT_SIMULATION_SCENARIO} from '../ports/simulation.js';
import {parseDeployOptions, type DeployOptions} from './deploy-options.js';
import type {OptionSpec, OptionValues} from './spec.js';

export const DEFAULT_PARALLEL = 3;

export const APP_OPTION_SPECS = {
  app: {type: 'string', value: 'NAME', description: 'every service of this application (with --env): one plan, one confirmation, in dependency order'},
  only: {type: 'string', multiple: true, value: 'SERVICE[,SERVICE]', description: 'with --app: deploy only these services (repeatable)'},
  from: {type: 'string', value: 'SERVICE', description: 'with --app: deploy this service and every one after it in the dependency order'},
  parallel: {type: 'string', value: 'N', description: `with --app: at most N services roll out at once (default ${DEFAULT_PARALLEL})`},
} satisfies Record<string, OptionSpec>;

export type AppOptionName = keyof typeof APP_OPTION_SPECS;

export function appOptions(...names: AppOptionName[]): Record<string, OptionSpec> {
  return Object.fromEntries(names.map((name) => [name, APP_OPTION_SPECS[name]]));
}

export interface AppOptions extends Omit<DeployOptions, 'simulate'> {
  application: string;
  env: string;
  selection: Selection;
  parallel: number;
  simulation?: AppSimulation;
}

/** The app-only options given without --app (a mistake worth naming). */
export function strayAppOptions(values: OptionValues): string[] {
  return (['only', 'from', 'parallel'] as const).filter((name) => values[name] !== undefined).map((name) => `--${name}`);
}

/** deploy / watch without --app: a PROFILE is needed, and the app-only options are refused (exit 2). */
export function requireProfileArgument(context: {positionals: string[]; options: OptionValues}, command: 'deploy' | 'watch'): void {
  const stray = strayAppOptions(context.options);
  if (stray.length > 0)
    throw new UsageError(
      `${stray.join(', ')} go${stray.length === 1 ? 'es' : ''} with --app`,
      `e.g. ecs-wizard ${command} --app shop --env staging ${stray[0]} …`,
    );
  if (context.positionals.length === 0)
    throw new UsageError(`missing argument: PROFILE (or --app NAME --env ENV for every service of an application)`, `see: ecs-wizard ${command} --help`);
}

/** The options of `deploy --app` / `watch --app`, checked. */
export function parseAppOptions(values: OptionValues, command: 'deploy' | 'watch'): AppOptions {
  const {simulate, 'simulate-speed': speedText, ...rest} = values;
  const base = parseDeployOptions(rest);
  const application = typeof values.app === 'string' ? values.app.trim() : '';
  if (application === '') throw new UsageError('option --app needs an application name', `e.g. ecs-wizard ${command} --app shop --env staging`);
  if (base.env === undefined)
    throw new UsageError(
      `${command} --app needs --env: the environment every service goes to`,
      `e.g. ecs-wizard ${command} --app ${application} --env staging`,
    );
  if (base.tag !== undefined)
    throw new UsageError(
      '--tag names one image: with --app each service deploys its own tag',
      'deploy one service with another tag: ecs-wizard deploy PROFILE --tag TAG',
    );
  const onlyValues = values.only === undefined ? [] : Array.isArray(values.only) ? values.only : [String(values.only)];
  const only = onlyValues
    .flatMap((item) => item.split(','))
    .map((item) => item.trim())
    .filter((item) => item !== '');
  const from = typeof values.from === 'string' ? values.from.trim() : undefined;
  if (values.only !== undefined && only.length === 0) throw new UsageError('option --only needs a service name', 'e.g. --only api,web');
  if (from === '') throw new UsageError('option --from needs a service name', 'e.g. --from api');
  if (only.length > 0 && from !== undefined) throw new UsageError('--only and --from both choose the services: give one of them');
  const parallelText = typeof values.parallel === 'string' ? values.parallel.trim() : undefined;
  if (parallelText !== undefined && (!/^\d+$/.test(parallelText) || Number(parallelText) < 1))
    throw new UsageError(`--parallel must be a whole number of 1 or more, got '${parallelText}'`, 'e.g. --parallel 2');
  let simulation: AppSimulation | undefined;
  if (typeof simulate === 'string') {
    const speed = typeof speedText === 'string' ? Number(speedText.trim()) : 1;
    if (!Number.isFinite(speed) || speed <= 0)
      throw new UsageError(`--simulate-speed must be a number greater than zero, got '${String(speedText)}'`, 'e.g. --simulate-speed 10');
    simulation = parseAppSimulation(simulate.trim() === '' ? DEFAULT_SIMULATION_SCENARIO : simulate, speed);
  } else if (speedText !== undefined) throw new UsageError('--simulate-speed goes with --simulate', 'e.g. --simulate=api:crash-loop --simulate-speed 10');
  return {
    ...base,
    application,
    env: base.env,
    selection: only.length > 0 ? {only} : from === undefined ? {} : {from},
    parallel: parallelText === undefined ? DEFAULT_PARALLEL : Number(parallelText),
    ...(simulation === undefined ? {} : {simulation}),
  };
}
