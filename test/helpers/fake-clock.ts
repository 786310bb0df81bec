/**
 * A fake Clock for exact tests: time moves only when the test moves it. No real timers are used for time.
 *
 * Two ways to drive it:
 * - manual (default): `sleep()` stays pending until the test calls `advance(ms)`, `advanceToNextTimer()` or
 *   `runUntil(predicate)`; each fired sleeper gets to run (pending promise callbacks are flushed) before the next fires;
 * - `autoAdvance: true`: `sleep(ms)` moves time forward by `ms` itself and resolves at once — handy to drive one
 *   async loop (the watch) to its end: `for await (const event of watch) …` runs a 5-minute watch in milliseconds.
 *
 * `sleeps` records every requested duration (to assert back-off bounds).
 *
 *   const clock = new FakeClock();
 *   const done = collect(watchDeployment({clock, …}));
 *   await clock.runUntil(() => finished);
 */
import type {Clock} from '../../source/ports/clock.js';
import {reactIdle} from '../../source/ui/terminal-input.js';

interface Sleeper {
  due: number;
  seq: number;
  resolve: () => void;
  reject: (reason: unknown) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

export const FAKE_EPOCH = Date.UTC(2026, 0, 15, 9, 0, 0);

const abortReason = (signal: AbortSignal): unknown => signal.reason ?? new DOMException('This operation was aborted', 'AbortError');

/**
 * Lets pending work run, never waiting for time: promise callbacks (a macrotask turn), then React's effects and
 * the re-renders they cause (reactIdle; at once when no React is in use). Without the second part a screen driven
 * by the clock could see its next timer fire before the effects of the last one ran: React's scheduler yields
 * after 5 ms of work, which only a busy machine reaches.
 */
export const flushPromises = async (): Promise<void> => {
  await new Promise((resolve) => setImmediate(resolve));
  await reactIdle();
};

export class FakeClock implements Clock {
  private current: number;
  private sequence = 0;
  private readonly sleepers: Sleeper[] = [];
  readonly autoAdvance: boolean;
  /** Every duration passed to sleep(), in order. */
  readonly sleeps: number[] = [];

  constructor(options: {start?: number; autoAdvance?: boolean} = {}) {
    this.current = options.start ?? FAKE_EPOCH;
    this.autoAdvance = options.autoAdvance ?? false;
  }

  now(): number {
    return this.current;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    const duration = Math.max(0, ms);
    this.sleeps.push(duration);
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    if (this.autoAdvance) {
      this.current += duration;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const sleeper: Sleeper = {due: this.current + duration, seq: this.sequence++, resolve, reject, signal};
      if (signal) {
        sleeper.onAbort = () => {
          this.remove(sleeper);
          reject(abortReason(signal));
        };
        signal.addEventListener('abort', sleeper.onAbort, {once: true});
      }
      this.sleepers.push(sleeper);
    });
  }

  /** How many sleeps are pending. */
  get pending(): number {
    return this.sleepers.length;
  }

  /** When the next pending sleep is due (undefined when none). */
  nextTimerAt(): number | undefined {
    return this.ordered()[0]?.due;
  }

  /** Moves time by `ms`, firing due sleepers in order and letting each one run before the next. */
  async advance(ms: number): Promise<void> {
    const target = this.current + Math.max(0, ms);
    await flushPromises();
    for (;;) {
      const next = this.ordered()[0];
      if (next === undefined || next.due > target) break;
      this.current = Math.max(this.current, next.due);
      this.fire(next);
      await flushPromises();
    }
    this.current = target;
    await flushPromises();
  }

  /** Jumps to the next pending sleep and fires it; false when nothing is pending. */
  async advanceToNextTimer(): Promise<boolean> {
    await flushPromises();
    const next = this.ordered()[0];
    if (next === undefined) return false;
    this.current = Math.max(this.current, next.due);
    this.fire(next);
    await flushPromises();
    return true;
  }

  /** Fires sleepers one after another until `predicate()` holds; throws after `maxSteps` or when nothing is pending. */
  async runUntil(predicate: () => boolean, maxSteps = 100_000): Promise<void> {
    await flushPromises();
    for (let step = 0; step < maxSteps; step++) {
      if (predicate()) return;
      if (!(await this.advanceToNextTimer())) {
        await flushPromises();
        if (predicate()) return;
        throw new Error(`FakeClock.runUntil: nothing is sleeping and the condition does not hold (at +${this.current - FAKE_EPOCH} ms)`);
      }
    }
    throw new Error(`FakeClock.runUntil: the condition did not hold within ${maxSteps} timers`);
  }

  private ordered(): Sleeper[] {
    return [...this.sleepers].sort((a, b) => a.due - b.due || a.seq - b.seq);
  }

  private remove(sleeper: Sleeper): void {
    const index = this.sleepers.indexOf(sleeper);
    if (index !== -1) this.sleepers.splice(index, 1);
  }

  private fire(sleeper: Sleeper): void {
    this.remove(sleeper);
    if (sleeper.signal && sleeper.onAbort) sleeper.signal.removeEventListener('abort', sleeper.onAbort);
    sleeper.resolve();
  }
}
