import React from 'react';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, expect, test} from 'vitest';
import {CopilotImport} from '../../../source/ui/screens/copilot-import.js';
import {press, recorder, waitForFrame} from '../../helpers/ink.js';

afterEach(() => cleanup());

const LINES = Array.from({length: 12}, (_, index) => `line ${index + 1}`);

function mount(replaces: string[] = []) {
  const done = recorder<[boolean]>();
  const app = render(<CopilotImport lines={LINES} profiles={['shop-api', 'shop-web']} replaces={replaces} rows={5} onDone={done} />);
  return {app, done};
}

test('the report in a window of the rows given, scrolled by line and by page; y saves', async () => {
  const {app, done} = mount();
  let frame = await waitForFrame(app, 'Save 2 profiles (shop-api, shop-web)? y/n');
  expect(frame).toContain('line 5');
  expect(frame).not.toContain('line 6');
  expect(frame).toContain('lines 1–5 of 12');
  await press(app, 'down');
  frame = await waitForFrame(app, 'lines 2–6 of 12');
  expect(frame).not.toMatch(/line 1\n/);
  await press(app, 'pagedown');
  await waitForFrame(app, 'lines 7–11 of 12');
  await press(app, 'G');
  frame = await waitForFrame(app, 'lines 8–12 of 12');
  expect(frame).toContain('line 12');
  await press(app, 'y');
  await done.called();
  expect(done.calls).toEqual([[true]]);
});

test('the question names the profiles it replaces; n and esc save nothing', async () => {
  const {app, done} = mount(['shop-api']);
  await waitForFrame(app, 'Save 2 profiles (shop-api, shop-web), replacing shop-api (their run history is kept)? y/n');
  await press(app, 'n');
  await done.called();
  expect(done.calls).toEqual([[false]]);
  cleanup();
  const second = mount();
  await waitForFrame(second.app, 'y/n');
  await press(second.app, 'esc');
  await second.done.called();
  expect(second.done.calls).toEqual([[false]]);
});
