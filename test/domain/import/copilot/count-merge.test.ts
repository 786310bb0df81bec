/**
 * An environment's partial `count` map merged into the base's as Copilot merges overrides (transform.go): the
 * range alone keeps the base's targets, one bound alone keeps the other, a number replaces the map, a map without
 * any range is named by file and line.
 */
import {describe, expect, test} from 'vitest';
import {planService, type CopilotServicePlan} from '../../../../source/domain/import/copilot/build.js';
import {mergeScaling} from '../../../../source/domain/import/copilot/count-merge.js';
import {readServiceManifest, type EnvironmentManifest} from '../../../../source/domain/import/copilot/manifest.js';
import {formatPosition, parseYaml} from '../../../../source/domain/import/copilot/yaml.js';

const FILE = 'copilot/web/manifest.yml';
const environment = (name: string): EnvironmentManifest => ({
  name,
  file: `copilot/environments/${name}/manifest.yml`,
  publicSubnets: [],
  privateSubnets: [],
  notes: [],
});

function planOf(yaml: string, environments: string[]): CopilotServicePlan {
  const parsed = parseYaml(FILE, yaml);
  if (!parsed.ok) throw new Error(parsed.problem.message);
  const manifest = readServiceManifest(FILE, 'web', parsed.root);
  return planService({application: 'shop', environments: environments.map(environment), services: [manifest]}, manifest, {
    region: 'eu-west-1',
    now: '2026-12-06T00:00:00.000Z',
  });
}

const BASE = 'name: web\ntype: Backend Service\nimage:\n  location: nginx:1.27\n';
const desiredCount = (plan: CopilotServicePlan, env: string): unknown => {
  const spec = JSON.parse(plan.profile!.service.serviceSpec) as {desiredCount: unknown};
  const value = spec.desiredCount;
  return typeof value === 'number'
    ? value
    : Number(plan.profile!.environments.find((item) => item.name === env)!.overrides['desiredCount'] ?? plan.profile!.service.variables['desiredCount']);
};

describe('merging an environment count into the base', () => {
  test('prod: range 2-10 under a base cpu_percentage 70 → min 2, max 10, CPU 70 (one setting when every environment agrees)', () => {
    const plan = planOf(`${BASE}count:\n  range: 1-4\n  cpu_percentage: 70\nenvironments:\n  prod:\n    count:\n      range: 2-10\n`, ['prod']);
    expect(plan.profile!.service.autoScaling).toEqual({
      minCount: 2,
      maxCount: 10,
      policies: [{metric: 'cpu', target: 70, name: 'web-ECSServiceAverageCPUUtilization-ScalingPolicy', scaleInCooldown: 120, scaleOutCooldown: 60}],
    });
    expect(desiredCount(plan, 'prod')).toBe(2);
    const note = plan.notes.find((item) => item.field === 'environments.prod.count' && item.status === 'info');
    expect(note && `${formatPosition(note.at)} ${note.message}`).toBe(
      "copilot/web/manifest.yml:10:5 range 2-10, with the base manifest's cpu_percentage (Copilot merges an environment's count into the base's field by field); desiredCount 2",
    );
  });

  test('two environments, one overridden: they differ, so each gets its own setting (test the base range, prod the merged one), each named by file and line', () => {
    const plan = planOf(`${BASE}count:\n  range: 1-4\n  cpu_percentage: 70\nenvironments:\n  prod:\n    count:\n      range: 2-10\n`, ['test', 'prod']);
    expect(plan.profile!.service.autoScaling).toBeUndefined();
    const scalingOf = (name: string) => plan.profile!.environments.find((item) => item.name === name)?.autoScaling;
    expect([scalingOf('test')?.minCount, scalingOf('test')?.maxCount, scalingOf('test')?.policies[0]?.target]).toEqual([1, 4, 70]);
    expect([scalingOf('prod')?.minCount, scalingOf('prod')?.maxCount, scalingOf('prod')?.policies[0]?.target]).toEqual([2, 10, 70]);
    const differs = plan.notes
      .filter((item) => item.status === 'info' && item.message.startsWith('auto scaling differs per environment'))
      .map((item) => `${formatPosition(item.at)} ${item.field}`);
    expect(differs).toEqual(['copilot/web/manifest.yml:5:1 count', 'copilot/web/manifest.yml:10:5 environments.prod.count']);
    expect(plan.notes.filter((item) => item.status === 'warning' && item.field.endsWith('count'))).toEqual([]);
  });

  test('one bound alone keeps the other; the environment’s target replaces the base’s; cooldowns merge in and out', () => {
    expect(
      mergeScaling(
        {min: 1, max: 4, cpu: {value: 70, at: {file: FILE, line: 1, column: 1}, field: 'count.cpu_percentage'}, cooldownIn: 30, cooldownOut: 20},
        {max: 8, cpu: {value: 50, at: {file: FILE, line: 9, column: 7}, field: 'environments.prod.count.cpu_percentage'}, cooldownOut: 5},
      ),
    ).toEqual({
      min: 1,
      max: 8,
      cpu: {value: 50, at: {file: FILE, line: 9, column: 7}, field: 'environments.prod.count.cpu_percentage'},
      cooldownIn: 30,
      cooldownOut: 5,
    });
  });

  test('a number under the environment replaces the base’s map; a map without any range is named and the base count kept', () => {
    const fixed = planOf(`${BASE}count:\n  range: 1-4\n  cpu_percentage: 70\nenvironments:\n  prod:\n    count: 3\n`, ['prod']);
    expect(fixed.profile!.service.autoScaling).toBeUndefined();
    expect(desiredCount(fixed, 'prod')).toBe(3);
    const noRange = planOf(`${BASE}count: 2\nenvironments:\n  prod:\n    count:\n      cpu_percentage: 50\n`, ['prod']);
    expect(noRange.profile!.service.autoScaling).toBeUndefined();
    expect(desiredCount(noRange, 'prod')).toBe(2);
    const warning = noRange.notes.find((item) => item.field === 'environments.prod.count');
    expect(warning && `${formatPosition(warning.at)} ${warning.status}`).toBe('copilot/web/manifest.yml:8:5 warning');
  });
});
