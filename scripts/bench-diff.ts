/**
 * Benchmark of the diff: a task definition with 10 containers × 100 environment variables (plus port
 * mappings and secrets), one environment value changed, against its described form (read-only fields,
 * API defaults, reversed order). Prints the median of many runs; the target is ≤ 20 ms.
 *
 *   node scripts/run-ts.mjs scripts/bench-diff.ts [runs]
 */
import {performance} from 'node:perf_hooks';
import {diffTaskDefinitions} from '../source/domain/diff.js';
import type {JsonObject} from '../source/domain/json.js';

const CONTAINERS = 10;
const VARIABLES = 100;
const TARGET_MS = 20;
const runs = Number(process.argv[2] ?? 200);

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

// Warm up (JIT), and check the answer once.
const check = diffTaskDefinitions(desired, current);
if (check.changes.length !== 1 || check.changes[0]?.path !== 'containerDefinitions[container-7].environment[VARIABLE_042]') {
  console.error('unexpected diff:', JSON.stringify(check.changes.slice(0, 3)));
  process.exit(1);
}
for (let i = 0; i < 20; i += 1) diffTaskDefinitions(desired, current);

const times: number[] = [];
for (let i = 0; i < runs; i += 1) {
  const start = performance.now();
  diffTaskDefinitions(desired, current);
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)] ?? Number.NaN;
const p95 = times[Math.floor(times.length * 0.95)] ?? Number.NaN;
console.log(
  `diff ${CONTAINERS} containers × ${VARIABLES} env vars (1 changed): median ${median.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms over ${runs} runs (target ≤ ${TARGET_MS} ms)`,
);
if (median > TARGET_MS) process.exitCode = 1;
