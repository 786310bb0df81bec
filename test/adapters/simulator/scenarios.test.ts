import {describe, expect, test} from 'vitest';
import {scenarios} from '../../../source/adapters/simulator/scenarios.js';
import {isSimulationScenario, SIMULATION_SCENARIOS} from '../../../source/ports/simulation.js';

describe('scenarios', () => {
  test('each has a one-line description', () => {
    expect(scenarios.map((scenario) => scenario.name)).toEqual([...SIMULATION_SCENARIOS]);
    expect(SIMULATION_SCENARIOS).toEqual(['success', 'crash-loop', 'image-pull-failure', 'slow-start', 'throttling', 'replaced', 'hook-fails', 'alarm-fires']);
    for (const scenario of scenarios) expect(scenario.description).not.toContain('\n');
    expect(isSimulationScenario('crash-loop')).toBe(true);
    expect(isSimulationScenario('nope')).toBe(false);
  });
});
