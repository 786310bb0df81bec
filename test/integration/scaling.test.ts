import {CreateClusterCommand, CreateServiceCommand, RegisterTaskDefinitionCommand} from '@aws-sdk/client-ecs';
import {CreateLoadBalancerCommand, CreateTargetGroupCommand, CreateListenerCommand} from '@aws-sdk/client-elastic-load-balancing-v2';
import {CreateSubnetCommand, CreateVpcCommand} from '@aws-sdk/client-ec2';
import {PutScalingPolicyCommand} from '@aws-sdk/client-application-auto-scaling';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {createAwsClientFactory} from '../../source/adapters/aws/client-factory.js';
import {createScalingPort} from '../../source/adapters/aws/scaling.js';
import {autoScalingFromState, planScaling} from '../../source/domain/auto-scaling.js';
import {AwsError} from '../../source/errors.js';
import {useMoto} from '../helpers/moto.js';
import {CreateCapacityProviderCommand} from '@aws-sdk/client-ecs';
import {createWizardServices, type WizardPorts} from '../../source/operations/wizard/services.js';
import {createEcsPort} from '../../source/adapters/aws/ecs.js';
import {MemoryProfileStore} from '../../source/adapters/memory-profile-store.js';
import {planDeploy} from '../../source/operations/deploy/plan.js';
import {fetchServiceSource, importReport, planImport, saveImport, suggestNames, withServiceScaling} from '../../source/operations/import.js';

