import {describe, expect, test} from 'vitest';
import {
  compareTagsNaturally,
  DOCKER_HUB_API_HOST,
  isLoopbackHost,
  nextPageUrl,
  parseWwwAuthenticate,
  registryEndpoint,
} from '../../../source/adapters/registry/protocol.js';

describe('parseWwwAuthenticate', () => {
  test("Docker Hub's bearer challenge", () => {
    expect(parseWwwAuthenticate('Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/nginx:pull"')).toEqual([
      {scheme: 'bearer', params: {realm: 'https://auth.docker.io/token', service: 'registry.docker.io', scope: 'repository:library/nginx:pull'}},
    ]);
  });

  test('an error parameter, spaces after commas, upper-case names, quoted commas and escapes', () => {
    expect(
      parseWwwAuthenticate('BEARER Realm="http://127.0.0.1:1/token", Service="reg", scope="repository:a/b:pull,push", error="insufficient_scope"'),
    ).toEqual([
      {scheme: 'bearer', params: {realm: 'http://127.0.0.1:1/token', service: 'reg', scope: 'repository:a/b:pull,push', error: 'insufficient_scope'}},
    ]);
    expect(parseWwwAuthenticate('Basic realm="say \\"hi\\""')).toEqual([{scheme: 'basic', params: {realm: 'say "hi"'}}]);
  });

  test('unquoted values and several challenges in one header', () => {
    expect(parseWwwAuthenticate('Basic realm=registry, Bearer realm="https://r/t",service=s')).toEqual([
      {scheme: 'basic', params: {realm: 'registry'}},
      {scheme: 'bearer', params: {realm: 'https://r/t', service: 's'}},
    ]);
  });

  test('token68 and bare schemes do not become challenges of their own', () => {
    expect(parseWwwAuthenticate('Negotiate abc==, Basic realm="x"')).toEqual([
      {scheme: 'negotiate', params: {}},
      {scheme: 'basic', params: {realm: 'x'}},
    ]);
    expect(parseWwwAuthenticate('Negotiate, Basic')).toEqual([
      {scheme: 'negotiate', params: {}},
      {scheme: 'basic', params: {}},
    ]);
  });

  test('nothing or garbage: no challenges, no exception', () => {
    expect(parseWwwAuthenticate(null)).toEqual([]);
    expect(parseWwwAuthenticate('')).toEqual([]);
    expect(parseWwwAuthenticate(' , ,')).toEqual([]);
    expect(() => parseWwwAuthenticate('Bearer realm="unterminated')).not.toThrow();
    expect(parseWwwAuthenticate('Bearer realm="unterminated')).toEqual([{scheme: 'bearer', params: {realm: 'unterminated'}}]);
  });
});

describe('registryEndpoint: Docker Hub host mapping', () => {
  test.each([
    ['registry.hub.docker.com', 'library/nginx'],
    ['docker.io', 'nginx'],
    ['', 'nginx'],
    ['index.docker.io', 'nginx'],
    ['Registry-1.Docker.io', 'nginx'],
  ])('%j + %s → registry-1.docker.io/library/nginx', (host, image) => {
    expect(registryEndpoint({host, image})).toEqual({host: DOCKER_HUB_API_HOST, repository: 'library/nginx', dockerHub: true});
  });

  test('organisation images keep their path; other registries are left alone', () => {
    expect(registryEndpoint({host: '', image: 'bitnami/redis'})).toEqual({host: 'registry-1.docker.io', repository: 'bitnami/redis', dockerHub: true});
    expect(registryEndpoint({host: 'localhost:5000', image: 'api'})).toEqual({host: 'localhost:5000', repository: 'api', dockerHub: false});
    expect(registryEndpoint({host: 'ghcr.io', image: 'org/tool'})).toEqual({host: 'ghcr.io', repository: 'org/tool', dockerHub: false});
  });
});

describe('nextPageUrl: Link header paging', () => {
  const current = new URL('https://reg.example/v2/team/api/tags/list?n=2');

  test('a relative next link resolves against the current page', () => {
    expect(nextPageUrl('</v2/team/api/tags/list?last=b&n=2>; rel="next"', current)?.href).toBe('https://reg.example/v2/team/api/tags/list?last=b&n=2');
  });

  test('absolute links, unquoted rel, several links', () => {
    expect(nextPageUrl('<https://other.example/v2/x?last=1>; rel=next', current)?.href).toBe('https://other.example/v2/x?last=1');
    expect(nextPageUrl('</first>; rel="first", </v2/team/api/tags/list?last=d&n=2>; rel="next"', current)?.pathname).toBe('/v2/team/api/tags/list');
    expect(nextPageUrl('</p>; title="x"; rel="prefetch next"', current)?.pathname).toBe('/p');
  });

  test('no next link: the last page', () => {
    expect(nextPageUrl(null, current)).toBeUndefined();
    expect(nextPageUrl('', current)).toBeUndefined();
    expect(nextPageUrl('</v2/x>; rel="prev"', current)).toBeUndefined();
    expect(nextPageUrl('garbage', current)).toBeUndefined();
  });
});

test('compareTagsNaturally orders numbers by value', () => {
  expect(['latest', '1.10', '1.9', '1.27.0', 'v2', 'v10', '1.2'].sort(compareTagsNaturally)).toEqual(['1.2', '1.9', '1.10', '1.27.0', 'latest', 'v2', 'v10']);
});

test('isLoopbackHost', () => {
  for (const host of ['localhost', 'localhost:5000', '127.0.0.1', '127.0.0.1:40123', '127.1.2.3:1', '[::1]:5000', 'registry.localhost']) {
    expect(isLoopbackHost(host), host).toBe(true);
  }
  for (const host of ['registry-1.docker.io', '10.0.0.1:5000', 'localhost.example.com', '128.0.0.1', '[::2]:5000']) {
    expect(isLoopbackHost(host), host).toBe(false);
  }
});
