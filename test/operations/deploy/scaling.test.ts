import {describe, expect, it} from 'vitest';
import {MemoryProfileStore} from '../../../source/adapters/memory-profile-store.js';
import {createSimulatedEcs} from '../../../source/adapters/simulator/simulated-ecs.js';
import {createSimulatedScaling} from '../../../source/adapters/simulator/scaling.js';
import type {DeployEvent} from '../../../source/domain/deploy/events.js';
import type {JsonObject} from '../../../source/domain/json.js';
import type {Profile} from '../../../source/domain/model.js';
import {deploy, type DeployRequest} from '../../../source/operations/deploy/run.js';
import type {ScalingPort} from '../../../source/ports/scaling.js';
import type {SimulationScenario} from '../../../source/ports/simulation.js';
import {reportNdjson} from '../../../source/report/deploy-ndjson.js';
import {reportPlain} from '../../../source/report/deploy-plain.js';
import {FakeClock} from '../../helpers/fake-clock.js';
import {fargateJsonProfile} from '../../helpers/profile-fixtures.js';
import {recordingEcs} from './fakes.js';

const MINUTE = 60_000;

function scaledProfile(change: (profile: Profile) => void = () => undefined): Profile {
  const profile = fargateJsonProfile({runs: []});
  profile.environments[0]!.capacityProviderStrategy = [
    {capacityProvider: 'FARGATE', weight: 1, base: 1},
    {capacityProvider: 'FARGATE_SPOT', weight: 3},
  ];
  profile.service.autoScaling = {minCount: 2, maxCount: 10, policies: [{metric: 'cpu', target: 60}]};
  change(profile);
  return profile;
}

async function run(options: {profile: Profile; seed?: boolean; scenario?: SimulationScenario; scaling?: ScalingPort; extra?: Partial<DeployRequest>}) {
  const clock = new FakeClock({autoAdvance: true});
  const simulator = createSimulatedEcs({clock, region: 'us-east-1', scenario: options.scenario ?? 'success', clusters: ['web-staging']});
  if (options.seed !== false)
    simulator.seedService({cluster: 'web-staging', serviceName: 'web-api', family: 'web-api', desiredCount: 3, launchType: 'FARGATE'});
  const ecs = recordingEcs(simulator);
  const store = new MemoryProfileStore();
  await store.save(options.profile);
  const scaling = options.scaling ?? createSimulatedScaling();
  const events: DeployEvent[] = [];
  const stream = deploy(
    {ecs, clock, store, scaling, simulation: {scenario: options.scenario ?? 'success', speed: 1}},
    {
      profile: options.profile,
      environment: options.profile.environments[0]!,
      tag: '1.5.0',
      force: false,
      wait: true,
      timeoutMs: 15 * MINUTE,
      noProgressTimeoutMs: 5 * MINUTE,
      ...options.extra,
    },
  );
  for await (const event of stream) events.push(event);
  const calls = (method: string): JsonObject[] => ecs.recorded.filter((call) => call.method === method).map((call) => call.args[0] as JsonObject);
  return {events, calls, scaling, store};
}

const steps = (events: DeployEvent[]) => events.flatMap((event) => (event.type === 'step' ? [`${event.name} ${event.status}`] : []));
const last = (events: DeployEvent[]) => events.at(-1) as Extract<DeployEvent, {type: 'done'}>;
const replay = async function* (events: DeployEvent[]): AsyncGenerator<DeployEvent> {
  yield* events;
};

