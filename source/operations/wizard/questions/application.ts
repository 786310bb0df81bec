/** 1. The application: a logical group of a service's setup — its task definitions, environments and deploys. */
import {bad, ok, type Checked} from '../answer-checks.js';
import type {Question} from '../question.js';
import {applicationServicesChoice} from './depends-on.js';

export function checkApplication(text: string): Checked<string> {
  const name = text.trim();
  if (name === '') return bad('Give the application a name, e.g. "ECS Demo Application"');
  if (name.length > 255) return bad('An application name has at most 255 characters');
  return ok(name);
}

export const application: Question = {
  id: 'application',
  section: 0,
  label: 'Application',
  summary: (ctx) => ctx.answers.application ?? '',
  help: [
    'The application represents a logical group of the ECS setup and release process: the ECS service and task definitions, the ECS cluster environments and how they are deployed.',
    'Pick an application you have used in a saved profile, or type a new name, such as ECS Demo Application.',
  ],
  prompt: ({ctx, services}) => {
    // The application's services, for the Depends on question (applicationServicesChoice).
    let byApp: Record<string, string[]> = {};
    return {
      kind: 'picker',
      label: 'Application',
      hint: "Pick one of your saved profiles' applications, or type a new name.",
      what: 'applications of saved profiles',
      load: async () => {
        byApp = (await services.servicesByApplication?.()) ?? {};
        const listing = await services.applications();
        return listing.ok ? {ok: true, items: listing.items.map((name) => ({value: name, label: name}))} : listing;
      },
      free: {validate: checkApplication, hint: 'a new application name, e.g. ECS Demo Application'},
      initial: ctx.answers.application,
      submit: ([value]) => ({answers: {...ctx.answers, application: value!}, choices: applicationServicesChoice(byApp[value!] ?? [])}),
    };
  },
  flags: [{name: 'app', type: 'string', value: 'APP', description: 'application name (groups services and environments)'}],
  fields: {application: '--app'},
  fromFlags(draft) {
    const application = draft.take('app', draft.value('app'), checkApplication);
    if (application === undefined) return;
    draft.answers = {...draft.answers, application};
    draft.given.application = '--app';
  },
};
