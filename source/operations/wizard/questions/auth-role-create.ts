/** 8. Creating ecsTaskExecutionRole for the credentials secret, after a yes. */
import {needsRegistryAuth} from '../artifact.js';
import {createExecutionRolePrompt} from '../execution-role.js';
import type {Question} from '../question.js';
import {shortArn} from '../summary-text.js';

export const authRoleCreate: Question = {
  id: 'auth-role-create',
  section: 7,
  label: 'Create role',
  applies: (ctx) => needsRegistryAuth(ctx.answers) && ctx.choices['auth-role'] === 'create',
  valid: (ctx) => ctx.answers.executionRoleArn !== undefined,
  summary: (ctx) => `created ${shortArn(ctx.answers.executionRoleArn)}`,
  help: [
    'Nothing is changed in IAM without your yes. The role trusts ecs-tasks.amazonaws.com and gets the AWS managed policy arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy (pull from ECR, write logs).',
  ],
  prompt: (context) => createExecutionRolePrompt(context, false),
};
