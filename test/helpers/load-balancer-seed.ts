/**
 * A load balancer setup in moto, made with the SDK directly: a VPC (and a second one), an ALB with a production
 * listener (HTTP:80, a rule /api/* forwarding to blue and green by weight) and a test listener (HTTP:8080 → green),
 * target groups (blue and green of type ip on HTTP:80, one of type instance, one on port 8080, one in the other VPC),
 * roles (the traffic role trusting ecs.amazonaws.com with AmazonECSInfrastructureRolePolicyForLoadBalancers, one
 * trusting ecs-tasks only, one trusting ECS without a policy, a hook role that may invoke the hook), a Lambda hook
 * and a CloudWatch alarm.
 */
import {PutMetricAlarmCommand} from '@aws-sdk/client-cloudwatch';
import {CreateSubnetCommand, CreateVpcCommand} from '@aws-sdk/client-ec2';
import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateRuleCommand,
  CreateTargetGroupCommand,
  type CreateTargetGroupCommandInput,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import {AttachRolePolicyCommand, CreateRoleCommand, PutRolePolicyCommand} from '@aws-sdk/client-iam';
import {CreateFunctionCommand} from '@aws-sdk/client-lambda';
import type {AwsClientFactory} from '../../source/adapters/aws/client-factory.js';
import {LOAD_BALANCER_ROLE_POLICY_ARN, trafficRoleTrustPolicy} from '../../source/domain/load-balancer.js';
import {executionRoleTrustPolicy} from '../../source/domain/policy.js';

export interface LoadBalancerSeed {
  vpc: string;
  otherVpc: string;
  balancer: string;
  production: string;
  test: string;
  apiRule: string;
  productionDefaultRule: string;
  testDefaultRule: string;
  blue: string;
  green: string;
  instance: string;
  port8080: string;
  otherVpcGroup: string;
  trafficRole: string;
  tasksRole: string;
  noPolicyRole: string;
  hookRole: string;
  hook: string;
}

/** An empty zip archive (its end-of-central-directory record): moto stores a function's code without running it. */
const EMPTY_ZIP = Uint8Array.from([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)]);

export async function seedLoadBalancer(factory: AwsClientFactory): Promise<LoadBalancerSeed> {
  const ec2 = await factory.client('ec2');
  const elb = await factory.client('elasticloadbalancing');
  const iam = await factory.iam();
  const lambda = await factory.client('lambda');
  const cloudwatch = await factory.client('cloudwatch');
  const vpc = (await ec2.send(new CreateVpcCommand({CidrBlock: '10.20.0.0/16'}))).Vpc!.VpcId!;
  const otherVpc = (await ec2.send(new CreateVpcCommand({CidrBlock: '10.30.0.0/16'}))).Vpc!.VpcId!;
  const subnets: string[] = [];
  for (const [cidr, zone] of [
    ['10.20.1.0/24', 'us-east-1a'],
    ['10.20.2.0/24', 'us-east-1b'],
  ] as const)
    subnets.push((await ec2.send(new CreateSubnetCommand({VpcId: vpc, CidrBlock: cidr, AvailabilityZone: zone}))).Subnet!.SubnetId!);
  const balancer = (await elb.send(new CreateLoadBalancerCommand({Name: 'web', Subnets: subnets, Type: 'application'}))).LoadBalancers![0]!.LoadBalancerArn!;
  const group = async (input: Partial<CreateTargetGroupCommandInput> & {Name: string}): Promise<string> =>
    (await elb.send(new CreateTargetGroupCommand({Protocol: 'HTTP', Port: 80, VpcId: vpc, TargetType: 'ip', ...input}))).TargetGroups![0]!.TargetGroupArn!;
  const blue = await group({Name: 'web-blue'});
  const green = await group({Name: 'web-green'});
  const instance = await group({Name: 'web-instance', TargetType: 'instance'});
  const port8080 = await group({Name: 'web-8080', Port: 8080});
  const otherVpcGroup = await group({Name: 'other-vpc', VpcId: otherVpc});
  const production = (
    await elb.send(
      new CreateListenerCommand({LoadBalancerArn: balancer, Protocol: 'HTTP', Port: 80, DefaultActions: [{Type: 'forward', TargetGroupArn: blue}]}),
    )
  ).Listeners![0]!.ListenerArn!;
  const test = (
    await elb.send(
      new CreateListenerCommand({LoadBalancerArn: balancer, Protocol: 'HTTP', Port: 8080, DefaultActions: [{Type: 'forward', TargetGroupArn: green}]}),
    )
  ).Listeners![0]!.ListenerArn!;
  const apiRule = (
    await elb.send(
      new CreateRuleCommand({
        ListenerArn: production,
        Priority: 10,
        Conditions: [{Field: 'path-pattern', Values: ['/api/*']}],
        Actions: [
          {
            Type: 'forward',
            ForwardConfig: {
              TargetGroups: [
                {TargetGroupArn: blue, Weight: 100},
                {TargetGroupArn: green, Weight: 0},
              ],
            },
          },
        ],
      }),
    )
  ).Rules![0]!.RuleArn!;
  const {DescribeRulesCommand} = await import('@aws-sdk/client-elastic-load-balancing-v2');
  const defaultRule = async (listener: string): Promise<string> =>
    (await elb.send(new DescribeRulesCommand({ListenerArn: listener}))).Rules!.find((rule) => rule.IsDefault)!.RuleArn!;
  const role = async (name: string, trust: object): Promise<string> =>
    (await iam.send(new CreateRoleCommand({RoleName: name, AssumeRolePolicyDocument: JSON.stringify(trust)}))).Role!.Arn!;
  const trafficRole = await role('seeded-traffic-role', trafficRoleTrustPolicy());
  await iam.send(new AttachRolePolicyCommand({RoleName: 'seeded-traffic-role', PolicyArn: LOAD_BALANCER_ROLE_POLICY_ARN}));
  const tasksRole = await role('tasks-only', executionRoleTrustPolicy());
  const noPolicyRole = await role('ecs-no-policy', trafficRoleTrustPolicy());
  const hookRole = await role('hook-role', trafficRoleTrustPolicy());
  const lambdaRole = await role('hook-function-role', {
    Version: '2012-10-17',
    Statement: [{Effect: 'Allow', Principal: {Service: 'lambda.amazonaws.com'}, Action: 'sts:AssumeRole'}],
  });
  const hook = (
    await lambda.send(
      new CreateFunctionCommand({FunctionName: 'check-green', Runtime: 'nodejs20.x', Role: lambdaRole, Handler: 'index.handler', Code: {ZipFile: EMPTY_ZIP}}),
    )
  ).FunctionArn!;
  await iam.send(
    new PutRolePolicyCommand({
      RoleName: 'hook-role',
      PolicyName: 'invoke-hook',
      PolicyDocument: JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: hook}]}),
    }),
  );
  await cloudwatch.send(
    new PutMetricAlarmCommand({
      AlarmName: 'web-5xx',
      MetricName: 'HTTPCode_Target_5XX_Count',
      Namespace: 'AWS/ApplicationELB',
      Statistic: 'Sum',
      Period: 60,
      EvaluationPeriods: 1,
      Threshold: 5,
      ComparisonOperator: 'GreaterThanThreshold',
    }),
  );
  return {
    vpc,
    otherVpc,
    balancer,
    production,
    test,
    apiRule,
    productionDefaultRule: await defaultRule(production),
    testDefaultRule: await defaultRule(test),
    blue,
    green,
    instance,
    port8080,
    otherVpcGroup,
    trafficRole,
    tasksRole,
    noPolicyRole,
    hookRole,
    hook,
  };
}
