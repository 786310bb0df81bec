/**
 * `ecs-wizard import --from-copilot` without a terminal: the plain report and the saved profiles; running it again
 * (refused without --force, replaced with it, the run history kept); YAML errors as file:line:column with exit 2 and
 * nothing saved; --json; AWS out of reach (the profiles are still created, and the report says what was not learned);
 * and the copilot/ folder is never modified.
 */
import {createHash} from 'node:crypto';
import {cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {PassThrough, Readable} from 'node:stream';
import {afterEach, beforeEach, describe, expect, test} from 'vitest';
import {main} from '../../source/cli.js';
import {MemoryProfileStore} from '../../source/adapters/memory-profile-store.js';
import {AwsError} from '../../source/errors.js';
import {FakeClock} from '../helpers/fake-clock.js';
import {testRoot} from '../helpers/fake-root.js';

const SHOP = join(import.meta.dirname, '../fixtures/copilot/shop');

let store: MemoryProfileStore;
let folder: string;

async function cli(argv: string[], options: {region?: string; ecsFails?: boolean} = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const code = await main({
    argv,
    env: {CI: 'true'},
    io: {stdin: Readable.from([]), stdout, stderr},
    createRoot: () =>
      testRoot({
        store,
        clock: new FakeClock({start: Date.parse('2026-12-06T04:00:00.000Z')}),
        awsContext: options.region === undefined ? {} : {region: options.region},
        ecs: () => {
          throw new AwsError('ECS could not be reached: connect ECONNREFUSED 127.0.0.1:9', {kind: 'unreachable', awsName: 'ECONNREFUSED'});
        },
        wizard: {
          cloudFormation: {
            region: 'eu-west-1',
            listStacks: () =>
              Promise.reject(
                new AwsError('CloudFormation could not be reached: connect ECONNREFUSED 127.0.0.1:9', {kind: 'unreachable', awsName: 'ECONNREFUSED'}),
              ),
            stackOutputs: () =>
              Promise.reject(
                new AwsError('CloudFormation could not be reached: connect ECONNREFUSED 127.0.0.1:9', {kind: 'unreachable', awsName: 'ECONNREFUSED'}),
              ),
          },
        },
      }),
  });
  return {code, out, err};
}

/** Every file under a folder with its content hash and modification time. */
function snapshot(root: string): Record<string, string> {
  const result: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, {withFileTypes: true})) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else result[path.slice(root.length)] = `${createHash('sha256').update(readFileSync(path)).digest('hex')} ${statSync(path).mtimeMs}`;
    }
  };
  walk(root);
  return result;
}

beforeEach(() => {
  store = new MemoryProfileStore();
  folder = mkdtempSync(join(tmpdir(), 'ecs-wizard-copilot-'));
  cpSync(SHOP, folder, {recursive: true});
});
afterEach(() => rmSync(folder, {recursive: true, force: true}));

