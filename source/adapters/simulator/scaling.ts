/**
 * The rollout simulator's Application Auto Scaling: the service's scalable target and target tracking policies, in
 * memory (a simulated deploy shows and applies the scaling step without AWS). It does not scale the simulated
 * service: the rollout's task counts are the scenario's.
 */
import {scalingResourceId, type ExistingScalingPolicy, type ScalingState} from '../../domain/auto-scaling.js';
import type {ScalingPort} from '../../ports/scaling.js';

export function createSimulatedScaling(): ScalingPort {
  const targets = new Map<string, {minCount: number; maxCount: number}>();
  const policies = new Map<string, Map<string, ExistingScalingPolicy>>();
  return {
    async describe(clusterName, serviceName) {
      const id = scalingResourceId(clusterName, serviceName);
      const target = targets.get(id);
      const state: ScalingState = {policies: [...(policies.get(id)?.values() ?? [])].map((policy) => ({...policy}))};
      if (target !== undefined) state.target = {...target};
      return state;
    },
    async registerTarget(clusterName, serviceName, range) {
      targets.set(scalingResourceId(clusterName, serviceName), {...range});
    },
    async putPolicy(clusterName, serviceName, policy) {
      const id = scalingResourceId(clusterName, serviceName);
      if (!targets.has(id)) throw new Error(`No scalable target registered for service namespace: ecs, resource ID: ${id}`);
      const byName = policies.get(id) ?? new Map<string, ExistingScalingPolicy>();
      policies.set(id, byName);
      byName.set(policy.name, {
        name: policy.name,
        policyType: 'TargetTrackingScaling',
        metric: policy.metric,
        target: policy.target,
        ...(policy.resourceLabel === undefined ? {} : {resourceLabel: policy.resourceLabel}),
        ...(policy.scaleInCooldown === undefined ? {} : {scaleInCooldown: policy.scaleInCooldown}),
        ...(policy.scaleOutCooldown === undefined ? {} : {scaleOutCooldown: policy.scaleOutCooldown}),
        ...(policy.disableScaleIn === undefined ? {} : {disableScaleIn: policy.disableScaleIn}),
      });
    },
    async deregisterTarget(clusterName, serviceName) {
      const id = scalingResourceId(clusterName, serviceName);
      targets.delete(id);
      policies.delete(id);
    },
    async requestCountLabel(targetGroupArn) {
      // No load balancers in the simulator: a label of the right shape, named after the target group.
      const group = /:(targetgroup\/[^/]+\/[^/]+)$/.exec(targetGroupArn)?.[1] ?? 'targetgroup/simulated/0';
      return `app/simulated/0/${group}`;
    },
  };
}
