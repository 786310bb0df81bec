/** The ports of deploy, watch and rollback, as the composition root hands them out (AWS, or the rollout simulator). */
import type {DiscoveryPort} from './discovery.js';
import type {EcsPort} from './ecs.js';
import type {IamPort} from './iam.js';
import type {LogsPort} from './logs.js';
import type {NetworkPort} from './network.js';
import type {RegistryPort} from './registry.js';
import type {SecretsPort} from './secrets.js';
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
}

export interface DeployPorts {
  ecs: EcsPort;
  /** Undefined for a simulated run: only the checks that need no AWS are made. */
  checks?: CheckPorts;
  /** Set when `ecs` is the rollout simulator. */
  simulation?: {scenario: string; speed: number};
  /** Service auto scaling (Application Auto Scaling, or the simulator's); absent: scaling is neither read nor applied. */
  scaling?: ScalingPort;
}
