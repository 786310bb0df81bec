#!/usr/bin/env node
// Fault and bad-input sweep of the built CLI (`npm run bench:faults`, which builds first). Every case runs real
// processes of `node dist/cli.js` against loopback servers only, and prints one table:
//   cases, passed, lost data (saved profiles that are gone), secrets shown (a planted secret value seen on stdout or
//   stderr), seconds to the first error line (from spawn to the first line on stderr: median / max).
// Faults: 30 concurrent writers × RUNS; kill -9 during a save; an AWS endpoint that accepts and never answers; an AWS
// endpoint that throttles every call; a rollback that ends before `watch` attaches (moto behind a scripted proxy
// that plays ECS's record of a circuit-breaker rollback); the bad-input corpus (test/fixtures/bad-input/) through
// every door. `--runs N` (default 3) repeats the concurrent-writers case; `--only NAME` runs one group; `--verbose` prints
// every case.
import {spawn} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync, watch, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {startMotoServer, startHangingServer, startThrottlingServer, startRollbackProxy} from './bench-faults-servers.mjs';
import {badInputCases, baseCases} from './bench-faults-inputs.mjs';

const argRuns = process.argv.indexOf('--runs');
const RUNS = argRuns === -1 ? 3 : Number(process.argv[argRuns + 1]);
const argOnly = process.argv.indexOf('--only');
const ONLY = argOnly === -1 ? undefined : process.argv[argOnly + 1];
const VERBOSE = process.argv.includes('--verbose');
const WRITERS = 30;
const KILLS = 10;

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'dist', 'cli.js');
if (!existsSync(cli)) {
  console.error('dist/cli.js is missing: run `npm run build` (or `npm run bench:faults`, which builds).');
  process.exit(1);
}
const work = mkdtempSync(join(tmpdir(), 'ecs-wizard-faults-'));
process.on('exit', () => rmSync(work, {recursive: true, force: true}));

/** Secret values planted in the profiles: none may ever appear on a screen or in a log. */
const SECRETS = {
  DATABASE_URL: 'postgres://app:Sup3rS3cretPw9@db.internal/app',
  PAYMENTS: 'sk_live_51HcQz2EXAMPLEf9sT0kEnVaLuE7x',
  GITHUB: 'ghp_R4nd0mT0k3nV4lu3F0rB3nchF4ults0123AB',
};
const shownSecrets = (text) => Object.values(SECRETS).filter((value) => text.includes(value) || text.includes(value.slice(0, 20))).length;
const STACK = /^\s+at .+\(.+:\d+:\d+\)$|^\s+at .+:\d+:\d+$/m;

export function cliEnv(configDir, endpoint = 'http://127.0.0.1:9') {
  return {
    PATH: process.env.PATH ?? '',
    HOME: configDir,
    LANG: 'C.UTF-8',
    CI: 'true',
    NO_COLOR: '1',
    ECS_WIZARD_CONFIG_DIR: configDir,
    AWS_ENDPOINT_URL: endpoint,
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
  };
}

/** Runs the CLI; resolves with its exit code, output, and the milliseconds to its first stderr line. */
export function run(args, {env, killAfterMs, killOnFile, stdin} = {}) {
  return new Promise((resolve) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, [cli, ...args], {cwd: work, env, stdio: ['pipe', 'pipe', 'pipe']});
    let stdout = '';
    let stderr = '';
    let firstErrorMs;
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      if (firstErrorMs === undefined && stderr.includes('\n')) firstErrorMs = Number(process.hrtime.bigint() - start) / 1e6;
    });
    child.stdin.end(stdin ?? '');
    if (killAfterMs !== undefined) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    // Kill the moment a file appears in the directory (the store lock: the kill lands inside the locked write).
    const watcher = killOnFile === undefined ? undefined : watch(killOnFile.dir, (_event, name) => name === killOnFile.name && child.kill('SIGKILL'));
    child.on('close', () => watcher?.close());
    child.on('close', (code, signal) => resolve({code, signal, stdout, stderr, firstErrorMs, ms: Number(process.hrtime.bigint() - start) / 1e6}));
  });
}

const INIT_FLAGS = ['--app', 'shop', '--image', 'library/nginx', '--tag', '1.27', '--launch-type', 'EC2', '--port', '80', '--memory', '256'];

