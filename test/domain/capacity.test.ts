import {describe, expect, it} from 'vitest';
import {formatCapacityStrategy, parseCapacityProvider, strategyIssues, unattachedProviders, type StrategyContext} from '../../source/domain/capacity.js';
import type {CapacityProviderItem} from '../../source/domain/model.js';

const fargate: StrategyContext = {environment: 'prod', launchType: 'FARGATE', compatibilities: ['FARGATE']};
const codes = (strategy: CapacityProviderItem[], context = fargate) => strategyIssues(strategy, context).map((issue) => `${issue.severity}:${issue.code}`);

describe('parseCapacityProvider', () => {
  it.each([
    ['FARGATE:1:1', {capacityProvider: 'FARGATE', weight: 1, base: 1}],
    ['FARGATE_SPOT:3', {capacityProvider: 'FARGATE_SPOT', weight: 3}],
    ['my-asg_provider:0:0', {capacityProvider: 'my-asg_provider', weight: 0, base: 0}],
    [' FARGATE:1000 ', {capacityProvider: 'FARGATE', weight: 1000}],
  ])('%s', (text, item) => {
    expect(parseCapacityProvider(text)).toEqual({item});
  });

  it.each([
    ['FARGATE', 'is not NAME:WEIGHT[:BASE]'],
    ['FARGATE:1:2:3', 'is not NAME:WEIGHT[:BASE]'],
    ['bad name:1', 'is not NAME:WEIGHT[:BASE]'],
    ['FARGATE:x', 'the weight of "FARGATE:x" must be a whole number'],
    ['FARGATE:-1', 'the weight of "FARGATE:-1" must be a whole number'],
    ['FARGATE:1001', 'the weight of "FARGATE:1001" must be from 0 to 1000'],
    ['FARGATE:1:100001', 'the base of "FARGATE:1:100001" must be from 0 to 100000'],
    ['FARGATE:1:', 'the base of "FARGATE:1:" must be a whole number'],
  ])('refuses %s', (text, message) => {
    const result = parseCapacityProvider(text);
    expect('error' in result && result.error).toContain(message);
  });

  it('formats back to the flag form', () => {
    expect(
      formatCapacityStrategy([
        {capacityProvider: 'FARGATE', weight: 1, base: 1},
        {capacityProvider: 'FARGATE_SPOT', weight: 3},
      ]),
    ).toBe('FARGATE:1:1, FARGATE_SPOT:3');
  });
});

describe('strategyIssues', () => {
  it('accepts FARGATE with a base and FARGATE_SPOT with a weight, without a warning', () => {
    expect(
      codes([
        {capacityProvider: 'FARGATE', weight: 1, base: 1},
        {capacityProvider: 'FARGATE_SPOT', weight: 3},
      ]),
    ).toEqual([]);
  });

  it('warns about Spot without an on-demand floor, naming the two-minute notice and the fix', () => {
    const issues = strategyIssues([{capacityProvider: 'FARGATE_SPOT', weight: 1}], fargate);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({severity: 'warning', code: 'capacity-strategy-spot', path: 'capacityProviderStrategy'});
    expect(issues[0]?.message).toContain('two-minute notice');
    expect(issues[0]?.fix).toContain('FARGATE:1:1');
  });

  it('refuses two bases, all-zero weights, out-of-range numbers, duplicates and an empty strategy', () => {
    expect(
      codes([
        {capacityProvider: 'FARGATE', weight: 1, base: 1},
        {capacityProvider: 'FARGATE_SPOT', weight: 1, base: 2},
      ]),
    ).toEqual(['error:capacity-strategy-base']);
    expect(codes([{capacityProvider: 'FARGATE', weight: 0}])).toEqual(['error:capacity-strategy-weight']);
    expect(codes([{capacityProvider: 'FARGATE', weight: 1001}])).toEqual(['error:capacity-strategy-weight']);
    expect(codes([{capacityProvider: 'FARGATE', weight: 1, base: -1}])).toEqual(['error:capacity-strategy-base']);
    expect(
      codes([
        {capacityProvider: 'FARGATE', weight: 1},
        {capacityProvider: 'FARGATE', weight: 2},
      ]),
    ).toEqual(['error:capacity-strategy-duplicate']);
    expect(codes([])).toEqual(['error:capacity-strategy-empty']);
  });

  it('bases of 0 on several providers are no base (describe-services writes base 0 on every item)', () => {
    expect(
      codes([
        {capacityProvider: 'FARGATE', weight: 1, base: 0},
        {capacityProvider: 'FARGATE_SPOT', weight: 0, base: 0},
      ]),
    ).toEqual([]);
  });

  it('refuses Fargate providers for a task definition that is not Fargate-compatible', () => {
    const issues = strategyIssues([{capacityProvider: 'FARGATE', weight: 1}], {environment: 'dev', launchType: 'EC2', compatibilities: ['EC2']});
    expect(issues.map((issue) => issue.code)).toEqual(['capacity-strategy-fargate']);
    expect(issues[0]?.message).toContain('not Fargate-compatible');
  });

  it('refuses mixing Fargate and Auto Scaling group providers, and ASG providers for Fargate tasks', () => {
    expect(
      codes([
        {capacityProvider: 'FARGATE', weight: 1},
        {capacityProvider: 'asg-provider', weight: 1},
      ]),
    ).toContain('error:capacity-strategy-mixed');
    expect(codes([{capacityProvider: 'asg-provider', weight: 1}])).toEqual(['error:capacity-strategy-ec2']);
    expect(codes([{capacityProvider: 'asg-provider', weight: 1}], {environment: 'dev', launchType: 'EC2', compatibilities: ['EC2']})).toEqual([]);
  });

  it('names the providers a cluster does not have', () => {
    expect(
      unattachedProviders(
        [
          {capacityProvider: 'FARGATE', weight: 1},
          {capacityProvider: 'FARGATE_SPOT', weight: 1},
        ],
        ['FARGATE'],
      ),
    ).toEqual(['FARGATE_SPOT']);
  });
});
