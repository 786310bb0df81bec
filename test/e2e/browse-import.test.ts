/**
 * The built CLI in a real terminal against moto: browse to a revision and import it; `ecs-wizard import` for a
 * live service without a terminal. This project has no moto global setup: the file starts its own moto_server
 * (and stops it). Without moto_server a local run skips these tests visibly; under CI=true it fails.
 */
import {execFile} from 'node:child_process';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {afterAll, afterEach, beforeAll, beforeEach, describe, expect, test} from 'vitest';
import {createAwsClientFactory} from '../../source/adapters/aws/client-factory.js';
import type {Profile} from '../../source/domain/model.js';
import {MOTO_NOT_FOUND, MotoNotFoundError, motoEnv, startMoto, type MotoServer} from '../helpers/moto.js';
import {CLI, disposeAll, ensureBuilt, ptyEnv, spawnCli} from '../helpers/pty.js';

const run = promisify(execFile);

const FAMILIES = 100;
const REVISIONS = 10;
const ROLE = 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole';

let moto: MotoServer | undefined;
let skipReason = '';

beforeAll(async () => {
  await ensureBuilt();
  try {
    moto = await startMoto();
  } catch (error) {
    if (error instanceof MotoNotFoundError && process.env.CI !== 'true') {
      skipReason = MOTO_NOT_FOUND;
      console.log(MOTO_NOT_FOUND);
      return;
    }
    throw error;
  }
  const factory = createAwsClientFactory({env: motoEnv(moto.url), userAgent: 'ecs-wizard/e2e'});
  const client = await factory.ecs();
  const {RegisterTaskDefinitionCommand, CreateClusterCommand, CreateServiceCommand} = await import('@aws-sdk/client-ecs');
  // One job per family registers its revisions in order (families side by side): revision N is image 1.N.0 however
  // the requests interleave (moto numbers a family's revisions in the order they arrive).
  const jobs: Array<() => Promise<unknown>> = [];
  for (let index = 0; index < FAMILIES; index += 1) {
    const family = `app-${String(index).padStart(3, '0')}`;
    jobs.push(async () => {
      for (let revision = 1; revision <= REVISIONS; revision += 1)
        await client.send(
          new RegisterTaskDefinitionCommand({
            family,
            networkMode: 'awsvpc',
            requiresCompatibilities: ['FARGATE'],
            cpu: '256',
            memory: '512',
            executionRoleArn: ROLE,
            containerDefinitions: [
              {name: 'web', image: `registry.example.com:5000/team/${family}:1.${revision}.0`, essential: true, portMappings: [{containerPort: 8080}]},
            ],
          }),
        );
    });
  }
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({length: 8}, async () => {
      while (next < jobs.length) await jobs[next++]!();
    }),
  );
  console.log(`seeded ${FAMILIES * REVISIONS} revisions in ${Math.round(performance.now() - started)} ms`);
  const ec2 = await factory.client('ec2');
  const {CreateVpcCommand, CreateSubnetCommand, CreateSecurityGroupCommand} = await import('@aws-sdk/client-ec2');
  const vpc = await ec2.send(new CreateVpcCommand({CidrBlock: '10.2.0.0/16'}));
  const subnet = await ec2.send(new CreateSubnetCommand({VpcId: vpc.Vpc!.VpcId!, CidrBlock: '10.2.1.0/24'}));
  const group = await ec2.send(new CreateSecurityGroupCommand({GroupName: 'web', Description: 'web', VpcId: vpc.Vpc!.VpcId!}));
  await client.send(new CreateClusterCommand({clusterName: 'prod'}));
  await client.send(
    new CreateServiceCommand({
      cluster: 'prod',
      serviceName: 'web',
      taskDefinition: 'app-001:10',
      desiredCount: 1,
      launchType: 'FARGATE',
      networkConfiguration: {awsvpcConfiguration: {subnets: [subnet.Subnet!.SubnetId!], securityGroups: [group.GroupId!], assignPublicIp: 'DISABLED'}},
    }),
  );
  factory.destroy();
}, 120_000);

afterAll(async () => {
  await moto?.stop();
});

beforeEach((context) => {
  if (skipReason !== '') context.skip(skipReason);
});

afterEach(() => {
  disposeAll();
});

