/** The rollout simulator's test helpers: a one-container task definition and a service made through the port. */
import {createSimulatedEcs, type SimulatedEcs} from '../../../source/adapters/simulator/simulated-ecs.js';
import type {EcsServiceState} from '../../../source/ports/ecs.js';
import type {SimulationScenario} from '../../../source/ports/simulation.js';
import {FakeClock} from '../../helpers/fake-clock.js';

export const container = (image = 'nginx:1.27') => ({family: 'web', containerDefinitions: [{name: 'web', image, essential: true}]});

export async function service(ecs: SimulatedEcs, name = 'web'): Promise<EcsServiceState> {
  const [state] = await ecs.describeServices('default', [name]);
  if (!state) throw new Error('no service');
  return state;
}

export async function newService(scenario: SimulationScenario = 'success', speed?: number) {
  const clock = new FakeClock();
  const ecs = createSimulatedEcs({clock, scenario, ...(speed === undefined ? {} : {speed})});
  const registered = await ecs.registerTaskDefinition(container());
  const created = await ecs.createService({cluster: 'default', serviceName: 'web', taskDefinition: 'web', desiredCount: 2, launchType: 'FARGATE'});
  return {clock, ecs, registered, created};
}
