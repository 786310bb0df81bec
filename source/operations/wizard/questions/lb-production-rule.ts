/**
 * 5. BLUE_GREEN / LINEAR / CANARY: the listener rule ECS changes to move production traffic from one target group
 * to the other (advancedConfiguration.productionListenerRule). A rule of the chosen listener.
 */
import {attaching, balancerOfAnswers, balancerRuleChoices, checkElbArn, checkRule, ruleChoice, shiftsTraffic} from '../load-balancer.js';
import type {Question} from '../question.js';

export const lbProductionRule: Question = {
  id: 'lb-production-rule',
  section: 4,
  label: 'Production listener rule',
  applies: (ctx) => attaching(ctx) && shiftsTraffic(ctx.answers),
  valid: (ctx) => ctx.answers.loadBalancer?.productionListenerRule !== undefined,
  summary: (ctx) => ctx.choices['lb-production-rule-label'] ?? ctx.answers.loadBalancer?.productionListenerRule ?? '',
  help: [
    "The listener rule that forwards the service's production traffic. During a deployment ECS changes its weights: all to the production target group, then (linear, canary: step by step) all to the alternate one.",
  ],
  prompt: ({ctx, services}) => {
    const listener = ctx.choices['lb-listener'];
    const labels = new Map<string, string>();
    return {
      kind: 'picker',
      label: 'Production listener rule',
      hint: 'A rule of the listener of the production traffic (its default rule is one); or type its ARN.',
      what: 'listener rules',
      load: async () => {
        const listing =
          listener === undefined
            ? await balancerRuleChoices(services, await balancerOfAnswers(services, ctx))
            : await services
                .listenerRules(listener)
                .then((rules) => (rules.ok ? {ok: true as const, items: rules.items.map((rule) => ruleChoice(rule))} : rules));
        if (listing.ok) for (const item of listing.items) labels.set(item.value, item.label);
        return listing;
      },
      free: {validate: (text) => checkElbArn('listener-rule', text), hint: 'a listener rule ARN'},
      initial: ctx.answers.loadBalancer?.productionListenerRule,
      check: {
        progress: 'Checking the rule (elasticloadbalancing:DescribeRules)…',
        run: async ([arn]) => checkRule(services, arn!, 'productionListenerRule', listener === undefined ? {} : {listenerArn: listener}),
      },
      submit: ([arn], note) => ({
        answers: {...ctx.answers, loadBalancer: {...(ctx.answers.loadBalancer ?? {}), productionListenerRule: arn!}},
        choices: {'lb-production-rule-label': labels.get(arn!) ?? arn!},
        ...(note ? {notice: note} : {}),
      }),
    };
  },
  flags: [
    {name: 'production-listener-rule', type: 'string', value: 'ARN', description: 'blue/green, linear, canary: the listener rule of the production traffic'},
  ],
  fromFlags(draft) {
    const arn = draft.take('production-listener-rule', draft.value('production-listener-rule'), (text) => checkElbArn('listener-rule', text));
    if (arn === undefined) return;
    if (!draft.answers.loadBalancer) {
      draft.fail('--production-listener-rule', 'give the target group too (--target-group ARN)');
      return;
    }
    draft.answers = {...draft.answers, loadBalancer: {...draft.answers.loadBalancer, productionListenerRule: arn}};
    draft.given['lb-production-rule'] = '--production-listener-rule';
  },
};
