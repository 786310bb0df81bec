/**
 * ECS's own deployment strategies, in ECS's own shape: a service specification's `deploymentConfiguration`
 * (`strategy` ROLLING | BLUE_GREEN | LINEAR | CANARY, `bakeTimeInMinutes`, `canaryConfiguration`,
 * `linearConfiguration`, `lifecycleHooks`, `alarms`, `deploymentCircuitBreaker`). What is saved is what is sent:
 * `readDeploymentStrategy` reads a strategy out of a spec object, `writeDeploymentStrategy` writes one into it
 * (leaving every other member as it was), and the rest are the pure helpers the wizard, `init`, the simulator and
 * the deploy screen share: durations (`5m`, `1h`, `90s` → minutes), `STAGE=LAMBDA_ARN` hooks, the production
 * traffic steps of a strategy. The rules between fields are in validate/ecs/strategy-rules.ts. Pure.
 */
import type {JsonObject, JsonValue} from './json.js';
import {isJsonObject} from './json.js';

export const DEPLOYMENT_STRATEGIES = ['ROLLING', 'BLUE_GREEN', 'LINEAR', 'CANARY'] as const;
export type DeploymentStrategyName = (typeof DEPLOYMENT_STRATEGIES)[number];

/** The strategies that shift traffic between two revisions (blue and green). */
export const TRAFFIC_STRATEGIES: readonly DeploymentStrategyName[] = ['BLUE_GREEN', 'LINEAR', 'CANARY'];
export const shiftsTraffic = (strategy: string | undefined): boolean => strategy !== undefined && (TRAFFIC_STRATEGIES as readonly string[]).includes(strategy);

/** The stages a lifecycle hook may run at (DeploymentLifecycleHook.lifecycleStages, ECS API reference). */
export const HOOK_STAGES = [
  'RECONCILE_SERVICE',
  'PRE_SCALE_UP',
  'POST_SCALE_UP',
  'TEST_TRAFFIC_SHIFT',
  'POST_TEST_TRAFFIC_SHIFT',
  'PRE_PRODUCTION_TRAFFIC_SHIFT',
  'PRODUCTION_TRAFFIC_SHIFT',
  'POST_PRODUCTION_TRAFFIC_SHIFT',
] as const;

/** The stages a service deployment record goes through (ServiceDeployment.lifecycleStage), in order. */
export const LIFECYCLE_STAGES = [
  'RECONCILE_SERVICE',
  'PRE_SCALE_UP',
  'SCALE_UP',
  'POST_SCALE_UP',
  'TEST_TRAFFIC_SHIFT',
  'POST_TEST_TRAFFIC_SHIFT',
  'PRODUCTION_TRAFFIC_SHIFT',
  'POST_PRODUCTION_TRAFFIC_SHIFT',
  'BAKE_TIME',
  'CLEAN_UP',
] as const;

/** ECS's ranges (DeploymentConfiguration, CanaryConfiguration, LinearConfiguration). */
export const BAKE_MINUTES_MAX = 1440;
export const CANARY_PERCENT_RANGE = {min: 0.1, max: 100} as const;
export const LINEAR_STEP_RANGE = {min: 3, max: 100} as const;

/** Defaults a person can accept. */
export const STRATEGY_DEFAULTS = {bakeTimeInMinutes: 5, canaryPercent: 10, canaryBakeTimeInMinutes: 3, stepPercent: 20, stepBakeTimeInMinutes: 2} as const;

export interface LifecycleHook {
  /** The Lambda function ECS invokes. */
  lambdaArn: string;
  stages: string[];
}

/** A deployment strategy as the wizard asks it (and as it is read back from a spec). */
export interface DeploymentStrategy {
  strategy: DeploymentStrategyName;
  /** BLUE_GREEN, LINEAR, CANARY: how long both revisions run after production traffic moved (minutes). */
  bakeTimeInMinutes?: number;
  canary?: {percent: number; bakeTimeInMinutes: number};
  linear?: {stepPercent: number; stepBakeTimeInMinutes: number};
  hooks: LifecycleHook[];
  /** The role ECS assumes to invoke the hooks' functions. */
  hookRoleArn?: string;
  /** CloudWatch alarms that fail (and roll back) the deployment. */
  alarms: string[];
}

