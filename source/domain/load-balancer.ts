/**
 * A service behind a load balancer, as ECS's own API shapes it: `loadBalancers[0]` of the service specification
 * (targetGroupArn, containerName, containerPort and, for the BLUE_GREEN / LINEAR / CANARY strategies,
 * advancedConfiguration: alternateTargetGroupArn, productionListenerRule, testListenerRule, roleArn), the facts
 * Elastic Load Balancing gives about the load balancer, its listeners, rules and target groups, and the rules
 * that tie them together — decided here, pure, for the wizard, init and verify alike.
 */
import {isJsonObject, type JsonObject, type JsonValue} from './json.js';
import {getMember} from './json-text.js';
import {POLICY_VERSION} from './policy.js';

/** The principal ECS itself uses (the traffic role, lifecycle hook roles). */
export const ECS_PRINCIPAL = 'ecs.amazonaws.com';

/** The AWS managed policy AWS documents for the ECS infrastructure role that changes listener rules in a blue/green deployment. */
export const LOAD_BALANCER_ROLE_POLICY_ARN = 'arn:aws:iam::aws:policy/AmazonECSInfrastructureRolePolicyForLoadBalancers';

/** The name the wizard gives the traffic role it creates. */
export const DEFAULT_TRAFFIC_ROLE_NAME = 'ecsInfrastructureRoleForLoadBalancers';

/** The deployment strategies that move traffic between two target groups (and so need advancedConfiguration). */
export const TRAFFIC_STRATEGIES = ['BLUE_GREEN', 'LINEAR', 'CANARY'] as const;
export type TrafficStrategy = (typeof TRAFFIC_STRATEGIES)[number];

export interface LoadBalancerFacts {
  arn: string;
  name: string;
  /** application, network, gateway. */
  type?: string;
  vpcId?: string;
  scheme?: string;
  dnsName?: string;
}

export interface ListenerFacts {
  arn: string;
  loadBalancerArn: string;
  port?: number;
  protocol?: string;
}

export interface ListenerRuleFacts {
  arn: string;
  /** The listener the rule belongs to (read from the rule's ARN when ELB does not say). */
  listenerArn: string;
  /** `default` for the listener's default rule, else a number as text. */
  priority?: string;
  isDefault: boolean;
  /** The target groups the rule forwards to. */
  targetGroupArns: string[];
  /** One line: `path-pattern /api/*`, `host-header example.com`. */
  conditions: string[];
}

export interface TargetGroupFacts {
  arn: string;
  name: string;
  /** ip, instance, lambda, alb. */
  targetType?: string;
  vpcId?: string;
  port?: number;
  protocol?: string;
  /** The load balancers that route to it. */
  loadBalancerArns: string[];
  /** The health check's path and HTTP success codes (`200`, `200-399`), when ELB gives them. */
  healthCheckPath?: string;
  healthCheckCodes?: string;
}

/** What the service specification says about its (first) load balancer. */
export interface LoadBalancerWiring {
  targetGroupArn?: string;
  containerName?: string;
  containerPort?: number | string;
  alternateTargetGroupArn?: string;
  productionListenerRule?: string;
  testListenerRule?: string;
  roleArn?: string;
}

/** One broken rule: the field of loadBalancers[0] it is about, what is wrong, and the fix. */
export interface WiringProblem {
  field: keyof LoadBalancerWiring | 'listener';
  message: string;
  fix: string;
}

const text = (value: JsonValue | undefined): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

export const isTrafficStrategy = (value: unknown): value is TrafficStrategy => TRAFFIC_STRATEGIES.includes(value as TrafficStrategy);

/** `deploymentConfiguration.strategy` of a service specification (ROLLING when absent). */
export function deploymentStrategyOf(service: JsonObject): string {
  const configuration = getMember(service, 'deploymentConfiguration');
  const strategy = isJsonObject(configuration) ? getMember(configuration, 'strategy') : undefined;
  return typeof strategy === 'string' ? strategy : 'ROLLING';
}

