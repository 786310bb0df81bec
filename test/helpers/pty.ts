/**
 * End-to-end driver: the BUILT CLI (dist/cli.js) in a real pseudo-terminal (node-pty), its output fed into a
 * headless xterm so that tests read the screen a user would see.
 *
 *   const cli = spawnCli([]);
 *   await cli.waitForText('Manage profiles');
 *   await cli.press('down');
 *   await cli.waitForText(/› Quit/);
 *   await cli.press('enter');
 *   expect(await cli.waitForExit()).toBe(0);
 *
 * The child gets a safe environment only (loopback AWS endpoint, dummy credentials, a temp config dir, CI=false so
 * that Ink renders every frame). Call disposeAll() in afterEach.
 *
 * No sleeps: press() only writes. The program takes keys one at a time, each once React is idle
 * (source/ui/terminal-input.ts), so a key written at any moment meets the handlers of the frame before it.
 * waitForText() is woken by the program's output and looks at the screen only between frames (Ink wraps each
 * frame in a synchronized update, ESC[?2026h … ESC[?2026l). Waits have no deadline that a slow machine could
 * reach: only a hang (PTY_HANG_MS) ends one, with the screen in the error; vitest's e2e timeout is above it.
 *
 * Also usable as a vitest globalSetup file (`setup` builds dist/ when it is missing or older than source/).
 */
import {spawn as spawnProcess} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, rmdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import xterm from '@xterm/headless';
import {spawn} from 'node-pty';
import type {IPty} from 'node-pty';
import {keyCode} from './ink.js';
import type {KeyName} from './ink.js';

const {Terminal} = xterm;

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CLI = join(ROOT, 'dist', 'cli.js');
const CLOSED_ENDPOINT = 'http://127.0.0.1:9';
/** Longer than any wait of a working test on a loaded machine: a wait this long is a hang. */
export const PTY_HANG_MS = 90_000;
/** Synchronized update (DEC mode 2026): Ink writes each frame between these two. */
const BEGIN_FRAME = '\u001B[?2026h';
const END_FRAME = '\u001B[?2026l';

/** Text the screen contains, a pattern it matches, or a predicate of the whole screen. */
export type ScreenMatcher = string | RegExp | ((screen: string) => boolean);

export interface PtyOptions {
  /** Extra or overriding environment; `undefined` removes a variable. */
  env?: Record<string, string | undefined>;
  cols?: number;
  rows?: number;
  /** The profile store directory (ECS_WIZARD_CONFIG_DIR); a fresh temp dir, removed on dispose, by default. */
  configDir?: string;
  /** The script to run instead of dist/cli.js (tests of the driver itself). */
  script?: string;
  cwd?: string;
}

export interface PtySession {
  /** The visible screen: one line per row, right-trimmed, trailing empty rows dropped. */
  screen(): string;
  /** Everything the program wrote, escape codes included. */
  output(): string;
  /**
   * Waits until the screen has changed since the last key press (or since spawn), is between two frames and
   * contains `text`; returns the screen. Only a hang ends it (PTY_HANG_MS, or `hangMs` if longer), showing the
   * screen.
   */
  waitForText(text: ScreenMatcher, hangMs?: number): Promise<string>;
  /** Writes a key ('enter', 'esc', 'up', 'down', 'ctrl-c', …) or raw text (as one chunk, like a paste). */
  press(key: KeyName | (string & {})): Promise<void>;
  /** Resolves with the exit code once the program has exited (and its last output is on the screen). */
  waitForExit(hangMs?: number): Promise<number>;
  readonly configDir: string;
  readonly pid: number;
  /** Kills the program if it still runs, frees the terminal, removes the temp config dir. */
  dispose(): void;
}

/** One step of a walk through screens: waits for `expected` on the screen, then presses `keys`; returns that screen. */
export async function step(cli: PtySession, expected: ScreenMatcher, ...keys: string[]): Promise<string> {
  const screen = await cli.waitForText(expected);
  for (const key of keys) await cli.press(key);
  return screen;
}

const sessions = new Set<PtySession>();

/** Disposes every session still open (call in afterEach). */
export function disposeAll(): void {
  for (const session of sessions) session.dispose();
}

/** The environment of the child: nothing inherited but PATH, and nothing that could reach beyond loopback. */
export function ptyEnv(configDir: string, extra: Record<string, string | undefined> = {}): Record<string, string> {
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: configDir,
    LANG: 'C.UTF-8',
    TERM: 'xterm-256color',
    CI: 'false',
    ECS_WIZARD_CONFIG_DIR: configDir,
    AWS_ENDPOINT_URL: CLOSED_ENDPOINT,
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    ...extra,
  };
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

class Timeout extends Error {
  override name = 'TimeoutError';
}

