import {describe, expect, it} from 'vitest';
import {createSimulatedEcs} from '../../../source/adapters/simulator/simulated-ecs.js';
import {runChecks, type CheckFindings, type CheckResult} from '../../../source/operations/deploy/checks.js';
import {planDeploy, type DeployPlan} from '../../../source/operations/deploy/plan.js';
import type {LoadBalancingPort} from '../../../source/ports/load-balancing.js';
import {FakeClock} from '../../helpers/fake-clock.js';
import {fargateJsonProfile} from '../../helpers/profile-fixtures.js';
import {fakeCheckPorts, healthyCheckState} from './fakes.js';

/**
 * The load balancer checks as part of every run's pre-flight checks (verify, deploy): after the others, made only when
 * the service has a load balancer, and said not to be made when no Elastic Load Balancing port is given. The checks
 * themselves are tested against moto (test/integration/load-balancing.test.ts).
 */
const PREFIX = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:';
const LB = `${PREFIX}loadbalancer/app/web/50dc6c495c0c9188`;
const BLUE = `${PREFIX}targetgroup/web-blue/73e2d6bc24d8a067`;

async function planWith(loadBalancers: boolean): Promise<DeployPlan> {
  const profile = fargateJsonProfile();
  const spec = JSON.parse(profile.service.serviceSpec.replace(/\$\{serviceVariable\.containerPort\}/g, '8080')) as Record<string, unknown>;
  if (loadBalancers) spec.loadBalancers = [{targetGroupArn: BLUE, containerName: '${CONTAINER_NAME}', containerPort: 8080}];
  profile.service.serviceSpec = JSON.stringify(spec);
  const ecs = createSimulatedEcs({clock: new FakeClock(), region: 'us-east-1', clusters: ['web-staging']});
  return planDeploy({ecs}, {profile, environment: profile.environments[0]!});
}

const elb = (): LoadBalancingPort => ({
  region: 'us-east-1',
  listLoadBalancers: async () => [],
  listListeners: async () => [],
  listRules: async () => [],
  listTargetGroups: async () => [],
  getLoadBalancer: async (arn) => (arn === LB ? {arn, name: 'web', vpcId: 'vpc-1'} : undefined),
  getListener: async () => undefined,
  getRule: async () => undefined,
  getTargetGroup: async (arn) =>
    arn === BLUE ? {arn, name: 'web-blue', targetType: 'ip', vpcId: 'vpc-1', port: 80, protocol: 'HTTP', loadBalancerArns: [LB]} : undefined,
});

async function names(plan: DeployPlan, withElb: boolean): Promise<CheckResult[]> {
  const ports = fakeCheckPorts(healthyCheckState());
  const findings: CheckFindings = {discoveryRecordTypes: {}};
  const results: CheckResult[] = [];
  for await (const result of runChecks(withElb ? {...ports, loadBalancing: async () => elb()} : ports, plan, findings)) results.push(result);
  return results;
}

describe('the load balancer checks in a run', () => {
  it('come last, for a service with a load balancer', async () => {
    const results = await names(await planWith(true), true);
    expect(results.at(-1)).toEqual({name: 'load-balancer', status: 'ok', message: 'web-blue (type ip, HTTP:80) on web'});
  });

  it('are said not to be made without an Elastic Load Balancing port', async () => {
    const results = await names(await planWith(true), false);
    expect(results.at(-1)).toEqual({
      name: 'load-balancer',
      status: 'warn',
      message: 'the load balancer wiring was not checked: no Elastic Load Balancing port in this run',
    });
  });

  it('are not made for a service without a load balancer', async () => {
    const results = await names(await planWith(false), true);
    expect(results.some((result) => result.name === 'load-balancer')).toBe(false);
  });
});
