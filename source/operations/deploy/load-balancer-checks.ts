/**
 * Pre-flight checks of a service's load balancer and deployment strategy wiring, before anything changes:
 *
 * - load-balancer: loadBalancers[0]'s target group exists, is attached to a load balancer, is in its VPC and of the
 *   target type the network mode needs; for BLUE_GREEN / LINEAR / CANARY the alternate target group exists and fits
 *   (another group, same VPC, port, protocol and type), the production listener rule exists on that load balancer,
 *   the test listener rule too (and is not the production rule);
 * - traffic-role: advancedConfiguration.roleArn exists, trusts ecs.amazonaws.com and may
 *   elasticloadbalancing:ModifyRule the listener rules (IAM's simulator, else the role's documents);
 * - lifecycle-hook STAGE: each hook's Lambda exists, and its role trusts ecs.amazonaws.com and may
 *   lambda:InvokeFunction it;
 * - alarms: each alarm of deploymentConfiguration.alarms.alarmNames exists.
 *
 * The rules themselves are domain/load-balancer.ts's (the wizard and init apply the same ones).
 */
import {effectiveNetworkMode} from '../../domain/network-mode.js';
import {isJsonObject, type JsonObject, type JsonValue} from '../../domain/json.js';
import {getMember} from '../../domain/json-text.js';
import {roleNameOf} from '../../domain/iam-policy.js';
import {
  ECS_PRINCIPAL,
  LOAD_BALANCER_ROLE_POLICY_ARN,
  alternateTargetGroupProblems,
  deploymentStrategyOf,
  isTrafficStrategy,
  loadBalancerOfListener,
  ruleProblems,
  targetGroupProblems,
  trustsService,
  wiringOf,
  type LoadBalancerWiring,
  type WiringProblem,
} from '../../domain/load-balancer.js';
import type {CheckPorts} from '../../ports/deploy.js';
import type {IamPort, RolePolicyDocument} from '../../ports/iam.js';
import type {LoadBalancingPort} from '../../ports/load-balancing.js';
import {guarded, type CheckResult} from './check-result.js';
import {permission} from './permission-checks.js';
import type {DeployPlan} from './plan.js';

const nameOf = (arn: string): string => {
  const parts = arn.split('/');
  return parts.length >= 3 ? parts[parts.length - 2]! : arn;
};

const failure = (name: string, problems: readonly WiringProblem[]): CheckResult => ({
  name,
  status: 'fail',
  message: problems.map((problem) => problem.message).join('; '),
  hint: problems[0]!.fix,
});

async function wiringCheck(elb: LoadBalancingPort, plan: DeployPlan, wiring: LoadBalancerWiring, strategy: string): Promise<CheckResult> {
  const name = 'load-balancer';
  const arn = wiring.targetGroupArn!;
  const primary = await elb.getTargetGroup(arn);
  if (primary === undefined)
    return {
      name,
      status: 'fail',
      message: `the target group ${nameOf(arn)} does not exist in ${plan.region}`,
      hint: 'create it, or fix loadBalancers[0].targetGroupArn',
    };
  const balancerArn = primary.loadBalancerArns[0];
  if (balancerArn === undefined)
    return {
      name,
      status: 'fail',
      message: `the target group ${primary.name} is not attached to a load balancer: ECS refuses a service on it`,
      hint: 'add a listener rule (or a listener default action) that forwards to it',
    };
  const balancer = await elb.getLoadBalancer(balancerArn);
  const networkMode = effectiveNetworkMode(plan.taskDefinition, plan.environment.launchType);
  const problems = targetGroupProblems(primary, {
    ...(networkMode === undefined ? {} : {networkMode}),
    ...(balancer === undefined ? {} : {loadBalancer: balancer}),
  });
  const parts = [
    `${primary.name} (type ${primary.targetType ?? '?'}, ${primary.protocol ?? '?'}:${primary.port ?? '?'}) on ${balancer?.name ?? nameOf(balancerArn)}`,
  ];
  if (isTrafficStrategy(strategy) && wiring.alternateTargetGroupArn !== undefined) {
    const alternate = await elb.getTargetGroup(wiring.alternateTargetGroupArn);
    if (alternate === undefined)
      problems.push({
        field: 'alternateTargetGroupArn',
        message: `the alternate target group ${nameOf(wiring.alternateTargetGroupArn)} does not exist in ${plan.region}`,
        fix: 'create it (same VPC, port, protocol and target type), or fix advancedConfiguration.alternateTargetGroupArn',
      });
    else {
      problems.push(...alternateTargetGroupProblems(primary, alternate));
      parts.push(`alternate ${alternate.name}`);
    }
    let productionListener: string | undefined;
    if (wiring.productionListenerRule !== undefined) {
      const rule = await elb.getRule(wiring.productionListenerRule);
      if (rule === undefined)
        problems.push({
          field: 'productionListenerRule',
          message: 'the production listener rule does not exist',
          fix: 'fix advancedConfiguration.productionListenerRule',
        });
      else {
        productionListener = rule.listenerArn;
        const ruleBalancer = loadBalancerOfListener(rule.listenerArn);
        if (ruleBalancer !== undefined && !primary.loadBalancerArns.includes(ruleBalancer))
          problems.push({
            field: 'productionListenerRule',
            message: `the production listener rule is on ${nameOf(ruleBalancer)}, and the target group ${primary.name} is not attached to that load balancer`,
            fix: 'use a rule of the listener that forwards to the target group',
          });
        parts.push('production rule found');
      }
    }
    if (wiring.testListenerRule !== undefined) {
      const rule = await elb.getRule(wiring.testListenerRule);
      if (rule === undefined)
        problems.push({
          field: 'testListenerRule',
          message: 'the test listener rule does not exist',
          fix: 'fix advancedConfiguration.testListenerRule, or remove it',
        });
      else {
        problems.push(
          ...ruleProblems(rule, 'testListenerRule', {
            ...(productionListener === undefined ? {} : {listenerArn: productionListener}),
            ...(wiring.productionListenerRule === undefined ? {} : {productionRuleArn: wiring.productionListenerRule}),
          }),
        );
        parts.push('test rule found');
      }
    }
  }
  return problems.length > 0 ? failure(name, problems) : {name, status: 'ok', message: parts.join('; ')};
}

