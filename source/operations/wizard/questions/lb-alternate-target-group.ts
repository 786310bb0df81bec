/**
 * 5. BLUE_GREEN / LINEAR / CANARY: the second target group, where ECS starts the new revision before moving the
 * traffic (advancedConfiguration.alternateTargetGroupArn). Checked at once: another group than the production one,
 * of the same VPC, port, protocol and target type.
 */
import {arnRegion} from '../answer-checks.js';
import {attaching, checkElbArn, checkTargetGroup, nameInArn, shiftsTraffic, strategyOf, targetGroupChoices} from '../load-balancer.js';
import type {Question} from '../question.js';

export const lbAlternateTargetGroup: Question = {
  id: 'lb-alternate-target-group',
  section: 4,
  label: 'Alternate target group',
  applies: (ctx) => attaching(ctx) && shiftsTraffic(ctx.answers),
  valid: (ctx) => ctx.answers.loadBalancer?.alternateTargetGroupArn !== undefined,
  summary: (ctx) => nameInArn(ctx.answers.loadBalancer?.alternateTargetGroupArn),
  help: [
    'Blue/green, linear and canary deployments start the new revision in a second target group, then move the production listener rule from the first to the second. The two differ, and share the VPC, port, protocol and target type.',
  ],
  prompt: ({ctx, services}) => {
    const balancer = ctx.choices['lb-load-balancer'];
    const primary = ctx.answers.loadBalancer?.targetGroupArn;
    return {
      kind: 'picker',
      label: `Alternate target group (${strategyOf(ctx.answers)})`,
      hint: `Not ${nameInArn(primary)}: a second group of the same VPC, port and protocol; or type its ARN.`,
      what: 'target groups',
      load: async () => {
        const listing = await services.targetGroups(primary === undefined ? undefined : arnRegion(primary));
        return listing.ok ? {ok: true, items: targetGroupChoices(listing.items, balancer, primary)} : listing;
      },
      free: {validate: (text) => checkElbArn('targetgroup', text), hint: 'a target group ARN'},
      initial: ctx.answers.loadBalancer?.alternateTargetGroupArn,
      check: {
        progress: 'Checking the target groups (elasticloadbalancing:DescribeTargetGroups)…',
        run: async ([arn]) => checkTargetGroup(services, ctx.answers, arn!, {alternate: true, ...(balancer === undefined ? {} : {balancerArn: balancer})}),
      },
      submit: ([arn], note) => ({
        answers: {...ctx.answers, loadBalancer: {...(ctx.answers.loadBalancer ?? {}), alternateTargetGroupArn: arn!}},
        ...(note ? {notice: note} : {}),
      }),
    };
  },
  flags: [
    {name: 'alternate-target-group', type: 'string', value: 'ARN', description: 'blue/green, linear, canary: the second target group (advancedConfiguration)'},
  ],
  fromFlags(draft) {
    const arn = draft.take('alternate-target-group', draft.value('alternate-target-group'), (text) => checkElbArn('targetgroup', text));
    if (arn === undefined) return;
    if (!draft.answers.loadBalancer) {
      draft.fail('--alternate-target-group', 'give the production target group too (--target-group ARN)');
      return;
    }
    draft.answers = {...draft.answers, loadBalancer: {...draft.answers.loadBalancer, alternateTargetGroupArn: arn}};
    draft.given['lb-alternate-target-group'] = '--alternate-target-group';
  },
};
