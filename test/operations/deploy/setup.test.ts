import {describe, expect, it} from 'vitest';
import {renderDeployInputs} from '../../../source/operations/deploy/plan.js';
import {chooseEnvironment, runPorts, simulationRequest, watchCommandFor, type RunInputs} from '../../../source/operations/deploy/setup.js';
import type {DeployPorts} from '../../../source/ports/deploy.js';
import type {SimulationRequest} from '../../../source/ports/simulation.js';
import {ec2FormProfile, fargateJsonProfile} from '../../helpers/profile-fixtures.js';

describe('choosing the environment', () => {
  it('--env may be left out only when the profile has one environment', () => {
    expect(chooseEnvironment(ec2FormProfile(), undefined).name).toBe('dev');
    expect(() => chooseEnvironment(fargateJsonProfile(), undefined)).toThrow("profile 'web-api' has 2 environments: say which with --env");
    expect(() => chooseEnvironment(fargateJsonProfile(), 'qa')).toThrow("profile 'web-api' has no environment 'qa'");
  });
});

describe('the simulation request', () => {
  const profile = fargateJsonProfile();
  const environment = profile.environments[0]!;
  const inputs = (extra: Partial<RunInputs> = {}): RunInputs => ({profile, environment, overrides: {}, ...extra});

  it('is there only with --simulate', () => {
    expect(simulationRequest(inputs())).toBeUndefined();
  });

  it("seeds the profile's service, running the last other tag deployed to the environment (one revision by default)", () => {
    const request = simulationRequest(inputs({simulate: {scenario: 'crash-loop', speed: 5}}))!;
    const earlier = renderDeployInputs({profile, environment, tag: '1.5.0-rc.1', overrides: {}});
    expect(request).toEqual<SimulationRequest>({
      scenario: 'crash-loop',
      speed: 5,
      seed: {
        cluster: environment.cluster,
        serviceName: 'web-api',
        family: 'web-api',
        ...(typeof earlier.service['desiredCount'] === 'number' ? {desiredCount: earlier.service['desiredCount']} : {}),
        launchType: environment.launchType,
        revisions: 1,
        taskDefinition: earlier.taskDefinition,
        service: earlier.service,
      },
    });
  });

  it("without such a run the service runs the tag 'previous'; the history asked for is seeded", () => {
    const request = simulationRequest(inputs({profile: {...profile, runs: []}, simulate: {scenario: 'success', speed: 1}}), {revisions: 2, rollout: true})!;
    expect(request.seed).toMatchObject({
      revisions: 2,
      rollout: true,
      taskDefinition: renderDeployInputs({profile, environment, tag: 'previous', overrides: {}}).taskDefinition,
    });
  });

  it('a profile that does not render: no seed (the run itself says why)', () => {
    const broken = {...profile, service: {...profile.service, variables: {}}, environments: profile.environments.map((env) => ({...env, overrides: {}}))};
    expect(simulationRequest({profile: broken, environment: broken.environments[0]!, overrides: {}, simulate: {scenario: 'success', speed: 1}})).toEqual({
      scenario: 'success',
      speed: 1,
    });
  });
});

describe("the run's ports and how to re-attach", () => {
  it("asks the root for the environment's region, with the simulation request and without check ports for diff", async () => {
    const asked: unknown[] = [];
    const root = {deployPorts: async (region: string, options?: unknown): Promise<DeployPorts> => (asked.push([region, options]), {} as DeployPorts)};
    const profile = ec2FormProfile();
    const environment = profile.environments[0]!;
    await runPorts(root, {profile, environment, overrides: {}});
    await runPorts(root, {profile, environment, overrides: {}}, {checks: false});
    await runPorts(root, {profile, environment, overrides: {}, simulate: {scenario: 'success', speed: 1}}, {history: {rollout: true}});
    expect(asked[0]).toEqual([environment.region, {}]);
    expect(asked[1]).toEqual([environment.region, {checks: false}]);
    expect(asked[2]).toMatchObject([environment.region, {simulate: {scenario: 'success', speed: 1, seed: {rollout: true}}}]);
  });

  it('the watch command names the environment when there are several, and the scenario of a simulated run', () => {
    const single = ec2FormProfile();
    const several = fargateJsonProfile();
    expect(watchCommandFor(single, single.environments[0]!)).toBe('ecs-wizard watch nginx-ec2');
    expect(watchCommandFor(several, several.environments[1]!, {scenario: 'crash-loop', speed: 1})).toBe(
      'ecs-wizard watch web-api --env production --simulate=crash-loop',
    );
  });
});
