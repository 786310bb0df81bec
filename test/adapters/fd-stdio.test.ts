import {closeSync, mkdtempSync, openSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {createFdOutput, isTerminal, lazyStdin, type FdSystem} from '../../source/adapters/fd-stdio.js';

/** A file system whose descriptors are described by `devices` (fd → what /proc/self/fd names, or 'file'). */
function fakeSystem(devices: Record<number, string>, options: {platform?: NodeJS.Platform; noProc?: boolean} = {}): FdSystem & {asked: string[]} {
  const asked: string[] = [];
  return {
    asked,
    platform: options.platform ?? 'linux',
    writeSync: () => {
      throw new Error('no writes here');
    },
    fstatSync(fd) {
      const device = devices[fd];
      if (device === undefined) throw Object.assign(new Error('EBADF'), {code: 'EBADF'});
      return {isCharacterDevice: () => device !== 'file' && device !== 'pipe'};
    },
    readlinkSync(path) {
      asked.push(`readlink ${path}`);
      if (options.noProc) throw Object.assign(new Error('ENOENT'), {code: 'ENOENT'});
      return devices[Number(path.split('/').pop())]!;
    },
    isatty(fd) {
      asked.push(`isatty ${fd}`);
      return devices[fd] === '/dev/weird-tty';
    },
  };
}

describe('isTerminal', () => {
  it('a file or pipe is no terminal, and nothing else is asked', () => {
    const system = fakeSystem({1: 'file', 2: 'pipe'});
    expect([isTerminal(1, system), isTerminal(2, system)]).toEqual([false, false]);
    expect(system.asked).toEqual([]);
  });

  it('on Linux, a pseudo-terminal or tty device is one and a memory device is not, without node:tty', () => {
    const system = fakeSystem({0: '/dev/pts/3', 1: '/dev/tty1', 2: '/dev/null', 3: '/dev/ttyS0', 4: '/dev/urandom', 5: '/dev/console'});
    expect([0, 1, 2, 3, 4, 5].map((fd) => isTerminal(fd, system))).toEqual([true, true, false, true, false, true]);
    expect(system.asked.filter((line) => line.startsWith('isatty'))).toEqual([]);
  });

  it('any other character device, no /proc, or another platform: node:tty answers', () => {
    const other = fakeSystem({1: '/dev/weird-tty', 2: '/dev/snd/timer'});
    expect([isTerminal(1, other), isTerminal(2, other)]).toEqual([true, false]);
    expect(other.asked).toEqual(['readlink /proc/self/fd/1', 'isatty 1', 'readlink /proc/self/fd/2', 'isatty 2']);
    const noProc = fakeSystem({1: '/dev/pts/1'}, {noProc: true});
    expect(isTerminal(1, noProc)).toBe(false);
    expect(noProc.asked).toEqual(['readlink /proc/self/fd/1', 'isatty 1']);
    const darwin = fakeSystem({1: '/dev/pts/1'}, {platform: 'darwin'});
    isTerminal(1, darwin);
    expect(darwin.asked).toEqual(['isatty 1']);
  });

  it('a closed descriptor is no terminal', () => {
    expect(isTerminal(9, fakeSystem({}))).toBe(false);
  });

  it('with the real file system: a file and /dev/null are not terminals', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecsw-fd-'));
    const file = openSync(join(dir, 'out'), 'w');
    const devNull = openSync('/dev/null', 'w');
    try {
      expect([isTerminal(file), isTerminal(devNull)]).toEqual([false, false]);
    } finally {
      closeSync(file);
      closeSync(devNull);
    }
  });
});

/** A stream standing in for process.stdout: records what it was given, and calls back when told to. */
function fakeStream(): {stream: NodeJS.WriteStream; written: string[]; pending: (() => void)[]; columns: number} {
  const written: string[] = [];
  const pending: (() => void)[] = [];
  const stream = {
    columns: 132,
    write(chunk: string | Uint8Array, callback?: () => void) {
      written.push(Buffer.from(chunk).toString('utf8'));
      if (callback) pending.push(callback);
      return true;
    },
  };
  return {stream: stream as unknown as NodeJS.WriteStream, written, pending, columns: 132};
}

/** A descriptor taking at most `chunk` bytes per write, then answering `errors` in turn. */
function writingSystem(chunk: number, errors: (string | undefined)[] = []): FdSystem & {bytes: number[]} {
  const bytes: number[] = [];
  return {
    ...fakeSystem({1: '/dev/pts/0'}),
    bytes,
    writeSync(_fd, buffer, offset, length) {
      const error = errors.shift();
      if (error !== undefined) throw Object.assign(new Error(error), {code: error});
      const count = Math.min(chunk, length);
      bytes.push(...buffer.subarray(offset, offset + count));
      return count;
    },
  };
}

