import {describe, expect, it} from 'vitest';
import {AwsError} from '../../source/errors.js';
import {cli, world} from './deploy-world.js';

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
    expect(out).toContain(
      'web-api → staging (us-east-1, cluster web-staging)\n  service  web-api (runs web-api:1)\n  image    registry.example.com:5000/team/web-api:1.5.0\n  will     register web-api:2, update service web-api (update in place)',
    );
    expect(out).toContain('Task definition: new revision');
    expect(out).toMatch(/^\+0s {3}check execution-role: ok — ecsTaskExecutionRole exists and trusts ecs-tasks\.amazonaws\.com$/m);
    // (the fake ECS is the simulator, which the watch detects and says)
    expect(out).toMatch(/deployed \(simulated\): web-api:2 is running 1\/1 tasks \(ECS: SUCCESSFUL\) \[exit 0, \d+s, \d+ ECS API calls\]\n$/);
    expect(out).toMatch(/^\+\d+s +ECS service deployment \w+ \(web-api:2\): SUCCESSFUL$/m);
    expect(out).not.toMatch(/\u001B\[/);
    expect((await w.store.get('web-api'))!.runs.at(-1)).toMatchObject({tag: '1.5.0', revision: 2, outcome: 'deployed'});
  });

  it('--json: NDJSON events, then the summary', async () => {
    const w = await world();
    const {code, out} = await cli(['deploy', 'web-api', '--env', 'staging', '--yes', '--json'], w);
    expect(code).toBe(0);
    const lines = out
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as {type: string});
    expect(lines[0]).toMatchObject({type: 'step', name: 'plan', status: 'started'});
    expect(lines.at(-2)).toMatchObject({type: 'done', outcome: 'deployed', exitCode: 0});
    expect(lines.at(-1)).toMatchObject({type: 'summary', outcome: 'deployed', exitCode: 0});
  });

  it('--simulate=crash-loop: no AWS port is asked for; the stopped reason is printed; rolled back → exit 3', async () => {
    const w = await world();
    const {code, out} = await cli(['deploy', 'web-api', '--env', 'staging', '--simulate=crash-loop', '--simulate-speed', '50', '--yes'], w);
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
    w.ecs.failOn.set(
      'describeClusters',
      new AwsError('cannot reach AWS at http://127.0.0.1:9 (ecs:DescribeClusters: ECONNREFUSED, 3 attempts)', {kind: 'unreachable', awsName: 'ECONNREFUSED'}),
    );
    const {code, out} = await cli(['deploy', 'nginx-ec2', '--yes'], w);
    expect(code).toBe(1);
    expect(out).toContain('plan: failed — cannot reach AWS at http://127.0.0.1:9');
  });

  it('bad input is exit 2: an unknown profile, environment, duration or scenario', async () => {
    const w = await world();
    expect((await cli(['deploy', 'nope', '--yes'], w)).code).toBe(2);
    expect((await cli(['deploy', 'web-api', '--yes'], w)).err).toContain('has 2 environments: say which with --env');
    expect((await cli(['deploy', 'nginx-ec2', '--yes', '--timeout', 'soon'], w)).err).toContain("--timeout is not a duration, got 'soon'");
    expect((await cli(['deploy', 'nginx-ec2', '--yes', '--simulate=meltdown'], w)).err).toContain('meltdown');
  });

  it('without a terminal, a simulated deploy needs --yes like a real one (exit 2, nothing run)', async () => {
    const w = await world();
    const {code, err} = await cli(['deploy', 'web-api', '--env', 'staging', '--simulate'], w);
    expect(code).toBe(2);
    expect(err).toContain("not deploying 'web-api' to 'staging' without --yes (there is no terminal to ask)");
    expect(w.ecs.recorded).toEqual([]);
  });

  it('--no-wait: starts the deployment and exits 0', async () => {
    const w = await world();
    const {code, out} = await cli(['deploy', 'web-api', '--env', 'staging', '--yes', '--no-wait', '--tag', '1.5.0'], w);
    expect(code).toBe(0);
    expect(out).toContain('deployment of web-api:2 started; not waiting (--no-wait)');
  });
});
