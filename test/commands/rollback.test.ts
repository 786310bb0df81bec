import {describe, expect, it} from 'vitest';
import {cli, world} from './deploy-world.js';

describe('ecs-wizard rollback', () => {
  it('rollback --yes goes back to the revision before and watches it (exit 0)', async () => {
    const w = await world();
    expect((await cli(['deploy', 'web-api', '--env', 'staging', '--yes', '--tag', '1.5.0'], w)).code).toBe(0);
    const {code, out} = await cli(['rollback', 'web-api', '--env', 'staging', '--yes'], w);
    expect(code).toBe(0);
    expect(out).toContain('plan: done — roll back web-api: web-api:2 → web-api:1, the revision before the running one');
    expect((await cli(['rollback', 'web-api', '--env', 'staging'], w)).err).toContain("not rolling back 'web-api' in 'staging' without --yes");
  });
});
