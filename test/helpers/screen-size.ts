/**
 * Screens at a terminal size: ink-testing-library's render with a stdout of `columns` × `rows` (the library's
 * own is 100 columns and has no rows, so nothing is fitted to a height), and golden frames.
 *
 *   const app = renderSized(<Home … />, {columns: 80, rows: 24});
 *   const frame = await waitForFrame(app, 'Manage profiles');
 *   expectFits(frame, {columns: 80, rows: 24});
 *   golden(import.meta.dirname, 'home.80x24.txt', frame);   // UPDATE_GOLDEN=1 writes the file
 *
 * The instance works with press() and waitForFrame() (test/helpers/ink.ts). Call cleanupSized() in afterEach.
 */
import {EventEmitter} from 'node:events';
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {render as inkRender, type Instance} from 'ink';
import type React from 'react';
import {expect} from 'vitest';
import type {InkInstance} from './ink.js';

export interface ScreenSize {
  columns: number;
  rows: number;
}

/** The two sizes every screen is checked at: a small terminal and a roomy one. */
export const SIZES: readonly ScreenSize[] = [
  {columns: 80, rows: 24},
  {columns: 120, rows: 40},
];

export const sizeName = (size: ScreenSize): string => `${size.columns}x${size.rows}`;

class Stdout extends EventEmitter {
  readonly frames: string[] = [];
  private last: string | undefined;
  readonly isTTY = false;
  constructor(
    readonly columns: number,
    readonly rows: number,
  ) {
    super();
  }
  write = (frame: string): void => {
    this.frames.push(frame);
    this.last = frame;
  };
  lastFrame = (): string | undefined => this.last;
}

class Stdin extends EventEmitter {
  isTTY = true;
  private data: string | null = null;
  write = (data: string): void => {
    this.data = data;
    this.emit('readable');
    this.emit('data', data);
  };
  read = (): string | null => {
    const {data} = this;
    this.data = null;
    return data;
  };
  setEncoding(): void {}
  setRawMode(): void {}
  resume(): void {}
  pause(): void {}
  ref(): void {}
  unref(): void {}
}

const instances: Instance[] = [];

/** Renders `tree` on a terminal of `size` (as ink-testing-library's render does, debug mode: every frame whole). */
export function renderSized(tree: React.ReactElement, size: ScreenSize): InkInstance {
  const stdout = new Stdout(size.columns, size.rows);
  const stderr = new Stdout(size.columns, size.rows);
  const stdin = new Stdin();
  const instance = inkRender(tree, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: stderr as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  instances.push(instance);
  return {
    rerender: instance.rerender,
    unmount: instance.unmount,
    cleanup: instance.cleanup,
    stdout,
    stderr,
    stdin,
    frames: stdout.frames,
    lastFrame: stdout.lastFrame,
  } as unknown as InkInstance;
}

export function cleanupSized(): void {
  for (const instance of instances.splice(0)) {
    instance.unmount();
    instance.cleanup();
  }
}

/** Visible width of a line (code points; the frames here have no colour codes). */
const width = (line: string): number => Array.from(line).length;

/** The frame fits the terminal: fewer lines than rows (Ink redraws the whole screen otherwise), none wider. */
export function expectFits(frame: string, size: ScreenSize): void {
  const lines = frame.split('\n');
  expect(lines.length, `${lines.length} lines on a ${sizeName(size)} terminal:\n${frame}`).toBeLessThanOrEqual(size.rows - 1);
  for (const line of lines) expect(width(line), `wider than ${size.columns} columns: ${JSON.stringify(line)}`).toBeLessThanOrEqual(size.columns);
}

/** Compares `frame` with the golden file `dir/golden/name`; UPDATE_GOLDEN=1 writes it instead. */
export function golden(dir: string, name: string, frame: string): void {
  const file = join(dir, 'golden', name);
  const text = `${frame
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')}\n`;
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(file), {recursive: true});
    writeFileSync(file, text);
  }
  expect(existsSync(file), `${file} (run with UPDATE_GOLDEN=1 to write it)`).toBe(true);
  expect(text).toBe(readFileSync(file, 'utf8'));
}
