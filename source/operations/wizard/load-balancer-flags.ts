/**
 * `init`'s load balancer flags checked against Elastic Load Balancing and IAM at once (when AWS can be read; a
 * note says what could not be checked), and the traffic role that --create-traffic-role --apply-iam creates.
 * The rules are domain/load-balancer.ts's, as in the wizard's pickers and in verify.
 */
import {
  DEFAULT_TRAFFIC_ROLE_NAME,
  ECS_PRINCIPAL,
  alternateTargetGroupProblems,
  loadBalancerOfListener,
  ruleProblems,
  targetGroupProblems,
  trustsService,
  type TargetGroupFacts,
  type WiringProblem,
} from '../../domain/load-balancer.js';
import type {WizardAnswers} from '../../domain/wizard-answers.js';
import type {FlagProblem} from './flag-draft.js';
import {nameInArn, networkModeOf} from './load-balancer.js';
import type {WizardServices} from './services.js';

const FLAG_OF: Record<WiringProblem['field'], string> = {
  targetGroupArn: '--target-group',
  alternateTargetGroupArn: '--alternate-target-group',
  productionListenerRule: '--production-listener-rule',
  testListenerRule: '--test-listener-rule',
  roleArn: '--traffic-role',
  containerName: '--target-group',
  containerPort: '--target-group',
  listener: '--production-listener-rule',
};

const asFlagProblems = (problems: readonly WiringProblem[]): FlagProblem[] =>
  problems.map((problem) => ({flag: FLAG_OF[problem.field], severity: 'error', message: `${problem.message} (${problem.fix})`}));

/** The flags' target groups, rules and role exist and fit together. */
export async function checkLoadBalancerFlags(services: WizardServices, answers: WizardAnswers, note: (line: string) => void): Promise<FlagProblem[]> {
  const wiring = answers.loadBalancer;
  if (!wiring?.targetGroupArn) return [];
  const problems: FlagProblem[] = [];
  const unchecked: string[] = [];
  const group = async (arn: string, flag: string): Promise<TargetGroupFacts | undefined> => {
    const found = await services.targetGroup(arn);
    if (found.status === 'missing') problems.push({flag, severity: 'error', message: `no target group ${nameInArn(arn)} in this account and region`});
    if (found.status === 'unknown') unchecked.push(`${flag} (${found.reason})`);
    return found.status === 'found' ? found.value : undefined;
  };
  const primary = await group(wiring.targetGroupArn, '--target-group');
  if (primary !== undefined) {
    const balancerArn = primary.loadBalancerArns[0];
    const balancer = balancerArn === undefined ? undefined : await services.loadBalancer(balancerArn);
    problems.push(
      ...asFlagProblems(
        targetGroupProblems(primary, {networkMode: networkModeOf(answers), ...(balancer?.status === 'found' ? {loadBalancer: balancer.value} : {})}),
      ),
    );
  }
  if (wiring.alternateTargetGroupArn !== undefined) {
    const alternate = await group(wiring.alternateTargetGroupArn, '--alternate-target-group');
    if (alternate !== undefined && primary !== undefined) problems.push(...asFlagProblems(alternateTargetGroupProblems(primary, alternate)));
  }
  let productionListener: string | undefined;
  if (wiring.productionListenerRule !== undefined) {
    const found = await services.listenerRule(wiring.productionListenerRule);
    if (found.status === 'missing')
      problems.push({flag: '--production-listener-rule', severity: 'error', message: 'no such listener rule in this account and region'});
    else if (found.status === 'unknown') unchecked.push(`--production-listener-rule (${found.reason})`);
    else {
      productionListener = found.value.listenerArn;
      const balancer = loadBalancerOfListener(found.value.listenerArn);
      if (primary !== undefined && balancer !== undefined && primary.loadBalancerArns.length > 0 && !primary.loadBalancerArns.includes(balancer))
        problems.push({
          flag: '--production-listener-rule',
          severity: 'error',
          message: `the rule is a listener rule of ${nameInArn(balancer)}, and the target group ${primary.name} is not attached to that load balancer`,
        });
    }
  }
  if (wiring.testListenerRule !== undefined) {
    const found = await services.listenerRule(wiring.testListenerRule);
    if (found.status === 'missing')
      problems.push({flag: '--test-listener-rule', severity: 'error', message: 'no such listener rule in this account and region'});
    else if (found.status === 'unknown') unchecked.push(`--test-listener-rule (${found.reason})`);
    else
      problems.push(
        ...asFlagProblems(
          ruleProblems(found.value, 'testListenerRule', {
            ...(productionListener === undefined ? {} : {listenerArn: productionListener}),
            ...(wiring.productionListenerRule === undefined ? {} : {productionRuleArn: wiring.productionListenerRule}),
          }),
        ),
      );
  }
  if (wiring.roleArn !== undefined) {
    const found = await services.role(wiring.roleArn);
    if (found.status === 'missing') problems.push({flag: '--traffic-role', severity: 'error', message: `no role ${nameInArn(wiring.roleArn)} in this account`});
    else if (found.status === 'unknown') unchecked.push(`--traffic-role (${found.reason})`);
    else if (!trustsService(found.value.trustPolicy, ECS_PRINCIPAL))
      problems.push({
        flag: '--traffic-role',
        severity: 'error',
        message: `${found.value.name} does not trust ${ECS_PRINCIPAL}, so ECS cannot use it to change the listener rules`,
      });
  }
  if (unchecked.length > 0) note(`could not check ${unchecked.join(', ')}; verify checks them again before a deploy`);
  return problems;
}

/** --create-traffic-role was given: the role is created only with --apply-iam. */
export const createsTrafficRole = (choices: Readonly<Record<string, string>>): boolean => choices['lb-traffic-role'] === 'create';

/** The answers with the traffic role's ARN (a stand-in before it is created, so that the rest is checked first). */
export const withTrafficRole = (answers: WizardAnswers, arn: string): WizardAnswers =>
  answers.loadBalancer ? {...answers, loadBalancer: {...answers.loadBalancer, roleArn: arn}} : answers;

export const PREVIEW_TRAFFIC_ROLE_ARN = `arn:aws:iam::000000000000:role/${DEFAULT_TRAFFIC_ROLE_NAME}`;

/** Creates the traffic role (or takes the one of that name) and returns the answers with it, and the note to print. */
export async function createTrafficRoleFromFlags(services: WizardServices, answers: WizardAnswers): Promise<{answers: WizardAnswers; note: string}> {
  const role = await services.createTrafficRole(DEFAULT_TRAFFIC_ROLE_NAME);
  return {
    answers: withTrafficRole(answers, role.arn),
    note: `created the IAM role ${role.arn} (trusts ${ECS_PRINCIPAL}, AmazonECSInfrastructureRolePolicyForLoadBalancers attached)`,
  };
}
