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
    ['one line', '{"ecsWizardIndex":1}'],
    ['another format', serializeIndex(index()).replace('"ecsWizardIndex":1', '"ecsWizardIndex":2')],
    ['edited body', serializeIndex(index()).replace('"shop"', '"shoq"')],
    ['truncated', serializeIndex(index()).slice(0, 80)],
    ['a bad span', serializeIndex({...index(), entries: [{...index().entries[0]!, span: [20, 10]}]})],
    [
      'a summary without a name',
      (() => {
        const body = JSON.stringify({...index(), entries: [{summary: {application: 'x'}}]});
        return `${JSON.stringify({ecsWizardIndex: 1, checksum: checksum(body)})}\n${body}\n`;
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
