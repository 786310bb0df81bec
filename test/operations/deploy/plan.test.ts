import {describe, expect, it} from 'vitest';
import {createSimulatedEcs} from '../../../source/adapters/simulator/simulated-ecs.js';
import {InputError} from '../../../source/errors.js';
import {applyPlan} from '../../../source/operations/deploy/apply.js';
import {planDeploy, planSummary, renderDeployInputs, withDeployDefaults, type DeployPlan} from '../../../source/operations/deploy/plan.js';
import type {DeployEvent} from '../../../source/domain/deploy/events.js';
import {FakeClock} from '../../helpers/fake-clock.js';
import {writeDeploymentStrategy} from '../../../source/domain/deployment-strategy.js';
import type {JsonObject} from '../../../source/domain/json.js';
import {parseJsonText, stringifyJsonText} from '../../../source/domain/json-text.js';
import {ec2FormProfile, fargateJsonProfile} from '../../helpers/profile-fixtures.js';

const setup = () => {
  const clock = new FakeClock({autoAdvance: true});
  const ecs = createSimulatedEcs({clock, region: 'us-east-1', clusters: ['web-staging']});
  const profile = fargateJsonProfile();
  const environment = profile.environments[0]!;
  return {clock, ecs, profile, environment};
};

async function drain(generator: AsyncGenerator<DeployEvent, unknown>): Promise<unknown> {
  for (;;) {
    const next = await generator.next();
    if (next.done) return next.value;
  }
}

describe('withDeployDefaults', () => {
  it('turns the circuit breaker with rollback on, keeping the rest of deploymentConfiguration', () => {
    expect(withDeployDefaults({serviceName: 'web', deploymentConfiguration: {maximumPercent: 150}})).toEqual({
      serviceName: 'web',
      deploymentConfiguration: {maximumPercent: 150, deploymentCircuitBreaker: {enable: true, rollback: true}},
    });
  });

  it("keeps the spec's own circuit breaker, and leaves CODE_DEPLOY services alone", () => {
    const own = {deploymentConfiguration: {deploymentCircuitBreaker: {enable: false, rollback: false}}};
    expect(withDeployDefaults(own)).toEqual(own);
    const codeDeploy = {deploymentController: {type: 'CODE_DEPLOY'}};
    expect(withDeployDefaults(codeDeploy)).toEqual(codeDeploy);
  });

  it('adds the circuit breaker to ROLLING and BLUE_GREEN, which ECS documents it for, and not to LINEAR or CANARY', () => {
    const withBreaker = (strategy: string) => ({deploymentConfiguration: {strategy, deploymentCircuitBreaker: {enable: true, rollback: true}}});
    expect(withDeployDefaults({deploymentConfiguration: {strategy: 'ROLLING'}})).toEqual(withBreaker('ROLLING'));
    expect(withDeployDefaults({deploymentConfiguration: {strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5}})).toEqual({
      deploymentConfiguration: {strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5, deploymentCircuitBreaker: {enable: true, rollback: true}},
    });
    const linear = {deploymentConfiguration: {strategy: 'LINEAR', linearConfiguration: {stepPercent: 20, stepBakeTimeInMinutes: 2}}};
    expect(withDeployDefaults(linear)).toEqual(linear);
    const canary = {deploymentConfiguration: {strategy: 'CANARY', canaryConfiguration: {canaryPercent: 10, canaryBakeTimeInMinutes: 3}}};
    expect(withDeployDefaults(canary)).toEqual(canary);
    // A circuit breaker the spec writes itself is sent as written, whatever the strategy.
    expect(withDeployDefaults(withBreaker('CANARY'))).toEqual(withBreaker('CANARY'));
  });
});

describe('a LINEAR or CANARY service that nothing would roll back', () => {
  const canary = (alarms: string[]) => {
    const profile = fargateJsonProfile();
    const parsed = parseJsonText(profile.service.serviceSpec, 'serviceSpec');
    const spec = writeDeploymentStrategy(parsed.value as JsonObject, {
      strategy: 'CANARY',
      bakeTimeInMinutes: 5,
      canary: {percent: 10, bakeTimeInMinutes: 3},
      hooks: [],
      alarms,
    });
    return {...profile, service: {...profile.service, serviceSpec: stringifyJsonText(spec, {unquoted: new Set(parsed.unquoted)})}};
  };
  it('warns in the plan when it has no alarms (no circuit breaker is added to CANARY); an alarm silences it', () => {
    const bare = canary([]);
    const issues = renderDeployInputs({profile: bare, environment: bare.environments[0]!}).issues.filter((issue) => issue.code === 'no-failure-detection');
    expect(issues).toEqual([expect.objectContaining({severity: 'warning', path: 'deploymentConfiguration'})]);
    expect(issues[0]!.message).toContain('nothing but a lifecycle hook would roll a failing deployment back');
    const watched = canary(['web-5xx']);
    expect(renderDeployInputs({profile: watched, environment: watched.environments[0]!}).issues.map((issue) => issue.code)).not.toContain(
      'no-failure-detection',
    );
    const rolling = fargateJsonProfile();
    expect(renderDeployInputs({profile: rolling, environment: rolling.environments[0]!}).issues.map((issue) => issue.code)).not.toContain(
      'no-failure-detection',
    );
  });
});

