/**
 * 5. The deployment strategy (ECS's own, deploymentConfiguration.strategy): ROLLING replaces tasks under the circuit
 * breaker; BLUE_GREEN, LINEAR and CANARY start the new revision beside the old one and move production traffic to it
 * (all at once, step by step, or a canary share first). The questions after it ask only what the choice needs.
 */
import {DEPLOYMENT_STRATEGIES, strategySummary, type DeploymentStrategyName} from '../../../domain/deployment-strategy.js';
import type {Question} from '../question.js';
import {strategyOf, withStrategy} from '../strategy-answers.js';

const DETAIL: Record<DeploymentStrategyName, string> = {
  ROLLING: 'replace tasks a few at a time; the circuit breaker rolls a failed deployment back (the default)',
  BLUE_GREEN: 'start the new revision beside the old, move all traffic at once, keep the old one during the bake',
  LINEAR: 'move production traffic in equal steps, baking between steps',
  CANARY: 'move a small share of production traffic first, then the rest after a bake',
};

const DAEMON_REFUSES = 'a DAEMON service runs one task per instance: it has no second revision to move traffic to. Use ROLLING, or make the service REPLICA';

export const deploymentStrategy: Question = {
  id: 'deployment-strategy',
  section: 4,
  label: 'Deployment strategy',
  summary: (ctx) => strategySummary(strategyOf(ctx.answers)),
  help: [
    'How ECS rolls out a new revision. ROLLING (the default) replaces tasks in place; the deployment circuit breaker stops a deployment whose tasks fail to start and rolls it back.',
    'BLUE_GREEN, LINEAR and CANARY are run by ECS itself (no CodeDeploy): the new (green) revision starts beside the old (blue) one, gets test traffic, then production traffic — all at once (BLUE_GREEN), in equal steps (LINEAR), or a canary share first (CANARY). Both run during the bake time, so a rollback is instant. Behind a load balancer they need a second target group and the listener rules ECS moves.',
    'CloudWatch alarms named here fail the deployment and roll it back when they fire; lifecycle hooks (Lambda functions) can check each stage.',
  ],
  prompt: ({ctx: {answers}}) => ({
    kind: 'select',
    label: 'Deployment strategy',
    initial: strategyOf(answers).strategy,
    options: DEPLOYMENT_STRATEGIES.map((name) => ({
      value: name,
      label: name,
      detail: DETAIL[name],
      ...(name !== 'ROLLING' && answers.strategy === 'DAEMON' ? {disabled: DAEMON_REFUSES} : {}),
    })),
    submit: (value) => ({answers: withStrategy(answers, {strategy: value as DeploymentStrategyName})}),
  }),
  flags: [{name: 'deployment-strategy', type: 'string', value: 'ROLLING|BLUE_GREEN|LINEAR|CANARY', description: "ECS's deployment strategy (default ROLLING)"}],
  fromFlags(draft) {
    const flag = draft.value('deployment-strategy');
    if (flag === undefined) return;
    const upper = flag
      .trim()
      .toUpperCase()
      .replace(/[-\s]/g, '_')
      .replace(/^BLUEGREEN$/, 'BLUE_GREEN');
    if (!(DEPLOYMENT_STRATEGIES as readonly string[]).includes(upper)) {
      draft.fail('--deployment-strategy', `"${flag}" is not a deployment strategy: ${DEPLOYMENT_STRATEGIES.join(', ')}`);
      return;
    }
    if (upper !== 'ROLLING' && draft.answers.strategy === 'DAEMON') {
      draft.fail('--deployment-strategy', `${upper}: ${DAEMON_REFUSES}`);
      return;
    }
    draft.answers = withStrategy(draft.answers, {strategy: upper as DeploymentStrategyName});
    draft.given['deployment-strategy'] = '--deployment-strategy';
  },
};
