/** 3. The user name for listing a private registry's tags (basic authentication; empty: anonymous). */
import {textPrompt, type Question} from '../question.js';

export const registryUsername: Question = {
  id: 'registry-username',
  section: 2,
  label: 'Registry user',
  applies: (ctx) => ctx.answers.registry === 'registry',
  summary: (ctx) => (ctx.answers.registryUsername ? ctx.answers.registryUsername : 'anonymous'),
  help: [
    "The user name for basic authentication, used to list the registry's tags here. Leave it empty for a registry that lists tags anonymously.",
    'Its password is read from ECS_WIZARD_REGISTRY_PASSWORD or asked (hidden) and never saved. The tasks themselves pull with the Secrets Manager secret of step 8.',
  ],
  prompt: ({ctx}) =>
    textPrompt({
      label: 'User name for listing tags (empty: anonymous)',
      hint: 'Basic authentication. The password is asked next (hidden) or read from ECS_WIZARD_REGISTRY_PASSWORD, and never saved.',
      initial: ctx.answers.registryUsername,
      validate: (text) => ({ok: true, value: text.trim()}),
      submit: (value) => ({answers: {...ctx.answers, registryUsername: value}}),
    }),
  flags: [
    {
      name: 'registry-username',
      type: 'string',
      value: 'USER',
      description: 'basic-auth user of a private registry (password: ECS_WIZARD_REGISTRY_PASSWORD; never saved)',
    },
  ],
  fromFlags(draft) {
    const username = draft.value('registry-username');
    if (username !== undefined) {
      draft.answers = {...draft.answers, registryUsername: username.trim()};
      draft.given['registry-username'] = '--registry-username';
    } else if (draft.answers.registry === 'registry' && !draft.interactive && draft.answers.registryUsername === undefined) {
      draft.answers = {...draft.answers, registryUsername: ''};
    }
  },
};
