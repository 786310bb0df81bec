import {describe, expect, test} from 'vitest';
import type {ArtifactSource} from '../../../source/domain/model.js';
import {movedTag, movementLine, pinTag, splitPinned} from '../../../source/operations/deploy/pin-digest.js';
import {fakeCheckPorts, healthyCheckState} from './fakes.js';

const artifact: ArtifactSource = {registry: 'registry', host: 'registry.example.com:5000', image: 'team/web-api'};
const D142 = 'sha256:4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945';
const OLD = `sha256:${'9'.repeat(64)}`;

describe('pin by digest', () => {
  test('splitPinned', () => {
    expect(splitPinned('1.4')).toEqual({name: '1.4'});
    expect(splitPinned(`1.4@${OLD}`)).toEqual({name: '1.4', digest: OLD});
    expect(splitPinned(OLD)).toEqual({digest: OLD});
  });

  test('pinTag: the digest the tag points to now; a pinned tag is pinned again to where its name points; a digest stays', async () => {
    const {registry} = fakeCheckPorts(healthyCheckState());
    expect(await pinTag(registry, artifact, '1.4.2')).toBe(`1.4.2@${D142}`);
    expect(await pinTag(registry, artifact, `1.4.2@${OLD}`)).toBe(`1.4.2@${D142}`);
    expect(await pinTag(registry, artifact, OLD)).toBe(OLD);
    await expect(pinTag(registry, artifact, 'nope')).rejects.toMatchObject({name: 'InputError', message: 'cannot pin tag nope: it is not in team/web-api'});
  });

  test('movedTag: same, moved, gone, unknown — and nothing for a tag that is not pinned', async () => {
    const state = healthyCheckState();
    const {registry} = fakeCheckPorts(state);
    expect(await movedTag(registry, artifact, '1.4.2')).toBeUndefined();
    expect(await movedTag(registry, artifact, `1.4.2@${D142}`)).toEqual({status: 'same', name: '1.4.2', digest: D142});
    expect(await movedTag(registry, artifact, `1.4.2@${OLD}`)).toEqual({status: 'moved', name: '1.4.2', pinned: OLD, now: D142});
    expect(await movedTag(registry, artifact, `0.9@${OLD}`)).toEqual({status: 'gone', name: '0.9', pinned: OLD});
    state.tags.set('1.4.2', {status: 'unknown', kind: 'unreachable', reason: 'cannot reach registry.example.com:5000 (ECONNREFUSED)'});
    const unknown = await movedTag(registry, artifact, `1.4.2@${OLD}`);
    expect(unknown).toEqual({status: 'unknown', name: '1.4.2', pinned: OLD, reason: 'cannot reach registry.example.com:5000 (ECONNREFUSED)'});
    expect(movementLine(unknown!, 'web')).toBe(
      'pinned: 1.4.2@sha256:999999999999… (could not check where 1.4.2 points now: cannot reach registry.example.com:5000 (ECONNREFUSED))',
    );
  });
});
