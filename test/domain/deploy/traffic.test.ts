import {describe, expect, test} from 'vitest';
import {splitText, timeLeft, trafficBar, trafficLines, type TrafficView} from '../../../source/domain/deploy/traffic.js';

const base: TrafficView = {strategy: 'CANARY', lifecycleStage: 'PRODUCTION_TRAFFIC_SHIFT', productionPercent: 10, steps: [10, 100], hooks: []};

describe('the traffic view', () => {
  test('the split, the bar and the time left', () => {
    expect(splitText({productionPercent: 12.5})).toBe('new 12.5% · old 87.5%');
    expect(trafficBar(10, 20)).toBe('██' + '░'.repeat(18));
    expect(trafficBar(100, 4)).toBe('████');
    expect(timeLeft(1_000 + 125_000, 1_000)).toBe('2m 05s');
    expect(timeLeft(1_000, 5_000)).toBe('0s');
  });

  test('a line per change: stage, traffic (and back), bake, hook answers, alarms fired', () => {
    expect(trafficLines(undefined, {...base, productionPercent: 0, lifecycleStage: 'PRE_SCALE_UP'})).toEqual([
      {level: 'info', text: 'CANARY · PRE_SCALE_UP: before the new revision starts'},
    ]);
    const stepped: TrafficView = {
      ...base,
      bake: {kind: 'step', minutes: 3, endsAt: 10},
      hooks: [{targetArn: 'arn:aws:lambda:us-east-1:1:function:smoke', status: 'SUCCEEDED', stage: 'POST_TEST_TRAFFIC_SHIFT'}],
    };
    expect(
      trafficLines({...base, productionPercent: 0, lifecycleStage: 'POST_TEST_TRAFFIC_SHIFT', hooks: [{...stepped.hooks[0]!, status: 'IN_PROGRESS'}]}, stepped),
    ).toEqual([
      {level: 'info', text: 'CANARY · PRODUCTION_TRAFFIC_SHIFT: production traffic is moving to the new revision'},
      {level: 'info', text: 'production traffic: new 10% · old 90%'},
      {level: 'info', text: 'step bake: 3 min at 10% before the next step'},
      {level: 'ok', text: 'hook smoke at POST_TEST_TRAFFIC_SHIFT: SUCCEEDED'},
    ]);
    expect(
      trafficLines(stepped, {...stepped, productionPercent: 0, bake: undefined, alarms: {status: 'TRIGGERED', names: ['web-5xx'], triggered: ['web-5xx']}}),
    ).toEqual([
      {level: 'warn', text: 'production traffic: new 0% · old 100% (moved back to the old revision)'},
      {level: 'error', text: 'alarm web-5xx: ALARM — ECS rolls the deployment back'},
    ]);
    expect(trafficLines(stepped, stepped)).toEqual([]);
  });
});
