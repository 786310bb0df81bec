import {describe, expect, it} from 'vitest';
import {cli, world} from './deploy-world.js';

describe('ecs-wizard watch', () => {
  it('watch: re-attaches to the service and ends with its outcome', async () => {
    const w = await world();
    const {code, out} = await cli(['watch', 'web-api', '--env', 'staging'], w);
    expect(code).toBe(0);
    expect(out).toContain('watching web-api in web-staging (us-east-1) for web-api:1');
  });
});
