import {describe, expect, test} from 'vitest';
import {locateJsonSyntaxError} from '../../../source/domain/profile-schema/json-file.js';

describe('strict JSON files', () => {
  test.each([
    ['{"a": 1', {line: 1, column: 8}],
    ['{\n  "a": [1,\n', {line: 3, column: 1}],
    ['', {line: 1, column: 1}],
    ['{"a": 1}', undefined],
  ])('locateJsonSyntaxError(%j)', (text, expected) => {
    const located = locateJsonSyntaxError(text);
    if (expected === undefined) expect(located).toBeUndefined();
    else expect(located).toMatchObject(expected);
  });
});