describe('renderDeployInputs', () => {
  it('gives the documents a deploy sends, with the tag and image', () => {
    const profile = ec2FormProfile();
    const inputs = renderDeployInputs({profile, environment: profile.environments[0]!, tag: '1.27'});
    expect(inputs.tag).toBe('1.27');
    expect(inputs.image).toBe('registry.hub.docker.com/library/nginx:1.27');
    expect(inputs.service['deploymentConfiguration']).toEqual({deploymentCircuitBreaker: {enable: true, rollback: true}});
    expect(inputs.service['taskDefinition']).toBe('nginx');
  });

  it('an adopted service (imported from a live one) gets no defaults for new services: its deployment configuration stays as imported', () => {
    const profile = ec2FormProfile();
    const adopted = {...profile, service: {...profile.service, adopted: true}};
    expect(renderDeployInputs({profile: adopted, environment: profile.environments[0]!, tag: '1.27'}).service['deploymentConfiguration']).toBeUndefined();
    const withOwn = {
      ...adopted,
      service: {...adopted.service, serviceSpec: '{"deploymentConfiguration": {"maximumPercent": 150, "minimumHealthyPercent": 50}}'},
    };
    expect(renderDeployInputs({profile: withOwn, environment: profile.environments[0]!, tag: '1.27'}).service['deploymentConfiguration']).toEqual({
      maximumPercent: 150,
      minimumHealthyPercent: 50,
    });
  });

  it('refuses a profile that does not render, naming each error with its place and fix (exit 2)', () => {
    const profile = fargateJsonProfile();
    profile.service.variables = {};
    profile.environments[0]!.overrides = {};
    let error: unknown;
    try {
      renderDeployInputs({profile, environment: profile.environments[0]!});
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).exitCode).toBe(2);
    expect((error as InputError).message).toMatch(/^profile 'web-api' does not render for environment 'staging':\n {2}error: /);
    expect((error as InputError).message).toContain('logLevel');
  });
});

describe('planDeploy', () => {
  it('plans a new service: nothing exists, everything is created', async () => {
    const {ecs, profile, environment} = setup();
    const plan = await planDeploy({ecs}, {profile, environment});
    expect(plan.action).toBe('create');
    expect(plan.clusterExists).toBe(true);
    expect(plan.existingService).toBeUndefined();
    expect(plan.reuse).toBeUndefined();
    expect(plan.diff.impact).toBe('create');
    expect(planSummary(plan)).toBe('register web-api:1, create service web-api');
  });

  it('says that a missing cluster will be created', async () => {
    const clock = new FakeClock();
    const ecs = createSimulatedEcs({clock, region: 'us-east-1', clusters: []});
    const profile = fargateJsonProfile();
    const plan = await planDeploy({ecs}, {profile, environment: profile.environments[0]!});
    expect(plan.clusterExists).toBe(false);
    expect(planSummary(plan)).toBe('create cluster web-staging, register web-api:1, create service web-api');
  });

  it('after a deploy of the same spec: no changes, the running revision is reused', async () => {
    const {clock, ecs, profile, environment} = setup();
    await drain(applyPlan({ecs, clock}, await planDeploy({ecs}, {profile, environment})));
    const plan = await planDeploy({ecs}, {profile, environment});
    expect(plan.action).toBe('none');
    expect(plan.diff.impact).toBe('none');
    expect(plan.reuse?.arn).toBe(plan.running?.arn);
    expect(planSummary(plan)).toBe('no changes: service web-api already runs web-api:1');
  });

  it('a new tag: a new revision and an update, with the changed image in the diff', async () => {
    const {clock, ecs, profile, environment} = setup();
    await drain(applyPlan({ecs, clock}, await planDeploy({ecs}, {profile, environment})));
    const plan = await planDeploy({ecs}, {profile, environment, tag: '1.5.0'});
    expect(plan.action).toBe('update');
    expect(plan.reuse).toBeUndefined();
    expect(plan.diff.taskDefinition.impact).toBe('new-revision');
    // The container name derives from the tag, so serviceRegistries' containerName changes too.
    expect(plan.diff.service.changes.map((change) => change.path)).toEqual([expect.stringMatching(/^serviceRegistries\[.*\]\.containerName$/)]);
    expect(planSummary(plan)).toBe('register web-api:2, update service web-api (update in place)');
  });

  it("reuses the family's latest revision when it is the one wanted (the service runs an older one)", async () => {
    const {clock, ecs, profile, environment} = setup();
    await drain(applyPlan({ecs, clock}, await planDeploy({ecs}, {profile, environment})));
    const newer: DeployPlan = await planDeploy({ecs}, {profile, environment, tag: '1.5.0'});
    await ecs.registerTaskDefinition(newer.taskDefinition);
    const plan = await planDeploy({ecs}, {profile, environment, tag: '1.5.0'});
    expect(plan.action).toBe('update');
    expect(plan.reuse?.revision).toBe(2);
    expect(planSummary(plan)).toBe('reuse web-api:2 (same as the latest revision), update service web-api (update in place)');
  });

  it('refuses a service being deleted', async () => {
    const {clock, ecs, profile, environment} = setup();
    await drain(applyPlan({ecs, clock}, await planDeploy({ecs}, {profile, environment})));
    const described = await ecs.describeServices('web-staging', ['web-api']);
    const draining = {...described[0]!, status: 'DRAINING'};
    const fake = {...ecs, region: ecs.region, describeClusters: ecs.describeClusters.bind(ecs), describeServices: async () => [draining]};
    await expect(planDeploy({ecs: fake}, {profile, environment})).rejects.toThrow("service 'web-api' in cluster 'web-staging' is being deleted (DRAINING)");
  });
});
