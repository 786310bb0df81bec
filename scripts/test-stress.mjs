#!/usr/bin/env node
// The test suite on a busy machine: one CPU hog per core runs while `npm test` (build, type-check, every vitest
// project) runs, so a test that depends on timing shows up here and not on a colleague's loaded laptop.
//
//   npm run test:stress                     the whole suite once
//   npm run test:stress -- --repeat=3       three times in a row (stops at the first failure)
//   npm run test:stress -- --project e2e    extra arguments go to vitest
//
// Exits with the suite's exit code. The hogs are killed whatever happens, and each one also exits by itself
// when this script is gone (it checks that its parent still exists), so none is ever left spinning.
import {spawn} from 'node:child_process';
import {availableParallelism} from 'node:os';

let repeat = 1;
const vitestArgs = [];
for (const argument of process.argv.slice(2)) {
  const match = /^--repeat=(\d+)$/.exec(argument);
  if (match) repeat = Math.max(1, Number(match[1]));
  else vitestArgs.push(argument);
}

// Spins; every few million turns, exits if the parent (this script) is gone.
const HOG = `
const parent = Number(process.argv[1]);
for (let turn = 1; ; turn += 1) {
  if ((turn & 0x3fffff) === 0) {
    try { process.kill(parent, 0); } catch { process.exit(0); }
  }
}`;

const cores = availableParallelism();
const hogs = [];

function killHogs() {
  for (const hog of hogs.splice(0)) {
    if (hog.exitCode === null && hog.signalCode === null) hog.kill('SIGKILL');
  }
}

let suite;
process.on('exit', killHogs);
for (const [signal, number] of [
  ['SIGINT', 2],
  ['SIGTERM', 15],
  ['SIGHUP', 1],
]) {
  process.on(signal, () => {
    killHogs();
    suite?.kill(signal);
    process.exit(128 + number);
  });
}

for (let index = 0; index < cores; index += 1) {
  hogs.push(spawn(process.execPath, ['-e', HOG, String(process.pid)], {stdio: 'ignore'}));
}
console.log(`test:stress: ${cores} CPU hog(s) running (pids ${hogs.map((hog) => hog.pid).join(', ')})`);

function runSuite() {
  return new Promise((resolve) => {
    const args = ['test', ...(vitestArgs.length > 0 ? ['--', ...vitestArgs] : [])];
    suite = spawn('npm', args, {stdio: 'inherit'});
    suite.on('error', (error) => {
      console.error(`test:stress: cannot run npm: ${error.message}`);
      resolve(1);
    });
    suite.on('exit', (code, signal) => resolve(code ?? (signal === null ? 1 : 128)));
  });
}

let exitCode = 0;
const times = [];
for (let run = 1; run <= repeat; run += 1) {
  const started = process.hrtime.bigint();
  const code = await runSuite();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  times.push(`run ${run}: exit ${code} in ${seconds.toFixed(1)} s`);
  console.log(`test:stress: run ${run} of ${repeat}: exit ${code} in ${seconds.toFixed(1)} s (${cores} hog(s) busy)`);
  if (code !== 0) {
    exitCode = code;
    break;
  }
}
killHogs();
if (repeat > 1) console.log(`test:stress: ${times.join('; ')}`);
process.exit(exitCode);
