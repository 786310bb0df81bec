import {describe, expect, it} from 'vitest';
import {MemoryProfileStore} from '../../../source/adapters/memory-profile-store.js';
import {createSimulatedEcs} from '../../../source/adapters/simulator/simulated-ecs.js';
import type {DeployEvent} from '../../../source/domain/deploy/events.js';
import type {Profile, RunRecord} from '../../../source/domain/model.js';
import {findRollbackTarget, rollbackDeploy} from '../../../source/operations/deploy/rollback.js';
import {serviceIdentity} from '../../../source/operations/deploy/service.js';
import {FakeClock} from '../../helpers/fake-clock.js';
import {fargateJsonProfile} from '../../helpers/profile-fixtures.js';
import {recordingEcs} from './fakes.js';

const MINUTE = 60_000;
const arn = (revision: number): string => `arn:aws:ecs:us-east-1:123456789012:task-definition/web-api:${revision}`;
const run = (revision: number, extra: Partial<RunRecord> = {}): RunRecord => ({
  environment: 'staging',
  tag: `1.${revision}.0`,
  taskDefinitionArn: arn(revision),
  revision,
  startedAt: `2026-01-0${revision}T09:00:00.000Z`,
  outcome: 'deployed',
  ...extra,
});

async function setup(options: {revisions?: number; rollout?: boolean; runs?: RunRecord[]} = {}) {
  const clock = new FakeClock({autoAdvance: true});
  const ecs = recordingEcs(createSimulatedEcs({clock, region: 'us-east-1', clusters: ['web-staging']}));
  ecs.seedService({
    cluster: 'web-staging',
    serviceName: 'web-api',
    family: 'web-api',
    revisions: options.revisions ?? 3,
    desiredCount: 2,
    launchType: 'FARGATE',
    ...(options.rollout ? {rollout: true} : {}),
  });
  const profile: Profile = fargateJsonProfile({runs: options.runs ?? []});
  const store = new MemoryProfileStore();
  await store.save(profile);
  const environment = profile.environments[0]!;
  const identity = serviceIdentity(profile, environment);
  const [service] = await ecs.describeServices('web-staging', ['web-api']);
  return {clock, ecs, profile, store, environment, identity, service: service!};
}

async function collect(stream: AsyncIterable<DeployEvent>): Promise<DeployEvent[]> {
  const events: DeployEvent[] = [];
  for await (const event of stream) events.push(event);
  return events;
}

describe('findRollbackTarget', () => {
  it("prefers the profile's last successful deploy to the environment", async () => {
    const {ecs, ...rest} = await setup({runs: [run(1), run(2), run(3, {outcome: 'rolled-back'}), run(2, {environment: 'production'})]});
    const target = await findRollbackTarget(ecs, rest);
    expect(target).toEqual({from: arn(3), taskDefinitionArn: arn(2), revision: 2, tag: '1.2.0', why: 'the last successful deploy (2026-01-02, tag 1.2.0)'});
  });

  it('otherwise the newest ACTIVE revision below the running one, its tag read from the image', async () => {
    const {ecs, ...rest} = await setup();
    const target = await findRollbackTarget(ecs, rest);
    expect(target).toMatchObject({from: arn(3), taskDefinitionArn: arn(2), revision: 2, why: 'the revision before the running one'});
  });

  it('--to-revision N: that revision; refused when it is the running one or does not exist', async () => {
    const {ecs, ...rest} = await setup();
    expect(await findRollbackTarget(ecs, {...rest, toRevision: 1})).toMatchObject({taskDefinitionArn: arn(1), revision: 1, why: '--to-revision'});
    await expect(findRollbackTarget(ecs, {...rest, toRevision: 3})).rejects.toThrow('service web-api already runs web-api:3');
    await expect(findRollbackTarget(ecs, {...rest, toRevision: 9})).rejects.toThrow('task definition web-api:9 does not exist');
  });

  it('says when there is nothing earlier', async () => {
    const {ecs, ...rest} = await setup({revisions: 1});
    await expect(findRollbackTarget(ecs, rest)).rejects.toThrow('no earlier revision of web-api to roll back to (the service runs web-api:1)');
  });
});

