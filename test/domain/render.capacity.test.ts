import {describe, expect, it} from 'vitest';
import type {Profile} from '../../source/domain/model.js';
import {renderAndValidate} from '../../source/domain/render-and-validate.js';
import {ec2FormProfile, fargateJsonProfile} from '../helpers/profile-fixtures.js';

const SPOT_STRATEGY = [
  {capacityProvider: 'FARGATE', weight: 1, base: 1},
  {capacityProvider: 'FARGATE_SPOT', weight: 3},
];

function withStrategy(profile: Profile, strategy = SPOT_STRATEGY): Profile {
  profile.environments[0]!.capacityProviderStrategy = strategy;
  return profile;
}

describe('render: the environment’s capacity provider strategy', () => {
  it('puts capacityProviderStrategy in the service and leaves launchType out; the task definition still requires FARGATE', () => {
    const result = renderAndValidate({profile: withStrategy(fargateJsonProfile()), environment: 'staging'});
    expect(result.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(result.service?.['capacityProviderStrategy']).toEqual(SPOT_STRATEGY);
    expect(result.service).not.toHaveProperty('launchType');
    expect(result.taskDefinition?.['requiresCompatibilities']).toEqual(['FARGATE']);
    // Only the environment that has a strategy gets one.
    const production = renderAndValidate({profile: withStrategy(fargateJsonProfile()), environment: 'production'});
    expect(production.service?.['launchType']).toBe('FARGATE');
    expect(production.service).not.toHaveProperty('capacityProviderStrategy');
  });

  it("replaces the spec's own strategy and launchType, with a warning for each", () => {
    const profile = withStrategy(fargateJsonProfile());
    profile.service.serviceSpec = JSON.stringify({
      schedulingStrategy: 'REPLICA',
      launchType: 'FARGATE',
      capacityProviderStrategy: [{capacityProvider: 'FARGATE', weight: 1}],
    });
    const result = renderAndValidate({profile, environment: 'staging'});
    expect(result.service?.['capacityProviderStrategy']).toEqual(SPOT_STRATEGY);
    expect(result.service).not.toHaveProperty('launchType');
    const warnings = result.issues.filter((issue) => issue.code === 'field-replaced').map((issue) => issue.path);
    expect(warnings).toEqual(expect.arrayContaining(['capacityProviderStrategy', 'launchType']));
    expect(result.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
  });

  it('refuses Fargate providers for an EC2 task definition, naming the environment field', () => {
    const profile = ec2FormProfile();
    profile.environments[0]!.capacityProviderStrategy = [{capacityProvider: 'FARGATE_SPOT', weight: 1}];
    const result = renderAndValidate({profile, environment: 'dev'});
    const errors = result.issues.filter((issue) => issue.severity === 'error');
    expect(errors.map((issue) => `${issue.source} ${issue.path} ${issue.code}`)).toEqual(['environment capacityProviderStrategy capacity-strategy-fargate']);
  });

  it('warns about Spot without a FARGATE base', () => {
    const result = renderAndValidate({profile: withStrategy(fargateJsonProfile(), [{capacityProvider: 'FARGATE_SPOT', weight: 1}]), environment: 'staging'});
    expect(result.issues.map((issue) => issue.code)).toContain('capacity-strategy-spot');
  });
});

describe('render: auto scaling rules', () => {
  it('refuses requests per target without a load balancer, and a DAEMON service', () => {
    const profile = fargateJsonProfile();
    profile.service.autoScaling = {minCount: 2, maxCount: 10, policies: [{metric: 'requests', target: 1000}]};
    const result = renderAndValidate({profile, environment: 'staging'});
    const errors = result.issues.filter((issue) => issue.severity === 'error');
    expect(errors.map((issue) => issue.path)).toEqual(['service.autoScaling.policies[0]']);
    expect(errors[0]?.message).toContain('no loadBalancers with a targetGroupArn');

    const daemon = ec2FormProfile();
    daemon.service.serviceSpec = '{"schedulingStrategy": "DAEMON"}';
    daemon.service.autoScaling = {minCount: 1, maxCount: 2, policies: [{metric: 'cpu', target: 60}]};
    const daemonErrors = renderAndValidate({profile: daemon, environment: 'dev'}).issues.filter((issue) => issue.severity === 'error');
    expect(daemonErrors.map((issue) => issue.message)).toEqual([expect.stringContaining('DAEMON')]);
  });

  it('accepts requests per target when the service has a target group', () => {
    const profile = fargateJsonProfile();
    profile.service.serviceSpec = JSON.stringify({
      schedulingStrategy: 'REPLICA',
      loadBalancers: [
        {
          targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef',
          containerName: '${CONTAINER_NAME}',
          containerPort: 8080,
        },
      ],
    });
    profile.service.autoScaling = {minCount: 2, maxCount: 10, policies: [{metric: 'requests', target: 1000}]};
    const result = renderAndValidate({profile, environment: 'staging'});
    expect(result.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
  });
});
