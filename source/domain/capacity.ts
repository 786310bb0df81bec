/**
 * Capacity provider strategies (an environment's `capacityProviderStrategy`): the `NAME:WEIGHT[:BASE]` flag form,
 * and the rules ECS applies to a strategy, checked before anything is sent:
 * - weights 0–1000 with at least one above 0, bases 0–100000, at most one provider with a base;
 * - Fargate providers (FARGATE, FARGATE_SPOT) only for a Fargate task definition, and not mixed with Auto Scaling
 *   group providers;
 * - FARGATE_SPOT without an on-demand floor (a base on FARGATE) is a warning: Spot tasks are stopped with a
 *   two-minute notice whenever AWS needs the capacity back, all of them at once if need be.
 * Whether the providers are attached to the cluster is known only from AWS: checked at deploy (checks.ts) and
 * in the wizard, which lists them.
 */
import type {Issue} from './issues.js';
import type {CapacityProviderItem} from './model.js';

export const FARGATE_PROVIDERS: ReadonlySet<string> = new Set(['FARGATE', 'FARGATE_SPOT']);
export const MAX_WEIGHT = 1000;
export const MAX_BASE = 100_000;
/** ECS's capacity provider names: letters, digits, `_` and `-`, up to 255. */
const PROVIDER_NAME = /^[A-Za-z0-9_-]{1,255}$/;

export const isFargateProvider = (name: string): boolean => FARGATE_PROVIDERS.has(name);

/** `FARGATE:1:1`, `FARGATE_SPOT:3` → an item, or the reason it is not one. */
export function parseCapacityProvider(text: string): {item: CapacityProviderItem} | {error: string} {
  const parts = text.trim().split(':');
  const [name = '', weightText, baseText] = parts;
  if (parts.length < 2 || parts.length > 3 || !PROVIDER_NAME.test(name)) {
    return {error: `"${text}" is not NAME:WEIGHT[:BASE] (e.g. FARGATE_SPOT:3 or FARGATE:1:2)`};
  }
  const number = (value: string | undefined, what: string, max: number): number | string => {
    if (value === undefined || !/^[0-9]+$/.test(value)) return `the ${what} of "${text}" must be a whole number`;
    const parsed = Number(value);
    return parsed > max ? `the ${what} of "${text}" must be from 0 to ${max}` : parsed;
  };
  const weight = number(weightText, 'weight', MAX_WEIGHT);
  if (typeof weight === 'string') return {error: weight};
  if (baseText === undefined) return {item: {capacityProvider: name, weight}};
  const base = number(baseText, 'base', MAX_BASE);
  if (typeof base === 'string') return {error: base};
  return {item: {capacityProvider: name, weight, base}};
}

/** `FARGATE:1:1, FARGATE_SPOT:3` (the flag form). */
export function formatCapacityStrategy(strategy: readonly CapacityProviderItem[]): string {
  return strategy.map((item) => `${item.capacityProvider}:${item.weight}${item.base === undefined ? '' : `:${item.base}`}`).join(', ');
}

/** The strategy as CreateService / UpdateService take it. */
export function strategyDocument(strategy: readonly CapacityProviderItem[]): Array<{capacityProvider: string; weight: number; base?: number}> {
  return strategy.map((item) => ({capacityProvider: item.capacityProvider, weight: item.weight, ...(item.base === undefined ? {} : {base: item.base})}));
}

export interface StrategyContext {
  /** The environment's name, for messages. */
  environment: string;
  /** The task definition's requiresCompatibilities, when it is known. */
  compatibilities?: readonly string[];
  /** The environment's launch type (what the task definition is made for). */
  launchType: 'EC2' | 'FARGATE';
}

