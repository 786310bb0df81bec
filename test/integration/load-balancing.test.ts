import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {createAwsClientFactory} from '../../source/adapters/aws/client-factory.js';
import {createAlarmsPort} from '../../source/adapters/aws/cloudwatch.js';
import {createLoadBalancingPort} from '../../source/adapters/aws/elbv2.js';
import {createIamPort} from '../../source/adapters/aws/iam.js';
import {createLambdaPort} from '../../source/adapters/aws/lambda.js';
import type {JsonObject} from '../../source/domain/json.js';
import {DEFAULT_TRAFFIC_ROLE_NAME, ECS_PRINCIPAL, LOAD_BALANCER_ROLE_POLICY_ARN, trustsService} from '../../source/domain/load-balancer.js';
import {AwsError} from '../../source/errors.js';
import {loadBalancerChecks} from '../../source/operations/deploy/load-balancer-checks.js';
import type {DeployPlan} from '../../source/operations/deploy/plan.js';
import type {CheckPorts} from '../../source/ports/deploy.js';
import {CLOSED_ENDPOINT, motoEnv, useMoto} from '../helpers/moto.js';
import {seedLoadBalancer, type LoadBalancerSeed} from '../helpers/load-balancer-seed.js';

/**
 * The load balancing, Lambda and CloudWatch alarm ports through the real SDK against moto (a load balancer setup made
 * with the SDK: test/helpers/load-balancer-seed.ts), and verify's load balancer, traffic role, hook and alarm checks
 * over them.
 */
