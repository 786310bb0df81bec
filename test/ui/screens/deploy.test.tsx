import React from 'react';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {createSimulatedEcs} from '../../../source/adapters/simulator/simulated-ecs.js';
import type {Confirmation, StreamHooks} from '../../../source/operations/deploy/hooks.js';
import {classifyStoppedTask} from '../../../source/domain/deploy/stopped-task.js';
import {type DeployEvent} from '../../../source/domain/deploy/events.js';
import {type DeployView} from '../../../source/domain/deploy/view.js';
import {DeployControl} from '../../../source/operations/deploy/control.js';
import {planDeploy} from '../../../source/operations/deploy/plan.js';
import {DeployScreen, progressBar} from '../../../source/ui/screens/deploy.js';
import {FAKE_EPOCH, FakeClock} from '../../helpers/fake-clock.js';
import {press, waitForFrame} from '../../helpers/ink.js';
import {fargateJsonProfile} from '../../helpers/profile-fixtures.js';

afterEach(() => cleanup());

/** A stream the test feeds event by event. */
function channel() {
  const queue: DeployEvent[] = [];
  let wake: (() => void) | undefined;
  let closed = false;
  let hooks: StreamHooks | undefined;
  return {
    get hooks() {
      return hooks;
    },
    start(given: StreamHooks): AsyncIterable<DeployEvent> {
      hooks = given;
      return (async function* () {
        for (;;) {
          while (queue.length > 0) yield queue.shift()!;
          if (closed) return;
          await new Promise<void>((resolve) => (wake = resolve));
        }
      })();
    },
    push(...events: DeployEvent[]) {
      queue.push(...events);
      wake?.();
    },
    close() {
      closed = true;
      wake?.();
    },
  };
}

const at = (seconds: number): number => FAKE_EPOCH + seconds * 1000;
const TD1 = 'arn:aws:ecs:us-east-1:123456789012:task-definition/web-api:1';
const TD2 = 'arn:aws:ecs:us-east-1:123456789012:task-definition/web-api:2';

const rows = (failed: number, running: number) => ({
  type: 'deployments' as const,
  at: at(8),
  deployments: [
    {
      id: 'ecs-svc/2',
      status: 'PRIMARY',
      taskDefinition: TD2,
      revision: 2,
      desired: 2,
      running,
      pending: 2 - running,
      failed,
      rolloutState: 'IN_PROGRESS',
      reason: 'ECS deployment ecs-svc/2 in progress.',
      ours: true,
    },
    {
      id: 'ecs-svc/1',
      status: 'ACTIVE',
      taskDefinition: TD1,
      revision: 1,
      desired: 2,
      running: 2,
      pending: 0,
      failed: 0,
      rolloutState: 'COMPLETED',
      ours: false,
    },
  ],
});

function mount(options: {confirm?: boolean; simulation?: {scenario: string; speed: number}} = {}) {
  const clock = new FakeClock();
  const control = new DeployControl();
  const feed = channel();
  let finished: DeployView | undefined;
  const app = render(
    <DeployScreen
      clock={clock}
      title="deploy web-api → staging"
      control={control}
      confirm={options.confirm ?? false}
      color={false}
      {...(options.simulation === undefined ? {} : {simulation: options.simulation})}
      watchCommand="ecs-wizard watch web-api --env staging"
      start={(hooks) => feed.start(hooks)}
      onFinished={(view) => (finished = view)}
    />,
  );
  return {app, clock, control, feed, finished: () => finished};
}

const stoppedTask: DeployEvent = {
  type: 'task-stopped',
  at: at(12),
  taskArn: 'arn:aws:ecs:us-east-1:123456789012:task/web-staging/3f2a9c',
  stoppedReason: 'Essential container in task exited',
  containers: [{name: 'web', exitCode: 1}],
  failure: classifyStoppedTask({stoppedReason: 'Essential container in task exited', containers: [{name: 'web', exitCode: 1}]}),
};

