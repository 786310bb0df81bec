import {createServer, type Server, type Socket} from 'node:net';
import {afterAll, beforeAll, beforeEach, describe, expect, test} from 'vitest';
import {createRegistryPort} from '../../source/adapters/registry/index.js';
import {createHttpRegistryPort, type FetchFunction} from '../../source/adapters/registry/http.js';
import type {ArtifactSource} from '../../source/domain/model.js';
import {RegistryError} from '../../source/ports/registry.js';
import {
  createSigningCert,
  pushImage,
  registryTools,
  signRegistryToken,
  startDockerRegistry,
  startPagingProxy,
  startTokenServer,
  type RegistryServer,
  type SigningCert,
  type TokenServer,
} from '../helpers/docker-registry.js';
import {freePort} from '../helpers/moto.js';

/**
 * The HTTP API v2 client against a real docker-registry on loopback: anonymous, htpasswd (basic) and bearer-token
 * registries, paging, manifest HEADs for Docker and OCI manifests, and the failures a caller must survive.
 */
const tools = registryTools();
if (tools.missing !== '' && process.env.CI === 'true') throw new Error(`CI=true but ${tools.missing}`);

/** Skips every test of the enclosing describe with the reason shown, when `reason` is not ''. */
function skipUnless(reason: string): boolean {
  if (reason === '') return false;
  beforeEach((context) => {
    context.skip(reason);
  });
  return true;
}

const artifact = (host: string, image: string, username?: string): ArtifactSource => ({
  registry: 'registry',
  host,
  image,
  ...(username === undefined ? {} : {username}),
});

/** A fetch that records the URLs it was asked for. */
function recordingFetch(): {fetch: FetchFunction; urls: string[]} {
  const urls: string[] = [];
  return {
    urls,
    fetch: (input, init) => {
      urls.push(String(input));
      return fetch(input, init);
    },
  };
}

async function rejection(promise: Promise<unknown>): Promise<RegistryError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(RegistryError);
    return error as RegistryError;
  }
  throw new Error('expected a RegistryError');
}

