/**
 * Service auto scaling as the deploy and import see it (Application Auto Scaling, namespace `ecs`, dimension
 * `ecs:service:DesiredCount`, resource `service/CLUSTER/SERVICE`). Implemented on the AWS SDK
 * (adapters/aws/scaling.ts) and by the rollout simulator. Errors: AwsError.
 */
import type {ScalableTargetState, ScalingState} from '../domain/auto-scaling.js';
import type {TargetTrackingPolicy} from '../domain/model.js';

export interface ScalingPort {
  /** The service's scalable target and its policies ({policies: []} when it has none). */
  describe(clusterName: string, serviceName: string): Promise<ScalingState>;
  /** RegisterScalableTarget (creates it, or changes its range). */
  registerTarget(clusterName: string, serviceName: string, range: ScalableTargetState): Promise<void>;
  /** PutScalingPolicy: a target tracking policy named `name` (created or replaced). `resourceLabel` for requests per target. */
  putPolicy(clusterName: string, serviceName: string, policy: TargetTrackingPolicy & {name: string; resourceLabel?: string}): Promise<void>;
  /** DeregisterScalableTarget: the target and every policy on it. */
  deregisterTarget(clusterName: string, serviceName: string): Promise<void>;
  /** ALBRequestCountPerTarget's resource label of a target group: `app/LB/ID/targetgroup/TG/ID` (from its load balancer). */
  requestCountLabel(targetGroupArn: string): Promise<string>;
}
