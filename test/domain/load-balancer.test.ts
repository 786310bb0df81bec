import {describe, expect, test} from 'vitest';
import {
  alternateTargetGroupProblems,
  deploymentStrategyOf,
  elbArnProblem,
  listenerOfRule,
  loadBalancerEntry,
  loadBalancerOfListener,
  offlineWiringProblems,
  ruleProblems,
  targetGroupProblems,
  targetTypeFor,
  trafficRoleTrustPolicy,
  trustsService,
  wiringOf,
  type TargetGroupFacts,
} from '../../source/domain/load-balancer.js';
import {executionRoleTrustPolicy} from '../../source/domain/policy.js';

const PREFIX = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:';
const LB = `${PREFIX}loadbalancer/app/web/50dc6c495c0c9188`;
const LISTENER = `${PREFIX}listener/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2`;
const RULE = `${PREFIX}listener-rule/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2/9683b2d02a6cabee`;
const OTHER_RULE = `${PREFIX}listener-rule/app/api/70dc6c495c0c9188/a2f7dc8efc522ab2/1683b2d02a6cabee`;
const group = (name: string, extra: Partial<TargetGroupFacts> = {}): TargetGroupFacts => ({
  arn: `${PREFIX}targetgroup/${name}/73e2d6bc24d8a067`,
  name,
  targetType: 'ip',
  vpcId: 'vpc-1',
  port: 80,
  protocol: 'HTTP',
  loadBalancerArns: [LB],
  ...extra,
});

describe('the load balancer wiring of a service specification', () => {
  test('loadBalancers[0] read back, and written as ECS takes it (advancedConfiguration only with its parts)', () => {
    const entry = loadBalancerEntry({
      targetGroupArn: 'tg-1',
      containerName: 'web',
      containerPort: 80,
      alternateTargetGroupArn: 'tg-2',
      productionListenerRule: RULE,
      roleArn: 'role',
    });
    expect(entry).toEqual({
      targetGroupArn: 'tg-1',
      containerName: 'web',
      containerPort: 80,
      advancedConfiguration: {alternateTargetGroupArn: 'tg-2', productionListenerRule: RULE, roleArn: 'role'},
    });
    expect(wiringOf({loadBalancers: [entry]})).toEqual({
      targetGroupArn: 'tg-1',
      containerName: 'web',
      containerPort: 80,
      alternateTargetGroupArn: 'tg-2',
      productionListenerRule: RULE,
      roleArn: 'role',
    });
    expect(loadBalancerEntry({targetGroupArn: 'tg-1', containerName: 'web', containerPort: 80})).not.toHaveProperty('advancedConfiguration');
    expect(wiringOf({})).toBeUndefined();
    expect(wiringOf({loadBalancers: []})).toBeUndefined();
  });

  test('the strategy is deploymentConfiguration.strategy, ROLLING when absent', () => {
    expect(deploymentStrategyOf({deploymentConfiguration: {strategy: 'CANARY'}})).toBe('CANARY');
    expect(deploymentStrategyOf({deploymentConfiguration: {maximumPercent: 200}})).toBe('ROLLING');
    expect(deploymentStrategyOf({})).toBe('ROLLING');
  });

  test("a rule's listener and a listener's load balancer are read from their ARNs", () => {
    expect(listenerOfRule(RULE)).toBe(LISTENER);
    expect(loadBalancerOfListener(LISTENER)).toBe(LB);
    expect(loadBalancerOfListener(RULE)).toBe(LB);
    expect(listenerOfRule(LISTENER)).toBeUndefined();
  });

  test('ELB ARNs are checked before anything is sent, with an example', () => {
    expect(elbArnProblem('listener-rule', RULE)).toBeUndefined();
    expect(elbArnProblem('targetgroup', group('web').arn)).toBeUndefined();
    expect(elbArnProblem('targetgroup', RULE)).toBe(
      `"${RULE}" is not a target group ARN: write it like arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-blue/73e2d6bc24d8a067`,
    );
    expect(elbArnProblem('listener', ' ')).toMatch(/^give a listener ARN, like arn:aws:elasticloadbalancing:/);
  });
});

