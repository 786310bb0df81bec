/**
 * Adopting live services on moto, through the real SDK: each service of the corpus (test/fixtures/services, with the
 * task definition it runs) and a set of the corpus' task definitions run as services, are registered and created as
 * their owners did; then imported as `ecs-wizard import --cluster C --service S` does (fetchServiceSource →
 * planImport → the store's validation) and planned as `ecs-wizard diff --exit-code` and `deploy` plan them: no
 * changes; the deploy's apply step registers nothing and updates nothing.
 *
 * moto is not ECS: it keeps fewer service settings than ECS does (listed in MOTO_DROPS and checked, so that a moto
 * that starts keeping them shows here) and the import can only adopt what DescribeServices shows. Those settings are
 * covered by the file round trip in test/operations/import.corpus.test.ts; here they are simply absent on both sides.
 */
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {createAwsClientFactory} from '../../source/adapters/aws/client-factory.js';
import {createEcsPort} from '../../source/adapters/aws/ecs.js';
import {MemoryProfileStore} from '../../source/adapters/memory-profile-store.js';
import type {DeployEvent} from '../../source/domain/deploy/events.js';
import type {JsonObject} from '../../source/domain/json.js';
import {applyPlan} from '../../source/operations/deploy/apply.js';
import {planDeploy} from '../../source/operations/deploy/plan.js';
import {fetchServiceSource, planImport, saveImport, suggestNames} from '../../source/operations/import.js';
import type {EcsPort} from '../../source/ports/ecs.js';
import {createInput, read, REAL_TASKS, registerInput, registerInputOf, SERVICE_TASKS, SERVICES, TASKS} from '../helpers/corpus.js';
import {FakeClock} from '../helpers/fake-clock.js';
import {useMoto} from '../helpers/moto.js';

interface LiveCase {
  /** The task definition fixture. */
  task: string;
  /** The service as its owner created it (a CreateService input without cluster and task definition). */
  service: JsonObject;
  cluster: string;
  /** A fixture of test/fixtures/real-task-definitions/ (in any of its forms), not of the corpus. */
  real?: boolean;
}

/** The corpus' services, as created from their describe-services output. */
function serviceCases(): LiveCase[] {
  return Object.entries(SERVICE_TASKS).map(([file, task]) => {
    const described = (read(SERVICES, file).value['services'] as JsonObject[])[0]!;
    const {cluster, taskDefinition: _family, ...service} = createInput(described, '');
    return {task, service, cluster: String(cluster)};
  });
}

/** Task definitions of the corpus run as a service of their own (a DAEMON for the host-network agent). */
const TASK_SERVICES: ReadonlyArray<[string, JsonObject]> = [
  ['firelens-appmesh-envoy.json', {desiredCount: 2, launchType: 'FARGATE'}],
  ['arm64-efs-digest.json', {desiredCount: 1, launchType: 'FARGATE'}],
  ['consul-client-host-network.json', {launchType: 'EC2', schedulingStrategy: 'DAEMON'}],
  ['shell-variables-in-command.json', {desiredCount: 1, launchType: 'EC2'}],
  ['secrets-manager-and-ssm.json', {desiredCount: 3, launchType: 'FARGATE', propagateTags: 'TASK_DEFINITION'}],
  ['hardened-linux-parameters.json', {desiredCount: 2, launchType: 'EC2', placementStrategy: [{type: 'binpack', field: 'cpu'}]}],
  ['docker-volumes-bind-mounts.json', {desiredCount: 1, launchType: 'EC2', deploymentConfiguration: {maximumPercent: 100, minimumHealthyPercent: 0}}],
  ['windows-simple-iis.json', {desiredCount: 1, launchType: 'EC2'}],
];

/**
 * Task definitions as found (test/fixtures/real-task-definitions/: console JSON, CLI output, register inputs), run as a
 * service of their own: ECS's newest fields (restart policies, versionConsistency, fault injection), a task role by
 * its short name and ".25 vcpu", secrets by SSM name and ARN, host volumes, every container field.
 */
const REAL_TASK_SERVICES: ReadonlyArray<[string, JsonObject]> = [
  ['console-qdrant-fargate-efs.json', {desiredCount: 1, launchType: 'FARGATE'}],
  ['console-search-service-ssm-secrets.json', {desiredCount: 2, launchType: 'FARGATE'}],
  ['console-deepfence-agent-ec2-bridge.json', {launchType: 'EC2', schedulingStrategy: 'DAEMON'}],
  ['cli-segmentation-ec2-default-network-mode.json', {desiredCount: 1, launchType: 'EC2'}],
  ['ecspresso-host-network-secrets.json', {launchType: 'EC2', schedulingStrategy: 'DAEMON'}],
  ['restart-policy-arm64-fault-injection.json', {desiredCount: 1, launchType: 'FARGATE'}],
  ['ecs-exec-docs-task-role-name.json', {desiredCount: 1, launchType: 'FARGATE'}],
  ['every-container-field-ec2-bridge.json', {desiredCount: 1, launchType: 'EC2'}],
];

