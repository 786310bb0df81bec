import {PassThrough, Readable} from 'node:stream';
import {describe, expect, it} from 'vitest';
import {MemoryProfileStore} from '../../source/adapters/memory-profile-store.js';
import {main} from '../../source/cli.js';
import {FakeClock} from '../helpers/fake-clock.js';
import {testRoot} from '../helpers/fake-root.js';

/** The CLI in process, on one in-memory store, a fake clock (simulated runs), no terminal. */
function cliOn(store: MemoryProfileStore) {
  const clock = new FakeClock({autoAdvance: true});
  return async (argv: string[]) => {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = '';
    let err = '';
    stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const code = await main({argv, env: {CI: 'true'}, io: {stdin: Readable.from([]), stdout, stderr}, createRoot: () => testRoot({store, clock})});
    return {code, out, err};
  };
}

const INIT = [
  'init',
  '--app',
  'shop',
  '--service',
  'web',
  '--image',
  'nginx',
  '--tag',
  '1.27',
  '--launch-type',
  'FARGATE',
  '--port',
  '80',
  '--env',
  'prod',
  '--region',
  'us-east-1',
  '--cluster',
  'web-prod',
  '--subnets',
  'subnet-0a1b2c3d',
  '--security-groups',
  'sg-0a1b2c3d',
  '--execution-role',
  'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
  '--yes',
];
const CAPACITY = ['--capacity-provider', 'FARGATE:1:1', '--capacity-provider', 'FARGATE_SPOT:3', '--min-count', '2', '--max-count', '10', '--cpu-target', '60'];

