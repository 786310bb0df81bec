/** Shared by the import tests: the seed's described task definition and small helpers. */
import type {ImportedTaskDefinition} from '../../../source/domain/import/task-definition.js';
import {type importTaskDefinition} from '../../../source/domain/import/task-definition.js';
import type {JsonObject, JsonValue} from '../../../source/domain/json.js';

export const text = (value: JsonValue): string => JSON.stringify(value, null, 2);
export const ok = (result: ReturnType<typeof importTaskDefinition>): ImportedTaskDefinition => {
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result;
};
export const codes = (issues: readonly {code: string}[]) => issues.map((item) => item.code);
export const names = {profile: 'web-prod', application: 'shop', service: 'web', environment: 'prod'};
export const NOW = '2025-01-02T03:04:05.000Z';

/** The seed's example (console output of an older task definition: nulls, empty arrays, read-only fields). */
export const seedDescribed: JsonObject = {
  taskDefinition: {
    taskDefinitionArn: 'arn:aws:ecs:us-east-1:448000000317:task-definition/nginx-demo:2',
    family: 'nginx-demo',
    ipcMode: null,
    executionRoleArn: 'arn:aws:iam::448000000317:role/ecsTaskExecutionRole',
    containerDefinitions: [
      {
        volumesFrom: [],
        memory: null,
        portMappings: [{containerPort: 80, protocol: 'tcp', hostPort: 80}],
        essential: true,
        mountPoints: [],
        image: 'registry.hub.docker.com/library/nginx:stable-perl',
        name: 'library_nginx_stable-perl',
        environment: [],
        cpu: 0,
      },
    ],
    pidMode: null,
    requiresCompatibilities: [],
    networkMode: 'awsvpc',
    cpu: null,
    revision: 2,
    status: 'ACTIVE',
    volumes: [],
  },
};

export const describedService: JsonObject = {
  serviceArn: 'arn:aws:ecs:eu-west-1:123456789012:service/prod/web',
  serviceName: 'web',
  clusterArn: 'arn:aws:ecs:eu-west-1:123456789012:cluster/prod',
  loadBalancers: [],
  serviceRegistries: [
    {registryArn: 'arn:aws:servicediscovery:eu-west-1:123456789012:service/srv-jwyz7x4igkxckqno', containerName: 'team_api_1_4_2', containerPort: 8080},
  ],
  status: 'ACTIVE',
  desiredCount: 3,
  runningCount: 3,
  pendingCount: 0,
  launchType: 'FARGATE',
  platformVersion: 'LATEST',
  platformFamily: 'Linux',
  taskDefinition: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/app:7',
  deploymentConfiguration: {deploymentCircuitBreaker: {enable: true, rollback: true}, maximumPercent: 200, minimumHealthyPercent: 100},
  deployments: [
    {
      id: 'ecs-svc/123',
      status: 'PRIMARY',
      taskDefinition: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/app:7',
      desiredCount: 3,
      runningCount: 3,
      rolloutState: 'COMPLETED',
    },
  ],
  roleArn: 'arn:aws:iam::123456789012:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS',
  events: [{id: 'e1', createdAt: '2024-01-01T00:00:00Z', message: '(service web) has reached a steady state.'}],
  createdAt: '2023-06-01T00:00:00Z',
  placementConstraints: [],
  placementStrategy: [],
  networkConfiguration: {awsvpcConfiguration: {subnets: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'], securityGroups: ['sg-0123abcd'], assignPublicIp: 'ENABLED'}},
  healthCheckGracePeriodSeconds: 0,
  schedulingStrategy: 'REPLICA',
  deploymentController: {type: 'ECS'},
  createdBy: 'arn:aws:iam::123456789012:role/admin',
  enableECSManagedTags: false,
  propagateTags: 'NONE',
  enableExecuteCommand: false,
};

export const describedTask: JsonObject = {
  taskDefinition: {
    taskDefinitionArn: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/app:7',
    family: 'app',
    executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '512',
    memory: '1024',
    containerDefinitions: [
      {
        name: 'team_api_1_4_2',
        image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/api:1.4.2',
        essential: true,
        cpu: 0,
        portMappings: [{containerPort: 8080, hostPort: 8080, protocol: 'tcp'}],
        environment: [{name: 'LOG_LEVEL', value: 'info'}],
        mountPoints: [],
        volumesFrom: [],
      },
      {
        name: 'log-router',
        image: 'public.ecr.aws/aws-observability/aws-for-fluent-bit:stable',
        essential: true,
        firelensConfiguration: {type: 'fluentbit'},
        environment: [],
        mountPoints: [],
        volumesFrom: [],
        cpu: 0,
      },
    ],
    revision: 7,
    status: 'ACTIVE',
    compatibilities: ['EC2', 'FARGATE'],
    requiresAttributes: [{name: 'ecs.capability.execution-role-ecr-pull'}],
    registeredAt: '2024-01-01T00:00:00.000Z',
    registeredBy: 'arn:aws:sts::123456789012:assumed-role/admin/me',
    volumes: [],
    placementConstraints: [],
  },
  tags: [],
};
