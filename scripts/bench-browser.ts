/**
 * Benchmark of the task definition browser.
 *
 * 1. First screen: moto seeded with 100 families × 10 revisions (1,000 RegisterTaskDefinition through the SDK,
 *    8 at a time); the BUILT CLI in a pseudo-terminal; from the Enter on "Browse task definitions" (home screen
 *    showing, AWS SDK not loaded yet) to the first families on the screen. Target ≤ 250 ms.
 * 2. Keystroke to frame while scrolling a 5,000-row list, target ≤ 30 ms:
 *    a. in the pty: moto grown to 5,000 families (moto answers in one page), ↓ / PgDn pressed one at a time;
 *    b. in-process: Ink's real renderer (capped at 30 fps as in the CLI, and at 60 for comparison) on a fake ECS
 *       port that pages by 100, after all 50 pages are loaded; ↓ one at a time and at key-repeat rate (every 33 ms).
 *
 *   node scripts/build.mjs && node scripts/run-ts.mjs scripts/bench-browser.ts [runs]
 */
import {EventEmitter} from 'node:events';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {performance} from 'node:perf_hooks';
import React from 'react';
import {render} from 'ink';
import xterm from '@xterm/headless';
import {spawn, type IPty} from 'node-pty';
import {createAwsClientFactory} from '../source/adapters/aws/client-factory.js';
import {App} from '../source/ui/app.js';
import {testRoot} from '../test/helpers/fake-root.js';
import {startMoto} from '../test/helpers/moto-global-setup.js';
import {PagingEcs, seedFamilies} from '../test/helpers/paging-ecs.js';
import {ptyEnv} from '../test/helpers/pty.js';

const {Terminal} = xterm;
/** run-ts.mjs runs a bundled copy elsewhere, but sets argv[1] to this file: the repository is its parent's parent. */
const ROOT = dirname(dirname(process.argv[1] ?? join(process.cwd(), 'scripts', 'x')));
const CLI = join(ROOT, 'dist', 'cli.js');
const runs = Number(process.argv[2] ?? 10);
const FIRST_SCREEN_TARGET_MS = 250;
const KEY_TARGET_MS = 30;

const stats = (samples: number[]): string => {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return `median ${at(0.5).toFixed(1)} ms · p95 ${at(0.95).toFixed(1)} ms · max ${(sorted.at(-1) ?? Number.NaN).toFixed(1)} ms (n=${samples.length})`;
};
const verdict = (value: number, target: number): string => (value <= target ? `✓ ≤ ${target} ms` : `✗ > ${target} ms`);
const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Registers `count` task definitions, `limit` at a time. */
async function register(client: import('@aws-sdk/client-ecs').ECSClient, inputs: Array<Record<string, unknown>>, limit = 8): Promise<number> {
  const {RegisterTaskDefinitionCommand} = await import('@aws-sdk/client-ecs');
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({length: limit}, async () => {
      while (next < inputs.length) {
        const input = inputs[next]!;
        next += 1;
        await client.send(new RegisterTaskDefinitionCommand(input as never));
      }
    }),
  );
  return performance.now() - started;
}

const taskDefinition = (family: string, revision: number): Record<string, unknown> => ({
  family,
  networkMode: 'awsvpc',
  requiresCompatibilities: ['FARGATE'],
  cpu: '256',
  memory: '512',
  executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
  containerDefinitions: [
    {name: 'web', image: `registry.example.com:5000/team/${family}:1.${revision}.0`, essential: true, portMappings: [{containerPort: 8080}]},
  ],
});

/** The built CLI in a pty, with a headless terminal and precise "until the screen shows X" timing. */
function terminal(env: Record<string, string>) {
  const cols = 100;
  const rows = 30;
  const term = new Terminal({cols, rows, allowProposedApi: true});
  const pty: IPty = spawn(process.execPath, [CLI], {name: 'xterm-256color', cols, rows, cwd: ROOT, env});
  const waiters = new Set<() => void>();
  pty.onData((data) => term.write(data, () => waiters.forEach((check) => check())));
  const screen = (): string => {
    const lines: string[] = [];
    for (let y = 0; y < rows; y += 1) lines.push(term.buffer.active.getLine(term.buffer.active.viewportY + y)?.translateToString(true) ?? '');
    return lines.join('\n');
  };
  /** Resolves with the time (performance.now) at which the screen first showed `text`. */
  const until = (text: string | RegExp | ((screen: string) => boolean), timeoutMs = 10_000): Promise<number> =>
    new Promise((resolve, reject) => {
      const matches = (): boolean => (typeof text === 'string' ? screen().includes(text) : text instanceof RegExp ? text.test(screen()) : text(screen()));
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`timed out waiting for ${String(text)}:\n${screen()}`));
      }, timeoutMs);
      const check = (): void => {
        if (!matches()) return;
        clearTimeout(timer);
        waiters.delete(check);
        resolve(performance.now());
      };
      waiters.add(check);
      check();
    });
  return {
    until,
    screen,
    write: (keys: string): number => {
      const at = performance.now();
      pty.write(keys);
      return at;
    },
    kill: () => pty.kill('SIGKILL'),
  };
}