/** loadBalancers[0] of a service specification, or undefined when there is none. */
export function wiringOf(service: JsonObject): LoadBalancerWiring | undefined {
  const balancers = getMember(service, 'loadBalancers');
  const first = Array.isArray(balancers) ? balancers[0] : undefined;
  if (!isJsonObject(first)) return undefined;
  const advanced = getMember(first, 'advancedConfiguration');
  const read = (object: JsonObject, key: string): string | undefined => text(getMember(object, key));
  const port = getMember(first, 'containerPort');
  const wiring: LoadBalancerWiring = {};
  const put = (key: keyof LoadBalancerWiring, value: string | number | undefined): void => {
    if (value !== undefined) (wiring as Record<string, string | number>)[key] = value;
  };
  put('targetGroupArn', read(first, 'targetGroupArn'));
  put('containerName', read(first, 'containerName'));
  put('containerPort', typeof port === 'number' || typeof port === 'string' ? port : undefined);
  if (isJsonObject(advanced)) {
    put('alternateTargetGroupArn', read(advanced, 'alternateTargetGroupArn'));
    put('productionListenerRule', read(advanced, 'productionListenerRule'));
    put('testListenerRule', read(advanced, 'testListenerRule'));
    put('roleArn', read(advanced, 'roleArn'));
  }
  return wiring;
}

/** The loadBalancers entry ECS is sent for a wiring (advancedConfiguration only when it has an alternate target group). */
export function loadBalancerEntry(wiring: LoadBalancerWiring): JsonObject {
  const entry: JsonObject = {};
  if (wiring.targetGroupArn !== undefined) entry.targetGroupArn = wiring.targetGroupArn;
  if (wiring.containerName !== undefined) entry.containerName = wiring.containerName;
  if (wiring.containerPort !== undefined) entry.containerPort = wiring.containerPort;
  if (wiring.alternateTargetGroupArn !== undefined || wiring.productionListenerRule !== undefined || wiring.roleArn !== undefined) {
    const advanced: JsonObject = {};
    if (wiring.alternateTargetGroupArn !== undefined) advanced.alternateTargetGroupArn = wiring.alternateTargetGroupArn;
    if (wiring.productionListenerRule !== undefined) advanced.productionListenerRule = wiring.productionListenerRule;
    if (wiring.testListenerRule !== undefined) advanced.testListenerRule = wiring.testListenerRule;
    if (wiring.roleArn !== undefined) advanced.roleArn = wiring.roleArn;
    entry.advancedConfiguration = advanced;
  }
  return entry;
}

/**
 * The listener of a listener rule, from the rule's ARN:
 * `…:listener-rule/app/NAME/LB/LISTENER/RULE` → `…:listener/app/NAME/LB/LISTENER`.
 */
export function listenerOfRule(ruleArn: string): string | undefined {
  const match = /^(arn:[^:]+:elasticloadbalancing:[^:]*:[^:]*:)listener-rule\/((?:app|net)\/[^/]+\/[^/]+\/[^/]+)\/[^/]+$/.exec(ruleArn);
  return match === null ? undefined : `${match[1]}listener/${match[2]}`;
}

/** The load balancer of a listener (or listener rule) ARN: `…:listener/app/NAME/LB/LISTENER` → `…:loadbalancer/app/NAME/LB`. */
export function loadBalancerOfListener(arn: string): string | undefined {
  const match = /^(arn:[^:]+:elasticloadbalancing:[^:]*:[^:]*:)listener(?:-rule)?\/((?:app|net)\/[^/]+\/[^/]+)\//.exec(arn);
  return match === null ? undefined : `${match[1]}loadbalancer/${match[2]}`;
}

/** The target type ECS needs for a network mode: ip for awsvpc (each task its own address), instance for bridge and host. */
export function targetTypeFor(networkMode: string | undefined): 'ip' | 'instance' | undefined {
  if (networkMode === 'awsvpc') return 'ip';
  if (networkMode === 'bridge' || networkMode === 'host') return 'instance';
  return undefined;
}

const portOf = (group: TargetGroupFacts): string => `${group.protocol ?? '?'}:${group.port ?? '?'}`;

/** One target group fits the service: its type for the network mode, and the load balancer's VPC. */
export function targetGroupProblems(
  group: TargetGroupFacts,
  context: {networkMode?: string; loadBalancer?: LoadBalancerFacts},
  field: 'targetGroupArn' | 'alternateTargetGroupArn' = 'targetGroupArn',
): WiringProblem[] {
  const problems: WiringProblem[] = [];
  const wanted = targetTypeFor(context.networkMode);
  if (wanted !== undefined && group.targetType !== undefined && group.targetType !== wanted) {
    problems.push({
      field,
      message: `target group ${group.name} has target type ${group.targetType}, and a task in ${context.networkMode} network mode registers by ${wanted === 'ip' ? 'IP address' : 'instance'}`,
      fix: `use a target group of type ${wanted} (aws elbv2 create-target-group --target-type ${wanted} …)`,
    });
  }
  const balancer = context.loadBalancer;
  if (balancer?.vpcId !== undefined && group.vpcId !== undefined && group.vpcId !== balancer.vpcId) {
    problems.push({
      field,
      message: `target group ${group.name} is in ${group.vpcId}, and the load balancer ${balancer.name} in ${balancer.vpcId}`,
      fix: `use a target group of ${balancer.vpcId}`,
    });
  }
  return problems;
}

