/**
 * The rules of a service specification that tie one field to another, as ECS documents them. Rules that need
 * the task definition or the environment (service discovery, load balancer containers, awsvpc, Fargate, DAEMON)
 * are in ../service-definition.ts. Values still holding a placeholder are skipped.
 *
 * - desiredCount beyond the tasks-per-service quota (a warning: quotas are per account);
 * - a load balancer names a target group or a Classic Load Balancer, not both;
 * - several capacity providers need one with a weight above 0;
 * - the deployment strategy's rules (strategy-rules.ts);
 * - Service Connect access logs need its logConfiguration; a managed EBS volume needs a size or a snapshot.
 */
import type {JsonObject, JsonValue} from '../../json.js';
import {isJsonObject} from '../../json.js';
import {getMember, joinPath} from '../../json-text.js';
import type {Report} from '../report.js';
import {checkLoadBalancerWiring} from './load-balancer-rules.js';
import {checkStrategyRules} from './strategy-rules.js';

/** ECS's quota of tasks per service (Amazon ECS service quotas). */
export const TASKS_PER_SERVICE = 5000;

const objects = (value: JsonValue | undefined, path: string): [JsonObject, string][] =>
  Array.isArray(value) ? value.flatMap((item, index): [JsonObject, string][] => (isJsonObject(item) ? [[item, joinPath(path, index)]] : [])) : [];

/** Applies every cross-field rule of a service specification (already typed by the field table). */
export function checkServiceRules(report: Report, service: JsonObject): void {
  const desired = getMember(service, 'desiredCount');
  if (typeof desired === 'number' && desired > TASKS_PER_SERVICE) {
    report.warning(
      'desired-count-quota',
      'desiredCount',
      `desiredCount ${desired} is above ECS's quota of ${TASKS_PER_SERVICE} tasks per service`,
      `Lower it to at most ${TASKS_PER_SERVICE}, or run several services`,
    );
  }
  for (const [balancer, path] of objects(getMember(service, 'loadBalancers'), 'loadBalancers')) {
    if (getMember(balancer, 'targetGroupArn') !== undefined && getMember(balancer, 'loadBalancerName') !== undefined) {
      report.error(
        'load-balancer-target',
        joinPath(path, 'loadBalancerName'),
        'A load balancer entry names either a target group (Application or Network Load Balancer) or a Classic Load Balancer, not both',
        'Remove loadBalancerName, or targetGroupArn',
      );
    }
  }
  const providers = objects(getMember(service, 'capacityProviderStrategy'), 'capacityProviderStrategy');
  if (providers.length > 1 && providers.every(([item]) => typeof getMember(item, 'weight') === 'number' || getMember(item, 'weight') === undefined)) {
    if (providers.every(([item]) => (getMember(item, 'weight') ?? 0) === 0)) {
      report.error(
        'capacity-provider-weight',
        'capacityProviderStrategy',
        'With several capacity providers, at least one needs a weight above 0 (a provider of weight 0 places no tasks)',
        'Give the main capacity provider "weight": 1',
      );
    }
  }
  checkStrategyRules(report, service);
  checkLoadBalancerWiring(report, service);
  const connect = getMember(service, 'serviceConnectConfiguration');
  if (isJsonObject(connect) && getMember(connect, 'accessLogConfiguration') !== undefined && getMember(connect, 'logConfiguration') === undefined) {
    report.error(
      'missing-field',
      'serviceConnectConfiguration.logConfiguration',
      'Service Connect access logs need the logConfiguration of serviceConnectConfiguration',
      'Add "logConfiguration" to serviceConnectConfiguration',
    );
  }
  for (const [volume, path] of objects(getMember(service, 'volumeConfigurations'), 'volumeConfigurations')) {
    const ebs = getMember(volume, 'managedEBSVolume');
    if (isJsonObject(ebs) && getMember(ebs, 'sizeInGiB') === undefined && getMember(ebs, 'snapshotId') === undefined) {
      report.error('missing-field', joinPath(joinPath(path, 'managedEBSVolume'), 'sizeInGiB'), 'A managed EBS volume needs sizeInGiB or snapshotId');
    }
  }
}
