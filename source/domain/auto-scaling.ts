/**
 * Service auto scaling (Application Auto Scaling, namespace `ecs`, dimension `ecs:service:DesiredCount`): the
 * profile's `service.autoScaling` (a capacity range and target tracking policies on ECS's predefined metrics), its
 * rules, and the plan of what a deploy changes in it — compared with what AWS has (the scalable target and its
 * policies, read by the ScalingPort):
 * - a profile without autoScaling leaves the service's scaling as it is, whatever it is (`leave`);
 * - removal only when asked (`remove`: DeregisterScalableTarget, which deletes the target's policies too);
 * - policies on AWS that the profile does not name are left alone, and the plan says so.
 * Pure: no AWS SDK (the port's adapter speaks the API's shapes).
 */
import type {Issue} from './issues.js';
import type {AutoScaling, ScalingMetric, TargetTrackingPolicy} from './model.js';

/** ECS's quota of tasks per service. */
export const MAX_TASK_COUNT = 5000;

/** The predefined metric type of each metric (PredefinedMetricSpecification.PredefinedMetricType). */
export const PREDEFINED_METRICS: Readonly<Record<ScalingMetric, string>> = {
  cpu: 'ECSServiceAverageCPUUtilization',
  memory: 'ECSServiceAverageMemoryUtilization',
  requests: 'ALBRequestCountPerTarget',
};

export function metricOfPredefined(type: string | undefined): ScalingMetric | undefined {
  return (Object.keys(PREDEFINED_METRICS) as ScalingMetric[]).find((metric) => PREDEFINED_METRICS[metric] === type);
}

/** `service/CLUSTER/SERVICE`: the scalable target's resource id. */
export function scalingResourceId(clusterName: string, serviceName: string): string {
  return `service/${clusterName}/${serviceName}`;
}

/** `web-cpu-target-tracking`: the name a policy gets when the profile names none. */
export function defaultPolicyName(serviceName: string, metric: ScalingMetric): string {
  return `${serviceName}-${metric}-target-tracking`;
}

export const policyName = (serviceName: string, policy: TargetTrackingPolicy): string => policy.name ?? defaultPolicyName(serviceName, policy.metric);

const METRIC_WORDS: Readonly<Record<ScalingMetric, string>> = {cpu: 'CPU', memory: 'memory', requests: 'requests per target'};

/** `CPU 60%`, `requests per target 1000`. */
export function describePolicy(policy: Pick<TargetTrackingPolicy, 'metric' | 'target'>): string {
  return policy.metric === 'requests' ? `${METRIC_WORDS.requests} ${policy.target}` : `${METRIC_WORDS[policy.metric]} ${policy.target}%`;
}

/** `2–10 tasks, CPU 60%` */
export function describeAutoScaling(scaling: AutoScaling): string {
  const policies = scaling.policies.map(describePolicy).join(', ');
  return `${scaling.minCount}–${scaling.maxCount} tasks${policies === '' ? '' : `, ${policies}`}`;
}

/**
 * The service's auto scaling in one environment: the environment's own setting (`environments[].autoScaling`, a
 * per-environment override of `service.autoScaling`, as config-variable overrides are of variables) when it has one,
 * else the service's. Render, plan, diff and deploy all read this one.
 */
export function effectiveAutoScaling(service: {autoScaling?: AutoScaling}, environment: {autoScaling?: AutoScaling} | undefined): AutoScaling | undefined {
  return environment?.autoScaling ?? service.autoScaling;
}

/**
 * The desiredCount CreateService sends for a new service with auto scaling: the spec's count brought into the
 * scaling range (Application Auto Scaling would move it there anyway as soon as the target is registered).
 */
export function startingDesiredCount(specCount: number, scaling: Pick<AutoScaling, 'minCount' | 'maxCount'>): number {
  return Math.min(Math.max(specCount, scaling.minCount), Math.max(scaling.minCount, scaling.maxCount));
}

