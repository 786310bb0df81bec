/**
 * The record of a whole-application run, kept in the application (operations/deploy/app-run-record.ts), against the
 * rollout simulator with a fake clock: written at the start, as each service starts and ends, and at the end; a run
 * that stops mid-way leaves services in flight, never a success; `watch --app` re-attaches from it and settles it.
 */
import {describe, expect, it} from 'vitest';
import {MemoryProfileStore} from '../../../source/adapters/memory-profile-store.js';
import {simulatedDeployPorts} from '../../../source/composition.js';
import type {AppDeployEvent, AppDoneEvent} from '../../../source/domain/deploy/app-events.js';
import type {AppRunRecord} from '../../../source/domain/deploy/app-run-record.js';
import {newestRun} from '../../../source/domain/deploy/app-run-record.js';
import type {DeployPorts} from '../../../source/ports/deploy.js';
import {memberTags, reattachPlan, recordAppRun, settleAppRun} from '../../../source/operations/deploy/app-run-record.js';
import {deployApp} from '../../../source/operations/deploy/app-run.js';
import {memberDeployer, parseAppSimulation, selectApplication} from '../../../source/operations/deploy/app-setup.js';
import {watchApp} from '../../../source/operations/deploy/app-watch.js';
import {runPorts} from '../../../source/operations/deploy/setup.js';
import {watchExisting} from '../../../source/operations/deploy/watch-existing.js';
import {StoreError} from '../../../source/errors.js';
import {FakeClock} from '../../helpers/fake-clock.js';
import {testRoot} from '../../helpers/fake-root.js';
import {shopProfile} from '../../helpers/app-fixtures.js';

const MINUTE = 60_000;

