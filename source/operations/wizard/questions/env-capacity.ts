/**
 * 9. How the environment's cluster places the tasks: the launch type, or a capacity provider strategy over the
 * cluster's providers (FARGATE, FARGATE_SPOT, Auto Scaling group providers) — `--capacity-provider NAME:WEIGHT[:BASE]`
 * (repeatable; every environment's strategy), `--capacity-provider ENV:NAME:WEIGHT[:BASE]` (that environment's own,
 * in place of the shared one: Fargate Spot in dev only).
 */
import {formatCapacityStrategy, parseCapacityProvider} from '../../../domain/capacity.js';
import type {CapacityProviderItem} from '../../../domain/model.js';
import {bad, ok, type Checked} from '../answer-checks.js';
import {environmentNames, flagEnvironments} from '../environment-flags.js';
import {envOf, patchEnvironment, type Choice, type Question} from '../question.js';

/** `FARGATE:1:1, FARGATE_SPOT:3` (commas or spaces between providers) → a strategy; `none` → the launch type. */
export function checkCapacityStrategy(text: string): Checked<string> {
  const written = text.trim();
  if (written === '' || written.toLowerCase() === 'none') return ok('none');
  const parsed = parseStrategy(written);
  return 'error' in parsed ? bad(parsed.error) : ok(formatCapacityStrategy(parsed.strategy));
}

export function parseStrategy(text: string): {strategy: CapacityProviderItem[]} | {error: string} {
  const strategy: CapacityProviderItem[] = [];
  for (const part of text.split(/[\s,]+/).filter((item) => item !== '')) {
    const parsed = parseCapacityProvider(part);
    if ('error' in parsed) return parsed;
    strategy.push(parsed.item);
  }
  return {strategy};
}

const SPOT_WITH_FLOOR = 'FARGATE:1:1, FARGATE_SPOT:3';

/** The row of the launch type (no strategy): always offered, also when the cluster's providers cannot be listed. */
export const launchTypeChoice = (launchType: string): Choice => ({value: 'none', label: `No capacity providers: the ${launchType} launch type`});

/** The rows offered for the cluster's providers: a strategy each. */
export function strategyChoices(providers: ReadonlyArray<{name: string; kind: string}>, launchType: string): Choice[] {
  const names = providers.map((provider) => provider.name);
  const choices: Choice[] = [];
  if (launchType === 'FARGATE') {
    if (names.includes('FARGATE') && names.includes('FARGATE_SPOT')) {
      choices.push({value: SPOT_WITH_FLOOR, label: SPOT_WITH_FLOOR, detail: 'one task on demand, then 3 of every 4 on Spot (up to ~70% cheaper)'});
      choices.push({value: 'FARGATE_SPOT:1', label: 'FARGATE_SPOT:1', detail: 'all on Spot: every task can be interrupted (2-minute notice)'});
    }
    if (names.includes('FARGATE')) choices.push({value: 'FARGATE:1', label: 'FARGATE:1', detail: 'on demand, through the capacity provider'});
  } else {
    for (const provider of providers.filter((item) => item.kind === 'auto-scaling-group')) {
      choices.push({value: `${provider.name}:1`, label: `${provider.name}:1`, detail: 'an Auto Scaling group provider'});
    }
  }
  return choices;
}

const toStrategy = (value: string): CapacityProviderItem[] | undefined => {
  if (value === 'none') return undefined;
  const parsed = parseStrategy(value);
  return 'error' in parsed ? undefined : parsed.strategy;
};

