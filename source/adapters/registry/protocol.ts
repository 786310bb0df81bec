/**
 * The pure parts of the Docker Registry HTTP API v2 client: where an artifact's API lives (Docker Hub's host
 * mapping), `WWW-Authenticate` challenges, `Link` paging, tag ordering. No I/O: unit-tested with strings.
 */
import type {ArtifactSource} from '../../domain/model.js';

/** Every manifest kind a tag can point at: OCI index/manifest, Docker manifest list/manifest (and schema 1). */
export const MANIFEST_MEDIA_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.docker.distribution.manifest.v1+prettyjws',
] as const;

/** The names Docker Hub goes by in image references; its API is at registry-1.docker.io. */
const DOCKER_HUB_HOSTS = new Set(['', 'docker.io', 'index.docker.io', 'registry.hub.docker.com', 'registry-1.docker.io']);
export const DOCKER_HUB_API_HOST = 'registry-1.docker.io';

export interface RegistryEndpoint {
  /** The API host (with port): `registry-1.docker.io`, `localhost:5000`. */
  host: string;
  /** The repository name in API paths: `library/nginx` for Docker Hub's `nginx`. */
  repository: string;
  dockerHub: boolean;
}

/**
 * Where the v2 API of an artifact is: Docker Hub (`registry.hub.docker.com`, `docker.io`, no host, …) maps to
 * `registry-1.docker.io`, and its single-name images live under `library/`.
 */
export function registryEndpoint(artifact: Pick<ArtifactSource, 'host' | 'image'>): RegistryEndpoint {
  const host = artifact.host.trim();
  if (DOCKER_HUB_HOSTS.has(host.toLowerCase())) {
    const repository = artifact.image.includes('/') ? artifact.image : `library/${artifact.image}`;
    return {host: DOCKER_HUB_API_HOST, repository, dockerHub: true};
  }
  return {host, repository: artifact.image, dockerHub: false};
}

/** `localhost`, `127.x.x.x`, `[::1]` (with or without a port). */
export function isLoopbackHost(host: string): boolean {
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.replace(/:\d+$/, '');
  const lower = name.toLowerCase();
  return lower === 'localhost' || lower.endsWith('.localhost') || /^127(?:\.\d{1,3}){3}$/.test(lower) || lower === '[::1]' || lower === '::1';
}

/** One authentication challenge: the scheme in lower case (`bearer`, `basic`) and its parameters (names in lower case). */
export interface AuthChallenge {
  scheme: string;
  params: Record<string, string>;
}

/**
 * Parses a `WWW-Authenticate` header (RFC 9110 §11.6.1): one or more challenges, each a scheme followed by
 * comma-separated `name=value` / `name="quoted, value"` parameters (or a token68). Lenient: what cannot be read
 * is skipped.
 *   `Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/nginx:pull"`
 */
export function parseWwwAuthenticate(header: string | null | undefined): AuthChallenge[] {
  if (header === null || header === undefined) return [];
  const challenges: AuthChallenge[] = [];
  let index = 0;
  const length = header.length;
  const skipSpaces = (): void => {
    while (index < length && (header[index] === ' ' || header[index] === '\t')) index += 1;
  };
  const readToken = (): string => {
    const start = index;
    while (index < length && !/[\s,=]/.test(header[index] ?? '')) index += 1;
    return header.slice(start, index);
  };
  const readQuoted = (): string => {
    index += 1; // opening quote
    let value = '';
    while (index < length && header[index] !== '"') {
      if (header[index] === '\\' && index + 1 < length) index += 1;
      value += header[index];
      index += 1;
    }
    index += 1; // closing quote
    return value;
  };

  let current: AuthChallenge | undefined;
  // Right after a scheme, a bare token is its token68 (`Negotiate abc`), not a new challenge.
  let afterScheme = false;
  while (index < length) {
    skipSpaces();
    if (index >= length) break;
    if (header[index] === ',') {
      index += 1;
      afterScheme = false;
      continue;
    }
    const token = readToken();
    if (token === '') {
      index += 1; // a stray character
      continue;
    }
    skipSpaces();
    if (header[index] === '=') {
      index += 1;
      if (index >= length || header[index] === '=' || header[index] === ',') {
        // token68 padding (`Basic dXNlcg==`): part of the challenge, not a parameter.
        while (index < length && header[index] === '=') index += 1;
        afterScheme = false;
        continue;
      }
      skipSpaces();
      const value = header[index] === '"' ? readQuoted() : readToken();
      if (current !== undefined) current.params[token.toLowerCase()] = value;
      afterScheme = false;
      continue;
    }
    if (afterScheme) {
      afterScheme = false; // the token68 of the current challenge (not used by registries)
      continue;
    }
    current = {scheme: token.toLowerCase(), params: {}};
    challenges.push(current);
    afterScheme = true;
  }
  return challenges;
}

/**
 * The `rel="next"` target of a `Link` header (`</v2/team/api/tags/list?last=b&n=2>; rel="next"`), resolved against
 * the URL of the page that carried it; undefined on the last page.
 */
export function nextPageUrl(link: string | null | undefined, current: URL | string): URL | undefined {
  if (link === null || link === undefined || link.trim() === '') return undefined;
  const pattern = /<([^>]*)>\s*((?:;\s*[^;,]+)*)/g;
  for (const match of link.matchAll(pattern)) {
    const target = match[1] ?? '';
    const params = match[2] ?? '';
    const rel = /;\s*rel\s*=\s*"?([^";,]+)"?/i.exec(params)?.[1];
    if (rel !== undefined && rel.split(/\s+/).some((value) => value.toLowerCase() === 'next')) {
      try {
        return new URL(target, current);
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

const collator = new Intl.Collator('en', {numeric: true, sensitivity: 'base'});

/** Natural order, numbers by value: `1.9` < `1.10` < `1.27` < `latest`. */
export function compareTagsNaturally(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}
