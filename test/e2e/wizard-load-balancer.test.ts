import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, test} from 'vitest';
import {disposeAll, ensureBuilt, spawnCli, step} from '../helpers/pty.js';

/**
 * The load balancer questions in a real terminal, without AWS (the endpoint is a closed loopback port): each list
 * says in one line why it could not be read, and the ARN is typed instead; a BLUE_GREEN specification asks the
 * blue/green parts too.
 */
const PREFIX = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:';
const LB = `${PREFIX}loadbalancer/app/web/50dc6c495c0c9188`;
const LISTENER = `${PREFIX}listener/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2`;
const BLUE = `${PREFIX}targetgroup/web-blue/73e2d6bc24d8a067`;
const GREEN = `${PREFIX}targetgroup/web-green/83e2d6bc24d8a067`;
const RULE = `${PREFIX}listener-rule/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2/9683b2d02a6cabee`;
const ROLE = 'arn:aws:iam::123456789012:role/ecsInfrastructureRoleForLoadBalancers';

const work = mkdtempSync(join(tmpdir(), 'ecs-wizard-lb-e2e-'));
const specFile = join(work, 'blue-green.json');
writeFileSync(
  specFile,
  JSON.stringify({schedulingStrategy: 'REPLICA', desiredCount: 2, deploymentConfiguration: {strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5}}),
);

beforeAll(async () => {
  await ensureBuilt();
}, 120_000);
afterEach(() => disposeAll());
afterAll(() => rmSync(work, {recursive: true, force: true}));

describe('the load balancer questions in a terminal', () => {
  test('offline: each picker says why it could not list, the ARNs are typed; blue/green asks its parts', async () => {
    const flags = [
      '--app',
      'shop',
      '--service',
      'api',
      '--registry',
      'dockerhub',
      '--image',
      'nginx',
      '--tag',
      '1.27',
      '--launch-type',
      'FARGATE',
      '--port',
      '80',
    ];
    const cli = spawnCli(['init', ...flags, '--strategy', 'REPLICA', '--desired-count', '2', '--service-spec', specFile], {rows: 40});
    // The deployment strategy questions come first, offering the specification's own BLUE_GREEN and bake time.
    await step(cli, '❯ BLUE_GREEN', 'enter');
    await step(cli, '? Bake time', 'enter');
    await step(cli, '? Lifecycle hooks', 'enter');
    await step(cli, '? CloudWatch alarms that roll the deployment back', 'enter');
    await step(cli, '❯ No load balancer', 'down');
    await step(cli, '❯ Attach to a target group', 'enter');
    const screen0 = await step(cli, /Cannot list load balancers in us-east-1: cannot reach AWS/, LB, 'enter');
    expect(screen0.replace(/\s+/g, ' ')).toMatch(
      /Cannot list load balancers in us-east-1: cannot reach AWS at http:\/\/127\.0\.0\.1:9 \(elasticloadbalancing:DescribeLoadBalancers/,
    );
    await step(cli, /Cannot list listeners of web: cannot reach AWS/, LISTENER, 'enter');
    await step(cli, /Cannot list target groups in us-east-1: cannot reach AWS/, BLUE, 'enter');
    // Not checkable offline: said, and taken.
    let screen = await step(cli, /Cannot list target groups: cannot reach AWS/, GREEN, 'enter');
    expect(screen).toMatch(/Could not check the target group: cannot reach AWS/);
    expect(screen).toContain('✔ Container: ${CONTAINER_NAME}:80 (its only port mapping)');
    await step(cli, /Cannot list listener rules: cannot reach AWS/, RULE, 'enter');
    await step(cli, /Cannot list listener rules of the load balancer: cannot reach AWS/);
    await step(cli, '❯ No test listener rule', 'enter');
    screen = await step(cli, /Cannot list roles trusting ecs\.amazonaws\.com: cannot reach AWS/);
    expect(screen).toContain('? Traffic role (lets ECS change the listener rules)');
    expect(screen).toContain('Create ecsInfrastructureRoleForLoadBalancers');
    await step(cli, '? Traffic role', ROLE, 'enter');
    // Auto scaling follows the load balancer questions; no.
    screen = await step(cli, '? Scale automatically?', 'enter');
    expect(screen).toContain('✔ Target group: web-blue');
    expect(screen).toContain('✔ Alternate target group: web-green');
    expect(screen).toContain('✔ Test listener rule: none');
    await step(cli, '? Service discovery (AWS Cloud Map)');
  });
});
