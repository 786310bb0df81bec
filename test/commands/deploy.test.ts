import {PassThrough, Readable} from 'node:stream';
import {describe, expect, it} from 'vitest';
import {MemoryProfileStore} from '../../source/adapters/memory-profile-store.js';
import {createSimulatedEcs, type SimulatedEcs} from '../../source/adapters/simulator/index.js';
import {main} from '../../source/cli.js';
import {parseInvocation} from '../../source/commands/argv.js';
import {chooseEnvironment, parseDeployOptions, parseDuration, parseOverrides} from '../../source/commands/deploy-options.js';
import {AwsError, UsageError} from '../../source/errors.js';
import {renderDeployInputs} from '../../source/operations/deploy/plan.js';
import {FakeClock} from '../helpers/fake-clock.js';
import {testRoot} from '../helpers/fake-root.js';
import {ec2FormProfile, fargateJsonProfile} from '../helpers/profile-fixtures.js';
import {fakeCheckPorts, healthyCheckState, recordingEcs, type FakeCheckState} from '../operations/deploy/fakes.js';

interface World {
  store: MemoryProfileStore;
  ecs: SimulatedEcs & {recorded: Array<{method: string; args: unknown[]}>; failOn: Map<string, Error>};
  state: FakeCheckState;
  clock: FakeClock;
}

async function world(options: {seed?: boolean} = {}): Promise<World> {
  const clock = new FakeClock({autoAdvance: true});
  const ecs = recordingEcs(createSimulatedEcs({clock, region: 'us-east-1', clusters: ['web-staging']}));
  if (options.seed !== false) ecs.seedService({cluster: 'web-staging', serviceName: 'web-api', family: 'web-api', desiredCount: 2, launchType: 'FARGATE'});
  ecs.recorded.length = 0;
  const store = new MemoryProfileStore();
  await store.save(fargateJsonProfile({runs: []}));
  await store.save(ec2FormProfile());
  return {store, ecs, state: healthyCheckState(), clock};
}

/** `ecs-wizard …` without a terminal (plain output), against the simulator as ECS and fake check ports. */
async function cli(argv: string[], w: World) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const code = await main({
    argv,
    env: {CI: 'true'},
    io: {stdin: Readable.from([]), stdout, stderr},
    createRoot: () => testRoot({store: w.store, ecs: w.ecs, checks: fakeCheckPorts(w.state), clock: w.clock}),
  });
  return {code, out, err};
}