/** Every rule of a strategy that can be checked without AWS. */
export function strategyIssues(strategy: readonly CapacityProviderItem[], context: StrategyContext): Issue[] {
  const issues: Issue[] = [];
  const path = 'capacityProviderStrategy';
  const error = (code: string, at: string, message: string, fix: string): void => {
    issues.push({code, severity: 'error', source: 'environment', path: at, message, fix});
  };
  if (strategy.length === 0) {
    error(
      'capacity-strategy-empty',
      path,
      `the capacity provider strategy of environment "${context.environment}" is empty`,
      'Name at least one provider, or remove the strategy',
    );
    return issues;
  }
  const seen = new Set<string>();
  strategy.forEach((item, index) => {
    const at = `${path}[${index}]`;
    if (seen.has(item.capacityProvider)) {
      error('capacity-strategy-duplicate', at, `${item.capacityProvider} is named twice in the capacity provider strategy`, 'Name each provider once');
    }
    seen.add(item.capacityProvider);
    if (!Number.isInteger(item.weight) || item.weight < 0 || item.weight > MAX_WEIGHT) {
      error(
        'capacity-strategy-weight',
        `${at}.weight`,
        `the weight of ${item.capacityProvider} must be from 0 to ${MAX_WEIGHT}; got ${item.weight}`,
        'Use a weight from 0 to 1000',
      );
    }
    if (item.base !== undefined && (!Number.isInteger(item.base) || item.base < 0 || item.base > MAX_BASE)) {
      error(
        'capacity-strategy-base',
        `${at}.base`,
        `the base of ${item.capacityProvider} must be from 0 to ${MAX_BASE}; got ${item.base}`,
        'Use a base from 0 to 100000',
      );
    }
  });
  if (strategy.every((item) => item.weight === 0)) {
    error(
      'capacity-strategy-weight',
      path,
      'every provider of the capacity provider strategy has weight 0: no task could be placed',
      'Give at least one provider a weight above 0',
    );
  }
  const withBase = strategy.filter((item) => (item.base ?? 0) > 0);
  if (withBase.length > 1) {
    error(
      'capacity-strategy-base',
      path,
      `only one provider of a capacity provider strategy may have a base; ${withBase.map((item) => item.capacityProvider).join(' and ')} both have one`,
      'Keep the base on one provider (usually FARGATE, the on-demand floor)',
    );
  }
  const fargate = strategy.filter((item) => isFargateProvider(item.capacityProvider));
  if (fargate.length > 0 && fargate.length < strategy.length) {
    error(
      'capacity-strategy-mixed',
      path,
      'a capacity provider strategy cannot mix Fargate providers with Auto Scaling group providers',
      'Use FARGATE/FARGATE_SPOT, or Auto Scaling group providers, not both',
    );
  }
  const fargateTask = context.compatibilities === undefined ? context.launchType === 'FARGATE' : context.compatibilities.includes('FARGATE');
  if (fargate.length > 0 && !fargateTask) {
    error(
      'capacity-strategy-fargate',
      path,
      `${fargate.map((item) => item.capacityProvider).join(' and ')} run Fargate tasks, but the task definition is not Fargate-compatible (requiresCompatibilities ${JSON.stringify(context.compatibilities ?? [context.launchType])})`,
      'Use the FARGATE launch type for this environment (the task definition then requires FARGATE), or an Auto Scaling group provider',
    );
  }
  if (fargate.length === 0 && context.launchType === 'FARGATE' && strategy.length > 0) {
    error(
      'capacity-strategy-ec2',
      path,
      'Auto Scaling group capacity providers run tasks on EC2 instances, but the environment runs Fargate tasks',
      'Use the EC2 launch type for this environment, or FARGATE/FARGATE_SPOT',
    );
  }
  const spot = strategy.find((item) => item.capacityProvider === 'FARGATE_SPOT' && item.weight > 0);
  const floor = strategy.find((item) => item.capacityProvider === 'FARGATE' && (item.base ?? 0) > 0);
  if (spot !== undefined && floor === undefined) {
    issues.push({
      code: 'capacity-strategy-spot',
      severity: 'warning',
      source: 'environment',
      path,
      message:
        'FARGATE_SPOT tasks are stopped with a two-minute notice whenever AWS needs the capacity back, and with no on-demand floor every task of the service can be interrupted at once: only for a service that tolerates it',
      fix: 'Give FARGATE a base (e.g. FARGATE:1:1) to keep tasks on on-demand capacity',
    });
  }
  return issues;
}

/** The providers of a strategy that are not attached to the cluster. */
export function unattachedProviders(strategy: readonly CapacityProviderItem[], attached: readonly string[]): string[] {
  return strategy.map((item) => item.capacityProvider).filter((name) => !attached.includes(name));
}
