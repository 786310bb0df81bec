/**
 * What `bench-watch-long.ts` concludes from its samples (resident memory every INTERVAL seconds, and with
 * `--live-heap` the heap in use after a full collection): the markdown rows of readme.md's tables, and whether the
 * goal is met. Apart from the run so that a saved run's output can be read again (`--from-log`).
 *
 * "Flat" after the first minute is two measures, both required:
 * - growth: the Theil–Sen slope (the median of the slopes between every two samples) times the span. V8 gives memory
 *   back now and then (its memory reducer: RSS can drop by 20 MiB for a sample or two and climb back within minutes);
 *   a least-squares line through such a dip early in a run tilts upwards by megabytes that were never kept, while the
 *   median slope is moved by a few samples no more than by any other few. The least-squares figure is printed too.
 * - the high-water mark: the peak of every 5-minute window after the first minute is within NOISE_MIB of the first
 *   such window's (a collection can lower a sample, never raise a peak; growth raises each window's peak).
 */

export interface Sample {
  seconds: number;
  mib: number;
}

export const PEAK_GOAL_MIB = 150;
export const GROWTH_GOAL_MIB = 5;
export const NOISE_MIB = 2;
export const WINDOW_S = 300;
/** The first minute is start-up: the measures of flatness start after it. */
export const SETTLED_AFTER_S = 60;
/** The simulator keeps a stopped task for an hour of the simulation (as ECS does): its memory grows for that hour. */
export const SIMULATOR_HOUR_S = 3600;

/** Least-squares slope, MiB per second. */
export function leastSquaresSlope(points: readonly Sample[]): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((sum, point) => sum + point.seconds, 0) / n;
  const my = points.reduce((sum, point) => sum + point.mib, 0) / n;
  const sxy = points.reduce((sum, point) => sum + (point.seconds - mx) * (point.mib - my), 0);
  const sxx = points.reduce((sum, point) => sum + (point.seconds - mx) ** 2, 0);
  return sxx === 0 ? 0 : sxy / sxx;
}

/** Theil–Sen slope: the median of the slopes between every two samples, MiB per second. */
export function theilSenSlope(points: readonly Sample[]): number {
  const slopes: number[] = [];
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      const run = points[j]!.seconds - points[i]!.seconds;
      if (run !== 0) slopes.push((points[j]!.mib - points[i]!.mib) / run);
    }
  }
  if (slopes.length === 0) return 0;
  slopes.sort((a, b) => a - b);
  const middle = Math.floor(slopes.length / 2);
  return slopes.length % 2 === 1 ? slopes[middle]! : (slopes[middle - 1]! + slopes[middle]!) / 2;
}

/** The peak of each WINDOW_S window from `from` seconds on. */
export function windowPeaks(points: readonly Sample[], from = 0): number[] {
  const peaks: number[] = [];
  for (const point of points) {
    if (point.seconds <= from) continue;
    const window = Math.floor((point.seconds - from - 1) / WINDOW_S);
    peaks[window] = Math.max(peaks[window] ?? 0, point.mib);
  }
  return peaks.filter((peak) => peak !== undefined);
}

export interface Flatness {
  /** The samples after `from`. */
  later: Sample[];
  span: number;
  growth: number;
  leastSquaresGrowth: number;
  windows: number[];
  flat: boolean;
  flatWindows: boolean;
}

export function flatness(points: readonly Sample[], from: number): Flatness {
  const later = points.filter((point) => point.seconds > from);
  const span = later.length > 1 ? later.at(-1)!.seconds - later[0]!.seconds : 0;
  const growth = theilSenSlope(later) * span;
  const windows = windowPeaks(points, from);
  return {
    later,
    span,
    growth,
    leastSquaresGrowth: leastSquaresSlope(later) * span,
    windows,
    flat: later.length > 1 && growth < GROWTH_GOAL_MIB,
    flatWindows: windows.length > 1 && windows.every((peak) => peak <= windows[0]! + NOISE_MIB),
  };
}

const mib = (value: number, digits = 1): string => value.toFixed(digits);
const verdict = (ok: boolean): string => (ok ? 'ok' : 'MISSED');

export interface RunFacts {
  minutes: string;
  speed: number;
  exitCode: number;
  intervalS: number;
}

