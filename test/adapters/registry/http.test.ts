import {describe, expect, test} from 'vitest';
import {createHttpRegistryPort, type FetchFunction} from '../../../source/adapters/registry/http.js';
import {createRegistryPort} from '../../../source/adapters/registry/index.js';
import {MANIFEST_MEDIA_TYPES} from '../../../source/adapters/registry/protocol.js';
import type {ArtifactSource} from '../../../source/domain/model.js';
import {RegistryError} from '../../../source/ports/registry.js';

/** The HTTP client with a scripted fetch: the URLs and headers it sends, and how it reads what comes back. */
interface Sent {
  url: string;
  method: string;
  authorization?: string;
  accept?: string;
}

function scripted(answer: (request: Sent) => Response): {fetch: FetchFunction; sent: Sent[]} {
  const sent: Sent[] = [];
  return {
    sent,
    fetch: async (input, init) => {
      const headers = new Headers(init?.headers);
      const request: Sent = {url: String(input), method: init?.method ?? 'GET'};
      const authorization = headers.get('authorization');
      if (authorization !== null) request.authorization = authorization;
      const accept = headers.get('accept');
      if (accept !== null) request.accept = accept;
      sent.push(request);
      return answer(request);
    },
  };
}

const json = (body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), {status: 200, headers: {'content-type': 'application/json', ...headers}});
const status = (code: number, headers: Record<string, string> = {}): Response => new Response(null, {status: code, headers});

const HUB_CHALLENGE = 'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/nginx:pull"';
const hub: ArtifactSource = {registry: 'dockerhub', host: 'registry.hub.docker.com', image: 'nginx'};

describe('Docker Hub through the bearer flow', () => {
  const hubFetch = () =>
    scripted((request) => {
      if (request.url.startsWith('https://auth.docker.io/token')) return json({token: 'T0K3N'});
      if (request.authorization !== 'Bearer T0K3N') return status(401, {'www-authenticate': HUB_CHALLENGE});
      if (request.url.includes('/tags/list')) return json({name: 'library/nginx', tags: ['stable-perl', '1.27', '1.9', 'latest']});
      if (request.url.endsWith('/manifests/stable-perl')) return status(200, {'docker-content-digest': 'sha256:abc'});
      return status(404);
    });

  test('registry.hub.docker.com/nginx → registry-1.docker.io/v2/library/nginx; anonymous token with service and scope; retry', async () => {
    const {fetch, sent} = hubFetch();
    const port = createHttpRegistryPort({fetch});
    expect(await port.listTags(hub)).toEqual({tags: ['1.9', '1.27', 'latest', 'stable-perl'].map((tag) => ({tag})), newestFirst: false});
    expect(sent.map((request) => [request.url, request.authorization])).toEqual([
      ['https://registry-1.docker.io/v2/library/nginx/tags/list?n=100', undefined],
      ['https://auth.docker.io/token?service=registry.docker.io&scope=repository%3Alibrary%2Fnginx%3Apull', undefined],
      ['https://registry-1.docker.io/v2/library/nginx/tags/list?n=100', 'Bearer T0K3N'],
    ]);
  });

  test('tagExists: HEAD of the manifest accepting OCI and Docker manifests and indexes', async () => {
    const {fetch, sent} = hubFetch();
    const port = createHttpRegistryPort({fetch});
    expect(await port.tagExists(hub, 'stable-perl')).toEqual({status: 'exists', digest: 'sha256:abc'});
    expect(await port.tagExists(hub, 'nope')).toEqual({status: 'missing'});
    const head = sent.find((request) => request.method === 'HEAD');
    expect(head?.url).toBe('https://registry-1.docker.io/v2/library/nginx/manifests/stable-perl');
    for (const mediaType of MANIFEST_MEDIA_TYPES) expect(head?.accept).toContain(mediaType);
  });

  test('with a password, basic credentials go to the realm (only there), never to the registry', async () => {
    const {fetch, sent} = hubFetch();
    const port = createHttpRegistryPort({fetch});
    await port.listTags({...hub, username: 'me'}, {password: 'pat-123'});
    const basic = `Basic ${Buffer.from('me:pat-123').toString('base64')}`;
    expect(sent.filter((request) => request.authorization === basic).map((request) => new URL(request.url).host)).toEqual(['auth.docker.io']);
  });

  test('a private or missing Docker Hub repository (401 insufficient_scope after the token): auth-required', async () => {
    const {fetch} = scripted((request) => {
      if (request.url.startsWith('https://auth.docker.io/token')) return json({access_token: 'anon'});
      return status(401, {'www-authenticate': `${HUB_CHALLENGE},error="insufficient_scope"`});
    });
    const port = createHttpRegistryPort({fetch});
    const check = await port.tagExists({...hub, image: 'me/secret'}, '1.0');
    expect(check).toEqual({
      status: 'unknown',
      kind: 'auth-required',
      reason: 'me/secret on registry-1.docker.io: the repository does not exist or is private (credentials needed)',
    });
    const withPassword = await port.tagExists({...hub, image: 'me/secret', username: 'me'}, '1.0', {password: 'x'});
    expect(withPassword).toMatchObject({status: 'unknown', kind: 'access-denied', reason: expect.stringContaining('insufficient_scope')});
  });
});

