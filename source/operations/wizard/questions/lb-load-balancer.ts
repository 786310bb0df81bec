/** 5. The load balancer (Application or Network) whose listener takes the service's traffic: listed from the region, or its ARN typed. */
import {attaching, checkElbArn, nameInArn} from '../load-balancer.js';
import type {Question} from '../question.js';

export const lbLoadBalancer: Question = {
  id: 'lb-load-balancer',
  section: 4,
  label: 'Load balancer',
  applies: attaching,
  valid: (ctx) => ctx.choices['lb-load-balancer'] !== undefined,
  summary: (ctx) => nameInArn(ctx.choices['lb-load-balancer']),
  help: ['The Application or Network Load Balancer in front of the service. Its listeners and target groups are listed next.'],
  prompt: ({ctx, services}) => ({
    kind: 'picker',
    label: 'Load balancer',
    hint: 'Application and Network Load Balancers of the region; or type its ARN.',
    what: `load balancers in ${services.defaultRegion() ?? 'the default region'}`,
    load: async () => {
      const listing = await services.loadBalancers();
      if (!listing.ok) return listing;
      return {
        ok: true,
        items: listing.items.map((balancer) => ({
          value: balancer.arn,
          label: balancer.name,
          detail: [balancer.type, balancer.scheme, balancer.vpcId].filter((part) => part !== undefined).join(' · '),
        })),
      };
    },
    free: {validate: (text) => checkElbArn('loadbalancer', text), hint: 'a load balancer ARN'},
    initial: ctx.choices['lb-load-balancer'],
    submit: ([arn]) => ({choices: {'lb-load-balancer': arn!}}),
  }),
};
