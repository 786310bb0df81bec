/**
 * 5. Attach the service to a load balancer? A rolling service needs only its target group (and the container
 * that takes the traffic); BLUE_GREEN, LINEAR and CANARY also need the second target group, the listener rules
 * and the role that lets ECS change them (asked next, only for those strategies).
 */
import {attaching, specWiring} from '../load-balancer.js';
import type {Question} from '../question.js';

export const loadBalancer: Question = {
  id: 'load-balancer',
  section: 4,
  label: 'Load balancer',
  summary: (ctx) =>
    ctx.answers.loadBalancer === null
      ? 'none'
      : attaching(ctx)
        ? 'attach to a target group'
        : specWiring(ctx.answers) === undefined
          ? 'none'
          : 'as in your service JSON',
  help: [
    'An Application or Network Load Balancer sends traffic to the tasks through a target group: ECS registers each task in it (loadBalancers[0]: targetGroupArn, containerName, containerPort). The wizard lists the load balancers, listeners and target groups of the region; the load balancer itself is not created.',
    'For the BLUE_GREEN, LINEAR and CANARY deployment strategies ECS starts the new revision in a second (alternate) target group and moves traffic by changing the production listener rule (and the test listener rule, for test traffic); it needs an IAM role trusting ecs.amazonaws.com that may change the rules (AmazonECSInfrastructureRolePolicyForLoadBalancers).',
  ],
  prompt: ({ctx}) => ({
    kind: 'select',
    label: 'Attach the service to a load balancer?',
    initial: ctx.choices['load-balancer'] ?? (ctx.answers.loadBalancer === null ? 'none' : specWiring(ctx.answers) === undefined ? 'none' : 'keep'),
    options: [
      {value: 'none', label: 'No load balancer'},
      {value: 'attach', label: 'Attach to a target group', detail: 'load balancer → listener → target group, listed from AWS'},
      ...(specWiring(ctx.answers) === undefined ? [] : [{value: 'keep', label: 'Keep loadBalancers as in your service JSON'}]),
    ],
    submit: (value) => ({
      answers:
        value === 'none'
          ? {...ctx.answers, loadBalancer: null}
          : value === 'keep'
            ? (({loadBalancer: _dropped, ...rest}) => rest)(ctx.answers)
            : {...ctx.answers, loadBalancer: ctx.answers.loadBalancer ?? {}},
      choices: {'load-balancer': value},
    }),
  }),
};
