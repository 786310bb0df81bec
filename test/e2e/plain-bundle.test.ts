/**
 * The launcher (dist/cli.js) runs `profiles list`, `render` and `diff --simulate` from dist/plain-<command>.cjs with V8's code
 * cache (source/launcher.ts). These tests run the built CLI without a terminal and check that the plain bundle says
 * exactly what the full program says, that its cache is written once, used, and ignored and rewritten when damaged,
 * and that the store's rules (a damaged index rebuilt, a profile that does not validate refused naming the field)
 * hold on this path too.
 */
import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeAll, describe, expect, test} from 'vitest';
import {decodeCodeCache} from '../../source/launcher.js';
import {exportProfile} from '../../source/domain/profile-schema/export-file.js';
import {CLI, disposeAll, ensureBuilt, PTY_HANG_MS, ptyEnv, spawnCli} from '../helpers/pty.js';
import {fargateJsonProfile} from '../helpers/profile-fixtures.js';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The built CLI through pipes; its code cache in `cacheDir`. */
function run(args: string[], configDir: string, cacheDir: string, extra: Record<string, string> = {}): Run {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    env: ptyEnv(configDir, {CI: 'true', ECS_WIZARD_CACHE_DIR: cacheDir, ...extra}),
    encoding: 'utf8',
    timeout: PTY_HANG_MS,
  });
  return {code: result.status, stdout: result.stdout, stderr: result.stderr};
}

const fresh = (prefix: string): string => mkdtempSync(join(tmpdir(), prefix));

/** A store holding web-api and web-api-copy, imported through the CLI. */
function storeWithProfiles(): string {
  const dir = fresh('ecsw-plain-');
  const file = join(dir, 'web-api.json');
  writeFileSync(file, exportProfile(fargateJsonProfile()));
  expect(run(['profiles', 'import', file], dir, join(dir, 'cache')).code).toBe(0);
  expect(run(['profiles', 'import', file, '--as', 'web-api-copy'], dir, join(dir, 'cache')).code).toBe(0);
  return dir;
}

/** The cache files in `cacheDir` (`plain-<build>-<command>.v8cache`). */
const cacheFiles = (cacheDir: string): string[] =>
  existsSync(cacheDir)
    ? readdirSync(cacheDir)
        .filter((name) => name.endsWith('.v8cache'))
        .sort()
    : [];

/** The commands that have a cache file in `cacheDir`. */
const commandsCached = (cacheDir: string): string[] =>
  cacheFiles(cacheDir)
    .map((name) => /^plain-[0-9a-f]+-([a-z]+)\.v8cache$/.exec(name)![1]!)
    .sort();

beforeAll(async () => {
  await ensureBuilt();
}, 120_000);
afterEach(() => disposeAll());

