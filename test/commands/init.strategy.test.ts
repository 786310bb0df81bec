import {PassThrough, Readable} from 'node:stream';
import {describe, expect, test} from 'vitest';
import {main} from '../../source/cli.js';
import {MemoryProfileStore} from '../../source/adapters/memory-profile-store.js';
import {testRoot} from '../helpers/fake-root.js';

const LAMBDA = 'arn:aws:lambda:us-east-1:123456789012:function:smoke';
const ROLE = 'arn:aws:iam::123456789012:role/ecs-hooks';

async function init(args: string[]) {
  const store = new MemoryProfileStore();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const code = await main({
    argv: ['init', ...args],
    env: {CI: 'true', AWS_REGION: 'us-east-1'},
    io: {stdin: Readable.from([]), stdout, stderr},
    createRoot: () => testRoot({store, awsContext: {region: 'us-east-1'}}),
  });
  const profile = await store.get('web');
  const spec = profile === undefined ? undefined : (JSON.parse(profile.service.serviceSpec) as {deploymentConfiguration?: unknown});
  return {code, out, err, deploymentConfiguration: spec?.deploymentConfiguration, saved: profile !== undefined};
}

const BASE = [
  '--name',
  'web',
  '--app',
  'demo',
  '--service',
  'web',
  '--image',
  'library/nginx',
  '--tag',
  '1.27',
  '--launch-type',
  'FARGATE',
  '--port',
  '80',
  '--env',
  'prod',
  '--cluster',
  'prod',
  '--subnets',
  'subnet-0a1b2c3d',
  '--security-groups',
  'sg-0a1b2c3d',
  '--execution-role',
  'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
];

describe('init: the deployment strategy flags', () => {
  test('a canary with hooks and an alarm is saved in ECS shape: what is saved is what is sent', async () => {
    const result = await init([
      ...BASE,
      '--deployment-strategy',
      'canary',
      '--canary-percent',
      '10',
      '--canary-bake-time',
      '3m',
      '--bake-time',
      '1h',
      '--lifecycle-hook',
      `POST_TEST_TRAFFIC_SHIFT=${LAMBDA}`,
      '--lifecycle-hook',
      `PRE_SCALE_UP=${LAMBDA}`,
      '--hook-role',
      ROLE,
      '--alarm',
      'web-5xx',
      '--alarm',
      'web-latency',
    ]);
    expect(result.err).not.toMatch(/strategy|hook|alarm|bake|canary/i);
    expect(result.code).toBe(0);
    expect(result.deploymentConfiguration).toEqual({
      strategy: 'CANARY',
      bakeTimeInMinutes: 60,
      canaryConfiguration: {canaryPercent: 10, canaryBakeTimeInMinutes: 3},
      lifecycleHooks: [{hookTargetArn: LAMBDA, roleArn: ROLE, lifecycleStages: ['PRE_SCALE_UP', 'POST_TEST_TRAFFIC_SHIFT']}],
      alarms: {alarmNames: ['web-5xx', 'web-latency'], rollback: true, enable: true},
    });
  });

  test('linear and blue/green take the defaults a person can accept; 90s is 2 minutes', async () => {
    expect((await init([...BASE, '--deployment-strategy', 'LINEAR'])).deploymentConfiguration).toEqual({
      strategy: 'LINEAR',
      bakeTimeInMinutes: 5,
      linearConfiguration: {stepPercent: 20, stepBakeTimeInMinutes: 2},
    });
    expect((await init([...BASE, '--deployment-strategy', 'BLUE_GREEN', '--bake-time', '90s'])).deploymentConfiguration).toEqual({
      strategy: 'BLUE_GREEN',
      bakeTimeInMinutes: 2,
    });
  });

  test('rolling with an alarm: the alarm rolls back; no strategy flag leaves the spec as it was', async () => {
    expect((await init([...BASE, '--alarm', 'web-5xx'])).deploymentConfiguration).toEqual({alarms: {alarmNames: ['web-5xx'], rollback: true, enable: true}});
    expect((await init(BASE)).deploymentConfiguration).toBeUndefined();
  });

  test('bad values: exit 2, each named by its flag, nothing saved', async () => {
    const result = await init([
      ...BASE,
      '--deployment-strategy',
      'CANARY',
      '--canary-percent',
      '0',
      '--bake-time',
      'soon',
      '--linear-step-percent',
      '20',
      '--lifecycle-hook',
      `BAKE_TIME=${LAMBDA}`,
    ]);
    expect(result.code).toBe(2);
    expect(result.saved).toBe(false);
    expect(result.err).toContain('--canary-percent: --canary-percent must be between 0.1 and 100 percent, found 0');
    expect(result.err).toContain('--bake-time: --bake-time "soon" is not a duration: write minutes as 5m, hours as 1h, seconds as 90s (0 to 1440m)');
    expect(result.err).toContain(
      "--linear-step-percent: --linear-step-percent applies to the LINEAR deployment strategy; this service's is CANARY (give --deployment-strategy LINEAR)",
    );
    expect(result.err).toContain('--lifecycle-hook: "BAKE_TIME" is not a lifecycle stage a hook can run at');
    expect(result.err).not.toMatch(/at .*\.ts:\d+/);
  });

  test('an unknown strategy, hooks without their role, and a traffic strategy on a DAEMON service are refused', async () => {
    expect((await init([...BASE, '--deployment-strategy', 'red-black'])).err).toContain(
      '--deployment-strategy: "red-black" is not a deployment strategy: ROLLING, BLUE_GREEN, LINEAR, CANARY',
    );
    const hooks = await init([...BASE, '--deployment-strategy', 'BLUE_GREEN', '--lifecycle-hook', `PRE_SCALE_UP=${LAMBDA}`]);
    expect(hooks.code).toBe(2);
    expect(hooks.err).toContain('--hook-role: lifecycle hooks need the role ECS assumes to invoke them: give --hook-role ARN');
    const daemon = await init([...BASE.map((arg) => (arg === 'FARGATE' ? 'EC2' : arg)), '--strategy', 'DAEMON', '--deployment-strategy', 'BLUE_GREEN']);
    expect(daemon.code).toBe(2);
    expect(daemon.err).toContain(
      '--deployment-strategy: BLUE_GREEN: a DAEMON service runs one task per instance: it has no second revision to move traffic to',
    );
  });
});