const numberOf = (value: JsonValue | undefined): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
const objectOf = (value: JsonValue | undefined): JsonObject | undefined => (isJsonObject(value) ? value : undefined);

/** The strategy a service specification asks for (ROLLING when it says nothing). */
export function readDeploymentStrategy(spec: JsonObject): DeploymentStrategy {
  const configuration = objectOf(spec.deploymentConfiguration) ?? {};
  const named = configuration.strategy;
  const strategy: DeploymentStrategyName = (DEPLOYMENT_STRATEGIES as readonly JsonValue[]).includes(named ?? null)
    ? (named as DeploymentStrategyName)
    : 'ROLLING';
  const canary = objectOf(configuration.canaryConfiguration);
  const linear = objectOf(configuration.linearConfiguration);
  const hooks: LifecycleHook[] = [];
  let hookRoleArn: string | undefined;
  for (const hook of Array.isArray(configuration.lifecycleHooks) ? configuration.lifecycleHooks : []) {
    if (!isJsonObject(hook) || typeof hook.hookTargetArn !== 'string') continue;
    const stages = Array.isArray(hook.lifecycleStages) ? hook.lifecycleStages.filter((stage): stage is string => typeof stage === 'string') : [];
    hooks.push({lambdaArn: hook.hookTargetArn, stages});
    if (typeof hook.roleArn === 'string') hookRoleArn ??= hook.roleArn;
  }
  const alarms = objectOf(configuration.alarms);
  const names = alarms !== undefined && Array.isArray(alarms.alarmNames) ? alarms.alarmNames.filter((name): name is string => typeof name === 'string') : [];
  const bake = numberOf(configuration.bakeTimeInMinutes);
  const canaryPercent = numberOf(canary?.canaryPercent);
  const stepPercent = numberOf(linear?.stepPercent);
  return {
    strategy,
    ...(bake === undefined ? {} : {bakeTimeInMinutes: bake}),
    ...(canaryPercent === undefined ? {} : {canary: {percent: canaryPercent, bakeTimeInMinutes: numberOf(canary?.canaryBakeTimeInMinutes) ?? 0}}),
    ...(stepPercent === undefined ? {} : {linear: {stepPercent, stepBakeTimeInMinutes: numberOf(linear?.stepBakeTimeInMinutes) ?? 0}}),
    hooks,
    ...(hookRoleArn === undefined ? {} : {hookRoleArn}),
    alarms: names,
  };
}

/** The members of deploymentConfiguration a strategy owns (written, or removed when the strategy has none). */
const OWNED = ['strategy', 'bakeTimeInMinutes', 'canaryConfiguration', 'linearConfiguration', 'lifecycleHooks', 'alarms'] as const;

/**
 * `spec` with `strategy` written into its deploymentConfiguration (a new object; `spec` is not changed). ROLLING
 * leaves `strategy` out (ECS's default) and the circuit breaker as it is (deploy adds one with rollback where the
 * spec has none: operations/deploy/deploy-inputs.ts); the traffic
 * strategies get their bake time and configuration. Hooks become one AWS_LAMBDA hook per function, with the role;
 * alarms roll the deployment back when they fire. Members the strategy does not own are kept as they were.
 */
