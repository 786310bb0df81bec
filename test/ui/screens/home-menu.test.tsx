import React from 'react';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, test} from 'vitest';
import {Home} from '../../../source/ui/screens/home.js';
import {HOME_ITEMS, HOME_READING, HOME_TAGLINE, HOME_TITLE} from '../../../source/ui/screens/home-menu.js';
import {press, waitForFrame} from '../../helpers/ink.js';

afterEach(() => cleanup());

describe('the home screen draws its words from home-menu (shared with the computed first frame)', () => {
  test('title, line, "reading" until the store answers, every entry in order, and each entry’s description as it is highlighted', async () => {
    const app = render(<Home version="1.2.3" profiles={{reload: () => undefined}} active onChoose={() => undefined} />);
    let frame = await waitForFrame(app, HOME_READING, {changed: false});
    expect(frame).toContain(`ecs-wizard · ${HOME_TITLE} · v1.2.3`);
    expect(frame).toContain(HOME_TAGLINE);
    const labels = frame.split('\n').filter((line) => HOME_ITEMS.some((item) => line.trim().replace(/^❯ /, '') === item.label));
    expect(labels.map((line) => line.trim().replace(/^❯ /, ''))).toEqual(HOME_ITEMS.map((item) => item.label));
    expect(new Set(HOME_ITEMS.map((item) => item.value)).size).toBe(HOME_ITEMS.length);
    for (const item of HOME_ITEMS.slice(1)) {
      await press(app, 'j');
      frame = await waitForFrame(app, `❯ ${item.label}`);
      if (item.description !== '') expect(frame.replace(/\s+/g, ' ')).toContain(item.description);
    }
  });
});
