/**
 * The digest, date and platforms of a tag in a Docker Registry HTTP API v2 registry, from its manifest:
 *
 * - `GET /v2/<name>/manifests/<tag>` accepting OCI index / Docker manifest list / OCI and Docker manifests: the
 *   digest is `Docker-Content-Digest` (else the SHA-256 of the bytes answered, which is what a digest is);
 * - an index / manifest list: the platforms are its `manifests[].platform` (attestations left out); the date is
 *   the `created` of the first platform's image config;
 * - a single manifest: `GET /v2/<name>/blobs/<config digest>` — the image config's `os`/`architecture`/`variant`
 *   and `created`; a schema 1 manifest carries them itself (`architecture`, `history[0].v1Compatibility`).
 *
 * What a manifest or config says is cached by digest for the program's run (content-addressed: it never changes);
 * tags by name, for the run too (a picker's page is not read twice). Every request goes through the session
 * (bounded waits, auth) of http.ts.
 */
import {createHash} from 'node:crypto';
import {isJsonObject, type JsonObject} from '../../domain/json.js';
import {formatPlatform, indexPlatforms} from '../../domain/platforms.js';
import {RegistryError, type RegistryTag} from '../../ports/registry.js';
import {MANIFEST_MEDIA_TYPES} from './protocol.js';

/** What tag-details needs of http.ts's Session. */
export interface ManifestSession {
  readonly baseUrl: string;
  readonly endpoint: {host: string; repository: string};
  request(url: URL, method: 'GET' | 'HEAD', accept?: string): Promise<Response>;
  bytes(response: Response, what: string): Promise<Buffer>;
  failure(response: Response, action: string): RegistryError;
}

/** What an image (by manifest digest) says of itself. */
interface ImageFacts {
  created?: string;
  platforms?: string[];
}

/** Caches for one program run (per port). */
export interface DetailCache {
  /** `host/repository@digest` → facts. */
  images: Map<string, Promise<ImageFacts>>;
  /** `host/repository:tag` → the tag's details (undefined: the registry does not have it). */
  tags: Map<string, Promise<RegistryTag | undefined>>;
}

export const newDetailCache = (): DetailCache => ({images: new Map(), tags: new Map()});

/** An ISO-8601 date, or undefined for what is not a date or says nothing (reproducible builds write the epoch or year 1). */
export function isoDate(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const time = Date.parse(value);
  if (Number.isNaN(time) || time <= 0) return undefined;
  return new Date(time).toISOString();
}

const sha256 = (bytes: Buffer): string => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

function parseJson(bytes: Buffer, host: string, what: string): JsonObject {
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new RegistryError(`${host}: the ${what} is not JSON`, 'other', {cause: error});
  }
  if (!isJsonObject(parsed)) throw new RegistryError(`${host}: the ${what} is not a JSON object`, 'other');
  return parsed;
}

/** GET a manifest by tag or digest: undefined when the registry does not have it. */
async function manifest(session: ManifestSession, reference: string): Promise<{digest: string; body: JsonObject} | undefined> {
  const url = new URL(`${session.baseUrl}/v2/${session.endpoint.repository}/manifests/${reference}`);
  const response = await session.request(url, 'GET', MANIFEST_MEDIA_TYPES.join(', '));
  if (response.status === 404) {
    await response.body?.cancel().catch(() => undefined);
    return undefined;
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw session.failure(response, 'read manifests');
  }
  const bytes = await session.bytes(response, 'manifest');
  const header = response.headers.get('docker-content-digest');
  return {digest: header !== null && header !== '' ? header : sha256(bytes), body: parseJson(bytes, session.endpoint.host, `manifest of ${reference}`)};
}

async function configBlob(session: ManifestSession, digest: string): Promise<JsonObject> {
  const url = new URL(`${session.baseUrl}/v2/${session.endpoint.repository}/blobs/${digest}`);
  const response = await session.request(url, 'GET');
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    if (response.status === 404)
      throw new RegistryError(
        `${session.endpoint.repository} on ${session.endpoint.host}: the image config ${digest.slice(0, 19)}… is missing (HTTP 404)`,
        'not-found',
      );
    throw session.failure(response, 'read the image config');
  }
  return parseJson(await session.bytes(response, 'image config'), session.endpoint.host, `image config ${digest.slice(0, 19)}`);
}

