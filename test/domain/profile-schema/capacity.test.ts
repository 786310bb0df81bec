import {describe, expect, it} from 'vitest';
import {validateProfile} from '../../../source/domain/profile-schema/profile.js';
import {fargateJsonProfile} from '../../helpers/profile-fixtures.js';

const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('profile schema: capacityProviderStrategy and autoScaling (optional, no version bump)', () => {
  it('keeps both exactly', () => {
    const profile = fargateJsonProfile();
    profile.environments[0]!.capacityProviderStrategy = [
      {capacityProvider: 'FARGATE', weight: 1, base: 1},
      {capacityProvider: 'FARGATE_SPOT', weight: 3},
    ];
    profile.service.autoScaling = {
      minCount: 2,
      maxCount: 10,
      policies: [{metric: 'cpu', target: 60, name: 'web-cpu', scaleInCooldown: 300, disableScaleIn: false}],
    };
    const result = validateProfile(asJson(profile));
    expect(result.issues).toEqual([]);
    expect(result.profile).toEqual(profile);
  });

  it('a profile without them validates as before', () => {
    expect(validateProfile(asJson(fargateJsonProfile())).profile).toEqual(fargateJsonProfile());
  });

  it('names the field of each bad value', () => {
    const profile = asJson(fargateJsonProfile()) as {environments: Array<Record<string, unknown>>; service: Record<string, unknown>};
    profile.environments[0]!['capacityProviderStrategy'] = [{capacityProvider: 'FARGATE', weight: 5000}, {provider: 'X'}];
    profile.service['autoScaling'] = {minCount: 5, maxCount: 2, policies: [{metric: 'disk', target: 1}]};
    const paths = validateProfile(profile).issues.map((issue) => issue.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'environments[0].capacityProviderStrategy[0].weight',
        'environments[0].capacityProviderStrategy[1].provider',
        'environments[0].capacityProviderStrategy[1].capacityProvider',
        'service.autoScaling.minCount',
        'service.autoScaling.policies[0].metric',
      ]),
    );
  });
});

describe("profile schema: an environment's own autoScaling (optional, no version bump)", () => {
  it('is kept exactly, and resolves to the service’s where an environment has none', () => {
    const profile = fargateJsonProfile();
    profile.service.autoScaling = {minCount: 1, maxCount: 2, policies: [{metric: 'cpu', target: 60}]};
    profile.environments[1]!.autoScaling = {
      minCount: 3,
      maxCount: 20,
      policies: [
        {metric: 'cpu', target: 60},
        {metric: 'memory', target: 75},
      ],
    };
    const result = validateProfile(asJson(profile));
    expect(result.issues).toEqual([]);
    expect(result.profile).toEqual(profile);
  });

  it('names the field of a bad value', () => {
    const profile = asJson(fargateJsonProfile()) as {environments: Array<Record<string, unknown>>};
    profile.environments[1]!['autoScaling'] = {minCount: 30, maxCount: 20, policies: [{metric: 'cpu', target: 160}], extra: 1};
    const paths = validateProfile(profile).issues.map((issue) => issue.path);
    expect(paths).toEqual(
      expect.arrayContaining(['environments[1].autoScaling.minCount', 'environments[1].autoScaling.policies[0].target', 'environments[1].autoScaling.extra']),
    );
  });
});
