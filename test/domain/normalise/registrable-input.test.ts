import {describe, expect, test} from 'vitest';
import type {JsonObject} from '../../../source/domain/json.js';
import {stripNulls, toCreateServiceInput, toRegisterTaskDefinitionInput} from '../../../source/domain/normalise/registrable-input.js';

const td = (container: JsonObject, task: JsonObject = {}): JsonObject => ({
  family: 'web',
  containerDefinitions: [{name: 'web', image: 'nginx:1', ...container}],
  ...task,
});

describe('toRegisterTaskDefinitionInput', () => {
  test('strips every read-only field and every null, and reports each path', () => {
    const described: JsonObject = {
      taskDefinitionArn: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:2',
      family: 'web',
      containerDefinitions: [{name: 'web', image: 'nginx', cpu: null, portMappings: [{containerPort: 80, hostPort: null}]}],
      revision: 2,
      status: 'ACTIVE',
      requiresAttributes: [],
      compatibilities: ['EC2'],
      registeredAt: '2024-01-01T00:00:00Z',
      registeredBy: 'arn:aws:iam::1:user/me',
      deregisteredAt: '2024-02-01T00:00:00Z',
      ipcMode: null,
      pidMode: null,
      cpu: null,
      requiresCompatibilities: [],
      volumes: [],
    };
    const {value, stripped} = toRegisterTaskDefinitionInput(described);
    expect(value).toEqual({
      family: 'web',
      containerDefinitions: [{name: 'web', image: 'nginx', portMappings: [{containerPort: 80}]}],
      requiresCompatibilities: [],
      volumes: [],
    });
    expect(stripped).toEqual([
      'taskDefinitionArn',
      'revision',
      'status',
      'requiresAttributes',
      'compatibilities',
      'registeredAt',
      'registeredBy',
      'deregisteredAt',
      'containerDefinitions[0].cpu',
      'containerDefinitions[0].portMappings[0].hostPort',
      'ipcMode',
      'pidMode',
      'cpu',
    ]);
    expect(Object.keys(value)).toEqual(['family', 'containerDefinitions', 'requiresCompatibilities', 'volumes']);
  });

  test('a revision being deleted: deleteRequestedAt is describe output too (TaskDefinition, not RegisterTaskDefinitionRequest)', () => {
    // describe-task-definition of a DELETE_IN_PROGRESS revision (aws ecs delete-task-definitions) carries it.
    const described = td({}, {status: 'DELETE_IN_PROGRESS', deregisteredAt: '2023-03-14T15:20:59Z', deleteRequestedAt: '2023-03-14T15:21:30Z'});
    expect(toRegisterTaskDefinitionInput(described)).toEqual({value: td({}), stripped: ['status', 'deregisteredAt', 'deleteRequestedAt']});
  });

  test('keeps empty arrays and API defaults (import must give back the registrable input as written)', () => {
    const input = td({essential: true, mountPoints: [], portMappings: [{containerPort: 80, hostPort: 80, protocol: 'tcp'}]});
    expect(toRegisterTaskDefinitionInput(input)).toEqual({value: input, stripped: []});
  });

  test('drops null array items too', () => {
    const stripped: string[] = [];
    expect(stripNulls({command: ['a', null, 'b']}, '', stripped)).toEqual({command: ['a', 'b']});
    expect(stripped).toEqual(['command[1]']);
  });
});

