/** 6. port: registered in the SRV records, for awsvpc tasks (--discovery-port). */
import {checkInteger} from '../answer-checks.js';
import {textPrompt, type Question} from '../question.js';

export const discoveryPort: Question = {
  id: 'discovery-port',
  section: 5,
  label: 'port',
  applies: (ctx) => ctx.answers.discovery?.use === 'port',
  valid: (ctx) => ctx.answers.discovery?.port !== undefined,
  summary: (ctx) => String(ctx.answers.discovery?.port ?? ''),
  help: ['The port registered in the SRV records, for awsvpc tasks (used only with awsvpc and SRV records).'],
  prompt: ({ctx: {answers}}) =>
    textPrompt({
      label: 'port (registered in the SRV records)',
      initial: answers.discovery?.port === undefined ? undefined : String(answers.discovery.port),
      validate: (text) => checkInteger(text, 'the port', {min: 1, max: 65535}),
      submit: (value) => (answers.discovery ? {answers: {...answers, discovery: {...answers.discovery, port: value!}}} : undefined),
    }),
};
