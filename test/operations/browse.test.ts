import {describe, expect, test} from 'vitest';
import type {JsonObject} from '../../source/domain/json.js';
import {
  artifactContainerIndex,
  clustersPage,
  familiesPage,
  formatTimestamp,
  parseTaskDefinitionArn,
  revisionDetails,
  revisionsPage,
  servicesPage,
  summariseService,
  summariseTaskDefinition,
  summaryLine,
  taskDefinitionCache,
} from '../../source/operations/browse.js';
import type {EcsPort, Page} from '../../source/ports/ecs.js';
import {PagingEcs, seedFamilies, seedTaskDefinition} from '../helpers/paging-ecs.js';

/** Reads every page through `next`, returning the items and how many calls it took. */
async function all<T>(next: (token: string | undefined) => Promise<Page<T>>): Promise<{items: T[]; pages: number}> {
  const items: T[] = [];
  let token: string | undefined;
  let pages = 0;
  do {
    const page = await next(token);
    items.push(...page.items);
    token = page.nextToken;
    pages += 1;
  } while (token !== undefined);
  return {items, pages};
}

describe('pages', () => {
  test('families: 100 a page, ACTIVE or INACTIVE', async () => {
    const ecs = new PagingEcs();
    const families = seedFamilies(ecs, {families: 250, revisions: 1});
    ecs.deregisterFamily('family-0003');
    const first = await familiesPage(ecs, {status: 'ACTIVE'});
    expect(first.items).toHaveLength(100);
    expect(first.nextToken).toBeDefined();
    expect(ecs.calls[0]?.args[0]).toMatchObject({status: 'ACTIVE', maxResults: 100});
    const active = await all((nextToken) => familiesPage(ecs, {status: 'ACTIVE', ...(nextToken === undefined ? {} : {nextToken})}));
    expect(active).toEqual({items: families.filter((family) => family !== 'family-0003'), pages: 3});
    expect((await familiesPage(ecs, {status: 'INACTIVE'})).items).toEqual(['family-0003']);
  });

  test('revisions: newest first, in pages, only the family asked for', async () => {
    const ecs = new PagingEcs();
    seedFamilies(ecs, {families: 1, revisions: 230, prefix: 'web'});
    ecs.register(seedTaskDefinition('web-0000-api', 1));
    const {items, pages} = await all((nextToken) =>
      revisionsPage(ecs, {family: 'web-0000', status: 'ACTIVE', ...(nextToken === undefined ? {} : {nextToken})}),
    );
    expect(pages).toBe(3);
    expect(items.map((row) => row.revision)).toEqual(Array.from({length: 230}, (_, index) => 230 - index));
    expect(items[0]).toEqual({arn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web-0000:230', family: 'web-0000', revision: 230});

    // An implementation that reads familyPrefix as a prefix lists web-api under web: those rows are dropped.
    const prefixMatching = {
      ...ecs,
      region: 'us-east-1',
      listTaskDefinitions: async () => ({
        items: [
          'arn:aws:ecs:us-east-1:1:task-definition/web:2',
          'arn:aws:ecs:us-east-1:1:task-definition/web-api:9',
          'arn:aws:ecs:us-east-1:1:task-definition/web:1',
        ],
      }),
    } as unknown as EcsPort;
    expect((await revisionsPage(prefixMatching, {family: 'web', status: 'ACTIVE'})).items.map((row) => row.revision)).toEqual([2, 1]);
  });

  test('clusters and services by name', async () => {
    const ecs = new PagingEcs();
    ecs.register(seedTaskDefinition('web', 1));
    for (let index = 0; index < 120; index += 1) ecs.addService({cluster: 'prod', serviceName: `svc-${index}`, taskDefinition: 'web'});
    expect((await clustersPage(ecs)).items).toEqual([{name: 'prod', arn: 'arn:aws:ecs:us-east-1:123456789012:cluster/prod'}]);
    const first = await servicesPage(ecs, 'prod');
    expect(first.items[0]).toEqual({name: 'svc-0', arn: 'arn:aws:ecs:us-east-1:123456789012:service/prod/svc-0'});
    expect(first.items).toHaveLength(100);
    expect((await servicesPage(ecs, 'prod', first.nextToken)).items).toHaveLength(20);
  });

  test.each([
    ['arn:aws:ecs:eu-west-1:123456789012:task-definition/web:12', {family: 'web', revision: 12}],
    ['web:3', {family: 'web', revision: 3}],
    ['web', {family: 'web', revision: 0}],
    ['arn:aws-cn:ecs:cn-north-1:123456789012:task-definition/a-b_c:7', {family: 'a-b_c', revision: 7}],
  ])('parseTaskDefinitionArn(%s)', (arn, expected) => {
    expect(parseTaskDefinitionArn(arn)).toEqual(expected);
  });
});

describe('summaries', () => {
  const ecs = new PagingEcs();
  const described = ecs.register(seedTaskDefinition('shop', 4, {sidecar: true})).taskDefinition;

  test('task definition: the one-line summary of the preview', () => {
    const summary = summariseTaskDefinition(described);
    expect(summary).toMatchObject({
      reference: 'shop:1',
      launchTypes: ['FARGATE'],
      networkMode: 'awsvpc',
      cpu: '256',
      memory: '512',
      artifactContainer: 1,
      status: 'ACTIVE',
    });
    expect(summaryLine(summary)).toBe(
      'FARGATE · awsvpc · 256 CPU / 512 MiB · log_router=public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.0, web=registry.example.com:5000/team/shop:1.4.0 · role ecsTaskExecutionRole · registered 2026-01-01 00:01 UTC',
    );
    expect(summariseTaskDefinition({taskDefinition: described}).reference).toBe('shop:1');
    expect(revisionDetails(described)).toEqual({image: 'registry.example.com:5000/team/shop:1.4.0', sidecars: 1, registeredAt: '2026-01-01T00:01:00.000Z'});
  });

  test.each([
    [
      'the first essential container with port mappings',
      [{name: 'a', essential: false, portMappings: [{containerPort: 1}]}, {name: 'b'}, {name: 'c', portMappings: [{containerPort: 2}]}],
      undefined,
      2,
    ],
    ['else the first', [{name: 'a'}, {name: 'b'}], undefined, 0],
    ['by name', [{name: 'a'}, {name: 'b'}], 'b', 1],
    ['an unknown name', [{name: 'a'}], 'z', -1],
  ])('artifact container: %s', (_name, containers, wanted, index) => {
    expect(artifactContainerIndex({containerDefinitions: containers as JsonObject[]}, wanted)).toBe(index);
  });

  test('a summary without size, role or launch type says so', () => {
    expect(summaryLine(summariseTaskDefinition({family: 'x', revision: 1, containerDefinitions: []}))).toBe(
      'no launch type · bridge · no containers · no execution role',
    );
  });

  test('service: task definition, counts, launch type, network, registries, deployments', () => {
    const state = ecs.addService({
      cluster: 'prod',
      serviceName: 'shop',
      taskDefinition: 'shop',
      desiredCount: 3,
      launchType: 'FARGATE',
      networkConfiguration: {awsvpcConfiguration: {subnets: ['subnet-1', 'subnet-2'], securityGroups: ['sg-1'], assignPublicIp: 'ENABLED'}},
      serviceRegistries: [
        {registryArn: 'arn:aws:servicediscovery:us-east-1:123456789012:service/srv-1', containerName: 'web', containerPort: 8080},
        {registryArn: 'arn:aws:servicediscovery:us-east-1:123456789012:service/srv-2', port: 53},
      ],
    });
    const summary = summariseService({
      ...state,
      deployments: [
        {
          id: 'd',
          status: 'PRIMARY',
          taskDefinition: state.taskDefinition,
          desiredCount: 3,
          pendingCount: 1,
          runningCount: 2,
          failedTasks: 0,
          rolloutState: 'IN_PROGRESS',
        },
      ],
    });
    expect(summary).toEqual({
      name: 'shop',
      cluster: 'prod',
      status: 'ACTIVE',
      taskDefinition: 'shop:1',
      desiredCount: 3,
      runningCount: 0,
      pendingCount: 0,
      launchType: 'FARGATE',
      schedulingStrategy: 'REPLICA',
      network: {subnets: ['subnet-1', 'subnet-2'], securityGroups: ['sg-1'], assignPublicIp: 'ENABLED'},
      registries: [
        'arn:aws:servicediscovery:us-east-1:123456789012:service/srv-1 (web:8080)',
        'arn:aws:servicediscovery:us-east-1:123456789012:service/srv-2 (port 53)',
      ],
      loadBalancers: [],
      deployments: ['PRIMARY shop:1 2/3 running · IN_PROGRESS'],
    });
  });

  test.each([
    ['2026-11-28T02:37:30.636Z', '2026-11-28 02:37 UTC'],
    ['2026-11-28T02:37:30+01:00', '2026-11-28 02:37'],
    ['yesterday', 'yesterday'],
  ])('formatTimestamp(%s)', (iso, text) => {
    expect(formatTimestamp(iso)).toBe(text);
  });
});

describe('described task definitions are cached per port', () => {
  test('one DescribeTaskDefinition per reference, shared by concurrent callers; missing is undefined', async () => {
    const ecs = new PagingEcs();
    seedFamilies(ecs, {families: 1, revisions: 3});
    const cache = taskDefinitionCache(ecs);
    expect(taskDefinitionCache(ecs)).toBe(cache);
    const [a, b] = await Promise.all([cache.load('family-0000:2'), cache.load('family-0000:2')]);
    expect(a).toBe(b);
    expect(a?.taskDefinition['revision']).toBe(2);
    expect(cache.peek('family-0000:2')).toBe(a);
    await cache.load('family-0000:2');
    expect(ecs.count('describeTaskDefinition')).toBe(1);
    expect(await cache.load('nope:1')).toBeUndefined();
  });

  test('prefetch describes at most `concurrency` at a time, newest request first, and can be cancelled', async () => {
    const ecs = new PagingEcs();
    seedFamilies(ecs, {families: 1, revisions: 20});
    const gate = ecs.hold('describeTaskDefinition');
    const cache = taskDefinitionCache(ecs, 2);
    const loaded: string[] = [];
    const cancelFirst = cache.prefetch(['family-0000:1', 'family-0000:2', 'family-0000:3', 'family-0000:4'], (reference) => loaded.push(reference));
    expect(ecs.count('describeTaskDefinition')).toBe(2);
    cache.prefetch(['family-0000:10'], (reference) => loaded.push(reference));
    cancelFirst();
    gate.release();
    await expect.poll(() => loaded).toEqual(['family-0000:10']);
    // The two that were running finished (and are cached) but were not reported; the cancelled queue never ran.
    expect(ecs.calls.filter((call) => call.method === 'describeTaskDefinition').map((call) => call.args[0])).toEqual([
      'family-0000:1',
      'family-0000:2',
      'family-0000:10',
    ]);
    expect(cache.peek('family-0000:1')).toBeDefined();
    // Already described: reported at once, without a call.
    const again: string[] = [];
    cache.prefetch(['family-0000:1'], (reference) => again.push(reference));
    expect(again).toEqual(['family-0000:1']);
  });

  test('a failed describe is not cached, and prefetch skips it', async () => {
    const ecs = new PagingEcs();
    seedFamilies(ecs, {families: 1, revisions: 2});
    ecs.failNext('describeTaskDefinition', 'throttled', 'Rate exceeded');
    const cache = taskDefinitionCache(ecs);
    await expect(cache.load('family-0000:1')).rejects.toThrow('Rate exceeded');
    expect((await cache.load('family-0000:1'))?.taskDefinition['revision']).toBe(1);
    ecs.failNext('describeTaskDefinition', 'throttled');
    const loaded: string[] = [];
    cache.prefetch(['family-0000:2', 'family-0000:1'], (reference) => loaded.push(reference));
    await expect.poll(() => loaded).toEqual(['family-0000:1']);
  });
});
