import {expect, test} from 'vitest';
import {pinnedDetail, pinnedLabel, pinnedReference, pinnedRowDetail} from '../../source/domain/pinned-tag.js';

const DIGEST = `sha256:${'e5'.repeat(32)}`;

test('a listed tag with a digest pins to tag@digest; nothing to pin without a digest or for a digest', () => {
  expect(pinnedReference({tag: '1.4.2', digest: DIGEST})).toBe(`1.4.2@${DIGEST}`);
  expect(pinnedReference({tag: 'latest', digest: DIGEST})).toBe(`latest@${DIGEST}`);
  expect(pinnedReference({tag: '1.4.2'})).toBeUndefined();
  expect(pinnedReference({tag: `1.4.2@${DIGEST}`, digest: DIGEST})).toBeUndefined();
  expect(pinnedReference({tag: DIGEST, digest: DIGEST})).toBeUndefined();
  expect(pinnedReference({tag: '1.4.2', digest: 'sha256:short'})).toBeUndefined();
  expect(pinnedLabel({tag: 'latest', digest: DIGEST})).toBe('latest pinned to sha256:e5e5e5e5e5e5');
  expect(pinnedRowDetail({tag: 'latest', digest: DIGEST})).toBe('latest@sha256:e5e5e5e5e5e5: these bytes, even if latest moves');
  expect(pinnedDetail({tag: 'latest'})).toBe('the bytes latest points to now, even if latest moves later');
});
