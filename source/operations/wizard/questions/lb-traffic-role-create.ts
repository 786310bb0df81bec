/** 5. Creating the traffic role, after a yes: its trust policy and managed policy are shown first. */
import {DEFAULT_TRAFFIC_ROLE_NAME, LOAD_BALANCER_ROLE_POLICY_ARN, trafficRoleTrustPolicy} from '../../../domain/load-balancer.js';
import {compactJson} from '../execution-role.js';
import {attaching, shiftsTraffic} from '../load-balancer.js';
import type {Question} from '../question.js';
import {shortArn} from '../summary-text.js';

export const lbTrafficRoleCreate: Question = {
  id: 'lb-traffic-role-create',
  section: 4,
  label: 'Create traffic role',
  applies: (ctx) => attaching(ctx) && shiftsTraffic(ctx.answers) && ctx.choices['lb-traffic-role'] === 'create',
  valid: (ctx) => ctx.answers.loadBalancer?.roleArn !== undefined,
  summary: (ctx) => `created ${shortArn(ctx.answers.loadBalancer?.roleArn)}`,
  help: [
    'Nothing is changed in IAM without your yes. The role trusts ecs.amazonaws.com and gets the AWS managed policy AmazonECSInfrastructureRolePolicyForLoadBalancers (describe and modify listeners and rules, register and deregister targets).',
  ],
  prompt: ({ctx, services}) => ({
    kind: 'action',
    label: `Create the IAM role ${DEFAULT_TRAFFIC_ROLE_NAME} now? (iam:CreateRole, iam:AttachRolePolicy)`,
    options: [
      {value: 'yes', label: 'Yes, create it'},
      {value: 'no', label: 'No, go back'},
    ],
    body: [
      {note: 'Trust policy (who may assume it):'},
      {json: compactJson(trafficRoleTrustPolicy()), max: 14},
      {note: `Managed policy attached: ${LOAD_BALANCER_ROLE_POLICY_ARN}`},
    ],
    choose: (value) =>
      value === 'no'
        ? {kind: 'back'}
        : {
            kind: 'run',
            progress: 'Creating the role…',
            run: async () => {
              const role = await services.createTrafficRole(DEFAULT_TRAFFIC_ROLE_NAME);
              return {answers: {...ctx.answers, loadBalancer: {...(ctx.answers.loadBalancer ?? {}), roleArn: role.arn}}, notice: `Created ${role.arn}`};
            },
            failure: (reason) => `Could not create the role: ${reason}. Go back (esc) and type the ARN of a role instead.`,
          },
  }),
};
