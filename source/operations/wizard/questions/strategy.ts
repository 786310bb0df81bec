/** 5. The scheduling strategy: REPLICA (a desired number of tasks) or DAEMON (one per instance; EC2 only). */
import type {WizardAnswers} from '../../../domain/wizard-answers.js';
import type {Question} from '../question.js';

export const strategy: Question = {
  id: 'strategy',
  section: 4,
  label: 'Scheduling strategy',
  valid: (ctx) => !(ctx.answers.strategy === 'DAEMON' && ctx.answers.launchType === 'FARGATE'),
  summary: (ctx) => ctx.answers.strategy ?? 'REPLICA',
  help: [
    'REPLICA (the default) keeps a desired number of tasks running across the cluster.',
    'DAEMON runs exactly one task on each container instance of the cluster: it takes no desired count and no placement strategy, and it is not supported on Fargate (there are no instances).',
  ],
  prompt: ({ctx: {answers}}) => ({
    kind: 'select',
    label: 'Scheduling strategy',
    initial: answers.strategy ?? 'REPLICA',
    options: [
      {value: 'REPLICA', label: 'REPLICA', detail: 'keep a desired number of tasks running (the default)'},
      {
        value: 'DAEMON',
        label: 'DAEMON',
        detail: 'one task on each container instance',
        ...(answers.launchType === 'FARGATE'
          ? {
              disabled:
                'DAEMON is not supported on Fargate: Fargate has no container instances to run one task on each. Use REPLICA, or go back (esc) and choose EC2',
            }
          : {}),
      },
    ],
    submit: (value) => {
      const next: WizardAnswers = {...answers, strategy: value as 'REPLICA' | 'DAEMON'};
      if (value === 'DAEMON') delete next.desiredCount;
      return {answers: next};
    },
  }),
  flags: [{name: 'strategy', type: 'string', value: 'REPLICA|DAEMON', description: 'scheduling strategy (DAEMON: EC2 only)'}],
  fields: {strategy: '--strategy'},
  fromFlags(draft) {
    const flag = draft.value('strategy');
    if (flag !== undefined) {
      const upper = flag.trim().toUpperCase();
      if (upper !== 'REPLICA' && upper !== 'DAEMON') draft.fail('--strategy', `"${flag}" is not a scheduling strategy: REPLICA or DAEMON`);
      else if (upper === 'DAEMON' && draft.answers.launchType === 'FARGATE')
        draft.fail('--strategy', 'DAEMON is not supported on Fargate (no container instances to run one task on each): use REPLICA, or --launch-type EC2');
      else {
        draft.answers = {...draft.answers, strategy: upper};
        draft.given.strategy = '--strategy';
      }
    } else if (!draft.interactive && draft.answers.strategy === undefined) draft.answers = {...draft.answers, strategy: 'REPLICA'};
  },
};
