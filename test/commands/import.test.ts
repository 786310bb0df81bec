import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {PassThrough, Readable} from 'node:stream';
import {describe, expect, test} from 'vitest';
import {MemoryProfileStore} from '../../source/adapters/memory-profile-store.js';
import {main} from '../../source/cli.js';
import type {Profile} from '../../source/domain/model.js';
import {render} from '../../source/domain/render.js';
import {toRegisterTaskDefinitionInput} from '../../source/domain/normalise/registrable-input.js';
import {testRoot} from '../helpers/fake-root.js';
import {PagingEcs, seedTaskDefinition} from '../helpers/paging-ecs.js';

const DIGEST = `sha256:${'cd'.repeat(32)}`;

/** `ecs-wizard …` with a test root: no terminal, the ECS fake, an in-memory store. */
async function cli(argv: string[], parts: {ecs?: PagingEcs; store?: MemoryProfileStore} = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const store = parts.store ?? new MemoryProfileStore();
  const code = await main({
    argv,
    env: {CI: 'true'},
    io: {stdin: Readable.from([]), stdout, stderr},
    createRoot: () => testRoot({store, ...(parts.ecs === undefined ? {} : {ecs: parts.ecs}), awsContext: {region: 'us-east-1'}}),
  });
  return {code, out, err, store};
}

function fixtures() {
  const ecs = new PagingEcs();
  ecs.register({...seedTaskDefinition('shop-web-prod', 1, {sidecar: true})});
  ecs.register({
    ...seedTaskDefinition('shop-web-prod', 2, {sidecar: true}),
    containerDefinitions: [
      {name: 'log_router', image: 'public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.0', essential: false, firelensConfiguration: {type: 'fluentbit'}},
      {name: 'web', image: `registry.example.com:5000/team/web@${DIGEST}`, essential: true, portMappings: [{containerPort: 8080}]},
    ],
  });
  ecs.addService({
    cluster: 'prod',
    serviceName: 'web',
    taskDefinition: 'shop-web-prod:2',
    desiredCount: 2,
    launchType: 'FARGATE',
    networkConfiguration: {awsvpcConfiguration: {subnets: ['subnet-0aaa1111'], securityGroups: ['sg-0123abcd'], assignPublicIp: 'DISABLED'}},
  });
  return ecs;
}