function taskServiceCases(): LiveCase[] {
  return [
    ...TASK_SERVICES.map(([task, settings]) => ({
      task,
      cluster: 'corpus',
      service: {serviceName: task.replace(/\.json$/, ''), ...settings},
    })),
    ...REAL_TASK_SERVICES.map(([task, settings]) => ({
      task,
      real: true,
      cluster: 'real-world',
      service: {serviceName: task.replace(/\.json$/, ''), ...settings},
    })),
  ];
}

/**
 * CreateService parameters moto 5.2 accepts but does not show again in DescribeServices (so that an import cannot
 * see them): ECS would describe each of them. Checked below for every case that sets one.
 *
 * Two more moto quirks are worked around where the service is created, each said there: moto ignores a capacity
 * provider strategy and describes the service as launch type EC2; and with requiresCompatibilities EC2 it refuses a
 * container that has memoryReservation without memory ("At least one of 'memory' or 'memoryReservation' must be
 * specified"), which ECS accepts.
 */
const MOTO_DROPS = [
  'deploymentConfiguration',
  'placementConstraints',
  'placementStrategy',
  'healthCheckGracePeriodSeconds',
  'enableECSManagedTags',
  'enableExecuteCommand',
  'availabilityZoneRebalancing',
  'serviceConnectConfiguration',
  'volumeConfigurations',
];

