import React from 'react';
import {cleanup, render} from 'ink-testing-library';
import {PutMetricAlarmCommand} from '@aws-sdk/client-cloudwatch';
import {CreateRoleCommand} from '@aws-sdk/client-iam';
import {CreateFunctionCommand} from '@aws-sdk/client-lambda';
import {afterAll, afterEach, beforeAll, describe, expect, test} from 'vitest';
import {createAwsClientFactory, type AwsClientFactory} from '../../source/adapters/aws/client-factory.js';
import {createAlarmsPort} from '../../source/adapters/aws/cloudwatch.js';
import {createLambdaPort} from '../../source/adapters/aws/lambda.js';
import {MemoryProfileStore} from '../../source/adapters/memory-profile-store.js';
import {readTemplate} from '../../source/adapters/templates.js';
import type {WizardAnswers} from '../../source/domain/wizard-answers.js';
import {refKey} from '../../source/operations/wizard/question.js';
import {createWizardServices, type WizardPorts} from '../../source/operations/wizard/services.js';
import {flowOf} from '../../source/ui/wizard/wizard-state.js';
import {Wizard} from '../../source/ui/wizard/wizard-screen.js';
import {memoryDraftStore} from '../helpers/fake-root.js';
import {press, type, waitForFrame} from '../helpers/ink.js';
import {useMoto} from '../helpers/moto.js';
import {fargateAnswers} from '../operations/wizard/fixtures.js';

/**
 * The lifecycle hooks and rollback alarms questions in the Ink wizard against moto: the Lambda functions
 * (ListFunctions) and CloudWatch metric alarms (DescribeAlarms) of the region are offered; what is chosen
 * becomes deploymentConfiguration's hooks and alarms.
 */
const unused = (): never => {
  throw new Error('not used by these tests');
};

/** An empty zip archive: moto keeps the code without running it. */
const EMPTY_ZIP = Uint8Array.from([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)]);

function portsFor(factory: AwsClientFactory, draft: ReturnType<typeof memoryDraftStore>): WizardPorts {
  const store = new MemoryProfileStore();
  const regional = (region: string | undefined): AwsClientFactory => (region === undefined ? factory : factory.forRegion(region));
  return {
    store: async () => store,
    ecs: unused,
    iam: unused,
    secrets: unused,
    discovery: unused,
    registry: unused,
    repositories: unused,
    network: unused,
    cloudFormation: unused,
    loadBalancing: unused,
    lambda: (region) => createLambdaPort(regional(region)),
    alarms: (region) => createAlarmsPort(regional(region)),
    terraform: unused,
    editor: unused,
    draft: async () => draft,
    template: (name) => readTemplate(name),
    defaultRegion: () => 'us-east-1',
    registryPassword: () => undefined,
    now: () => '2026-01-02T03:04:05.000Z',
  };
}

async function answersOf(app: ReturnType<typeof render>, draft: ReturnType<typeof memoryDraftStore>): Promise<WizardAnswers> {
  await press(app, 'ctrl-c');
  await waitForFrame(app, '❯ Save a draft and quit');
  await press(app, 'enter');
  for (let attempt = 0; attempt < 100 && (await draft.load()) === undefined; attempt++) await new Promise((resolve) => setImmediate(resolve));
  return (await draft.load())!.answers;
}