/** The ScalingPort through the real SDK against moto's Application Auto Scaling (and ELBv2 for the resource label). */
describe('ScalingPort on the SDK', () => {
  const moto = useMoto();
  const factory = createAwsClientFactory({env: moto.env, userAgent: 'ecs-wizard/test'});
  afterAll(() => factory.destroy());

  beforeAll(async () => {
    if (moto.skipped) return;
    const ecs = await factory.ecs();
    await ecs.send(new CreateClusterCommand({clusterName: 'scaled'}));
    await ecs.send(
      new RegisterTaskDefinitionCommand({family: 'web', containerDefinitions: [{name: 'web', image: 'nginx:1.27', memory: 128, essential: true}]}),
    );
    await ecs.send(new CreateServiceCommand({cluster: 'scaled', serviceName: 'web', taskDefinition: 'web', desiredCount: 1}));
  });

  test('no scalable target: an empty state', async () => {
    const scaling = await createScalingPort(factory);
    expect(await scaling.describe('scaled', 'web')).toEqual({policies: []});
  });

  test('register, put a CPU policy, read back: the plan is then unchanged; a new range re-registers', async () => {
    const scaling = await createScalingPort(factory);
    await scaling.registerTarget('scaled', 'web', {minCount: 2, maxCount: 10});
    await scaling.putPolicy('scaled', 'web', {name: 'web-cpu-target-tracking', metric: 'cpu', target: 60});
    const state = await scaling.describe('scaled', 'web');
    expect(state.target).toEqual({minCount: 2, maxCount: 10});
    expect(state.policies).toEqual([
      expect.objectContaining({name: 'web-cpu-target-tracking', policyType: 'TargetTrackingScaling', metric: 'cpu', target: 60}),
    ]);
    const wanted = {minCount: 2, maxCount: 10, policies: [{metric: 'cpu' as const, target: 60}]};
    expect(planScaling({serviceName: 'web', wanted, current: state}).action).toBe('unchanged');

    await scaling.registerTarget('scaled', 'web', {minCount: 3, maxCount: 12});
    await scaling.putPolicy('scaled', 'web', {name: 'web-cpu-target-tracking', metric: 'cpu', target: 50, scaleInCooldown: 300});
    const changed = await scaling.describe('scaled', 'web');
    expect(changed.target).toEqual({minCount: 3, maxCount: 12});
    expect(changed.policies).toEqual([expect.objectContaining({name: 'web-cpu-target-tracking', target: 50, scaleInCooldown: 300})]);
  });

  test('import keeps target tracking policies and notes a step scaling policy it leaves alone', async () => {
    const client = await factory.client('application-autoscaling');
    await client.send(
      new PutScalingPolicyCommand({
        PolicyName: 'steps',
        ServiceNamespace: 'ecs',
        ResourceId: 'service/scaled/web',
        ScalableDimension: 'ecs:service:DesiredCount',
        PolicyType: 'StepScaling',
        StepScalingPolicyConfiguration: {AdjustmentType: 'ChangeInCapacity', StepAdjustments: [{MetricIntervalLowerBound: 0, ScalingAdjustment: 1}]},
      }),
    );
    const scaling = await createScalingPort(factory);
    const state = await scaling.describe('scaled', 'web');
    const imported = autoScalingFromState('web', state);
    expect(imported.autoScaling).toEqual({minCount: 3, maxCount: 12, policies: [{metric: 'cpu', target: 50, scaleInCooldown: 300}]});
    expect(imported.notes).toEqual(['scaling policy steps (StepScaling) is not kept in the profile: a deploy leaves it as it is']);
  });

  test('import of the live service keeps its scaling; the plan of the imported profile leaves it unchanged', async () => {
    const ecs = await createEcsPort(factory);
    const scaling = await createScalingPort(factory);
    const source = await withServiceScaling(await fetchServiceSource(ecs, 'scaled', 'web'), scaling);
    const plan = planImport(source, {names: suggestNames({serviceName: 'web', cluster: 'scaled'}), now: '2026-02-01T00:00:00.000Z'});
    // Read from the service in that environment's cluster: the environment's own setting, not the service's for all.
    const environment = plan.profile!.environments[0]!;
    expect(plan.profile?.service.autoScaling).toBeUndefined();
    expect(environment.autoScaling).toEqual({minCount: 3, maxCount: 12, policies: [{metric: 'cpu', target: 50, scaleInCooldown: 300}]});
    expect(importReport(plan)).toEqual(
      expect.arrayContaining([
        `Auto scaling 3–12 tasks, CPU 50% in ${environment.name} (kept: a deploy applies it as it is)`,
        `warning: environments.${environment.name}.autoScaling: scaling policy steps (StepScaling) is not kept in the profile: a deploy leaves it as it is`,
      ]),
    );
    const store = new MemoryProfileStore();
    const profile = await saveImport(store, plan, {label: 'web'});
    const deploy = await planDeploy({ecs, scaling}, {profile, environment: profile.environments[0]!});
    expect(deploy.scaling.plan.action).toBe('unchanged');
    expect(deploy.scaling.plan.lines).toEqual(['auto scaling: unchanged (3–12 tasks, CPU 50%); other policies left as they are: steps (StepScaling)']);
    expect(deploy.diff.service.changes).toEqual([]);
    expect(deploy.action).toBe('none');
    // desiredCount is not sent: the scaler owns it.
    expect(deploy.omitDesiredCount).toBe(true);
    expect(deploy.scaling.notes).toEqual(['desiredCount is not sent: auto scaling decides how many tasks run (now 1)']);
  });

  test('deregister removes the target and its policies', async () => {
    const scaling = await createScalingPort(factory);
    await scaling.deregisterTarget('scaled', 'web');
    const state = await scaling.describe('scaled', 'web');
    expect(state.target).toBeUndefined();
  });

  test("requests per target: the resource label from the target group's load balancer; a target group without one is refused", async () => {
    const ec2 = await factory.client('ec2');
    const vpc = await ec2.send(new CreateVpcCommand({CidrBlock: '10.1.0.0/16'}));
    const vpcId = vpc.Vpc?.VpcId ?? '';
    const subnetA = await ec2.send(new CreateSubnetCommand({VpcId: vpcId, CidrBlock: '10.1.1.0/24', AvailabilityZone: 'us-east-1a'}));
    const subnetB = await ec2.send(new CreateSubnetCommand({VpcId: vpcId, CidrBlock: '10.1.2.0/24', AvailabilityZone: 'us-east-1b'}));
    const elb = await factory.client('elasticloadbalancing');
    const balancer = await elb.send(
      new CreateLoadBalancerCommand({Name: 'web-alb', Subnets: [subnetA.Subnet?.SubnetId ?? '', subnetB.Subnet?.SubnetId ?? ''], Type: 'application'}),
    );
    const balancerArn = balancer.LoadBalancers?.[0]?.LoadBalancerArn ?? '';
    const group = await elb.send(new CreateTargetGroupCommand({Name: 'web-tg', Protocol: 'HTTP', Port: 80, VpcId: vpcId, TargetType: 'ip'}));
    const groupArn = group.TargetGroups?.[0]?.TargetGroupArn ?? '';
    const lonely = await elb.send(new CreateTargetGroupCommand({Name: 'lonely-tg', Protocol: 'HTTP', Port: 80, VpcId: vpcId, TargetType: 'ip'}));
    await elb.send(
      new CreateListenerCommand({LoadBalancerArn: balancerArn, Protocol: 'HTTP', Port: 80, DefaultActions: [{Type: 'forward', TargetGroupArn: groupArn}]}),
    );
    const scaling = await createScalingPort(factory);
    const label = await scaling.requestCountLabel(groupArn);
    const balancerPart = /loadbalancer\/(.+)$/.exec(balancerArn)?.[1];
    const groupPart = /:(targetgroup\/.+)$/.exec(groupArn)?.[1];
    expect(label).toBe(`${balancerPart}/${groupPart}`);
    expect(label).toMatch(/^app\/web-alb\/[^/]+\/targetgroup\/web-tg\/[^/]+$/);
    await expect(scaling.requestCountLabel(lonely.TargetGroups?.[0]?.TargetGroupArn ?? '')).rejects.toThrow(AwsError);
  });

  test("the wizard lists a cluster's capacity providers: Fargate's, and an Auto Scaling group provider with its group", async () => {
    const client = await factory.ecs();
    const asg = 'arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:1a2b3c4d-0000-0000-0000-000000000000:autoScalingGroupName/web-asg';
    await client.send(new CreateCapacityProviderCommand({name: 'web-asg-provider', autoScalingGroupProvider: {autoScalingGroupArn: asg}}));
    await client.send(new CreateClusterCommand({clusterName: 'spotty', capacityProviders: ['FARGATE', 'FARGATE_SPOT', 'web-asg-provider']}));
    const ecs = await createEcsPort(factory);
    const services = createWizardServices({ecs: async () => ecs} as unknown as WizardPorts);
    expect(await services.capacityProviders!('spotty')).toEqual({
      ok: true,
      items: [
        {name: 'FARGATE', kind: 'fargate'},
        {name: 'FARGATE_SPOT', kind: 'fargate'},
        {name: 'web-asg-provider', kind: 'auto-scaling-group', autoScalingGroupArn: asg},
      ],
    });
    // A cluster the first deploy creates gets Fargate's two providers.
    expect(await services.capacityProviders!('not-yet')).toEqual({
      ok: true,
      items: [
        {name: 'FARGATE', kind: 'fargate'},
        {name: 'FARGATE_SPOT', kind: 'fargate'},
      ],
    });
    // The deploy's check reads the same list: a provider the cluster lacks is named.
    const [cluster] = await ecs.describeClusters(['scaled']);
    expect(cluster?.capacityProviders ?? []).toEqual([]);
    const created = await ecs.createCluster('made-by-deploy', {capacityProviders: ['FARGATE', 'FARGATE_SPOT']});
    expect(created.capacityProviders).toEqual(['FARGATE', 'FARGATE_SPOT']);
  });
});
