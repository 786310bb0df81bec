/**
 * What the load balancer questions (questions/load-balancer*.ts, questions/lb-*.ts) share: the strategy of the
 * service specification as composed so far (the deployment-strategy question writes
 * deploymentConfiguration.strategy), the answer as loadBalancers[0], the pickers' rows, and the checks of a picked
 * or typed ARN against what Elastic Load Balancing says (the rules are domain/load-balancer.ts's).
 */
import {isJsonObject, type JsonObject} from '../../domain/json.js';
import {parseJsonText} from '../../domain/json-text.js';
import {
  alternateTargetGroupProblems,
  deploymentStrategyOf,
  elbArnProblem,
  isTrafficStrategy,
  ruleProblems,
  targetGroupProblems,
  wiringOf,
  type ElbArnKind,
  type ListenerRuleFacts,
  type LoadBalancerWiring,
  type TargetGroupFacts,
  type WiringProblem,
} from '../../domain/load-balancer.js';
import type {WizardAnswers} from '../../domain/wizard-answers.js';
import type {Checked} from './answer-checks.js';
import type {Choice, StepContext} from './question.js';
import {composeServiceSpec} from './service-spec.js';
import {taskNetworkMode} from './container-spec.js';
import type {Listing, WizardServices} from './services.js';

/** The service specification as it stands (the person's JSON or the default, with every answer written in). */
export function composedSpec(answers: WizardAnswers): JsonObject {
  const parsed = parseJsonText(composeServiceSpec(answers).text, 'serviceSpec').value;
  return isJsonObject(parsed) ? parsed : {};
}

/** deploymentConfiguration.strategy of the specification (ROLLING when it has none). */
export const strategyOf = (answers: WizardAnswers): string => deploymentStrategyOf(composedSpec(answers));

/** The strategy shifts traffic between two target groups (BLUE_GREEN, LINEAR, CANARY). */
export const shiftsTraffic = (answers: WizardAnswers): boolean => isTrafficStrategy(strategyOf(answers));

/** The service is being attached to a load balancer (the first question said so, or a flag gave a target group). */
export const attaching = (ctx: StepContext): boolean => ctx.choices['load-balancer'] === 'attach' && ctx.answers.loadBalancer !== null;

/** The network mode the tasks run in (Fargate: always awsvpc). */
export const networkModeOf = (answers: WizardAnswers): string => taskNetworkMode(answers);

/** The answers with part of loadBalancers[0] changed (keys set to undefined are removed). */
export function patchWiring(answers: WizardAnswers, patch: Partial<Record<keyof LoadBalancerWiring, string | number | undefined>>): WizardAnswers {
  const next: Record<string, string | number | undefined> = {...(answers.loadBalancer ?? {})};
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  return {...answers, loadBalancer: next as LoadBalancerWiring};
}

/** loadBalancers[0] of the person's own service JSON (before the questions' answer replaces it). */
export const specWiring = (answers: WizardAnswers): LoadBalancerWiring | undefined => wiringOf(composedSpec({...answers, loadBalancer: undefined}));

/** A typed ARN of that kind (the picker's free entry, and the flags). */
export function checkElbArn(kind: ElbArnKind, text: string): Checked<string> {
  const problem = elbArnProblem(kind, text);
  return problem === undefined ? {ok: true, value: text.trim()} : {ok: false, message: problem.charAt(0).toUpperCase() + problem.slice(1)};
}

/** The last part of an ARN's resource: a target group's or load balancer's name. */
export const nameInArn = (arn: string | undefined): string => {
  if (arn === undefined) return '';
  const parts = arn.split('/');
  return parts.length >= 3 ? parts[parts.length - 2]! : arn;
};

export const targetGroupDetail = (group: TargetGroupFacts, balancerArn: string | undefined): string =>
  [
    group.targetType === undefined ? undefined : `type ${group.targetType}`,
    group.protocol === undefined ? undefined : `${group.protocol}:${group.port ?? '?'}`,
    group.vpcId,
    balancerArn !== undefined && group.loadBalancerArns.includes(balancerArn)
      ? 'on this load balancer'
      : group.loadBalancerArns.length === 0
        ? 'not attached to a load balancer'
        : undefined,
  ]
    .filter((part): part is string => part !== undefined)
    .join(' · ');

/** Target groups as picker rows: those of the load balancer first. */
export function targetGroupChoices(groups: readonly TargetGroupFacts[], balancerArn: string | undefined, skip?: string): Choice[] {
  const on = (group: TargetGroupFacts): number => (balancerArn !== undefined && group.loadBalancerArns.includes(balancerArn) ? 0 : 1);
  return [...groups]
    .filter((group) => group.arn !== skip)
    .sort((a, b) => on(a) - on(b) || a.name.localeCompare(b.name))
    .map((group) => ({value: group.arn, label: group.name, detail: targetGroupDetail(group, balancerArn)}));
}

