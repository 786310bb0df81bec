import {describe, expect, it} from 'vitest';
import {cli, world} from './deploy-world.js';

const D150 = 'sha256:0000000000000000000000000000000000000000000000000000000000000150';
const MOVED = 'sha256:1111111111111111111111111111111111111111111111111111111111111151';

/** Pin by digest: deploy --pin-digest records tag@digest; a re-run deploys the same bytes; the diff says when the tag moved. */
describe('--pin-digest', () => {
  it('deploys tag@digest, keeps it as the profile tag (same container name), and a re-run after the tag moved changes nothing', async () => {
    const w = await world({seed: false});
    const deployed = await cli(['deploy', 'web-api', '--env', 'staging', '--yes', '--tag', '1.5.0', '--pin-digest'], w);
    expect(deployed.err).toBe('');
    expect(deployed.code).toBe(0);
    expect(deployed.out).toContain(`  image    registry.example.com:5000/team/web-api:1.5.0@${D150}\n`);
    const profile = (await w.store.get('web-api'))!;
    expect(profile.service.artifact.tag).toBe(`1.5.0@${D150}`);
    expect(profile.runs.at(-1)).toMatchObject({tag: `1.5.0@${D150}`, digest: D150, outcome: 'deployed'});
    const rendered = await cli(['render', 'web-api', '--env', 'staging'], w);
    const container = (JSON.parse(rendered.out) as {taskDefinition: {containerDefinitions: Array<{name: string; image: string}>}}).taskDefinition
      .containerDefinitions[0]!;
    expect(container).toMatchObject({name: 'team_web-api_1_5_0', image: `registry.example.com:5000/team/web-api:1.5.0@${D150}`});

    // The tag moves on in the registry; the old bytes are still there.
    w.state.tags.set('1.5.0', {status: 'exists', digest: MOVED});
    w.state.digests.add(D150);
    const diff = await cli(['diff', 'web-api', '--env', 'staging', '--exit-code'], w);
    expect(diff.code).toBe(0);
    expect(diff.out).toContain('Plan: no changes');
    expect(diff.out).toContain(
      'pinned: 1.5.0@sha256:000000000000… — the tag 1.5.0 moved to sha256:111111111111…; this deploy keeps the pinned bytes (ecs-wizard deploy web-api --tag 1.5.0 --pin-digest takes the new ones)',
    );
    const json = JSON.parse((await cli(['diff', 'web-api', '--env', 'staging', '--json'], w)).out) as {pinned: unknown; action: string};
    expect(json).toMatchObject({action: 'none', pinned: {status: 'moved', name: '1.5.0', pinned: D150, now: MOVED}});

    // Taking the new bytes is a visible image change.
    const repin = await cli(['diff', 'web-api', '--env', 'staging', '--pin-digest', '--exit-code'], w);
    expect(repin.code).toBe(1);
    expect(repin.out).toContain(`  image    registry.example.com:5000/team/web-api:1.5.0@${MOVED}\n`);
    expect(repin.out).toMatch(
      /~ containerDefinitions\[team_web-api_1_5_0\]\.image\n +- "registry\.example\.com:5000\/team\/web-api:1\.5\.0@sha256:0{20}.*\n +\+ "registry\.example\.com:5000\/team\/web-api:1\.5\.0@sha256:1{20}/,
    );

    // A re-run without --pin-digest deploys the pinned bytes: nothing to do.
    const rerun = await cli(['deploy', 'web-api', '--env', 'staging', '--yes'], w);
    expect(rerun.code).toBe(0);
    expect(rerun.out).toContain('no changes: service web-api already runs web-api:1');
  });

  it('a tag the registry does not have: exit 2, nothing deployed; the registry unreachable: exit 1', async () => {
    const w = await world();
    const missing = await cli(['deploy', 'web-api', '--env', 'staging', '--yes', '--tag', '9.9.9', '--pin-digest'], w);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('cannot pin tag 9.9.9: it is not in team/web-api');
    w.state.tags.set('1.5.0', {status: 'unknown', kind: 'unreachable', reason: 'cannot reach registry.example.com:5000 (ECONNREFUSED)'});
    const offline = await cli(['deploy', 'web-api', '--env', 'staging', '--yes', '--tag', '1.5.0', '--pin-digest'], w);
    expect(offline.code).toBe(1);
    expect(offline.err).toContain('cannot pin tag 1.5.0: cannot reach registry.example.com:5000 (ECONNREFUSED)');
    expect(w.ecs.recorded).toEqual([]);
    const simulated = await cli(['deploy', 'web-api', '--env', 'staging', '--yes', '--pin-digest', '--simulate'], w);
    expect(simulated.code).toBe(2);
    expect(simulated.err).toContain('--pin-digest asks the registry for the digest: not with --simulate');
  });
});