/** The two target groups of a traffic-shifting strategy: different, one VPC, one port and protocol. */
export function alternateTargetGroupProblems(primary: TargetGroupFacts, alternate: TargetGroupFacts): WiringProblem[] {
  if (primary.arn === alternate.arn)
    return [
      {
        field: 'alternateTargetGroupArn',
        message: `the alternate target group is the production one (${primary.name}): ECS needs a second target group to start the new revision in`,
        fix: 'pick another target group of the same load balancer, VPC, port and protocol',
      },
    ];
  const problems: WiringProblem[] = [];
  if (primary.vpcId !== undefined && alternate.vpcId !== undefined && primary.vpcId !== alternate.vpcId)
    problems.push({
      field: 'alternateTargetGroupArn',
      message: `the target groups are in different VPCs (${primary.name}: ${primary.vpcId}, ${alternate.name}: ${alternate.vpcId})`,
      fix: `use an alternate target group of ${primary.vpcId}`,
    });
  if (primary.port !== alternate.port || primary.protocol !== alternate.protocol)
    problems.push({
      field: 'alternateTargetGroupArn',
      message: `the target groups differ in port or protocol (${primary.name}: ${portOf(primary)}, ${alternate.name}: ${portOf(alternate)})`,
      fix: `use an alternate target group with ${portOf(primary)}`,
    });
  if (primary.targetType !== undefined && alternate.targetType !== undefined && primary.targetType !== alternate.targetType)
    problems.push({
      field: 'alternateTargetGroupArn',
      message: `the target groups differ in target type (${primary.name}: ${primary.targetType}, ${alternate.name}: ${alternate.targetType})`,
      fix: `use an alternate target group of type ${primary.targetType}`,
    });
  return problems;
}

/** A listener rule is one of the chosen listener's (or, for the test rule, of a listener of the same load balancer). */
export function ruleProblems(
  rule: ListenerRuleFacts,
  field: 'productionListenerRule' | 'testListenerRule',
  context: {listenerArn?: string; productionRuleArn?: string},
): WiringProblem[] {
  const problems: WiringProblem[] = [];
  if (field === 'productionListenerRule' && context.listenerArn !== undefined && rule.listenerArn !== context.listenerArn)
    problems.push({
      field,
      message: `the production listener rule belongs to listener ${rule.listenerArn}, not to the chosen listener ${context.listenerArn}`,
      fix: "pick a rule of the listener that takes the service's production traffic",
    });
  if (field === 'testListenerRule') {
    const ruleBalancer = loadBalancerOfListener(rule.listenerArn);
    const wanted = context.listenerArn === undefined ? undefined : loadBalancerOfListener(context.listenerArn);
    if (ruleBalancer !== undefined && wanted !== undefined && ruleBalancer !== wanted)
      problems.push({
        field,
        message: `the test listener rule belongs to another load balancer (${ruleBalancer})`,
        fix: 'pick a rule of a listener of the same load balancer (often a test listener on another port)',
      });
    if (context.productionRuleArn !== undefined && rule.arn === context.productionRuleArn)
      problems.push({
        field,
        message: 'the test listener rule is the production listener rule',
        fix: 'pick another rule (a test listener, or a rule matching a test header), or leave the test rule out',
      });
  }
  return problems;
}

