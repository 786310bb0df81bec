/**
 * `ecs-wizard import --from-copilot` against moto: the environment's stack `shop-test` (with the outputs Copilot's
 * environment template exports: ClusterId, PublicSubnets, PrivateSubnets, EnvironmentSecurityGroup,
 * EnvironmentManagerRoleARN, the load balancer's DNS name and HTTP listener), the ALB, its listener, frontend's target
 * group and listener rule, and two live services, registered and created the way Copilot's CloudFormation templates
 * render them (written here by hand from copilot-cli's templates, not by ecs-wizard): `frontend` exactly as its
 * manifest says, behind its target group → its load balancer shows no difference, its health check and rule are
 * compared with ELB's; `api` on Service Connect and drifted (its memory changed and a variable added outside
 * Copilot) → the differences, listed. moto drops service settings ECS describes (deploymentConfiguration,
 * enableExecuteCommand, healthCheckGracePeriodSeconds, Service Connect): the command's output shows them as
 * differences, and the second test puts them back as ECS would describe them.
 */
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {PassThrough, Readable} from 'node:stream';
import {CloudFormationClient, CreateStackCommand} from '@aws-sdk/client-cloudformation';
import {CreateClusterCommand, CreateServiceCommand, ECSClient, RegisterTaskDefinitionCommand} from '@aws-sdk/client-ecs';
import {CreateSecurityGroupCommand, CreateSubnetCommand, CreateVpcCommand, EC2Client} from '@aws-sdk/client-ec2';
import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateRuleCommand,
  CreateTargetGroupCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {createAwsClientFactory} from '../../source/adapters/aws/client-factory.js';
import {createCloudFormationPort} from '../../source/adapters/aws/cloudformation.js';
import {createEcsPort} from '../../source/adapters/aws/ecs.js';
import {createLoadBalancingPort} from '../../source/adapters/aws/elbv2.js';
import {createConfProfileStore} from '../../source/adapters/conf-profile-store.js';
import {readCopilotFolder} from '../../source/adapters/copilot-workspace.js';
import {planMigration, readWorkspace} from '../../source/domain/import/copilot/workspace.js';
import {compareWithLive, learnFromAws} from '../../source/operations/import-copilot.js';
import type {EcsPort} from '../../source/ports/ecs.js';
import {main} from '../../source/cli.js';
import {MOTO_REGION, useMoto} from '../helpers/moto.js';

const WORKSPACE = join(import.meta.dirname, '../fixtures/copilot/live');
const ACCOUNT = '123456789012';
const CLUSTER = 'shop-test-Cluster-Xq7Lm2Pz9Rk1';
const LB_DNS = 'shop-Publi-1A2B3C4D5E6F-1234567890.us-east-1.elb.amazonaws.com';
const ECR = `${ACCOUNT}.dkr.ecr.${MOTO_REGION}.amazonaws.com`;
const role = (name: string): string => `arn:aws:iam::${ACCOUNT}:role/${name}`;
const copilotTags = (service: string) => [
  {key: 'copilot-application', value: 'shop'},
  {key: 'copilot-environment', value: 'test'},
  {key: 'copilot-service', value: service},
];
const logs = (service: string) => ({
  logDriver: 'awslogs' as const,
  options: {'awslogs-region': MOTO_REGION, 'awslogs-group': `/copilot/shop-test-${service}`, 'awslogs-stream-prefix': 'copilot'},
});
const API_SERVICE_CONNECT = {
  enabled: true,
  namespace: 'test.shop.local',
  logConfiguration: {
    logDriver: 'awslogs' as const,
    options: {'awslogs-region': MOTO_REGION, 'awslogs-group': '/copilot/shop-test-api', 'awslogs-stream-prefix': 'copilot'},
  },
  services: [{portName: 'target', discoveryName: 'api-sc', clientAliases: [{port: 80, dnsName: 'api'}]}],
};
const copilotVariables = (service: string) => [
  {name: 'COPILOT_APPLICATION_NAME', value: 'shop'},
  {name: 'COPILOT_SERVICE_DISCOVERY_ENDPOINT', value: 'test.shop.local'},
  {name: 'COPILOT_ENVIRONMENT_NAME', value: 'test'},
  {name: 'COPILOT_SERVICE_NAME', value: service},
];

