/**
 * The task execution role, asked twice: for private registry authentication (auth-role: it reads the
 * credentials secret) and per environment (env-role: it replaces ${EXECUTION_ROLE}). Both pick a role that
 * trusts ecs-tasks.amazonaws.com, or create ecsTaskExecutionRole — IAM is changed only after a yes.
 */
import {ECS_TASK_EXECUTION_ROLE_POLICY_ARN, executionRoleTrustPolicy} from '../../domain/policy.js';
import {checkArnAnswer} from './answer-checks.js';
import {envOf, patchEnvironment, type ActionPrompt, type PickerPrompt, type PromptContext} from './question.js';

/** The name the wizard gives the execution role it creates (the name AWS's docs use). */
export const DEFAULT_EXECUTION_ROLE_NAME = 'ecsTaskExecutionRole';

/** JSON with one-element arrays on one line (policies are shorter to read that way). */
export const compactJson = (value: unknown): string => JSON.stringify(value, null, 2).replace(/\[\n\s+("[^"\n]*")\n\s+\]/g, '[$1]');

/**
 * The aws CLI command that puts `policy` on the role, ready to paste: the document is given inline (no file to
 * write first). Policy documents hold ARNs and action names only, so single quotes are safe around them.
 */
export const putRolePolicyCommand = (roleName: string, policyName: string, policy: unknown): string =>
  `aws iam put-role-policy --role-name ${roleName} --policy-name ${policyName} --policy-document '${JSON.stringify(policy).replace(/'/g, "'\\''")}'`;

/** Picks the role (or "Create ecsTaskExecutionRole"): for the environment being asked, or for the registry credentials. */
export function executionRolePrompt({ctx, services}: PromptContext, forEnv: boolean): PickerPrompt {
  const {answers} = ctx;
  const previous = ctx.env > 0 ? answers.environments?.[ctx.env - 1]?.executionRoleArn : undefined;
  const current = forEnv ? (envOf(ctx).executionRoleArn ?? answers.executionRoleArn ?? previous) : answers.executionRoleArn;
  const choiceKey = forEnv ? `env-role#${ctx.env}` : 'auth-role';
  return {
    kind: 'picker',
    label: forEnv ? 'Task execution role (replaces ${EXECUTION_ROLE})' : 'Task execution role (reads the credentials secret)',
    hint: 'Roles that trust ecs-tasks.amazonaws.com are listed.',
    what: 'roles trusting ecs-tasks.amazonaws.com',
    load: async () => {
      const listing = await services.executionRoles();
      if (!listing.ok) return listing;
      return {ok: true, items: listing.items.map((role) => ({value: role.arn, label: role.name, detail: role.arn}))};
    },
    extra: (listed) =>
      (listed ?? []).some((role) => role.label === DEFAULT_EXECUTION_ROLE_NAME)
        ? []
        : [{value: 'create', label: `Create ${DEFAULT_EXECUTION_ROLE_NAME}`, detail: 'trust policy + AmazonECSTaskExecutionRolePolicy (asks first)'}],
    free: {validate: (text) => checkArnAnswer('iamRole', text, 'the role ARN'), hint: 'a role ARN'},
    initial: ctx.choices[choiceKey] === 'create' && current === undefined ? 'create' : current,
    check: {
      progress: 'Checking the role (iam:GetRole)…',
      run: async ([value]) => {
        if (value === 'create') return {ok: true};
        const found = await services.role(value!);
        if (found.status === 'missing')
          return {ok: false, message: `No role ${value!.split('/').pop()} in this account: check the ARN, or choose Create ${DEFAULT_EXECUTION_ROLE_NAME}`};
        if (found.status === 'unknown') return {ok: true, note: `Could not check the role: ${found.reason}`};
        if (!found.value.trustsEcsTasks)
          return {ok: false, message: `${found.value.name} does not trust ecs-tasks.amazonaws.com, so ECS cannot use it as the execution role`};
        return {ok: true};
      },
    },
    submit: ([value], note) => {
      if (value === 'create') return {choices: {[choiceKey]: 'create'}};
      const next = forEnv ? patchEnvironment(answers, ctx.env, {executionRoleArn: value!}) : {...answers, executionRoleArn: value!};
      return {answers: next, choices: {[choiceKey]: 'pick'}, ...(note ? {notice: note} : {})};
    },
  };
}

/** Creates ecsTaskExecutionRole after a yes (its trust policy and managed policy shown first). */
export function createExecutionRolePrompt({ctx, services}: PromptContext, forEnv: boolean): ActionPrompt {
  return {
    kind: 'action',
    label: `Create the IAM role ${DEFAULT_EXECUTION_ROLE_NAME} now? (iam:CreateRole, iam:AttachRolePolicy)`,
    options: [
      {value: 'yes', label: 'Yes, create it'},
      {value: 'no', label: 'No, go back'},
    ],
    body: [
      {note: 'Trust policy (who may assume it):'},
      {json: compactJson(executionRoleTrustPolicy()), max: 14},
      {note: `Managed policy attached: ${ECS_TASK_EXECUTION_ROLE_POLICY_ARN}`},
    ],
    choose: (value) =>
      value === 'no'
        ? {kind: 'back'}
        : {
            kind: 'run',
            progress: 'Creating the role…',
            run: async () => {
              const role = await services.createExecutionRole(DEFAULT_EXECUTION_ROLE_NAME);
              const next = forEnv ? patchEnvironment(ctx.answers, ctx.env, {executionRoleArn: role.arn}) : {...ctx.answers, executionRoleArn: role.arn};
              return {answers: next, notice: `Created ${role.arn}`};
            },
            failure: (reason) => `Could not create the role: ${reason}. Go back (esc) and type the ARN of a role instead.`,
          },
  };
}