describe('rollbackDeploy', () => {
  it('updates the service to the target and watches it to the end (exit 0), recorded with its tag', async () => {
    const {ecs, clock, store, profile, environment} = await setup({runs: [run(2)]});
    const events = await collect(
      rollbackDeploy({ecs, clock, store}, {profile, environment, wait: true, timeoutMs: 15 * MINUTE, noProgressTimeoutMs: 5 * MINUTE}),
    );
    expect(events.filter((event) => event.type === 'step').map((event) => (event as {message: string}).message)).toEqual([
      'finding the revision to roll web-api back to',
      'roll back web-api: web-api:3 → web-api:2 (tag 1.2.0), the last successful deploy (2026-01-02, tag 1.2.0)',
      'updating service web-api to web-api:2',
      expect.stringMatching(/^updated service web-api \(deployment ecs-svc\/\d+\)$/),
    ]);
    expect(ecs.recorded.filter((call) => call.method === 'updateService').map((call) => call.args[0])).toEqual([
      {cluster: 'web-staging', service: 'web-api', taskDefinition: arn(2)},
    ]);
    expect(events.at(-1)).toMatchObject({type: 'done', outcome: 'deployed', exitCode: 0});
    const saved = (await store.get('web-api'))!;
    expect(saved.runs.at(-1)).toMatchObject({tag: '1.2.0', revision: 2, outcome: 'deployed'});
    // The rollback's own service deployment, as UpdateService named it and the watch judged it.
    const judged = events.flatMap((event) => (event.type === 'service-deployment' ? [event.arn] : []));
    expect(saved.runs.at(-1)?.serviceDeploymentArn).toMatch(/:service-deployment\/web-staging\/web-api\//);
    expect(new Set(judged)).toEqual(new Set([saved.runs.at(-1)?.serviceDeploymentArn]));
    expect(saved.service.artifact.tag).toBe('1.2.0');
  });

  it('a revision whose image is not the artifact\'s: recorded with tag "unknown", the current tag kept', async () => {
    const {ecs, clock, store, profile, environment} = await setup();
    const events = await collect(
      rollbackDeploy({ecs, clock, store}, {profile, environment, wait: true, timeoutMs: 15 * MINUTE, noProgressTimeoutMs: 5 * MINUTE}),
    );
    expect(events.at(-1)).toMatchObject({type: 'done', outcome: 'deployed'});
    const saved = (await store.get('web-api'))!;
    expect(saved.runs.at(-1)).toMatchObject({tag: 'unknown', revision: 2, outcome: 'deployed'});
    expect(saved.service.artifact.tag).toBe('1.4.2');
  });

  it('asks first; "no" changes nothing', async () => {
    const {ecs, clock, store, profile, environment} = await setup();
    const events = await collect(
      rollbackDeploy(
        {ecs, clock, store},
        {
          profile,
          environment,
          wait: true,
          timeoutMs: MINUTE,
          noProgressTimeoutMs: MINUTE,
          confirm: async (target) => (expect(target.serviceName).toBe('web-api'), false),
        },
      ),
    );
    expect(events.at(-1)).toMatchObject({type: 'done', outcome: 'interrupted', exitCode: 5});
    expect(ecs.recorded.map((call) => call.method)).not.toContain('updateService');
  });

  it('a service that does not exist: exit 2 with what to do', async () => {
    const {ecs, clock, store, profile} = await setup();
    const environment = {...profile.environments[0]!, cluster: 'elsewhere'};
    const events = await collect(rollbackDeploy({ecs, clock, store}, {profile, environment, wait: true, timeoutMs: MINUTE, noProgressTimeoutMs: MINUTE}));
    expect(events.at(-1)).toMatchObject({
      type: 'done',
      outcome: 'failed',
      exitCode: 2,
      reason: 'service web-api does not exist in cluster elsewhere (us-east-1)',
    });
  });
});

describe('rollbackDeploy counts its ECS calls', () => {
  const limits = {timeoutMs: 15 * MINUTE, noProgressTimeoutMs: 5 * MINUTE};

  it('--no-wait: the calls that found the target and updated the service, not 0', async () => {
    const {ecs, clock, store, profile, environment} = await setup();
    ecs.recorded.length = 0;
    const events = await collect(rollbackDeploy({ecs, clock, store}, {profile, environment, wait: false, ...limits}));
    expect(events.at(-1)).toMatchObject({type: 'done', outcome: 'detached'});
    expect((events.at(-1) as {apiCalls: number}).apiCalls).toBeGreaterThan(0);
    expect((events.at(-1) as {apiCalls: number}).apiCalls).toBe(ecs.recorded.length);
  });

  it('watched: the calls before the watch and the watch together (ECS deployment records included)', async () => {
    const {ecs, clock, store, profile, environment} = await setup();
    ecs.recorded.length = 0;
    const events = await collect(rollbackDeploy({ecs, clock, store}, {profile, environment, wait: true, ...limits}));
    expect(events.at(-1)).toMatchObject({type: 'done', outcome: 'deployed', serviceDeploymentStatus: 'SUCCESSFUL'});
    expect(ecs.recorded.map((call) => call.method)).toContain('describeServiceDeployments');
    expect((events.at(-1) as {apiCalls: number}).apiCalls).toBe(ecs.recorded.length);
  });

  it('nothing to roll back to: refused with exit 2, naming that no deployment was attempted, the calls it made counted', async () => {
    const {ecs, clock, store, profile, environment} = await setup({revisions: 1});
    ecs.recorded.length = 0;
    const events = await collect(rollbackDeploy({ecs, clock, store}, {profile, environment, wait: true, ...limits}));
    expect(events.at(-1)).toMatchObject({type: 'done', outcome: 'failed', exitCode: 2});
    expect((events.at(-1) as {reason: string}).reason).toBe('no earlier revision of web-api to roll back to (the service runs web-api:1)');
    expect((events.at(-1) as {apiCalls: number}).apiCalls).toBe(ecs.recorded.length);
    expect(ecs.recorded.map((call) => call.method)).not.toContain('updateService');
  });
});