/** A store in `dir` with profiles `names` (saved by `init`), and the export file of the first. */
async function seedStore(dir, names, extra = []) {
  for (const name of names) {
    const result = await run(['init', '--name', name, '--service', name, ...INIT_FLAGS, '--env', 'dev', '--cluster', 'dev', '--yes', ...extra], {
      env: cliEnv(dir),
    });
    if (result.code !== 0) throw new Error(`seeding ${name} failed (${result.code}): ${result.stderr}`);
  }
}

async function storedNames(dir) {
  const result = await run(['profiles', 'list', '--json'], {env: cliEnv(dir)});
  if (result.code !== 0) return {ok: false, names: [], result};
  return {ok: true, names: JSON.parse(result.stdout).map((row) => row.name), result};
}

/** Export files p0…p(n-1), copies of one real export under other names. */
async function exportFiles(count) {
  const dir = mkdtempSync(join(work, 'export-'));
  await seedStore(dir, ['template']);
  const exported = await run(['profiles', 'export', 'template'], {env: cliEnv(dir)});
  const document = JSON.parse(exported.stdout);
  return Array.from({length: count}, (_, index) => {
    const file = join(work, `p${index}.json`);
    writeFileSync(file, JSON.stringify({...document, profile: {...document.profile, name: `p${index}`}}));
    return file;
  });
}

const rows = [];
/** One row: cases (results), passed (predicate), lost, secrets, first error line. */
function row(name, results, passed, lost = 0) {
  const firsts = results
    .filter((result) => result.code !== 0)
    .map((result) => result.firstErrorMs)
    .filter((value) => value !== undefined);
  firsts.sort((a, b) => a - b);
  rows.push({
    name,
    cases: results.length,
    passed: results.filter(passed).length,
    lost,
    secrets: results.reduce((sum, result) => sum + shownSecrets(result.stdout + result.stderr), 0),
    first: firsts.length === 0 ? '—' : `${(firsts[Math.floor(firsts.length / 2)] / 1000).toFixed(2)} / ${(firsts.at(-1) / 1000).toFixed(2)}`,
  });
  if (VERBOSE) {
    for (const result of results) {
      const first = result.firstErrorMs === undefined ? '—' : `${(result.firstErrorMs / 1000).toFixed(2)} s`;
      console.error(
        `  ${passed(result) ? 'ok  ' : 'FAIL'} ${result.label ?? ''}: exit ${result.code}, first stderr line ${first}, ended ${(result.ms / 1000).toFixed(2)} s`,
      );
    }
  }
  const failed = results.filter((result) => !passed(result));
  for (const result of failed.slice(0, 3))
    console.error(
      `  ${name}: failed case ${result.label ?? ''} exit ${result.code}: ${(result.stderr || result.stdout).trim().split('\n').slice(-3).join(' | ')}`,
    );
}
/** stdout and stderr without the "waiting for …" notices: the error itself. */
const withoutNotices = (result) =>
  `${result.stdout}\n${result.stderr}`
    .split('\n')
    .filter((line) => !line.includes('waiting for'))
    .join('\n');
const clean = (result) => !STACK.test(result.stderr) && !STACK.test(result.stdout);

async function concurrentWriters() {
  const files = await exportFiles(WRITERS);
  const results = [];
  let lost = 0;
  for (let runIndex = 0; runIndex < RUNS; runIndex += 1) {
    const dir = mkdtempSync(join(work, 'store-'));
    const batch = await Promise.all(
      files.map((file, index) => run(['profiles', 'import', file], {env: cliEnv(dir)}).then((result) => ({...result, label: `p${index}`}))),
    );
    const {names} = await storedNames(dir);
    for (const result of batch) {
      result.saved = names.includes(result.label);
      if (result.code === 0 && !result.saved) lost += 1;
    }
    results.push(...batch);
  }
  row(`${WRITERS} concurrent profiles import × ${RUNS}`, results, (result) => result.code === 0 && result.saved && clean(result), lost);
}