describe('deploy options', () => {
  it.each([
    ['15m', 900_000],
    ['90s', 90_000],
    ['1h30m', 5_400_000],
    ['500ms', 500],
    ['45', 45_000],
    [' 2m30s ', 150_000],
  ])('duration %s = %i ms', (text, ms) => {
    expect(parseDuration(text, 'timeout')).toBe(ms);
  });

  it.each(['', 'abc', '5x', '0', '0s', '-1m', '1m-', 'm'])('refuses the duration %j with a clear error', (text) => {
    expect(() => parseDuration(text, 'timeout')).toThrow(UsageError);
    expect(() => parseDuration(text, 'timeout')).toThrow(/^--timeout /);
  });

  it('reads --set VAR=VALUE (a value may hold = or be empty; the last one wins)', () => {
    expect(parseOverrides(['a=1', 'url=http://x?y=z', 'empty=', 'a=2'])).toEqual({a: '2', url: 'http://x?y=z', empty: ''});
    expect(() => parseOverrides(['novalue'])).toThrow("--set needs VAR=VALUE, got 'novalue'");
  });

  it('a bare --simulate means success; --simulate=SCENARIO names one; a word after a bare --simulate is an argument', () => {
    const bare = parseInvocation(['deploy', '--simulate', 'web-api'], {});
    expect(bare).toMatchObject({kind: 'command', positionals: ['web-api'], options: {simulate: 'success'}});
    expect(parseInvocation(['deploy', 'web-api', '--simulate'], {})).toMatchObject({options: {simulate: 'success'}});
    const named = parseInvocation(['deploy', 'web-api', '--simulate=crash-loop', '--simulate-speed', '10'], {});
    expect(named.kind === 'command' && parseDeployOptions(named.options).simulate).toEqual({scenario: 'crash-loop', speed: 10});
    expect(() => parseDeployOptions({simulate: 'meltdown'})).toThrow("unknown simulation scenario 'meltdown'");
    expect(() => parseDeployOptions({'simulate-speed': '10'})).toThrow('--simulate-speed goes with --simulate');
    expect(() => parseDeployOptions({simulate: 'success', 'simulate-speed': 'fast'})).toThrow("--simulate-speed must be a number greater than zero, got 'fast'");
  });

  it('defaults: wait, 15 min, 5 min without progress; --to-revision must be a whole number', () => {
    expect(parseDeployOptions({})).toEqual({overrides: {}, yes: false, wait: true, timeoutMs: 900_000, noProgressTimeoutMs: 300_000, force: false, exitCode: false});
    expect(parseDeployOptions({'to-revision': '7'}).toRevision).toBe(7);
    expect(() => parseDeployOptions({'to-revision': '7.5'})).toThrow("--to-revision must be a whole number of 1 or more, got '7.5'");
  });

  it('--env may be left out only when the profile has one environment', () => {
    expect(chooseEnvironment(ec2FormProfile(), undefined).name).toBe('dev');
    expect(() => chooseEnvironment(fargateJsonProfile(), undefined)).toThrow("profile 'web-api' has 2 environments: say which with --env");
    expect(() => chooseEnvironment(fargateJsonProfile(), 'qa')).toThrow("profile 'web-api' has no environment 'qa'");
  });
});

