import {describe, expect, it} from 'vitest';
import {MemoryProfileStore} from '../../../source/adapters/memory-profile-store.js';
import {createSimulatedEcs} from '../../../source/adapters/simulator/simulated-ecs.js';
import type {SimulationScenario} from '../../../source/ports/simulation.js';
import type {DeployEvent} from '../../../source/domain/deploy/events.js';
import {foldDeployEvents} from '../../../source/domain/deploy/view.js';
import {AwsError, InputError} from '../../../source/errors.js';
import {DeployControl} from '../../../source/operations/deploy/control.js';
import {deploy, type DeployRequest, type DeployReview} from '../../../source/operations/deploy/run.js';
import {FakeClock} from '../../helpers/fake-clock.js';
import {fargateJsonProfile} from '../../helpers/profile-fixtures.js';
import {fakeCheckPorts, healthyCheckState, recordingEcs, type FakeCheckState} from './fakes.js';

const MINUTE = 60_000;

async function setup(options: {scenario?: SimulationScenario; seed?: boolean; checks?: FakeCheckState | 'simulated'; autoAdvance?: boolean} = {}) {
  const clock = new FakeClock({autoAdvance: options.autoAdvance ?? true});
  const simulator = createSimulatedEcs({clock, region: 'us-east-1', scenario: options.scenario ?? 'success', clusters: ['web-staging']});
  if (options.seed !== false)
    simulator.seedService({cluster: 'web-staging', serviceName: 'web-api', family: 'web-api', desiredCount: 2, launchType: 'FARGATE'});
  const ecs = recordingEcs(simulator);
  const store = new MemoryProfileStore();
  const profile = fargateJsonProfile({runs: []});
  await store.save(profile);
  const state = options.checks === 'simulated' ? undefined : (options.checks ?? healthyCheckState());
  const ports = {
    ecs,
    clock,
    store,
    ...(state === undefined ? {simulation: {scenario: options.scenario ?? 'success', speed: 1}} : {checks: fakeCheckPorts(state)}),
  };
  return {clock, ecs, store, profile, environment: profile.environments[0]!, ports, state};
}

const request = (base: {profile: DeployRequest['profile']; environment: DeployRequest['environment']}, extra: Partial<DeployRequest> = {}): DeployRequest => ({
  profile: base.profile,
  environment: base.environment,
  force: false,
  wait: true,
  timeoutMs: 15 * MINUTE,
  noProgressTimeoutMs: 5 * MINUTE,
  ...extra,
});

async function collect(stream: AsyncIterable<DeployEvent>, onEvent?: (event: DeployEvent) => void | Promise<void>): Promise<DeployEvent[]> {
  const events: DeployEvent[] = [];
  for await (const event of stream) {
    events.push(event);
    await onEvent?.(event);
  }
  return events;
}

const done = (events: DeployEvent[]) => {
  const last = events.at(-1);
  if (last?.type !== 'done') throw new Error(`the stream did not end with done: ${last?.type}`);
  expect(events.filter((event) => event.type === 'done')).toHaveLength(1);
  return last;
};
const steps = (events: DeployEvent[]) => events.flatMap((event) => (event.type === 'step' ? [`${event.name} ${event.status}`] : []));
const registered = (ecs: {recorded: Array<{method: string}>}) => ecs.recorded.filter((call) => call.method === 'registerTaskDefinition').length;