/** Loopback only, dummy credentials (as test/helpers/moto.ts, which needs vitest's runtime). */
const motoEnv = (url: string): Record<string, string> => ({
  AWS_ENDPOINT_URL: url,
  AWS_ACCESS_KEY_ID: 'test',
  AWS_SECRET_ACCESS_KEY: 'test',
  AWS_REGION: 'us-east-1',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  AWS_CONFIG_FILE: '/dev/null',
  AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
});

/** Home screen up; the selection moved down to "Browse task definitions" (whatever entries come before it). */
async function toBrowseEntry(cli: ReturnType<typeof terminal>): Promise<void> {
  await cli.until('Browse task definitions');
  await delay(150);
  while (!cli.screen().includes('❯ Browse task definitions')) {
    const before = cli.screen();
    cli.write('j');
    await cli.until((screen) => screen !== before);
    await delay(60);
  }
  await delay(150);
}

const DOWN = '\u001B[B';
const PAGE_DOWN = '\u001B[6~';

async function ptyBenchmarks(): Promise<void> {
  const moto = await startMoto();
  const configDir = mkdtempSync(join(tmpdir(), 'ecsw-bench-'));
  try {
    // The SDK reads credentials from this process's environment: dummy ones, and moto only.
    Object.assign(process.env, motoEnv(moto.url));
    const factory = createAwsClientFactory({env: motoEnv(moto.url), userAgent: 'ecs-wizard/bench'});
    const client = await factory.ecs();
    const families = Array.from({length: 100}, (_, index) => `app-${String(index).padStart(3, '0')}`);
    const seeded = await register(
      client,
      Array.from({length: 1_000}, (_, index) => taskDefinition(families[index % 100]!, Math.floor(index / 100) + 1)),
    );
    console.log(`moto seeded: 100 families × 10 revisions (1,000 RegisterTaskDefinition, 8 at a time) in ${Math.round(seeded)} ms`);

    const env = ptyEnv(configDir, {AWS_ENDPOINT_URL: moto.url});
    const firstScreen: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      const cli = terminal(env);
      await toBrowseEntry(cli);
      const pressed = cli.write('\r');
      const shown = await cli.until(/❯ app-000[\s\S]*100 families/);
      firstScreen.push(shown - pressed);
      cli.kill();
    }
    const median = [...firstScreen].sort((a, b) => a - b)[Math.floor(firstScreen.length / 2)]!;
    console.log(
      `1. Enter on "Browse task definitions" → first screen of families (100 families / 1,000 revisions, built CLI in a pty): ${stats(firstScreen)}  ${verdict(median, FIRST_SCREEN_TARGET_MS)}`,
    );

    const more = Array.from({length: 4_900}, (_, index) => taskDefinition(`svc-${String(index).padStart(4, '0')}`, 1));
    const grown = await register(client, more);
    console.log(`moto grown to 5,000 families (4,900 more RegisterTaskDefinition) in ${Math.round(grown)} ms`);
    factory.destroy();

    const cli = terminal(env);
    await toBrowseEntry(cli);
    const pressed = cli.write('\r');
    const shown = await cli.until(/5,000 families/, 30_000);
    console.log(`   (5,000 families in moto's one page: first screen in ${Math.round(shown - pressed)} ms)`);
    await delay(200);
    const down: number[] = [];
    const names = ['app-000', ...families.slice(1), ...more.map((input) => String(input['family']))].sort();
    for (let index = 1; index <= 200; index += 1) {
      const at = cli.write(DOWN);
      down.push((await cli.until(`❯ ${names[index]}`)) - at);
      await delay(40);
    }
    const pages: number[] = [];
    let selected = 200;
    for (let page = 0; page < 50; page += 1) {
      const at = cli.write(PAGE_DOWN);
      selected += 19;
      pages.push((await cli.until(`❯ ${names[selected]}`)) - at);
      await delay(40);
    }
    cli.kill();
    const downMedian = [...down].sort((a, b) => a - b)[100]!;
    console.log(`2a. pty, 5,000-row list: ↓ ${stats(down)}  ${verdict(downMedian, KEY_TARGET_MS)}`);
    console.log(`    pty, 5,000-row list: PgDn ${stats(pages)}`);
  } finally {
    await moto.stop();
    rmSync(configDir, {recursive: true, force: true});
  }
}