describe('createFdOutput', () => {
  it('writes strings and bytes whole, in order, even when the descriptor takes a few bytes at a time', () => {
    const system = writingSystem(3);
    const output = createFdOutput({fd: 1, stream: () => fakeStream().stream, onBrokenPipe: () => undefined, system});
    const done: string[] = [];
    expect(output.write('héllo, ', () => done.push('first'))).toBe(true);
    output.write(Buffer.from('world\n'));
    output.write('done', 'utf8', () => done.push('third'));
    expect(Buffer.from(system.bytes).toString('utf8')).toBe('héllo, world\ndone');
    expect(done).toEqual(['first', 'third']);
  });

  it('EAGAIN: the rest of that write and every later one go through the stream, in order, and flush waits for it', () => {
    const system = writingSystem(4, [undefined, 'EAGAIN']);
    const fake = fakeStream();
    let built = 0;
    const output = createFdOutput({
      fd: 1,
      stream: () => {
        built += 1;
        return fake.stream;
      },
      onBrokenPipe: () => undefined,
      system,
    });
    output.write('abcdefgh');
    output.write('ijk');
    expect(Buffer.from(system.bytes).toString('utf8')).toBe('abcd');
    expect(fake.written).toEqual(['efgh', 'ijk']);
    expect(built).toBe(1);
    let flushed = false;
    output.flush(() => {
      flushed = true;
    });
    expect(flushed).toBe(false);
    for (const callback of fake.pending) callback();
    expect(flushed).toBe(true);
  });

  it('without EAGAIN, flush is at once and the stream is never built', () => {
    const output = createFdOutput({
      fd: 1,
      stream: () => {
        throw new Error('not to be built');
      },
      onBrokenPipe: () => undefined,
      system: writingSystem(100),
    });
    output.write('x');
    let flushed = false;
    output.flush(() => {
      flushed = true;
    });
    expect(flushed).toBe(true);
  });

  it('EPIPE: says so once and writes nothing more; any other error is thrown', () => {
    const system = writingSystem(2, [undefined, 'EPIPE']);
    let broken = 0;
    const output = createFdOutput({fd: 1, stream: () => fakeStream().stream, onBrokenPipe: () => (broken += 1), system});
    output.write('abcd');
    output.write('efgh');
    expect([Buffer.from(system.bytes).toString('utf8'), broken]).toEqual(['ab', 1]);
    const failing = createFdOutput({fd: 1, stream: () => fakeStream().stream, onBrokenPipe: () => undefined, system: writingSystem(2, ['EIO'])});
    expect(() => failing.write('x')).toThrow('EIO');
  });

  it('isTTY is the descriptor’s; columns are asked of the stream only on a terminal', () => {
    const fake = fakeStream();
    const terminal = createFdOutput({fd: 1, stream: () => fake.stream, onBrokenPipe: () => undefined, system: fakeSystem({1: '/dev/pts/2'})});
    expect([terminal.isTTY, terminal.columns]).toEqual([true, 132]);
    const piped = createFdOutput({
      fd: 1,
      stream: () => {
        throw new Error('not to be built');
      },
      onBrokenPipe: () => undefined,
      system: fakeSystem({1: 'pipe'}),
    });
    expect([piped.isTTY, piped.columns]).toEqual([false, undefined]);
  });

  it('with the real file system: what is written is in the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecsw-fd-'));
    const path = join(dir, 'out');
    const fd = openSync(path, 'w');
    try {
      const output = createFdOutput({fd, stream: () => fakeStream().stream, onBrokenPipe: () => undefined});
      output.write('line one\n');
      output.write(new Uint8Array([0x32, 0x0a]));
      expect(output.isTTY).toBe(false);
    } finally {
      closeSync(fd);
    }
    expect(readFileSync(path, 'utf8')).toBe('line one\n2\n');
  });
});

describe('lazyStdin', () => {
  it('answers isTTY from descriptor 0 and hands everything else to process.stdin', () => {
    const stdin = lazyStdin(fakeSystem({0: '/dev/pts/5'}));
    expect(stdin.isTTY).toBe(true);
    expect('isTTY' in stdin).toBe(true);
    expect(typeof stdin.on).toBe('function');
    expect(stdin.readable).toBe(process.stdin.readable);
  });
});
