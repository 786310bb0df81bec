import {EventEmitter} from 'node:events';
import {PassThrough} from 'node:stream';
import fc from 'fast-check';
import React, {useEffect, useState} from 'react';
import {render, Text, useInput} from 'ink';
import {afterEach, describe, expect, test} from 'vitest';
// Ink's own input parser (not exported by the package): what Ink makes of each key it is handed.
import {createInputParser} from '../../node_modules/ink/build/input-parser.js';
import {KeySplitter, reactIdle, splitKeys, TerminalInput, whenReactIdle, type TerminalSource, type WhenIdle} from '../../source/ui/terminal-input.js';

const ESC = '\u001B';
const UP = `${ESC}[A`;
const DOWN = `${ESC}[B`;

describe('splitKeys', () => {
  test.each([
    ['text, one character each', 'abc', ['a', 'b', 'c'], ''],
    ['control characters', '\r\u007F\u0003\t', ['\r', '\u007F', '\u0003', '\t'], ''],
    ['whole code points (UTF-16 pairs stay together)', 'é😀a', ['é', '😀', 'a'], ''],
    ['arrows in a burst', `${DOWN}${DOWN}${UP}`, [DOWN, DOWN, UP], ''],
    ['CSI with parameters and a ~ final', `${ESC}[5~${ESC}[3~${ESC}[1;5C`, [`${ESC}[5~`, `${ESC}[3~`, `${ESC}[1;5C`], ''],
    ['legacy function keys ESC [ [ A', `${ESC}[[A${ESC}[[5~`, [`${ESC}[[A`, `${ESC}[[5~`], ''],
    ['SS3 (F1, application-mode arrows)', `${ESC}OP${ESC}OA`, [`${ESC}OP`, `${ESC}OA`], ''],
    ['meta + a character', `${ESC}x${ESC}😀`, [`${ESC}x`, `${ESC}😀`], ''],
    ['meta + arrow (ESC ESC [ A) and ESC ESC', `${ESC}${ESC}[A${ESC}${ESC}b`, [`${ESC}${ESC}[A`, `${ESC}${ESC}`, 'b'], ''],
    ['text around sequences', `a${UP}b\r`, ['a', UP, 'b', '\r'], ''],
    ['a line feed is Enter (a key typed before raw mode: the terminal turned its CR into LF)', 'a\nb\n', ['a', '\r', 'b', '\r'], ''],
    ['a broken CSI: ESC [ then the rest as keys', `${ESC}[\u0001`, [`${ESC}[`, '\u0001'], ''],
    ['a lone ESC at the end is left for the next chunk', `a${ESC}`, ['a'], ESC],
    ['a CSI cut short', `${ESC}[1;`, [], `${ESC}[1;`],
    ['an SS3 cut short', `${ESC}O`, [], `${ESC}O`],
    ['ESC ESC cut short', `${ESC}${ESC}`, [], `${ESC}${ESC}`],
  ])('%s', (_name, input, keys, rest) => {
    expect(splitKeys(input)).toEqual({keys, rest});
  });

  test("each key is exactly one input event for Ink's parser (ESC and ESC ESC after Ink's own short wait)", () => {
    const keys = ['a', 'é', '😀', '\r', '\u007F', '\u0003', UP, `${ESC}[5~`, `${ESC}[1;5C`, `${ESC}[[A`, `${ESC}OP`, `${ESC}x`, `${ESC}${ESC}[A`];
    for (const key of keys) expect(createInputParser().push(key), JSON.stringify(key)).toEqual([key]);
    for (const key of [ESC, `${ESC}${ESC}`]) {
      const parser = createInputParser();
      expect(parser.push(key)).toEqual([]);
      expect(parser.flushPendingEscape()).toBe(key);
    }
  });

  // Keys that cannot run into each other (a lone ESC, or ESC + '[' / 'O' / ESC, would start a longer sequence).
  const key = fc.oneof(
    fc.constantFrom('a', 'q', 'Z', ' ', '?', 'é', '😀', '\r', '\t', '\u007F', '\u0003', '\u0015'),
    fc.constantFrom(UP, DOWN, `${ESC}[C`, `${ESC}[D`, `${ESC}[H`, `${ESC}[5~`, `${ESC}[6~`, `${ESC}[3~`, `${ESC}[Z`, `${ESC}[1;5C`, `${ESC}OP`, `${ESC}[[A`),
    fc.constantFrom(`${ESC}x`, `${ESC}b`, `${ESC}${ESC}[A`),
  );

  test('property: the keys of a burst come back one by one, however the burst is cut into chunks', () => {
    fc.assert(
      fc.property(fc.array(key, {maxLength: 30}), fc.array(fc.nat(), {maxLength: 6}), (keys, cuts) => {
        const burst = keys.join('');
        expect(splitKeys(burst)).toEqual({keys, rest: ''});
        // Chunks are cut between characters (the stream's UTF-8 decoder never splits one).
        const characters = Array.from(burst);
        const points = [...new Set(cuts.map((cut) => cut % (characters.length + 1)))].sort((a, b) => a - b);
        const splitter = new KeySplitter();
        const seen: string[] = [];
        let from = 0;
        for (const point of [...points, characters.length]) {
          seen.push(...splitter.push(characters.slice(from, point).join('')));
          from = point;
        }
        seen.push(...splitter.flush());
        expect(seen).toEqual(keys);
      }),
    );
  });

  test('KeySplitter: a sequence cut between chunks is completed by the next one; a lone ESC is flushed as the Esc key', () => {
    const splitter = new KeySplitter();
    expect(splitter.push(`x${ESC}`)).toEqual(['x']);
    expect(splitter.hasPending).toBe(true);
    expect(splitter.push('[B')).toEqual([DOWN]);
    expect(splitter.push(ESC)).toEqual([]);
    expect(splitter.flush()).toEqual([ESC]);
    expect(splitter.hasPending).toBe(false);
    expect(splitter.flush()).toEqual([]);
  });
});

