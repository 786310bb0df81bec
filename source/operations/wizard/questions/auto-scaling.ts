/**
 * 5. Scale automatically? Service auto scaling (Application Auto Scaling): the fewest and most tasks, and target
 * tracking on CPU, memory or ALB requests per target (`--min-count 2 --max-count 10 --cpu-target 60`,
 * `--memory-target N`, `--requests-per-target N`). The settings are asked by auto-scaling-settings.ts.
 */
import {autoScalingFromFlags, describeAutoScaling, type AutoScalingFlags} from '../../../domain/auto-scaling.js';
import {checkInteger, type Checked} from '../answer-checks.js';
import {choiceOf, type Question} from '../question.js';

/** A count or target of a flag (`prod:` in front names the environment in the message). */
export const checkCount = (text: string, flag: string, min: number, max: number, environment?: string): Checked<number | undefined> =>
  checkInteger(text, environment === undefined ? flag : `${flag} of ${environment}`, {min, max});

export const AUTO_SCALING_HELP = [
  'With auto scaling, Application Auto Scaling keeps the service between a minimum and a maximum number of tasks, adding tasks when the tracked metric is above its target and removing them when it is below: average CPU or memory of the service (percent), or requests per target of its Application Load Balancer target group.',
  'It is applied after the service update at each deploy. The service\u2019s desired count is then the scaler\u2019s: an update no longer sends it (a new service starts at the desired count brought into the range). Each environment may have its own range and targets (asked with the environment). A profile without auto scaling leaves a service\u2019s existing scaling alone; `deploy --remove-auto-scaling` removes it.',
];

/** Each flag: the setting's field, the flag, its bounds. `ENV:N` gives an environment its own (env-auto-scaling.ts). */
export const AUTO_SCALING_FLAGS: ReadonlyArray<[keyof AutoScalingFlags, string, number, number]> = [
  ['minCount', 'min-count', 0, 5000],
  ['maxCount', 'max-count', 1, 5000],
  ['cpuTarget', 'cpu-target', 1, 100],
  ['memoryTarget', 'memory-target', 1, 100],
  ['requestsPerTarget', 'requests-per-target', 1, 1_000_000],
];

export const autoScaling: Question = {
  id: 'auto-scaling',
  section: 4,
  label: 'Auto scaling',
  applies: (ctx) => (ctx.answers.strategy ?? 'REPLICA') === 'REPLICA',
  summary: (ctx) => (ctx.answers.autoScaling ? describeAutoScaling(ctx.answers.autoScaling) : choiceOf(ctx, 'auto-scaling') === 'yes' ? 'yes' : 'no'),
  help: AUTO_SCALING_HELP,
  prompt: ({ctx}) => ({
    kind: 'select',
    label: 'Scale automatically?',
    hint: 'Application Auto Scaling: between a minimum and a maximum number of tasks, on CPU, memory or requests per target.',
    initial: ctx.answers.autoScaling || choiceOf(ctx, 'auto-scaling') === 'yes' ? 'yes' : 'no',
    options: [
      {value: 'no', label: 'No', detail: 'the desired count stays as set'},
      {value: 'yes', label: 'Yes', detail: 'min/max tasks and a target (e.g. 2–10 tasks, CPU 60%)'},
    ],
    submit: (value) =>
      value === 'no'
        ? {answers: {...ctx.answers, autoScaling: null}, choices: {'auto-scaling': 'no'}}
        : {answers: ctx.answers, choices: {'auto-scaling': 'yes'}},
  }),
  flags: [
    {
      name: 'min-count',
      type: 'string',
      multiple: true,
      value: '[ENV:]N',
      description: "auto scaling: the fewest tasks (with --max-count and a target); ENV:N for one environment only (the other flags as the service's)",
    },
    {name: 'max-count', type: 'string', multiple: true, value: '[ENV:]N', description: 'auto scaling: the most tasks'},
    {
      name: 'cpu-target',
      type: 'string',
      multiple: true,
      value: '[ENV:]PERCENT',
      description: 'auto scaling: target tracking on average CPU (ECSServiceAverageCPUUtilization)',
    },
    {
      name: 'memory-target',
      type: 'string',
      multiple: true,
      value: '[ENV:]PERCENT',
      description: 'auto scaling: target tracking on average memory (ECSServiceAverageMemoryUtilization)',
    },
    {
      name: 'requests-per-target',
      type: 'string',
      multiple: true,
      value: '[ENV:]N',
      description: "auto scaling: target tracking on ALB requests per target (ALBRequestCountPerTarget; the service spec's loadBalancers)",
    },
  ],
  fields: {autoScaling: '--min-count'},
  fromFlags(draft) {
    const flags: AutoScalingFlags = {};
    const problems = draft.problems.length;
    for (const [key, flag, min, max] of AUTO_SCALING_FLAGS) {
      // The service's setting: the values without ENV: (those with it are an environment's own: env-auto-scaling.ts).
      const values = draft.values(flag).filter((text) => !text.includes(':'));
      if (values.length > 1) draft.fail(`--${flag}`, `--${flag} is given ${values.length} times: once for the service, and ENV:N for an environment`);
      const value = draft.take(flag, values[0], (text) => checkCount(text, `--${flag}`, min, max));
      if (value !== undefined) flags[key] = value;
    }
    // A flag already refused (not a number) is not also reported as missing.
    if (draft.problems.length > problems) return;
    const result = autoScalingFromFlags(flags);
    // Some flags given as ENV:N and others without: the ones without set the service's own, which then needs them all.
    const scoped = AUTO_SCALING_FLAGS.flatMap(([, flag]) =>
      draft
        .values(flag)
        .filter((text) => text.includes(':'))
        .map((text) => `--${flag} ${text}`),
    );
    const why =
      scoped.length === 0
        ? ''
        : ` for the service's own setting (the values without ENV:); to scale only some environments, give each flag as ENV:N like ${scoped[0]}`;
    for (const error of result.errors) draft.fail(`--${/^--([a-z-]+)/.exec(error)?.[1] ?? 'cpu-target'}`, `${error}${why}`);
    if (result.autoScaling !== undefined) {
      if (draft.answers.strategy === 'DAEMON') {
        draft.fail('--min-count', 'a DAEMON service runs one task per container instance: it cannot be scaled');
        return;
      }
      if (result.autoScaling.minCount > result.autoScaling.maxCount) {
        draft.fail('--min-count', `--min-count ${result.autoScaling.minCount} is above --max-count ${result.autoScaling.maxCount}`);
        return;
      }
      draft.answers = {...draft.answers, autoScaling: result.autoScaling};
      draft.choices['auto-scaling'] = 'yes';
      draft.given['auto-scaling'] = '--min-count';
      draft.given['auto-scaling-settings'] = '--min-count';
    } else if (!draft.interactive && result.errors.length === 0) {
      draft.given['auto-scaling'] = 'no --min-count';
    }
  },
};
