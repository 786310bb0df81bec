/**
 * A Copilot workspace of every kind of manifest (test/fixtures/copilot/shop: a Load Balanced Web Service built by
 * Copilot with per-environment overrides and secrets, a Backend Service from an image with Service Connect, private
 * placement, extra security groups, a from_cfn secret and a sidecar, a Worker Service with a queue and a count range,
 * a Scheduled Job, a Request-Driven Web Service; an imported VPC and a VPC Copilot created) mapped offline, and with
 * what AWS would say: the report's notes, and the profiles rendered for each environment.
 */
import {Readable} from 'node:stream';
import {join} from 'node:path';
import {beforeAll, describe, expect, test} from 'vitest';
import {readCopilotFolder} from '../../../../source/adapters/copilot-workspace.js';
import type {CopilotAwsState, CopilotMigration} from '../../../../source/domain/import/copilot/build.js';
import {formatPosition} from '../../../../source/domain/import/copilot/yaml.js';
import {planMigration, readWorkspace, type CopilotFiles} from '../../../../source/domain/import/copilot/workspace.js';
import {renderAndValidate} from '../../../../source/domain/render-and-validate.js';
import type {Profile} from '../../../../source/domain/model.js';

const SHOP = join(import.meta.dirname, '../../../fixtures/copilot/shop/copilot');
const NOW = '2026-12-06T00:00:00.000Z';
const ACCOUNT = '123456789012';
const role = (name: string): string => `arn:aws:iam::${ACCOUNT}:role/${name}`;
const targetGroup = (environment: string): string =>
  `arn:aws:elasticloadbalancing:eu-west-1:${ACCOUNT}:targetgroup/shop-${environment}-frontend/0123456789abcdef`;

let files: CopilotFiles;
beforeAll(async () => {
  files = await readCopilotFolder(SHOP, Readable.from([]));
});

function plan(aws?: CopilotAwsState): CopilotMigration {
  const read = readWorkspace(files);
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return planMigration(read, {region: 'eu-west-1', now: NOW, ...(aws === undefined ? {} : {aws})});
}

const profileOf = (migration: CopilotMigration, service: string): Profile => migration.services.find((item) => item.name === service)!.profile!;

/** What AWS would say about the shop workspace: both environment stacks, and each service running in each. */
function awsState(): CopilotAwsState {
  const environments: CopilotAwsState['environments'] = {};
  const services: CopilotAwsState['services'] = {};
  for (const [environment, digit] of [
    ['prod', '1'],
    ['test', '2'],
  ] as const) {
    environments[environment] = {
      stack: `shop-${environment}`,
      region: 'eu-west-1',
      cluster: `shop-${environment}-Cluster-${digit}AbC`,
      publicSubnets: [`subnet-0000000${digit}a`, `subnet-0000000${digit}b`],
      privateSubnets: [`subnet-0000000${digit}c`, `subnet-0000000${digit}d`],
      securityGroups: [`sg-0000000${digit}e`],
      accountId: ACCOUNT,
      publicLoadBalancerDns: `shop-${environment}-public.eu-west-1.elb.amazonaws.com`,
      internalLoadBalancerDns: `internal-shop-${environment}.eu-west-1.elb.amazonaws.com`,
    };
    for (const service of ['frontend', 'api', 'worker']) {
      (services[service] ??= {})[environment] = {
        serviceName: `shop-${environment}-${service}-Service-${digit}XyZ`,
        cluster: `shop-${environment}-Cluster-${digit}AbC`,
        region: 'eu-west-1',
        executionRoleArn: role(`shop-${environment}-${service}-ExecutionRole-${digit}`),
        taskRoleArn: role(`shop-${environment}-${service}-TaskRole-${digit}`),
        image: service === 'frontend' ? `${ACCOUNT}.dkr.ecr.eu-west-1.amazonaws.com/shop/frontend:abc123${digit}` : undefined,
        environment:
          service === 'worker'
            ? {
                COPILOT_QUEUE_URI: `https://sqs.eu-west-1.amazonaws.com/${ACCOUNT}/shop-${environment}-worker-EventsQueue`,
                ORDERS_TABLE: `shop-${environment}-orders`,
              }
            : {},
        secrets: service === 'api' ? {QUEUE_PASSWORD: `arn:aws:ssm:eu-west-1:${ACCOUNT}:parameter/shop-${environment}-queue-password`} : {},
        accountId: ACCOUNT,
        ...(service === 'frontend' ? {loadBalancers: [{targetGroupArn: targetGroup(environment), containerName: 'frontend', containerPort: 8080}]} : {}),
      };
    }
  }
  return {environments, services};
}

