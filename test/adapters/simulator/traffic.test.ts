import {describe, expect, test} from 'vitest';
import {createSimulatedEcs} from '../../../source/adapters/simulator/simulated-ecs.js';
import type {JsonObject} from '../../../source/domain/json.js';
import type {SimulationScenario} from '../../../source/ports/simulation.js';
import {FakeClock} from '../../helpers/fake-clock.js';
import {container} from './helpers.js';

const LAMBDA = 'arn:aws:lambda:us-east-1:123456789012:function:smoke';
const ROLE = 'arn:aws:iam::123456789012:role/ecs-hooks';
const CANARY: JsonObject = {strategy: 'CANARY', bakeTimeInMinutes: 5, canaryConfiguration: {canaryPercent: 10, canaryBakeTimeInMinutes: 3}};
const LINEAR: JsonObject = {strategy: 'LINEAR', bakeTimeInMinutes: 2, linearConfiguration: {stepPercent: 25, stepBakeTimeInMinutes: 1}};
const BLUE_GREEN: JsonObject = {strategy: 'BLUE_GREEN', bakeTimeInMinutes: 4};
const WITH_HOOK_AND_ALARM = (configuration: JsonObject): JsonObject => ({
  ...configuration,
  lifecycleHooks: [{hookTargetArn: LAMBDA, roleArn: ROLE, lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT']}],
  alarms: {alarmNames: ['web-5xx'], rollback: true, enable: true},
});

interface Seen {
  stage?: string;
  production?: number;
  status: string;
}

/** web:1 (2 tasks, completed) updated to web:2 under `configuration`; every second, what ECS's record says. */
async function rollout(scenario: SimulationScenario, configuration: JsonObject, options: {stop?: {at: number; type: 'ROLLBACK' | 'ABORT'}} = {}) {
  const clock = new FakeClock();
  const ecs = createSimulatedEcs({clock, scenario});
  ecs.seedService({serviceName: 'web', desiredCount: 2});
  const two = await ecs.registerTaskDefinition(container('nginx:2'));
  const state = await ecs.updateService({cluster: 'default', service: 'web', taskDefinition: two.arn, deploymentConfiguration: configuration});
  const arn = state.currentServiceDeployment!;
  const seen: Seen[] = [];
  let stopAnswer: unknown;
  for (let second = 0; second < 40 * 60; second++) {
    if (options.stop !== undefined && second === options.stop.at) {
      try {
        stopAnswer = await ecs.stopServiceDeployment(arn, options.stop.type);
      } catch (error) {
        stopAnswer = error;
      }
    }
    await clock.advance(1_000);
    const record = (await ecs.describeServiceDeployments([arn]))[0]!;
    const entry: Seen = {
      status: record.status,
      ...(record.lifecycleStage === undefined ? {} : {stage: record.lifecycleStage}),
      ...(record.targetServiceRevision?.requestedProductionTrafficWeight === undefined
        ? {}
        : {production: record.targetServiceRevision.requestedProductionTrafficWeight}),
    };
    const last = seen.at(-1);
    if (last === undefined || JSON.stringify(last) !== JSON.stringify(entry)) seen.push(entry);
    if (['SUCCESSFUL', 'ROLLBACK_SUCCESSFUL', 'STOPPED'].includes(record.status)) break;
  }
  const record = (await ecs.describeServiceDeployments([arn]))[0]!;
  const services = await ecs.describeServices('default', ['web']);
  return {seen, record, stopAnswer, service: services[0]!, clock, ecs, timeline: ecs.timeline()};
}

const stages = (seen: Seen[]): string[] => [...new Set(seen.map((entry) => entry.stage ?? '-'))];
const productionSteps = (seen: Seen[]): number[] =>
  seen.flatMap((entry) => (entry.production === undefined ? [] : [entry.production])).filter((value, index, all) => index === 0 || all[index - 1] !== value);

describe('the simulator learns BLUE_GREEN, LINEAR and CANARY', () => {
  test.each<[string, JsonObject, number[]]>([
    ['CANARY', CANARY, [0, 10, 100]],
    ['LINEAR', LINEAR, [0, 25, 50, 75, 100]],
    ['BLUE_GREEN', BLUE_GREEN, [0, 100]],
  ])('%s success: every lifecycle stage in ECS order, traffic in its steps, then SUCCESSFUL', async (_name, configuration, steps) => {
    const {seen, record, service} = await rollout('success', configuration);
    expect(stages(seen)).toEqual([
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
    expect(productionSteps(seen)).toEqual(steps);
    expect(record.status).toBe('SUCCESSFUL');
    expect(record.sourceServiceRevisions[0]?.requestedProductionTrafficWeight).toBe(0);
    expect(record.deploymentConfiguration).toEqual(configuration);
    expect(service.deployments.map((deployment) => [deployment.status, deployment.rolloutState])).toEqual([['PRIMARY', 'COMPLETED']]);
  });

  test('the canary bake and the bake time are held on the clock: 3 minutes at 10 %, 5 minutes in BAKE_TIME', async () => {
    const {timeline} = await rollout('success', CANARY);
    const at = (kind: string, detail: string): number => timeline.find((happening) => happening.kind === kind && happening.detail === detail)!.at;
    expect(at('traffic-shifted', '100%') - at('traffic-shifted', '10%')).toBeGreaterThanOrEqual(3 * 60_000);
    expect(at('traffic-shifted', '100%') - at('traffic-shifted', '10%')).toBeLessThan(3 * 60_000 + 10_000);
    expect(at('lifecycle-stage', 'CLEAN_UP') - at('lifecycle-stage', 'BAKE_TIME')).toBeGreaterThanOrEqual(5 * 60_000);
  });

  test('crash-loop on a canary: the green tasks crash under the canary traffic; rolled back, production never past 10 %', async () => {
    const {seen, record} = await rollout('crash-loop', {...CANARY, deploymentCircuitBreaker: {enable: true, rollback: true}});
    expect(Math.max(...productionSteps(seen))).toBe(10);
    expect(seen.at(-1)).toMatchObject({status: 'ROLLBACK_SUCCESSFUL', production: 0});
    expect(record.circuitBreaker?.status).toBe('TRIGGERED');
    expect(stages(seen)).not.toContain('BAKE_TIME');
    const withAlarm = await rollout('crash-loop', WITH_HOOK_AND_ALARM({...CANARY, deploymentCircuitBreaker: {enable: true, rollback: true}}));
    expect(withAlarm.record.alarms).toEqual({status: 'MONITORING_COMPLETE', alarmNames: ['web-5xx']});
  });

  test('a canary or linear spec without a circuit breaker runs without one (the deploy adds none to them): its record says DISABLED', async () => {
    const canary = await rollout('crash-loop', CANARY);
    expect(canary.record.circuitBreaker?.status).toBe('DISABLED');
    expect(canary.record.status).toBe('IN_PROGRESS');
    const linear = await rollout('success', LINEAR);
    expect(linear.record.circuitBreaker?.status).toBe('DISABLED');
    const blueGreen = await rollout('success', BLUE_GREEN);
    expect(blueGreen.record.circuitBreaker?.status).not.toBe('DISABLED');
  });

  test('hook-fails: the hook answers FAILED at POST_TEST_TRAFFIC_SHIFT; rolled back before any production traffic', async () => {
    const {seen, record} = await rollout('hook-fails', WITH_HOOK_AND_ALARM(LINEAR));
    expect(record.lifecycleHooks).toEqual([{hookId: expect.any(String), targetType: 'AWS_LAMBDA', targetArn: LAMBDA, status: 'FAILED'}]);
    expect(record.status).toBe('ROLLBACK_SUCCESSFUL');
    expect(record.statusReason).toBe('Lifecycle hook smoke returned FAILED at POST_TEST_TRAFFIC_SHIFT.');
    expect(productionSteps(seen)).toEqual([0]);
  });

  test('alarm-fires: the alarm goes to ALARM once the canary takes traffic; rolled back with the alarm named', async () => {
    const {seen, record} = await rollout('alarm-fires', WITH_HOOK_AND_ALARM(CANARY));
    expect(record.alarms).toEqual({status: 'TRIGGERED', alarmNames: ['web-5xx'], triggeredAlarmNames: ['web-5xx']});
    expect(record.status).toBe('ROLLBACK_SUCCESSFUL');
    expect(record.rollback?.reason).toBe('Alarm web-5xx triggered: rolling back.');
    expect(Math.max(...productionSteps(seen))).toBe(10);
    expect(record.lifecycleHooks?.map((hook) => hook.status)).toEqual(['SUCCEEDED']);
  });

  test('success with a hook and an alarm: the hook SUCCEEDED, the alarm watched to the end', async () => {
    const {record} = await rollout('success', WITH_HOOK_AND_ALARM(BLUE_GREEN));
    expect(record.status).toBe('SUCCESSFUL');
    expect(record.lifecycleHooks?.map((hook) => hook.status)).toEqual(['SUCCEEDED']);
    expect(record.alarms).toEqual({status: 'MONITORING_COMPLETE', alarmNames: ['web-5xx']});
  });

  test('StopServiceDeployment ROLLBACK during the canary bake: traffic back to blue at once, ROLLBACK_SUCCESSFUL', async () => {
    const {seen, record, stopAnswer} = await rollout('success', CANARY, {stop: {at: 90, type: 'ROLLBACK'}});
    expect(stopAnswer).toEqual({arn: record.arn});
    expect(record.status).toBe('ROLLBACK_SUCCESSFUL');
    expect(record.statusReason).toBe('Service deployment rollback requested (StopServiceDeployment ROLLBACK).');
    expect(productionSteps(seen)).toEqual([0, 10, 0]);
  });

  test('StopServiceDeployment ABORT: the deployment STOPPED where it was, the old revision PRIMARY again', async () => {
    const {record, service, stopAnswer} = await rollout('success', LINEAR, {stop: {at: 60, type: 'ABORT'}});
    expect(stopAnswer).toEqual({arn: record.arn});
    expect(record.status).toBe('STOPPED');
    expect(record.targetServiceRevision?.requestedProductionTrafficWeight).toBe(0);
    expect(service.deployments.map((deployment) => [deployment.status, deployment.taskDefinition.endsWith(':1')])).toEqual([['PRIMARY', true]]);
  });

  test('a stop request on a finished deployment is refused with what ECS would say', async () => {
    const {ecs, record} = await rollout('success', BLUE_GREEN);
    await expect(ecs.stopServiceDeployment(record.arn, 'ROLLBACK')).rejects.toThrow(
      /The service deployment is SUCCESSFUL: only a service deployment in progress can be stopped/,
    );
  });

  test('ROLLING with an alarm in alarm-fires: the alarm fires as the new tasks become healthy; rolled back', async () => {
    const {seen, record} = await rollout('alarm-fires', {alarms: {alarmNames: ['web-5xx'], rollback: true, enable: true}});
    expect(stages(seen)).toEqual(['-']);
    expect(record.status).toBe('ROLLBACK_SUCCESSFUL');
    expect(record.alarms).toEqual({status: 'TRIGGERED', alarmNames: ['web-5xx'], triggeredAlarmNames: ['web-5xx']});
  });

  test('ROLLING is as before: no lifecycle stage, no traffic weights', async () => {
    const {seen, record} = await rollout('success', {deploymentCircuitBreaker: {enable: true, rollback: true}});
    expect(stages(seen)).toEqual(['-']);
    expect(record.status).toBe('SUCCESSFUL');
  });
});
