import {describe, expect, it} from 'vitest';
import {autoScalingFromFlags, autoScalingFromState, autoScalingIssues, planScaling, type ScalingState} from '../../source/domain/auto-scaling.js';
import type {AutoScaling} from '../../source/domain/model.js';

const WANTED: AutoScaling = {minCount: 2, maxCount: 10, policies: [{metric: 'cpu', target: 60}]};
const cpuPolicy = (target: number, name = 'web-cpu-target-tracking') => ({name, policyType: 'TargetTrackingScaling', metric: 'cpu' as const, target});

describe('autoScalingFromFlags', () => {
  it('builds the setting from the flags', () => {
    expect(autoScalingFromFlags({minCount: 2, maxCount: 10, cpuTarget: 60, memoryTarget: 75})).toEqual({
      autoScaling: {
        minCount: 2,
        maxCount: 10,
        policies: [
          {metric: 'cpu', target: 60},
          {metric: 'memory', target: 75},
        ],
      },
      errors: [],
    });
  });
  it('no flag: no setting; a half setting names every missing flag', () => {
    expect(autoScalingFromFlags({})).toEqual({errors: []});
    expect(autoScalingFromFlags({cpuTarget: 60}).errors).toEqual([expect.stringContaining('--min-count'), expect.stringContaining('--max-count')]);
    expect(autoScalingFromFlags({minCount: 1, maxCount: 2}).errors).toEqual([
      expect.stringContaining('--cpu-target N, --memory-target N or --requests-per-target N'),
    ]);
  });
});

describe('autoScalingIssues', () => {
  it('refuses min above max, a target out of range and two policies on one metric', () => {
    const issues = autoScalingIssues(
      {
        minCount: 5,
        maxCount: 2,
        policies: [
          {metric: 'cpu', target: 160},
          {metric: 'cpu', target: 50},
        ],
      },
      {hasTargetGroup: false},
    );
    expect(issues.map((issue) => issue.path)).toEqual([
      'service.autoScaling.minCount',
      'service.autoScaling.policies[0].target',
      'service.autoScaling.policies[1]',
    ]);
  });
});

describe('planScaling', () => {
  it('a new service: registers the target and adds the policy', () => {
    const plan = planScaling({serviceName: 'web', wanted: WANTED});
    expect(plan).toMatchObject({action: 'apply', registerTarget: true, put: WANTED.policies});
    expect(plan.lines).toEqual(['auto scaling: register the scalable target, 2–10 tasks', 'auto scaling: add policy web-cpu-target-tracking (CPU 60%)']);
  });

  it('the same as AWS has: unchanged', () => {
    const plan = planScaling({serviceName: 'web', wanted: WANTED, current: {target: {minCount: 2, maxCount: 10}, policies: [cpuPolicy(60)]}});
    expect(plan.action).toBe('unchanged');
    expect(plan.lines).toEqual(['auto scaling: unchanged (2–10 tasks, CPU 60%)']);
  });

  it('a changed range and target; other policies are left alone and said so', () => {
    const current: ScalingState = {
      target: {minCount: 1, maxCount: 4},
      policies: [cpuPolicy(50), {name: 'step-out', policyType: 'StepScaling'}],
    };
    const plan = planScaling({serviceName: 'web', wanted: WANTED, current});
    expect(plan).toMatchObject({action: 'apply', registerTarget: true, put: WANTED.policies});
    expect(plan.lines).toEqual([
      'auto scaling: tasks 1–4 → 2–10',
      'auto scaling: change policy web-cpu-target-tracking (CPU 50%) → CPU 60%',
      'auto scaling: other policies left as they are: step-out (StepScaling)',
    ]);
  });

  it('a profile without auto scaling leaves the service’s scaling alone, and says so', () => {
    const plan = planScaling({serviceName: 'web', current: {target: {minCount: 1, maxCount: 4}, policies: [cpuPolicy(50)]}});
    expect(plan.action).toBe('leave');
    expect(plan.lines[0]).toBe(
      'auto scaling: left as it is (1–4 tasks): web-cpu-target-tracking (CPU 50%) — the profile sets none (remove it with --remove-auto-scaling)',
    );
    expect(planScaling({serviceName: 'web'})).toEqual({action: 'none', lines: []});
  });

  it('removes only when asked', () => {
    const plan = planScaling({serviceName: 'web', wanted: WANTED, remove: true, current: {target: {minCount: 1, maxCount: 4}, policies: [cpuPolicy(50)]}});
    expect(plan.action).toBe('remove');
    expect(plan.lines).toEqual(['auto scaling: REMOVE the scalable target (1–4 tasks) and its policies: web-cpu-target-tracking (CPU 50%)']);
    expect(planScaling({serviceName: 'web', remove: true}).action).toBe('none');
  });
});

describe('autoScalingFromState (import)', () => {
  it('round-trips: what it imports plans as unchanged', () => {
    const state: ScalingState = {
      target: {minCount: 3, maxCount: 12},
      policies: [
        {
          name: 'custom-name',
          policyType: 'TargetTrackingScaling',
          metric: 'memory',
          target: 70,
          scaleInCooldown: 300,
          scaleOutCooldown: 60,
          disableScaleIn: false,
        },
        cpuPolicy(55),
        {name: 'steps', policyType: 'StepScaling'},
      ],
    };
    const imported = autoScalingFromState('web', state);
    expect(imported.autoScaling).toEqual({
      minCount: 3,
      maxCount: 12,
      policies: [
        {metric: 'memory', target: 70, name: 'custom-name', scaleInCooldown: 300, scaleOutCooldown: 60, disableScaleIn: false},
        {metric: 'cpu', target: 55},
      ],
    });
    expect(imported.notes).toEqual(['scaling policy steps (StepScaling) is not kept in the profile: a deploy leaves it as it is']);
    expect(planScaling({serviceName: 'web', wanted: imported.autoScaling!, current: state}).action).toBe('unchanged');
  });
  it('no scalable target: nothing to import', () => {
    expect(autoScalingFromState('web', {policies: []})).toEqual({notes: []});
  });
});
