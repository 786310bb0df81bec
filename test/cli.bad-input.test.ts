/**
 * One validator, every door: each case of the bad-input corpus (test/fixtures/bad-input/, see its README) goes
 * through every door that takes its document — the wizard's editor check, `init`, `profiles import`, `import`
 * (a file, a live task definition, a live service) and `render` — and every door refuses it the same way: exit
 * code 2 (the wizard: an error issue), the JSON path named and, where the text is the person's file, its line
 * and column; nothing saved, no stack trace.
 */
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {PassThrough, Readable} from 'node:stream';
import {afterAll, describe, expect, test} from 'vitest';
import {main} from '../source/cli.js';
import {MemoryProfileStore} from '../source/adapters/memory-profile-store.js';
import type {Issue} from '../source/domain/issues.js';
import type {JsonObject} from '../source/domain/json.js';
import type {LaunchType, Profile} from '../source/domain/model.js';
import {exportProfile} from '../source/domain/profile-schema/export-file.js';
import type {WizardAnswers} from '../source/domain/wizard-answers.js';
import {checkContainerJson} from '../source/operations/wizard/questions/container-json.js';
import {checkServiceSpec} from '../source/operations/wizard/questions/service-json.js';
import {testRoot} from './helpers/fake-root.js';
import {PagingEcs} from './helpers/paging-ecs.js';

const CORPUS = new URL('./fixtures/bad-input/', import.meta.url).pathname;
const read = (file: string): string => readFileSync(join(CORPUS, file), 'utf8');

type Door = 'wizard' | 'init' | 'profiles-import' | 'import-file' | 'import-task-definition' | 'import-service' | 'render';

interface BadInput {
  file: string;
  document: 'taskDefinition' | 'service';
  launchType?: LaunchType;
  field: string;
  path: string;
  code: string;
  line: number;
  column: number;
  doors?: Door[];
}

interface Corpus {
  doors: Door[];
  bases: {taskDefinition: Record<LaunchType, string>; service: string};
  substitutions: Record<string, string>;
  cases: BadInput[];
}

const corpus = JSON.parse(read('index.json')) as Corpus;
const ROLE = corpus.substitutions['${EXECUTION_ROLE}'] ?? '';

/** The case's documents as the wizard, init and profiles take them (with placeholders). */
const taskText = (item: BadInput): string => (item.document === 'taskDefinition' ? read(item.file) : read(corpus.bases.taskDefinition[launchType(item)]));
const serviceText = (item: BadInput): string => (item.document === 'service' ? read(item.file) : read(corpus.bases.service));
const launchType = (item: BadInput): LaunchType => item.launchType ?? 'FARGATE';

/** What AWS would print: the placeholders replaced by concrete values (on the same lines). */
const concrete = (text: string): string =>
  Object.entries(corpus.substitutions).reduce((result, [placeholder, value]) => result.split(placeholder).join(value), text);

