/**
 * `ecs-wizard apps servers|server-add|server-edit|server-rm|server-adopt`: an application's artifact servers, each
 * defined once for every service that uses it. An edit says (and on a terminal asks first) which services it reaches,
 * checks each as it will render, and names the execution roles a new secret needs (put with --apply-iam); rm refuses a
 * server a service uses, naming them. Exit 0 done, 1 AWS failed (IAM), 2 bad input (or refused).
 */
import {confirm} from '../adapters/terminal-prompt.js';
import {differingServerFields, serverLabel, type ArtifactServer} from '../domain/artifact-servers.js';
import {PRIVATE_REGISTRY_POLICY_NAME} from '../domain/policy.js';
import {EXIT, UsageError} from '../errors.js';
import {requireApplication} from '../operations/applications.js';
import {
  applyServerPolicy,
  checkRendersWithServer,
  checkServerSecret,
  chooseServerApplication,
  executionRolesOf,
  registryPolicyForRole,
  requireServer,
  serverFromFlags,
  type ServerFlags,
} from '../operations/artifact-servers.js';
import {compactJson, putRolePolicyCommand} from '../operations/wizard/execution-role.js';
import {sanitize} from '../report/sanitize.js';
import {roleLines, serverChangeLines, serverTable} from '../report/server-text.js';
import {createStyle} from '../report/style.js';
import type {CommandContext} from './spec.js';

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
const text = (context: CommandContext, name: string): string | undefined =>
  typeof context.options[name] === 'string' ? (context.options[name] as string) : undefined;

function flagsOf(context: CommandContext): ServerFlags {
  const flags: ServerFlags = {};
  const set = <K extends keyof ServerFlags>(key: K, value: ServerFlags[K] | undefined): void => {
    if (value !== undefined) flags[key] = value;
  };
  set('registry', text(context, 'registry'));
  set('username', text(context, 'registry-username'));
  set('credentialsSecret', text(context, 'credentials-secret'));
  set('kmsKey', text(context, 'kms-key'));
  if (context.options['no-username'] === true) flags.noUsername = true;
  if (context.options['no-credentials'] === true) flags.noCredentials = true;
  if (context.options['no-kms-key'] === true) flags.noKmsKey = true;
  return flags;
}

const note =
  (context: CommandContext) =>
  (line: string): void => {
    context.io.stderr.write(`${sanitize(line)}\n`);
  };

export async function list(context: CommandContext): Promise<number> {
  const application = await requireApplication(await context.root.profileStore(), context.positionals[0]!);
  const servers = application.artifactServers;
  context.io.stdout.write(context.globals.json ? json(servers) : serverTable(servers, createStyle(context.globals.color && Boolean(context.io.stdout.isTTY))));
  return EXIT.ok;
}

export async function add(context: CommandContext): Promise<number> {
  const name = context.positionals[0]!;
  const store = await context.root.profileStore();
  const app = text(context, 'app') ?? (await chooseServerApplication(store, undefined)).name;
  const server = await checkServerSecret(context.root, serverFromFlags(name, flagsOf(context)), note(context));
  await store.addArtifactServer(app, server);
  if (context.globals.json) context.io.stdout.write(json({application: app, ...server, services: []}));
  else context.io.stderr.write(sanitize(`Added artifact server ${name} to application ${app}: ${serverLabel(server)}.\n`));
  return EXIT.ok;
}

export async function edit(context: CommandContext): Promise<number> {
  const name = context.positionals[0]!;
  const store = await context.root.profileStore();
  const application = await chooseServerApplication(store, text(context, 'app'), name);
  const {services, ...before} = await requireServer(store, application.name, name);
  const flags = flagsOf(context);
  const fromFlags = serverFromFlags(name, flags, before);
  // The secret is checked when the flags name one (a new secret, or the same one to have its key found again).
  const planned = flags.credentialsSecret === undefined ? fromFlags : await checkServerSecret(context.root, fromFlags, note(context));
  const fields = differingServerFields(before, planned);
  if (fields.length > 0 && services.length > 0 && context.options.yes !== true && context.io.interactive) {
    context.io.stderr.write(`${serverChangeLines({application: application.name, server: name, fields, services}, before, planned).join('\n')}\n`);
    const question = `Change ${name} for ${services.length} service${services.length === 1 ? '' : 's'} (${services.join(', ')})?`;
    if (!(await confirm(context.io, sanitize(question)))) {
      context.io.stderr.write('Nothing changed.\n');
      return EXIT.ok;
    }
  }
  let was: ArtifactServer = before;
  let after: ArtifactServer = planned;
  const change = await store.editArtifactServer(
    application.name,
    name,
    (stored) => {
      was = stored;
      // The flags applied to the server as stored now; the secret's key as checked above.
      after = {...serverFromFlags(name, flags, stored), ...(planned.kmsKeyArn === undefined ? {} : {kmsKeyArn: planned.kmsKeyArn})};
      if (after.credentialsSecretArn === undefined) delete after.kmsKeyArn;
      return after;
    },
    (profile) => checkRendersWithServer(profile, name),
  );
  const lines = serverChangeLines(change, was, after);
  const iam = await secretChange(context, change.fields, change.services, after);
  if (context.globals.json) context.io.stdout.write(json({...change, before: was, after, ...iam.json}));
  else context.io.stdout.write(`${[...lines, ...iam.lines].join('\n')}\n`);
  return EXIT.ok;
}

