import {describe, expect, it} from 'vitest';
import {BoundedTextCache, boundedTextCache, keepStaticTail, STATIC_OUTPUT_KEPT, TEXT_CACHE_ENTRIES} from '../../source/ui/ink-memory.js';

describe('BoundedTextCache', () => {
  it('keeps the most recently added texts: one more drops the oldest', () => {
    const cache = new BoundedTextCache<number>(3);
    for (const [index, text] of ['a', 'b', 'c', 'd'].entries()) cache.set(text, index);
    expect([...cache]).toEqual([
      ['b', 1],
      ['c', 2],
      ['d', 3],
    ]);
    expect(cache.get('a')).toBeUndefined();
  });

  it('setting a text it holds replaces its value and drops nothing', () => {
    const cache = new BoundedTextCache<string>(2);
    cache.set('a', 'one').set('b', 'two').set('a', 'uno');
    expect([...cache]).toEqual([
      ['a', 'uno'],
      ['b', 'two'],
    ]);
  });

  it('Ink’s caches hold TEXT_CACHE_ENTRIES texts however many are drawn', () => {
    const cache = boundedTextCache<{width: number}>();
    for (let second = 0; second < 30 * 60; second++) cache.set(`watching · elapsed ${Math.floor(second / 60)}:${second % 60}`, {width: 24});
    expect(cache.size).toBe(TEXT_CACHE_ENTRIES);
    expect(cache.has('watching · elapsed 29:59')).toBe(true);
    expect(cache.has('watching · elapsed 0:0')).toBe(false);
  });
});

describe('keepStaticTail', () => {
  it('keeps everything while it fits', () => {
    expect(keepStaticTail('one\n', 'two\n', 8)).toBe('one\ntwo\n');
  });

  it('past the limit, keeps the last half of it from the start of a line', () => {
    expect(keepStaticTail('first line\nsecond\n', 'third\n', 23)).toBe('third\n');
    // The cut falls exactly at a line's start.
    expect(keepStaticTail('a long first line\nsecond\n', 'third\n', 27)).toBe('second\nthird\n');
    expect(keepStaticTail('abc\n', 'def\n', 8)).toBe('abc\ndef\n');
  });

  it('a line longer than half the limit: its last characters', () => {
    expect(keepStaticTail('', 'x'.repeat(10), 8)).toBe('xxxx');
    expect(keepStaticTail('short\n', `${'y'.repeat(9)}\n`, 12)).toBe('yyyyy\n');
    expect(keepStaticTail('abc\n', 'def\n', 7)).toBe('ef\n');
  });

  it('an hour of printed lines stays within STATIC_OUTPUT_KEPT and ends with the latest line', () => {
    let kept = '';
    for (let line = 0; line < 20_000; line++)
      kept = keepStaticTail(kept, `+${line}s · (service big) has started 1 tasks: (task ${line.toString(16).padStart(32, '0')}).\n`);
    expect(kept.length).toBeLessThanOrEqual(STATIC_OUTPUT_KEPT);
    expect(kept.length).toBeGreaterThan(STATIC_OUTPUT_KEPT / 2 - 200);
    expect(kept.startsWith('+')).toBe(true);
    expect(kept.endsWith(`(task ${(19_999).toString(16).padStart(32, '0')}).\n`)).toBe(true);
  });
});
