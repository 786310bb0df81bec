import {readUserFile} from '../adapters/files.js';
import {EXIT, InputError, UsageError} from '../errors.js';
import {
  familyOf,
  fetchServiceSource,
  withServiceScaling,
  fetchTaskDefinitionSource,
  fileSource,
  importReport,
  planError,
  planImport,
  profileExistsError,
  saveImport,
  suggestNames,
  type ImportSource,
} from '../operations/import.js';
import {
  applySecretDecisions,
  applySecretPolicies,
  decisionsFromFlags,
  plaintextSecretsOf,
  secretPolicies,
  secretReport,
  undecidedError,
  type SecretDecision,
} from '../operations/import-secrets.js';
import {checkProfileName} from '../operations/profiles.js';
import {sharedEnvironmentChanges} from '../operations/shared-environments.js';
import {regionFromArn} from '../domain/aws-names.js';
import {secretNameFor} from '../domain/import/plaintext-secrets.js';
import type {EcsPort} from '../ports/ecs.js';
import {sanitize} from '../report/sanitize.js';
import {inkColour} from './run-context.js';
import {approveSharedChanges} from './shared-environment-prompt.js';
import type {CommandContext} from './spec.js';

/**
 * `ecs-wizard import`: a task definition revision, a live service or saved describe output → a profile.
 *   --task-definition FAMILY[:REV] --as PROFILE [--app A --service S --env E] [--cluster C] [--container NAME]
 *   --cluster C --service S --as PROFILE [--app A --env E] [--container NAME]
 *   --from-file FILE [--from-file FILE] --as PROFILE …   (describe-task-definition / describe-services output)
 * Alone on a terminal it opens the browser. Environment variables that look like plaintext secrets are moved to
 * Secrets Manager or declared plain text: asked in a terminal, else --move-secrets / --keep-plaintext NAME (exit 2
 * without them); IAM changes only with --apply-iam.
 */