async function driveUntil(clock: FakeClock, predicate: () => boolean): Promise<void> {
  while (!predicate()) {
    if (!(await clock.advanceToNextTimer())) await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Each service keeps ONE simulator across the deploy and the watch (as ECS keeps the service). */
async function world(simulate: string, services = [shopProfile('db'), shopProfile('api', ['db']), shopProfile('web', ['api'])]) {
  const clock = new FakeClock();
  const store = new MemoryProfileStore();
  for (const profile of services) await store.save(profile);
  const base = testRoot({store, clock});
  const simulators = new Map<string, Promise<DeployPorts>>();
  const root = {
    ...base,
    deployPorts: (region: string, options: Parameters<typeof base.deployPorts>[1] = {}) => {
      const key = options.simulate?.seed?.serviceName ?? '';
      if (!simulators.has(key)) simulators.set(key, simulatedDeployPorts(clock, region, options.simulate!));
      return simulators.get(key)!;
    },
  };
  const simulation = parseAppSimulation(simulate, 1);
  return {clock, store, root, simulation};
}

type World = Awaited<ReturnType<typeof world>>;

/** A recorded deploy of shop to dev; `onEvent` sees each event as the consumer gets it (and may detach). */
async function recordedDeploy({clock, store, root, simulation}: World, signal?: AbortSignal) {
  const selection = await selectApplication(store, {application: 'shop', environment: 'dev', selection: {}, simulation});
  return recordAppRun(
    {store, clock},
    {application: 'shop', tags: memberTags(selection.members)},
    deployApp(clock, {
      application: 'shop',
      environment: 'dev',
      members: selection.members,
      order: selection.order,
      parallel: 3,
      simulated: true,
      ...(signal === undefined ? {} : {signal}),
      start: memberDeployer(
        {root, clock, store},
        {overrides: {}, force: false, wait: true, timeoutMs: 15 * MINUTE, noProgressTimeoutMs: 5 * MINUTE, simulation},
        signal === undefined ? {} : {signal},
      ),
    }),
  );
}

async function collect(clock: FakeClock, stream: AsyncIterable<AppDeployEvent>, onEvent: (event: AppDeployEvent) => void | Promise<void> = () => undefined) {
  const events: AppDeployEvent[] = [];
  let finished = false;
  void (async () => {
    for await (const event of stream) {
      events.push(event);
      await onEvent(event);
    }
    finished = true;
  })();
  await driveUntil(clock, () => finished);
  return {events, done: events.at(-1) as AppDoneEvent};
}

const runsOf = async (store: MemoryProfileStore): Promise<AppRunRecord[]> => (await store.application('shop'))?.runs ?? [];
const brief = (record: AppRunRecord | undefined) => record?.services.map((item) => [item.service, item.state, item.outcome ?? null]);

describe('the record of a whole-application run', () => {
  it('all succeed: written at the start (no end yet), at each service’s start and end, and at the end with revisions and tags', async () => {
    const context = await world('success');
    const seen: Array<ReturnType<typeof brief>> = [];
    const {done} = await collect(context.clock, await recordedDeploy(context), async (event) => {
      // What the store holds as each event reaches the consumer.
      if (event.type === 'app-started' || (event.type === 'app-service' && event.service === 'api' && event.status === 'started')) {
        const record = (await runsOf(context.store)).at(-1);
        expect(record?.outcome).toBeUndefined();
        seen.push(brief(record));
      }
    });
    expect(seen).toEqual([
      [
        ['db', 'waiting', null],
        ['api', 'waiting', null],
        ['web', 'waiting', null],
      ],
      [
        ['db', 'ended', 'deployed'],
        ['api', 'in-flight', null],
        ['web', 'waiting', null],
      ],
    ]);
    const runs = await runsOf(context.store);
    expect(runs).toHaveLength(1);
    const record = runs[0]!;
    expect(record).toMatchObject({environment: 'dev', simulated: true, outcome: 'deployed', exitCode: 0, order: ['db', 'api', 'web']});
    expect(record.finishedAt).toBeDefined();
    expect(record.services.map((item) => [item.service, item.state, item.outcome, item.exitCode, item.tag, typeof item.revision])).toEqual([
      ['db', 'ended', 'deployed', 0, 'stable-perl', 'number'],
      ['api', 'ended', 'deployed', 0, 'stable-perl', 'number'],
      ['web', 'ended', 'deployed', 0, 'stable-perl', 'number'],
    ]);
    // --json carries it: the end event holds the record as saved.
    expect(done.record).toEqual(record);
    expect(done.notes).toBeUndefined();
  });

  it('a dependency rolls back: its dependents are recorded "not started" with why; the run is rolled back (exit 3)', async () => {
    const context = await world('api:crash-loop');
    await collect(context.clock, await recordedDeploy(context));
    const record = (await runsOf(context.store)).at(-1)!;
    expect(record).toMatchObject({outcome: 'rolled-back', exitCode: 3, resume: '--from api'});
    expect(brief(record)).toEqual([
      ['db', 'ended', 'deployed'],
      ['api', 'ended', 'rolled-back'],
      ['web', 'not-started', null],
    ]);
    expect(record.services[2]!.reason).toMatch(/^api rolled back: it depends on api/);
    expect(record.services[1]!.reason).toContain('circuit breaker');
  });

  it('a run whose process stops mid-way (the stream is dropped) leaves its services in flight, never a success', async () => {
    const context = await world('slow-start');
    const stream = await recordedDeploy(context);
    const events: AppDeployEvent[] = [];
    let stopped = false;
    void (async () => {
      for await (const event of stream) {
        events.push(event);
        if (event.type === 'app-service' && event.service === 'db' && event.status === 'started') break;
      }
      stopped = true;
    })();
    await driveUntil(context.clock, () => stopped);
    const record = (await runsOf(context.store)).at(-1)!;
    expect(record.outcome).toBeUndefined();
    expect(record.finishedAt).toBeUndefined();
    expect(brief(record)).toEqual([
      ['db', 'in-flight', null],
      ['api', 'waiting', null],
      ['web', 'waiting', null],
    ]);
    const selection = await selectApplication(context.store, {application: 'shop', environment: 'dev', selection: {}, simulation: context.simulation});
    const plan = reattachPlan(record, selection.members, true)!;
    expect(plan.reattach.services).toEqual(['db']);
    expect(plan.reattach.others).toEqual({
      api: {reason: 'cannot re-attach: it never started (the run ended before it did)', outcome: 'not-started'},
      web: {reason: 'cannot re-attach: it never started (the run ended before it did)', outcome: 'not-started'},
    });
    // A watch against AWS never settles a simulated record.
    expect(reattachPlan(record, selection.members, false)).toBeUndefined();
  });

  it('detach, then watch --app re-attaches from the record, says what it could not re-attach to, and settles the record', async () => {
    const context = await world('success', [shopProfile('db'), shopProfile('api', ['db']), shopProfile('worker')]);
    const controller = new AbortController();
    const deployed = await collect(context.clock, await recordedDeploy(context, controller.signal), (event) => {
      if (event.type === 'service-run' && event.service === 'worker' && event.event.type === 'watch-started') controller.abort();
    });
    expect(deployed.done).toMatchObject({outcome: 'detached', exitCode: 5});
    const detached = (await runsOf(context.store)).at(-1)!;
    expect(detached).toMatchObject({outcome: 'detached', exitCode: 5});
    expect(brief(detached)).toEqual([
      ['db', 'ended', 'detached'],
      ['api', 'not-started', null],
      ['worker', 'ended', 'detached'],
    ]);

    const {clock, store, root, simulation} = context;
    const selection = await selectApplication(store, {application: 'shop', environment: 'dev', selection: {}, simulation});
    const record = newestRun((await store.application('shop'))?.runs, 'dev');
    const plan = reattachPlan(record, selection.members, true)!;
    expect(plan.reattach.services).toEqual(['db', 'worker']);
    const watched = await collect(
      clock,
      settleAppRun(
        {store, clock},
        {application: 'shop', recordId: plan.recordId},
        watchApp(clock, {
          application: 'shop',
          environment: 'dev',
          members: selection.members,
          order: selection.order,
          simulated: true,
          reattach: plan.reattach,
          watch: async function* (member) {
            const ports = await runPorts(root, {
              profile: member.profile,
              environment: member.environment,
              overrides: {},
              simulate: {scenario: 'success', speed: 1},
            });
            yield* watchExisting(
              {ecs: ports.ecs, clock, store},
              {profile: member.profile, environment: member.environment, timeoutMs: 15 * MINUTE, noProgressTimeoutMs: 5 * MINUTE, simulated: true},
            );
          },
        }),
      ),
    );
    const skipped = watched.events.flatMap((event) => (event.type === 'app-service' && event.status === 'skipped' ? [[event.service, event.reason]] : []));
    expect(skipped).toEqual([['api', 'cannot re-attach: it never started (the run was detached)']]);
    expect(watched.done.services.map((result) => [result.service, result.outcome])).toEqual([
      ['db', 'deployed'],
      ['api', 'not-started'],
      ['worker', 'deployed'],
    ]);
    const settled = (await runsOf(store)).at(-1)!;
    expect(settled.id).toBe(detached.id);
    expect(brief(settled)).toEqual([
      ['db', 'ended', 'deployed'],
      ['api', 'not-started', null],
      ['worker', 'ended', 'deployed'],
    ]);
    // Two of three deployed and one never started: the run is not a success.
    expect(settled).toMatchObject({outcome: 'interrupted', exitCode: 5, reason: '2 of 3 services deployed; not started: api'});
    expect(settled.settledAt).toBeDefined();
    expect(watched.done.record).toEqual(settled);
    // Nothing left to re-attach to: a second watch --app falls back to each service's own run record.
    expect(reattachPlan(settled, selection.members, true)).toBeUndefined();
  });

  it('a record that cannot be written never stops the run: the end says so', async () => {
    const context = await world('success', [shopProfile('db')]);
    const failing = Object.create(context.store) as MemoryProfileStore;
    failing.updateApplicationRuns = async () => {
      throw new StoreError('the profile store is read-only here', '/nowhere/profiles.json');
    };
    const selection = await selectApplication(context.store, {application: 'shop', environment: 'dev', selection: {}, simulation: context.simulation});
    const {done} = await collect(
      context.clock,
      recordAppRun(
        {store: failing, clock: context.clock},
        {application: 'shop', tags: {}},
        deployApp(context.clock, {
          application: 'shop',
          environment: 'dev',
          members: selection.members,
          order: selection.order,
          parallel: 1,
          simulated: true,
          start: memberDeployer(
            {root: context.root, clock: context.clock, store: context.store},
            {overrides: {}, force: false, wait: true, timeoutMs: 15 * MINUTE, noProgressTimeoutMs: 5 * MINUTE, simulation: context.simulation},
            {},
          ),
        }),
      ),
    );
    expect(done).toMatchObject({outcome: 'deployed', exitCode: 0, notes: ['the run was not recorded in the application: the profile store is read-only here']});
    expect(await runsOf(context.store)).toEqual([]);
  });
});
