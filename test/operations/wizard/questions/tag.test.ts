import {expect, test} from 'vitest';
import {checkTag} from '../../../../source/operations/wizard/questions/tag.js';

test('tags', () => {
  expect(checkTag('-bad')).toMatchObject({ok: false});
  expect(checkTag('1.4.2')).toEqual({ok: true, value: '1.4.2'});
});
