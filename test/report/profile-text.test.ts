import {describe, expect, test} from 'vitest';
import {artifactLabel, describeProfile} from '../../source/report/profile-text.js';
import {fargateJsonProfile} from '../helpers/profile-fixtures.js';

describe('profiles show', () => {
  test('an adopted service and an image imported without a tag say so', () => {
    const profile = fargateJsonProfile();
    const imported = {
      ...profile,
      service: {...profile.service, adopted: true, artifact: {registry: 'dockerhub' as const, host: '', image: 'nginx', tag: 'latest', implicitLatest: true}},
    };
    expect(artifactLabel(imported)).toBe('nginx (latest)');
    expect(describeProfile(imported)).toEqual(
      expect.arrayContaining([
        `Service      ${profile.service.name} (FARGATE), adopted: deploys keep its settings (no defaults for new services)`,
        'Artifact     nginx (latest) [dockerhub]',
      ]),
    );
    expect(describeProfile(profile).some((line) => line.includes('adopted'))).toBe(false);
    expect(artifactLabel({...imported, service: {...imported.service, artifact: {...imported.service.artifact, tag: '1.27'}}})).toBe('nginx:1.27');
  });

  test('the capacity provider strategy of an environment and the service auto scaling', () => {
    const profile = fargateJsonProfile();
    profile.environments[0]!.capacityProviderStrategy = [
      {capacityProvider: 'FARGATE', weight: 1, base: 1},
      {capacityProvider: 'FARGATE_SPOT', weight: 3},
    ];
    profile.service.autoScaling = {minCount: 2, maxCount: 10, policies: [{metric: 'cpu', target: 60}]};
    const lines = describeProfile(profile);
    expect(lines).toEqual(expect.arrayContaining(['Auto scaling 2–10 tasks, CPU 60%', '    capacity providers FARGATE:1:1, FARGATE_SPOT:3']));
    expect(lines.filter((line) => line.includes('capacity providers'))).toHaveLength(1);
  });

  test("the last run's ECS service deployment ARN, when the run has one", () => {
    const arn = 'arn:aws:ecs:us-east-1:123456789012:service-deployment/web-staging/web-api/NX4PB1UHXTUR5xZepaFWk';
    const run = {environment: 'staging', tag: '1.4.2', startedAt: '2026-01-04T09:00:00.000Z', outcome: 'deployed' as const};
    const lines = describeProfile(fargateJsonProfile({runs: [{...run, serviceDeploymentArn: arn}]}));
    expect(lines.slice(-2)).toEqual(['Last run     deployed staging 1.4.2 2026-01-04 09:00', `  ECS service deployment ${arn} (watch judges this one)`]);
    // A run recorded without one (older runs, moto) shows as before.
    expect(describeProfile(fargateJsonProfile({runs: [run]})).at(-1)).toBe('Last run     deployed staging 1.4.2 2026-01-04 09:00');
  });
});
