/**
 * 5. BLUE_GREEN / LINEAR / CANARY, optional: the listener rule that sends test traffic to the new revision before
 * production traffic moves (advancedConfiguration.testListenerRule) — often the rule of a test listener on another
 * port of the same load balancer.
 */
import {attaching, balancerOfAnswers, balancerRuleChoices, checkElbArn, checkRule, shiftsTraffic} from '../load-balancer.js';
import type {Question, Submission} from '../question.js';

const NONE = 'none';

export const lbTestRule: Question = {
  id: 'lb-test-rule',
  section: 4,
  label: 'Test listener rule',
  applies: (ctx) => attaching(ctx) && shiftsTraffic(ctx.answers),
  valid: (ctx) => ctx.answers.loadBalancer?.testListenerRule !== undefined || ctx.choices['lb-test-rule'] === NONE,
  summary: (ctx) => (ctx.choices['lb-test-rule'] === NONE ? 'none' : (ctx.choices['lb-test-rule-label'] ?? ctx.answers.loadBalancer?.testListenerRule ?? '')),
  help: [
    'Optional: a listener rule (usually of a test listener, e.g. port 8080) that ECS points at the new revision first, so that it can be tested — by you or a lifecycle hook — before production traffic moves.',
  ],
  prompt: ({ctx, services}) => {
    const production = ctx.answers.loadBalancer?.productionListenerRule;
    const listener = ctx.choices['lb-listener'];
    const labels = new Map<string, string>();
    return {
      kind: 'picker',
      label: 'Test listener rule (optional)',
      hint: 'A rule of a listener of the same load balancer; or type its ARN.',
      what: 'listener rules of the load balancer',
      load: async () => {
        const listing = await balancerRuleChoices(services, await balancerOfAnswers(services, ctx), production);
        if (listing.ok) for (const item of listing.items) labels.set(item.value, item.label);
        return listing;
      },
      extra: () => [{value: NONE, label: 'No test listener rule'}],
      free: {validate: (text) => checkElbArn('listener-rule', text), hint: 'a listener rule ARN'},
      initial: ctx.answers.loadBalancer?.testListenerRule ?? ctx.choices['lb-test-rule'],
      check: {
        progress: 'Checking the rule (elasticloadbalancing:DescribeRules)…',
        run: async ([arn]) =>
          arn === NONE
            ? {ok: true}
            : checkRule(services, arn!, 'testListenerRule', {
                ...(listener === undefined ? {} : {listenerArn: listener}),
                ...(production === undefined ? {} : {productionRuleArn: production}),
              }),
      },
      submit: ([arn], note): Submission => {
        const {testListenerRule: _dropped, ...rest} = ctx.answers.loadBalancer ?? {};
        if (arn === NONE) return {answers: {...ctx.answers, loadBalancer: rest}, choices: {'lb-test-rule': NONE}};
        return {
          answers: {...ctx.answers, loadBalancer: {...rest, testListenerRule: arn!}},
          choices: {'lb-test-rule': 'pick', 'lb-test-rule-label': labels.get(arn!) ?? arn!},
          ...(note ? {notice: note} : {}),
        };
      },
    };
  },
  flags: [{name: 'test-listener-rule', type: 'string', value: 'ARN', description: 'blue/green, linear, canary: the listener rule of test traffic (optional)'}],
  fromFlags(draft) {
    const arn = draft.take('test-listener-rule', draft.value('test-listener-rule'), (text) => checkElbArn('listener-rule', text));
    if (arn === undefined) {
      if (!draft.interactive && draft.answers.loadBalancer) draft.choices['lb-test-rule'] = NONE;
      return;
    }
    if (!draft.answers.loadBalancer) {
      draft.fail('--test-listener-rule', 'give the target group too (--target-group ARN)');
      return;
    }
    draft.answers = {...draft.answers, loadBalancer: {...draft.answers.loadBalancer, testListenerRule: arn}};
    draft.given['lb-test-rule'] = '--test-listener-rule';
  },
};