async function killDuringSave() {
  const dir = mkdtempSync(join(work, 'store-'));
  const kept = ['a1', 'a2', 'a3'];
  await seedStore(dir, kept);
  const files = await exportFiles(KILLS);
  const results = [];
  let lost = 0;
  let locksLeft = 0;
  for (let index = 0; index < KILLS; index += 1) {
    // Half the kills land the moment the store lock is taken (inside the locked read-modify-write), half at spread
    // points of the import (start-up, reading the file, the write).
    const killAt = index % 2 === 0 ? {killOnFile: {dir, name: 'profiles.json.lock'}} : {killAfterMs: 60 + index * 20};
    const killed = await run(['profiles', 'import', files[index]], {env: cliEnv(dir), ...killAt});
    if (existsSync(join(dir, 'profiles.json.lock'))) locksLeft += 1;
    const listed = await storedNames(dir);
    const missing = kept.filter((name) => !listed.names.includes(name));
    lost += missing.length;
    // The next writer must get through (a stale lock is recovered), and what it saved must stay.
    const next = await run(['profiles', 'import', files[index], '--as', `after${index}`], {env: cliEnv(dir)});
    const after = await storedNames(dir);
    if (next.code === 0 && !after.names.includes(`after${index}`)) lost += 1;
    if (next.code === 0) kept.push(`after${index}`);
    results.push({
      ...next,
      label: `kill ${index % 2 === 0 ? 'at the lock' : `after ${60 + index * 20} ms`} (${killed.signal ?? `exit ${killed.code}`})`,
      listedOk: listed.ok && missing.length === 0,
    });
  }
  const slowest = Math.max(...results.map((result) => result.ms));
  console.error(`  kill -9: ${locksLeft} of ${KILLS} kills left the store lock behind; the next import took at most ${(slowest / 1000).toFixed(1)} s`);
  row(`kill -9 during profiles import × ${KILLS}`, results, (result) => result.listedOk && result.code === 0 && clean(result), lost);
}

/** A profile saved in a fresh store, for the AWS-facing commands. */
async function awsStore() {
  const dir = mkdtempSync(join(work, 'store-'));
  await seedStore(dir, ['web']);
  return dir;
}

/** verify, deploy and watch of a saved profile against `server` (closed afterwards). */
async function awsCommandsAgainst(server) {
  const dir = await awsStore();
  const results = [];
  for (const args of [
    ['verify', 'web'],
    ['deploy', 'web', '--yes'],
    ['watch', 'web'],
  ]) {
    const result = await run(args, {env: cliEnv(dir, server.url)});
    results.push({...result, label: args.join(' ')});
  }
  await server.close();
  return results;
}

async function silentEndpoint() {
  const server = await startHangingServer();
  const results = await awsCommandsAgainst(server);
  const names = server.url.replace('http://', '');
  row(
    'AWS endpoint that never answers (verify, deploy, watch)',
    results,
    (result) => result.code === 1 && withoutNotices(result).includes(names) && result.firstErrorMs <= 3000 && result.ms <= 35_000 && clean(result),
  );
}

async function throttling() {
  const server = await startThrottlingServer();
  const results = await awsCommandsAgainst(server);
  row(
    'AWS endpoint that throttles every call (verify, deploy, watch)',
    results,
    (result) => result.code === 1 && /rate exceeded|throttl/i.test(result.stdout + result.stderr) && clean(result),
  );
}

async function lateRollback() {
  const results = [];
  for (const records of [true, false]) results.push(...(await lateRollbackRun(records)));
  row('rollback that ends before watch attaches (moto + scripted ECS: with and without deployment records)', results, (result) =>
    result.expectedCode !== undefined
      ? result.code === result.expectedCode && clean(result)
      : result.code === 3 &&
        /rolled back|ROLLBACK_SUCCESSFUL|rolled_back/i.test(result.stdout + result.stderr) &&
        !/deployed:/.test(result.stdout) &&
        clean(result),
  );
}

