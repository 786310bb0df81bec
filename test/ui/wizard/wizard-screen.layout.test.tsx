import React from 'react';
import {afterEach, describe, expect, test} from 'vitest';
import type {WizardAnswers} from '../../../source/domain/wizard-answers.js';
import {refKey} from '../../../source/operations/wizard/question.js';
import {flowOf, type WizardInit} from '../../../source/ui/wizard/wizard-state.js';
import {Wizard} from '../../../source/ui/wizard/wizard-screen.js';
import {press, waitForFrame, type InkInstance} from '../../helpers/ink.js';
import {cleanupSized, expectFits, golden, renderSized, SIZES, sizeName, type ScreenSize} from '../../helpers/screen-size.js';
import {fargateAnswers} from '../../operations/wizard/fixtures.js';
import {fakeServices, type Fakes} from './fakes.js';

/**
 * The wizard's steps on a small (80×24) and a roomy (120×40) terminal, as golden frames: every frame fits — the
 * footer with the keys is on screen, no line is cut at the edge unless it says so with "…".
 */
afterEach(() => cleanupSized());

/** Starts at `target` with everything before it answered (a resumed draft). */
function startAt(size: ScreenSize, fakes: Fakes, answers: WizardAnswers, target: string): InkInstance {
  const keys = flowOf({answers, choices: {}, passwordFromEnv: false, password: 'x'}).map(refKey);
  const index = keys.indexOf(target);
  if (index < 0) throw new Error(`${target} is not in the flow: ${keys.join(' ')}`);
  const init: WizardInit = {answers, choices: {}, done: keys.slice(0, index), resume: true, password: 'x'};
  return renderSized(<Wizard services={fakes.services} init={init} active finishOnSave={false} offerDraft={false} onExit={() => undefined} />, size);
}

/** What the AWS adapters say when the endpoint does not answer (long: it wraps on a small terminal). */
const UNREACHABLE = {
  ok: false as const,
  reason:
    'cannot reach AWS at http://127.0.0.1:9 (ecs:DescribeServices: ECONNREFUSED, 3 attempts) (is the local endpoint running? (--endpoint-url / AWS_ENDPOINT_URL))',
};

const FOOTER = /↑↓ move {2}enter continue {2}esc back {2}\? help {2}ctrl-c quit$/;

/** Waits for the frame, checks it fits with the footer last, and compares it with its golden file. */
async function check(app: InkInstance, size: ScreenSize, expected: string | RegExp, name: string): Promise<string> {
  const frame = await waitForFrame(app, (text) => (typeof expected === 'string' ? text.includes(expected) : expected.test(text)) && FOOTER.test(text));
  expectFits(frame, size);
  golden(import.meta.dirname, `wizard-${name}.${sizeName(size)}.txt`, frame);
  return frame;
}

describe('the wizard at 80×24 and 120×40', () => {
  test('a text question: a long problem wraps under its text', async () => {
    for (const size of SIZES) {
      const app = startAt(size, fakeServices(), {application: 'ECS Demo'}, 'service');
      await waitForFrame(app, '? Service name');
      await press(app, 'web api');
      await press(app, 'enter');
      await check(app, size, '✖ "web api" cannot be an ECS service name', 'service');
    }
  });

  test('a list that cannot be read: the long warning wraps under its text', async () => {
    for (const size of SIZES) {
      const answers = {...fargateAnswers(), environments: [{name: 'production', region: 'us-east-1'}]} as WizardAnswers;
      const app = startAt(size, fakeServices({clusters: async () => UNREACHABLE}), answers, 'env-cluster#0');
      const frame = await check(app, size, '⚠ Cannot list clusters', 'cluster-offline');
      expect(frame).toContain('AWS_ENDPOINT_URL');
    }
  });

  test('choices with details: a detail wraps in its column, or goes under a long label, never cut to "…"', async () => {
    for (const size of SIZES) {
      const answers = {...fargateAnswers(), containerJson: undefined} as WizardAnswers;
      const app = startAt(size, fakeServices(), answers, 'container-json');
      const frame = await check(app, size, '❯ Start from the template', 'container-json');
      expect(frame).toContain('logs to CloudWatch (awslogs)');
      expect(frame).toContain('an empty file opens: paste, save, quit');
    }
  });

  test('the inline policy: its JSON gives up rows so that the choices and the keys stay on screen', async () => {
    for (const size of SIZES) {
      const answers = {...fargateAnswers(), registryAuth: {credentialsSecretArn: fargateAnswers().registryAuth!.credentialsSecretArn, kmsKeyArn: KMS}};
      const putRolePolicy = async () => {
        throw new Error(UNREACHABLE.reason);
      };
      const app = startAt(size, fakeServices({putRolePolicy}), answers, 'auth-policy');
      let frame = await check(app, size, '❯ Yes, put it on the role', 'auth-policy');
      expect(frame).toContain('ecs-wizard · new setup');
      // It cannot be put: the long message (with the command to run instead) takes more rows from the JSON.
      await press(app, 'enter');
      frame = await check(app, size, '✖ Could not put the policy', 'auth-policy-failed');
      expect(frame).toContain('ecs-wizard · new setup');
      expect(frame.replace(/\s+/g, ' ')).toContain('aws iam put-role-policy');
    }
  });

  test("the review: the task definition fits with the keys; the diff tab's warning wraps", async () => {
    for (const size of SIZES) {
      const app = startAt(size, fakeServices({liveDiff: async () => UNREACHABLE}), fargateAnswers(), 'review');
      await check(app, size, '✔ Ready to save', 'review');
      await press(app, 'left');
      const frame = await check(app, size, 'Cannot compare with AWS', 'review-diff');
      expect(frame).toContain('AWS_ENDPOINT_URL))');
    }
  });
});

const KMS = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