/** What the rendered service's desiredCount means with auto scaling (a render, the plan and the review say it). */
export function desiredCountNote(specCount: number, scaling: Pick<AutoScaling, 'minCount' | 'maxCount'>): string {
  const starting = startingDesiredCount(specCount, scaling);
  const range = `${scaling.minCount}–${scaling.maxCount}`;
  const why =
    starting === specCount
      ? `the service spec's, within the auto scaling range ${range}`
      : `the service spec's ${specCount}, ${starting > specCount ? 'raised to the minimum' : 'lowered to the maximum'} of the auto scaling range ${range}`;
  return `desiredCount ${starting} (${why}) is sent only when the service is created; an update of an existing service does not send desiredCount: auto scaling decides how many tasks run`;
}

/** What the flags give (`--min-count`, `--max-count`, `--cpu-target`, `--memory-target`, `--requests-per-target`). */
export interface AutoScalingFlags {
  minCount?: number;
  maxCount?: number;
  cpuTarget?: number;
  memoryTarget?: number;
  requestsPerTarget?: number;
}

/** The flags as a setting, or every problem naming the flag. Undefined when no flag is given. */
export function autoScalingFromFlags(flags: AutoScalingFlags): {autoScaling?: AutoScaling; errors: string[]} {
  const given = Object.values(flags).some((value) => value !== undefined);
  if (!given) return {errors: []};
  const errors: string[] = [];
  if (flags.minCount === undefined) errors.push('--min-count is missing: auto scaling needs the fewest tasks to keep');
  if (flags.maxCount === undefined) errors.push('--max-count is missing: auto scaling needs the most tasks to run');
  const policies: TargetTrackingPolicy[] = [];
  if (flags.cpuTarget !== undefined) policies.push({metric: 'cpu', target: flags.cpuTarget});
  if (flags.memoryTarget !== undefined) policies.push({metric: 'memory', target: flags.memoryTarget});
  if (flags.requestsPerTarget !== undefined) policies.push({metric: 'requests', target: flags.requestsPerTarget});
  if (policies.length === 0) errors.push('no scaling policy: give --cpu-target N, --memory-target N or --requests-per-target N');
  if (errors.length > 0) return {errors};
  return {autoScaling: {minCount: flags.minCount ?? 0, maxCount: flags.maxCount ?? 0, policies}, errors};
}

/** What the rules need of the rendered service. */
export interface ScaledService {
  schedulingStrategy?: string;
  /** Whether the service spec has loadBalancers with a targetGroupArn. */
  hasTargetGroup: boolean;
}

/**
 * The rules of a setting (source `profile`, paths under `service.autoScaling`, or under `at` — an environment's
 * override is `environments.NAME.autoScaling`).
 */
export function autoScalingIssues(scaling: AutoScaling, service: ScaledService, at = 'service.autoScaling'): Issue[] {
  const issues: Issue[] = [];
  const error = (path: string, message: string, fix: string): void => {
    issues.push({code: 'auto-scaling', severity: 'error', source: 'profile', path: `${at}${path}`, message, fix});
  };
  if (!Number.isInteger(scaling.minCount) || scaling.minCount < 0 || scaling.minCount > MAX_TASK_COUNT) {
    error('.minCount', `the minimum task count must be from 0 to ${MAX_TASK_COUNT}; got ${scaling.minCount}`, 'Give --min-count a whole number');
  }
  if (!Number.isInteger(scaling.maxCount) || scaling.maxCount < 1 || scaling.maxCount > MAX_TASK_COUNT) {
    error('.maxCount', `the maximum task count must be from 1 to ${MAX_TASK_COUNT}; got ${scaling.maxCount}`, 'Give --max-count a whole number');
  }
  if (scaling.minCount > scaling.maxCount) {
    error('.minCount', `the minimum task count (${scaling.minCount}) is above the maximum (${scaling.maxCount})`, 'Make --min-count at most --max-count');
  }
  if (service.schedulingStrategy === 'DAEMON') {
    error('', 'a DAEMON service runs one task per container instance: it cannot be scaled', 'Use the REPLICA strategy, or remove auto scaling');
  }
  const seen = new Set<string>();
  scaling.policies.forEach((policy, index) => {
    const path = `.policies[${index}]`;
    if (seen.has(policy.metric)) error(path, `two policies track ${METRIC_WORDS[policy.metric]}`, 'Keep one target per metric');
    seen.add(policy.metric);
    const max = policy.metric === 'requests' ? 1_000_000 : 100;
    if (!(policy.target > 0) || policy.target > max) {
      error(`${path}.target`, `the ${METRIC_WORDS[policy.metric]} target must be above 0 and at most ${max}; got ${policy.target}`, 'Give a target in range');
    }
    if (policy.metric === 'requests' && !service.hasTargetGroup) {
      error(
        path,
        'ALBRequestCountPerTarget needs the service behind an Application Load Balancer: the service spec has no loadBalancers with a targetGroupArn',
        'Add the target group to loadBalancers in the service spec, or track CPU or memory instead',
      );
    }
  });
  return issues;
}