describe('anonymous registry', () => {
  const skipped = skipUnless(tools.missing);
  let registry: RegistryServer;
  let digests: Record<string, string>;
  const noAws = (): never => {
    throw new Error('no AWS for a v2 registry');
  };

  beforeAll(async () => {
    if (skipped || tools.dockerRegistry === undefined) return;
    registry = await startDockerRegistry(tools.dockerRegistry);
    digests = {
      old: await pushImage(registry.url, 'team/api', ['1.0', '1.2', '1.10', 'latest'], {seed: 'old'}),
      new: await pushImage(registry.url, 'team/api', ['2.0'], {seed: 'new'}),
      oci: await pushImage(registry.url, 'team/oci', ['v1'], {format: 'oci'}),
    };
  });
  afterAll(async () => registry?.stop());

  test('listTags: every tag, natural order, not claimed to be newest first', async () => {
    const port = createRegistryPort({aws: noAws});
    const result = await port.listTags(artifact(registry.host, 'team/api'));
    expect(result).toEqual({tags: ['1.0', '1.2', '1.10', '2.0', 'latest'].map((tag) => ({tag})), newestFirst: false});
  });

  test('listTags asks for pages of n; distribution 2.8 ignores n and answers one page', async () => {
    const recorder = recordingFetch();
    const port = createHttpRegistryPort({fetch: recorder.fetch, pageSize: 2});
    expect((await port.listTags(artifact(registry.host, 'team/api'))).tags).toHaveLength(5);
    expect(recorder.urls).toEqual([`${registry.url}/v2/team/api/tags/list?n=2`]);
  });

  test('listTags follows the Link header page by page (n=2, a distribution-3-style paging front)', async () => {
    const proxy = await startPagingProxy(registry.url);
    try {
      const port = createHttpRegistryPort({pageSize: 2});
      const result = await port.listTags(artifact(proxy.host, 'team/api'));
      expect(result.tags.map((tag) => tag.tag)).toEqual(['1.0', '1.2', '1.10', '2.0', 'latest']);
      expect(proxy.pages).toEqual(['/v2/team/api/tags/list?n=2', '/v2/team/api/tags/list?last=1.10&n=2', '/v2/team/api/tags/list?last=2.0&n=2']);
      // Through the same front, manifests pass through untouched.
      expect(await port.tagExists(artifact(proxy.host, 'team/api'), 'latest')).toEqual({status: 'exists', digest: digests.old});
    } finally {
      await proxy.stop();
    }
  });

  test('tagExists: exists (with the manifest digest), missing, by digest, OCI manifests', async () => {
    const port = createHttpRegistryPort();
    const api = artifact(registry.host, 'team/api');
    expect(await port.tagExists(api, '1.2')).toEqual({status: 'exists', digest: digests.old});
    expect(await port.tagExists(api, '2.0')).toEqual({status: 'exists', digest: digests.new});
    expect(await port.tagExists(api, '9.9')).toEqual({status: 'missing'});
    expect(await port.tagExists(api, digests.new ?? '')).toEqual({status: 'exists', digest: digests.new});
    expect(await port.tagExists(api, `2.0@${digests.new}`)).toEqual({status: 'exists', digest: digests.new});
    expect(await port.tagExists(api, 'not a tag')).toMatchObject({status: 'missing', reason: expect.stringContaining('not a valid tag')});
    // An OCI manifest is found only when the client accepts OCI media types.
    expect(await port.tagExists(artifact(registry.host, 'team/oci'), 'v1')).toEqual({status: 'exists', digest: digests.oci});
  });

  test('anonymousAccess: GET /v2/ without credentials answers 200 → open, saying what was asked and what answered', async () => {
    const port = createRegistryPort({aws: noAws});
    expect(await port.anonymousAccess(artifact(registry.host, 'team/api'))).toEqual({
      status: 'open',
      detail: `${registry.host} answered GET /v2/ without credentials (HTTP 200)`,
    });
  });

  test('a repository that does not exist: listTags says not-found, tagExists says missing', async () => {
    const port = createHttpRegistryPort();
    const error = await rejection(port.listTags(artifact(registry.host, 'team/nothing')));
    expect(error.kind).toBe('not-found');
    expect(error.message).toContain('team/nothing');
    expect(await port.tagExists(artifact(registry.host, 'team/nothing'), '1.0')).toEqual({status: 'missing'});
  });
});

describe('htpasswd (basic auth) registry', () => {
  const skipped = skipUnless(tools.missing || tools.htpasswdMissing);
  let registry: RegistryServer;
  let digest: string;

  beforeAll(async () => {
    if (skipped || tools.dockerRegistry === undefined || tools.htpasswd === undefined) return;
    const {mkdtempSync, writeFileSync, rmSync} = await import('node:fs');
    const {join} = await import('node:path');
    const {tmpdir} = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'ecs-wizard-htpasswd-'));
    const path = join(dir, 'htpasswd');
    writeFileSync(path, `${tools.htpasswd('deployer', 's3cret')}\n`);
    registry = await startDockerRegistry(tools.dockerRegistry, {auth: {htpasswd: {realm: 'test-registry', path}}});
    const stop = registry.stop;
    registry.stop = async () => {
      await stop();
      rmSync(dir, {recursive: true, force: true});
    };
    const basic = `Basic ${Buffer.from('deployer:s3cret').toString('base64')}`;
    digest = await pushImage(registry.url, 'team/private', ['1.0', '1.1'], {authorization: basic});
  });
  afterAll(async () => registry?.stop());

  test('without a password: auth-required (listTags throws, tagExists answers unknown)', async () => {
    const port = createHttpRegistryPort();
    const error = await rejection(port.listTags(artifact(registry.host, 'team/private', 'deployer')));
    expect(error.kind).toBe('auth-required');
    expect(error.message).toMatch(/needs credentials/);
    expect(await port.tagExists(artifact(registry.host, 'team/private'), '1.0', {password: 's3cret'})).toMatchObject({
      status: 'unknown',
      kind: 'auth-required',
    });
  });

  test('anonymousAccess: GET /v2/ answers 401 (Basic) → closed, saying so', async () => {
    const port = createHttpRegistryPort();
    expect(await port.anonymousAccess(artifact(registry.host, 'team/private'))).toEqual({
      status: 'closed',
      reason: `${registry.host} asks for credentials (GET /v2/ answered HTTP 401, basic)`,
    });
  });

  test('a wrong password: access-denied', async () => {
    const port = createHttpRegistryPort();
    const error = await rejection(port.listTags(artifact(registry.host, 'team/private', 'deployer'), {password: 'wrong'}));
    expect(error.kind).toBe('access-denied');
    expect(error.message).toContain('deployer');
    expect(error.message).not.toContain('wrong');
  });

  test('the right password, given per call and not kept', async () => {
    const port = createHttpRegistryPort();
    const private_ = artifact(registry.host, 'team/private', 'deployer');
    expect((await port.listTags(private_, {password: 's3cret'})).tags).toEqual([{tag: '1.0'}, {tag: '1.1'}]);
    expect(await port.tagExists(private_, '1.1', {password: 's3cret'})).toEqual({status: 'exists', digest});
    expect(await port.tagExists(private_, '7.0', {password: 's3cret'})).toEqual({status: 'missing'});
    // The next call without the password is anonymous again.
    expect(await port.tagExists(private_, '1.1')).toMatchObject({status: 'unknown', kind: 'auth-required'});
  });
});

