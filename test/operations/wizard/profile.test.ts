import {describe, expect, test} from 'vitest';
import {assembleProfile, blockingCount, missingAnswers, missingVariables, suggestProfileName} from '../../../source/operations/wizard/profile.js';
import {FARGATE_JSON, ROLE, SECRET, ec2DaemonAnswers, fargateAnswers} from './fixtures.js';

const NOW = '2026-01-02T03:04:05.000Z';

describe('the profile', () => {
  test('config variables the specifications use without a value', () => {
    const answers = {...fargateAnswers(), containerJson: FARGATE_JSON.replace('8080', '${serviceVariable.port}'), variables: {}};
    expect(missingVariables(answers)).toEqual(['port']);
    expect(missingVariables({...answers, discovery: {...answers.discovery!, containerPort: '${serviceVariable.containerPort}'}})).toEqual([
      'containerPort',
      'port',
    ]);
  });

  test('a Fargate profile: awsvpc, discovery, private registry — renders without errors', () => {
    const assembled = assembleProfile(fargateAnswers(), {now: NOW});
    expect(assembled.problems).toEqual([]);
    expect(blockingCount(assembled)).toBe(0);
    const profile = assembled.profile!;
    expect(profile).toMatchObject({
      name: 'web-api',
      application: 'ECS Demo',
      createdAt: NOW,
      service: {
        name: 'web-api',
        artifact: {registry: 'registry', host: 'registry.example.com:5000', image: 'team/web-api', tag: '1.4.2', username: 'deploy'},
        launchType: 'FARGATE',
        containerSpec: {mode: 'json', json: FARGATE_JSON},
        variables: {containerPort: '8080'},
        registryAuth: {credentialsSecretArn: SECRET},
      },
      environments: [
        {name: 'production', network: {subnets: ['subnet-0a1b2c3d'], securityGroups: ['sg-0a1b2c3d'], assignPublicIp: false}, executionRoleArn: ROLE},
      ],
    });
    expect(assembled.issues.production!.filter((issue) => issue.severity === 'error')).toEqual([]);
  });

  test('an EC2 DAEMON profile from the simplified form', () => {
    const assembled = assembleProfile(ec2DaemonAnswers(), {now: NOW, name: 'log-agent-dev'});
    expect(blockingCount(assembled)).toBe(0);
    expect(assembled.profile?.service.containerSpec).toEqual({
      mode: 'form',
      form: {
        name: '${CONTAINER_NAME}',
        memoryReservation: 128,
        portMappings: [{containerPort: 80, protocol: 'tcp'}],
        environment: [{name: 'LOG_LEVEL', value: 'info'}],
        essential: true,
        networkMode: 'bridge',
      },
    });
    expect(JSON.parse(assembled.profile!.service.serviceSpec)).toEqual({
      placementConstraints: [],
      placementStrategy: [],
      healthCheckGracePeriodSeconds: null,
      schedulingStrategy: 'DAEMON',
    });
    expect(assembled.profile?.environments[0]).toEqual({name: 'dev', region: 'eu-west-1', cluster: 'dev-ec2', launchType: 'EC2', overrides: {}});
  });

  test('missing answers are listed by field (init maps them to flags)', () => {
    expect(missingAnswers({launchType: 'FARGATE', registry: 'registry', environments: [{name: 'x'}]}).map((problem) => problem.field)).toEqual([
      'application',
      'serviceName',
      'registryHost',
      'image',
      'tag',
      'registryAuth',
      'environment.region',
      'environment.cluster',
      'environment.subnets',
      'environment.securityGroups',
      'environment.executionRole',
    ]);
  });

  test('rendering issues of an environment are reported with their path (an override breaking discovery)', () => {
    const answers = fargateAnswers();
    answers.environments!.push({
      name: 'staging',
      region: 'us-east-1',
      cluster: 'staging',
      subnets: ['subnet-0a1b2c3d'],
      securityGroups: ['sg-0a1b2c3d'],
      overrides: {containerPort: '9090'},
    });
    const assembled = assembleProfile(answers, {now: NOW});
    expect(assembled.issues.staging).toContainEqual(
      expect.objectContaining({severity: 'error', path: 'serviceRegistries[0].containerPort', code: 'discovery-container-port'}),
    );
    expect(blockingCount(assembled)).toBe(1);
  });

  test('the suggested profile name avoids taken ones', () => {
    expect(suggestProfileName({serviceName: 'web-api'}, ['web-api', 'web-api-2'])).toBe('web-api-3');
    expect(suggestProfileName({application: 'ECS Demo'})).toBe('ECS-Demo');
  });
});