describe('offline', () => {
  test('the report, the profiles of the three ECS services, and copilot/ untouched', async () => {
    const before = snapshot(folder);
    const result = await cli(['import', '--from-copilot', folder, '--offline'], {region: 'eu-west-1'});
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const lines = result.out.split('\n');
    expect(lines[0]).toMatch(/^Copilot workspace .*copilot · application shop · environments prod, test$/);
    expect(lines[1]).toBe('AWS: not asked (--offline): clusters, subnets, roles and the live services are not known');
    expect(result.out).toContain(
      '  → profile shop-frontend: a REPLICA service on Fargate · ECR shop/frontend (tag at deploy) · port 8080 · environments prod, test\n',
    );
    expect(result.out).toContain(
      "    copilot/frontend/manifest.yml:45:7  environments.prod.count.requests: requests 1000 per target: tracking requests needs the service's target group, and it is not known (no http, or not read from AWS): not migrated\n",
    );
    expect(result.out).toContain(
      '    copilot/frontend/manifest.yml:42:5  environments.prod.count [prod]: auto scaling differs per environment (prod: 2–10 tasks, CPU 70%; test: none (a fixed count)): each environment that scales gets its own setting (environments[].autoScaling), the others keep a fixed count\n',
    );
    expect(result.out).toContain(
      '    copilot/worker/manifest.yml:15:1  count: service.autoScaling: 1–5 tasks — no policy ecs-wizard holds: the range bounds the count, and a deploy leaves the policies on AWS as they are\n',
    );
    expect(result.out).toContain(
      "    copilot/worker/manifest.yml:19:3  count.queue_delay: the queue backlog per task is a custom metric (a Lambda function Copilot runs): not migrated; a deploy leaves Copilot's policy on the scalable target as it is\n",
    );
    expect(result.out).toContain(
      '    copilot/api/manifest.yml:16:3  network.connect: serviceConnectConfiguration: namespace prod.shop.local, test.shop.local; clients reach it as api:80 (port mapping "target", discovery name api-sc)\n',
    );
    // http: the target group is never made up — a config variable to set, said by file and line.
    expect(result.out).toContain(
      "    copilot/frontend/manifest.yml:5:1  http: the target group Copilot's service stack created is not known without AWS in prod, test: loadBalancers[0].targetGroupArn is the config variable targetGroupArn, to be set before the first deploy (deploy --set targetGroupArn=ARN, or import again with AWS access); it is never guessed\n",
    );
    expect(result.out).toContain(
      "    copilot/frontend/manifest.yml:8:5  http.healthcheck.path: the target group's health check stays in Copilot's service stack (it is ELB's, not ECS's); with AWS access its path and success codes are compared with the manifest\n",
    );
    expect(result.out).toContain(
      '  → not migrated: a Scheduled Job is a task started on a schedule (an EventBridge rule and a Step Functions state machine), not an ECS service\n',
    );
    expect(result.out).toContain(
      "    copilot/worker/manifest.yml:27:3  variables.ORDERS_TABLE: from_cfn shop-${COPILOT_ENVIRONMENT_NAME}-OrdersTableName: the export's value is not known without AWS in prod, test: not set there\n",
    );
    expect(result.out).toContain('\nSaved: shop-api, shop-frontend, shop-worker\n');
    expect(
      (await store.list()).map((profile) => [
        profile.name,
        profile.application,
        profile.service.name,
        profile.environments.map((environment) => environment.name),
      ]),
    ).toEqual([
      ['shop-api', 'shop', 'api', ['prod', 'test']],
      // frontend and worker are public; api is private: an application environment holds one placement.
      ['shop-frontend', 'shop', 'frontend', ['prod-2', 'test-2']],
      ['shop-worker', 'shop', 'worker', ['prod-2', 'test-2']],
    ]);
    expect(result.out).toContain(
      "\nfrontend uses the application environment test-2: in Copilot's test its settings differ from the first service's (network, provisioner), and an application environment holds one of each (deploy it with --env test-2)\n",
    );
    const saved = await store.list();
    expect(saved.find((profile) => profile.name === 'shop-worker')?.service.autoScaling).toEqual({minCount: 1, maxCount: 5, policies: []});
    // frontend's environments differ (prod scales, test runs one task): prod's own setting, none for test; the report says so.
    const frontend = saved.find((profile) => profile.name === 'shop-frontend')!;
    expect(frontend.service.autoScaling).toBeUndefined();
    expect(frontend.environments.map((environment) => [environment.name, environment.autoScaling?.minCount, environment.autoScaling?.maxCount])).toEqual([
      ['prod-2', 2, 10],
      ['test-2', undefined, undefined],
    ]);
    expect(snapshot(folder)).toEqual(before);
  });

  test('--json: the report as JSON, each note with its file, line and column', async () => {
    const result = await cli(['import', '--from-copilot', folder, '--offline', '--json'], {region: 'eu-west-1'});
    expect(result.code).toBe(0);
    const report = JSON.parse(result.out) as {
      application: string;
      services: Array<{name: string; profile: string | null; notes: Array<Record<string, unknown>>}>;
      saved: unknown;
    };
    expect(report.application).toBe('shop');
    expect(report.services.map((service) => [service.name, service.profile])).toEqual([
      ['api', 'shop-api'],
      ['frontend', 'shop-frontend'],
      ['report', null],
      ['site', null],
      ['worker', 'shop-worker'],
    ]);
    expect(report.services[1]!.notes[0]).toEqual({
      file: 'copilot/frontend/manifest.yml',
      line: 6,
      column: 3,
      field: 'http.path',
      status: 'unmapped',
      message: "the listener rule stays in Copilot's service stack (ECS does not hold it); with AWS access its path-pattern is compared with the manifest",
    });
    expect(report.saved).toEqual({
      created: ['shop-api', 'shop-frontend', 'shop-worker'],
      replaced: [],
      separated: [
        {service: 'frontend', environment: 'prod', as: 'prod-2', fields: ['provisioner']},
        {service: 'frontend', environment: 'test', as: 'test-2', fields: ['network', 'provisioner']},
        {service: 'worker', environment: 'prod', as: 'prod-2', fields: ['provisioner']},
        {service: 'worker', environment: 'test', as: 'test-2', fields: ['network', 'provisioner']},
      ],
    });
  });

  test('without a region: exit 2 naming --region, nothing saved', async () => {
    const result = await cli(['import', '--from-copilot', folder, '--offline']);
    expect(result.code).toBe(2);
    expect(result.err).toContain('the region is not known');
    expect(result.err).toContain('--region');
    expect(await store.list()).toEqual([]);
  });
});

