/**
 * Copilot's `count` map → the profile's service.autoScaling: the range in both forms, CPU and memory targets with
 * Copilot's policy names, the cooldowns (a target's own, then count.cooldown, then Copilot's 120 s / 60 s), requests
 * without a load balancer, the fields without a counterpart by file and line, and environments that differ.
 */
import {describe, expect, test} from 'vitest';
import {planService, type CopilotServicePlan} from '../../../../source/domain/import/copilot/build.js';
import {readServiceManifest, type EnvironmentManifest} from '../../../../source/domain/import/copilot/manifest.js';
import {autoScalingOf} from '../../../../source/domain/import/copilot/scaling.js';
import {formatPosition, parseYaml} from '../../../../source/domain/import/copilot/yaml.js';

const FILE = 'copilot/web/manifest.yml';
const environment = (name: string): EnvironmentManifest => ({
  name,
  file: `copilot/environments/${name}/manifest.yml`,
  publicSubnets: [],
  privateSubnets: [],
  notes: [],
});

function planOf(yaml: string, environments: string[] = ['test']): CopilotServicePlan {
  const parsed = parseYaml(FILE, yaml);
  if (!parsed.ok) throw new Error(parsed.problem.message);
  const manifest = readServiceManifest(FILE, 'web', parsed.root);
  return planService({application: 'shop', environments: environments.map(environment), services: [manifest]}, manifest, {
    region: 'eu-west-1',
    now: '2026-12-06T00:00:00.000Z',
  });
}

const listed = (plan: CopilotServicePlan): string[] =>
  plan.notes
    .filter((note) => note.status === 'unmapped' || note.status === 'later' || (note.status === 'warning' && note.field.endsWith('count')))
    .map((note) => `${formatPosition(note.at)} ${note.field} ${note.status}`);

const specOf = (plan: CopilotServicePlan): Record<string, unknown> => JSON.parse(plan.profile!.service.serviceSpec) as Record<string, unknown>;

const BACKEND = 'name: web\ntype: Backend Service\nimage:\n  location: nginx:1.27\n';

describe('the range', () => {
  test('"1-10": minCount and maxCount; desiredCount starts at the minimum; CPU and memory with Copilot’s names and cooldowns', () => {
    const plan = planOf(`${BACKEND}count:\n  range: 1-10\n  cpu_percentage: 70\n  memory_percentage: 80\n`);
    expect(plan.profile!.service.autoScaling).toEqual({
      minCount: 1,
      maxCount: 10,
      policies: [
        {metric: 'cpu', target: 70, name: 'web-ECSServiceAverageCPUUtilization-ScalingPolicy', scaleInCooldown: 120, scaleOutCooldown: 60},
        {metric: 'memory', target: 80, name: 'web-ECSServiceAverageMemoryUtilization-ScalingPolicy', scaleInCooldown: 120, scaleOutCooldown: 60},
      ],
    });
    expect(specOf(plan)['desiredCount']).toBe(1);
    expect(listed(plan)).toEqual([]);
  });

  test('{min, max, spot_from}: the range; spot_from listed by file and line', () => {
    const plan = planOf(`${BACKEND}count:\n  range:\n    min: 2\n    max: 6\n    spot_from: 3\n  cpu_percentage: 50\n`);
    expect(plan.profile!.service.autoScaling).toMatchObject({minCount: 2, maxCount: 6, policies: [{metric: 'cpu', target: 50}]});
    expect(specOf(plan)['desiredCount']).toBe(2);
    expect(listed(plan)).toEqual([`${FILE}:9:5 count.range.spot_from unmapped`]);
  });

  test('a range not understood is a warning naming the field, and no setting', () => {
    const plan = planOf(`${BACKEND}count:\n  range: lots\n  cpu_percentage: 50\n`);
    expect(plan.profile!.service.autoScaling).toBeUndefined();
    const warnings = plan.notes.filter((note) => note.status === 'warning' && note.field.startsWith('count.'));
    expect(warnings.map((note) => `${formatPosition(note.at)} ${note.field}`)).toEqual([`${FILE}:6:3 count.range`, `${FILE}:7:3 count.cpu_percentage`]);
  });
});