/** The RSS table, and whether it meets the goal (peak, and flat by both measures after the first minute). */
export function rssSummary(samples: readonly Sample[], run: RunFacts): {rows: string; ok: boolean} {
  const peak = Math.max(...samples.map((point) => point.mib));
  const settled = flatness(samples, SETTLED_AFTER_S);
  const rows = [
    `| measure | value | goal | |`,
    `|---|---|---|---|`,
    `| watch of a simulated crash loop in a pty, ${run.minutes} min at speed ${run.speed} (exit ${run.exitCode}), RSS every ${run.intervalS} s: peak | ${mib(peak)} MiB | ≤ ${PEAK_GOAL_MIB} MiB | ${verdict(peak <= PEAK_GOAL_MIB)} |`,
    `| growth after the first minute (Theil–Sen slope × ${mib(settled.span / 60)} min; from ${settled.later[0] ? mib(settled.later[0].mib) : '?'} to ${settled.later.at(-1) ? mib(settled.later.at(-1)!.mib) : '?'} MiB) | ${mib(settled.growth)} MiB | < ${GROWTH_GOAL_MIB} MiB | ${verdict(settled.flat)} |`,
    `| the same by least squares (moved by V8 giving memory back for a sample or two) | ${mib(settled.leastSquaresGrowth)} MiB | | |`,
    `| peak RSS in each 5-minute window | ${windowPeaks(samples)
      .map((peakMib) => mib(peakMib))
      .join(', ')} MiB | | |`,
    `| peak RSS in each 5-minute window after the first minute | ${settled.windows.map((peakMib) => mib(peakMib)).join(', ')} MiB | each ≤ the first + ${NOISE_MIB} MiB | ${verdict(settled.flatWindows)} |`,
    ...pastTheHour(samples, 1, '| | |'),
  ].join('\n');
  return {rows, ok: peak <= PEAK_GOAL_MIB && settled.flat && settled.flatWindows};
}

/** For a run longer than the simulator's hour: the same measures after it (the simulator's own memory has levelled off). */
function pastTheHour(samples: readonly Sample[], digits: number, rest: string): string[] {
  const from = SIMULATOR_HOUR_S + SETTLED_AFTER_S;
  if ((samples.at(-1)?.seconds ?? 0) < from + 2 * WINDOW_S) return [];
  const after = flatness(samples, from);
  return [
    `| after the simulator's hour (from minute ${from / 60}): growth, Theil–Sen (least squares) | ${mib(after.growth, digits)} (${mib(after.leastSquaresGrowth, digits)}) MiB ${rest}`,
    `| after the simulator's hour: peak in each 5-minute window | ${after.windows.map((peakMib) => mib(peakMib, digits)).join(', ')} MiB ${rest}`,
  ];
}

/** The live-heap table (heap in use after a full collection). */
export function liveHeapRows(liveHeap: readonly Sample[], rssPeak: number, intervalS: number): string {
  const settled = flatness(liveHeap, SETTLED_AFTER_S);
  return [
    `| measure | value | |`,
    `|---|---|---|`,
    `| heap in use after a full collection, every ${intervalS} s: after the first minute → at the end | ${settled.later[0] ? mib(settled.later[0].mib, 2) : '?'} → ${settled.later.at(-1) ? mib(settled.later.at(-1)!.mib, 2) : '?'} MiB | |`,
    `| its growth after the first minute, Theil–Sen (least squares) × ${mib(settled.span / 60)} min | ${mib(settled.growth, 2)} (${mib(settled.leastSquaresGrowth, 2)}) MiB | |`,
    `| its peak in each 5-minute window after the first minute | ${settled.windows.map((peakMib) => mib(peakMib, 2)).join(', ')} MiB | |`,
    ...pastTheHour(liveHeap, 2, '| |'),
    `| RSS of the same run (its collections change it: not the RSS measure), peak | ${mib(rssPeak)} MiB | |`,
  ].join('\n');
}

/** The samples a run printed (`  170 s   109.0 MiB` lines), its exit code and minutes (`exit 4 after 80.0 min`). */
export function parseRunLog(text: string): {samples: Sample[]; exitCode?: number; minutes?: string; machine?: string; speed?: number} {
  const samples = [...text.matchAll(/^\s*([0-9]+) s\s+([0-9.]+) MiB$/gm)].map((match) => ({seconds: Number(match[1]), mib: Number(match[2])}));
  const end = /^exit (-?[0-9]+) after ([0-9.]+) min;/m.exec(text);
  const speed = /for [0-9.]+ min at speed ([0-9.]+);/.exec(text);
  return {
    samples,
    ...(end ? {exitCode: Number(end[1]), minutes: end[2]!} : {}),
    ...(speed ? {speed: Number(speed[1])} : {}),
    machine: text.split('\n')[0]!,
  };
}

/** The live-heap sampler's file: `seconds bytes` per line. */
export function parseHeapFile(text: string): Sample[] {
  return text
    .trim()
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => line.split(' ').map(Number))
    .map(([seconds, bytes]) => ({seconds: seconds!, mib: bytes! / (1024 * 1024)}));
}
