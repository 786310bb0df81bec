/**
 * The terminal's keys for Ink: one key at a time, each only once React is idle.
 *
 * Why. Ink's `useInput` subscribes its handler in a passive effect (again on every render when the handler is an
 * inline function), and Ink attaches its stdin listener in a passive effect too. In Ink's legacy root a key
 * re-renders synchronously, but passive effects run later, in a task of React's scheduler. A key arriving in
 * between reaches the previous handler — or nobody, right after render(). Ink also emits every key of one stdin
 * chunk in a loop, so a burst (fast typing, tmux send-keys, a terminal that coalesces keys) hits one stale
 * handler: two ↓ in one chunk move the cursor once.
 *
 * What. `terminalInput(process.stdin)` is the stdin handed to Ink's render(). It reads the real stdin while Ink
 * listens, splits what arrives into single keys (splitKeys: escape sequences as Ink's own parser reads them, text
 * one character at a time) and gives Ink the next key only when React has nothing left to run (whenReactIdle),
 * so every key meets the handlers of the frame before it. isTTY, isRaw, setRawMode, setEncoding, ref/unref and
 * pause/resume go to the real stdin. It stops reading when Ink stops listening, and keeps nothing alive after Ink
 * unmounts. Only Ink's protocol ('readable' + read()) is offered: nothing else reads keys from it.
 */
import {EventEmitter} from 'node:events';
import {StringDecoder} from 'node:string_decoder';
import {unstable_cancelCallback, unstable_IdlePriority, unstable_scheduleCallback, type SchedulerTask} from 'scheduler';

// ---------------------------------------------------------------------------------------------------------------
// React is idle

/** Runs `callback` once React is idle; returns a function that cancels it. */
export type WhenIdle = (callback: () => void) => () => void;

const waiters: Array<() => void> = [];
let detecting = false;

/**
 * React is idle when its scheduler has no task left (passive effects run as Normal-priority tasks in a legacy
 * root) and no microtask of React's is pending (a re-render scheduled from an effect runs in a microtask).
 *
 * An Idle-priority task runs only after every other task, including those scheduled after it; but the scheduler
 * runs several tasks per macrotask without draining microtasks in between, so a re-render queued by the last
 * effect has not run yet. Hence: after the Idle task, let a macrotask pass (every microtask runs) and schedule the
 * next Idle task. If its id follows the previous one directly, nothing at all was scheduled meanwhile: idle. Else
 * go round again. No clock is involved. Waiters are served one at a time, each after a fresh detection (a waiter
 * usually gives React work: the next key).
 */
export const whenReactIdle: WhenIdle = (callback) => {
  const waiter = (): void => callback();
  waiters.push(waiter);
  detectIdle();
  return () => {
    const index = waiters.indexOf(waiter);
    if (index !== -1) waiters.splice(index, 1);
  };
};

/** Resolves once React is idle (tests: before the next key, after a render). */
export const reactIdle = (): Promise<void> => new Promise((resolve) => whenReactIdle(resolve));

