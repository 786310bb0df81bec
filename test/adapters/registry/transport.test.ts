/**
 * The registry client's transport (node:http with a connect timeout, answering WHATWG Responses like fetch),
 * against loopback HTTP servers of our own.
 */
import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import type {Socket} from 'node:net';
import {afterEach, describe, expect, test} from 'vitest';
import {ConnectTimeoutError, nodeTransport} from '../../../source/adapters/registry/transport.js';
import {freePort} from '../../helpers/moto.js';

interface Loopback {
  url: string;
  sockets: Socket[];
  closed: Array<Promise<void>>;
}

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

async function serve(handler: (request: IncomingMessage, response: ServerResponse) => void): Promise<Loopback> {
  const server = createServer(handler);
  const sockets: Socket[] = [];
  const closed: Array<Promise<void>> = [];
  server.on('connection', (socket) => {
    sockets.push(socket);
    closed.push(new Promise((resolve) => socket.once('close', () => resolve())));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  const address = server.address();
  return {url: `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`, sockets, closed};
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('nodeTransport', () => {
  const transport = nodeTransport({connectTimeoutMs: 5_000});

  test('a GET answers a Response like fetch: status, headers (repeated ones joined), body; the request carries its headers', async () => {
    const seen: Array<{method?: string; url?: string; accept?: string; authorization?: string}> = [];
    const server = await serve((request, response) => {
      seen.push({method: request.method, url: request.url, accept: request.headers.accept, authorization: request.headers.authorization});
      response.writeHead(200, 'OK', [
        ['content-type', 'application/json'],
        ['link', '<a>; rel="x"'],
        ['link', '<b>; rel="next"'],
      ]);
      response.end('{"tags":["1.0"]}');
    });
    const response = await transport(`${server.url}/v2/team/api/tags/list?n=2`, {
      method: 'GET',
      headers: {accept: 'application/json', authorization: 'Basic eDp5'},
    });
    expect(response.status).toBe(200);
    expect(response.ok).toBe(true);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('link')).toBe('<a>; rel="x", <b>; rel="next"');
    expect(await response.json()).toEqual({tags: ['1.0']});
    expect(seen).toEqual([{method: 'GET', url: '/v2/team/api/tags/list?n=2', accept: 'application/json', authorization: 'Basic eDp5'}]);
  });

  test('HEAD and 204 answer no body; a redirect is handed back, not followed', async () => {
    const server = await serve((request, response) => {
      if (request.url === '/moved') {
        response.writeHead(307, {location: '/elsewhere'});
        response.end('moved');
      } else if (request.method === 'HEAD') {
        response.writeHead(200, {'docker-content-digest': 'sha256:abc'});
        response.end();
      } else {
        response.writeHead(204);
        response.end();
      }
    });
    const head = await transport(`${server.url}/v2/team/api/manifests/1.0`, {method: 'HEAD'});
    expect([head.status, head.headers.get('docker-content-digest'), head.body]).toEqual([200, 'sha256:abc', null]);
    const empty = await transport(`${server.url}/nothing`);
    expect([empty.status, empty.body]).toEqual([204, null]);
    const moved = await transport(`${server.url}/moved`);
    expect([moved.status, moved.headers.get('location')]).toEqual([307, '/elsewhere']);
  });

  test("nothing listening: fetch's error shape, the node error as the cause", async () => {
    const error = (await failure(transport(`http://127.0.0.1:${await freePort()}/v2/`))) as TypeError;
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe('fetch failed');
    expect((error.cause as NodeJS.ErrnoException).code).toBe('ECONNREFUSED');
  });

  test('a connect phase that does not end (a lookup that never answers): ConnectTimeoutError after connectTimeoutMs', async () => {
    const looked: string[] = [];
    const bounded = nodeTransport({connectTimeoutMs: 20, lookup: (hostname) => void looked.push(hostname)});
    const error = (await failure(bounded('http://registry.example.test:5000/v2/'))) as TypeError;
    expect(error.message).toBe('fetch failed');
    expect(error.cause).toBeInstanceOf(ConnectTimeoutError);
    expect((error.cause as ConnectTimeoutError).code).toBe('CONNECT_TIMEOUT');
    expect(looked).toEqual(['registry.example.test']);
  });

  test('the signal ends a request waiting for its answer: rejected with the reason, the socket closed', async () => {
    let arrived: () => void = () => undefined;
    const request = new Promise<void>((resolve) => (arrived = resolve));
    const server = await serve(() => arrived());
    const controller = new AbortController();
    const pending = transport(`${server.url}/v2/`, {signal: controller.signal});
    await request;
    controller.abort(new Error('given up'));
    expect(await failure(pending)).toEqual(new Error('given up'));
    await Promise.all(server.closed);
  });

  test('the signal also bounds the body: a body cut off rejects when read, the socket closed', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, {'content-type': 'application/json', 'content-length': '100'});
      response.write('{"tags": [');
    });
    const controller = new AbortController();
    const response = await transport(`${server.url}/v2/team/api/tags/list`, {signal: controller.signal});
    const reading = response.json();
    controller.abort(new Error('too slow'));
    await expect(reading).rejects.toThrow();
    await Promise.all(server.closed);
  });

  test('an aborted signal: rejected at once, nothing sent', async () => {
    const server = await serve(() => undefined);
    const error = await failure(transport(`${server.url}/v2/`, {signal: AbortSignal.abort(new Error('cancelled'))}));
    expect(error).toEqual(new Error('cancelled'));
    expect(server.sockets).toHaveLength(0);
  });
});