describe('deploy', () => {
  it('plan → checks → apply → watch as one stream; success is recorded and the tag becomes current', async () => {
    const {ports, store, profile, environment} = await setup();
    const events = await collect(deploy(ports, request({profile, environment}, {tag: '1.5.0'})));
    expect(steps(events)).toEqual([
      'plan started',
      'plan done',
      'checks started',
      'checks done',
      'register started',
      'register done',
      'service started',
      'service done',
    ]);
    const kinds = [...new Set(events.map((event) => event.type))];
    expect(kinds.slice(0, 3)).toEqual(['step', 'check', 'watch-started'].slice(0, 3).filter((kind) => kinds.includes(kind as DeployEvent['type'])));
    expect(events.findIndex((event) => event.type === 'watch-started')).toBeGreaterThan(
      events.findIndex((event) => event.type === 'step' && event.name === 'service' && event.status === 'done'),
    );
    expect(done(events)).toMatchObject({outcome: 'deployed', exitCode: 0});

    const saved = (await store.get(profile.name))!;
    expect(saved.service.artifact.tag).toBe('1.5.0');
    expect(saved.runs).toHaveLength(1);
    expect(saved.runs[0]).toMatchObject({
      environment: 'staging',
      tag: '1.5.0',
      digest: 'sha256:0000000000000000000000000000000000000000000000000000000000000150',
      revision: 2,
      taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web-api:2',
      outcome: 'deployed',
    });
    expect(saved.runs[0]!.simulated).toBeUndefined();
  });

  it('a crash loop: stopped tasks with their reason, the circuit breaker rolls back → exit 3, recorded, tag kept', async () => {
    const {ports, store, profile, environment} = await setup({scenario: 'crash-loop'});
    const events = await collect(deploy(ports, request({profile, environment}, {tag: '1.5.0'})));
    const stopped = events.filter((event) => event.type === 'task-stopped');
    expect(stopped.length).toBeGreaterThanOrEqual(3);
    expect(stopped[0]).toMatchObject({stoppedReason: 'Essential container in task exited', failure: {class: 'essential-exit'}});
    expect(done(events)).toMatchObject({outcome: 'rolled-back', exitCode: 3});
    const saved = (await store.get(profile.name))!;
    expect(saved.runs.at(-1)).toMatchObject({outcome: 'rolled-back', revision: 2});
    expect(saved.service.artifact.tag).toBe('1.4.2');
  });

  it('a failed check blocks before anything changes (exit 1); --force goes on', async () => {
    const state = healthyCheckState();
    state.roles.clear();
    const blocked = await setup({checks: state});
    const events = await collect(deploy(blocked.ports, request(blocked)));
    expect(steps(events)).toEqual(['plan started', 'plan done', 'checks started', 'checks failed']);
    expect(done(events)).toMatchObject({outcome: 'failed', exitCode: 1});
    expect((done(events) as {reason: string}).reason).toBe(
      'pre-flight check failed: the execution role arn:aws:iam::123456789012:role/ecsTaskExecutionRole does not exist (deploy with --force to go on anyway)',
    );
    expect(registered(blocked.ecs)).toBe(0);
    expect((await blocked.store.get('web-api'))!.runs).toEqual([]);

    const forcedState = healthyCheckState();
    forcedState.roles.clear();
    const forced = await setup({checks: forcedState});
    const forcedEvents = await collect(deploy(forced.ports, request(forced, {force: true})));
    expect(forcedEvents.find((event) => event.type === 'step' && event.name === 'checks' && event.status === 'done')).toMatchObject({
      message: '1 check failed; going on because of --force',
    });
    expect(done(forcedEvents).outcome).toBe('deployed');
  });

  it('asks before changing anything; "no" changes nothing (exit 5, nothing recorded)', async () => {
    const {ports, ecs, store, profile, environment} = await setup();
    let asked: DeployReview | undefined;
    const events = await collect(
      deploy(
        ports,
        request(
          {profile, environment},
          {
            tag: '1.5.0',
            confirm: async (review) => {
              asked = review;
              return false;
            },
          },
        ),
      ),
    );
    expect(asked?.plan.action).toBe('update');
    expect(asked?.checks.map((check) => check.status)).not.toContain('fail');
    expect(done(events)).toMatchObject({outcome: 'interrupted', exitCode: 5, reason: 'cancelled at the confirmation: nothing was changed'});
    expect(registered(ecs)).toBe(0);
    expect((await store.get('web-api'))!.runs).toEqual([]);
  });

  it('creates a missing log group once the person agreed, then deploys', async () => {
    const state = healthyCheckState();
    state.logGroups.clear();
    const {ports, profile, environment} = await setup({checks: state});
    let remedies: string[] = [];
    const events = await collect(
      deploy(ports, request({profile, environment}, {confirm: async (review) => ((remedies = review.remedies.map((remedy) => remedy.label)), true)})),
    );
    expect(remedies).toEqual(['create log group /ecs/web-api (us-east-1)']);
    expect(events.filter((event) => event.type === 'check' && event.name === 'log-group').map((event) => (event as {status: string}).status)).toEqual([
      'fail',
      'ok',
    ]);
    expect(state.logGroups.has('/ecs/web-api')).toBe(true);
    expect(done(events).outcome).toBe('deployed');
  });

  it('a profile that does not render ends with exit 2 and the located errors', async () => {
    const {ports, profile, environment} = await setup();
    profile.service.variables = {};
    const events = await collect(deploy(ports, request({profile, environment: {...environment, overrides: {}}})));
    expect(steps(events)).toEqual(['plan started', 'plan failed']);
    expect(events.filter((event) => event.type === 'warning').length).toBeGreaterThan(0);
    expect(done(events)).toMatchObject({outcome: 'failed', exitCode: 2, reason: "profile 'web-api' does not render for environment 'staging':"});
  });

  it('AWS unreachable: one clear failure (exit 1), nothing else tried', async () => {
    const {ports, ecs, profile, environment} = await setup();
    ecs.failOn.set(
      'describeClusters',
      new AwsError('cannot reach AWS at http://127.0.0.1:9 (ecs:DescribeClusters: ECONNREFUSED, 3 attempts)', {kind: 'unreachable', awsName: 'ECONNREFUSED'}),
    );
    const events = await collect(deploy(ports, request({profile, environment})));
    expect(done(events)).toMatchObject({
      outcome: 'failed',
      exitCode: 1,
      reason: 'cannot reach AWS at http://127.0.0.1:9 (ecs:DescribeClusters: ECONNREFUSED, 3 attempts)',
    });
  });

  it('--no-wait: the deployment starts, exit 0, recorded as detached', async () => {
    const {ports, store, profile, environment} = await setup();
    const events = await collect(deploy(ports, request({profile, environment}, {wait: false, tag: '1.5.0'})));
    expect(events.some((event) => event.type === 'watch-started')).toBe(false);
    expect(done(events)).toMatchObject({outcome: 'detached', exitCode: 0, reason: 'deployment of web-api:2 started; not waiting (--no-wait)'});
    expect((await store.get('web-api'))!.runs.at(-1)).toMatchObject({outcome: 'detached', revision: 2});
  });

  it("the run record keeps ECS's service deployment ARN (UpdateService's), waited for or not", async () => {
    const {ports, store, profile, environment, ecs} = await setup();
    const events = await collect(deploy(ports, request({profile, environment}, {wait: false, tag: '1.5.0'})));
    expect(done(events).outcome).toBe('detached');
    const [service] = await ecs.describeServices('web-staging', ['web-api']);
    const detached = (await store.get('web-api'))!.runs.at(-1)!;
    expect(detached.serviceDeploymentArn).toMatch(/^arn:aws:ecs:us-east-1:\d{12}:service-deployment\/web-staging\/web-api\/\w+$/);
    expect(detached.serviceDeploymentArn).toBe(service!.currentServiceDeployment);
    const waited = await collect(deploy(ports, request({profile, environment}, {tag: '1.4.2'})));
    expect(done(waited).outcome).toBe('deployed');
    const judged = waited.filter((event) => event.type === 'service-deployment').map((event) => event.arn);
    const deployed = (await store.get('web-api'))!.runs.at(-1)!;
    expect(deployed.serviceDeploymentArn).not.toBe(detached.serviceDeploymentArn);
    expect(new Set(judged)).toEqual(new Set([deployed.serviceDeploymentArn]));
  });

  it('nothing changed: no register, no update; the watch confirms the service is steady', async () => {
    const {ports, ecs, profile, environment, store} = await setup({seed: false});
    await collect(deploy(ports, request({profile, environment})));
    const before = ecs.recorded.length;
    const events = await collect(deploy(ports, request({profile, environment})));
    expect(steps(events)).toEqual(['plan started', 'plan done', 'checks started', 'checks done', 'register skipped', 'service skipped']);
    expect(ecs.recorded.slice(before).map((call) => call.method)).not.toContain('registerTaskDefinition');
    expect(ecs.recorded.slice(before).map((call) => call.method)).not.toContain('updateService');
    expect(done(events).outcome).toBe('deployed');
    expect((await store.get('web-api'))!.runs.map((run) => run.outcome)).toEqual(['deployed', 'deployed']);
  });

  it('a simulated run marks the run simulated and checks no AWS resources', async () => {
    const {ports, store, profile, environment} = await setup({checks: 'simulated', scenario: 'success'});
    const events = await collect(deploy(ports, request({profile, environment}, {tag: '1.5.0'})));
    expect(events.find((event) => event.type === 'watch-started')).toMatchObject({simulated: true, scenario: 'success'});
    expect(events.filter((event) => event.type === 'check').map((event) => (event as {name: string}).name)).toEqual(['cluster', 'network', 'aws-resources']);
    const saved = (await store.get('web-api'))!;
    expect(saved.runs.at(-1)).toMatchObject({outcome: 'deployed', simulated: true});
    expect(saved.service.artifact.tag).toBe('1.4.2');
  });

  it('r: rolls back to the previous revision while the rollout runs → rolled back (exit 3)', async () => {
    const {ports, ecs, profile, environment} = await setup({scenario: 'slow-start'});
    const control = new DeployControl();
    expect(control.rollbackUnavailable).toBe('nothing was deployed yet');
    let message = '';
    const events = await collect(deploy(ports, request({profile, environment}, {tag: '1.5.0', control})), async (event) => {
      if (event.type === 'watch-started') message = await control.rollBack();
    });
    expect(message).toBe('rolling back: service web-api is going back to web-api:1');
    const update = ecs.recorded.filter((call) => call.method === 'updateService').at(-1)!.args[0] as Record<string, unknown>;
    expect(update).toEqual({cluster: 'web-staging', service: 'web-api', taskDefinition: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web-api:1'});
    expect(done(events)).toMatchObject({outcome: 'rolled-back', exitCode: 3});
  });

  it('d: detaches — a last look, then done detached (exit 5), recorded as detached', async () => {
    const {ports, store, profile, environment} = await setup({scenario: 'slow-start', autoAdvance: false});
    const control = new DeployControl();
    const stream = collect(deploy(ports, request({profile, environment}, {tag: '1.5.0', control})), (event) => {
      if (event.type === 'deployments') control.detach();
    });
    await ports.clock.runUntil(() => control.signal.aborted);
    const events = await stream;
    expect(done(events)).toMatchObject({outcome: 'detached', exitCode: 5});
    expect(foldDeployEvents(events).outcome).toBe('detached');
    expect((await store.get('web-api'))!.runs.at(-1)).toMatchObject({outcome: 'detached'});
  });

  it('a new service cannot be rolled back with r (nothing to go back to)', async () => {
    const {ports, profile, environment} = await setup({seed: false, scenario: 'slow-start'});
    const control = new DeployControl();
    let why: string | undefined;
    await collect(deploy(ports, request({profile, environment}, {control, timeoutMs: MINUTE})), (event) => {
      if (event.type === 'watch-started') why = control.rollbackUnavailable;
    });
    expect(why).toBe('the service is new: there is no earlier revision to go back to');
  });

  it('InputError from a port keeps exit code 2', async () => {
    const {ports, ecs, profile, environment} = await setup();
    ecs.failOn.set('describeClusters', new InputError('bad cluster name'));
    expect(done(await collect(deploy(ports, request({profile, environment}))))).toMatchObject({exitCode: 2});
  });
});

describe('deploy against an ECS that does not list the new deployment (as moto does)', () => {
  it('the first polls are "not known yet", never "rolled back"; with nothing listed, the no-progress limit ends it (exit 4)', async () => {
    const {ports, profile, environment, ecs} = await setup();
    // UpdateService changes nothing that DescribeServices shows: no deployment of the new revision appears.
    const unlisted = {
      ...ports,
      ecs: {
        ...ecs,
        updateService: async (input: Parameters<typeof ecs.updateService>[0]) => {
          const [state] = await ecs.describeServices(String(input['cluster']), [String(input['service'])]);
          if (state === undefined) throw new Error('the seeded service is missing');
          return state;
        },
      },
    };
    const events = await collect(deploy(unlisted, request({profile, environment}, {tag: '1.5.0', noProgressTimeoutMs: 2 * MINUTE})));
    const end = done(events);
    expect(end).toMatchObject({outcome: 'timed-out', exitCode: 4});
    const view = foldDeployEvents(events);
    expect(view.log.map((line) => line.text).join('\n')).not.toMatch(/rolled back/);
    expect(end.reason).toMatch(/ECS lists no deployment of web-api:2 yet; web-api:1 \(deployment .+\) is still PRIMARY/);
  });
});

describe('the run counts its ECS calls', () => {
  it('--no-wait: the calls of the plan and the apply, not 0', async () => {
    const {ports, profile, environment, ecs} = await setup();
    ecs.recorded.length = 0;
    const end = done(await collect(deploy(ports, request({profile, environment}, {tag: '1.5.0', wait: false}))));
    expect(end.outcome).toBe('detached');
    expect(end.apiCalls).toBeGreaterThan(0);
    expect(end.apiCalls).toBe(ecs.recorded.length);
  });

  it('a watched run: plan, apply and watch together', async () => {
    const {ports, profile, environment, ecs} = await setup();
    ecs.recorded.length = 0;
    const end = done(await collect(deploy(ports, request({profile, environment}, {tag: '1.5.0'}))));
    expect(end.outcome).toBe('deployed');
    expect(end.apiCalls).toBe(ecs.recorded.length);
  });
});