const dir = mkdtempSync(join(tmpdir(), 'ecs-wizard-bad-input-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));
let files = 0;
const file = (name: string, text: string): string => {
  files += 1;
  const path = join(dir, `${files}-${name}`);
  writeFileSync(path, text);
  return path;
};

async function cli(argv: string[], parts: {store?: MemoryProfileStore; ecs?: PagingEcs} = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const store = parts.store ?? new MemoryProfileStore();
  const code = await main({
    argv,
    env: {CI: 'true', AWS_REGION: 'us-east-1'},
    io: {stdin: Readable.from([]), stdout, stderr},
    createRoot: () => testRoot({store, ...(parts.ecs === undefined ? {} : {ecs: parts.ecs}), awsContext: {region: 'us-east-1'}}),
  });
  return {code, out, err, store};
}

/** A saved profile holding the case's documents. */
function profileOf(item: BadInput): Profile {
  const type = launchType(item);
  return {
    name: 'web',
    application: 'shop',
    service: {
      name: 'web',
      artifact: {registry: 'dockerhub', host: 'registry.hub.docker.com', image: 'library/nginx', tag: '1.27'},
      launchType: type,
      containerSpec: {mode: 'json', json: taskText(item)},
      serviceSpec: serviceText(item),
      variables: {},
    },
    environments: [
      {
        name: 'staging',
        region: 'us-east-1',
        cluster: 'web-staging',
        launchType: type,
        ...(type === 'FARGATE' ? {network: {subnets: ['subnet-0a1b2c3d'], securityGroups: ['sg-0a1b2c3d'], assignPublicIp: false}} : {}),
        executionRoleArn: ROLE,
        overrides: {},
      },
    ],
    runs: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

/**
 * A refusal as a door's text says it: exit 2, the JSON path and, for the person's own file, its line and column;
 * no stack trace, nothing saved.
 */
async function expectRefused(result: {code: number; err: string; store: MemoryProfileStore}, item: BadInput, located: boolean): Promise<void> {
  expect(result.code, result.err).toBe(2);
  expect(result.err).toContain(item.path);
  if (located) expect(result.err).toContain(`${item.path} (line ${item.line}, column ${item.column})`);
  expect(result.err).not.toMatch(/\n\s+at /);
  expect(await result.store.list()).toEqual([]);
}

function expectIssue(issues: readonly Issue[], item: BadInput): void {
  expect(
    issues.filter((issue) => issue.severity === 'error').map((issue) => `${issue.code} ${issue.path} ${issue.line}:${issue.column}`),
    JSON.stringify(issues, null, 1),
  ).toContain(`${item.code} ${item.path} ${item.line}:${item.column}`);
}

const doors: Record<Door, (item: BadInput) => Promise<void>> = {
  async wizard(item) {
    const answers: WizardAnswers = {launchType: launchType(item), containerMode: 'json'};
    const checked =
      item.document === 'taskDefinition'
        ? checkContainerJson(answers, taskText(item), 'current', () => undefined)
        : checkServiceSpec(answers, serviceText(item), 'current', () => undefined);
    expectIssue(checked.issues, item);
  },

  async init(item) {
    const type = launchType(item);
    const network = type === 'FARGATE' ? ['--subnets', 'subnet-0a1b2c3d', '--security-groups', 'sg-0a1b2c3d'] : [];
    const specs = [
      '--container-spec',
      file('task.json', taskText(item)),
      ...(item.document === 'service' ? ['--service-spec', file('service.json', serviceText(item))] : []),
    ];
    const result = await cli([
      'init',
      ...['--app', 'shop', '--service', 'web', '--image', 'library/nginx', '--tag', '1.27', '--launch-type', type, '--execution-role', ROLE],
      ...['--env', 'staging', '--region', 'us-east-1', '--cluster', 'web-staging', ...network, '--yes', '--name', 'web', ...specs],
    ]);
    await expectRefused(result, item, true);
  },

  async 'profiles-import'(item) {
    const result = await cli(['profiles', 'import', file('profile.json', exportProfile(profileOf(item)))]);
    await expectRefused(result, item, true);
  },

  async 'import-file'(item) {
    const task = ['--from-file', file('task-definition.json', concrete(taskText(item)))];
    const service = item.document === 'service' ? ['--from-file', file('services.json', concrete(serviceText(item)))] : [];
    const result = await cli(['import', ...task, ...service, '--as', 'web', '--region', 'us-east-1']);
    await expectRefused(result, item, true);
  },

  async 'import-task-definition'(item) {
    const ecs = new PagingEcs();
    ecs.register(JSON.parse(concrete(taskText(item))) as JsonObject);
    await expectRefused(await cli(['import', '--task-definition', 'web:1', '--as', 'web'], {ecs}), item, false);
  },

  async 'import-service'(item) {
    const ecs = new PagingEcs();
    ecs.register(JSON.parse(concrete(taskText(item))) as JsonObject);
    ecs.addService({...(JSON.parse(concrete(serviceText(item))) as JsonObject), cluster: 'prod', taskDefinition: 'web:1'});
    await expectRefused(await cli(['import', '--cluster', 'prod', '--service', 'web', '--as', 'web'], {ecs}), item, false);
  },

  async render(item) {
    const store = new MemoryProfileStore();
    await store.save(profileOf(item));
    const result = await cli(['render', 'web', '--env', 'staging'], {store});
    expect(result.code, result.err).toBe(2);
    expect(result.err).toContain(`${item.path} (line ${item.line}, column ${item.column})`);
    expect(result.err).not.toMatch(/\n\s+at /);
    expect(result.out).toBe('');
  },
};

describe('the bases pass every door', () => {
  const base = (type: LaunchType, document: 'taskDefinition' | 'service'): BadInput => ({
    file: document === 'service' ? corpus.bases.service : corpus.bases.taskDefinition[type],
    document,
    launchType: type,
    field: 'none',
    path: '',
    code: '',
    line: 0,
    column: 0,
  });
  test.each<[LaunchType]>([['FARGATE'], ['EC2']])('%s: init saves, render renders, import imports', async (type) => {
    const item = base(type, 'taskDefinition');
    const init = await cli([
      'init',
      ...['--app', 'shop', '--service', 'web', '--image', 'library/nginx', '--tag', '1.27', '--launch-type', type, '--execution-role', ROLE],
      ...['--env', 'staging', '--region', 'us-east-1', '--cluster', 'web-staging'],
      ...(type === 'FARGATE' ? ['--subnets', 'subnet-0a1b2c3d', '--security-groups', 'sg-0a1b2c3d'] : []),
      ...['--yes', '--name', 'web', '--container-spec', file('task.json', taskText(item)), '--service-spec', file('service.json', serviceText(item))],
    ]);
    expect(init.code, init.err).toBe(0);
    const store = new MemoryProfileStore();
    await store.save(profileOf(item));
    const render = await cli(['render', 'web', '--env', 'staging'], {store});
    expect(render.code, render.err).toBe(0);
    const imported = await cli(['import', '--from-file', file('td.json', concrete(taskText(item))), '--as', 'web', '--region', 'us-east-1']);
    expect(imported.code, imported.err).toBe(0);
    const profiles = await cli(['profiles', 'import', file('profile.json', exportProfile(profileOf(item)))]);
    expect(profiles.code, profiles.err).toBe(0);
  });
});

describe('every door refuses every bad input the same way', () => {
  // A live revision is a task definition: that door takes no service case.
  const takes = (door: Door, item: BadInput): boolean => !(door === 'import-task-definition' && item.document === 'service');
  const rows = corpus.cases.flatMap((item) =>
    (item.doors ?? corpus.doors).filter((door) => takes(door, item)).map((door): [string, Door, BadInput] => [`${item.file} (${item.field})`, door, item]),
  );
  test.each(rows)('%s — %s', async (_name, door, item) => {
    await doors[door](item);
  });
});
