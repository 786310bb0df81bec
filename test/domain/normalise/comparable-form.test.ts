import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import type {JsonObject} from '../../../source/domain/json.js';
import {canonicalJson, jsonEqual} from '../../../source/domain/json-values.js';
import {canonicalTaskSize, normalise, normaliseService, normaliseTaskDefinition} from '../../../source/domain/normalise/comparable-form.js';
import {asDescribed, reorderTaskDefinition, service, taskDefinition} from '../ecs-arbitraries.js';

const td = (container: JsonObject, task: JsonObject = {}): JsonObject => ({
  family: 'web',
  containerDefinitions: [{name: 'web', image: 'nginx:1', ...container}],
  ...task,
});
const firstContainer = (value: JsonObject): JsonObject => (value['containerDefinitions'] as JsonObject[])[0] as JsonObject;

describe('normaliseTaskDefinition: API defaults are dropped', () => {
  test.each<[string, JsonObject, JsonObject]>([
    ['essential: true', td({essential: true}), td({})],
    ['essential: false is kept', td({essential: false}), td({essential: false})],
    ['container cpu: 0', td({cpu: 0}), td({})],
    ['container cpu: 256 is kept', td({cpu: 256}), td({cpu: 256})],
    [
      'empty mountPoints, volumesFrom, environment, systemControls',
      td({mountPoints: [], volumesFrom: [], environment: [], systemControls: [], secrets: []}),
      td({}),
    ],
    [
      'empty dockerLabels and log options',
      td({dockerLabels: {}, logConfiguration: {logDriver: 'awslogs', options: {}, secretOptions: []}}),
      td({logConfiguration: {logDriver: 'awslogs'}}),
    ],
    ['false booleans', td({privileged: false, readonlyRootFilesystem: false, interactive: false, pseudoTerminal: false, disableNetworking: false}), td({})],
    ['true booleans are kept', td({readonlyRootFilesystem: true}), td({readonlyRootFilesystem: true})],
    ['versionConsistency: enabled', td({versionConsistency: 'enabled'}), td({})],
    ['protocol tcp', td({portMappings: [{containerPort: 80, protocol: 'tcp'}]}), td({portMappings: [{containerPort: 80}]})],
    ['protocol udp is kept', td({portMappings: [{containerPort: 53, protocol: 'udp'}]}), td({portMappings: [{containerPort: 53, protocol: 'udp'}]})],
    [
      'hostPort = containerPort under awsvpc',
      td({portMappings: [{containerPort: 80, hostPort: 80}]}, {networkMode: 'awsvpc'}),
      td({portMappings: [{containerPort: 80}]}, {networkMode: 'awsvpc'}),
    ],
    [
      'hostPort = containerPort under host',
      td({portMappings: [{containerPort: 80, hostPort: 80}]}, {networkMode: 'host'}),
      td({portMappings: [{containerPort: 80}]}, {networkMode: 'host'}),
    ],
    [
      'hostPort = containerPort under bridge is kept (a fixed host port)',
      td({portMappings: [{containerPort: 80, hostPort: 80}]}),
      td({portMappings: [{containerPort: 80, hostPort: 80}]}),
    ],
    [
      'hostPort 0 under bridge (dynamic, like omitted)',
      td({portMappings: [{containerPort: 80, hostPort: 0}]}, {networkMode: 'bridge'}),
      td({portMappings: [{containerPort: 80}]}),
    ],
    ['networkMode bridge (the default)', td({}, {networkMode: 'bridge'}), td({})],
    [
      'mount point readOnly: false',
      td({mountPoints: [{sourceVolume: 'data', containerPath: '/data', readOnly: false}]}),
      td({mountPoints: [{sourceVolume: 'data', containerPath: '/data'}]}),
    ],
    [
      'health check defaults',
      td({healthCheck: {command: ['CMD', 'true'], interval: 30, timeout: 5, retries: 3, startPeriod: 0}}),
      td({healthCheck: {command: ['CMD', 'true']}}),
    ],
    [
      'health check values that differ are kept',
      td({healthCheck: {command: ['CMD', 'true'], interval: 10}}),
      td({healthCheck: {command: ['CMD', 'true'], interval: 10}}),
    ],
    ['initProcessEnabled: false', td({linuxParameters: {initProcessEnabled: false}}), td({})],
    ['task cpu/memory units', td({}, {cpu: '0.5 vCPU', memory: '1 GB'}), td({}, {cpu: '512', memory: '1024'})],
    ['task cpu/memory numbers', td({}, {cpu: 256, memory: 512}), td({}, {cpu: '256', memory: '512'})],
    ['empty task-level arrays', td({}, {volumes: [], placementConstraints: [], requiresCompatibilities: [], tags: []}), td({})],
    ['a volume host {}', td({}, {volumes: [{name: 'scratch', host: {}}]}), td({}, {volumes: [{name: 'scratch'}]})],
    [
      'EFS defaults',
      td({}, {volumes: [{name: 'efs', efsVolumeConfiguration: {fileSystemId: 'fs-1', rootDirectory: '/', transitEncryption: 'DISABLED'}}]}),
      td({}, {volumes: [{name: 'efs', efsVolumeConfiguration: {fileSystemId: 'fs-1'}}]}),
    ],
    ['enableFaultInjection: false', td({}, {enableFaultInjection: false}), td({})],
    ['read-only fields and nulls', td({cpu: null}, {revision: 3, status: 'ACTIVE', ipcMode: null}), td({})],
  ])('%s', (_name, input, expected) => {
    expect(normaliseTaskDefinition(input)).toEqual(normaliseTaskDefinition(expected));
    expect(normaliseTaskDefinition(input)).toEqual(expected);
  });
});

