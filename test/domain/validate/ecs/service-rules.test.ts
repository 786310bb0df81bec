import {describe, expect, test} from 'vitest';
import type {JsonObject} from '../../../../source/domain/json.js';
import {ecsServiceIssues} from '../../../../source/domain/validate/ecs/document.js';

const codes = (service: JsonObject): string[] =>
  ecsServiceIssues(service).map((issue) => `${issue.severity === 'warning' ? 'warning ' : ''}${issue.code} ${issue.path}`);
const service = (extra: JsonObject = {}): JsonObject => ({serviceName: 'web', desiredCount: 1, ...extra});
const TARGET_GROUP = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef';

describe('cross-field rules of a service specification', () => {
  test.each<[string, JsonObject, string[]]>([
    ['a desired count above the tasks-per-service quota', service({desiredCount: 6000}), ['warning desired-count-quota desiredCount']],
    [
      'a target group and a Classic Load Balancer',
      service({loadBalancers: [{targetGroupArn: TARGET_GROUP, loadBalancerName: 'web', containerName: 'web', containerPort: 80}]}),
      ['load-balancer-target loadBalancers[0].loadBalancerName'],
    ],
    [
      'several capacity providers, all of weight 0',
      service({
        capacityProviderStrategy: [
          {capacityProvider: 'FARGATE', base: 1},
          {capacityProvider: 'FARGATE_SPOT', weight: 0},
        ],
      }),
      ['capacity-provider-weight capacityProviderStrategy'],
    ],
    ['one capacity provider of weight 0 with a base', service({capacityProviderStrategy: [{capacityProvider: 'FARGATE', base: 1, weight: 0}]}), []],
    [
      'BLUE_GREEN with CODE_DEPLOY',
      service({deploymentController: {type: 'CODE_DEPLOY'}, deploymentConfiguration: {strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5}}),
      ['deployment-strategy-controller deploymentConfiguration.strategy'],
    ],
    [
      'BLUE_GREEN without a bake time',
      service({deploymentConfiguration: {strategy: 'BLUE_GREEN'}}),
      ['missing-field deploymentConfiguration.bakeTimeInMinutes'],
    ],
    [
      'ROLLING with CODE_DEPLOY (describe-services prints it): valid ECS; deploy says what ecs-wizard cannot do',
      service({deploymentController: {type: 'CODE_DEPLOY'}, deploymentConfiguration: {strategy: 'ROLLING'}}),
      [],
    ],
    [
      'Service Connect access logs without its log configuration',
      service({serviceConnectConfiguration: {enabled: true, accessLogConfiguration: {format: 'TEXT'}}}),
      ['missing-field serviceConnectConfiguration.logConfiguration'],
    ],
    [
      'a managed EBS volume without a size or snapshot',
      service({volumeConfigurations: [{name: 'ebs', managedEBSVolume: {roleArn: 'arn:aws:iam::123456789012:role/ebs'}}]}),
      ['missing-field volumeConfigurations[0].managedEBSVolume.sizeInGiB'],
    ],
  ])('%s', (_name, document, expected) => {
    expect(codes(document)).toEqual(expected);
  });
});
