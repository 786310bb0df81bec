/**
 * Elastic Load Balancing (v2) as the wizard's load balancer questions and verify read it: load balancers, their
 * listeners and listener rules, and target groups. Implemented by adapters/aws/elbv2.ts; tests use moto.
 *
 * Errors: AwsError (source/errors.ts) with a `kind`; "does not exist" is undefined where a method says so.
 */
import type {ListenerFacts, ListenerRuleFacts, LoadBalancerFacts, TargetGroupFacts} from '../domain/load-balancer.js';

export type {ListenerFacts, ListenerRuleFacts, LoadBalancerFacts, TargetGroupFacts} from '../domain/load-balancer.js';

export interface LoadBalancingPort {
  /** The region the calls go to. */
  readonly region: string;
  /** Application and Network Load Balancers (every page), by name. */
  listLoadBalancers(): Promise<LoadBalancerFacts[]>;
  /** The listeners of a load balancer, by port. */
  listListeners(loadBalancerArn: string): Promise<ListenerFacts[]>;
  /** The rules of a listener, by priority (the default rule last). */
  listRules(listenerArn: string): Promise<ListenerRuleFacts[]>;
  /** Every target group of the region (every page), by name. */
  listTargetGroups(): Promise<TargetGroupFacts[]>;
  getLoadBalancer(arn: string): Promise<LoadBalancerFacts | undefined>;
  getListener(arn: string): Promise<ListenerFacts | undefined>;
  getRule(arn: string): Promise<ListenerRuleFacts | undefined>;
  getTargetGroup(arn: string): Promise<TargetGroupFacts | undefined>;
}
