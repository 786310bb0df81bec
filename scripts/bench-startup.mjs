#!/usr/bin/env node
// Startup benchmark of the built CLI (run by `npm run bench:startup`, which builds first):
//   (a) spawn → the home screen's first frame, in a pseudo-terminal (node-pty, CI=false so that Ink renders);
//   (b) wall time of `node dist/cli.js profiles list` (spawnSync) with an empty temp config dir.
// Median, min and max over RUNS runs after one warm-up. `--runs N` changes the count; `--check` exits 1 when a
// median misses its target. Only loopback: the child gets a closed local AWS endpoint and dummy credentials.
import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {spawn} from 'node-pty';

/** Text of the home screen's first frame (its title line). */
const HOME_TITLE = 'ecs-wizard · home';
const TARGETS = {home: 150, list: 100};
const argRuns = process.argv.indexOf('--runs');
const RUNS = argRuns === -1 ? 15 : Number(process.argv[argRuns + 1]);
const CHECK = process.argv.includes('--check');
const TIMEOUT_MS = 10_000;

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'dist', 'cli.js');
if (!existsSync(cli)) {
  console.error('dist/cli.js is missing: run `npm run build` (or `npm run bench:startup`, which builds).');
  process.exit(1);
}

const ANSI = /\u001B\[[0-9;?<>=]*[ -/]*[@-~]|\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)|\u001B[()][0-9A-Za-z]|\u001B[=>78DEHMNOPZc]/g;

function env(configDir) {
  return {
    PATH: process.env.PATH ?? '',
    HOME: configDir,
    LANG: 'C.UTF-8',
    TERM: 'xterm-256color',
    CI: 'false',
    ECS_WIZARD_CONFIG_DIR: configDir,
    AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
  };
}

const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;

/** Milliseconds from spawning `node dist/cli.js` in a pty to the home title on its output. */
function homeFirstFrame() {
  const configDir = mkdtempSync(join(tmpdir(), 'ecs-wizard-bench-'));
  return new Promise((resolve, reject) => {
    let output = '';
    let elapsed;
    const start = process.hrtime.bigint();
    const pty = spawn(process.execPath, [cli], {name: 'xterm-256color', cols: 100, rows: 30, cwd: root, env: env(configDir)});
    const timer = setTimeout(() => {
      pty.kill('SIGKILL');
      reject(new Error(`no "${HOME_TITLE}" within ${TIMEOUT_MS} ms; output:\n${output.replace(ANSI, '')}`));
    }, TIMEOUT_MS);
    pty.onData((data) => {
      output += data;
      if (elapsed === undefined && output.replace(ANSI, '').includes(HOME_TITLE)) {
        elapsed = ms(start);
        clearTimeout(timer);
        pty.kill('SIGKILL');
      }
    });
    pty.onExit(() => {
      rmSync(configDir, {recursive: true, force: true});
      if (elapsed !== undefined) resolve(elapsed);
      else {
        clearTimeout(timer);
        reject(new Error(`exited before "${HOME_TITLE}"; output:\n${output.replace(ANSI, '')}`));
      }
    });
  });
}

/** Wall time of `node dist/cli.js profiles list` (exit 0 required). */
function profilesList() {
  const configDir = mkdtempSync(join(tmpdir(), 'ecs-wizard-bench-'));
  try {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [cli, 'profiles', 'list'], {cwd: root, env: env(configDir), encoding: 'utf8'});
    const elapsed = ms(start);
    if (result.status !== 0) throw new Error(`profiles list exited ${result.status}: ${result.stderr}`);
    return elapsed;
  } finally {
    rmSync(configDir, {recursive: true, force: true});
  }
}

async function measure(run) {
  await run(); // warm-up: file system caches
  const samples = [];
  for (let i = 0; i < RUNS; i += 1) samples.push(await run());
  samples.sort((a, b) => a - b);
  const middle = Math.floor(samples.length / 2);
  const median = samples.length % 2 === 1 ? samples[middle] : (samples[middle - 1] + samples[middle]) / 2;
  return {median, min: samples[0], max: samples.at(-1)};
}

const rows = [
  ['spawn → home first frame (pty)', await measure(homeFirstFrame), TARGETS.home],
  ['profiles list (wall)', await measure(profilesList), TARGETS.list],
];

const fmt = (value) => `${value.toFixed(0)} ms`;
const table = [
  ['measure', 'median', 'min', 'max', 'target', ''],
  ...rows.map(([name, result, target]) => [
    name,
    fmt(result.median),
    fmt(result.min),
    fmt(result.max),
    `≤ ${target} ms`,
    result.median <= target ? 'ok' : 'SLOW',
  ]),
];
const widths = table[0].map((_, column) => Math.max(...table.map((row) => row[column].length)));
console.log(`node ${process.version}, ${RUNS} runs each (after one warm-up)`);
for (const row of table) console.log(row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  '));
if (CHECK && rows.some(([, result, target]) => result.median > target)) process.exit(1);
