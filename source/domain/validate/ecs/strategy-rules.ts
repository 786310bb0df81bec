/**
 * The rules of a service specification's deployment strategy (deploymentConfiguration.strategy and what it needs),
 * as ECS documents them; every door runs them (they are part of ECS's rules of the document, document.ts):
 *
 * - BLUE_GREEN needs bakeTimeInMinutes; LINEAR needs linearConfiguration and CANARY canaryConfiguration (the ranges
 *   are the field table's); a canary or linear configuration under another strategy is ignored by ECS (a warning);
 * - BLUE_GREEN, LINEAR and CANARY run only under the ECS deployment controller and only for REPLICA services;
 * - with a load balancer they need its advancedConfiguration: an alternate target group other than the production
 *   one, the production listener rule, and the role that lets ECS change the rules;
 * - a lifecycle hook needs its Lambda function, a role and at least one stage (names: the field table's enum);
 * A CODE_DEPLOY controller is valid ECS (these rules accept it); that ecs-wizard cannot deploy through CodeDeploy is
 * said by deploy's checks (operations/deploy/checks.ts), with CODE_DEPLOY_REASON.
 *
 * Values that still hold a placeholder are skipped.
 */
import type {JsonObject, JsonValue} from '../../json.js';
import {isJsonObject} from '../../json.js';
import {getMember, joinPath} from '../../json-text.js';
import {shiftsTraffic} from '../../deployment-strategy.js';
import type {Report} from '../report.js';
import {pending} from '../report.js';

const known = (value: JsonValue | undefined): boolean => value !== undefined && !pending(value);

/** Why ecs-wizard cannot deploy a CODE_DEPLOY service (shown at save and when deploy refuses). */
export const CODE_DEPLOY_REASON =
  'Deployments of a service with the CODE_DEPLOY deployment controller are made by AWS CodeDeploy (CreateDeployment with an AppSpec); ECS refuses an UpdateService that changes its task definition, so ecs-wizard can create the service but cannot deploy new revisions to it';
export const CODE_DEPLOY_FIX =
  'Use "deploymentController": {"type": "ECS"} with "deploymentConfiguration": {"strategy": "BLUE_GREEN", "bakeTimeInMinutes": 5} for blue/green run by ECS itself, or deploy through CodeDeploy';

export function checkStrategyRules(report: Report, service: JsonObject): void {
  const controller = getMember(service, 'deploymentController');
  const controllerType = isJsonObject(controller) ? getMember(controller, 'type') : undefined;

  const configuration = getMember(service, 'deploymentConfiguration');
  if (!isJsonObject(configuration)) return;
  const strategy = getMember(configuration, 'strategy');
  const at = (key: string): string => joinPath('deploymentConfiguration', key);
  if (!pending(strategy)) {
    if (getMember(configuration, 'canaryConfiguration') !== undefined && strategy !== 'CANARY')
      report.warning(
        'strategy-configuration-ignored',
        at('canaryConfiguration'),
        `canaryConfiguration applies to the CANARY strategy only; ECS ignores it here`,
        'Remove it, or write "strategy": "CANARY"',
      );
    if (getMember(configuration, 'linearConfiguration') !== undefined && strategy !== 'LINEAR')
      report.warning(
        'strategy-configuration-ignored',
        at('linearConfiguration'),
        `linearConfiguration applies to the LINEAR strategy only; ECS ignores it here`,
        'Remove it, or write "strategy": "LINEAR"',
      );
  }
  checkHooks(report, configuration);
  if (typeof strategy !== 'string' || !shiftsTraffic(strategy)) return;

  if (typeof controllerType === 'string' && controllerType !== 'ECS') {
    report.error(
      'deployment-strategy-controller',
      at('strategy'),
      `The ${strategy} deployment strategy is run by ECS itself and needs the ECS deployment controller; this service uses ${controllerType}`,
      controllerType === 'CODE_DEPLOY'
        ? 'Use "deploymentController": {"type": "ECS"} (ECS then runs the blue/green deployment itself, no CodeDeploy), or leave strategy out and deploy through CodeDeploy'
        : 'Use "deploymentController": {"type": "ECS"}, or leave strategy out: an EXTERNAL controller deploys through its own task sets',
    );
  }
  if (getMember(service, 'schedulingStrategy') === 'DAEMON') {
    report.error(
      'deployment-strategy-daemon',
      at('strategy'),
      `A DAEMON service cannot use the ${strategy} strategy: it runs one task per instance and has no second revision to shift traffic to`,
      'Leave strategy out (ROLLING: the circuit breaker rolls back a failed deployment), or make the service REPLICA',
    );
  }
  if (strategy === 'BLUE_GREEN' && getMember(configuration, 'bakeTimeInMinutes') === undefined) {
    report.error(
      'missing-field',
      at('bakeTimeInMinutes'),
      'A BLUE_GREEN deployment needs bakeTimeInMinutes: how long both revisions run after production traffic moved, before the old one stops',
      'Add "bakeTimeInMinutes": 5 (0 to 1440)',
    );
  }
  if (strategy === 'LINEAR' && getMember(configuration, 'linearConfiguration') === undefined) {
    report.error(
      'missing-field',
      at('linearConfiguration'),
      'A LINEAR deployment needs linearConfiguration: the share of production traffic moved at each step and the bake between steps',
      'Add "linearConfiguration": {"stepPercent": 20, "stepBakeTimeInMinutes": 2}',
    );
  }
  if (strategy === 'CANARY' && getMember(configuration, 'canaryConfiguration') === undefined) {
    report.error(
      'missing-field',
      at('canaryConfiguration'),
      'A CANARY deployment needs canaryConfiguration: the share of production traffic the new revision gets first, and how long before the rest follows',
      'Add "canaryConfiguration": {"canaryPercent": 10, "canaryBakeTimeInMinutes": 3}',
    );
  }
  checkLoadBalancers(report, service, strategy);
}

