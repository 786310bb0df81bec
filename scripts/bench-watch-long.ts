/**
 * The long run of the watch (NOT part of `npm test`: it takes as long as it says): a simulated deploy watched on the Ink
 * deploy screen in a pseudo-terminal, at speed 1 (real time), for MINUTES minutes, with the process's resident memory
 * (VmRSS, from /proc) sampled every INTERVAL seconds. The workload is the busiest one: a crash loop with the circuit
 * breaker off, so that tasks fail and are replaced, and events arrive, for the whole run (it ends by --timeout, exit 4).
 *
 * Goal: peak RSS ≤ 150 MiB, and flat after the first minute (`bench-watch-analysis.ts` says how that is measured). A
 * run longer than the simulator's hour (it keeps a stopped task for an hour of the simulation, as ECS does, so its own
 * memory grows for that hour) also gets the same measures from minute 61 on.
 *
 *   node scripts/run-ts.mjs scripts/bench-watch-long.ts [--minutes 30] [--interval 10] [--write-readme] [--live-heap]
 *     [--speed N]  (the rollout N times faster: N times the tasks and events a minute; not the measure)
 *   node scripts/run-ts.mjs scripts/bench-watch-long.ts --from-log FILE [--heap-file FILE] [--until N] [--write-readme]
 *     reads a run's printed output again (and the live-heap sampler's file, copied before the run ended); --until N
 *     takes its first N minutes (written to the block bench:watch-long-first)
 *
 * `--live-heap` also measures what the program holds on to, apart from how much memory V8 keeps committed (RSS moves
 * by megabytes with V8's sizing of its heap, its young generation most of all, whatever the program keeps): a script
 * preloaded into the child (`node --require`) makes a full collection every INTERVAL seconds and writes the heap in
 * use after it. Those collections change the RSS as well, so a run with `--live-heap` is not the RSS measure (it does
 * not write readme.md's table; its own rows are printed).
 *
 * It runs a copy of dist/ (so that a rebuild during the run cannot pull chunks from under it). Linux only (/proc).
 */
import {cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {spawn} from 'node-pty';
import {bigProfile} from './bench-store.js';
import {machineLine, replaceReadmeBlock} from './bench-report.js';
import {liveHeapRows, parseHeapFile, parseRunLog, rssSummary, type Sample} from './bench-watch-analysis.js';
import {storeDocumentOfProfiles} from '../source/domain/profile-schema/store-document.js';

const option = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(name);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
};
const MINUTES = option('--minutes', 30);
/**
 * The simulation's speed (`--simulate-speed`: the rollout's durations, and how long the simulator keeps a stopped
 * task, divided by it); the measure is at 1.
 */
const SPEED = option('--speed', 1);
const INTERVAL_S = option('--interval', 10);
const LIVE_HEAP = process.argv.includes('--live-heap');
const root = join(dirname(process.argv[1]!), '..');
const MIB = 1024 * 1024;

interface Run {
  samples: Sample[];
  liveHeap: Sample[];
  exitCode: number;
  minutes: string;
  speed: number;
  machine: string;
}