describe('bearer-token registry (our own token service, JWTs signed with a self-signed certificate)', () => {
  const skipped = skipUnless(tools.missing || tools.opensslMissing);
  const service = 'test-registry';
  const issuer = 'ecs-wizard-test-issuer';
  let registry: RegistryServer;
  let tokens: TokenServer;
  let cert: SigningCert;
  const digests: Record<string, string> = {};

  beforeAll(async () => {
    if (skipped || tools.dockerRegistry === undefined || tools.openssl === undefined) return;
    cert = createSigningCert(tools.openssl);
    tokens = await startTokenServer({cert, issuer, service, users: {alice: 'hunter2'}});
    registry = await startDockerRegistry(tools.dockerRegistry, {auth: {token: {realm: tokens.realm, service, issuer, rootcertbundle: cert.certPath}}});
    for (const name of ['team/web', 'private/app']) {
      const token = signRegistryToken(cert, {issuer, service, subject: 'setup', access: [{type: 'repository', name, actions: ['pull', 'push']}]});
      digests[name] = await pushImage(registry.url, name, ['a', 'b', 'c'], {authorization: `Bearer ${token}`, seed: name});
    }
  });
  afterAll(async () => {
    await registry?.stop();
    await tokens?.stop();
    cert?.dispose();
  });
  beforeEach(() => {
    if (tokens !== undefined) tokens.requests.length = 0;
  });

  test('anonymous pull: 401 challenge → token from the realm with service and scope → retry', async () => {
    const recorder = recordingFetch();
    const port = createHttpRegistryPort({fetch: recorder.fetch, pageSize: 2});
    const result = await port.listTags(artifact(registry.host, 'team/web'));
    expect(result.tags.map((tag) => tag.tag)).toEqual(['a', 'b', 'c']);
    // One token for the whole call (both pages).
    expect(tokens.requests).toEqual([{service, scopes: ['repository:team/web:pull'], user: undefined, status: 200}]);
    expect(recorder.urls.filter((url) => url.startsWith(tokens.realm))).toHaveLength(1);
    expect(await port.tagExists(artifact(registry.host, 'team/web'), 'b')).toEqual({status: 'exists', digest: digests['team/web']});
    expect(await port.tagExists(artifact(registry.host, 'team/web'), 'z')).toEqual({status: 'missing'});
  });

  test('a private repository: anonymous → auth-required; basic credentials go to the realm → token → tags', async () => {
    const port = createHttpRegistryPort();
    const anonymous = await rejection(port.listTags(artifact(registry.host, 'private/app')));
    expect(anonymous.kind).toBe('auth-required');

    const alice = artifact(registry.host, 'private/app', 'alice');
    expect((await port.listTags(alice, {password: 'hunter2'})).tags).toEqual([{tag: 'a'}, {tag: 'b'}, {tag: 'c'}]);
    expect(await port.tagExists(alice, 'c', {password: 'hunter2'})).toEqual({status: 'exists', digest: digests['private/app']});
    expect(tokens.requests.filter((request) => request.user === 'alice')).toHaveLength(2);
  });

  test('anonymousAccess: a public repository behind a token service is open (an anonymous token lists it); a private one is closed', async () => {
    const port = createHttpRegistryPort();
    expect(await port.anonymousAccess(artifact(registry.host, 'team/web'))).toEqual({
      status: 'open',
      detail: `${registry.host} lists team/web with an anonymous token (GET /v2/ answered 401, bearer)`,
    });
    expect(await port.anonymousAccess(artifact(registry.host, 'private/app'))).toEqual({
      status: 'closed',
      reason: `${registry.host} asks for credentials (GET /v2/ answered HTTP 401, bearer)`,
    });
  });

  test('a wrong password: the realm refuses it → access-denied, never thrown by tagExists', async () => {
    const port = createHttpRegistryPort();
    const alice = artifact(registry.host, 'private/app', 'alice');
    const error = await rejection(port.listTags(alice, {password: 'nope'}));
    expect(error.kind).toBe('access-denied');
    expect(error.message).toContain('alice');
    expect(await port.tagExists(alice, 'a', {password: 'nope'})).toMatchObject({status: 'unknown', kind: 'access-denied'});
  });
});

