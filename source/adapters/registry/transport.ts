/**
 * The registry client's HTTP transport: node:http / node:https with the one bound fetch cannot be given — a
 * connect timeout (DNS, TCP and, for https, TLS) — and the caller's signal for everything after (the request
 * timeout and cancellation: the request and its socket are destroyed). It answers a WHATWG Response, as fetch
 * does, so that the client reads every answer the same way; redirects are not followed (the client follows them).
 *
 * Errors have fetch's shape: a TypeError('fetch failed') whose `cause` carries the node error (`code`:
 * ECONNREFUSED, ENOTFOUND…, or CONNECT_TIMEOUT); an aborted signal rejects with the signal's reason.
 */
import http from 'node:http';
import https from 'node:https';
import type {LookupFunction} from 'node:net';
import {Readable} from 'node:stream';

export type FetchFunction = (input: string | URL, init?: RequestInit) => Promise<Response>;

export interface TransportOptions {
  /** DNS, TCP and TLS together must be done within this. */
  connectTimeoutMs: number;
  /** The DNS lookup (default: the system's). Tests pass one that never answers, to hold the connect phase open. */
  lookup?: LookupFunction;
}

/** The connect phase (DNS, TCP, TLS) did not end within `connectTimeoutMs`. */
export class ConnectTimeoutError extends Error {
  readonly code = 'CONNECT_TIMEOUT';

  constructor(readonly timeoutMs: number) {
    super(`could not connect within ${timeoutMs} ms`);
    this.name = 'ConnectTimeoutError';
  }
}

/** Statuses whose Response may not have a body. */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

function headersOf(raw: readonly string[]): Headers {
  const headers = new Headers();
  for (let index = 0; index + 1 < raw.length; index += 2) headers.append(raw[index]!, raw[index + 1]!);
  return headers;
}

function plainHeaders(init: RequestInit['headers']): Record<string, string> {
  const headers: Record<string, string> = {};
  new Headers(init).forEach((value, key) => {
    headers[key] = value;
  });
  return headers;
}

export function nodeTransport(options: TransportOptions): FetchFunction {
  return (input, init = {}) =>
    new Promise<Response>((resolve, reject) => {
      const url = new URL(String(input));
      const signal = init.signal ?? undefined;
      if (signal?.aborted === true) {
        reject(signal.reason);
        return;
      }
      const secure = url.protocol === 'https:';
      const method = init.method ?? 'GET';
      let connectTimer: ReturnType<typeof setTimeout> | undefined;
      let settled = false;
      const request = (secure ? https : http).request(url, {
        method,
        headers: plainHeaders(init.headers),
        ...(options.lookup === undefined ? {} : {lookup: options.lookup}),
      });
      const onAbort = (): void => {
        clearTimeout(connectTimer);
        request.destroy();
        if (!settled) {
          settled = true;
          reject(signal!.reason);
        }
      };
      const done = (): void => {
        clearTimeout(connectTimer);
        signal?.removeEventListener('abort', onAbort);
      };
      signal?.addEventListener('abort', onAbort, {once: true});
      request.on('socket', (socket) => {
        // A kept-alive socket is connected already.
        if (!socket.connecting) return;
        connectTimer = setTimeout(() => request.destroy(new ConnectTimeoutError(options.connectTimeoutMs)), options.connectTimeoutMs);
        socket.once(secure ? 'secureConnect' : 'connect', () => clearTimeout(connectTimer));
      });
      request.on('error', (error) => {
        done();
        if (settled) return;
        settled = true;
        reject(new TypeError('fetch failed', {cause: error}));
      });
      request.on('response', (response) => {
        clearTimeout(connectTimer);
        const status = response.statusCode ?? 0;
        const headers = headersOf(response.rawHeaders);
        response.once('close', done);
        if (signal !== undefined) {
          // After the headers the signal still bounds the body: an abort ends the stream with the reason.
          signal.removeEventListener('abort', onAbort);
          const onBodyAbort = (): void => {
            response.destroy(signal.reason instanceof Error ? signal.reason : new Error(String(signal.reason)));
            request.destroy();
          };
          signal.addEventListener('abort', onBodyAbort, {once: true});
          response.once('close', () => signal.removeEventListener('abort', onBodyAbort));
        }
        let answer: Response;
        try {
          const empty = method === 'HEAD' || NULL_BODY_STATUSES.has(status);
          if (empty) response.resume();
          answer = new Response(empty ? null : (Readable.toWeb(response) as ReadableStream<Uint8Array>), {
            status,
            statusText: response.statusMessage ?? '',
            headers,
          });
        } catch (error) {
          // A status a Response cannot carry (1xx, ≥ 600).
          response.destroy();
          settled = true;
          reject(new TypeError('fetch failed', {cause: error}));
          return;
        }
        settled = true;
        resolve(answer);
      });
      request.end();
    });
}
