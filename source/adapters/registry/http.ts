/**
 * RegistryPort for Docker Hub and private registries: the Docker Registry HTTP API v2 on node's fetch.
 *
 * - Tags: `GET /v2/<name>/tags/list?n=<page size>`, following `Link: <…>; rel="next"`.
 * - Tag existence: `HEAD /v2/<name>/manifests/<tag or digest>` accepting OCI and Docker manifests and indexes.
 * - Auth: anonymous first; on 401 the challenge decides — `Bearer realm=…,service=…,scope=…` → GET the realm
 *   (with basic credentials when given) → token → retry; `Basic` → retry with the credentials. The password
 *   is given per call and lives only as long as that call.
 * - Bounded waits (REGISTRY_NETWORK): connecting (DNS, TCP, TLS) within a few seconds, each request answered
 *   within tens of seconds — else a RegistryError naming the registry, the request and its socket closed; a call
 *   still unanswered after 2 s is told once to `onSlowCall` (the same notice path as the AWS clients'), so that a
 *   wait is never silent. Failures become RegistryError (listTags) or `unknown` (tagExists).
 *
 * Plain http is used for loopback registries (`localhost:5000`, `127.0.0.1:…`), https for every other host.
 */
import type {LookupFunction} from 'node:net';
import {isDigest, isValidTag} from '../../domain/image.js';
import {UsageError} from '../../errors.js';
import type {ArtifactSource} from '../../domain/model.js';
import {
  compareNewestFirst,
  DATED_TAGS_MAX,
  RegistryError,
  type AccessCheck,
  type RegistryCallOptions,
  type RegistryPort,
  type RegistryTag,
  type TagCheck,
} from '../../ports/registry.js';
import {DOCKER_HUB_URL, hubTag, hubTags} from './docker-hub.js';
import {describeTag, inPool, newDetailCache} from './tag-details.js';
import {
  compareTagsNaturally,
  isLoopbackHost,
  MANIFEST_MEDIA_TYPES,
  nextPageUrl,
  parseWwwAuthenticate,
  registryEndpoint,
  type RegistryEndpoint,
} from './protocol.js';
import {nodeTransport, type FetchFunction} from './transport.js';

export type {FetchFunction} from './transport.js';

/** A call to a registry that has not answered after `slowNoticeMs`: what it is and where it went. */
export interface SlowRegistryCall {
  /** `GET /v2/team/api/tags/list`. */
  operation: string;
  /** The registry (or token service) origin: `https://registry.example.com:5000`. */
  target: string;
}

export interface RegistryNetwork {
  /** DNS, TCP and TLS of a new connection (the default transport only: an injected fetch brings its own). */
  connectTimeoutMs: number;
  /** Each request (the token, each page, each HEAD), from sending it to its last byte. */
  requestTimeoutMs: number;
  /** After this long without an answer, `onSlowCall` is told (once per call). */
  slowNoticeMs: number;
}

/**
 * An unreachable registry fails within seconds; one that accepts connections and never answers within 20 s per
 * request; after 2 s of waiting the person is told what is awaited (the AWS clients' AWS_NETWORK.slowNoticeMs).
 */
export const REGISTRY_NETWORK: RegistryNetwork = {connectTimeoutMs: 3_000, requestTimeoutMs: 20_000, slowNoticeMs: 2_000};

export interface HttpRegistryOptions extends Partial<RegistryNetwork> {
  /** Default: node:http / node:https with the connect timeout (transport.ts). */
  fetch?: FetchFunction;
  /** The default transport's DNS lookup (tests: one that never answers). */
  lookup?: LookupFunction;
  /** Told once about each call still unanswered after `slowNoticeMs`. */
  onSlowCall?: (call: SlowRegistryCall) => void;
  /** Tags per page asked for (`n`). Default 100. */
  pageSize?: number;
  /** Whether a registry host is spoken to over plain http. Default: loopback hosts only. */
  plainHttp?: (host: string) => boolean;
  /** Docker Hub's tag API (dates, digests, platforms of public repositories). Default https://hub.docker.com (ECS_WIZARD_DOCKERHUB_URL). */
  dockerHubUrl?: string;
}
const MAX_PAGES = 1_000;
const MAX_REDIRECTS = 5;

