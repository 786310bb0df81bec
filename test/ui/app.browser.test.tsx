import React from 'react';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, test} from 'vitest';
import {MemoryProfileStore} from '../../source/adapters/memory-profile-store.js';
import type {JsonObject} from '../../source/domain/json.js';
import type {Profile} from '../../source/domain/model.js';
import {App} from '../../source/ui/app.js';
import type {Screen} from '../../source/ui/navigation.js';
import {testRoot} from '../helpers/fake-root.js';
import {press, type, waitForFrame} from '../helpers/ink.js';
import {PagingEcs, seedFamilies, seedTaskDefinition} from '../helpers/paging-ecs.js';
import {fargateJsonProfile} from '../helpers/profile-fixtures.js';

afterEach(() => cleanup());

/** The app on a fake ECS; `ports` records which region each port was asked for. */
function start(options: {ecs?: PagingEcs; store?: MemoryProfileStore; initial?: Screen; regions?: Record<string, PagingEcs>} = {}) {
  const ecs = options.ecs ?? new PagingEcs();
  const store = options.store ?? new MemoryProfileStore();
  const asked: Array<string | undefined> = [];
  const root = testRoot({
    store,
    awsContext: {region: 'us-east-1', profile: 'team-dev'},
    ecs: (region) => {
      asked.push(region);
      return region === undefined ? ecs : (options.regions?.[region] ?? new PagingEcs({region}));
    },
  });
  const app = render(<App root={root} initial={options.initial ?? {name: 'home'}} />);
  return {app, ecs, store, asked};
}

/** Moves the home menu's selection down to `label` (whatever entries come before it). */
async function selectOnHome(app: ReturnType<typeof render>, label: string): Promise<void> {
  await waitForFrame(app, 'Browse task definitions');
  for (let step = 0; step < 12 && !(app.lastFrame() ?? '').includes(`❯ ${label}`); step += 1) {
    await press(app, 'j');
    await waitForFrame(app, /❯ /);
  }
  expect(app.lastFrame()).toContain(`❯ ${label}`);
}

const lines = (frame: string): string[] => frame.split('\n');
/** The frame with every run of white space (wrapped lines included) as one space. */
const flat = (frame: string): string => frame.replace(/\s+/g, ' ');

