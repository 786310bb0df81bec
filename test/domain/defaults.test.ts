import {describe, expect, test} from 'vitest';
import {defaultContainerSpec, defaultServiceSpec, defaultServiceSpecValue, newProfile, switchStrategy} from '../../source/domain/defaults.js';
import {parseJsonText} from '../../source/domain/json-text.js';
import type {Environment} from '../../source/domain/model.js';
import {renderAndValidate} from '../../source/domain/render-and-validate.js';

describe('default service specification', () => {
  test("is exactly the seed's REPLICA JSON", () => {
    expect(JSON.parse(defaultServiceSpec())).toEqual({
      placementConstraints: [],
      placementStrategy: [],
      healthCheckGracePeriodSeconds: null,
      schedulingStrategy: 'REPLICA',
    });
    expect(defaultServiceSpec()).toBe(
      '{\n  "placementConstraints": [],\n  "placementStrategy": [],\n  "healthCheckGracePeriodSeconds": null,\n  "schedulingStrategy": "REPLICA"\n}',
    );
  });

  test('DAEMON is the same with schedulingStrategy DAEMON', () => {
    expect(defaultServiceSpecValue('DAEMON')).toEqual({
      placementConstraints: [],
      placementStrategy: [],
      healthCheckGracePeriodSeconds: null,
      schedulingStrategy: 'DAEMON',
    });
    expect(defaultServiceSpec('DAEMON')).toBe(defaultServiceSpec('REPLICA').replace('REPLICA', 'DAEMON'));
  });
});

describe('switchStrategy', () => {
  test('REPLICA → DAEMON on the default spec', () => {
    expect(switchStrategy(defaultServiceSpec('REPLICA'), 'DAEMON')).toEqual({text: defaultServiceSpec('DAEMON'), removed: [], issues: []});
  });

  test('DAEMON removes desiredCount and empties placementStrategy; unquoted placeholders stay unquoted', () => {
    const text = `{
  "desiredCount": 3,
  "placementStrategy": [{"type": "spread", "field": "attribute:ecs.availability-zone"}],
  "schedulingStrategy": "REPLICA",
  "serviceRegistries": [{"containerName": "\${CONTAINER_NAME}", "containerPort": \${serviceVariable.containerPort}}]
}`;
    const switched = switchStrategy(text, 'DAEMON');
    expect(switched.removed).toEqual(['desiredCount', 'placementStrategy']);
    expect(switched.issues).toEqual([]);
    expect(switched.text).toContain('"containerPort": ${serviceVariable.containerPort}');
    expect(parseJsonText(switched.text, 'serviceSpec').value).toEqual({
      placementStrategy: [],
      schedulingStrategy: 'DAEMON',
      serviceRegistries: [{containerName: '${CONTAINER_NAME}', containerPort: '${serviceVariable.containerPort}'}],
    });
  });

  test('adds schedulingStrategy when the spec has none', () => {
    const switched = switchStrategy('{"desiredCount": 2}', 'REPLICA');
    expect(JSON.parse(switched.text)).toEqual({desiredCount: 2, schedulingStrategy: 'REPLICA'});
  });

  test('keeps the text (and its formatting) when nothing changes', () => {
    const text = '{ "schedulingStrategy":"DAEMON" }';
    expect(switchStrategy(text, 'DAEMON')).toEqual({text, removed: [], issues: []});
  });

  test('a text that cannot be read comes back unchanged, with the issue', () => {
    const text = '{"schedulingStrategy": "REPLICA",}';
    const switched = switchStrategy(text, 'DAEMON');
    expect(switched.text).toBe(text);
    expect(switched.issues).toEqual([expect.objectContaining({code: 'json-syntax', line: 1, column: 34})]);
    expect(switchStrategy('[]', 'DAEMON').issues).toEqual([expect.objectContaining({code: 'wrong-type', path: ''})]);
  });
});

describe('newProfile', () => {
  const ec2: Environment = {name: 'dev', region: 'us-east-1', cluster: 'demo', launchType: 'EC2', overrides: {}};
  const fargate: Environment = {
    name: 'prod',
    region: 'us-east-1',
    cluster: 'demo',
    launchType: 'FARGATE',
    overrides: {},
    executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
    network: {subnets: ['subnet-0123456789abcdef0'], securityGroups: ['sg-0123456789abcdef0'], assignPublicIp: true},
  };
  const artifact = {registry: 'dockerhub' as const, host: 'registry.hub.docker.com', image: 'library/nginx', tag: 'stable-perl'};

  test('EC2: the simplified form and the default REPLICA spec', () => {
    const profile = newProfile({name: 'nginx', artifact, environment: ec2, now: '2025-01-01T00:00:00.000Z'});
    expect(profile).toMatchObject({
      name: 'nginx',
      application: 'nginx',
      runs: [],
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
    });
    expect(profile.service).toMatchObject({
      name: 'nginx',
      launchType: 'EC2',
      containerSpec: defaultContainerSpec('EC2'),
      serviceSpec: defaultServiceSpec(),
      variables: {},
    });
    expect(profile.service.containerSpec.mode).toBe('form');
  });

  test.each([
    ['EC2', ec2],
    ['FARGATE', fargate],
  ] as const)('a new %s profile renders without errors', (_launchType, environment) => {
    const profile = newProfile({name: 'nginx', serviceName: 'web', application: 'demo', artifact, environment, now: '2025-01-01T00:00:00.000Z'});
    const result = renderAndValidate({profile, environment: environment.name});
    expect(result.issues).toEqual([]);
    expect(result.taskDefinition).toMatchObject({
      family: 'web',
      containerDefinitions: [{name: 'library_nginx_stable-perl', image: 'registry.hub.docker.com/library/nginx:stable-perl'}],
    });
    expect(result.service).toMatchObject({serviceName: 'web', cluster: 'demo', taskDefinition: 'web', launchType: environment.launchType, desiredCount: 1});
  });
});
