import React from 'react';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, test} from 'vitest';
import type {WizardAnswers} from '../../../source/domain/wizard-answers.js';
import {refKey} from '../../../source/operations/wizard/question.js';
import {flowOf} from '../../../source/ui/wizard/wizard-state.js';
import {Wizard} from '../../../source/ui/wizard/wizard-screen.js';
import {press, recorder, waitForFrame, type InkInstance} from '../../helpers/ink.js';
import {ec2DaemonAnswers} from '../../operations/wizard/fixtures.js';
import {fakeServices, type Fakes} from './fakes.js';

/**
 * The simplified form's container in the Ink wizard: its logs are asked once the first environment's region is
 * known, with the default init's form flags give (CloudWatch Logs /ecs/<service> in that region, stream prefix
 * ecs), and the saved profile holds what was chosen.
 */
afterEach(() => cleanup());

/** The EC2 DAEMON setup (simplified form) answered up to the environment's region. */
const beforeRegion = (): WizardAnswers => ({...ec2DaemonAnswers(), environments: [{name: 'dev', cluster: 'dev-ec2', overrides: {}}]});

function startAt(fakes: Fakes, answers: WizardAnswers, target: string) {
  const keys = flowOf({answers, choices: {}, passwordFromEnv: false}).map(refKey);
  const index = keys.indexOf(target);
  if (index < 0) throw new Error(`${target} is not in the flow: ${keys.join(' ')}`);
  return render(
    <Wizard
      services={fakes.services}
      init={{answers, choices: {}, done: keys.slice(0, index), resume: true}}
      active
      finishOnSave={false}
      offerDraft={false}
      onExit={recorder()}
    />,
  );
}

/** From the region question to the container-logs question: the region typed, every other answer kept. */
async function regionThenLogs(app: InkInstance, region: string): Promise<string> {
  await waitForFrame(app, '? AWS region');
  await press(app, region);
  await press(app, 'enter');
  await waitForFrame(app, `Cannot list clusters in ${region}`);
  await press(app, 'enter');
  await waitForFrame(app, /Cannot list capacity providers of cluster dev-ec2/);
  await press(app, 'enter');
  await waitForFrame(app, '? Overrides of config variables for dev');
  await press(app, 'enter');
  await waitForFrame(app, '❯ No, review the profile');
  await press(app, 'enter');
  await waitForFrame(app, "? Name of the artifact's container");
  await press(app, 'enter');
  return waitForFrame(app, '? Container logs');
}

async function reviewAndSave(app: InkInstance): Promise<string> {
  await waitForFrame(app, '✔ Ready to save');
  const review = app.lastFrame() ?? '';
  await press(app, 'enter');
  await waitForFrame(app, '? Save as profile');
  await press(app, 'enter');
  await waitForFrame(app, '✔ Saved profile log-agent');
  return review;
}

describe("the simplified form's container logs, in the wizard", () => {
  test("by default: CloudWatch Logs /ecs/SERVICE in the first environment's region, shown, saved and rendered", async () => {
    const fakes = fakeServices();
    const app = startAt(fakes, beforeRegion(), 'env-region#0');
    const frame = await regionThenLogs(app, 'ap-southeast-2');
    expect(frame).toContain('❯ CloudWatch Logs /ecs/log-agent (ap-southeast-2), stream prefix ecs');
    expect(frame).toContain('No log configuration');
    await press(app, 'enter');
    let review = await waitForFrame(app, '✔ Ready to save');
    expect(review).toContain('✔ Container logs: CloudWatch Logs /ecs/log-agent (ap-southeast-2), stream prefix ecs');
    // The task definition under review holds it: scrolled to.
    for (let line = 0; line < 40 && !review.includes('"awslogs-region": "ap-southeast-2"'); line += 1) {
      await press(app, 'j');
      review = app.lastFrame() ?? '';
    }
    expect(review).toContain('"logDriver": "awslogs"');
    expect(review).toContain('"awslogs-region": "ap-southeast-2"');
    await reviewAndSave(app);
    expect(fakes.saved).toHaveLength(1);
    expect(fakes.saved[0]!.service.containerSpec).toEqual({
      mode: 'form',
      form: expect.objectContaining({logConfiguration: {group: '/ecs/log-agent', region: 'ap-southeast-2', streamPrefix: 'ecs'}}),
    });
  });

  test('turned off: the collapsed line says so and the saved profile has no log configuration', async () => {
    const fakes = fakeServices();
    const app = startAt(fakes, beforeRegion(), 'env-region#0');
    await regionThenLogs(app, 'eu-central-1');
    await press(app, 'down');
    await waitForFrame(app, '❯ No log configuration');
    await press(app, 'enter');
    await waitForFrame(app, '✔ Ready to save');
    await press(app, 'c');
    const frame = await waitForFrame(app, '? Change which answer?');
    expect(frame).toContain("Container logs: none (the container's output is not kept)");
    await press(app, 'esc');
    await reviewAndSave(app);
    expect(fakes.saved[0]!.service.containerSpec.mode).toBe('form');
    expect(JSON.stringify(fakes.saved[0])).not.toContain('logConfiguration');
  });

  test('a region changed from the review is not followed silently: the logs question is asked again with the new default', async () => {
    const fakes = fakeServices();
    const app = startAt(fakes, beforeRegion(), 'env-region#0');
    await regionThenLogs(app, 'eu-west-1');
    await press(app, 'enter');
    await waitForFrame(app, '✔ Ready to save');
    await press(app, 'c');
    await waitForFrame(app, '? Change which answer?');
    for (let step = 0; step < 20 && !(app.lastFrame() ?? '').includes('❯ Region: eu-west-1'); step += 1) await press(app, 'up');
    await waitForFrame(app, '❯ Region: eu-west-1');
    await press(app, 'enter');
    await waitForFrame(app, '? AWS region');
    for (let index = 0; index < 'eu-west-1'.length; index += 1) await press(app, 'backspace');
    await press(app, 'us-east-2');
    await press(app, 'enter');
    const frame = await waitForFrame(app, '? Container logs');
    expect(frame).toContain('❯ CloudWatch Logs /ecs/log-agent (us-east-2), stream prefix ecs');
    await press(app, 'enter');
    await reviewAndSave(app);
    expect(fakes.saved[0]!.service.containerSpec).toMatchObject({form: {logConfiguration: {region: 'us-east-2'}}});
  });
});