describe('the plain bundle', () => {
  test('list, render and diff --simulate say exactly what the full program says, and each keeps its cache', () => {
    const dir = storeWithProfiles();
    const commands = [
      ['profiles', 'list'],
      ['profiles', 'list', '--json'],
      ['render', 'web-api', '--env', 'staging', '--tag', '2.0.0'],
      ['diff', 'web-api', '--env', 'staging', '--simulate', '--exit-code'],
      // Refused by the command itself, after parsing: the plain bundle's answer is the full program's.
      ['render', 'no-such-profile'],
      ['diff', 'web-api', '--env', 'nowhere', '--simulate'],
    ];
    const plainCache = join(dir, 'plain-cache');
    const fullCache = join(dir, 'full-cache');
    for (const args of commands) {
      const full = run(args, dir, fullCache, {ECS_WIZARD_PLAIN_BUNDLE: '0'});
      const plain = run(args, dir, plainCache);
      expect({args, ...plain}).toEqual({args, ...full});
    }
    expect(run(['diff', 'web-api', '--env', 'staging', '--simulate', '--exit-code'], dir, plainCache).code).toBe(1);
    expect(run(['render', 'no-such-profile'], dir, plainCache)).toMatchObject({code: 2, stderr: expect.stringContaining("no profile named 'no-such-profile'")});
    // The full program keeps no cache; the plain bundle one per command.
    expect(cacheFiles(fullCache)).toEqual([]);
    expect(commandsCached(plainCache)).toEqual(['diff', 'list', 'render']);
  });

  test('the cache is written by the first run, used as it is by the next, and a damaged one is ignored and rewritten', () => {
    const dir = storeWithProfiles();
    const cacheDir = join(dir, 'cache-under-test');
    const first = run(['profiles', 'list'], dir, cacheDir);
    expect(first.code).toBe(0);
    const [name] = cacheFiles(cacheDir);
    expect(name).toMatch(/^plain-[0-9a-f]{16}-list\.v8cache$/);
    const file = join(cacheDir, name!);
    const build = /^plain-([0-9a-f]+)-/.exec(name!)![1]!;
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(decodeCodeCache(build, readFileSync(file))).toBeDefined();

    // Used: not written again (a write renames a new file over it).
    const written = statSync(file);
    expect(run(['profiles', 'list'], dir, cacheDir)).toEqual(first);
    expect(statSync(file)).toMatchObject({ino: written.ino, mtimeMs: written.mtimeMs});

    // One byte changed in the data: the same answer, and a whole cache again.
    const bytes = readFileSync(file);
    bytes[bytes.length - 100]! ^= 0xff;
    writeFileSync(file, bytes);
    expect(decodeCodeCache(build, readFileSync(file))).toBeUndefined();
    expect(run(['profiles', 'list'], dir, cacheDir)).toEqual(first);
    expect(decodeCodeCache(build, readFileSync(file))).toBeDefined();

    // Turned off: nothing read or written.
    const off = join(dir, 'cache-off');
    expect(run(['profiles', 'list'], dir, off, {ECS_WIZARD_CODE_CACHE: '0'})).toEqual(first);
    expect(cacheFiles(off)).toEqual([]);
  });

  test('a damaged index is rebuilt from the store; a profile that does not validate is refused naming the field, and nothing is reset', () => {
    const dir = storeWithProfiles();
    const cacheDir = join(dir, 'cache');
    const listed = run(['profiles', 'list'], dir, cacheDir);
    expect(listed.code).toBe(0);
    const index = join(dir, 'profiles.json.index');
    writeFileSync(index, '{"ecsWizardIndex":1,"checksum":"00000000"}\n{"damaged": true}\n');
    expect(run(['profiles', 'list'], dir, cacheDir)).toEqual(listed);
    expect(readFileSync(index, 'utf8')).toContain('"web-api-copy"');

    // Edited by hand: the file changed, so the index no longer vouches for it and the whole store is checked.
    const storeFile = join(dir, 'profiles.json');
    const store = JSON.parse(readFileSync(storeFile, 'utf8')) as {profiles: Record<string, {service: {launchType: string}}>};
    store.profiles['web-api']!.service.launchType = 'BOGUS';
    const edited = `${JSON.stringify(store, null, 2)}\n`;
    writeFileSync(storeFile, edited);
    const refused = run(['render', 'web-api', '--env', 'staging'], dir, cacheDir);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('profiles.web-api.service.launchType');
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(storeFile, 'utf8')).toBe(edited);
    expect(commandsCached(cacheDir)).toEqual(['list', 'render']);
  });

  test('in a terminal, each plain command writes exactly the bytes the full program writes (colours and width included)', async () => {
    const dir = storeWithProfiles();
    const inTerminal = async (args: string[], env: Record<string, string>): Promise<{code: number; output: string}> => {
      const session = spawnCli(args, {configDir: dir, cols: 72, env: {ECS_WIZARD_CACHE_DIR: join(dir, 'tty-cache'), ...env}});
      const code = await session.waitForExit();
      return {code, output: session.output()};
    };
    const lines = [
      ['profiles', 'list'],
      ['render', 'web-api', '--env', 'staging', '--tag', '2.0.0'],
      ['diff', 'web-api', '--env', 'staging', '--simulate', '--exit-code'],
      ['render', 'no-such-profile'],
    ];
    for (const args of lines) {
      const full = await inTerminal(args, {ECS_WIZARD_PLAIN_BUNDLE: '0'});
      const plain = await inTerminal(args, {});
      expect({args, ...plain}).toEqual({args, ...full});
    }
    // On a terminal the list is coloured (the plain bundle tells a terminal from a pipe without node:tty).
    expect((await inTerminal(['profiles', 'list'], {})).output).toContain('\u001B[');
    expect(commandsCached(join(dir, 'tty-cache'))).toEqual(['diff', 'list', 'render']);
  });

  test('a reader that goes away (EPIPE) ends the command with exit 0 and nothing on stderr', () => {
    const dir = storeWithProfiles();
    const result = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${CLI}" render web-api --env staging | true`], {
      env: ptyEnv(dir, {CI: 'true', ECS_WIZARD_CACHE_DIR: join(dir, 'cache')}),
      encoding: 'utf8',
      timeout: PTY_HANG_MS,
    });
    expect({code: result.status, stderr: result.stderr}).toEqual({code: 0, stderr: ''});
  });
});