/** A role ECS itself assumes: exists, trusts ecs.amazonaws.com, and may perform `action` on each resource. */
async function ecsRoleCheck(
  iam: IamPort,
  name: string,
  roleArn: string,
  action: string,
  resources: readonly string[],
  fix: {create: string; grant: string},
): Promise<CheckResult> {
  const role = await iam.getRole(roleArn);
  if (role === undefined) return {name, status: 'fail', message: `the role ${roleNameOf(roleArn)} does not exist`, hint: fix.create};
  if (!trustsService(role.trustPolicy, ECS_PRINCIPAL))
    return {
      name,
      status: 'fail',
      message: `the role ${role.name} does not trust ${ECS_PRINCIPAL}: ECS cannot assume it`,
      hint: `add to its trust policy {"Effect":"Allow","Principal":{"Service":"${ECS_PRINCIPAL}"},"Action":"sts:AssumeRole"}`,
    };
  let documents: Promise<RolePolicyDocument[]> | undefined;
  const roleDocuments = (): Promise<RolePolicyDocument[]> => (documents ??= iam.rolePolicyDocuments(roleArn));
  for (const resource of resources) {
    const answer = await permission(iam, roleArn, action, resource, roleDocuments);
    if (answer.decision === 'denied')
      return {name, status: 'fail', message: `${role.name} is explicitly denied ${action} on ${resource} (${answer.how})`, hint: 'remove the Deny statement'};
    if (answer.decision === 'not-allowed')
      return {name, status: 'fail', message: `${role.name} may not ${action} on ${resource} (${answer.how})`, hint: fix.grant};
    if (answer.decision === 'conditional')
      return {name, status: 'warn', message: `${role.name} may ${action} on ${resource} only under a condition (${answer.how}): not decided here`};
  }
  return {name, status: 'ok', message: `${role.name} trusts ${ECS_PRINCIPAL} and may ${action}`};
}

const asText = (value: JsonValue | undefined): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

interface Hook {
  target: string;
  role?: string;
  stages: string[];
}

function hooksOf(service: JsonObject): Hook[] {
  const configuration = getMember(service, 'deploymentConfiguration');
  const hooks = isJsonObject(configuration) ? getMember(configuration, 'lifecycleHooks') : undefined;
  if (!Array.isArray(hooks)) return [];
  return hooks.filter(isJsonObject).flatMap((hook) => {
    const target = asText(getMember(hook, 'hookTargetArn'));
    const stages = getMember(hook, 'lifecycleStages');
    const role = asText(getMember(hook, 'roleArn'));
    return target === undefined
      ? []
      : [
          {
            target,
            ...(role === undefined ? {} : {role}),
            stages: Array.isArray(stages) ? stages.filter((stage): stage is string => typeof stage === 'string') : [],
          },
        ];
  });
}

function alarmNamesOf(service: JsonObject): string[] {
  const configuration = getMember(service, 'deploymentConfiguration');
  const alarms = isJsonObject(configuration) ? getMember(configuration, 'alarms') : undefined;
  const names = isJsonObject(alarms) ? getMember(alarms, 'alarmNames') : undefined;
  return Array.isArray(names) ? names.filter((name): name is string => typeof name === 'string' && name !== '') : [];
}

