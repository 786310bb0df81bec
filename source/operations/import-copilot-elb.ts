/**
 * What Elastic Load Balancing says of a Copilot service's target groups: each group's health check (path, success
 * codes) and the path-pattern and host-header of the environment listeners' rules that forward to it. The Copilot import compares
 * them with the manifest's `http` (domain/import/copilot/wiring.ts); nothing is written from them.
 */
import type {JsonObject} from '../domain/json.js';
import type {TargetGroupState} from '../domain/import/copilot/wiring.js';
import type {ListenerRuleFacts, LoadBalancingPort} from '../ports/load-balancing.js';

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';

/** Each target group of `loadBalancers` (by ARN) as ELB has it; what could not be read is a gap, one line each. */
export async function readTargetGroups(
  elb: LoadBalancingPort,
  loadBalancers: readonly JsonObject[],
  listenerArns: readonly string[],
): Promise<{groups: Record<string, TargetGroupState>; gaps: string[]}> {
  const groups: Record<string, TargetGroupState> = {};
  const gaps: string[] = [];
  const rules: ListenerRuleFacts[] = [];
  for (const listener of listenerArns) {
    try {
      rules.push(...(await elb.listRules(listener)));
    } catch (error) {
      gaps.push(`the rules of listener ${listener} could not be read (${message(error)})`);
    }
  }
  for (const entry of loadBalancers) {
    const arn = entry['targetGroupArn'];
    if (typeof arn !== 'string' || groups[arn] !== undefined) continue;
    try {
      const group = await elb.getTargetGroup(arn);
      if (group === undefined) {
        gaps.push(`the target group ${arn} does not exist`);
        continue;
      }
      const forwarding = rules.filter((rule) => !rule.isDefault && rule.targetGroupArns.includes(arn));
      const valuesOf = (field: string): string[] =>
        forwarding.flatMap((rule) =>
          rule.conditions.filter((condition) => condition.startsWith(`${field} `)).map((condition) => condition.slice(field.length + 1)),
        );
      const paths = valuesOf('path-pattern');
      groups[arn] = {
        ...(group.healthCheckPath === undefined ? {} : {healthCheckPath: group.healthCheckPath}),
        ...(group.healthCheckCodes === undefined ? {} : {successCodes: group.healthCheckCodes}),
        ...(listenerArns.length === 0 || rules.length === 0 ? {} : {rulePaths: paths, ruleHosts: valuesOf('host-header')}),
      };
    } catch (error) {
      gaps.push(`the target group ${arn} could not be read (${message(error)})`);
    }
  }
  return {groups, gaps};
}
