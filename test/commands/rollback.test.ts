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

  it('with no earlier revision, rollback is refused before anything changes: exit 2, never "deployment failed"', async () => {
    const w = await world();
    const {code, out, err} = await cli(['rollback', 'web-api', '--env', 'staging', '--yes'], w);
    expect(code).toBe(2);
    const shown = out + err;
    expect(shown).toContain('not started, nothing was changed: no earlier revision of web-api to roll back to');
    expect(shown).not.toContain('deployment failed');
    expect(w.ecs.recorded.map((call) => call.method)).not.toContain('updateService');
  });

  it('--json with no earlier revision: outcome not-started (never "failed"), exit 2, as the plain lines say', async () => {
    const w = await world();
    const {code, out} = await cli(['rollback', 'web-api', '--env', 'staging', '--yes', '--json'], w);
    expect(code).toBe(2);
    const lines = out
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as {type: string; outcome?: string; exitCode?: number; reason?: string});
    const done = lines.find((line) => line.type === 'done');
    const summary = lines.at(-1)!;
    expect(done).toMatchObject({outcome: 'not-started', exitCode: 2, reason: 'no earlier revision of web-api to roll back to (the service runs web-api:1)'});
    expect(summary).toMatchObject({type: 'summary', outcome: 'not-started', exitCode: 2});
    expect(out).not.toContain('"outcome":"failed"');
    // Nothing was run, so nothing is recorded.
    expect((await cli(['profiles', 'show', 'web-api', '--json'], w)).out).not.toContain('"outcome"');
  });
});
