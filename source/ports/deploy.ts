/** The ports of deploy, watch and rollback, as the composition root hands them out (AWS, or the rollout simulator). */
import type {DiscoveryPort} from './discovery.js';
import type {EcsPort} from './ecs.js';
import type {IamPort} from './iam.js';
import type {LogsPort} from './logs.js';
import type {NetworkPort} from './network.js';
import type {RegistryPort} from './registry.js';
import type {SecretsPort} from './secrets.js';
import type {AlarmsPort} from './alarms.js';
import type {LambdaPort} from './lambda.js';
import type {LoadBalancingPort} from './load-balancing.js';
import type {ScalingPort} from './scaling.js';

/** What the pre-flight checks read. */
export interface CheckPorts {
  iam: IamPort;
  secrets: SecretsPort;
  discovery: DiscoveryPort;
  /** CloudWatch Logs in a region (an awslogs group may name its own region). */
  logs: (region: string) => Promise<LogsPort>;
  registry: RegistryPort;
  /** EC2, to see that the environment's subnets and security groups exist (optional: without it they are only required). */
  network?: NetworkPort;
  /** Load balancing, Lambda (lifecycle hooks) and CloudWatch alarms of the run's region, created on first use (optional: without them those checks say they were not made). */
  loadBalancing?: () => Promise<LoadBalancingPort>;
  lambda?: () => Promise<LambdaPort>;
  alarms?: () => Promise<AlarmsPort>;
  /** The `ecs.cpu-architecture` of a cluster's ACTIVE container instances (EC2 tasks without runtimePlatform); optional. */
  instanceArchitectures?: (cluster: string) => Promise<string[]>;
}

export interface DeployPorts {
  ecs: EcsPort;
  /** Undefined for a simulated run: only the checks that need no AWS are made. */
  checks?: CheckPorts;
  /** Set when `ecs` is the rollout simulator. */
  simulation?: {scenario: string; speed: number};
  /** CloudWatch Logs by region, for the watch to read a failing task's own logs (the simulator's own for a simulated run). */
  logs?: (region: string) => Promise<LogsPort>;
  /** Service auto scaling (Application Auto Scaling, or the simulator's); absent: scaling is neither read nor applied. */
  scaling?: ScalingPort;
}
