import {describe, expect, test} from 'vitest';
import {scaleClock} from '../../../source/adapters/simulator/scaled-clock.js';
import {FakeClock} from '../../helpers/fake-clock.js';

describe('scaleClock', () => {
  test('runs time N times faster, sleeps N times shorter', async () => {
    const base = new FakeClock();
    const fast = scaleClock(base, 10);
    const start = fast.now();
    let woke = false;
    void fast.sleep(10_000).then(() => {
      woke = true;
    });
    await base.advance(999);
    expect(woke).toBe(false);
    await base.advance(1);
    expect(woke).toBe(true);
    expect(fast.now() - start).toBe(10_000);
    expect(scaleClock(base, 1)).toBe(base);
  });
});
