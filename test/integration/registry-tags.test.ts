import {CreateRepositoryCommand, PutImageCommand} from '@aws-sdk/client-ecr';
import {afterAll, beforeAll, beforeEach, describe, expect, test} from 'vitest';
import {createAwsClientFactory} from '../../source/adapters/aws/client-factory.js';
import {createEcrRegistryPort} from '../../source/adapters/aws/ecr.js';
import {createHttpRegistryPort, type FetchFunction} from '../../source/adapters/registry/http.js';
import type {ArtifactSource} from '../../source/domain/model.js';
import {registryTools, startDockerRegistry, type RegistryServer} from '../helpers/docker-registry.js';
import {useMoto} from '../helpers/moto.js';
import {pushIndex, pushPlatformImage} from '../helpers/registry-images.js';

/**
 * Tags with dates, digests and platforms, newest first: a real docker-registry on loopback whose tags' name order,
 * push order and date order all differ (an arm64-only image, a multi-platform OCI index with an attestation, a
 * moving `latest`, an image that gives no date), and ECR on moto (DescribeImages, BatchGetImage).
 */
const tools = registryTools();
if (tools.missing !== '' && process.env.CI === 'true') throw new Error(`CI=true but ${tools.missing}`);

function recordingFetch(): {fetch: FetchFunction; urls: string[]} {
  const urls: string[] = [];
  return {
    urls,
    fetch: (input, init) => {
      urls.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`);
      return fetch(input, init);
    },
  };
}

describe('a v2 registry: dates from the image config, platforms from the index or the config', () => {
  let registry: RegistryServer;
  const digests: Record<string, string> = {};
  let artifact: ArtifactSource;
  beforeEach((context) => {
    if (tools.missing !== '') context.skip(tools.missing);
  });

  beforeAll(async () => {
    if (tools.dockerRegistry === undefined) return;
    registry = await startDockerRegistry(tools.dockerRegistry);
    artifact = {registry: 'registry', host: registry.host, image: 'team/web'};
    // Push order: 2.0, 1.10, 1.9, latest (first at 2.0, then moved to 1.9's image), edge.
    // Name order: 1.9, 1.10, 2.0, edge, latest. Date order: 1.9 = latest (2026-03), 2.0 (2026-01), 1.10 (2025-06), edge (no date).
    digests['2.0'] = (
      await pushPlatformImage(registry.url, 'team/web', {created: '2026-01-15T10:00:00Z', architecture: 'arm64', variant: 'v8', seed: '2.0'}, ['2.0', 'latest'])
    ).digest;
    digests['1.10'] = await pushIndex(
      registry.url,
      'team/web',
      [
        {created: '2025-06-01T08:30:00.123456789Z', architecture: 'amd64', seed: '1.10 amd64'},
        {created: '2025-06-01T08:31:00Z', architecture: 'arm64', variant: 'v8', seed: '1.10 arm64'},
      ],
      ['1.10'],
      {attestation: true},
    );
    digests['1.9'] = (
      await pushPlatformImage(registry.url, 'team/web', {created: '2026-03-01T12:00:00Z', architecture: 'amd64', seed: '1.9'}, ['1.9', 'latest'])
    ).digest;
    digests['edge'] = (await pushPlatformImage(registry.url, 'team/web', {architecture: 'amd64', seed: 'edge'}, ['edge'])).digest;
  });
  afterAll(async () => {
    await registry?.stop();
  });

  test('datedTags: newest first by the config date (not name, not push order); a moving name shows the digest it points to now', async () => {
    const port = createHttpRegistryPort();
    const result = await port.datedTags(artifact);
    expect(result).toEqual({
      newestFirst: true,
      tags: [
        {tag: 'latest', pushedAt: '2026-03-01T12:00:00.000Z', digest: digests['1.9'], platforms: ['linux/amd64']},
        {tag: '1.9', pushedAt: '2026-03-01T12:00:00.000Z', digest: digests['1.9'], platforms: ['linux/amd64']},
        {tag: '2.0', pushedAt: '2026-01-15T10:00:00.000Z', digest: digests['2.0'], platforms: ['linux/arm64/v8']},
        {tag: '1.10', pushedAt: '2025-06-01T08:30:00.123Z', digest: digests['1.10'], platforms: ['linux/amd64', 'linux/arm64/v8']},
        {tag: 'edge', digest: digests['edge'], platforms: ['linux/amd64']},
      ],
    });
  });

  test('describeTags reads only the tags asked for, once per run (cached); a digest too; a missing tag is left out', async () => {
    const recorder = recordingFetch();
    const port = createHttpRegistryPort({fetch: recorder.fetch});
    const first = await port.describeTags(artifact, ['2.0', 'nope']);
    expect(first).toEqual([{tag: '2.0', pushedAt: '2026-01-15T10:00:00.000Z', digest: digests['2.0'], platforms: ['linux/arm64/v8']}]);
    // The two tags are read side by side: their requests interleave.
    expect(recorder.urls.filter((url) => !url.endsWith('/v2/')).sort()).toEqual([
      `GET /v2/team/web/blobs/${recorder.urls.find((url) => url.includes('/blobs/'))?.split('/blobs/')[1]}`,
      'GET /v2/team/web/manifests/2.0',
      'GET /v2/team/web/manifests/nope',
    ]);
    const asked = recorder.urls.length;
    expect(await port.describeTags(artifact, ['2.0'])).toEqual(first);
    expect(recorder.urls.length).toBe(asked);
    const byDigest = await port.describeTags(artifact, [`1.10@${digests['1.10']}`]);
    expect(byDigest).toEqual([
      {tag: `1.10@${digests['1.10']}`, pushedAt: '2025-06-01T08:30:00.123Z', digest: digests['1.10'], platforms: ['linux/amd64', 'linux/arm64/v8']},
    ]);
  });

  test('a Docker manifest list gives its platforms too (application/vnd.docker.distribution.manifest.list.v2+json)', async () => {
    const digest = await pushIndex(
      registry.url,
      'team/list',
      [
        {created: '2026-02-02T02:02:02Z', architecture: 'amd64', seed: 'list amd64'},
        {created: '2026-02-02T02:03:00Z', architecture: 'arm', variant: 'v7', seed: 'list arm'},
      ],
      ['3.0'],
      {format: 'docker'},
    );
    const port = createHttpRegistryPort();
    expect(await port.describeTags({...artifact, image: 'team/list'}, ['3.0'])).toEqual([
      {tag: '3.0', pushedAt: '2026-02-02T02:02:02.000Z', digest, platforms: ['linux/amd64', 'linux/arm/v7']},
    ]);
  });

  test('a tag whose image config is gone keeps its place without details; the others are read', async () => {
    await pushPlatformImage(registry.url, 'team/odd', {created: '2026-01-01T00:00:00Z', architecture: 'amd64', seed: 'odd ok'}, ['ok']);
    await pushPlatformImage(registry.url, 'team/odd', {created: '2026-02-01T00:00:00Z', architecture: 'amd64', seed: 'odd broken'}, ['broken']);
    // Delete the broken image's config blob (the test registry allows deletes).
    const read = await fetch(`${registry.url}/v2/team/odd/manifests/broken`, {headers: {accept: 'application/vnd.oci.image.manifest.v1+json'}});
    const config = ((await read.json()) as {config: {digest: string}}).config.digest;
    const deleted = await fetch(`${registry.url}/v2/team/odd/blobs/${config}`, {method: 'DELETE'});
    await deleted.body?.cancel();
    expect(deleted.status).toBe(202);
    const result = await createHttpRegistryPort().datedTags({...artifact, image: 'team/odd'});
    expect(result.tags.map((tag) => [tag.tag, tag.platforms])).toEqual([
      ['ok', ['linux/amd64']],
      ['broken', undefined],
    ]);
    // Asked for that one tag (the platform check), the reason is said.
    await expect(createHttpRegistryPort().describeTags({...artifact, image: 'team/odd'}, ['broken'])).rejects.toMatchObject({
      kind: 'not-found',
      message: `team/odd on ${registry.host}: the image config ${config.slice(0, 19)}… is missing (HTTP 404)`,
    });
  });

  test('datedTags with a limit still orders every tag (a v2 list says nothing of age) and returns the first ones', async () => {
    const port = createHttpRegistryPort();
    const result = await port.datedTags(artifact, {limit: 2});
    expect(result.tags.map((tag) => tag.tag)).toEqual(['latest', '1.9']);
  });
});

describe('ECR on moto: DescribeImages for dates and digests, BatchGetImage for platforms', () => {
  const moto = useMoto();
  const factory = createAwsClientFactory({env: moto.env, userAgent: 'ecs-wizard/test'});
  const host = '123456789012.dkr.ecr.us-east-1.amazonaws.com';
  const artifact: ArtifactSource = {registry: 'ecr', host, image: 'team/edge'};
  const index = JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.index.v1+json',
    manifests: [
      {
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        size: 500,
        digest: `sha256:${'a'.repeat(64)}`,
        platform: {architecture: 'arm64', os: 'linux', variant: 'v8'},
      },
      {
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        size: 500,
        digest: `sha256:${'b'.repeat(64)}`,
        platform: {architecture: 'unknown', os: 'unknown'},
      },
    ],
  });
  const single = JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
    config: {mediaType: 'application/vnd.docker.container.image.v1+json', size: 100, digest: `sha256:${'c'.repeat(64)}`},
    layers: [{mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip', size: 10, digest: `sha256:${'d'.repeat(64)}`}],
  });

  beforeAll(async () => {
    if (moto.skipped) return;
    const ecr = await factory.client('ecr');
    await ecr.send(new CreateRepositoryCommand({repositoryName: 'team/edge'}));
    await ecr.send(new PutImageCommand({repositoryName: 'team/edge', imageTag: 'v1', imageManifest: single}));
    await ecr.send(new PutImageCommand({repositoryName: 'team/edge', imageTag: 'arm', imageManifest: index}));
  });

  test('datedTags: the index gives its platforms (not the attestation); a single manifest whose config cannot be fetched has none', async () => {
    const port = createEcrRegistryPort(() => factory);
    const result = await port.datedTags(artifact);
    expect(result.newestFirst).toBe(true);
    const byTag = Object.fromEntries(result.tags.map((tag) => [tag.tag, tag]));
    expect(byTag['arm']?.platforms).toEqual(['linux/arm64/v8']);
    expect(byTag['arm']?.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(byTag['arm']?.pushedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    // moto does not implement GetDownloadUrlForLayer: the platform of a single manifest is not known (never guessed).
    expect(byTag['v1']?.platforms).toBeUndefined();
    expect(byTag['v1']?.digest).toMatch(/^sha256:/);
  });

  test('describeTags: the tags asked for; a missing tag is left out', async () => {
    const port = createEcrRegistryPort(() => factory);
    const found = await port.describeTags(artifact, ['arm', 'nope']);
    expect(found.map((tag) => [tag.tag, tag.platforms])).toEqual([['arm', ['linux/arm64/v8']]]);
  });
});

describe("an EC2 cluster's container instance architectures on moto (ListContainerInstances, DescribeContainerInstances)", () => {
  const moto = useMoto();
  const factory = createAwsClientFactory({env: moto.env, userAgent: 'ecs-wizard/test'});

  test('the ecs.cpu-architecture attribute the agent puts on each instance (moto does not set it itself: it is put here)', async () => {
    const {EC2Client, RunInstancesCommand} = await import('@aws-sdk/client-ec2');
    const {ECSClient, CreateClusterCommand, PutAttributesCommand, RegisterContainerInstanceCommand} = await import('@aws-sdk/client-ecs');
    const config = {endpoint: moto.url, region: 'us-east-1', credentials: {accessKeyId: 'test', secretAccessKey: 'test'}};
    const ec2 = new EC2Client(config);
    const ecsClient = new ECSClient(config);
    await ecsClient.send(new CreateClusterCommand({clusterName: 'arm-ec2'}));
    const instances = await ec2.send(new RunInstancesCommand({ImageId: 'ami-12c6146b', MinCount: 2, MaxCount: 2, InstanceType: 'm7g.medium'}));
    const arns: string[] = [];
    for (const instance of instances.Instances ?? []) {
      const document = JSON.stringify({instanceId: instance.InstanceId, region: 'us-east-1', architecture: 'arm64'});
      const registered = await ecsClient.send(new RegisterContainerInstanceCommand({cluster: 'arm-ec2', instanceIdentityDocument: document}));
      arns.push(registered.containerInstance?.containerInstanceArn ?? '');
    }
    const {createEcsPort} = await import('../../source/adapters/aws/ecs.js');
    const ecs = await createEcsPort(factory);
    // As moto registers them: no architecture attribute (the real agent sets it) — nothing to go by.
    expect(await ecs.containerInstanceArchitectures!('arm-ec2')).toEqual([]);
    await ecsClient.send(
      new PutAttributesCommand({cluster: 'arm-ec2', attributes: arns.map((targetId) => ({name: 'ecs.cpu-architecture', value: 'arm64', targetId}))}),
    );
    expect(await ecs.containerInstanceArchitectures!('arm-ec2')).toEqual(['arm64', 'arm64']);
    expect(await ecs.containerInstanceArchitectures!('default')).toEqual([]);
  });
});
