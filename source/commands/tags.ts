/**
 * `ecs-wizard tags PROFILE [--env E]` or `ecs-wizard tags --registry R --image I`: the tags newest first with their
 * date, digest and platforms; `--json` an array of {tag, created, digest, platforms}; `--limit N`. Plain: no Ink.
 * Exit 0, 1 when the registry cannot say, 2 on bad input.
 */
import {EXIT, UsageError} from '../errors.js';
import {profileAndEnvironment} from '../operations/deploy/setup.js';
import {requireProfile} from '../operations/profiles.js';
import {artifactFromFlags, readTags} from '../operations/tags.js';
import {artifactOfServer, chooseServerApplication, requireServer} from '../operations/artifact-servers.js';
import {formatImage} from '../domain/image.js';
import {tagsJson, tagsTable} from '../report/tags-text.js';
import {createStyle} from '../report/style.js';
import type {CommandContext} from './spec.js';

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

function limitOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) throw new UsageError(`--limit must be a whole number of 1 or more, got '${value}'`);
  return Number(value);
}

export async function run(context: CommandContext): Promise<number> {
  const {options, positionals, root} = context;
  const limit = limitOf(text(options.limit));
  const registryFlag = text(options.registry);
  const imageFlag = text(options.image);
  const profileName = positionals[0];
  const serverFlag = text(options.server);
  if (profileName !== undefined && (registryFlag !== undefined || imageFlag !== undefined || serverFlag !== undefined))
    throw new UsageError('give a PROFILE or --registry and --image, not both');
  if (serverFlag !== undefined && (registryFlag !== undefined || text(options['registry-username']) !== undefined))
    throw new UsageError(`--server ${serverFlag} is the registry (and its user): leave out --registry and --registry-username`);
  if (serverFlag === undefined && text(options.app) !== undefined) throw new UsageError('--app goes with --server (the application whose server it is)');
  let artifact;
  if (serverFlag !== undefined) {
    // One of an application's artifact servers: its registry, host and user, the image given.
    if (imageFlag === undefined) throw new UsageError('--server needs --image', `e.g. ecs-wizard tags --server ${serverFlag} --image team/api`);
    const store = await root.profileStore();
    const application = await chooseServerApplication(store, text(options.app), serverFlag);
    artifact = artifactOfServer(await requireServer(store, application.name, serverFlag), imageFlag);
  } else if (profileName !== undefined) {
    // The artifact is the service's; --env, when given, must name one of the profile's environments.
    const environment = text(options.env);
    const profile =
      environment === undefined
        ? await requireProfile(await root.profileStore(), profileName)
        : (await profileAndEnvironment(root, profileName, environment)).profile;
    artifact = profile.service.artifact;
  } else {
    if (registryFlag === undefined || imageFlag === undefined)
      throw new UsageError(
        'give a PROFILE, or --registry and --image',
        'e.g. ecs-wizard tags web-api, or ecs-wizard tags --registry dockerhub --image library/nginx',
      );
    artifact = artifactFromFlags(registryFlag, imageFlag, text(options['registry-username']));
  }
  const password = context.env.ECS_WIZARD_REGISTRY_PASSWORD;
  const listing = await readTags(await root.registry(), artifact, {
    ...(limit === undefined ? {} : {limit}),
    ...(password === undefined ? {} : {password}),
  });
  if (context.globals.json) {
    context.io.stdout.write(tagsJson(listing.tags));
    return EXIT.ok;
  }
  const style = createStyle(context.globals.color && Boolean(context.io.stdout.isTTY));
  context.io.stdout.write(
    tagsTable(listing.tags, {
      now: root.clock.now(),
      style,
      what: formatImage(artifact),
      ...(listing.truncated === undefined ? {} : {truncated: listing.truncated}),
    }),
  );
  return EXIT.ok;
}
