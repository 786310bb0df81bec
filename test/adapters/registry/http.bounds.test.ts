/**
 * The registry client's bounded waits, against loopback servers of our own: a registry that accepts connections
 * and never answers, and one whose connect phase never ends (a DNS lookup that never answers). The bounds are
 * injected small; no test waits on the clock to decide its result — the server side sees the socket closed, and the
 * slow notice is what lets the server answer.
 */
import {createServer, type Server, type Socket} from 'node:net';
import {afterEach, describe, expect, test} from 'vitest';
import {createHttpRegistryPort, REGISTRY_NETWORK, type SlowRegistryCall} from '../../../source/adapters/registry/http.js';
import {AWS_NETWORK} from '../../../source/adapters/aws/client-factory.js';
import type {ArtifactSource} from '../../../source/domain/model.js';
import {RegistryError} from '../../../source/ports/registry.js';

const artifact = (host: string): ArtifactSource => ({registry: 'registry', host, image: 'team/api'});

interface Loopback {
  host: string;
  /** Resolves with each socket the server accepts. */
  accepted: Socket[];
  /** Resolves when every accepted socket is closed (by the other side). */
  allClosed(): Promise<void>;
  close(): Promise<void>;
}

const servers: Loopback[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

/** A TCP server on 127.0.0.1 that accepts connections and hands each to `onConnection` (default: says nothing). */
async function loopback(onConnection: (socket: Socket) => void = () => undefined): Promise<Loopback> {
  const accepted: Socket[] = [];
  const closed: Array<Promise<void>> = [];
  const server: Server = createServer((socket) => {
    accepted.push(socket);
    // Read (and drop) what comes, so that the client's end of the connection is seen.
    socket.resume();
    closed.push(new Promise((resolve) => socket.once('close', () => resolve())));
    onConnection(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const result: Loopback = {
    host: `127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`,
    accepted,
    allClosed: async () => {
      await Promise.all(closed);
    },
    close: async () => {
      for (const socket of accepted) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  servers.push(result);
  return result;
}

/** Answers a connection only once `tell` was called, whether the connection arrives before or after. */
function answerWhenTold(answer: (socket: Socket) => void): {connected: (socket: Socket) => void; tell: () => void} {
  let socket: Socket | undefined;
  let told = false;
  return {
    connected: (accepted) => {
      socket = accepted;
      if (told) answer(accepted);
    },
    tell: () => {
      told = true;
      if (socket !== undefined) answer(socket);
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

describe('the registry client never waits without a bound', () => {
  test('the defaults: connect within a few seconds, each request within tens of seconds, a notice after the AWS clients’ 2 s', () => {
    expect(REGISTRY_NETWORK).toEqual({connectTimeoutMs: 3_000, requestTimeoutMs: 20_000, slowNoticeMs: AWS_NETWORK.slowNoticeMs});
    expect(REGISTRY_NETWORK.slowNoticeMs).toBe(2_000);
  });

  test('a registry that accepts the connection and never answers: the request timeout ends the call, naming it, and closes the socket', async () => {
    const silent = await loopback();
    const port = createHttpRegistryPort({requestTimeoutMs: 100});
    const error = await rejection(port.listTags(artifact(silent.host)));
    expect(error.message).toBe(`no answer from ${silent.host} within 0.1 s`);
    expect(error.kind).toBe('unreachable');
    expect(silent.accepted).toHaveLength(1);
    // The server side sees its socket closed: nothing is left hanging on the registry.
    await silent.allClosed();
    expect(await port.tagExists(artifact(silent.host), '1.0')).toEqual({
      status: 'unknown',
      kind: 'unreachable',
      reason: `no answer from ${silent.host} within 0.1 s`,
    });
    await silent.allClosed();
  });

  test('a connection that never gets through (DNS, TCP or TLS): the connect timeout ends the call, naming the registry', async () => {
    const looked: string[] = [];
    const port = createHttpRegistryPort({
      connectTimeoutMs: 100,
      requestTimeoutMs: 60_000,
      // A lookup that never answers holds the connection in its connect phase (and no name leaves the machine).
      lookup: (hostname) => {
        looked.push(hostname);
      },
    });
    const error = await rejection(port.listTags(artifact('registry.example.test:5000')));
    expect(error.message).toBe('cannot connect to registry.example.test:5000 within 0.1 s');
    expect(error.kind).toBe('unreachable');
    expect(looked).toEqual(['registry.example.test']);
  });

  test('a call still unanswered after slowNoticeMs is told once, naming the request and the registry; then its answer counts', async () => {
    const notices: SlowRegistryCall[] = [];
    // The registry answers once the person has been told (whichever comes first: the connection or the notice).
    const body = '{"name":"team/api","tags":["1.0","2"]}';
    const told = answerWhenTold((socket) =>
      socket.end(`HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\nconnection: close\r\n\r\n${body}`),
    );
    const slow = await loopback(told.connected);
    const port = createHttpRegistryPort({
      slowNoticeMs: 5,
      requestTimeoutMs: 60_000,
      onSlowCall: (call) => {
        notices.push(call);
        told.tell();
      },
    });
    const result = await port.listTags(artifact(slow.host));
    expect(notices).toEqual([{operation: 'GET /v2/team/api/tags/list', target: `http://${slow.host}`}]);
    expect(result.tags.map((tag) => tag.tag)).toEqual(['1.0', '2']);
  });
});
