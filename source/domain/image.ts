/**
 * Docker image references, spelled exactly as the user (or an imported task definition) spelled them:
 * `parseImageReference(formatImage(a, t))` gives back `a` and `t`, and `formatImage` of a parsed reference
 * gives back the reference character for character — implicit Docker Hub (`nginx:1.27`), registries with
 * ports (`localhost:5000/team/api:1.2`), ECR hosts and digests (`nginx@sha256:…`) included.
 */
import type {ArtifactSource, RegistryKind} from './model.js';

export interface ImageReference {
  registry: RegistryKind;
  /** Registry host (with port); `''` when the reference names none (implicit Docker Hub). */
  host: string;
  /** Image path inside the registry: `library/nginx`, `team/api`, `nginx`. */
  image: string;
  /** Tag, digest (`sha256:…`) or `tag@digest`; undefined when the reference has neither. */
  tag?: string;
}

const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const IMAGE_PATH = new RegExp(`^${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const HOST = new RegExp(`^(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]{1,5})?$`);
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
const ECR_HOST = /^[0-9]{12}\.dkr\.ecr(?:-fips)?\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?$/;
const DOCKER_HUB_HOSTS = new Set(['', 'docker.io', 'registry.hub.docker.com', 'index.docker.io', 'registry-1.docker.io']);

/** Docker limits a repository name (host and path) to 255 characters. */
const MAX_NAME_LENGTH = 255;
/** ECS container names: letters, digits, `_` and `-`, at most 255. */
export const MAX_CONTAINER_NAME_LENGTH = 255;

/** `sha256:<hex>` (or another algorithm): rendered after `@` rather than `:`. */
export const isDigest = (tag: string): boolean => DIGEST.test(tag);

/** A tag, a digest, or `tag@digest`. */
export function isValidTag(tag: string): boolean {
  const at = tag.indexOf('@');
  if (at === -1) return TAG.test(tag) || DIGEST.test(tag);
  return TAG.test(tag.slice(0, at)) && DIGEST.test(tag.slice(at + 1));
}

export const isValidImagePath = (image: string): boolean => IMAGE_PATH.test(image);

export const isValidRegistryHost = (host: string): boolean => host === '' || HOST.test(host);

/** `*.dkr.ecr.*.amazonaws.com` → ecr; Docker Hub's names (or none) → dockerhub; anything else → registry. */
export function inferRegistryKind(host: string): RegistryKind {
  const lower = host.toLowerCase();
  if (ECR_HOST.test(lower)) return 'ecr';
  if (DOCKER_HUB_HOSTS.has(lower)) return 'dockerhub';
  return 'registry';
}

/**
 * The full image reference: `host/image:tag`, `host/image@sha256:…` for a digest, `image:tag` when the
 * host is empty, and no `:tag` when there is no tag.
 */
export function formatImage(artifact: Pick<ArtifactSource, 'host' | 'image'>, tag?: string): string {
  const name = artifact.host === '' ? artifact.image : `${artifact.host}/${artifact.image}`;
  if (tag === undefined || tag === '') return name;
  return isDigest(tag) ? `${name}@${tag}` : `${name}:${tag}`;
}

/**
 * The image reference an artifact renders at `tag`: `formatImage`, except that an artifact imported without a tag
 * (`implicitLatest`) is written without one at the tag `latest` (`nginx`, as it ran), so that rendering gives back
 * the imported reference character for character.
 */
export function artifactImage(artifact: Pick<ArtifactSource, 'host' | 'image' | 'implicitLatest'>, tag?: string): string {
  return artifact.implicitLatest === true && tag === 'latest' ? formatImage(artifact) : formatImage(artifact, tag);
}

/**
 * Splits an image reference into registry host, image path and tag, keeping the exact spelling (no
 * `docker.io/library/` is added). Undefined when the text is not a valid image reference (for example
 * an unrendered `${DOCKER_IMAGE_NAME}`).
 */
export function parseImageReference(ref: string): ImageReference | undefined {
  if (typeof ref !== 'string' || ref === '') return undefined;
  let rest = ref;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return undefined;
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return undefined;
  }
  if (rest.length > MAX_NAME_LENGTH) return undefined;
  let host = '';
  let image = rest;
  const slash = rest.indexOf('/');
  if (slash !== -1) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase()) {
      host = first;
      image = rest.slice(slash + 1);
    }
  }
  if (!isValidRegistryHost(host) || !IMAGE_PATH.test(image)) return undefined;
  const combined = digest === undefined ? tag : tag === undefined ? digest : `${tag}@${digest}`;
  return combined === undefined ? {registry: inferRegistryKind(host), host, image} : {registry: inferRegistryKind(host), host, image, tag: combined};
}

/**
 * What `${CONTAINER_NAME}` becomes: the image path (without the registry host) and tag (a pinned `tag@digest`: the
 * tag alone), every character
 * outside `[A-Za-z0-9_-]` replaced by `_`, cut to 255 characters.
 * `library/nginx` + `stable-perl` → `library_nginx_stable-perl`.
 */
export function deriveContainerName(image: string, tag?: string): string {
  // A tag pinned to its digest (`1.4@sha256:…`) names the container as the tag does: pinning renames nothing.
  const at = tag === undefined ? -1 : tag.indexOf('@');
  const named = tag !== undefined && at > 0 ? tag.slice(0, at) : tag;
  return formatImage({host: '', image}, named)
    .replace(/[^A-Za-z0-9_-]/g, '_')
    .slice(0, MAX_CONTAINER_NAME_LENGTH);
}
