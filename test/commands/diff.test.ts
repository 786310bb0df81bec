import {describe, expect, it} from 'vitest';
import {AwsError} from '../../source/errors.js';
import {cli, world} from './deploy-world.js';

describe('ecs-wizard diff', () => {
  it('diff --exit-code: 1 when something would change, 0 when nothing would, 2 on error', async () => {
    const w = await world({seed: false});
    const first = await cli(['diff', 'web-api', '--env', 'staging', '--exit-code'], w);
    expect(first.code).toBe(1);
    expect(first.out).toContain('Plan: will create');
    expect((await cli(['deploy', 'web-api', '--env', 'staging', '--yes'], w)).code).toBe(0);
    const second = await cli(['diff', 'web-api', '--env', 'staging', '--exit-code'], w);
    expect(second.code).toBe(0);
    expect(second.out).toContain('Plan: no changes');
    expect((await cli(['diff', 'web-api', '--env', 'staging'], w)).code).toBe(0);
    w.ecs.failOn.set('describeClusters', new AwsError('cannot reach AWS', {kind: 'unreachable', awsName: 'ECONNREFUSED'}));
    const failed = await cli(['diff', 'web-api', '--env', 'staging', '--exit-code'], w);
    expect(failed.code).toBe(2);
    expect(failed.err).toContain('cannot reach AWS');
  });

  it('diff --json: the plan and the diff model', async () => {
    const w = await world();
    const {code, out} = await cli(['diff', 'web-api', '--env', 'staging', '--json', '--tag', '1.5.0'], w);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({
      profile: 'web-api',
      environment: 'staging',
      action: 'update',
      summary: 'register web-api:2, update service web-api (update in place)',
      diff: {impact: 'update-in-place'},
    });
  });
});
