import React from 'react';
import {afterEach, describe, expect, test} from 'vitest';
import {MemoryProfileStore} from '../../source/adapters/memory-profile-store.js';
import {ec2FormProfile, fargateJsonProfile} from '../helpers/profile-fixtures.js';
import type {JsonObject} from '../../source/domain/json.js';
import {App} from '../../source/ui/app.js';
import type {Screen} from '../../source/ui/navigation.js';
import {testRoot} from '../helpers/fake-root.js';
import {press, waitForFrame} from '../helpers/ink.js';
import {PagingEcs, seedTaskDefinition} from '../helpers/paging-ecs.js';
import {cleanupSized, expectFits, golden, renderSized, SIZES, sizeName, type ScreenSize} from '../helpers/screen-size.js';

/**
 * The app's screens on a small (80×24) and a roomy (120×40) terminal, as golden frames: each fits, with the
 * footer naming the keys on its last line.
 */
afterEach(() => cleanupSized());

function start(size: ScreenSize, initial: Screen, ecs = new PagingEcs(), store = new MemoryProfileStore()) {
  const root = testRoot({store, awsContext: {region: 'us-east-1', profile: 'team-dev'}, ecs: () => ecs});
  return renderSized(<App root={root} initial={initial} />, size);
}

/** The frame fits, ends with the footer, and matches its golden file. */
function check(frame: string, size: ScreenSize, footer: RegExp, name: string): void {
  expectFits(frame, size);
  expect(frame.split('\n').at(-1)).toMatch(footer);
  golden(import.meta.dirname, `${name}.${sizeName(size)}.txt`, frame);
}

describe('the app at 80×24 and 120×40', () => {
  test('home: the description of the highlighted entry has its rows above the footer', async () => {
    for (const size of SIZES) {
      const app = start(size, {name: 'home'});
      const frame = await waitForFrame(app, 'No saved profiles yet.');
      check(frame, size, /q quit$/, 'home');
      // A blank row between the description and the footer, however many rows the description takes.
      expect(frame.split('\n').at(-2)).toBe('');
    }
  });

  test('home with applications: the tree (applications → services → environments) within its rows; the menu and footer stay', async () => {
    const profiles = ['web', 'api', 'worker', 'cart', 'search'].map((name) => fargateJsonProfile({name, application: 'shop'}));
    profiles.push(ec2FormProfile({name: 'blog', application: 'Blog'}));
    for (const size of SIZES) {
      const app = start(size, {name: 'home'}, new PagingEcs(), new MemoryProfileStore(profiles));
      const frame = await waitForFrame(app, '6 saved profiles, in 2 applications.');
      check(frame, size, /q quit$/, 'home-applications');
      expect(frame).toContain('▸ Blog · 1 service · dev');
      expect(frame).toContain('❯ New setup');
    }
  });

  test('a task definition: the JSON preview gives up rows to the wrapped summary, so the keys stay on screen', async () => {
    for (const size of SIZES) {
      const ecs = new PagingEcs();
      // Five containers (the service, a log router, a web proxy, a mesh proxy, a metrics agent): the one-line summary wraps to
      // many rows on a small terminal.
      const task = seedTaskDefinition('shop-web-prod', 1, {sidecar: true});
      const containers = task.containerDefinitions as JsonObject[];
      task.containerDefinitions = [
        ...containers,
        {name: 'envoy', image: '840364872350.dkr.ecr.us-east-1.amazonaws.com/aws-appmesh-envoy:v1.29.4.0-prod', essential: true},
        {name: 'proxy', image: 'public.ecr.aws/nginx/nginx:1.25-alpine', essential: true},
        {name: 'datadog-agent', image: 'public.ecr.aws/datadog/agent:7.52.0', essential: false},
      ];
      ecs.register(task);
      const app = start(size, {name: 'browse-revision', reference: 'shop-web-prod:1'}, ecs);
      const frame = await waitForFrame(app, /lines 1–\d+ of \d+/);
      check(frame, size, /esc back {2}\? help {2}q quit$/, 'browse-revision');
      expect(frame).toContain('"family": "shop-web-prod"');
      await press(app, 'G');
      const bottom = await waitForFrame(app, /lines \d+–(\d+) of \1\n/);
      expectFits(bottom, size);
    }
  });
});
