import React from 'react';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, test} from 'vitest';
import type {WizardAnswers} from '../../../source/domain/wizard-answers.js';
import {refKey} from '../../../source/operations/wizard/question.js';
import {flowOf, type WizardInit} from '../../../source/ui/wizard/wizard-state.js';
import {Wizard, type WizardExit} from '../../../source/ui/wizard/wizard-screen.js';
import {press, recorder, waitForFrame} from '../../helpers/ink.js';
import {ec2DaemonAnswers, fargateAnswers} from '../../operations/wizard/fixtures.js';
import {fakeServices} from './fakes.js';

afterEach(() => cleanup());

function startAt(answers: WizardAnswers, target: string, extra: Partial<WizardInit> = {}) {
  const keys = flowOf({answers, choices: {}, passwordFromEnv: false, password: 'x'}).map(refKey);
  const index = keys.indexOf(target);
  if (index < 0) throw new Error(`${target} is not in the flow: ${keys.join(' ')}`);
  const init: WizardInit = {answers, choices: {}, done: keys.slice(0, index), resume: true, password: 'x', ...extra};
  const app = render(
    <Wizard services={fakeServices().services} init={init} active finishOnSave={false} offerDraft={false} onExit={recorder<[WizardExit]>()} />,
  );
  return app;
}

describe('the deployment strategy question', () => {
  test('CANARY asks only what a canary needs, with defaults a person can accept; a bad duration is explained in place', async () => {
    const app = startAt({...fargateAnswers(), deploymentStrategy: undefined}, 'deployment-strategy');
    await waitForFrame(app, '❯ ROLLING');
    for (let i = 0; i < 3; i++) await press(app, 'down');
    await waitForFrame(app, '❯ CANARY');
    await press(app, 'enter');
    // Bake time, offered as 5m.
    let frame = await waitForFrame(app, '? Bake time (both revisions run this long after production traffic moved; 5m, 1h, 90s)');
    expect(frame).toContain('5m');
    for (let i = 0; i < 2; i++) await press(app, 'backspace');
    await press(app, 'soon');
    await press(app, 'enter');
    await waitForFrame(app, '✖ The bake time "soon" is not a duration');
    for (let i = 0; i < 4; i++) await press(app, 'backspace');
    await press(app, '10m');
    await press(app, 'enter');
    await waitForFrame(app, '? Canary: share of production traffic the new revision gets first (0.1–100 %)');
    await press(app, 'enter');
    await waitForFrame(app, '? Canary bake time (before the rest of the traffic follows; 3m, 1h, 90s)');
    await press(app, 'enter');
    // No linear questions: straight to the hooks (none), then alarms.
    frame = await waitForFrame(app, '? Lifecycle hooks (none is fine)');
    expect(frame).not.toContain('Linear');
    await press(app, 'enter');
    await waitForFrame(app, '? CloudWatch alarms that roll the deployment back');
    await press(app, 'web-5xx');
    await press(app, 'enter');
    // The load balancer questions follow the strategy (questions/load-balancer-questions.ts); none here.
    frame = await waitForFrame(app, '❯ No load balancer');
    expect(frame).toContain('✔ Deployment strategy: CANARY 10% for 3m, then 100%; bake 10m; alarms: web-5xx');
    await press(app, 'enter');
    // Then auto scaling (questions/auto-scaling.ts); no.
    await waitForFrame(app, '? Scale automatically?');
    await press(app, 'enter');
    frame = await waitForFrame(app, '? Service discovery');
    expect(frame).toContain('✔ Canary percent: 10%');
  });

  test('on a DAEMON service the traffic strategies are disabled, with the reason', async () => {
    const app = startAt({...ec2DaemonAnswers(), deploymentStrategy: undefined}, 'deployment-strategy');
    await waitForFrame(app, '❯ ROLLING');
    await press(app, 'down');
    await waitForFrame(app, '❯ BLUE_GREEN');
    await press(app, 'enter');
    await waitForFrame(app, '✖ a DAEMON service runs one task per instance: it has no second revision to move traffic to');
  });
});
