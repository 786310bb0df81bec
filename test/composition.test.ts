/**
 * The composition root's wiring that no other test sees: the notices of a wait (AWS and registries alike) go to the
 * one `notice` path the command gave.
 */
import {createServer, type Socket} from 'node:net';
import {afterEach, expect, test} from 'vitest';
import {REGISTRY_NETWORK} from '../source/adapters/registry/http.js';
import {createCompositionRoot} from '../source/composition.js';

const sockets: Socket[] = [];
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  for (const close of closers.splice(0)) await close();
});

test(`a registry that keeps the person waiting past ${REGISTRY_NETWORK.slowNoticeMs} ms: one "still waiting for …" notice, through the command's notice path`, async () => {
  // The registry answers once the person has been told (whichever comes first: the connection or the notice).
  let told = false;
  let connection: Socket | undefined;
  const answer = (): void => void connection?.end('HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\nconnection: close\r\n\r\n');
  const server = createServer((socket) => {
    sockets.push(socket);
    socket.resume();
    connection = socket;
    if (told) answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  const address = server.address();
  const host = `127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  const notices: string[] = [];
  const root = createCompositionRoot({
    globals: {json: false, color: false},
    env: {},
    version: '0.0.0-test',
    notice: (message) => {
      notices.push(message);
      told = true;
      answer();
    },
  });
  const registry = await root.registry();
  expect(await registry.tagExists({registry: 'registry', host, image: 'team/api'}, '1.0')).toEqual({status: 'missing'});
  expect(notices).toEqual([`still waiting for http://${host} (HEAD /v2/team/api/manifests/1.0) …`]);
});