describe('ecs-wizard import', () => {
  test('--task-definition FAMILY:REV --as NAME --json: prints the saved profile; names from the family unless given', async () => {
    const ecs = fixtures();
    const {code, out, err, store} = await cli(['import', '--task-definition', 'shop-web-prod:2', '--as', 'web-prod', '--json'], {ecs});
    expect(err).toContain("Imported shop-web-prod:2 as profile 'web-prod'.");
    expect(code).toBe(0);
    const printed = JSON.parse(out) as Profile;
    expect(printed).toEqual(await store.get('web-prod'));
    expect(printed).toMatchObject({
      name: 'web-prod',
      application: 'shop-web',
      service: {name: 'shop-web', artifact: {host: 'registry.example.com:5000', image: 'team/web', tag: DIGEST}},
    });
    expect(printed.environments[0]).toMatchObject({name: 'production', region: 'us-east-1', cluster: 'default', launchType: 'FARGATE'});
    const rendered = render({profile: printed, environment: 'production'});
    expect(rendered.taskDefinition).toEqual(toRegisterTaskDefinitionInput((await ecs.describeTaskDefinition('shop-web-prod:2'))!.taskDefinition).value);
  });

  test("--app --service --env --cluster name the profile's parts; the report lists the replacements", async () => {
    const ecs = fixtures();
    const {code, err, store} = await cli(
      ['import', '--task-definition', 'shop-web-prod', '--as', 'x', '--app', 'Shop', '--service', 'storefront', '--env', 'live', '--cluster', 'blue'],
      {ecs},
    );
    expect(code).toBe(0);
    expect(await store.get('x')).toMatchObject({application: 'Shop', service: {name: 'storefront'}, environments: [{name: 'live', cluster: 'blue'}]});
    expect(err).toContain(`containerDefinitions[1].image: registry.example.com:5000/team/web@${DIGEST} → \${DOCKER_IMAGE_NAME}`);
    expect(err).toContain('warning: environment.network: The task uses the awsvpc network mode');
  });

  test('--container picks the artifact container; an unknown one is refused with the choices', async () => {
    const ecs = fixtures();
    const picked = await cli(['import', '--task-definition', 'shop-web-prod:1', '--as', 'router', '--container', 'log_router', '--json'], {ecs});
    expect(picked.code).toBe(0);
    expect(JSON.parse(picked.out).service.artifact).toMatchObject({host: 'public.ecr.aws', image: 'aws-observability/aws-for-fluent-bit'});
    const unknown = await cli(['import', '--task-definition', 'shop-web-prod:1', '--as', 'x', '--container', 'nope'], {ecs});
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('The task definition has no container "nope" (containers: log_router, web)');
    expect(await unknown.store.list()).toEqual([]);
  });

  test('--cluster C --service S: the live service, its task definition and environment', async () => {
    const ecs = fixtures();
    const {code, out} = await cli(['import', '--cluster', 'prod', '--service', 'web', '--as', 'web-prod', '--json'], {ecs});
    expect(code).toBe(0);
    const profile = JSON.parse(out) as Profile;
    expect(profile.service.name).toBe('web');
    expect(profile.environments).toEqual([
      {
        name: 'production',
        region: 'us-east-1',
        cluster: 'prod',
        launchType: 'FARGATE',
        network: {subnets: ['subnet-0aaa1111'], securityGroups: ['sg-0123abcd'], assignPublicIp: false},
        executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
        overrides: {},
      },
    ]);
  });

  test('--from-file: describe output saved to files, no AWS', async () => {
    const ecs = fixtures();
    const dir = mkdtempSync(join(tmpdir(), 'ecsw-import-'));
    const td = join(dir, 'td.json');
    const svc = join(dir, 'svc.json');
    writeFileSync(td, JSON.stringify(await ecs.describeTaskDefinition('shop-web-prod:2'), null, 2));
    writeFileSync(svc, JSON.stringify({services: [(await ecs.describeServices('prod', ['web']))[0]!.raw], failures: []}, null, 2));
    const {code, out, err} = await cli(['import', '--from-file', svc, '--from-file', td, '--as', 'offline', '--json']);
    expect(err).toContain(`Imported ${td} + ${svc} as profile 'offline'.`);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({name: 'offline', environments: [{cluster: 'prod', region: 'us-east-1'}]});

    // Only the services output: the task definition is read from ECS, and the command says so.
    const fetched = await cli(['import', '--from-file', svc, '--as', 'half'], {ecs});
    expect(fetched.code).toBe(0);
    expect(fetched.err).toContain('Reading the task definition arn:aws:ecs:us-east-1:123456789012:task-definition/shop-web-prod:2 from ECS');

    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{\n  "taskDefinition": {\n    "family": \n}');
    const bad = await cli(['import', '--from-file', broken, '--as', 'x']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/cannot import .*broken\.json:\n {2}import \(line 4, column 1\): /);
  });

  test('an existing profile is kept unless --force', async () => {
    const ecs = fixtures();
    const store = new MemoryProfileStore();
    expect((await cli(['import', '--task-definition', 'shop-web-prod', '--as', 'p'], {ecs, store})).code).toBe(0);
    const again = await cli(['import', '--task-definition', 'shop-web-prod:1', '--as', 'p'], {ecs, store});
    expect(again.code).toBe(2);
    expect(again.err).toContain("a profile named 'p' exists");
    expect(again.err).toContain('pass --force to replace it');
    expect((await cli(['import', '--task-definition', 'shop-web-prod:1', '--as', 'p', '--force'], {ecs, store})).code).toBe(0);
    expect((await store.get('p'))?.service.artifact.tag).toBe('1.1.0');
  });

  test.each([
    [['import'], 'say what to import'],
    [['import', '--task-definition', 'web'], '--as PROFILE is needed'],
    [['import', '--cluster', 'prod', '--as', 'x'], '--cluster needs --service NAME'],
    [['import', '--service', 'web', '--as', 'x'], '--service needs --cluster'],
    [['import', '--task-definition', 'web', '--from-file', 'x.json', '--as', 'x'], '--from-file and --task-definition both name a task definition'],
    [['import', '--task-definition', 'web', '--as', 'bad name'], "the profile name 'bad name' is not a valid profile name"],
  ])('usage: %j', async (argv, message) => {
    const {code, err} = await cli(argv);
    expect(code).toBe(2);
    expect(err).toContain(message);
  });

  test('a task definition that does not exist, an AWS error: one line and a hint', async () => {
    const ecs = fixtures();
    const missing = await cli(['import', '--task-definition', 'nope:3', '--as', 'x'], {ecs});
    expect(missing).toMatchObject({code: 2});
    expect(missing.err).toContain("ecs-wizard: no task definition 'nope:3' in us-east-1");
    ecs.failNext('describeTaskDefinition', 'access-denied', 'not authorized to perform ecs:DescribeTaskDefinition', 'ask for ecs:DescribeTaskDefinition');
    const denied = await cli(['import', '--task-definition', 'shop-web-prod:1', '--as', 'x'], {ecs});
    expect(denied.code).toBe(1);
    expect(denied.err).toBe('ecs-wizard: not authorized to perform ecs:DescribeTaskDefinition\nask for ecs:DescribeTaskDefinition\n');
  });

  test('help lists the options', async () => {
    const {out} = await cli(['import', '--help']);
    for (const option of [
      '--task-definition FAMILY[:REV]',
      '--cluster CLUSTER',
      '--service NAME',
      '--from-file FILE …',
      '--as PROFILE',
      '--app NAME',
      '--env NAME',
      '--container NAME',
      '--force',
    ]) {
      expect(out).toContain(option);
    }
  });
});
