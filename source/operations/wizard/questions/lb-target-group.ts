/**
 * 5. The target group ECS registers the tasks in (loadBalancers[0].targetGroupArn; for blue/green, the production
 * one). Checked at once: it exists, its target type fits the network mode (ip for awsvpc), it is in the load
 * balancer's VPC. --target-group ARN answers the whole load balancer section for a rolling service.
 */
import {arnRegion} from '../answer-checks.js';
import {attaching, checkElbArn, checkTargetGroup, nameInArn, targetGroupChoices} from '../load-balancer.js';
import type {Question} from '../question.js';

export const lbTargetGroup: Question = {
  id: 'lb-target-group',
  section: 4,
  label: 'Target group',
  applies: attaching,
  valid: (ctx) => ctx.answers.loadBalancer?.targetGroupArn !== undefined,
  summary: (ctx) => nameInArn(ctx.answers.loadBalancer?.targetGroupArn),
  help: [
    "The target group the tasks are registered in. Its target type must be ip for the awsvpc network mode (Fargate) and instance for bridge and host; it must be in the load balancer's VPC.",
  ],
  prompt: ({ctx, services}) => {
    const balancer = ctx.choices['lb-load-balancer'];
    return {
      kind: 'picker',
      label: 'Target group (production)',
      hint: 'Target groups of the region, those of the load balancer first; or type its ARN.',
      what: `target groups in ${(balancer && arnRegion(balancer)) ?? services.defaultRegion() ?? 'the default region'}`,
      load: async () => {
        const listing = await services.targetGroups(balancer === undefined ? undefined : arnRegion(balancer));
        return listing.ok ? {ok: true, items: targetGroupChoices(listing.items, balancer)} : listing;
      },
      free: {validate: (text) => checkElbArn('targetgroup', text), hint: 'a target group ARN'},
      initial: ctx.answers.loadBalancer?.targetGroupArn,
      check: {
        progress: 'Checking the target group (elasticloadbalancing:DescribeTargetGroups)…',
        run: async ([arn]) => checkTargetGroup(services, ctx.answers, arn!, balancer === undefined ? {} : {balancerArn: balancer}),
      },
      submit: ([arn], note) => ({
        answers: {...ctx.answers, loadBalancer: {...(ctx.answers.loadBalancer ?? {}), targetGroupArn: arn!}},
        ...(note ? {notice: note} : {}),
      }),
    };
  },
  flags: [{name: 'target-group', type: 'string', value: 'ARN', description: 'load balancer: the target group the tasks are registered in (loadBalancers[0])'}],
  fromFlags(draft) {
    const arn = draft.take('target-group', draft.value('target-group'), (text) => checkElbArn('targetgroup', text));
    if (arn === undefined) return;
    draft.answers = {...draft.answers, loadBalancer: {...(draft.answers.loadBalancer ?? {}), targetGroupArn: arn}};
    draft.choices['load-balancer'] = 'attach';
    for (const id of ['load-balancer', 'lb-load-balancer', 'lb-listener', 'lb-target-group']) draft.given[id] = '--target-group';
  },
};
