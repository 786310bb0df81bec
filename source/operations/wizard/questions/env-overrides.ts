/** 9. Overrides of config variables for this environment ([ENV:]NAME=VALUE with --override). */
import {bad, parseNameValue} from '../answer-checks.js';
import {checkOverrideName} from '../profile.js';
import {environmentNames, flagEnvironments} from '../environment-flags.js';
import {envOf, patchEnvironment, type Question} from '../question.js';
import {pairsLine} from '../summary-text.js';
import {entriesOf, recordOf} from './variables.js';

export const envOverrides: Question = {
  id: 'env-overrides',
  section: 8,
  perEnv: true,
  label: 'Overrides',
  summary: (ctx) => pairsLine(envOf(ctx).overrides),
  help: ['Environment overrides replace config variables for this environment only, e.g. a larger containerPort or another log level in production.'],
  prompt: ({ctx}) => {
    const env = envOf(ctx);
    return {
      kind: 'list',
      label: `Overrides of config variables for ${env.name ?? 'this environment'}`,
      hint: `Config variables: ${
        Object.entries(ctx.answers.variables ?? {})
          .map(([name, value]) => `${name}=${value}`)
          .join(', ') || 'none'
      }. NAME=VALUE replaces one here; Enter on an empty line when done.`,
      initial: entriesOf(env.overrides),
      parse: (text) => {
        const pair = parseNameValue(text, {variable: true});
        const unknown = pair.ok ? checkOverrideName(pair.value.name, ctx.answers) : undefined;
        return unknown === undefined ? pair : bad(unknown);
      },
      submit: (entries) => ({answers: patchEnvironment(ctx.answers, ctx.env, {overrides: recordOf(entries)})}),
    };
  },
  flags: [
    {
      name: 'override',
      type: 'string',
      multiple: true,
      value: '[ENV:]NAME=VALUE',
      description: 'override a config variable in an environment (ENV: needed with several)',
    },
  ],
  fields: {'environment.overrides': '--override'},
  fromFlags(draft) {
    const environments = flagEnvironments(draft);
    if (environments === undefined) return;
    environments.forEach((environment, index) => {
      environment.overrides = {};
      draft.given[`env-overrides#${index}`] = '--override';
    });
    const names = environmentNames(draft);
    for (const text of draft.values('override')) {
      const colon = text.indexOf(':');
      const equals = text.indexOf('=');
      const scoped = colon > 0 && (equals < 0 || colon < equals);
      const envName = scoped ? text.slice(0, colon) : undefined;
      const pair = draft.take('override', scoped ? text.slice(colon + 1) : text, (value) => parseNameValue(value, {variable: true}));
      if (pair === undefined) continue;
      if (envName === undefined && environments.length > 1) {
        draft.fail('--override', `"${text}": with several environments write ENV:NAME=VALUE (environments: ${names.join(', ')})`);
        continue;
      }
      // Without --var, the variables may still be asked in the wizard: only then is an unknown name not yet known.
      const unknown = draft.answers.variables === undefined ? undefined : checkOverrideName(pair.name, draft.answers);
      if (unknown !== undefined) {
        draft.fail('--override', `"${text}": ${unknown}`);
        continue;
      }
      const index = envName === undefined ? 0 : environments.findIndex((environment) => environment.name === envName);
      if (index < 0) {
        draft.fail('--override', `"${text}": no environment named ${envName} (environments: ${names.join(', ') || 'none'})`);
        continue;
      }
      environments[index]!.overrides = {...environments[index]!.overrides, [pair.name]: pair.value};
    }
  },
};
