/**
 * `ecs-wizard init` without a terminal with the load balancer flags, through the real composition root against moto:
 * the target groups, rules and role are checked at once (exit 2 naming the flag), and --create-traffic-role creates
 * the role only with --apply-iam.
 */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {PassThrough, Readable} from 'node:stream';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {createAwsClientFactory} from '../../source/adapters/aws/client-factory.js';
import {createConfProfileStore} from '../../source/adapters/conf-profile-store.js';
import {main} from '../../source/cli.js';
import {parseJsonText} from '../../source/domain/json-text.js';
import type {JsonObject} from '../../source/domain/json.js';
import {DEFAULT_TRAFFIC_ROLE_NAME} from '../../source/domain/load-balancer.js';
import {seedLoadBalancer, type LoadBalancerSeed} from '../helpers/load-balancer-seed.js';
import {useMoto} from '../helpers/moto.js';

const ROLE = 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole';

describe('init with load balancer flags against moto', () => {
  const moto = useMoto();
  const factory = createAwsClientFactory({env: moto.env, userAgent: 'ecs-wizard/test'});
  let configDir: string;
  let seed: LoadBalancerSeed;
  let blueGreenSpec: string;

  const base = (name: string): string[] => [
    '--name',
    name,
    '--app',
    'shop',
    '--service',
    'api',
    '--image',
    'nginx',
    '--tag',
    '1.27',
    '--launch-type',
    'FARGATE',
    '--port',
    '80',
    '--execution-role',
    ROLE,
    '--env',
    'dev',
    '--cluster',
    'dev',
    '--subnets',
    'subnet-0a1b2c3d',
    '--security-groups',
    'sg-0a1b2c3d',
    '--yes',
  ];

  async function init(argv: string[]) {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = '';
    let err = '';
    stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const env = {...moto.env, ECS_WIZARD_CONFIG_DIR: configDir, CI: 'true'};
    const code = await main({argv: ['init', ...argv], env, io: {stdin: Readable.from([]), stdout, stderr}});
    return {code, out, err};
  }
  const savedSpec = async (name: string): Promise<JsonObject> => {
    const profile = await createConfProfileStore({env: {ECS_WIZARD_CONFIG_DIR: configDir}}).get(name);
    return parseJsonText(profile!.service.serviceSpec, 'serviceSpec').value as JsonObject;
  };

  beforeAll(async () => {
    configDir = mkdtempSync(join(tmpdir(), 'ecs-wizard-init-lb-'));
    blueGreenSpec = join(configDir, 'blue-green.json');
    writeFileSync(
      blueGreenSpec,
      JSON.stringify({schedulingStrategy: 'REPLICA', desiredCount: 2, deploymentConfiguration: {strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5}}),
    );
    if (moto.skipped) return;
    seed = await seedLoadBalancer(factory);
  });
  afterAll(() => {
    factory.destroy();
    rmSync(configDir, {recursive: true, force: true});
  });

  test('--target-group: a rolling service is attached, the container being its only port mapping', async () => {
    const {code, err} = await init([...base('rolling'), '--target-group', seed.blue]);
    expect(err).not.toContain('--target-group');
    expect(code).toBe(0);
    expect((await savedSpec('rolling')).loadBalancers).toEqual([{targetGroupArn: seed.blue, containerName: '${CONTAINER_NAME}', containerPort: 80}]);
  });

  test('a target group of type instance for Fargate, and one that does not exist: exit 2, naming the flag and the fix', async () => {
    const wrong = await init([...base('wrong-type'), '--target-group', seed.instance]);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain(
      '--target-group: target group web-instance has target type instance, and a task in awsvpc network mode registers by IP address (use a target group of type ip',
    );
    const missing = await init([...base('missing'), '--target-group', seed.blue.replace(/[0-9a-f]{4}$/, '0000')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--target-group: no target group web-blue in this account and region');
  });

  test('BLUE_GREEN without the advanced configuration: exit 2, naming each missing flag', async () => {
    const {code, err} = await init([...base('bg-missing'), '--service-spec', blueGreenSpec, '--target-group', seed.blue]);
    expect(code).toBe(2);
    expect(err).toContain(
      '--alternate-target-group: serviceSpec loadBalancers[0].advancedConfiguration.alternateTargetGroupArn: the BLUE_GREEN strategy shifts traffic between two target groups: loadBalancers[0].advancedConfiguration.alternateTargetGroupArn is missing (add it: --alternate-target-group ARN)',
    );
    expect(err).toContain('--production-listener-rule: serviceSpec loadBalancers[0].advancedConfiguration.productionListenerRule: ');
    expect(err).toContain(
      '--traffic-role: serviceSpec loadBalancers[0].advancedConfiguration.roleArn: the BLUE_GREEN strategy shifts traffic between two target groups: loadBalancers[0].advancedConfiguration.roleArn is missing (add the role that lets ECS change the listener rules: --traffic-role ARN, or --create-traffic-role --apply-iam)',
    );
  });

  test('BLUE_GREEN: the alternate group of another VPC and the role that does not trust ECS are refused at once', async () => {
    const {code, err} = await init([
      ...base('bg-wrong'),
      '--service-spec',
      blueGreenSpec,
      '--target-group',
      seed.blue,
      '--alternate-target-group',
      seed.otherVpcGroup,
      '--production-listener-rule',
      seed.apiRule,
      '--traffic-role',
      seed.tasksRole,
    ]);
    expect(code).toBe(2);
    expect(err).toContain(`--alternate-target-group: the target groups are in different VPCs (web-blue: ${seed.vpc}, other-vpc: ${seed.otherVpc})`);
    expect(err).toContain('--traffic-role: tasks-only does not trust ecs.amazonaws.com, so ECS cannot use it to change the listener rules');
  });

  test('--create-traffic-role needs --apply-iam; with it the role is created and saved in advancedConfiguration', async () => {
    const flags = [
      '--service-spec',
      blueGreenSpec,
      '--target-group',
      seed.blue,
      '--alternate-target-group',
      seed.green,
      '--production-listener-rule',
      seed.apiRule,
      '--test-listener-rule',
      seed.testDefaultRule,
      '--create-traffic-role',
    ];
    const refused = await init([...base('bg-no-iam'), ...flags]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('--create-traffic-role: creating a role changes IAM: add --apply-iam to allow it');
    const iam = await factory.iam();
    const {GetRoleCommand} = await import('@aws-sdk/client-iam');
    await expect(iam.send(new GetRoleCommand({RoleName: DEFAULT_TRAFFIC_ROLE_NAME}))).rejects.toThrow();

    const {code, err} = await init([...base('bg'), ...flags, '--apply-iam']);
    expect(err).toContain(`created the IAM role arn:aws:iam::123456789012:role/${DEFAULT_TRAFFIC_ROLE_NAME} (trusts ecs.amazonaws.com`);
    expect(code).toBe(0);
    expect((await savedSpec('bg')).loadBalancers).toEqual([
      {
        targetGroupArn: seed.blue,
        containerName: '${CONTAINER_NAME}',
        containerPort: 80,
        advancedConfiguration: {
          alternateTargetGroupArn: seed.green,
          productionListenerRule: seed.apiRule,
          testListenerRule: seed.testDefaultRule,
          roleArn: `arn:aws:iam::123456789012:role/${DEFAULT_TRAFFIC_ROLE_NAME}`,
        },
      },
    ]);
  });
});
