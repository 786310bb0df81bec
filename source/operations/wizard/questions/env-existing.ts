/**
 * 9. The application's environments first (as the guide defines them: once per application, for every service): an
 * environment the application already has — its region, cluster, launch type, network, execution role and where
 * they were read from — or a new one. Using one answers those questions (APPLICATION_ENVIRONMENT_STEPS are skipped);
 * the service's own config-variable overrides are still asked. Asked only when the application has environments
 * (`init --env NAME` of one of them answers it: application-environments.ts).
 */
import {EXISTING_CHOICE, NEW_ENVIRONMENT, answersOfEnvironment, placementOf, type OfferedEnvironment} from '../application-environments.js';
import {ENVIRONMENTS_CHOICE} from './application.js';
import {envOf, type Question} from '../question.js';

const LISTED = 'application environments';
import {ENVIRONMENT_HELP} from './env-source.js';

export const envExisting: Question = {
  id: 'env-existing',
  section: 8,
  perEnv: true,
  label: 'Environment of the application',
  applies: (ctx) => Number(ctx.choices[ENVIRONMENTS_CHOICE] ?? '0') > 0,
  summary: (ctx) => {
    const chosen = ctx.choices[`${EXISTING_CHOICE}#${ctx.env}`];
    return chosen === undefined || chosen === NEW_ENVIRONMENT ? 'a new one' : `${chosen} (the application's)`;
  },
  help: [
    "An application's environments are defined once and used by every service of the application: choosing one gives this service its region, cluster, launch type, network and execution role. A change to it later (ecs-wizard env edit) is a change for every service that uses it.",
    ...ENVIRONMENT_HELP,
  ],
  prompt: ({ctx, services, memo}) => {
    const taken = (ctx.answers.environments ?? []).filter((_, index) => index !== ctx.env).map((environment) => environment.name);
    const key = `${EXISTING_CHOICE}#${ctx.env}`;
    return {
      kind: 'picker',
      label: ctx.env === 0 ? `Environment: one of ${ctx.answers.application ?? 'the application'}'s, or a new one` : `Environment ${ctx.env + 1}`,
      hint: "The application's environments are shared by its services.",
      what: "the application's environments",
      load: async () => {
        if (services.applicationEnvironments === undefined || ctx.answers.application === undefined) return {ok: true, items: []};
        const listing = await services.applicationEnvironments(ctx.answers.application);
        if (!listing.ok) return listing;
        memo.set(LISTED, listing.items);
        return {
          ok: true,
          items: listing.items
            .filter((environment) => !taken.includes(environment.name))
            .map((environment) => ({
              value: environment.name,
              label: environment.name,
              detail: `${placementOf(environment)} · used by ${environment.services.length === 0 ? 'no service yet' : environment.services.join(', ')}`,
            })),
        };
      },
      extra: () => [{value: NEW_ENVIRONMENT, label: 'A new environment', detail: 'its name, region, cluster, network… asked next'}],
      initial: ctx.choices[key] ?? envOf(ctx).name,
      submit: ([value]) => {
        if (value === NEW_ENVIRONMENT) {
          const current = envOf(ctx);
          const fresh = current.filledFrom === 'the application' ? {overrides: current.overrides} : current;
          const environments = [...(ctx.answers.environments ?? [])];
          environments[ctx.env] = fresh;
          return {answers: {...ctx.answers, environments}, choices: {[key]: NEW_ENVIRONMENT}};
        }
        const environment = (memo.get(LISTED) as OfferedEnvironment[] | undefined)?.find((candidate) => candidate.name === value);
        if (environment === undefined) return undefined;
        const environments = [...(ctx.answers.environments ?? [])];
        while (environments.length <= ctx.env) environments.push({});
        environments[ctx.env] = answersOfEnvironment(environment, envOf(ctx));
        return {answers: {...ctx.answers, environments}, choices: {[key]: value!, [`env-source#${ctx.env}`]: 'typed'}};
      },
    };
  },
};