describe('normaliseTaskDefinition: sets are sorted', () => {
  test('containers by name, environment and secrets by name, port mappings by port then protocol', () => {
    const input: JsonObject = {
      family: 'web',
      requiresCompatibilities: ['FARGATE', 'EC2'],
      containerDefinitions: [
        {name: 'zeta', image: 'b'},
        {
          name: 'alpha',
          image: 'a',
          environment: [
            {name: 'B', value: '2'},
            {name: 'A', value: '1'},
          ],
          secrets: [
            {name: 'Y', valueFrom: 'y'},
            {name: 'X', valueFrom: 'x'},
          ],
          portMappings: [{containerPort: 8080, protocol: 'udp'}, {containerPort: 443}, {containerPort: 8080}],
          command: ['run', 'b', 'a'],
        },
      ],
    };
    const output = normaliseTaskDefinition(input);
    expect(output['requiresCompatibilities']).toEqual(['EC2', 'FARGATE']);
    const [alpha, zeta] = output['containerDefinitions'] as JsonObject[];
    expect(zeta?.['name']).toBe('zeta');
    expect(alpha?.['environment']).toEqual([
      {name: 'A', value: '1'},
      {name: 'B', value: '2'},
    ]);
    expect(alpha?.['secrets']).toEqual([
      {name: 'X', valueFrom: 'x'},
      {name: 'Y', valueFrom: 'y'},
    ]);
    expect(alpha?.['portMappings']).toEqual([{containerPort: 443}, {containerPort: 8080}, {containerPort: 8080, protocol: 'udp'}]);
    expect(alpha?.['command']).toEqual(['run', 'b', 'a']);
  });

  test('does not modify its argument', () => {
    const input = td({
      essential: true,
      environment: [
        {name: 'B', value: '2'},
        {name: 'A', value: '1'},
      ],
    });
    const before = JSON.stringify(input);
    normaliseTaskDefinition(input);
    expect(JSON.stringify(input)).toBe(before);
  });

  test('a key named __proto__ survives as data', () => {
    const input = JSON.parse('{"family":"x","containerDefinitions":[{"name":"a","image":"b","dockerLabels":{"__proto__":"v"}}]}') as JsonObject;
    const labels = firstContainer(normaliseTaskDefinition(input))['dockerLabels'] as JsonObject;
    expect(Object.hasOwn(labels, '__proto__')).toBe(true);
    expect(canonicalJson(labels)).toBe('{"__proto__":"v"}');
  });
});

