/**
 * What the rules of a rendered request know about where it runs: the environment's launch type and network,
 * and the Cloud Map record types read for its service registries.
 */
import type {AwsVpcNetwork, LaunchType} from '../model.js';

export interface ValidationContext {
  /** The environment's launch type. */
  launchType: LaunchType;
  /** The environment's awsvpc settings; required when the task uses awsvpc. */
  network?: AwsVpcNetwork;
  environmentName?: string;
  /**
   * The DNS record types of each Cloud Map service (`DnsConfig.DnsRecords[].Type`, e.g. `['A', 'SRV']`), by
   * registry ARN, as read from Cloud Map. A registry missing here is "unknown": only what holds for every
   * record type is checked, the rest are warnings.
   */
  discoveryRecordTypes?: Readonly<Record<string, readonly string[]>>;
  /**
   * The capacity providers of the rendered service's capacityProviderStrategy, when it places tasks with one. A
   * provider other than FARGATE/FARGATE_SPOT is an Auto Scaling group's or Amazon ECS Managed Instances' (which of
   * the two, only ECS knows).
   */
  capacityProviders?: readonly string[];
}
