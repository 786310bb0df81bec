/**
 * "Run a saved profile"'s tag picker against a real docker-registry on loopback: `p` deploys the highlighted tag
 * pinned to the digest it points to now — a moving name (`latest`, pushed again) shows the image it is now — and the
 * deploy screen's plan shows the image by that digest, and the run is recorded with `latest@sha256:…`, the tag
 * `deploy --pin-digest` records.
 */
import React from 'react';
import {cleanup, render} from 'ink-testing-library';
import {afterAll, afterEach, beforeAll, beforeEach, describe, expect, test} from 'vitest';
import {MemoryProfileStore} from '../../source/adapters/memory-profile-store.js';
import {createRegistryPort} from '../../source/adapters/registry/index.js';
import {App} from '../../source/ui/app.js';
import {pushImage, registryTools, startDockerRegistry, type RegistryServer} from '../helpers/docker-registry.js';
import {FakeClock} from '../helpers/fake-clock.js';
import {testRoot} from '../helpers/fake-root.js';
import {press, waitForFrame} from '../helpers/ink.js';
import {fargateJsonProfile} from '../helpers/profile-fixtures.js';
import {fakeCheckPorts, healthyCheckState} from '../operations/deploy/fakes.js';

describe('run a saved profile: p pins the highlighted tag to its digest (a real docker-registry)', () => {
  const tools = registryTools();
  let registry: RegistryServer | undefined;
  const digests = {first: '', moved: ''};
  beforeEach((context) => {
    if (tools.missing !== '') context.skip(tools.missing);
  });
  beforeAll(async () => {
    if (tools.dockerRegistry === undefined) return;
    registry = await startDockerRegistry(tools.dockerRegistry);
    digests.first = await pushImage(registry.url, 'team/web-api', ['1.4.2', 'latest'], {seed: 'first'});
    // latest moves on: it now points at other bytes than 1.4.2.
    digests.moved = await pushImage(registry.url, 'team/web-api', ['latest'], {seed: 'moved'});
  });
  afterAll(async () => registry?.stop());
  afterEach(() => cleanup());

  test('the pin line follows the highlight; p deploys latest@sha256:… (simulated), recorded so', async () => {
    expect(digests.moved).not.toBe(digests.first);
    const clock = new FakeClock();
    const profile = fargateJsonProfile({runs: []});
    profile.service.artifact = {registry: 'registry', host: registry!.host, image: 'team/web-api', tag: '1.4.2'};
    delete profile.service.registryAuth;
    profile.environments = [profile.environments[0]!];
    const store = new MemoryProfileStore([profile]);
    const checks = {...fakeCheckPorts(healthyCheckState()), registry: createRegistryPort({aws: () => Promise.reject(new Error('no AWS here'))})};
    const root = testRoot({store, clock, checks});
    const app = render(<App root={root} initial={{name: 'run-profile'}} />);
    await waitForFrame(app, 'Which profile?');
    await press(app, 'enter');
    const short = (digest: string) => digest.slice(0, 'sha256:'.length + 12);
    let frame = await waitForFrame(app, `p: 1.4.2 pinned to ${short(digests.first)}`);
    expect(frame).toContain('❯ 1.4.2  (current)');
    expect(frame).toContain('p pin to its digest');
    await press(app, 'down');
    frame = await waitForFrame(app, `p: latest pinned to ${short(digests.moved)}`);
    expect(frame).toContain('the bytes latest points to now, even if latest moves later');
    await press(app, 'p');
    frame = await waitForFrame(app, 'Where?');
    expect(frame).toContain(`Tag: latest@${digests.moved}`);
    await press(app, 'down');
    await waitForFrame(app, '❯ Simulate: success');
    await press(app, 'enter');
    frame = await waitForFrame(app, 'Deploy web-api to staging? (y/n)');
    expect(frame.replace(/\s+/g, '')).toContain(`${registry!.host}/team/web-api:latest@${digests.moved}`);
    await press(app, 'y');
    await clock.runUntil(() => (app.lastFrame() ?? '').includes('Deployed (simulated)'));
    await waitForFrame(app, 'esc back to the home screen', {changed: false});
    const saved = (await store.get('web-api'))!;
    expect(saved.runs.at(-1)).toMatchObject({outcome: 'deployed', tag: `latest@${digests.moved}`, simulated: true});
    // A simulated run leaves the profile's tag alone (a deploy to AWS makes the run's tag, pinned, the profile's).
    expect(saved.service.artifact.tag).toBe('1.4.2');
  });
});