describe('the rules', () => {
  test('target type: ip for awsvpc, instance for bridge and host', () => {
    expect(targetTypeFor('awsvpc')).toBe('ip');
    expect(targetTypeFor('bridge')).toBe('instance');
    expect(targetTypeFor('host')).toBe('instance');
    expect(targetGroupProblems(group('web'), {networkMode: 'awsvpc'})).toEqual([]);
    expect(targetGroupProblems(group('web'), {networkMode: 'host'})).toEqual([
      {
        field: 'targetGroupArn',
        message: 'target group web has target type ip, and a task in host network mode registers by instance',
        fix: 'use a target group of type instance (aws elbv2 create-target-group --target-type instance …)',
      },
    ]);
  });

  test("a target group in another VPC than the load balancer's", () => {
    expect(targetGroupProblems(group('web', {vpcId: 'vpc-2'}), {networkMode: 'awsvpc', loadBalancer: {arn: LB, name: 'web', vpcId: 'vpc-1'}})).toEqual([
      {field: 'targetGroupArn', message: 'target group web is in vpc-2, and the load balancer web in vpc-1', fix: 'use a target group of vpc-1'},
    ]);
  });

  test('the two target groups: different, one VPC, one port and protocol, one type', () => {
    expect(alternateTargetGroupProblems(group('blue'), group('green'))).toEqual([]);
    expect(alternateTargetGroupProblems(group('blue'), group('blue'))[0]?.message).toBe(
      'the alternate target group is the production one (blue): ECS needs a second target group to start the new revision in',
    );
    expect(
      alternateTargetGroupProblems(group('blue'), group('green', {vpcId: 'vpc-2', port: 8080, protocol: 'HTTPS', targetType: 'instance'})).map(
        (p) => p.message,
      ),
    ).toEqual([
      'the target groups are in different VPCs (blue: vpc-1, green: vpc-2)',
      'the target groups differ in port or protocol (blue: HTTP:80, green: HTTPS:8080)',
      'the target groups differ in target type (blue: ip, green: instance)',
    ]);
  });

  test('the production rule belongs to the listener; the test rule to the same load balancer, and is not the production rule', () => {
    const rule = {arn: RULE, listenerArn: LISTENER, isDefault: false, targetGroupArns: [], conditions: []};
    const other = {...rule, arn: OTHER_RULE, listenerArn: listenerOfRule(OTHER_RULE)!};
    expect(ruleProblems(rule, 'productionListenerRule', {listenerArn: LISTENER})).toEqual([]);
    expect(ruleProblems(other, 'productionListenerRule', {listenerArn: LISTENER})[0]?.message).toBe(
      `the production listener rule belongs to listener ${other.listenerArn}, not to the chosen listener ${LISTENER}`,
    );
    expect(ruleProblems(other, 'testListenerRule', {listenerArn: LISTENER})[0]?.message).toBe(
      `the test listener rule belongs to another load balancer (${PREFIX}loadbalancer/app/api/70dc6c495c0c9188)`,
    );
    expect(ruleProblems(rule, 'testListenerRule', {listenerArn: LISTENER, productionRuleArn: RULE})[0]?.message).toBe(
      'the test listener rule is the production listener rule',
    );
  });

  test('BLUE_GREEN, LINEAR and CANARY need the alternate group, the production rule and the role; ROLLING needs none', () => {
    const rolling = {targetGroupArn: 'tg-1', containerName: 'web', containerPort: 80};
    expect(offlineWiringProblems(rolling, 'ROLLING')).toEqual([]);
    for (const strategy of ['BLUE_GREEN', 'LINEAR', 'CANARY'])
      expect(offlineWiringProblems(rolling, strategy).map((problem) => problem.field)).toEqual([
        'alternateTargetGroupArn',
        'productionListenerRule',
        'roleArn',
      ]);
    expect(
      offlineWiringProblems({...rolling, alternateTargetGroupArn: 'tg-1', productionListenerRule: RULE, testListenerRule: RULE, roleArn: 'r'}, 'CANARY').map(
        (problem) => problem.message,
      ),
    ).toEqual(['alternateTargetGroupArn is the same target group as targetGroupArn', 'testListenerRule is the production listener rule']);
  });

  test('the traffic role trusts ecs.amazonaws.com (ECS itself), which the execution role does not', () => {
    expect(trustsService(trafficRoleTrustPolicy(), 'ecs.amazonaws.com')).toBe(true);
    expect(trustsService(executionRoleTrustPolicy(), 'ecs.amazonaws.com')).toBe(false);
    expect(trustsService({Statement: {Effect: 'Deny', Principal: {Service: 'ecs.amazonaws.com'}, Action: 'sts:AssumeRole'}}, 'ecs.amazonaws.com')).toBe(false);
  });
});
