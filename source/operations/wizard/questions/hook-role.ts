/** 5. The IAM role ECS assumes to invoke the lifecycle hooks' Lambda functions (each hook's roleArn). */
import {checkArnAnswer} from '../answer-checks.js';
import {textPrompt, type Question} from '../question.js';
import {strategyOf, withStrategy} from '../strategy-answers.js';

export const hookRole: Question = {
  id: 'hook-role',
  section: 4,
  label: 'Hook role',
  applies: (ctx) => strategyOf(ctx.answers).hooks.length > 0,
  summary: (ctx) => strategyOf(ctx.answers).hookRoleArn ?? 'none',
  help: ["ECS invokes the lifecycle hooks with this role: it must trust ecs.amazonaws.com and may call lambda:InvokeFunction on the hooks' functions."],
  prompt: ({ctx: {answers}}) =>
    textPrompt({
      label: 'Role ECS assumes to invoke the hooks (IAM role ARN)',
      initial: strategyOf(answers).hookRoleArn ?? '',
      validate: (text) => checkArnAnswer('iamRole', text, 'the hook role'),
      submit: (value) => ({answers: withStrategy(answers, {hookRoleArn: value})}),
    }),
  flags: [{name: 'hook-role', type: 'string', value: 'ARN', description: 'the role ECS assumes to invoke the lifecycle hooks'}],
  fromFlags(draft) {
    const role = draft.take('hook-role', draft.value('hook-role'), (text) => checkArnAnswer('iamRole', text, '--hook-role'));
    const hooks = strategyOf(draft.answers).hooks;
    if (role !== undefined) {
      if (hooks.length === 0)
        draft.fail('--hook-role', 'the hook role is for lifecycle hooks: give --lifecycle-hook STAGE=LAMBDA_ARN too, or leave --hook-role out');
      else {
        draft.answers = withStrategy(draft.answers, {hookRoleArn: role});
        draft.given['hook-role'] = '--hook-role';
      }
    } else if (hooks.length > 0 && draft.given['lifecycle-hooks'] === '--lifecycle-hook' && !draft.interactive) {
      draft.fail('--hook-role', 'lifecycle hooks need the role ECS assumes to invoke them: give --hook-role ARN');
    }
  },
};
