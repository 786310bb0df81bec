import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {wrapText} from '../../../source/ui/components/wrap.js';

describe('wrapText', () => {
  test.each<[string, string, number, string, string[]]>([
    ['fits: one row', 'web-api', 20, '', ['web-api']],
    ['words stay whole', 'hello world again', 11, '', ['hello world', 'again']],
    [
      'a hanging indent under the text after the mark',
      '⚠ cannot reach AWS at http://127.0.0.1:9',
      20,
      '  ',
      ['⚠ cannot reach AWS', '  at', '  http://127.0.0.1:9'],
    ],
    ['a word longer than a row is cut', 'abcdefghij', 4, '', ['abcd', 'efgh', 'ij']],
    ['a long word after text goes on its own rows', 'see arn:aws:iam::1:role/x', 10, '  ', ['see', '  arn:aws:', '  iam::1:r', '  ole/x']],
    ['an empty line is one empty row', '', 10, '', ['']],
  ])('%s', (_name, text, width, indent, rows) => {
    expect(wrapText(text, width, indent)).toEqual(rows);
  });

  test('property: no row is wider than the width, and the words come back in order', () => {
    const word = fc.stringMatching(/^[a-z:/.-]{1,30}$/);
    fc.assert(
      fc.property(fc.array(word, {minLength: 1, maxLength: 20}), fc.integer({min: 3, max: 40}), (words, width) => {
        const rows = wrapText(words.join(' '), width, '  ');
        for (const row of rows) expect(Array.from(row).length).toBeLessThanOrEqual(width);
        const joined = rows.map((row, index) => (index === 0 ? row : row.slice(2))).join('');
        expect(joined.replaceAll(' ', '')).toBe(words.join(''));
      }),
    );
  });
});