describe('running it twice', () => {
  test('refused without --force (exit 2, nothing changed); --force replaces, keeping each profile’s runs and creation time', async () => {
    expect((await cli(['import', '--from-copilot', folder, '--offline'], {region: 'eu-west-1'})).code).toBe(0);
    const first = (await store.get('shop-api'))!;
    const run = {environment: 'prod', tag: '1.27', startedAt: '2026-12-06T04:10:00.000Z', outcome: 'deployed' as const};
    await store.save({...first, runs: [run], createdAt: '2026-11-01T00:00:00.000Z'}, {overwrite: true});
    const kept = await store.list();

    const again = await cli(['import', '--from-copilot', folder, '--offline'], {region: 'eu-west-1'});
    expect(again.code).toBe(2);
    expect(again.err).toContain('ecs-wizard: profiles of an earlier migration of shop exist: shop-api, shop-frontend, shop-worker');
    expect(again.err).toContain('pass --force to replace them (their run history is kept); nothing was saved');
    expect(await store.list()).toEqual(kept);

    writeFileSync(join(folder, 'copilot/api/manifest.yml'), readFileSync(join(folder, 'copilot/api/manifest.yml'), 'utf8').replace('count: 2', 'count: 4'));
    const forced = await cli(['import', '--from-copilot', folder, '--offline', '--force'], {region: 'eu-west-1'});
    expect(forced.code).toBe(0);
    expect(forced.out).toContain('\nReplaced: shop-api, shop-frontend, shop-worker\n');
    const replaced = (await store.get('shop-api'))!;
    expect(replaced.runs).toEqual([run]);
    expect(replaced.createdAt).toBe('2026-11-01T00:00:00.000Z');
    expect(replaced.service.serviceSpec).toContain('"desiredCount": "${serviceVariable.desiredCount}"');
    expect(replaced.service.variables['desiredCount']).toBe('3');
    expect(replaced.environments.find((environment) => environment.name === 'test')?.overrides['desiredCount']).toBe('4');
  });
});

describe('bad input: exit 2, file:line:column, nothing saved', () => {
  test('a YAML syntax error', async () => {
    writeFileSync(join(folder, 'copilot/api/manifest.yml'), 'name: api\ntype: Backend Service\nimage:\n  location: nginx:1.27\n   port: 80\n');
    const result = await cli(['import', '--from-copilot', folder, '--offline'], {region: 'eu-west-1'});
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/^ecs-wizard: cannot read the Copilot workspace .*copilot:\n/);
    expect(result.err).toContain('\n  copilot/api/manifest.yml:4:13: Nested mappings are not allowed in compact mappings\n');
    expect(result.err).toContain('nothing was saved');
    expect(result.err).not.toMatch(/\n\s+at /);
    expect(await store.list()).toEqual([]);
  });

  test('a key written twice, and a .workspace without the application: every problem named', async () => {
    writeFileSync(join(folder, 'copilot/worker/manifest.yml'), 'name: worker\ntype: Worker Service\ncpu: 256\ncpu: 512\n');
    writeFileSync(join(folder, 'copilot/.workspace'), 'app: shop\n');
    const result = await cli(['import', '--from-copilot', folder, '--offline'], {region: 'eu-west-1'});
    expect(result.code).toBe(2);
    expect(result.err).toContain('  copilot/.workspace:1:1: application: missing (the application name)\n');
    expect(result.err).toContain('  copilot/worker/manifest.yml:4:1: Map keys must be unique\n');
  });

  test('no copilot/ folder, and --from-copilot with an option of the other imports', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'ecs-wizard-no-copilot-'));
    try {
      const missing = await cli(['import', '--from-copilot', join(empty, 'nowhere'), '--offline'], {region: 'eu-west-1'});
      expect(missing.code).toBe(2);
      expect(missing.err).toContain('nowhere: no such folder');
    } finally {
      rmSync(empty, {recursive: true, force: true});
    }
    const mixed = await cli(['import', '--from-copilot', folder, '--as', 'web'], {region: 'eu-west-1'});
    expect(mixed.code).toBe(2);
    expect(mixed.err).toContain('--from-copilot reads the whole workspace: --as cannot be given with it');
    const badRegion = await cli(['import', '--from-copilot', folder, '--offline', '--env-region', 'prod'], {region: 'eu-west-1'});
    expect([badRegion.code, badRegion.err]).toEqual([2, 'ecs-wizard: --env-region prod: expected ENV=REGION (e.g. prod=eu-west-1)\n']);
    const unknown = await cli(['import', '--from-copilot', folder, '--offline', '--env-region', 'staging=eu-west-2'], {region: 'eu-west-1'});
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('--env-region staging=eu-west-2: the workspace has no environment staging');
    expect(unknown.err).toContain('its environments: prod, test');
    expect(await store.list()).toEqual([]);
    const stray = await cli(['import', folder]);
    expect(stray.code).toBe(2);
    expect(stray.err).toContain('a folder is read only with --from-copilot DIR');
  });
});