/** The soak itself: the deploy screen in a pty for MINUTES minutes, RSS sampled every INTERVAL seconds. */
async function soak(): Promise<Run> {
  const work = mkdtempSync(join(tmpdir(), 'ecs-wizard-soak-'));
  cpSync(join(root, 'dist'), join(work, 'app', 'dist'), {recursive: true});
  writeFileSync(join(work, 'app', 'package.json'), '{"type": "module"}\n');
  const store = join(work, 'store');
  const profile = {
    ...bigProfile(),
    name: 'soak',
    service: {
      ...bigProfile().service,
      serviceSpec: JSON.stringify(
        {schedulingStrategy: 'REPLICA', desiredCount: 4, deploymentConfiguration: {deploymentCircuitBreaker: {enable: false, rollback: false}}},
        null,
        2,
      ),
    },
  };
  mkdirSync(store, {recursive: true, mode: 0o700});
  // A store as ecs-wizard writes it (today's schema: the application the profile names is in it).
  writeFileSync(join(store, 'profiles.json'), `${JSON.stringify(storeDocumentOfProfiles([profile]), null, 2)}\n`, {mode: 0o600});

  /** The resident memory of a process, in MiB (VmRSS). */
  const rssOf = (pid: number): number => Number(/^VmRSS:\s+([0-9]+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? Number.NaN) / 1024;

  const env = {
    PATH: process.env.PATH ?? '',
    HOME: store,
    LANG: 'C.UTF-8',
    TERM: 'xterm-256color',
    CI: 'false',
    ECS_WIZARD_CONFIG_DIR: store,
    AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true',
  };
  const heapFile = join(work, 'live-heap.txt');
  const sampler = join(work, 'live-heap.cjs');
  writeFileSync(
    sampler,
    [
      "const v8 = require('node:v8'), vm = require('node:vm'), fs = require('node:fs');",
      "v8.setFlagsFromString('--expose-gc');",
      "const gc = vm.runInNewContext('gc'), started = Date.now();",
      `setInterval(() => { gc(); fs.appendFileSync(${JSON.stringify(heapFile)}, Math.round((Date.now() - started) / 1000) + ' ' + process.memoryUsage().heapUsed + '\\n'); }, ${INTERVAL_S * 1000}).unref();`,
    ].join('\n'),
  );
  const args = [
    ...(LIVE_HEAP ? ['--require', sampler] : []),
    join(work, 'app', 'dist', 'cli.js'),
    ...['deploy', 'soak', '--env', 'dev', '--simulate=crash-loop', '--yes'],
  ];
  args.push('--timeout', `${MINUTES}m`, '--no-progress-timeout', `${MINUTES}m`, '--simulate-speed', String(SPEED));
  console.log(
    `${machineLine()}\nwatching a simulated crash loop (no circuit breaker, desired 4) for ${MINUTES} min at speed ${SPEED}; RSS every ${INTERVAL_S} s`,
  );

  const samples: Sample[] = [];
  const started = Date.now();
  const child = spawn(process.execPath, args, {name: 'xterm-256color', cols: 120, rows: 40, env});
  let bytes = 0;
  child.onData((data) => {
    bytes += data.length;
  });
  const sample = (): void => {
    try {
      const mib = rssOf(child.pid);
      const seconds = Math.round((Date.now() - started) / 1000);
      samples.push({seconds, mib});
      console.log(`${String(seconds).padStart(5)} s  ${mib.toFixed(1).padStart(6)} MiB`);
    } catch {
      // The process has just exited.
    }
  };
  const timer = setInterval(sample, INTERVAL_S * 1000);
  const exitCode = await new Promise<number>((resolve) => child.onExit(({exitCode: code}) => resolve(code)));
  clearInterval(timer);
  const liveHeap = LIVE_HEAP ? parseHeapFile(readFileSync(heapFile, 'utf8')) : [];
  rmSync(work, {recursive: true, force: true});

  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  console.log(`\nexit ${exitCode} after ${minutes} min; ${samples.length} samples; ${(bytes / MIB).toFixed(1)} MiB of screen output`);
  return {samples, liveHeap, exitCode, minutes, speed: SPEED, machine: machineLine()};
}

/** A saved run: its printed output, and the live-heap file when there is one. */
function fromLog(file: string): Run {
  const log = parseRunLog(readFileSync(file, 'utf8'));
  const heapAt = process.argv.indexOf('--heap-file');
  const liveHeap = heapAt === -1 ? [] : parseHeapFile(readFileSync(process.argv[heapAt + 1]!, 'utf8'));
  if (log.samples.length === 0 || log.exitCode === undefined || log.minutes === undefined || log.machine === undefined)
    throw new Error(`${file}: not the whole output of a run (no samples, or no "exit N after M min" line)`);
  // --until N: the first N minutes of the run, said so ("30 (of 80.0)").
  const until = process.argv.includes('--until') ? option('--until', Number.NaN) : undefined;
  if (until === undefined) return {samples: log.samples, liveHeap, exitCode: log.exitCode, minutes: log.minutes, speed: log.speed ?? 1, machine: log.machine};
  const first = (points: Sample[]): Sample[] => points.filter((point) => point.seconds <= until * 60);
  return {
    samples: first(log.samples),
    liveHeap: first(liveHeap),
    exitCode: log.exitCode,
    minutes: `the first ${until} (of ${log.minutes})`,
    speed: log.speed ?? 1,
    machine: log.machine,
  };
}

const fromLogAt = process.argv.indexOf('--from-log');
const run = fromLogAt === -1 ? await soak() : fromLog(process.argv[fromLogAt + 1]!);
const facts = {minutes: run.minutes, speed: run.speed, exitCode: run.exitCode, intervalS: INTERVAL_S};
const rss = rssSummary(run.samples, facts);
console.log(`\n${rss.rows}`);
const rssPeak = Math.max(...run.samples.map((point) => point.mib));
const heapRows = run.liveHeap.length > 0 ? liveHeapRows(run.liveHeap, rssPeak, INTERVAL_S) : undefined;
if (heapRows !== undefined) console.log(`\n${heapRows}`);
if (process.argv.includes('--write-readme')) {
  // A run with --live-heap writes its own block: its forced collections change the RSS, so it is not the RSS measure.
  if (heapRows !== undefined)
    replaceReadmeBlock(
      join(root, 'readme.md'),
      'bench:watch-live-heap',
      `${run.machine}, ${run.minutes} min at speed ${run.speed} (exit ${run.exitCode}):\n\n${heapRows}`,
    );
  else
    replaceReadmeBlock(
      join(root, 'readme.md'),
      process.argv.includes('--until') ? 'bench:watch-long-first' : 'bench:watch-long',
      `${run.machine}:\n\n${rss.rows}`,
    );
}
if (heapRows === undefined && !rss.ok) process.exitCode = 1;
