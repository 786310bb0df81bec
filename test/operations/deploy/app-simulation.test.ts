import {expect, test} from 'vitest';
import {appSimulationText, memberSimulation, parseAppSimulation} from '../../../source/operations/deploy/app-simulation.js';

test('a bare scenario for every service; SERVICE:SCENARIO per service; both at once', () => {
  expect(parseAppSimulation('crash-loop', 10)).toEqual({speed: 10, scenario: 'crash-loop', byService: {}});
  const mixed = parseAppSimulation('api:crash-loop, web:slow-start,success', 1);
  expect(mixed).toEqual({speed: 1, scenario: 'success', byService: {api: 'crash-loop', web: 'slow-start'}});
  expect(memberSimulation(mixed, 'api')).toEqual({scenario: 'crash-loop', speed: 1});
  expect(memberSimulation(mixed, 'db')).toEqual({scenario: 'success', speed: 1});
  expect(appSimulationText(mixed)).toBe('success,api:crash-loop,web:slow-start');
});

test.each([
  ['api:boom', "unknown simulation scenario 'boom'"],
  ['boom', "unknown simulation scenario 'boom'"],
  [':crash-loop', 'a service name goes before'],
  ['success,crash-loop', 'names two scenarios for every service'],
  ['api:success,api:crash-loop', 'names two scenarios for api'],
])('%j is refused (exit 2), naming the part', (text, message) => {
  expect(() => parseAppSimulation(text, 1)).toThrow(message);
  try {
    parseAppSimulation(text, 1);
  } catch (error) {
    expect((error as {exitCode: number}).exitCode).toBe(2);
  }
});
