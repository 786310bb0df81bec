import {describe, expect, it} from 'vitest';
import {MemoryProfileStore} from '../../../source/adapters/memory-profile-store.js';
import {MAX_RUNS, type RunRecord} from '../../../source/domain/model.js';
import {recordRun, settleDetachedRun} from '../../../source/operations/deploy/run-record.js';
import {FakeClock} from '../../helpers/fake-clock.js';
import {fargateJsonProfile} from '../../helpers/profile-fixtures.js';

describe('recording runs', () => {
  const run1: RunRecord = {
    environment: 'staging',
    tag: '1.5.0',
    revision: 9,
    taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web-api:9',
    startedAt: '2026-01-15T09:00:00.000Z',
    finishedAt: '2026-01-15T09:03:00.000Z',
    outcome: 'deployed',
  };

  it('appends the run and makes a deployed tag the current one', async () => {
    const store = new MemoryProfileStore();
    await store.save(fargateJsonProfile());
    const clock = new FakeClock();
    expect(await recordRun(store, 'web-api', run1, clock)).toBe(true);
    const saved = (await store.get('web-api'))!;
    expect(saved.runs.at(-1)).toEqual(run1);
    expect(saved.service.artifact.tag).toBe('1.5.0');
    expect(saved.updatedAt).toBe('2026-01-15T09:00:00.000Z');
  });

  it("keeps ECS's service deployment ARN; one of a shape the profile schema does not know is left out, the run still recorded", async () => {
    const store = new MemoryProfileStore();
    await store.save(fargateJsonProfile({runs: []}));
    const clock = new FakeClock();
    const arn = 'arn:aws:ecs:us-east-1:123456789012:service-deployment/web-staging/web-api/r9sd0B7eOTbE6pEZZSFJw';
    expect(await recordRun(store, 'web-api', {...run1, serviceDeploymentArn: arn}, clock)).toBe(true);
    expect(await recordRun(store, 'web-api', {...run1, serviceDeploymentArn: 'urn:local:deployment:7'}, clock)).toBe(true);
    const runs = (await store.get('web-api'))!.runs;
    expect(runs.map((run) => run.serviceDeploymentArn)).toEqual([arn, undefined]);
    expect(runs[1]).toEqual(run1);
  });

  it('keeps the tag after a failed or simulated run, and keeps the last MAX_RUNS runs', async () => {
    const store = new MemoryProfileStore();
    await store.save(fargateJsonProfile());
    const clock = new FakeClock();
    await recordRun(store, 'web-api', {...run1, outcome: 'rolled-back'}, clock);
    await recordRun(store, 'web-api', {...run1, simulated: true}, clock);
    expect((await store.get('web-api'))!.service.artifact.tag).toBe('1.4.2');
    for (let i = 0; i < MAX_RUNS; i++) await recordRun(store, 'web-api', {...run1, outcome: 'failed', tag: `t${i}`}, clock);
    const runs = (await store.get('web-api'))!.runs;
    expect(runs).toHaveLength(MAX_RUNS);
    expect(runs.at(-1)!.tag).toBe(`t${MAX_RUNS - 1}`);
    expect(await recordRun(store, 'gone', run1, clock)).toBe(false);
  });

  it('settles a detached run with the outcome a later watch saw', async () => {
    const store = new MemoryProfileStore();
    await store.save(fargateJsonProfile());
    await recordRun(store, 'web-api', {...run1, outcome: 'detached'}, new FakeClock());
    expect(
      await settleDetachedRun(store, 'web-api', {
        environment: 'staging',
        taskDefinitionArn: run1.taskDefinitionArn!,
        outcome: 'deployed',
        finishedAt: '2026-01-15T10:00:00.000Z',
      }),
    ).toBe(true);
    const saved = (await store.get('web-api'))!;
    expect(saved.runs.at(-1)).toMatchObject({outcome: 'deployed', finishedAt: '2026-01-15T10:00:00.000Z'});
    expect(saved.service.artifact.tag).toBe('1.5.0');
    expect(
      await settleDetachedRun(store, 'web-api', {environment: 'staging', taskDefinitionArn: run1.taskDefinitionArn!, outcome: 'failed', finishedAt: 'x'}),
    ).toBe(false);
  });

  it('a detached run recorded without its service deployment ARN gets the one the watch judged; one it had is kept', async () => {
    const store = new MemoryProfileStore();
    await store.save(fargateJsonProfile({runs: []}));
    const judged = 'arn:aws:ecs:us-east-1:123456789012:service-deployment/web-staging/web-api/judgedByTheWatch1';
    const own = 'arn:aws:ecs:us-east-1:123456789012:service-deployment/web-staging/web-api/returnedByUpdate1';
    const settle = (serviceDeploymentArn: string) =>
      settleDetachedRun(store, 'web-api', {
        environment: 'staging',
        taskDefinitionArn: run1.taskDefinitionArn!,
        outcome: 'deployed',
        finishedAt: '2026-01-15T10:00:00.000Z',
        serviceDeploymentArn,
      });
    await recordRun(store, 'web-api', {...run1, outcome: 'detached'}, new FakeClock());
    expect(await settle(judged)).toBe(true);
    await recordRun(store, 'web-api', {...run1, outcome: 'detached', serviceDeploymentArn: own}, new FakeClock());
    expect(await settle(judged)).toBe(true);
    expect((await store.get('web-api'))!.runs.map((run) => run.serviceDeploymentArn)).toEqual([judged, own]);
  });
});