/** A stand-in for process.stdin: a stream with the TTY methods, recording what was asked of it. */
function fakeTerminal() {
  const source = new PassThrough() as PassThrough & TerminalSource & {isTTY: boolean; isRaw: boolean; calls: string[]};
  source.isTTY = true;
  source.isRaw = false;
  source.calls = [];
  source.setRawMode = (mode: boolean) => {
    source.isRaw = mode;
    source.calls.push(`setRawMode(${mode})`);
    return source;
  };
  source.ref = () => source.calls.push('ref');
  source.unref = () => source.calls.push('unref');
  return source;
}

/** A whenIdle the test opens by hand: `open()` lets the oldest waiter run. */
function manualIdle() {
  const waiting: Array<() => void> = [];
  const whenIdle: WhenIdle = (callback) => {
    waiting.push(callback);
    return () => {
      const index = waiting.indexOf(callback);
      if (index !== -1) waiting.splice(index, 1);
    };
  };
  return {whenIdle, waiting, open: () => waiting.shift()?.()};
}

/** A 'readable' listener that reads like Ink does, collecting the keys. */
function inkLikeReader(input: TerminalInput) {
  const got: string[] = [];
  const listener = (): void => {
    let key: string | null;
    while ((key = input.read()) !== null) got.push(key);
  };
  input.on('readable', listener);
  return {got, stop: () => input.removeListener('readable', listener)};
}

/** Lets the stream's 'readable' event (a nextTick) and any setImmediate run. */
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('TerminalInput: the gate between the terminal and Ink', () => {
  test('hands over one key per idle moment, in order; nothing before the first', async () => {
    const source = fakeTerminal();
    const idle = manualIdle();
    const input = new TerminalInput(source, idle.whenIdle);
    const reader = inkLikeReader(input);
    source.write(`${DOWN}${DOWN}q`);
    await turn();
    expect(reader.got).toEqual([]);
    expect(input.pendingKeys).toEqual([DOWN, DOWN, 'q']);
    expect(idle.waiting).toHaveLength(1);
    idle.open();
    expect(reader.got).toEqual([DOWN]);
    idle.open();
    idle.open();
    expect(reader.got).toEqual([DOWN, DOWN, 'q']);
    expect(idle.waiting).toHaveLength(0);
  });

  test('reads the terminal only while a listener is attached; keys already read wait for the next one', async () => {
    const source = fakeTerminal();
    const idle = manualIdle();
    const input = new TerminalInput(source, idle.whenIdle);
    source.write('ab');
    await turn();
    expect(source.readableLength).toBe(2);
    expect(source.listenerCount('readable')).toBe(0);

    const first = inkLikeReader(input);
    await turn();
    expect(source.readableLength).toBe(0);
    idle.open();
    expect(first.got).toEqual(['a']);
    first.stop();
    expect(source.listenerCount('readable')).toBe(0);
    expect(idle.waiting).toHaveLength(0);

    const second = inkLikeReader(input);
    idle.open();
    expect(second.got).toEqual(['b']);
    second.stop();
  });

  test('a lone ESC is a key once no more input follows at once; ESC + [B in two chunks is one ↓', async () => {
    const source = fakeTerminal();
    const idle = manualIdle();
    const input = new TerminalInput(source, idle.whenIdle);
    const reader = inkLikeReader(input);
    source.write(ESC);
    await turn();
    await turn();
    expect(input.pendingKeys).toEqual([ESC]);
    idle.open();
    source.write(ESC);
    source.write('[B');
    await turn();
    idle.open();
    expect(reader.got).toEqual([ESC, DOWN]);
  });

  test('UTF-8 split across chunks (a Buffer source) comes out whole', async () => {
    const source = fakeTerminal();
    const idle = manualIdle();
    const input = new TerminalInput(source, idle.whenIdle);
    const reader = inkLikeReader(input);
    const bytes = Buffer.from('é😀', 'utf8');
    source.write(bytes.subarray(0, 1));
    await turn();
    source.write(bytes.subarray(1, 4));
    await turn();
    source.write(bytes.subarray(4));
    await turn();
    idle.open();
    idle.open();
    expect(reader.got).toEqual(['é', '😀']);
  });

  test('delegates isTTY, isRaw, setRawMode, setEncoding, ref/unref, pause/resume to the terminal', () => {
    const source = fakeTerminal();
    const input = new TerminalInput(source, manualIdle().whenIdle);
    expect(input.isTTY).toBe(true);
    expect(input.isRaw).toBe(false);
    expect(input.setRawMode(true)).toBe(input);
    expect(input.isRaw).toBe(true);
    input.setEncoding('utf8');
    expect(source.readableEncoding).toBe('utf8');
    input.ref();
    input.unref();
    expect(source.calls).toEqual(['setRawMode(true)', 'ref', 'unref']);
    input.pause();
    expect(source.isPaused()).toBe(true);
    input.resume();
    expect(source.isPaused()).toBe(false);
    const plain = new TerminalInput(Object.assign(new EventEmitter(), {read: () => null}), manualIdle().whenIdle);
    expect(plain.isTTY).toBe(false);
    expect(() => plain.setRawMode(true).ref().unref().pause().resume()).not.toThrow();
  });

  test('a listener that throws does not stop the keys after it', async () => {
    const source = fakeTerminal();
    const idle = manualIdle();
    const input = new TerminalInput(source, idle.whenIdle);
    const got: string[] = [];
    input.on('readable', () => {
      const key = input.read();
      if (key === 'x') throw new Error('handler bug');
      if (key !== null) got.push(key);
    });
    source.write('axb');
    await turn();
    idle.open();
    expect(() => idle.open()).toThrow('handler bug');
    idle.open();
    expect(got).toEqual(['a', 'b']);
  });
});

