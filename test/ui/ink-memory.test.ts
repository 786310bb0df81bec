import {describe, expect, it} from 'vitest';
import {FrameTextCache, frameTextCache, keepStaticTail, nextTextFrame, STATIC_OUTPUT_KEPT} from '../../source/ui/ink-memory.js';

describe('FrameTextCache', () => {
  it('keeps the texts of the last two frames: one not used during a whole frame is forgotten', () => {
    const cache = new FrameTextCache<number>();
    cache.set('title', 1).set('elapsed 0:01', 2);
    cache.nextFrame();
    // The next frame draws the title again and a new elapsed time.
    expect(cache.get('title')).toBe(1);
    cache.set('elapsed 0:02', 3);
    expect(cache.get('elapsed 0:01')).toBe(2);
    cache.nextFrame();
    cache.nextFrame();
    expect([cache.get('title'), cache.get('elapsed 0:01'), cache.get('elapsed 0:02')]).toEqual([undefined, undefined, undefined]);
  });

  it('a text looked up is kept into the next frame', () => {
    const cache = new FrameTextCache<string>();
    cache.set('a', 'A');
    for (let frame = 0; frame < 10; frame++) {
      cache.nextFrame();
      expect(cache.get('a')).toBe('A');
    }
    expect(cache.size).toBe(1);
  });

  it('a frame that adds more than its limit starts a new frame by itself', () => {
    const cache = new FrameTextCache<number>(3);
    for (const [index, text] of ['a', 'b', 'c', 'd', 'e', 'f', 'g'].entries()) cache.set(text, index);
    expect(cache.size).toBeLessThanOrEqual(6);
    expect(cache.get('g')).toBe(6);
    expect(cache.get('a')).toBeUndefined();
  });

  it('a screen that draws a new elapsed time each second for 30 minutes holds one frame’s texts', () => {
    const measure = frameTextCache<{width: number}>();
    const wrap = frameTextCache<string>();
    for (let second = 0; second < 30 * 60; second++) {
      nextTextFrame();
      for (const text of ['ecs-wizard · deploy', 'big → dev', `watching · elapsed ${Math.floor(second / 60)}:${second % 60}`]) {
        if (measure.get(text) === undefined) measure.set(text, {width: text.length});
        if (wrap.get(`${text}100wrap`) === undefined) wrap.set(`${text}100wrap`, text);
      }
    }
    expect([measure.size, wrap.size]).toEqual([4, 4]);
    expect(measure.get('watching · elapsed 29:59')).toEqual({width: 24});
    expect(measure.get('watching · elapsed 0:0')).toBeUndefined();
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