describe('deploy with a capacity provider strategy and auto scaling (simulator)', () => {
  it('a new service: created with the strategy and no launchType, at the minimum; scaling applied after the rollout', async () => {
    const {events, calls, scaling} = await run({profile: scaledProfile(), seed: false});
    const created = calls('createService')[0]!;
    expect(created['capacityProviderStrategy']).toEqual([
      {capacityProvider: 'FARGATE', weight: 1, base: 1},
      {capacityProvider: 'FARGATE_SPOT', weight: 3},
    ]);
    expect(created).not.toHaveProperty('launchType');
    expect(created['desiredCount']).toBe(2);
    expect(steps(events).slice(-2)).toEqual(['scaling started', 'scaling done']);
    // After the watch's verdict, before done.
    const watchEnd = events.findIndex((event) => event.type === 'step' && event.name === 'scaling');
    expect(events.slice(0, watchEnd).some((event) => event.type === 'watch-started')).toBe(true);
    expect(last(events)).toMatchObject({type: 'done', outcome: 'deployed', exitCode: 0});
    expect(await scaling.describe('web-staging', 'web-api')).toEqual({
      target: {minCount: 2, maxCount: 10},
      policies: [{name: 'web-api-cpu-target-tracking', policyType: 'TargetTrackingScaling', metric: 'cpu', target: 60}],
    });
    const checks = events.filter((event) => event.type === 'check' && event.name === 'capacity-providers');
    expect(checks).toEqual([expect.objectContaining({status: 'ok', message: 'FARGATE, FARGATE_SPOT are attached to cluster web-staging'})]);
  });

  it('an existing service on a launch type: updated without desiredCount, with forceNewDeployment; the plan says both', async () => {
    const {events, calls} = await run({profile: scaledProfile()});
    const updated = calls('updateService')[0]!;
    expect(updated).not.toHaveProperty('desiredCount');
    expect(updated['forceNewDeployment']).toBe(true);
    expect(updated['capacityProviderStrategy']).toBeDefined();
    const plan = events.find((event) => event.type === 'step' && event.name === 'plan' && event.status === 'done');
    expect(plan).toMatchObject({message: expect.stringContaining(', then apply auto scaling')});
    expect(last(events)).toMatchObject({outcome: 'deployed', exitCode: 0});
  });

  it('scaling that fails after a successful rollout: the outcome stays deployed, the reason says scaling was not applied, exit 1', async () => {
    const failing = createSimulatedScaling();
    failing.putPolicy = async () => {
      throw new Error('AccessDeniedException: not authorized to perform application-autoscaling:PutScalingPolicy');
    };
    const {events, store} = await run({profile: scaledProfile(), scaling: failing});
    expect(steps(events).slice(-2)).toEqual(['scaling started', 'scaling failed']);
    const end = last(events);
    expect(end).toMatchObject({outcome: 'deployed', exitCode: 1});
    expect(end.reason).toContain('but auto scaling was not applied: AccessDeniedException');
    expect((await store.get('web-api'))?.runs.at(-1)?.outcome).toBe('deployed');

    // All three renderers show the step and the end as it is.
    const plain: string[] = [];
    await reportPlain(replay(events), {write: (chunk) => plain.push(String(chunk))});
    const text = plain.join('');
    expect(text).toContain('scaling: failed — auto scaling was not applied: AccessDeniedException');
    expect(text).toContain('[exit 1,');
    const ndjson: string[] = [];
    await reportNdjson(replay(events), {write: (chunk) => ndjson.push(String(chunk))});
    const lines = ndjson
      .join('')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toContainEqual(expect.objectContaining({type: 'step', name: 'scaling', status: 'failed'}));
    expect(lines.at(-1)).toMatchObject({type: 'summary', outcome: 'deployed', exitCode: 1});
  });

  it('a rollout that rolls back: scaling is not changed, and the stream says so', async () => {
    const {events, scaling} = await run({profile: scaledProfile(), scenario: 'crash-loop'});
    expect(steps(events).at(-1)).toBe('scaling skipped');
    expect(last(events)).toMatchObject({outcome: 'rolled-back', exitCode: 3});
    expect(await scaling.describe('web-staging', 'web-api')).toEqual({policies: []});
  });

  it('a profile without auto scaling leaves the service’s alone; --remove-auto-scaling removes it', async () => {
    const scaling = createSimulatedScaling();
    await scaling.registerTarget('web-staging', 'web-api', {minCount: 1, maxCount: 4});
    await scaling.putPolicy('web-staging', 'web-api', {name: 'theirs', metric: 'memory', target: 70});
    const plain = scaledProfile((profile) => delete profile.service.autoScaling);
    const left = await run({profile: plain, scaling});
    expect(left.events.filter((event) => event.type === 'step' && event.name === 'scaling')).toEqual([
      expect.objectContaining({
        status: 'skipped',
        message: 'left as it is (1–4 tasks): theirs (memory 70%) — the profile sets none (remove it with --remove-auto-scaling)',
      }),
    ]);
    expect((await scaling.describe('web-staging', 'web-api')).target).toEqual({minCount: 1, maxCount: 4});
    // desiredCount is the profile's (no scaling in the profile: nothing to keep out of the way).
    expect(left.calls('updateService')[0]!['desiredCount']).toBe(1);

    const removed = await run({profile: plain, scaling, extra: {removeAutoScaling: true}});
    expect(steps(removed.events).slice(-2)).toEqual(['scaling started', 'scaling done']);
    expect(await scaling.describe('web-staging', 'web-api')).toEqual({policies: []});
  });

  it('requests per target: the policy gets the resource label of the service’s target group', async () => {
    const targetGroup = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-tg/0123456789abcdef';
    const profile = scaledProfile((changed) => {
      changed.service.serviceSpec = JSON.stringify({
        schedulingStrategy: 'REPLICA',
        loadBalancers: [{targetGroupArn: targetGroup, containerName: '${CONTAINER_NAME}', containerPort: 8080}],
      });
      changed.service.autoScaling = {minCount: 2, maxCount: 10, policies: [{metric: 'requests', target: 1000}]};
    });
    const {events, scaling} = await run({profile, seed: false});
    expect(last(events)).toMatchObject({outcome: 'deployed', exitCode: 0});
    expect((await scaling.describe('web-staging', 'web-api')).policies).toEqual([
      expect.objectContaining({metric: 'requests', target: 1000, resourceLabel: 'app/simulated/0/targetgroup/web-tg/0123456789abcdef'}),
    ]);
  });
});
