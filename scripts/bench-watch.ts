/**
 * Benchmark of the watch: a 5-minute simulated watch (fake clock, auto-advancing: minutes run in milliseconds)
 * against the rollout simulator. Reports API calls per minute (the most in any 60 s window, and the average) and
 * peak memory (rss / heapUsed sampled after every event). Limit: ≤ 40 calls in any 60 s window.
 *
 * Workloads:
 * - busy: a crash loop with the circuit breaker off, desired 10 — something changes all the time, 5 minutes until
 *   --timeout (the worst case for the call rate);
 * - each scenario to its end (5-minute timeout).
 *
 *   node scripts/run-ts.mjs scripts/bench-watch.ts
 */
import {performance} from 'node:perf_hooks';
import {createSimulatedEcs} from '../source/adapters/simulator/simulated-ecs.js';
import {SIMULATION_SCENARIOS, type SimulationScenario} from '../source/ports/simulation.js';
import type {DeployEvent} from '../source/domain/deploy/events.js';
import {watchDeployment} from '../source/operations/deploy/watch.js';
import {FakeClock} from '../test/helpers/fake-clock.js';

const MINUTE = 60_000;
const LIMIT = 40;

function maxInWindow(times: number[]): number {
  let max = 0;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while (times[end]! - times[start]! >= MINUTE) start++;
    max = Math.max(max, end - start + 1);
  }
  return max;
}

interface Result {
  name: string;
  outcome: string;
  simulatedMs: number;
  calls: number;
  maxPerMinute: number;
  averagePerMinute: number;
  events: number;
  wallMs: number;
  peakRss: number;
  peakHeap: number;
}

async function bench(name: string, scenario: SimulationScenario, options: {desired: number; circuitBreaker: boolean}): Promise<Result> {
  const clock = new FakeClock({autoAdvance: true});
  const ecs = createSimulatedEcs({clock, scenario});
  ecs.seedService({serviceName: 'web', desiredCount: options.desired});
  const registered = await ecs.registerTaskDefinition({
    family: 'web',
    containerDefinitions: [{name: 'web', image: 'registry.example.com/team/web:2.0', essential: true}],
  });
  const since = clock.now();
  const updated = await ecs.updateService({
    cluster: 'default',
    service: 'web',
    taskDefinition: registered.arn,
    ...(options.circuitBreaker ? {} : {deploymentConfiguration: {deploymentCircuitBreaker: {enable: false, rollback: false}}}),
  });
  const before = ecs.calls.length;
  const startedAt = clock.now();
  let peakRss = 0;
  let peakHeap = 0;
  let events = 0;
  let last: DeployEvent | undefined;
  const wall = performance.now();
  for await (const event of watchDeployment({
    ecs,
    clock,
    cluster: 'default',
    service: 'web',
    taskDefinitionArn: registered.arn,
    deploymentId: updated.deployments[0]!.id,
    // As deploy watches: ECS's record of the deployment UpdateService started is read too.
    ...(updated.currentServiceDeployment === undefined ? {} : {serviceDeploymentArn: updated.currentServiceDeployment}),
    since,
    timeoutMs: 5 * MINUTE,
    noProgressTimeoutMs: 5 * MINUTE,
    random: () => 0.5,
  })) {
    events++;
    last = event;
    const memory = process.memoryUsage();
    peakRss = Math.max(peakRss, memory.rss);
    peakHeap = Math.max(peakHeap, memory.heapUsed);
  }
  const wallMs = performance.now() - wall;
  const times = ecs.calls.slice(before).map((call) => call.at);
  const simulatedMs = clock.now() - startedAt;
  return {
    name,
    outcome: last?.type === 'done' ? last.outcome : '?',
    simulatedMs,
    calls: times.length,
    maxPerMinute: maxInWindow(times),
    averagePerMinute: times.length / Math.max(1, simulatedMs / MINUTE),
    events,
    wallMs,
    peakRss,
    peakHeap,
  };
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const results: Result[] = [await bench('busy (crash loop, no breaker, desired 10)', 'crash-loop', {desired: 10, circuitBreaker: false})];
for (const scenario of SIMULATION_SCENARIOS) results.push(await bench(scenario, scenario, {desired: 2, circuitBreaker: true}));

console.log('workload                                     outcome      simulated  calls  max/60s  avg/min  events  wall    peak rss  peak heap');
for (const result of results) {
  console.log(
    [
      result.name.padEnd(44),
      result.outcome.padEnd(12),
      `${(result.simulatedMs / 1000).toFixed(0)} s`.padStart(9),
      String(result.calls).padStart(5),
      String(result.maxPerMinute).padStart(7),
      result.averagePerMinute.toFixed(1).padStart(7),
      String(result.events).padStart(7),
      `${result.wallMs.toFixed(0)} ms`.padStart(7),
      mb(result.peakRss).padStart(9),
      mb(result.peakHeap).padStart(10),
    ].join('  '),
  );
}
const worst = Math.max(...results.map((result) => result.maxPerMinute));
console.log(`\nmost calls in any 60 s window: ${worst} (limit ${LIMIT}) — ${worst <= LIMIT ? 'OK' : 'OVER THE LIMIT'}`);
process.exitCode = worst <= LIMIT ? 0 : 1;