async function lateRollbackRun(records) {
  const moto = await startMotoServer();
  const proxy = await startRollbackProxy(moto.url, {records});
  const results = [];
  try {
    await proxy.seed();
    const dir = mkdtempSync(join(work, 'store-'));
    const env = cliEnv(dir, proxy.url);
    const flags = ['--app', 'shop', '--registry', 'ecr', '--image', 'web', '--tag', '1', '--launch-type', 'EC2', '--port', '80', '--memory', '256'];
    const init = await run(['init', '--name', 'web', '--service', 'web', ...flags, '--env', 'dev', '--cluster', 'dev', '--yes'], {env});
    if (init.code !== 0) throw new Error(`init failed: ${init.stderr}`);
    const first = await run(['deploy', 'web', '--yes', '--no-wait', '--tag', '1'], {env});
    if (first.code !== 0) throw new Error(`deploy --tag 1 failed: ${first.stderr}${first.stdout}`);
    // What runs now holds plaintext secrets: the diff and the plan show them only masked.
    await proxy.plant(SECRETS);
    const diff = await run(['diff', 'web', '--exit-code'], {env});
    // The planted secrets must be in the diff (masked): else this case would prove nothing.
    if (!diff.stdout.includes('postgres://app:…@db.internal/app')) throw new Error(`the diff does not show the planted secrets masked:\n${diff.stdout}`);
    results.push({...diff, label: 'diff against a revision with plaintext secrets', expectedCode: 1});
    const second = await run(['deploy', 'web', '--yes', '--no-wait', '--tag', '2'], {env});
    if (second.code !== 0) throw new Error(`deploy --tag 2 failed: ${second.stderr}${second.stdout}`);
    results.push({...second, label: 'deploy --no-wait over a revision with plaintext secrets', expectedCode: 0});
    proxy.rollBack();
    for (const args of [
      ['watch', 'web'],
      ['watch', 'web', '--json'],
    ]) {
      const result = await run(args, {env});
      results.push({...result, label: `${args.join(' ')} (${records ? 'with' : 'without'} records)`});
    }
  } finally {
    await proxy.close();
    await moto.close();
  }
  return results;
}

async function badInputs() {
  const dir = await awsStore();
  const goodStore = mkdtempSync(join(work, 'store-'));
  for (const item of baseCases(root, work)) {
    const result = await run(item.args, {env: cliEnv(goodStore)});
    if (result.code !== 0)
      throw new Error(`the corpus's base is refused (${item.label}, exit ${result.code}): the bad cases would prove nothing\n${result.stderr}`);
  }
  const results = [];
  for (const item of badInputCases(root, work)) {
    const before = readFileSync(join(dir, 'profiles.json'), 'utf8');
    const result = await run(item.args, {env: cliEnv(dir), ...(item.stdin === undefined ? {} : {stdin: item.stdin})});
    const after = readFileSync(join(dir, 'profiles.json'), 'utf8');
    results.push({...result, label: item.label, expected: item.expect, unchanged: before === after});
  }
  const lost = results.filter((result) => !result.unchanged).length;
  row(
    'bad-input corpus through every door',
    results,
    (result) => result.code === 2 && result.unchanged && clean(result) && (result.expected === undefined || result.expected.test(result.stderr)),
    lost,
  );
}

const GROUPS = {writers: concurrentWriters, kill: killDuringSave, silent: silentEndpoint, throttling, rollback: lateRollback, inputs: badInputs};
for (const [name, group] of Object.entries(GROUPS)) {
  if (ONLY !== undefined && ONLY !== name) continue;
  try {
    await group();
  } catch (error) {
    console.error(`${name}: could not run: ${error instanceof Error ? error.message : String(error)}`);
    rows.push({name, cases: 0, passed: 0, lost: 0, secrets: 0, first: 'error'});
  }
}

const table = [
  ['case', 'cases', 'passed', 'lost data', 'secrets shown', 'first error line (s, median / max)'],
  ...rows.map((entry) => [entry.name, String(entry.cases), String(entry.passed), String(entry.lost), String(entry.secrets), entry.first]),
];
const widths = table[0].map((_, column) => Math.max(...table.map((cells) => cells[column].length)));
console.log(`node ${process.version}, ${RUNS} runs of the concurrent writers`);
console.log(`| ${table[0].map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`);
console.log(`|${widths.map((width, column) => (column === 0 ? '-'.repeat(width + 2) : `${'-'.repeat(width + 1)}:`)).join('|')}|`);
for (const cells of table.slice(1))
  console.log(`| ${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join(' | ')} |`);
const bad = rows.some((entry) => entry.passed !== entry.cases || entry.lost > 0 || entry.secrets > 0 || entry.cases === 0);
process.exit(bad ? 1 : 0);