export function writeDeploymentStrategy(spec: JsonObject, strategy: DeploymentStrategy): JsonObject {
  const configuration: JsonObject = {...(objectOf(spec.deploymentConfiguration) ?? {})};
  for (const key of OWNED) delete configuration[key];
  if (strategy.strategy !== 'ROLLING') {
    configuration.strategy = strategy.strategy;
    configuration.bakeTimeInMinutes = strategy.bakeTimeInMinutes ?? STRATEGY_DEFAULTS.bakeTimeInMinutes;
    if (strategy.strategy === 'CANARY') {
      const canary = strategy.canary ?? {percent: STRATEGY_DEFAULTS.canaryPercent, bakeTimeInMinutes: STRATEGY_DEFAULTS.canaryBakeTimeInMinutes};
      configuration.canaryConfiguration = {canaryPercent: canary.percent, canaryBakeTimeInMinutes: canary.bakeTimeInMinutes};
    }
    if (strategy.strategy === 'LINEAR') {
      const linear = strategy.linear ?? {stepPercent: STRATEGY_DEFAULTS.stepPercent, stepBakeTimeInMinutes: STRATEGY_DEFAULTS.stepBakeTimeInMinutes};
      configuration.linearConfiguration = {stepPercent: linear.stepPercent, stepBakeTimeInMinutes: linear.stepBakeTimeInMinutes};
    }
  }
  if (strategy.hooks.length > 0) {
    configuration.lifecycleHooks = strategy.hooks.map((hook): JsonObject => ({
      hookTargetArn: hook.lambdaArn,
      ...(strategy.hookRoleArn === undefined ? {} : {roleArn: strategy.hookRoleArn}),
      lifecycleStages: [...hook.stages],
    }));
  }
  if (strategy.alarms.length > 0) configuration.alarms = {alarmNames: [...strategy.alarms], rollback: true, enable: true};
  if (Object.keys(configuration).length === 0 && spec.deploymentConfiguration === undefined) return {...spec};
  return {...spec, deploymentConfiguration: configuration};
}

/**
 * The production traffic on the new revision after each shift, in percent: CANARY [canary, 100]; LINEAR one step
 * at a time up to 100; BLUE_GREEN [100]; ROLLING none (it replaces tasks, it does not shift traffic).
 */
export function trafficSteps(strategy: Pick<DeploymentStrategy, 'strategy' | 'canary' | 'linear'>): number[] {
  switch (strategy.strategy) {
    case 'ROLLING':
      return [];
    case 'BLUE_GREEN':
      return [100];
    case 'CANARY': {
      const percent = strategy.canary?.percent ?? STRATEGY_DEFAULTS.canaryPercent;
      return percent >= 100 ? [100] : [percent, 100];
    }
    case 'LINEAR': {
      const step = Math.max(LINEAR_STEP_RANGE.min, strategy.linear?.stepPercent ?? STRATEGY_DEFAULTS.stepPercent);
      const steps: number[] = [];
      for (let percent = step; percent < 100 - 1e-9; percent += step) steps.push(Math.round(percent * 10) / 10);
      return [...steps, 100];
    }
  }
}

/** The bake after each traffic step but the last (minutes): the canary's, or the linear step's. */
export function stepBakeMinutes(strategy: Pick<DeploymentStrategy, 'strategy' | 'canary' | 'linear'>): number {
  if (strategy.strategy === 'CANARY') return strategy.canary?.bakeTimeInMinutes ?? STRATEGY_DEFAULTS.canaryBakeTimeInMinutes;
  if (strategy.strategy === 'LINEAR') return strategy.linear?.stepBakeTimeInMinutes ?? STRATEGY_DEFAULTS.stepBakeTimeInMinutes;
  return 0;
}

export type Parsed<T> = {ok: true; value: T} | {ok: false; message: string};

/**
 * A duration in whole minutes: `5m`, `1h`, `90s` (rounded up to whole minutes: ECS takes minutes), `1h30m`, or a
 * bare number of minutes. `what` names it in the message ("the bake time").
 */
export function parseMinutes(text: string, what: string): Parsed<number> {
  const trimmed = text.trim().toLowerCase();
  const bad: Parsed<number> = {
    ok: false,
    message: `${what} "${text}" is not a duration: write minutes as 5m, hours as 1h, seconds as 90s (0 to ${BAKE_MINUTES_MAX}m)`,
  };
  if (trimmed === '') return bad;
  let seconds = 0;
  if (/^\d+$/.test(trimmed)) seconds = Number(trimmed) * 60;
  else {
    const match = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(trimmed);
    if (match === null || (match[1] === undefined && match[2] === undefined && match[3] === undefined)) return bad;
    seconds = Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0);
  }
  const minutes = Math.ceil(seconds / 60);
  if (minutes > BAKE_MINUTES_MAX) return {ok: false, message: `${what} "${text}" is ${minutes} minutes; ECS takes at most ${BAKE_MINUTES_MAX} (24h)`};
  return {ok: true, value: minutes};
}

