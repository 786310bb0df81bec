import {expect, test} from 'vitest';
import {worstExitCode} from '../../../source/domain/deploy/app-events.js';

test.each([
  [[0, 0, 0], 0],
  [[0, 3, 0], 3],
  [[3, 1], 1],
  [[4, 3], 3],
  [[5, 4], 4],
  [[2, 5], 2],
  [[0, 5], 5],
  [[], 0],
])('the worst of %j is %i (failed, then rolled back, timed out, refused, detached, success)', (codes, worst) => {
  expect(worstExitCode(codes)).toBe(worst);
});
