import {spawn, spawnSync} from 'node:child_process';
import {mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {beforeAll, describe, expect, test} from 'vitest';
import {exportProfile} from '../../source/domain/profile-schema/export-file.js';
import {CLI, ensureBuilt, PTY_HANG_MS, ptyEnv} from '../helpers/pty.js';
import {ec2FormProfile, fargateJsonProfile} from '../helpers/profile-fixtures.js';

/** The built CLI without a terminal (pipes), as scripts and CI run it. */
function run(args: string[], configDir: string, input?: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], {env: ptyEnv(configDir, {CI: 'true'}), input, encoding: 'utf8', timeout: PTY_HANG_MS});
  return {code: result.status, stdout: result.stdout, stderr: result.stderr};
}

const fresh = () => mkdtempSync(join(tmpdir(), 'ecsw-cmd-'));

/** The built CLI as a separate process, not waited for: resolves with its exit code and stderr. */
function start(args: string[], configDir: string): Promise<{code: number | null; stderr: string}> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {env: ptyEnv(configDir, {CI: 'true'}), stdio: ['ignore', 'ignore', 'pipe']});
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({code, stderr}));
  });
}

beforeAll(async () => {
  await ensureBuilt();
}, 120_000);

describe('profiles commands without a terminal', () => {
  test('import FILE then list --json round-trips the profile; the store file is mode 0600', () => {
    const dir = fresh();
    const file = join(dir, 'web-api.json');
    const profile = fargateJsonProfile();
    writeFileSync(file, exportProfile(profile));

    const imported = run(['profiles', 'import', file], dir);
    expect(imported).toMatchObject({code: 0, stderr: "Imported profile 'web-api'.\n"});
    const listed = run(['profiles', 'list', '--json'], dir);
    expect(listed.code).toBe(0);
    // Exports leave run history out (it is local); everything else comes back as it went in.
    expect(JSON.parse(listed.stdout)).toEqual([{...profile, runs: []}]);
    expect(statSync(join(dir, 'profiles.json')).mode & 0o777).toBe(0o600);

    // A second import of the same name is refused without --force, and nothing changes.
    const again = run(['profiles', 'import', file], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("a profile named 'web-api' exists");
    expect(run(['profiles', 'import', file, '--as', 'web-api-copy'], dir).code).toBe(0);
    expect(JSON.parse(run(['profiles', 'list', '--json'], dir).stdout).map((p: {name: string}) => p.name)).toEqual(['web-api', 'web-api-copy']);
  });

  test('16 imports in 16 processes at once: each says saved, and all 16 are in the store', async () => {
    const dir = fresh();
    const file = join(dir, 'web-api.json');
    writeFileSync(file, exportProfile(fargateJsonProfile()));
    const names = Array.from({length: 16}, (_, index) => `web-${String(index).padStart(2, '0')}`);
    const results = await Promise.all(names.map((name) => start(['profiles', 'import', file, '--as', name], dir)));
    // A process that waits more than 2 s for the store's lock says so first (on a busy machine some do): that line
    // is the lock's own notice, and it may come before the one that says saved.
    const notice = /^ecs-wizard: waiting for the profile store's lock \(.*profiles\.json\.lock\): another ecs-wizard is writing; .*\n/;
    expect(results.map(({code, stderr}) => ({code, stderr: stderr.replace(notice, '')}))).toEqual(
      names.map((name) => ({code: 0, stderr: `Imported profile '${name}'.\n`})),
    );
    expect(JSON.parse(run(['profiles', 'list', '--json'], dir).stdout).map((p: {name: string}) => p.name)).toEqual(names);
  });

  test('export FILE writes the file 0600', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'in.json'), exportProfile(ec2FormProfile()));
    expect(run(['profiles', 'import', join(dir, 'in.json')], dir).code).toBe(0);
    const out = join(dir, 'out.json');
    expect(run(['profiles', 'export', 'nginx-ec2', out], dir).code).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
  });

  test('a truncated store file gives an error naming the file, keeps a backup and is not reset', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'in.json'), exportProfile(ec2FormProfile()));
    expect(run(['profiles', 'import', join(dir, 'in.json')], dir).code).toBe(0);
    const storeFile = join(dir, 'profiles.json');
    const whole = readFileSync(storeFile, 'utf8');
    const truncated = whole.slice(0, Math.floor(whole.length / 2));
    writeFileSync(storeFile, truncated);

    const listed = run(['profiles', 'list'], dir);
    expect(listed.code).toBe(2);
    expect(listed.stderr).toContain(storeFile);
    expect(listed.stderr).toMatch(/line \d+, column \d+/);
    expect(listed.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(readFileSync(storeFile, 'utf8')).toBe(truncated);
    const backups = readdirSync(dir).filter((name) => name.startsWith('profiles.json.corrupt-'));
    expect(backups).toHaveLength(1);
    expect(readFileSync(join(dir, backups[0]!), 'utf8')).toBe(truncated);

    // Writing is refused too while the file is broken.
    writeFileSync(join(dir, 'other.json'), exportProfile(fargateJsonProfile()));
    expect(run(['profiles', 'import', join(dir, 'other.json')], dir).code).toBe(2);
    expect(readFileSync(storeFile, 'utf8')).toBe(truncated);
  });

  test('rm refuses without --yes when there is no terminal to ask', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'in.json'), exportProfile(ec2FormProfile()));
    run(['profiles', 'import', join(dir, 'in.json')], dir);
    const refused = run(['profiles', 'rm', 'nginx-ec2'], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("not removing 'nginx-ec2' without --yes");
    expect(run(['profiles', 'rm', 'nginx-ec2', '--yes'], dir)).toMatchObject({code: 0, stderr: "Removed profile 'nginx-ec2'.\n"});
    expect(run(['profiles', 'list', '--json'], dir).stdout).toBe('[]\n');
  });

  test('export to stdout, rename, show; bad input is one line with exit 2', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'in.json'), exportProfile(ec2FormProfile()));
    run(['profiles', 'import', join(dir, 'in.json')], dir);
    expect(run(['profiles', 'rename', 'nginx-ec2', 'nginx'], dir).code).toBe(0);
    const shown = run(['profiles', 'show', 'nginx'], dir);
    expect(shown.stdout).toContain('Artifact     registry.hub.docker.com/library/nginx:stable-perl [dockerhub]');
    expect(JSON.parse(run(['profiles', 'export', 'nginx'], dir).stdout)).toMatchObject({ecsWizardProfile: 3, profile: {name: 'nginx'}});

    const badName = run(['profiles', 'rename', 'nginx', 'no spaces'], dir);
    expect(badName.code).toBe(2);
    expect(badName.stderr).toMatch(/^ecs-wizard: the new name 'no spaces' is not a valid profile name\n/);
    const missing = run(['profiles', 'show', 'ghost'], dir);
    expect(missing).toMatchObject({code: 2, stderr: "ecs-wizard: no profile named 'ghost'\nsaved profiles: nginx\n"});
    writeFileSync(join(dir, 'broken.json'), '{"ecsWizardProfile": 2,\n  "profile": {"name": }\n}');
    const broken = run(['profiles', 'import', join(dir, 'broken.json')], dir);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/line 2, column \d+/);
  });

  test('a home screen needs a terminal: no command on a pipe is a usage error', () => {
    const result = run([], fresh());
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('the interactive home screen needs a terminal');
  });
});
