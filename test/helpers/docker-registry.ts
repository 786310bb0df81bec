/**
 * A real Docker Registry v2 (the Debian package `docker-registry`, distribution 2.8) for the registry tests:
 * started on a free 127.0.0.1 port with a temporary config and storage directory, images pushed through the
 * HTTP API, and — for the bearer-token flow — a token service of our own that signs JWTs with a self-signed
 * certificate the registry trusts (`auth.token.rootcertbundle`). Everything stays on loopback.
 *
 * What the machine may lack, and what happens then (see `registryTools()`):
 * - `docker-registry`: the suite is skipped with the reason (`apt-get install docker-registry`); under CI=true it fails.
 * - bcrypt for htpasswd (Python's `crypt` module with libxcrypt, else `htpasswd` from apache2-utils): the htpasswd
 *   tests are skipped with the reason; basic credentials are still tested against the token service.
 * - `openssl` (for the signing certificate): the token tests are skipped with the reason.
 */
import {execFileSync, spawn} from 'node:child_process';
import {accessSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {createHash, createPublicKey, randomBytes, sign, type KeyObject} from 'node:crypto';
import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import {tmpdir} from 'node:os';
import {delimiter, join} from 'node:path';
import {gzipSync} from 'node:zlib';
import {freePort} from './moto-global-setup.js';

export const DOCKER_REGISTRY_MISSING = 'docker-registry not found: apt-get install docker-registry';

/** A set-up request to the loopback registry (push, the paging proxy's upstream call) that takes this long hangs. */
const SETUP_REQUEST_HANG_MS = 60_000;

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** bcrypt (cost 4: fast) through Python's crypt module (libxcrypt), or `htpasswd -nbB`; undefined when neither works. */
function bcryptWith(): ((user: string, password: string) => string) | undefined {
  const python = onPath('python3');
  if (python !== undefined) {
    const script = 'import crypt,sys; print(crypt.crypt(sys.argv[2], crypt.mksalt(crypt.METHOD_BLOWFISH, rounds=16)))';
    const run = (user: string, password: string): string =>
      `${user}:${execFileSync(python, ['-W', 'ignore', '-c', script, user, password], {encoding: 'utf8'}).trim()}`;
    try {
      if (/^probe:\$2[aby]\$/.test(run('probe', 'probe'))) return run;
    } catch {
      // no crypt module (Python ≥ 3.13) or no bcrypt in libcrypt
    }
  }
  const htpasswd = onPath('htpasswd');
  if (htpasswd !== undefined) {
    return (user, password) => execFileSync(htpasswd, ['-nbB', '-C', '4', user, password], {encoding: 'utf8'}).trim();
  }
  return undefined;
}

export interface RegistryTools {
  dockerRegistry?: string;
  /** Why the whole suite cannot run ('' when it can). */
  missing: string;
  /** An htpasswd line maker, or undefined with `htpasswdMissing` saying why. */
  htpasswd?: (user: string, password: string) => string;
  htpasswdMissing: string;
  openssl?: string;
  opensslMissing: string;
}

export function registryTools(): RegistryTools {
  const dockerRegistry = onPath('docker-registry');
  const htpasswd = bcryptWith();
  const openssl = onPath('openssl');
  return {
    dockerRegistry,
    missing: dockerRegistry === undefined ? DOCKER_REGISTRY_MISSING : '',
    htpasswd,
    htpasswdMissing: htpasswd === undefined ? 'no bcrypt for htpasswd: neither python3 with the crypt module nor htpasswd (apt-get install apache2-utils)' : '',
    openssl,
    opensslMissing: openssl === undefined ? 'openssl not found (needed for the token signing certificate): apt-get install openssl' : '',
  };
}

export type RegistryAuthConfig = {htpasswd: {realm: string; path: string}} | {token: {realm: string; service: string; issuer: string; rootcertbundle: string}};

export interface RegistryServer {
  /** `http://127.0.0.1:PORT`. */
  url: string;
  /** `127.0.0.1:PORT`: the artifact host. */
  host: string;
  stop(): Promise<void>;
}

/**
 * Between us and docker-registry: kills it as soon as its stdin closes — when we close it, or when the test
 * process dies in any way — so no registry is left behind.
 */
const WATCHDOG = `
const {spawn} = require('node:child_process');
const [command, ...args] = JSON.parse(process.argv[1]);
const child = spawn(command, args, {stdio: ['ignore', 'inherit', 'inherit']});
child.on('error', (error) => { process.stderr.write(String(error) + '\\n'); process.exit(127); });
const stop = () => { child.kill('SIGTERM'); setTimeout(() => child.kill('SIGKILL'), 3000).unref(); };
child.on('exit', (code, signal) => process.exit(code ?? (signal === null ? 0 : 128)));
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.on('error', stop);
process.stdin.resume();
`;

/** Starts docker-registry with a fresh config and storage directory on a free loopback port; resolves once /v2/ answers. */
export async function startDockerRegistry(command: string, options: {auth?: RegistryAuthConfig} = {}): Promise<RegistryServer> {
  const dir = mkdtempSync(join(tmpdir(), 'ecs-wizard-registry-'));
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  const url = `http://${host}`;
  // JSON is YAML: the config needs no YAML writer.
  const config = {
    version: '0.1',
    log: {level: 'warn', accesslog: {disabled: true}},
    storage: {filesystem: {rootdirectory: join(dir, 'data')}, delete: {enabled: true}},
    http: {addr: host, secret: randomBytes(16).toString('hex')},
    ...(options.auth === undefined ? {} : {auth: options.auth}),
  };
  writeFileSync(join(dir, 'config.yml'), JSON.stringify(config, null, 2));

  const watchdog = spawn(process.execPath, ['-e', WATCHDOG, JSON.stringify([command, 'serve', join(dir, 'config.yml')])], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let log = '';
  const collect = (chunk: Buffer): void => {
    log = (log + chunk.toString('utf8')).slice(-4_000);
  };
  watchdog.stdout?.on('data', collect);
  watchdog.stderr?.on('data', collect);
  const exited = new Promise<void>((resolve) => watchdog.once('exit', () => resolve()));

  let stopped = false;
  async function stop(): Promise<void> {
    if (!stopped) {
      stopped = true;
      if (watchdog.exitCode === null && watchdog.signalCode === null) {
        watchdog.stdin?.end();
        const timer = setTimeout(() => watchdog.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
    }
    rmSync(dir, {recursive: true, force: true});
  }

  // Polling until the registry answers (it usually does within 100 ms); the bound (~1 min) only catches a hang.
  for (let attempt = 1; ; attempt += 1) {
    if (watchdog.exitCode !== null || watchdog.signalCode !== null) {
      await stop();
      throw new Error(`docker-registry exited (${watchdog.exitCode ?? watchdog.signalCode}) before answering:\n${log}`);
    }
    try {
      const response = await fetch(`${url}/v2/`, {signal: AbortSignal.timeout(1_000)});
      await response.body?.cancel();
      if (response.status === 200 || response.status === 401) break;
    } catch {
      // not listening yet
    }
    if (attempt >= 320) {
      await stop();
      throw new Error(`docker-registry did not answer at ${url}:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(10 * attempt, 200)));
  }
  return {url, host, stop};
}

const sha256 = (data: Buffer): string => `sha256:${createHash('sha256').update(data).digest('hex')}`;

async function expectStatus(response: Response, expected: number[], what: string): Promise<void> {
  if (!expected.includes(response.status)) {
    throw new Error(`${what}: HTTP ${response.status} ${await response.text()}`);
  }
}

/** Monolithic blob upload: POST /v2/<name>/blobs/uploads/, then PUT <location>&digest=…. */
export async function uploadBlob(url: string, repository: string, blob: Buffer, headers: Record<string, string>): Promise<string> {
  const digest = sha256(blob);
  const started = await fetch(`${url}/v2/${repository}/blobs/uploads/`, {method: 'POST', headers, signal: AbortSignal.timeout(SETUP_REQUEST_HANG_MS)});
  await expectStatus(started, [202], `start upload to ${repository}`);
  await started.body?.cancel();
  const location = new URL(started.headers.get('location') ?? '', url);
  location.searchParams.set('digest', digest);
  const put = await fetch(location, {
    method: 'PUT',
    headers: {...headers, 'content-type': 'application/octet-stream', 'content-length': String(blob.length)},
    body: blob,
    signal: AbortSignal.timeout(SETUP_REQUEST_HANG_MS),
  });
  await expectStatus(put, [201], `upload blob to ${repository}`);
  await put.body?.cancel();
  return digest;
}

export type ManifestFormat = 'docker' | 'oci';

/**
 * Pushes one small image (a config blob and a layer blob) and puts its manifest under every tag given.
 * `seed` makes the image's content (and so its digest) differ. Returns the manifest digest.
 */
export async function pushImage(
  url: string,
  repository: string,
  tags: string[],
  options: {authorization?: string; format?: ManifestFormat; seed?: string} = {},
): Promise<string> {
  const headers: Record<string, string> = options.authorization === undefined ? {} : {authorization: options.authorization};
  const seed = options.seed ?? repository;
  const layer = gzipSync(Buffer.from(`layer of ${seed}\n`));
  const layerDigest = await uploadBlob(url, repository, layer, headers);
  const diffId = sha256(Buffer.from(`layer of ${seed}\n`));
  const configBlob = Buffer.from(JSON.stringify({architecture: 'amd64', os: 'linux', config: {Labels: {seed}}, rootfs: {type: 'layers', diff_ids: [diffId]}}));
  const configDigest = await uploadBlob(url, repository, configBlob, headers);
  const oci = options.format === 'oci';
  const mediaType = oci ? 'application/vnd.oci.image.manifest.v1+json' : 'application/vnd.docker.distribution.manifest.v2+json';
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType,
      config: {
        mediaType: oci ? 'application/vnd.oci.image.config.v1+json' : 'application/vnd.docker.container.image.v1+json',
        size: configBlob.length,
        digest: configDigest,
      },
      layers: [
        {
          mediaType: oci ? 'application/vnd.oci.image.layer.v1.tar+gzip' : 'application/vnd.docker.image.rootfs.diff.tar.gzip',
          size: layer.length,
          digest: layerDigest,
        },
      ],
    }),
  );
  for (const tag of tags) {
    const put = await fetch(`${url}/v2/${repository}/manifests/${tag}`, {
      method: 'PUT',
      headers: {...headers, 'content-type': mediaType},
      body: manifest,
      signal: AbortSignal.timeout(SETUP_REQUEST_HANG_MS),
    });
    await expectStatus(put, [201], `put manifest ${repository}:${tag}`);
    await put.body?.cancel();
  }
  return sha256(manifest);
}

// ---------------------------------------------------------------------------------------------------------------
// Token authentication: a signing certificate and a token service of our own.

/** libtrust's key id (what distribution 2.8 looks `kid` up by): base32 of the first 240 bits of SHA-256(SPKI DER), in groups of 4. */
export function libtrustKeyId(publicKey: KeyObject): string {
  const der = publicKey.export({type: 'spki', format: 'der'});
  const bytes = createHash('sha256').update(der).digest().subarray(0, 30);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const byte of bytes) bits += byte.toString(2).padStart(8, '0');
  let encoded = '';
  for (let index = 0; index + 5 <= bits.length; index += 5) encoded += alphabet[Number.parseInt(bits.slice(index, index + 5), 2)];
  return encoded.match(/.{1,4}/g)?.join(':') ?? encoded;
}

export interface SigningCert {
  /** The certificate bundle the registry trusts (`rootcertbundle`). */
  certPath: string;
  privateKeyPem: string;
  keyId: string;
  dispose(): void;
}

/** A self-signed RSA certificate made with openssl (node:crypto cannot write X.509 certificates). */
export function createSigningCert(openssl: string): SigningCert {
  const dir = mkdtempSync(join(tmpdir(), 'ecs-wizard-token-cert-'));
  const keyPath = join(dir, 'key.pem');
  const certPath = join(dir, 'cert.pem');
  execFileSync(
    openssl,
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyPath, '-out', certPath, '-days', '1', '-subj', '/CN=ecs-wizard test token signer'],
    {
      stdio: 'pipe',
    },
  );
  const privateKeyPem = readFileSync(keyPath, 'utf8');
  return {certPath, privateKeyPem, keyId: libtrustKeyId(createPublicKey(privateKeyPem)), dispose: () => rmSync(dir, {recursive: true, force: true})};
}

const base64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

/** An RS256 JWT with the claims distribution expects (`access`: [{type, name, actions}]). */
export function signRegistryToken(
  cert: SigningCert,
  claims: {issuer: string; service: string; subject: string; access: Array<{type: string; name: string; actions: string[]}>},
): string {
  const now = Math.floor(Date.now() / 1000);
  const header = base64url(JSON.stringify({typ: 'JWT', alg: 'RS256', kid: cert.keyId}));
  const payload = base64url(
    JSON.stringify({
      iss: claims.issuer,
      sub: claims.subject,
      aud: claims.service,
      exp: now + 300,
      nbf: now - 10,
      iat: now,
      jti: randomBytes(8).toString('hex'),
      access: claims.access,
    }),
  );
  const signature = sign('sha256', Buffer.from(`${header}.${payload}`), cert.privateKeyPem);
  return `${header}.${payload}.${base64url(signature)}`;
}

export interface TokenRequest {
  service: string | null;
  scopes: string[];
  /** The basic-auth user name sent, if any. */
  user?: string;
  status: number;
}

export interface TokenServer {
  /** `http://127.0.0.1:PORT/token`: the registry's `auth.token.realm`. */
  realm: string;
  /** Every request, in order. */
  requests: TokenRequest[];
  stop(): Promise<void>;
}

/**
 * A Docker-Hub-like token service: anyone may pull repositories outside `private/`; `private/…` needs one of
 * `users` (basic auth). Wrong credentials → 401. Anonymous requests for a private repository get a token without
 * access (the registry then answers 401 insufficient_scope), as Docker Hub does.
 */
export async function startTokenServer(options: {cert: SigningCert; issuer: string; service: string; users: Record<string, string>}): Promise<TokenServer> {
  const requests: TokenRequest[] = [];
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const scopes = url.searchParams.getAll('scope').flatMap((scope) => scope.split(' '));
    let user: string | undefined;
    const header = request.headers.authorization;
    if (header?.startsWith('Basic ') === true) {
      const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      const name = decoded.slice(0, colon);
      const password = decoded.slice(colon + 1);
      if (options.users[name] === undefined || options.users[name] !== password) {
        requests.push({service: url.searchParams.get('service'), scopes, user: name, status: 401});
        response.writeHead(401, {'content-type': 'application/json', 'www-authenticate': 'Basic realm="token"'});
        response.end(JSON.stringify({details: 'incorrect username or password'}));
        return;
      }
      user = name;
    }
    const access = scopes.flatMap((scope) => {
      const [type, name, actions] = scope.split(':');
      if (type !== 'repository' || name === undefined || actions === undefined) return [];
      if (name.startsWith('private/') && user === undefined) return [];
      return [{type, name, actions: actions.split(',').filter((action) => action === 'pull' || (action === 'push' && user !== undefined))}];
    });
    const token = signRegistryToken(options.cert, {issuer: options.issuer, service: options.service, subject: user ?? '', access});
    requests.push({service: url.searchParams.get('service'), scopes, user, status: 200});
    response.writeHead(200, {'content-type': 'application/json'});
    response.end(JSON.stringify({token, access_token: token, expires_in: 300}));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    realm: `http://127.0.0.1:${port}/token`,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Paging: distribution 2.8 (the Debian package) ignores `n` on tags/list and answers every tag in one page —
// pagination of tags came with distribution 3. This loopback front adds it as distribution 3 does (lexical order,
// `n` and `last`, `Link: </v2/<name>/tags/list?last=…&n=…>; rel="next"`) and passes everything else through.

export interface PagingProxy {
  url: string;
  host: string;
  /** The tags/list requests it answered, path and query. */
  pages: string[];
  stop(): Promise<void>;
}

export async function startPagingProxy(upstream: string): Promise<PagingProxy> {
  const pages: string[] = [];
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    void (async () => {
      const url = new URL(request.url ?? '/', upstream);
      const headers: Record<string, string> = {};
      for (const name of ['authorization', 'accept']) {
        const value = request.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      const tagsList = /^\/v2\/(.+)\/tags\/list$/.exec(url.pathname);
      const n = Number(url.searchParams.get('n') ?? '0');
      if (tagsList === null || request.method !== 'GET' || !(n > 0)) {
        const answer = await fetch(url, {method: request.method, headers, signal: AbortSignal.timeout(SETUP_REQUEST_HANG_MS)});
        response.writeHead(answer.status, Object.fromEntries(answer.headers));
        response.end(Buffer.from(await answer.arrayBuffer()));
        return;
      }
      pages.push(`${url.pathname}${url.search}`);
      const full = await fetch(new URL(url.pathname, upstream), {headers, signal: AbortSignal.timeout(SETUP_REQUEST_HANG_MS)});
      if (!full.ok) {
        response.writeHead(full.status, Object.fromEntries(full.headers));
        response.end(Buffer.from(await full.arrayBuffer()));
        return;
      }
      const body = (await full.json()) as {name: string; tags: string[] | null};
      const last = url.searchParams.get('last');
      const sorted = [...(body.tags ?? [])].sort();
      const rest = last === null ? sorted : sorted.filter((tag) => tag > last);
      const page = rest.slice(0, n);
      const more = rest.length > n;
      const answer: Record<string, string> = {'content-type': 'application/json'};
      const lastOfPage = page.at(-1);
      if (more && lastOfPage !== undefined) answer.link = `<${url.pathname}?last=${encodeURIComponent(lastOfPage)}&n=${n}>; rel="next"`;
      response.writeHead(200, answer);
      response.end(JSON.stringify({name: body.name, tags: page}));
    })().catch((error: unknown) => {
      response.writeHead(502, {'content-type': 'text/plain'});
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const host = `127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  return {
    url: `http://${host}`,
    host,
    pages,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
