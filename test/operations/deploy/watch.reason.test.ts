/**
 * A crash loop's outcome names what tripped the circuit breaker whenever the watch happens to look (issue 18 item 7):
 * ECS's reason (the service deployment record's where ECS keeps one; else the rollout's or the service event's) and
 * what our stopped tasks died of — from a watch that starts with the deployment, one that starts at any moment of
 * it, one whose polls are spread thin by a low call budget, and one that starts after it all ended.
 */
import {describe, expect, test} from 'vitest';
import {createSimulatedEcs} from '../../../source/adapters/simulator/simulated-ecs.js';
import type {DeployEvent} from '../../../source/domain/deploy/events.js';
import {watchDeployment} from '../../../source/operations/deploy/watch.js';
import {FakeClock} from '../../helpers/fake-clock.js';

const MINUTE = 60_000;
const BREAKER = 'ECS deployment circuit breaker: tasks failed to start.';
const TASKS = '(tasks stopped: essential container web exited with code 1)';

/** web:1 running; UpdateService to web:2 (a crash loop); after `offset` ms a watch starts, knowing what `deploy` or `watch` would. */
async function watchCrashLoop(options: {records: boolean; offset: number; maxCallsPerMinute?: number; knowsDeployment: boolean}) {
  const clock = new FakeClock({autoAdvance: true});
  const ecs = createSimulatedEcs({clock, scenario: 'crash-loop', ...(options.records ? {} : {serviceDeployments: false})});
  ecs.seedService({serviceName: 'web', desiredCount: 2});
  const registered = await ecs.registerTaskDefinition({
    family: 'web',
    containerDefinitions: [{name: 'web', image: 'registry.example.com/web:2', essential: true}],
  });
  const since = clock.now();
  const updated = await ecs.updateService({cluster: 'default', service: 'web', taskDefinition: registered.arn});
  await clock.advance(options.offset);
  // deploy knows its deployment from UpdateService; a later `watch` knows only the revision and when it was deployed.
  const known = options.knowsDeployment
    ? {
        deploymentId: updated.deployments[0]!.id,
        ...(updated.currentServiceDeployment === undefined ? {} : {serviceDeploymentArn: updated.currentServiceDeployment}),
      }
    : {};
  const events: DeployEvent[] = [];
  for await (const event of watchDeployment({
    ecs,
    clock,
    cluster: 'default',
    service: 'web',
    taskDefinitionArn: registered.arn,
    ...known,
    since,
    timeoutMs: 30 * MINUTE,
    noProgressTimeoutMs: 10 * MINUTE,
    random: () => 0.5,
    ...(options.maxCallsPerMinute === undefined ? {} : {maxCallsPerMinute: options.maxCallsPerMinute}),
  }))
    events.push(event);
  const done = events.at(-1)!;
  if (done.type !== 'done') throw new Error(`the last event is ${done.type}`);
  return done;
}

const OFFSETS = [0, 3_000, 6_000, 9_000, 12_000, 15_000, 18_000, 21_000, 24_000, 27_000, 30_000, 33_000, 36_000, 45_000, 60_000, 30 * MINUTE];

describe.each([
  {records: true, name: "ECS's service deployment records", why: BREAKER},
  {records: false, name: 'DescribeServices alone', why: /(ECS deployment circuit breaker: )?tasks failed to start\./},
])('a crash loop rolled back names what tripped the breaker, judged from $name', ({records, why}) => {
  const expectNamed = (reason: string): void => {
    const [cause, consequence] = reason.split('; ');
    expect(cause).toMatch(/^(service )?deployment \S+ \(web:2\) failed: /);
    const said = cause!.replace(/^(service )?deployment \S+ \(web:2\) failed: /, '').replace(` ${TASKS}`, '');
    if (typeof why === 'string') expect(said).toBe(why);
    else expect(said).toMatch(why);
    expect(cause!.endsWith(TASKS)).toBe(true);
    expect(consequence).toMatch(/^rolled back to web:1 \(deployment ecs-svc\/\d+, completed\)$/);
  };

  test.each(OFFSETS)('deploy watching from +%i ms', async (offset) => {
    const done = await watchCrashLoop({records, offset, knowsDeployment: true});
    expect(done).toMatchObject({outcome: 'rolled-back', exitCode: 3});
    expectNamed(done.reason);
  });

  test.each(OFFSETS)('watch re-attaching at +%i ms (only the revision known)', async (offset) => {
    const done = await watchCrashLoop({records, offset, knowsDeployment: false});
    expect(done).toMatchObject({outcome: 'rolled-back', exitCode: 3});
    expectNamed(done.reason);
  });

  test.each([3, 4, 6, 10])('polls spread thin (at most %i calls a minute)', async (maxCallsPerMinute) => {
    const done = await watchCrashLoop({records, offset: 0, knowsDeployment: true, maxCallsPerMinute});
    expect(done).toMatchObject({outcome: 'rolled-back', exitCode: 3});
    expectNamed(done.reason);
  });
});
