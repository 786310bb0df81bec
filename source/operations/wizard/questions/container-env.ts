/** 4. The simplified form's environment variables (NAME=VALUE; --container-env, a flag of container-mode). */
import {parseNameValue} from '../answer-checks.js';
import type {Question} from '../question.js';

export const containerEnv: Question = {
  id: 'container-env',
  section: 3,
  label: 'Container environment',
  applies: (ctx) => ctx.answers.containerMode === 'form',
  summary: (ctx) => {
    const pairs = ctx.answers.containerForm?.environment ?? [];
    return pairs.length === 0 ? 'none' : pairs.map((pair) => `${pair.name}=${pair.value}`).join(', ');
  },
  help: [
    'Environment variables set in the container (NAME=VALUE). A value may use ${serviceVariable.NAME} to take a config variable (step 7), overridable per environment. Do not put passwords here: use Secrets Manager.',
  ],
  prompt: ({ctx: {answers}}) => ({
    kind: 'list',
    label: 'Container environment variables',
    hint: 'NAME=VALUE, one per line (e.g. LOG_LEVEL=info); Enter on an empty line when done; ↑ then x removes one.',
    initial: (answers.containerForm?.environment ?? []).map((pair) => ({name: pair.name, value: pair.value})),
    parse: (text) => parseNameValue(text),
    submit: (entries) => {
      const form = answers.containerForm ?? {ports: [], environment: []};
      return {answers: {...answers, containerForm: {...form, environment: entries.map((entry) => ({name: entry.name, value: entry.value}))}}};
    },
  }),
  fields: {containerEnv: '--container-env'},
};
