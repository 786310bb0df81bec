/**
 * `ecs-wizard tags`: an artifact's tags newest first, with the date, digest and platforms of each. The artifact is
 * a saved profile's, or given by `--registry R --image I` (the init flags' spelling: `dockerhub`, `ecr`, or a
 * registry host). Registry settings stay per profile (reusable registries come with the applications work).
 */
import {DOCKER_HUB_HOST} from './wizard/artifact.js';
import {inferRegistryKind, isValidImagePath, isValidRegistryHost, parseImageReference} from '../domain/image.js';
import type {ArtifactSource} from '../domain/model.js';
import {UsageError} from '../errors.js';
import type {RegistryPort, RegistryTag} from '../ports/registry.js';

/** One row of `tags --json`. */
export interface TagRow {
  tag: string;
  /** ISO-8601, null when the registry does not say. */
  created: string | null;
  digest: string | null;
  platforms: string[];
}

export const tagRow = (tag: RegistryTag): TagRow => ({
  tag: tag.tag,
  created: tag.pushedAt ?? null,
  digest: tag.digest ?? null,
  platforms: tag.platforms ?? [],
});

/** The artifact `--registry R --image I [--registry-username U]` name; UsageError naming the flag otherwise. */
export function artifactFromFlags(registry: string, image: string, username?: string): ArtifactSource {
  const givenImage = image.trim();
  if (givenImage === '') throw new UsageError('--image needs a value', 'e.g. --image library/nginx');
  const parsed = parseImageReference(givenImage);
  if (parsed === undefined) throw new UsageError(`--image '${givenImage}' is not an image path`, 'e.g. --image team/api (letters, digits, . _ - and /)');
  if (parsed.tag !== undefined) throw new UsageError(`--image '${givenImage}' names a tag`, 'give the repository only: the command lists its tags');
  const kind = registry.trim().toLowerCase();
  if (kind === 'dockerhub' || kind === 'docker.io') {
    if (parsed.host !== '' && inferRegistryKind(parsed.host) !== 'dockerhub') throw new UsageError(`--image '${givenImage}' is not on Docker Hub`);
    return {registry: 'dockerhub', host: DOCKER_HUB_HOST, image: parsed.image};
  }
  if (kind === 'ecr') {
    // A repository name (the default account and region), or its URI.
    if (parsed.host !== '' && inferRegistryKind(parsed.host) !== 'ecr') throw new UsageError(`--image '${givenImage}' is not an ECR repository URI`);
    return {registry: 'ecr', host: parsed.host, image: parsed.image};
  }
  const host = registry
    .trim()
    .replace(/^https?:\/\//i, '')
    .replace(/\/+$/, '');
  if (host === '' || !isValidRegistryHost(host))
    throw new UsageError(`--registry '${registry}' is not dockerhub, ecr or a registry host`, 'e.g. --registry registry.example.com:5000');
  if (!isValidImagePath(parsed.host === '' ? parsed.image : `${parsed.host}/${parsed.image}`))
    throw new UsageError(`--image '${givenImage}' is not an image path`, 'e.g. --image team/api');
  const path = parsed.host === '' || parsed.host === host ? parsed.image : `${parsed.host}/${parsed.image}`;
  const artifact: ArtifactSource = {registry: inferRegistryKind(host), host, image: path};
  if (username !== undefined && username.trim() !== '') artifact.username = username.trim();
  return artifact;
}

export interface TagListing {
  tags: RegistryTag[];
  /** Tags a v2 registry has beyond what was read to order them (left out of the order, at the end). */
  truncated?: number;
}

/** The newest `limit` tags (all when undefined) with their details. Throws RegistryError when the registry cannot say. */
export async function readTags(registry: RegistryPort, artifact: ArtifactSource, options: {limit?: number; password?: string} = {}): Promise<TagListing> {
  const result = await registry.datedTags(artifact, {
    ...(options.limit === undefined ? {} : {limit: options.limit}),
    ...(options.password === undefined || options.password === '' ? {} : {password: options.password}),
  });
  return {tags: result.tags, ...(result.truncated === undefined ? {} : {truncated: result.truncated})};
}
