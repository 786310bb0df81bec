/** 1. The application: a logical group of a service's setup — its task definitions, environments and deploys. */
import {bad, ok, type Checked} from '../answer-checks.js';
import type {Question} from '../question.js';
import {applicationServicesChoice} from './depends-on.js';
import {serverChoices, SERVERS_CHOICE} from '../application-servers.js';

export function checkApplication(text: string): Checked<string> {
  const name = text.trim();
  if (name === '') return bad('Give the application a name, e.g. "ECS Demo Application"');
  if (name.length > 255) return bad('An application name has at most 255 characters');
  return ok(name);
}

/** The choice that records how many environments the chosen application has (env-existing is asked when some). */
export const ENVIRONMENTS_CHOICE = 'application-environments';

export const application: Question = {
  id: 'application',
  section: 0,
  label: 'Application',
  summary: (ctx) => ctx.answers.application ?? '',
  help: [
    'The application represents a logical group of the ECS setup and release process: the ECS service and task definitions, the ECS cluster environments and how they are deployed.',
    'Pick an application you have used in a saved profile, or type a new name, such as ECS Demo Application.',
  ],
  prompt: ({ctx, services, memo}) => {
    // The application's services, for the Depends on question (applicationServicesChoice).
    let byApp: Record<string, string[]> = {};
    return {
      kind: 'picker',
      label: 'Application',
      hint: 'Pick one of your applications, or type a new name.',
      what: 'applications',
      load: async () => {
        byApp = (await services.servicesByApplication?.()) ?? {};
        const listing = await services.applications();
        if (!listing.ok) return listing;
        // How many environments each has (the wizard then offers them before asking for a new one).
        const counts = new Map<string, number>();
        for (const name of listing.items) {
          const environments = await services.applicationEnvironments?.(name);
          counts.set(name, environments?.ok === true ? environments.items.length : 0);
        }
        memo.set(ENVIRONMENTS_CHOICE, counts);
        // And its artifact servers (the wizard offers them before asking for a new registry).
        const servers = new Map<string, Record<string, string>>();
        for (const name of listing.items) {
          const offered = await services.artifactServers?.(name);
          if (offered?.ok === true && offered.items.length > 0) servers.set(name, serverChoices(offered.items));
        }
        memo.set(SERVERS_CHOICE, servers);
        return {
          ok: true,
          items: listing.items.map((name) => {
            const count = counts.get(name) ?? 0;
            return {value: name, label: name, ...(count === 0 ? {} : {detail: `${count} environment${count === 1 ? '' : 's'}`})};
          }),
        };
      },
      free: {validate: checkApplication, hint: 'a new application name, e.g. ECS Demo Application'},
      initial: ctx.answers.application,
      submit: ([value]) => ({
        answers: {...ctx.answers, application: value!},
        choices: {
          ...applicationServicesChoice(byApp[value!] ?? []),
          [ENVIRONMENTS_CHOICE]: String((memo.get(ENVIRONMENTS_CHOICE) as Map<string, number> | undefined)?.get(value!) ?? 0),
          // (Reset when an application with servers was chosen before.)
          ...((memo.get(SERVERS_CHOICE) as Map<string, Record<string, string>> | undefined)?.get(value!) ??
            (ctx.choices[SERVERS_CHOICE] === undefined ? {} : serverChoices([]))),
        },
      }),
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