describe('deploy screen', () => {
  it('finished lines go above (Static), the deployments table, circuit breaker and last failure are live below', async () => {
    const {app, feed} = mount({simulation: {scenario: 'crash-loop', speed: 10}});
    feed.push(
      {type: 'step', at: at(0), name: 'plan', status: 'done', message: 'register web-api:2, update service web-api (new revision)'},
      {
        type: 'check',
        at: at(1),
        name: 'image',
        status: 'warn',
        message: 'could not check registry.example.com/team/web-api:1.5.0: unreachable',
        hint: 'check the tag yourself',
      },
      {type: 'step', at: at(2), name: 'service', status: 'done', message: 'updated service web-api (deployment ecs-svc/2)'},
      {
        type: 'watch-started',
        at: at(2),
        cluster: 'web-staging',
        service: 'web-api',
        region: 'us-east-1',
        taskDefinitionArn: TD2,
        deploymentId: 'ecs-svc/2',
        simulated: true,
        scenario: 'crash-loop',
      },
      rows(1, 0),
      {type: 'circuit-breaker', at: at(12), failed: 1, threshold: 3},
      stoppedTask,
    );
    const frame = await waitForFrame(app, 'last failure');
    expect(frame).toContain('ecs-wizard · deploy web-api → staging');
    expect(frame).toContain(' SIMULATED · scenario crash-loop · 10× speed · no AWS account, nothing is changed in AWS');
    expect(frame).toContain('+0s   ✓ plan: done — register web-api:2, update service web-api (new revision)');
    expect(frame).toContain('+1s   ! check image: warn — could not check registry.example.com/team/web-api:1.5.0: unreachable');
    expect(frame).toContain('          hint: check the tag yourself');
    expect(frame).toContain('+12s  ✗ task 3f2a9c stopped: Essential container in task exited (web exit 1)');
    expect(frame).toContain('          essential-exit: essential container web exited with code 1');
    expect(frame).toMatch(/STATUS\s+REVISION\s+ROLLOUT\s+DESIRED\s+RUNNING\s+PENDING\s+FAILED/);
    expect(frame).toMatch(/PRIMARY\s+web-api:2 \*\s+IN_PROGRESS\s+2\s+0\s+2\s+1\s+▒{12}/);
    expect(frame).toMatch(/ACTIVE\s+web-api:1\s+COMPLETED\s+2\s+2\s+0\s+0\s+█{12}/);
    expect(frame).toContain('circuit breaker: 1 of 3 failed tasks (rolls back at 3)');
    expect(frame).toContain('last failure: essential container web exited with code 1');
    expect(frame).toMatch(/r roll back now\s+d detach\s+ctrl-c detach/);
    // The log is above the live part.
    expect(frame.indexOf('task 3f2a9c stopped')).toBeLessThan(frame.indexOf('STATUS'));
  });

  it("with the service's circuit breaker off, it says so and counts the failures (never 'no failed tasks')", async () => {
    const {app, feed} = mount({simulation: {scenario: 'crash-loop', speed: 10}});
    feed.push(
      {
        type: 'watch-started',
        at: at(2),
        cluster: 'web-staging',
        service: 'web-api',
        region: 'us-east-1',
        taskDefinitionArn: TD2,
        deploymentId: 'ecs-svc/2',
        simulated: true,
        scenario: 'crash-loop',
      },
      rows(1, 0),
      {type: 'circuit-breaker', at: at(12), failed: 16, threshold: 3, off: true},
    );
    const frame = await waitForFrame(app, 'circuit breaker: off');
    expect(frame).toContain('circuit breaker: off — 16 failed tasks; ECS will not stop or roll back this deployment');
    expect(frame).not.toContain('no failed tasks');
    expect(frame).not.toContain('rolls back at');
  });

  it('strips control sequences from AWS text', async () => {
    const {app, feed} = mount();
    feed.push({type: 'service-event', at: at(3), id: 'e1', createdAt: '2026-01-15T09:00:03.000Z', message: 'bad \u001B[2J\u001B]0;pwned\u0007news'});
    const frame = await waitForFrame(app, 'news');
    expect(frame).toContain('bad news');
    expect(frame).not.toContain('\u001B]0;');
    expect(frame).not.toContain('\u001B[2J');
  });

  it('the elapsed time comes from the clock', async () => {
    const {app, feed, clock} = mount();
    feed.push({type: 'step', at: at(0), name: 'plan', status: 'started', message: 'rendering'});
    await waitForFrame(app, 'plan… · elapsed 0:00');
    await clock.advance(65_000);
    await waitForFrame(app, 'plan… · elapsed 1:05');
  });

  it('asks y/n with the plan on screen; y goes on, n cancels', async () => {
    const ecs = createSimulatedEcs({clock: new FakeClock(), region: 'us-east-1', clusters: ['web-staging']});
    const profile = fargateJsonProfile();
    const plan = await planDeploy({ecs}, {profile, environment: profile.environments[0]!});
    const review = {
      plan,
      checks: [],
      remedies: [{kind: 'create-log-group' as const, logGroup: '/ecs/web-api', region: 'us-east-1', label: 'create log group /ecs/web-api (us-east-1)'}],
      forced: [],
    };

    for (const [key, expected] of [
      ['y', true],
      ['n', false],
    ] as const) {
      const {app, feed} = mount({confirm: true});
      await waitForFrame(app, 'ctrl-c stop (nothing changed yet)');
      feed.hooks!.onReview!(review);
      const answer = feed.hooks!.confirm!({kind: 'deploy', review} satisfies Confirmation);
      const frame = await waitForFrame(app, '(y/n)');
      expect(frame).toContain('web-api → staging (us-east-1, cluster web-staging)');
      expect(frame).toContain('Plan: will create');
      expect(frame).toContain('Deploy web-api to staging? This also will create log group /ecs/web-api (us-east-1). (y/n)');
      expect(frame).toMatch(/y yes, go on\s+n\/esc no, change nothing/);
      await press(app, key);
      expect(await answer).toBe(expected);
      if (!expected) await waitForFrame(app, 'Cancelled: nothing was changed.');
      cleanup();
    }
  });

  it('d detaches (the watch stops, the deployment goes on) and shows how to re-attach', async () => {
    const {app, feed, control, finished} = mount();
    feed.push(
      {type: 'watch-started', at: at(0), cluster: 'web-staging', service: 'web-api', region: 'us-east-1', taskDefinitionArn: TD2, simulated: false},
      rows(0, 1),
    );
    await waitForFrame(app, 'PRIMARY');
    await press(app, 'd');
    expect(control.signal.aborted).toBe(true);
    await waitForFrame(app, 'Detaching: one last look at the deployment');
    feed.push({type: 'done', at: at(5), outcome: 'detached', reason: 'detached: the deployment goes on without us', exitCode: 5, elapsedMs: 5000, apiCalls: 3});
    feed.close();
    const frame = await waitForFrame(app, 'Watch it again: ecs-wizard watch web-api --env staging');
    expect(frame).toContain('Detached: the deployment goes on · exit 5');
    expect(finished()?.outcome).toBe('detached');
  });

  it('ctrl-c is detach too', async () => {
    const {app, feed, control} = mount();
    feed.push({type: 'watch-started', at: at(0), cluster: 'web-staging', service: 'web-api', region: 'us-east-1', taskDefinitionArn: TD2, simulated: false});
    await waitForFrame(app, 'r roll back now');
    await press(app, 'ctrl-c');
    expect(control.signal.aborted).toBe(true);
  });

  it('r asks first, and rolls back to the previous revision on y; or says why it cannot', async () => {
    const clock = new FakeClock({autoAdvance: true});
    const ecs = createSimulatedEcs({clock, region: 'us-east-1', clusters: ['web-staging']});
    const seeded = ecs.seedService({cluster: 'web-staging', serviceName: 'web-api', revisions: 2});
    const {app, feed, control} = mount();
    feed.push({type: 'watch-started', at: at(0), cluster: 'web-staging', service: 'web-api', region: 'us-east-1', taskDefinitionArn: TD2, simulated: false});
    await waitForFrame(app, 'r roll back now');
    await press(app, 'r');
    await waitForFrame(app, 'Cannot roll back: nothing was deployed yet.');
    control.arm({ecs, cluster: 'web-staging', serviceName: 'web-api', previousTaskDefinitionArn: TD1});
    await press(app, 'r');
    const asking = await waitForFrame(app, 'Roll back now? y rolls back · any other key keeps watching');
    // The footer lists the keys that work now.
    expect(asking).toContain('y roll back now');
    expect(asking).not.toContain('d detach');
    // Any other key keeps watching: nothing changes.
    await press(app, 'n');
    await waitForFrame(app, 'Not rolled back: still watching.');
    expect((await ecs.describeServices('web-staging', ['web-api']))[0]!.taskDefinition).toBe(TD2);
    await press(app, 'r');
    await waitForFrame(app, 'Roll back now? y rolls back · any other key keeps watching');
    await press(app, 'y');
    await waitForFrame(app, 'Rolling back: service web-api is going back to web-api:1; watching the rollback.');
    const [service] = await ecs.describeServices('web-staging', ['web-api']);
    expect(service!.taskDefinition).toBe(TD1);
    expect(seeded.taskDefinitionArn).toBe(TD2);
  });

  it("ECS's own record of our deployment: its status in ECS's words live below, each change a line above", async () => {
    const {app, feed} = mount();
    feed.push(
      {type: 'watch-started', at: at(0), cluster: 'web-staging', service: 'web-api', region: 'us-east-1', taskDefinitionArn: TD2, simulated: false},
      rows(3, 0),
      {
        type: 'service-deployment',
        at: at(30),
        arn: 'arn:aws:ecs:us-east-1:123456789012:service-deployment/web-staging/web-api/ejGvqq2ilnbKT9qj0vLJe',
        status: 'ROLLBACK_IN_PROGRESS',
        statusReason: 'ECS deployment circuit breaker: tasks failed to start.',
        taskDefinition: TD2,
        rollback: {reason: 'Circuit breaker triggered.', taskDefinition: TD1},
        circuitBreaker: {status: 'TRIGGERED', failureCount: 3, threshold: 3},
      },
    );
    const frame = await waitForFrame(app, 'ECS: ROLLBACK_IN_PROGRESS');
    expect(frame).toContain('+30s  ✗ ECS service deployment ejGvqq2ilnbKT9qj0vLJe (web-api:2): ROLLBACK_IN_PROGRESS');
    expect(frame).toContain('circuit breaker: TRIGGERED (3/3 failed tasks)');
    expect(frame).toContain('rollback to web-api:1: Circuit breaker triggered.');
    expect(frame).toContain('ECS: ROLLBACK_IN_PROGRESS — ECS deployment circuit breaker: tasks failed to start.');
    expect(frame.indexOf('ECS service deployment')).toBeLessThan(frame.indexOf('STATUS'));
    expect(frame.indexOf('ECS: ROLLBACK_IN_PROGRESS')).toBeGreaterThan(frame.indexOf('STATUS'));
  });

  it('the outcome line when done', async () => {
    const {app, feed, finished} = mount();
    feed.push(
      {type: 'watch-started', at: at(0), cluster: 'web-staging', service: 'web-api', region: 'us-east-1', taskDefinitionArn: TD2, simulated: false},
      {
        type: 'done',
        at: at(75),
        outcome: 'rolled-back',
        reason: 'deployment ecs-svc/2 failed; rolled back to web-api:1',
        exitCode: 3,
        elapsedMs: 75_000,
        apiCalls: 20,
      },
    );
    feed.close();
    const frame = await waitForFrame(app, 'Rolled back · exit 3 · 1:15');
    expect(frame).toContain('✗ rolled back: deployment ecs-svc/2 failed; rolled back to web-api:1');
    expect(finished()).toMatchObject({outcome: 'rolled-back', exitCode: 3});
  });
});

describe('progressBar', () => {
  it.each([
    [{desired: 4, running: 2, pending: 1}, '██████▒▒▒░░░'],
    [{desired: 2, running: 2, pending: 0}, '████████████'],
    [{desired: 0, running: 0, pending: 0}, '░░░░░░░░░░░░'],
    [{desired: 3, running: 5, pending: 0}, '████████████'],
  ])('%o → %s', (row, bar) => {
    expect(progressBar(row)).toBe(bar);
  });
});