function checkLoadBalancers(report: Report, service: JsonObject, strategy: string): void {
  const balancers = getMember(service, 'loadBalancers');
  if (!Array.isArray(balancers)) return;
  balancers.forEach((balancer, index) => {
    // loadBalancers[0] is the wizard's and init's: load-balancer-rules.ts says what it lacks, naming the init flags.
    if (index === 0 || !isJsonObject(balancer)) return;
    const path = joinPath('loadBalancers', index);
    const targetGroup = getMember(balancer, 'targetGroupArn');
    if (targetGroup === undefined) return;
    const advanced = getMember(balancer, 'advancedConfiguration');
    if (!isJsonObject(advanced)) {
      report.error(
        'missing-field',
        joinPath(path, 'advancedConfiguration'),
        `A ${strategy} deployment behind a load balancer needs advancedConfiguration: a second (alternate) target group, the production listener rule ECS moves traffic on, and the role that lets ECS change it`,
        'Add "advancedConfiguration": {"alternateTargetGroupArn": …, "productionListenerRule": …, "roleArn": …} (init: --alternate-target-group, --production-listener-rule, --traffic-role)',
      );
      return;
    }
    const where = (key: string): string => joinPath(joinPath(path, 'advancedConfiguration'), key);
    for (const [key, what, fix] of [
      ['alternateTargetGroupArn', 'the alternate target group (where the new revision starts)', 'init: --alternate-target-group ARN'],
      ['productionListenerRule', 'the production listener rule (the one ECS moves traffic on)', 'init: --production-listener-rule ARN'],
      ['roleArn', 'the role ECS assumes to change the listener rules', 'init: --traffic-role ARN, or --create-traffic-role --apply-iam'],
    ] as const) {
      if (getMember(advanced, key) === undefined) report.error('missing-field', where(key), `advancedConfiguration needs ${key}: ${what}`, fix);
    }
    const alternate = getMember(advanced, 'alternateTargetGroupArn');
    if (known(alternate) && known(targetGroup) && alternate === targetGroup) {
      report.error(
        'same-target-group',
        where('alternateTargetGroupArn'),
        'The alternate target group is the production one: blue and green need two different target groups',
        'Name a second target group of the same load balancer, container port and target type',
      );
    }
  });
}

function checkHooks(report: Report, configuration: JsonObject): void {
  const hooks = getMember(configuration, 'lifecycleHooks');
  if (!Array.isArray(hooks)) return;
  hooks.forEach((hook, index) => {
    if (!isJsonObject(hook)) return;
    const path = joinPath(joinPath('deploymentConfiguration', 'lifecycleHooks'), index);
    const type = getMember(hook, 'targetType');
    if (type === 'PAUSE') return;
    if (getMember(hook, 'hookTargetArn') === undefined)
      report.error(
        'missing-field',
        joinPath(path, 'hookTargetArn'),
        'A lifecycle hook needs hookTargetArn: the Lambda function ECS invokes',
        'init: --lifecycle-hook STAGE=LAMBDA_ARN',
      );
    if (getMember(hook, 'roleArn') === undefined)
      report.error(
        'missing-field',
        joinPath(path, 'roleArn'),
        'A lifecycle hook needs roleArn: the role ECS assumes to invoke the function',
        'init: --hook-role ARN',
      );
    const stages = getMember(hook, 'lifecycleStages');
    if (stages === undefined || (Array.isArray(stages) && stages.length === 0))
      report.error(
        'missing-field',
        joinPath(path, 'lifecycleStages'),
        'A lifecycle hook needs at least one lifecycle stage to run at',
        'e.g. "lifecycleStages": ["POST_TEST_TRAFFIC_SHIFT"]',
      );
  });
}
