/**
 * Standard output and error for the plain commands (plain.ts), written straight to file descriptors 1 and 2.
 *
 * `process.stdout` is built on first use, and what it is built from is most of a plain command's own start-up: on a
 * terminal, node:tty, which loads node:net and node:stream (~4.5 ms of a 50 ms `render` in a pty, measured with
 * --cpu-prof); on a pipe or file, node:stream. A plain command writes its output once, so it does not need a stream:
 * `writeSync` to the descriptor writes the same bytes, in order, and is done when it returns (process.stdout is
 * synchronous on files and terminals too; on pipes it is not, and the program waits for it to drain before exiting).
 *
 * Where the descriptor cannot take a synchronous write — a non-blocking pipe answering EAGAIN (a parent may hand one
 * over) — the rest of that write and every later one go through `process.stdout` / `process.stderr`, so the order is
 * kept, and `flush` waits for them. A closed reader (EPIPE) on standard output ends the program with exit 0, as
 * cli.ts's stream handler does; on standard error, what could not be written is dropped.
 *
 * Whether a descriptor is a terminal is decided without node:tty where the answer is certain: anything but a
 * character device is not one; on Linux, a character device whose /proc/self/fd link is a pseudo-terminal or a tty
 * device is one, and a memory device (/dev/null…) is not. Anything else asks node:tty (`isatty`), exactly.
 * The width (`columns`) of a terminal is known only to its tty stream: reading it builds `process.stdout` then.
 */
import {fstatSync, readlinkSync, writeSync} from 'node:fs';
import type {Readable, Writable} from 'node:stream';

/** The file system calls this module makes; tests give their own. */
export interface FdSystem {
  writeSync(fd: number, buffer: Uint8Array, offset: number, length: number): number;
  fstatSync(fd: number): {isCharacterDevice(): boolean};
  readlinkSync(path: string): string;
  platform: NodeJS.Platform;
  /** node:tty's isatty, loaded only when asked. */
  isatty(fd: number): boolean;
}

const nodeSystem: FdSystem = {
  writeSync: (fd, buffer, offset, length) => writeSync(fd, buffer, offset, length),
  fstatSync: (fd) => fstatSync(fd),
  readlinkSync: (path) => readlinkSync(path),
  platform: process.platform,
  isatty: (fd) => process.getBuiltinModule('node:tty').isatty(fd),
};

/** Terminal devices by the name of the file a descriptor is open on (Linux): pseudo-terminals and tty devices. */
const TERMINAL_DEVICE = /^\/dev\/(?:pts\/\d+|tty[A-Za-z0-9]*|console)$/;
/** Linux's memory devices: character devices that are never terminals (output sent to /dev/null is common). */
const MEMORY_DEVICE = /^\/dev\/(?:null|zero|full|random|urandom)$/;

/** Whether descriptor `fd` is a terminal (see the header); false for a closed one. */
export function isTerminal(fd: number, system: FdSystem = nodeSystem): boolean {
  try {
    if (!system.fstatSync(fd).isCharacterDevice()) return false;
  } catch {
    return false;
  }
  if (system.platform === 'linux') {
    try {
      const target = system.readlinkSync(`/proc/self/fd/${fd}`);
      if (TERMINAL_DEVICE.test(target)) return true;
      if (MEMORY_DEVICE.test(target)) return false;
    } catch {
      // No /proc (a sandbox): node:tty answers.
    }
  }
  return system.isatty(fd);
}

/** An output written to a descriptor; what CommandIo's stdout / stderr need of a stream. */
export interface FdOutput {
  readonly isTTY: boolean;
  readonly columns: number | undefined;
  write(chunk: string | Uint8Array, encoding?: BufferEncoding | ((error?: Error | null) => void), callback?: (error?: Error | null) => void): boolean;
  /** Calls `done` once everything written has reached the descriptor (at once, unless the stream took over). */
  flush(done: () => void): void;
}

export interface FdOutputOptions {
  fd: number;
  /** The process stream of the same descriptor, built only when needed (EAGAIN, or a terminal's width). */
  stream: () => NodeJS.WriteStream;
  /** The reader went away (EPIPE). */
  onBrokenPipe: () => void;
  system?: FdSystem;
}

export function createFdOutput({fd, stream, onBrokenPipe, system = nodeSystem}: FdOutputOptions): FdOutput {
  let terminal: boolean | undefined;
  /** Set once a write could not be made synchronously: every later write goes through the stream, in order. */
  let takenOver: NodeJS.WriteStream | undefined;
  let broken = false;
  const output: FdOutput = {
    get isTTY() {
      terminal ??= isTerminal(fd, system);
      return terminal;
    },
    get columns() {
      return output.isTTY ? stream().columns : undefined;
    },
    write(chunk, encoding, callback) {
      const done = typeof encoding === 'function' ? encoding : callback;
      if (takenOver !== undefined) return takenOver.write(chunk, done);
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8') : chunk;
      let offset = 0;
      while (offset < bytes.byteLength && !broken) {
        try {
          offset += system.writeSync(fd, bytes, offset, bytes.byteLength - offset);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'EAGAIN' || code === 'EWOULDBLOCK') {
            takenOver = stream();
            return takenOver.write(bytes.subarray(offset), done);
          }
          if (code !== 'EPIPE') throw error;
          broken = true;
          onBrokenPipe();
        }
      }
      done?.();
      return true;
    },
    flush(done) {
      if (takenOver === undefined) done();
      else takenOver.write('', () => done());
    },
  };
  return output;
}

/**
 * Standard input for a plain command: whether it is a terminal is answered by `isTerminal(0)`; anything else is
 * `process.stdin`'s own (built then). The plain commands only ask whether it is a terminal.
 */
export function lazyStdin(system: FdSystem = nodeSystem): Readable & {isTTY?: boolean} {
  let terminal: boolean | undefined;
  return new Proxy({} as Readable & {isTTY?: boolean}, {
    get(_target, key) {
      if (key === 'isTTY') {
        terminal ??= isTerminal(0, system);
        return terminal;
      }
      const stdin = process.stdin;
      const value: unknown = Reflect.get(stdin, key, stdin);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(stdin) : value;
    },
    has: (_target, key) => key === 'isTTY' || Reflect.has(process.stdin, key),
  });
}

/** The standard streams of a plain command; `flush` waits for both outputs. */
export interface PlainStdio {
  stdin: Readable & {isTTY?: boolean};
  stdout: Writable & FdOutput;
  stderr: Writable & FdOutput;
  flush(done: () => void): void;
}

/** `onBrokenPipe`: standard output's reader went away (the program then ends, exit 0). */
export function plainStdio(onBrokenPipe: () => void, system: FdSystem = nodeSystem): PlainStdio {
  const stdout = createFdOutput({fd: 1, stream: () => process.stdout, onBrokenPipe, system});
  const stderr = createFdOutput({fd: 2, stream: () => process.stderr, onBrokenPipe: () => undefined, system});
  return {
    stdin: lazyStdin(system),
    // Only `write`, `isTTY` and `columns` are asked of these (see ports/terminal.ts's users in the plain commands).
    stdout: stdout as unknown as Writable & FdOutput,
    stderr: stderr as unknown as Writable & FdOutput,
    flush: (done) => stdout.flush(() => stderr.flush(done)),
  };
}
