/** 8. The task execution role that reads the credentials secret (--execution-role, or --create-execution-role). */
import {checkArnAnswer} from '../answer-checks.js';
import {needsRegistryAuth} from '../artifact.js';
import {DEFAULT_EXECUTION_ROLE_NAME, executionRolePrompt} from '../execution-role.js';
import type {Question} from '../question.js';
import {shortArn} from '../summary-text.js';

export const authRole: Question = {
  id: 'auth-role',
  section: 7,
  label: 'Execution role',
  applies: (ctx) => needsRegistryAuth(ctx.answers),
  valid: (ctx) => ctx.answers.executionRoleArn !== undefined || ctx.choices['auth-role'] === 'create',
  summary: (ctx) =>
    ctx.choices['auth-role'] === 'create' && ctx.answers.executionRoleArn === undefined
      ? `create ${DEFAULT_EXECUTION_ROLE_NAME}`
      : shortArn(ctx.answers.executionRoleArn),
  help: [
    'You must also specify the task execution role (executionRoleArn): it authorizes Amazon ECS to pull private images for your task. It must trust ecs-tasks.amazonaws.com; roles that do are listed.',
    'If you are creating the task definition for the first time, create the role: ecs-wizard can create ecsTaskExecutionRole with the trust policy and the AWS managed AmazonECSTaskExecutionRolePolicy (after you confirm).',
  ],
  prompt: (context) => executionRolePrompt(context, false),
  flags: [
    {name: 'execution-role', type: 'string', multiple: true, value: 'ARN', description: 'task execution role (${EXECUTION_ROLE}); once, or once per --env'},
    {name: 'create-execution-role', type: 'boolean', description: 'create ecsTaskExecutionRole (needs --apply-iam) and use it'},
  ],
  fields: {executionRole: '--execution-role'},
  fromFlags(draft) {
    draft.iam.createRole = draft.isSet('create-execution-role');
    const roles = draft
      .values('execution-role')
      .map((text) => draft.take('execution-role', text, (value) => checkArnAnswer('iamRole', value, 'the execution role ARN')));
    if (roles.length > 0 && roles[0] !== undefined) {
      draft.answers = {...draft.answers, executionRoleArn: roles[0]};
      draft.given['auth-role'] = '--execution-role';
    }
    if (draft.iam.createRole && roles.length > 0) draft.fail('--create-execution-role', 'give either --execution-role or --create-execution-role, not both');
    if (draft.iam.createRole) {
      draft.choices['auth-role'] = 'create';
      draft.given['auth-role'] = '--create-execution-role';
    }
  },
};