test('AWS out of reach: the profiles are created all the same, and the report says what could not be learned', async () => {
  const result = await cli(['import', '--from-copilot', folder], {region: 'eu-west-1'});
  expect(result.code).toBe(0);
  expect(result.out.split('\n').slice(1, 3)).toEqual([
    'AWS could not learn: prod: the stack shop-prod could not be read (CloudFormation could not be reached: connect ECONNREFUSED 127.0.0.1:9)',
    'AWS could not learn: test: the stack shop-test could not be read (CloudFormation could not be reached: connect ECONNREFUSED 127.0.0.1:9)',
  ]);
  expect(result.out).toContain('Saved: shop-api, shop-frontend, shop-worker');
});

test('every profile goes through the validator: a value it refuses is exit 2 naming service, environment and field, nothing saved', async () => {
  writeFileSync(join(folder, 'copilot/worker/manifest.yml'), 'name: worker\ntype: Worker Service\nimage:\n  location: nginx:1.27\ncpu: 256\nmemory: 4096\n');
  const result = await cli(['import', '--from-copilot', folder, '--offline'], {region: 'eu-west-1'});
  expect(result.code).toBe(2);
  expect(result.err).toMatch(/^ecs-wizard: the profiles would not pass the validator:\n {2}worker \[prod\] memory: /);
  expect(result.err).toContain('  worker [test] memory: ');
  expect(result.err).toContain('fix the manifests: nothing was saved');
  expect(await store.list()).toEqual([]);
});

test('--env-region prod=us-west-2: prod is in us-west-2 in every profile (its stack, its logs), test stays in --region', async () => {
  const result = await cli(['import', '--from-copilot', folder, '--offline', '--env-region', 'prod=us-west-2'], {region: 'eu-west-1'});
  expect(result.code).toBe(0);
  const api = (await store.get('shop-api'))!;
  expect(
    api.environments.map((environment) => [
      environment.name,
      environment.region,
      environment.provisioner?.kind === 'cloudformation' ? environment.provisioner.region : '',
    ]),
  ).toEqual([
    ['prod', 'us-west-2', 'us-west-2'],
    ['test', 'eu-west-1', 'eu-west-1'],
  ]);
  expect(result.out).toContain('  prod: us-west-2 · cluster shop-prod');
});

test('the report says, per environment, what the profile still needs before it renders', async () => {
  const result = await cli(['import', '--from-copilot', folder, '--offline'], {region: 'eu-west-1'});
  expect(result.out).toContain(
    '  prod: does not render until these are set: the execution role, the tag (--tag), secret_DB_SECRET, targetGroupArn, the subnets and security groups\n' +
      '  test: does not render until these are set: the execution role, the tag (--tag), secret_DB_SECRET, targetGroupArn, the security groups\n',
  );
});

