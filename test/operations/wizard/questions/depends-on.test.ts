import {expect, test} from 'vitest';
import {application} from '../../../../source/operations/wizard/questions/application.js';
import {applicationServicesChoice, checkDependsOn, dependsOn} from '../../../../source/operations/wizard/questions/depends-on.js';
import type {PickerPrompt, PromptContext} from '../../../../source/operations/wizard/question.js';
import type {WizardServices} from '../../../../source/operations/wizard/services.js';
import {fargateAnswers} from '../fixtures.js';

const ctx = (choices: Record<string, string> = {}, answers = fargateAnswers()) => ({answers, choices, env: 0, hasPassword: true, passwordFromEnv: false});
const promptOf = (context: ReturnType<typeof ctx>, services: Partial<WizardServices> = {}) =>
  dependsOn.prompt!({ctx: context, services: services as WizardServices, memo: new Map()} as PromptContext) as PickerPrompt;

test('offered only when the application has other saved services', () => {
  expect(dependsOn.applies?.(ctx())).toBe(false);
  expect(dependsOn.applies?.(ctx(applicationServicesChoice(['web-api'])))).toBe(false);
  expect(dependsOn.applies?.(ctx(applicationServicesChoice(['db', 'web-api'])))).toBe(true);
});

test('lists the other services and "no dependencies"; chosen ones land in the answers, "no dependencies" clears them', () => {
  const prompt = promptOf(ctx(applicationServicesChoice(['cache', 'db', 'web-api'])));
  expect(prompt.multi).toBe(true);
  expect(prompt.items!.map((item) => item.value)).toEqual(['cache', 'db']);
  expect(prompt.extra!(undefined).map((item) => item.label)).toEqual(['no dependencies']);
  expect(prompt.submit(['db', 'cache'], undefined, undefined)?.answers?.dependsOn).toEqual(['db', 'cache']);
  const cleared = promptOf(ctx(applicationServicesChoice(['db']), {...fargateAnswers(), dependsOn: ['db']})).submit(['-'], undefined, undefined);
  expect(cleared?.answers).not.toHaveProperty('dependsOn');
});

test("the Application question leaves the chosen application's services for it", async () => {
  const services = {
    servicesByApplication: async () => ({shop: ['api', 'db'], other: ['x']}),
    applications: async () => ({ok: true as const, items: ['other', 'shop']}),
  } as Partial<WizardServices>;
  const prompt = application.prompt!({ctx: ctx(), services: services as WizardServices, memo: new Map()} as PromptContext) as PickerPrompt;
  await prompt.load!();
  expect(prompt.submit(['shop'], undefined, undefined)?.choices).toEqual({...applicationServicesChoice(['api', 'db']), 'application-environments': '0'});
});

test('names are checked: a bad name, itself', () => {
  expect(checkDependsOn(['db,cache', 'db'], 'api')).toEqual({ok: true, value: ['db', 'cache']});
  expect(checkDependsOn(['api'], 'api')).toMatchObject({ok: false, message: 'service api cannot depend on itself'});
  expect(checkDependsOn(['no good'], 'api')).toMatchObject({ok: false});
});