interface Credentials {
  username: string;
  password: string;
}

const seconds = (ms: number): string => `${Math.round(ms / 100) / 10} s`;

/** Reads and drops a body we do not need, so that the connection can be reused. */
async function discard(response: Response): Promise<void> {
  try {
    await response.body?.cancel();
  } catch {
    // already consumed or closed
  }
}

function networkReason(error: unknown): string {
  const cause = (error as {cause?: unknown}).cause;
  const code = typeof cause === 'object' && cause !== null ? (cause as {code?: unknown}).code : undefined;
  if (typeof code === 'string' && code !== '') return code;
  if (cause instanceof Error && cause.message !== '') return cause.message;
  return error instanceof Error ? error.message : String(error);
}

/** What a Session needs besides the call's own inputs: the transport and its bounds. */
export interface SessionSettings {
  fetch: FetchFunction;
  network: RegistryNetwork;
  plainHttp: (host: string) => boolean;
  onSlowCall: ((call: SlowRegistryCall) => void) | undefined;
}

/** One call (listTags or tagExists) against one repository: holds the token or credentials it obtained. */
export class Session {
  private authorization: string | undefined;
  private readonly origin: string;
  private noticed = false;
  /** The timeout of the last request sent: it also bounds reading that response's body. */
  private lastTimeout: AbortSignal | undefined;

  constructor(
    private readonly settings: SessionSettings,
    readonly endpoint: RegistryEndpoint,
    readonly baseUrl: string,
    private readonly credentials: Credentials | undefined,
    private readonly signal: AbortSignal | undefined,
  ) {
    this.origin = new URL(baseUrl).origin;
  }

  private get what(): string {
    return `${this.endpoint.repository} on ${this.endpoint.host}`;
  }

  /**
   * One request, bounded (the request timeout and the caller's signal; the transport's connect timeout), with the
   * slow notice; network failures become RegistryError('unreachable') naming the host. The signal stays on the
   * response: reading its body is bounded by the same timeout (see `body`).
   */
  private async send(url: URL, init: RequestInit, host: string): Promise<Response> {
    const {requestTimeoutMs, slowNoticeMs} = this.settings.network;
    const timeout = AbortSignal.timeout(requestTimeoutMs);
    this.lastTimeout = timeout;
    const signal = this.signal === undefined ? timeout : AbortSignal.any([this.signal, timeout]);
    const onSlowCall = this.settings.onSlowCall;
    const notice =
      onSlowCall === undefined || this.noticed
        ? undefined
        : setTimeout(() => {
            this.noticed = true;
            onSlowCall({operation: `${init.method ?? 'GET'} ${url.pathname}`, target: url.origin});
          }, slowNoticeMs);
    notice?.unref();
    try {
      return await this.settings.fetch(url, {...init, signal, redirect: 'manual'});
    } catch (error) {
      if (this.signal?.aborted === true) throw this.signal.reason;
      if (timeout.aborted) throw new RegistryError(`no answer from ${host} within ${seconds(requestTimeoutMs)}`, 'unreachable', {cause: error});
      const code = (error as {cause?: {code?: unknown}}).cause?.code;
      if (code === 'CONNECT_TIMEOUT')
        throw new RegistryError(`cannot connect to ${host} within ${seconds(this.settings.network.connectTimeoutMs)}`, 'unreachable', {cause: error});
      const reason = networkReason(error);
      // fetch refuses some ports outright (the WHATWG "bad ports": 6000, 6665-6669, …).
      const detail = reason === 'bad port' ? `fetch does not allow port ${url.port}` : reason;
      throw new RegistryError(`cannot reach ${host} (${detail})`, 'unreachable', {cause: error});
    } finally {
      clearTimeout(notice);
    }
  }

  /** A response's JSON body; a body cut off by the timeout or the caller is said so (not "not JSON"). */
  async json(response: Response, what: string): Promise<unknown> {
    try {
      return await response.json();
    } catch (error) {
      if (this.signal?.aborted === true) throw this.signal.reason;
      if (this.lastTimeout?.aborted === true)
        throw new RegistryError(
          `no answer from ${this.endpoint.host} within ${seconds(this.settings.network.requestTimeoutMs)} (the ${what} was cut off)`,
          'unreachable',
          {cause: error},
        );
      throw new RegistryError(`${this.endpoint.host}: the ${what} is not JSON`, 'other', {cause: error});
    }
  }

