import {describe, expect, test} from 'vitest';
import {createSimulatedEcs, scaleClock, scenarios} from '../../source/adapters/simulator/index.js';
import type {SimulatedEcs} from '../../source/adapters/simulator/index.js';
import {isSimulationScenario, SIMULATION_SCENARIOS, type SimulationScenario} from '../../source/ports/simulation.js';
import {AwsError} from '../../source/errors.js';
import type {EcsServiceState} from '../../source/ports/ecs.js';
import {FakeClock} from '../helpers/fake-clock.js';

const container = (image = 'nginx:1.27') => ({family: 'web', containerDefinitions: [{name: 'web', image, essential: true}]});

async function service(ecs: SimulatedEcs, name = 'web'): Promise<EcsServiceState> {
  const [state] = await ecs.describeServices('default', [name]);
  if (!state) throw new Error('no service');
  return state;
}

async function newService(scenario: SimulationScenario = 'success', speed?: number) {
  const clock = new FakeClock();
  const ecs = createSimulatedEcs({clock, scenario, ...(speed === undefined ? {} : {speed})});
  const registered = await ecs.registerTaskDefinition(container());
  const created = await ecs.createService({cluster: 'default', serviceName: 'web', taskDefinition: 'web', desiredCount: 2, launchType: 'FARGATE'});
  return {clock, ecs, registered, created};
}

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
    expect(created.deployments).toEqual([expect.objectContaining({status: 'PRIMARY', taskDefinition: registered.arn, rolloutState: 'IN_PROGRESS', desiredCount: 2})]);
    expect(created.deployments[0]!.id).toMatch(/^ecs-svc\/\d{19}$/);
    expect(created.raw).toMatchObject({serviceName: 'web', deploymentConfiguration: {deploymentCircuitBreaker: {enable: true, rollback: true}}});
    await expect(ecs.createService({cluster: 'default', serviceName: 'web', taskDefinition: 'web'})).rejects.toMatchObject({kind: 'invalid', awsName: 'InvalidParameterException'});
    const error = await ecs.createService({cluster: 'nope', serviceName: 'x', taskDefinition: 'web'}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AwsError);
    expect(error).toMatchObject({kind: 'not-found', awsName: 'ClusterNotFoundException'});
    await expect(ecs.updateService({cluster: 'default', service: 'ghost', taskDefinition: 'web'})).rejects.toMatchObject({kind: 'not-found', awsName: 'ServiceNotFoundException'});
    expect((await ecs.listServices('default')).items).toEqual(['arn:aws:ecs:us-east-1:123456789012:service/default/web']);
  });

  test('a rollout progresses with clock time: PROVISIONING → PENDING → RUNNING → COMPLETED', async () => {
    const {clock, ecs} = await newService();
    const statuses = async () => {
      const arns = await ecs.listTasks({cluster: 'default', serviceName: 'web'});
      return (await ecs.describeTasks('default', arns)).map((task) => task.lastStatus);
    };
    expect(await statuses()).toEqual(['PROVISIONING', 'PROVISIONING']);
    await clock.advance(3_000);
    expect(await statuses()).toEqual(['PENDING', 'PROVISIONING']);
    await clock.advance(5_500);
    expect(await statuses()).toEqual(['RUNNING', 'RUNNING']);
    expect((await service(ecs)).deployments[0]).toMatchObject({runningCount: 2, pendingCount: 0, rolloutState: 'IN_PROGRESS'});
    await clock.advance(6_000);
    const state = await service(ecs);
    expect(state.deployments[0]).toMatchObject({runningCount: 2, rolloutState: 'COMPLETED'});
    expect(state.events.map((event) => event.message)).toEqual([
      '(service web) has reached a steady state.',
      `(service web) (deployment ${state.deployments[0]!.id}) deployment completed.`,
      expect.stringMatching(/^\(service web\) has started 2 tasks: \(task [0-9a-f]{32}\) \(task [0-9a-f]{32}\)\.$/),
    ]);
    expect(new Set(state.events.map((event) => event.id)).size).toBe(3);
  });

  test('updateService starts a new PRIMARY deployment; the old one becomes ACTIVE, drains and disappears', async () => {
    const clock = new FakeClock();
    const ecs = createSimulatedEcs({clock});
    const seeded = ecs.seedService({serviceName: 'web', desiredCount: 3});
    expect((await service(ecs)).deployments).toEqual([expect.objectContaining({status: 'PRIMARY', rolloutState: 'COMPLETED', runningCount: 3, taskDefinition: seeded.taskDefinitionArn})]);
    const two = await ecs.registerTaskDefinition(container('nginx:2'));
    const updated = await ecs.updateService({cluster: 'default', service: 'web', taskDefinition: two.arn});
    expect(updated.deployments.map((deployment) => [deployment.status, deployment.taskDefinition])).toEqual([
      ['PRIMARY', two.arn],
      ['ACTIVE', seeded.taskDefinitionArn],
    ]);
    await clock.advance(60_000);
    const state = await service(ecs);
    expect(state.deployments).toEqual([expect.objectContaining({status: 'PRIMARY', taskDefinition: two.arn, rolloutState: 'COMPLETED', runningCount: 3})]);
    expect(state.events.map((event) => event.message)).toContainEqual(expect.stringMatching(/^\(service web\) has stopped 3 running tasks: /));
    const drained = await ecs.listTasks({cluster: 'default', startedBy: seeded.deploymentId, desiredStatus: 'STOPPED'});
    const tasks = await ecs.describeTasks('default', drained);
    expect(tasks.map((task) => task.stopCode)).toEqual(['ServiceSchedulerInitiated', 'ServiceSchedulerInitiated', 'ServiceSchedulerInitiated']);
    expect(tasks[0]!.stoppedReason).toMatch(/^Scaling activity initiated by \(deployment ecs-svc\/\d+\)$/);
  });

  test('a desired-count-only update changes the PRIMARY, without a new deployment', async () => {
    const clock = new FakeClock();
    const ecs = createSimulatedEcs({clock});
    ecs.seedService({serviceName: 'web', desiredCount: 2});
    const updated = await ecs.updateService({cluster: 'default', service: 'web', desiredCount: 4});
    expect(updated.deployments).toHaveLength(1);
    await clock.advance(20_000);
    expect((await service(ecs)).deployments[0]).toMatchObject({desiredCount: 4, runningCount: 4, rolloutState: 'COMPLETED'});
  });

  test('crash-loop: failedTasks climbs to the threshold, the deployment FAILS and rolls back to the previous revision', async () => {
    const clock = new FakeClock();
    const ecs = createSimulatedEcs({clock, scenario: 'crash-loop'});
    const seeded = ecs.seedService({serviceName: 'web', desiredCount: 2, rollout: true});
    await clock.advance(15_000);
    let state = await service(ecs);
    expect(state.deployments[0]).toMatchObject({id: seeded.deploymentId, failedTasks: 2, rolloutState: 'IN_PROGRESS'});
    const [stopped] = await ecs.describeTasks('default', await ecs.listTasks({cluster: 'default', startedBy: seeded.deploymentId, desiredStatus: 'STOPPED'}));
    expect(stopped).toMatchObject({lastStatus: 'STOPPED', stopCode: 'EssentialContainerExited', stoppedReason: 'Essential container in task exited', startedBy: seeded.deploymentId});
    expect(stopped!.containers).toEqual([expect.objectContaining({name: 'web', exitCode: 1, lastStatus: 'STOPPED'})]);
    await clock.advance(16_000);
    state = await service(ecs);
    const ours = state.deployments.find((deployment) => deployment.id === seeded.deploymentId)!;
    expect(ours).toMatchObject({status: 'ACTIVE', rolloutState: 'FAILED', rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.'});
    expect(state.deployments[0]).toMatchObject({status: 'PRIMARY', taskDefinition: seeded.previousTaskDefinitionArn});
    expect(state.events.slice(0, 3).map((event) => event.message)).toContainEqual(expect.stringMatching(/^\(service web\) rolling back to deployment ecs-svc\/\d+\.$/));
    await clock.advance(30_000);
    state = await service(ecs);
    expect(state.deployments).toEqual([expect.objectContaining({status: 'PRIMARY', taskDefinition: seeded.previousTaskDefinitionArn, rolloutState: 'COMPLETED'})]);
  });

  test('image-pull-failure: tasks stop with CannotPullContainerError', async () => {
    const {clock, ecs, created} = await newService('image-pull-failure');
    await clock.advance(10_000);
    const [task] = await ecs.describeTasks('default', await ecs.listTasks({cluster: 'default', startedBy: created.deployments[0]!.id, desiredStatus: 'STOPPED'}));
    expect(task).toMatchObject({
      stopCode: 'TaskFailedToStart',
      stoppedReason: 'CannotPullContainerError: Error response from daemon: manifest for nginx:1.27 not found: manifest unknown: manifest unknown',
    });
    expect(task!.startedAt).toBeUndefined();
    expect(task!.containers[0]!.exitCode).toBeUndefined();
  });

  test('throttling: DescribeServices throws AwsError kind throttled in bursts, other calls work', async () => {
    const {clock, ecs} = await newService('throttling');
    await service(ecs);
    await clock.advance(5_000);
    const error = await ecs.describeServices('default', ['web']).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AwsError);
    expect(error).toMatchObject({kind: 'throttled', awsName: 'ThrottlingException'});
    await ecs.listTasks({cluster: 'default'});
    await clock.advance(20_000);
    await service(ecs);
    await clock.advance(10_000);
    await expect(ecs.describeServices('default', ['web'])).rejects.toMatchObject({kind: 'throttled'});
    await clock.advance(20_000);
    await service(ecs);
  });

  test('replaced: a newer revision arrives mid-rollout and becomes PRIMARY', async () => {
    const {clock, ecs, created} = await newService('replaced');
    await clock.advance(13_000);
    const state = await service(ecs);
    expect(state.deployments.map((deployment) => [deployment.status, deployment.taskDefinition.replace(/.*\//, '')])).toEqual([
      ['PRIMARY', 'web:2'],
      ['ACTIVE', 'web:1'],
    ]);
    expect(state.deployments[1]!.id).toBe(created.deployments[0]!.id);
    expect((await ecs.describeTaskDefinition('web:2'))?.taskDefinition.containerDefinitions).toEqual([{name: 'web', image: 'nginx:hotfix', essential: true}]);
  });

  test('slow-start takes about two minutes, then completes', async () => {
    const {clock, ecs} = await newService('slow-start');
    await clock.advance(90_000);
    expect((await service(ecs)).deployments[0]).toMatchObject({runningCount: 0, rolloutState: 'IN_PROGRESS'});
    await clock.advance(30_000);
    expect((await service(ecs)).deployments[0]).toMatchObject({runningCount: 2, rolloutState: 'COMPLETED'});
  });

  test('speed divides every duration', async () => {
    const {clock, ecs} = await newService('success', 10);
    await clock.advance(1_500);
    expect((await service(ecs)).deployments[0]).toMatchObject({rolloutState: 'COMPLETED'});
    expect(ecs.simulation).toEqual({simulated: true, scenario: 'success', speed: 10});
  });

  test('events are newest first and capped at 100', async () => {
    const clock = new FakeClock();
    const ecs = createSimulatedEcs({clock, scenario: 'crash-loop'});
    ecs.seedService({serviceName: 'web'});
    const two = await ecs.registerTaskDefinition(container('nginx:2'));
    await ecs.updateService({cluster: 'default', service: 'web', taskDefinition: two.arn, deploymentConfiguration: {deploymentCircuitBreaker: {enable: false, rollback: false}}});
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

describe('scenarios', () => {
  test('each has a one-line description', () => {
    expect(scenarios.map((scenario) => scenario.name)).toEqual([...SIMULATION_SCENARIOS]);
    expect(SIMULATION_SCENARIOS).toEqual(['success', 'crash-loop', 'image-pull-failure', 'slow-start', 'throttling', 'replaced']);
    for (const scenario of scenarios) expect(scenario.description).not.toContain('\n');
    expect(isSimulationScenario('crash-loop')).toBe(true);
    expect(isSimulationScenario('nope')).toBe(false);
  });
});

describe('scaleClock', () => {
  test('runs time N times faster, sleeps N times shorter', async () => {
    const base = new FakeClock();
    const fast = scaleClock(base, 10);
    const start = fast.now();
    let woke = false;
    void fast.sleep(10_000).then(() => {
      woke = true;
    });
    await base.advance(999);
    expect(woke).toBe(false);
    await base.advance(1);
    expect(woke).toBe(true);
    expect(fast.now() - start).toBe(10_000);
    expect(scaleClock(base, 1)).toBe(base);
  });
});
