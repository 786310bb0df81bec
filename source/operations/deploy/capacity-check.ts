/**
 * The pre-flight checks of capacity and scaling, from what the plan read (no AWS call of their own, so a simulated
 * run makes them too): the strategy's providers are attached to the cluster (DescribeClusters lists them); a
 * cluster the deploy creates gets Fargate's providers attached, an Auto Scaling group provider cannot be; the
 * service's auto scaling could be read.
 */
import {clusterNameFromArn} from '../../domain/aws-names.js';
import {isJsonObject} from '../../domain/json.js';
import type {CheckResult} from './check-result.js';
import type {DeployPlan} from './plan.js';

const ATTACH_HINT =
  'attach them to the cluster (console: the cluster → Infrastructure → Capacity providers; or aws ecs put-cluster-capacity-providers, which replaces the cluster’s whole list and default strategy: name every provider it keeps), or change the environment’s strategy';

/** The strategy's providers against the cluster's; undefined when the service has no strategy. */
export function capacityCheck(plan: Pick<DeployPlan, 'service' | 'cluster' | 'clusterExists' | 'clusterCapacityProviders'>): CheckResult | undefined {
  const strategy = plan.service['capacityProviderStrategy'];
  if (!Array.isArray(strategy) || strategy.length === 0) return undefined;
  const names = strategy.map((item) => (isJsonObject(item) && typeof item['capacityProvider'] === 'string' ? item['capacityProvider'] : '?'));
  const cluster = clusterNameFromArn(plan.cluster);
  if (!plan.clusterExists) {
    const other = names.filter((name) => name !== 'FARGATE' && name !== 'FARGATE_SPOT');
    if (other.length > 0) {
      return {
        name: 'capacity-providers',
        status: 'fail',
        message: `cluster ${cluster} does not exist, and ${other.join(', ')} (an Auto Scaling group provider) can only be attached to a cluster that does`,
        hint: 'create the cluster with its capacity providers first, or use FARGATE/FARGATE_SPOT',
      };
    }
    return {name: 'capacity-providers', status: 'ok', message: `cluster ${cluster} will be created with ${names.join(' and ')} attached`};
  }
  const attached = plan.clusterCapacityProviders;
  if (attached === undefined) {
    return {
      name: 'capacity-providers',
      status: 'warn',
      message: `could not read the capacity providers of cluster ${cluster}: ${names.join(', ')} not checked`,
    };
  }
  const missing = names.filter((name) => !attached.includes(name));
  if (missing.length > 0) {
    return {
      name: 'capacity-providers',
      status: 'fail',
      message: `${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} not attached to cluster ${cluster} (it has: ${attached.length === 0 ? 'none' : attached.join(', ')})`,
      hint: ATTACH_HINT,
    };
  }
  return {name: 'capacity-providers', status: 'ok', message: `${names.join(', ')} ${names.length === 1 ? 'is' : 'are'} attached to cluster ${cluster}`};
}

/** A warning when the service's auto scaling could not be read and the deploy is to change it. */
export function scalingCheck(plan: Pick<DeployPlan, 'scaling'>): CheckResult | undefined {
  const {unread, plan: scaling} = plan.scaling;
  if (unread === undefined || (scaling.action !== 'apply' && scaling.action !== 'remove')) return undefined;
  return {
    name: 'auto-scaling',
    status: 'warn',
    message: `could not read the service's auto scaling (${unread}): the plan assumes it has none`,
    hint: 'the scaling step after the rollout says what was applied',
  };
}
