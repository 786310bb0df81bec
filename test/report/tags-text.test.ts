import {describe, expect, test} from 'vitest';
import {tagsJson, tagsTable} from '../../source/report/tags-text.js';
import {createStyle} from '../../source/report/style.js';

describe('tags as text', () => {
  const now = Date.parse('2026-12-06T12:00:00Z');
  test('--json: created and digest are null and platforms [] when the registry does not say', () => {
    expect(JSON.parse(tagsJson([{tag: 'edge'}]))).toEqual([{tag: 'edge', created: null, digest: null, platforms: []}]);
  });

  test("the table: '-' for what is not known; text from the registry is cleaned; the v2 cap is said", () => {
    const text = tagsTable(
      [{tag: '1.0\u001B[31m', pushedAt: '2026-12-06T11:00:00.000Z', digest: `sha256:${'a'.repeat(64)}`, platforms: ['linux/amd64']}, {tag: 'edge'}],
      {now, style: createStyle(false), what: 'localhost:5000/team/web', truncated: 3},
    );
    expect(text).toBe(
      [
        'TAG   CREATED                       DIGEST               PLATFORMS',
        '1.0   2026-12-06 11:00  1 hour ago  sha256:aaaaaaaaaaaa  linux/amd64',
        'edge  -                             -                    -',
        '… and 3 more not read (a v2 registry is ordered by reading each tag; the newest names were read first)',
        '',
      ].join('\n'),
    );
    expect(tagsTable([], {now, style: createStyle(false), what: 'localhost:5000/team/web'})).toBe('No tags in localhost:5000/team/web.\n');
  });
});
