import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, test} from 'vitest';
import {createConfProfileStore} from '../../source/adapters/conf-profile-store.js';
import {renderAndValidate} from '../../source/domain/render-and-validate.js';
import {CLI, disposeAll, ensureBuilt, PTY_HANG_MS, ptyEnv, spawnCli, step} from '../helpers/pty.js';
import {FARGATE_JSON} from '../operations/wizard/fixtures.js';

/**
 * The whole wizard in a real terminal, without AWS (every AWS-backed picker falls back to typing) and with a
 * registry that cannot be reached (the tag is typed): a Fargate service with awsvpc, service discovery and a
 * private registry, and an EC2 DAEMON service. Then the same Fargate profile from `ecs-wizard init` flags on a
 * non-TTY. Both Fargate profiles render to the golden file.
 */
const GOLDEN = join(import.meta.dirname, 'golden', 'wizard-fargate.rendered.json');
const CLOUD_MAP = 'arn:aws:servicediscovery:us-east-1:123456789012:service/srv-jwyz7x4igkxckqno';
const SECRET = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:registry-creds-AbCdEf';
const ROLE = 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole';
/** A loopback port nothing listens on: the registry cannot be reached, at once. */
const REGISTRY = 'localhost:9';

const work = mkdtempSync(join(tmpdir(), 'ecs-wizard-wizard-e2e-'));
const specFile = join(work, 'fargate.json');
writeFileSync(specFile, FARGATE_JSON);

beforeAll(async () => {
  await ensureBuilt();
}, 120_000);
afterEach(() => disposeAll());
afterAll(() => rmSync(work, {recursive: true, force: true}));