export const ruleLabel = (rule: ListenerRuleFacts): string =>
  rule.isDefault ? 'default rule' : `priority ${rule.priority ?? '?'}${rule.conditions.length === 0 ? '' : `: ${rule.conditions.join('; ')}`}`;

export const ruleChoice = (rule: ListenerRuleFacts, listenerLabel?: string): Choice => ({
  value: rule.arn,
  label: `${listenerLabel === undefined ? '' : `${listenerLabel} `}${ruleLabel(rule)}`,
  detail: rule.targetGroupArns.length === 0 ? 'forwards to no target group' : `→ ${rule.targetGroupArns.map(nameInArn).join(', ')}`,
});

type CheckOutcome = {ok: true; note?: string} | {ok: false; message: string};

const failed = (problems: readonly WiringProblem[]): CheckOutcome | undefined =>
  problems.length === 0 ? undefined : {ok: false, message: `${problems.map((problem) => problem.message).join('; ')}: ${problems[0]!.fix}`};

/** A target group (primary or alternate) checked against ELB: it exists, its type fits the network mode, the load balancer's VPC, and (alternate) the primary. */
export async function checkTargetGroup(
  services: WizardServices,
  answers: WizardAnswers,
  arn: string,
  options: {balancerArn?: string; alternate?: boolean},
): Promise<CheckOutcome> {
  const found = await services.targetGroup(arn);
  if (found.status === 'missing') return {ok: false, message: `No target group ${nameInArn(arn)} in this account and region: check the ARN`};
  if (found.status === 'unknown') return {ok: true, note: `Could not check the target group: ${found.reason}`};
  const balancer = options.balancerArn === undefined ? undefined : await services.loadBalancer(options.balancerArn);
  const field = options.alternate === true ? 'alternateTargetGroupArn' : 'targetGroupArn';
  const networkMode = networkModeOf(answers);
  const problems = targetGroupProblems(found.value, {networkMode, ...(balancer?.status === 'found' ? {loadBalancer: balancer.value} : {})}, field);
  const primaryArn = answers.loadBalancer?.targetGroupArn;
  if (options.alternate === true && primaryArn !== undefined) {
    const primary = await services.targetGroup(primaryArn);
    if (primary.status === 'found') problems.push(...alternateTargetGroupProblems(primary.value, found.value));
    else if (primaryArn === arn) problems.push(...alternateTargetGroupProblems(found.value, found.value));
  }
  return failed(problems) ?? {ok: true};
}

/** A listener rule checked against ELB: it exists, and belongs to the chosen listener (production) or load balancer (test). */
export async function checkRule(
  services: WizardServices,
  arn: string,
  field: 'productionListenerRule' | 'testListenerRule',
  context: {listenerArn?: string; productionRuleArn?: string},
): Promise<CheckOutcome> {
  const found = await services.listenerRule(arn);
  if (found.status === 'missing') return {ok: false, message: 'No such listener rule in this account and region: check the ARN'};
  if (found.status === 'unknown') return {ok: true, note: `Could not check the listener rule: ${found.reason}`};
  return failed(ruleProblems(found.value, field, context)) ?? {ok: true};
}

/** The load balancer of the answers: the one picked, else the first one the production target group is attached to. */
export async function balancerOfAnswers(services: WizardServices, ctx: StepContext): Promise<string | undefined> {
  const picked = ctx.choices['lb-load-balancer'];
  if (picked !== undefined) return picked;
  const group = ctx.answers.loadBalancer?.targetGroupArn;
  if (group === undefined) return undefined;
  const found = await services.targetGroup(group);
  return found.status === 'found' ? found.value.loadBalancerArns[0] : undefined;
}

/** The rules of every listener of a load balancer, as picker rows (`HTTP:80 priority 10: path-pattern /api/*`). */
export async function balancerRuleChoices(services: WizardServices, balancerArn: string | undefined, skip?: string): Promise<Listing<Choice>> {
  if (balancerArn === undefined) return {ok: false, reason: 'the load balancer of the target group is not known (is the target group attached to one?)'};
  const listeners = await services.listeners(balancerArn);
  if (!listeners.ok) return listeners;
  const items: Choice[] = [];
  for (const listener of listeners.items) {
    const rules = await services.listenerRules(listener.arn);
    if (!rules.ok) return rules;
    items.push(...rules.items.filter((rule) => rule.arn !== skip).map((rule) => ruleChoice(rule, `${listener.protocol ?? '?'}:${listener.port ?? '?'}`)));
  }
  return {ok: true, items};
}