describe('registries that cannot answer (no docker-registry needed)', () => {
  let silent: Server;
  const sockets: Socket[] = [];
  let silentHost: string;

  beforeAll(async () => {
    // Accepts connections and never answers.
    silent = createServer((socket) => {
      sockets.push(socket);
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', () => resolve()));
    const address = silent.address();
    silentHost = `127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  });

  // At once, without a clock: the message says the connection was refused (a timeout says "no answer … within").
  test('nothing listening: unreachable at once (refused, not waited out)', async () => {
    const port = createHttpRegistryPort();
    const closed = `127.0.0.1:${await freePort()}`;
    const error = await rejection(port.listTags(artifact(closed, 'team/api')));
    expect(error.kind).toBe('unreachable');
    expect(error.message).toBe(`cannot reach ${closed} (ECONNREFUSED)`);
    expect(await port.tagExists(artifact(closed, 'team/api'), '1.0')).toEqual({
      status: 'unknown',
      kind: 'unreachable',
      reason: `cannot reach ${closed} (ECONNREFUSED)`,
    });
  });

  test('a registry that never answers: the timeout ends the call', async () => {
    const port = createHttpRegistryPort({requestTimeoutMs: 300});
    const check = await port.tagExists(artifact(silentHost, 'team/api'), '1.0');
    expect(check).toEqual({status: 'unknown', kind: 'unreachable', reason: `no answer from ${silentHost} within 0.3 s`});
  });

  test('anonymousAccess of a registry out of reach: unknown, with the reason (never thrown)', async () => {
    const port = createHttpRegistryPort();
    const closed = `127.0.0.1:${await freePort()}`;
    expect(await port.anonymousAccess(artifact(closed, 'team/api'))).toEqual({
      status: 'unknown',
      kind: 'unreachable',
      reason: `cannot reach ${closed} (ECONNREFUSED)`,
    });
  });

  test("the caller's signal cancels the call (the only rejection of tagExists)", async () => {
    const port = createHttpRegistryPort();
    const controller = new AbortController();
    const pending = port.tagExists(artifact(silentHost, 'team/api'), '1.0', {signal: controller.signal});
    controller.abort(new Error('cancelled by the user'));
    await expect(pending).rejects.toThrow('cancelled by the user');
  });
});