/** After a change of a server's secret or key: the execution roles that must read the new one, and with --apply-iam the policy put on them. */
async function secretChange(
  context: CommandContext,
  fields: readonly string[],
  services: readonly string[],
  server: ArtifactServer,
): Promise<{lines: string[]; json: Record<string, unknown>}> {
  if (services.length === 0 || (!fields.includes('credentialsSecretArn') && !fields.includes('kmsKeyArn'))) return {lines: [], json: {}};
  const store = await context.root.profileStore();
  const all = await store.list();
  const users = all.filter((profile) => services.includes(profile.name));
  const roles = executionRolesOf(users);
  if (server.credentialsSecretArn === undefined)
    return {lines: ['The services no longer send repositoryCredentials: their execution roles need no registry policy.'], json: {roles}};
  if (roles.length === 0)
    return {lines: ['No execution role is named by those services: none was given the registry policy (set one on their environments).'], json: {roles}};
  if (context.options['apply-iam'] === true) {
    const done = await applyServerPolicy(context.root, roles, all);
    return {
      lines: [
        `Put the inline policy ${PRIVATE_REGISTRY_POLICY_NAME} (secretsmanager:GetSecretValue${server.kmsKeyArn ? ', kms:Decrypt' : ''}) on:`,
        ...roleLines(roles),
      ],
      json: {roles, applied: done},
    };
  }
  const commands = roles.map((need) => {
    const policy = registryPolicyForRole(need.role, all)!;
    return `  ${putRolePolicyCommand(need.role.split('/').pop() ?? need.role, PRIVATE_REGISTRY_POLICY_NAME, policy)}`;
  });
  const policy = registryPolicyForRole(roles[0]!.role, all)!;
  return {
    lines: [
      `IAM not changed (no --apply-iam). These execution roles must be allowed to read the new secret${server.kmsKeyArn ? ' (and decrypt it)' : ''}, or the tasks cannot pull:`,
      ...roleLines(roles),
      `The inline policy ${PRIVATE_REGISTRY_POLICY_NAME}${roles.length > 1 ? ' (of the first)' : ''}: ${compactJson(policy)}`,
      'Add it with --apply-iam, or:',
      ...commands.map((command) => sanitize(command)),
    ],
    json: {roles: roles.map((need) => ({...need, policy: registryPolicyForRole(need.role, all)}))},
  };
}

export async function remove(context: CommandContext): Promise<number> {
  const name = context.positionals[0]!;
  const store = await context.root.profileStore();
  const application = await chooseServerApplication(store, text(context, 'app'), name);
  const server = application.artifactServers.find((candidate) => candidate.name === name);
  // The store refuses a used or unknown server (naming the services); asking first would only delay that.
  if (server !== undefined && server.services.length === 0 && context.options.yes !== true) {
    if (!context.io.interactive)
      throw new UsageError(
        `not removing artifact server '${name}' without --yes (there is no terminal to ask)`,
        `ecs-wizard apps server-rm ${name} --app ${JSON.stringify(application.name)} --yes`,
      );
    if (!(await confirm(context.io, sanitize(`Remove artifact server ${name} of application ${application.name}? No service uses it.`)))) {
      context.io.stderr.write('Nothing removed.\n');
      return EXIT.ok;
    }
  }
  await store.removeArtifactServer(application.name, name);
  if (context.globals.json) context.io.stdout.write(json({removed: true, application: application.name, server: name}));
  else context.io.stderr.write(sanitize(`Removed artifact server ${name} of application ${application.name}.\n`));
  return EXIT.ok;
}

export async function adopt(context: CommandContext): Promise<number> {
  const name = context.positionals[0]!;
  const store = await context.root.profileStore();
  await requireApplication(store, name);
  const adopted = await store.adoptArtifactServers(name);
  if (context.globals.json) context.io.stdout.write(json(adopted));
  else if (adopted.length === 0)
    context.io.stdout.write(sanitize(`Every service of ${name} already uses an artifact server (or Docker Hub without a host): nothing to adopt.\n`));
  else
    context.io.stdout.write(
      `${adopted.map((server) => sanitize(`${server.name}: ${serverLabel(server)}\n  now used by ${server.services.join(', ')}`)).join('\n')}\nNothing renders differently.\n`,
    );
  return EXIT.ok;
}
