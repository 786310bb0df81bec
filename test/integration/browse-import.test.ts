/**
 * Browse and import against moto through the real SDK: 100 families, 1,000 revisions and a few services,
 * seeded through the SDK; the browser screens on a real composition root; the import round trip of a live
 * service (import → render with the current tag → diff against what ECS describes: no change).
 *
 * moto returns every revision in one page (it ignores maxResults): paging by 100 is tested against the fake
 * port in test/operations and test/ui.
 */
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import React from 'react';
import {cleanup, render as renderInk} from 'ink-testing-library';
import {afterAll, afterEach, beforeAll, describe, expect, test} from 'vitest';
import {createAwsClientFactory} from '../../source/adapters/aws/client-factory.js';
import {createEcsPort} from '../../source/adapters/aws/ecs.js';
import {MemoryProfileStore} from '../../source/adapters/memory-profile-store.js';
import {createCompositionRoot} from '../../source/composition.js';
import type {CompositionRoot} from '../../source/ports/root.js';
import {diffPlan} from '../../source/domain/diff.js';
import type {JsonObject} from '../../source/domain/json.js';
import {toRegisterTaskDefinitionInput} from '../../source/domain/normalise/registrable-input.js';
import {render} from '../../source/domain/render.js';
import {renderAndValidate} from '../../source/domain/render-and-validate.js';
import {familiesPage, revisionsPage, servicesPage, clustersPage} from '../../source/operations/browse.js';
import {fetchServiceSource, fetchTaskDefinitionSource, planImport, suggestNames} from '../../source/operations/import.js';
import type {EcsPort} from '../../source/ports/ecs.js';
import {App} from '../../source/ui/app.js';
import {press, type, waitForFrame} from '../helpers/ink.js';
import {useMoto} from '../helpers/moto.js';

const FAMILIES = 100;
const REVISIONS_PER_FAMILY = 10;
const ROLE = 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole';
const DIGEST = `sha256:${'0f'.repeat(32)}`;

/** Runs `jobs` at most `limit` at a time. */
async function bounded(jobs: Array<() => Promise<unknown>>, limit: number): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({length: limit}, async () => {
      while (next < jobs.length) {
        const job = jobs[next]!;
        next += 1;
        await job();
      }
    }),
  );
}

const family = (index: number): string => `app-${String(index).padStart(3, '0')}`;

/** Revision r of family i: every 10th family has a log router sidecar; family 7 pins a digest on a registry with a port. */
function taskDefinition(index: number, revision: number): JsonObject {
  const web: JsonObject = {
    name: 'web',
    image: index === 7 ? `localhost:5000/team/app-007@${DIGEST}` : `registry.example.com:5000/team/${family(index)}:1.${revision}.0`,
    essential: true,
    portMappings: [{containerPort: 8080, protocol: 'tcp'}],
    environment: [{name: 'REVISION', value: String(revision)}],
  };
  const sidecar: JsonObject = {
    name: 'log_router',
    image: 'public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.0',
    essential: false,
    firelensConfiguration: {type: 'fluentbit'},
  };
  return {
    family: family(index),
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '256',
    memory: '512',
    executionRoleArn: ROLE,
    containerDefinitions: index % 10 === 0 ? [sidecar, web] : [web],
  };
}