export async function run(context: CommandContext): Promise<number> {
  const {options, root, io} = context;
  if (options['from-copilot'] === true) return (await import('./import-copilot.js')).run(context);
  if (context.positionals.length > 0) throw new UsageError(`unexpected argument '${context.positionals[0]}'`, 'a folder is read only with --from-copilot DIR');
  const text = (name: string): string | undefined => {
    const value = options[name];
    if (typeof value !== 'string') return undefined;
    if (value.trim() === '') throw new UsageError(`option --${name} needs a value`);
    return value.trim();
  };
  const files = Array.isArray(options['from-file']) ? options['from-file'] : typeof options['from-file'] === 'string' ? [options['from-file']] : [];
  const taskDefinition = text('task-definition');
  const cluster = text('cluster');
  const service = text('service');
  const as = text('as');
  const container = text('container');

  if (files.length === 0 && taskDefinition === undefined && cluster === undefined && service === undefined) {
    const nothingElse = as === undefined && container === undefined && text('app') === undefined && text('env') === undefined;
    if (io.interactive && nothingElse) {
      const color = inkColour(context.globals);
      const {runApp} = await import('../ui/run-app.js');
      return runApp(context, {name: 'browse-families'}, {color});
    }
    throw new UsageError('say what to import: --task-definition FAMILY[:REV], --cluster C --service S, or --from-file FILE', 'see: ecs-wizard import --help');
  }
  if (files.length > 0 && taskDefinition !== undefined) throw new UsageError('--from-file and --task-definition both name a task definition: give one');
  if (files.length === 0 && taskDefinition === undefined && (cluster === undefined || service === undefined)) {
    throw new UsageError(
      cluster === undefined
        ? '--service needs --cluster (or --task-definition FAMILY to name the service of a task definition import)'
        : '--cluster needs --service NAME (or --task-definition FAMILY)',
      'see: ecs-wizard import --help',
    );
  }
  if (as === undefined) throw new UsageError('--as PROFILE is needed: the name to save the profile under', 'e.g. --as web-production');
  checkProfileName(as, 'the profile name');

  let ecs: EcsPort | undefined;
  const port = async (region?: string): Promise<EcsPort> => (ecs = await root.ecs(region));
  let source: ImportSource;
  if (files.length > 0) {
    const texts = await Promise.all(files.map(async (file) => ({name: file === '-' ? 'standard input' : file, text: await readUserFile(file, io.stdin)})));
    const found = fileSource(texts, service === undefined ? {} : {serviceName: service});
    if (found.source !== undefined) {
      source = found.source;
    } else {
      // Only a describe-services output: the task definition it runs is read from ECS.
      const reference = found.needsTaskDefinition!;
      io.stderr.write(`Reading the task definition ${reference} from ECS (add its describe-task-definition output with --from-file to work offline).\n`);
      const fetched = await fetchTaskDefinitionSource(await port(regionFromArn(reference)), reference);
      const serviceFile = found.serviceFile!;
      source = {
        ...fetched,
        label: `${serviceFile.name} + ${fetched.label}`,
        serviceText: serviceFile.text,
        ...(found.service === undefined ? {} : {service: found.service}),
        ...(service === undefined ? {} : {serviceName: service}),
      };
    }
  } else if (taskDefinition !== undefined) {
    source = await fetchTaskDefinitionSource(await port(), taskDefinition);
  } else {
    source = await fetchServiceSource(await port(), cluster!, service!);
    const scalingPort = root.scaling === undefined ? undefined : await root.scaling((await port()).region);
    if (scalingPort !== undefined) source = await withServiceScaling(source, scalingPort);
  }

  const importsService = source.serviceText !== undefined;
  const family = typeof source.taskDefinition?.['family'] === 'string' ? source.taskDefinition['family'] : familyOf(source.label);
  const ecsServiceName = typeof source.service?.['serviceName'] === 'string' ? source.service['serviceName'] : source.serviceName;
  const suggested = suggestNames({
    family,
    ...(importsService && ecsServiceName !== undefined ? {serviceName: ecsServiceName} : {}),
    ...(cluster === undefined ? {} : {cluster}),
  });
  const names = {
    profile: as,
    application: text('app') ?? suggested.application,
    service: importsService ? (ecsServiceName ?? suggested.service) : (service ?? suggested.service),
    environment: text('env') ?? suggested.environment,
    ...(importsService || cluster === undefined ? {} : {cluster}),
  };
  const region = ecs?.region ?? root.awsContext().region;
  const plan = planImport(source, {
    names,
    ...(container === undefined ? {} : {container}),
    ...(region === undefined ? {} : {region}),
    now: new Date(root.clock.now()).toISOString(),
  });
  if (plan.profile === undefined) throw planError(plan, source.label);
  const store = await root.profileStore();
  const overwrite = options.force === true;
  // An environment of the application that other services use, read here with other values: said, and asked first.
  const shared = await sharedEnvironmentChanges(store, [plan.profile]);
  if (!(await approveSharedChanges(context, shared, {force: overwrite, what: `importing ${source.label}`, retry: '--env NAME'}))) {
    io.stderr.write('Import cancelled: nothing was saved.\n');
    return EXIT.detached;
  }

  // Plaintext secrets: decided by the flags, else asked in a terminal, else exit 2 naming them.
  const suspects = plaintextSecretsOf(plan);
  const keep = list(options['keep-plaintext']);
  const secretName = text('secret-name');
  const fromFlags = decisionsFromFlags(suspects, {move: options['move-secrets'] === true, keep});
  if (fromFlags.problems.length > 0) throw new InputError(`cannot import ${source.label}:\n${fromFlags.problems.map((line) => `  ${line}`).join('\n')}`);
  let decisions: Map<string, SecretDecision> = fromFlags.decisions;
  if (fromFlags.undecided.length > 0) {
    if (!io.interactive || context.globals.json) throw undecidedError(source.label, suspects, fromFlags.undecided);
    const {choosePlaintextSecrets} = await import('../ui/run-plaintext-secrets.js');
    inkColour(context.globals);
    const environment = plan.profile.environments[0]?.name ?? names.environment;
    const chosen = await choosePlaintextSecrets(io, {suspects, initial: decisions, destination: secretName ?? secretNameFor(as, environment)});
    if (chosen === undefined) {
      io.stderr.write('Import cancelled: nothing was saved and no secret was created.\n');
      return EXIT.detached;
    }
    decisions = chosen;
  }
  const moves = [...decisions.values()].includes('move');
  // A profile that is there already is refused before a secret is created for it.
  if (moves && !overwrite && (await store.get(as)) !== undefined) throw profileExistsError(as);
  const kmsKey = text('kms-key');
  const moved = await applySecretDecisions(plan, decisions, {
    secrets: (secretsRegion) => root.secrets(secretsRegion),
    ...(secretName === undefined ? {} : {secretName}),
    ...(kmsKey === undefined ? {} : {kmsKeyArn: kmsKey}),
    label: source.label,
  });
  const iamLines = await applySecretPolicies(secretPolicies(moved.plan.profile!, moved.secrets), {
    apply: options['apply-iam'] === true,
    iam: () => root.iam(),
  });
  const profile = await saveImport(store, moved.plan, {overwrite, label: source.label});

  if (context.globals.json) io.stdout.write(`${JSON.stringify(profile, null, 2)}\n`);
  io.stderr.write(`Imported ${sanitize(source.label)} as profile '${profile.name}'.\n`);
  if (!context.globals.json) io.stderr.write([...importReport(moved.plan), ...secretReport(moved)].map((line) => `  ${sanitize(line)}\n`).join(''));
  for (const line of iamLines) io.stderr.write(`${sanitize(line)}\n`);
  return EXIT.ok;
}

/** The flag given several times (or once), as a list. */
const list = (value: unknown): string[] =>
  (Array.isArray(value) ? value : typeof value === 'string' ? [value] : [])
    .filter((item): item is string => typeof item === 'string')
    .map((item) => item.trim());
