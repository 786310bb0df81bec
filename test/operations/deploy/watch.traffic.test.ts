import {describe, expect, test} from 'vitest';
import {createSimulatedEcs} from '../../../source/adapters/simulator/simulated-ecs.js';
import type {DeployEvent} from '../../../source/domain/deploy/events.js';
import type {JsonObject} from '../../../source/domain/json.js';
import {watchDeployment} from '../../../source/operations/deploy/watch.js';
import type {SimulationScenario} from '../../../source/ports/simulation.js';
import {createPlainPrinter} from '../../../source/report/deploy-plain.js';
import {createNdjsonPrinter} from '../../../source/report/deploy-ndjson.js';
import {FakeClock} from '../../helpers/fake-clock.js';

const MINUTE = 60_000;
const LAMBDA = 'arn:aws:lambda:us-east-1:123456789012:function:smoke';
const CANARY: JsonObject = {
  strategy: 'CANARY',
  bakeTimeInMinutes: 5,
  canaryConfiguration: {canaryPercent: 10, canaryBakeTimeInMinutes: 3},
  lifecycleHooks: [{hookTargetArn: LAMBDA, roleArn: 'arn:aws:iam::123456789012:role/hooks', lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT']}],
  alarms: {alarmNames: ['web-5xx'], rollback: true, enable: true},
};

type Traffic = Extract<DeployEvent, {type: 'traffic'}>;

/** The canary with a circuit breaker its spec writes itself (the deploy adds none to CANARY: deploy-inputs.ts). */
const CANARY_WITH_BREAKER: JsonObject = {...CANARY, deploymentCircuitBreaker: {enable: true, rollback: true}};

async function watchCanary(
  scenario: SimulationScenario,
  options: {records?: boolean; speed?: number; noProgressTimeoutMs?: number; configuration?: JsonObject} = {},
) {
  const clock = new FakeClock({autoAdvance: true});
  const ecs = createSimulatedEcs({
    clock,
    scenario,
    ...(options.speed === undefined ? {} : {speed: options.speed}),
    ...(options.records === false ? {serviceDeployments: false} : {}),
  });
  ecs.seedService({serviceName: 'web', desiredCount: 2});
  const registered = await ecs.registerTaskDefinition({family: 'web', containerDefinitions: [{name: 'web', image: 'nginx:2', essential: true}]});
  const since = clock.now();
  const updated = await ecs.updateService({
    cluster: 'default',
    service: 'web',
    taskDefinition: registered.arn,
    deploymentConfiguration: options.configuration ?? CANARY,
  });
  const events: DeployEvent[] = [];
  for await (const event of watchDeployment({
    ecs,
    clock,
    cluster: 'default',
    service: 'web',
    taskDefinitionArn: registered.arn,
    deploymentId: updated.deployments[0]!.id,
    ...(updated.currentServiceDeployment === undefined ? {} : {serviceDeploymentArn: updated.currentServiceDeployment}),
    since,
    timeoutMs: 60 * MINUTE,
    noProgressTimeoutMs: options.noProgressTimeoutMs ?? 2 * MINUTE,
    random: () => 0.5,
  }))
    events.push(event);
  const traffic = events.filter((event): event is Traffic => event.type === 'traffic');
  const done = events.at(-1) as Extract<DeployEvent, {type: 'done'}>;
  return {events, traffic, done};
}

describe('the watch follows a canary from ECS record', () => {
  test('success: ECS lifecycle stage names in order, the split 0 → 10 → 100, bakes that hold longer than --no-progress-timeout', async () => {
    const {traffic, done} = await watchCanary('success');
    expect(done).toMatchObject({outcome: 'deployed', exitCode: 0, serviceDeploymentStatus: 'SUCCESSFUL'});
    expect([...new Set(traffic.map((event) => event.lifecycleStage))]).toEqual([
      'PRE_SCALE_UP',
      'SCALE_UP',
      'POST_SCALE_UP',
      'TEST_TRAFFIC_SHIFT',
      'POST_TEST_TRAFFIC_SHIFT',
      'PRODUCTION_TRAFFIC_SHIFT',
      'POST_PRODUCTION_TRAFFIC_SHIFT',
      'BAKE_TIME',
      'CLEAN_UP',
    ]);
    expect([...new Set(traffic.map((event) => event.productionPercent))]).toEqual([0, 10, 100]);
    const step = traffic.find((event) => event.bake?.kind === 'step')!;
    expect(step.bake).toEqual({kind: 'step', minutes: 3, endsAt: expect.any(Number)});
    expect(step.bake!.endsAt - step.at).toBeGreaterThan(2.9 * MINUTE);
    const bake = traffic.find((event) => event.bake?.kind === 'bake')!;
    expect(bake.bake?.minutes).toBe(5);
    expect(traffic.at(-1)?.hooks).toEqual([{targetArn: LAMBDA, status: 'SUCCEEDED', stage: 'POST_TEST_TRAFFIC_SHIFT'}]);
    expect(traffic.every((event) => event.steps.join() === '10,100' && event.strategy === 'CANARY')).toBe(true);
  });

  test('crash-loop, with a circuit breaker the spec writes: rolled back (exit 3) with production traffic never past the canary percent', async () => {
    const {traffic, done} = await watchCanary('crash-loop', {configuration: CANARY_WITH_BREAKER});
    expect(done).toMatchObject({outcome: 'rolled-back', exitCode: 3});
    expect(Math.max(...traffic.map((event) => event.productionPercent))).toBe(10);
    expect(traffic.at(-1)?.productionPercent).toBe(0);
  });

  test('crash-loop without a circuit breaker (what the deploy sends for CANARY): the failures are counted as the breaker being off, nothing claims a rollback', async () => {
    const {events, done} = await watchCanary('crash-loop', {noProgressTimeoutMs: 10 * MINUTE});
    const breaker = events.filter((event) => event.type === 'circuit-breaker');
    expect(breaker.length).toBeGreaterThan(0);
    expect(breaker.every((event) => event.off === true)).toBe(true);
    expect(done.outcome).not.toBe('rolled-back');
    expect(done.outcome).not.toBe('deployed');
  });

  test('alarm-fires and hook-fails roll back, saying which alarm and which hook', async () => {
    const alarm = await watchCanary('alarm-fires');
    expect(alarm.done).toMatchObject({outcome: 'rolled-back', exitCode: 3});
    expect(alarm.traffic.at(-1)?.alarms).toEqual({status: 'TRIGGERED', names: ['web-5xx'], triggered: ['web-5xx']});
    const hook = await watchCanary('hook-fails');
    expect(hook.done).toMatchObject({outcome: 'rolled-back', exitCode: 3});
    expect(hook.traffic.at(-1)?.hooks).toEqual([{targetArn: LAMBDA, status: 'FAILED', stage: 'POST_TEST_TRAFFIC_SHIFT'}]);
    expect(Math.max(...hook.traffic.map((event) => event.productionPercent))).toBe(0);
  });

  test('without ECS records (moto): one info line saying the traffic view needs them, DescribeServices decides, no traffic invented', async () => {
    const {events, traffic, done} = await watchCanary('success', {records: false, noProgressTimeoutMs: 10 * MINUTE});
    expect(traffic).toEqual([]);
    const info = events.filter((event) => event.type === 'info' && /service deployment records are not available/.test(event.message));
    expect(info).toHaveLength(1);
    expect(info[0]).toMatchObject({message: expect.stringMatching(/the CANARY traffic view — stages, split, bakes, hooks, alarms — needs them: not shown\)$/)});
    expect(done.outcome).toBe('deployed');
  });

  test('at --simulate-speed 10 the bake is counted at that speed', async () => {
    const {traffic} = await watchCanary('success', {speed: 10});
    const step = traffic.find((event) => event.bake?.kind === 'step')!;
    expect(step.bake!.endsAt - step.at).toBeLessThanOrEqual(0.3 * MINUTE);
  });
});

describe('the plain and NDJSON renderers carry the traffic facts', () => {
  test('plain: a line per stage, per traffic move, per bake, per hook and per alarm; crash-loop moves traffic back', async () => {
    const {events} = await watchCanary('alarm-fires');
    let out = '';
    const printer = createPlainPrinter({write: (chunk: string) => (out += chunk)});
    for (const event of events) printer.print(event);
    expect(out).toMatch(/CANARY · PRE_SCALE_UP: before the new revision starts/);
    expect(out).toMatch(/CANARY · PRODUCTION_TRAFFIC_SHIFT: production traffic is moving to the new revision/);
    expect(out).toMatch(/production traffic: new 10% · old 90%\n/);
    expect(out).toMatch(/step bake: 3 min at 10% before the next step/);
    expect(out).toMatch(/hook smoke at POST_TEST_TRAFFIC_SHIFT: SUCCEEDED/);
    expect(out).toMatch(/alarm web-5xx: ALARM — ECS rolls the deployment back/);
    expect(out).toMatch(/production traffic: new 0% · old 100% \(moved back to the old revision\)/);
    expect(out).toMatch(/rolled back \(simulated\)/);
  });

  test('NDJSON: traffic events with ECS lifecycleStage names, exactly as emitted', async () => {
    const {events} = await watchCanary('success');
    let out = '';
    const printer = createNdjsonPrinter({write: (chunk: string) => (out += chunk)});
    for (const event of events) printer.print(event);
    printer.summary();
    const lines = out
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as {type: string; lifecycleStage?: string; productionPercent?: number});
    const traffic = lines.filter((line) => line.type === 'traffic');
    expect(traffic.length).toBeGreaterThan(8);
    expect(traffic.map((line) => line.lifecycleStage)).toContain('BAKE_TIME');
    expect(traffic.at(-1)).toMatchObject({type: 'traffic', strategy: 'CANARY', lifecycleStage: 'CLEAN_UP', productionPercent: 100, steps: [10, 100]});
    expect(lines.at(-1)).toMatchObject({type: 'summary', traffic: {strategy: 'CANARY', lifecycleStage: 'CLEAN_UP', productionPercent: 100}});
  });
});
