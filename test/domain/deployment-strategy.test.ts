import {describe, expect, test} from 'vitest';
import {
  groupHooks,
  parseHook,
  parseMinutes,
  parsePercent,
  readDeploymentStrategy,
  strategySummary,
  trafficSteps,
  writeDeploymentStrategy,
  CANARY_PERCENT_RANGE,
  type DeploymentStrategy,
} from '../../source/domain/deployment-strategy.js';

const LAMBDA = 'arn:aws:lambda:us-east-1:123456789012:function:smoke';
const ROLE = 'arn:aws:iam::123456789012:role/ecs-hooks';

describe('durations', () => {
  test.each<[string, number]>([
    ['5m', 5],
    ['1h', 60],
    ['90s', 2],
    ['1h30m', 90],
    ['0m', 0],
    ['7', 7],
    [' 3M ', 3],
  ])('%s is %i minutes', (text, minutes) => {
    expect(parseMinutes(text, 'the bake time')).toEqual({ok: true, value: minutes});
  });

  test.each(['', 'five', '5 minutes', '-1m', '2d', 'm'])('"%s" is refused, naming the field', (text) => {
    const parsed = parseMinutes(text, 'the bake time');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(/^the bake time ".*" is not a duration: write minutes as 5m/);
  });

  test('beyond 24 hours is refused with ECS bound', () => {
    expect(parseMinutes('25h', '--bake-time')).toEqual({ok: false, message: '--bake-time "25h" is 1500 minutes; ECS takes at most 1440 (24h)'});
  });
});

describe('percentages and hooks', () => {
  test('a canary percent within 0.1–100, fractions allowed', () => {
    expect(parsePercent('2.5', 'the canary percent', CANARY_PERCENT_RANGE)).toEqual({ok: true, value: 2.5});
    expect(parsePercent('10%', 'the canary percent', CANARY_PERCENT_RANGE)).toEqual({ok: true, value: 10});
    expect(parsePercent('0', 'the canary percent', CANARY_PERCENT_RANGE)).toEqual({
      ok: false,
      message: 'the canary percent must be between 0.1 and 100 percent, found 0',
    });
    expect(parsePercent('ten', 'x', CANARY_PERCENT_RANGE).ok).toBe(false);
  });

  test('STAGE=LAMBDA_ARN, stage case-insensitive; bad stage and bad ARN named', () => {
    expect(parseHook(`post_test_traffic_shift=${LAMBDA}`)).toEqual({ok: true, value: {stage: 'POST_TEST_TRAFFIC_SHIFT', lambdaArn: LAMBDA}});
    const stage = parseHook(`BAKE_TIME=${LAMBDA}`);
    expect(stage.ok === false && stage.message).toMatch(/"BAKE_TIME" is not a lifecycle stage a hook can run at: RECONCILE_SERVICE, PRE_SCALE_UP/);
    const arn = parseHook('PRE_SCALE_UP=arn:aws:iam::123456789012:role/x');
    expect(arn.ok === false && arn.message).toMatch(/is not a Lambda function ARN/);
    expect(parseHook(LAMBDA).ok).toBe(false);
  });

  test('hooks group by function, stages in ECS order', () => {
    expect(
      groupHooks([
        {stage: 'POST_PRODUCTION_TRAFFIC_SHIFT', lambdaArn: LAMBDA},
        {stage: 'PRE_SCALE_UP', lambdaArn: LAMBDA},
        {stage: 'PRE_SCALE_UP', lambdaArn: `${LAMBDA}2`},
      ]),
    ).toEqual([
      {lambdaArn: LAMBDA, stages: ['PRE_SCALE_UP', 'POST_PRODUCTION_TRAFFIC_SHIFT']},
      {lambdaArn: `${LAMBDA}2`, stages: ['PRE_SCALE_UP']},
    ]);
  });
});