describe('normaliseService', () => {
  test.each<[string, JsonObject, JsonObject]>([
    [
      'REPLICA deployment defaults',
      {deploymentConfiguration: {maximumPercent: 200, minimumHealthyPercent: 100, deploymentCircuitBreaker: {enable: false, rollback: false}}},
      {},
    ],
    [
      'REPLICA non-default deployment configuration is kept',
      {deploymentConfiguration: {maximumPercent: 150, minimumHealthyPercent: 100}},
      {deploymentConfiguration: {maximumPercent: 150}},
    ],
    [
      'an enabled circuit breaker is kept',
      {deploymentConfiguration: {deploymentCircuitBreaker: {enable: true, rollback: true}}},
      {deploymentConfiguration: {deploymentCircuitBreaker: {enable: true, rollback: true}}},
    ],
    [
      'DAEMON deployment defaults and desiredCount',
      {schedulingStrategy: 'DAEMON', desiredCount: 4, deploymentConfiguration: {maximumPercent: 100, minimumHealthyPercent: 0}},
      {schedulingStrategy: 'DAEMON'},
    ],
    [
      'DAEMON with REPLICA-like numbers keeps them',
      {schedulingStrategy: 'DAEMON', deploymentConfiguration: {maximumPercent: 200, minimumHealthyPercent: 100}},
      {schedulingStrategy: 'DAEMON', deploymentConfiguration: {maximumPercent: 200, minimumHealthyPercent: 100}},
    ],
    [
      'flags and strings at their defaults',
      {
        enableECSManagedTags: false,
        enableExecuteCommand: false,
        propagateTags: 'NONE',
        schedulingStrategy: 'REPLICA',
        platformVersion: 'LATEST',
        healthCheckGracePeriodSeconds: 0,
        availabilityZoneRebalancing: 'ENABLED',
        deploymentController: {type: 'ECS'},
      },
      {},
    ],
    [
      'non-default flags are kept',
      {enableExecuteCommand: true, propagateTags: 'SERVICE', platformVersion: '1.4.0'},
      {enableExecuteCommand: true, propagateTags: 'SERVICE', platformVersion: '1.4.0'},
    ],
    [
      'launchType when a capacity provider strategy is given',
      {launchType: 'FARGATE', capacityProviderStrategy: [{capacityProvider: 'FARGATE_SPOT', weight: 1, base: 0}]},
      {capacityProviderStrategy: [{capacityProvider: 'FARGATE_SPOT', weight: 1}]},
    ],
    ['launchType with an empty strategy is kept', {launchType: 'FARGATE', capacityProviderStrategy: []}, {launchType: 'FARGATE'}],
    [
      'assignPublicIp DISABLED, subnets sorted',
      {networkConfiguration: {awsvpcConfiguration: {subnets: ['subnet-b', 'subnet-a'], securityGroups: ['sg-2', 'sg-1'], assignPublicIp: 'DISABLED'}}},
      {networkConfiguration: {awsvpcConfiguration: {subnets: ['subnet-a', 'subnet-b'], securityGroups: ['sg-1', 'sg-2']}}},
    ],
    [
      'cluster ARN, task definition ARN, role ARN',
      {
        cluster: 'arn:aws:ecs:eu-west-1:1:cluster/prod',
        taskDefinition: 'arn:aws:ecs:eu-west-1:1:task-definition/web:4',
        role: 'arn:aws:iam::1:role/path/ecsServiceRole',
      },
      {cluster: 'prod', taskDefinition: 'web:4', role: 'ecsServiceRole'},
    ],
    ['the service-linked role as role', {role: 'arn:aws:iam::1:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS'}, {}],
    [
      'empty lists and nulls',
      {loadBalancers: [], serviceRegistries: [], placementConstraints: [], placementStrategy: [], tags: [], healthCheckGracePeriodSeconds: null},
      {},
    ],
    ['clientToken', {clientToken: 'abc'}, {}],
    [
      'placement strategies keep their order',
      {
        placementStrategy: [
          {type: 'spread', field: 'attribute:ecs.availability-zone'},
          {type: 'binpack', field: 'memory'},
        ],
      },
      {
        placementStrategy: [
          {type: 'spread', field: 'attribute:ecs.availability-zone'},
          {type: 'binpack', field: 'memory'},
        ],
      },
    ],
    [
      'tags sorted by key',
      {
        tags: [
          {key: 'b', value: '2'},
          {key: 'a', value: '1'},
        ],
      },
      {
        tags: [
          {key: 'a', value: '1'},
          {key: 'b', value: '2'},
        ],
      },
    ],
  ])('%s', (_name, input, expected) => {
    expect(normaliseService({serviceName: 'web', ...input})).toEqual({serviceName: 'web', ...expected});
  });

  test('a described service and its CreateService input normalise to the same thing', () => {
    const input: JsonObject = {
      serviceName: 'web',
      cluster: 'prod',
      taskDefinition: 'web:3',
      desiredCount: 2,
      launchType: 'FARGATE',
      networkConfiguration: {awsvpcConfiguration: {subnets: ['subnet-a', 'subnet-b'], securityGroups: ['sg-1']}},
    };
    const described: JsonObject = {
      serviceArn: 'arn:aws:ecs:eu-west-1:123456789012:service/prod/web',
      serviceName: 'web',
      clusterArn: 'arn:aws:ecs:eu-west-1:123456789012:cluster/prod',
      taskDefinition: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:3',
      desiredCount: 2,
      runningCount: 1,
      launchType: 'FARGATE',
      platformVersion: 'LATEST',
      platformFamily: 'Linux',
      roleArn: 'arn:aws:iam::123456789012:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS',
      deploymentConfiguration: {deploymentCircuitBreaker: {enable: false, rollback: false}, maximumPercent: 200, minimumHealthyPercent: 100},
      networkConfiguration: {awsvpcConfiguration: {subnets: ['subnet-b', 'subnet-a'], securityGroups: ['sg-1'], assignPublicIp: 'DISABLED'}},
      loadBalancers: [],
      serviceRegistries: [],
      placementConstraints: [],
      placementStrategy: [],
      schedulingStrategy: 'REPLICA',
      deploymentController: {type: 'ECS'},
      enableECSManagedTags: false,
      propagateTags: 'NONE',
      enableExecuteCommand: false,
      events: [{id: '1', message: 'steady'}],
      deployments: [],
      createdAt: '2024-01-01T00:00:00Z',
    };
    expect(normaliseService(described)).toEqual(normaliseService(input));
  });
});

