import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, test} from 'vitest';
import {FRAME_CACHE_FILE, readCachedFrame, storeStamp, writeCachedFrame} from '../../source/adapters/frame-cache.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-wizard-frame-'));
});
afterEach(() => {
  fs.rmSync(dir, {recursive: true, force: true});
});

describe('the kept home frame', () => {
  test('the store stamp (part of the key) changes when the profile store or the draft changes, and not with the frame', () => {
    const empty = storeStamp(dir);
    expect(empty).toBe('- -');
    fs.writeFileSync(path.join(dir, 'profiles.json'), '{"schemaVersion":3,"profiles":{}}');
    const saved = storeStamp(dir);
    expect(saved).not.toBe(empty);
    writeCachedFrame(dir, saved, 'frame');
    expect(storeStamp(dir)).toBe(saved);
    fs.writeFileSync(path.join(dir, 'profiles.json'), '{"schemaVersion":3,"profiles":{"a":{}}}');
    expect(storeStamp(dir)).not.toBe(saved);
    const withProfile = storeStamp(dir);
    fs.writeFileSync(path.join(dir, 'wizard-draft.json'), '{}');
    expect(storeStamp(dir)).not.toBe(withProfile);
  });

  test('read back under its key only; mode 0600', () => {
    expect(readCachedFrame(dir, 'k1')).toBeUndefined();
    expect(writeCachedFrame(dir, 'k1', '\u001B[?2026hframe\n\u001B[?2026l')).toBe(true);
    expect(readCachedFrame(dir, 'k1')).toBe('\u001B[?2026hframe\n\u001B[?2026l');
    expect(readCachedFrame(dir, 'k2')).toBeUndefined();
    expect(fs.statSync(path.join(dir, FRAME_CACHE_FILE)).mode & 0o777).toBe(0o600);
    expect(writeCachedFrame(dir, 'k2', 'other')).toBe(true);
    expect(readCachedFrame(dir, 'k1')).toBeUndefined();
    expect(fs.readdirSync(dir)).toEqual([FRAME_CACHE_FILE]);
  });

  test.each([
    ['not JSON', 'garbage'],
    ['no frame', '{"key":"k"}'],
    ['a frame that is not text', '{"key":"k","frame":3}'],
  ])('a damaged file (%s) paints nothing', (_name, text) => {
    fs.writeFileSync(path.join(dir, FRAME_CACHE_FILE), text);
    expect(readCachedFrame(dir, 'k')).toBeUndefined();
  });

  test('nothing is kept that is empty, too large, or cannot be written', () => {
    expect(writeCachedFrame(dir, 'k', '')).toBe(false);
    expect(writeCachedFrame(dir, 'k', 'x'.repeat(70_000))).toBe(false);
    expect(writeCachedFrame(path.join(dir, 'missing'), 'k', 'frame')).toBe(false);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
