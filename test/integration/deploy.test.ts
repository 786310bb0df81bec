/**
 * `ecs-wizard deploy` end to end through the real composition root and the AWS SDK against moto — the Must-show:
 * the registered task definition carries the rendered image, container name and execution role; the service gets
 * the environment's network configuration and service registries; exit 0; a second deploy of the same spec
 * registers no new revision. Also: the pre-flight checks on moto (no policy simulator there: the role's policy
 * documents are evaluated), and the offline path.
 *
 * moto reads MOTO_ECS_SERVICE_RUNNING from its own environment when a service is created, so this file starts its
 * own moto_server with MOTO_ECS_SERVICE_RUNNING=1 (services report their task running: the watch sees "deployed").
 */
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {PassThrough, Readable} from 'node:stream';
import {CreateLogGroupCommand} from '@aws-sdk/client-cloudwatch-logs';
import {CreateSecurityGroupCommand, CreateSubnetCommand, CreateVpcCommand} from '@aws-sdk/client-ec2';
import {CreateRepositoryCommand, PutImageCommand} from '@aws-sdk/client-ecr';
import {DescribeServicesCommand, DescribeTaskDefinitionCommand, ListTaskDefinitionsCommand} from '@aws-sdk/client-ecs';
import {AttachRolePolicyCommand, CreateRoleCommand, DetachRolePolicyCommand, PutRolePolicyCommand} from '@aws-sdk/client-iam';
import {CreateSecretCommand} from '@aws-sdk/client-secrets-manager';
import {CreatePrivateDnsNamespaceCommand, CreateServiceCommand, GetOperationCommand} from '@aws-sdk/client-servicediscovery';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {AWS_NETWORK, createAwsClientFactory, type AwsClientFactory} from '../../source/adapters/aws/client-factory.js';
import {createConfProfileStore} from '../../source/adapters/conf-profile-store.js';
import {main} from '../../source/cli.js';
import type {Profile} from '../../source/domain/model.js';
import {ECS_TASK_EXECUTION_ROLE_POLICY_ARN, executionRoleTrustPolicy} from '../../source/domain/policy.js';
import {CLOSED_ENDPOINT, findMotoServer, motoEnv, startMoto, type MotoServer} from '../helpers/moto.js';
import {seedLoadBalancer} from '../helpers/load-balancer-seed.js';

