import React from 'react';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {MemoryProfileStore} from '../../../source/adapters/memory-profile-store.js';
import {RegistryError} from '../../../source/ports/registry.js';
import {App} from '../../../source/ui/app.js';
import {initialRunState, pinChoice, runReducer, tagItems} from '../../../source/ui/screens/run-profile.js';
import {FakeClock} from '../../helpers/fake-clock.js';
import {testRoot} from '../../helpers/fake-root.js';
import {press, type, waitForFrame} from '../../helpers/ink.js';
import {ec2FormProfile, fargateJsonProfile} from '../../helpers/profile-fixtures.js';
import {fakeCheckPorts, healthyCheckState} from '../../operations/deploy/fakes.js';

afterEach(() => cleanup());

describe('run a saved profile: the flow reducer', () => {
  it('skips the environment question when there is one, and goes back step by step', () => {
    let state = runReducer(initialRunState, {type: 'profile', name: 'nginx-ec2', environments: ['dev']});
    expect(state).toMatchObject({step: 'tag', profile: 'nginx-ec2', environment: 'dev', singleEnvironment: true});
    state = runReducer(state, {type: 'tag', tag: '1.27'});
    state = runReducer(state, {type: 'target', target: {kind: 'simulate', scenario: 'success'}});
    expect(state).toMatchObject({step: 'deploy', run: 1});
    state = runReducer(runReducer(runReducer(state, {type: 'back'}), {type: 'back'}), {type: 'back'});
    expect(state.step).toBe('profile');
  });

  it('a registry that cannot list tags turns the question into a typed one', () => {
    let state = runReducer(initialRunState, {type: 'profile', name: 'web-api', environments: ['staging', 'production']});
    expect(state.step).toBe('environment');
    state = runReducer(state, {type: 'environment', name: 'staging'});
    state = runReducer(state, {type: 'tags', tags: {status: 'unavailable', reason: 'cannot reach the registry'}});
    expect(state.typing).toBe(true);
  });

  it('lists the current tag first, then the newest', () => {
    const items = tagItems(
      '1.4.2',
      [
        {tag: '1.5.0', pushedAt: '2026-01-10T00:00:00Z', digest: `sha256:${'c'.repeat(64)}`, platforms: ['linux/amd64', 'linux/arm64']},
        {tag: '1.4.2'},
        {tag: '1.3.0', pushedAt: '2025-12-01T00:00:00Z'},
      ],
      true,
      Date.parse('2026-01-13T00:00:00Z'),
    );
    expect(items.map((item) => item.label)).toEqual([
      '1.4.2  (current)',
      '1.5.0  (2026-01-10 · 3 days ago · sha256:cccccccccccc · linux/amd64, linux/arm64)',
      '1.3.0  (2025-12-01 · 43 days ago)',
      'Type another tag…',
    ]);
  });
});

describe('run a saved profile: p pins the highlighted tag', () => {
  it('to the digest the listing read; nothing to pin without one, for "Type another tag…", or for a tag pinned already', () => {
    const digest = `sha256:${'c'.repeat(64)}`;
    const tags = [{tag: '1.5.0', digest}, {tag: '1.3.0'}, {tag: `1.2.0@${digest}`, digest}];
    expect(pinChoice('1.5.0', tags)).toEqual({reference: `1.5.0@${digest}`, tag: tags[0]});
    expect(pinChoice('1.3.0', tags)).toBeUndefined();
    expect(pinChoice('\u0000type', tags)).toBeUndefined();
    expect(pinChoice(`1.2.0@${digest}`, tags)).toBeUndefined();
    expect(pinChoice(undefined, tags)).toBeUndefined();
  });
});

