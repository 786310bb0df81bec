/** 5. Lifecycle hooks of a BLUE_GREEN, LINEAR or CANARY deployment: a Lambda function ECS invokes at a stage (STAGE=LAMBDA_ARN). */
import {groupHooks, HOOK_STAGES, parseHook, shiftsTraffic} from '../../../domain/deployment-strategy.js';
import type {ListEntry, Question} from '../question.js';
import {checked, shifting, strategyOf, withStrategy} from '../strategy-answers.js';

const entriesOf = (hooks: ReadonlyArray<{lambdaArn: string; stages: string[]}>): ListEntry[] =>
  hooks.flatMap((hook) => hook.stages.map((stage) => ({name: stage, value: hook.lambdaArn})));

export const lifecycleHooks: Question = {
  id: 'lifecycle-hooks',
  section: 4,
  label: 'Lifecycle hooks',
  applies: shifting,
  summary: (ctx) => {
    const hooks = strategyOf(ctx.answers).hooks;
    return hooks.length === 0
      ? 'none'
      : entriesOf(hooks)
          .map((entry) => `${entry.name}=${entry.value.slice(entry.value.lastIndexOf(':') + 1)}`)
          .join(', ');
  },
  help: [
    'A lifecycle hook is a Lambda function ECS invokes at a stage of the deployment; it answers SUCCEEDED (go on), FAILED (roll back) or IN_PROGRESS (ask again). E.g. a smoke test at POST_TEST_TRAFFIC_SHIFT, against the test listener, before any production traffic moves.',
    `Stages: ${HOOK_STAGES.join(', ')}. ECS assumes a role to invoke the function (the next question).`,
  ],
  prompt: ({ctx: {answers}}) => ({
    kind: 'list',
    label: 'Lifecycle hooks (none is fine)',
    hint: 'STAGE=LAMBDA_ARN, one per line, e.g. POST_TEST_TRAFFIC_SHIFT=arn:aws:lambda:us-east-1:123456789012:function:smoke; Enter on an empty line when done.',
    initial: entriesOf(strategyOf(answers).hooks),
    parse: (text) => {
      const parsed = checked(parseHook(text));
      return parsed.ok ? {ok: true, value: {name: parsed.value.stage, value: parsed.value.lambdaArn}} : parsed;
    },
    submit: (entries) => ({answers: withStrategy(answers, {hooks: groupHooks(entries.map((entry) => ({stage: entry.name, lambdaArn: entry.value})))})}),
  }),
  flags: [
    {
      name: 'lifecycle-hook',
      type: 'string',
      multiple: true,
      value: 'STAGE=LAMBDA_ARN',
      description: 'a Lambda lifecycle hook at a stage (repeat for more; needs --hook-role)',
    },
  ],
  fromFlags(draft) {
    const given = draft.values('lifecycle-hook');
    if (given.length === 0) return;
    const entries = given.flatMap((text) => draft.take('lifecycle-hook', text, (value) => checked(parseHook(value))) ?? []);
    const current = strategyOf(draft.answers);
    if (!shiftsTraffic(current.strategy)) {
      draft.fail(
        '--lifecycle-hook',
        `lifecycle hooks run in BLUE_GREEN, LINEAR and CANARY deployments; this service's strategy is ${current.strategy} (give --deployment-strategy)`,
      );
      return;
    }
    draft.answers = withStrategy(draft.answers, {hooks: groupHooks(entries)});
    draft.given['lifecycle-hooks'] = '--lifecycle-hook';
  },
};
