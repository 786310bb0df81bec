import React from 'react';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, test} from 'vitest';
import type {WizardAnswers} from '../../../source/domain/wizard-answers.js';
import type {WizardServices} from '../../../source/operations/wizard/services.js';
import {refKey} from '../../../source/operations/wizard/question.js';
import {flowOf, type WizardInit} from '../../../source/ui/wizard/wizard-state.js';
import {Wizard, type WizardExit} from '../../../source/ui/wizard/wizard-screen.js';
import {press, recorder, type, waitForFrame} from '../../helpers/ink.js';
import {fargateAnswers} from '../../operations/wizard/fixtures.js';
import {fakeServices, OFFLINE} from './fakes.js';

/**
 * The lifecycle hooks and rollback alarms questions offer what AWS lists (Lambda functions at each stage,
 * CloudWatch alarms), keep typed values that are not listed, and say in one line why a list could not be read.
 */
afterEach(() => cleanup());

const SMOKE = 'arn:aws:lambda:us-east-1:123456789012:function:smoke-test';
const CHECK = 'arn:aws:lambda:us-east-1:123456789012:function:canary-check';

const blueGreen = (): WizardAnswers => ({...fargateAnswers(), deploymentStrategy: {strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5, hooks: [], alarms: []}});

function startAt(answers: WizardAnswers, target: string, overrides: Partial<WizardServices>) {
  const fakes = fakeServices(overrides);
  const keys = flowOf({answers, choices: {}, passwordFromEnv: false, password: 'x'}).map(refKey);
  const index = keys.indexOf(target);
  if (index < 0) throw new Error(`${target} is not in the flow: ${keys.join(' ')}`);
  const init: WizardInit = {answers, choices: {}, done: keys.slice(0, index), resume: true, password: 'x'};
  const app = render(<Wizard services={fakes.services} init={init} active finishOnSave={false} offerDraft={false} onExit={recorder<[WizardExit]>()} />);
  return {app, fakes};
}

/** Ctrl-C, "Save a draft and quit": the answers as the wizard holds them. */
async function answersOf(app: ReturnType<typeof render>, fakes: ReturnType<typeof fakeServices>): Promise<WizardAnswers> {
  await press(app, 'ctrl-c');
  await waitForFrame(app, '❯ Save a draft and quit');
  await press(app, 'enter');
  for (let attempt = 0; attempt < 100 && (await fakes.draft.load()) === undefined; attempt++) await new Promise((resolve) => setImmediate(resolve));
  return (await fakes.draft.load())!.answers;
}

const functions = async () => ({
  ok: true as const,
  items: [
    {arn: CHECK, name: 'canary-check', runtime: 'nodejs20.x'},
    {arn: SMOKE, name: 'smoke-test', runtime: 'python3.12', description: 'hits /health'},
  ],
});