describe('home → run a saved profile', () => {
  it('profile → environment → tag from the registry → simulate → plan and confirm → the rollout → back home', async () => {
    const clock = new FakeClock();
    const store = new MemoryProfileStore([ec2FormProfile(), fargateJsonProfile({runs: []})]);
    const root = testRoot({store, clock, checks: fakeCheckPorts(healthyCheckState())});
    const app = render(<App root={root} initial={{name: 'home'}} />);
    await waitForFrame(app, '2 saved profiles');
    // Down to the entry, wherever the menu puts it.
    for (let i = 0; i < 8 && !(app.lastFrame() ?? '').includes('❯ Run a saved profile'); i++) {
      await press(app, 'down');
      await waitForFrame(app, /❯ /);
    }
    expect(app.lastFrame()).toContain('❯ Run a saved profile');
    await press(app, 'enter');
    await waitForFrame(app, 'Which profile?');
    await press(app, 'down');
    await waitForFrame(app, '❯ web-api');
    await press(app, 'enter');
    await waitForFrame(app, 'Which environment?');
    await press(app, 'enter');
    let frame = await waitForFrame(app, 'Which tag of registry.example.com:5000/team/web-api?');
    expect(frame).toContain('Profile: web-api');
    expect(frame).toContain('Environment: staging (us-east-1, cluster web-staging)');
    expect(frame).toContain('❯ 1.4.2  (current)');
    expect(frame).toContain('1.5.0');
    await press(app, 'down');
    await waitForFrame(app, '❯ 1.5.0');
    await press(app, 'enter');
    frame = await waitForFrame(app, 'Where?');
    expect(frame).toContain('Tag: 1.5.0');
    expect(frame).toContain('AWS (us-east-1) — deploy for real');
    await press(app, 'down');
    await waitForFrame(app, '❯ Simulate: success');
    await press(app, 'enter');
    frame = await waitForFrame(app, 'Deploy web-api to staging? (y/n)');
    expect(frame).toContain('SIMULATED · scenario success');
    // The simulator runs the profile's service already (revision 1): a deploy updates it.
    expect(frame).toContain('will     register web-api:2, update service web-api (update in place)');
    expect(frame).toContain('Plan: update in place');
    await press(app, 'y');
    await waitForFrame(app, 'r roll back now');
    await clock.runUntil(() => (app.lastFrame() ?? '').includes('Deployed (simulated)'));
    frame = await waitForFrame(app, 'esc back to the home screen', {changed: false});
    expect(frame).toContain('✓ deployed (simulated)');
    expect((await store.get('web-api'))!.runs.at(-1)).toMatchObject({outcome: 'deployed', tag: '1.5.0', simulated: true});
    await press(app, 'esc');
    expect(await waitForFrame(app, '· home ·')).toContain('❯ Run a saved profile');
  });

  it('when the registry cannot list tags, says why and takes a typed tag', async () => {
    const clock = new FakeClock();
    const store = new MemoryProfileStore([ec2FormProfile()]);
    const checks = fakeCheckPorts(healthyCheckState());
    checks.registry.datedTags = async () => {
      throw new RegistryError('cannot reach registry-1.docker.io (ENOTFOUND)', 'unreachable');
    };
    const root = testRoot({store, clock, checks});
    const app = render(<App root={root} initial={{name: 'run-profile'}} />);
    await waitForFrame(app, 'Which profile?');
    await press(app, 'enter');
    const frame = await waitForFrame(app, 'Could not list the tags');
    expect(frame.replace(/\n/g, ' ')).toContain(
      'Could not list the tags of registry.hub.docker.com/library/nginx: cannot reach registry-1.docker.io (ENOTFOUND). Type the tag.',
    );
    expect(frame).toContain('Tag of registry.hub.docker.com/library/nginx: stable-perl');
    for (let i = 0; i < 'stable-perl'.length; i++) await press(app, 'backspace');
    await type(app, '1.27');
    await press(app, 'enter');
    expect(await waitForFrame(app, 'Where?')).toContain('Tag: 1.27');
  });

  it('Ctrl-C during the rollout detaches (the run is recorded) instead of quitting the program', async () => {
    const clock = new FakeClock();
    const store = new MemoryProfileStore([fargateJsonProfile({runs: []})]);
    const root = testRoot({store, clock, checks: fakeCheckPorts(healthyCheckState())});
    const quit = {called: 0};
    const app = render(<App root={root} initial={{name: 'run-profile'}} onQuit={() => (quit.called += 1)} />);
    await waitForFrame(app, 'Which profile?');
    await press(app, 'enter');
    await waitForFrame(app, 'Which environment?');
    await press(app, 'enter');
    await waitForFrame(app, '❯ 1.4.2  (current)');
    await press(app, 'enter');
    await waitForFrame(app, 'Where?');
    await press(app, 'down');
    await waitForFrame(app, '❯ Simulate: success');
    await press(app, 'enter');
    await waitForFrame(app, 'Deploy web-api to staging? (y/n)');
    await press(app, 'y');
    await waitForFrame(app, 'r roll back now');
    await press(app, 'ctrl-c');
    await clock.runUntil(() => /detached/i.test(app.lastFrame() ?? ''));
    await waitForFrame(app, /detached/i, {changed: false});
    expect(quit.called).toBe(0);
    expect((await store.get('web-api'))!.runs.at(-1)).toMatchObject({outcome: 'detached', simulated: true});
  });
});
