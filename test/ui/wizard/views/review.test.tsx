import React from 'react';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, test} from 'vitest';
import type {WizardAnswers} from '../../../../source/domain/wizard-answers.js';
import {refKey} from '../../../../source/operations/wizard/question.js';
import {flowOf} from '../../../../source/ui/wizard/wizard-state.js';
import {Wizard} from '../../../../source/ui/wizard/wizard-screen.js';
import {press, waitForFrame} from '../../../helpers/ink.js';
import {fargateAnswers} from '../../../operations/wizard/fixtures.js';
import {fakeServices, type Fakes} from '../fakes.js';

afterEach(() => cleanup());

/** The wizard resumed at `target`, everything before it answered. */
function startAt(fakes: Fakes, answers: WizardAnswers, target: string) {
  const keys = flowOf({answers, choices: {}, passwordFromEnv: false, password: 'x'}).map(refKey);
  const init = {answers, choices: {}, done: keys.slice(0, keys.indexOf(target)), resume: true, password: 'x'};
  return render(<Wizard services={fakes.services} init={init} active finishOnSave={false} offerDraft={false} onExit={() => undefined} />);
}

describe("the review and the artifact container's name", () => {
  test('derived (the default): the review says that Cloud Map moves with every tag', async () => {
    const app = startAt(fakeServices(), fargateAnswers(), 'container-name');
    let frame = await waitForFrame(app, "? Name of the artifact's container");
    expect(frame).toContain("Cloud Map's containerName");
    expect(frame).toMatch(/❯ team_web-api_1_4_2 .*changes with every tag/);
    await press(app, 'enter');
    frame = await waitForFrame(app, '✔ Ready to save');
    expect(frame.replace(/\s+/g, ' ')).toContain(
      "⚠ Container name: team_web-api_1_4_2, derived: it changes on every tag, and Cloud Map's containerName with it (c: a stable name)",
    );
  });

  test('a stable name: the task definition and the service use it; the warning is gone; it is saved', async () => {
    const fakes = fakeServices();
    const app = startAt(fakes, fargateAnswers(), 'container-name');
    await waitForFrame(app, "? Name of the artifact's container");
    await press(app, 'down');
    await waitForFrame(app, /❯ web-api .*stable/);
    await press(app, 'enter');
    let frame = await waitForFrame(app, '✔ Ready to save');
    expect(frame).toContain('Container name: web-api (stable: the same on every tag)');
    expect(frame).not.toContain('⚠');
    expect(frame).toContain('"name": "web-api"');
    await press(app, 'right');
    frame = await waitForFrame(app, '"serviceName": "web-api"');
    for (let line = 0; line < 40 && !frame.includes('"containerName": "web-api"'); line += 1) {
      await press(app, 'j');
      frame = app.lastFrame() ?? '';
    }
    expect(frame).toContain('"containerName": "web-api"');
    await press(app, 'enter');
    await waitForFrame(app, '? Save as profile');
    await press(app, 'enter');
    await waitForFrame(app, '✔ Saved profile web-api');
    expect(fakes.saved[0]?.service.containerName).toBe('web-api');
  });
});
