import {describe, expect, it} from 'vitest';
import {capacityCheck, scalingCheck} from '../../../source/operations/deploy/capacity-check.js';

const strategy = [
  {capacityProvider: 'FARGATE', weight: 1, base: 1},
  {capacityProvider: 'FARGATE_SPOT', weight: 3},
];
const plan = (extra: {clusterExists?: boolean; clusterCapacityProviders?: string[]; service?: Record<string, unknown>}) => ({
  cluster: 'arn:aws:ecs:us-east-1:123456789012:cluster/prod',
  clusterExists: extra.clusterExists ?? true,
  service: (extra.service ?? {capacityProviderStrategy: strategy}) as never,
  ...(extra.clusterCapacityProviders === undefined ? {} : {clusterCapacityProviders: extra.clusterCapacityProviders}),
});

describe('capacityCheck', () => {
  it('no strategy: no check', () => {
    expect(capacityCheck(plan({service: {launchType: 'FARGATE'}}))).toBeUndefined();
  });
  it('attached: ok', () => {
    expect(capacityCheck(plan({clusterCapacityProviders: ['FARGATE', 'FARGATE_SPOT']}))).toEqual({
      name: 'capacity-providers',
      status: 'ok',
      message: 'FARGATE, FARGATE_SPOT are attached to cluster prod',
    });
  });
  it('a provider the cluster lacks fails, naming it and what the cluster has, with how to attach it', () => {
    const result = capacityCheck(plan({clusterCapacityProviders: ['FARGATE']}));
    expect(result).toMatchObject({status: 'fail', message: 'FARGATE_SPOT is not attached to cluster prod (it has: FARGATE)'});
    expect(result?.hint).toContain('put-cluster-capacity-providers');
  });
  it('unknown providers: a warning; a cluster to create: Fargate is attached then, an Auto Scaling group provider cannot be', () => {
    expect(capacityCheck(plan({}))?.status).toBe('warn');
    expect(capacityCheck(plan({clusterExists: false}))).toMatchObject({
      status: 'ok',
      message: 'cluster prod will be created with FARGATE and FARGATE_SPOT attached',
    });
    expect(capacityCheck(plan({clusterExists: false, service: {capacityProviderStrategy: [{capacityProvider: 'asg', weight: 1}]}}))?.status).toBe('fail');
  });
});

describe('scalingCheck', () => {
  it('warns only when the scaling could not be read and is to change', () => {
    const unread = {
      plan: {action: 'apply' as const, wanted: {minCount: 1, maxCount: 2, policies: []}, registerTarget: true, put: [], lines: []},
      unread: 'AccessDenied',
      notes: [],
    };
    expect(scalingCheck({scaling: unread})).toMatchObject({name: 'auto-scaling', status: 'warn'});
    expect(scalingCheck({scaling: {plan: {action: 'none', lines: []}, notes: []}})).toBeUndefined();
  });
});