  /** A response's body as bytes, bounded like `json` (a manifest: its digest is the hash of exactly these bytes). */
  async bytes(response: Response, what: string): Promise<Buffer> {
    try {
      return Buffer.from(await response.arrayBuffer());
    } catch (error) {
      if (this.signal?.aborted === true) throw this.signal.reason;
      throw new RegistryError(`no answer from ${this.endpoint.host} (the ${what} was cut off)`, 'unreachable', {cause: error});
    }
  }

  /**
   * `GET /v2/` without credentials: 200 is open; a 401 asking for a bearer token is open when an anonymous token
   * lets it list the repository's tags (the session has no credentials, so `request` asks the realm anonymously).
   */
  async anonymousAccess(): Promise<AccessCheck> {
    const response = await this.follow(new URL(`${this.baseUrl}/v2/`), 'GET');
    await discard(response);
    const asked = `${this.endpoint.host} answered GET /v2/ without credentials`;
    if (response.ok) return {status: 'open', detail: `${asked} (HTTP ${response.status})`};
    if (response.status !== 401) {
      return {
        status: 'unknown',
        kind: 'other',
        reason: `${this.endpoint.host} answered GET /v2/ with HTTP ${response.status}: not a Docker Registry HTTP API v2?`,
      };
    }
    const challenges = parseWwwAuthenticate(response.headers.get('www-authenticate'));
    const scheme = challenges[0]?.scheme ?? 'no scheme named';
    const closed: AccessCheck = {status: 'closed', reason: `${this.endpoint.host} asks for credentials (GET /v2/ answered HTTP 401, ${scheme})`};
    if (!challenges.some((challenge) => challenge.scheme === 'bearer')) return closed;
    try {
      const tags = await this.request(new URL(`${this.baseUrl}/v2/${this.endpoint.repository}/tags/list?n=1`), 'GET', 'application/json');
      await discard(tags);
      if (tags.ok)
        return {status: 'open', detail: `${this.endpoint.host} lists ${this.endpoint.repository} with an anonymous token (GET /v2/ answered 401, bearer)`};
    } catch (error) {
      if (!(error instanceof RegistryError) || (error.kind !== 'auth-required' && error.kind !== 'access-denied')) throw error;
    }
    return closed;
  }

  /** A request to the registry: follows redirects (credentials only within the registry's origin) and authenticates. */
  async request(url: URL, method: 'GET' | 'HEAD', accept?: string): Promise<Response> {
    let challenged = false;
    for (;;) {
      const response = await this.follow(url, method, accept);
      if (response.status !== 401) return response;
      const challenges = parseWwwAuthenticate(response.headers.get('www-authenticate'));
      await discard(response);
      if (challenged) throw this.refused(challenges);
      challenged = true;
      await this.authenticate(challenges);
    }
  }

