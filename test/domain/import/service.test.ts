import {describe, expect, test} from 'vitest';
import {importService} from '../../../source/domain/import/service.js';
import {importTaskDefinition} from '../../../source/domain/import/task-definition.js';
import type {JsonObject, JsonValue} from '../../../source/domain/json.js';
import {text, ok, codes, describedService, describedTask} from './fixtures.js';

describe('importService', () => {
  test('a described service → CreateService-shaped spec, with cluster, launch type, network and task definition moved out', () => {
    const task = ok(importTaskDefinition(text(describedTask)));
    const result = importService(text({services: [describedService], failures: []}), {taskDefinition: task});
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.serviceName).toBe('web');
    expect(result.taskDefinition).toBe('app:7');
    expect(result.environment).toEqual({
      region: 'eu-west-1',
      cluster: 'prod',
      launchType: 'FARGATE',
      network: {subnets: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'], securityGroups: ['sg-0123abcd'], assignPublicIp: true},
    });
    expect(JSON.parse(result.serviceSpecJson)).toEqual({
      serviceName: 'web',
      loadBalancers: [],
      serviceRegistries: [
        {registryArn: 'arn:aws:servicediscovery:eu-west-1:123456789012:service/srv-jwyz7x4igkxckqno', containerName: '${CONTAINER_NAME}', containerPort: 8080},
      ],
      desiredCount: 3,
      platformVersion: 'LATEST',
      deploymentConfiguration: {deploymentCircuitBreaker: {enable: true, rollback: true}, maximumPercent: 200, minimumHealthyPercent: 100},
      placementConstraints: [],
      placementStrategy: [],
      healthCheckGracePeriodSeconds: 0,
      schedulingStrategy: 'REPLICA',
      deploymentController: {type: 'ECS'},
      enableECSManagedTags: false,
      propagateTags: 'NONE',
      enableExecuteCommand: false,
    });
    expect(result.replacements).toEqual([
      {path: 'cluster', from: 'arn:aws:ecs:eu-west-1:123456789012:cluster/prod', to: 'environment.cluster'},
      {path: 'launchType', from: 'FARGATE', to: 'environment.launchType'},
      {path: 'networkConfiguration', from: describedService['networkConfiguration'] as JsonValue, to: 'environment.network'},
      {path: 'taskDefinition', from: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/app:7', to: 'the registered task definition'},
      {path: 'serviceRegistries[0].containerName', from: 'team_api_1_4_2', to: '${CONTAINER_NAME}'},
    ]);
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
    ]);
    expect(result.issues).toEqual([]);
  });

  test('a bare service object is accepted', () => {
    expect(importService(text(describedService)).ok).toBe(true);
  });

  test('several services: the caller names one', () => {
    const other = {...describedService, serviceName: 'api', serviceArn: 'arn:aws:ecs:eu-west-1:123456789012:service/prod/api'};
    const both = text({services: [describedService, other], failures: []});
    const unnamed = importService(both);
    expect(unnamed.ok).toBe(false);
    expect(unnamed.issues[0]?.message).toBe('The output holds 2 services (web, api): say which one to import');
    // `aws ecs describe-services --services web api > svc.json` is one file: import takes one with --service.
    expect(unnamed.issues[0]?.fix).toBe("Keep only that one in the output, or name it with import's --service NAME: web or api");
    const named = importService(both, {serviceName: 'api'});
    expect(named.ok && named.serviceName).toBe('api');
  });

  test('an output with only failures says why', () => {
    const result = importService(text({services: [], failures: [{arn: 'arn:aws:ecs:eu-west-1:123456789012:service/prod/gone', reason: 'MISSING'}]}));
    expect(result.issues.map((item) => item.message)).toEqual([
      'The describe-services output holds no service: MISSING (arn:aws:ecs:eu-west-1:123456789012:service/prod/gone)',
    ]);
  });

  test('a capacity provider strategy stays in the spec and decides the environment launch type', () => {
    const spot = {...describedService, capacityProviderStrategy: [{capacityProvider: 'FARGATE_SPOT', weight: 1, base: 0}]};
    delete (spot as JsonObject)['launchType'];
    const result = importService(text(spot));
    if (!result.ok) throw new Error('not ok');
    expect(result.environment.launchType).toBe('FARGATE');
    expect(JSON.parse(result.serviceSpecJson).capacityProviderStrategy).toEqual([{capacityProvider: 'FARGATE_SPOT', weight: 1, base: 0}]);
  });

  test('a service of another family than the imported task definition is reported', () => {
    const task = ok(importTaskDefinition(text(describedTask)));
    const result = importService(text({...describedService, taskDefinition: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/other:2'}), {
      taskDefinition: task,
    });
    expect(codes(result.issues)).toEqual(['import-task-family']);
  });

  test('a syntax error has line and column', () => {
    const result = importService('{"services": [\n  {"serviceName": "web",,}\n]}');
    expect(result.ok).toBe(false);
    expect(result.issues[0]).toMatchObject({code: 'json-syntax', line: 2, column: 25});
  });
});

describe("importService: ECS's rules of the CreateService input", () => {
  test('a service ECS refuses is not imported; the issue is located in the pasted text', () => {
    const result = importService(text({services: [{...describedService, desiredCount: 1e12, enableExecuteCommand: 'yes'}], failures: []}));
    expect(result.ok).toBe(false);
    expect(result.issues.filter((item) => item.severity === 'error').map((item) => [item.code, item.path, typeof item.line])).toEqual([
      ['out-of-range', 'desiredCount', 'number'],
      ['wrong-type', 'enableExecuteCommand', 'number'],
    ]);
  });
});
