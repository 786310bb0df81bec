import {build} from 'esbuild';
import {PassThrough, Readable} from 'node:stream';
import {describe, expect, test} from 'vitest';
import {MemoryProfileStore} from '../../source/adapters/memory-profile-store.js';
import {main} from '../../source/cli.js';
import {FakeClock} from '../helpers/fake-clock.js';
import {testRoot} from '../helpers/fake-root.js';
import {fargateJsonProfile} from '../helpers/profile-fixtures.js';

async function logs(argv: string[]) {
  const store = new MemoryProfileStore();
  await store.save(fargateJsonProfile({runs: []}));
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const clock = new FakeClock({autoAdvance: true});
  const code = await main({
    argv: ['logs', 'web-api', '--env', 'staging', ...argv],
    env: {CI: 'true'},
    io: {stdin: Readable.from([]), stdout, stderr},
    createRoot: () => testRoot({store, clock}),
  });
  return {code, out, err};
}

describe('ecs-wizard logs', () => {
  test('--simulate: the simulated service’s lines, oldest first, each prefixed with the time and the 8-character task id', async () => {
    const {code, out, err} = await logs(['--simulate', '--since', '2h']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(line).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ [0-9a-f]{8} {2}\S/);
    expect(out).toMatch(/ {2}\[info\] listening on 0\.0\.0\.0:\d+\n/);
    expect(out).toContain('GET /health 200 1ms');
    const times = lines.map((line) => Date.parse(line.slice(0, 20)));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  test('--json: one {"time","task","container","message"} object per line', async () => {
    const {code, out} = await logs(['--simulate', '--json', '--since', '30m']);
    expect(code).toBe(0);
    const objects = out
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(objects.length).toBeGreaterThan(0);
    for (const object of objects) {
      expect(Object.keys(object)).toEqual(['time', 'task', 'container', 'message']);
      expect(object.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(object.task).toMatch(/^[0-9a-f]{32}$/);
      expect(object.container).toMatch(/^team_web-api_/);
    }
  });

  test('a bad --since is exit 2 naming the option; nothing is read', async () => {
    for (const since of ['10x', '-5m', '']) {
      const {code, out, err} = await logs(['--simulate', '--since', since]);
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err).toContain(`--since`);
      expect(err).not.toMatch(/\n\s+at /);
    }
  });

  test('an unknown environment is exit 2', async () => {
    const {code, err} = await logs(['--env', 'nope', '--simulate']);
    expect(code).toBe(2);
    expect(err).toContain("profile 'web-api' has no environment 'nope'");
  });

  test('is a plain command: its code does not reach Ink, React or the screens', async () => {
    const result = await build({
      entryPoints: [new URL('../../source/commands/logs.ts', import.meta.url).pathname],
      bundle: true,
      write: false,
      metafile: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((input) => input.includes('source/commands/logs.ts'))).toBe(true);
    expect(inputs.filter((input) => input.includes('source/ui/'))).toEqual([]);
    const imports = Object.values(result.metafile.outputs).flatMap((output) => output.imports.map((item) => item.path));
    expect(imports.filter((path) => /^(ink|react)(\/|$)/.test(path))).toEqual([]);
  });
});