const notChecked = (name: string, what: string): CheckResult => ({
  name,
  status: 'warn',
  message: `${what} was not checked: no ${name === 'alarms' ? 'CloudWatch' : name === 'load-balancer' ? 'Elastic Load Balancing' : 'Lambda'} port in this run`,
});

/** Every check of the load balancer, traffic role, lifecycle hooks and alarms of the plan's service. */
export async function loadBalancerChecks(ports: CheckPorts, plan: DeployPlan): Promise<CheckResult[]> {
  const service = plan.service;
  const results: CheckResult[] = [];
  const wiring = wiringOf(service);
  const strategy = deploymentStrategyOf(service);
  if (wiring?.targetGroupArn !== undefined) {
    const elbPort = ports.loadBalancing;
    if (elbPort === undefined) results.push(notChecked('load-balancer', 'the load balancer wiring'));
    else
      results.push(
        ...(await guarded('load-balancer', `target group ${wiring.targetGroupArn}`, async () => wiringCheck(await elbPort(), plan, wiring, strategy))),
      );
    const rules = [wiring.productionListenerRule, wiring.testListenerRule].filter((rule): rule is string => rule !== undefined);
    if (isTrafficStrategy(strategy) && wiring.roleArn !== undefined) {
      const roleArn = wiring.roleArn;
      results.push(
        ...(await guarded('traffic-role', `role ${roleArn}`, () =>
          ecsRoleCheck(ports.iam, 'traffic-role', roleArn, 'elasticloadbalancing:ModifyRule', rules, {
            create: 'create it with ecs-wizard init --create-traffic-role --apply-iam, or fix advancedConfiguration.roleArn',
            grant: `attach the managed policy: aws iam attach-role-policy --role-name ${roleNameOf(roleArn)} --policy-arn ${LOAD_BALANCER_ROLE_POLICY_ARN}`,
          }),
        )),
      );
    }
  }
  for (const hook of hooksOf(service)) {
    const name = `lifecycle-hook ${hook.stages.join(',') || nameOf(hook.target)}`;
    const lambdaPort = ports.lambda;
    if (lambdaPort === undefined) {
      results.push(notChecked(name, `the hook ${hook.target}`));
      continue;
    }
    results.push(
      ...(await guarded(name, `Lambda function ${hook.target}`, async () => {
        const found = await (await lambdaPort()).getFunction(hook.target);
        if (found === undefined)
          return {
            name,
            status: 'fail',
            message: `the Lambda function ${hook.target} does not exist`,
            hint: 'create it in the same region, or fix hookTargetArn',
          };
        if (hook.role === undefined)
          return {name, status: 'fail', message: `the hook ${found.name} has no roleArn: ECS needs a role to invoke it`, hint: 'add roleArn to the hook'};
        const role = await ecsRoleCheck(ports.iam, name, hook.role, 'lambda:InvokeFunction', [found.arn], {
          create: 'create a role trusting ecs.amazonaws.com that may lambda:InvokeFunction the hook, or fix the hook roleArn',
          grant: `allow it: aws iam put-role-policy --role-name ${roleNameOf(hook.role)} --policy-name invoke-${found.name} --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"lambda:InvokeFunction","Resource":"${found.arn}"}]}'`,
        });
        return role.status === 'ok' ? {...role, message: `${found.name} exists; ${role.message}`} : role;
      })),
    );
  }
  const names = alarmNamesOf(service);
  if (names.length > 0) {
    const alarmsPort = ports.alarms;
    if (alarmsPort === undefined) results.push(notChecked('alarms', 'the rollback alarms'));
    else
      results.push(
        ...(await guarded('alarms', `alarms ${names.join(', ')}`, async () => {
          const found = await (await alarmsPort()).getAlarms(names);
          const missing = names.filter((alarm) => !found.some((candidate) => candidate.name === alarm));
          if (missing.length > 0)
            return {
              name: 'alarms',
              status: 'fail',
              message: `CloudWatch alarm${missing.length === 1 ? '' : 's'} ${missing.join(', ')} ${missing.length === 1 ? 'does' : 'do'} not exist in ${plan.region}`,
              hint: 'create them (aws cloudwatch put-metric-alarm …), or fix deploymentConfiguration.alarms.alarmNames',
            };
          return {
            name: 'alarms',
            status: 'ok',
            message: found.map((alarm) => `${alarm.name} (${alarm.state ?? '?'})`).join(', '),
          };
        })),
      );
  }
  return results;
}
