import {chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {
  cacheDirectory,
  checksum,
  decodeCodeCache,
  encodeCodeCache,
  plainCandidate,
  readCodeCache,
  runCachedScript,
  writeCodeCache,
} from '../source/launcher.js';

describe('plainCandidate: which command lines may run from the plain bundle', () => {
  it.each([
    [['profiles', 'list'], 'list'],
    [['profiles', 'list', '--json'], 'list'],
    [['render', 'web-api', '--env', 'dev'], 'render'],
    [['render'], 'render'],
    [['diff', 'web-api', '--simulate'], 'diff'],
    [['diff', 'web-api', '--env', 'dev', '--simulate=crash-loop', '--exit-code'], 'diff'],
    [['diff', 'web-api'], undefined],
    [['diff', 'web-api', '--', '--simulate'], undefined],
    [['diff', 'web-api', '--simulate-speed', '10'], undefined],
    [['profiles', 'show', 'web-api'], undefined],
    [['profiles'], undefined],
    [['deploy', 'web-api', '--simulate'], undefined],
    [['--region', 'eu-west-1', 'profiles', 'list'], undefined],
    [[], undefined],
  ] as Array<[string[], string | undefined]>)('%j → %s', (argv, expected) => {
    expect(plainCandidate(argv)).toBe(expected);
  });
});

describe('cacheDirectory', () => {
  it('ECS_WIZARD_CACHE_DIR, else XDG_CACHE_HOME, else the platform’s cache folder', () => {
    expect(cacheDirectory({ECS_WIZARD_CACHE_DIR: '/tmp/x', XDG_CACHE_HOME: '/xdg'}, 'linux', '/home/a')).toBe('/tmp/x');
    expect(cacheDirectory({XDG_CACHE_HOME: '/xdg'}, 'linux', '/home/a')).toBe('/xdg/ecs-wizard');
    expect(cacheDirectory({}, 'linux', '/home/a')).toBe('/home/a/.cache/ecs-wizard');
    expect(cacheDirectory({}, 'darwin', '/Users/a')).toBe('/Users/a/Library/Caches/ecs-wizard');
    expect(cacheDirectory({LOCALAPPDATA: '/appdata'}, 'win32', '/home/a')).toBe(join('/appdata', 'ecs-wizard', 'Cache'));
  });
});

/** FNV-1a over 64-bit little-endian words, the last padded with zeros, in BigInt arithmetic: what FNV_WASM computes. */
function fnvReference(data: Uint8Array): string {
  const padded = Buffer.alloc(Math.ceil(data.byteLength / 8) * 8);
  padded.set(data);
  let sum = 0xcbf29ce484222325n;
  for (let at = 0; at < padded.length; at += 8) sum = BigInt.asUintN(64, (sum ^ padded.readBigUInt64LE(at)) * 0x100000001b3n);
  return sum.toString(16).padStart(16, '0');
}

describe('checksum: the WebAssembly FNV-1a of the cache data', () => {
  it('is the FNV-1a of the 64-bit words, for any bytes (lengths not a multiple of 8 included)', () => {
    fc.assert(
      fc.property(fc.uint8Array({maxLength: 200}), (bytes) => {
        expect(checksum(bytes)).toBe(fnvReference(bytes));
      }),
    );
    expect(checksum(new Uint8Array(0))).toBe('cbf29ce484222325');
    const large = Buffer.from(Array.from({length: 200_000}, (_, index) => (index * 7919) % 256));
    expect(checksum(large)).toBe(fnvReference(large));
  });

  it('changes when any one byte changes', () => {
    const data = Buffer.from(Array.from({length: 4096}, (_, index) => index % 253));
    const sum = checksum(data);
    for (const at of [0, 1, 7, 8, 2047, 4095]) {
      const changed = Buffer.from(data);
      changed[at]! ^= 0x01;
      expect(checksum(changed)).not.toBe(sum);
    }
  });
});

describe('the cache file: a header naming the format, the build, the length and the checksum of the data', () => {
  const data = Buffer.from(Array.from({length: 1000}, (_, index) => index % 251));

  it('reads back what it wrote', () => {
    const encoded = encodeCodeCache('0123abcd', data);
    expect(encoded.subarray(0, encoded.indexOf(0x0a)).toString('latin1')).toMatch(/^ecs-wizard-code-cache 1 0123abcd 1000 [0-9a-f]{16}$/);
    expect(decodeCodeCache('0123abcd', encoded)).toEqual(data);
  });

  it('ignores another build’s file, a file cut short, a changed byte, a wrong header and bytes that are no cache', () => {
    const encoded = encodeCodeCache('0123abcd', data);
    expect(decodeCodeCache('ffff0000', encoded)).toBeUndefined();
    expect(decodeCodeCache('0123abcd', encoded.subarray(0, encoded.length - 1))).toBeUndefined();
    const changed = Buffer.from(encoded);
    changed[changed.length - 500]! ^= 0x01;
    expect(decodeCodeCache('0123abcd', changed)).toBeUndefined();
    const longer = Buffer.concat([encoded, Buffer.from([0])]);
    expect(decodeCodeCache('0123abcd', longer)).toBeUndefined();
    expect(decodeCodeCache('0123abcd', Buffer.from(encoded.toString('latin1').replace('code-cache 1', 'code-cache 2'), 'latin1'))).toBeUndefined();
    expect(decodeCodeCache('0123abcd', Buffer.from('not a cache at all'))).toBeUndefined();
    expect(decodeCodeCache('0123abcd', Buffer.alloc(0))).toBeUndefined();
  });
});

describe('runCachedScript and the cache folder', () => {
  let directory: string;
  const source = "'use strict';\nconst twice = (value) => value * 2;\nexports.answer = twice(21);\nexports.file = __filename;\n";

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'ecs-wizard-launcher-'));
  });
  afterEach(() => rmSync(directory, {recursive: true, force: true}));

  // Each run under a name of its own: V8 keeps the scripts an isolate compiled by source and name, and a script found
  // there is not read from the cache at all (in the program each process compiles the bundle once).
  let runs = 0;
  const run = (cacheFile: string | undefined, build = 'b1') => {
    runs += 1;
    return runCachedScript({source, filename: join(directory, `plain-${runs}.cjs`), build, ...(cacheFile === undefined ? {} : {cacheFile})});
  };

  it('compiles without a cache, writes one (0600, folder 0700), and the next run takes it', () => {
    const cacheFile = join(directory, 'cache', 'plain-b1-list.v8cache');
    const first = run(cacheFile);
    expect(first.exports).toEqual({answer: 42, file: join(directory, 'plain-1.cjs')});
    expect(first.cached).toBe(false);
    expect(existsSync(cacheFile)).toBe(false);
    expect(first.save()).toBe(true);
    expect(statSync(cacheFile).mode & 0o777).toBe(0o600);
    expect(statSync(join(directory, 'cache')).mode & 0o777).toBe(0o700);
    expect(readCodeCache(cacheFile, 'b1')?.length).toBeGreaterThan(0);

    const second = run(cacheFile);
    expect(second.cached).toBe(true);
    expect(second.exports).toEqual({answer: 42, file: join(directory, 'plain-2.cjs')});
  });

  it('a cache with a changed byte is ignored (V8 on Node 20 would take it) and written anew', () => {
    const cacheFile = join(directory, 'plain-b1-list.v8cache');
    run(cacheFile).save();
    const bytes = readFileSync(cacheFile);
    bytes[bytes.length - 10]! ^= 0xff;
    writeFileSync(cacheFile, bytes);

    const damaged = run(cacheFile);
    expect(damaged.cached).toBe(false);
    expect(damaged.exports['answer']).toBe(42);
    expect(damaged.save()).toBe(true);
    expect(run(cacheFile).cached).toBe(true);
  });

  it('a cache of another build, a truncated one and one V8 rejects are ignored', () => {
    const cacheFile = join(directory, 'plain-b1-list.v8cache');
    run(cacheFile, 'b0').save();
    expect(run(cacheFile, 'b1').cached).toBe(false);

    run(cacheFile).save();
    writeFileSync(cacheFile, readFileSync(cacheFile).subarray(0, 100));
    expect(run(cacheFile).cached).toBe(false);

    // A whole file of this build whose data is not V8's: V8 rejects it, the script is compiled from its source.
    writeFileSync(cacheFile, encodeCodeCache('b1', Buffer.from('these bytes are not a V8 code cache, though they pass the header')));
    const rejected = run(cacheFile);
    expect(rejected.cached).toBe(false);
    expect(rejected.exports['answer']).toBe(42);
  });

  it('a cache that others may write is not used: the file or its folder writable by group or others', () => {
    const folder = join(directory, 'cache');
    const cacheFile = join(folder, 'plain-b1-list.v8cache');
    run(cacheFile).save();
    expect(run(cacheFile).cached).toBe(true);
    chmodSync(cacheFile, 0o622);
    expect(run(cacheFile).cached).toBe(false);
    chmodSync(cacheFile, 0o600);
    chmodSync(folder, 0o777);
    const loaded = run(cacheFile);
    expect(loaded.cached).toBe(false);
    // Nor is one written there (it would be written on every run and never read).
    rmSync(cacheFile);
    expect(loaded.save()).toBe(false);
    expect(existsSync(cacheFile)).toBe(false);
    chmodSync(folder, 0o700);
    expect(run(cacheFile).save()).toBe(true);
    expect(run(cacheFile).cached).toBe(true);
  });

  it('a cache folder that cannot be written costs only the gain', () => {
    const blocked = join(directory, 'a-file');
    writeFileSync(blocked, '');
    const loaded = run(join(blocked, 'plain-b1-list.v8cache'));
    expect(loaded.exports['answer']).toBe(42);
    expect(loaded.save()).toBe(false);
    expect(readdirSync(directory)).toEqual(['a-file']);
  });

  it('without a cache file nothing is read or written', () => {
    const loaded = run(undefined);
    expect(loaded.exports['answer']).toBe(42);
    expect(loaded.save()).toBe(false);
  });

  it('writing a command’s file removes that command’s files of other builds, and nothing else', () => {
    const folder = join(directory, 'cache');
    writeCodeCache(join(folder, 'plain-0000aaaa-list.v8cache'), '0000aaaa', Buffer.from('an older build of list'));
    writeCodeCache(join(folder, 'plain-b2b2-render.v8cache'), 'b2b2', Buffer.from('render, another bundle'));
    writeFileSync(join(folder, 'unrelated.txt'), 'kept');
    expect(writeCodeCache(join(folder, 'plain-b1b1-list.v8cache'), 'b1b1', Buffer.from('list'))).toBe(true);
    expect(readdirSync(folder).sort()).toEqual(['plain-b1b1-list.v8cache', 'plain-b2b2-render.v8cache', 'unrelated.txt']);
  });
});
