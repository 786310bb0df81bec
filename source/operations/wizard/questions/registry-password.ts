/** 3. A private registry's password: used only to list tags now, never saved (ECS_WIZARD_REGISTRY_PASSWORD skips it). */
import {textPrompt, type Question} from '../question.js';

export const registryPassword: Question = {
  id: 'registry-password',
  section: 2,
  label: 'Registry password',
  applies: (ctx) => ctx.answers.registry === 'registry' && Boolean(ctx.answers.registryUsername),
  auto: (ctx) => (ctx.passwordFromEnv ? {summary: 'from ECS_WIZARD_REGISTRY_PASSWORD (not saved)'} : undefined),
  valid: (ctx) => ctx.hasPassword,
  summary: (ctx) => (ctx.hasPassword ? '•••••••• (not saved)' : 'none'),
  help: [
    'The password is used only to list tags during this setup. It is never written to the profile or the draft. To skip this question, set ECS_WIZARD_REGISTRY_PASSWORD.',
  ],
  prompt: ({ctx: {answers}}) =>
    textPrompt({
      label: `Password of ${answers.registryUsername ?? ''} at ${answers.registryHost ?? ''}`,
      hint: 'Used only to list tags now; never saved. (ECS_WIZARD_REGISTRY_PASSWORD skips this question.)',
      mask: true,
      validate: (text) => (text === '' ? {ok: false, message: 'Type the password (or go back and leave the user name empty)'} : {ok: true, value: text}),
      submit: (value) => ({password: value}),
    }),
};
