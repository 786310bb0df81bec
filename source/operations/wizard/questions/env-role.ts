/**
 * 9. The environment's task execution role, replacing ${EXECUTION_ROLE} (Fargate always uses it). --execution-role
 * (a flag of auth-role) given once is every environment's; given once per --env, each its own.
 */
import {checkArnAnswer} from '../answer-checks.js';
import {usesExecutionRolePlaceholder} from '../container-spec.js';
import {flagEnvironments, perEnvironment} from '../environment-flags.js';
import {DEFAULT_EXECUTION_ROLE_NAME, executionRolePrompt} from '../execution-role.js';
import {choiceOf, envOf, type Question} from '../question.js';
import {shortArn} from '../summary-text.js';

export const envRole: Question = {
  id: 'env-role',
  section: 8,
  perEnv: true,
  label: 'Execution role',
  applies: (ctx) => usesExecutionRolePlaceholder(ctx.answers),
  valid: (ctx) => (envOf(ctx).executionRoleArn ?? ctx.answers.executionRoleArn) !== undefined || choiceOf(ctx, 'env-role', true) === 'create',
  summary: (ctx) => {
    const role = envOf(ctx).executionRoleArn ?? ctx.answers.executionRoleArn;
    return choiceOf(ctx, 'env-role', true) === 'create' && role === undefined
      ? `create ${DEFAULT_EXECUTION_ROLE_NAME}`
      : `${shortArn(role)} (\${EXECUTION_ROLE})`;
  },
  help: [
    "At deploy time the ${EXECUTION_ROLE} placeholder is replaced with this role's ARN: the task execution role ECS uses to pull the image, write logs and read secrets. Roles trusting ecs-tasks.amazonaws.com are listed.",
  ],
  prompt: (context) => executionRolePrompt(context, true),
  fields: {'environment.executionRole': '--execution-role (or --create-execution-role --apply-iam)'},
  fromFlags(draft) {
    const roles = draft.values('execution-role').length > 1 ? perEnvironment(draft, 'execution-role') : [];
    flagEnvironments(draft)?.forEach((environment, index) => {
      const role = roles[index];
      if (role !== undefined) {
        const checked = checkArnAnswer('iamRole', role, 'the execution role ARN');
        if (checked.ok) environment.executionRoleArn = checked.value;
      }
      const key = `env-role#${index}`;
      if (role !== undefined || draft.answers.executionRoleArn !== undefined) draft.given[key] = '--execution-role';
      if (draft.iam.createRole) {
        draft.choices[key] = 'create';
        draft.given[key] = '--create-execution-role';
      }
    });
  },
};
