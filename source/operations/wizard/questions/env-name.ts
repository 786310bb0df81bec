/** 9. The environment's name (--env, once per environment: the per-environment flags follow its order). */
import {bad, ok, type Checked} from '../answer-checks.js';
import {ENVIRONMENT_FLAG, environmentNames, flagEnvironments} from '../environment-flags.js';
import {envOf, patchEnvironment, textPrompt, type Question} from '../question.js';
import {ENVIRONMENT_HELP} from './env-source.js';

export function checkEnvironmentName(text: string, taken: readonly string[] = []): Checked<string> {
  const name = text.trim();
  if (name === '' || name.length > 64) return bad('Give the environment a name of 1 to 64 characters, e.g. production');
  if (taken.includes(name)) return bad(`This profile already has an environment "${name}"`);
  return ok(name);
}

export const envName: Question = {
  id: 'env-name',
  section: 8,
  perEnv: true,
  label: 'Environment',
  summary: (ctx) => envOf(ctx).name ?? '',
  help: ENVIRONMENT_HELP,
  prompt: ({ctx}) => {
    const env = envOf(ctx);
    const taken = (ctx.answers.environments ?? []).filter((_, index) => index !== ctx.env).map((environment) => environment.name ?? '');
    return textPrompt({
      label: 'Environment name',
      hint: 'e.g. staging or production',
      initial: env.name,
      suggestion: env.name === undefined && ctx.env === 0 ? 'production' : undefined,
      validate: (text) => checkEnvironmentName(text, taken),
      submit: (value) => ({answers: patchEnvironment(ctx.answers, ctx.env, {name: value})}),
    });
  },
  flags: [
    {
      name: ENVIRONMENT_FLAG,
      type: 'string',
      multiple: true,
      value: 'NAME',
      description: 'an environment (repeat for more; the flags below follow the same order)',
    },
  ],
  fields: {environment: '--env', 'environment.name': '--env'},
  fromFlags(draft) {
    const names = environmentNames(draft);
    flagEnvironments(draft)?.forEach((environment, index) => {
      const name = names[index];
      if (name === undefined) return;
      const checked = checkEnvironmentName(name, names.slice(0, index));
      if (checked.ok) {
        environment.name = checked.value;
        draft.given[`env-name#${index}`] = '--env';
      } else draft.fail('--env', checked.message);
    });
  },
};
