/**
 * What the benchmarks share: rounds of measures (one sample of each per round, so that a shared machine's load falls
 * on all alike), min / median / max, ratios to a floor measured in the same run, the machine's name, and the
 * markdown rows that readme.md's benchmark tables are made of (`replaceReadmeBlock`).
 */
import {execFileSync} from 'node:child_process';
import {readFileSync, writeFileSync} from 'node:fs';
import os from 'node:os';

export interface Measure {
  key: string;
  name: string;
  /** The goal: at most this many times the floor (absent for the floor and for what is only shown for scale). */
  goal?: number;
  /** Goal in milliseconds instead of a ratio (a measure inside one process has no floor). */
  goalMs?: number;
  /**
   * The key of the floor this measure is a ratio to (a measure that stops at the same event: spawn → exit, or spawn →
   * something on the screen); absent: the default floor given to `ratioRows`.
   */
  floor?: string;
  run: () => Promise<number> | number;
  /** The warm-up run, when it differs (e.g. it lets the program keep what a next start uses). */
  warmUp?: () => Promise<number> | number;
}

export interface Stats {
  min: number;
  median: number;
  max: number;
  samples: number[];
}

export interface Result extends Stats {
  measure: Measure;
}

export function stats(samples: readonly number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return {min: sorted[0]!, median, max: sorted.at(-1)!, samples: sorted};
}

/** One warm-up round, then `rounds` rounds of one sample of each measure. */
export async function measureRounds(measures: readonly Measure[], rounds: number): Promise<Result[]> {
  const samples = measures.map(() => [] as number[]);
  for (const measure of measures) await (measure.warmUp ?? measure.run)();
  for (let round = 0; round < rounds; round += 1) {
    for (const [index, measure] of measures.entries()) samples[index]!.push(await measure.run());
  }
  return measures.map((measure, index) => ({measure, ...stats(samples[index]!)}));
}

/** `Debian GNU/Linux 12, 2 × AMD EPYC, 23 GiB, Node v20.20.2` — where the figures were measured. */
export function machineLine(): string {
  let system = `${os.type()} ${os.release()}`;
  try {
    const release = readFileSync('/etc/os-release', 'utf8');
    system = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(release)?.[1] ?? system;
  } catch {
    // Not Linux: os.type() it is.
  }
  let cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  try {
    cpu = /^Model name:\s*(.+)$/m.exec(execFileSync('lscpu', {encoding: 'utf8'}))?.[1]?.trim() ?? cpu;
  } catch {
    // No lscpu.
  }
  const memory = Math.round(os.totalmem() / 1024 ** 3);
  return `${system}, ${os.cpus().length} cores (${cpu}), ${memory} GiB, Node ${process.version}`;
}

const fmt = (value: number): string => (value >= 100 ? value.toFixed(0) : value.toFixed(1));

function goalText(measure: Measure): string {
  if (measure.goal !== undefined) return `≤ ${measure.goal}×`;
  if (measure.goalMs !== undefined) return `≤ ${measure.goalMs} ms`;
  return '';
}

/**
 * The plain table and the markdown rows, each median also as a ratio to the median of its floor (`Measure.floor`, else
 * `floorKey`; a floor row is a ratio to itself).
 */
export function ratioRows(results: readonly Result[], floorKey: string | undefined): {text: string; markdown: string; missed: boolean} {
  const medianOf = (key: string | undefined): number | undefined => results.find((result) => result.measure.key === key)?.median;
  const floor = medianOf(floorKey);
  let missed = false;
  const rows = results.map((result) => {
    const isFloor = result.measure.key === floorKey || results.some((other) => other.measure.floor === result.measure.key);
    const own = isFloor ? result.median : result.measure.floor === undefined ? floor : medianOf(result.measure.floor);
    const ratio = own === undefined ? undefined : result.median / own;
    const {goal, goalMs} = result.measure;
    const ok = goal !== undefined ? ratio !== undefined && ratio <= goal : goalMs !== undefined ? result.median <= goalMs : undefined;
    if (ok === false) missed = true;
    return {
      name: result.measure.name,
      ratio: ratio === undefined ? '' : `${ratio.toFixed(2)}×`,
      median: `${fmt(result.median)} ms`,
      range: `${fmt(result.min)}–${fmt(result.max)} ms`,
      goal: goalText(result.measure),
      verdict: ok === undefined ? '' : ok ? 'ok' : 'MISSED',
    };
  });
  const header = {name: 'measure', ratio: 'ratio', median: 'median', range: 'min–max', goal: 'goal', verdict: ''};
  const all = [header, ...rows];
  const keys = Object.keys(header) as Array<keyof typeof header>;
  const widths = keys.map((key) => Math.max(...all.map((row) => row[key].length)));
  const text = all
    .map((row) => keys.map((key, column) => (column === 0 ? row[key].padEnd(widths[column]!) : row[key].padStart(widths[column]!))).join('  '))
    .join('\n');
  const markdown = (
    floor === undefined
      ? [
          '| measure | median | min–max | goal | |',
          '|---|---|---|---|---|',
          ...rows.map((row) => `| ${row.name} | ${row.median} | ${row.range} | ${row.goal} | ${row.verdict} |`),
        ]
      : [
          '| measure | ratio to the floor | median | min–max | goal | |',
          '|---|---|---|---|---|---|',
          ...rows.map((row) => `| ${row.name} | ${row.ratio} | ${row.median} | ${row.range} | ${row.goal} | ${row.verdict} |`),
        ]
  ).join('\n');
  return {text, markdown, missed};
}

/** Replaces the text between `<!-- NAME:begin -->` and `<!-- NAME:end -->` in `file`. */
export function replaceReadmeBlock(file: string, name: string, body: string): void {
  const text = readFileSync(file, 'utf8');
  const begin = `<!-- ${name}:begin -->`;
  const end = `<!-- ${name}:end -->`;
  const from = text.indexOf(begin);
  const to = text.indexOf(end);
  if (from === -1 || to < from) throw new Error(`${file} has no ${begin} … ${end} block`);
  writeFileSync(file, `${text.slice(0, from + begin.length)}\n${body}\n${text.slice(to)}`);
}
