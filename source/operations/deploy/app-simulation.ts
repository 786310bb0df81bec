/**
 * `--simulate` for a whole application: one scenario for every service, and per service (`--simulate=api:crash-loop`,
 * comma-separated; a bare scenario applies to every service not named). Light: the command table's options load it.
 */
import {UsageError} from '../../errors.js';
import {DEFAULT_SIMULATION_SCENARIO, isSimulationScenario, SIMULATION_SCENARIOS, type SimulationScenario} from '../../ports/simulation.js';
import type {Simulation} from './setup.js';

/** `--simulate` for an application: a scenario for every service, and per service (`api:crash-loop`). */
export interface AppSimulation {
  speed: number;
  /** For the services not named (default: success). */
  scenario: SimulationScenario;
  byService: Record<string, SimulationScenario>;
}

/**
 * `crash-loop`, `api:crash-loop`, `api:crash-loop,web:slow-start,success` (a bare scenario applies to every
 * service not named). Exit 2 naming a bad part.
 */
export function parseAppSimulation(text: string, speed: number): AppSimulation {
  const simulation: AppSimulation = {speed, scenario: DEFAULT_SIMULATION_SCENARIO, byService: {}};
  let bare: string | undefined;
  for (const raw of text.split(',')) {
    const part = raw.trim();
    if (part === '') continue;
    const colon = part.indexOf(':');
    const service = colon === -1 ? undefined : part.slice(0, colon).trim();
    const scenario = colon === -1 ? part : part.slice(colon + 1).trim();
    if (!isSimulationScenario(scenario))
      throw new UsageError(
        `unknown simulation scenario '${scenario}' in --simulate=${text}`,
        `scenarios: ${SIMULATION_SCENARIOS.join(', ')}; per service: --simulate=api:crash-loop,web:slow-start`,
      );
    if (service === undefined) {
      if (bare !== undefined && bare !== scenario) throw new UsageError(`--simulate=${text} names two scenarios for every service (${bare}, ${scenario})`);
      bare = scenario;
      simulation.scenario = scenario;
    } else {
      if (service === '') throw new UsageError(`--simulate=${text}: a service name goes before ':'`, 'e.g. --simulate=api:crash-loop');
      if (simulation.byService[service] !== undefined && simulation.byService[service] !== scenario)
        throw new UsageError(`--simulate=${text} names two scenarios for ${service}`);
      simulation.byService[service] = scenario;
    }
  }
  return simulation;
}

/** The scenario one service plays. */
export const memberSimulation = (simulation: AppSimulation, service: string): Simulation => ({
  scenario: simulation.byService[service] ?? simulation.scenario,
  speed: simulation.speed,
});

/** The `--simulate=…` text that plays the same again (for the watch command printed after a detach). */
export function appSimulationText(simulation: AppSimulation): string {
  return [simulation.scenario, ...Object.entries(simulation.byService).map(([service, scenario]) => `${service}:${scenario}`)].join(',');
}
