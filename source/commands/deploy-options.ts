/**
 * The options shared by deploy, diff, render, verify, rollback and watch: their declarations (for the command
 * table and help) and their parsing into one typed value, with clear errors (exit code 2).
 */
import type {Environment, Profile} from '../domain/model.js';
import {UsageError} from '../errors.js';
import {DEFAULT_NO_PROGRESS_TIMEOUT_MS, DEFAULT_TIMEOUT_MS} from '../operations/deploy/defaults.js';
import type {RunInputs, Simulation} from '../operations/deploy/setup.js';
import {pinTag} from '../operations/deploy/pin-digest.js';
import type {CompositionRoot} from '../ports/root.js';
import {DEFAULT_SIMULATION_SCENARIO, isSimulationScenario, SIMULATION_SCENARIOS} from '../ports/simulation.js';
import type {OptionSpec, OptionValues} from './spec.js';

export const DEPLOY_OPTION_SPECS = {
  env: {type: 'string', value: 'NAME', description: 'the environment to use (may be omitted when the profile has one)'},
  tag: {type: 'string', value: 'TAG', description: "the image tag (or sha256:… digest) to deploy (default: the profile's current tag)"},
  set: {type: 'string', multiple: true, value: 'VAR=VALUE', description: 'override a config variable for this run (repeatable)'},
  yes: {type: 'boolean', short: 'y', description: 'do not ask for confirmation (also creates a missing awslogs log group)'},
  'no-wait': {type: 'boolean', description: 'start the deployment and exit 0 without watching it'},
  timeout: {type: 'string', value: 'DURATION', description: 'give up watching after this long, exit 4 (default 15m; e.g. 90s, 20m, 1h30m)'},
  'no-progress-timeout': {type: 'string', value: 'DURATION', description: 'give up when nothing changes for this long, exit 4 (default 5m)'},
  force: {type: 'boolean', description: 'go on even when a pre-flight check fails'},
  simulate: {
    type: 'string',
    value: 'SCENARIO',
    bareValue: DEFAULT_SIMULATION_SCENARIO,
    description: `run against the built-in rollout simulator, no AWS account needed (${SIMULATION_SCENARIOS.join(', ')}; bare --simulate: ${DEFAULT_SIMULATION_SCENARIO})`,
  },
  'simulate-speed': {type: 'string', value: 'N', description: 'run the simulation N times faster (default 1: real time)'},
  'exit-code': {type: 'boolean', description: 'exit 0 when nothing would change, 1 when something would, 2 on error'},
  'to-revision': {type: 'string', value: 'N', description: "the task definition revision to go back to (default: the one before the service's)"},
  'pin-digest': {
    type: 'boolean',
    description: 'resolve the tag to the digest it points to now and deploy tag@sha256:… (recorded in the profile: a re-run deploys the same bytes)',
  },
  'remove-auto-scaling': {
    type: 'boolean',
    description:
      "remove the service's auto scaling (its scalable target and policies) after the rollout; without it a profile without auto scaling leaves the service's alone",
  },
} satisfies Record<string, OptionSpec>;

type DeployOptionName = keyof typeof DEPLOY_OPTION_SPECS;

/** The declarations of some of the shared options, for one command's table entry. */
export function deployOptions(...names: DeployOptionName[]): Record<string, OptionSpec> {
  return Object.fromEntries(names.map((name) => [name, DEPLOY_OPTION_SPECS[name]]));
}

export interface DeployOptions {
  env?: string;
  tag?: string;
  /** --set VAR=VALUE, in order (a later one wins). */
  overrides: Record<string, string>;
  yes: boolean;
  wait: boolean;
  timeoutMs: number;
  noProgressTimeoutMs: number;
  force: boolean;
  simulate?: Simulation;
  exitCode: boolean;
  toRevision?: number;
  /** --pin-digest: deploy the digest the tag points to now. */
  pinDigest: boolean;
  /** --remove-auto-scaling (present only when given). */
  removeAutoScaling?: true;
}

const UNITS: Record<string, number> = {ms: 1, s: 1_000, m: 60_000, h: 3_600_000};

/**
 * `15m`, `90s`, `1h30m`, `500ms`, or a bare number of seconds → milliseconds. Throws UsageError naming the option.
 */
export function parseDuration(text: string, option: string): number {
  const trimmed = text.trim();
  const bad = (why: string): UsageError =>
    new UsageError(`--${option} ${why}, got '${text}'`, 'write a duration such as 90s, 15m or 1h30m (a bare number is seconds)');
  if (trimmed === '') throw bad('needs a duration');
  if (/^\d+(?:\.\d+)?$/.test(trimmed)) {
    const ms = Math.round(Number(trimmed) * 1_000);
    if (ms <= 0) throw bad('must be longer than zero');
    return ms;
  }
  const part = /(\d+(?:\.\d+)?)(ms|h|m|s)/gy;
  let total = 0;
  let consumed = 0;
  for (let match = part.exec(trimmed); match !== null; match = part.exec(trimmed)) {
    total += Number(match[1]) * UNITS[match[2]!]!;
    consumed = part.lastIndex;
  }
  if (consumed !== trimmed.length) throw bad('is not a duration');
  if (total <= 0) throw bad('must be longer than zero');
  return Math.round(total);
}

