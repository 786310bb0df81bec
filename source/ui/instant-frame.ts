/**
 * The home screen at once: a frame computed as Ink will write it (home-first-frame.ts), or one Ink wrote on an
 * earlier start (the same version, terminal size and colours), is painted before Ink, React and yoga load — they take
 * most of a start — and Ink's first frame then replaces it in place. No React here: this module is loaded before them.
 *
 * - `paintFrame` writes the frame and puts the terminal in raw mode at once, so that a key pressed before Ink
 *   listens is neither echoed nor held for a line: it waits in the terminal until Ink reads it.
 * - `frameStream` is the stdout handed to Ink: its first write starts by erasing the painted lines (as Ink erases its
 *   own previous frame: line by line upwards), and what Ink writes until `firstFrame()` is asked — its first frame,
 *   written synchronously by render() — is recorded, to be kept for the next start.
 */

/** Ink's begin-synchronised-update sequence (write-synchronized.js). */
const BEGIN_SYNC = '\u001B[?2026h';

/** `ansi-escapes`' eraseLines(count), as Ink's log-update writes it before a frame. */
export function eraseLines(count: number): string {
  let clear = '';
  for (let line = 0; line < count; line += 1) clear += `\u001B[2K${line < count - 1 ? '\u001B[1A' : ''}`;
  return count > 0 ? `${clear}\u001B[G` : '';
}

/** How many lines Ink's log-update counts for a frame it wrote (`str.split('\n').length`). */
export const frameLines = (frame: string): number => frame.split('\n').length;

export interface PaintTarget {
  stdout: {write(text: string): unknown};
  stdin: {isTTY?: boolean; setRawMode?: (raw: boolean) => unknown};
}

/** Paints a kept frame now (and takes the keyboard in raw mode, as Ink will). */
export function paintFrame(target: PaintTarget, frame: string): void {
  if (target.stdin.isTTY === true) target.stdin.setRawMode?.(true);
  target.stdout.write(frame);
}

export interface FrameStream<S> {
  /** The stream to give Ink. */
  stream: S;
  /** What Ink wrote so far (its first frame when asked right after render()); recording stops here. */
  firstFrame(): string;
}

/** Wraps `stdout` for Ink: erases `painted` (a frame painted by paintFrame, or undefined) before Ink's first write. */
export function frameStream<S extends {write: (...args: never[]) => unknown}>(stdout: S, painted: string | undefined): FrameStream<S> {
  let erase = painted === undefined ? '' : eraseLines(frameLines(painted));
  let recording: string[] | undefined = [];
  const write = (chunk: unknown, ...rest: unknown[]): unknown => {
    if (typeof chunk === 'string') {
      recording?.push(chunk);
      if (erase !== '') {
        // Inside Ink's synchronised-output bracket when it opens with one: the terminal shows the erase and the new
        // frame at once, never the erased lines alone.
        chunk = chunk.startsWith(BEGIN_SYNC) ? BEGIN_SYNC + erase + chunk.slice(BEGIN_SYNC.length) : erase + chunk;
        erase = '';
      }
    } else recording = undefined;
    return (stdout.write as (...args: unknown[]) => unknown).call(stdout, chunk, ...rest);
  };
  const stream = new Proxy(stdout, {
    get(target, property) {
      if (property === 'write') return write;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return {
    stream,
    firstFrame() {
      const frame = recording?.join('') ?? '';
      recording = undefined;
      return frame;
    },
  };
}