describe('reserved aws: tags', () => {
  test('are not a difference: AWS sets them (CloudFormation) and nobody can change them', () => {
    const tags = [{key: 'team', value: 'a'}];
    const withReserved = [...tags, {key: 'aws:cloudformation:stack-name', value: 'web'}];
    expect(normaliseService({serviceName: 'web', tags: withReserved})).toEqual(normaliseService({serviceName: 'web', tags}));
    const task = {family: 'web', containerDefinitions: [{name: 'web', image: 'nginx:1'}]};
    expect(normaliseTaskDefinition({...task, tags: withReserved})).toEqual(normaliseTaskDefinition({...task, tags}));
  });
});

describe('normalise properties', () => {
  test('normalise is idempotent on task definitions (also as described, with defaults and nulls)', () => {
    fc.assert(
      fc.property(taskDefinition, fc.boolean(), (value, described) => {
        const input = described ? asDescribed(value) : value;
        const once = normalise('taskDefinition', input);
        expect(normalise('taskDefinition', once)).toEqual(once);
      }),
    );
  });

  test('normalise is idempotent on services', () => {
    fc.assert(
      fc.property(service, (value) => {
        const once = normaliseService(value);
        expect(normaliseService(once)).toEqual(once);
      }),
    );
  });

  test('what DescribeTaskDefinition adds (read-only fields, nulls, API defaults) normalises away', () => {
    fc.assert(
      fc.property(taskDefinition, (value) => {
        expect(normaliseTaskDefinition(asDescribed(value))).toEqual(normaliseTaskDefinition(value));
      }),
    );
  });

  test('reordering containers, environment, secrets, port mappings and compatibilities normalises away', () => {
    fc.assert(
      fc.property(taskDefinition, fc.array(fc.nat(), {minLength: 1, maxLength: 8}), (value, seeds) => {
        expect(jsonEqual(normaliseTaskDefinition(reorderTaskDefinition(value, seeds)), normaliseTaskDefinition(value))).toBe(true);
      }),
    );
  });
});

describe('the task role by name or ARN', () => {
  // RegisterTaskDefinition takes the task role's short name or its ARN, and DescribeTaskDefinition shows the ARN. A
  // task role is in the task's account, where a role's name is unique: the name is the role.
  test('a short name and the ARN of that role compare equal; another role does not', () => {
    const byName = normaliseTaskDefinition(td({}, {taskRoleArn: 'ecsTaskRole'}));
    expect(normaliseTaskDefinition(td({}, {taskRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskRole'}))).toEqual(byName);
    expect(normaliseTaskDefinition(td({}, {taskRoleArn: 'arn:aws:iam::123456789012:role/service/ecsTaskRole'}))).toEqual(byName);
    expect(normaliseTaskDefinition(td({}, {taskRoleArn: 'arn:aws:iam::123456789012:role/otherRole'}))).not.toEqual(byName);
  });
});

describe('canonicalTaskSize', () => {
  test.each([
    ['256', 'vcpu', '256'],
    ['1 vCPU', 'vcpu', '1024'],
    ['0.25 vcpu', 'vcpu', '256'],
    ['.25 vcpu', 'vcpu', '256'],
    ['.5 gb', 'gb', '512'],
    ['2GB', 'gb', '2048'],
    ['0.5 GB', 'gb', '512'],
    [1024, 'gb', '1024'],
    ['1.3 GB', 'gb', '1.3 GB'],
    ['${serviceVariable.cpu}', 'vcpu', '${serviceVariable.cpu}'],
  ] as const)('%s (%s) → %s', (input, unit, expected) => {
    expect(canonicalTaskSize(input, unit)).toBe(expected);
  });
});