describe('lifecycle hooks and rollback alarms listed from moto', () => {
  const moto = useMoto();
  const factory = createAwsClientFactory({env: moto.env, userAgent: 'ecs-wizard/test'});
  afterAll(() => factory.destroy());
  afterEach(() => cleanup());
  let smoke: string;

  beforeAll(async () => {
    if (moto.skipped) return;
    const iam = await factory.iam();
    const role = (
      await iam.send(
        new CreateRoleCommand({
          RoleName: 'lists-hook-function-role',
          AssumeRolePolicyDocument: JSON.stringify({
            Version: '2012-10-17',
            Statement: [{Effect: 'Allow', Principal: {Service: 'lambda.amazonaws.com'}, Action: 'sts:AssumeRole'}],
          }),
        }),
      )
    ).Role!.Arn!;
    const lambda = await factory.client('lambda');
    smoke = (
      await lambda.send(
        new CreateFunctionCommand({FunctionName: 'lists-smoke', Runtime: 'python3.12', Role: role, Handler: 'index.handler', Code: {ZipFile: EMPTY_ZIP}}),
      )
    ).FunctionArn!;
    const cloudwatch = await factory.client('cloudwatch');
    for (const name of ['lists-5xx', 'lists-latency'])
      await cloudwatch.send(
        new PutMetricAlarmCommand({
          AlarmName: name,
          MetricName: name === 'lists-5xx' ? 'HTTPCode_Target_5XX_Count' : 'TargetResponseTime',
          Namespace: 'AWS/ApplicationELB',
          Statistic: 'Sum',
          Period: 60,
          EvaluationPeriods: 1,
          Threshold: 5,
          ComparisonOperator: 'GreaterThanThreshold',
        }),
      );
  });

  function start(draft: ReturnType<typeof memoryDraftStore>, at = 'lifecycle-hooks') {
    const answers: WizardAnswers = {...fargateAnswers(), deploymentStrategy: {strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5, hooks: [], alarms: []}};
    const keys = flowOf({answers, choices: {}, passwordFromEnv: false, password: 'x'}).map(refKey);
    return render(
      <Wizard
        services={createWizardServices(portsFor(factory, draft))}
        init={{answers, choices: {}, done: keys.slice(0, keys.indexOf(at)), resume: true, password: 'x'}}
        active
        finishOnSave={false}
        offerDraft={false}
        onExit={() => undefined}
      />,
    );
  }

  test('a listed function is chosen at a stage, then a listed alarm', async () => {
    const draft = memoryDraftStore();
    const app = start(draft);
    await waitForFrame(app, 'lists-smoke at RECONCILE_SERVICE');
    await type(app, 'PRE_PRODUCTION');
    await waitForFrame(app, /❯ ◯ lists-smoke at PRE_PRODUCTION_TRAFFIC_SHIFT\s+python3\.12/);
    await press(app, ' ');
    await press(app, 'enter');
    await waitForFrame(app, '✔ Lifecycle hooks: PRE_PRODUCTION_TRAFFIC_SHIFT=lists-smoke');
    // The hook role question comes between (questions/hook-role.ts): a typed ARN.
    await waitForFrame(app, '? Role ECS assumes to invoke the hooks (IAM role ARN)');
    await type(app, 'arn:aws:iam::123456789012:role/hook-role');
    await press(app, 'enter');
    const frame = await waitForFrame(app, /lists-latency\s+OK · AWS\/ApplicationELB TargetResponseTime/);
    expect(frame).toMatch(/lists-5xx\s+OK · AWS\/ApplicationELB HTTPCode_Target_5XX_Count/);
    await type(app, 'latency');
    await press(app, ' ');
    await waitForFrame(app, 'chosen: lists-latency');
    await press(app, 'enter');
    await waitForFrame(app, '✔ Rollback alarms: lists-latency');
    const saved = await answersOf(app, draft);
    expect(saved.deploymentStrategy?.hooks).toEqual([{lambdaArn: smoke, stages: ['PRE_PRODUCTION_TRAFFIC_SHIFT']}]);
    expect(saved.deploymentStrategy?.alarms).toEqual(['lists-latency']);
  });

  test('a listed alarm and a typed one in one answer; a typed alarm moto does not have is refused (DescribeAlarms), a typed hook function too', async () => {
    const draft = memoryDraftStore();
    const app = start(draft, 'deployment-alarms');
    await waitForFrame(app, /lists-latency\s+OK/);
    await type(app, 'latency');
    await press(app, ' ');
    await waitForFrame(app, 'chosen: lists-latency');
    for (let index = 0; index < 'latency'.length; index++) await press(app, 'backspace');
    await type(app, 'lists-missing');
    await press(app, 'enter');
    await waitForFrame(app, 'No CloudWatch alarm lists-missing in us-east-1: check the name');
    for (let index = 0; index < 'lists-missing'.length; index++) await press(app, 'backspace');
    await type(app, 'lists-5xx');
    await waitForFrame(app, /❯ ◯ lists-5xx/);
    await press(app, ' ');
    await press(app, 'enter');
    await waitForFrame(app, '✔ Rollback alarms: lists-latency, lists-5xx');
    expect((await answersOf(app, draft)).deploymentStrategy?.alarms).toEqual(['lists-latency', 'lists-5xx']);

    const hooks = start(memoryDraftStore());
    await waitForFrame(hooks, 'lists-smoke at RECONCILE_SERVICE');
    await type(hooks, 'PRE_SCALE_UP=arn:aws:lambda:us-east-1:123456789012:function:lists-gone');
    await press(hooks, 'enter');
    const frame = await waitForFrame(hooks, 'No Lambda function');
    expect(frame.replace(/\s+/g, ' ')).toContain('No Lambda function arn:aws:lambda:us-east-1:123456789012:function:lists-gone (in us-east-1): check the ARN');
  });
});
