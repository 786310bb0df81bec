import {describe, expect, it} from 'vitest';
import {MemoryProfileStore} from '../../../source/adapters/memory-profile-store.js';
import {simulatedDeployPorts} from '../../../source/composition.js';
import type {AppDeployEvent, AppDoneEvent} from '../../../source/domain/deploy/app-events.js';
import type {DeployPorts} from '../../../source/ports/deploy.js';
import {deployApp} from '../../../source/operations/deploy/app-run.js';
import {memberDeployer, parseAppSimulation, selectApplication} from '../../../source/operations/deploy/app-setup.js';
import {membersToWatch, watchApp} from '../../../source/operations/deploy/app-watch.js';
import {runPorts} from '../../../source/operations/deploy/setup.js';
import {watchExisting} from '../../../source/operations/deploy/watch-existing.js';
import {FakeClock} from '../../helpers/fake-clock.js';
import {testRoot} from '../../helpers/fake-root.js';
import {shopProfile} from '../../helpers/app-fixtures.js';

const MINUTE = 60_000;

async function driveUntil(clock: FakeClock, predicate: () => boolean): Promise<void> {
  while (!predicate()) {
    if (!(await clock.advanceToNextTimer())) await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * A world where each service keeps ONE simulator across the deploy and the watch (as ECS keeps the service): the
 * root hands out the same simulated ports for a service every time it is asked.
 */
async function world(simulate: string) {
  const clock = new FakeClock();
  const store = new MemoryProfileStore();
  for (const profile of [shopProfile('db'), shopProfile('api', ['db']), shopProfile('web', ['api']), shopProfile('worker')]) await store.save(profile);
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

async function collect(clock: FakeClock, stream: AsyncIterable<AppDeployEvent>, onEvent: (event: AppDeployEvent) => void = () => undefined) {
  const events: AppDeployEvent[] = [];
  let finished = false;
  void (async () => {
    for await (const event of stream) {
      events.push(event);
      onEvent(event);
    }
    finished = true;
  })();
  await driveUntil(clock, () => finished);
  return {events, done: events.at(-1) as AppDoneEvent};
}

describe('detach a whole-application deploy, then watch --app re-attaches', () => {
  it("follows each detached service's own run to its end; the runs get their outcomes; the summary says how to resume the rest", async () => {
    const {clock, store, root, simulation} = await world('api:crash-loop');
    const selection = await selectApplication(store, {application: 'shop', environment: 'dev', selection: {}, simulation});
    const controller = new AbortController();
    // Detach once db and worker roll out (api waits for db).
    const deployed = await collect(
      clock,
      deployApp(clock, {
        application: 'shop',
        environment: 'dev',
        members: selection.members,
        order: selection.order,
        parallel: 3,
        simulated: true,
        signal: controller.signal,
        start: memberDeployer(
          {root, clock, store},
          {overrides: {}, force: false, wait: true, timeoutMs: 15 * MINUTE, noProgressTimeoutMs: 5 * MINUTE, simulation},
          {signal: controller.signal},
        ),
      }),
      (event) => {
        if (event.type === 'service-run' && event.service === 'worker' && event.event.type === 'watch-started') controller.abort();
      },
    );
    expect(deployed.done).toMatchObject({outcome: 'detached', exitCode: 5, resume: '--from db'});
    expect(deployed.done.services.map((result) => [result.service, result.outcome])).toEqual([
      ['db', 'detached'],
      ['api', 'not-started'],
      ['web', 'not-started'],
      ['worker', 'detached'],
    ]);

    // Re-attach: the services the run left detached are followed; the others say why they are not.
    const again = await selectApplication(store, {application: 'shop', environment: 'dev', selection: {}, simulation});
    expect(membersToWatch(again.members).map((member) => member.service)).toEqual(['db', 'worker']);
    const watched = await collect(
      clock,
      watchApp(clock, {
        application: 'shop',
        environment: 'dev',
        members: again.members,
        order: again.order,
        simulated: true,
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
    );
    expect(watched.events[0]).toMatchObject({type: 'app-started', watch: true});
    const statuses = watched.events.flatMap((event) => (event.type === 'app-service' ? [`${event.service}:${event.status}`] : []));
    expect(statuses).toEqual(expect.arrayContaining(['api:skipped', 'web:skipped', 'db:started', 'worker:started', 'db:finished', 'worker:finished']));
    expect(watched.done).toMatchObject({outcome: 'deployed', exitCode: 0, resume: '--only api,web'});
    expect(watched.done.services.map((result) => [result.service, result.outcome])).toEqual([
      ['db', 'deployed'],
      ['api', 'not-started'],
      ['web', 'not-started'],
      ['worker', 'deployed'],
    ]);
    expect(watched.done.services.find((result) => result.service === 'api')!.reason).toBe('never deployed here');
    // The detached runs were settled in their profiles.
    expect((await store.get('shop-db'))!.runs.at(-1)).toMatchObject({outcome: 'deployed'});
    expect((await store.get('shop-worker'))!.runs.at(-1)).toMatchObject({outcome: 'deployed'});
  });
});
