/**
 * A few of the real-world task definitions and services (test/fixtures/real-task-definitions/, real-services/)
 * through the built program without a terminal, as a script runs it: `import --from-file`, `render`, and
 * `diff --simulate`, with their exit codes and what they print. The whole corpus goes through the same code in
 * test/operations/import.real-world.test.ts.
 */
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {beforeAll, describe, expect, test} from 'vitest';
import {CLI, ensureBuilt, PTY_HANG_MS, ptyEnv} from '../helpers/pty.js';

const fixture = (path: string): string => fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url));
const TASKS = 'real-task-definitions';
const SERVICES = 'real-services';

function run(args: string[], configDir: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], {env: ptyEnv(configDir, {CI: 'true'}), encoding: 'utf8', timeout: PTY_HANG_MS});
  return {code: result.status, stdout: result.stdout, stderr: result.stderr};
}

const fresh = () => mkdtempSync(join(tmpdir(), 'ecsw-real-'));

beforeAll(async () => {
  await ensureBuilt();
}, 120_000);

describe('real task definitions through the built program', () => {
  test('every container field (EC2, bridge): rendered field for field; the simulated diff changes only the image it seeded', () => {
    const dir = fresh();
    const file = fixture(`${TASKS}/every-container-field-ec2-bridge.json`);
    expect(run(['import', '--from-file', file, '--as', 'payments'], dir).code).toBe(0);
    const rendered = run(['render', 'payments'], dir);
    expect(rendered.code).toBe(0);
    // A RegisterTaskDefinition input as published: the rendered task definition is the file itself.
    expect(JSON.parse(rendered.stdout).taskDefinition).toEqual(JSON.parse(readFileSync(file, 'utf8')));
    const diff = run(['diff', 'payments', '--simulate'], dir);
    expect(diff.code).toBe(0);
    expect(diff.stdout).toContain('Task definition: new revision (1 change)');
    expect(diff.stdout).toContain('~ containerDefinitions[app].image');
    expect(diff.stdout).toContain('Service: no changes');
  });

  test('Amazon ECS Managed Instances: the task definition alone does not render (exit 2, saying why); with its service it does', () => {
    const dir = fresh();
    const task = fixture(`${TASKS}/managed-instances-awsvpc.json`);
    expect(run(['import', '--from-file', task, '--as', 'checkout'], dir).code).toBe(0);
    const alone = run(['render', 'checkout'], dir);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('requiresCompatibilities');
    expect(alone.stderr).toContain('runs on Amazon ECS Managed Instances');
    expect(alone.stderr).not.toMatch(/\n\s+at /);

    const service = fixture(`${SERVICES}/managed-instances-capacity-provider.json`);
    expect(run(['import', '--from-file', task, '--from-file', service, '--as', 'checkout', '--force'], dir).code).toBe(0);
    const rendered = run(['render', 'checkout'], dir);
    expect(rendered.code).toBe(0);
    const documents = JSON.parse(rendered.stdout) as {taskDefinition: {requiresCompatibilities: string[]}; service: Record<string, unknown>};
    expect(documents.taskDefinition.requiresCompatibilities).toEqual(['MANAGED_INSTANCES']);
    expect(documents.service['capacityProviderStrategy']).toEqual([{capacityProvider: 'checkout-mi', weight: 1, base: 0}]);
    expect(documents.service['launchType']).toBeUndefined();

    // A simulated deploy of a new tag: the simulated cluster has the service's capacity provider, as on AWS.
    const deployed = run(['deploy', 'checkout', '--simulate', '--simulate-speed', '100', '--yes', '--tag', '2025.10.2'], dir);
    expect(deployed.stderr + deployed.stdout).toContain('deployed (simulated): checkout-api:2 is running 3/3 tasks');
    expect(deployed.code).toBe(0);
  });

  test('a revision being deleted: deleteRequestedAt (describe output) is not rendered', () => {
    const dir = fresh();
    expect(run(['import', '--from-file', fixture(`${TASKS}/cli-curltest-delete-in-progress.json`), '--as', 'curltest'], dir).code).toBe(0);
    const rendered = run(['render', 'curltest'], dir);
    expect(rendered.code).toBe(0);
    expect(rendered.stdout).not.toContain('deleteRequestedAt');
    expect(rendered.stdout).not.toContain('deregisteredAt');
  });

  test('a plaintext password: named and masked (exit 2) until decided; kept with --keep-plaintext', () => {
    const dir = fresh();
    const file = fixture(`${TASKS}/cli-typeorm-plaintext-password.json`);
    const refused = run(['import', '--from-file', file, '--as', 'cloudsm'], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('1 environment variable looks like a plaintext secret (TYPEORM_PASSWORD)');
    expect(refused.stderr).toContain('TYPEORM_PASSWORD = (masked)');
    expect(refused.stderr).toContain('--keep-plaintext NAME');
    expect(refused.stderr + refused.stdout).not.toContain('example-db-password-not-real');
    expect(run(['profiles', 'list', '--json'], dir).stdout.trim()).toBe('[]');
    expect(run(['import', '--from-file', file, '--as', 'cloudsm', '--keep-plaintext', 'TYPEORM_PASSWORD'], dir).code).toBe(0);
    expect(run(['render', 'cloudsm'], dir).code).toBe(0);
  });

  test('describe output saved by Windows PowerShell 5.1 (UTF-16LE with a byte order mark) imports as the same file in UTF-8', () => {
    const dir = fresh();
    const original = fixture(`${TASKS}/cli-segmentation-ec2-default-network-mode.json`);
    const windows = join(dir, 'td.json');
    writeFileSync(windows, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync(original, 'utf8').replace(/\n/g, '\r\n'), 'utf16le')]));
    expect(run(['import', '--from-file', windows, '--as', 'from-windows'], dir).code).toBe(0);
    expect(run(['import', '--from-file', original, '--as', 'from-linux'], dir).code).toBe(0);
    const fromWindows = run(['render', 'from-windows'], dir);
    expect(fromWindows.code).toBe(0);
    expect(fromWindows.stdout).toBe(run(['render', 'from-linux'], dir).stdout);
  });

  test.each([
    ['cli-classic-elb-service-role.json', 'ecs-demo-classic-elb.json'],
    ['cli-container-handson-alb.json', 'cli-container-handson-fargate.json'],
    ['cli-describe-services-epoch-times.json', 'consul-server-host-network.json'],
    ['ecspresso-ci-capacity-providers-ebs.json', 'ecspresso-ci-fargate-ebs-two-containers.json'],
    ['managed-instances-capacity-provider.json', 'managed-instances-awsvpc.json'],
  ])('adopted %s: the simulated service (seeded with the profile) shows no service change', (service, task) => {
    const dir = fresh();
    expect(run(['import', '--from-file', fixture(`${TASKS}/${task}`), '--from-file', fixture(`${SERVICES}/${service}`), '--as', 'adopted'], dir).code).toBe(0);
    const diff = run(['diff', 'adopted', '--simulate'], dir);
    expect(diff.code).toBe(0);
    // The simulator runs the profile with an earlier tag: the image is the one change.
    expect(diff.stdout).toContain('Task definition: new revision (1 change)');
    expect(diff.stdout).toContain('Service: no changes');
  });

  test('invalid for ECS itself: refused naming the field and why (exit 2), nothing saved', () => {
    const dir = fresh();
    const refused = run(['import', '--from-file', fixture(`${TASKS}/kibana-awsvpc-host-port-differs.json`), '--as', 'kibana'], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('containerDefinitions[0].portMappings[0].hostPort');
    expect(refused.stderr).toContain('Under the awsvpc network mode hostPort must equal containerPort (5601) or be left out, found 80');
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    expect(run(['profiles', 'list', '--json'], dir).stdout.trim()).toBe('[]');

    // A log driver's key as a plain option: refused without showing it, saying where ECS takes it from instead.
    const logKey = run(['import', '--from-file', fixture(`${TASKS}/firelens-datadog-apikey-in-options.json`), '--as', 'datadog'], dir);
    expect(logKey.code).toBe(2);
    expect(logKey.stderr).toContain('containerDefinitions[1].logConfiguration.options.apikey looks like a credential');
    expect(logKey.stderr).toContain('to logConfiguration.secretOptions');
    expect(logKey.stderr).not.toContain('NOT_REAL');
  });
});
