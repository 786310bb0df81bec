/**
 * ScalingPort on the AWS SDK v3 (Application Auto Scaling; ELBv2 for a target group's load balancer). The SDK is
 * loaded lazily through the client factory. Errors become AwsError.
 */
import type {ScalingPolicy} from '@aws-sdk/client-application-auto-scaling';
import {metricOfPredefined, PREDEFINED_METRICS, scalingResourceId, type ExistingScalingPolicy} from '../../domain/auto-scaling.js';
import {AwsError} from '../../errors.js';
import type {ScalingPort} from '../../ports/scaling.js';
import type {AwsClientFactory} from './client-factory.js';
import {describeAwsError} from './errors.js';

const NAMESPACE = 'ecs';
const DIMENSION = 'ecs:service:DesiredCount';

/** A policy as the port shows it (only target tracking on ECS's predefined metrics is read in full). */
export function existingPolicy(policy: ScalingPolicy): ExistingScalingPolicy {
  const configuration = policy.TargetTrackingScalingPolicyConfiguration;
  const predefined = configuration?.PredefinedMetricSpecification;
  const metric = metricOfPredefined(predefined?.PredefinedMetricType);
  const result: ExistingScalingPolicy = {name: policy.PolicyName ?? '', policyType: policy.PolicyType ?? 'unknown'};
  if (configuration !== undefined && metric === undefined) result.customMetric = true;
  if (metric !== undefined && configuration?.TargetValue !== undefined) {
    result.metric = metric;
    result.target = configuration.TargetValue;
    if (predefined?.ResourceLabel !== undefined) result.resourceLabel = predefined.ResourceLabel;
    if (configuration.ScaleInCooldown !== undefined) result.scaleInCooldown = configuration.ScaleInCooldown;
    if (configuration.ScaleOutCooldown !== undefined) result.scaleOutCooldown = configuration.ScaleOutCooldown;
    if (configuration.DisableScaleIn !== undefined) result.disableScaleIn = configuration.DisableScaleIn;
  }
  return result;
}

/** `app/LB/ID/targetgroup/TG/ID` from the two ARNs. */
export function resourceLabelOf(loadBalancerArn: string, targetGroupArn: string): string | undefined {
  const balancer = /:loadbalancer\/(app\/[^/]+\/[^/]+)$/.exec(loadBalancerArn)?.[1];
  const group = /:(targetgroup\/[^/]+\/[^/]+)$/.exec(targetGroupArn)?.[1];
  return balancer === undefined || group === undefined ? undefined : `${balancer}/${group}`;
}

export async function createScalingPort(factory: AwsClientFactory): Promise<ScalingPort> {
  const client = await factory.client('application-autoscaling');
  const sdk = await import('@aws-sdk/client-application-auto-scaling');
  const target = await factory.target('application-autoscaling');

  async function call<T>(operation: string, send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (error) {
      throw describeAwsError(error, {service: 'application-autoscaling', operation, ...target});
    }
  }

  return {
    async describe(clusterName, serviceName) {
      const resourceId = scalingResourceId(clusterName, serviceName);
      const targets = await call('DescribeScalableTargets', () =>
        client.send(new sdk.DescribeScalableTargetsCommand({ServiceNamespace: NAMESPACE, ResourceIds: [resourceId], ScalableDimension: DIMENSION})),
      );
      const found = (targets.ScalableTargets ?? []).find((candidate) => candidate.ResourceId === resourceId);
      const policies: ExistingScalingPolicy[] = [];
      let nextToken: string | undefined;
      do {
        const page = await call('DescribeScalingPolicies', () =>
          client.send(
            new sdk.DescribeScalingPoliciesCommand({ServiceNamespace: NAMESPACE, ResourceId: resourceId, ScalableDimension: DIMENSION, NextToken: nextToken}),
          ),
        );
        for (const policy of page.ScalingPolicies ?? []) if (policy.ResourceId === resourceId) policies.push(existingPolicy(policy));
        nextToken = page.NextToken === '' ? undefined : page.NextToken;
      } while (nextToken !== undefined);
      return {
        ...(found === undefined ? {} : {target: {minCount: found.MinCapacity ?? 0, maxCount: found.MaxCapacity ?? 0}}),
        policies,
      };
    },

    async registerTarget(clusterName, serviceName, range) {
      await call('RegisterScalableTarget', () =>
        client.send(
          new sdk.RegisterScalableTargetCommand({
            ServiceNamespace: NAMESPACE,
            ResourceId: scalingResourceId(clusterName, serviceName),
            ScalableDimension: DIMENSION,
            MinCapacity: range.minCount,
            MaxCapacity: range.maxCount,
          }),
        ),
      );
    },

    async putPolicy(clusterName, serviceName, policy) {
      await call('PutScalingPolicy', () =>
        client.send(
          new sdk.PutScalingPolicyCommand({
            PolicyName: policy.name,
            ServiceNamespace: NAMESPACE,
            ResourceId: scalingResourceId(clusterName, serviceName),
            ScalableDimension: DIMENSION,
            PolicyType: 'TargetTrackingScaling',
            TargetTrackingScalingPolicyConfiguration: {
              TargetValue: policy.target,
              PredefinedMetricSpecification: {
                PredefinedMetricType: PREDEFINED_METRICS[policy.metric] as 'ECSServiceAverageCPUUtilization',
                ...(policy.resourceLabel === undefined ? {} : {ResourceLabel: policy.resourceLabel}),
              },
              ...(policy.scaleInCooldown === undefined ? {} : {ScaleInCooldown: policy.scaleInCooldown}),
              ...(policy.scaleOutCooldown === undefined ? {} : {ScaleOutCooldown: policy.scaleOutCooldown}),
              ...(policy.disableScaleIn === undefined ? {} : {DisableScaleIn: policy.disableScaleIn}),
            },
          }),
        ),
      );
    },

    async deregisterTarget(clusterName, serviceName) {
      await call('DeregisterScalableTarget', () =>
        client.send(
          new sdk.DeregisterScalableTargetCommand({
            ServiceNamespace: NAMESPACE,
            ResourceId: scalingResourceId(clusterName, serviceName),
            ScalableDimension: DIMENSION,
          }),
        ),
      );
    },

    async requestCountLabel(targetGroupArn) {
      const elb = await factory.client('elasticloadbalancing');
      const elbSdk = await import('@aws-sdk/client-elastic-load-balancing-v2');
      const elbTarget = await factory.target('elasticloadbalancing');
      let groups;
      try {
        groups = await elb.send(new elbSdk.DescribeTargetGroupsCommand({TargetGroupArns: [targetGroupArn]}));
      } catch (error) {
        throw describeAwsError(error, {service: 'elasticloadbalancing', operation: 'DescribeTargetGroups', ...elbTarget});
      }
      const balancers = groups.TargetGroups?.[0]?.LoadBalancerArns ?? [];
      const label = balancers.map((arn) => resourceLabelOf(arn, targetGroupArn)).find((value) => value !== undefined);
      if (label === undefined) {
        throw new AwsError(`target group ${targetGroupArn} is not attached to an Application Load Balancer: ALBRequestCountPerTarget has nothing to count`, {
          kind: 'invalid',
          awsName: 'NoLoadBalancer',
          hint: 'attach the target group to an Application Load Balancer listener, or scale on CPU or memory',
        });
      }
      return label;
    },
  };
}