const ACCOUNT = '123456789012';
const ECR_HOST = `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com`;
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/ecsTaskExecutionRole`;
/** A valid image manifest for moto's PutImage (the content does not matter). */
const MANIFEST = JSON.stringify({
  schemaVersion: 2,
  mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
  config: {mediaType: 'application/vnd.docker.container.image.v1+json', size: 7023, digest: `sha256:${'b5'.repeat(32)}`},
  layers: [],
});

const CONTAINER_SPEC = `{
  "family": "web",
  "executionRoleArn": "\${EXECUTION_ROLE}",
  "networkMode": "awsvpc",
  "requiresCompatibilities": ["FARGATE"],
  "cpu": "256",
  "memory": "512",
  "containerDefinitions": [
    {
      "name": "\${CONTAINER_NAME}",
      "image": "\${DOCKER_IMAGE_NAME}",
      "essential": true,
      "portMappings": [{"containerPort": \${serviceVariable.port}, "protocol": "tcp"}],
      "logConfiguration": {
        "logDriver": "awslogs",
        "options": {"awslogs-group": "/ecs/web", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "ecs"}
      }
    }
  ]
}`;

const serviceSpec = (registryArn: string): string => `{
  "placementConstraints": [],
  "placementStrategy": [],
  "healthCheckGracePeriodSeconds": null,
  "schedulingStrategy": "REPLICA",
  "serviceRegistries": [{"registryArn": "${registryArn}", "containerName": "\${CONTAINER_NAME}", "containerPort": \${serviceVariable.port}}]
}`;

function webProfile(network: {subnet: string; securityGroup: string}, registryArn: string): Profile {
  return {
    name: 'web',
    application: 'Shop',
    service: {
      name: 'web',
      artifact: {registry: 'ecr', host: ECR_HOST, image: 'team/web', tag: '1.0'},
      launchType: 'FARGATE',
      containerSpec: {mode: 'json', json: CONTAINER_SPEC},
      serviceSpec: serviceSpec(registryArn),
      variables: {port: '8080'},
    },
    environments: [
      {
        name: 'staging',
        region: 'us-east-1',
        cluster: 'shop-staging',
        launchType: 'FARGATE',
        network: {subnets: [network.subnet], securityGroups: [network.securityGroup], assignPublicIp: true},
        executionRoleArn: ROLE_ARN,
        overrides: {},
      },
    ],
    runs: [],
    createdAt: '2026-01-15T09:00:00.000Z',
    updatedAt: '2026-01-15T09:00:00.000Z',
  };
}

const motoMissing = findMotoServer() === undefined && process.env.CI !== 'true';

describe.skipIf(motoMissing)('ecs-wizard deploy against moto (MOTO_ECS_SERVICE_RUNNING=1)', () => {
  let moto: MotoServer;
  let factory: AwsClientFactory;
  let env: Record<string, string>;
  let configDir: string;
  let network: {subnet: string; securityGroup: string};
  let registryArn: string;
  let secretArn: string;

  /** `ecs-wizard …` in-process, no terminal, with the real composition root. */
  async function cli(argv: string[], extraEnv: Record<string, string> = {}) {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = '';
    let err = '';
    stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const code = await main({argv, env: {...env, ...extraEnv}, io: {stdin: Readable.from([]), stdout, stderr}});
    return {code, out, err};
  }

  beforeAll(async () => {
    moto = await startMoto({env: {MOTO_ECS_SERVICE_RUNNING: '1'}});
    configDir = mkdtempSync(join(tmpdir(), 'ecs-wizard-deploy-'));
    env = {...motoEnv(moto.url), ECS_WIZARD_CONFIG_DIR: configDir, CI: 'true'};
    factory = createAwsClientFactory({env, userAgent: 'ecs-wizard/test'});

    const ecr = await factory.client('ecr');
    await ecr.send(new CreateRepositoryCommand({repositoryName: 'team/web'}));
    await ecr.send(new PutImageCommand({repositoryName: 'team/web', imageTag: '1.0', imageManifest: MANIFEST}));

    const iam = await factory.iam();
    await iam.send(new CreateRoleCommand({RoleName: 'ecsTaskExecutionRole', AssumeRolePolicyDocument: JSON.stringify(executionRoleTrustPolicy())}));
    // What lets it pull from ECR and write logs (moto serves the AWS managed policies: MOTO_IAM_LOAD_MANAGED_POLICIES).
    await iam.send(new AttachRolePolicyCommand({RoleName: 'ecsTaskExecutionRole', PolicyArn: ECS_TASK_EXECUTION_ROLE_POLICY_ARN}));

    const ec2 = await factory.client('ec2');
    const vpc = await ec2.send(new CreateVpcCommand({CidrBlock: '10.40.0.0/16'}));
    const vpcId = vpc.Vpc?.VpcId ?? '';
    const subnet = await ec2.send(new CreateSubnetCommand({VpcId: vpcId, CidrBlock: '10.40.1.0/24'}));
    const group = await ec2.send(new CreateSecurityGroupCommand({GroupName: 'web', Description: 'web', VpcId: vpcId}));
    network = {subnet: subnet.Subnet?.SubnetId ?? '', securityGroup: group.GroupId ?? ''};

    const discovery = await factory.client('servicediscovery');
    const operation = await discovery.send(new CreatePrivateDnsNamespaceCommand({Name: 'shop.internal', Vpc: vpcId}));
    const namespaceId = (await discovery.send(new GetOperationCommand({OperationId: operation.OperationId ?? ''}))).Operation?.Targets?.NAMESPACE ?? '';
    registryArn =
      (await discovery.send(new CreateServiceCommand({Name: 'web', NamespaceId: namespaceId, DnsConfig: {DnsRecords: [{Type: 'SRV', TTL: 60}]}}))).Service
        ?.Arn ?? '';

    const logs = await factory.client('logs');
    await logs.send(new CreateLogGroupCommand({logGroupName: '/ecs/web'}));

    const secrets = await factory.client('secretsmanager');
    secretArn = (await secrets.send(new CreateSecretCommand({Name: 'registry-creds', SecretString: '{"username":"u","password":"p"}'}))).ARN ?? '';

    await createConfProfileStore({env}).save(webProfile(network, registryArn));
  });

  afterAll(async () => {
    factory?.destroy();
    await moto?.stop();
    if (configDir) rmSync(configDir, {recursive: true, force: true});
  });

  test('deploy --yes --tag: registers the rendered task definition, creates the service, exits 0; the same spec again registers nothing', async () => {
    const first = await cli(['deploy', 'web', '--yes', '--tag', '1.0']);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/check network: ok — awsvpc: 1 subnet, 1 security group, public IP on; they exist \(vpc-\w+\)/);
    expect(first.out).toContain('check execution-role: ok — ecsTaskExecutionRole exists and trusts ecs-tasks.amazonaws.com');
    expect(first.out).toContain(`check image: ok — ${ECR_HOST}/team/web:1.0 exists`);
    expect(first.out).toContain('check service-discovery: ok — web (SRV) exists; serviceRegistries fit its records');
    expect(first.out).toContain('check log-group: ok — log group /ecs/web exists (us-east-1)');
    expect(first.out).toContain('register: done — registered web:1');
    expect(first.out).toMatch(/deployed: web:1 is running 1\/1 tasks \[exit 0,/);

    const ecs = await factory.ecs();
    const described = (await ecs.send(new DescribeTaskDefinitionCommand({taskDefinition: 'web'}))).taskDefinition!;
    expect(described.revision).toBe(1);
    expect(described.executionRoleArn).toBe(ROLE_ARN);
    expect(described.containerDefinitions?.map((container) => ({name: container.name, image: container.image}))).toEqual([
      {name: 'team_web_1_0', image: `${ECR_HOST}/team/web:1.0`},
    ]);
    expect(described.containerDefinitions?.[0]?.portMappings?.[0]?.containerPort).toBe(8080);

    const service = (await ecs.send(new DescribeServicesCommand({cluster: 'shop-staging', services: ['web']}))).services![0]!;
    expect(service.status).toBe('ACTIVE');
    expect(service.taskDefinition).toBe(`arn:aws:ecs:us-east-1:${ACCOUNT}:task-definition/web:1`);
    expect(service.launchType).toBe('FARGATE');
    expect(service.networkConfiguration?.awsvpcConfiguration).toEqual({
      subnets: [network.subnet],
      securityGroups: [network.securityGroup],
      assignPublicIp: 'ENABLED',
    });
    expect(service.serviceRegistries).toEqual([{registryArn, containerName: 'team_web_1_0', containerPort: 8080}]);

    const second = await cli(['deploy', 'web', '--yes', '--tag', '1.0']);
    expect(second.code).toBe(0);
    expect(second.out).toContain("register: skipped — web:1 is unchanged (the service's revision): no new revision");
    const revisions = (await ecs.send(new ListTaskDefinitionsCommand({familyPrefix: 'web'}))).taskDefinitionArns;
    expect(revisions).toEqual([`arn:aws:ecs:us-east-1:${ACCOUNT}:task-definition/web:1`]);

    const saved = await createConfProfileStore({env}).get('web');
    expect(saved?.runs.map((run) => [run.tag, run.revision, run.outcome])).toEqual([
      ['1.0', 1, 'deployed'],
      ['1.0', 1, 'deployed'],
    ]);
    expect(saved?.runs[0]?.digest).toMatch(/^sha256:/);
  });

  test('diff --exit-code after the deploy: 0 (moto keeps no deploymentConfiguration from CreateService, the update above set it)', async () => {
    const {code, out} = await cli(['diff', 'web', '--exit-code']);
    expect(out).toContain('Plan: no changes');
    expect(code).toBe(0);
  });

  test("verify: a tag that is not in ECR fails; the registry secret is checked against the role's own policy documents", async () => {
    const missingTag = await cli(['verify', 'web', '--tag', '9.9']);
    expect(missingTag.code).toBe(1);
    expect(missingTag.out).toContain('✗ image');
    expect(missingTag.out).toContain('tag 9.9 is not in');

    const store = createConfProfileStore({env});
    const profile = (await store.get('web'))!;
    await store.save({...profile, name: 'web-private', service: {...profile.service, registryAuth: {credentialsSecretArn: secretArn}}});
    const denied = await cli(['verify', 'web-private']);
    expect(denied.code).toBe(1);
    expect(denied.out).toContain(`ecsTaskExecutionRole may not read registry-creds: no policy allows secretsmanager:GetSecretValue on ${secretArn}`);
    expect(denied.out).toContain('aws iam put-role-policy --role-name ecsTaskExecutionRole');

    const iam = await factory.iam();
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: 'ecsTaskExecutionRole',
        PolicyName: 'read-registry-creds',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: 'arn:aws:secretsmanager:us-east-1:*:secret:registry-creds-*'}],
        }),
      }),
    );
    const allowed = await cli(['verify', 'web-private']);
    expect(allowed.out).toContain(
      "✓ registry-credentials  registry-creds exists and ecsTaskExecutionRole may read it (the role's policies: read-registry-creds)",
    );
    expect(allowed.code).toBe(0);
  });

  test('moto keeps no ECS service deployment records: watch says so once and judges from DescribeServices (exit 0)', async () => {
    const {code, out} = await cli(['watch', 'web']);
    const said = out.match(/ECS service deployment records are not available here \(.*\); judging from DescribeServices/g) ?? [];
    expect(said).toEqual([
      expect.stringMatching(
        /^ECS service deployment records are not available here \(http:\/\/127\.0\.0\.1:\d+ does not implement ecs:ListServiceDeployments \(HTTP 500 without an AWS error response\)\); judging from DescribeServices$/,
      ),
    ]);
    expect(out).toMatch(/deployed: web:1 is running 1\/1 tasks \[exit 0, \d+s, \d+ ECS API calls\]/);
    expect(code).toBe(0);
  });

  test('verify: the execution role may pull from ECR and write its logs — the managed policy counts; without it, exit 1 naming each action, resource and the fix', async () => {
    const passing = await cli(['verify', 'web']);
    expect(passing.out).toContain(
      "✓ ecr-pull  ecsTaskExecutionRole may pull from ECR (team/web): ecr:GetAuthorizationToken, ecr:BatchGetImage, ecr:GetDownloadUrlForLayer (the role's policies: AmazonECSTaskExecutionRolePolicy)",
    );
    expect(passing.out).toContain(
      "✓ log-write  ecsTaskExecutionRole may write to log group /ecs/web: logs:CreateLogStream, logs:PutLogEvents (the role's policies: AmazonECSTaskExecutionRolePolicy)",
    );
    expect(passing.code).toBe(0);

    const iam = await factory.iam();
    await iam.send(new DetachRolePolicyCommand({RoleName: 'ecsTaskExecutionRole', PolicyArn: ECS_TASK_EXECUTION_ROLE_POLICY_ARN}));
    try {
      const failing = await cli(['verify', 'web']);
      expect(failing.code).toBe(1);
      const repository = `arn:aws:ecr:us-east-1:${ACCOUNT}:repository/team/web`;
      const group = `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/ecs/web`;
      const text = failing.out.replace(/\s+/g, ' ');
      expect(text).toContain(
        `✗ ecr-pull ecsTaskExecutionRole may not pull from ECR (team/web): no policy allows ecr:GetAuthorizationToken on *, ecr:BatchGetImage on ${repository}, ecr:GetDownloadUrlForLayer on ${repository}`,
      );
      expect(text).toContain(`{"Effect":"Allow","Action":["ecr:BatchGetImage","ecr:GetDownloadUrlForLayer"],"Resource":"${repository}"}`);
      expect(text).toContain(
        `✗ log-write ecsTaskExecutionRole may not write to log group /ecs/web: no policy allows logs:CreateLogStream on ${group}:log-stream:ecs/`,
      );
      expect(text).toContain(`{"Effect":"Allow","Action":["logs:CreateLogStream","logs:PutLogEvents"],"Resource":"${group}:*"}`);
      expect(text).toContain(`or attach ${ECS_TASK_EXECUTION_ROLE_POLICY_ARN}`);
    } finally {
      await iam.send(new AttachRolePolicyCommand({RoleName: 'ecsTaskExecutionRole', PolicyArn: ECS_TASK_EXECUTION_ROLE_POLICY_ARN}));
    }
  });

  test('verify: a blue/green load balancer wiring — the traffic role not trusting ECS fails naming the fix (exit 1); the right role passes', async () => {
    const seed = await seedLoadBalancer(factory);
    const store = createConfProfileStore({env});
    const profile = (await store.get('web'))!;
    const withWiring = (roleArn: string): Profile => ({
      ...profile,
      name: 'web-lb',
      service: {
        ...profile.service,
        serviceSpec: profile.service.serviceSpec.replace(
          '"schedulingStrategy": "REPLICA",',
          `"schedulingStrategy": "REPLICA", "deploymentConfiguration": {"strategy": "BLUE_GREEN", "bakeTimeInMinutes": 5}, "loadBalancers": [{"targetGroupArn": "${seed.blue}", "containerName": "\${CONTAINER_NAME}", "containerPort": 8080, "advancedConfiguration": {"alternateTargetGroupArn": "${seed.green}", "productionListenerRule": "${seed.apiRule}", "roleArn": "${roleArn}"}}],`,
        ),
      },
    });
    await store.save(withWiring(seed.tasksRole), {overwrite: true});
    const failing = await cli(['verify', 'web-lb']);
    const text = failing.out.replace(/\s+/g, ' ');
    expect(text).toContain('✓ load-balancer web-blue (type ip, HTTP:80) on web; alternate web-green; production rule found');
    expect(text).toContain('✗ traffic-role the role tasks-only does not trust ecs.amazonaws.com: ECS cannot assume it');
    expect(text).toContain('{"Effect":"Allow","Principal":{"Service":"ecs.amazonaws.com"},"Action":"sts:AssumeRole"}');
    expect(failing.code).toBe(1);
    await store.save(withWiring(seed.trafficRole), {overwrite: true});
    const passing = await cli(['verify', 'web-lb']);
    expect(passing.out.replace(/\s+/g, ' ')).toContain('✓ traffic-role seeded-traffic-role trusts ecs.amazonaws.com and may elasticloadbalancing:ModifyRule');
    expect(passing.code).toBe(0);
  });

  // "Quick", without a clock: the connection was refused at once (not waited out on a timeout), a bounded number of times.
  test('offline (a closed endpoint): a quick, clear "cannot reach AWS", exit 1', async () => {
    const {code, out} = await cli(['deploy', 'web', '--yes'], {AWS_ENDPOINT_URL: CLOSED_ENDPOINT});
    expect(code).toBe(1);
    expect(out).toContain(`plan: failed — cannot reach AWS at ${CLOSED_ENDPOINT}`);
    const refused = /cannot reach AWS at \S+ \([\w:-]+: ECONNREFUSED(?:, (\d+) attempts)?\)/.exec(out);
    expect(refused, out).not.toBeNull();
    expect(Number(refused?.[1] ?? 1)).toBeLessThanOrEqual(AWS_NETWORK.maxAttempts);
  });
});
