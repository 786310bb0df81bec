import {describe, expect, it} from 'vitest';
import {createSimulatedEcs} from '../../../source/adapters/simulator/simulated-ecs.js';
import type {DeployEvent} from '../../../source/domain/deploy/events.js';
import {applyPlan, updateServiceInput, type ApplyResult} from '../../../source/operations/deploy/apply.js';
import {planDeploy} from '../../../source/operations/deploy/plan.js';
import {FakeClock} from '../../helpers/fake-clock.js';
import {fargateJsonProfile} from '../../helpers/profile-fixtures.js';
import {recordingEcs} from './fakes.js';

async function run(generator: AsyncGenerator<DeployEvent, ApplyResult>): Promise<{events: DeployEvent[]; result: ApplyResult}> {
  const events: DeployEvent[] = [];
  for (;;) {
    const next = await generator.next();
    if (next.done) return {events, result: next.value};
    events.push(next.value);
  }
}

const steps = (events: DeployEvent[]): string[] =>
  events.map((event) => (event.type === 'step' ? `${event.name} ${event.status}: ${event.message}` : event.type));

function setup(clusters: string[] = ['web-staging']) {
  const clock = new FakeClock({autoAdvance: true});
  const ecs = recordingEcs(createSimulatedEcs({clock, region: 'us-east-1', clusters}));
  const profile = fargateJsonProfile();
  return {clock, ecs, profile, environment: profile.environments[0]!};
}

describe('applyPlan', () => {
  it('creates the cluster when missing, registers, and creates the service with the circuit breaker and the new ARN', async () => {
    const {clock, ecs, profile, environment} = setup([]);
    const plan = await planDeploy({ecs}, {profile, environment});
    const {events, result} = await run(applyPlan({ecs, clock}, plan));
    expect(steps(events)).toEqual([
      'register started: registering a new revision of web-api',
      'register done: registered web-api:1',
      'service started: creating cluster web-staging',
      'service started: creating service web-api in web-staging running web-api:1',
      `service done: created service web-api (deployment ${result.deploymentId})`,
    ]);
    expect(result).toMatchObject({
      taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web-api:1',
      revision: 1,
      registered: true,
      created: true,
    });
    const create = ecs.recorded.find((call) => call.method === 'createService')!.args[0] as Record<string, unknown>;
    expect(create['taskDefinition']).toBe('arn:aws:ecs:us-east-1:123456789012:task-definition/web-api:1');
    expect(create['deploymentConfiguration']).toEqual({deploymentCircuitBreaker: {enable: true, rollback: true}});
    expect(create['networkConfiguration']).toEqual({
      awsvpcConfiguration: {subnets: ['subnet-0a1b2c3d4e5f60718'], securityGroups: ['sg-0123456789abcdef0'], assignPublicIp: 'ENABLED'},
    });
    expect(
      ecs.recorded
        .map((call) => call.method)
        .filter((method) => method !== 'describeClusters' && method !== 'describeServices' && method !== 'describeTaskDefinition'),
    ).toEqual(['registerTaskDefinition', 'createCluster', 'createService']);
  });

  it("updates a running service: the environment's network, the registries, the desired count, our revision", async () => {
    const {clock, ecs, profile, environment} = setup();
    const first = await run(applyPlan({ecs, clock}, await planDeploy({ecs}, {profile, environment})));
    const plan = await planDeploy({ecs}, {profile, environment, tag: '1.5.0'});
    const {events, result} = await run(applyPlan({ecs, clock}, plan));
    expect(steps(events)).toEqual([
      'register started: registering a new revision of web-api',
      'register done: registered web-api:2',
      'service started: updating service web-api (web-api:1 → web-api:2)',
      `service done: updated service web-api (deployment ${result.deploymentId})`,
    ]);
    expect(result.previousTaskDefinitionArn).toBe(first.result.taskDefinitionArn);
    const update = ecs.recorded.find((call) => call.method === 'updateService')!.args[0];
    expect(update).toEqual(updateServiceInput(plan, result.taskDefinitionArn));
    expect(update).toMatchObject({
      cluster: 'web-staging',
      service: 'web-api',
      taskDefinition: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web-api:2',
      desiredCount: 1,
      networkConfiguration: {awsvpcConfiguration: {subnets: ['subnet-0a1b2c3d4e5f60718']}},
      serviceRegistries: [{containerName: 'team_web-api_1_5_0', containerPort: 8080}],
      deploymentConfiguration: {deploymentCircuitBreaker: {enable: true, rollback: true}},
    });
    expect(Object.keys(update as object)).not.toContain('launchType');
  });

  it('registers nothing when the revision is unchanged', async () => {
    const {clock, ecs, profile, environment} = setup();
    await run(applyPlan({ecs, clock}, await planDeploy({ecs}, {profile, environment})));
    const {events, result} = await run(applyPlan({ecs, clock}, await planDeploy({ecs}, {profile, environment})));
    expect(steps(events)).toEqual([
      "register skipped: web-api:1 is unchanged (the service's revision): no new revision",
      'service skipped: service web-api already runs web-api:1: nothing to update',
    ]);
    expect(result.registered).toBe(false);
    expect(ecs.recorded.filter((call) => call.method === 'registerTaskDefinition')).toHaveLength(1);
  });

  it('a failing call ends the step as failed and is thrown; what was registered is known', async () => {
    const {clock, ecs, profile, environment} = setup();
    ecs.failOn.set('createService', new Error('InvalidParameterException: subnet does not exist'));
    const progress: {taskDefinitionArn?: string} = {};
    const generator = applyPlan({ecs, clock}, await planDeploy({ecs}, {profile, environment}), progress);
    const events: DeployEvent[] = [];
    await expect(
      (async () => {
        for await (const event of generator) events.push(event);
      })(),
    ).rejects.toThrow('subnet does not exist');
    expect(steps(events).at(-1)).toBe('service failed: InvalidParameterException: subnet does not exist');
    expect(progress.taskDefinitionArn).toBe('arn:aws:ecs:us-east-1:123456789012:task-definition/web-api:1');
  });
});