describe('reading and writing a strategy in ECS shape', () => {
  const canary: DeploymentStrategy = {
    strategy: 'CANARY',
    bakeTimeInMinutes: 5,
    canary: {percent: 10, bakeTimeInMinutes: 3},
    hooks: [{lambdaArn: LAMBDA, stages: ['POST_TEST_TRAFFIC_SHIFT']}],
    hookRoleArn: ROLE,
    alarms: ['api-5xx'],
  };

  test('a canary lands in deploymentConfiguration exactly as CreateService takes it; other members kept', () => {
    const spec = writeDeploymentStrategy(
      {schedulingStrategy: 'REPLICA', deploymentConfiguration: {maximumPercent: 200, strategy: 'LINEAR', linearConfiguration: {stepPercent: 5}}},
      canary,
    );
    expect(spec).toEqual({
      schedulingStrategy: 'REPLICA',
      deploymentConfiguration: {
        maximumPercent: 200,
        strategy: 'CANARY',
        bakeTimeInMinutes: 5,
        canaryConfiguration: {canaryPercent: 10, canaryBakeTimeInMinutes: 3},
        lifecycleHooks: [{hookTargetArn: LAMBDA, roleArn: ROLE, lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT']}],
        alarms: {alarmNames: ['api-5xx'], rollback: true, enable: true},
      },
    });
    expect(readDeploymentStrategy(spec)).toEqual(canary);
  });

  test('ROLLING leaves strategy out (ECS default) and the circuit breaker as written (deploy adds one with rollback)', () => {
    const spec = writeDeploymentStrategy(
      {deploymentConfiguration: {strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5}},
      {strategy: 'ROLLING', hooks: [], alarms: []},
    );
    expect(spec).toEqual({deploymentConfiguration: {}});
    expect(writeDeploymentStrategy({serviceName: 'web'}, {strategy: 'ROLLING', hooks: [], alarms: ['api-5xx']})).toEqual({
      serviceName: 'web',
      deploymentConfiguration: {alarms: {alarmNames: ['api-5xx'], rollback: true, enable: true}},
    });
    expect(writeDeploymentStrategy({serviceName: 'web'}, {strategy: 'ROLLING', hooks: [], alarms: []})).toEqual({serviceName: 'web'});
    expect(readDeploymentStrategy(spec).strategy).toBe('ROLLING');
    const kept = writeDeploymentStrategy(
      {deploymentConfiguration: {deploymentCircuitBreaker: {enable: false, rollback: false}}},
      {strategy: 'ROLLING', hooks: [], alarms: []},
    );
    expect(kept.deploymentConfiguration).toEqual({deploymentCircuitBreaker: {enable: false, rollback: false}});
  });

  test('LINEAR and BLUE_GREEN take the defaults a person can accept', () => {
    expect(writeDeploymentStrategy({}, {strategy: 'LINEAR', hooks: [], alarms: []}).deploymentConfiguration).toEqual({
      strategy: 'LINEAR',
      bakeTimeInMinutes: 5,
      linearConfiguration: {stepPercent: 20, stepBakeTimeInMinutes: 2},
    });
    expect(writeDeploymentStrategy({}, {strategy: 'BLUE_GREEN', bakeTimeInMinutes: 0, hooks: [], alarms: []}).deploymentConfiguration).toEqual({
      strategy: 'BLUE_GREEN',
      bakeTimeInMinutes: 0,
    });
  });

  test('the production traffic steps of each strategy', () => {
    expect(trafficSteps({strategy: 'ROLLING'})).toEqual([]);
    expect(trafficSteps({strategy: 'BLUE_GREEN'})).toEqual([100]);
    expect(trafficSteps({strategy: 'CANARY', canary: {percent: 10, bakeTimeInMinutes: 3}})).toEqual([10, 100]);
    expect(trafficSteps({strategy: 'LINEAR', linear: {stepPercent: 20, stepBakeTimeInMinutes: 2}})).toEqual([20, 40, 60, 80, 100]);
    expect(trafficSteps({strategy: 'LINEAR', linear: {stepPercent: 30, stepBakeTimeInMinutes: 2}})).toEqual([30, 60, 90, 100]);
  });

  test('a one-line summary', () => {
    expect(strategySummary(canary)).toBe('CANARY 10% for 3m, then 100%; bake 5m; 1 hook; alarms: api-5xx');
    expect(strategySummary({strategy: 'ROLLING', hooks: [], alarms: []})).toBe('ROLLING (circuit breaker with rollback)');
  });
});
