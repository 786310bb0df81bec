import {readUserFile} from '../adapters/files.js';
import {EXIT, UsageError} from '../errors.js';
import {
  familyOf,
  fetchServiceSource,
  fetchTaskDefinitionSource,
  fileSource,
  importReport,
  planError,
  planImport,
  saveImport,
  suggestNames,
  type ImportSource,
} from '../operations/import.js';
import {checkProfileName} from '../operations/profiles.js';
import {regionFromArn} from '../domain/aws-names.js';
import type {EcsPort} from '../ports/ecs.js';
import {inkColour} from './run-context.js';
import type {CommandContext} from './spec.js';

/**
 * `ecs-wizard import`: a task definition revision, a live service or saved describe output → a profile.
 *   --task-definition FAMILY[:REV] --as PROFILE [--app A --service S --env E] [--cluster C] [--container NAME]
 *   --cluster C --service S --as PROFILE [--app A --env E] [--container NAME]
 *   --from-file FILE [--from-file FILE] --as PROFILE …   (describe-task-definition / describe-services output)
 * Alone on a terminal it opens the browser.
 */
export async function run(context: CommandContext): Promise<number> {
  const {options, root, io} = context;
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
  const profile = await saveImport(await root.profileStore(), plan, {overwrite: options.force === true, label: source.label});

  if (context.globals.json) io.stdout.write(`${JSON.stringify(profile, null, 2)}\n`);
  io.stderr.write(`Imported ${source.label} as profile '${profile.name}'.\n`);
  if (!context.globals.json)
    io.stderr.write(
      importReport(plan)
        .map((line) => `  ${line}\n`)
        .join(''),
    );
  return EXIT.ok;
}
