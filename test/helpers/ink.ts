/**
 * Helpers for ink-testing-library 4 (which exports only render/cleanup).
 *
 * Ink needs a moment after a render and after each key before the next key is safe: a key written right after
 * render() is lost, and a key written one macrotask after a re-render can reach the previous handler
 * (docs: stack notes). So: wait for the frame to change *and* match, then let effects settle (~20 ms). The settle
 * is what Ink needs, not a timing assertion.
 *
 *   const app = render(<Home … />);
 *   await waitForFrame(app, 'Manage profiles');
 *   await press(app, 'down');
 *   await waitForFrame(app, /› Quit/);
 */
import type {render} from 'ink-testing-library';

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

/** How long Ink needs after a render or a key (measured: 5 ms fails under load, 20–25 ms passes). */
export const SETTLE_MS = 20;

export const settle = (ms: number = SETTLE_MS): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export type FrameMatcher = string | RegExp | ((frame: string) => boolean);

const matches = (frame: string, expected: FrameMatcher): boolean =>
  typeof expected === 'string' ? frame.includes(expected) : expected instanceof RegExp ? expected.test(frame) : expected(frame);

const describeMatcher = (expected: FrameMatcher): string =>
  typeof expected === 'string' ? JSON.stringify(expected) : expected instanceof RegExp ? String(expected) : 'the predicate';

/** The frame each instance showed when the last key was pressed: waitForFrame waits for a different one. */
const frameAtLastKey = new WeakMap<InkInstance, string>();

/**
 * Waits until lastFrame() has changed since the last press() (any frame counts when no key was pressed yet) and
 * matches `expected`, lets effects settle, checks it still matches, and returns the frame. On timeout the error
 * shows the last frame. `changed: false` accepts an unchanged frame (a key that should change nothing).
 */
export async function waitForFrame(
  instance: InkInstance,
  expected: FrameMatcher,
  timeoutMs = 3_000,
  options: {changed?: boolean} = {},
): Promise<string> {
  const deadline = performance.now() + timeoutMs;
  const baseline = options.changed === false ? undefined : frameAtLastKey.get(instance);
  const ready = (): boolean => {
    const frame = instance.lastFrame();
    return frame !== undefined && frame !== baseline && matches(frame, expected);
  };
  for (;;) {
    if (ready()) {
      await settle();
      if (ready()) {
        frameAtLastKey.delete(instance);
        return instance.lastFrame() ?? '';
      }
    }
    if (performance.now() > deadline) {
      const why = baseline !== undefined && instance.lastFrame() === baseline ? ' (the frame did not change after the last key)' : '';
      throw new Error(`waitForFrame: no frame matched ${describeMatcher(expected)} within ${timeoutMs} ms${why}. Last frame:\n${instance.lastFrame() ?? '<nothing rendered>'}`);
    }
    // Frames are written synchronously by Ink's render; a short timer lets React and Ink run in between.
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** Writes one key (or text) to the instance's stdin and lets Ink settle. */
export async function press(instance: InkInstance, key: KeyName | (string & {})): Promise<void> {
  frameAtLastKey.set(instance, instance.lastFrame() ?? '');
  instance.stdin.write(keyCode(key));
  await settle();
}

/** Types text one character at a time (each a key press, as a person types). */
export async function type(instance: InkInstance, text: string): Promise<void> {
  for (const character of text) await press(instance, character);
}
