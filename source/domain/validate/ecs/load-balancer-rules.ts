/**
 * The load balancer of a service specification with the deployment strategy (domain/load-balancer.ts decides):
 * BLUE_GREEN, LINEAR and CANARY need loadBalancers[0].advancedConfiguration (the alternate target group, the
 * production listener rule, the role), and the two target groups differ. Values holding a placeholder are skipped.
 * (strategy-rules.ts says the same of the other load balancers of a service, which neither the wizard nor init write.)
 */
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
  for (const problem of offlineWiringProblems(wiring, deploymentStrategyOf(service)))
    report.error('load-balancer-wiring', PATHS[problem.field] ?? 'loadBalancers[0]', problem.message, problem.fix);
}
