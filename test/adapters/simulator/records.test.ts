import {describe, expect, test} from 'vitest';
import {createSimulatedEcs} from '../../../source/adapters/simulator/simulated-ecs.js';
import {AwsError} from '../../../source/errors.js';
import type {SimulationScenario} from '../../../source/ports/simulation.js';
import {FakeClock} from '../../helpers/fake-clock.js';
import {container, service} from './helpers.js';

const MINUTE = 60_000;

/** A seeded service (web:1, 2 tasks) updated to web:2, faring per the scenario. */
async function updated(scenario: SimulationScenario, options: {newService?: boolean} = {}) {
  const clock = new FakeClock();
  const ecs = createSimulatedEcs({clock, scenario});
  const seeded = options.newService ? undefined : ecs.seedService({serviceName: 'web', desiredCount: 2});
  const two = await ecs.registerTaskDefinition(container('nginx:2'));
  const state = options.newService
    ? await ecs.createService({cluster: 'default', serviceName: 'web', taskDefinition: two.arn, desiredCount: 2})
    : await ecs.updateService({cluster: 'default', service: 'web', taskDefinition: two.arn});
  const arn = state.currentServiceDeployment!;
  const record = async () => (await ecs.describeServiceDeployments([arn]))[0]!;
  const taskDefinitionOf = async (revision: string | undefined) => (await ecs.describeServiceRevisions([revision ?? '']))[0]?.taskDefinition;
  return {clock, ecs, seeded, two, arn, record, taskDefinitionOf};
}

describe('rollout simulator: service deployment records', () => {
  test('UpdateService opens a record and a service revision of the new task definition; the seeded one was SUCCESSFUL', async () => {
    const {ecs, two, arn, record, taskDefinitionOf, seeded} = await updated('success');
    expect(arn).toMatch(/^arn:aws:ecs:us-east-1:123456789012:service-deployment\/default\/web\/[A-Za-z0-9]{21}$/);
    const ours = await record();
    expect(ours).toMatchObject({status: 'IN_PROGRESS', circuitBreaker: {status: 'MONITORING', failureCount: 0, threshold: 3}, alarms: {status: 'DISABLED'}});
    expect(await taskDefinitionOf(ours.targetServiceRevision?.arn)).toBe(two.arn);
    expect(ours.targetServiceRevision?.arn).toMatch(/service-revision\/default\/web\/\d+$/);
    expect(ours.sourceServiceRevisions).toHaveLength(1);
    expect(await taskDefinitionOf(ours.sourceServiceRevisions[0]!.arn)).toBe(seeded!.taskDefinitionArn);
    const listed = await ecs.listServiceDeployments({cluster: 'default', service: 'web'});
    expect(listed.map((brief) => [brief.arn === arn, brief.status])).toEqual([
      [true, 'IN_PROGRESS'],
      [false, 'SUCCESSFUL'],
    ]);
    expect(await ecs.listServiceDeployments({cluster: 'default', service: 'web', createdAfter: ours.createdAt})).toEqual([]);
  });

  test.each<SimulationScenario>(['success', 'slow-start', 'throttling'])('%s: IN_PROGRESS → SUCCESSFUL, the breaker MONITORING_COMPLETE', async (scenario) => {
    const {clock, record} = await updated(scenario);
    await clock.advance(10 * MINUTE);
    expect(await record()).toMatchObject({status: 'SUCCESSFUL', circuitBreaker: {status: 'MONITORING_COMPLETE', failureCount: 0}});
    expect((await record()).finishedAt).toBeDefined();
  });

  test.each<SimulationScenario>(['crash-loop', 'image-pull-failure'])(
    '%s: IN_PROGRESS → ROLLBACK_IN_PROGRESS → ROLLBACK_SUCCESSFUL, with the breaker TRIGGERED and the revision rolled back to',
    async (scenario) => {
      const {clock, ecs, record, taskDefinitionOf, seeded, arn} = await updated(scenario);
      const seen: string[] = [];
      for (let at = 0; at < 5 * MINUTE; at += 1_000) {
        await clock.advance(1_000);
        const status = (await record()).status;
        if (seen.at(-1) !== status) seen.push(status);
      }
      expect(seen).toEqual(['IN_PROGRESS', 'ROLLBACK_IN_PROGRESS', 'ROLLBACK_SUCCESSFUL']);
      const ours = await record();
      expect(ours.statusReason).toBe('ECS deployment circuit breaker: tasks failed to start.');
      expect(ours.circuitBreaker).toMatchObject({status: 'TRIGGERED', threshold: 3});
      expect(ours.circuitBreaker?.failureCount).toBeGreaterThanOrEqual(3);
      expect(ours.rollback?.reason).toMatch(/^Circuit breaker triggered: \d+ tasks failed \(threshold 3\)\.$/);
      expect(await taskDefinitionOf(ours.rollback?.serviceRevisionArn)).toBe(seeded!.taskDefinitionArn);
      // The rollback is part of our record: no record of its own, and ours stays the service's current one.
      expect(await ecs.listServiceDeployments({cluster: 'default', service: 'web'})).toHaveLength(2);
      expect((await service(ecs)).currentServiceDeployment).toBe(arn);
    },
  );

  test('a failure with nothing to roll back to (a new service): STOPPED, with the breaker reason', async () => {
    const {clock, record} = await updated('image-pull-failure', {newService: true});
    await clock.advance(5 * MINUTE);
    expect(await record()).toMatchObject({status: 'STOPPED', statusReason: 'ECS deployment circuit breaker: tasks failed to start.'});
    expect((await record()).rollback).toBeUndefined();
  });

  test('replaced: our record is STOPPED by the newer deployment, whose own record succeeds', async () => {
    const {clock, ecs, record, arn, taskDefinitionOf} = await updated('replaced');
    await clock.advance(10 * MINUTE);
    expect(await record()).toMatchObject({status: 'STOPPED', statusReason: expect.stringMatching(/^ECS stopped this deployment: a newer deployment/)});
    const current = (await service(ecs)).currentServiceDeployment!;
    expect(current).not.toBe(arn);
    const [theirs] = await ecs.describeServiceDeployments([current]);
    expect(theirs).toMatchObject({status: 'SUCCESSFUL'});
    expect(await taskDefinitionOf(theirs!.targetServiceRevision?.arn)).toMatch(/task-definition\/web:3$/);
  });

  test('serviceDeployments: false plays an endpoint without the records (moto): each call throws unsupported, and is counted', async () => {
    const clock = new FakeClock();
    const ecs = createSimulatedEcs({clock, serviceDeployments: false});
    ecs.seedService({serviceName: 'web'});
    await expect(ecs.listServiceDeployments({cluster: 'default', service: 'web'})).rejects.toMatchObject({kind: 'unsupported'});
    await expect(ecs.describeServiceDeployments(['x'])).rejects.toBeInstanceOf(AwsError);
    await expect(ecs.describeServiceRevisions(['x'])).rejects.toMatchObject({kind: 'unsupported'});
    expect(ecs.calls.map((call) => call.method)).toEqual(['listServiceDeployments', 'describeServiceDeployments', 'describeServiceRevisions']);
  });
});
