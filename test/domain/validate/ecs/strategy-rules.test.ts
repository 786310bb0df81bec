import {describe, expect, test} from 'vitest';
import type {JsonObject} from '../../../../source/domain/json.js';
import {ecsServiceIssues} from '../../../../source/domain/validate/ecs/document.js';

const codes = (service: JsonObject): string[] =>
  ecsServiceIssues(service).map((issue) => `${issue.severity === 'warning' ? 'warning ' : ''}${issue.code} ${issue.path}`);
const service = (configuration: JsonObject, extra: JsonObject = {}): JsonObject => ({
  serviceName: 'web',
  desiredCount: 2,
  deploymentConfiguration: configuration,
  ...extra,
});
const TG = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/blue/0123456789abcdef';
const TG2 = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/green/0123456789abcdef';
const RULE = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/web/1/2/3';
const TEST_RULE = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/web/1/2/4';
const ROLE = 'arn:aws:iam::123456789012:role/ecs-traffic';
const LAMBDA = 'arn:aws:lambda:us-east-1:123456789012:function:smoke';
const balancer = (advanced?: JsonObject): JsonObject => ({
  loadBalancers: [{targetGroupArn: TG, containerName: 'web', containerPort: 80, ...(advanced === undefined ? {} : {advancedConfiguration: advanced})}],
});

