/**
 * Benchmark of the diff: a task definition with 10 containers × 100 environment variables (plus port
 * mappings and secrets), one environment value changed, against its described form (read-only fields,
 * API defaults, reversed order). Two measures, each with min / median / max:
 * - the FIRST call in a process (cold code: what a `diff` or `deploy` command pays), in `FIRST_CALLS` fresh processes,
 *   as wall time and as the CPU time the process spent meanwhile (which a busy machine's waits do not inflate);
 * - warm calls in one process (after a warm-up), `runs` of them.
 * The target is ≤ 20 ms for both. `--markdown` also prints readme.md's rows; `--write-readme` replaces them.
 *
 *   node scripts/run-ts.mjs scripts/bench-diff.ts [runs] [--markdown] [--write-readme]
 */
import {execFileSync} from 'node:child_process';
import {dirname, join} from 'node:path';
import {performance} from 'node:perf_hooks';
import {machineLine, ratioRows, replaceReadmeBlock, stats, type Measure, type Result} from './bench-report.js';
import {diffTaskDefinitions} from '../source/domain/diff.js';
import type {JsonObject} from '../source/domain/json.js';

const CONTAINERS = 10;
const VARIABLES = 100;
const TARGET_MS = 20;
const runs = Number(/^[0-9]+$/.test(process.argv[2] ?? '') ? process.argv[2] : 200);
const FIRST_CALLS = 21;
const FIRST_CALL_CHILD = '--first-call-child';

function taskDefinition(changed: boolean): JsonObject {
  return {
    family: 'bench',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '4096',
    memory: '8192',
    containerDefinitions: Array.from({length: CONTAINERS}, (_, c) => ({
      name: `container-${c}`,
      image: `123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/app-${c}:1.0.${c}`,
      essential: c === 0,
      portMappings: [{containerPort: 8000 + c}, {containerPort: 9000 + c, protocol: 'udp'}] as JsonObject[],
      environment: Array.from({length: VARIABLES}, (_, v) => ({
        name: `VARIABLE_${String(v).padStart(3, '0')}`,
        value: changed && c === 7 && v === 42 ? 'changed' : `value-${c}-${v}`,
      })),
      secrets: [{name: 'DB_PASSWORD', valueFrom: `arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-${c}`}],
    })),
  };
}

/** What DescribeTaskDefinition prints: read-only fields, filled-in defaults, another order. */
function described(td: JsonObject): JsonObject {
  const containers = (td['containerDefinitions'] as JsonObject[]).map((container) => ({
    ...container,
    cpu: 0,
    mountPoints: [],
    volumesFrom: [],
    systemControls: [],
    essential: container['essential'] ?? true,
    portMappings: (container['portMappings'] as JsonObject[]).map((mapping) => ({protocol: 'tcp', hostPort: mapping['containerPort'] as number, ...mapping})),
    environment: [...(container['environment'] as JsonObject[])].reverse(),
  }));
  return {
    ...td,
    containerDefinitions: containers.reverse(),
    taskDefinitionArn: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/bench:9',
    revision: 9,
    status: 'ACTIVE',
    compatibilities: ['EC2', 'FARGATE'],
  };
}

const desired = taskDefinition(true);
const current = described(taskDefinition(false));

if (process.argv.includes(FIRST_CALL_CHILD)) {
  // A fresh process: the first call is timed, nothing before it ran the diff's code. Wall time, and the CPU time the
  // process spent meanwhile (user + system): on a busy machine the wall time also counts the time it waited for a core.
  const cpu = process.cpuUsage();
  const start = performance.now();
  diffTaskDefinitions(desired, current);
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  console.log(`${wall.toFixed(3)} ${((used.user + used.system) / 1000).toFixed(3)}`);
  process.exit(0);
}

// Check the answer once (in this process only: the children time a call nothing has warmed).
const check = diffTaskDefinitions(desired, current);
if (check.changes.length !== 1 || check.changes[0]?.path !== 'containerDefinitions[container-7].environment[VARIABLE_042]') {
  console.error('unexpected diff:', JSON.stringify(check.changes.slice(0, 3)));
  process.exit(1);
}

// run-ts.mjs bundles this file into node_modules/.cache/run-ts/ and runs it from there.
const root = join(dirname(process.argv[1]!), '..');
const firstCalls: number[] = [];
const firstCallsCpu: number[] = [];
for (let i = 0; i < FIRST_CALLS; i += 1) {
  const out = execFileSync(process.execPath, [join(root, 'scripts', 'run-ts.mjs'), join(root, 'scripts', 'bench-diff.ts'), FIRST_CALL_CHILD], {
    encoding: 'utf8',
  });
  const [wall, cpu] = out.trim().split('\n').at(-1)!.split(' ').map(Number);
  firstCalls.push(wall!);
  firstCallsCpu.push(cpu!);
}

for (let i = 0; i < 20; i += 1) diffTaskDefinitions(desired, current);
const times: number[] = [];
for (let i = 0; i < runs; i += 1) {
  const start = performance.now();
  diffTaskDefinitions(desired, current);
  times.push(performance.now() - start);
}

const noop = (): number => 0;
const measures: Measure[] = [
  {
    key: 'first',
    name: `diff of ${CONTAINERS} containers × ${VARIABLES} env vars, first call in a process (${FIRST_CALLS} processes)`,
    goalMs: TARGET_MS,
    run: noop,
  },
  {key: 'first-cpu', name: 'the same first call, CPU time of the process (user + system)', run: noop},
  {key: 'warm', name: `the same, warm (${runs} calls in one process)`, goalMs: TARGET_MS, run: noop},
];
const results: Result[] = [
  {measure: measures[0]!, ...stats(firstCalls)},
  {measure: measures[1]!, ...stats(firstCallsCpu)},
  {measure: measures[2]!, ...stats(times)},
];
const {text, markdown, missed} = ratioRows(results, undefined);
console.log(machineLine());
console.log(text);
if (process.argv.includes('--markdown') || process.argv.includes('--write-readme')) console.log(`\n${markdown}`);
if (process.argv.includes('--write-readme')) replaceReadmeBlock(join(root, 'readme.md'), 'bench:diff', `${machineLine()}:\n\n${markdown}`);
if (missed) process.exitCode = 1;
