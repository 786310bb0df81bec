import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {checksum, parseIndex, profileSpans, readIndex, serializeIndex, writeIndex, type StoreIndex} from '../../source/adapters/profile-index.js';

const index = (): StoreIndex => ({
  version: '1.0.0',
  file: {dev: '1', ino: '2', size: '3', mtimeNs: '4', ctimeNs: '5'},
  schemaVersion: 2,
  entries: [
    {summary: {name: 'web', application: 'shop', service: 'web', launchType: 'FARGATE', environments: ['dev', 'prod']}, span: [10, 20]},
    {summary: {name: 'old', application: 'shop', service: 'old', launchType: 'EC2', environments: []}},
  ],
});

/** The spans' bytes, parsed, by name. */
function sliced(text: string): Record<string, unknown> | undefined {
  const bytes = Buffer.from(text, 'utf8');
  const spans = profileSpans(bytes);
  if (spans === undefined) return undefined;
  return Object.fromEntries([...spans].map(([name, [start, end]]) => [name, JSON.parse(bytes.subarray(start, end).toString('utf8'))]));
}

describe('profileSpans', () => {
  test.each([
    ['2-space JSON', (document: unknown) => JSON.stringify(document, null, 2)],
    ['compact JSON', (document: unknown) => JSON.stringify(document)],
    ['with a BOM and odd spacing', (document: unknown) => `\uFEFF \n${JSON.stringify(document, null, '\t').replace(/:/g, ' :  ')}\r\n`],
  ])('each member of the top-level "profiles" object, in %s', (_name, write) => {
    const document = {
      before: {profiles: {not: 'these'}, list: ['{', '"', '}']},
      schemaVersion: 2,
      profiles: {
        web: {name: 'web', text: 'a "quoted" {brace} [bracket] \\ and \u00e9\u4e2d\ud83d\ude00', list: [1, [2, {three: 3}]], n: -1.5e3, t: true, f: null},
        'we\u00e9': {name: 'we\u00e9', empty: {}, none: []},
      },
      after: 'x',
    };
    expect(sliced(write(document))).toEqual(document.profiles);
  });

  test('an empty "profiles" object has no spans; a document without one has none at all', () => {
    expect(sliced('{"schemaVersion":2,"profiles":{}}')).toEqual({});
    expect(sliced('{}')).toBeUndefined();
    expect(sliced('{"profiles":[]}')).toBeUndefined();
    expect(sliced('[]')).toBeUndefined();
  });

  test('a duplicated name: the last one, as JSON.parse reads it', () => {
    expect(sliced('{"profiles":{"a":{"v":1},"a":{"v":2}}}')).toEqual({a: {v: 2}});
  });

  test('property: any JSON object of profiles, any indentation', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.constantFrom(0, 2, '\t'), (profiles, indent) => {
        const text = JSON.stringify({schemaVersion: 2, profiles}, null, indent);
        const expected = JSON.parse(JSON.stringify(profiles)) as Record<string, unknown>;
        expect(sliced(text)).toEqual(JSON.parse(text).profiles);
        expect(Object.keys(sliced(text) ?? {}).sort()).toEqual(Object.keys(expected).sort());
      }),
    );
  });
});

describe('the index file', () => {
  test('round trip', () => {
    expect(parseIndex(serializeIndex(index()))).toEqual(index());
  });

  test.each([
    ['empty', ''],
    ['one line', '{"ecsWizardIndex":2}'],
    ['another format', serializeIndex(index()).replace('"ecsWizardIndex":2', '"ecsWizardIndex":3')],
    ['edited body', serializeIndex(index()).replace('"shop"', '"shoq"')],
    ['truncated', serializeIndex(index()).slice(0, 80)],
    ['a bad span', serializeIndex({...index(), entries: [{...index().entries[0]!, span: [20, 10]}]})],
    [
      'a summary without a name',
      (() => {
        const body = JSON.stringify({...index(), entries: [{summary: {application: 'x'}}]});
        return `${JSON.stringify({ecsWizardIndex: 2, checksum: checksum(body)})}\n${body}\n`;
      })(),
    ],
  ])('%s: not an index (it is rebuilt)', (_name, text) => {
    expect(parseIndex(text)).toBeUndefined();
  });

  test('written atomically, mode 0600; a failed write says false and leaves nothing behind', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-wizard-index-file-'));
    try {
      const target = path.join(dir, 'profiles.json.index');
      expect(writeIndex(target, index())).toBe(true);
      expect(readIndex(target)).toEqual(index());
      expect(fs.statSync(target).mode & 0o777).toBe(0o600);
      expect(readIndex(path.join(dir, 'missing'))).toBeUndefined();
      fs.rmSync(target);
      fs.mkdirSync(target);
      expect(writeIndex(target, index())).toBe(false);
      expect(fs.readdirSync(dir)).toEqual(['profiles.json.index']);
    } finally {
      fs.rmSync(dir, {recursive: true, force: true});
    }
  });
});

describe('the checksum of format 2: the 64-bit FNV-1a of the UTF-8 bytes (format 1 had a 32-bit one)', () => {
  /** FNV-1a over 64-bit little-endian words, the last padded with zeros, in BigInt arithmetic. */
  const reference = (text: string): string => {
    const data = Buffer.from(text, 'utf8');
    const padded = Buffer.alloc(Math.ceil(data.byteLength / 8) * 8);
    padded.set(data);
    let sum = 0xcbf29ce484222325n;
    for (let at = 0; at < padded.length; at += 8) sum = BigInt.asUintN(64, (sum ^ padded.readBigUInt64LE(at)) * 0x100000001b3n);
    return sum.toString(16).padStart(16, '0');
  };

  test('is that sum, of a text or its bytes alike', () => {
    fc.assert(
      fc.property(fc.string({unit: 'grapheme', maxLength: 120}), (text) => {
        expect(checksum(text)).toBe(reference(text));
        expect(checksum(Buffer.from(text, 'utf8'))).toBe(reference(text));
      }),
    );
    expect(serializeIndex(index()).split('\n')[0]).toBe(JSON.stringify({ecsWizardIndex: 2, checksum: reference(JSON.stringify(index()))}));
  });

  test('an index written by format 1 (its 32-bit checksum right) is not used: it is rebuilt', () => {
    const body = JSON.stringify(index());
    const bytes = Buffer.from(body, 'utf8');
    let hash = 0x811c9dc5;
    for (let word = 0; word < bytes.byteLength >>> 2; word += 1) hash = Math.imul(hash ^ bytes.readUInt32LE(word * 4), 0x01000193);
    for (let at = bytes.byteLength & ~3; at < bytes.byteLength; at += 1) hash = Math.imul(hash ^ bytes[at]!, 0x01000193);
    const formatOne = `${JSON.stringify({ecsWizardIndex: 1, checksum: (hash >>> 0).toString(16).padStart(8, '0')})}\n${body}\n`;
    expect(parseIndex(formatOne)).toBeUndefined();
    expect(parseIndex(serializeIndex(index()))).toEqual(index());
  });
});
