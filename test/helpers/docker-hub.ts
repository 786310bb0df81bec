/**
 * Docker Hub's tag API on loopback, answering from the fixture test/fixtures/dockerhub/edge-proxy-tags.json (two
 * pages of `acme/edge-proxy`), with `https://hub.docker.com` in its links replaced by this server's origin. Point
 * the program at it with ECS_WIZARD_DOCKERHUB_URL (or the port's `dockerHubUrl`).
 */
import {readFileSync} from 'node:fs';
import {createServer, type Server} from 'node:http';

const FIXTURE = new URL('../fixtures/dockerhub/edge-proxy-tags.json', import.meta.url);
const PATH = '/v2/namespaces/acme/repositories/edge-proxy/tags';

export interface HubServer {
  /** `http://127.0.0.1:PORT`. */
  url: string;
  /** Every request's path and query, in order. */
  requests: string[];
  stop(): Promise<void>;
}

export async function startDockerHub(): Promise<HubServer> {
  const requests: string[] = [];
  let origin = '';
  const text = (): string => readFileSync(FIXTURE, 'utf8').replaceAll('https://hub.docker.com', origin);
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', origin);
    requests.push(`${url.pathname}${url.search}`);
    const pages = (JSON.parse(text()) as {pages: Array<{results: Array<{name: string}>}>}).pages;
    const json = (status: number, body: unknown): void => {
      response.writeHead(status, {'content-type': 'application/json'});
      response.end(JSON.stringify(body));
    };
    if (url.pathname === PATH) {
      const page = Number(url.searchParams.get('page') ?? '1');
      const found = pages[page - 1];
      if (found === undefined) return json(404, {message: 'page not found', errinfo: {}});
      return json(200, found);
    }
    if (url.pathname.startsWith(`${PATH}/`)) {
      const name = decodeURIComponent(url.pathname.slice(PATH.length + 1));
      const result = pages.flatMap((page) => page.results).find((tag) => tag.name === name);
      return result === undefined ? json(404, {message: 'object not found', errinfo: {}}) : json(200, result);
    }
    return json(404, {message: 'object not found', errinfo: {}});
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  return {
    url: origin,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