/** What a schema 1 manifest says of its image (the newest history entry). */
function schema1Facts(body: JsonObject): ImageFacts {
  const history = Array.isArray(body['history']) ? body['history'].filter(isJsonObject) : [];
  let created: string | undefined;
  let os: unknown = 'linux';
  const compatibility = history[0]?.['v1Compatibility'];
  if (typeof compatibility === 'string') {
    try {
      const parsed: unknown = JSON.parse(compatibility);
      if (isJsonObject(parsed)) {
        created = isoDate(parsed['created']);
        os = parsed['os'] ?? os;
      }
    } catch {
      // no date then
    }
  }
  const platform = formatPlatform({os, architecture: body['architecture']});
  return {...(created === undefined ? {} : {created}), ...(platform === undefined ? {} : {platforms: [platform]})};
}

/** The facts of the image whose manifest this is (reading its config, or for an index its first platform's). */
async function imageFacts(session: ManifestSession, cache: DetailCache, digest: string, body: JsonObject): Promise<ImageFacts> {
  const key = `${session.endpoint.host}/${session.endpoint.repository}@${digest}`;
  let facts = cache.images.get(key);
  if (facts === undefined) {
    facts = readFacts(session, cache, body);
    cache.images.set(key, facts);
    facts.catch(() => cache.images.get(key) === facts && cache.images.delete(key));
  }
  return facts;
}

async function readFacts(session: ManifestSession, cache: DetailCache, body: JsonObject): Promise<ImageFacts> {
  if (Array.isArray(body['manifests'])) {
    const platforms = indexPlatforms(body);
    const first = body['manifests'].filter(isJsonObject).find((entry) => isJsonObject(entry['platform']) && formatPlatform(entry['platform']) !== undefined);
    const childDigest = typeof first?.['digest'] === 'string' ? first['digest'] : undefined;
    let created: string | undefined;
    if (childDigest !== undefined) {
      const child = await manifest(session, childDigest);
      if (child !== undefined && !Array.isArray(child.body['manifests'])) created = (await imageFacts(session, cache, child.digest, child.body)).created;
    }
    return {platforms, ...(created === undefined ? {} : {created})};
  }
  if (body['schemaVersion'] === 1) return schema1Facts(body);
  const config = isJsonObject(body['config']) ? body['config'] : undefined;
  const configDigest = typeof config?.['digest'] === 'string' ? config['digest'] : undefined;
  if (configDigest === undefined) return {};
  const blob = await configBlob(session, configDigest);
  const platform = formatPlatform(blob);
  const created = isoDate(blob['created']);
  return {...(created === undefined ? {} : {created}), ...(platform === undefined ? {} : {platforms: [platform]})};
}

/** One tag's details (cached for the run); undefined when the registry does not have the tag. */
export function describeTag(session: ManifestSession, cache: DetailCache, tag: string): Promise<RegistryTag | undefined> {
  const key = `${session.endpoint.host}/${session.endpoint.repository}:${tag}`;
  let found = cache.tags.get(key);
  if (found === undefined) {
    found = (async () => {
      const read = await manifest(session, tag);
      if (read === undefined) return undefined;
      const facts = await imageFacts(session, cache, read.digest, read.body);
      const details: RegistryTag = {tag, digest: read.digest};
      if (facts.created !== undefined) details.pushedAt = facts.created;
      if (facts.platforms !== undefined) details.platforms = facts.platforms;
      return details;
    })();
    cache.tags.set(key, found);
    found.catch(() => cache.tags.get(key) === found && cache.tags.delete(key));
  }
  return found;
}

/** Runs `work` over `items` with at most `width` at a time, keeping the order of `items` in the result. */
export async function inPool<T, R>(items: readonly T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({length: Math.min(width, items.length)}, worker));
  return results;
}
