/**
 * What ELB says of a Copilot service's target groups: the health check of each, the path-pattern of the
 * environment listeners' rules forwarding to it (default rules left out); what cannot be read is a gap, one line
 * each. (Elastic Load Balancing out of reach altogether: test/integration/import-copilot.test.ts.)
 */
import {expect, test} from 'vitest';
import {AwsError} from '../../source/errors.js';
import {readTargetGroups} from '../../source/operations/import-copilot-elb.js';
import type {ListenerRuleFacts, LoadBalancingPort, TargetGroupFacts} from '../../source/ports/load-balancing.js';

const PREFIX = 'arn:aws:elasticloadbalancing:us-east-1:123456789012';
const WEB = `${PREFIX}:targetgroup/web/0123456789abcdef`;
const GONE = `${PREFIX}:targetgroup/gone/0123456789abcdef`;
const LISTENER = `${PREFIX}:listener/app/shop-Publi/0123456789abcdef/fedcba9876543210`;
const BROKEN = `${PREFIX}:listener/app/shop-Publi/0123456789abcdef/0000000000000000`;

const rule = (priority: string, groups: string[], conditions: string[], isDefault = false): ListenerRuleFacts => ({
  arn: `${LISTENER.replace(':listener/', ':listener-rule/')}/${priority}`,
  listenerArn: LISTENER,
  priority,
  isDefault,
  targetGroupArns: groups,
  conditions,
});

const elb = {
  region: 'us-east-1',
  listRules: async (listener: string) => {
    if (listener === BROKEN) throw new AwsError('AccessDenied: not allowed to DescribeRules', {kind: 'access-denied', awsName: 'AccessDenied'});
    return [
      rule('1', [WEB], ['host-header api.example.com', 'path-pattern /api, /api/*']),
      rule('2', [`${PREFIX}:targetgroup/other/1`], ['path-pattern /other']),
      rule('default', [WEB], [], true),
    ];
  },
  getTargetGroup: async (arn: string): Promise<TargetGroupFacts | undefined> =>
    arn === WEB ? {arn, name: 'web', loadBalancerArns: [], healthCheckPath: '/_health', healthCheckCodes: '200'} : undefined,
} as unknown as LoadBalancingPort;

test('each target group: its health check and the paths and hosts of the rules that forward to it; what cannot be read, a gap', async () => {
  const result = await readTargetGroups(
    elb,
    [
      {targetGroupArn: WEB, containerName: 'web', containerPort: 8080},
      {targetGroupArn: GONE, containerName: 'web', containerPort: 9000},
    ],
    [LISTENER, BROKEN],
  );
  expect(result.groups).toEqual({[WEB]: {healthCheckPath: '/_health', successCodes: '200', rulePaths: ['/api, /api/*'], ruleHosts: ['api.example.com']}});
  expect(result.gaps).toEqual([
    `the rules of listener ${BROKEN} could not be read (AccessDenied: not allowed to DescribeRules)`,
    `the target group ${GONE} does not exist`,
  ]);
});
