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
});