describe('safety and failures', () => {
  const registry: ArtifactSource = {registry: 'registry', host: 'reg.example', image: 'team/api', username: 'ci'};

  test('a password is never sent to a plain-http realm on another host', async () => {
    const {fetch, sent} = scripted((request) => {
      if (request.url.startsWith('http://auth.example')) return json({token: 't'});
      return status(401, {'www-authenticate': 'Bearer realm="http://auth.example/token",service="reg"'});
    });
    const port = createHttpRegistryPort({fetch});
    expect(await port.tagExists(registry, '1.0', {password: 'secret'})).toMatchObject({
      status: 'unknown',
      kind: 'other',
      reason: expect.stringContaining('plain http'),
    });
    expect(sent.some((request) => request.url.startsWith('http://auth.example'))).toBe(false);
  });

  test('Link headers to another host are not followed', async () => {
    const {fetch, sent} = scripted(() => json({name: 'team/api', tags: ['a']}, {link: '<https://evil.example/v2/team/api/tags/list?last=a>; rel="next"'}));
    const port = createHttpRegistryPort({fetch});
    expect((await port.listTags(registry)).tags).toEqual([{tag: 'a'}]);
    expect(sent).toHaveLength(1);
  });

  test('a redirect to another host drops the Authorization header; one within the registry keeps it', async () => {
    const {fetch, sent} = scripted((request) => {
      if (request.url === 'https://reg.example/v2/team/api/tags/list?n=100') {
        return request.authorization === undefined ? status(401, {'www-authenticate': 'Basic realm="reg"'}) : status(307, {location: '/v2/moved/tags/list'});
      }
      if (request.url === 'https://reg.example/v2/moved/tags/list') return status(302, {location: 'https://cdn.example/tags.json'});
      return json({name: 'team/api', tags: ['x']});
    });
    const port = createHttpRegistryPort({fetch});
    expect((await port.listTags(registry, {password: 'pw'})).tags).toEqual([{tag: 'x'}]);
    expect(sent.map((request) => [new URL(request.url).host, request.authorization !== undefined])).toEqual([
      ['reg.example', false],
      ['reg.example', true],
      ['reg.example', true],
      ['cdn.example', false],
    ]);
  });

  test('a basic challenge without a password: auth-required with a hint; an unknown scheme is named', async () => {
    const basic = createHttpRegistryPort({fetch: scripted(() => status(401, {'www-authenticate': 'Basic realm="reg"'})).fetch});
    const error = await basic.listTags(registry).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RegistryError);
    expect(error).toMatchObject({kind: 'auth-required', hint: expect.stringContaining('password')});
    const odd = createHttpRegistryPort({fetch: scripted(() => status(401, {'www-authenticate': 'Digest realm="x"'})).fetch});
    expect(await odd.tagExists(registry, '1')).toMatchObject({
      status: 'unknown',
      kind: 'auth-required',
      reason: expect.stringContaining('unsupported authentication (digest)'),
    });
  });

  test('429 → throttled, 500 → other, 403 → access-denied with a password; empty tag lists are fine', async () => {
    const answering = (code: number) => createHttpRegistryPort({fetch: scripted(() => status(code)).fetch});
    expect(await answering(429).tagExists(registry, '1')).toMatchObject({status: 'unknown', kind: 'throttled'});
    expect(await answering(500).tagExists(registry, '1')).toMatchObject({status: 'unknown', kind: 'other', reason: expect.stringContaining('HTTP 500')});
    expect(await answering(403).tagExists(registry, '1', {password: 'pw'})).toMatchObject({status: 'unknown', kind: 'access-denied'});
    const empty = createHttpRegistryPort({fetch: scripted(() => json({name: 'team/api', tags: null})).fetch});
    expect(await empty.listTags(registry)).toEqual({tags: [], newestFirst: false});
  });

  test('plain http only for loopback hosts (or as configured)', async () => {
    const {fetch, sent} = scripted(() => json({tags: []}));
    await createHttpRegistryPort({fetch}).listTags({registry: 'registry', host: 'localhost:5000', image: 'a'});
    await createHttpRegistryPort({fetch}).listTags({registry: 'registry', host: 'reg.example:5000', image: 'a'});
    await createHttpRegistryPort({fetch, plainHttp: (host) => host === 'lab:5000'}).listTags({registry: 'registry', host: 'lab:5000', image: 'a'});
    expect(sent.map((request) => request.url)).toEqual([
      'http://localhost:5000/v2/a/tags/list?n=100',
      'https://reg.example:5000/v2/a/tags/list?n=100',
      'http://lab:5000/v2/a/tags/list?n=100',
    ]);
  });
});

describe('createRegistryPort', () => {
  test('ECR artifacts go to the AWS factory; others never touch AWS', async () => {
    let asked = 0;
    const {fetch} = scripted(() => json({tags: ['1']}));
    const port = createRegistryPort({
      fetch,
      aws: () => {
        asked += 1;
        throw new Error('no AWS here');
      },
    });
    expect((await port.listTags({registry: 'registry', host: 'localhost:5000', image: 'a'})).tags).toEqual([{tag: '1'}]);
    expect(asked).toBe(0);
    const check = await port.tagExists({registry: 'ecr', host: '123456789012.dkr.ecr.eu-west-1.amazonaws.com', image: 'api'}, '1');
    expect(check).toEqual({status: 'unknown', kind: 'other', reason: 'no AWS here'});
    expect(asked).toBe(1);
  });
});
