/** 7. Config variables: NAME=VALUE pairs the specifications use as ${serviceVariable.NAME} (--var). */
import {TEMPLATES} from '../../../domain/templates.js';
import {parseNameValue} from '../answer-checks.js';
import {CONTAINER_PORT_VARIABLE} from '../discovery.js';
import {missingVariables} from '../profile.js';
import type {ListEntry, PromptLine, Question} from '../question.js';
import {pairsLine} from '../summary-text.js';

export const entriesOf = (values: Readonly<Record<string, string>> | undefined): ListEntry[] =>
  Object.entries(values ?? {}).map(([name, value]) => ({name, value}));
export const recordOf = (entries: readonly ListEntry[]): Record<string, string> => Object.fromEntries(entries.map((entry) => [entry.name, entry.value]));

export const variables: Question = {
  id: 'variables',
  section: 6,
  label: 'Config variables',
  summary: (ctx) => pairsLine(ctx.answers.variables),
  help: [
    'Config variables are name/value pairs the specifications use as ${serviceVariable.NAME}, e.g. "containerPort": ${serviceVariable.containerPort}. An environment can override them (staging and production with one service), and so can a run.',
  ],
  prompt: ({ctx: {answers}}) => {
    const entries = entriesOf(answers.variables);
    const port = answers.discovery?.containerPort;
    if (answers.discovery?.use === 'container' && typeof port === 'number' && answers.variables?.[CONTAINER_PORT_VARIABLE] === undefined) {
      entries.push({name: CONTAINER_PORT_VARIABLE, value: String(port), offered: true});
    }
    const needed = missingVariables({...answers, variables: recordOf(entries)});
    const body: PromptLine[] = needed.length > 0 ? [{note: `Needed by the specifications: ${needed.join(', ')}`, tone: 'warn'}] : [];
    for (const name of needed) {
      const known = TEMPLATES.map((template) => template.variables[name]).find((variable) => variable !== undefined);
      if (known) body.push({note: `${name}: ${known.description}, e.g. ${name}=${known.example}`});
    }
    return {
      kind: 'list',
      label: 'Config variables (used as ${serviceVariable.NAME})',
      hint: `NAME=VALUE, one per line; Enter on an empty line when done; ↑ then x removes one.${entries.some((entry) => entry.offered) ? ' containerPort is offered for service discovery: the service registry then uses ${serviceVariable.containerPort}, which an environment can override.' : ''}`,
      initial: entries,
      parse: (text) => parseNameValue(text, {variable: true}),
      onDone: (done) => {
        const missing = missingVariables({...answers, variables: recordOf(done)});
        return missing.length === 0
          ? undefined
          : `The specifications use ${missing.map((name) => `\${serviceVariable.${name}}`).join(', ')} with no value (an environment override can give it)`;
      },
      body,
      submit: (done) => ({answers: {...answers, variables: recordOf(done)}}),
    };
  },
  flags: [
    {name: 'var', type: 'string', multiple: true, value: 'NAME=VALUE', description: 'a config variable, used as ${serviceVariable.NAME} (repeat for more)'},
  ],
  fields: {variables: '--var'},
  fromFlags(draft) {
    const given = draft.values('var');
    const values: Record<string, string> = {};
    for (const text of given) {
      const pair = draft.take('var', text, (value) => parseNameValue(value, {variable: true}));
      if (pair !== undefined) values[pair.name] = pair.value;
    }
    // The discovery container port is offered as a config variable (the seed's ${serviceVariable.containerPort}).
    const discovery = draft.answers.discovery;
    if (discovery?.use === 'container' && typeof discovery.containerPort === 'number' && values[CONTAINER_PORT_VARIABLE] === undefined) {
      values[CONTAINER_PORT_VARIABLE] = String(discovery.containerPort);
    }
    if (given.length > 0 || !draft.interactive || Object.keys(values).length > 0) {
      draft.answers = {...draft.answers, variables: values};
      if (given.length > 0 || !draft.interactive) draft.given.variables = '--var';
    }
  },
};