// ---------------------------------------------------------------------------------------------------
// What AWS has, and the plan
// ---------------------------------------------------------------------------------------------------

export interface ScalableTargetState {
  minCount: number;
  maxCount: number;
}

/** A scaling policy as Application Auto Scaling describes it (only what is compared and shown). */
export interface ExistingScalingPolicy {
  name: string;
  /** TargetTrackingScaling, StepScaling, PredictiveScaling. */
  policyType: string;
  /** For target tracking on a predefined ECS metric. */
  metric?: ScalingMetric;
  target?: number;
  resourceLabel?: string;
  scaleInCooldown?: number;
  scaleOutCooldown?: number;
  disableScaleIn?: boolean;
  /** A target tracking policy on a custom metric (not one this tool writes). */
  customMetric?: boolean;
}

export interface ScalingState {
  /** Absent: the service has no scalable target. */
  target?: ScalableTargetState;
  policies: ExistingScalingPolicy[];
}

export type ScalingPlan =
  /** The profile sets none and the service has none. */
  | {action: 'none'; lines: string[]}
  /** The profile sets none; the service's scaling is left as it is. */
  | {action: 'leave'; current: ScalingState; lines: string[]}
  | {action: 'unchanged'; wanted: AutoScaling; lines: string[]}
  /** Register the target (when its range differs or it is missing) and put the policies that differ. */
  | {action: 'apply'; wanted: AutoScaling; registerTarget: boolean; put: TargetTrackingPolicy[]; lines: string[]}
  /** --remove-auto-scaling: deregister the target (its policies go with it). */
  | {action: 'remove'; current: ScalingState; lines: string[]};

const existingLine = (policy: ExistingScalingPolicy): string =>
  policy.metric !== undefined && policy.target !== undefined
    ? `${policy.name} (${describePolicy({metric: policy.metric, target: policy.target})})`
    : `${policy.name} (${policy.policyType}${policy.customMetric === true ? ', custom metric' : ''})`;

function samePolicy(wanted: TargetTrackingPolicy, current: ExistingScalingPolicy): boolean {
  return (
    current.policyType === 'TargetTrackingScaling' &&
    current.metric === wanted.metric &&
    current.target === wanted.target &&
    current.scaleInCooldown === wanted.scaleInCooldown &&
    current.scaleOutCooldown === wanted.scaleOutCooldown &&
    (current.disableScaleIn ?? false) === (wanted.disableScaleIn ?? false)
  );
}

/**
 * What a deploy does to the service's scaling. `current` undefined: the service does not exist yet (or the scaling
 * could not be read: `unread` says why, and the plan says it).
 */
