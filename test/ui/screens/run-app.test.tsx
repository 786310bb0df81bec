import React from 'react';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {MemoryProfileStore} from '../../../source/adapters/memory-profile-store.js';
import {App} from '../../../source/ui/app.js';
import {applicationsOf} from '../../../source/ui/screens/run-app.js';
import {FakeClock} from '../../helpers/fake-clock.js';
import {testRoot} from '../../helpers/fake-root.js';
import {press, waitForFrame} from '../../helpers/ink.js';
import {shopProfile} from '../../helpers/app-fixtures.js';
import {ec2FormProfile} from '../../helpers/profile-fixtures.js';

afterEach(() => cleanup());

const shop = () => [shopProfile('db'), shopProfile('api', ['db']), shopProfile('web', ['api'])];

describe('home → deploy a whole application', () => {
  it('the applications of the saved profiles, with their environments and services', () => {
    const apps = applicationsOf([...shop(), ec2FormProfile()]);
    expect([...apps.keys()]).toEqual(['ECS Demo Application', 'shop']);
    expect([...apps.get('shop')!]).toEqual([['dev', ['db', 'api', 'web']]]);
  });

  it('application → environment → simulator → one plan and one question → the table → back home', async () => {
    const clock = new FakeClock();
    const store = new MemoryProfileStore(shop());
    const app = render(<App root={testRoot({store, clock})} initial={{name: 'home'}} />);
    await waitForFrame(app, '3 saved profiles');
    for (let i = 0; i < 8 && !(app.lastFrame() ?? '').includes('❯ Deploy a whole application'); i++) {
      await press(app, 'down');
      await waitForFrame(app, /❯ /);
    }
    await press(app, 'enter');
    await waitForFrame(app, 'Which application?');
    expect(app.lastFrame()).toContain('shop  (3 services; dev)');
    await press(app, 'enter');
    expect(await waitForFrame(app, 'Which environment of shop?')).toContain('dev  (api, db, web)');
    await press(app, 'enter');
    await waitForFrame(app, 'Deploy to AWS, or simulate it?');
    await press(app, 'down');
    await waitForFrame(app, '❯ Simulator: every service succeeds');
    await press(app, 'enter');
    let frame = await waitForFrame(app, 'Deploy 3 services of shop to dev? (y/n)');
    expect(frame).toContain('SIMULATED · scenario success');
    expect(frame).toContain('shop-web → dev');
    await press(app, 'y');
    await clock.runUntil(() => (app.lastFrame() ?? '').includes('3 of 3 services deployed'));
    frame = await waitForFrame(app, 'esc back to the home screen', {changed: false});
    expect(frame).toMatch(/db\s+deployed\s+db:2/);
    expect(frame).toMatch(/web\s+deployed\s+web:2/);
    for (const name of ['shop-db', 'shop-api', 'shop-web']) expect((await store.get(name))!.runs.at(-1)).toMatchObject({outcome: 'deployed', simulated: true});
    await press(app, 'esc');
    expect(await waitForFrame(app, '· home ·')).toContain('❯ Deploy a whole application');
  });
});
