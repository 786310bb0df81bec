import {describe, expect, test} from 'vitest';
import type {JsonObject, JsonValue} from '../../../../source/domain/json.js';
import {parseJsonText} from '../../../../source/domain/json-text.js';
import {ecsServiceIssues, ecsTaskDefinitionIssues} from '../../../../source/domain/validate/ecs/document.js';
import {validateServiceDefinition} from '../../../../source/domain/validate/service-definition.js';
import {validateTaskDefinition} from '../../../../source/domain/validate/task-definition.js';
import {blueGreenService, ec2Everything, fargateEverything, progressiveServices} from './documents.js';

const codes = (issues: readonly {code: string; path: string}[]): string[] => issues.map((issue) => `${issue.code} ${issue.path}`);
const NETWORK = {subnets: ['subnet-0123456789abcdef0'], securityGroups: ['sg-0123456789abcdef0'], assignPublicIp: false};

describe('what runs in production today passes, without a warning', () => {
  test.each<[string, JsonObject]>([
    ['Fargate: EFS, App Mesh, FireLens, an inference accelerator, a restart policy', fargateEverything()],
    ['EC2 bridge: GPUs (shared too), links, host and FSx volumes, Docker options', ec2Everything()],
  ])('task definition: %s', (_name, task) => {
    expect(codes(ecsTaskDefinitionIssues(task))).toEqual([]);
  });

  test('the same documents in their environments', () => {
    expect(codes(validateTaskDefinition(fargateEverything(), {launchType: 'FARGATE', network: NETWORK}))).toEqual([]);
    expect(codes(validateTaskDefinition(ec2Everything(), {launchType: 'EC2'}))).toEqual([]);
    expect(codes(validateServiceDefinition(blueGreenService(), fargateEverything(), {launchType: 'FARGATE', network: NETWORK}))).toEqual([]);
  });

  test.each<[string, JsonObject]>([
    ['blue/green with Service Connect, VPC Lattice, an EBS volume, alarms and hooks', blueGreenService()],
    ...progressiveServices().map((service): [string, JsonObject] => [String(service['serviceName']), service]),
  ])('service: %s', (_name, service) => {
    expect(codes(ecsServiceIssues(service))).toEqual([]);
  });

  test('describe-task-definition output: its read-only fields are not unknown', () => {
    const described = {
      ...fargateEverything(),
      taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/shop-web:42',
      revision: 42,
      status: 'ACTIVE',
      compatibilities: ['EC2', 'FARGATE'],
      registeredAt: '2026-01-01T00:00:00Z',
    };
    expect(codes(ecsTaskDefinitionIssues(described))).toEqual([]);
  });
});

describe('issues are located and say what ECS takes', () => {
  test('a wrong value is reported at its line and column, in the given source', () => {
    const text = '{\n  "containerDefinitions": [\n    {"name": "web", "image": "nginx", "essential": "yes"}\n  ]\n}';
    const parsed = parseJsonText(text, 'import');
    const [issue] = ecsTaskDefinitionIssues(parsed.value, {parsed, source: 'import'});
    expect(issue).toMatchObject({code: 'wrong-type', severity: 'error', source: 'import', path: 'containerDefinitions[0].essential', line: 3, column: 52});
    expect(issue?.message).toBe('essential must be true or false, found a string ("yes")');
  });

  test('a field the table does not know is a warning naming it (it may be newer than this tool)', () => {
    const issues = ecsServiceIssues({serviceName: 'web', deploymentConfiguration: {strategy: 'ROLLING', rolloutSpeed: 'fast'}});
    expect(issues).toEqual([expect.objectContaining({code: 'unknown-field', severity: 'warning', path: 'deploymentConfiguration.rolloutSpeed'})]);
    expect(issues[0]?.message).toContain('"rolloutSpeed" is not a field of the deployment configuration');
  });

  test.each<[string, JsonValue]>([
    ['null', null],
    ['an array', []],
    ['a string', 'web'],
  ])('a document that is %s has no ECS issues of its own (its reader reports it)', (_name, value) => {
    expect(ecsTaskDefinitionIssues(value)).toEqual([]);
    expect(ecsServiceIssues(value)).toEqual([]);
  });
});
