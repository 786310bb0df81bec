/**
 * Helpers for ink-testing-library 4 (which exports only render/cleanup). No sleeps, no clock.
 *
 * A key is safe only once React is idle: Ink subscribes input handlers (and its stdin listener) in passive
 * effects, which run after the render, in a task of React's scheduler. A key written right after render() is
 * lost, and a key written before the effects ran reaches the previous handler. So press() writes each key when
 * React is idle (reactIdle, from source/ui/terminal-input.ts — the product feeds the real terminal the same way)
 * and waits for idle again; waitForFrame() is woken by each frame Ink writes and returns once the frame has
 * changed since the last key, matches, and still matches once React is idle.
 *
 * A wait has no deadline of its own that a slow machine could reach: only a hang (HANG_MS, a minute) ends it,
 * with the last frame in the error; vitest's test timeout is above it (vitest.config.ts).
 *
 *   const app = render(<Home … />);
 *   await waitForFrame(app, 'Manage profiles');
 *   await press(app, 'down');
 *   await waitForFrame(app, /› Quit/);
 */
import type {render} from 'ink-testing-library';
import {reactIdle, whenReactIdle} from '../../source/ui/terminal-input.js';

export {reactIdle};

export type InkInstance = ReturnType<typeof render>;

/** Escape codes of the keys, as a terminal sends them. Also used by the pty driver (test/helpers/pty.ts). */
export const KEYS = {
  enter: '\r',
  esc: '\u001B',
  escape: '\u001B',
  up: '\u001B[A',
  down: '\u001B[B',
  right: '\u001B[C',
  left: '\u001B[D',
  home: '\u001B[H',
  end: '\u001B[F',
  pageup: '\u001B[5~',
  pagedown: '\u001B[6~',
  tab: '\t',
  'shift-tab': '\u001B[Z',
  backspace: '\u007F',
  delete: '\u001B[3~',
  space: ' ',
  'ctrl-a': '\u0001',
  'ctrl-c': '\u0003',
  'ctrl-d': '\u0004',
  'ctrl-e': '\u0005',
  'ctrl-u': '\u0015',
} as const;

export type KeyName = keyof typeof KEYS;

/** A key name from KEYS, or any text ('q', '?', 'my-service'), written as is. */
export const keyCode = (key: KeyName | (string & {})): string => (Object.hasOwn(KEYS, key) ? KEYS[key as KeyName] : key);

/** Longer than any wait of a working test on a loaded machine: a wait this long is a hang. */
export const HANG_MS = 60_000;

export type FrameMatcher = string | RegExp | ((frame: string) => boolean);

const matches = (frame: string, expected: FrameMatcher): boolean =>
  typeof expected === 'string' ? frame.includes(expected) : expected instanceof RegExp ? expected.test(frame) : expected(frame);

const describeMatcher = (expected: FrameMatcher): string =>
  typeof expected === 'string' ? JSON.stringify(expected) : expected instanceof RegExp ? String(expected) : 'the predicate';

/** The frame each instance showed when the last key was pressed: waitForFrame waits for a different one. */
const frameAtLastKey = new WeakMap<InkInstance, string>();

/** Callbacks run after each frame an instance writes (its stdout's write, wrapped once). */
const frameListeners = new WeakMap<InkInstance, Set<() => void>>();

function onFrames(instance: InkInstance): Set<() => void> {
  let listeners = frameListeners.get(instance);
  if (listeners === undefined) {
    const found = new Set<() => void>();
    listeners = found;
    frameListeners.set(instance, found);
    const stdout = instance.stdout as unknown as {write: (frame: string) => void};
    const write = stdout.write;
    stdout.write = (frame: string) => {
      write.call(stdout, frame);
      for (const listener of [...found]) listener();
    };
  }
  return listeners;
}

