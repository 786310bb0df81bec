import {describe, expect, it} from 'vitest';
import {SeenTasks} from '../../../source/operations/deploy/seen-tasks.js';

describe('SeenTasks', () => {
  it('returns the listed tasks not seen yet', () => {
    const seen = new SeenTasks();
    expect(seen.listed(['a', 'b'])).toEqual(['a', 'b']);
    seen.add('a');
    expect(seen.listed(['a', 'b', 'c'])).toEqual(['b', 'c']);
  });

  it('forgets a task once two listings in a row have not named it', () => {
    const seen = new SeenTasks();
    seen.listed(['a', 'b']);
    seen.add('a');
    seen.add('b');
    seen.listed(['b']);
    expect([seen.has('a'), seen.size]).toEqual([true, 2]);
    seen.listed(['b']);
    expect([seen.has('a'), seen.has('b'), seen.size]).toEqual([false, true, 1]);
  });

  it('a task missing from one listing only is still seen when listed again: reported once', () => {
    const seen = new SeenTasks();
    seen.listed(['a']);
    seen.add('a');
    seen.listed([]);
    expect(seen.listed(['a'])).toEqual([]);
  });

  it('a crash loop watched for hours: it remembers what ECS still lists, not every task it ever saw', () => {
    const seen = new SeenTasks();
    // ECS lists a stopped task for an hour: 60 listings a minute apart, one new stopped task each.
    for (let minute = 0; minute < 600; minute++) {
      const listing = Array.from({length: Math.min(minute + 1, 60)}, (_, age) => `task-${minute - age}`);
      for (const arn of seen.listed(listing)) seen.add(arn);
    }
    expect(seen.size).toBeLessThanOrEqual(61);
    expect(seen.has('task-599')).toBe(true);
    expect(seen.has('task-0')).toBe(false);
  });
});
