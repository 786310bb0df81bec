/**
 * `ecs-wizard import --from-copilot [DIR]`: a Copilot workspace → one profile per service (operations/import-copilot.ts).
 * A plain report without a terminal (or --json), the report screen and a question in one; --force replaces the
 * profiles an earlier run saved when there is no terminal to ask. --offline: AWS is not asked.
 */
import {relative} from 'node:path';
import {locateCopilotFolder, readCopilotFolder} from '../adapters/copilot-workspace.js';
import {checkMigration} from '../domain/import/copilot/check.js';
import type {CopilotWorkspace} from '../domain/import/copilot/build.js';
import {planMigration, readWorkspace} from '../domain/import/copilot/workspace.js';
import {formatPosition} from '../domain/import/copilot/yaml.js';
import {EXIT, InputError, UsageError} from '../errors.js';
import {decideCopilotSecrets, movedSecretLines, writeCopilotSecrets, type AskSecrets} from '../operations/import-copilot-secrets.js';
import {applySecretPolicies, secretPolicies} from '../operations/import-secrets.js';
import {
  compareWithLive,
  existingProfiles,
  learnFromAws,
  migrationProfiles,
  otherProfilesOfApplication,
  saveMigration,
  type LearnedFromAws,
} from '../operations/import-copilot.js';
import {sharedEnvironmentChanges} from '../operations/shared-environments.js';
import {copilotReportJson, copilotReportLines, savedLines, type CopilotReport} from '../report/copilot-text.js';
import {sanitize} from '../report/sanitize.js';
import {inkColour} from './run-context.js';
import {approveSharedChanges} from './shared-environment-prompt.js';
import type {CommandContext} from './spec.js';

/** The import options that belong to the other ways in. */
const OTHER_WAYS = ['task-definition', 'cluster', 'service', 'from-file', 'as', 'app', 'env', 'container', 'secret-name'];

