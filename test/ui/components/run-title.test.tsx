import React from 'react';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, expect, test} from 'vitest';
import {RunTitle} from '../../../source/ui/components/run-title.js';

afterEach(() => cleanup());

test('a real run: the program and the title only, then a blank line', () => {
  const {lastFrame} = render(<RunTitle title="deploy web → dev" />);
  expect(lastFrame()).toBe('ecs-wizard · deploy web → dev\n');
});

test('a simulated run says so, with the scenario, and the speed only when it is not 1', () => {
  const slow = render(<RunTitle title="deploy web → dev" simulation={{scenario: 'crash-loop', speed: 1}} />);
  expect(slow.lastFrame()).toBe('ecs-wizard · deploy web → dev\n SIMULATED · scenario crash-loop · no AWS account, nothing is changed in AWS\n');
  const fast = render(<RunTitle title="deploy web → dev" simulation={{scenario: 'success', speed: 8}} />);
  expect(fast.lastFrame()).toBe('ecs-wizard · deploy web → dev\n SIMULATED · scenario success · 8× speed · no AWS account, nothing is changed in AWS\n');
});
