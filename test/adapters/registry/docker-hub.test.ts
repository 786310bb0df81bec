import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {hubTagOf} from '../../../source/adapters/registry/docker-hub.js';
import {createHttpRegistryPort} from '../../../source/adapters/registry/http.js';
import type {ArtifactSource} from '../../../source/domain/model.js';
import {startDockerHub, type HubServer} from '../../helpers/docker-hub.js';

/** Docker Hub's tag API (dates, digests, platforms), served from the fixture on loopback. */
const edgeProxy: ArtifactSource = {registry: 'dockerhub', host: 'registry.hub.docker.com', image: 'acme/edge-proxy'};

describe("Docker Hub's tag API on loopback", () => {
  let hub: HubServer;
  beforeAll(async () => {
    hub = await startDockerHub();
  });
  afterAll(async () => {
    await hub.stop();
  });

  test('datedTags: newest first across both pages, attestations are not platforms, a moving name shows its digest now', async () => {
    const port = createHttpRegistryPort({dockerHubUrl: hub.url, plainHttp: () => true});
    const result = await port.datedTags(edgeProxy);
    expect(result.newestFirst).toBe(true);
    expect(result.tags.map((tag) => [tag.tag, tag.pushedAt, tag.platforms])).toEqual([
      ['latest', '2026-11-20T09:14:03.441Z', ['linux/amd64', 'linux/arm64/v8']],
      ['2.4.1', '2026-11-20T09:13:58.112Z', ['linux/amd64', 'linux/arm64/v8']],
      ['2.4.1-arm64', '2026-11-19T17:02:44.907Z', ['linux/arm64/v8']],
      ['2.3.0', '2026-08-02T11:40:17.230Z', ['linux/amd64']],
      ['2.2.0', '2025-12-14T08:05:51.000Z', ['linux/amd64']],
    ]);
    // `latest` is the same index as 2.4.1.
    expect(result.tags[0]!.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(result.tags[0]!.digest).toBe(result.tags[1]!.digest);
    // 2.2.0 has no top-level digest (an older answer): its one image's digest is the manifest's.
    expect(result.tags[4]!.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(hub.requests).toEqual([
      '/v2/namespaces/acme/repositories/edge-proxy/tags?page_size=100&ordering=last_updated',
      '/v2/namespaces/acme/repositories/edge-proxy/tags?ordering=last_updated&page=2&page_size=3',
    ]);
  });

  test('datedTags with a limit reads no further page than needed', async () => {
    hub.requests.length = 0;
    const port = createHttpRegistryPort({dockerHubUrl: hub.url, plainHttp: () => true});
    const result = await port.datedTags(edgeProxy, {limit: 2});
    expect(result.tags.map((tag) => tag.tag)).toEqual(['latest', '2.4.1']);
    expect(hub.requests).toEqual(['/v2/namespaces/acme/repositories/edge-proxy/tags?page_size=2&ordering=last_updated']);
  });

  test('describeTags reads each tag; a tag Docker Hub does not have is left out', async () => {
    hub.requests.length = 0;
    const port = createHttpRegistryPort({dockerHubUrl: hub.url, plainHttp: () => true});
    const found = await port.describeTags(edgeProxy, ['2.4.1-arm64', 'nope']);
    expect(found.map((tag) => [tag.tag, tag.platforms, tag.pushedAt])).toEqual([['2.4.1-arm64', ['linux/arm64/v8'], '2026-11-19T17:02:44.907Z']]);
    expect(hub.requests).toEqual(['/v2/namespaces/acme/repositories/edge-proxy/tags/2.4.1-arm64', '/v2/namespaces/acme/repositories/edge-proxy/tags/nope']);
  });

  test('a repository Docker Hub does not know: a RegistryError naming it', async () => {
    const port = createHttpRegistryPort({dockerHubUrl: hub.url, plainHttp: () => true});
    await expect(port.datedTags({...edgeProxy, image: 'acme/nothing'})).rejects.toMatchObject({
      name: 'RegistryError',
      kind: 'not-found',
      message: 'acme/nothing on Docker Hub: no such repository (or it is private)',
    });
  });
});

describe('hubTagOf', () => {
  test('no images: platforms not known (not an empty list); dates that say nothing are dropped', () => {
    expect(hubTagOf({name: 'x', last_updated: '0001-01-01T00:00:00Z', images: []})).toEqual({tag: 'x'});
    expect(hubTagOf({name: 'y', last_updated: '2026-01-02T03:04:05Z', digest: 'sha256:ab'})).toEqual({
      tag: 'y',
      pushedAt: '2026-01-02T03:04:05.000Z',
      digest: 'sha256:ab',
    });
    expect(hubTagOf({last_updated: '2026-01-02T03:04:05Z'})).toBeUndefined();
  });
});