describe('browse and import against moto', () => {
  const moto = useMoto();
  const factory = createAwsClientFactory({env: moto.env, userAgent: 'ecs-wizard/test'});
  let ecs: EcsPort;
  let network: {subnet: string; group: string};
  afterAll(() => factory.destroy());
  afterEach(() => cleanup());

  beforeAll(async () => {
    if (moto.skipped) return;
    ecs = await createEcsPort(factory);
    const client = await factory.ecs();
    const {RegisterTaskDefinitionCommand, CreateClusterCommand, CreateServiceCommand} = await import('@aws-sdk/client-ecs');
    const started = performance.now();
    // One job per family registers its revisions in order (families side by side): each family's revisions are
    // numbered in order however slow one request is (moto numbers them in the order they arrive).
    const jobs: Array<() => Promise<unknown>> = [];
    for (let index = 0; index < FAMILIES; index += 1)
      jobs.push(async () => {
        for (let revision = 1; revision <= REVISIONS_PER_FAMILY; revision += 1)
          await client.send(new RegisterTaskDefinitionCommand(taskDefinition(index, revision) as never));
      });
    await bounded(jobs, 8);
    const seeded = performance.now() - started;

    const ec2 = await factory.client('ec2');
    const {CreateVpcCommand, CreateSubnetCommand, CreateSecurityGroupCommand} = await import('@aws-sdk/client-ec2');
    const vpc = await ec2.send(new CreateVpcCommand({CidrBlock: '10.1.0.0/16'}));
    const subnet = await ec2.send(new CreateSubnetCommand({VpcId: vpc.Vpc!.VpcId!, CidrBlock: '10.1.1.0/24'}));
    const group = await ec2.send(new CreateSecurityGroupCommand({GroupName: 'web', Description: 'web', VpcId: vpc.Vpc!.VpcId!}));
    network = {subnet: subnet.Subnet!.SubnetId!, group: group.GroupId!};
    await client.send(new CreateClusterCommand({clusterName: 'prod'}));
    for (const [name, index] of [
      ['web', 1],
      ['shop', 10],
      ['pinned', 7],
    ] as const) {
      await client.send(
        new CreateServiceCommand({
          cluster: 'prod',
          serviceName: name,
          taskDefinition: `${family(index)}:${REVISIONS_PER_FAMILY}`,
          desiredCount: 2,
          launchType: 'FARGATE',
          networkConfiguration: {awsvpcConfiguration: {subnets: [network.subnet], securityGroups: [network.group], assignPublicIp: 'ENABLED'}},
          serviceRegistries: [{registryArn: 'arn:aws:servicediscovery:us-east-1:123456789012:service/srv-abcdef', containerName: 'web', containerPort: 8080}],
          propagateTags: 'SERVICE',
        }),
      );
    }
    console.log(
      `seeded ${FAMILIES} families × ${REVISIONS_PER_FAMILY} revisions (${FAMILIES * REVISIONS_PER_FAMILY} RegisterTaskDefinition, 8 at a time) in ${Math.round(seeded)} ms`,
    );
  });

  test('families, revisions (newest first), clusters and services through the real SDK', async () => {
    const families: string[] = [];
    let token: string | undefined;
    do {
      const page = await familiesPage(ecs, {status: 'ACTIVE', ...(token === undefined ? {} : {nextToken: token})});
      families.push(...page.items);
      token = page.nextToken;
    } while (token !== undefined);
    expect(families).toHaveLength(FAMILIES);
    expect(families[0]).toBe('app-000');
    const revisions = await revisionsPage(ecs, {family: 'app-001', status: 'ACTIVE'});
    expect(revisions.items.map((row) => row.revision)).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    // app-010 … app-019 start with app-01: only app-01's own revisions (ListTaskDefinitions takes the full family).
    expect(new Set((await revisionsPage(ecs, {family: 'app-01', status: 'ACTIVE'})).items.map((row) => row.family))).toEqual(new Set());
    expect((await clustersPage(ecs)).items.map((row) => row.name)).toEqual(['prod']);
    expect((await servicesPage(ecs, 'prod')).items.map((row) => row.name).sort()).toEqual(['pinned', 'shop', 'web']);
  });

  test('import a live service: deployed with the current tag, the diff says no change', async () => {
    for (const name of ['web', 'shop', 'pinned']) {
      const source = await fetchServiceSource(ecs, 'prod', name);
      const plan = planImport(source, {names: suggestNames({serviceName: name, cluster: 'prod'}), now: '2026-02-01T00:00:00.000Z'});
      expect(
        plan.issues.filter((issue) => issue.severity !== 'info'),
        name,
      ).toEqual([]);
      const profile = plan.profile!;
      expect(profile.environments[0]).toEqual({
        name: 'production',
        region: 'us-east-1',
        cluster: 'prod',
        launchType: 'FARGATE',
        network: {subnets: [network.subnet], securityGroups: [network.group], assignPublicIp: true},
        executionRoleArn: ROLE,
        overrides: {},
      });
      const rendered = renderAndValidate({profile, environment: 'production', tag: profile.service.artifact.tag});
      expect(
        rendered.issues.filter((issue) => issue.severity === 'error'),
        name,
      ).toEqual([]);
      const diff = diffPlan({
        taskDefinition: {desired: rendered.taskDefinition!, current: source.taskDefinition},
        service: {desired: rendered.service!, current: source.service},
      });
      expect([...diff.taskDefinition.changes, ...diff.service.changes], name).toEqual([]);
      expect(diff.impact, name).toBe('none');
      // Field for field: the registrable input of the revision the service runs.
      expect(rendered.taskDefinition).toEqual(toRegisterTaskDefinitionInput(source.taskDefinition!).value);
    }
  });

  test('import a revision with a digest-pinned image on a registry with a port: the image comes back character for character', async () => {
    const source = await fetchTaskDefinitionSource(ecs, 'app-007:3');
    const plan = planImport(source, {names: suggestNames({family: 'app-007'}), now: '2026-02-01T00:00:00.000Z'});
    expect(plan.profile!.service.artifact).toEqual({registry: 'registry', host: 'localhost:5000', image: 'team/app-007', tag: DIGEST});
    const rendered = render({profile: plan.profile!, environment: 'production'});
    expect(rendered.taskDefinition).toEqual(toRegisterTaskDefinitionInput(source.taskDefinition!).value);
    expect(
      diffPlan({taskDefinition: {desired: rendered.taskDefinition!, current: source.taskDefinition}, service: {desired: rendered.service!, current: undefined}})
        .taskDefinition.changes,
    ).toEqual([]);
  });

  describe('the browser screens on the real SDK', () => {
    let root: CompositionRoot;
    let store: MemoryProfileStore;
    beforeAll(() => {
      store = new MemoryProfileStore();
      const real = createCompositionRoot({
        globals: {json: false, color: false, endpointUrl: moto.url},
        env: {...moto.env, ECS_WIZARD_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'ecsw-it-'))},
        version: '0.0.0-test',
      });
      root = {...real, profileStore: async () => store};
    });

    test('families → filter → revisions → preview → import a revision with a sidecar', async () => {
      const app = renderInk(React.createElement(App, {root, initial: {name: 'home'}}));
      await waitForFrame(app, 'Browse task definitions');
      // Down the home menu to the entry, whatever entries come before it.
      for (let step = 0; step < 12 && !(app.lastFrame() ?? '').includes('❯ Browse task definitions'); step += 1) {
        await press(app, 'j');
        await waitForFrame(app, /❯ /);
      }
      expect(app.lastFrame()).toContain('❯ Browse task definitions');
      const opened = performance.now();
      await press(app, 'enter');
      let frame = await waitForFrame(app, '❯ app-000');
      console.log(
        `in-process: Enter on "Browse task definitions" → families on screen in ${Math.round(performance.now() - opened)} ms (the key waits for React to be idle, nothing else)`,
      );
      expect(frame).toContain('region us-east-1 · AWS profile default');
      expect(frame).toContain(`${FAMILIES} families`);
      await press(app, '/');
      await type(app, '020');
      frame = await waitForFrame(app, '1 matching "020"');
      await press(app, 'enter');
      frame = await waitForFrame(app, /❯ :10 +public\.ecr\.aws|❯ :10 +registry\.example\.com:5000\/team\/app-020:1\.10\.0/);
      await waitForFrame(app, /:10 +registry\.example\.com:5000\/team\/app-020:1\.10\.0 \(\+1 other container\)/, {changed: false});
      await press(app, '/');
      await type(app, '1.4.0');
      await waitForFrame(app, '❯ :4 ');
      await press(app, 'enter');
      frame = await waitForFrame(app, /app-020:4 FARGATE · awsvpc/);
      expect(frame).toContain('"image": "public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.0"');
      await press(app, 'i');
      await waitForFrame(app, '❯ Create a new profile');
      await press(app, 'enter');
      await waitForFrame(app, '❯ web');
      await press(app, 'enter');
      await waitForFrame(app, /Profile name +app-020-production/);
      for (let field = 0; field < 4; field += 1) await press(app, 'enter');
      frame = await waitForFrame(app, 'Press enter to save.');
      expect(frame.replace(/\s+/g, ' ')).toContain('containerDefinitions[1].image: registry.example.com:5000/team/app-020:1.4.0 → ${DOCKER_IMAGE_NAME}');
      await press(app, 'enter');
      await waitForFrame(app, "Saved profile 'app-020-production'.");
      const saved = await store.get('app-020-production');
      const source = await fetchTaskDefinitionSource(ecs, 'app-020:4');
      expect(render({profile: saved!, environment: 'production'}).taskDefinition).toEqual(toRegisterTaskDefinitionInput(source.taskDefinition!).value);
    });

    test('clusters → services → import the live service', async () => {
      const app = renderInk(React.createElement(App, {root, initial: {name: 'browse-clusters'}}));
      await waitForFrame(app, '❯ prod');
      await press(app, 'enter');
      await waitForFrame(app, '3 services');
      await press(app, '/');
      await type(app, 'shop');
      await press(app, 'enter');
      const frame = await waitForFrame(app, /Task definition +app-010:10/);
      expect(frame).toMatch(/Tasks +2 desired/);
      await press(app, 'i');
      await waitForFrame(app, '❯ web');
      await press(app, 'enter');
      await waitForFrame(app, /Profile name +shop-production/);
      for (let field = 0; field < 4; field += 1) await press(app, 'enter');
      await waitForFrame(app, 'Press enter to save.');
      await press(app, 'enter');
      await waitForFrame(app, "Saved profile 'shop-production'.");
      expect((await store.get('shop-production'))?.environments[0]?.cluster).toBe('prod');
    });

    test('an unreachable endpoint is shown in place, not a crash', async () => {
      const offline = createCompositionRoot({globals: {json: false, color: false, endpointUrl: 'http://127.0.0.1:9'}, env: moto.env, version: '0.0.0-test'});
      const app = renderInk(React.createElement(App, {root: offline, initial: {name: 'browse-families'}}));
      const frame = await waitForFrame(app, 'Press r to retry.');
      expect(frame).toMatch(/cannot reach AWS/i);
    });
  });
});
