/**
 * The load balancer of a service specification with the deployment strategy (domain/load-balancer.ts decides).
 * What a traffic-shifting strategy needs of every load balancer (advancedConfiguration's alternate target group,
 * production listener rule and role; two different target groups) is strategy-rules.ts's to say, once; this adds what
 * only the wiring knows: the test listener rule is not the production one. Values holding a placeholder are skipped.
 */
const SAID_BY_STRATEGY_RULES = new Set(['alternateTargetGroupArn', 'productionListenerRule', 'roleArn']);

import type {JsonObject} from '../../json.js';
import {deploymentStrategyOf, offlineWiringProblems, wiringOf} from '../../load-balancer.js';
import {containsPlaceholder} from '../../placeholders.js';
import type {Report} from '../report.js';

const PATHS: Record<string, string> = {
  targetGroupArn: 'loadBalancers[0].targetGroupArn',
  alternateTargetGroupArn: 'loadBalancers[0].advancedConfiguration.alternateTargetGroupArn',
  productionListenerRule: 'loadBalancers[0].advancedConfiguration.productionListenerRule',
  testListenerRule: 'loadBalancers[0].advancedConfiguration.testListenerRule',
  roleArn: 'loadBalancers[0].advancedConfiguration.roleArn',
};

export function checkLoadBalancerWiring(report: Report, service: JsonObject): void {
  const wiring = wiringOf(service);
  // loadBalancerName: a Classic Load Balancer, which the traffic-shifting strategies do not serve (ECS says so itself).
  if (wiring === undefined || wiring.targetGroupArn === undefined) return;
  if (Object.values(wiring).some((value) => containsPlaceholder(value))) return;
  for (const problem of offlineWiringProblems(wiring, deploymentStrategyOf(service))) {
    if (SAID_BY_STRATEGY_RULES.has(problem.field)) continue;
    report.error('load-balancer-wiring', PATHS[problem.field] ?? 'loadBalancers[0]', problem.message, problem.fix);
  }
}
