/**
 * LoadBalancingPort on the AWS SDK v3 (Elastic Load Balancing v2: DescribeLoadBalancers, DescribeListeners,
 * DescribeRules, DescribeTargetGroups, every page). Errors become AwsError; a load balancer, listener, rule or
 * target group that does not exist is undefined.
 */
import type {Action, ElasticLoadBalancingV2Client, Rule, RuleCondition, TargetGroup} from '@aws-sdk/client-elastic-load-balancing-v2';
import {listenerOfRule, type ListenerFacts, type ListenerRuleFacts, type LoadBalancerFacts, type TargetGroupFacts} from '../../domain/load-balancer.js';
import {AwsError} from '../../errors.js';
import type {LoadBalancingPort} from '../../ports/load-balancing.js';
import type {AwsClientFactory} from './client-factory.js';
import {describeAwsError} from './errors.js';

const token = (value: string | undefined): string | undefined => (value === '' ? undefined : value);

function forwardedTo(actions: Action[] | undefined): string[] {
  const arns: string[] = [];
  for (const action of actions ?? []) {
    if (action.Type !== 'forward') continue;
    if (action.TargetGroupArn !== undefined) arns.push(action.TargetGroupArn);
    for (const group of action.ForwardConfig?.TargetGroups ?? []) if (group.TargetGroupArn !== undefined) arns.push(group.TargetGroupArn);
  }
  return [...new Set(arns)];
}

function conditionText(condition: RuleCondition): string {
  const values =
    condition.Values ??
    condition.PathPatternConfig?.Values ??
    condition.HostHeaderConfig?.Values ??
    condition.HttpHeaderConfig?.Values ??
    condition.HttpRequestMethodConfig?.Values ??
    condition.SourceIpConfig?.Values ??
    [];
  const header = condition.HttpHeaderConfig?.HttpHeaderName;
  return `${condition.Field ?? 'condition'}${header === undefined ? '' : ` ${header}`} ${values.join(', ')}`.trim();
}

function ruleOf(rule: Rule, listenerArn: string | undefined): ListenerRuleFacts {
  const arn = rule.RuleArn ?? '';
  return {
    arn,
    listenerArn: listenerArn ?? listenerOfRule(arn) ?? '',
    ...(rule.Priority === undefined ? {} : {priority: rule.Priority}),
    isDefault: rule.IsDefault === true,
    targetGroupArns: forwardedTo(rule.Actions),
    conditions: (rule.Conditions ?? []).map(conditionText),
  };
}

function targetGroupOf(group: TargetGroup): TargetGroupFacts {
  return {
    arn: group.TargetGroupArn ?? '',
    name: group.TargetGroupName ?? '',
    ...(group.TargetType === undefined ? {} : {targetType: group.TargetType}),
    ...(group.VpcId === undefined ? {} : {vpcId: group.VpcId}),
    ...(group.Port === undefined ? {} : {port: group.Port}),
    ...(group.Protocol === undefined ? {} : {protocol: group.Protocol}),
    loadBalancerArns: [...new Set(group.LoadBalancerArns ?? [])],
    ...(group.HealthCheckPath === undefined ? {} : {healthCheckPath: group.HealthCheckPath}),
    ...(group.Matcher?.HttpCode === undefined ? {} : {healthCheckCodes: group.Matcher.HttpCode}),
  };
}

const byPriority = (a: ListenerRuleFacts, b: ListenerRuleFacts): number =>
  Number(a.isDefault) - Number(b.isDefault) || Number(a.priority ?? 0) - Number(b.priority ?? 0);

