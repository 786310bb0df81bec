/**
 * The service specification of the answers: the person's own JSON (edited or imported) or the seed's default
 * for the strategy, with the desired count and the service registry written in. Pure.
 */
import type {Issue} from '../../domain/issues.js';
import type {JsonObject, JsonValue} from '../../domain/json.js';
import {isJsonObject} from '../../domain/json.js';
import type {SchedulingStrategy} from '../../domain/model.js';
import type {WizardAnswers} from '../../domain/wizard-answers.js';
import {defaultServiceSpec, switchStrategy} from '../../domain/defaults.js';
import {getMember, parseJsonText, setMember, stringifyJsonText} from '../../domain/json-text.js';
import {discoveryContainerPortValue} from './discovery.js';
import {writeDeploymentStrategy} from '../../domain/deployment-strategy.js';
import {loadBalancerEntry} from '../../domain/load-balancer.js';

export interface ComposedSpec {
  text: string;
  issues: Issue[];
  /** What switching to DAEMON removed (desiredCount, placementStrategy). */
  removed: string[];
}

/**
 * The service specification text of the answers: the person's own JSON (edited or imported) or the seed's
 * default for the strategy, switched to the chosen strategy, with the desired count and the service
 * registry written in. Unquoted placeholders are kept.
 */
export function composeServiceSpec(answers: WizardAnswers): ComposedSpec {
  const strategy = answers.strategy ?? 'REPLICA';
  const base = answers.serviceSpecJson ?? defaultServiceSpec(strategy);
  const switched = switchStrategy(base, strategy);
  const parsed = parseJsonText(switched.text, 'serviceSpec');
  if (!isJsonObject(parsed.value))
    return {text: switched.text, issues: switched.issues.length > 0 ? switched.issues : parsed.issues, removed: switched.removed};
  const spec = parsed.value;
  const unquoted = new Set(parsed.unquoted);
  const result: JsonObject = {};
  for (const key of Object.keys(spec)) {
    if (key === 'serviceRegistries' && answers.discovery !== undefined) continue;
    if (key === 'loadBalancers' && answers.loadBalancer !== undefined) continue;
    if (key === 'desiredCount' && strategy === 'REPLICA' && answers.desiredCount !== undefined) {
      setMember(result, key, answers.desiredCount);
      unquoted.delete('desiredCount');
      continue;
    }
    setMember(result, key, getMember(spec, key) as JsonValue);
  }
  if (strategy === 'REPLICA' && answers.desiredCount !== undefined && getMember(result, 'desiredCount') === undefined)
    result.desiredCount = answers.desiredCount;
  for (const path of [...unquoted]) if (path.startsWith('serviceRegistries') && answers.discovery !== undefined) unquoted.delete(path);
  if (answers.discovery) {
    const entry: JsonObject = {registryArn: answers.discovery.registryArn};
    const discovery = answers.discovery;
    if (discovery.use === 'container') {
      if (discovery.containerName !== undefined) entry.containerName = discovery.containerName;
      const port = discoveryContainerPortValue(answers);
      if (port !== undefined) {
        entry.containerPort = port;
        if (typeof port === 'string') unquoted.add('serviceRegistries[0].containerPort');
      }
    } else if (discovery.use === 'port' && discovery.port !== undefined) {
      entry.port = discovery.port;
    }
    result.serviceRegistries = [entry];
  }
  // The deployment strategy answered lands in deploymentConfiguration, in ECS's shape (domain/deployment-strategy.ts).
  const written = answers.deploymentStrategy === undefined ? result : writeDeploymentStrategy(result, answers.deploymentStrategy);
  // The load balancer questions' answer is loadBalancers[0] (null: the service is attached to none).
  if (answers.loadBalancer !== undefined) {
    for (const path of [...unquoted]) if (path.startsWith('loadBalancers')) unquoted.delete(path);
    if (answers.loadBalancer !== null) {
      written.loadBalancers = [loadBalancerEntry(answers.loadBalancer)];
      if (typeof answers.loadBalancer.containerPort === 'string') unquoted.add('loadBalancers[0].containerPort');
    }
  }
  return {text: stringifyJsonText(written, {unquoted}), issues: switched.issues, removed: switched.removed};
}

/** True when the service specification has a networkConfiguration (the environment's replaces it). */
export function specHasNetworkConfiguration(text: string): boolean {
  const parsed = parseJsonText(text, 'serviceSpec');
  return isJsonObject(parsed.value) && getMember(parsed.value, 'networkConfiguration') !== undefined;
}

/** Strategy and desired count as written in a service specification text (to read back an edited spec). */
export function readStrategy(text: string): {strategy?: SchedulingStrategy; desiredCount?: number} {
  const parsed = parseJsonText(text, 'serviceSpec');
  if (!isJsonObject(parsed.value)) return {};
  const strategy = getMember(parsed.value, 'schedulingStrategy');
  const count = getMember(parsed.value, 'desiredCount');
  return {
    ...(strategy === 'REPLICA' || strategy === 'DAEMON' ? {strategy} : {}),
    ...(typeof count === 'number' && Number.isInteger(count) ? {desiredCount: count} : {}),
  };
}