describe('browse task definitions', () => {
  test('home → families: the first page only, the region and AWS profile in the header', async () => {
    const ecs = new PagingEcs();
    seedFamilies(ecs, {families: 250, revisions: 1});
    const {app} = start({ecs});
    await selectOnHome(app, 'Browse task definitions');
    await press(app, 'enter');
    const frame = await waitForFrame(app, '100 families loaded, more below');
    expect(frame).toContain('ecs-wizard · task definitions · region us-east-1 · AWS profile team-dev');
    expect(frame).toContain('❯ family-0000');
    // The window: 14 rows of the 100 loaded.
    expect(lines(frame).filter((line) => /^ {2}family-|^❯ family-/.test(line))).toHaveLength(14);
    expect(frame).toMatch(/enter revisions\s+\/ filter\s+i import\s+a inactive\s+R region\s+esc back/);
    expect(ecs.count('listTaskDefinitionFamilies')).toBe(1);
  });

  test('paging is lazy: the next page comes when the selection nears the end, not before', async () => {
    const ecs = new PagingEcs();
    seedFamilies(ecs, {families: 250, revisions: 1});
    const {app} = start({ecs, initial: {name: 'browse-families'}});
    await waitForFrame(app, '100 families loaded');
    await press(app, 'pagedown');
    await press(app, 'pagedown');
    await waitForFrame(app, '❯ family-0026');
    expect(ecs.count('listTaskDefinitionFamilies')).toBe(1);
    await press(app, 'G');
    await waitForFrame(app, '200 families loaded, more below');
    expect(ecs.calls.filter((call) => call.method === 'listTaskDefinitionFamilies').map((call) => (call.args[0] as {nextToken?: string}).nextToken)).toEqual([
      undefined,
      'page:100',
    ]);
    await press(app, 'G');
    const frame = await waitForFrame(app, /250 families\n/);
    expect(frame).toContain('❯ family-0199');
    await press(app, 'G');
    await waitForFrame(app, '❯ family-0249');
    expect(ecs.count('listTaskDefinitionFamilies')).toBe(3);
  });

  test('a spinner while a page loads', async () => {
    const ecs = new PagingEcs();
    seedFamilies(ecs, {families: 3, revisions: 1});
    const gate = ecs.hold('listTaskDefinitionFamilies');
    const {app} = start({ecs, initial: {name: 'browse-families'}});
    await waitForFrame(app, 'Loading task definition families…');
    gate.release();
    await waitForFrame(app, '❯ family-0000');
  });

  test.each([
    ['throttled', 'Rate exceeded', 'ECS is throttling: wait a moment'],
    ['access-denied', 'not authorized to perform ecs:ListTaskDefinitionFamilies', 'ask for ecs:ListTaskDefinitionFamilies'],
    ['credentials', 'no AWS credentials found', 'run aws sso login, or set AWS_PROFILE'],
  ] as const)('an error (%s) is shown in place with its hint; r retries', async (kind, message, hint) => {
    const ecs = new PagingEcs();
    seedFamilies(ecs, {families: 3, revisions: 1});
    ecs.failNext('listTaskDefinitionFamilies', kind, message, hint);
    const {app} = start({ecs, initial: {name: 'browse-families'}});
    const frame = await waitForFrame(app, 'Press r to retry.');
    expect(frame).toContain(message);
    expect(frame).toContain(hint);
    expect(frame).toMatch(/r retry/);
    await press(app, 'r');
    await waitForFrame(app, '❯ family-0000');
  });

  test('/ filters as you type (q is a letter while filtering); a filter that matches little loads more pages', async () => {
    const ecs = new PagingEcs();
    seedFamilies(ecs, {families: 300, revisions: 1});
    const {app} = start({ecs, initial: {name: 'browse-families'}});
    await waitForFrame(app, '100 families loaded');
    await press(app, '/');
    await waitForFrame(app, /esc clear filter/);
    await type(app, 'q');
    await waitForFrame(app, 'Nothing matches "q".');
    await press(app, 'backspace');
    await type(app, '-02');
    const frame = await waitForFrame(app, '100 matching "-02" · 300 families');
    expect(frame).toContain('❯ family-0200');
    expect(ecs.count('listTaskDefinitionFamilies')).toBe(3);
    await press(app, 'down');
    await waitForFrame(app, '❯ family-0201');
    await press(app, 'enter');
    await waitForFrame(app, 'revisions of family-0201');
    await press(app, 'esc');
    const back = await waitForFrame(app, '❯ family-0201');
    expect(back).toContain('/ -02');
    await press(app, 'esc');
    await waitForFrame(app, '300 families\n');
  });

  test('? opens the help of the screen; Esc closes it, the list as it was', async () => {
    const ecs = new PagingEcs();
    seedFamilies(ecs, {families: 30, revisions: 1});
    const {app} = start({ecs, initial: {name: 'browse-families'}});
    await waitForFrame(app, '❯ family-0000');
    await press(app, 'j');
    await waitForFrame(app, '❯ family-0001');
    await press(app, '?');
    const help = await waitForFrame(app, 'Help · Task definition families');
    expect(help).toContain('ACTIVE families have at least one active revision');
    await press(app, 'esc');
    await waitForFrame(app, '❯ family-0001');
  });

  test('a toggles INACTIVE families', async () => {
    const ecs = new PagingEcs();
    seedFamilies(ecs, {families: 3, revisions: 1});
    ecs.deregisterFamily('family-0001');
    const {app} = start({ecs, initial: {name: 'browse-families'}});
    await waitForFrame(app, /ACTIVE families[\s\S]*2 families/);
    await press(app, 'a');
    const frame = await waitForFrame(app, /INACTIVE families[\s\S]*1 families/);
    expect(frame).toContain('❯ family-0001');
    expect(frame).toMatch(/a active/);
  });

  test('R switches region: the picker filters, Enter reloads from the new region and the header says so', async () => {
    const home = new PagingEcs();
    seedFamilies(home, {families: 2, revisions: 1, prefix: 'virginia'});
    const ireland = new PagingEcs({region: 'eu-west-1'});
    seedFamilies(ireland, {families: 2, revisions: 1, prefix: 'dublin'});
    const {app, asked} = start({ecs: home, initial: {name: 'browse-families'}, regions: {'eu-west-1': ireland}});
    await waitForFrame(app, '❯ virginia-0000');
    await press(app, 'R');
    await waitForFrame(app, 'Switch to region:');
    await type(app, 'eu-west');
    await waitForFrame(app, '❯ eu-west-1');
    await press(app, 'enter');
    const frame = await waitForFrame(app, '❯ dublin-0000');
    expect(frame).toContain('region eu-west-1 · AWS profile team-dev');
    expect(asked).toContain('eu-west-1');
    await press(app, 'enter');
    const revisions = await waitForFrame(app, 'revisions of dublin-0000');
    expect(revisions).toContain('region eu-west-1');
  });

  test('revisions: newest first, images once described, filter by number or image; Enter previews', async () => {
    const ecs = new PagingEcs();
    seedFamilies(ecs, {families: 1, revisions: 130, prefix: 'web'});
    const {app} = start({ecs, initial: {name: 'browse-revisions', family: 'web-0000', status: 'ACTIVE'}});
    let frame = await waitForFrame(app, /❯ :130 +registry\.example\.com:5000\/team\/web-0000:1\.130\.0/);
    expect(frame).toContain('ACTIVE revisions, newest first');
    expect(frame).toContain('100 revisions loaded, more below');
    // Only the rows on screen were described.
    expect(ecs.count('describeTaskDefinition')).toBe(14);

    await press(app, '/');
    await type(app, '12');
    frame = await waitForFrame(app, /matching "12"/);
    expect(
      lines(frame)
        .filter((line) => /^[❯ ] :\d+/.test(line))
        .map((line) => line.slice(2).split(' ')[0]),
    ).toEqual([':129', ':128', ':127', ':126', ':125', ':124', ':123', ':122', ':121', ':120', ':12']);
    await press(app, 'esc');
    await press(app, '/');
    await type(app, '1.7.0');
    frame = await waitForFrame(app, '❯ :7 ');
    expect(frame).toContain('1 matching "1.7.0"');
    await press(app, 'enter');
    frame = await waitForFrame(app, 'web-0000:7 FARGATE · awsvpc · 256 CPU / 512 MiB · web=registry.example.com:5000/team/web-0000:1.7.0');
    expect(frame.replace(/\s+/g, ' ')).toContain('· role ecsTaskExecutionRole · registered 2026-01-01 00:07 UTC');
    expect(frame).toContain('"taskDefinitionArn": "arn:aws:ecs:us-east-1:123456789012:task-definition/web-0000:7"');
  });

  test('the preview scrolls', async () => {
    const ecs = new PagingEcs();
    ecs.register(seedTaskDefinition('web', 1, {sidecar: true}));
    const {app} = start({ecs, initial: {name: 'browse-revision', reference: 'web:1'}});
    let frame = await waitForFrame(app, /lines 1–\d+ of \d+/);
    expect(frame).toContain('"taskDefinitionArn"');
    await press(app, 'j');
    await waitForFrame(app, /lines 2–/);
    await press(app, 'j');
    frame = await waitForFrame(app, /lines 3–/);
    expect(frame).not.toContain('"taskDefinitionArn"');
    await press(app, 'G');
    await waitForFrame(app, /lines \d+–(\d+) of \1/);
  });

  test('the preview never shows a secret: by its name or by its value', async () => {
    const ecs = new PagingEcs();
    const task = seedTaskDefinition('web', 1);
    const [web] = task['containerDefinitions'] as JsonObject[];
    web!['environment'] = [
      {name: 'DB_PASSWORD', value: 'hunter2-by-name'},
      {name: 'DATABASE_URL', value: 'postgres://app:hunter3-by-value@db/app'},
      {name: 'LOG_LEVEL', value: 'debug'},
    ];
    ecs.register(task);
    const {app} = start({ecs, initial: {name: 'browse-revision', reference: 'web:1'}});
    await waitForFrame(app, /lines 1–\d+ of \d+/);
    // The environment is near the end: scroll down until it is on screen.
    let frame = '';
    for (let line = 0; line < 60 && !frame.includes('"debug"'); line += 1) {
      await press(app, 'j');
      frame = await waitForFrame(app, /lines \d+–/, undefined, {changed: false});
    }
    expect(frame).toContain('"value": "(masked)"');
    expect(frame).not.toContain('hunter2-by-name');
    expect(frame).not.toContain('hunter3-by-value');
    expect(frame).toContain('"postgres://app:…@db/app"');
    expect(frame).toContain('"debug"');
  });
});

