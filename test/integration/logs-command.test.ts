/**
 * `ecs-wizard logs` end to end through the real composition root and the AWS SDK against moto: a service whose task
 * definition has two awslogs containers, their streams written with PutLogEvents; the command prints every task's
 * lines interleaved by time, with the container named, from --since on; --json gives the four fields. The lines are
 * minutes apart around the --since limits, so a slow machine cannot move one across them.
 */
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {PassThrough, Readable} from 'node:stream';
import {CreateLogGroupCommand, CreateLogStreamCommand, PutLogEventsCommand} from '@aws-sdk/client-cloudwatch-logs';
import {CreateClusterCommand, CreateServiceCommand, RegisterTaskDefinitionCommand} from '@aws-sdk/client-ecs';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {createAwsClientFactory} from '../../source/adapters/aws/client-factory.js';
import {createConfProfileStore} from '../../source/adapters/conf-profile-store.js';
import {main} from '../../source/cli.js';
import type {Profile} from '../../source/domain/model.js';
import {useMoto} from '../helpers/moto.js';

const CONTAINER_SPEC = `{
  "family": "shop-web",
  "containerDefinitions": [
    {"name": "web", "image": "\${DOCKER_IMAGE_NAME}", "essential": true, "memory": 256,
     "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/shop", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "ecs"}}}
  ]
}`;

const profile: Profile = {
  name: 'shop-web',
  application: 'Shop',
  service: {
    name: 'shop-web',
    artifact: {registry: 'dockerhub', host: 'docker.io', image: 'team/web', tag: '1.0'},
    launchType: 'EC2',
    containerSpec: {mode: 'json', json: CONTAINER_SPEC},
    serviceSpec: '{}',
    variables: {},
  },
  environments: [{name: 'staging', region: 'us-east-1', cluster: 'shop-logs', launchType: 'EC2', overrides: {}}],
  runs: [],
  createdAt: '2026-01-15T09:00:00.000Z',
  updatedAt: '2026-01-15T09:00:00.000Z',
};

const TASK_A = 'aaaaaaaa000000000000000000000001';
const TASK_B = 'bbbbbbbb000000000000000000000002';

describe('ecs-wizard logs against moto', () => {
  const moto = useMoto();
  const configDir = mkdtempSync(join(tmpdir(), 'ecsw-logs-cmd-'));
  const env = {...moto.env, ECS_WIZARD_CONFIG_DIR: configDir, CI: 'true'};
  const factory = createAwsClientFactory({env, userAgent: 'ecs-wizard/test'});
  afterAll(() => factory.destroy());
  const now = Date.now();

  async function cli(argv: string[]) {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = '';
    let err = '';
    stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const code = await main({argv, env, io: {stdin: Readable.from([]), stdout, stderr}});
    return {code, out, err};
  }

  beforeAll(async () => {
    if (moto.skipped) return;
    await createConfProfileStore({env}).save(profile);
    const ecs = await factory.client('ecs');
    await ecs.send(new CreateClusterCommand({clusterName: 'shop-logs'}));
    const registered = await ecs.send(
      new RegisterTaskDefinitionCommand({
        family: 'shop-web',
        containerDefinitions: [
          {
            name: 'web',
            image: 'team/web:1.0',
            essential: true,
            memory: 256,
            logConfiguration: {logDriver: 'awslogs', options: {'awslogs-group': '/ecs/shop', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'ecs'}},
          },
          {
            name: 'worker',
            image: 'team/worker:1.0',
            essential: false,
            memory: 256,
            logConfiguration: {logDriver: 'awslogs', options: {'awslogs-group': '/ecs/shop', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'ecs'}},
          },
          {name: 'router', image: 'fluent-bit', essential: false, memory: 64, logConfiguration: {logDriver: 'awsfirelens', options: {Name: 'datadog'}}},
        ],
      }),
    );
    await ecs.send(
      new CreateServiceCommand({cluster: 'shop-logs', serviceName: 'shop-web', taskDefinition: registered.taskDefinition?.taskDefinitionArn, desiredCount: 1}),
    );
    const logs = await factory.client('logs');
    await logs.send(new CreateLogGroupCommand({logGroupName: '/ecs/shop'}));
    const put = async (stream: string, events: Array<[number, string]>) => {
      await logs.send(new CreateLogStreamCommand({logGroupName: '/ecs/shop', logStreamName: stream}));
      await logs.send(
        new PutLogEventsCommand({
          logGroupName: '/ecs/shop',
          logStreamName: stream,
          logEvents: events.map(([ago, message]) => ({timestamp: now - ago, message})),
        }),
      );
    };
    await put(`ecs/web/${TASK_A}`, [
      [20 * 60_000, 'web A too old'],
      [8 * 60_000, 'web A one'],
      [30_000, 'web A two'],
    ]);
    await put(`ecs/web/${TASK_B}`, [[40_000, 'web B one \u001B]0;title\u0007']]);
    await put(`ecs/worker/${TASK_A}`, [[35_000, 'worker A one']]);
  });

  test('every task and container interleaved by time, from --since on, prefixed with the short task id and the container', async () => {
    const {code, out, err} = await cli(['logs', 'shop-web', '--env', 'staging', '--since', '10m']);
    expect(err).toBe('container router (shop-web:1) sends its logs to FireLens → Datadog: read them there\n');
    expect(code).toBe(0);
    const lines = out.trimEnd().split('\n');
    expect(lines.map((line) => line.slice(21))).toEqual([
      'aaaaaaaa web  web A one',
      'bbbbbbbb web  web B one ',
      'aaaaaaaa worker  worker A one',
      'aaaaaaaa web  web A two',
    ]);
    expect(out).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F]/);
  });

  test('--json: {"time","task","container","message"} per line; a shorter --since reads less', async () => {
    const {code, out} = await cli(['logs', 'shop-web', '--env', 'staging', '--since', '5m', '--json']);
    expect(code).toBe(0);
    const objects = out
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(objects).toEqual([
      {time: new Date(now - 40_000).toISOString(), task: TASK_B, container: 'web', message: 'web B one '},
      {time: new Date(now - 35_000).toISOString(), task: TASK_A, container: 'worker', message: 'worker A one'},
      {time: new Date(now - 30_000).toISOString(), task: TASK_A, container: 'web', message: 'web A two'},
    ]);
  });
});
