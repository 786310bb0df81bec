import {describe, expect, it} from 'vitest';
import {MemoryProfileStore} from '../../../source/adapters/memory-profile-store.js';
import type {AppDeployEvent, AppDoneEvent} from '../../../source/domain/deploy/app-events.js';
import type {Profile} from '../../../source/domain/model.js';
import {deployApp, type AppDeployRequest} from '../../../source/operations/deploy/app-run.js';
import {memberDeployer, parseAppSimulation, selectApplication} from '../../../source/operations/deploy/app-setup.js';
import type {Selection} from '../../../source/domain/deploy/app-order.js';
import {FakeClock} from '../../helpers/fake-clock.js';
import {testRoot} from '../../helpers/fake-root.js';
import {shopProfile} from '../../helpers/app-fixtures.js';

const MINUTE = 60_000;

/**
 * Fires the clock's timers until `predicate` holds. Loading a service's simulator (a lazy import) takes a few
 * turns of the event loop with nothing sleeping: those turns are waited for, never time.
 */
async function driveUntil(clock: FakeClock, predicate: () => boolean): Promise<void> {
  while (!predicate()) {
    if (!(await clock.advanceToNextTimer())) await new Promise((resolve) => setImmediate(resolve));
  }
}

async function setup(profiles: Profile[]) {
  const clock = new FakeClock();
  const store = new MemoryProfileStore();
  for (const profile of profiles) await store.save(profile);
  const root = testRoot({store, clock});
  return {clock, store, root};
}

interface RunOptions {
  simulate?: string;
  parallel?: number;
  selection?: Selection;
  confirm?: AppDeployRequest['confirm'];
  signal?: AbortSignal;
  wait?: boolean;
}

async function runApp(context: Awaited<ReturnType<typeof setup>>, options: RunOptions = {}) {
  const {clock, store, root} = context;
  const simulation = parseAppSimulation(options.simulate ?? 'success', 1);
  const selection = await selectApplication(store, {application: 'shop', environment: 'dev', selection: options.selection ?? {}, simulation});
  const events: AppDeployEvent[] = [];
  let finished = false;
  const run = (async () => {
    for await (const event of deployApp(clock, {
      application: 'shop',
      environment: 'dev',
      members: selection.members,
      order: selection.order,
      parallel: options.parallel ?? 3,
      simulated: true,
      start: memberDeployer(
        {root, clock, store},
        {overrides: {}, force: false, wait: options.wait ?? true, timeoutMs: 15 * MINUTE, noProgressTimeoutMs: 5 * MINUTE, simulation},
        options.signal === undefined ? {} : {signal: options.signal},
      ),
      ...(options.confirm === undefined ? {} : {confirm: options.confirm}),
      ...(options.signal === undefined ? {} : {signal: options.signal}),
    }))
      events.push(event);
    finished = true;
  })();
  await driveUntil(clock, () => finished);
  await run;
  return {events, done: events.at(-1) as AppDoneEvent};
}

/** The app-service statuses, in order, as `service:status`. */
const statuses = (events: AppDeployEvent[]): string[] =>
  events.flatMap((event) =>
    event.type === 'app-service' ? [`${event.service}:${event.status}${event.outcome === undefined ? '' : `:${event.outcome}`}`] : [],
  );

const THREE = () => [shopProfile('db'), shopProfile('api', ['db']), shopProfile('web', ['api'])];