describe('import from the browser', () => {
  test('a revision with sidecars as a new profile: container, names, the replacements, then saved', async () => {
    const ecs = new PagingEcs();
    ecs.register(seedTaskDefinition('shop-web-prod', 1, {sidecar: true}));
    const store = new MemoryProfileStore();
    const {app} = start({ecs, store, initial: {name: 'browse-revision', reference: 'shop-web-prod:1'}});
    await waitForFrame(app, /lines 1–/);
    await press(app, 'i');
    await waitForFrame(app, '❯ Create a new profile');
    await press(app, 'enter');
    let frame = await waitForFrame(app, 'Which container runs the artifact');
    expect(frame).toContain('❯ web');
    await press(app, 'enter');
    frame = await waitForFrame(app, 'Names for the new profile');
    expect(frame).toMatch(/❯ Application +shop-web/);
    expect(frame).toMatch(/Environment +production/);
    expect(frame).toMatch(/Profile name +shop-web-production/);
    await type(app, '-q');
    await waitForFrame(app, /❯ Application +shop-web-q/);
    for (let field = 0; field < 4; field += 1) await press(app, 'enter');
    frame = await waitForFrame(app, "New profile 'shop-web-production':");
    expect(frame).toContain('Replacements:');
    expect(flat(frame)).toContain('containerDefinitions[1].image: registry.example.com:5000/team/shop-web-prod:1.1.0 → ${DOCKER_IMAGE_NAME}');
    expect(flat(frame)).toContain('executionRoleArn: arn:aws:iam::123456789012:role/ecsTaskExecutionRole → ${EXECUTION_ROLE}');
    expect(flat(frame)).toContain('Left out (read-only or null): taskDefinitionArn, revision, status');
    expect(flat(frame)).toContain('warning: environment.network: The task uses the awsvpc network mode');
    expect(frame).toContain('Press enter to save.');
    expect(await store.list()).toEqual([]);
    await press(app, 'enter');
    await waitForFrame(app, "Saved profile 'shop-web-production'.");
    expect(await store.get('shop-web-production')).toMatchObject({application: 'shop-web-q', service: {artifact: {image: 'team/shop-web-prod', tag: '1.1.0'}}});
    await press(app, 'enter');
    await waitForFrame(app, 'profile shop-web-production');
  });

  test('into an existing profile: its container specification is replaced; an existing name needs o to overwrite', async () => {
    const ecs = new PagingEcs();
    ecs.register(seedTaskDefinition('web-api', 1));
    const existing = fargateJsonProfile();
    const store = new MemoryProfileStore([existing]);
    const {app} = start({ecs, store, initial: {name: 'browse-revision', reference: 'web-api:1'}});
    await waitForFrame(app, /lines 1–/);
    await press(app, 'i');
    await waitForFrame(app, '❯ Create a new profile');
    await press(app, 'down');
    await waitForFrame(app, '❯ Replace the container specification');
    await press(app, 'enter');
    await waitForFrame(app, `❯ ${existing.name}`);
    await press(app, 'enter');
    const frame = await waitForFrame(app, `Replaces the container specification and artifact of '${existing.name}'`);
    expect(frame).toContain("info: repositoryCredentials: The profile's private registry credentials are removed");
    await press(app, 'enter');
    await waitForFrame(app, `Saved profile '${existing.name}'.`);
    const saved = (await store.get(existing.name)) as Profile;
    expect(saved.service.artifact.tag).toBe('1.1.0');
    expect(saved.environments).toEqual(existing.environments);

    // New profile under the same name: Enter does not save, o overwrites.
    await press(app, 'esc');
    await waitForFrame(app, /lines 1–/);
    await press(app, 'i');
    await waitForFrame(app, '❯ Create a new profile');
    await press(app, 'enter');
    await waitForFrame(app, 'Names for the new profile');
    await press(app, 'tab');
    await press(app, 'tab');
    await press(app, 'tab');
    for (let i = 0; i < 'web-api-production'.length; i += 1) await press(app, 'backspace');
    await type(app, existing.name);
    await press(app, 'enter');
    await waitForFrame(app, `A profile named '${existing.name}' exists: press o to overwrite it`);
    await press(app, 'enter');
    await waitForFrame(app, /o overwrite/, {changed: false});
    expect((await store.get(existing.name))?.application).toBe(existing.application);
    await press(app, 'o');
    await waitForFrame(app, `Saved profile '${existing.name}'.`);
    expect((await store.get(existing.name))?.application).toBe('web-api');
  });

  test('a failing load is shown in place, r retries', async () => {
    const ecs = new PagingEcs();
    ecs.register(seedTaskDefinition('web', 1));
    ecs.failNext('describeTaskDefinition', 'throttled', 'Rate exceeded');
    const {app} = start({ecs, initial: {name: 'browse-import', source: {kind: 'revision', reference: 'web:1'}}});
    await waitForFrame(app, 'Rate exceeded');
    await press(app, 'r');
    await waitForFrame(app, '❯ Create a new profile');
  });
});