describe('whenReactIdle', () => {
  test('runs after every passive effect, including re-renders that effects cause', async () => {
    const log: string[] = [];
    function Chain() {
      const [step, setStep] = useState(0);
      useEffect(() => {
        log.push(`effect ${step}`);
        if (step < 3) setStep(step + 1);
      }, [step]);
      return React.createElement(Text, null, String(step));
    }
    const app = mount(React.createElement(Chain), new PassThrough());
    await reactIdle();
    log.push('idle');
    expect(log).toEqual(['effect 0', 'effect 1', 'effect 2', 'effect 3', 'idle']);
    app.unmount();
  });

  test('waiters are served one at a time, in order; a cancelled one is skipped', async () => {
    const order: string[] = [];
    const done = new Promise<void>((resolve) => {
      whenReactIdle(() => order.push('a'));
      const cancel = whenReactIdle(() => order.push('cancelled'));
      whenReactIdle(() => {
        order.push('b');
        resolve();
      });
      cancel();
    });
    await done;
    expect(order).toEqual(['a', 'b']);
  });
});

/** Ink's render() on a fake terminal (debug: every frame written at once, as ink-testing-library does). */
function mount(tree: React.ReactElement, stdin: unknown) {
  const stdout = Object.assign(new EventEmitter(), {columns: 100, rows: 30, frames: [] as string[], write: (frame: string) => stdout.frames.push(frame)});
  const instance = render(tree, {
    stdout: stdout as never,
    stderr: stdout as never,
    stdin: stdin as NodeJS.ReadStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  return Object.assign(instance, {lastFrame: () => stdout.frames.at(-1) ?? ''});
}

/** A list whose input handler is an inline function reading the state of its render (the common way to write it). */
function Counter() {
  const [count, setCount] = useState(0);
  useInput((_input, key) => {
    if (key.downArrow) setCount(count + 1);
  });
  return React.createElement(Text, null, `count ${count}`);
}

describe('a burst of keys through Ink', () => {
  const mounted: Array<{unmount: () => void}> = [];
  afterEach(() => {
    for (const app of mounted.splice(0)) app.unmount();
  });

  test('straight into Ink, three ↓ in one chunk reach one stale handler: the count moves once (the bug)', async () => {
    const source = fakeTerminal();
    const app = mount(React.createElement(Counter), source);
    mounted.push(app);
    await reactIdle();
    source.write(`${DOWN}${DOWN}${DOWN}`);
    await turn();
    await reactIdle();
    expect(app.lastFrame()).toBe('count 1');
  });

  test('through TerminalInput, each ↓ meets the handler of the frame before it: the count moves three times', async () => {
    const source = fakeTerminal();
    const input = new TerminalInput(source);
    const app = mount(React.createElement(Counter), input);
    mounted.push(app);
    // Written right after render(), before Ink listens: kept, not lost.
    source.write(`${DOWN}${DOWN}${DOWN}`);
    while (source.readableLength > 0 || input.pendingKeys.length > 0) await reactIdle();
    await reactIdle();
    expect(app.lastFrame()).toBe('count 3');
    expect(source.isRaw).toBe(true);
    app.unmount();
    expect(source.isRaw).toBe(false);
    expect(source.listenerCount('readable')).toBe(0);
    expect(source.calls.at(-1)).toBe('unref');
  });
});
