import {describe, expect, test} from 'vitest';
import {createSimulatedEcs} from '../../../source/adapters/simulator/simulated-ecs.js';
import {AwsError} from '../../../source/errors.js';
import {FakeClock} from '../../helpers/fake-clock.js';
import {container, service, newService} from './helpers.js';

describe('rollout simulator: how deployments progress', () => {
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
    expect((await service(ecs)).deployments).toEqual([
      expect.objectContaining({status: 'PRIMARY', rolloutState: 'COMPLETED', runningCount: 3, taskDefinition: seeded.taskDefinitionArn}),
    ]);
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

  test.each([1, 10])('a stopped task is listed for an hour of the simulation (ECS keeps them about an hour), at speed %i', async (speed) => {
    const clock = new FakeClock();
    const ecs = createSimulatedEcs({clock, speed});
    const seeded = ecs.seedService({serviceName: 'web', desiredCount: 2});
    const two = await ecs.registerTaskDefinition(container('nginx:2'));
    await ecs.updateService({cluster: 'default', service: 'web', taskDefinition: two.arn});
    const drained = () => ecs.listTasks({cluster: 'default', startedBy: seeded.deploymentId, desiredStatus: 'STOPPED'});
    await clock.advance(60_000 / speed);
    expect(await drained()).toHaveLength(2);
    const stoppedAt = Math.max(...(await ecs.describeTasks('default', await drained())).map((task) => Date.parse(task.stoppedAt!)));
    await clock.advance(stoppedAt + 3_600_000 / speed - clock.now());
    expect(await drained()).toHaveLength(2);
    await clock.advance(1);
    expect(await drained()).toEqual([]);
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
    expect(stopped).toMatchObject({
      lastStatus: 'STOPPED',
      stopCode: 'EssentialContainerExited',
      stoppedReason: 'Essential container in task exited',
      startedBy: seeded.deploymentId,
    });
    expect(stopped!.containers).toEqual([expect.objectContaining({name: 'web', exitCode: 1, lastStatus: 'STOPPED'})]);
    await clock.advance(16_000);
    state = await service(ecs);
    const ours = state.deployments.find((deployment) => deployment.id === seeded.deploymentId)!;
    expect(ours).toMatchObject({status: 'ACTIVE', rolloutState: 'FAILED', rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.'});
    expect(state.deployments[0]).toMatchObject({status: 'PRIMARY', taskDefinition: seeded.previousTaskDefinitionArn});
    expect(state.events.slice(0, 3).map((event) => event.message)).toContainEqual(
      expect.stringMatching(/^\(service web\) rolling back to deployment ecs-svc\/\d+\.$/),
    );
    await clock.advance(30_000);
    state = await service(ecs);
    expect(state.deployments).toEqual([
      expect.objectContaining({status: 'PRIMARY', taskDefinition: seeded.previousTaskDefinitionArn, rolloutState: 'COMPLETED'}),
    ]);
  });

  test('image-pull-failure: tasks stop with CannotPullContainerError', async () => {
    const {clock, ecs, created} = await newService('image-pull-failure');
    await clock.advance(10_000);
    const [task] = await ecs.describeTasks(
      'default',
      await ecs.listTasks({cluster: 'default', startedBy: created.deployments[0]!.id, desiredStatus: 'STOPPED'}),
    );
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
});
