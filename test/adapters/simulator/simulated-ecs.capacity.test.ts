import {describe, expect, test} from 'vitest';
import {createSimulatedEcs} from '../../../source/adapters/simulator/simulated-ecs.js';
import type {JsonObject} from '../../../source/domain/json.js';
import {FakeClock} from '../../helpers/fake-clock.js';
import {container, newService, service} from './helpers.js';

const STRATEGY: JsonObject[] = [
  {capacityProvider: 'FARGATE', weight: 1, base: 1},
  {capacityProvider: 'FARGATE_SPOT', weight: 3},
];

describe('rollout simulator: capacity providers, as ECS takes them', () => {
  test("clusters have Fargate's two providers attached", async () => {
    const ecs = createSimulatedEcs({clock: new FakeClock()});
    expect(await ecs.createCluster('prod')).toMatchObject({capacityProviders: ['FARGATE', 'FARGATE_SPOT']});
  });

  test('a service with a strategy is described without launchType; launchType and a strategy together are refused', async () => {
    const ecs = createSimulatedEcs({clock: new FakeClock()});
    await ecs.registerTaskDefinition(container());
    const created = await ecs.createService({
      cluster: 'default',
      serviceName: 'web',
      taskDefinition: 'web',
      desiredCount: 1,
      capacityProviderStrategy: STRATEGY,
    });
    expect(created.raw['capacityProviderStrategy']).toEqual(STRATEGY);
    expect(created.raw).not.toHaveProperty('launchType');
    await expect(
      ecs.createService({cluster: 'default', serviceName: 'both', taskDefinition: 'web', launchType: 'FARGATE', capacityProviderStrategy: STRATEGY}),
    ).rejects.toMatchObject({kind: 'invalid'});
  });

  test('UpdateService moves a launch-type service to a strategy, and an empty strategy back', async () => {
    const {ecs} = await newService();
    await ecs.updateService({cluster: 'default', service: 'web', capacityProviderStrategy: STRATEGY, forceNewDeployment: true});
    let state = await service(ecs);
    expect(state.raw['capacityProviderStrategy']).toEqual(STRATEGY);
    expect(state.raw).not.toHaveProperty('launchType');
    await ecs.updateService({cluster: 'default', service: 'web', capacityProviderStrategy: []});
    state = await service(ecs);
    expect(state.raw['launchType']).toBe('FARGATE');
    expect(state.raw).not.toHaveProperty('capacityProviderStrategy');
  });
});