describe('load balancing, Lambda and alarm ports on the SDK', () => {
  const moto = useMoto();
  const factory = createAwsClientFactory({env: moto.env, userAgent: 'ecs-wizard/test'});
  afterAll(() => factory.destroy());
  let seed: LoadBalancerSeed;
  beforeAll(async () => {
    if (moto.skipped) return;
    seed = await seedLoadBalancer(factory);
  });

  test('load balancers, listeners by port, rules by priority (default last) with their forwards and conditions', async () => {
    const elb = await createLoadBalancingPort(factory);
    expect(await elb.listLoadBalancers()).toEqual([expect.objectContaining({arn: seed.balancer, name: 'web', type: 'application', vpcId: seed.vpc})]);
    expect((await elb.listListeners(seed.balancer)).map(({arn, port, protocol}) => ({arn, port, protocol}))).toEqual([
      {arn: seed.production, port: 80, protocol: 'HTTP'},
      {arn: seed.test, port: 8080, protocol: 'HTTP'},
    ]);
    expect(await elb.listRules(seed.production)).toEqual([
      {
        arn: seed.apiRule,
        listenerArn: seed.production,
        priority: '10',
        isDefault: false,
        targetGroupArns: [seed.blue, seed.green],
        conditions: ['path-pattern /api/*'],
      },
      {arn: seed.productionDefaultRule, listenerArn: seed.production, priority: 'default', isDefault: true, targetGroupArns: [seed.blue], conditions: []},
    ]);
  });

  test('target groups by name, with type, VPC, port and the load balancers using them (once each)', async () => {
    const elb = await createLoadBalancingPort(factory);
    const groups = await elb.listTargetGroups();
    expect(groups.map((group) => group.name)).toEqual(['other-vpc', 'web-8080', 'web-blue', 'web-green', 'web-instance']);
    expect(groups.find((group) => group.name === 'web-blue')).toEqual({
      arn: seed.blue,
      name: 'web-blue',
      targetType: 'ip',
      vpcId: seed.vpc,
      port: 80,
      protocol: 'HTTP',
      loadBalancerArns: [seed.balancer],
      // ELB's defaults for an HTTP target group (the Copilot import compares a manifest's health check with them).
      healthCheckPath: '/',
      healthCheckCodes: '200',
    });
    expect(groups.find((group) => group.name === 'web-instance')).toMatchObject({targetType: 'instance', loadBalancerArns: []});
  });

  test('one of each by ARN; an ARN that names nothing is undefined, not an error', async () => {
    const elb = await createLoadBalancingPort(factory);
    const gone = (arn: string): string => arn.replace(/[0-9a-f]{4}$/, '0000');
    expect((await elb.getTargetGroup(seed.green))?.name).toBe('web-green');
    expect((await elb.getRule(seed.apiRule))?.listenerArn).toBe(seed.production);
    expect((await elb.getListener(seed.test))?.port).toBe(8080);
    expect((await elb.getLoadBalancer(seed.balancer))?.vpcId).toBe(seed.vpc);
    expect(await elb.getTargetGroup(gone(seed.blue))).toBeUndefined();
    expect(await elb.getRule(gone(seed.apiRule))).toBeUndefined();
    expect(await elb.getListener(gone(seed.test))).toBeUndefined();
    expect(await elb.getLoadBalancer(gone(seed.balancer))).toBeUndefined();
  });

  test('Lambda functions listed and found by name or ARN; CloudWatch alarms found by name (missing names left out)', async () => {
    const lambda = await createLambdaPort(factory);
    expect(await lambda.listFunctions()).toEqual([{arn: seed.hook, name: 'check-green', runtime: 'nodejs20.x'}]);
    expect((await lambda.getFunction(seed.hook))?.name).toBe('check-green');
    expect((await lambda.getFunction('check-green'))?.arn).toBe(seed.hook);
    expect(await lambda.getFunction('no-such-function')).toBeUndefined();
    const alarms = await createAlarmsPort(factory);
    expect(await alarms.getAlarms(['web-5xx', 'no-such-alarm'])).toEqual([
      {
        name: 'web-5xx',
        arn: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:web-5xx',
        state: 'OK',
        metricName: 'HTTPCode_Target_5XX_Count',
        namespace: 'AWS/ApplicationELB',
      },
    ]);
    expect((await alarms.listAlarms()).map((alarm) => alarm.name)).toEqual(['web-5xx']);
  });

  test('the traffic role is created trusting ecs.amazonaws.com, with AmazonECSInfrastructureRolePolicyForLoadBalancers attached', async () => {
    const iam = await createIamPort(factory);
    const {trafficRoleTrustPolicy} = await import('../../source/domain/load-balancer.js');
    const role = await iam.createExecutionRole(DEFAULT_TRAFFIC_ROLE_NAME, {
      trustPolicy: trafficRoleTrustPolicy(),
      managedPolicyArn: LOAD_BALANCER_ROLE_POLICY_ARN,
    });
    expect(trustsService(role.trustPolicy, ECS_PRINCIPAL)).toBe(true);
    expect(role.trustsEcsTasks).toBe(false);
    const documents = await iam.rolePolicyDocuments(DEFAULT_TRAFFIC_ROLE_NAME);
    expect(documents.map((document) => document.arn)).toEqual([LOAD_BALANCER_ROLE_POLICY_ARN]);
    expect(JSON.stringify(documents[0]?.document)).toContain('elasticloadbalancing:ModifyRule');
  });

  test('an endpoint out of reach is an AwsError of kind unreachable', async () => {
    const closed = createAwsClientFactory({
      env: motoEnv(CLOSED_ENDPOINT),
      userAgent: 'ecs-wizard/test',
      network: {maxAttempts: 1, connectionTimeoutMs: 500, requestTimeoutMs: 1000, slowNoticeMs: 60_000},
    });
    try {
      const error = await (await createLoadBalancingPort(closed)).listTargetGroups().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(AwsError);
      expect((error as AwsError).kind).toBe('unreachable');
      expect((error as AwsError).message).toContain('elasticloadbalancing:DescribeTargetGroups');
    } finally {
      closed.destroy();
    }
  });

  describe("verify's checks", () => {
    const ports = async (): Promise<CheckPorts> =>
      ({
        iam: await createIamPort(factory),
        loadBalancing: () => createLoadBalancingPort(factory),
        lambda: () => createLambdaPort(factory),
        alarms: () => createAlarmsPort(factory),
      }) as unknown as CheckPorts;
    const task = {networkMode: 'awsvpc', containerDefinitions: [{name: 'web', portMappings: [{containerPort: 80}]}]};
    const plan = (service: JsonObject, taskDefinition: JsonObject = task): DeployPlan =>
      ({service, taskDefinition, region: 'us-east-1', environment: {name: 'dev', launchType: 'FARGATE'}}) as unknown as DeployPlan;
    const blueGreen = (advanced: JsonObject, extra: JsonObject = {}): JsonObject => ({
      deploymentConfiguration: {strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5, ...extra},
      loadBalancers: [
        {
          targetGroupArn: seed.blue,
          containerName: 'web',
          containerPort: 80,
          advancedConfiguration: {
            alternateTargetGroupArn: seed.green,
            productionListenerRule: seed.apiRule,
            testListenerRule: seed.testDefaultRule,
            roleArn: seed.trafficRole,
            ...advanced,
          },
        },
      ],
    });
    const run = async (service: JsonObject, taskDefinition?: JsonObject) =>
      (await loadBalancerChecks(await ports(), plan(service, taskDefinition))).map(({name, status, message, hint}) => ({name, status, message, hint}));

    test('a rolling service on its target group: ok, naming the group and its load balancer', async () => {
      expect(await run({loadBalancers: [{targetGroupArn: seed.blue, containerName: 'web', containerPort: 80}]})).toEqual([
        {name: 'load-balancer', status: 'ok', message: 'web-blue (type ip, HTTP:80) on web', hint: undefined},
      ]);
    });

    test('blue/green wired right: the groups, both rules and the role that may ModifyRule them (its managed policy read), hooks and alarms', async () => {
      const results = await run(
        blueGreen(
          {},
          {
            lifecycleHooks: [{hookTargetArn: seed.hook, roleArn: seed.hookRole, lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT']}],
            alarms: {alarmNames: ['web-5xx'], enable: true, rollback: true},
          },
        ),
      );
      expect(results).toEqual([
        {
          name: 'load-balancer',
          status: 'ok',
          message: 'web-blue (type ip, HTTP:80) on web; alternate web-green; production rule found; test rule found',
          hint: undefined,
        },
        {name: 'traffic-role', status: 'ok', message: 'seeded-traffic-role trusts ecs.amazonaws.com and may elasticloadbalancing:ModifyRule', hint: undefined},
        {
          name: 'lifecycle-hook POST_TEST_TRAFFIC_SHIFT',
          status: 'ok',
          message: 'check-green exists; hook-role trusts ecs.amazonaws.com and may lambda:InvokeFunction',
          hint: undefined,
        },
        {name: 'alarms', status: 'ok', message: 'web-5xx (OK)', hint: undefined},
      ]);
    });

    test('a target group of type instance for an awsvpc task fails with the fix', async () => {
      const [result] = await run({loadBalancers: [{targetGroupArn: seed.instance, containerName: 'web', containerPort: 80}]});
      expect(result).toMatchObject({name: 'load-balancer', status: 'fail'});
      // Not attached to a load balancer at all: ECS refuses that first.
      expect(result?.message).toBe('the target group web-instance is not attached to a load balancer: ECS refuses a service on it');
    });

    test('an ip target group for a bridge task fails, saying which type the network mode needs', async () => {
      const [result] = await run({loadBalancers: [{targetGroupArn: seed.blue, containerName: 'web', containerPort: 80}]}, {...task, networkMode: 'bridge'});
      expect(result).toEqual({
        name: 'load-balancer',
        status: 'fail',
        message: 'target group web-blue has target type ip, and a task in bridge network mode registers by instance',
        hint: 'use a target group of type instance (aws elbv2 create-target-group --target-type instance …)',
      });
    });

    test('the alternate group: the same as production, of another VPC, or of another port — each fails naming both', async () => {
      expect((await run(blueGreen({alternateTargetGroupArn: seed.blue})))[0]?.message).toBe(
        'the alternate target group is the production one (web-blue): ECS needs a second target group to start the new revision in',
      );
      expect((await run(blueGreen({alternateTargetGroupArn: seed.otherVpcGroup})))[0]?.message).toBe(
        `the target groups are in different VPCs (web-blue: ${seed.vpc}, other-vpc: ${seed.otherVpc})`,
      );
      expect((await run(blueGreen({alternateTargetGroupArn: seed.port8080})))[0]?.message).toBe(
        'the target groups differ in port or protocol (web-blue: HTTP:80, web-8080: HTTP:8080)',
      );
    });

    test('rules: a missing production rule, and a test rule that is the production rule, fail', async () => {
      const missing = seed.apiRule.replace(/[0-9a-f]{4}$/, '0000');
      expect((await run(blueGreen({productionListenerRule: missing})))[0]).toMatchObject({
        status: 'fail',
        message: 'the production listener rule does not exist',
        hint: 'fix advancedConfiguration.productionListenerRule',
      });
      expect((await run(blueGreen({testListenerRule: seed.apiRule})))[0]?.message).toBe('the test listener rule is the production listener rule');
    });

    test('the traffic role: not trusting ECS, or without a policy letting it ModifyRule, fails with the fix', async () => {
      expect((await run(blueGreen({roleArn: seed.tasksRole})))[1]).toEqual({
        name: 'traffic-role',
        status: 'fail',
        message: 'the role tasks-only does not trust ecs.amazonaws.com: ECS cannot assume it',
        hint: 'add to its trust policy {"Effect":"Allow","Principal":{"Service":"ecs.amazonaws.com"},"Action":"sts:AssumeRole"}',
      });
      expect((await run(blueGreen({roleArn: seed.noPolicyRole})))[1]).toEqual({
        name: 'traffic-role',
        status: 'fail',
        message: `ecs-no-policy may not elasticloadbalancing:ModifyRule on ${seed.apiRule} (the role's inline and attached policies)`,
        hint: `attach the managed policy: aws iam attach-role-policy --role-name ecs-no-policy --policy-arn ${LOAD_BALANCER_ROLE_POLICY_ARN}`,
      });
    });

    test('a hook whose Lambda does not exist, a hook role that may not invoke it, and a missing alarm fail', async () => {
      const results = await run({
        deploymentConfiguration: {
          strategy: 'ROLLING',
          lifecycleHooks: [
            {hookTargetArn: 'arn:aws:lambda:us-east-1:123456789012:function:gone', roleArn: seed.hookRole, lifecycleStages: ['PRE_SCALE_UP']},
            {hookTargetArn: seed.hook, roleArn: seed.noPolicyRole, lifecycleStages: ['POST_SCALE_UP']},
          ],
          alarms: {alarmNames: ['web-5xx', 'web-latency'], enable: true, rollback: true},
        },
      });
      expect(results.map(({name, status, message}) => ({name, status, message}))).toEqual([
        {
          name: 'lifecycle-hook PRE_SCALE_UP',
          status: 'fail',
          message: 'the Lambda function arn:aws:lambda:us-east-1:123456789012:function:gone does not exist',
        },
        {
          name: 'lifecycle-hook POST_SCALE_UP',
          status: 'fail',
          message: `ecs-no-policy may not lambda:InvokeFunction on ${seed.hook} (the role's inline and attached policies)`,
        },
        {name: 'alarms', status: 'fail', message: 'CloudWatch alarm web-latency does not exist in us-east-1'},
      ]);
    });
  });
});
