/** 8. The least-privilege inline policy that lets the execution role read the secret: put on the role after a yes (--apply-iam). */
import {PRIVATE_REGISTRY_POLICY_NAME, privateRegistryPolicy} from '../../../domain/policy.js';
import {needsRegistryAuth} from '../artifact.js';
import {compactJson, putRolePolicyCommand} from '../execution-role.js';
import type {Question} from '../question.js';

export const authPolicy: Question = {
  id: 'auth-policy',
  section: 7,
  label: 'Secret policy',
  applies: (ctx) => needsRegistryAuth(ctx.answers),
  summary: (ctx) => ctx.choices['auth-policy'] ?? '',
  help: [
    'The execution role needs the secretsmanager:GetSecretValue permission on the credentials secret (and kms:Decrypt on the custom key, if there is one). ecs-wizard shows the least-privilege inline policy and puts it on the role (iam:PutRolePolicy) only if you say yes.',
  ],
  prompt: ({ctx: {answers}, services}) => {
    const auth = answers.registryAuth;
    const role = answers.executionRoleArn ?? '';
    if (!auth) return {kind: 'unavailable', message: 'No credentials secret: go back (esc)'};
    const policy = privateRegistryPolicy(auth);
    const roleName = role.split('/').pop() ?? role;
    const command = putRolePolicyCommand(roleName, PRIVATE_REGISTRY_POLICY_NAME, policy);
    return {
      kind: 'action',
      label: `Put this inline policy (${PRIVATE_REGISTRY_POLICY_NAME}) on ${roleName}? (iam:PutRolePolicy)`,
      options: [
        {value: 'yes', label: 'Yes, put it on the role'},
        {value: 'no', label: 'No, I will add it myself', detail: 'the command is shown'},
      ],
      body: [
        {note: 'Least privilege: secretsmanager:GetSecretValue on exactly this secret, and kms:Decrypt only for a custom key.'},
        {json: compactJson(policy), max: 18},
      ],
      choose: (value) =>
        value === 'no'
          ? {kind: 'submit', submission: {choices: {'auth-policy': 'not applied (add it yourself)'}, notice: `To add it later: ${command}`}}
          : {
              kind: 'run',
              progress: 'Putting the policy on the role…',
              run: async () => {
                await services.putRolePolicy(role, PRIVATE_REGISTRY_POLICY_NAME, policy);
                return {choices: {'auth-policy': `put on ${roleName} (${PRIVATE_REGISTRY_POLICY_NAME})`}};
              },
              failure: (reason) => `Could not put the policy: ${reason}. Choose No to add it yourself: ${command}`,
            },
    };
  },
  flags: [{name: 'apply-iam', type: 'boolean', description: 'allow IAM changes: create the role, put the private registry policy on it'}],
  fromFlags(draft) {
    draft.iam.applyIam = draft.isSet('apply-iam');
    if (needsRegistryAuth(draft.answers) || draft.answers.registryAuth) {
      if (draft.iam.applyIam || !draft.interactive) draft.given['auth-policy'] = draft.iam.applyIam ? '--apply-iam' : 'not applied: no --apply-iam';
      draft.choices['auth-policy'] = draft.iam.applyIam ? 'put on the role (--apply-iam)' : 'not applied (no --apply-iam)';
    }
  },
};