describe('import --from-copilot with AWS (moto): the environment stack and the live services', () => {
  const moto = useMoto();
  let configDir: string;
  let subnets: string[];
  let group: string;
  let targetGroup: string;

  async function cli(argv: string[]) {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = '';
    let err = '';
    stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const env = {...moto.env, ECS_WIZARD_CONFIG_DIR: configDir, CI: 'true'};
    const code = await main({argv, env, io: {stdin: Readable.from([]), stdout, stderr}});
    return {code, out, err};
  }

  beforeAll(async () => {
    configDir = mkdtempSync(join(tmpdir(), 'ecs-wizard-copilot-'));
    if (moto.skipped) return;
    const config = {region: MOTO_REGION, endpoint: moto.url, credentials: {accessKeyId: 'test', secretAccessKey: 'test'}};
    const ec2 = new EC2Client(config);
    const vpc = await ec2.send(new CreateVpcCommand({CidrBlock: '10.7.0.0/16'}));
    subnets = [];
    for (const [CidrBlock, AvailabilityZone] of [
      ['10.7.0.0/24', `${MOTO_REGION}a`],
      ['10.7.1.0/24', `${MOTO_REGION}b`],
      ['10.7.2.0/24', `${MOTO_REGION}a`],
      ['10.7.3.0/24', `${MOTO_REGION}b`],
    ] as const) {
      subnets.push((await ec2.send(new CreateSubnetCommand({VpcId: vpc.Vpc!.VpcId!, CidrBlock, AvailabilityZone}))).Subnet!.SubnetId!);
    }
    group = (await ec2.send(new CreateSecurityGroupCommand({GroupName: 'shop-test-env', Description: 'env', VpcId: vpc.Vpc!.VpcId!}))).GroupId!;
    ec2.destroy();

    // The environment stack's public ALB and HTTP listener; frontend's stack: its target group and listener rule (lb-web/cf.yml, alb.yml).
    const elb = new ElasticLoadBalancingV2Client(config);
    const balancer = (
      await elb.send(new CreateLoadBalancerCommand({Name: 'shop-Publi-1A2B3C4D5E6F', Subnets: [subnets[0]!, subnets[1]!], Type: 'application'}))
    ).LoadBalancers![0]!.LoadBalancerArn!;
    const listener = (
      await elb.send(
        new CreateListenerCommand({
          LoadBalancerArn: balancer,
          Protocol: 'HTTP',
          Port: 80,
          DefaultActions: [{Type: 'fixed-response', FixedResponseConfig: {StatusCode: '403', ContentType: 'text/plain'}}],
        }),
      )
    ).Listeners![0]!.ListenerArn!;
    targetGroup = (
      await elb.send(
        new CreateTargetGroupCommand({
          Name: 'shop-t-Targe-1QWERTY',
          Protocol: 'HTTP',
          Port: 8080,
          VpcId: vpc.Vpc!.VpcId!,
          TargetType: 'ip',
          HealthCheckPath: '/_healthz',
          Matcher: {HttpCode: '200'},
        }),
      )
    ).TargetGroups![0]!.TargetGroupArn!;
    await elb.send(
      new CreateRuleCommand({
        ListenerArn: listener,
        Priority: 1,
        Conditions: [{Field: 'path-pattern', Values: ['/*']}],
        Actions: [{Type: 'forward', TargetGroupArn: targetGroup}],
      }),
    );
    elb.destroy();

    const cloudFormation = new CloudFormationClient(config);
    const template = {
      Resources: {Topic: {Type: 'AWS::SNS::Topic', Properties: {TopicName: 'shop-test-copilot'}}},
      Outputs: {
        VpcId: {Value: vpc.Vpc!.VpcId!},
        ClusterId: {Value: CLUSTER},
        PublicSubnets: {Value: `${subnets[0]},${subnets[1]}`},
        PrivateSubnets: {Value: `${subnets[2]},${subnets[3]}`},
        EnvironmentSecurityGroup: {Value: group},
        EnvironmentManagerRoleARN: {Value: role('shop-test-EnvManagerRole')},
        PublicLoadBalancerDNSName: {Value: LB_DNS},
        HTTPListenerArn: {Value: listener},
      },
    };
    await cloudFormation.send(new CreateStackCommand({StackName: 'shop-test', TemplateBody: JSON.stringify(template)}));
    cloudFormation.destroy();

    const ecs = new ECSClient(config);
    await ecs.send(new CreateClusterCommand({clusterName: CLUSTER}));
    // frontend: as Copilot's lb-web template renders its manifest.
    await ecs.send(
      new RegisterTaskDefinitionCommand({
        family: 'shop-test-frontend',
        taskRoleArn: role('shop-test-frontend-TaskRole-1A2B3C4D5E6F'),
        executionRoleArn: role('shop-test-frontend-ExecutionRole-6F5E4D3C2B1A'),
        networkMode: 'awsvpc',
        requiresCompatibilities: ['FARGATE'],
        cpu: '256',
        memory: '512',
        containerDefinitions: [
          {
            name: 'frontend',
            image: `${ECR}/shop/frontend:7f3c2a1`,
            essential: true,
            portMappings: [{containerPort: 8080, protocol: 'tcp'}],
            environment: [...copilotVariables('frontend'), {name: 'COPILOT_LB_DNS', value: LB_DNS}, {name: 'LOG_LEVEL', value: 'info'}],
            secrets: [
              {name: 'DB_PASSWORD', valueFrom: `arn:aws:secretsmanager:${MOTO_REGION}:${ACCOUNT}:secret:shop/test/db`},
              {name: 'GITHUB_TOKEN', valueFrom: 'GH_TOKEN_SECRET'},
            ],
            logConfiguration: logs('frontend'),
          },
        ],
        tags: copilotTags('frontend'),
      }),
    );
    await ecs.send(
      new CreateServiceCommand({
        cluster: CLUSTER,
        serviceName: 'shop-test-frontend-Service-Q1w2E3r4T5y6',
        taskDefinition: 'shop-test-frontend',
        desiredCount: 2,
        healthCheckGracePeriodSeconds: 60,
        loadBalancers: [{targetGroupArn: targetGroup, containerName: 'frontend', containerPort: 8080}],
        launchType: 'FARGATE',
        platformVersion: 'LATEST',
        propagateTags: 'SERVICE',
        enableExecuteCommand: true,
        deploymentConfiguration: {
          deploymentCircuitBreaker: {enable: true, rollback: true},
          maximumPercent: 200,
          minimumHealthyPercent: 100,
          alarms: {alarmNames: [], enable: false, rollback: true},
        },
        networkConfiguration: {awsvpcConfiguration: {subnets: [subnets[0]!, subnets[1]!], securityGroups: [group], assignPublicIp: 'ENABLED'}},
        tags: copilotTags('frontend'),
      }),
    );
    // api: drifted since Copilot deployed it — 2048 MiB instead of the manifest's 1024, and a variable added by hand.
    await ecs.send(
      new RegisterTaskDefinitionCommand({
        family: 'shop-test-api',
        taskRoleArn: role('shop-test-api-TaskRole-0A9B8C7D6E5F'),
        executionRoleArn: role('shop-test-api-ExecutionRole-5F6E7D8C9B0A'),
        networkMode: 'awsvpc',
        requiresCompatibilities: ['FARGATE'],
        cpu: '512',
        memory: '2048',
        containerDefinitions: [
          {
            name: 'api',
            image: 'nginx:1.27',
            essential: true,
            portMappings: [{containerPort: 80, protocol: 'tcp', name: 'target'}],
            environment: [...copilotVariables('api'), {name: 'DEBUG', value: 'true'}],
            logConfiguration: logs('api'),
          },
        ],
        tags: copilotTags('api'),
      }),
    );
    await ecs.send(
      new CreateServiceCommand({
        cluster: CLUSTER,
        serviceName: 'shop-test-api-Service-Z9x8C7v6B5n4',
        taskDefinition: 'shop-test-api',
        desiredCount: 1,
        launchType: 'FARGATE',
        platformVersion: 'LATEST',
        propagateTags: 'SERVICE',
        networkConfiguration: {awsvpcConfiguration: {subnets: [subnets[2]!, subnets[3]!], securityGroups: [group], assignPublicIp: 'DISABLED'}},
        // network.connect: true, as service-base-properties.yml renders it (moto accepts it, and does not describe it).
        serviceConnectConfiguration: API_SERVICE_CONNECT,
        tags: copilotTags('api'),
      }),
    );
    ecs.destroy();
  });
  afterAll(() => rmSync(configDir, {recursive: true, force: true}));

  test('the stack gives the cluster, subnets and security group; each live service is compared with its profile', async () => {
    const result = await cli(['import', '--from-copilot', WORKSPACE]);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const out = result.out;
    expect(out).toContain(`AWS read: test: stack shop-test (cluster ${CLUSTER}, 8 outputs)`);
    expect(out).toContain(
      `AWS read: frontend in test: service shop-test-frontend-Service-Q1w2E3r4T5y6 (${CLUSTER}/shop-test-frontend-Service-Q1w2E3r4T5y6, shop-test-frontend:1)`,
    );
    // moto keeps neither deploymentConfiguration, enableExecuteCommand nor healthCheckGracePeriodSeconds (see
    // MOTO_DROPS in adopt.test.ts): those, and only those, differ for frontend here — its load balancer does not;
    // with them described as ECS describes them, nothing does (next test).
    expect(section(out, 'frontend')).toContain(
      [
        '  test (tag 7f3c2a1): 3 differences from what runs:',
        '    service deploymentConfiguration: + {"deploymentCircuitBreaker":{"enable":true,"rollback":true},"alarms":{"rollback":true}}',
        '    service enableExecuteCommand: + true',
        '    service healthCheckGracePeriodSeconds: + 60',
      ].join('\n'),
    );
    // The health check and the rule, compared with what ELB has (the profile holds neither).
    expect(section(out, 'frontend')).toContain('the target group health check path /_healthz: as ELB has it');
    expect(section(out, 'frontend')).toContain('the target group health check success codes: the manifest says 200,301, ELB has 200');
    expect(section(out, 'frontend')).toContain('the listener rule path-pattern /*: as ELB has it');
    // network.connect: the serviceConnectConfiguration Copilot created api with; moto accepted it and describes none.
    expect(section(out, 'api')).toContain(
      '    service serviceConnectConfiguration: + {"enabled":true,"namespace":"test.shop.local","logConfiguration":{"logDriver":"awslogs","options":{"awslogs-region":"us-east-1","awslogs-group":"/copilot/shop-test-api","awslogs-stream-prefix":"copilot"}},"services":[{"portName":"target","discoveryName":"api-sc","clientAliases":[{"port":80,"dnsName":"api"}]}]}\n',
    );
    expect(section(out, 'api')).toContain(
      '    task definition memory: "2048" → "1024"\n    task definition containerDefinitions[api].environment[DEBUG]: - "true"\n',
    );
    expect(section(out, 'frontend')).toContain('\n  test: renders, and passes the validator\n');
    expect(out).toContain('Saved: shop-api, shop-frontend');

    const store = createConfProfileStore({env: {ECS_WIZARD_CONFIG_DIR: configDir}});
    const frontend = (await store.get('shop-frontend'))!;
    expect(frontend.service.artifact).toEqual({registry: 'ecr', host: ECR, image: 'shop/frontend', tag: '7f3c2a1'});
    expect(frontend.service.adopted).toBe(true);
    // The load balancer as it runs: the target group Copilot's stack created, the container and port.
    expect(JSON.parse(frontend.service.serviceSpec)).toMatchObject({
      healthCheckGracePeriodSeconds: 60,
      loadBalancers: [{targetGroupArn: targetGroup, containerName: '${CONTAINER_NAME}', containerPort: 8080}],
    });
    // api (private subnets, its own execution role) keeps the application environment test; frontend (public
    // subnets, its own role) gets test-2: an application environment holds one network and one role.
    expect(out).toContain("frontend uses the application environment test-2: in Copilot's test its settings differ from the first service's (");
    expect(frontend.environments).toEqual([
      {
        name: 'test-2',
        region: MOTO_REGION,
        cluster: CLUSTER,
        launchType: 'FARGATE',
        network: {subnets: [subnets[0], subnets[1]], securityGroups: [group], assignPublicIp: true},
        executionRoleArn: role('shop-test-frontend-ExecutionRole-6F5E4D3C2B1A'),
        overrides: {},
        provisioner: {kind: 'cloudformation', stack: 'shop-test', region: MOTO_REGION, outputs: {cluster: 'ClusterId'}},
      },
    ]);
    // `ecs-wizard diff` after the import: nothing about the load balancer (only what moto drops, above).
    const diff = await cli(['diff', 'shop-frontend', '--env', 'test-2', '--tag', '7f3c2a1']);
    expect(diff.code).toBe(0);
    expect(diff.out).toContain('healthCheckGracePeriodSeconds');
    expect(diff.out + diff.err).not.toContain('loadBalancers');
    expect(diff.out + diff.err).not.toContain('targetGroup');
    const api = (await store.get('shop-api'))!;
    expect(api.environments[0]?.network).toEqual({subnets: [subnets[2], subnets[3]], securityGroups: [group], assignPublicIp: false});
  });

  test('with the service settings ECS describes and moto drops: frontend has no differences, api exactly its drift', async () => {
    const factory = createAwsClientFactory({env: moto.env, userAgent: 'ecs-wizard/test'});
    try {
      const ecs = withEcsSettings(await createEcsPort(factory));
      const files = await readCopilotFolder(join(WORKSPACE, 'copilot'), Readable.from([]));
      const read = readWorkspace(files);
      if (!read.ok) throw new Error('the fixture reads');
      const now = '2026-12-06T00:00:00.000Z';
      const learned = await learnFromAws(
        read.workspace,
        {cloudFormation: () => createCloudFormationPort(factory), ecs: async () => ecs, loadBalancing: () => createLoadBalancingPort(factory)},
        MOTO_REGION,
        now,
      );
      expect(learned.gaps).toEqual([]);
      const migration = planMigration(read, {region: MOTO_REGION, now, aws: learned.state});
      const compared = await compareWithLive(migration, learned.state, async () => ecs);
      expect(compared).toEqual([
        {
          service: 'api',
          environment: 'test',
          tag: '1.27',
          outcome: 'different',
          lines: ['task definition memory: "2048" → "1024"', 'task definition containerDefinitions[api].environment[DEBUG]: - "true"'],
        },
        {service: 'frontend', environment: 'test', tag: '7f3c2a1', outcome: 'same', lines: []},
      ]);
      // Elastic Load Balancing out of reach: only the comparison with ELB is lost, never a live service or its load balancer.
      const withoutElb = await learnFromAws(
        read.workspace,
        {
          cloudFormation: () => createCloudFormationPort(factory),
          ecs: async () => ecs,
          loadBalancing: async () => {
            throw new Error('Elastic Load Balancing could not be reached');
          },
        },
        MOTO_REGION,
        now,
      );
      expect(withoutElb.gaps).toEqual(['frontend in test: Elastic Load Balancing could not be read (Elastic Load Balancing could not be reached)']);
      expect(withoutElb.state.services['frontend']?.['test']?.loadBalancers).toEqual([
        {targetGroupArn: targetGroup, containerName: 'frontend', containerPort: 8080},
      ]);
    } finally {
      factory.destroy();
    }
  });
});

