/** The rollout simulator (see simulated-ecs.ts): an in-memory EcsPort whose rollouts progress with the clock. */
export {createSimulatedEcs} from './simulated-ecs.js';
export type {SeedServiceOptions} from '../../ports/simulation.js';
export type {SeededService, SimulatedCall, SimulatedEcs, SimulatedHappening, SimulationInfo, SimulatorOptions} from './simulated-ecs.js';
export {scenarios} from './scenarios.js';
export {scaleClock} from './scaled-clock.js';
