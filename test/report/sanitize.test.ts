import {describe, expect, test} from 'vitest';
import {sanitize} from '../../source/report/sanitize.js';

describe('sanitize', () => {
  test('removes CSI and OSC sequences, C0/C1 controls and DEL; keeps newlines, tabs and other text', () => {
    expect(sanitize('\u001B[31mred\u001B[39m')).toBe('red');
    expect(sanitize('\u001B]0;title\u0007text')).toBe('text');
    expect(sanitize('\u001B]8;;http://x\u001B\\link')).toBe('link');
    expect(sanitize('a\u0000b\u0008c\u007Fd\u009Be\rf')).toBe('abcdef');
    expect(sanitize('line 1\n\tline 2 · ✓ ünïcode')).toBe('line 1\n\tline 2 · ✓ ünïcode');
  });
});
