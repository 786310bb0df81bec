/** 5. Lifecycle hooks of a BLUE_GREEN, LINEAR or CANARY deployment: a Lambda function ECS invokes at a stage (STAGE=LAMBDA_ARN). */
import {groupHooks, HOOK_STAGES, parseHook, shiftsTraffic} from '../../../domain/deployment-strategy.js';
import type {LambdaFunction} from '../../../ports/lambda.js';
import {bad, ok, type Checked} from '../answer-checks.js';
import type {Choice, ListEntry, Question} from '../question.js';
import {checked, listRegion, shifting, strategyOf, withStrategy} from '../strategy-answers.js';
import type {WizardServices} from '../services.js';

const entriesOf = (hooks: ReadonlyArray<{lambdaArn: string; stages: string[]}>): ListEntry[] =>
  hooks.flatMap((hook) => hook.stages.map((stage) => ({name: stage, value: hook.lambdaArn})));

/** The row that answers "no hooks" (a multi picker needs one row chosen). */
const NO_HOOKS: Choice = {value: '(none)', label: 'None', detail: 'no lifecycle hooks (chosen, it clears the others)'};

/** A listed function at each stage, as picker rows (value STAGE=LAMBDA_ARN, as typed). */
export const hookChoices = (functions: readonly LambdaFunction[]): Choice[] =>
  functions.flatMap((fn) =>
    HOOK_STAGES.map((stage) => ({
      value: `${stage}=${fn.arn}`,
      label: `${fn.name} at ${stage}`,
      ...(fn.runtime === undefined && fn.description === undefined
        ? {}
        : {detail: [fn.runtime, fn.description].filter((part): part is string => part !== undefined && part !== '').join(' · ')}),
    })),
  );

/** Typed hooks: STAGE=LAMBDA_ARN, several separated by commas or spaces. */
export function parseHooks(text: string): Checked<string[]> {
  const values: string[] = [];
  for (const part of text.split(/[\s,]+/).filter((piece) => piece !== '')) {
    const parsed = parseHook(part);
    if (!parsed.ok) return bad(parsed.message);
    values.push(`${parsed.value.stage}=${parsed.value.lambdaArn}`);
  }
  return values.length === 0 ? bad('Type STAGE=LAMBDA_ARN, or choose None') : ok([...new Set(values)]);
}

/** The region in a Lambda ARN (arn:aws:lambda:REGION:ACCOUNT:function:NAME). */
const arnRegion = (arn: string): string | undefined => arn.split(':')[3] || undefined;

/**
 * The chosen hooks' functions checked against Lambda, where it can be reached: one that does not exist is refused
 * (listed ones exist; a typed ARN may be wrong). Unreachable: a note, and `verify` checks them again.
 */
export async function checkHookFunctions(
  services: Pick<WizardServices, 'lambdaFunction'>,
  values: readonly string[],
): Promise<{ok: true; note?: string} | {ok: false; message: string}> {
  const arns = [...new Set(values.flatMap((value) => (value === NO_HOOKS.value ? [] : [value.slice(value.indexOf('=') + 1)])))];
  if (arns.length === 0 || services.lambdaFunction === undefined) return {ok: true};
  const unknown: string[] = [];
  for (const arn of arns) {
    const found = await services.lambdaFunction(arn, arnRegion(arn));
    if (found.status === 'missing') return {ok: false, message: `No Lambda function ${arn} (in ${arnRegion(arn) ?? 'its region'}): check the ARN`};
    if (found.status === 'unknown') unknown.push(found.reason);
  }
  return unknown.length === 0 ? {ok: true} : {ok: true, note: `Could not check the hook functions (${unknown[0]}); verify checks them`};
}

export const lifecycleHooks: Question = {
  id: 'lifecycle-hooks',
  section: 4,
  label: 'Lifecycle hooks',
  applies: shifting,
  summary: (ctx) => {
    const hooks = strategyOf(ctx.answers).hooks;
    return hooks.length === 0
      ? 'none'
      : entriesOf(hooks)
          .map((entry) => `${entry.name}=${entry.value.slice(entry.value.lastIndexOf(':') + 1)}`)
          .join(', ');
  },
  help: [
    'A lifecycle hook is a Lambda function ECS invokes at a stage of the deployment; it answers SUCCEEDED (go on), FAILED (roll back) or IN_PROGRESS (ask again). E.g. a smoke test at POST_TEST_TRAFFIC_SHIFT, against the test listener, before any production traffic moves.',
    `Stages: ${HOOK_STAGES.join(', ')}. ECS assumes a role to invoke the function (the next question).`,
  ],
  prompt: ({ctx: {answers}, services}) => {
    const region = listRegion(answers, services.defaultRegion());
    const {listFunctions} = services;
    return {
      kind: 'picker',
      multi: true,
      label: 'Lifecycle hooks (none is fine)',
      hint: 'Type to filter (a function or a stage), space selects; Enter takes the selection. A function not listed: type STAGE=LAMBDA_ARN (several: comma-separated); Enter takes it with the ones selected.',
      what: `Lambda functions in ${region ?? 'the default region'}`,
      load: async () => {
        if (listFunctions === undefined) return {ok: false, reason: 'Lambda functions cannot be listed here'};
        const listing = await listFunctions(region);
        return listing.ok ? {ok: true, items: hookChoices(listing.items)} : listing;
      },
      extra: () => [NO_HOOKS],
      free: {
        validate: (text) => {
          const parsed = parseHooks(text);
          return parsed.ok ? ok(parsed.value.join(',')) : parsed;
        },
        hint: 'STAGE=LAMBDA_ARN, e.g. POST_TEST_TRAFFIC_SHIFT=arn:aws:lambda:us-east-1:123456789012:function:smoke',
      },
      parseMany: parseHooks,
      check: {progress: 'Checking the hook functions (lambda:GetFunction)…', run: (values) => checkHookFunctions(services, values)},
      initialSelected: entriesOf(strategyOf(answers).hooks).map((entry) => `${entry.name}=${entry.value}`),
      submit: (values) => {
        const hooks = (values.includes(NO_HOOKS.value) ? [] : values).map((value) => parseHook(value)).flatMap((parsed) => (parsed.ok ? [parsed.value] : []));
        return {answers: withStrategy(answers, {hooks: groupHooks(hooks)})};
      },
    };
  },
  flags: [
    {
      name: 'lifecycle-hook',
      type: 'string',
      multiple: true,
      value: 'STAGE=LAMBDA_ARN',
      description: 'a Lambda lifecycle hook at a stage (repeat for more; needs --hook-role)',
    },
  ],
  fromFlags(draft) {
    const given = draft.values('lifecycle-hook');
    if (given.length === 0) return;
    const entries = given.flatMap((text) => draft.take('lifecycle-hook', text, (value) => checked(parseHook(value))) ?? []);
    const current = strategyOf(draft.answers);
    if (!shiftsTraffic(current.strategy)) {
      draft.fail(
        '--lifecycle-hook',
        `lifecycle hooks run in BLUE_GREEN, LINEAR and CANARY deployments; this service's strategy is ${current.strategy} (give --deployment-strategy)`,
      );
      return;
    }
    draft.answers = withStrategy(draft.answers, {hooks: groupHooks(entries)});
    draft.given['lifecycle-hooks'] = '--lifecycle-hook';
  },
};
