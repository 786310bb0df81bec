/**
 * Every simulator scenario, watched live (deploy) and late (deploy --no-wait, the clock moves past the end, then
 * `watch`), judged from ECS's service deployment records and from DescribeServices alone (an endpoint without the
 * records, as moto): the same outcome each way, never a previous revision's steady state taken for ours.
 */
import {describe, expect, it} from 'vitest';
import type {SimulationScenario} from '../../source/ports/simulation.js';
import {cli, world} from './deploy-world.js';

const MINUTE = 60_000;
const DEPLOY = ['deploy', 'web-api', '--env', 'staging', '--yes', '--tag', '1.5.0'];
const WATCH = ['watch', 'web-api', '--env', 'staging'];

/** What every way of watching must end with: the exit code, the run's outcome, and the outcome line. */
const EXPECTED: Record<SimulationScenario, {code: number; outcome: string; line: RegExp}> = {
  success: {code: 0, outcome: 'deployed', line: /deployed \(simulated\): web-api:2 is running 1\/1 tasks/},
  'slow-start': {code: 0, outcome: 'deployed', line: /deployed \(simulated\): web-api:2 is running 1\/1 tasks/},
  throttling: {code: 0, outcome: 'deployed', line: /deployed \(simulated\): web-api:2 is running 1\/1 tasks/},
  'crash-loop': {
    code: 3,
    outcome: 'rolled-back',
    line: /rolled back \(simulated\): (service )?deployment \S+ \(web-api:2\) failed: (ECS deployment circuit breaker: )?tasks failed to start\. \(tasks stopped: essential container team_web-api_1_5_0 exited with code 1\); rolled back to web-api:1 \(deployment ecs-svc\/\d+, completed\)/,
  },
  'image-pull-failure': {
    code: 3,
    outcome: 'rolled-back',
    line: /rolled back \(simulated\): (service )?deployment \S+ \(web-api:2\) failed: (ECS deployment circuit breaker: )?tasks failed to start\. \(tasks stopped: image registry\.example\.com:5000\/team\/web-api:1\.5\.0 not found\); rolled back to web-api:1/,
  },
  // The profile is ROLLING, without hooks or alarms: nothing to fail, nothing to fire (as the scenarios say).
  'hook-fails': {code: 0, outcome: 'deployed', line: /deployed \(simulated\): web-api:2 is running 1\/1 tasks/},
  'alarm-fires': {code: 0, outcome: 'deployed', line: /deployed \(simulated\): web-api:2 is running 1\/1 tasks/},
  replaced: {code: 1, outcome: 'failed', line: /deployment failed \(simulated\): .*web-api:2.*; replaced by deployment ecs-svc\/\d+ running web-api:3/},
};

const SCENARIOS = Object.keys(EXPECTED) as SimulationScenario[];
const MODES = [
  {records: true, name: "ECS's service deployment records"},
  {records: false, name: 'DescribeServices alone'},
];

describe.each(MODES)('every scenario, live and late, judged from $name', ({records}) => {
  it.each(SCENARIOS)('%s, live: deploy watches it to its end', async (scenario) => {
    const w = await world({scenario, records});
    const {code, out} = await cli(DEPLOY, w);
    const expected = EXPECTED[scenario];
    expect(out).toMatch(expected.line);
    expect(code).toBe(expected.code);
    expect((await w.store.get('web-api'))?.runs.at(-1)).toMatchObject({environment: 'staging', outcome: expected.outcome});
    expectJudgedFrom(out, records);
  });

  it.each(SCENARIOS)('%s, late: deploy --no-wait, then watch after the end', async (scenario) => {
    const w = await world({scenario, records});
    expect((await cli([...DEPLOY, '--no-wait'], w)).code).toBe(0);
    await w.clock.advance(30 * MINUTE);
    const {code, out} = await cli(WATCH, w);
    const expected = EXPECTED[scenario];
    expect(out).toContain('for web-api:2');
    expect(out).toMatch(expected.line);
    expect(code).toBe(expected.code);
    expect((await w.store.get('web-api'))?.runs.at(-1)).toMatchObject({environment: 'staging', outcome: expected.outcome});
    expectJudgedFrom(out, records);
  });
});

describe.each(MODES)('watch again, once the first watch settled the run (judged from $name): the same truth again', ({records}) => {
  /** What the second watch says: the profile's newest run judged again — ours, with the record's status when there is one. */
  const judged = records
    ? /deployed \(simulated\): web-api:2 is running 1\/1 tasks \(ECS: SUCCESSFUL\)/
    : /deployed \(simulated\): web-api:2 is running 1\/1 tasks/;
  const AGAIN: Record<SimulationScenario, {code: number; line: RegExp}> = {
    ...EXPECTED,
    success: {code: 0, line: judged},
    'slow-start': {code: 0, line: judged},
    throttling: {code: 0, line: judged},
  };

  it.each(SCENARIOS)('%s: the same truth again, never the revision that runs now taken for our success', async (scenario) => {
    const w = await world({scenario, records});
    expect((await cli([...DEPLOY, '--no-wait'], w)).code).toBe(0);
    await w.clock.advance(30 * MINUTE);
    const first = await cli(WATCH, w);
    expect(first.code).toBe(EXPECTED[scenario].code);
    const again = await cli(WATCH, w);
    expect(again.out).toMatch(AGAIN[scenario].line);
    expect(again.out).not.toMatch(/deployed \(simulated\): web-api:[13] /);
    expect(again.code).toBe(AGAIN[scenario].code);
  });
});

/** Records: ECS's own status of ours is shown; without them, one line says how the watch judges instead. */
function expectJudgedFrom(out: string, records: boolean): void {
  const fallback = out.match(/ECS service deployment records are not available here \(.*\); judging from DescribeServices/g) ?? [];
  if (records) {
    expect(fallback).toEqual([]);
    expect(out).toMatch(/ECS service deployment \w+ \(web-api:2\): (SUCCESSFUL|ROLLBACK_SUCCESSFUL|STOPPED)/);
  } else {
    expect(fallback).toHaveLength(1);
    expect(out).not.toMatch(/ECS service deployment \w+ \(/);
  }
}
