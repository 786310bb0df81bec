import {describe, expect, test} from 'vitest';
import {answersFromFlags} from '../../../source/commands/init-flags.js';
import type {JsonObject} from '../../../source/domain/json.js';
import {parseJsonText} from '../../../source/domain/json-text.js';
import type {WizardAnswers} from '../../../source/domain/wizard-answers.js';
import {QUESTIONS, questionById} from '../../../source/operations/wizard/question-list.js';
import type {StepContext} from '../../../source/operations/wizard/question.js';
import {composeServiceSpec} from '../../../source/operations/wizard/service-spec.js';
import {fargateAnswers} from './fixtures.js';

const PREFIX = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:';
const BLUE = `${PREFIX}targetgroup/web-blue/73e2d6bc24d8a067`;
const GREEN = `${PREFIX}targetgroup/web-green/83e2d6bc24d8a067`;
const RULE = `${PREFIX}listener-rule/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2/9683b2d02a6cabee`;
const TRAFFIC_ROLE = 'arn:aws:iam::123456789012:role/ecsInfrastructureRoleForLoadBalancers';
const BLUE_GREEN = JSON.stringify({schedulingStrategy: 'REPLICA', deploymentConfiguration: {strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5}});

const ids = QUESTIONS.map((question) => question.id);
const LOAD_BALANCER_IDS = [
  'load-balancer',
  'lb-load-balancer',
  'lb-listener',
  'lb-target-group',
  'lb-container',
  'lb-alternate-target-group',
  'lb-production-rule',
  'lb-test-rule',
  'lb-traffic-role',
  'lb-traffic-role-create',
];
const context = (answers: WizardAnswers, choices: Record<string, string> = {}): StepContext => ({
  answers,
  choices,
  env: 0,
  hasPassword: true,
  passwordFromEnv: false,
});
const asked = (ctx: StepContext): string[] => LOAD_BALANCER_IDS.filter((id) => questionById(id).applies?.(ctx) ?? true);
const specOf = (answers: WizardAnswers): JsonObject => parseJsonText(composeServiceSpec(answers).text, 'serviceSpec').value as JsonObject;
const parse = (options: Record<string, string | string[] | boolean>, files: Record<string, string> = {}) =>
  answersFromFlags(options, Object.fromEntries(Object.entries(files).map(([flag, text]) => [flag, {path: `${flag}.json`, text}])), {
    interactive: false,
    defaultRegion: 'us-east-1',
  });

describe('the load balancer questions', () => {
  test('come together after the service specification (and after the deployment strategy, which they read), before service discovery', () => {
    const first = ids.indexOf('load-balancer');
    expect(ids.slice(first, first + LOAD_BALANCER_IDS.length)).toEqual(LOAD_BALANCER_IDS);
    expect(first).toBeGreaterThan(ids.indexOf('service-json'));
    expect(first).toBeLessThan(ids.indexOf('discovery'));
    // The strategy half adds `deployment-strategy`; it must be asked before the blue/green parts read its answer.
    if (ids.includes('deployment-strategy')) expect(ids.indexOf('deployment-strategy')).toBeLessThan(first);
  });

  test('a rolling service is asked load balancer, listener, target group and container; blue/green also the second group, the rules and the role', () => {
    const answers = {...fargateAnswers(), loadBalancer: {}};
    expect(asked(context(answers))).toEqual(['load-balancer']);
    expect(asked(context(answers, {'load-balancer': 'attach'}))).toEqual([
      'load-balancer',
      'lb-load-balancer',
      'lb-listener',
      'lb-target-group',
      'lb-container',
    ]);
    expect(asked(context({...answers, serviceSpecJson: BLUE_GREEN}, {'load-balancer': 'attach'}))).toEqual(LOAD_BALANCER_IDS.slice(0, -1));
    expect(asked(context({...answers, serviceSpecJson: BLUE_GREEN}, {'load-balancer': 'attach', 'lb-traffic-role': 'create'}))).toEqual(LOAD_BALANCER_IDS);
    // "No load balancer" asks nothing more, whatever the strategy.
    expect(asked(context({...answers, serviceSpecJson: BLUE_GREEN, loadBalancer: null}, {'load-balancer': 'attach'}))).toEqual(['load-balancer']);
  });

  test('the container is taken without asking when the specification maps one port', () => {
    const auto = questionById('lb-container').auto?.(context({...fargateAnswers(), loadBalancer: {targetGroupArn: BLUE}}, {'load-balancer': 'attach'}));
    expect(auto?.summary).toBe('${CONTAINER_NAME}:8080 (its only port mapping)');
    expect(auto?.update?.({loadBalancer: {targetGroupArn: BLUE}}).loadBalancer).toEqual({
      targetGroupArn: BLUE,
      containerName: '${CONTAINER_NAME}',
      containerPort: 8080,
    });
  });

  test('the answer is loadBalancers[0] of the specification: written, removed by "none", and the JSON\'s own kept otherwise', () => {
    const own = JSON.stringify({schedulingStrategy: 'REPLICA', loadBalancers: [{targetGroupArn: GREEN, containerName: 'web', containerPort: 80}]});
    const answers = {...fargateAnswers(), serviceSpecJson: own};
    expect(specOf(answers).loadBalancers).toEqual([{targetGroupArn: GREEN, containerName: 'web', containerPort: 80}]);
    expect(specOf({...answers, loadBalancer: null}).loadBalancers).toBeUndefined();
    expect(specOf({...answers, loadBalancer: {targetGroupArn: BLUE, containerName: '${CONTAINER_NAME}', containerPort: 8080}}).loadBalancers).toEqual([
      {targetGroupArn: BLUE, containerName: '${CONTAINER_NAME}', containerPort: 8080},
    ]);
  });
});

