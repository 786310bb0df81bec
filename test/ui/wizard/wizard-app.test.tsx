import React from 'react';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, test} from 'vitest';
import {MemoryProfileStore} from '../../../source/adapters/memory-profile-store.js';
import {App} from '../../../source/ui/app.js';
import {testRoot} from '../../helpers/fake-root.js';
import {press, recorder, waitForFrame} from '../../helpers/ink.js';
import {fixtureProfiles} from '../../helpers/profile-fixtures.js';

afterEach(() => cleanup());

describe('"New setup" on the home screen', () => {
  test('opens the wizard with the saved applications; Esc before any answer comes back home', async () => {
    const store = new MemoryProfileStore(fixtureProfiles());
    const app = render(<App root={testRoot({store, awsContext: {region: 'us-east-1'}})} initial={{name: 'home'}} />);
    let frame = await waitForFrame(app, '❯ New setup');
    expect(frame).toContain('the guided setup: application → image → container → service → environment → review → saved profile');
    await press(app, 'enter');
    frame = await waitForFrame(app, '? Application');
    expect(frame).toContain('ecs-wizard · new setup · 1/10 Application');
    // q is a letter here, not "quit": it filters the list.
    await press(app, 'q');
    await waitForFrame(app, '❯ Use “q”');
    await press(app, 'backspace');
    await press(app, 'esc');
    await waitForFrame(app, '❯ New setup');
  });

  test('Ctrl-C in a half-done setup asks first instead of quitting', async () => {
    const quit = recorder();
    const app = render(<App root={testRoot({awsContext: {region: 'us-east-1'}})} initial={{name: 'wizard'}} onQuit={quit} />);
    await waitForFrame(app, '? Application');
    await press(app, 'My App');
    await press(app, 'enter');
    await waitForFrame(app, '? Service name');
    await press(app, 'ctrl-c');
    await waitForFrame(app, '? Leave the setup? Your answers are not saved yet.');
    expect(quit.calls).toHaveLength(0);
    await press(app, 'down');
    await press(app, 'down');
    await waitForFrame(app, '❯ Keep going');
    await press(app, 'enter');
    await waitForFrame(app, '? Service name');
    await press(app, 'ctrl-c');
    await waitForFrame(app, '❯ Save a draft and quit');
    await press(app, 'down');
    await waitForFrame(app, '❯ Quit without saving');
    await press(app, 'enter');
    await quit.called();
    expect(quit.calls).toHaveLength(1);
  });
});
