import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, test} from 'vitest';
import {disposeAll, ensureBuilt, spawnCli, step} from '../helpers/pty.js';

/**
 * The simplified form's container, made in the wizard in a real terminal without AWS: once the environment's region
 * is typed, the wizard offers CloudWatch Logs /ecs/<service> in that region (init's form flags' default), and
 * `ecs-wizard render` of the saved profile shows the awslogs options in the task definition.
 */
const work = mkdtempSync(join(tmpdir(), 'ecs-wizard-wizard-logs-e2e-'));

beforeAll(async () => {
  await ensureBuilt();
}, 120_000);
afterEach(() => disposeAll());
afterAll(() => rmSync(work, {recursive: true, force: true}));

describe('container logs of a wizard-made container, in a terminal', () => {
  test("EC2 simplified form: CloudWatch Logs in the environment's region by default; render shows the awslogs options", async () => {
    const configDir = mkdtempSync(join(work, 'config-'));
    const cli = spawnCli(['init'], {rows: 32, configDir});
    await step(cli, '? Application', 'Edge', 'enter');
    await step(cli, '? Service name', 'log-agent', 'enter');
    await step(cli, '❯ Docker Hub', 'enter');
    await step(cli, '? Docker image name', 'nginx', 'enter');
    await step(cli, /Cannot list tags/, 'stable-perl', 'enter');
    await step(cli, '❯ Fargate', 'down');
    await step(cli, '❯ EC2', 'enter');
    await step(cli, '❯ bridge', 'enter');
    await step(cli, '❯ Simplified form', 'enter');
    await step(cli, '❯ CPU units', 'enter', 'enter');
    await step(cli, '❯ Memory soft limit, MiB: 256', 'enter');
    await step(cli, '❯ Port mappings', '80', 'enter');
    await step(cli, '? Container environment variables', 'enter');
    await step(cli, '❯ REPLICA', 'down');
    await step(cli, '❯ DAEMON', 'enter');
    await step(cli, '"schedulingStrategy": "DAEMON"', 'enter');
    await step(cli, '❯ ROLLING', 'enter');
    await step(cli, '? CloudWatch alarms that roll the deployment back', 'enter');
    await step(cli, '❯ No load balancer', 'enter');
    await step(cli, '❯ No service discovery', 'enter');
    await step(cli, '? Config variables', 'enter');
    await step(cli, '❯ Type the values', 'enter');
    await step(cli, '? Environment name', ...Array.from({length: 10}, () => 'backspace'), 'dev', 'enter');
    // Not the configured region (AWS_REGION=us-east-1): the logs follow the region typed here.
    await step(cli, '? AWS region', 'eu-west-3', 'enter');
    await step(cli, /Cannot list clusters in eu-west-3/, 'dev-ec2', 'enter');
    await step(cli, /Cannot list capacity providers of cluster dev-ec2/, 'enter');
    await step(cli, '? Overrides of config variables for dev', 'enter');
    await step(cli, '❯ No, review the profile', 'enter');
    await step(cli, "? Name of the artifact's container", 'down', 'enter');
    let screen = await step(cli, '? Container logs');
    expect(screen).toContain('❯ CloudWatch Logs /ecs/log-agent (eu-west-3), stream prefix ecs');
    expect(screen).toContain('No log configuration');
    await cli.press('enter');
    screen = await step(cli, '✔ Ready to save', 'enter');
    expect(screen).toContain('✔ Container logs: CloudWatch Logs /ecs/log-agent (eu-west-3), stream prefix ecs');
    await step(cli, '? Save as profile', 'enter');
    await cli.waitForText('✔ Saved profile log-agent (1 environment: dev).');
    expect(await cli.waitForExit()).toBe(0);

    const render = spawnCli(['render', 'log-agent', '--env', 'dev'], {configDir});
    expect(await render.waitForExit()).toBe(0);
    const start = render.output().indexOf('{');
    const document = JSON.parse(render.output().slice(start).replace(/\r\n/g, '\n')) as {taskDefinition: {containerDefinitions: unknown[]}};
    expect(document.taskDefinition.containerDefinitions).toEqual([
      expect.objectContaining({
        name: 'log-agent',
        logConfiguration: {logDriver: 'awslogs', options: {'awslogs-group': '/ecs/log-agent', 'awslogs-region': 'eu-west-3', 'awslogs-stream-prefix': 'ecs'}},
      }),
    ]);
  });
});
