/**
 * 9. An environment: typed in, or filled from an infrastructure provisioner's outputs (a CloudFormation stack
 * or a Terraform state file; --cfn-stack / --tf-state).
 */
import {flagEnvironments, perEnvironment} from '../environment-flags.js';
import {envOf, patchEnvironment, type Question} from '../question.js';

/** What the seed says of environments (also the help of the environment's name). */
export const ENVIRONMENT_HELP = [
  'An environment identifies where the service runs: the region, the ECS cluster, the launch type and, for the awsvpc network mode, the subnets and security groups of the tasks. A profile can have several (staging, production).',
  "Infrastructure provisioners: if CloudFormation or Terraform created the cluster and network, the wizard can fill these from the stack's outputs or the state file's outputs.",
];

export const envSource: Question = {
  id: 'env-source',
  section: 8,
  perEnv: true,
  label: 'Fill from',
  summary: (ctx) => envOf(ctx).filledFrom ?? 'typed in',
  help: ENVIRONMENT_HELP,
  prompt: ({ctx}) => ({
    kind: 'select',
    label: ctx.env === 0 ? 'Environment: where does the service run?' : `Environment ${ctx.env + 1}`,
    hint: 'Fill its values from infrastructure outputs, or type them (AWS lists are offered).',
    initial: ctx.choices[`env-source#${ctx.env}`] ?? 'typed',
    options: [
      {value: 'typed', label: 'Type the values', detail: 'clusters, subnets, security groups and roles are listed when AWS allows'},
      {value: 'cloudformation', label: 'From a CloudFormation stack', detail: 'its outputs: cluster, subnets, security groups, execution role'},
      {value: 'terraform', label: 'From a Terraform state file', detail: 'terraform.tfstate outputs'},
    ],
    submit: (value) => ({
      choices: {[`env-source#${ctx.env}`]: value},
      ...(value === 'typed' ? {answers: patchEnvironment(ctx.answers, ctx.env, {filledFrom: undefined, provisioner: undefined})} : {}),
    }),
  }),
  flags: [
    {
      name: 'cfn-stack',
      type: 'string',
      multiple: true,
      value: 'STACK',
      description: "fill the environment from a CloudFormation stack's outputs",
      listed: 'last',
    },
    {
      name: 'tf-state',
      type: 'string',
      multiple: true,
      value: 'FILE',
      description: "fill the environment from a Terraform state file's outputs",
      listed: 'last',
    },
  ],
  fromFlags(draft) {
    const stacks = perEnvironment(draft, 'cfn-stack');
    const states = perEnvironment(draft, 'tf-state');
    flagEnvironments(draft)?.forEach((_, index) => {
      const stack = stacks[index];
      const state = states[index];
      if (stack !== undefined && state !== undefined) draft.fail('--cfn-stack', 'give either --cfn-stack or --tf-state for an environment, not both');
      const source =
        stack !== undefined ? {kind: 'cloudformation' as const, source: stack} : state !== undefined ? {kind: 'terraform' as const, source: state} : undefined;
      draft.provisioners[index] = source;
      const key = `env-source#${index}`;
      if (source !== undefined) {
        draft.choices[key] = source.kind;
        draft.given[key] = source.kind === 'cloudformation' ? '--cfn-stack' : '--tf-state';
      } else {
        draft.choices[key] = 'typed';
        draft.given[key] = 'flags';
      }
    });
  },
};
