/**
 * The honest desiredCount: what `render` prints (renderDeployInputs, the documents of the render command) is what
 * the deploy sends — CreateService gets the rendered service field for field (the spec's count brought into the
 * environment's scaling range), and an update sends no desiredCount at all. Auto scaling per environment: the
 * environment's override, else the service's setting, decides both the count and the scalable target.
 */
import {describe, expect, it} from 'vitest';
import {MemoryProfileStore} from '../../../source/adapters/memory-profile-store.js';
import {createSimulatedEcs} from '../../../source/adapters/simulator/simulated-ecs.js';
import {createSimulatedScaling} from '../../../source/adapters/simulator/scaling.js';
import type {DeployEvent} from '../../../source/domain/deploy/events.js';
import type {JsonObject} from '../../../source/domain/json.js';
import type {Profile} from '../../../source/domain/model.js';
import {renderDeployInputs} from '../../../source/operations/deploy/deploy-inputs.js';
import {deploy} from '../../../source/operations/deploy/run.js';
import {FakeClock} from '../../helpers/fake-clock.js';
import {fargateJsonProfile} from '../../helpers/profile-fixtures.js';
import {recordingEcs} from './fakes.js';

const MINUTE = 60_000;

/** staging: the service's 1–2 tasks; production: its own 3–20. The spec says desiredCount 1 (the default). */
function perEnvironmentProfile(specCount?: number): Profile {
  const profile = fargateJsonProfile({runs: []});
  if (specCount !== undefined) profile.service.serviceSpec = JSON.stringify({schedulingStrategy: 'REPLICA', desiredCount: specCount});
  profile.service.autoScaling = {minCount: 1, maxCount: 2, policies: [{metric: 'cpu', target: 60}]};
  profile.environments[1]!.autoScaling = {minCount: 3, maxCount: 20, policies: [{metric: 'cpu', target: 60}]};
  return profile;
}

async function deployTo(profile: Profile, environment: string, tag: string, world = newWorld()) {
  const events: DeployEvent[] = [];
  const notes: string[] = [];
  const stream = deploy(
    {ecs: world.ecs, clock: world.clock, store: world.store, scaling: world.scaling, simulation: {scenario: 'success', speed: 1}},
    {
      profile,
      environment: profile.environments.find((candidate) => candidate.name === environment)!,
      tag,
      force: false,
      wait: true,
      timeoutMs: 15 * MINUTE,
      noProgressTimeoutMs: 5 * MINUTE,
      onReview: (review) => void notes.push(...review.plan.scaling.notes),
    },
  );
  for await (const event of stream) events.push(event);
  const calls = (method: string): JsonObject[] => world.ecs.recorded.filter((call) => call.method === method).map((call) => call.args[0] as JsonObject);
  return {events, calls, world, notes};
}

function newWorld() {
  const clock = new FakeClock({autoAdvance: true});
  const simulator = createSimulatedEcs({clock, region: 'us-east-1', scenario: 'success', clusters: ['web-staging', 'web-production']});
  return {clock, ecs: recordingEcs(simulator), store: new MemoryProfileStore(), scaling: createSimulatedScaling()};
}

/** What the render command prints as the service (it calls renderDeployInputs the same way). */
const rendered = (profile: Profile, environment: string, tag: string) =>
  renderDeployInputs({profile, environment: profile.environments.find((candidate) => candidate.name === environment)!, tag, allowIncompleteService: true});

const last = (events: DeployEvent[]) => events.at(-1) as Extract<DeployEvent, {type: 'done'}>;

describe('desiredCount with auto scaling: render says what the deploy sends', () => {
  it.each([
    {environment: 'staging', specCount: undefined, count: 1, range: {minCount: 1, maxCount: 2}},
    {environment: 'production', specCount: undefined, count: 3, range: {minCount: 3, maxCount: 20}},
    {environment: 'staging', specCount: 5, count: 2, range: {minCount: 1, maxCount: 2}},
    {environment: 'production', specCount: 5, count: 5, range: {minCount: 3, maxCount: 20}},
  ])('$environment, spec $specCount: CreateService gets the rendered service, desiredCount $count', async ({environment, specCount, count, range}) => {
    const profile = perEnvironmentProfile(specCount);
    await newWorld().store.save(profile);
    const printed = rendered(profile, environment, '1.5.0');
    expect(printed.service['desiredCount']).toBe(count);
    expect(printed.issues).toContainEqual(expect.objectContaining({code: 'desired-count-auto-scaling', severity: 'info', path: 'desiredCount'}));

    const {calls, events, world, notes} = await deployTo(profile, environment, '1.5.0');
    expect(last(events)).toMatchObject({outcome: 'deployed', exitCode: 0});
    const [created] = calls('createService');
    // Field for field, but the revision the deploy registered in place of the family.
    expect({...created, taskDefinition: printed.service['taskDefinition']}).toEqual(printed.service);
    const cluster = environment === 'staging' ? 'web-staging' : 'web-production';
    expect((await world.scaling.describe(cluster, 'web-api')).target).toEqual(range);
    // The plan's note says the same count.
    expect(notes).toEqual([`desiredCount ${count}: a new service starts within the auto scaling range (${range.minCount}–${range.maxCount})`]);
  });

  it('an update sends no desiredCount: auto scaling decides; the plan and the note say so', async () => {
    const profile = perEnvironmentProfile();
    const world = newWorld();
    await world.store.save(profile);
    await deployTo(profile, 'production', '1.5.0', world);
    const printed = rendered(profile, 'production', '1.6.0');
    const note = printed.issues.find((issue) => issue.code === 'desired-count-auto-scaling');
    expect(note?.message).toBe(
      "desiredCount 3 (the service spec's 1, raised to the minimum of the auto scaling range 3–20) is sent only when the service is created; an update of an existing service does not send desiredCount: auto scaling decides how many tasks run",
    );
    const second = await deployTo(profile, 'production', '1.6.0', world);
    expect(last(second.events)).toMatchObject({outcome: 'deployed', exitCode: 0});
    const [updated] = second.calls('updateService');
    expect(updated).toBeDefined();
    expect(updated).not.toHaveProperty('desiredCount');
    expect(second.notes).toEqual(['desiredCount is not sent: auto scaling decides how many tasks run (now 3)']);
  });

  it('without auto scaling the count is the spec’s, and no note is added', () => {
    const profile = fargateJsonProfile({runs: []});
    profile.service.serviceSpec = JSON.stringify({schedulingStrategy: 'REPLICA', desiredCount: 5});
    const printed = rendered(profile, 'production', '1.5.0');
    expect(printed.service['desiredCount']).toBe(5);
    expect(printed.issues.some((issue) => issue.code === 'desired-count-auto-scaling')).toBe(false);
  });
});