/** The problems of a wiring that need no AWS: what a traffic-shifting strategy requires, and two distinct target groups. */
export function offlineWiringProblems(wiring: LoadBalancerWiring, strategy: string): WiringProblem[] {
  const problems: WiringProblem[] = [];
  if (isTrafficStrategy(strategy)) {
    const missing = (['alternateTargetGroupArn', 'productionListenerRule', 'roleArn'] as const).filter((key) => wiring[key] === undefined);
    for (const key of missing)
      problems.push({
        field: key,
        message: `the ${strategy} strategy shifts traffic between two target groups: loadBalancers[0].advancedConfiguration.${key} is missing`,
        fix:
          key === 'roleArn'
            ? 'add the role that lets ECS change the listener rules: --traffic-role ARN, or --create-traffic-role --apply-iam'
            : `add it: ${key === 'alternateTargetGroupArn' ? '--alternate-target-group' : '--production-listener-rule'} ARN`,
      });
  }
  if (wiring.alternateTargetGroupArn !== undefined && wiring.alternateTargetGroupArn === wiring.targetGroupArn)
    problems.push({
      field: 'alternateTargetGroupArn',
      message: 'alternateTargetGroupArn is the same target group as targetGroupArn',
      fix: 'use a second target group of the same load balancer, VPC, port and protocol',
    });
  if (wiring.testListenerRule !== undefined && wiring.testListenerRule === wiring.productionListenerRule)
    problems.push({field: 'testListenerRule', message: 'testListenerRule is the production listener rule', fix: 'use another rule, or leave it out'});
  return problems;
}

/** True when an Allow statement of a trust policy lets `principal` (a service) call sts:AssumeRole. */
export function trustsService(trustPolicy: JsonObject, principal: string): boolean {
  const asArray = (value: JsonValue | undefined): JsonValue[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
  return asArray(getMember(trustPolicy, 'Statement')).some((statement) => {
    if (!isJsonObject(statement) || getMember(statement, 'Effect') !== 'Allow') return false;
    if (!asArray(getMember(statement, 'Action')).some((action) => action === 'sts:AssumeRole' || action === 'sts:*' || action === '*')) return false;
    const principals = getMember(statement, 'Principal');
    return isJsonObject(principals) && asArray(getMember(principals, 'Service')).includes(principal);
  });
}

/** The trust policy of the traffic role: ECS itself (not its tasks) assumes it. */
export function trafficRoleTrustPolicy(): JsonObject {
  return {Version: POLICY_VERSION, Statement: [{Effect: 'Allow', Principal: {Service: ECS_PRINCIPAL}, Action: 'sts:AssumeRole'}]};
}

/** The Elastic Load Balancing ARNs the load balancer questions take. */
export type ElbArnKind = 'loadbalancer' | 'listener' | 'listener-rule' | 'targetgroup';

const ELB_PREFIX = '^arn:aws(?:-cn|-us-gov|-iso|-iso-[a-z])?:elasticloadbalancing:[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-[0-9]:[0-9]{12}:';
const ID = '[A-Za-z0-9]+';
const NAME = '[A-Za-z0-9-]{1,32}';
const ELB_PATTERNS: Record<ElbArnKind, RegExp> = {
  loadbalancer: new RegExp(`${ELB_PREFIX}loadbalancer/(?:app|net)/${NAME}/${ID}$`),
  listener: new RegExp(`${ELB_PREFIX}listener/(?:app|net)/${NAME}/${ID}/${ID}$`),
  'listener-rule': new RegExp(`${ELB_PREFIX}listener-rule/(?:app|net)/${NAME}/${ID}/${ID}/${ID}$`),
  targetgroup: new RegExp(`${ELB_PREFIX}targetgroup/${NAME}/${ID}$`),
};

export const ELB_ARN_EXAMPLES: Record<ElbArnKind, string> = {
  loadbalancer: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/50dc6c495c0c9188',
  listener: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2',
  'listener-rule': 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2/9683b2d02a6cabee',
  targetgroup: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-blue/73e2d6bc24d8a067',
};

const ELB_DESCRIPTIONS: Record<ElbArnKind, string> = {
  loadbalancer: 'a load balancer ARN',
  listener: 'a listener ARN',
  'listener-rule': 'a listener rule ARN',
  targetgroup: 'a target group ARN',
};

/** undefined when `text` is an ARN of that kind, else what is wrong, with an example. */
export function elbArnProblem(kind: ElbArnKind, text: string): string | undefined {
  const arn = text.trim();
  if (arn === '') return `give ${ELB_DESCRIPTIONS[kind]}, like ${ELB_ARN_EXAMPLES[kind]}`;
  if (!ELB_PATTERNS[kind].test(arn)) return `"${arn}" is not ${ELB_DESCRIPTIONS[kind]}: write it like ${ELB_ARN_EXAMPLES[kind]}`;
  return undefined;
}