describe('lifecycle hooks listed from Lambda', () => {
  test('a listed function is picked at a stage; the region asked is the default one', async () => {
    const regions: Array<string | undefined> = [];
    const {app, fakes} = startAt(blueGreen(), 'lifecycle-hooks', {
      listFunctions: async (region) => {
        regions.push(region);
        return functions();
      },
    });
    let frame = await waitForFrame(app, 'canary-check at RECONCILE_SERVICE');
    expect(frame).toContain('? Lifecycle hooks (none is fine)');
    expect(frame).toContain('❯ ◯ None');
    await type(app, 'POST_TEST');
    frame = await waitForFrame(app, 'smoke-test at POST_TEST_TRAFFIC_SHIFT');
    expect(frame).toContain('python3.12 · hits /health');
    expect(frame).not.toContain('RECONCILE_SERVICE');
    await press(app, 'down');
    await press(app, ' ');
    await waitForFrame(app, `chosen: POST_TEST_TRAFFIC_SHIFT=${SMOKE}`);
    await press(app, 'enter');
    await waitForFrame(app, '✔ Lifecycle hooks: POST_TEST_TRAFFIC_SHIFT=smoke-test');
    const answers = await answersOf(app, fakes);
    expect(answers.deploymentStrategy?.hooks).toEqual([{lambdaArn: SMOKE, stages: ['POST_TEST_TRAFFIC_SHIFT']}]);
    expect(regions).toEqual(['us-east-1']);
  });

  test('when Lambda cannot be listed the reason is one line, and a typed hook is used as typed', async () => {
    const {app, fakes} = startAt(blueGreen(), 'lifecycle-hooks', {listFunctions: async () => OFFLINE});
    await waitForFrame(app, 'Cannot list Lambda functions in us-east-1: cannot reach AWS');
    const typed = 'arn:aws:lambda:us-east-1:123456789012:function:not-listed';
    await type(app, `PRE_SCALE_UP=${typed}`);
    await press(app, 'enter');
    await waitForFrame(app, '✔ Lifecycle hooks: PRE_SCALE_UP=not-listed');
    expect((await answersOf(app, fakes)).deploymentStrategy?.hooks).toEqual([{lambdaArn: typed, stages: ['PRE_SCALE_UP']}]);
  });

  test('a typed hook that is not STAGE=LAMBDA_ARN is refused in place', async () => {
    const {app} = startAt(blueGreen(), 'lifecycle-hooks', {listFunctions: functions});
    await waitForFrame(app, 'canary-check at RECONCILE_SERVICE');
    await type(app, 'LATER=x');
    await press(app, 'enter');
    await waitForFrame(app, '"LATER" is not a lifecycle stage a hook can run at');
  });

  test('None clears hooks answered before', async () => {
    const answers = blueGreen();
    answers.deploymentStrategy = {...answers.deploymentStrategy!, hooks: [{lambdaArn: SMOKE, stages: ['PRE_SCALE_UP']}]};
    const {app, fakes} = startAt(answers, 'lifecycle-hooks', {listFunctions: functions});
    await waitForFrame(app, `chosen: PRE_SCALE_UP=${SMOKE}`);
    await press(app, ' ');
    await press(app, 'enter');
    await waitForFrame(app, '✔ Lifecycle hooks: none');
    expect((await answersOf(app, fakes)).deploymentStrategy?.hooks).toEqual([]);
  });
});

describe('rollback alarms listed from CloudWatch', () => {
  const alarms = async () => ({
    ok: true as const,
    items: [
      {name: 'api-5xx', state: 'ALARM', namespace: 'AWS/ApplicationELB', metricName: 'HTTPCode_Target_5XX_Count'},
      {name: 'api-latency', state: 'OK'},
    ],
  });

  test('listed alarms are chosen with space, shown with their state and metric', async () => {
    const {app, fakes} = startAt(blueGreen(), 'deployment-alarms', {listAlarms: alarms});
    const frame = await waitForFrame(app, 'api-latency');
    expect(frame).toContain('ALARM · AWS/ApplicationELB HTTPCode_Target_5XX_Count');
    await press(app, 'down');
    await press(app, ' ');
    await press(app, 'down');
    await press(app, ' ');
    await waitForFrame(app, 'chosen: api-5xx, api-latency');
    await press(app, 'enter');
    await waitForFrame(app, '✔ Rollback alarms: api-5xx, api-latency');
    expect((await answersOf(app, fakes)).deploymentStrategy?.alarms).toEqual(['api-5xx', 'api-latency']);
  });

  test('an alarm that is not listed is used as typed; a list that cannot be read says why', async () => {
    const {app, fakes} = startAt(blueGreen(), 'deployment-alarms', {
      listAlarms: async () => ({ok: false, reason: 'not authorized to cloudwatch:DescribeAlarms'}),
    });
    await waitForFrame(app, 'Cannot list CloudWatch alarms in us-east-1: not authorized to cloudwatch:DescribeAlarms');
    await type(app, 'other-alarm,api-5xx');
    await press(app, 'enter');
    await waitForFrame(app, '✔ Rollback alarms: other-alarm, api-5xx');
    expect((await answersOf(app, fakes)).deploymentStrategy?.alarms).toEqual(['other-alarm', 'api-5xx']);
  });

  test('Enter while the alarms are still being listed takes None (shown before the list)', async () => {
    const {app, fakes} = startAt(blueGreen(), 'deployment-alarms', {listAlarms: () => new Promise(() => undefined)});
    await waitForFrame(app, 'Listing CloudWatch alarms in us-east-1');
    await press(app, 'enter');
    await waitForFrame(app, '✔ Rollback alarms: none');
    expect((await answersOf(app, fakes)).deploymentStrategy?.alarms).toEqual([]);
  });
});

