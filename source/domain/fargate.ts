/**
 * Fargate task sizes: the valid task-level cpu → memory pairs (ecs-facts.md), and the units ECS accepts
 * for them in RegisterTaskDefinition (`"1024"`, `"1 vCPU"`, `"0.25 vcpu"`; `"2048"`, `"2 GB"`, `"0.5GB"`).
 */

export interface FargatePair {
  /** CPU units (1024 = one vCPU). */
  cpu: number;
  /** MiB. */
  memory: number;
}

const range = (from: number, to: number, step: number): number[] => {
  const values: number[] = [];
  for (let value = from; value <= to; value += step) values.push(value);
  return values;
};

/** Valid Fargate memory (MiB) for each task cpu (units). */
export const FARGATE_SIZES: ReadonlyArray<{cpu: number; memory: readonly number[]}> = [
  {cpu: 256, memory: [512, 1024, 2048]},
  {cpu: 512, memory: range(1024, 4096, 1024)},
  {cpu: 1024, memory: range(2048, 8192, 1024)},
  {cpu: 2048, memory: range(4096, 16384, 1024)},
  {cpu: 4096, memory: range(8192, 30720, 1024)},
  {cpu: 8192, memory: range(16384, 61440, 4096)},
  {cpu: 16384, memory: range(32768, 122880, 8192)},
];

/** Every valid pair, smallest first. */
export const FARGATE_PAIRS: readonly FargatePair[] = FARGATE_SIZES.flatMap(({cpu, memory}) => memory.map((mib) => ({cpu, memory: mib})));

// An amount in a task size: `2`, `0.25`, or `.25` (the ECS developer guide writes ".25 vcpu" and ".5 gb", which ECS
// registers as "256" and "512").
const toNumber = (text: string): number | undefined => (/^(?:[0-9]+(?:\.[0-9]+)?|\.[0-9]+)$/.test(text) ? Number(text) : undefined);
const CPU_TEXT = /^\s*([0-9]+(?:\.[0-9]+)?|\.[0-9]+)\s*(vcpus?)?\s*$/i;
const MEMORY_TEXT = /^\s*([0-9]+(?:\.[0-9]+)?|\.[0-9]+)\s*(gb|gib|mb|mib)?\s*$/i;

/** CPU units from `1024`, `"1024"`, `"1 vCPU"`, `"0.25 vcpu"`, `".25 vcpu"`; undefined when it is none of these. */
export function parseCpuUnits(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const match = CPU_TEXT.exec(value);
  if (match === null) return undefined;
  const amount = toNumber(match[1] ?? '');
  if (amount === undefined || amount <= 0) return undefined;
  return match[2] === undefined ? amount : Math.round(amount * 1024);
}

/** MiB from `2048`, `"2048"`, `"2 GB"`, `"0.5GB"`, `".5 gb"`, `"512 MiB"`; undefined when it is none of these. */
export function parseMemoryMiB(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const match = MEMORY_TEXT.exec(value);
  if (match === null) return undefined;
  const amount = toNumber(match[1] ?? '');
  if (amount === undefined || amount <= 0) return undefined;
  const unit = (match[2] ?? '').toLowerCase();
  return unit === 'gb' || unit === 'gib' ? Math.round(amount * 1024) : amount;
}

export function isValidFargatePair(cpu: unknown, memory: unknown): boolean {
  const units = parseCpuUnits(cpu);
  const mib = parseMemoryMiB(memory);
  return FARGATE_PAIRS.some((pair) => pair.cpu === units && pair.memory === mib);
}

/** Relative cost of a size (Fargate prices one vCPU about as nine GB of memory). */
const cost = (pair: FargatePair): number => (pair.cpu / 1024) * 9 + pair.memory / 1024;

/**
 * The nearest valid pair: the cheapest one giving at least the requested cpu and memory (a request beyond
 * the largest size is first cut down to it). An unreadable cpu or memory counts as "no requirement".
 * A valid pair is its own nearest.
 */
export function nearestValidFargatePair(cpu: unknown, memory: unknown): FargatePair {
  const largest = FARGATE_PAIRS[FARGATE_PAIRS.length - 1] ?? {cpu: 16384, memory: 122880};
  const units = Math.min(parseCpuUnits(cpu) ?? 0, largest.cpu);
  const mib = Math.min(parseMemoryMiB(memory) ?? 0, largest.memory);
  let best = largest;
  for (const pair of FARGATE_PAIRS) {
    if (pair.cpu >= units && pair.memory >= mib && cost(pair) < cost(best)) best = pair;
  }
  return best;
}

/** `1024 CPU units / 2048 MiB (1 vCPU, 2 GB)`. */
export function describeFargatePair(pair: FargatePair): string {
  const vcpu = pair.cpu / 1024;
  const gb = pair.memory / 1024;
  return `cpu ${pair.cpu} / memory ${pair.memory} (${vcpu} vCPU, ${gb} GB)`;
}