describe('browse services', () => {
  function cluster() {
    const ecs = new PagingEcs();
    ecs.register(seedTaskDefinition('web', 1));
    ecs.addService({
      cluster: 'prod',
      serviceName: 'web',
      taskDefinition: 'web:1',
      desiredCount: 2,
      launchType: 'FARGATE',
      networkConfiguration: {awsvpcConfiguration: {subnets: ['subnet-0aaa1111'], securityGroups: ['sg-0123abcd'], assignPublicIp: 'ENABLED'}},
      serviceRegistries: [{registryArn: 'arn:aws:servicediscovery:us-east-1:123456789012:service/srv-1', containerName: 'web', containerPort: 8080}],
    });
    for (let index = 0; index < 3; index += 1) ecs.addService({cluster: 'prod', serviceName: `worker-${index}`, taskDefinition: 'web:1'});
    return ecs;
  }

  test('home → clusters → services → summary → import: the service, its task definition and environment', async () => {
    const store = new MemoryProfileStore();
    const {app} = start({ecs: cluster(), store});
    await selectOnHome(app, 'Browse services');
    await press(app, 'enter');
    await waitForFrame(app, '❯ prod');
    await press(app, 'enter');
    await waitForFrame(app, 'services in prod');
    await press(app, '/');
    await type(app, 'web');
    await press(app, 'enter');
    let frame = await waitForFrame(app, 'service prod/web');
    expect(frame).toMatch(/Task definition +web:1/);
    expect(frame).toMatch(/Tasks +2 desired · 0 running · 0 pending/);
    expect(frame).toMatch(/Launch type +FARGATE · REPLICA/);
    expect(frame).toMatch(/Network +subnets subnet-0aaa1111 · security groups sg-0123abcd · public IP ENABLED/);
    expect(frame).toMatch(/Registries +arn:aws:servicediscovery:us-east-1:123456789012:service\/srv-1 \(web:8080\)/);
    await press(app, 'i');
    frame = await waitForFrame(app, 'Names for the new profile');
    expect(frame).toMatch(/Profile name +web-production/);
    for (let field = 0; field < 4; field += 1) await press(app, 'enter');
    frame = await waitForFrame(app, "New profile 'web-production':");
    expect(flat(frame)).toContain('Environment us-east-1 · cluster prod · FARGATE · subnets subnet-0aaa1111 · security groups sg-0123abcd · public IP yes');
    expect(flat(frame)).toContain('service cluster: arn:aws:ecs:us-east-1:123456789012:cluster/prod → environment.cluster');
    expect(frame).toContain('service networkConfiguration:');
    await press(app, 'enter');
    await waitForFrame(app, "Saved profile 'web-production'.");
    expect((await store.get('web-production'))?.environments[0]).toMatchObject({cluster: 'prod', network: {assignPublicIp: true}});
    await press(app, 'esc');
    await waitForFrame(app, 'service prod/web');
  });

  test('t opens the task definition the service runs', async () => {
    const {app} = start({ecs: cluster(), initial: {name: 'browse-service', cluster: 'prod', service: 'web'}});
    await waitForFrame(app, /Task definition +web:1/);
    await press(app, 't');
    await waitForFrame(app, /web:1 FARGATE · awsvpc/);
  });
});

describe('5,000 rows', () => {
  test('a filter that matches nothing reads every page; only a window of rows is drawn', async () => {
    const ecs = new PagingEcs();
    seedFamilies(ecs, {families: 5_000, revisions: 1});
    const {app} = start({ecs, initial: {name: 'browse-families'}});
    await waitForFrame(app, '100 families loaded');
    await press(app, '/');
    await type(app, 'zz');
    await waitForFrame(app, 'Nothing matches "zz".');
    expect(ecs.count('listTaskDefinitionFamilies')).toBe(50);
    await press(app, 'esc');
    const frame = await waitForFrame(app, '5,000 families');
    expect(lines(frame).filter((line) => /family-\d{4}/.test(line))).toHaveLength(14);
    await press(app, 'G');
    await waitForFrame(app, '❯ family-4999');
  });
});
