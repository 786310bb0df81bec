import {describe, expect, test} from 'vitest';
import type {JsonObject} from '../../../../source/domain/json.js';
import {checkLoadBalancerWiring} from '../../../../source/domain/validate/ecs/load-balancer-rules.js';
import {Report} from '../../../../source/domain/validate/report.js';

const RULE = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2/9683b2d02a6cabee';
const issues = (service: JsonObject) => {
  const report = new Report('serviceSpec');
  checkLoadBalancerWiring(report, service);
  return report.issues.map(({severity, path, message, fix}) => ({severity, path, message, fix}));
};

describe('the load balancer rules of a service specification', () => {
  const balancer = {targetGroupArn: 'arn:tg-blue', containerName: 'web', containerPort: 80};

  test('a rolling service on a target group, and a service without a load balancer: nothing to say', () => {
    expect(issues({loadBalancers: [balancer]})).toEqual([]);
    expect(issues({deploymentConfiguration: {strategy: 'BLUE_GREEN'}})).toEqual([]);
  });

  test('BLUE_GREEN on a target group without advancedConfiguration: each missing part is an error naming its path and flag', () => {
    expect(issues({deploymentConfiguration: {strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5}, loadBalancers: [balancer]})).toEqual([
      {
        severity: 'error',
        path: 'loadBalancers[0].advancedConfiguration.alternateTargetGroupArn',
        message: 'the BLUE_GREEN strategy shifts traffic between two target groups: loadBalancers[0].advancedConfiguration.alternateTargetGroupArn is missing',
        fix: 'add it: --alternate-target-group ARN',
      },
      {
        severity: 'error',
        path: 'loadBalancers[0].advancedConfiguration.productionListenerRule',
        message: 'the BLUE_GREEN strategy shifts traffic between two target groups: loadBalancers[0].advancedConfiguration.productionListenerRule is missing',
        fix: 'add it: --production-listener-rule ARN',
      },
      {
        severity: 'error',
        path: 'loadBalancers[0].advancedConfiguration.roleArn',
        message: 'the BLUE_GREEN strategy shifts traffic between two target groups: loadBalancers[0].advancedConfiguration.roleArn is missing',
        fix: 'add the role that lets ECS change the listener rules: --traffic-role ARN, or --create-traffic-role --apply-iam',
      },
    ]);
  });

  test('the same target group twice is refused; values still holding a placeholder are not judged', () => {
    const advanced = {alternateTargetGroupArn: 'arn:tg-blue', productionListenerRule: RULE, roleArn: 'arn:aws:iam::123456789012:role/r'};
    expect(issues({deploymentConfiguration: {strategy: 'LINEAR'}, loadBalancers: [{...balancer, advancedConfiguration: advanced}]})).toEqual([
      {
        severity: 'error',
        path: 'loadBalancers[0].advancedConfiguration.alternateTargetGroupArn',
        message: 'alternateTargetGroupArn is the same target group as targetGroupArn',
        fix: 'use a second target group of the same load balancer, VPC, port and protocol',
      },
    ]);
    expect(issues({deploymentConfiguration: {strategy: 'CANARY'}, loadBalancers: [{...balancer, targetGroupArn: '${TARGET_GROUP}'}]})).toEqual([]);
  });
});
