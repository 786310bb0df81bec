/** 9. A public IP for Fargate tasks in public subnets (--assign-public-ip). */
import {taskNetworkMode} from '../container-spec.js';
import {flagEnvironments} from '../environment-flags.js';
import {envOf, patchEnvironment, type Question} from '../question.js';

export const envPublicIp: Question = {
  id: 'env-public-ip',
  section: 8,
  perEnv: true,
  label: 'Public IP',
  applies: (ctx) => taskNetworkMode(ctx.answers) === 'awsvpc' && (envOf(ctx).launchType ?? ctx.answers.launchType) === 'FARGATE',
  summary: (ctx) => (envOf(ctx).assignPublicIp ? 'assigned' : 'not assigned'),
  help: [
    'A Fargate task in a public subnet (no NAT gateway) needs a public IP to pull its image from the internet. In private subnets, leave it off. EC2 tasks never get one.',
  ],
  prompt: ({ctx}) => ({
    kind: 'select',
    label: 'Assign a public IP to the tasks?',
    hint: 'Yes for public subnets without a NAT gateway (the task must reach the registry); no for private subnets.',
    initial: envOf(ctx).assignPublicIp ? 'yes' : 'no',
    options: [
      {value: 'no', label: 'No', detail: 'private subnets (a NAT gateway or VPC endpoints reach the registry)'},
      {value: 'yes', label: 'Yes', detail: 'public subnets: the task gets a public IP'},
    ],
    submit: (value) => ({answers: patchEnvironment(ctx.answers, ctx.env, {assignPublicIp: value === 'yes'})}),
  }),
  flags: [{name: 'assign-public-ip', type: 'boolean', description: 'awsvpc on Fargate: give the tasks a public IP'}],
  fromFlags(draft) {
    const assign = draft.isSet('assign-public-ip');
    flagEnvironments(draft)?.forEach((environment, index) => {
      if (assign) {
        if (draft.answers.launchType === 'EC2') draft.fail('--assign-public-ip', 'only Fargate tasks can get a public IP');
        environment.assignPublicIp = true;
        draft.given[`env-public-ip#${index}`] = '--assign-public-ip';
      } else if (!draft.interactive) {
        environment.assignPublicIp = false;
        draft.given[`env-public-ip#${index}`] = 'no --assign-public-ip';
      }
    });
  },
};