/** Spawns `node dist/cli.js ...args` in a 100×30 pseudo-terminal. */
export function spawnCli(args: string[], options: PtyOptions = {}): PtySession {
  const cols = options.cols ?? 100;
  const rows = options.rows ?? 30;
  const ownConfigDir = options.configDir === undefined;
  const configDir = options.configDir ?? mkdtempSync(join(tmpdir(), 'ecs-wizard-e2e-'));
  const terminal = new Terminal({cols, rows, allowProposedApi: true, scrollback: 1_000});
  const pty: IPty = spawn(process.execPath, [options.script ?? CLI, ...args], {
    name: 'xterm-256color',
    cols,
    rows,
    cwd: options.cwd ?? ROOT,
    env: ptyEnv(configDir, options.env),
  });

  let raw = '';
  /** Bumped each time parsed output reaches the screen. */
  let generation = 0;
  /** The screen is in the middle of a frame (a synchronized update begun and not yet ended). */
  let midFrame = false;
  let generationAtKey = 0;
  let exitCode: number | undefined;
  let disposed = false;
  const listeners = new Set<() => void>();
  const notify = (): void => {
    for (const listener of [...listeners]) listener();
  };
  /** Resolves when everything written so far has been parsed by the terminal. */
  let parsed: Promise<void> = Promise.resolve();

  pty.onData((data) => {
    raw += data;
    // Whether the output so far ends inside a frame (looked up on all of it: a marker may be cut between chunks).
    const inFrame = raw.lastIndexOf(BEGIN_FRAME) > raw.lastIndexOf(END_FRAME);
    parsed = new Promise((resolve) => {
      terminal.write(data, () => {
        generation += 1;
        midFrame = inFrame;
        notify();
        resolve();
      });
    });
  });
  const exited = new Promise<number>((resolve) => {
    pty.onExit(({exitCode: code}) => {
      // The last chunk may still be in the terminal's parser: let it reach the screen first.
      void parsed.then(() => {
        exitCode = code;
        notify();
        resolve(code);
      });
    });
  });

  function screen(): string {
    const buffer = terminal.buffer.active;
    const lines: string[] = [];
    for (let y = 0; y < terminal.rows; y += 1) {
      lines.push(
        buffer
          .getLine(buffer.viewportY + y)
          ?.translateToString(true)
          .trimEnd() ?? '',
      );
    }
    while (lines.length > 0 && lines.at(-1) === '') lines.pop();
    return lines.join('\n');
  }

  /** Resolves when `condition` holds, re-checking after each output chunk and on exit; rejects after a hang. */
  function until(condition: () => boolean, timeoutMs: number, describe: () => string): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        if (!condition()) return;
        cleanup();
        resolve();
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Timeout(`${describe()}\n--- screen (${cols}×${rows}) ---\n${screen()}\n--- end of screen ---`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        listeners.delete(check);
      };
      listeners.add(check);
      check();
    });
  }

  const contains = (text: ScreenMatcher): boolean => {
    const shown = screen();
    return typeof text === 'string' ? shown.includes(text) : text instanceof RegExp ? text.test(shown) : text(shown);
  };

  const session: PtySession = {
    configDir,
    pid: pty.pid,
    screen,
    output: () => raw,
    async waitForText(text, hangMs = PTY_HANG_MS) {
      const limit = Math.max(hangMs, PTY_HANG_MS);
      const what = typeof text === 'string' ? JSON.stringify(text) : text instanceof RegExp ? String(text) : 'the predicate';
      const since = generationAtKey;
      await until(
        () => (generation > since && !midFrame && contains(text)) || exitCode !== undefined,
        limit,
        () =>
          `waitForText: ${what} not on the screen after ${limit / 1000} s, a hang${generation > since ? '' : ' (the screen did not change since the last key)'}`,
      );
      if (!contains(text)) {
        throw new Error(`waitForText: ${what} not on the screen: the program exited with code ${exitCode}\n--- screen ---\n${screen()}\n--- end of screen ---`);
      }
      return screen();
    },
    async press(key) {
      if (exitCode !== undefined) throw new Error(`press(${JSON.stringify(key)}): the program has exited with code ${exitCode}\n--- screen ---\n${screen()}`);
      generationAtKey = generation;
      pty.write(keyCode(key));
    },
    async waitForExit(hangMs = PTY_HANG_MS) {
      const limit = Math.max(hangMs, PTY_HANG_MS);
      await until(
        () => exitCode !== undefined,
        limit,
        () => `waitForExit: still running after ${limit / 1000} s, a hang`,
      );
      return exited;
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      sessions.delete(session);
      if (exitCode === undefined) {
        try {
          pty.kill('SIGKILL');
        } catch {
          // already gone
        }
      }
      terminal.dispose();
      if (ownConfigDir) rmSync(configDir, {recursive: true, force: true});
    },
  };
  sessions.add(session);
  return session;
}

/** Runs `node scripts/build.mjs [args]`; rejects with its output when it fails. */
function runBuild(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawnProcess(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), ...args], {cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe']});
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the build failed (exit ${code}):\n${output}`))));
  });
}

/**
 * Builds dist/ when dist/cli.js is missing (`ifStale`: also when source/ is newer). Test files running in parallel
 * share one build through a lock directory; the others wait for it (bounded).
 */
export async function ensureBuilt(options: {ifStale?: boolean} = {}): Promise<void> {
  if (!options.ifStale && existsSync(CLI)) return;
  const cacheDir = join(ROOT, 'node_modules', '.cache');
  mkdirSync(cacheDir, {recursive: true});
  const lock = join(cacheDir, 'ecs-wizard-e2e-build.lock');
  for (let attempt = 0; attempt < 1_200; attempt += 1) {
    try {
      mkdirSync(lock);
    } catch {
      // Another test file is building: wait for it to finish.
      await new Promise((resolve) => setTimeout(resolve, 50));
      continue;
    }
    try {
      if (options.ifStale || !existsSync(CLI)) await runBuild(options.ifStale ? ['--if-stale'] : []);
      return;
    } finally {
      rmdirSync(lock);
    }
  }
  throw new Error(`ensureBuilt: ${lock} held for a minute; remove it if no build is running`);
}

/** vitest globalSetup entry (`globalSetup: ['test/helpers/pty.ts']`): build dist/ if missing or stale. */
export async function setup(): Promise<void> {
  await ensureBuilt({ifStale: true});
}
