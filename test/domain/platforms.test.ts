import {describe, expect, test} from 'vitest';
import {comparePlatforms, formatPlatform, indexPlatforms, taskPlatform} from '../../source/domain/platforms.js';

describe('platforms', () => {
  test('formatPlatform: os/arch[/variant]; unknown (attestations) and missing parts are no platform', () => {
    expect(formatPlatform({os: 'linux', architecture: 'arm64', variant: 'v8'})).toBe('linux/arm64/v8');
    expect(formatPlatform({os: 'Linux', architecture: 'AMD64', variant: null})).toBe('linux/amd64');
    expect(formatPlatform({os: 'unknown', architecture: 'unknown'})).toBeUndefined();
    expect(formatPlatform({architecture: 'amd64'})).toBeUndefined();
  });

  test('indexPlatforms: distinct, in order, without attestations', () => {
    expect(
      indexPlatforms({
        manifests: [
          {platform: {os: 'linux', architecture: 'amd64'}},
          {platform: {os: 'unknown', architecture: 'unknown'}},
          {platform: {os: 'linux', architecture: 'arm', variant: 'v7'}},
          {platform: {os: 'linux', architecture: 'amd64'}},
          {digest: 'sha256:x'},
        ],
      }),
    ).toEqual(['linux/amd64', 'linux/arm/v7']);
  });

  test('taskPlatform: runtimePlatform first, then the Fargate default, then EC2 instances of one architecture', () => {
    expect(taskPlatform({runtimePlatform: {cpuArchitecture: 'ARM64'}}, 'FARGATE')?.platform).toBe('linux/arm64');
    expect(taskPlatform({runtimePlatform: {cpuArchitecture: 'X86_64', operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE'}}, 'FARGATE')?.platform).toBe(
      'windows/amd64',
    );
    expect(taskPlatform({}, 'FARGATE')).toEqual({platform: 'linux/amd64', source: 'the Fargate default, runtimePlatform.cpuArchitecture X86_64'});
    expect(taskPlatform({}, 'EC2', ['arm64'])?.platform).toBe('linux/arm64');
    expect(taskPlatform({}, 'EC2', ['arm64', 'x86_64'])).toBeUndefined();
    expect(taskPlatform({}, 'EC2')).toBeUndefined();
  });

  test('comparePlatforms: a variant does not decide; the fix says which way to go', () => {
    const amd = {platform: 'linux/amd64', source: 'x'};
    expect(comparePlatforms(['linux/arm64/v8', 'linux/amd64'], amd)).toEqual({status: 'ok', platform: 'linux/amd64'});
    expect(comparePlatforms(['linux/arm64/v8'], {platform: 'linux/arm64', source: 'x'}).status).toBe('ok');
    expect(comparePlatforms(['linux/arm64'], amd)).toMatchObject({
      status: 'mismatch',
      fix: expect.stringContaining('set runtimePlatform.cpuArchitecture to ARM64'),
    });
    expect(comparePlatforms(['linux/s390x'], amd)).toMatchObject({status: 'mismatch', fix: 'pick a tag built for linux/amd64'});
  });
});