  private async follow(url: URL, method: 'GET' | 'HEAD', accept?: string): Promise<Response> {
    let target = url;
    for (let redirects = 0; ; redirects += 1) {
      const headers: Record<string, string> = {};
      if (accept !== undefined) headers.accept = accept;
      if (this.authorization !== undefined && target.origin === this.origin) headers.authorization = this.authorization;
      const response = await this.send(target, {method, headers}, this.endpoint.host);
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || location === null) return response;
      await discard(response);
      if (redirects >= MAX_REDIRECTS) throw new RegistryError(`${this.endpoint.host}: too many redirects`, 'other');
      target = new URL(location, target);
    }
  }

  /** Obtains what the challenge asks for: a bearer token from the realm, or basic credentials. */
  private async authenticate(challenges: ReturnType<typeof parseWwwAuthenticate>): Promise<void> {
    const bearer = challenges.find((challenge) => challenge.scheme === 'bearer');
    if (bearer?.params.realm !== undefined) {
      this.authorization = `Bearer ${await this.token(bearer.params)}`;
      return;
    }
    if (challenges.some((challenge) => challenge.scheme === 'basic')) {
      if (this.credentials === undefined) throw this.credentialsNeeded();
      this.authorization = `Basic ${Buffer.from(`${this.credentials.username}:${this.credentials.password}`).toString('base64')}`;
      return;
    }
    const scheme = challenges[0]?.scheme;
    throw new RegistryError(
      scheme === undefined
        ? `${this.endpoint.host} answered 401 without saying how to authenticate`
        : `${this.endpoint.host} asks for an unsupported authentication (${scheme})`,
      'auth-required',
    );
  }

  private async token(params: Record<string, string>): Promise<string> {
    let realm: URL;
    try {
      realm = new URL(params.realm ?? '');
    } catch {
      throw new RegistryError(`${this.endpoint.host} names an invalid token realm: ${params.realm ?? ''}`, 'other');
    }
    if (realm.protocol !== 'https:' && realm.protocol !== 'http:') {
      throw new RegistryError(`${this.endpoint.host} names an invalid token realm: ${realm.href}`, 'other');
    }
    if (params.service !== undefined) realm.searchParams.set('service', params.service);
    realm.searchParams.set('scope', params.scope ?? `repository:${this.endpoint.repository}:pull`);
    const headers: Record<string, string> = {accept: 'application/json'};
    if (this.credentials !== undefined) {
      if (realm.protocol === 'http:' && !this.settings.plainHttp(realm.host) && !isLoopbackHost(realm.host)) {
        throw new RegistryError(`refusing to send the password to ${realm.origin} over plain http`, 'other');
      }
      headers.authorization = `Basic ${Buffer.from(`${this.credentials.username}:${this.credentials.password}`).toString('base64')}`;
    }
    const response = await this.send(realm, {method: 'GET', headers}, realm.host);
    if (response.status === 401 || response.status === 403) {
      await discard(response);
      throw this.credentials === undefined
        ? this.credentialsNeeded()
        : new RegistryError(`${realm.host} refused the credentials of ${this.credentials.username} for ${this.endpoint.repository}`, 'access-denied', {
            hint: 'check the user name and password (or access token)',
          });
    }
    if (response.status === 429) {
      await discard(response);
      throw new RegistryError(`${realm.host} is rate-limiting token requests (HTTP 429)`, 'throttled');
    }
    if (!response.ok) {
      await discard(response);
      throw new RegistryError(`the token service ${realm.host} answered HTTP ${response.status}`, 'other');
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch (error) {
      throw new RegistryError(`the token service ${realm.host} did not answer JSON`, 'other', {cause: error});
    }
    const record = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const token = typeof record.token === 'string' && record.token !== '' ? record.token : record.access_token;
    if (typeof token !== 'string' || token === '') throw new RegistryError(`the token service ${realm.host} answered no token`, 'other');
    return token;
  }

  private credentialsNeeded(): RegistryError {
    const message = this.endpoint.dockerHub
      ? `${this.what}: the repository does not exist or is private (credentials needed)`
      : `${this.what}: the registry needs credentials`;
    return new RegistryError(message, 'auth-required', {hint: 'give the registry user name and its password or access token'});
  }

  /** Still 401 after authenticating. */
  private refused(challenges: ReturnType<typeof parseWwwAuthenticate>): RegistryError {
    const error = challenges.find((challenge) => challenge.params.error !== undefined)?.params.error;
    if (this.credentials === undefined) return this.credentialsNeeded();
    const detail = error === undefined ? '' : ` (${error})`;
    return new RegistryError(`${this.what}: the credentials of ${this.credentials.username} were refused${detail}`, 'access-denied', {
      hint: 'check the user name and password (or access token) and that it may read this repository',
    });
  }

  /** A status that is not the answer: RegistryError. */
  failure(response: Response, action: string): RegistryError {
    const status = response.status;
    if (status === 403)
      return new RegistryError(`${this.what}: not allowed to ${action} (HTTP 403)`, this.credentials === undefined ? 'auth-required' : 'access-denied');
    if (status === 404) return new RegistryError(`${this.what}: no such repository`, 'not-found');
    if (status === 429)
      return new RegistryError(`${this.endpoint.host} is rate-limiting requests (HTTP 429)`, 'throttled', {hint: 'wait a moment and try again'});
    return new RegistryError(`${this.what}: cannot ${action}: HTTP ${status}${response.statusText === '' ? '' : ` ${response.statusText}`}`, 'other');
  }
}

