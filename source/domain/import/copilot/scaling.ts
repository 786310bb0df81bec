/**
 * Copilot's `count` map (range, cpu_percentage, memory_percentage, requests, cooldown) → the profile's
 * `service.autoScaling` (domain/auto-scaling.ts), the way Copilot's template (workloads/partials/cf/autoscaling.yml)
 * sets it up: the scalable target's MinCapacity and MaxCapacity, one target tracking policy per metric, named
 * `<svc>-ECSServiceAverageCPUUtilization-ScalingPolicy` (so that a deploy changes Copilot's own policy instead of
 * adding a second one beside it), cooldowns 120 s in / 60 s out unless the manifest gives others.
 *
 * When every environment has the same setting it is the service's (`service.autoScaling`); when they differ, each
 * environment that scales gets its own (`environments[].autoScaling`, in place of the service's, which is then none:
 * an environment with a fixed count does not scale), and every environment's is named by file and line. Pure.
 */
import type {AutoScaling, TargetTrackingPolicy} from '../../model.js';
import {canonicalJson} from '../../applications.js';
import {describeAutoScaling} from '../../auto-scaling.js';
import type {CopilotNote, CopilotScaling, ScalingTarget, ServiceSettings} from './manifest.js';

/** Copilot's cooldowns when the manifest gives none (its template's ScaleInCooldown / ScaleOutCooldown). */
export const COPILOT_COOLDOWNS = {scaleIn: 120, scaleOut: 60};

const COPILOT_POLICY_NAMES = {cpu: 'ECSServiceAverageCPUUtilization', memory: 'ECSServiceAverageMemoryUtilization'} as const;

/** One environment's `count` map as a setting; `requests` only when the service has a load balancer. */
export function autoScalingOf(
  service: string,
  scaling: CopilotScaling,
  hasTargetGroup: boolean,
): {autoScaling: AutoScaling; notes: Array<Omit<CopilotNote, 'environment'>>} {
  const notes: Array<Omit<CopilotNote, 'environment'>> = [];
  const policy = (metric: TargetTrackingPolicy['metric'], target: ScalingTarget, name?: string): TargetTrackingPolicy => ({
    metric,
    target: target.value,
    ...(name === undefined ? {} : {name}),
    scaleInCooldown: target.cooldownIn ?? scaling.cooldownIn ?? COPILOT_COOLDOWNS.scaleIn,
    scaleOutCooldown: target.cooldownOut ?? scaling.cooldownOut ?? COPILOT_COOLDOWNS.scaleOut,
  });
  const policies: TargetTrackingPolicy[] = [];
  if (scaling.cpu !== undefined) policies.push(policy('cpu', scaling.cpu, `${service}-${COPILOT_POLICY_NAMES.cpu}-ScalingPolicy`));
  if (scaling.memory !== undefined) policies.push(policy('memory', scaling.memory, `${service}-${COPILOT_POLICY_NAMES.memory}-ScalingPolicy`));
  if (scaling.requests !== undefined) {
    // Copilot's own policy (a custom metric on the same RequestCountPerTarget): same name, so a deploy replaces it.
    if (hasTargetGroup) policies.push(policy('requests', scaling.requests, `${service}-ALBSumRequestCountPerTarget-ScalingPolicy`));
    else
      notes.push({
        at: scaling.requests.at,
        field: scaling.requests.field,
        status: 'unmapped',
        message: `requests ${scaling.requests.value} per target: tracking requests needs the service's target group, and it is not known (no http, or not read from AWS): not migrated`,
      });
  }
  return {autoScaling: {minCount: scaling.min, maxCount: scaling.max, policies}, notes};
}

/**
 * The profile's auto scaling from every environment's settings: the service's setting when every environment has the
 * same (or none has any), else each scaling environment's own (`perEnvironment`), with a note at each environment's
 * `count`.
 */
export function profileAutoScaling(input: {
  service: string;
  environments: readonly string[];
  settings: Readonly<Record<string, ServiceSettings>>;
  /** The manifest's top-level settings: a note at their `count` names no environment. */
  base: ServiceSettings;
  hasTargetGroup: boolean;
}): {autoScaling?: AutoScaling; perEnvironment?: Record<string, AutoScaling>; notes: CopilotNote[]} {
  const notes: CopilotNote[] = [];
  const seen = new Set<string>();
  const byEnvironment = input.environments.map((environment) => {
    const scaling = input.settings[environment]?.scaling;
    if (scaling === undefined) return {environment, text: 'none'};
    const result = autoScalingOf(input.service, scaling.value, input.hasTargetGroup);
    for (const note of result.notes) {
      const key = `${note.at.file}:${note.at.line}:${note.at.column}`;
      if (!seen.has(key)) notes.push(note);
      seen.add(key);
    }
    return {environment, autoScaling: result.autoScaling, at: scaling.at, text: canonicalJson(result.autoScaling)};
  });
  const first = byEnvironment[0];
  if (first === undefined) return {notes};
  if (byEnvironment.every((item) => item.text === first.text)) {
    if (first.autoScaling === undefined || first.at === undefined) return {notes};
    notes.push({
      at: first.at,
      field: first.at === input.base.scaling?.at ? 'count' : `environments.${first.environment}.count`,
      status: 'info',
      message: `service.autoScaling: ${describeAutoScaling(first.autoScaling)}${first.autoScaling.policies.length === 0 ? ' — no policy ecs-wizard holds: the range bounds the count, and a deploy leaves the policies on AWS as they are' : ''}`,
    });
    return {autoScaling: first.autoScaling, notes};
  }
  const each = byEnvironment.map(
    (item) => `${item.environment}: ${item.autoScaling === undefined ? 'none (a fixed count)' : describeAutoScaling(item.autoScaling)}`,
  );
  const perEnvironment: Record<string, AutoScaling> = {};
  for (const item of byEnvironment) if (item.autoScaling !== undefined) perEnvironment[item.environment] = item.autoScaling;
  const reported = new Set<string>();
  for (const item of byEnvironment) {
    if (item.at === undefined) continue;
    const key = `${item.at.file}:${item.at.line}:${item.at.column}`;
    if (reported.has(key)) continue;
    reported.add(key);
    notes.push({
      at: item.at,
      ...(item.at === input.base.scaling?.at ? {field: 'count'} : {field: `environments.${item.environment}.count`, environment: item.environment}),
      status: 'info',
      message: `auto scaling differs per environment (${each.join('; ')}): each environment that scales gets its own setting (environments[].autoScaling), the others keep a fixed count`,
    });
  }
  return {perEnvironment, notes};
}
