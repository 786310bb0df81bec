/** 5. The listener that takes the service's production traffic (its rules are the production and test rules of a blue/green deployment). */
import {attaching, checkElbArn, nameInArn} from '../load-balancer.js';
import type {Question} from '../question.js';

export const lbListener: Question = {
  id: 'lb-listener',
  section: 4,
  label: 'Listener',
  applies: attaching,
  valid: (ctx) => ctx.choices['lb-listener'] !== undefined,
  summary: (ctx) => ctx.choices['lb-listener-label'] ?? `listener ${ctx.choices['lb-listener']?.split('/').pop() ?? ''}`,
  help: ["The load balancer's listener (a port and protocol) whose rules send the service its production traffic."],
  prompt: ({ctx, services}) => {
    const balancer = ctx.choices['lb-load-balancer'];
    if (balancer === undefined) return {kind: 'unavailable', message: 'Pick the load balancer first (esc goes back).'};
    const labels = new Map<string, string>();
    return {
      kind: 'picker',
      label: `Listener of ${nameInArn(balancer)}`,
      hint: 'The listener of the production traffic; or type its ARN.',
      what: `listeners of ${nameInArn(balancer)}`,
      load: async () => {
        const listing = await services.listeners(balancer);
        if (!listing.ok) return listing;
        return {
          ok: true,
          items: listing.items.map((listener) => {
            const label = `${listener.protocol ?? '?'}:${listener.port ?? '?'}`;
            labels.set(listener.arn, label);
            return {value: listener.arn, label, detail: listener.arn.slice(listener.arn.lastIndexOf('/') + 1)};
          }),
        };
      },
      free: {validate: (text) => checkElbArn('listener', text), hint: 'a listener ARN'},
      initial: ctx.choices['lb-listener'],
      submit: ([arn]) => ({choices: {'lb-listener': arn!, 'lb-listener-label': labels.get(arn!) ?? arn!}}),
    };
  },
};