describe('ecs-wizard deploy (no terminal)', () => {
  it('refuses to deploy without --yes when there is no terminal to ask (exit 2), changing nothing', async () => {
    const w = await world();
    const {code, err} = await cli(['deploy', 'web-api', '--env', 'staging'], w);
    expect(code).toBe(2);
    expect(err).toContain("ecs-wizard: not deploying 'web-api' to 'staging' without --yes (there is no terminal to ask)");
    expect(w.ecs.recorded).toEqual([]);
  });

  it('--yes: the plan with its diff, then one line per change; exit 0; the run is in the profile', async () => {
    const w = await world();
    const {code, out, err} = await cli(['deploy', 'web-api', '--env', 'staging', '--yes', '--tag', '1.5.0'], w);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('web-api → staging (us-east-1, cluster web-staging)\n  service  web-api (runs web-api:1)\n  image    registry.example.com:5000/team/web-api:1.5.0\n  will     register web-api:2, update service web-api (update in place)');
    expect(out).toContain('Task definition: new revision');
    expect(out).toMatch(/^\+0s {3}check execution-role: ok — ecsTaskExecutionRole exists and trusts ecs-tasks\.amazonaws\.com$/m);
    // (the fake ECS is the simulator, which the watch detects and says)
    expect(out).toMatch(/deployed \(simulated\): web-api:2 is running 1\/1 tasks \[exit 0, \d+s, \d+ API calls\]\n$/);
    expect(out).not.toMatch(/\u001B\[/);
    expect((await w.store.get('web-api'))!.runs.at(-1)).toMatchObject({tag: '1.5.0', revision: 2, outcome: 'deployed'});
  });

  it('--json: NDJSON events, then the summary', async () => {
    const w = await world();
    const {code, out} = await cli(['deploy', 'web-api', '--env', 'staging', '--yes', '--json'], w);
    expect(code).toBe(0);
    const lines = out.trimEnd().split('\n').map((line) => JSON.parse(line) as {type: string});
    expect(lines[0]).toMatchObject({type: 'step', name: 'plan', status: 'started'});
    expect(lines.at(-2)).toMatchObject({type: 'done', outcome: 'deployed', exitCode: 0});
    expect(lines.at(-1)).toMatchObject({type: 'summary', outcome: 'deployed', exitCode: 0});
  });

  it('--simulate=crash-loop: no AWS port is asked for; the stopped reason is printed; rolled back → exit 3', async () => {
    const w = await world();
    const {code, out} = await cli(['deploy', 'web-api', '--env', 'staging', '--simulate=crash-loop', '--simulate-speed', '50'], w);
    expect(code).toBe(3);
    expect(out).toContain('SIMULATED (scenario crash-loop), no AWS calls');
    expect(out).toMatch(/task \w+ stopped: Essential container in task exited \(team_web-api_1_4_2 exit 1\)/);
    expect(out).toContain('check aws-resources: warn — simulated run');
    expect(out).toMatch(/rolled back \(simulated\): .*\[exit 3,/);
    expect(w.ecs.recorded).toEqual([]);
    expect(w.state.calls).toEqual([]);
    expect((await w.store.get('web-api'))!.runs.at(-1)).toMatchObject({outcome: 'rolled-back', simulated: true});
  });

  it('a failed pre-flight check blocks (exit 1) and says what to do', async () => {
    const w = await world();
    w.state.tags.clear();
    const {code, out} = await cli(['deploy', 'web-api', '--env', 'staging', '--yes'], w);
    expect(code).toBe(1);
    expect(out).toContain('check image: fail — tag 1.4.2 is not in registry.example.com:5000/team/web-api');
    expect(out).toContain('hint: push the image with that tag, or deploy an existing tag with --tag');
    expect(out).toContain('checks: failed — 1 check failed (image): nothing was changed');
    expect(w.ecs.recorded.map((call) => call.method)).not.toContain('registerTaskDefinition');
  });

  it('AWS unreachable: a quick clear message, exit 1', async () => {
    const w = await world();
    w.ecs.failOn.set('describeClusters', new AwsError('cannot reach AWS at http://127.0.0.1:9 (ecs:DescribeClusters: ECONNREFUSED, 3 attempts)', {kind: 'unreachable', awsName: 'ECONNREFUSED'}));
    const {code, out} = await cli(['deploy', 'nginx-ec2', '--yes'], w);
    expect(code).toBe(1);
    expect(out).toContain('plan: failed — cannot reach AWS at http://127.0.0.1:9');
  });

  it('bad input is exit 2: an unknown profile, environment, duration or scenario', async () => {
    const w = await world();
    expect((await cli(['deploy', 'nope', '--yes'], w)).code).toBe(2);
    expect((await cli(['deploy', 'web-api', '--yes'], w)).err).toContain('has 2 environments: say which with --env');
    expect((await cli(['deploy', 'nginx-ec2', '--yes', '--timeout', 'soon'], w)).err).toContain("--timeout is not a duration, got 'soon'");
    expect((await cli(['deploy', 'nginx-ec2', '--simulate=meltdown'], w)).code).toBe(2);
  });

  it('--no-wait: starts the deployment and exits 0', async () => {
    const w = await world();
    const {code, out} = await cli(['deploy', 'web-api', '--env', 'staging', '--yes', '--no-wait', '--tag', '1.5.0'], w);
    expect(code).toBe(0);
    expect(out).toContain('deployment of web-api:2 started; not waiting (--no-wait)');
  });
});

describe('ecs-wizard diff / render / verify / rollback / watch', () => {
  it('diff --exit-code: 1 when something would change, 0 when nothing would, 2 on error', async () => {
    const w = await world({seed: false});
    const first = await cli(['diff', 'web-api', '--env', 'staging', '--exit-code'], w);
    expect(first.code).toBe(1);
    expect(first.out).toContain('Plan: will create');
    expect((await cli(['deploy', 'web-api', '--env', 'staging', '--yes'], w)).code).toBe(0);
    const second = await cli(['diff', 'web-api', '--env', 'staging', '--exit-code'], w);
    expect(second.code).toBe(0);
    expect(second.out).toContain('Plan: no changes');
    expect((await cli(['diff', 'web-api', '--env', 'staging'], w)).code).toBe(0);
    w.ecs.failOn.set('describeClusters', new AwsError('cannot reach AWS', {kind: 'unreachable', awsName: 'ECONNREFUSED'}));
    const failed = await cli(['diff', 'web-api', '--env', 'staging', '--exit-code'], w);
    expect(failed.code).toBe(2);
    expect(failed.err).toContain('cannot reach AWS');
  });

  it('diff --json: the plan and the diff model', async () => {
    const w = await world();
    const {code, out} = await cli(['diff', 'web-api', '--env', 'staging', '--json', '--tag', '1.5.0'], w);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({profile: 'web-api', environment: 'staging', action: 'update', summary: 'register web-api:2, update service web-api (update in place)', diff: {impact: 'update-in-place'}});
  });

  it('render: one JSON object with exactly what a deploy sends; no AWS', async () => {
    const w = await world();
    const {code, out} = await cli(['render', 'web-api', '--env', 'production', '--tag', '2.0.0', '--set', 'logLevel=trace'], w);
    expect(code).toBe(0);
    const profile = (await w.store.get('web-api'))!;
    const expected = renderDeployInputs({profile, environment: profile.environments[1]!, tag: '2.0.0', overrides: {logLevel: 'trace'}});
    expect(JSON.parse(out)).toEqual({taskDefinition: expected.taskDefinition, service: expected.service});
    expect(out).toContain('"value": "trace"');
    expect(w.ecs.recorded).toEqual([]);
  });

  it('render of a profile that does not render: exit 2 with the located errors', async () => {
    const w = await world();
    const profile = (await w.store.get('web-api'))!;
    await w.store.save({...profile, service: {...profile.service, variables: {}}, environments: profile.environments.map((env) => ({...env, overrides: {}}))}, {overwrite: true});
    const {code, err} = await cli(['render', 'web-api', '--env', 'staging'], w);
    expect(code).toBe(2);
    expect(err).toMatch(/does not render for environment 'staging':\n {2}error: /);
  });

  it('verify: the checks only (exit 0), a failure is exit 1; nothing changes', async () => {
    const w = await world();
    const ok = await cli(['verify', 'web-api', '--env', 'staging'], w);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('✓ registry-credentials');
    expect(ok.out).toContain('All checks passed.');
    w.state.roles.get('ecsTaskExecutionRole')!.trustsEcsTasks = false;
    const failed = await cli(['verify', 'web-api', '--env', 'staging', '--json'], w);
    expect(failed.code).toBe(1);
    expect(JSON.parse(failed.out)).toMatchObject({ok: false, checks: expect.arrayContaining([expect.objectContaining({name: 'execution-role', status: 'fail'})])});
    expect(w.ecs.recorded.map((call) => call.method).filter((method) => !method.startsWith('describe'))).toEqual([]);
  });

  it('rollback --yes goes back to the revision before and watches it (exit 0)', async () => {
    const w = await world();
    expect((await cli(['deploy', 'web-api', '--env', 'staging', '--yes', '--tag', '1.5.0'], w)).code).toBe(0);
    const {code, out} = await cli(['rollback', 'web-api', '--env', 'staging', '--yes'], w);
    expect(code).toBe(0);
    expect(out).toContain('plan: done — roll back web-api: web-api:2 → web-api:1, the revision before the running one');
    expect((await cli(['rollback', 'web-api', '--env', 'staging'], w)).err).toContain("not rolling back 'web-api' in 'staging' without --yes");
  });

  it('watch: re-attaches to the service and ends with its outcome', async () => {
    const w = await world();
    const {code, out} = await cli(['watch', 'web-api', '--env', 'staging'], w);
    expect(code).toBe(0);
    expect(out).toContain('watching web-api in web-staging (us-east-1) for web-api:1');
  });
});