/** One service's block of the report: from its heading to the next blank line. */
function section(out: string, service: string): string {
  const start = out.indexOf(`\n${service} (`);
  const end = out.indexOf('\n\n', start + 1);
  return out.slice(start, end === -1 ? undefined : end + 1);
}

/**
 * ECS describes a service's deploymentConfiguration and enableExecuteCommand; moto 5 drops both from
 * DescribeServices. This port puts back what the test created them with (the same values for both services), so
 * that the comparison sees what ECS would show.
 */
function withEcsSettings(ecs: EcsPort): EcsPort {
  const deploymentConfiguration = {
    deploymentCircuitBreaker: {enable: true, rollback: true},
    maximumPercent: 200,
    minimumHealthyPercent: 100,
    alarms: {alarmNames: [], enable: false, rollback: true},
  };
  // healthCheckGracePeriodSeconds: frontend was created with Copilot's 60 s.
  const execute: Record<string, boolean> = {'shop-test-frontend-Service-Q1w2E3r4T5y6': true, 'shop-test-api-Service-Z9x8C7v6B5n4': false};
  return Object.assign(Object.create(ecs) as EcsPort, {
    async describeServices(cluster: string, services: string[]) {
      const states = await ecs.describeServices(cluster, services);
      return states.map((state) => ({
        ...state,
        raw: {
          ...state.raw,
          deploymentConfiguration,
          enableExecuteCommand: execute[state.serviceName] ?? false,
          ...(state.serviceName.includes('frontend') ? {healthCheckGracePeriodSeconds: 60} : {}),
          // ECS describes Service Connect on each deployment; moto keeps none.
          ...(state.serviceName.includes('api') ? {deployments: withServiceConnect(state.raw['deployments'])} : {}),
        },
      }));
    },
  });
}

/** The deployments with the PRIMARY one's serviceConnectConfiguration as api was created with. */
function withServiceConnect(deployments: unknown): unknown[] {
  const list = Array.isArray(deployments) ? (deployments as Array<Record<string, unknown>>) : [];
  return list.map((deployment) => (deployment['status'] === 'PRIMARY' ? {...deployment, serviceConnectConfiguration: API_SERVICE_CONNECT} : deployment));
}