export const envCapacity: Question = {
  id: 'env-capacity',
  section: 8,
  perEnv: true,
  label: 'Capacity',
  summary: (ctx) => {
    const strategy = envOf(ctx).capacityProviderStrategy;
    return strategy === undefined || strategy.length === 0
      ? `the ${envOf(ctx).launchType ?? ctx.answers.launchType ?? 'FARGATE'} launch type`
      : formatCapacityStrategy(strategy);
  },
  help: [
    'Capacity providers decide where the tasks run. FARGATE is on-demand Fargate; FARGATE_SPOT runs the same tasks on spare capacity for up to ~70% less, but AWS may stop a Spot task at any time with a two-minute notice (SIGTERM), several at once. Use Spot only for a service that tolerates that (stateless, more than one task), and keep a floor on demand: a base on FARGATE (e.g. FARGATE:1:1, FARGATE_SPOT:3 — the first task on demand, then one in four).',
    'A strategy is NAME:WEIGHT[:BASE] per provider: the base tasks are placed first on the one provider that has one, the rest by weight (0–1000). The providers must be attached to the cluster; a cluster the deploy creates gets FARGATE and FARGATE_SPOT. An Auto Scaling group provider places EC2 tasks.',
  ],
  prompt: ({ctx, services}) => {
    const env = envOf(ctx);
    const launchType = env.launchType ?? ctx.answers.launchType ?? 'FARGATE';
    const region = env.region ?? services.defaultRegion() ?? 'us-east-1';
    const cluster = env.cluster ?? '';
    const current = env.capacityProviderStrategy;
    return {
      kind: 'picker',
      label: 'Capacity providers',
      hint: 'Or type a strategy: NAME:WEIGHT[:BASE], … (e.g. FARGATE:1:1, FARGATE_SPOT:3); "none" for the launch type.',
      what: `capacity providers of cluster ${cluster} (${region})`,
      load: async () => {
        const listing = services.capacityProviders === undefined ? undefined : await services.capacityProviders(cluster, region);
        if (listing === undefined) return {ok: false, reason: 'capacity providers cannot be listed here'};
        if (!listing.ok) return listing;
        return {ok: true, items: strategyChoices(listing.items, launchType)};
      },
      extra: () => [launchTypeChoice(launchType)],
      free: {validate: checkCapacityStrategy, hint: 'a strategy such as FARGATE:1:1, FARGATE_SPOT:3, or none'},
      // No strategy yet: the first row (the launch type) is highlighted, and nothing is typed for the person.
      ...(current === undefined || current.length === 0 ? {} : {initial: formatCapacityStrategy(current)}),
      submit: ([value]) => {
        const strategy = toStrategy(value ?? 'none');
        const next = patchEnvironment(ctx.answers, ctx.env, {capacityProviderStrategy: strategy ?? []});
        const spot = strategy?.some((item) => item.capacityProvider === 'FARGATE_SPOT' && item.weight > 0) === true;
        const floor = strategy?.some((item) => item.capacityProvider === 'FARGATE' && (item.base ?? 0) > 0) === true;
        return {
          answers: next,
          ...(spot && !floor
            ? {notice: 'Spot without an on-demand floor: every task can be stopped with a two-minute notice. Give FARGATE a base for a floor.'}
            : {}),
        };
      },
    };
  },
  flags: [
    {
      name: 'capacity-provider',
      type: 'string',
      multiple: true,
      value: '[ENV:]NAME:WEIGHT[:BASE]',
      description:
        'a capacity provider of the strategy (repeat for more): e.g. FARGATE:1:1 and FARGATE_SPOT:3 for every environment; dev:FARGATE_SPOT:1 for dev only',
    },
  ],
  fields: {'environment.capacity': '--capacity-provider'},
  fromFlags(draft) {
    const values = draft.values('capacity-provider');
    if (values.length === 0) return;
    // NAME:WEIGHT[:BASE] is every environment's strategy; ENV:NAME:WEIGHT[:BASE] one environment's own.
    const shared: CapacityProviderItem[] = [];
    const own = new Map<string, CapacityProviderItem[]>();
    let failed = false;
    for (const value of values) {
      const scoped = scopedProvider(value);
      const parsed = parseCapacityProvider(scoped.provider);
      if ('error' in parsed) {
        draft.fail('--capacity-provider', parsed.error);
        failed = true;
      } else if (scoped.environment === undefined) shared.push(parsed.item);
      else own.set(scoped.environment, [...(own.get(scoped.environment) ?? []), parsed.item]);
    }
    if (failed) return;
    const names = environmentNames(draft);
    for (const name of own.keys()) {
      if (!names.includes(name)) {
        draft.fail('--capacity-provider', `${name}: no environment named ${name} (environments: ${names.join(', ') || 'none'}): ENV: names one of the --env`);
        failed = true;
      }
    }
    if (failed) return;
    flagEnvironments(draft)?.forEach((environment, index) => {
      const strategy = own.get(names[index] ?? '') ?? shared;
      if (strategy.length === 0) return;
      environment.capacityProviderStrategy = strategy.map((item) => ({...item}));
      draft.given[`env-capacity#${index}`] = '--capacity-provider';
    });
  },
};

/** `dev:FARGATE_SPOT:1` → dev and `FARGATE_SPOT:1`; `FARGATE:1:1` → no environment (a weight is a number, a name is not). */
export function scopedProvider(text: string): {environment?: string; provider: string} {
  const parts = text.trim().split(':');
  if (parts.length >= 3 && !/^[0-9]+$/.test(parts[1] ?? '')) return {environment: parts[0], provider: parts.slice(1).join(':')};
  return {provider: text};
}