/** `VAR=VALUE` pairs → a map (VALUE may hold `=` and be empty). */
export function parseOverrides(values: readonly string[]): Record<string, string> {
  const overrides: Record<string, string> = {};
  for (const item of values) {
    const equals = item.indexOf('=');
    const name = equals === -1 ? item : item.slice(0, equals);
    if (equals === -1 || !/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name)) {
      throw new UsageError(`--set needs VAR=VALUE, got '${item}'`, 'e.g. --set containerPort=8080 --set logLevel=debug');
    }
    overrides[name] = item.slice(equals + 1);
  }
  return overrides;
}

function positiveInteger(text: string, option: string): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1) throw new UsageError(`--${option} must be a whole number of 1 or more, got '${text}'`);
  return Number(text);
}

function positiveNumber(text: string, option: string): number {
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(value) || value <= 0)
    throw new UsageError(`--${option} must be a number greater than zero, got '${text}'`, 'e.g. --simulate-speed 10');
  return value;
}

/** The shared options of one command line, parsed and checked. Options the command does not declare are absent. */
export function parseDeployOptions(values: OptionValues): DeployOptions {
  const str = (name: DeployOptionName): string | undefined => {
    const value = values[name];
    return typeof value === 'string' ? value : undefined;
  };
  const nonEmpty = (name: DeployOptionName): string | undefined => {
    const value = str(name);
    if (value !== undefined && value.trim() === '') throw new UsageError(`option --${name} needs a value`);
    return value?.trim();
  };
  const setValues = values.set;
  const options: DeployOptions = {
    overrides: parseOverrides(Array.isArray(setValues) ? setValues : typeof setValues === 'string' ? [setValues] : []),
    yes: values.yes === true,
    wait: values['no-wait'] !== true,
    timeoutMs: str('timeout') === undefined ? DEFAULT_TIMEOUT_MS : parseDuration(str('timeout')!, 'timeout'),
    noProgressTimeoutMs:
      str('no-progress-timeout') === undefined ? DEFAULT_NO_PROGRESS_TIMEOUT_MS : parseDuration(str('no-progress-timeout')!, 'no-progress-timeout'),
    force: values.force === true,
    exitCode: values['exit-code'] === true,
    pinDigest: values['pin-digest'] === true,
    ...(values['remove-auto-scaling'] === true ? {removeAutoScaling: true as const} : {}),
  };
  const env = nonEmpty('env');
  if (env !== undefined) options.env = env;
  const tag = nonEmpty('tag');
  if (tag !== undefined) options.tag = tag;
  const revision = str('to-revision');
  if (revision !== undefined) options.toRevision = positiveInteger(revision, 'to-revision');

  const scenario = str('simulate');
  const speed = str('simulate-speed');
  if (scenario !== undefined) {
    const name = scenario.trim() === '' ? DEFAULT_SIMULATION_SCENARIO : scenario.trim();
    if (!isSimulationScenario(name)) {
      throw new UsageError(`unknown simulation scenario '${name}'`, `scenarios: ${SIMULATION_SCENARIOS.join(', ')} (e.g. --simulate=crash-loop)`);
    }
    options.simulate = {scenario: name, speed: speed === undefined ? 1 : positiveNumber(speed, 'simulate-speed')};
  } else if (speed !== undefined) {
    throw new UsageError('--simulate-speed goes with --simulate', 'e.g. --simulate=crash-loop --simulate-speed 10');
  }
  if (options.pinDigest && options.simulate !== undefined)
    throw new UsageError('--pin-digest asks the registry for the digest: not with --simulate', 'leave out one of them');
  return options;
}

/** What the run renders and where, from the parsed options and the chosen profile and environment. */
export function runInputsOf(options: DeployOptions, target: {profile: Profile; environment: Environment}): RunInputs {
  return {
    ...target,
    ...(options.tag === undefined ? {} : {tag: options.tag}),
    overrides: options.overrides,
    ...(options.simulate === undefined ? {} : {simulate: options.simulate}),
  };
}

/**
 * The tag a run uses: `--tag` (default: the profile's); with --pin-digest that tag resolved through the registry to
 * `tag@sha256:…` (exit 2 when the tag is not there, 1 when the registry cannot say: nothing is done then).
 */
export async function runTag(
  root: Pick<CompositionRoot, 'registry'>,
  options: DeployOptions,
  profile: Profile,
  env: NodeJS.ProcessEnv,
): Promise<string | undefined> {
  if (!options.pinDigest) return options.tag;
  const tag = options.tag ?? profile.service.artifact.tag;
  if (tag === undefined || tag === '')
    throw new UsageError('--pin-digest needs a tag to resolve', `give it with --tag (profile '${profile.name}' has no current tag)`);
  const password = env.ECS_WIZARD_REGISTRY_PASSWORD;
  return pinTag(await root.registry(), profile.service.artifact, tag, password === undefined ? {} : {password});
}