describe('offline: what each service becomes, and every field that is not mapped, by file and line', () => {
  test('the services and what they become', () => {
    expect(plan().services.map((service) => `${service.name}: ${service.becomes}`)).toEqual([
      'api: profile shop-api: a REPLICA service on Fargate · nginx:1.27 · port 80 · environments prod, test',
      'frontend: profile shop-frontend: a REPLICA service on Fargate · ECR shop/frontend (tag at deploy) · port 8080 · environments prod, test',
      'report: not migrated: a Scheduled Job is a task started on a schedule (an EventBridge rule and a Step Functions state machine), not an ECS service',
      'site: not migrated: a Request-Driven Web Service runs on AWS App Runner, not on ECS',
      'worker: profile shop-worker: a REPLICA service on Fargate · public.ecr.aws/acme/worker:2.0.1 · environments prod, test',
    ]);
  });

  test('the fields not mapped (yet), with their positions', () => {
    const migration = plan();
    const lines = [...migration.notes, ...migration.services.flatMap((service) => service.notes)]
      .filter((note) => note.status === 'later' || note.status === 'unmapped')
      .map((note) => `${formatPosition(note.at)} ${note.field} ${note.status}${note.wire === undefined ? '' : ` ${note.wire}`}`);
    expect(lines).toMatchInlineSnapshot(`
      [
        "copilot/environments/prod/manifest.yml:20:1 http unmapped",
        "copilot/environments/test/manifest.yml:16:1 observability unmapped",
        "copilot/api/manifest.yml:32:1 sidecars unmapped",
        "copilot/api/manifest.yml:44:7 secrets.PROD_ONLY unmapped",
        "copilot/frontend/manifest.yml:6:3 http.path unmapped",
        "copilot/frontend/manifest.yml:8:5 http.healthcheck.path unmapped",
        "copilot/frontend/manifest.yml:9:5 http.healthcheck.success_codes unmapped",
        "copilot/frontend/manifest.yml:45:7 environments.prod.count.requests unmapped",
        "copilot/report/manifest.yml:2:1 type unmapped",
        "copilot/report/manifest.yml:5:1 on unmapped",
        "copilot/report/manifest.yml:12:1 retries unmapped",
        "copilot/report/manifest.yml:13:1 timeout unmapped",
        "copilot/site/manifest.yml:2:1 type unmapped",
        "copilot/site/manifest.yml:7:5 http.healthcheck.path unmapped",
        "copilot/worker/manifest.yml:8:1 subscribe later queue",
        "copilot/worker/manifest.yml:19:3 count.queue_delay unmapped",
      ]
    `);
  });

  test('what could not be learned without AWS is said, per environment', () => {
    const frontend = plan().services.find((service) => service.name === 'frontend')!;
    const lines = frontend.notes
      .filter((note) => note.status === 'warning')
      .map((note) => `${note.field}${note.environment === undefined ? '' : ` [${note.environment}]`}: ${note.message}`);
    expect(lines).toMatchInlineSnapshot(`
      [
        "image.build: the ECR registry host (it holds the account id) is not known without AWS: the artifact has none yet — import again with AWS access",
        "http: COPILOT_LB_DNS (the load balancer’s DNS name) is not known without AWS: not set",
        "secrets.DB_SECRET: the secret's ARN is not known without AWS in prod, test (the account id, or the CloudFormation export): those environments do not render until it is set (config variable secret_DB_SECRET)",
        "http: the target group Copilot's service stack created is not known without AWS in prod, test: loadBalancers[0].targetGroupArn is the config variable targetGroupArn, to be set before the first deploy (deploy --set targetGroupArn=ARN, or import again with AWS access); it is never guessed",
        "taskRoleArn: the task role CloudFormation created (shop-<env>-frontend-TaskRole-…) is not known without AWS: the task definition has none",
        "name: the ECS service CloudFormation created (shop-<env>-frontend-Service-…) is not known without AWS: the profile names the service "frontend", and a deploy would create a new service beside Copilot's",
        "environments [prod]: cluster: not known without AWS: written as "shop-prod" until ecs-wizard env refresh reads the stack's ClusterId",
        "network.vpc.placement [prod]: no public subnets known without AWS (a VPC Copilot created): the environment has no network yet; import again with AWS access",
        "executionRoleArn [prod]: the execution role is not known without AWS: "prod" does not render until it is set",
        "environments [test]: cluster: not known without AWS: written as "shop-test" until ecs-wizard env refresh reads the stack's ClusterId",
        "executionRoleArn [test]: the execution role is not known without AWS: "test" does not render until it is set",
      ]
    `);
  });

  test("environments whose count differ: prod's auto scaling is prod's own, test keeps its fixed count (an info, not a warning)", () => {
    const frontend = plan().services.find((service) => service.name === 'frontend')!;
    const profile = profileOf(plan(), 'frontend');
    expect(profile.service.autoScaling).toBeUndefined();
    expect(profile.environments.map((environment) => [environment.name, environment.autoScaling?.minCount, environment.autoScaling?.maxCount])).toEqual([
      ['prod', 2, 10],
      ['test', undefined, undefined],
    ]);
    expect(frontend.notes.find((note) => note.message.startsWith('auto scaling differs'))).toMatchObject({
      field: 'environments.prod.count',
      status: 'info',
      message:
        'auto scaling differs per environment (prod: 2–10 tasks, CPU 70%; test: none (a fixed count)): each environment that scales gets its own setting (environments[].autoScaling), the others keep a fixed count',
    });
  });

  test('the imported VPC gives the test environment its subnets offline; the VPC Copilot created gives none', () => {
    const api = profileOf(plan(), 'api');
    expect(api.environments.map((environment) => [environment.name, environment.cluster, environment.network])).toEqual([
      ['prod', 'shop-prod', undefined],
      [
        'test',
        'shop-test',
        {subnets: ['subnet-0a1b2c3d4e5f60003', 'subnet-0a1b2c3d4e5f60004'], securityGroups: ['sg-0a1b2c3d4e5f60009'], assignPublicIp: false},
      ],
    ]);
  });
});

