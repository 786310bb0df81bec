import {describe, expect, it} from 'vitest';
import {createSimulatedEcs} from '../../../source/adapters/simulator/simulated-ecs.js';
import {planDeploy, type DeployPlan} from '../../../source/operations/deploy/plan.js';
import {platformCheck} from '../../../source/operations/deploy/platform-check.js';
import {RegistryError} from '../../../source/ports/registry.js';
import type {Profile} from '../../../source/domain/model.js';
import {FakeClock} from '../../helpers/fake-clock.js';
import {ec2FormProfile, fargateJsonProfile} from '../../helpers/profile-fixtures.js';
import {fakeCheckPorts, healthyCheckState} from './fakes.js';

async function planFor(profile: Profile, tag?: string): Promise<DeployPlan> {
  const environment = profile.environments[0]!;
  const ecs = createSimulatedEcs({clock: new FakeClock(), region: 'us-east-1', clusters: [environment.cluster]});
  return planDeploy({ecs}, {profile, environment, ...(tag === undefined ? {} : {tag})});
}

/** A Fargate profile whose task names an ARM64 runtimePlatform. */
function armFargate(): Profile {
  const profile = fargateJsonProfile();
  const spec = profile.service.containerSpec;
  if (spec.mode !== 'json') throw new Error('fixture changed');
  const json = JSON.parse(spec.json) as Record<string, unknown>;
  return {
    ...profile,
    service: {
      ...profile.service,
      containerSpec: {mode: 'json', json: JSON.stringify({...json, runtimePlatform: {cpuArchitecture: 'ARM64', operatingSystemFamily: 'LINUX'}})},
    },
  };
}

describe('the platform check', () => {
  it('Fargate without runtimePlatform runs linux/amd64: an arm64-only image fails with the fix named', async () => {
    const state = healthyCheckState();
    state.platforms.set('1.4.2', ['linux/arm64/v8']);
    const [result] = await platformCheck(fakeCheckPorts(state), await planFor(fargateJsonProfile()));
    expect(result).toEqual({
      name: 'platform',
      status: 'fail',
      message:
        'registry.example.com:5000/team/web-api:1.4.2 is built for linux/arm64/v8 only, but the task runs on linux/amd64 (the Fargate default, runtimePlatform.cpuArchitecture X86_64): it would stop with "exec format error"',
      hint: 'set runtimePlatform.cpuArchitecture to ARM64 in the container specification (Fargate and Graviton instances run arm64), or pick a tag built for linux/amd64',
    });
  });

  it('runtimePlatform ARM64 with a multi-platform image: ok; with an amd64-only image: the opposite fix', async () => {
    const state = healthyCheckState();
    const ok = await platformCheck(fakeCheckPorts(state), await planFor(armFargate(), '1.5.0'));
    expect(ok).toEqual([
      {
        name: 'platform',
        status: 'ok',
        message: 'registry.example.com:5000/team/web-api:1.5.0 is built for linux/amd64, linux/arm64; the task runs on linux/arm64',
      },
    ]);
    const [mismatch] = await platformCheck(fakeCheckPorts(state), await planFor(armFargate(), '1.4.2'));
    expect(mismatch).toMatchObject({
      status: 'fail',
      hint: 'set runtimePlatform.cpuArchitecture to X86_64 in the container specification, or pick a tag built for linux/arm64',
    });
  });

  it("EC2 without runtimePlatform: the cluster's container instances decide; none readable is a warning, not a failure", async () => {
    const state = healthyCheckState();
    const profile = ec2FormProfile();
    state.tags.set('stable-perl', {status: 'exists', digest: `sha256:${'e'.repeat(64)}`});
    state.platforms.set('stable-perl', ['linux/amd64']);
    const plan = await planFor(profile);
    const arm = await platformCheck({...fakeCheckPorts(state), instanceArchitectures: async () => ['arm64', 'arm64']}, plan);
    expect(arm[0]).toMatchObject({
      status: 'fail',
      message: expect.stringContaining("the task runs on linux/arm64 (the cluster's container instances (ecs.cpu-architecture arm64))"),
    });
    const x86 = await platformCheck({...fakeCheckPorts(state), instanceArchitectures: async () => ['x86_64']}, plan);
    expect(x86[0]).toMatchObject({status: 'ok'});
    const none = await platformCheck({...fakeCheckPorts(state), instanceArchitectures: async () => []}, plan);
    expect(none[0]).toMatchObject({status: 'warn', message: expect.stringContaining('not checked: the task names no runtimePlatform.cpuArchitecture')});
  });

  it('platforms that cannot be read are a warning with the reason; a missing tag is left to the image check', async () => {
    const state = healthyCheckState();
    const ports = fakeCheckPorts(state);
    const offline = {
      ...ports,
      registry: {
        ...ports.registry,
        describeTags: async () => {
          throw new RegistryError('cannot reach registry.example.com:5000 (ECONNREFUSED)', 'unreachable');
        },
      },
    };
    expect(await platformCheck(offline, await planFor(fargateJsonProfile()))).toEqual([
      {
        name: 'platform',
        status: 'warn',
        message: 'could not read the platforms of registry.example.com:5000/team/web-api:1.4.2: cannot reach registry.example.com:5000 (ECONNREFUSED)',
        hint: 'the task runs on linux/amd64; make sure the image is built for it',
      },
    ]);
    state.platforms.delete('1.4.2');
    expect((await platformCheck(ports, await planFor(fargateJsonProfile())))[0]).toMatchObject({
      status: 'warn',
      message: expect.stringContaining('the registry does not say'),
    });
    state.tags.delete('1.4.2');
    expect(await platformCheck(ports, await planFor(fargateJsonProfile()))).toEqual([]);
  });
});
