import {PassThrough, Readable} from 'node:stream';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {MemoryProfileStore} from '../../source/adapters/memory-profile-store.js';
import {createHttpRegistryPort} from '../../source/adapters/registry/http.js';
import {main} from '../../source/cli.js';
import {startDockerHub, type HubServer} from '../helpers/docker-hub.js';
import {FakeClock} from '../helpers/fake-clock.js';
import {testRoot} from '../helpers/fake-root.js';
import {fargateJsonProfile} from '../helpers/profile-fixtures.js';
import {fakeCheckPorts, healthyCheckState} from '../operations/deploy/fakes.js';

/** `ecs-wizard tags` against Docker Hub's tag API served from the fixture on loopback. */
describe('ecs-wizard tags', () => {
  let hub: HubServer;
  const store = new MemoryProfileStore();
  beforeAll(async () => {
    hub = await startDockerHub();
    await store.save(
      fargateJsonProfile({
        name: 'edge',
        service: {...fargateJsonProfile().service, artifact: {registry: 'dockerhub', host: 'registry.hub.docker.com', image: 'acme/edge-proxy', tag: '2.4.1'}},
      }),
    );
  });
  afterAll(async () => {
    await hub.stop();
  });

  async function cli(argv: string[]) {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = '';
    let err = '';
    stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const checks = {...fakeCheckPorts(healthyCheckState()), registry: createHttpRegistryPort({dockerHubUrl: hub.url, plainHttp: () => true})};
    const code = await main({
      argv,
      env: {CI: 'true'},
      io: {stdin: Readable.from([]), stdout, stderr},
      createRoot: () => testRoot({store, checks, clock: new FakeClock({start: Date.parse('2026-12-06T12:00:00Z')})}),
    });
    return {code, out, err};
  }

  test('--json: an array of {tag, created, digest, platforms}, newest first, exactly', async () => {
    const {code, out} = await cli(['tags', '--registry', 'dockerhub', '--image', 'acme/edge-proxy', '--limit', '3', '--json']);
    expect(code).toBe(0);
    // Exactly: the keys in this order, and the values of the fixture (a moving `latest` = 2.4.1's index digest).
    expect(out).toBe(
      `${JSON.stringify(
        [
          {
            tag: 'latest',
            created: '2026-11-20T09:14:03.441Z',
            digest: 'sha256:bcdb6cfc93b10c92cd055f52ae5dd69993305db27d39f5751f3c700986d3991b',
            platforms: ['linux/amd64', 'linux/arm64/v8'],
          },
          {
            tag: '2.4.1',
            created: '2026-11-20T09:13:58.112Z',
            digest: 'sha256:bcdb6cfc93b10c92cd055f52ae5dd69993305db27d39f5751f3c700986d3991b',
            platforms: ['linux/amd64', 'linux/arm64/v8'],
          },
          {
            tag: '2.4.1-arm64',
            created: '2026-11-19T17:02:44.907Z',
            digest: 'sha256:0c1d2e5379f9678c1bc9305abdb8ba2b7065cbe6ad66cd3ec13c1874e7b6e509',
            platforms: ['linux/arm64/v8'],
          },
        ],
        null,
        2,
      )}\n`,
    );
  });

  test("a profile's artifact: the plain table, with the age by the injected clock", async () => {
    const {code, out, err} = await cli(['tags', 'edge']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^TAG\s+CREATED\s+DIGEST\s+PLATFORMS$/);
    expect(lines.slice(1).map((line) => line.replace(/sha256:[0-9a-f]{12}/, 'sha256:…').replace(/\s{2,}/g, ' | '))).toEqual([
      'latest | 2026-11-20 09:14 | 16 days ago | sha256:… | linux/amd64, linux/arm64/v8',
      '2.4.1 | 2026-11-20 09:13 | 16 days ago | sha256:… | linux/amd64, linux/arm64/v8',
      '2.4.1-arm64 | 2026-11-19 17:02 | 16 days ago | sha256:… | linux/arm64/v8',
      '2.3.0 | 2026-08-02 11:40 | 4 months ago | sha256:… | linux/amd64',
      '2.2.0 | 2025-12-14 08:05 | 11 months ago | sha256:… | linux/amd64',
    ]);
  });

  test('bad input: exit 2 naming the flag; nothing is asked of a registry', async () => {
    hub.requests.length = 0;
    const cases: Array<[string[], string]> = [
      [['tags'], 'give a PROFILE, or --registry and --image'],
      [['tags', '--registry', 'dockerhub'], 'give a PROFILE, or --registry and --image'],
      [['tags', 'edge', '--registry', 'dockerhub', '--image', 'x'], 'give a PROFILE or --registry and --image, not both'],
      [['tags', '--registry', 'dockerhub', '--image', 'acme/edge-proxy:2.4.1'], "--image 'acme/edge-proxy:2.4.1' names a tag"],
      [['tags', '--registry', 'dockerhub', '--image', 'Bad Image'], "--image 'Bad Image' is not an image path"],
      [['tags', '--registry', 'not a host', '--image', 'team/api'], "--registry 'not a host' is not dockerhub, ecr or a registry host"],
      [['tags', 'edge', '--limit', '0'], "--limit must be a whole number of 1 or more, got '0'"],
      [['tags', 'nope'], 'nope'],
      [['tags', 'edge', '--env', 'qa'], 'qa'],
    ];
    for (const [argv, message] of cases) {
      const {code, out, err} = await cli(argv);
      expect({argv, code, out}).toEqual({argv, code: 2, out: ''});
      expect(err).toContain(message);
      expect(err).not.toMatch(/\n\s+at /);
    }
    expect(hub.requests).toEqual([]);
  });

  test('ECS_WIZARD_DOCKERHUB_URL that is not a URL: exit 2 naming it', async () => {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let err = '';
    stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const code = await main({
      argv: ['tags', '--registry', 'dockerhub', '--image', 'acme/edge-proxy'],
      env: {CI: 'true', ECS_WIZARD_DOCKERHUB_URL: 'not a url'},
      io: {stdin: Readable.from([]), stdout, stderr},
    });
    expect(code).toBe(2);
    expect(err).toContain("ECS_WIZARD_DOCKERHUB_URL 'not a url' is not an http(s) URL");
  });

  test('a registry that cannot be read: exit 1 with the reason', async () => {
    const {code, err} = await cli(['tags', '--registry', 'dockerhub', '--image', 'acme/nothing']);
    expect(code).toBe(1);
    expect(err).toContain('acme/nothing on Docker Hub: no such repository (or it is private)');
  });
});
