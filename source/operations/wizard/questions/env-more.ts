/** 9. Another environment? (the environment questions are asked again; with --env, one per name). */
import {environmentNames, flagEnvironments} from '../environment-flags.js';
import {choiceOf, type Question} from '../question.js';

export const envMore: Question = {
  id: 'env-more',
  section: 8,
  perEnv: true,
  label: 'Another environment',
  summary: (ctx) => (choiceOf(ctx, 'env-more', true) === 'yes' ? 'yes' : 'no'),
  help: ['A profile can deploy the same service to several environments (staging, production…), each with its cluster, network, role and overrides.'],
  prompt: ({ctx}) => ({
    kind: 'select',
    label: 'Add another environment?',
    initial: ctx.choices[`env-more#${ctx.env}`] ?? 'no',
    options: [
      {value: 'no', label: 'No, review the profile'},
      {value: 'yes', label: 'Yes, add another environment', detail: 'e.g. staging next to production'},
    ],
    submit: (value) => {
      const next = value === 'no' ? {...ctx.answers, environments: (ctx.answers.environments ?? []).slice(0, ctx.env + 1)} : ctx.answers;
      return {answers: next, choices: {[`env-more#${ctx.env}`]: value}};
    },
  }),
  fromFlags(draft) {
    const names = environmentNames(draft);
    const environments = flagEnvironments(draft) ?? [];
    environments.forEach((_, index) => {
      draft.choices[`env-more#${index}`] = index < environments.length - 1 ? 'yes' : 'no';
      if (names.length > 0 || !draft.interactive) draft.given[`env-more#${index}`] = '--env';
    });
  },
};
