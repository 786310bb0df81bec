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

  test("BLUE_GREEN on a target group without advancedConfiguration: the missing parts are the strategy rules' to say (once), not repeated here", () => {
    expect(issues({deploymentConfiguration: {strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5}, loadBalancers: [balancer]})).toEqual([]);
  });

  test('the test listener rule may not be the production rule', () => {
    const advanced = {
      alternateTargetGroupArn: 'arn:tg-green',
      productionListenerRule: RULE,
      testListenerRule: RULE,
      roleArn: 'arn:aws:iam::123456789012:role/r',
    };
    expect(
      issues({deploymentConfiguration: {strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5}, loadBalancers: [{...balancer, advancedConfiguration: advanced}]}),
    ).toEqual([
      {
        severity: 'error',
        path: 'loadBalancers[0].advancedConfiguration.testListenerRule',
        message: 'testListenerRule is the production listener rule',
        fix: 'use another rule, or leave it out',
      },
    ]);
  });

  test('values still holding a placeholder are not judged', () => {
    expect(issues({deploymentConfiguration: {strategy: 'CANARY'}, loadBalancers: [{...balancer, targetGroupArn: '${TARGET_GROUP}'}]})).toEqual([]);
  });
});