describe('deployment strategy rules', () => {
  test.each<[string, JsonObject, string[]]>([
    ['a complete canary', service({strategy: 'CANARY', bakeTimeInMinutes: 5, canaryConfiguration: {canaryPercent: 10, canaryBakeTimeInMinutes: 3}}), []],
    ['BLUE_GREEN without a bake time', service({strategy: 'BLUE_GREEN'}), ['missing-field deploymentConfiguration.bakeTimeInMinutes']],
    ['LINEAR without its configuration', service({strategy: 'LINEAR', bakeTimeInMinutes: 5}), ['missing-field deploymentConfiguration.linearConfiguration']],
    ['CANARY without its configuration', service({strategy: 'CANARY', bakeTimeInMinutes: 5}), ['missing-field deploymentConfiguration.canaryConfiguration']],
    [
      'a canary percent out of ECS range',
      service({strategy: 'CANARY', bakeTimeInMinutes: 5, canaryConfiguration: {canaryPercent: 0, canaryBakeTimeInMinutes: 3}}),
      ['out-of-range deploymentConfiguration.canaryConfiguration.canaryPercent'],
    ],
    [
      'a linear step below 3 percent',
      service({strategy: 'LINEAR', bakeTimeInMinutes: 5, linearConfiguration: {stepPercent: 2, stepBakeTimeInMinutes: 3}}),
      ['out-of-range deploymentConfiguration.linearConfiguration.stepPercent'],
    ],
    [
      'a canary configuration under ROLLING',
      service({strategy: 'ROLLING', canaryConfiguration: {canaryPercent: 10, canaryBakeTimeInMinutes: 3}}),
      ['warning strategy-configuration-ignored deploymentConfiguration.canaryConfiguration'],
    ],
    [
      'BLUE_GREEN under CODE_DEPLOY',
      service({strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5}, {deploymentController: {type: 'CODE_DEPLOY'}}),
      ['deployment-strategy-controller deploymentConfiguration.strategy'],
    ],
    [
      'CANARY under EXTERNAL',
      service(
        {strategy: 'CANARY', bakeTimeInMinutes: 5, canaryConfiguration: {canaryPercent: 10, canaryBakeTimeInMinutes: 3}},
        {deploymentController: {type: 'EXTERNAL'}},
      ),
      ['deployment-strategy-controller deploymentConfiguration.strategy'],
    ],
    [
      'LINEAR on a DAEMON service',
      service(
        {strategy: 'LINEAR', bakeTimeInMinutes: 5, linearConfiguration: {stepPercent: 20, stepBakeTimeInMinutes: 1}},
        {schedulingStrategy: 'DAEMON', desiredCount: undefined as never},
      ),
      ['deployment-strategy-daemon deploymentConfiguration.strategy'],
    ],
    ['a rolling CODE_DEPLOY service is valid ECS (deploy says ecs-wizard cannot deploy it)', service({}, {deploymentController: {type: 'CODE_DEPLOY'}}), []],
    [
      'BLUE_GREEN behind a load balancer without advancedConfiguration',
      service({strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5}, balancer()),
      [
        'load-balancer-wiring loadBalancers[0].advancedConfiguration.alternateTargetGroupArn',
        'load-balancer-wiring loadBalancers[0].advancedConfiguration.productionListenerRule',
        'load-balancer-wiring loadBalancers[0].advancedConfiguration.roleArn',
      ],
    ],
    [
      "a second load balancer without advancedConfiguration (the first is the wiring rule's: load-balancer-rules.ts)",
      {
        ...service({strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5}, balancer({alternateTargetGroupArn: TG2, productionListenerRule: RULE, roleArn: ROLE})),
        loadBalancers: [
          {
            targetGroupArn: TG,
            containerName: 'web',
            containerPort: 80,
            advancedConfiguration: {alternateTargetGroupArn: TG2, productionListenerRule: RULE, roleArn: ROLE},
          },
          {targetGroupArn: TG2, containerName: 'web', containerPort: 81},
        ],
      },
      ['missing-field loadBalancers[1].advancedConfiguration'],
    ],
    [
      'BLUE_GREEN with the same target group twice and no role',
      service({strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5}, balancer({alternateTargetGroupArn: TG, productionListenerRule: RULE})),
      [
        'load-balancer-wiring loadBalancers[0].advancedConfiguration.roleArn',
        'load-balancer-wiring loadBalancers[0].advancedConfiguration.alternateTargetGroupArn',
      ],
    ],
    [
      'BLUE_GREEN wired as ECS documents it',
      service(
        {strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5},
        balancer({alternateTargetGroupArn: TG2, productionListenerRule: RULE, testListenerRule: TEST_RULE, roleArn: ROLE}),
      ),
      [],
    ],
    ['ROLLING behind a load balancer needs no second target group', service({}, balancer()), []],
    [
      'a hook without a role or stages',
      service({strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5, lifecycleHooks: [{hookTargetArn: LAMBDA, lifecycleStages: []}]}),
      ['missing-field deploymentConfiguration.lifecycleHooks[0].roleArn', 'missing-field deploymentConfiguration.lifecycleHooks[0].lifecycleStages'],
    ],
    [
      'a hook at a stage ECS does not know',
      service({strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5, lifecycleHooks: [{hookTargetArn: LAMBDA, roleArn: ROLE, lifecycleStages: ['BAKE_TIME']}]}),
      ['invalid-value deploymentConfiguration.lifecycleHooks[0].lifecycleStages[0]'],
    ],
    [
      'placeholders are not judged',
      service(
        {strategy: '${strategy}', bakeTimeInMinutes: '${bake}'},
        balancer({alternateTargetGroupArn: '${green}', productionListenerRule: RULE, roleArn: ROLE}),
      ),
      [],
    ],
  ])('%s', (_name, spec, expected) => {
    expect(codes(JSON.parse(JSON.stringify(spec)) as JsonObject)).toEqual(expected);
  });

  test('messages say what to do instead', () => {
    const [daemon] = ecsServiceIssues(service({strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5}, {schedulingStrategy: 'DAEMON'}));
    expect(daemon?.fix).toMatch(/Leave strategy out \(ROLLING/);
    const controller = ecsServiceIssues(service({strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5}, {deploymentController: {type: 'CODE_DEPLOY'}}));
    expect(controller.map((issue) => issue.fix).join('\n')).toMatch(/ECS then runs the blue\/green deployment itself, no CodeDeploy/);
  });
});
