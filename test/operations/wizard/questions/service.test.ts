import {expect, test} from 'vitest';
import {checkServiceName} from '../../../../source/operations/wizard/questions/service.js';

test.each([
  ['web-api', true],
  ['web api', false],
  ['', false],
])('service name %j → ok %s', (text, valid) => {
  expect(checkServiceName(text).ok).toBe(valid);
});