export async function run(context: CommandContext): Promise<number> {
  const {options, root, io} = context;
  const other = OTHER_WAYS.filter((name) => options[name] !== undefined && options[name] !== false);
  if (other.length > 0) throw new UsageError(`--from-copilot reads the whole workspace: --${other.join(', --')} cannot be given with it`);
  if (context.positionals.length > 1) throw new UsageError('--from-copilot takes one folder');
  const cwd = process.cwd();
  const folder = await locateCopilotFolder(context.positionals[0], cwd);
  const shownFolder = relative(cwd, folder) || '.';
  const read = readWorkspace(await readCopilotFolder(folder, io.stdin));
  if (!read.ok) {
    const lines = read.problems.map((problem) => `  ${'at' in problem ? `${formatPosition(problem.at)}: ` : ''}${problem.message}`);
    throw new InputError(
      `cannot read the Copilot workspace ${shownFolder}:\n${lines.join('\n')}`,
      'fix the file: nothing was saved, and nothing in copilot/ was changed',
    );
  }
  const environmentRegions = parseEnvironmentRegions(options['env-region'], read.workspace);
  const now = new Date(root.clock.now()).toISOString();
  let region = root.awsContext().region;
  let learned: LearnedFromAws | undefined;
  if (options.offline !== true) {
    if (io.interactive && !context.globals.json)
      io.stderr.write(`Reading what Copilot deployed: the stacks ${read.workspace.application}-<env> and their clusters' services…\n`);
    try {
      region ??= (await root.ecs()).region;
      learned = await learnFromAws(
        read.workspace,
        {cloudFormation: (where) => root.cloudFormation(where), ecs: (where) => root.ecs(where), loadBalancing: (where) => root.loadBalancing(where)},
        region,
        now,
        environmentRegions,
      );
    } catch (error) {
      learned = {
        state: {environments: {}, services: {}},
        read: [],
        gaps: [`AWS could not be asked: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`],
      };
    }
  }
  if (region === undefined)
    throw new UsageError('the region is not known', 'give --region REGION (Copilot keeps it in its own SSM parameters, not in the workspace)');
  // Plaintext secrets among the variables: moved (--move-secrets) or kept (--keep-plaintext NAME), else exit 2 naming them.
  const planned = planMigration(read, {region, now, environmentRegions, ...(learned === undefined ? {} : {aws: learned.state})});
  const flags = {move: options['move-secrets'] === true, keep: listOf(options['keep-plaintext'])};
  const decided = await decideCopilotSecrets(planned, flags, io.interactive && !context.globals.json ? askInTerminal(context) : undefined);
  if (decided === undefined) {
    io.stderr.write('Import cancelled: nothing was saved and no secret was created.\n');
    return EXIT.detached;
  }
  if (decided.pending.length > 0 && options.offline === true)
    throw new UsageError(
      `moving ${[...new Set(decided.pending.flatMap((item) => item.move.moved))].join(', ')} writes to AWS Secrets Manager, which --offline does not ask`,
      'run it without --offline, or keep a variable that is not a secret with --keep-plaintext NAME; nothing was saved',
    );
  let migration = decided.migration;
  // Every door runs the validator: a profile it refuses is not saved (a value only missing is said, not refused).
  const checks = checkMigration(migration);
  const refused = Object.entries(checks).flatMap(([service, list]) =>
    list.flatMap((check) => check.errors.map((issue) => `  ${service} [${check.environment}] ${issue.path === '' ? '' : `${issue.path}: `}${issue.message}`)),
  );
  if (refused.length > 0) throw new InputError(`the profiles would not pass the validator:\n${refused.join('\n')}`, 'fix the manifests: nothing was saved');
  const live = learned === undefined ? [] : await compareWithLive(migration, learned.state, (where) => root.ecs(where));
  const store = await root.profileStore();
  const existing = (await existingProfiles(store, migration)).map((profile) => profile.name);
  const report: CopilotReport = {
    folder: shownFolder,
    migration,
    ...(learned === undefined ? {} : {aws: {read: learned.read, gaps: learned.gaps}}),
    live,
    checks,
    others: await otherProfilesOfApplication(store, migration),
  };
  const profiles = migration.services.flatMap((plan) => (plan.profile === undefined ? [] : [plan.profile.name]));
  let overwrite = options.force === true;
  // An environment of the application that services outside this migration use, with other values: said, and asked.
  const shared = await sharedEnvironmentChanges(store, migrationProfiles(migration));
  const approve = (): Promise<boolean> =>
    approveSharedChanges(context, shared, {
      force: options.force === true,
      what: `migrating ${migration.application}`,
      retry: 'rename the environment in copilot/',
    });
  // In a terminal the screen showed the report: only what was saved is printed after it.
  const screen = io.interactive && !context.globals.json && profiles.length > 0;
  if (screen) {
    inkColour(context.globals);
    const {confirmCopilotImport} = await import('../ui/run-copilot-import.js');
    const save = (await confirmCopilotImport(io, {lines: copilotReportLines(report), profiles, replaces: existing})) && (await approve());
    if (!save) {
      io.stderr.write('Nothing was saved.\n');
      return EXIT.detached;
    }
    overwrite = true;
  } else if (!(await approve())) {
    io.stderr.write('Nothing was saved.\n');
    return EXIT.detached;
  } else if (existing.length > 0 && !overwrite) {
    throw new InputError(
      `${existing.length === 1 ? 'a profile' : 'profiles'} of an earlier migration of ${migration.application} exist${existing.length === 1 ? 's' : ''}: ${existing.join(', ')}`,
      'pass --force to replace them (their run history is kept); nothing was saved',
    );
  }
  const secretLines: string[] = [];
  if (decided.pending.length > 0) {
    // Written only now: a migration refused or declined above has created no secret.
    const kmsKey = typeof options['kms-key'] === 'string' ? options['kms-key'] : undefined;
    const written = await writeCopilotSecrets(migration, decided.pending, {
      secrets: (where) => root.secrets(where),
      ...(kmsKey === undefined ? {} : {kmsKeyArn: kmsKey}),
      label: `the Copilot workspace ${shownFolder}`,
    });
    migration = written.migration;
    report.migration = migration;
    secretLines.push(...movedSecretLines(written.moved));
    for (const plan of migration.services) {
      const moved = written.moved.filter((secret) => secret.service === plan.name);
      if (plan.profile !== undefined && moved.length > 0)
        secretLines.push(...(await applySecretPolicies(secretPolicies(plan.profile, moved), {apply: options['apply-iam'] === true, iam: () => root.iam()})));
    }
  }
  for (const [service, names] of Object.entries(decided.kept)) secretLines.push(`Kept as plain text in ${service} (declared not secrets): ${names.join(', ')}`);
  report.saved = await saveMigration(store, migration, {overwrite});
  if (context.globals.json) io.stdout.write(`${JSON.stringify(copilotReportJson(report), null, 2)}\n`);
  else io.stdout.write((screen ? savedLines(report.saved) : copilotReportLines(report)).map((line) => `${sanitize(line)}\n`).join(''));
  for (const line of secretLines) io.stderr.write(`${sanitize(line)}\n`);
  return EXIT.ok;
}

/** `--env-region ENV=REGION` (repeatable): each names an environment of the workspace and a region. */
function parseEnvironmentRegions(value: string | string[] | boolean | undefined, workspace: CopilotWorkspace): Record<string, string> {
  const items = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
  const known = [
    ...new Set([...workspace.environments.map((item) => item.name), ...workspace.services.flatMap((item) => item.environments.map((env) => env.name))]),
  ];
  const regions: Record<string, string> = {};
  for (const item of items) {
    const match = /^([^=]+)=([a-z]{2}(?:-[a-z]+)+-\d+)$/.exec(item.trim());
    if (match === null) throw new UsageError(`--env-region ${item}: expected ENV=REGION (e.g. prod=eu-west-1)`);
    if (!known.includes(match[1]!))
      throw new UsageError(`--env-region ${item}: the workspace has no environment ${match[1]!}`, `its environments: ${known.join(', ') || 'none'}`);
    regions[match[1]!] = match[2]!;
  }
  return regions;
}

/** A flag given several times (or once), as a list. */
const listOf = (value: unknown): string[] =>
  (Array.isArray(value) ? value : typeof value === 'string' ? [value] : [])
    .filter((item): item is string => typeof item === 'string')
    .map((item) => item.trim());

/** The task-definition import's choice screen, for one Copilot service's suspects. */
const askInTerminal =
  (context: CommandContext): AskSecrets =>
  async (service, choice) => {
    context.io.stderr.write(`${service}: variables that look like plaintext secrets\n`);
    inkColour(context.globals);
    const {choosePlaintextSecrets} = await import('../ui/run-plaintext-secrets.js');
    return choosePlaintextSecrets(context.io, choice);
  };