/** A TTY-like stdout/stdin pair for Ink's real (throttled) renderer. */
class FakeStdout extends EventEmitter {
  readonly isTTY = true;
  readonly columns = 100;
  readonly rows = 30;
  onWrite?: (text: string) => void;
  write(text: string): boolean {
    this.onWrite?.(text);
    return true;
  }
}

class FakeStdin extends EventEmitter {
  readonly isTTY = true;
  private data: string | null = null;
  setRawMode(): void {}
  setEncoding(): void {}
  resume(): void {}
  pause(): void {}
  ref(): void {}
  unref(): void {}
  read = (): string | null => {
    const data = this.data;
    this.data = null;
    return data;
  };
  send(data: string): void {
    this.data = data;
    this.emit('readable');
    this.emit('data', data);
  }
}

async function inProcessBenchmark(maxFps: number): Promise<void> {
  const ecs = new PagingEcs();
  const names = seedFamilies(ecs, {families: 5_000, revisions: 1});
  const stdout = new FakeStdout();
  const stdin = new FakeStdin();
  let output = '';
  const waiters = new Set<() => void>();
  stdout.onWrite = (text) => {
    output += text;
    waiters.forEach((check) => check());
  };
  /** Resolves with the time the output (since `from`) first contained `text`. */
  const until = (text: string, from: number, timeoutMs = 10_000): Promise<number> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${text}`)), timeoutMs);
      const check = (): void => {
        if (!output.slice(from).includes(text)) return;
        clearTimeout(timer);
        waiters.delete(check);
        resolve(performance.now());
      };
      waiters.add(check);
      check();
    });
  const instance = render(React.createElement(App, {root: testRoot({ecs}), initial: {name: 'browse-families'}}), {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    stderr: stdout as unknown as NodeJS.WriteStream,
    exitOnCtrlC: false,
    patchConsole: false,
    maxFps,
  });
  await until('100 families loaded', 0);
  await delay(50);
  // Read all 50 pages: a filter that matches nothing does it; then clear it.
  stdin.send('/');
  await delay(50);
  stdin.send('z');
  await until('Nothing matches', 0, 60_000);
  await delay(50);
  let mark = output.length;
  stdin.send('\u001B');
  await until('5,000 families', mark);
  await delay(100);
  if (ecs.count('listTaskDefinitionFamilies') !== 50) throw new Error(`expected 50 pages, read ${ecs.count('listTaskDefinitionFamilies')}`);

  const spaced: number[] = [];
  for (let index = 1; index <= 300; index += 1) {
    mark = output.length;
    const at = performance.now();
    stdin.send('j');
    spaced.push((await until(`❯ ${names[index]}`, mark)) - at);
    await delay(40);
  }
  // Key repeat: one ↓ every 33 ms whatever the screen does; each key's latency until its row is selected on screen.
  const repeat: number[] = [];
  const pending: Array<Promise<void>> = [];
  for (let index = 301; index <= 600; index += 1) {
    const from = output.length;
    const at = performance.now();
    stdin.send(DOWN);
    // A later frame may already show a later row: this key's frame is the first to show its row or a later one.
    pending.push(
      Promise.race(names.slice(index, index + 3).map((name) => until(`❯ ${name}`, from))).then((time) => {
        repeat.push(time - at);
      }),
    );
    await delay(33);
  }
  await Promise.all(pending);
  instance.unmount();
  const spacedMedian = [...spaced].sort((a, b) => a - b)[150]!;
  console.log(
    `2b. in-process (Ink's renderer capped at ${maxFps} fps, fake port paging by 100, 5,000 rows in 50 pages): ↓ one at a time ${stats(spaced)}  ${verdict(spacedMedian, KEY_TARGET_MS)}`,
  );
  console.log(`    in-process at ${maxFps} fps, ↓ at key-repeat rate (every 33 ms): ${stats(repeat)}`);
}

await ptyBenchmarks();
// 30 fps is Ink's default and what the CLI uses; 60 for comparison (the cap is what a held-down key waits for).
await inProcessBenchmark(30);
await inProcessBenchmark(60);
process.exit(0);