describe('init, render, diff and deploy --simulate with capacity providers and auto scaling', () => {
  it('init saves the strategy in the environment and the scaling in the service', async () => {
    const store = new MemoryProfileStore();
    const cli = cliOn(store);
    const init = await cli([...INIT, ...CAPACITY]);
    expect(init.err).not.toContain('error');
    expect(init.code).toBe(0);
    const profile = (await store.get('web'))!;
    expect(profile.environments[0]!.capacityProviderStrategy).toEqual([
      {capacityProvider: 'FARGATE', weight: 1, base: 1},
      {capacityProvider: 'FARGATE_SPOT', weight: 3},
    ]);
    expect(profile.service.autoScaling).toEqual({minCount: 2, maxCount: 10, policies: [{metric: 'cpu', target: 60}]});

    const render = await cli(['render', 'web']);
    expect(render.code).toBe(0);
    const rendered = JSON.parse(render.out) as {service: Record<string, unknown>; taskDefinition: Record<string, unknown>};
    expect(rendered.service['capacityProviderStrategy']).toEqual(profile.environments[0]!.capacityProviderStrategy);
    expect(rendered.service).not.toHaveProperty('launchType');
    expect(rendered.taskDefinition['requiresCompatibilities']).toEqual(['FARGATE']);

    const diff = await cli(['diff', 'web', '--simulate', '--exit-code']);
    expect(diff.code).toBe(1);
    expect(diff.out).toContain('  scaling  register the scalable target, 2–10 tasks');
    expect(diff.out).toContain('  scaling  add policy web-cpu-target-tracking (CPU 60%)');
    expect(diff.out).toContain('  note     desiredCount is not sent: auto scaling decides how many tasks run');

    const json = await cli(['diff', 'web', '--simulate', '--json']);
    expect(JSON.parse(json.out)).toMatchObject({
      autoScaling: {
        action: 'apply',
        lines: ['auto scaling: register the scalable target, 2–10 tasks', 'auto scaling: add policy web-cpu-target-tracking (CPU 60%)'],
      },
    });

    const deploy = await cli(['deploy', 'web', '--simulate', '--yes']);
    expect(deploy.code).toBe(0);
    expect(deploy.out).toContain('scaling: done — auto scaling applied: 2–10 tasks, CPU 60%');
    expect(deploy.out).toContain('capacity-providers: ok — FARGATE, FARGATE_SPOT are attached to cluster web-prod');
  });

  it('bad values are refused naming the flag, exit 2, nothing saved', async () => {
    const store = new MemoryProfileStore();
    const cli = cliOn(store);
    const bad = await cli([...INIT, '--capacity-provider', 'FARGATE:lots', '--min-count', '5', '--max-count', '2', '--cpu-target', '60']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--capacity-provider');
    expect(bad.err).toContain('the weight of "FARGATE:lots" must be a whole number');
    expect(bad.err).toContain('--min-count 5 is above --max-count 2');
    expect(bad.err).not.toMatch(/\n\s+at /);
    expect(await store.list()).toEqual([]);

    const twoBases = await cli([...INIT, '--capacity-provider', 'FARGATE:1:1', '--capacity-provider', 'FARGATE_SPOT:3:2']);
    expect(twoBases.code).toBe(2);
    expect(twoBases.err).toContain('only one provider of a capacity provider strategy may have a base');

    const half = await cli([...INIT, '--cpu-target', '60']);
    expect(half.code).toBe(2);
    expect(half.err).toContain('--min-count is missing');
    expect(half.err).not.toContain('ENV:N');

    // The environment's bounds given as ENV:N, the target without: the target is the service's, and the error says so.
    const mixed = await cli([...INIT, '--min-count', 'dev:1', '--max-count', 'dev:3', '--cpu-target', '60']);
    expect(mixed.code).toBe(2);
    expect(mixed.err).toContain(
      "--min-count is missing: auto scaling needs the fewest tasks to keep for the service's own setting (the values without ENV:); to scale only some environments, give each flag as ENV:N like --min-count dev:1",
    );
    expect(await store.list()).toEqual([]);
  });

  it('Spot without a floor is saved with a warning', async () => {
    const store = new MemoryProfileStore();
    const cli = cliOn(store);
    const spot = await cli([...INIT, '--capacity-provider', 'FARGATE_SPOT:1']);
    expect(spot.code).toBe(0);
    expect(spot.err + spot.out).toContain('two-minute notice');
  });

  it('per environment: Fargate Spot in dev only, 1–2 tasks in dev and 3–20 in prod; render and diff show each environment its own', async () => {
    const store = new MemoryProfileStore();
    const cli = cliOn(store);
    const two = INIT.flatMap((flag, index) =>
      flag === '--env'
        ? ['--env', 'dev', '--env', 'prod']
        : flag === '--cluster'
          ? ['--cluster', 'web-dev', '--cluster']
          : INIT[index - 1] === '--env'
            ? []
            : [flag],
    );
    const init = await cli([
      ...two,
      '--capacity-provider',
      'dev:FARGATE_SPOT:1',
      '--capacity-provider',
      'FARGATE:1',
      '--min-count',
      '1',
      '--max-count',
      '2',
      '--cpu-target',
      '60',
      '--min-count',
      'prod:3',
      '--max-count',
      'prod:20',
    ]);
    expect(init.err).not.toContain('error');
    expect(init.code).toBe(0);
    const profile = (await store.get('web'))!;
    const [dev, prod] = profile.environments;
    expect([dev!.name, dev!.cluster, prod!.name, prod!.cluster]).toEqual(['dev', 'web-dev', 'prod', 'web-prod']);
    expect(dev!.capacityProviderStrategy).toEqual([{capacityProvider: 'FARGATE_SPOT', weight: 1}]);
    expect(prod!.capacityProviderStrategy).toEqual([{capacityProvider: 'FARGATE', weight: 1}]);
    expect(profile.service.autoScaling).toEqual({minCount: 1, maxCount: 2, policies: [{metric: 'cpu', target: 60}]});
    expect(dev!.autoScaling).toBeUndefined();
    expect(prod!.autoScaling).toEqual({minCount: 3, maxCount: 20, policies: [{metric: 'cpu', target: 60}]});

    const renderOf = async (env: string) => JSON.parse((await cli(['render', 'web', '--env', env])).out) as {service: Record<string, unknown>};
    expect((await renderOf('dev')).service).toMatchObject({desiredCount: 1, capacityProviderStrategy: [{capacityProvider: 'FARGATE_SPOT', weight: 1}]});
    expect((await renderOf('prod')).service).toMatchObject({desiredCount: 3, capacityProviderStrategy: [{capacityProvider: 'FARGATE', weight: 1}]});

    const diffDev = await cli(['diff', 'web', '--env', 'dev', '--simulate']);
    expect(diffDev.out).toContain('  scaling  register the scalable target, 1–2 tasks');
    const diffProd = await cli(['diff', 'web', '--env', 'prod', '--simulate']);
    expect(diffProd.out).toContain('  scaling  register the scalable target, 3–20 tasks');
    expect(diffProd.out).toContain('  scaling  add policy web-cpu-target-tracking (CPU 60%)');

    const shown = await cli(['profiles', 'show', 'web']);
    expect(shown.out).toContain('Auto scaling 1–2 tasks, CPU 60%');
    expect(shown.out).toMatch(/prod[^\n]*\n(?:[^\n]*\n)*?\s+auto scaling 3–20 tasks, CPU 60% \(this environment's\)/);
  });

  it('an environment flag for an environment that is not given: exit 2 naming the flag, nothing saved', async () => {
    const store = new MemoryProfileStore();
    const cli = cliOn(store);
    const bad = await cli([...INIT, '--min-count', 'qa:3', '--max-count', 'qa:5', '--cpu-target', '60', '--capacity-provider', 'qa:FARGATE_SPOT:1']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--min-count');
    expect(bad.err).toContain('qa: no environment named qa (environments: prod)');
    expect(bad.err).toContain('--capacity-provider');
    expect(await store.list()).toEqual([]);
    const twice = await cli([...INIT, '--min-count', '1', '--min-count', '2', '--max-count', 'prod:5', '--max-count', 'prod:6', '--cpu-target', '60']);
    expect(twice.code).toBe(2);
    expect(twice.err).toContain('--min-count is given 2 times: once for the service, and ENV:N for an environment');
    expect(twice.err).toContain('--max-count is given twice for prod');
    const notNumber = await cli([...INIT, '--min-count', 'prod:lots']);
    expect(notNumber.code).toBe(2);
    expect(notNumber.err).toContain('--min-count of prod must be a whole number, found "lots"');
  });
});
