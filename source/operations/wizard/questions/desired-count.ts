/** 5. The desired count of a REPLICA service. */
import {checkInteger} from '../answer-checks.js';
import {textPrompt, type Question} from '../question.js';

/** A DAEMON service takes no desired count (also said when --service-spec makes the service DAEMON). */
export const DAEMON_TAKES_NO_COUNT = 'a DAEMON service runs one task per instance and takes no desired count';

export const desiredCount: Question = {
  id: 'desired-count',
  section: 4,
  label: 'Desired count',
  applies: (ctx) => (ctx.answers.strategy ?? 'REPLICA') === 'REPLICA',
  summary: (ctx) => String(ctx.answers.desiredCount ?? 1),
  help: ['How many copies of the task the service keeps running. 1 is fine to start; it can be changed later.'],
  prompt: ({ctx: {answers}}) =>
    textPrompt({
      label: 'Desired count (tasks to keep running)',
      initial: String(answers.desiredCount ?? 1),
      validate: (text) => checkInteger(text, 'the desired count', {min: 0, max: 5000}),
      submit: (value) => ({answers: {...answers, desiredCount: value ?? 1}}),
    }),
  flags: [{name: 'desired-count', type: 'string', value: 'N', description: 'desired count (REPLICA; default 1)'}],
  fields: {desiredCount: '--desired-count'},
  fromFlags(draft) {
    const count = draft.take('desired-count', draft.value('desired-count'), (text) => checkInteger(text, 'the desired count', {min: 0, max: 5000}));
    if (count !== undefined) {
      if (draft.answers.strategy === 'DAEMON') draft.fail('--desired-count', DAEMON_TAKES_NO_COUNT);
      else {
        draft.answers = {...draft.answers, desiredCount: count};
        draft.given['desired-count'] = '--desired-count';
      }
    }
    if (!draft.interactive) draft.given['desired-count'] ??= 'the default';
  },
};
