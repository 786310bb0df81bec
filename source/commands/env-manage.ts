/**
 * `ecs-wizard env list|add|edit|rm`: an application's environments, defined once for every service that uses them.
 * An edit says (and on a terminal asks first) which services it reaches; rm refuses an environment a service uses,
 * naming them. Exit 0 done, 2 bad input (or refused).
 */
import {confirm} from '../adapters/terminal-prompt.js';
import {differingFields} from '../domain/applications.js';
import {breaking, environmentImpact, serviceImpact, withEnvironment, type ServiceImpact} from '../domain/environment-impact.js';
import {EXIT, InputError, UsageError} from '../errors.js';
import {chooseApplication, environmentFromFlags, requireApplication, type EnvironmentFlags} from '../operations/applications.js';
import {affectsQuestion, changeLines, environmentLabel, environmentRows, environmentTable} from '../report/application-text.js';
import {breakingError, forcedLines, impactJson, impactLines} from '../report/environment-impact-text.js';
import {sanitize} from '../report/sanitize.js';
import {createStyle} from '../report/style.js';
import type {CommandContext} from './spec.js';

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
const text = (context: CommandContext, name: string): string | undefined =>
  typeof context.options[name] === 'string' ? (context.options[name] as string) : undefined;

function flagsOf(context: CommandContext): EnvironmentFlags {
  const flags: EnvironmentFlags = {};
  const set = <K extends keyof EnvironmentFlags>(key: K, value: EnvironmentFlags[K] | undefined): void => {
    if (value !== undefined) flags[key] = value;
  };
  set('region', text(context, 'region') ?? context.globals.region);
  set('cluster', text(context, 'cluster'));
  set('launchType', text(context, 'launch-type'));
  set('subnets', text(context, 'subnets'));
  set('securityGroups', text(context, 'security-groups'));
  set('executionRole', text(context, 'execution-role'));
  if (context.options['assign-public-ip'] === true) flags.assignPublicIp = true;
  if (context.options['no-public-ip'] === true) flags.noPublicIp = true;
  if (context.options['no-network'] === true) flags.noNetwork = true;
  if (context.options['no-execution-role'] === true) flags.noExecutionRole = true;
  return flags;
}

export async function list(context: CommandContext): Promise<number> {
  const store = await context.root.profileStore();
  const app = text(context, 'app');
  const applications = app === undefined ? await store.applications() : [await requireApplication(store, app)];
  const rows = environmentRows(applications);
  context.io.stdout.write(context.globals.json ? json(rows) : environmentTable(rows, createStyle(context.globals.color && Boolean(context.io.stdout.isTTY))));
  return EXIT.ok;
}

export async function add(context: CommandContext): Promise<number> {
  const name = context.positionals[0]!;
  const store = await context.root.profileStore();
  const app = text(context, 'app') ?? (await chooseApplication(store, undefined)).name;
  const environment = environmentFromFlags(name, flagsOf(context));
  await store.addEnvironment(app, environment);
  if (context.globals.json) context.io.stdout.write(json({application: app, ...environment, services: []}));
  else context.io.stderr.write(sanitize(`Added environment ${name} to application ${app}: ${environmentLabel(environment)}.\n`));
  return EXIT.ok;
}

export async function edit(context: CommandContext): Promise<number> {
  const name = context.positionals[0]!;
  const store = await context.root.profileStore();
  const application = await chooseApplication(store, text(context, 'app'), name);
  const current = application.environments.find((environment) => environment.name === name);
  if (current === undefined) {
    throw new InputError(
      `the application '${application.name}' has no environment named '${name}'`,
      `its environments are: ${application.environments.map((environment) => environment.name).join(', ') || 'none'}`,
    );
  }
  const flags = flagsOf(context);
  const force = context.options.force === true;
  const {services, ...before} = current;
  const planned = environmentFromFlags(name, flags, before);
  const fields = differingFields(before, planned);
  const what = `changing environment ${name} of application ${application.name}`;
  const width = context.io.stdout.columns ?? 100;
  if (fields.length > 0 && services.length > 0 && context.options.yes !== true && context.io.interactive) {
    // What each service will render before asking; refused here already when it breaks one (and no --force).
    const preview = environmentImpact(await store.list(), application.name, planned);
    if (!force && breaking(preview).length > 0) throw breakingError(what, preview);
    const lines = [...changeLines({application: application.name, environment: name, fields, services}, before, planned), ...impactLines(preview, {width})];
    context.io.stderr.write(`${lines.join('\n')}\n`);
    if (!(await confirm(context.io, affectsQuestion({environment: name, services})))) {
      context.io.stderr.write('Nothing changed.\n');
      return EXIT.ok;
    }
  }
  let after = planned;
  let was = before;
  let impacts: ServiceImpact[] = [];
  const change = await store.editEnvironment(
    application.name,
    name,
    (stored) => {
      was = stored;
      after = environmentFromFlags(name, flags, stored);
      return after;
    },
    // Under the store's lock: each service that uses it, rendered and validated with the new values.
    (profiles) => {
      impacts = profiles.map((profile) => serviceImpact(withEnvironment(profile, was), after));
      if (!force && breaking(impacts).length > 0) throw breakingError(what, impacts);
    },
  );
  if (context.globals.json) context.io.stdout.write(json({...change, before: was, after, impact: impactJson(impacts)}));
  else {
    const lines = [...changeLines(change, was, after), ...(change.fields.length === 0 ? [] : impactLines(impacts, {width})), ...forcedLines(impacts)];
    context.io.stdout.write(`${lines.join('\n')}\n`);
  }
  return EXIT.ok;
}

export async function remove(context: CommandContext): Promise<number> {
  const name = context.positionals[0]!;
  const store = await context.root.profileStore();
  const application = await chooseApplication(store, text(context, 'app'), name);
  const environment = application.environments.find((candidate) => candidate.name === name);
  // The store refuses a used or unknown environment (naming the services); asking first would only delay that.
  if (environment !== undefined && environment.services.length === 0 && context.options.yes !== true) {
    if (!context.io.interactive)
      throw new UsageError(
        `not removing environment '${name}' without --yes (there is no terminal to ask)`,
        `ecs-wizard env rm ${name} --app ${JSON.stringify(application.name)} --yes`,
      );
    if (!(await confirm(context.io, sanitize(`Remove environment ${name} of application ${application.name}? No service uses it.`)))) {
      context.io.stderr.write('Nothing removed.\n');
      return EXIT.ok;
    }
  }
  await store.removeEnvironment(application.name, name);
  if (context.globals.json) context.io.stdout.write(json({removed: true, application: application.name, environment: name}));
  else context.io.stderr.write(sanitize(`Removed environment ${name} of application ${application.name}.\n`));
  return EXIT.ok;
}