describe('adopting live services on moto: import, then the plan says nothing changes', () => {
  const moto = useMoto();
  const factory = createAwsClientFactory({env: moto.env, userAgent: 'ecs-wizard/test'});
  let ecs: EcsPort;
  let network: {subnets: string[]; securityGroups: string[]};
  afterAll(() => factory.destroy());

  beforeAll(async () => {
    if (moto.skipped) return;
    ecs = await createEcsPort(factory);
    const ec2 = await factory.client('ec2');
    const {CreateVpcCommand, CreateSubnetCommand, CreateSecurityGroupCommand} = await import('@aws-sdk/client-ec2');
    const vpc = await ec2.send(new CreateVpcCommand({CidrBlock: '10.3.0.0/16'}));
    const subnets = await Promise.all(
      ['10.3.1.0/24', '10.3.2.0/24'].map((CidrBlock) => ec2.send(new CreateSubnetCommand({VpcId: vpc.Vpc!.VpcId!, CidrBlock}))),
    );
    const group = await ec2.send(new CreateSecurityGroupCommand({GroupName: 'adopt', Description: 'adopt', VpcId: vpc.Vpc!.VpcId!}));
    network = {subnets: subnets.map((subnet) => subnet.Subnet!.SubnetId!), securityGroups: [group.GroupId!]};
  });

  /** Registers the task definition and creates the service as its owner did; returns what moto describes. */
  async function create(live: LiveCase): Promise<{family: string; revision: number; described: JsonObject}> {
    const client = await factory.ecs();
    const {RegisterTaskDefinitionCommand, CreateClusterCommand, CreateServiceCommand} = await import('@aws-sdk/client-ecs');
    const input = live.real === true ? registerInputOf(read(REAL_TASKS, live.task).value) : registerInput(read(TASKS, live.task).value);
    // moto quirk: memoryReservation alone is refused under requiresCompatibilities EC2 — registered without the list.
    const containers = input['containerDefinitions'] as JsonObject[];
    const softOnly = input['memory'] === undefined && containers.some((container) => container['memory'] === undefined);
    const {requiresCompatibilities, ...withoutCompatibilities} = input;
    const registrable = softOnly && Array.isArray(requiresCompatibilities) && requiresCompatibilities.includes('EC2') ? withoutCompatibilities : input;
    const registered = await client.send(new RegisterTaskDefinitionCommand(registrable as never));
    const revision = registered.taskDefinition!.revision!;
    const family = String(input['family']);
    await client.send(new CreateClusterCommand({clusterName: live.cluster}));
    // moto quirk: a capacity provider strategy is ignored (the service is described as EC2): FARGATE, as its providers are.
    const {capacityProviderStrategy, ...settings} = live.service;
    const owned = capacityProviderStrategy === undefined ? live.service : {...settings, launchType: 'FARGATE'};
    const awsvpc = input['networkMode'] === 'awsvpc';
    const assignPublicIp = (live.service['networkConfiguration'] as {awsvpcConfiguration?: JsonObject} | undefined)?.awsvpcConfiguration?.['assignPublicIp'];
    const service: JsonObject = {
      ...owned,
      cluster: live.cluster,
      taskDefinition: `${family}:${revision}`,
      ...(awsvpc ? {networkConfiguration: {awsvpcConfiguration: {...network, assignPublicIp: assignPublicIp ?? 'DISABLED'}}} : {}),
    };
    await client.send(new CreateServiceCommand(service as never));
    const [state] = await ecs.describeServices(live.cluster, [String(service['serviceName'])]);
    return {family, revision, described: state!.raw};
  }

  const cases = [...serviceCases(), ...taskServiceCases()];

  test.each(cases.map((live) => [`${live.cluster}/${String(live.service['serviceName'])} (${live.task})`, live] as const))('%s', async (_name, live) => {
    const {family, revision, described} = await create(live);
    const serviceName = String(live.service['serviceName']);

    // What moto does not show again (ECS would): the import cannot adopt it, and neither side of the diff has it.
    const dropped = Object.keys(live.service).filter((key) => described[key] === undefined && key !== 'capacityProviderStrategy');
    expect(described['capacityProviderStrategy']).toBeUndefined();
    expect(
      dropped.every((key) => MOTO_DROPS.includes(key)),
      `moto dropped ${dropped.join(', ')}`,
    ).toBe(true);

    const source = await fetchServiceSource(ecs, live.cluster, serviceName);
    const plan = planImport(source, {names: suggestNames({serviceName, cluster: live.cluster}), now: '2026-02-01T00:00:00.000Z'});
    expect(plan.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    const store = new MemoryProfileStore();
    const profile = await saveImport(store, plan, {label: serviceName});
    expect(profile.service.adopted).toBe(true);

    // `ecs-wizard diff --exit-code`: 0.
    const deploy = await planDeploy({ecs}, {profile, environment: profile.environments[0]!});
    expect([...deploy.diff.taskDefinition.changes, ...deploy.diff.service.changes]).toEqual([]);
    expect(deploy.action).toBe('none');
    expect(deploy.reuse?.arn).toBe(deploy.running?.arn);
    expect(deploy.running?.revision).toBe(revision);

    // A deploy with no change: nothing registered, nothing updated.
    const calls: string[] = [];
    const counting = new Proxy(ecs, {
      get: (target, key: keyof EcsPort) => {
        const value = target[key];
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          calls.push(String(key));
          return (value as (...parameters: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    const events: DeployEvent[] = [];
    const apply = applyPlan({ecs: counting, clock: new FakeClock({autoAdvance: true})}, deploy);
    let next = await apply.next();
    while (next.done !== true) {
      events.push(next.value);
      next = await apply.next();
    }
    expect(next.value).toMatchObject({registered: false, created: false, taskDefinitionArn: deploy.running!.arn});
    expect(events.map((event) => (event.type === 'step' ? `${event.name} ${event.status}` : event.type))).toEqual(['register skipped', 'service skipped']);
    expect(calls.filter((call) => ['registerTaskDefinition', 'createService', 'updateService', 'createCluster'].includes(call))).toEqual([]);
    // The family's latest revision is still the one its owner registered.
    expect((await ecs.describeTaskDefinition(family))?.taskDefinition['revision']).toBe(revision);
  });

  test('what the import kept of the service-connect service, as far as moto describes it', async () => {
    const source = await fetchServiceSource(ecs, 'apps', 'web');
    const plan = planImport(source, {names: suggestNames({serviceName: 'web', cluster: 'apps'}), now: '2026-02-01T00:00:00.000Z'});
    expect(JSON.parse(plan.profile!.service.serviceSpec)).toEqual({
      serviceName: 'web',
      loadBalancers: [
        {
          targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-tg/6d0ecf831eec9f09',
          containerName: 'webserver',
          containerPort: 80,
        },
      ],
      serviceRegistries: [],
      desiredCount: 4,
      platformVersion: 'LATEST',
      schedulingStrategy: 'REPLICA',
      deploymentController: {type: 'ECS'},
      tags: [{key: 'team', value: 'web'}],
      propagateTags: 'SERVICE',
    });
    expect(plan.profile!.environments[0]).toMatchObject({cluster: 'apps', launchType: 'FARGATE', network: {subnets: network.subnets, assignPublicIp: false}});
  });
});
