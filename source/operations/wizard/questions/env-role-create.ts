/** 9. Creating ecsTaskExecutionRole for the environment, after a yes. */
import {usesExecutionRolePlaceholder} from '../container-spec.js';
import {createExecutionRolePrompt} from '../execution-role.js';
import {choiceOf, envOf, type Question} from '../question.js';
import {shortArn} from '../summary-text.js';

export const envRoleCreate: Question = {
  id: 'env-role-create',
  section: 8,
  perEnv: true,
  label: 'Create role',
  applies: (ctx) => usesExecutionRolePlaceholder(ctx.answers) && choiceOf(ctx, 'env-role', true) === 'create',
  valid: (ctx) => envOf(ctx).executionRoleArn !== undefined,
  summary: (ctx) => `created ${shortArn(envOf(ctx).executionRoleArn)}`,
  help: [
    'Nothing is changed in IAM without your yes. The role trusts ecs-tasks.amazonaws.com and gets the AWS managed policy AmazonECSTaskExecutionRolePolicy.',
  ],
  prompt: (context) => createExecutionRolePrompt(context, true),
};
