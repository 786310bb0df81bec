import {describe, expect, it} from 'vitest';
import {cli, world} from './deploy-world.js';

describe('ecs-wizard verify', () => {
  it('verify: the checks only (exit 0), a failure is exit 1; nothing changes', async () => {
    const w = await world();
    const ok = await cli(['verify', 'web-api', '--env', 'staging'], w);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('✓ registry-credentials');
    expect(ok.out).toContain('All checks passed.');
    w.state.roles.get('ecsTaskExecutionRole')!.trustsEcsTasks = false;
    const failed = await cli(['verify', 'web-api', '--env', 'staging', '--json'], w);
    expect(failed.code).toBe(1);
    expect(JSON.parse(failed.out)).toMatchObject({
      ok: false,
      checks: expect.arrayContaining([expect.objectContaining({name: 'execution-role', status: 'fail'})]),
    });
    expect(w.ecs.recorded.map((call) => call.method).filter((method) => !method.startsWith('describe'))).toEqual([]);
  });

  it('an arm64-only image for a Fargate task without runtimePlatform: exit 1, the fix named', async () => {
    const w = await world();
    w.state.platforms.set('1.4.2', ['linux/arm64']);
    const {code, out} = await cli(['verify', 'web-api', '--env', 'staging'], w);
    expect(code).toBe(1);
    expect(out).toContain('✗ platform');
    expect(out).toContain('is built for linux/arm64 only, but the task runs on linux/amd64');
    expect(out).toContain('set runtimePlatform.cpuArchitecture to ARM64 in the container specification');
    expect(out).toContain('1 check failed.');
  });
});
