/**
 * The wizard and the application's environments: they are offered before a new one; choosing one answers the
 * environment's questions (region, cluster, network, role), and the service's own overrides are still asked.
 */
import React from 'react';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, test} from 'vitest';
import type {WizardAnswers} from '../../../source/domain/wizard-answers.js';
import {refKey} from '../../../source/operations/wizard/question.js';
import {flowOf, type WizardInit} from '../../../source/ui/wizard/wizard-state.js';
import {Wizard, type WizardExit} from '../../../source/ui/wizard/wizard-screen.js';
import {press, recorder, waitForFrame} from '../../helpers/ink.js';
import {fargateAnswers} from '../../operations/wizard/fixtures.js';
import {fakeServices} from './fakes.js';

afterEach(() => cleanup());

const STAGING = {
  name: 'staging',
  region: 'us-east-1',
  cluster: 'shop-staging',
  launchType: 'FARGATE' as const,
  network: {subnets: ['subnet-0feed'], securityGroups: ['sg-0feed'], assignPublicIp: false},
  executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
  services: ['web', 'api'],
};

function startAtEnvironment(answers: WizardAnswers, choices: Record<string, string>) {
  const fakes = fakeServices({applicationEnvironments: async () => ({ok: true, items: [STAGING]})});
  const keys = flowOf({answers, choices, passwordFromEnv: false, password: 'registry-password'}).map(refKey);
  const index = keys.indexOf('env-existing#0');
  if (index < 0) throw new Error(`env-existing#0 is not in the flow: ${keys.join(' ')}`);
  const init: WizardInit = {answers, choices, done: keys.slice(0, index), resume: true, password: 'registry-password'};
  const exits = recorder<[WizardExit]>();
  const app = render(<Wizard services={fakes.services} init={init} active finishOnSave={false} offerDraft={false} onExit={exits} />);
  return {app, fakes};
}

describe("the wizard offers the application's environments first", () => {
  const answers = (): WizardAnswers => ({...fargateAnswers(), application: 'shop', environments: []});

  test('an application without environments: the question is not asked', () => {
    const keys = flowOf({answers: answers(), choices: {'application-environments': '0'}, passwordFromEnv: false}).map(refKey);
    expect(keys).not.toContain('env-existing#0');
    expect(keys).toContain('env-cluster#0');
  });

  test('choosing one fills the environment and skips its questions; the overrides are asked; "a new one" asks them all', async () => {
    const {app} = startAtEnvironment(answers(), {'application-environments': '1'});
    let frame = await waitForFrame(app, 'used by web, api');
    expect(frame).toContain("Environment: one of shop's, or a new one");
    await press(app, 'down');
    frame = await waitForFrame(app, '❯ staging');
    expect(frame).toContain('us-east-1 / shop-staging (FARGATE) · used by web, api');
    expect(frame).toContain('A new environment');
    await press(app, 'enter');
    // The capacity provider strategy is the service's own (not the application environment's): still asked.
    frame = await waitForFrame(app, '? Capacity providers');
    expect(frame).toContain("✔ Environment of the application: staging (the application's)");
    expect(frame).not.toContain('? Environment name');
    await waitForFrame(app, '❯ No capacity providers');
    await press(app, 'enter');
    frame = await waitForFrame(app, 'Overrides of config variables for staging');

    // Back, and a new environment instead: its questions are asked.
    await press(app, 'esc');
    await waitForFrame(app, '? Capacity providers');
    await press(app, 'esc');
    await waitForFrame(app, '❯ staging');
    await press(app, 'up');
    await waitForFrame(app, '❯ A new environment');
    await press(app, 'enter');
    frame = await waitForFrame(app, 'Environment: where does the service run?');
    expect(frame).toContain('✔ Environment of the application: a new one');
  });

  test('the flow: with the application environment chosen, its twelve questions are not in it', () => {
    const chosen = {...answers(), environments: [{name: 'staging', region: 'us-east-1', cluster: 'shop-staging', overrides: {}}]};
    const keys = flowOf({answers: chosen, choices: {'application-environments': '1', 'env-existing#0': 'staging'}, passwordFromEnv: false}).map(refKey);
    const environmentSteps = keys.filter((key) => key.endsWith('#0'));
    expect(environmentSteps).toEqual(['env-existing#0', 'env-capacity#0', 'env-overrides#0', 'env-more#0']);
  });
});
