import {describe, expect, test} from 'vitest';
import {isIsoTimestamp, isPinnedTag} from '../../../source/domain/profile-schema/formats.js';

describe('formats', () => {
  test.each([
    ['2025-03-01T10:00:00.000Z', true],
    ['2025-03-01T10:00:00Z', true],
    ['2024-02-29T23:59:59+02:00', true],
    ['2025-02-29T10:00:00Z', false],
    ['2025-13-01T10:00:00Z', false],
    ['2025-03-01T24:00:00Z', false],
    ['2025-03-01 10:00:00Z', false],
    ['2025-03-01', false],
  ])('isIsoTimestamp(%j) is %s', (text, expected) => {
    expect(isIsoTimestamp(text)).toBe(expected);
  });

  test.each([
    [`1.4@sha256:${'a'.repeat(64)}`, true],
    [`stable-perl@sha256:${'0'.repeat(64)}`, true],
    [`sha256:${'a'.repeat(64)}`, false],
    [`@sha256:${'a'.repeat(64)}`, false],
    ['1.4@latest', false],
    [`.bad@sha256:${'a'.repeat(64)}`, false],
  ])('isPinnedTag(%j) is %s', (text, expected) => {
    expect(isPinnedTag(text)).toBe(expected);
  });
});