test('a plaintext secret among the variables is refused as every door refuses it: exit 2, the value never shown, nothing saved', async () => {
  const manifest = join(folder, 'copilot/worker/manifest.yml');
  writeFileSync(manifest, `${readFileSync(manifest, 'utf8').replace('variables:\n', 'variables:\n  DB_PASSWORD: s3cr3t-Pa55w0rd-2024\n')}`);
  const result = await cli(['import', '--from-copilot', folder, '--offline'], {region: 'eu-west-1'});
  expect(result.code).toBe(2);
  expect(result.err).toContain('cannot import the Copilot service worker: 1 environment variable looks like a plaintext secret (DB_PASSWORD):\n');
  expect(result.err).toContain('  worker DB_PASSWORD = (masked)  (containerDefinitions[0].environment[4]: its name)\n');
  expect(result.err).toContain('pass --move-secrets to move them to AWS Secrets Manager');
  expect(result.err).toContain('--keep-plaintext NAME');
  expect(result.out + result.err).not.toContain('s3cr3t-Pa55w0rd-2024');
  expect(await store.list()).toEqual([]);
});

test('an application environment a service outside the migration uses, changed so that it breaks: refused (exit 2, naming the service and the field); --force saves and says what it will fail', async () => {
  const {ec2FormProfile} = await import('../helpers/profile-fixtures.js');
  const legacy = ec2FormProfile({name: 'legacy', application: 'shop'});
  legacy.environments = [{...legacy.environments[0]!, name: 'test', region: 'eu-west-1', cluster: 'legacy-test'}];
  await store.save(legacy);
  const refused = await cli(['import', '--from-copilot', folder, '--offline'], {region: 'eu-west-1'});
  expect(refused.code).toBe(2);
  // legacy runs on EC2 in bridge mode: Copilot's test (Fargate) would break it, and the validator says how.
  expect(refused.err).toContain('changing environment test of application shop (migrating shop) would break 1 service (legacy); nothing was saved:');
  expect(refused.err).toContain('  legacy in test: containerSpec networkMode: Fargate tasks must use the awsvpc network mode');
  expect(refused.err).toContain('--force saves it anyway');
  expect((await store.list()).map((profile) => profile.name)).toEqual(['legacy']);
  expect((await store.get('legacy'))?.environments[0]?.cluster).toBe('legacy-test');

  const forced = await cli(['import', '--from-copilot', folder, '--offline', '--force'], {region: 'eu-west-1'});
  expect(forced.code).toBe(0);
  expect(forced.err).toContain('Changed environment test of application shop:');
  expect(forced.err).toContain('Affects 1 service: legacy.');
  expect(forced.err).toContain('Saved with --force: legacy will now fail to render, verify and deploy in test until fixed.');
  expect((await store.list()).map((profile) => profile.name)).toEqual(['legacy', 'shop-api', 'shop-frontend', 'shop-worker']);
});

test('a plaintext secret: --keep-plaintext NAME keeps it (recorded in the profile); --move-secrets with --offline and an unknown name are exit 2', async () => {
  const manifest = join(folder, 'copilot/worker/manifest.yml');
  writeFileSync(manifest, `${readFileSync(manifest, 'utf8').replace('variables:\n', 'variables:\n  DB_PASSWORD: s3cr3t-Pa55w0rd-2024\n')}`);
  const offline = await cli(['import', '--from-copilot', folder, '--offline', '--move-secrets'], {region: 'eu-west-1'});
  expect(offline.code).toBe(2);
  expect(offline.err).toContain('ecs-wizard: moving DB_PASSWORD writes to AWS Secrets Manager, which --offline does not ask\n');
  expect(offline.err).toContain('run it without --offline');
  const unknown = await cli(['import', '--from-copilot', folder, '--offline', '--keep-plaintext', 'DB_PASSWORD', '--keep-plaintext', 'API_TOKEN'], {
    region: 'eu-west-1',
  });
  expect(unknown.code).toBe(2);
  expect(unknown.err).toContain('--keep-plaintext API_TOKEN: no variable API_TOKEN of the Copilot services looks like a secret');
  expect(await store.list()).toEqual([]);
  const kept = await cli(['import', '--from-copilot', folder, '--offline', '--keep-plaintext', 'DB_PASSWORD'], {region: 'eu-west-1'});
  expect(kept.code).toBe(0);
  expect(kept.err).toBe('Kept as plain text in worker (declared not secrets): DB_PASSWORD\n');
  expect((await store.get('shop-worker'))?.service.plaintextVariables).toEqual(['DB_PASSWORD']);
});