describe('with what AWS says: the profiles render for every environment, with per-environment values', () => {
  test('frontend: count, cpu, memory and variables per environment; secrets as Copilot renders them', () => {
    const profile = profileOf(plan(awsState()), 'frontend');
    expect(profile.service.variables).toMatchInlineSnapshot(`
      {
        "copilotEnvironment": "prod",
        "cpu": "1024",
        "desiredCount": "2",
        "discoveryEndpoint": "prod.shop.local",
        "ecsServiceName": "shop-prod-frontend-Service-1XyZ",
        "env_LOG_LEVEL": "warn",
        "env_PUBLIC_URL": "https://prod.shop.example.com",
        "family": "shop-prod-frontend",
        "lbDns": "shop-prod-public.eu-west-1.elb.amazonaws.com",
        "logGroup": "/copilot/shop-prod-frontend",
        "memory": "2048",
        "secret_DB_SECRET": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:shop/prod/db",
        "targetGroupArn": "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/shop-prod-frontend/0123456789abcdef",
        "taskRoleArn": "arn:aws:iam::123456789012:role/shop-prod-frontend-TaskRole-1",
      }
    `);
    expect(profile.environments.map((environment) => [environment.name, environment.overrides])).toMatchInlineSnapshot(`
      [
        [
          "prod",
          {},
        ],
        [
          "test",
          {
            "copilotEnvironment": "test",
            "cpu": "256",
            "desiredCount": "1",
            "discoveryEndpoint": "test.shop.local",
            "ecsServiceName": "shop-test-frontend-Service-2XyZ",
            "env_LOG_LEVEL": "info",
            "env_PUBLIC_URL": "https://test.shop.example.com",
            "family": "shop-test-frontend",
            "lbDns": "shop-test-public.eu-west-1.elb.amazonaws.com",
            "logGroup": "/copilot/shop-test-frontend",
            "memory": "512",
            "secret_DB_SECRET": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:shop/test/db",
            "targetGroupArn": "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/shop-test-frontend/0123456789abcdef",
            "taskRoleArn": "arn:aws:iam::123456789012:role/shop-test-frontend-TaskRole-2",
          },
        ],
      ]
    `);
    const prod = renderAndValidate({profile, environment: 'prod', tag: 'abc1231'});
    expect(prod.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(prod.taskDefinition).toMatchInlineSnapshot(`
      {
        "containerDefinitions": [
          {
            "environment": [
              {
                "name": "COPILOT_APPLICATION_NAME",
                "value": "shop",
              },
              {
                "name": "COPILOT_SERVICE_DISCOVERY_ENDPOINT",
                "value": "prod.shop.local",
              },
              {
                "name": "COPILOT_ENVIRONMENT_NAME",
                "value": "prod",
              },
              {
                "name": "COPILOT_SERVICE_NAME",
                "value": "frontend",
              },
              {
                "name": "COPILOT_LB_DNS",
                "value": "shop-prod-public.eu-west-1.elb.amazonaws.com",
              },
              {
                "name": "LOG_LEVEL",
                "value": "warn",
              },
              {
                "name": "PUBLIC_URL",
                "value": "https://prod.shop.example.com",
              },
            ],
            "essential": true,
            "healthCheck": {
              "command": [
                "CMD-SHELL",
                "curl -f http://localhost:8080/_healthz || exit 1",
              ],
              "interval": 15,
              "retries": 3,
              "startPeriod": 30,
              "timeout": 5,
            },
            "image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/frontend:abc1231",
            "logConfiguration": {
              "logDriver": "awslogs",
              "options": {
                "awslogs-group": "/copilot/shop-prod-frontend",
                "awslogs-region": "eu-west-1",
                "awslogs-stream-prefix": "copilot",
              },
            },
            "name": "frontend",
            "portMappings": [
              {
                "containerPort": 8080,
                "protocol": "tcp",
              },
            ],
            "secrets": [
              {
                "name": "DB_SECRET",
                "valueFrom": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:shop/prod/db",
              },
              {
                "name": "GITHUB_TOKEN",
                "valueFrom": "GH_TOKEN_SECRET",
              },
            ],
          },
        ],
        "cpu": "1024",
        "executionRoleArn": "arn:aws:iam::123456789012:role/shop-prod-frontend-ExecutionRole-1",
        "family": "shop-prod-frontend",
        "memory": "2048",
        "networkMode": "awsvpc",
        "requiresCompatibilities": [
          "FARGATE",
        ],
        "tags": [
          {
            "key": "copilot-application",
            "value": "shop",
          },
          {
            "key": "copilot-environment",
            "value": "prod",
          },
          {
            "key": "copilot-service",
            "value": "frontend",
          },
        ],
        "taskRoleArn": "arn:aws:iam::123456789012:role/shop-prod-frontend-TaskRole-1",
      }
    `);
    expect(prod.service).toMatchInlineSnapshot(`
      {
        "cluster": "shop-prod-Cluster-1AbC",
        "deploymentConfiguration": {
          "alarms": {
            "alarmNames": [],
            "enable": false,
            "rollback": true,
          },
          "deploymentCircuitBreaker": {
            "enable": true,
            "rollback": true,
          },
          "maximumPercent": 200,
          "minimumHealthyPercent": 100,
        },
        "desiredCount": 2,
        "enableExecuteCommand": true,
        "healthCheckGracePeriodSeconds": 60,
        "launchType": "FARGATE",
        "loadBalancers": [
          {
            "containerName": "frontend",
            "containerPort": 8080,
            "targetGroupArn": "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/shop-prod-frontend/0123456789abcdef",
          },
        ],
        "networkConfiguration": {
          "awsvpcConfiguration": {
            "assignPublicIp": "ENABLED",
            "securityGroups": [
              "sg-00000001e",
            ],
            "subnets": [
              "subnet-00000001a",
              "subnet-00000001b",
            ],
          },
        },
        "platformVersion": "LATEST",
        "propagateTags": "SERVICE",
        "schedulingStrategy": "REPLICA",
        "serviceName": "shop-prod-frontend-Service-1XyZ",
        "tags": [
          {
            "key": "copilot-application",
            "value": "shop",
          },
          {
            "key": "copilot-environment",
            "value": "prod",
          },
          {
            "key": "copilot-service",
            "value": "frontend",
          },
        ],
        "taskDefinition": "shop-prod-frontend",
      }
    `);
    const test = renderAndValidate({profile, environment: 'test', tag: 'abc1232'});
    expect(test.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(test.taskDefinition?.['cpu']).toBe('256');
    expect(test.service?.['desiredCount']).toBe(1);
  });

  test('api and worker render in both environments (from_cfn secret and queue from what runs)', () => {
    const migration = plan(awsState());
    for (const name of ['api', 'worker']) {
      const profile = profileOf(migration, name);
      for (const environment of ['prod', 'test']) {
        const result = renderAndValidate({profile, environment, tag: '1.0'});
        expect(result.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
      }
    }
    const api = renderAndValidate({profile: profileOf(migration, 'api'), environment: 'prod', tag: '1.27'});
    expect(api.taskDefinition).toMatchInlineSnapshot(`
      {
        "containerDefinitions": [
          {
            "command": [
              "nginx",
              "-g",
              "daemon off;",
            ],
            "environment": [
              {
                "name": "COPILOT_APPLICATION_NAME",
                "value": "shop",
              },
              {
                "name": "COPILOT_SERVICE_DISCOVERY_ENDPOINT",
                "value": "prod.shop.local",
              },
              {
                "name": "COPILOT_ENVIRONMENT_NAME",
                "value": "prod",
              },
              {
                "name": "COPILOT_SERVICE_NAME",
                "value": "api",
              },
              {
                "name": "CACHE_SIZE",
                "value": "512",
              },
              {
                "name": "UPSTREAM",
                "value": "http://frontend.prod.shop.local:8080",
              },
            ],
            "essential": true,
            "image": "nginx:1.27",
            "logConfiguration": {
              "logDriver": "awslogs",
              "options": {
                "awslogs-group": "/copilot/shop-prod-api",
                "awslogs-region": "eu-west-1",
                "awslogs-stream-prefix": "copilot",
              },
            },
            "name": "api",
            "portMappings": [
              {
                "containerPort": 80,
                "name": "target",
                "protocol": "tcp",
              },
            ],
            "secrets": [
              {
                "name": "API_KEY",
                "valueFrom": "/copilot/shop/prod/secrets/api_key",
              },
              {
                "name": "QUEUE_PASSWORD",
                "valueFrom": "arn:aws:ssm:eu-west-1:123456789012:parameter/shop-prod-queue-password",
              },
            ],
          },
        ],
        "cpu": "512",
        "executionRoleArn": "arn:aws:iam::123456789012:role/shop-prod-api-ExecutionRole-1",
        "family": "shop-prod-api",
        "memory": "1024",
        "networkMode": "awsvpc",
        "requiresCompatibilities": [
          "FARGATE",
        ],
        "runtimePlatform": {
          "cpuArchitecture": "ARM64",
          "operatingSystemFamily": "LINUX",
        },
        "tags": [
          {
            "key": "copilot-application",
            "value": "shop",
          },
          {
            "key": "copilot-environment",
            "value": "prod",
          },
          {
            "key": "copilot-service",
            "value": "api",
          },
        ],
        "taskRoleArn": "arn:aws:iam::123456789012:role/shop-prod-api-TaskRole-1",
      }
    `);
    const worker = renderAndValidate({profile: profileOf(migration, 'worker'), environment: 'test', tag: '2.0.1'});
    const containers = worker.taskDefinition?.['containerDefinitions'] as Array<{environment: Array<{name: string; value: string}>}>;
    expect(containers[0]!.environment.filter((entry) => entry.name === 'COPILOT_QUEUE_URI' || entry.name === 'ORDERS_TABLE')).toEqual([
      {name: 'COPILOT_QUEUE_URI', value: `https://sqs.eu-west-1.amazonaws.com/${ACCOUNT}/shop-test-worker-EventsQueue`},
      {name: 'ORDERS_TABLE', value: 'shop-test-orders'},
    ]);
    expect(worker.service?.['deploymentConfiguration']).toEqual({
      deploymentCircuitBreaker: {enable: true, rollback: true},
      maximumPercent: 100,
      minimumHealthyPercent: 0,
      alarms: {alarmNames: [], enable: false, rollback: true},
    });
  });
});

test('a per-environment exec renders as a boolean in each environment; an older environment keeps its namespace; the environment manifest network is reported', () => {
  const small: CopilotFiles = {
    workspace: {file: 'copilot/.workspace', folder: 'copilot', text: 'application: demo\n'},
    environments: [
      {file: 'copilot/environments/dev/manifest.yml', folder: 'dev', text: 'name: dev\ntype: Environment\n'},
      {file: 'copilot/environments/prod/manifest.yml', folder: 'prod', text: 'name: prod\ntype: Environment\n'},
    ],
    services: [
      {
        file: 'copilot/web/manifest.yml',
        folder: 'web',
        text: 'name: web\ntype: Backend Service\nimage:\n  location: nginx:1.27\nexec: false\nenvironments:\n  dev:\n    exec: true\n    image:\n      location: nginx:1.28\n',
      },
    ],
  };
  const read = readWorkspace(small);
  if (!read.ok) throw new Error('reads');
  const aws: CopilotAwsState = {environments: {}, services: {web: {}}};
  for (const environment of ['dev', 'prod']) {
    aws.services['web']![environment] = {
      serviceName: `demo-${environment}-web-Service-1`,
      cluster: `demo-${environment}`,
      region: 'eu-west-1',
      executionRoleArn: role(`demo-${environment}-web-ExecutionRole-1`),
      network: {subnets: ['subnet-0123456789abcdef0'], securityGroups: ['sg-0123456789abcdef0'], assignPublicIp: false},
      // prod was created by an older Copilot: its namespace is the application's.
      environment: environment === 'prod' ? {COPILOT_SERVICE_DISCOVERY_ENDPOINT: 'demo.local'} : {},
      secrets: {},
      accountId: ACCOUNT,
    };
  }
  const migration = planMigration(read, {region: 'eu-west-1', now: NOW, aws});
  const profile = profileOf(migration, 'web');
  expect(renderAndValidate({profile, environment: 'dev', tag: '1.27'}).service?.['enableExecuteCommand']).toBe(true);
  expect(renderAndValidate({profile, environment: 'prod', tag: '1.27'}).service?.['enableExecuteCommand']).toBe(false);
  const endpoint = (environment: string): unknown =>
    (
      renderAndValidate({profile, environment, tag: '1.27'}).taskDefinition?.['containerDefinitions'] as Array<{
        environment: Array<{name: string; value: string}>;
      }>
    )[0]!.environment.find((entry) => entry.name === 'COPILOT_SERVICE_DISCOVERY_ENDPOINT')?.value;
  expect([endpoint('dev'), endpoint('prod')]).toEqual(['dev.demo.local', 'demo.local']);
  expect(migration.services[0]!.notes.map((note) => `${formatPosition(note.at)} ${note.field} ${note.status}`)).toContain(
    'copilot/web/manifest.yml:10:7 environments.dev.image.location unmapped',
  );
  expect(migration.networks).toEqual([
    {name: 'dev', file: 'copilot/environments/dev/manifest.yml', publicSubnets: [], privateSubnets: []},
    {name: 'prod', file: 'copilot/environments/prod/manifest.yml', publicSubnets: [], privateSubnets: []},
  ]);
});

test('an environment whose live service was not found never takes another environment’s service name, roles or secret ARNs', () => {
  const aws: CopilotAwsState = {environments: {}, services: {frontend: {}}};
  aws.services['frontend']!['prod'] = {
    serviceName: 'shop-prod-frontend-Service-1XyZ',
    cluster: 'shop-prod-Cluster-1AbC',
    region: 'eu-west-1',
    executionRoleArn: role('shop-prod-frontend-ExecutionRole-1'),
    taskRoleArn: role('shop-prod-frontend-TaskRole-1'),
    network: {subnets: ['subnet-0123456789abcdef0'], securityGroups: ['sg-0123456789abcdef0'], assignPublicIp: true},
    environment: {},
    secrets: {},
    accountId: ACCOUNT,
    loadBalancers: [{targetGroupArn: targetGroup('prod'), containerName: 'frontend', containerPort: 8080}],
  };
  const profile = profileOf(plan(aws), 'frontend');
  expect(profile.service.variables['targetGroupArn']).toBeUndefined();
  expect(profile.service.variables['ecsServiceName']).toBeUndefined();
  expect(profile.service.variables['taskRoleArn']).toBeUndefined();
  const prod = profile.environments.find((environment) => environment.name === 'prod')!;
  const test = profile.environments.find((environment) => environment.name === 'test')!;
  expect(prod.overrides['ecsServiceName']).toBe('shop-prod-frontend-Service-1XyZ');
  expect(test.overrides['ecsServiceName']).toBeUndefined();
  expect(test.overrides['secret_DB_SECRET']).toBeUndefined();
  expect([prod.overrides['targetGroupArn'], test.overrides['targetGroupArn']]).toEqual([targetGroup('prod'), undefined]);
  expect(renderAndValidate({profile, environment: 'prod', tag: 'abc1231'}).issues.filter((issue) => issue.severity === 'error')).toEqual([]);
  const testIssues = renderAndValidate({profile, environment: 'test', tag: 'abc1232'}).issues.map((issue) => issue.message);
  expect(testIssues.some((message) => message.includes('"ecsServiceName"'))).toBe(true);
  expect(testIssues.some((message) => message.includes('"taskRoleArn"'))).toBe(true);
  expect(testIssues.some((message) => message.includes('"secret_DB_SECRET"'))).toBe(true);
});
