import {describe, expect, it} from 'vitest';
import {MemoryProfileStore} from '../../../source/adapters/memory-profile-store.js';
import {createSimulatedEcs} from '../../../source/adapters/simulator/simulated-ecs.js';
import type {DeployEvent} from '../../../source/domain/deploy/events.js';
import type {RunRecord} from '../../../source/domain/model.js';
import {DeployControl} from '../../../source/operations/deploy/control.js';
import {runToFollow, watchExisting} from '../../../source/operations/deploy/watch-existing.js';
import {FakeClock} from '../../helpers/fake-clock.js';
import {fargateJsonProfile} from '../../helpers/profile-fixtures.js';
import {recordingEcs} from './fakes.js';

const MINUTE = 60_000;

/** The profile's service, seeded in the simulator with a rollout in flight. */
async function setup() {
  const clock = new FakeClock({autoAdvance: true});
  const ecs = recordingEcs(createSimulatedEcs({clock, region: 'us-east-1', clusters: ['web-staging']}));
  ecs.seedService({cluster: 'web-staging', serviceName: 'web-api', family: 'web-api', revisions: 3, desiredCount: 2, launchType: 'FARGATE', rollout: true});
  const profile = fargateJsonProfile({runs: []});
  const store = new MemoryProfileStore();
  await store.save(profile);
  const [service] = await ecs.describeServices('web-staging', ['web-api']);
  return {clock, ecs, profile, store, environment: profile.environments[0]!, service: service!};
}

const detachedRun = (taskDefinitionArn: string): RunRecord => ({
  environment: 'staging',
  tag: '1.4.0',
  taskDefinitionArn,
  revision: 4,
  startedAt: '2026-01-04T09:00:00.000Z',
  outcome: 'detached',
});

async function collect(stream: AsyncIterable<DeployEvent>): Promise<DeployEvent[]> {
  const events: DeployEvent[] = [];
  for await (const event of stream) events.push(event);
  return events;
}

describe('watchExisting', () => {
  it("follows the service's deployment in flight to its end and settles the detached run", async () => {
    const {ecs, clock, store, profile, environment, service} = await setup();
    const primary = service.deployments.find((deployment) => deployment.status === 'PRIMARY')!;
    await store.save({...profile, runs: [detachedRun(primary.taskDefinition)]}, {overwrite: true});
    const control = new DeployControl();
    const events = await collect(watchExisting({ecs, clock, store}, {profile, environment, timeoutMs: 15 * MINUTE, noProgressTimeoutMs: 5 * MINUTE, control}));
    expect(events[0]).toMatchObject({type: 'watch-started', taskDefinitionArn: primary.taskDefinition, deploymentId: primary.id});
    expect(control.rollbackUnavailable).toBeUndefined();
    expect(events.at(-1)).toMatchObject({type: 'done', outcome: 'deployed', exitCode: 0});
    expect((await store.get('web-api'))!.runs.at(-1)).toMatchObject({outcome: 'deployed'});
  });

  it("judges the run's own service deployment (its recorded ARN), not a later deployment of the same revision", async () => {
    const {ecs, clock, store, profile, environment, service} = await setup();
    const primary = service.deployments.find((deployment) => deployment.status === 'PRIMARY')!;
    const ours = service.currentServiceDeployment!;
    const withRun = {...profile, runs: [{...detachedRun(primary.taskDefinition), serviceDeploymentArn: ours}]};
    await store.save(withRun, {overwrite: true});
    // Someone forces a new deployment of the same revision (the console's "force new deployment").
    const forced = await ecs.updateService({cluster: 'web-staging', service: 'web-api', taskDefinition: primary.taskDefinition, forceNewDeployment: true});
    expect(forced.currentServiceDeployment).not.toBe(ours);
    ecs.recorded.length = 0;
    const events = await collect(watchExisting({ecs, clock, store}, {profile: withRun, environment, timeoutMs: 15 * MINUTE, noProgressTimeoutMs: 5 * MINUTE}));
    const judged = new Set(events.flatMap((event) => (event.type === 'service-deployment' ? [event.arn] : [])));
    expect(judged).toEqual(new Set([ours]));
    // Ours was stopped by the newer one: that is what happened to the run, not the newer deployment's success.
    expect(events.at(-1)).toMatchObject({type: 'done', outcome: 'failed', exitCode: 1, serviceDeploymentStatus: 'STOPPED'});
    expect((events.at(-1) as {reason: string}).reason).toContain('a newer deployment of the service started');
    // Known by its ARN: never searched for by revision and time.
    expect(ecs.recorded.map((call) => call.method)).not.toContain('listServiceDeployments');
  });

  it('counts every ECS call it made (finding the service included)', async () => {
    const {ecs, clock, store, profile, environment} = await setup();
    ecs.recorded.length = 0;
    const events = await collect(watchExisting({ecs, clock, store}, {profile, environment, timeoutMs: 15 * MINUTE, noProgressTimeoutMs: 5 * MINUTE}));
    expect(events.at(-1)).toMatchObject({type: 'done', outcome: 'deployed'});
    expect((events.at(-1) as {apiCalls: number}).apiCalls).toBe(ecs.recorded.length);
  });
});

describe('runToFollow', () => {
  const run = (environment: string, outcome: RunRecord['outcome'], revision: number): RunRecord => ({
    environment,
    tag: `1.${revision}`,
    taskDefinitionArn: `arn:aws:ecs:us-east-1:123456789012:task-definition/web-api:${revision}`,
    revision,
    startedAt: '2026-01-01T00:00:00.000Z',
    outcome,
  });

  it('the newest run of the environment, when it was left detached: that is the deployment the person waits for', () => {
    const profile = fargateJsonProfile({runs: [run('staging', 'deployed', 1), run('staging', 'detached', 2), run('production', 'deployed', 5)]});
    expect(runToFollow(profile, 'staging')).toBe('arn:aws:ecs:us-east-1:123456789012:task-definition/web-api:2');
  });

  it('nothing when the newest run of the environment has ended (or there is none): watch follows the PRIMARY deployment', () => {
    expect(runToFollow(fargateJsonProfile({runs: [run('staging', 'detached', 2), run('staging', 'deployed', 3)]}), 'staging')).toBeUndefined();
    expect(runToFollow(fargateJsonProfile({runs: [run('production', 'detached', 2)]}), 'staging')).toBeUndefined();
  });
});