describe('deployApp with the simulator', () => {
  it('deploys every service in dependency order and exits 0', async () => {
    const context = await setup(THREE());
    const {events, done} = await runApp(context);
    expect(events[0]).toMatchObject({
      type: 'app-started',
      services: [{service: 'db'}, {service: 'api', dependsOn: ['db']}, {service: 'web', dependsOn: ['api']}],
    });
    expect(statuses(events).filter((item) => !item.endsWith(':planned') && !item.endsWith(':queued'))).toEqual([
      'db:started',
      'db:finished:deployed',
      'api:started',
      'api:finished:deployed',
      'web:started',
      'web:finished:deployed',
    ]);
    expect(done).toMatchObject({type: 'app-done', outcome: 'deployed', exitCode: 0});
    expect(done.resume).toBeUndefined();
    expect(done.services.map((result) => [result.service, result.outcome, result.changed])).toEqual([
      ['db', 'deployed', true],
      ['api', 'deployed', true],
      ['web', 'deployed', true],
    ]);
    // Each service's own run is recorded in its profile.
    for (const name of ['shop-db', 'shop-api', 'shop-web'])
      expect((await context.store.get(name))!.runs.at(-1)).toMatchObject({outcome: 'deployed', simulated: true});
    // Every service event is tagged with its service.
    expect(events.filter((event) => event.type === 'service-run' && event.event.type === 'done').map((event) => (event as {service: string}).service)).toEqual([
      'db',
      'api',
      'web',
    ]);
  });

  it('plans every service before any starts, and asks once', async () => {
    const context = await setup(THREE());
    const asked: string[][] = [];
    const {events, done} = await runApp(context, {
      confirm: async (reviews) => {
        asked.push(reviews.map((review) => review.service));
        return true;
      },
    });
    expect(asked).toEqual([['db', 'api', 'web']]);
    const list = statuses(events);
    expect(list.slice(0, 3)).toEqual(['db:queued', 'api:queued', 'web:queued']);
    expect(list.slice(3, 6).sort()).toEqual(['api:planned', 'db:planned', 'web:planned']);
    expect(done.exitCode).toBe(0);
  });

  it('"no" at the one confirmation changes nothing: exit 5', async () => {
    const context = await setup(THREE());
    const {events, done} = await runApp(context, {confirm: async () => false});
    expect(statuses(events).filter((item) => item.includes('started'))).toEqual([]);
    expect(done).toMatchObject({exitCode: 5, outcome: 'interrupted'});
    expect(done.services.every((result) => result.outcome === 'not-started')).toBe(true);
    expect((await context.store.get('shop-db'))!.runs).toEqual([]);
  });

  it('a dependency that rolls back: its dependents are not started, exit 3, and the summary says how to resume', async () => {
    const context = await setup([...THREE(), shopProfile('worker')]);
    const {events, done} = await runApp(context, {simulate: 'api:crash-loop'});
    const list = statuses(events);
    expect(list).toContain('api:finished:rolled-back');
    expect(list).toContain('web:skipped');
    expect(list).not.toContain('web:started');
    expect(list).toContain('worker:finished:deployed');
    expect(done).toMatchObject({outcome: 'rolled-back', exitCode: 3, resume: '--only api,web'});
    const web = done.services.find((result) => result.service === 'web')!;
    expect(web).toMatchObject({outcome: 'not-started'});
    expect(web.reason).toMatch(/^api rolled back: it depends on api/);
    expect((await context.store.get('shop-web'))!.runs).toEqual([]);
  });

  it('a dependency that fails (replaced): dependents not started, exit 1', async () => {
    const context = await setup(THREE());
    const {done} = await runApp(context, {simulate: 'db:replaced'});
    expect(done).toMatchObject({outcome: 'failed', exitCode: 1, resume: '--from db'});
    expect(done.services.map((result) => result.outcome)).toEqual(['failed', 'not-started', 'not-started']);
  });

  it('the worst outcome wins: failed (1) over rolled back (3)', async () => {
    const context = await setup([shopProfile('a'), shopProfile('b')]);
    const {done} = await runApp(context, {simulate: 'a:crash-loop,b:replaced'});
    expect(done.exitCode).toBe(1);
    expect(done.services.map((result) => result.outcome)).toEqual(['rolled-back', 'failed']);
  });

  it('independent services roll out side by side, never more than --parallel at once', async () => {
    const context = await setup(['a', 'b', 'c', 'd', 'e'].map((name) => shopProfile(name)));
    const {events, done} = await runApp(context, {parallel: 2});
    let running = 0;
    let most = 0;
    for (const event of events) {
      if (event.type !== 'app-service') continue;
      if (event.status === 'started') running += 1;
      if (event.status === 'finished') running -= 1;
      most = Math.max(most, running);
    }
    expect(most).toBe(2);
    expect(done.exitCode).toBe(0);
  });

  it('--only deploys exactly those services; a dependency left out is taken as deployed', async () => {
    const context = await setup(THREE());
    const {events, done} = await runApp(context, {selection: {only: ['web']}});
    expect(events[0]).toMatchObject({type: 'app-started', services: [{service: 'web', dependsOn: []}]});
    expect(done.services.map((result) => result.service)).toEqual(['web']);
    expect(done.exitCode).toBe(0);
  });

  it('--from deploys that service and every one after it in the order', async () => {
    const context = await setup(THREE());
    const {done} = await runApp(context, {selection: {from: 'api'}});
    expect(done.services.map((result) => result.service)).toEqual(['api', 'web']);
  });

  it('a service that does not render: nothing starts, exit 2, the others are "not started"', async () => {
    const broken = shopProfile('api', ['db']);
    broken.service = {...broken.service, serviceSpec: '{"serviceName": "${serviceVariable.missing}"}'};
    const context = await setup([shopProfile('db'), broken]);
    const {events, done} = await runApp(context);
    expect(statuses(events).some((item) => item.endsWith(':started'))).toBe(false);
    expect(done.exitCode).toBe(2);
    expect(done.services.find((result) => result.service === 'db')).toMatchObject({outcome: 'not-started'});
  });

  it('stopped while planning: nothing starts, every service "not started", exit 5', async () => {
    const context = await setup(THREE());
    const controller = new AbortController();
    controller.abort();
    const {done} = await runApp(context, {signal: controller.signal});
    expect(done).toMatchObject({outcome: 'interrupted', exitCode: 5});
    expect(done.services.map((result) => [result.outcome, result.reason])).toEqual([
      ['not-started', 'stopped before any change'],
      ['not-started', 'stopped before any change'],
      ['not-started', 'stopped before any change'],
    ]);
    expect((await context.store.get('shop-db'))!.runs).toEqual([]);
  });

  it('a detach starts nothing more; the services in flight detach (exit 5) and the rest say why they did not start', async () => {
    const context = await setup(THREE());
    const controller = new AbortController();
    const {clock} = context;
    const simulation = parseAppSimulation('success', 1);
    const selection = await selectApplication(context.store, {application: 'shop', environment: 'dev', selection: {}, simulation});
    const events: AppDeployEvent[] = [];
    let finished = false;
    void (async () => {
      for await (const event of deployApp(clock, {
        application: 'shop',
        environment: 'dev',
        members: selection.members,
        order: selection.order,
        parallel: 3,
        simulated: true,
        signal: controller.signal,
        start: memberDeployer(
          {root: context.root, clock, store: context.store},
          {overrides: {}, force: false, wait: true, timeoutMs: 15 * MINUTE, noProgressTimeoutMs: 5 * MINUTE, simulation},
          {signal: controller.signal},
        ),
      }))
        events.push(event);
      finished = true;
    })();
    await driveUntil(clock, () => events.some((event) => event.type === 'service-run' && event.service === 'db' && event.event.type === 'watch-started'));
    controller.abort();
    await driveUntil(clock, () => finished);
    const done = events.at(-1) as AppDoneEvent;
    expect(done).toMatchObject({outcome: 'detached', exitCode: 5, resume: '--from db'});
    expect(done.services.map((result) => result.outcome)).toEqual(['detached', 'not-started', 'not-started']);
    expect((await context.store.get('shop-db'))!.runs.at(-1)).toMatchObject({outcome: 'detached'});
  });
});