describe('the cooldowns', () => {
  test('a target’s own cooldown first, then count.cooldown, then Copilot’s 120 s / 60 s', () => {
    const plan = planOf(
      `${BACKEND}count:\n  range: 1-4\n  cooldown:\n    in: 90s\n  cpu_percentage:\n    value: 60\n    cooldown:\n      in: 2m\n      out: 15s\n  memory_percentage: 75\n`,
    );
    expect(plan.profile!.service.autoScaling!.policies.map((policy) => [policy.metric, policy.scaleInCooldown, policy.scaleOutCooldown])).toEqual([
      ['cpu', 120, 15],
      ['memory', 90, 60],
    ]);
  });
});

describe('what has no counterpart', () => {
  test('requests without a load balancer in the service spec: listed as not mapped with the reason; response_time listed', () => {
    const plan = planOf(`${BACKEND}count:\n  range: 1-3\n  requests: 500\n  response_time: 2s\n`);
    expect(plan.profile!.service.autoScaling).toEqual({minCount: 1, maxCount: 3, policies: []});
    expect(listed(plan)).toEqual([`${FILE}:8:3 count.response_time unmapped`, `${FILE}:7:3 count.requests unmapped`]);
    expect(plan.notes.find((note) => note.field === 'count.requests')?.message).toContain("needs the service's target group, and it is not known");
  });

  test('requests with a target group in the service spec: a policy on requests per target', () => {
    const {autoScaling, notes} = autoScalingOf(
      'web',
      {min: 1, max: 3, requests: {value: 500, at: {file: FILE, line: 7, column: 3}, field: 'count.requests'}},
      true,
    );
    // Named as Copilot names its own requests policy, so that a deploy replaces it rather than adding a second.
    expect(autoScaling.policies).toEqual([
      {metric: 'requests', target: 500, name: 'web-ALBSumRequestCountPerTarget-ScalingPolicy', scaleInCooldown: 120, scaleOutCooldown: 60},
    ]);
    expect(notes).toEqual([]);
  });
});

describe('per environment', () => {
  test('the same range everywhere: one setting', () => {
    const plan = planOf(`${BACKEND}count:\n  range: 1-10\n  cpu_percentage: 70\n`, ['prod', 'test']);
    expect(plan.profile!.service.autoScaling).toMatchObject({minCount: 1, maxCount: 10});
  });

  test("environments that differ: each scaling environment's own, the service none (a fixed count stays fixed), each named by file and line", () => {
    const plan = planOf(
      `${BACKEND}count:\n  range: 1-10\n  cpu_percentage: 70\nenvironments:\n  prod:\n    count:\n      range: 2-20\n      cpu_percentage: 60\n  test:\n    count: 1\n`,
      ['prod', 'staging', 'test'],
    );
    expect(plan.profile!.service.autoScaling).toBeUndefined();
    const own = Object.fromEntries(plan.profile!.environments.map((environment) => [environment.name, environment.autoScaling]));
    expect(own['prod']).toMatchObject({minCount: 2, maxCount: 20, policies: [{metric: 'cpu', target: 60}]});
    expect(own['staging']).toMatchObject({minCount: 1, maxCount: 10, policies: [{metric: 'cpu', target: 70}]});
    expect(own['test']).toBeUndefined();
    // Nothing is left out: no warning.
    expect(listed(plan)).toEqual([]);
    const counts = plan.notes
      .filter((note) => note.message.startsWith('auto scaling differs'))
      .map((note) => `${formatPosition(note.at)} ${note.field} ${note.status}`);
    expect(counts).toEqual([`${FILE}:10:5 environments.prod.count info`, `${FILE}:5:1 count info`]);
    expect(plan.notes.find((note) => note.field === 'count' && note.message.startsWith('auto scaling differs'))?.message).toBe(
      'auto scaling differs per environment (prod: 2–20 tasks, CPU 60%; staging: 1–10 tasks, CPU 70%; test: none (a fixed count)): each environment that scales gets its own setting (environments[].autoScaling), the others keep a fixed count',
    );
  });
});
