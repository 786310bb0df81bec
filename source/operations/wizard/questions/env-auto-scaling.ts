/**
 * 9. The service's auto scaling in this environment: the service's setting (Enter), or this environment's own range
 * and targets (`1-2 cpu 60` in dev, `3-20 cpu 60` in prod) — saved as the environment's `autoScaling`, an override
 * of `service.autoScaling` like a config-variable override. Flags: the auto scaling flags with `ENV:` in front
 * (`--min-count prod:3 --max-count prod:20`); what an environment does not give is the service's flag's value.
 */
import {autoScalingFromFlags, describeAutoScaling, type AutoScalingFlags} from '../../../domain/auto-scaling.js';
import type {AutoScaling} from '../../../domain/model.js';
import {ok, type Checked} from '../answer-checks.js';
import {environmentNames, flagEnvironments} from '../environment-flags.js';
import {envOf, patchEnvironment, textPrompt, type Question} from '../question.js';
import {AUTO_SCALING_FLAGS, checkCount} from './auto-scaling.js';
import {parseAutoScaling, scalingText} from './auto-scaling-settings.js';

/** `prod:3` → the environment and the value; `3` → no environment (the service's flag). */
export function scopedValue(text: string): {environment?: string; value: string} {
  const colon = text.lastIndexOf(':');
  return colon > 0 ? {environment: text.slice(0, colon), value: text.slice(colon + 1)} : {value: text};
}

/** Enter (empty) or `same`: the service's setting; else MIN-MAX and targets. */
export function parseEnvironmentScaling(text: string): Checked<AutoScaling | null> {
  const written = text.trim();
  if (written === '' || written.toLowerCase() === 'same') return ok(null);
  return parseAutoScaling(written);
}

export const envAutoScaling: Question = {
  id: 'env-auto-scaling',
  section: 8,
  perEnv: true,
  label: 'Auto scaling here',
  applies: (ctx) => (ctx.answers.strategy ?? 'REPLICA') === 'REPLICA' && (Boolean(ctx.answers.autoScaling) || envOf(ctx).autoScaling !== undefined),
  summary: (ctx) => {
    const own = envOf(ctx).autoScaling;
    if (own !== undefined) return `${describeAutoScaling(own)} (this environment's)`;
    return ctx.answers.autoScaling ? `the service's (${describeAutoScaling(ctx.answers.autoScaling)})` : 'none';
  },
  help: [
    "Auto scaling may differ per environment: few tasks in dev, more in production. Enter keeps the service's setting here; MIN-MAX and targets (e.g. 3-20 cpu 60) give this environment its own, used by render, diff and deploy in this environment only.",
    'A new service starts with the service spec’s desired count brought into the range; an update leaves the count to the scaler.',
  ],
  prompt: ({ctx}) => {
    const env = envOf(ctx);
    const service = ctx.answers.autoScaling;
    return textPrompt({
      label: `Auto scaling in ${env.name ?? 'this environment'}`,
      hint: `Enter: the service's${service ? ` (${describeAutoScaling(service)})` : ''}. Or this environment's own: MIN-MAX and targets, e.g. 3-20 cpu 60.`,
      ...(env.autoScaling === undefined ? {} : {initial: scalingText(env.autoScaling)}),
      validate: parseEnvironmentScaling,
      submit: (value) => {
        const answers = patchEnvironment(ctx.answers, ctx.env, {autoScaling: value ?? undefined});
        if (value === null) delete answers.environments?.[ctx.env]?.autoScaling;
        return {answers};
      },
    });
  },
  fields: {'environment.autoScaling': '--min-count ENV:N'},
  fromFlags(draft) {
    // The service's flags (no ENV:) are auto-scaling.ts's; here each environment's own, over the service's values.
    const base: AutoScalingFlags = {};
    const own = new Map<string, AutoScalingFlags>();
    const problems = draft.problems.length;
    for (const [key, flag, min, max] of AUTO_SCALING_FLAGS) {
      for (const text of draft.values(flag)) {
        const scoped = scopedValue(text);
        const value = draft.take(flag, scoped.value, (number) => checkCount(number, `--${flag}`, min, max, scoped.environment));
        if (value === undefined) continue;
        if (scoped.environment === undefined) base[key] = value;
        else if (own.get(scoped.environment)?.[key] !== undefined) draft.fail(`--${flag}`, `--${flag} is given twice for ${scoped.environment}`);
        else own.set(scoped.environment, {...own.get(scoped.environment), [key]: value});
      }
    }
    if (draft.problems.length > problems) return;
    const names = environmentNames(draft);
    // The service's setting given by flags: the environments given by flags take it, unless ENV:N gives one its own.
    if (draft.given['auto-scaling'] === '--min-count') {
      flagEnvironments(draft)?.forEach((_, index) => (draft.given[`env-auto-scaling#${index}`] = '--min-count'));
    }
    if (own.size === 0) return;
    const environments = flagEnvironments(draft);
    for (const [name, flags] of own) {
      const index = names.indexOf(name);
      if (index < 0 || environments === undefined) {
        draft.fail('--min-count', `${name}: no environment named ${name} (environments: ${names.join(', ') || 'none'}): ENV: names one of the --env`);
        continue;
      }
      if (draft.answers.strategy === 'DAEMON') {
        draft.fail('--min-count', `${name}: a DAEMON service runs one task per container instance: it cannot be scaled`);
        continue;
      }
      const result = autoScalingFromFlags({...base, ...flags});
      for (const error of result.errors) draft.fail(`--${/^--([a-z-]+)/.exec(error)?.[1] ?? 'cpu-target'}`, `${name}: ${error}`);
      if (result.autoScaling === undefined) continue;
      if (result.autoScaling.minCount > result.autoScaling.maxCount) {
        draft.fail('--min-count', `${name}: --min-count ${result.autoScaling.minCount} is above --max-count ${result.autoScaling.maxCount}`);
        continue;
      }
      environments[index]!.autoScaling = result.autoScaling;
      draft.given[`env-auto-scaling#${index}`] = '--min-count';
    }
  },
};