export function planScaling(input: {serviceName: string; wanted?: AutoScaling; current?: ScalingState; remove?: boolean}): ScalingPlan {
  const current = input.current ?? {policies: []};
  const hasCurrent = current.target !== undefined || current.policies.length > 0;
  if (input.remove === true) {
    if (!hasCurrent) return {action: 'none', lines: ['auto scaling: none to remove (the service has no scalable target)']};
    const policies = current.policies.map(existingLine);
    return {
      action: 'remove',
      current,
      lines: [
        `auto scaling: REMOVE the scalable target${current.target === undefined ? '' : ` (${current.target.minCount}–${current.target.maxCount} tasks)`}${policies.length === 0 ? '' : ` and its policies: ${policies.join(', ')}`}`,
      ],
    };
  }
  const wanted = input.wanted;
  if (wanted === undefined) {
    if (!hasCurrent) return {action: 'none', lines: []};
    const range = current.target === undefined ? '' : ` (${current.target.minCount}–${current.target.maxCount} tasks)`;
    const policies = current.policies.map(existingLine).join(', ');
    return {
      action: 'leave',
      current,
      lines: [`auto scaling: left as it is${range}${policies === '' ? '' : `: ${policies}`} — the profile sets none (remove it with --remove-auto-scaling)`],
    };
  }
  const lines: string[] = [];
  const target = current.target;
  const registerTarget = target === undefined || target.minCount !== wanted.minCount || target.maxCount !== wanted.maxCount;
  if (target === undefined) lines.push(`auto scaling: register the scalable target, ${wanted.minCount}–${wanted.maxCount} tasks`);
  else if (registerTarget) lines.push(`auto scaling: tasks ${target.minCount}–${target.maxCount} → ${wanted.minCount}–${wanted.maxCount}`);
  const put: TargetTrackingPolicy[] = [];
  for (const policy of wanted.policies) {
    const name = policyName(input.serviceName, policy);
    const existing = current.policies.find((candidate) => candidate.name === name);
    if (existing === undefined) {
      put.push(policy);
      lines.push(`auto scaling: add policy ${name} (${describePolicy(policy)})`);
    } else if (!samePolicy(policy, existing)) {
      put.push(policy);
      lines.push(`auto scaling: change policy ${existingLine(existing)} → ${describePolicy(policy)}`);
    }
  }
  const named = new Set(wanted.policies.map((policy) => policyName(input.serviceName, policy)));
  const others = current.policies.filter((policy) => !named.has(policy.name));
  if (!registerTarget && put.length === 0) {
    return {
      action: 'unchanged',
      wanted,
      lines: [
        `auto scaling: unchanged (${describeAutoScaling(wanted)})${others.length === 0 ? '' : `; other policies left as they are: ${others.map(existingLine).join(', ')}`}`,
      ],
    };
  }
  if (others.length > 0) lines.push(`auto scaling: other policies left as they are: ${others.map(existingLine).join(', ')}`);
  return {action: 'apply', wanted, registerTarget, put, lines};
}

/** A live service's scaling as a profile's setting (import), with a note for each policy that cannot be one. */
export function autoScalingFromState(serviceName: string, state: ScalingState): {autoScaling?: AutoScaling; notes: string[]} {
  if (state.target === undefined) return {notes: []};
  const notes: string[] = [];
  const policies: TargetTrackingPolicy[] = [];
  for (const existing of state.policies) {
    if (existing.policyType !== 'TargetTrackingScaling' || existing.metric === undefined || existing.target === undefined) {
      notes.push(
        `scaling policy ${existing.name} (${existing.policyType}${existing.customMetric === true ? ', custom metric' : ''}) is not kept in the profile: a deploy leaves it as it is`,
      );
      continue;
    }
    if (policies.some((policy) => policy.metric === existing.metric)) {
      notes.push(`scaling policy ${existing.name} tracks the same metric as another one: not kept in the profile, a deploy leaves it as it is`);
      continue;
    }
    policies.push({
      metric: existing.metric,
      target: existing.target,
      ...(existing.name === defaultPolicyName(serviceName, existing.metric) ? {} : {name: existing.name}),
      ...(existing.scaleInCooldown === undefined ? {} : {scaleInCooldown: existing.scaleInCooldown}),
      ...(existing.scaleOutCooldown === undefined ? {} : {scaleOutCooldown: existing.scaleOutCooldown}),
      ...(existing.disableScaleIn === undefined ? {} : {disableScaleIn: existing.disableScaleIn}),
    });
  }
  return {autoScaling: {minCount: state.target.minCount, maxCount: state.target.maxCount, policies}, notes};
}