describe('toCreateServiceInput', () => {
  const described: JsonObject = {
    serviceArn: 'arn:aws:ecs:eu-west-1:123456789012:service/prod/web',
    serviceName: 'web',
    clusterArn: 'arn:aws:ecs:eu-west-1:123456789012:cluster/prod',
    loadBalancers: [],
    serviceRegistries: [{registryArn: 'arn:aws:servicediscovery:eu-west-1:123456789012:service/srv-abc', containerName: 'web', containerPort: 80}],
    status: 'ACTIVE',
    desiredCount: 2,
    runningCount: 2,
    pendingCount: 0,
    launchType: 'FARGATE',
    platformVersion: 'LATEST',
    platformFamily: 'Linux',
    taskDefinition: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:3',
    deploymentConfiguration: {deploymentCircuitBreaker: {enable: false, rollback: false}, maximumPercent: 200, minimumHealthyPercent: 100},
    deployments: [{id: 'ecs-svc/1', status: 'PRIMARY'}],
    roleArn: 'arn:aws:iam::123456789012:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS',
    events: [],
    createdAt: '2024-01-01T00:00:00Z',
    placementConstraints: [],
    placementStrategy: [],
    networkConfiguration: {awsvpcConfiguration: {subnets: ['subnet-b', 'subnet-a'], securityGroups: ['sg-1'], assignPublicIp: 'DISABLED'}},
    healthCheckGracePeriodSeconds: 0,
    schedulingStrategy: 'REPLICA',
    deploymentController: {type: 'ECS'},
    createdBy: 'arn:aws:iam::123456789012:role/admin',
    enableECSManagedTags: false,
    propagateTags: 'NONE',
    enableExecuteCommand: false,
    availabilityZoneRebalancing: 'ENABLED',
    currentServiceDeployment: 'arn:aws:ecs:eu-west-1:123456789012:service-deployment/prod/web/abc',
    someFutureField: 1,
  };

  test('keeps CreateService parameters, converts clusterArn, drops output-only and unknown members', () => {
    const result = toCreateServiceInput(described);
    expect(result.value['cluster']).toBe('prod');
    expect(Object.keys(result.value)).not.toContain('serviceArn');
    expect(result.value['serviceRegistries']).toEqual(described['serviceRegistries']);
    expect(result.renamed).toEqual([{from: 'clusterArn', to: 'cluster'}]);
    expect(result.stripped).toEqual([
      'serviceArn',
      'status',
      'runningCount',
      'pendingCount',
      'platformFamily',
      'deployments',
      'roleArn',
      'events',
      'createdAt',
      'createdBy',
      'currentServiceDeployment',
      'someFutureField',
    ]);
    expect(result.unknown).toEqual(['someFutureField']);
  });

  test.each([
    [
      'a classic role with a load balancer and no awsvpc',
      {loadBalancers: [{loadBalancerName: 'lb', containerName: 'web', containerPort: 80}], roleArn: 'arn:aws:iam::1:role/ecsServiceRole'},
      'arn:aws:iam::1:role/ecsServiceRole',
    ],
    ['no load balancer', {loadBalancers: [], roleArn: 'arn:aws:iam::1:role/ecsServiceRole'}, undefined],
    [
      'awsvpc',
      {
        loadBalancers: [{targetGroupArn: 'tg', containerName: 'web', containerPort: 80}],
        networkConfiguration: {awsvpcConfiguration: {subnets: ['s']}},
        roleArn: 'arn:aws:iam::1:role/ecsServiceRole',
      },
      undefined,
    ],
    [
      'the service-linked role',
      {
        loadBalancers: [{targetGroupArn: 'tg', containerName: 'web', containerPort: 80}],
        roleArn: 'arn:aws:iam::1:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS',
      },
      undefined,
    ],
  ])('roleArn → role only where CreateService accepts one: %s', (_name, input, role) => {
    expect(toCreateServiceInput({serviceName: 'web', ...(input as JsonObject)}).value['role']).toBe(role);
  });

  test('DAEMON takes no desiredCount', () => {
    const result = toCreateServiceInput({serviceName: 'agent', schedulingStrategy: 'DAEMON', desiredCount: 3});
    expect(result.value).toEqual({serviceName: 'agent', schedulingStrategy: 'DAEMON'});
    expect(result.stripped).toEqual(['desiredCount']);
  });

  test('Service Connect, volume and VPC Lattice settings, which DescribeServices shows only on deployments, are taken from the PRIMARY one', () => {
    const serviceConnectConfiguration = {enabled: true, namespace: 'arn:aws:servicediscovery:us-east-1:1:namespace/ns-1', services: [{portName: 'http'}]};
    const volumeConfigurations = [{name: 'data', managedEBSVolume: {roleArn: 'arn:aws:iam::1:role/infra', sizeInGiB: 100}}];
    const result = toCreateServiceInput({
      serviceName: 'web',
      deployments: [
        {status: 'ACTIVE', serviceConnectConfiguration: {enabled: false}},
        {status: 'PRIMARY', serviceConnectConfiguration, serviceConnectResources: [{discoveryName: 'http'}], volumeConfigurations},
      ],
    });
    expect(result.value).toEqual({serviceName: 'web', serviceConnectConfiguration, volumeConfigurations});
    expect(result.renamed).toEqual([
      {from: 'deployments[PRIMARY].serviceConnectConfiguration', to: 'serviceConnectConfiguration'},
      {from: 'deployments[PRIMARY].volumeConfigurations', to: 'volumeConfigurations'},
    ]);
  });
});

describe('reserved aws: tags', () => {
  test('are left out of both inputs (AWS sets them; Register/Create refuse them), each reported', () => {
    const tags = [
      {key: 'team', value: 'a'},
      {key: 'aws:cloudformation:stack-name', value: 'web'},
    ];
    expect(toCreateServiceInput({serviceName: 'web', tags})).toMatchObject({
      value: {serviceName: 'web', tags: [{key: 'team', value: 'a'}]},
      stripped: ['tags[1]'],
    });
    expect(toRegisterTaskDefinitionInput(td({}, {tags}))).toMatchObject({value: td({}, {tags: [{key: 'team', value: 'a'}]}), stripped: ['tags[1]']});
  });
});
