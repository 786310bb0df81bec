import {expect, test} from 'vitest';
import {assembleProfile} from '../../../../source/operations/wizard/profile.js';
import {envAutoScaling, parseEnvironmentScaling, scopedValue} from '../../../../source/operations/wizard/questions/env-auto-scaling.js';
import {refKey, type PromptContext, type TextPrompt} from '../../../../source/operations/wizard/question.js';
import {flowOf} from '../../../../source/ui/wizard/wizard-state.js';
import type {WizardServices} from '../../../../source/operations/wizard/services.js';
import type {AutoScaling} from '../../../../source/domain/model.js';
import type {WizardAnswers} from '../../../../source/domain/wizard-answers.js';
import {fargateAnswers} from '../fixtures.js';

const SERVICE: AutoScaling = {minCount: 1, maxCount: 2, policies: [{metric: 'cpu', target: 60}]};

/** dev and prod; the service scales 1–2 on CPU. */
function twoEnvironments(): WizardAnswers {
  const answers = fargateAnswers();
  const [production] = answers.environments!;
  return {...answers, autoScaling: SERVICE, environments: [{...production!, name: 'dev', cluster: 'dev'}, {...production!}]};
}
const ctx = (answers: WizardAnswers, env: number) => ({answers, choices: {}, env, hasPassword: true, passwordFromEnv: false});
const promptOf = (answers: WizardAnswers, env: number) =>
  envAutoScaling.prompt!({ctx: ctx(answers, env), services: {} as WizardServices, memo: new Map()} as PromptContext) as TextPrompt<AutoScaling | null>;

test('asked per environment only when the service scales (and not for DAEMON)', () => {
  expect(envAutoScaling.perEnv).toBe(true);
  expect(envAutoScaling.applies?.(ctx(twoEnvironments(), 1))).toBe(true);
  expect(envAutoScaling.applies?.(ctx({...twoEnvironments(), autoScaling: null}, 1))).toBe(false);
  expect(envAutoScaling.applies?.(ctx({...twoEnvironments(), strategy: 'DAEMON'}, 1))).toBe(false);
});

test("Enter keeps the service's; MIN-MAX and targets give the environment its own, which the saved profile and the review use", () => {
  expect(parseEnvironmentScaling('')).toEqual({ok: true, value: null});
  expect(parseEnvironmentScaling(' same ')).toEqual({ok: true, value: null});
  expect(parseEnvironmentScaling('20-3 cpu 60')).toEqual({ok: false, message: 'The minimum (20) is above the maximum (3)'});

  let answers = twoEnvironments();
  const prod = promptOf(answers, 1);
  expect(prod.label).toBe('Auto scaling in production');
  expect(prod.hint).toContain("Enter: the service's (1–2 tasks, CPU 60%)");
  const own = prod.validate('3-20 cpu 60');
  expect(own.ok).toBe(true);
  answers = prod.submit((own as {value: AutoScaling}).value)!.answers!;
  answers = promptOf(answers, 0).submit(null)!.answers!;
  expect(answers.environments![0]).not.toHaveProperty('autoScaling');
  expect(envAutoScaling.summary(ctx(answers, 0))).toBe("the service's (1–2 tasks, CPU 60%)");
  expect(envAutoScaling.summary(ctx(answers, 1))).toBe("3–20 tasks, CPU 60% (this environment's)");
  // Shown again with what was typed.
  expect(promptOf(answers, 1).initial).toBe('3-20 cpu 60');

  const assembled = assembleProfile(answers, {now: '2026-12-01T00:00:00.000Z'});
  expect(assembled.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  expect(assembled.profile!.service.autoScaling).toEqual(SERVICE);
  expect(assembled.profile!.environments.map((environment) => environment.autoScaling)).toEqual([
    undefined,
    {minCount: 3, maxCount: 20, policies: [{metric: 'cpu', target: 60}]},
  ]);
  // The review renders each environment with its own: the count a new service starts with.
  expect(assembled.issues['production']).toContainEqual(
    expect.objectContaining({code: 'desired-count-auto-scaling', message: expect.stringContaining('desiredCount 3 ')}),
  );
  expect(assembled.issues['dev']).toContainEqual(
    expect.objectContaining({code: 'desired-count-auto-scaling', message: expect.stringContaining('desiredCount 2 ')}),
  );
});

test('ENV: in front of a flag value names the environment', () => {
  expect(scopedValue('prod:3')).toEqual({environment: 'prod', value: '3'});
  expect(scopedValue('3')).toEqual({value: '3'});
});

test("in the flow: asked in each environment right after its overrides, also for an application's environment reused", () => {
  const keys = flowOf({answers: twoEnvironments(), choices: {'env-more#0': 'yes', 'env-existing#1': 'staging'}, passwordFromEnv: false}).map(refKey);
  for (const env of [0, 1]) expect(keys.indexOf(`env-auto-scaling#${env}`)).toBe(keys.indexOf(`env-overrides#${env}`) + 1);
  expect(keys).not.toContain('env-cluster#1');
  expect(flowOf({answers: {...twoEnvironments(), autoScaling: null}, choices: {}, passwordFromEnv: false}).map(refKey)).not.toContain('env-auto-scaling#0');
});
