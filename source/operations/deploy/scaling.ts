/**
 * Service auto scaling in a deploy: read what the service has (ScalingPort), plan it against the profile
 * (domain/auto-scaling.ts), keep desiredCount out of the scaler's way, and apply it AFTER the service update — after
 * the rollout succeeded (or right after the update with --no-wait) — as the `scaling` step.
 *
 * desiredCount with auto scaling: an update of an existing service does not send it (the scaler owns it); a new
 * service starts at the spec's count brought into the scaling range — what `render` prints.
 */
import {describeAutoScaling, planScaling, policyName, startingDesiredCount, type ScalingPlan, type ScalingState} from '../../domain/auto-scaling.js';
import {clusterNameFromArn} from '../../domain/aws-names.js';
import type {DeployEvent, DeployStepStatus} from '../../domain/deploy/events.js';
import {isJsonObject, type JsonObject} from '../../domain/json.js';
import type {AutoScaling} from '../../domain/model.js';
import type {Clock} from '../../ports/clock.js';
import type {ScalingPort} from '../../ports/scaling.js';

export interface ServiceScaling {
  plan: ScalingPlan;
  /** Why the service's current scaling could not be read (the plan then assumes it has none). */
  unread?: string;
  /** What the plan does to the service because of scaling (desiredCount, forceNewDeployment). */
  notes: string[];
}

const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Reads the service's scaling (only when the service exists and a port is there) and plans it. */
export async function planServiceScaling(
  scaling: ScalingPort | undefined,
  input: {cluster: string; serviceName: string; exists: boolean; wanted?: AutoScaling; remove?: boolean},
): Promise<ServiceScaling> {
  const base = {
    serviceName: input.serviceName,
    ...(input.wanted === undefined ? {} : {wanted: input.wanted}),
    ...(input.remove === true ? {remove: true} : {}),
  };
  if (!input.exists) return {plan: planScaling(base), notes: []};
  if (scaling === undefined) {
    const asked = input.wanted !== undefined || input.remove === true;
    return asked ? {plan: planScaling(base), unread: 'auto scaling cannot be read here', notes: []} : {plan: planScaling(base), notes: []};
  }
  let current: ScalingState;
  try {
    current = await scaling.describe(clusterNameFromArn(input.cluster), input.serviceName);
  } catch (error) {
    const unread = errorMessage(error);
    if (input.remove === true) {
      return {
        plan: {action: 'remove', current: {policies: []}, lines: [`auto scaling: REMOVE the scalable target (its current state could not be read: ${unread})`]},
        unread,
        notes: [],
      };
    }
    const plan = planScaling(base);
    const lines = plan.action === 'none' ? [`auto scaling: not read (${unread}); left as it is`] : plan.lines;
    return {plan: {...plan, lines} as ScalingPlan, unread, notes: []};
  }
  return {plan: planScaling({...base, current}), notes: []};
}

/**
 * The service a deploy sends, with desiredCount out of the scaler's way. For an update of an existing service the
 * service keeps the count it has now (so the diff shows no change) and `omitDesiredCount` says not to send it; a new
 * service starts at the count the render gave it — the spec's brought into the scaling range
 * (domain/auto-scaling.ts `startingDesiredCount`, which `render` prints too). Returns the note the plan shows.
 */
export function serviceForScaling(
  service: JsonObject,
  wanted: AutoScaling | undefined,
  existing: {desiredCount: number} | undefined,
): {service: JsonObject; omitDesiredCount: boolean; note?: string} {
  const count = service['desiredCount'];
  if (wanted === undefined || typeof count !== 'number') return {service, omitDesiredCount: false};
  if (existing !== undefined) {
    return {
      service: {...service, desiredCount: existing.desiredCount},
      omitDesiredCount: true,
      note: `desiredCount is not sent: auto scaling decides how many tasks run (now ${existing.desiredCount})`,
    };
  }
  const starting = startingDesiredCount(count, wanted);
  return {
    service: {...service, desiredCount: starting},
    omitDesiredCount: false,
    note: `desiredCount ${starting}: a new service starts within the auto scaling range (${wanted.minCount}–${wanted.maxCount})`,
  };
}