function renderedProfile(configDir: string, name: string): Promise<unknown> {
  const store = createConfProfileStore({env: {ECS_WIZARD_CONFIG_DIR: configDir}});
  return store.get(name).then((profile) => {
    if (profile === undefined) throw new Error(`no profile ${name} saved in ${configDir}`);
    const rendered = renderAndValidate({profile, environment: 'production', discoveryRecordTypes: {[CLOUD_MAP]: ['SRV']}});
    expect(rendered.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    return {taskDefinition: rendered.taskDefinition, service: rendered.service};
  });
}

describe('the setup wizard in a terminal', () => {
  test('a Fargate service with awsvpc, service discovery and a private registry, without AWS: saved, rendering the golden JSON', async () => {
    // The "editor" writes the task definition into the file it is given.
    const cli = spawnCli(['init'], {env: {EDITOR: `cp ${specFile}`, ECS_WIZARD_REGISTRY_PASSWORD: 'not-saved-anywhere'}, rows: 32});
    await step(cli, '? Application', 'ECS Demo');
    await step(cli, '❯ Use “ECS Demo”', 'enter');
    await step(cli, '? Service name', 'web-api', 'enter');
    await step(cli, '❯ Docker Hub', 'down');
    await step(cli, '❯ Private registry', 'enter');
    await step(cli, '? Registry address', REGISTRY, 'enter');
    await step(cli, '? User name for listing tags', 'deploy', 'enter');
    let screen = await step(cli, '? Docker image name', 'team/web-api', 'enter');
    expect(screen).toContain('✔ Registry password: from ECS_WIZARD_REGISTRY_PASSWORD (not saved)');
    screen = await step(cli, /Cannot list tags of localhost:9\/team\/web-api/, '1.4.2');
    await step(cli, '❯ Use “1.4.2”', 'enter');
    // A user was given for listing tags: "pulling needs credentials" is offered first.
    await step(cli, '❯ Yes: pulling needs a user name and password', 'enter');
    // The new registry is saved as an artifact server of the application (named from its host by default).
    await step(cli, '? Name of this registry as a server of ECS Demo', 'enter');
    await step(cli, '❯ Fargate', 'enter');
    await step(cli, '❯ Start from the template', 'enter');
    screen = await step(cli, '✔ The task definition is valid: 1 container (${CONTAINER_NAME}), awsvpc', 'enter');
    await step(cli, '❯ REPLICA', 'enter');
    await step(cli, '? Desired count', 'backspace', '2', 'enter');
    await step(cli, '❯ Use it', 'enter');
    await step(cli, '❯ ROLLING', 'enter');
    await step(cli, '? CloudWatch alarms that roll the deployment back', 'enter');
    await step(cli, '❯ No load balancer', 'enter');
    await step(cli, '? Scale automatically?', 'enter');
    await step(cli, '❯ No service discovery', 'down', 'down');
    await step(cli, '❯ Paste the Cloud Map service ARN', 'enter');
    await step(cli, '? Cloud Map service ARN', 'srv-123', 'enter');
    await step(
      cli,
      '✖ "srv-123" is not a Cloud Map service ARN',
      'backspace',
      'backspace',
      'backspace',
      'backspace',
      'backspace',
      'backspace',
      'backspace',
      CLOUD_MAP,
      'enter',
    );
    screen = await step(cli, '? Which DNS records does the Cloud Map service have?', 'enter');
    expect(screen).toContain('Could not read its DNS records');
    await step(cli, '❯ containerName + containerPort', 'enter');
    await step(cli, /❯ 8080/, 'enter');
    screen = await step(cli, '? Config variables', 'enter');
    expect(screen).toContain('containerPort=8080  (offered)');
    await step(cli, /Cannot list secrets in us-east-1: cannot reach AWS/, SECRET, 'enter');
    await step(cli, '? Customer KMS key of the secret', 'enter');
    await step(cli, /Cannot list roles trusting ecs-tasks/, ROLE, 'enter');
    screen = await step(cli, '? Put this inline policy (ecs-wizard-private-registry) on ecsTaskExecutionRole?', 'enter');
    expect(screen).toContain('"secretsmanager:GetSecretValue"');
    // Without AWS the policy cannot be put: said in place, and "No" shows how to add it later.
    await step(cli, '✖ Could not put the policy', 'down');
    await step(cli, '❯ No, I will add it myself', 'enter');
    await step(cli, '❯ Type the values', 'enter');
    await step(cli, '? Environment name', 'enter');
    await step(cli, '? AWS region', 'enter');
    await step(cli, /Cannot list clusters in us-east-1/, 'prod', 'enter');
    // The cluster's capacity providers cannot be listed offline: the launch type is still offered first.
    await step(cli, /Cannot list capacity providers of cluster prod/, 'enter');
    await step(cli, /Cannot list subnets in us-east-1/, 'subnet-0a1b2c3d,subnet-4e5f6a7b', 'enter');
    await step(cli, /Cannot list security groups in us-east-1/, 'sg-0a1b2c3d', 'enter');
    await step(cli, '? Assign a public IP to the tasks?', 'enter');
    await step(cli, '? Task execution role (replaces ${EXECUTION_ROLE})', 'enter');
    await step(cli, '? Overrides of config variables for production', 'enter');
    await step(cli, '❯ No, review the profile', 'enter');
    // The container's name: the guide's derived name; the service registers it with Cloud Map, so it says what that means.
    screen = await step(cli, "? Name of the artifact's container");
    expect(screen).toContain("Cloud Map's containerName");
    await cli.press('enter');
    screen = await step(cli, '✔ Ready to save');
    expect(screen).toContain('"image": "localhost:9/team/web-api:1.4.2"');
    await cli.press('right');
    await step(cli, '"serviceName": "web-api"', 'enter');
    screen = await step(cli, '? Save as profile', 'enter');
    expect(screen).toContain('Saving also defines the artifact server localhost-9 of ECS Demo (localhost:9)');
    screen = await cli.waitForText('✔ Saved profile web-api (1 environment: production).');
    expect(screen).toContain('Deploy it: ecs-wizard deploy web-api');
    expect(await cli.waitForExit()).toBe(0);

    expect(await renderedProfile(cli.configDir, 'web-api')).toEqual(JSON.parse(readFileSync(GOLDEN, 'utf8')));
    const stored = readFileSync(join(cli.configDir, 'profiles.json'), 'utf8');
    expect(stored).not.toContain('not-saved-anywhere');
    // The registry is the application's server now: defined once, the service names it.
    const document = JSON.parse(stored);
    expect(document.applications['ECS Demo'].artifactServers).toEqual([
      {name: 'localhost-9', registry: 'registry', host: 'localhost:9', username: 'deploy', credentialsSecretArn: SECRET},
    ]);
    expect(document.profiles['web-api'].service.artifact).toEqual({server: 'localhost-9', image: 'team/web-api', tag: '1.4.2'});
  });

  test('an EC2 DAEMON service with the simplified form, after going back from Fargate', async () => {
    const cli = spawnCli(['init'], {rows: 32});
    await step(cli, '? Application', 'Edge', 'enter');
    await step(cli, '? Service name', 'log-agent', 'enter');
    await step(cli, '❯ Docker Hub', 'enter');
    await step(cli, '? Docker image name', 'nginx', 'enter');
    await step(cli, /Cannot list tags/, 'stable-perl', 'enter');
    await step(cli, '❯ Fargate', 'enter');
    await step(cli, '❯ Start from the template', 'esc');
    // Back to the launch type (the Fargate answers in between were decided, not asked).
    await step(cli, '? Launch type', 'down');
    await step(cli, '❯ EC2', 'enter');
    await step(cli, '❯ bridge', 'enter');
    await step(cli, '❯ Simplified form', 'enter');
    await step(cli, '❯ CPU units', 'enter', 'enter');
    await step(cli, '❯ Memory soft limit, MiB: 256', 'enter');
    await step(cli, '❯ Port mappings', '80', 'enter');
    await step(cli, '? Container environment variables', 'enter');
    await step(cli, '❯ REPLICA', 'down');
    await step(cli, '❯ DAEMON', 'enter');
    let screen = await step(cli, '"schedulingStrategy": "DAEMON"', 'enter');
    await step(cli, '❯ ROLLING', 'enter');
    await step(cli, '? CloudWatch alarms that roll the deployment back', 'enter');
    await step(cli, '❯ No load balancer', 'enter');
    await step(cli, '❯ No service discovery', 'enter');
    await step(cli, '? Config variables', 'enter');
    await step(cli, '❯ Type the values', 'enter');
    await step(
      cli,
      '? Environment name',
      'backspace',
      'backspace',
      'backspace',
      'backspace',
      'backspace',
      'backspace',
      'backspace',
      'backspace',
      'backspace',
      'backspace',
      'dev',
      'enter',
    );
    await step(cli, '? AWS region', 'enter');
    await step(cli, /Cannot list clusters/, 'dev-ec2', 'enter');
    await step(cli, /Cannot list capacity providers of cluster dev-ec2/, 'enter');
    await step(cli, '? Overrides of config variables for dev', 'enter');
    await step(cli, '❯ No, review the profile', 'enter');
    await step(cli, "? Name of the artifact's container", 'down', 'enter');
    // The simplified form's container logs to CloudWatch Logs by default (wizard-container-logs.test.ts).
    await step(cli, '❯ CloudWatch Logs /ecs/log-agent (us-east-1), stream prefix ecs', 'enter');
    screen = await step(cli, '✔ Ready to save');
    expect(screen).toContain('Container name: log-agent (stable: the same on every tag)');
    await cli.press('enter');
    expect(screen).toContain('"memoryReservation": 256');
    await step(cli, '? Save as profile', 'enter');
    await cli.waitForText('✔ Saved profile log-agent (1 environment: dev).');
    expect(await cli.waitForExit()).toBe(0);
    const profile = await createConfProfileStore({env: {ECS_WIZARD_CONFIG_DIR: cli.configDir}}).get('log-agent');
    expect(JSON.parse(profile!.service.serviceSpec)).toMatchObject({schedulingStrategy: 'DAEMON'});
    expect(profile!.service.containerName).toBe('log-agent');
    expect(profile!.service.containerSpec.mode).toBe('form');
  });
});

describe('ecs-wizard init with flags, in a terminal', () => {
  test('given flags skip their questions (shown with the flag); the first question is the first one not given', async () => {
    const cli = spawnCli(['init', '--app', 'ECS Demo', '--service', 'web-api', '--launch-type', 'EC2'], {rows: 32});
    const screen = await cli.waitForText('? Where does the Docker image come from?');
    expect(screen).toContain('✔ Application: ECS Demo (--app)');
    expect(screen).toContain('✔ Service: web-api (deployment type: Amazon ECS) (--service)');
    // Esc cannot go back to an answer given as a flag: nothing is before this question.
    await cli.press('esc');
    await cli.waitForText('? Leave the setup?');
    await cli.press('down');
    await cli.press('enter');
    expect(await cli.waitForExit()).toBe(5);
  });

  test('a bad flag is refused before anything is asked (exit 2)', async () => {
    const cli = spawnCli(['init', '--launch-type', 'LAMBDA']);
    expect(await cli.waitForExit()).toBe(2);
    expect(cli.screen()).toContain('--launch-type: "LAMBDA" is not a launch type: EC2 or FARGATE');
  });
});

describe('ecs-wizard init with flags, on a non-TTY', () => {
  test('the same Fargate profile from flags: exit 0, the same golden JSON', () => {
    const configDir = mkdtempSync(join(work, 'config-'));
    const result = spawnSync(
      process.execPath,
      [
        CLI,
        'init',
        '--app',
        'ECS Demo',
        '--service',
        'web-api',
        '--registry',
        REGISTRY,
        '--registry-username',
        'deploy',
        '--image',
        'team/web-api',
        '--tag',
        '1.4.2',
        '--launch-type',
        'FARGATE',
        '--container-spec',
        specFile,
        '--desired-count',
        '2',
        '--registry-arn',
        CLOUD_MAP,
        '--discovery-records',
        'SRV',
        '--discovery-container-port',
        '8080',
        '--credentials-secret',
        SECRET,
        '--execution-role',
        ROLE,
        '--env',
        'production',
        '--cluster',
        'prod',
        '--subnets',
        'subnet-0a1b2c3d,subnet-4e5f6a7b',
        '--security-groups',
        'sg-0a1b2c3d',
      ],
      {env: {...ptyEnv(configDir), CI: 'true'}, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: PTY_HANG_MS},
    );
    expect(result.stderr).toContain('IAM not changed (no --apply-iam)');
    expect(result.stdout).toBe('Saved profile web-api (production). Deploy it: ecs-wizard deploy web-api\n');
    expect(result.status).toBe(0);
    return renderedProfile(configDir, 'web-api').then((rendered) => expect(rendered).toEqual(JSON.parse(readFileSync(GOLDEN, 'utf8'))));
  });

  test('missing values on a non-TTY: exit 2 listing the flags to supply', () => {
    const configDir = mkdtempSync(join(work, 'config-'));
    const result = spawnSync(process.execPath, [CLI, 'init', '--app', 'ECS Demo', '--launch-type', 'FARGATE'], {
      env: {...ptyEnv(configDir), CI: 'true'},
      encoding: 'utf8',
      timeout: PTY_HANG_MS,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('ecs-wizard: the profile cannot be saved');
    for (const flag of ['--service', '--image', '--tag', '--env', '--cluster', '--subnets', '--security-groups', '--execution-role'])
      expect(result.stderr).toContain(`  ${flag}`);
  });
});