describe('the load balancer flags of init', () => {
  const base = {app: 'shop', service: 'api', image: 'nginx', tag: '1', 'launch-type': 'FARGATE', port: '80'};

  test('--target-group answers the section for a rolling service; the first port mapping takes the traffic', () => {
    const parsed = parse({...base, 'target-group': BLUE});
    expect(parsed.problems).toEqual([]);
    expect(parsed.answers.loadBalancer).toEqual({targetGroupArn: BLUE, containerName: '${CONTAINER_NAME}', containerPort: 80});
    expect(parsed.given).toMatchObject({
      'load-balancer': '--target-group',
      'lb-load-balancer': '--target-group',
      'lb-listener': '--target-group',
      'lb-container': '--target-group',
    });
  });

  test('the blue/green flags land in advancedConfiguration', () => {
    const parsed = parse(
      {
        ...base,
        'service-spec': 'spec',
        'target-group': BLUE,
        'alternate-target-group': GREEN,
        'production-listener-rule': RULE,
        'traffic-role': TRAFFIC_ROLE,
      },
      {'service-spec': BLUE_GREEN},
    );
    expect(parsed.problems).toEqual([]);
    expect(specOf(parsed.answers).loadBalancers).toEqual([
      {
        targetGroupArn: BLUE,
        containerName: '${CONTAINER_NAME}',
        containerPort: 80,
        advancedConfiguration: {alternateTargetGroupArn: GREEN, productionListenerRule: RULE, roleArn: TRAFFIC_ROLE},
      },
    ]);
  });

  test('bad ARNs, the blue/green flags without a target group, and both role flags: each names its flag', () => {
    expect(parse({...base, 'target-group': RULE}).problems).toEqual([
      {
        flag: '--target-group',
        severity: 'error',
        message: `"${RULE}" is not a target group ARN: write it like arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-blue/73e2d6bc24d8a067`,
      },
    ]);
    expect(parse({...base, 'alternate-target-group': GREEN}).problems).toEqual([
      {flag: '--alternate-target-group', severity: 'error', message: 'give the production target group too (--target-group ARN)'},
    ]);
    expect(parse({...base, 'target-group': BLUE, 'traffic-role': TRAFFIC_ROLE, 'create-traffic-role': true}).problems).toEqual([
      {flag: '--traffic-role', severity: 'error', message: 'give either --traffic-role ARN or --create-traffic-role, not both'},
    ]);
    expect(parse({...base, 'target-group': BLUE, 'production-listener-rule': BLUE}).problems[0]?.flag).toBe('--production-listener-rule');
  });

  test('a container specification without a port mapping cannot take the traffic', () => {
    const {port: _none, ...withoutPort} = base;
    expect(parse({...withoutPort, 'target-group': BLUE}).problems).toEqual([
      {
        flag: '--target-group',
        severity: 'error',
        message: 'the container specification maps no port for the load balancer to send traffic to: add one (--port N, or portMappings)',
      },
    ]);
  });
});