/** The first target group of the service's load balancers (ALBRequestCountPerTarget counts its requests). */
export function targetGroupOf(service: JsonObject): string | undefined {
  const balancers = service['loadBalancers'];
  if (!Array.isArray(balancers)) return undefined;
  for (const item of balancers) if (isJsonObject(item) && typeof item['targetGroupArn'] === 'string') return item['targetGroupArn'];
  return undefined;
}

export interface ScalingApplied {
  /** False when the scaling was to change and could not. */
  ok: boolean;
  message: string;
}

/**
 * Applies the plan's scaling as the `scaling` step. Returns undefined when there was nothing to do; never throws
 * (a failure is a failed step and `ok: false`: the rollout before it stands).
 */
export async function* applyScaling(
  ports: {scaling?: ScalingPort; clock: Clock},
  input: {cluster: string; serviceName: string; service: JsonObject; scaling: ServiceScaling},
): AsyncGenerator<DeployEvent, ScalingApplied | undefined, undefined> {
  const step = (status: DeployStepStatus, message: string): DeployEvent => ({type: 'step', at: ports.clock.now(), name: 'scaling', status, message});
  const plan = input.scaling.plan;
  if (plan.action === 'none') return undefined;
  if (plan.action === 'leave' || plan.action === 'unchanged') {
    yield step('skipped', (plan.lines[0] ?? '').replace(/^auto scaling: /, ''));
    return undefined;
  }
  const clusterName = clusterNameFromArn(input.cluster);
  const scaling = ports.scaling;
  const fail = (message: string): ScalingApplied => ({ok: false, message});
  if (plan.action === 'remove') {
    yield step('started', `removing auto scaling of ${input.serviceName} (DeregisterScalableTarget)`);
    try {
      if (scaling === undefined) throw new Error('auto scaling cannot be changed here');
      await scaling.deregisterTarget(clusterName, input.serviceName);
    } catch (error) {
      yield step('failed', `auto scaling was not removed: ${errorMessage(error)}`);
      return fail(`auto scaling was not removed: ${errorMessage(error)}`);
    }
    yield step('done', 'auto scaling removed: the scalable target and its policies are gone; desiredCount stays where it is');
    return {ok: true, message: 'auto scaling removed'};
  }
  const wanted = plan.wanted;
  yield step('started', `applying auto scaling: ${describeAutoScaling(wanted)}`);
  let done = 0;
  try {
    if (scaling === undefined) throw new Error('auto scaling cannot be changed here');
    if (plan.registerTarget) await scaling.registerTarget(clusterName, input.serviceName, {minCount: wanted.minCount, maxCount: wanted.maxCount});
    for (const policy of plan.put) {
      let resourceLabel: string | undefined;
      if (policy.metric === 'requests') {
        const targetGroup = targetGroupOf(input.service);
        if (targetGroup === undefined) throw new Error('ALBRequestCountPerTarget needs a target group in loadBalancers, and the service has none');
        resourceLabel = await scaling.requestCountLabel(targetGroup);
      }
      await scaling.putPolicy(clusterName, input.serviceName, {
        ...policy,
        name: policyName(input.serviceName, policy),
        ...(resourceLabel === undefined ? {} : {resourceLabel}),
      });
      done += 1;
    }
  } catch (error) {
    const partly = done > 0 || plan.registerTarget ? ` (${done} of ${plan.put.length} polic${plan.put.length === 1 ? 'y' : 'ies'} put before it failed)` : '';
    yield step('failed', `auto scaling was not applied: ${errorMessage(error)}${partly}`);
    return fail(`auto scaling was not applied: ${errorMessage(error)}`);
  }
  yield step('done', `auto scaling applied: ${describeAutoScaling(wanted)}`);
  return {ok: true, message: 'auto scaling applied'};
}
