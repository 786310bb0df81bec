/**
 * 5b. The services of the same application this one depends on (`dependsOn`, by service name): a whole-application
 * deploy (`deploy --app`) deploys them first and starts this one only once they are deployed. Asked after the
 * service specification, only when the application has other saved services (the Application question
 * finds them), offering them; `init --depends-on SERVICE` (repeatable,
 * or a,b). Whether each name is a service of the application and that no cycle is made is checked where the
 * application's services are known: init, the wizard's save, and every `deploy --app` (exit 2 naming them).
 */
import {SERVICE_NAME} from '../../../domain/profile-schema/formats.js';
import {bad, ok, type Checked} from '../answer-checks.js';
import type {Question} from '../question.js';

const NONE = '-';

/** The choice the Application question leaves: the chosen application's saved services (comma-separated). */
export const APPLICATION_SERVICES_CHOICE = 'application-services';
export const applicationServicesChoice = (names: readonly string[]): Record<string, string> => ({[APPLICATION_SERVICES_CHOICE]: names.join(',')});

/** The application's other saved services (not this one), as the Application question found them. */
export function otherServices(choices: Readonly<Record<string, string>>, serviceName: string | undefined): string[] {
  return (choices[APPLICATION_SERVICES_CHOICE] ?? '').split(',').filter((name) => name !== '' && name !== serviceName);
}

/** `a,b` or several values → service names, each once; never the service itself. */
export function checkDependsOn(values: readonly string[], serviceName: string | undefined): Checked<string[]> {
  const names = [...new Set(values.flatMap((value) => value.split(',')).map((value) => value.trim()))].filter((value) => value !== '' && value !== NONE);
  const wrong = names.find((name) => !SERVICE_NAME.test(name));
  if (wrong !== undefined) return bad(`"${wrong}" is not a service name: letters, digits, _ and - (up to 255)`);
  if (serviceName !== undefined && names.includes(serviceName)) return bad(`service ${serviceName} cannot depend on itself`);
  return ok(names);
}

export const dependsOn: Question = {
  id: 'depends-on',
  section: 4,
  label: 'Depends on',
  // Offered only when the application has other services (and kept when flags answered it).
  applies: (ctx) => otherServices(ctx.choices, ctx.answers.serviceName).length > 0 || (ctx.answers.dependsOn?.length ?? 0) > 0,
  summary: (ctx) => (ctx.answers.dependsOn === undefined || ctx.answers.dependsOn.length === 0 ? 'nothing' : ctx.answers.dependsOn.join(', ')),
  help: [
    'A service may depend on other services of the same application: a database before the API, the API before the web front end.',
    'ecs-wizard deploy --app APP --env ENV deploys every service of the application in that order, independent services side by side; when a service fails or rolls back, the services that depend on it are not started.',
  ],
  prompt: ({ctx}) => ({
    kind: 'picker',
    label: `Services of ${ctx.answers.application ?? 'the application'} that ${ctx.answers.serviceName ?? 'this service'} depends on`,
    hint: 'Space selects several; Enter on "no dependencies" for none. A whole-application deploy starts this service after them.',
    what: `other services of ${ctx.answers.application ?? 'the application'}`,
    items: otherServices(ctx.choices, ctx.answers.serviceName).map((name) => ({value: name, label: name})),
    extra: () => [{value: NONE, label: 'no dependencies', detail: 'deployed independently of the other services'}],
    multi: true,
    parseMany: (text) => checkDependsOn([text], ctx.answers.serviceName),
    free: {validate: (text) => (SERVICE_NAME.test(text.trim()) ? ok(text.trim()) : bad('a service name: letters, digits, _ and -')), hint: 'a service name'},
    initialSelected: ctx.answers.dependsOn ?? [],
    submit: (values) => {
      const checked = checkDependsOn(values, ctx.answers.serviceName);
      if (!checked.ok) return undefined;
      const {dependsOn: _previous, ...rest} = ctx.answers;
      return {answers: checked.value.length === 0 ? rest : {...rest, dependsOn: checked.value}};
    },
  }),
  flags: [
    {
      name: 'depends-on',
      type: 'string',
      multiple: true,
      value: 'SERVICE',
      description: 'a service of the same application this one depends on (repeatable, or a,b): deploy --app starts this one after it',
    },
  ],
  fromFlags(draft) {
    const values = draft.values('depends-on');
    if (values.length === 0) {
      if (!draft.interactive) draft.given['depends-on'] = 'the default';
      return;
    }
    const checked = checkDependsOn(values, draft.answers.serviceName);
    if (!checked.ok) {
      draft.fail('--depends-on', checked.message);
      return;
    }
    draft.answers = {...draft.answers, dependsOn: checked.value};
    draft.given['depends-on'] = '--depends-on';
  },
};
