/**
 * Docker Hub's own tag API (not the registry's v2 API): it lists a repository's tags newest first with their date,
 * digest and platforms in one call per page, and reading it counts against no pull limit.
 *
 *   GET {hub}/v2/namespaces/{namespace}/repositories/{repository}/tags?page_size=N&ordering=last_updated
 *     → {count, next, previous, results: [{name, last_updated, digest, media_type, images: [{architecture, os, variant, digest, …}]}]}
 *   GET {hub}/v2/namespaces/{namespace}/repositories/{repository}/tags/{tag} → one result
 *
 * `{hub}` is https://hub.docker.com, or ECS_WIZARD_DOCKERHUB_URL (tests serve a recorded answer on loopback).
 * The requests go through http.ts's session (bounded waits, the slow notice); pure parsing is exported for tests.
 */
import {isJsonObject, type JsonObject} from '../../domain/json.js';
import {formatPlatform} from '../../domain/platforms.js';
import {RegistryError, type RegistryTag} from '../../ports/registry.js';
import {isoDate, type ManifestSession} from './tag-details.js';

export const DOCKER_HUB_URL = 'https://hub.docker.com';

const MAX_PAGES = 200;

/** One result of the tag API as a RegistryTag (undefined when it names no tag). */
export function hubTagOf(result: JsonObject): RegistryTag | undefined {
  const name = result['name'];
  if (typeof name !== 'string' || name === '') return undefined;
  const tag: RegistryTag = {tag: name};
  const date = isoDate(result['last_updated']) ?? isoDate(result['tag_last_pushed']);
  if (date !== undefined) tag.pushedAt = date;
  if (typeof result['digest'] === 'string' && result['digest'] !== '') tag.digest = result['digest'];
  const images = Array.isArray(result['images']) ? result['images'].filter(isJsonObject) : [];
  const platforms: string[] = [];
  for (const image of images) {
    const platform = formatPlatform(image);
    if (platform !== undefined && !platforms.includes(platform)) platforms.push(platform);
  }
  if (images.length > 0) tag.platforms = platforms;
  // An old single-image tag without a top-level digest: its one image's digest is the manifest's.
  if (tag.digest === undefined && images.length === 1 && typeof images[0]!['digest'] === 'string') tag.digest = images[0]!['digest'];
  return tag;
}

function namespaceAndName(repository: string): [string, string] {
  const slash = repository.indexOf('/');
  return slash === -1 ? ['library', repository] : [repository.slice(0, slash), repository.slice(slash + 1)];
}

async function page(session: ManifestSession, url: URL): Promise<JsonObject> {
  const response = await session.request(url, 'GET', 'application/json');
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    if (response.status === 404) throw new RegistryError(`${session.endpoint.repository} on Docker Hub: no such repository (or it is private)`, 'not-found');
    throw session.failure(response, 'list tags');
  }
  const bytes = await session.bytes(response, 'tag list');
  let body: unknown;
  try {
    body = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new RegistryError(`${url.host}: the tag list is not JSON`, 'other', {cause: error});
  }
  if (!isJsonObject(body)) throw new RegistryError(`${url.host}: the tag list is not a JSON object`, 'other');
  return body;
}

/** The newest `limit` tags (all when undefined), newest first as Docker Hub orders them. */
export async function hubTags(session: ManifestSession, limit?: number): Promise<RegistryTag[]> {
  const [namespace, name] = namespaceAndName(session.endpoint.repository);
  const size = Math.max(1, Math.min(100, limit ?? 100));
  let url: URL | undefined = new URL(
    `${session.baseUrl}/v2/namespaces/${encodeURIComponent(namespace)}/repositories/${encodeURIComponent(name)}/tags?page_size=${size}&ordering=last_updated`,
  );
  const origin = url.origin;
  const tags: RegistryTag[] = [];
  const seen = new Set<string>();
  for (let pages = 0; url !== undefined && pages < MAX_PAGES; pages += 1) {
    if (seen.has(url.href)) break;
    seen.add(url.href);
    const body = await page(session, url);
    const results = Array.isArray(body['results']) ? body['results'].filter(isJsonObject) : [];
    for (const result of results) {
      const tag = hubTagOf(result);
      if (tag !== undefined && !tags.some((known) => known.tag === tag.tag)) tags.push(tag);
    }
    if (limit !== undefined && tags.length >= limit) break;
    let next: URL | undefined;
    try {
      next = typeof body['next'] === 'string' && body['next'] !== '' ? new URL(body['next'], url) : undefined;
    } catch {
      next = undefined;
    }
    // Never follow a `next` to another host.
    url = next !== undefined && next.origin === origin ? next : undefined;
  }
  return limit === undefined ? tags : tags.slice(0, limit);
}

/** One tag's details; undefined when Docker Hub does not have it. */
export async function hubTag(session: ManifestSession, tag: string): Promise<RegistryTag | undefined> {
  const [namespace, name] = namespaceAndName(session.endpoint.repository);
  const url = new URL(
    `${session.baseUrl}/v2/namespaces/${encodeURIComponent(namespace)}/repositories/${encodeURIComponent(name)}/tags/${encodeURIComponent(tag)}`,
  );
  const response = await session.request(url, 'GET', 'application/json');
  if (response.status === 404) {
    await response.body?.cancel().catch(() => undefined);
    return undefined;
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw session.failure(response, 'read tags');
  }
  const bytes = await session.bytes(response, 'tag');
  let body: unknown;
  try {
    body = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new RegistryError(`${url.host}: the tag is not JSON`, 'other', {cause: error});
  }
  return isJsonObject(body) ? hubTagOf(body) : undefined;
}