/** Resolves once `condition()` holds, checked now and after every frame; rejects after `limitMs` (a hang). */
function whenFrame(instance: InkInstance, condition: () => boolean, limitMs: number, hang: () => string): Promise<void> {
  if (condition()) return Promise.resolve();
  const listeners = onFrames(instance);
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (!condition()) return;
      stop();
      resolve();
    };
    const timer = setTimeout(() => {
      stop();
      reject(new Error(hang()));
    }, limitMs);
    const stop = (): void => {
      clearTimeout(timer);
      listeners.delete(check);
    };
    listeners.add(check);
  });
}

export interface WaitOptions {
  /** false: an unchanged frame is fine (a key that should change nothing, or a frame already shown). */
  changed?: boolean;
}

/**
 * Waits until lastFrame() has changed since the last press() (any frame counts when no key was pressed yet) and
 * matches `expected`, and still matches once React is idle; returns the frame. Only a hang (HANG_MS) fails it,
 * showing the last frame. The old third argument, a time limit in ms, is still accepted: it can only lengthen
 * the hang limit.
 */
export async function waitForFrame(
  instance: InkInstance,
  expected: FrameMatcher,
  optionsOrLimit: WaitOptions | number = {},
  legacyOptions: WaitOptions = {},
): Promise<string> {
  const options = typeof optionsOrLimit === 'number' ? legacyOptions : optionsOrLimit;
  const limitMs = typeof optionsOrLimit === 'number' ? Math.max(optionsOrLimit, HANG_MS) : HANG_MS;
  const baseline = options.changed === false ? undefined : frameAtLastKey.get(instance);
  const ready = (): boolean => {
    const frame = instance.lastFrame();
    return frame !== undefined && frame !== baseline && matches(frame, expected);
  };
  const hang = (): string => {
    const why = baseline !== undefined && instance.lastFrame() === baseline ? ' (the frame did not change after the last key)' : '';
    return `waitForFrame: no frame matched ${describeMatcher(expected)} in ${limitMs / 1000} s, a hang${why}. Last frame:\n${instance.lastFrame() ?? '<nothing rendered>'}`;
  };
  for (;;) {
    await whenFrame(instance, ready, limitMs, hang);
    await reactIdle();
    if (ready()) {
      frameAtLastKey.delete(instance);
      return instance.lastFrame() ?? '';
    }
  }
}

/**
 * Writes one key (or text, as one chunk: a paste) to the instance's stdin once React is idle — so that it meets
 * the handlers of the frame on screen — and waits until React is idle again.
 */
export async function press(instance: InkInstance, key: KeyName | (string & {})): Promise<void> {
  const code = keyCode(key);
  await new Promise<void>((resolve, reject) => {
    whenReactIdle(() => {
      try {
        frameAtLastKey.set(instance, instance.lastFrame() ?? '');
        instance.stdin.write(code);
        resolve();
      } catch (error) {
        reject(error as Error);
      }
    });
  });
  await reactIdle();
}

/** Types text one character at a time (each a key press, as a person types). */
export async function type(instance: InkInstance, text: string): Promise<void> {
  for (const character of text) await press(instance, character);
}

/** A callback that records its calls; a test awaits the calls instead of polling for them. */
export interface Recorder<Args extends unknown[]> {
  (...args: Args): void;
  /** The arguments of each call so far. */
  readonly calls: Args[];
  /** Resolves once there have been `count` calls (at once if there have); only a hang (HANG_MS) rejects. */
  called(count?: number): Promise<void>;
}

export function recorder<Args extends unknown[] = []>(): Recorder<Args> {
  const calls: Args[] = [];
  const waiting = new Set<{count: number; resolve: () => void}>();
  const callback = (...args: Args): void => {
    calls.push(args);
    for (const waiter of [...waiting]) {
      if (calls.length < waiter.count) continue;
      waiting.delete(waiter);
      waiter.resolve();
    }
  };
  const called = (count = 1): Promise<void> => {
    if (calls.length >= count) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        waiting.delete(waiter);
        reject(new Error(`recorder: ${calls.length} of ${count} calls after ${HANG_MS / 1000} s, a hang`));
      }, HANG_MS);
      const waiter = {
        count,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      waiting.add(waiter);
    });
  };
  return Object.assign(callback, {calls, called});
}