/** `5m`, `1h30m`, `0m` — minutes as a person writes them. */
export function formatMinutes(minutes: number): string {
  if (minutes >= 60 && minutes % 60 === 0) return `${minutes / 60}h`;
  if (minutes > 60) return `${Math.floor(minutes / 60)}h${minutes % 60}m`;
  return `${minutes}m`;
}

/** A percentage within ECS's range (a fraction allowed: 2.5). */
export function parsePercent(text: string, what: string, range: {min: number; max: number}): Parsed<number> {
  const trimmed = text.trim().replace(/%$/, '');
  const value = /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (!Number.isFinite(value)) return {ok: false, message: `${what} "${text}" is not a percentage: write a number such as 10 (${range.min} to ${range.max})`};
  if (value < range.min || value > range.max) return {ok: false, message: `${what} must be between ${range.min} and ${range.max} percent, found ${value}`};
  return {ok: true, value};
}

const LAMBDA_ARN = /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]+(:[A-Za-z0-9_$-]+)?$/;

/** `STAGE=LAMBDA_ARN` (a lifecycle hook as typed). */
export function parseHook(text: string): Parsed<{stage: string; lambdaArn: string}> {
  const at = text.indexOf('=');
  if (at <= 0)
    return {ok: false, message: `"${text}" is not a lifecycle hook: write STAGE=LAMBDA_ARN, e.g. POST_TEST_TRAFFIC_SHIFT=arn:aws:lambda:…:function:check`};
  const stage = text.slice(0, at).trim().toUpperCase();
  const lambdaArn = text.slice(at + 1).trim();
  if (!(HOOK_STAGES as readonly string[]).includes(stage))
    return {ok: false, message: `"${text.slice(0, at).trim()}" is not a lifecycle stage a hook can run at: ${HOOK_STAGES.join(', ')}`};
  if (!LAMBDA_ARN.test(lambdaArn)) return {ok: false, message: `"${lambdaArn}" is not a Lambda function ARN (arn:aws:lambda:REGION:ACCOUNT:function:NAME)`};
  return {ok: true, value: {stage, lambdaArn}};
}

/** Hooks as typed (`STAGE=LAMBDA_ARN` each), grouped into one hook per function with its stages in ECS's order. */
export function groupHooks(entries: ReadonlyArray<{stage: string; lambdaArn: string}>): LifecycleHook[] {
  const byArn = new Map<string, Set<string>>();
  for (const entry of entries) byArn.set(entry.lambdaArn, (byArn.get(entry.lambdaArn) ?? new Set()).add(entry.stage));
  return [...byArn].map(([lambdaArn, stages]) => ({lambdaArn, stages: HOOK_STAGES.filter((stage) => stages.has(stage))}));
}

/** One line: `CANARY 10% for 3m, then 100%; bake 5m; 1 hook; alarms: api-5xx`. */
export function strategySummary(strategy: DeploymentStrategy): string {
  const parts: string[] = [];
  switch (strategy.strategy) {
    case 'ROLLING':
      parts.push('ROLLING (circuit breaker with rollback)');
      break;
    case 'BLUE_GREEN':
      parts.push('BLUE_GREEN: all traffic at once');
      break;
    case 'CANARY':
      parts.push(`CANARY ${strategy.canary?.percent ?? STRATEGY_DEFAULTS.canaryPercent}% for ${formatMinutes(stepBakeMinutes(strategy))}, then 100%`);
      break;
    case 'LINEAR':
      parts.push(`LINEAR ${strategy.linear?.stepPercent ?? STRATEGY_DEFAULTS.stepPercent}% every ${formatMinutes(stepBakeMinutes(strategy))}`);
      break;
  }
  if (strategy.strategy !== 'ROLLING') parts.push(`bake ${formatMinutes(strategy.bakeTimeInMinutes ?? STRATEGY_DEFAULTS.bakeTimeInMinutes)}`);
  if (strategy.hooks.length > 0) parts.push(`${strategy.hooks.length} hook${strategy.hooks.length === 1 ? '' : 's'}`);
  if (strategy.alarms.length > 0) parts.push(`alarms: ${strategy.alarms.join(', ')}`);
  return parts.join('; ');
}
