import {describe, expect, test} from 'vitest';
import {createSimulatedEcs} from '../../../source/adapters/simulator/simulated-ecs.js';
import {AwsError} from '../../../source/errors.js';
import {FakeClock} from '../../helpers/fake-clock.js';
import {container, service, newService} from './helpers.js';

describe('rollout simulator: the port', () => {
  test('task definitions: revisions, describe by family / family:revision / ARN, list', async () => {
    const clock = new FakeClock();
    const ecs = createSimulatedEcs({clock, region: 'eu-west-1'});
    const one = await ecs.registerTaskDefinition(container('nginx:1'));
    const two = await ecs.registerTaskDefinition({...container('nginx:2'), tags: [{key: 'team', value: 'a'}]});
    await ecs.registerTaskDefinition({family: 'api', containerDefinitions: [{name: 'api', image: 'api:1'}]});
    expect(one).toMatchObject({family: 'web', revision: 1, arn: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:1'});
    expect(two.revision).toBe(2);
    expect(two.taskDefinition).toMatchObject({taskDefinitionArn: two.arn, revision: 2, status: 'ACTIVE', family: 'web'});
    expect((await ecs.describeTaskDefinition('web'))?.taskDefinition.revision).toBe(2);
    expect((await ecs.describeTaskDefinition('web:1'))?.taskDefinition.containerDefinitions).toEqual([{name: 'web', image: 'nginx:1', essential: true}]);
    expect((await ecs.describeTaskDefinition(two.arn))?.tags).toEqual([{key: 'team', value: 'a'}]);
    expect(await ecs.describeTaskDefinition('nope')).toBeUndefined();
    expect((await ecs.listTaskDefinitionFamilies({status: 'ACTIVE'})).items).toEqual(['api', 'web']);
    expect((await ecs.listTaskDefinitionFamilies({familyPrefix: 'w'})).items).toEqual(['web']);
    expect((await ecs.listTaskDefinitions({familyPrefix: 'web', sort: 'DESC'})).items).toEqual([two.arn, one.arn]);
    const page = await ecs.listTaskDefinitions({maxResults: 2});
    expect(page.items).toHaveLength(2);
    expect((await ecs.listTaskDefinitions({maxResults: 2, nextToken: page.nextToken})).items).toHaveLength(1);
    await expect(ecs.registerTaskDefinition({containerDefinitions: []})).rejects.toMatchObject({kind: 'invalid'});
  });

  test('clusters: default exists, create is idempotent, describe returns only existing ones', async () => {
    const ecs = createSimulatedEcs({clock: new FakeClock()});
    expect((await ecs.listClusters()).items).toEqual(['arn:aws:ecs:us-east-1:123456789012:cluster/default']);
    expect(await ecs.createCluster('prod')).toMatchObject({name: 'prod', status: 'ACTIVE'});
    await ecs.createCluster('prod');
    expect((await ecs.describeClusters(['prod', 'ghost'])).map((cluster) => cluster.name)).toEqual(['prod']);
    expect((await ecs.listClusters()).items).toHaveLength(2);
  });

  test('createService on a new service; duplicates and unknown clusters are refused', async () => {
    const {ecs, created, registered} = await newService();
    expect(created).toMatchObject({serviceName: 'web', status: 'ACTIVE', desiredCount: 2, taskDefinition: registered.arn});
    expect(created.deployments).toEqual([
      expect.objectContaining({status: 'PRIMARY', taskDefinition: registered.arn, rolloutState: 'IN_PROGRESS', desiredCount: 2}),
    ]);
    expect(created.deployments[0]!.id).toMatch(/^ecs-svc\/\d{19}$/);
    expect(created.raw).toMatchObject({serviceName: 'web', deploymentConfiguration: {deploymentCircuitBreaker: {enable: true, rollback: true}}});
    await expect(ecs.createService({cluster: 'default', serviceName: 'web', taskDefinition: 'web'})).rejects.toMatchObject({
      kind: 'invalid',
      awsName: 'InvalidParameterException',
    });
    const error = await ecs.createService({cluster: 'nope', serviceName: 'x', taskDefinition: 'web'}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AwsError);
    expect(error).toMatchObject({kind: 'not-found', awsName: 'ClusterNotFoundException'});
    await expect(ecs.updateService({cluster: 'default', service: 'ghost', taskDefinition: 'web'})).rejects.toMatchObject({
      kind: 'not-found',
      awsName: 'ServiceNotFoundException',
    });
    expect((await ecs.listServices('default')).items).toEqual(['arn:aws:ecs:us-east-1:123456789012:service/default/web']);
  });

  test('events are newest first and capped at 100', async () => {
    const clock = new FakeClock();
    const ecs = createSimulatedEcs({clock, scenario: 'crash-loop'});
    ecs.seedService({serviceName: 'web'});
    const two = await ecs.registerTaskDefinition(container('nginx:2'));
    await ecs.updateService({
      cluster: 'default',
      service: 'web',
      taskDefinition: two.arn,
      deploymentConfiguration: {deploymentCircuitBreaker: {enable: false, rollback: false}},
    });
    await clock.advance(60 * 60_000);
    const state = await service(ecs);
    expect(state.events).toHaveLength(100);
    const times = state.events.map((event) => Date.parse(event.createdAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  test('deterministic for a given clock', async () => {
    const runOnce = async () => {
      const {clock, ecs} = await newService('crash-loop');
      await clock.advance(45_000);
      return JSON.stringify(await ecs.describeServices('default', ['web']));
    };
    expect(await runOnce()).toBe(await runOnce());
  });

  test('every port call is recorded with its time', async () => {
    const {ecs} = await newService();
    expect(ecs.calls.map((call) => call.method)).toEqual(['registerTaskDefinition', 'createService']);
  });
});

describe('a seeded service is described as ECS describes the service it was created as', () => {
  // `diff --simulate` seeds the profile's service and diffs the profile against it: the simulator must describe it as
  // ECS would, or an adopted service shows changes it does not have.
  const seeded = async (service: Record<string, unknown>) => {
    const ecs = createSimulatedEcs({clock: new FakeClock()});
    ecs.seedService({serviceName: 'web', service: service as never});
    return (await ecs.describeServices('default', ['web']))[0]!.raw['deploymentConfiguration'];
  };

  test("its own maximum and minimum percent (ECS's 200 / 100 only where it gives none)", async () => {
    expect(
      await seeded({
        launchType: 'EC2',
        deploymentConfiguration: {maximumPercent: 150, minimumHealthyPercent: 50, deploymentCircuitBreaker: {enable: true, rollback: true}},
      }),
    ).toEqual({maximumPercent: 150, minimumHealthyPercent: 50, deploymentCircuitBreaker: {enable: true, rollback: true}});
    expect(await seeded({launchType: 'EC2', deploymentConfiguration: {deploymentCircuitBreaker: {enable: true, rollback: false}}})).toEqual({
      maximumPercent: 200,
      minimumHealthyPercent: 100,
      deploymentCircuitBreaker: {enable: true, rollback: false},
    });
  });

  test("created without a circuit breaker: ECS's default, off (an adopted service the profile gives none)", async () => {
    expect(await seeded({launchType: 'EC2'})).toEqual({
      maximumPercent: 200,
      minimumHealthyPercent: 100,
      deploymentCircuitBreaker: {enable: false, rollback: false},
    });
  });
});

test('a seeded service placed by a capacity provider strategy runs in a cluster that has its providers', async () => {
  // A service on an Auto Scaling group's or a Managed Instances capacity provider: on AWS its cluster has that
  // provider attached (a deploy's pre-flight check asks), so the seeded cluster has it too.
  const ecs = createSimulatedEcs({clock: new FakeClock()});
  ecs.seedService({cluster: 'shop', serviceName: 'web', service: {capacityProviderStrategy: [{capacityProvider: 'checkout-mi', weight: 1, base: 0}]} as never});
  expect((await ecs.describeClusters(['shop']))[0]?.capacityProviders).toEqual(['FARGATE', 'FARGATE_SPOT', 'checkout-mi']);
});