function credentialsOf(artifact: ArtifactSource, options: RegistryCallOptions): Credentials | undefined {
  const username = artifact.username?.trim();
  if (username === undefined || username === '' || options.password === undefined || options.password === '') return undefined;
  return {username, password: options.password};
}

export function createHttpRegistryPort(options: HttpRegistryOptions = {}): RegistryPort {
  const network: RegistryNetwork = {
    connectTimeoutMs: options.connectTimeoutMs ?? REGISTRY_NETWORK.connectTimeoutMs,
    requestTimeoutMs: options.requestTimeoutMs ?? REGISTRY_NETWORK.requestTimeoutMs,
    slowNoticeMs: options.slowNoticeMs ?? REGISTRY_NETWORK.slowNoticeMs,
  };
  const settings: SessionSettings = {
    fetch: options.fetch ?? nodeTransport({connectTimeoutMs: network.connectTimeoutMs, ...(options.lookup === undefined ? {} : {lookup: options.lookup})}),
    network,
    plainHttp: options.plainHttp ?? isLoopbackHost,
    onSlowCall: options.onSlowCall,
  };
  const pageSize = options.pageSize ?? 100;

  function session(artifact: ArtifactSource, callOptions: RegistryCallOptions): Session {
    const endpoint = registryEndpoint(artifact);
    const scheme = settings.plainHttp(endpoint.host) ? 'http' : 'https';
    return new Session(settings, endpoint, `${scheme}://${endpoint.host}`, credentialsOf(artifact, callOptions), callOptions.signal);
  }

  async function listTags(artifact: ArtifactSource, callOptions: RegistryCallOptions = {}) {
    const current = session(artifact, callOptions);
    const names: string[] = [];
    const seen = new Set<string>();
    let url: URL | undefined = new URL(`${current.baseUrl}/v2/${current.endpoint.repository}/tags/list?n=${pageSize}`);
    for (let page = 0; url !== undefined && page < MAX_PAGES; page += 1) {
      if (seen.has(url.href)) break;
      seen.add(url.href);
      const response = await current.request(url, 'GET', 'application/json');
      if (!response.ok) {
        await discard(response);
        throw current.failure(response, 'list tags');
      }
      const body = await current.json(response, 'tag list');
      const tags = typeof body === 'object' && body !== null ? (body as {tags?: unknown}).tags : undefined;
      if (Array.isArray(tags)) names.push(...tags.filter((tag): tag is string => typeof tag === 'string'));
      const next = nextPageUrl(response.headers.get('link'), url);
      // Never carry the session to another host through a Link header.
      url = next !== undefined && next.origin === new URL(current.baseUrl).origin ? next : undefined;
    }
    const unique = [...new Set(names)].sort(compareTagsNaturally);
    const result: RegistryTag[] = unique.map((tag) => ({tag}));
    return {tags: result, newestFirst: false};
  }

  async function tagExists(artifact: ArtifactSource, tag: string, callOptions: RegistryCallOptions = {}): Promise<TagCheck> {
    // `tag@sha256:…` is looked up by its digest.
    const reference = tag.includes('@') ? tag.slice(tag.indexOf('@') + 1) : tag;
    if (reference === '' || !isValidTag(reference)) return {status: 'missing', reason: `not a valid tag: ${tag}`};
    const current = session(artifact, callOptions);
    try {
      const url = new URL(`${current.baseUrl}/v2/${current.endpoint.repository}/manifests/${reference}`);
      const response = await current.request(url, 'HEAD', MANIFEST_MEDIA_TYPES.join(', '));
      await discard(response);
      if (response.ok) {
        const digest = response.headers.get('docker-content-digest');
        return digest === null || digest === '' ? {status: 'exists'} : {status: 'exists', digest};
      }
      if (response.status === 404) return {status: 'missing'};
      const failure = current.failure(response, 'read manifests');
      return {status: 'unknown', kind: failure.kind, reason: failure.message};
    } catch (error) {
      if (error instanceof RegistryError) return {status: 'unknown', kind: error.kind, reason: error.message};
      if (callOptions.signal?.aborted === true) throw error;
      return {status: 'unknown', kind: 'other', reason: error instanceof Error ? error.message : String(error)};
    }
  }

  async function anonymousAccess(artifact: ArtifactSource, callOptions: Pick<RegistryCallOptions, 'signal'> = {}): Promise<AccessCheck> {
    const current = session(artifact, {...(callOptions.signal === undefined ? {} : {signal: callOptions.signal})});
    try {
      return await current.anonymousAccess();
    } catch (error) {
      if (error instanceof RegistryError) return {status: 'unknown', kind: error.kind, reason: error.message};
      if (callOptions.signal?.aborted === true) throw error;
      return {status: 'unknown', kind: 'other', reason: error instanceof Error ? error.message : String(error)};
    }
  }

  const cache = newDetailCache();
  let hubBase: URL;
  try {
    hubBase = new URL(options.dockerHubUrl ?? DOCKER_HUB_URL);
    if (hubBase.protocol !== 'https:' && hubBase.protocol !== 'http:') throw new Error('not http');
  } catch {
    throw new UsageError(`ECS_WIZARD_DOCKERHUB_URL '${options.dockerHubUrl ?? ''}' is not an http(s) URL`, 'e.g. https://hub.docker.com, or unset it');
  }
  /** Docker Hub's tag API for a public Docker Hub repository; undefined for every other (and a private one: its v2 API with the credentials). */
  function hubSession(artifact: ArtifactSource, callOptions: RegistryCallOptions): Session | undefined {
    const endpoint = registryEndpoint(artifact);
    if (!endpoint.dockerHub || (artifact.username ?? '').trim() !== '') return undefined;
    return new Session(settings, {...endpoint, host: hubBase.host}, `${hubBase.origin}${hubBase.pathname.replace(/\/+$/, '')}`, undefined, callOptions.signal);
  }
  const defined = (tag: RegistryTag | undefined): tag is RegistryTag => tag !== undefined;

  async function describeTags(artifact: ArtifactSource, tags: readonly string[], callOptions: RegistryCallOptions = {}): Promise<RegistryTag[]> {
    const hub = hubSession(artifact, callOptions);
    const current = session(artifact, callOptions);
    const found = await inPool(tags, 4, async (tag) => {
      const reference = tag.includes('@') ? tag.slice(tag.indexOf('@') + 1) : tag;
      const details = hub !== undefined && !isDigest(reference) ? await hubTag(hub, reference) : await describeTag(current, cache, reference);
      return details === undefined ? undefined : {...details, tag};
    });
    return found.filter(defined);
  }

  async function datedTags(artifact: ArtifactSource, callOptions: RegistryCallOptions = {}) {
    const hub = hubSession(artifact, callOptions);
    if (hub !== undefined) return {tags: await hubTags(hub, callOptions.limit), newestFirst: true};
    // A v2 registry says nothing of age in its list: every tag's manifest is read (newest names first when capped).
    const names = (await listTags(artifact, callOptions)).tags.map((found) => found.tag).reverse();
    const read = names.slice(0, DATED_TAGS_MAX);
    const current = session(artifact, callOptions);
    // One tag whose manifest or config cannot be read (an odd manifest, a missing blob) keeps its place without
    // details; a registry that stops answering, refuses or throttles ends the listing.
    const describeOne = async (tag: string): Promise<RegistryTag | undefined> => {
      try {
        return await describeTag(current, cache, tag);
      } catch (error) {
        if (error instanceof RegistryError && (error.kind === 'other' || error.kind === 'not-found')) return {tag};
        throw error;
      }
    };
    const described = (await inPool(read, 4, describeOne)).filter(defined).sort(compareNewestFirst);
    const rest = names.slice(DATED_TAGS_MAX).map((tag) => ({tag}));
    const all = [...described, ...rest];
    return {
      tags: callOptions.limit === undefined ? all : all.slice(0, callOptions.limit),
      newestFirst: true,
      ...(rest.length > 0 ? {truncated: rest.length} : {}),
    };
  }

  return {listTags, tagExists, anonymousAccess, describeTags, datedTags};
}