describe('browse and import in a real terminal, against moto', () => {
  test('home → families → filter → revisions → preview → import → saved profile', async () => {
    const cli = spawnCli([], {env: {AWS_ENDPOINT_URL: moto!.url}});
    await cli.waitForText('Browse task definitions');
    // Down the home menu to the entry, whatever entries come before it. Each ↓ is waited for by its own effect —
    // the selection moved — not by any change of the screen (the home screen also updates by itself).
    const selected = (shown: string): string | undefined =>
      shown
        .split('\n')
        .find((line) => line.includes('❯ '))
        ?.trim();
    for (let step = 0; step < 12 && !cli.screen().includes('❯ Browse task definitions'); step += 1) {
      const before = selected(cli.screen());
      await cli.press('down');
      await cli.waitForText((shown) => selected(shown) !== before);
    }
    expect(cli.screen()).toContain('❯ Browse task definitions');
    const opened = performance.now();
    await cli.press('enter');
    let screen = await cli.waitForText('❯ app-000');
    console.log(`pty: Enter on "Browse task definitions" → first families on screen ≈ ${Math.round(performance.now() - opened)} ms`);
    expect(screen).toContain('ecs-wizard · task definitions · region us-east-1 · AWS profile default');
    expect(screen).toContain('100 families');

    await cli.press('/');
    await cli.press('a');
    await cli.press('p');
    await cli.press('p');
    await cli.press('-');
    await cli.press('0');
    await cli.press('4');
    await cli.press('2');
    await cli.waitForText('1 matching "app-042"');
    await cli.press('enter');
    screen = await cli.waitForText(/❯ :10 +registry\.example\.com:5000\/team\/app-042:1\.10\.0/);
    expect(screen).toContain('revisions of app-042');
    await cli.press('down');
    await cli.waitForText('❯ :9 ');
    await cli.press('enter');
    screen = await cli.waitForText(/lines 1–\d+ of \d+/);
    expect(screen).toContain('app-042:9 FARGATE · awsvpc · 256 CPU / 512 MiB · web=registry.example.com:5000/team/app-042:1.9.0');
    await cli.press('i');
    await cli.waitForText('❯ Create a new profile');
    await cli.press('enter');
    await cli.waitForText(/Profile name +app-042-production/);
    for (let field = 0; field < 4; field += 1) await cli.press('enter');
    screen = await cli.waitForText('Press enter to save.');
    expect(screen.replace(/\s+/g, ' ')).toContain('containerDefinitions[0].image: registry.example.com:5000/team/app-042:1.9.0 → ${DOCKER_IMAGE_NAME}');
    await cli.press('enter');
    await cli.waitForText("Saved profile 'app-042-production'.");
    await cli.press('q');
    expect(await cli.waitForExit()).toBe(0);

    const {stdout} = await run(process.execPath, [CLI, 'profiles', 'show', 'app-042-production', '--json'], {env: ptyEnv(cli.configDir)});
    const profile = JSON.parse(stdout) as Profile;
    expect(profile.service.artifact).toEqual({registry: 'registry', host: 'registry.example.com:5000', image: 'team/app-042', tag: '1.9.0'});
    expect(profile.environments[0]).toMatchObject({region: 'us-east-1', cluster: 'default', launchType: 'FARGATE', executionRoleArn: ROLE});
  });

  test('`ecs-wizard import --cluster prod --service web --as NAME --json` without a terminal', async () => {
    const configDir = mkdtempSync(join(tmpdir(), 'ecsw-e2e-import-'));
    const env = ptyEnv(configDir, {AWS_ENDPOINT_URL: moto!.url, CI: 'true'});
    const {stdout, stderr} = await run(process.execPath, [CLI, 'import', '--cluster', 'prod', '--service', 'web', '--as', 'web-prod', '--json'], {env});
    expect(stderr).toContain("Imported service prod/web as profile 'web-prod'.");
    const profile = JSON.parse(stdout) as Profile;
    expect(profile.environments[0]).toMatchObject({cluster: 'prod', launchType: 'FARGATE', network: {assignPublicIp: false}});
    expect(profile.service.artifact.tag).toBe('1.10.0');
    expect(profile.service.adopted).toBe(true);

    // Right after the import nothing would change: `diff --exit-code` exits 0 (execFile rejects any other code).
    const diff = await run(process.execPath, [CLI, 'diff', 'web-prod', '--exit-code'], {env});
    expect(diff.stdout).toContain('Plan: no changes');
    expect(diff.stdout).toContain('will     no changes: service web already runs app-001:10');
  });

  test('`ecs-wizard import` alone in a terminal opens the browser; an unreachable endpoint is an error in place', async () => {
    const cli = spawnCli(['import']);
    const screen = await cli.waitForText('Press r to retry.');
    expect(screen).toContain('ecs-wizard · task definitions');
    expect(screen).toMatch(/cannot reach AWS/i);
    await cli.press('q');
    expect(await cli.waitForExit()).toBe(0);
  });
});