describe("lists in the environment's region; listed and typed in one answer; typed ones checked", () => {
  const inRegion = (region: string): WizardAnswers => {
    const answers = blueGreen();
    return {...answers, environments: (answers.environments ?? []).map((environment) => ({...environment, region}))};
  };

  test('the hooks and alarms are listed in the region of the environment being configured, not the default one', async () => {
    const regions: Array<string | undefined> = [];
    const hooks = startAt(inRegion('eu-west-1'), 'lifecycle-hooks', {
      listFunctions: async (region) => (regions.push(region), functions()),
    });
    await waitForFrame(hooks.app, 'canary-check at RECONCILE_SERVICE');
    cleanup();
    const alarms = startAt(inRegion('eu-west-1'), 'deployment-alarms', {
      listAlarms: async (region) => (regions.push(region), {ok: false as const, reason: 'cannot reach AWS'}),
    });
    await waitForFrame(alarms.app, 'Cannot list CloudWatch alarms in eu-west-1: cannot reach AWS');
    expect(regions).toEqual(['eu-west-1', 'eu-west-1']);
  });

  test('a listed hook and a typed one in the same answer (the typed one checked against Lambda first)', async () => {
    const typed = 'arn:aws:lambda:us-east-1:123456789012:function:not-listed';
    const asked: Array<[string, string | undefined]> = [];
    const {app, fakes} = startAt(blueGreen(), 'lifecycle-hooks', {
      listFunctions: functions,
      lambdaFunction: async (arn, region) => (asked.push([arn, region]), {status: 'found' as const, value: {arn, name: arn.split(':').at(-1)!}}),
    });
    await waitForFrame(app, 'canary-check at RECONCILE_SERVICE');
    await type(app, 'POST_TEST');
    await waitForFrame(app, 'smoke-test at POST_TEST_TRAFFIC_SHIFT');
    await press(app, 'down');
    await press(app, ' ');
    await waitForFrame(app, `chosen: POST_TEST_TRAFFIC_SHIFT=${SMOKE}`);
    for (let index = 0; index < 'POST_TEST'.length; index++) await press(app, 'backspace');
    await type(app, `PRE_SCALE_UP=${typed}`);
    await press(app, 'enter');
    await waitForFrame(app, '✔ Lifecycle hooks:');
    expect((await answersOf(app, fakes)).deploymentStrategy?.hooks).toEqual([
      {lambdaArn: SMOKE, stages: ['POST_TEST_TRAFFIC_SHIFT']},
      {lambdaArn: typed, stages: ['PRE_SCALE_UP']},
    ]);
    expect(asked.map(([arn]) => arn).sort()).toEqual([SMOKE, typed].sort());
    expect(asked.every(([, region]) => region === 'us-east-1')).toBe(true);
  });

  test('a typed hook whose function does not exist is refused where it is typed', async () => {
    const typed = 'arn:aws:lambda:us-east-1:123456789012:function:gone';
    const {app} = startAt(blueGreen(), 'lifecycle-hooks', {listFunctions: functions, lambdaFunction: async () => ({status: 'missing' as const})});
    await waitForFrame(app, 'canary-check at RECONCILE_SERVICE');
    await type(app, `PRE_SCALE_UP=${typed}`);
    await press(app, 'enter');
    const frame = await waitForFrame(app, 'No Lambda function');
    expect(frame.replace(/\s+/g, ' ')).toContain(`No Lambda function ${typed} (in us-east-1): check the ARN`);
  });

  test('a listed alarm and a typed one together; a typed one CloudWatch does not have is refused, naming it', async () => {
    const listed = async () => ({ok: true as const, items: [{name: 'api-5xx', state: 'OK'}]});
    const known = ['api-5xx', 'db-latency'];
    const existingAlarms = async (names: readonly string[]) => ({
      status: 'found' as const,
      value: names.filter((name) => known.includes(name)).map((name) => ({name})),
    });
    const {app, fakes} = startAt(blueGreen(), 'deployment-alarms', {listAlarms: listed, existingAlarms});
    await waitForFrame(app, 'api-5xx');
    await press(app, 'down');
    await press(app, ' ');
    await waitForFrame(app, 'chosen: api-5xx');
    await type(app, 'nope-alarm');
    await press(app, 'enter');
    await waitForFrame(app, 'No CloudWatch alarm nope-alarm in us-east-1: check the name');
    for (let index = 0; index < 'nope-alarm'.length; index++) await press(app, 'backspace');
    await type(app, 'db-latency');
    await press(app, 'enter');
    await waitForFrame(app, '✔ Rollback alarms: api-5xx, db-latency');
    expect((await answersOf(app, fakes)).deploymentStrategy?.alarms).toEqual(['api-5xx', 'db-latency']);
  });
});