export async function createLoadBalancingPort(factory: AwsClientFactory): Promise<LoadBalancingPort> {
  const client: ElasticLoadBalancingV2Client = await factory.client('elasticloadbalancing');
  const sdk = await import('@aws-sdk/client-elastic-load-balancing-v2');
  const target = await factory.target('elasticloadbalancing');

  async function call<T>(operation: string, send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (error) {
      throw describeAwsError(error, {service: 'elasticloadbalancing', operation, ...target});
    }
  }
  /** undefined for a "not found" answer (ELB answers LoadBalancerNotFound, ListenerNotFound… for an unknown ARN; moto sometimes a ValidationError). */
  async function found<T>(send: () => Promise<T | undefined>): Promise<T | undefined> {
    try {
      return await send();
    } catch (error) {
      if (error instanceof AwsError && error.kind === 'not-found') return undefined;
      throw error;
    }
  }
  const balancerOf = (balancer: import('@aws-sdk/client-elastic-load-balancing-v2').LoadBalancer): LoadBalancerFacts => ({
    arn: balancer.LoadBalancerArn ?? '',
    name: balancer.LoadBalancerName ?? '',
    ...(balancer.Type === undefined ? {} : {type: balancer.Type}),
    ...(balancer.VpcId === undefined ? {} : {vpcId: balancer.VpcId}),
    ...(balancer.Scheme === undefined ? {} : {scheme: balancer.Scheme}),
    ...(balancer.DNSName === undefined ? {} : {dnsName: balancer.DNSName}),
  });
  const listenerOf = (listener: import('@aws-sdk/client-elastic-load-balancing-v2').Listener): ListenerFacts => ({
    arn: listener.ListenerArn ?? '',
    loadBalancerArn: listener.LoadBalancerArn ?? '',
    ...(listener.Port === undefined ? {} : {port: listener.Port}),
    ...(listener.Protocol === undefined ? {} : {protocol: listener.Protocol}),
  });

  return {
    region: target.region,
    async listLoadBalancers() {
      const balancers: LoadBalancerFacts[] = [];
      let Marker: string | undefined;
      do {
        const page = await call('DescribeLoadBalancers', () => client.send(new sdk.DescribeLoadBalancersCommand({Marker})));
        balancers.push(...(page.LoadBalancers ?? []).filter((balancer) => balancer.Type !== 'gateway').map(balancerOf));
        Marker = token(page.NextMarker);
      } while (Marker !== undefined);
      return balancers.sort((a, b) => a.name.localeCompare(b.name));
    },
    async listListeners(loadBalancerArn) {
      const listeners: ListenerFacts[] = [];
      let Marker: string | undefined;
      do {
        const page = await call('DescribeListeners', () => client.send(new sdk.DescribeListenersCommand({LoadBalancerArn: loadBalancerArn, Marker})));
        listeners.push(...(page.Listeners ?? []).map(listenerOf));
        Marker = token(page.NextMarker);
      } while (Marker !== undefined);
      return listeners.sort((a, b) => (a.port ?? 0) - (b.port ?? 0));
    },
    async listRules(listenerArn) {
      const rules: ListenerRuleFacts[] = [];
      let Marker: string | undefined;
      do {
        const page = await call('DescribeRules', () => client.send(new sdk.DescribeRulesCommand({ListenerArn: listenerArn, Marker})));
        rules.push(...(page.Rules ?? []).map((rule) => ruleOf(rule, listenerArn)));
        Marker = token(page.NextMarker);
      } while (Marker !== undefined);
      return rules.sort(byPriority);
    },
    async listTargetGroups() {
      const groups: TargetGroupFacts[] = [];
      let Marker: string | undefined;
      do {
        const page = await call('DescribeTargetGroups', () => client.send(new sdk.DescribeTargetGroupsCommand({Marker})));
        groups.push(...(page.TargetGroups ?? []).map(targetGroupOf));
        Marker = token(page.NextMarker);
      } while (Marker !== undefined);
      return groups.sort((a, b) => a.name.localeCompare(b.name));
    },
    getLoadBalancer: (arn) =>
      found(async () => {
        const page = await call('DescribeLoadBalancers', () => client.send(new sdk.DescribeLoadBalancersCommand({LoadBalancerArns: [arn]})));
        const balancer = page.LoadBalancers?.[0];
        return balancer === undefined ? undefined : balancerOf(balancer);
      }),
    getListener: (arn) =>
      found(async () => {
        const page = await call('DescribeListeners', () => client.send(new sdk.DescribeListenersCommand({ListenerArns: [arn]})));
        const listener = page.Listeners?.[0];
        return listener === undefined ? undefined : listenerOf(listener);
      }),
    getRule: (arn) =>
      found(async () => {
        const page = await call('DescribeRules', () => client.send(new sdk.DescribeRulesCommand({RuleArns: [arn]})));
        const rule = page.Rules?.[0];
        return rule === undefined ? undefined : ruleOf(rule, undefined);
      }),
    getTargetGroup: (arn) =>
      found(async () => {
        const page = await call('DescribeTargetGroups', () => client.send(new sdk.DescribeTargetGroupsCommand({TargetGroupArns: [arn]})));
        const group = page.TargetGroups?.[0];
        return group === undefined ? undefined : targetGroupOf(group);
      }),
  };
}