function detectIdle(): void {
  if (detecting || waiters.length === 0) return;
  detecting = true;
  let task: SchedulerTask = unstable_scheduleCallback(unstable_IdlePriority, onIdleTask);
  function onIdleTask(): void {
    setImmediate(() => {
      if (waiters.length === 0) {
        detecting = false;
        return;
      }
      const next = unstable_scheduleCallback(unstable_IdlePriority, onIdleTask);
      if (next.id !== task.id + 1) {
        task = next;
        return;
      }
      unstable_cancelCallback(next);
      detecting = false;
      const waiter = waiters.shift();
      try {
        waiter?.();
      } finally {
        detectIdle();
      }
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Splitting input into keys

const ESC = '\u001B';

const isCsiParameter = (code: number): boolean => code >= 0x30 && code <= 0x3f;
const isCsiIntermediate = (code: number): boolean => code >= 0x20 && code <= 0x2f;
const isFinal = (code: number): boolean => code >= 0x40 && code <= 0x7e;

/** The end of the control sequence (CSI or SS3) whose introducer is at `at`; 'pending' when cut short. */
function controlSequenceEnd(input: string, at: number): number | 'pending' | undefined {
  const kind = input[at];
  if (kind === undefined) return 'pending';
  if (kind === '[') {
    for (let index = at + 1; index < input.length; index += 1) {
      const code = input.charCodeAt(index);
      if (isCsiParameter(code) || isCsiIntermediate(code)) continue;
      // Legacy function keys: ESC [ [ A, ESC [ [ 5 ~.
      if (code === 0x5b && index === at + 1) continue;
      return isFinal(code) ? index + 1 : undefined;
    }
    return 'pending';
  }
  if (kind === 'O') {
    if (at + 1 >= input.length) return 'pending';
    return isFinal(input.charCodeAt(at + 1)) ? at + 2 : undefined;
  }
  return undefined;
}

/** The end of the key starting with ESC at `start` (as Ink's input parser reads it); 'pending' when cut short. */
function escapeKeyEnd(input: string, start: number): number | 'pending' {
  if (start + 1 >= input.length) return 'pending';
  const control = controlSequenceEnd(input, start + 1);
  if (control !== undefined) return control;
  if (input[start + 1] === ESC) {
    // ESC ESC [ A (meta + arrow), or ESC ESC.
    if (start + 2 >= input.length) return 'pending';
    return controlSequenceEnd(input, start + 2) ?? start + 2;
  }
  // ESC + one character: meta/alt + that key.
  const next = input.codePointAt(start + 1) ?? 0;
  return start + 1 + (next > 0xff_ff ? 2 : 1);
}

/**
 * Splits terminal input into keys: each escape sequence (CSI `ESC [ … final`, SS3 `ESC O x`, ESC + a character,
 * a lone ESC) is one key, as Ink's parser reads it; every other character (a whole code point) is one key.
 * `rest` is an escape sequence cut short at the end, to be completed by the next chunk (or flushed as a key).
 */
export function splitKeys(input: string): {keys: string[]; rest: string} {
  const keys: string[] = [];
  let index = 0;
  while (index < input.length) {
    if (input[index] === ESC) {
      const end = escapeKeyEnd(input, index);
      if (end === 'pending') return {keys, rest: input.slice(index)};
      keys.push(input.slice(index, end));
      index = end;
      continue;
    }
    // A line feed is the Enter key. A key pressed before Ink puts the terminal in raw mode (as the first frame shows,
    // on a busy machine) goes through the terminal's line discipline, which turns Enter's CR into LF (ICRNL); Ink
    // reads LF as another key ('enter', not 'return'), and that Enter was lost. In raw mode only ctrl+J sends LF.
    if (input[index] === '\n') {
      keys.push('\r');
      index += 1;
      continue;
    }
    const code = input.codePointAt(index) ?? 0;
    const width = code > 0xff_ff ? 2 : 1;
    keys.push(input.slice(index, index + width));
    index += width;
  }
  return {keys, rest: ''};
}

/** splitKeys over a stream of chunks: a sequence cut between two chunks is completed by the next one. */
export class KeySplitter {
  private rest = '';

  push(chunk: string): string[] {
    const {keys, rest} = splitKeys(this.rest + chunk);
    this.rest = rest;
    return keys;
  }

  get hasPending(): boolean {
    return this.rest !== '';
  }

  /** What is left (an escape sequence no chunk completed) as one key: a lone ESC is the Esc key. */
  flush(): string[] {
    const rest = this.rest;
    this.rest = '';
    return rest === '' ? [] : [rest];
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The stdin given to Ink

/** What TerminalInput needs of the real stdin (process.stdin, or a stand-in in tests). */
export interface TerminalSource extends EventEmitter {
  read(): string | Buffer | null;
  isTTY?: boolean;
  isRaw?: boolean;
  setRawMode?(mode: boolean): unknown;
  setEncoding?(encoding: BufferEncoding): unknown;
  ref?(): unknown;
  unref?(): unknown;
  pause?(): unknown;
  resume?(): unknown;
}

export class TerminalInput extends EventEmitter {
  private readonly splitter = new KeySplitter();
  private readonly decoder = new StringDecoder('utf8');
  private readonly queue: string[] = [];
  /** The key being handed to Ink (read() returns it once). */
  private current: string | null = null;
  private cancelIdle: (() => void) | undefined;
  private pendingFlush: NodeJS.Immediate | undefined;
  private attached = false;

  constructor(
    private readonly source: TerminalSource,
    private readonly whenIdle: WhenIdle = whenReactIdle,
  ) {
    super();
    // Read the terminal only while Ink listens: Ink adds its 'readable' listener when raw mode goes on and
    // removes it (then unrefs stdin) when no component wants input any more.
    this.on('newListener', (event: string | symbol) => {
      if (event === 'readable' && !this.attached) this.attach();
    });
    this.on('removeListener', (event: string | symbol) => {
      if (event === 'readable' && this.listenerCount('readable') === 0) this.detach();
    });
  }

  get isTTY(): boolean {
    return this.source.isTTY === true;
  }

  get isRaw(): boolean {
    return this.source.isRaw === true;
  }

  /** Keys read from the terminal and not yet handed to Ink. */
  get pendingKeys(): readonly string[] {
    return this.queue;
  }

  setRawMode(mode: boolean): this {
    this.source.setRawMode?.(mode);
    return this;
  }

  setEncoding(encoding: BufferEncoding): this {
    this.source.setEncoding?.(encoding);
    return this;
  }

  ref(): this {
    this.source.ref?.();
    return this;
  }

  unref(): this {
    this.source.unref?.();
    return this;
  }

  pause(): this {
    this.source.pause?.();
    return this;
  }

  resume(): this {
    this.source.resume?.();
    return this;
  }

  /** Ink's read loop: the key being handed over, once; then null. */
  read(): string | null {
    const key = this.current;
    this.current = null;
    return key;
  }

  private readonly onSourceReadable = (): void => {
    let chunk: string | Buffer | null;
    while ((chunk = this.source.read()) !== null) this.accept(typeof chunk === 'string' ? chunk : this.decoder.write(chunk));
  };

  private accept(text: string): void {
    if (this.pendingFlush !== undefined) {
      clearImmediate(this.pendingFlush);
      this.pendingFlush = undefined;
    }
    this.queue.push(...this.splitter.push(text));
    // An escape sequence cut short: the next chunk may complete it; if none comes at once, it is a key as it is
    // (a lone ESC is the Esc key). Ink's parser waits the same way.
    if (this.splitter.hasPending) {
      this.pendingFlush = setImmediate(() => {
        this.pendingFlush = undefined;
        this.queue.push(...this.splitter.flush());
        this.schedule();
      });
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.cancelIdle !== undefined || !this.attached || this.queue.length === 0) return;
    this.cancelIdle = this.whenIdle(() => {
      this.cancelIdle = undefined;
      this.deliver();
    });
  }

  private deliver(): void {
    if (!this.attached) return;
    const key = this.queue.shift();
    if (key === undefined) return;
    this.current = key;
    try {
      this.emit('readable');
    } finally {
      this.current = null;
      this.schedule();
    }
  }

  private attach(): void {
    this.attached = true;
    this.source.on('readable', this.onSourceReadable);
    this.schedule();
  }

  private detach(): void {
    this.attached = false;
    this.source.removeListener('readable', this.onSourceReadable);
    this.cancelIdle?.();
    this.cancelIdle = undefined;
    if (this.pendingFlush !== undefined) {
      clearImmediate(this.pendingFlush);
      this.pendingFlush = undefined;
      this.queue.push(...this.splitter.flush());
    }
    // Keys already read stay queued for the next listener (Ink re-attaches when a screen wants input again).
  }
}

/** The stdin to give Ink's render(): the terminal's keys, one at a time, each once React is idle. */
export function terminalInput(stdin: TerminalSource | NodeJS.ReadableStream): NodeJS.ReadStream {
  return new TerminalInput(stdin as TerminalSource) as unknown as NodeJS.ReadStream;
}
