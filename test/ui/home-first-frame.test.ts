import {EventEmitter} from 'node:events';
import chalk from 'chalk';
import fc from 'fast-check';
import wrapAnsi from 'wrap-ansi';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {homeFirstFrame, wrapLikeInk} from '../../source/ui/home-first-frame.js';
import {HOME_ITEMS, HOME_TAGLINE} from '../../source/ui/screens/home-menu.js';
import {testRoot} from '../helpers/fake-root.js';

/**
 * The computed first frame against Ink's own: the home screen mounted by the program's own runApp (the path `ecs-wizard`
 * takes on a terminal), on a terminal stdout of a given size, its first frame as recorded for the next start.
 */
class TerminalOut extends EventEmitter {
  readonly isTTY = true;
  constructor(
    readonly columns: number,
    readonly rows: number,
  ) {
    super();
  }
  write = (): boolean => true;
}
/** A terminal's input holding `keys`: read by whoever listens for 'readable' (Ink, through terminal-input.ts). */
class TerminalIn extends EventEmitter {
  readonly isTTY = true;
  constructor(private keys: string | null) {
    super();
    this.on('newListener', (event: string) => {
      if (event === 'readable') setImmediate(() => this.emit('readable'));
    });
  }
  setEncoding(): void {}
  setRawMode(): void {}
  resume(): void {}
  pause(): void {}
  ref(): void {}
  unref(): void {}
  read(): string | null {
    const keys = this.keys;
    this.keys = null;
    return keys;
  }
}

// Ink writes nothing but its last frame when it believes it runs in CI (is-in-ci, read when Ink loads): this test is
// about a person's terminal, so Ink is loaded with CI off.
let runApp: typeof import('../../source/ui/run-app.js').runApp;
const savedLevel = chalk.level;
const savedEnv = {CI: process.env.CI, CONTINUOUS_INTEGRATION: process.env.CONTINUOUS_INTEGRATION};
beforeAll(async () => {
  process.env.CI = 'false';
  delete process.env.CONTINUOUS_INTEGRATION;
  ({runApp} = await import('../../source/ui/run-app.js'));
});
afterAll(() => {
  chalk.level = savedLevel;
  for (const [name, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

/** Ink's first frame of the home screen at `columns` × `rows` (chalk at `level`). */
async function inkFirstFrame(columns: number, rows: number, level: 0 | 1 | 2 | 3, version = '0.1.0'): Promise<string> {
  chalk.level = level;
  const stdin = new TerminalIn('q');
  let frame: string | undefined;
  const io = {stdin, stdout: new TerminalOut(columns, rows), stderr: new TerminalOut(columns, rows), interactive: true};
  // q (waiting in the input) quits once Ink listens.
  const running = runApp({root: testRoot({version}), io: io as never}, {name: 'home'}, {color: level > 0, onFirstFrame: (first) => (frame = first)});
  await running;
  if (frame === undefined) throw new Error('no first frame');
  return frame;
}

const NARROWEST = Math.max(HOME_TAGLINE.length, ...HOME_ITEMS.map((item) => item.label.length + 2));

describe("the home screen's computed first frame is Ink's, byte for byte", () => {
  test('at every width from the narrowest drawn to 240 columns (colour)', async () => {
    for (let columns = NARROWEST; columns <= 240; columns += 1) {
      const computed = homeFirstFrame({version: '0.1.0', colour: true, terminal: {columns, rows: 40}});
      expect(computed, `${columns} columns`).toBe(await inkFirstFrame(columns, 40, 1));
    }
  });

  test('without colour, and at every colour level, at a few widths', async () => {
    for (const level of [0, 2, 3] as const) {
      for (const columns of [NARROWEST, 64, 80, 99, 100, 101, 120, 200]) {
        const computed = homeFirstFrame({version: '0.1.0', colour: level > 0, terminal: {columns, rows: 30}});
        expect(computed, `level ${level}, ${columns} columns`).toBe(await inkFirstFrame(columns, 30, level));
      }
    }
  });

  test('at every height around the frame: a frame as tall as the terminal has no newline after it', async () => {
    for (const columns of [80, 160]) {
      for (let rows = 1; rows <= 22; rows += 1) {
        for (const level of [0, 1] as const) {
          const computed = homeFirstFrame({version: '0.1.0', colour: level > 0, terminal: {columns, rows}});
          expect(computed, `${columns}x${rows} level ${level}`).toBe(await inkFirstFrame(columns, rows, level));
        }
      }
    }
  });

  test('another version string', async () => {
    const version = '12.34.5-rc.1';
    expect(homeFirstFrame({version, colour: true, terminal: {columns: 90, rows: 30}})).toBe(await inkFirstFrame(90, 30, 1, version));
  });
});

describe('where it cannot promise Ink’s bytes, it draws nothing', () => {
  test('narrower than the widest fixed line, or no size known', () => {
    expect(homeFirstFrame({version: '0.1.0', colour: true, terminal: {columns: NARROWEST - 1, rows: 40}})).toBeUndefined();
    expect(homeFirstFrame({version: '0.1.0', colour: true, terminal: {columns: 40, rows: 40}})).toBeUndefined();
    expect(homeFirstFrame({version: '0.1.0', colour: true, terminal: {columns: undefined, rows: 40}})).toBeUndefined();
    expect(homeFirstFrame({version: '0.1.0', colour: true, terminal: {columns: 80, rows: undefined}})).toBeUndefined();
    expect(homeFirstFrame({version: '0.1.0', colour: true, terminal: {columns: 0, rows: 0}})).toBeUndefined();
    expect(homeFirstFrame({version: '0.1.0', colour: true, terminal: {columns: NARROWEST, rows: 40}})).toBeDefined();
  });

  test('a version that is not plain text, or one so long that the title would wrap', () => {
    expect(homeFirstFrame({version: '1.0.0-\u001B[31mred', colour: true, terminal: {columns: 120, rows: 40}})).toBeUndefined();
    expect(homeFirstFrame({version: '1.0.0-测试', colour: true, terminal: {columns: 120, rows: 40}})).toBeUndefined();
    expect(homeFirstFrame({version: 'x'.repeat(100), colour: true, terminal: {columns: 120, rows: 40}})).toBeUndefined();
  });
});

describe('wrapLikeInk', () => {
  test('the space before a word that moves down stays at the end of the row; a full row moves it down', () => {
    expect(wrapLikeInk('aa bbb cc', 5)).toEqual(['aa ', 'bbb ', 'cc']);
    expect(wrapLikeInk('aa bb cc', 5)).toEqual(['aa bb', ' cc']);
    expect(wrapLikeInk('aa bb', 80)).toEqual(['aa bb']);
    expect(wrapLikeInk('aaaaaa bb', 5)).toBeUndefined();
  });

  test('is wrap-ansi (hard, no trim: how Ink wraps a Text) for words no wider than a row', () => {
    const word = fc.stringMatching(/^[a-z→…]{0,9}$/);
    fc.assert(
      fc.property(fc.array(word, {minLength: 1, maxLength: 30}), fc.integer({min: 9, max: 40}), (words, columns) => {
        const text = words.join(' ');
        expect(wrapLikeInk(text, columns)).toEqual(wrapAnsi(text, columns, {hard: true, trim: false}).split('\n'));
      }),
      {numRuns: 2000},
    );
  });
});
