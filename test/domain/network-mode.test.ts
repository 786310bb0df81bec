import {describe, expect, test} from 'vitest';
import {effectiveNetworkMode} from '../../source/domain/network-mode.js';

describe('network mode', () => {
  test('effectiveNetworkMode', () => {
    expect(effectiveNetworkMode({}, 'EC2')).toBe('bridge');
    expect(effectiveNetworkMode({}, 'FARGATE')).toBe('awsvpc');
    expect(effectiveNetworkMode({networkMode: 'host'}, 'EC2')).toBe('host');
    expect(effectiveNetworkMode({networkMode: 'weird'}, 'EC2')).toBeUndefined();
    expect(effectiveNetworkMode(undefined, 'EC2')).toBe('bridge');
  });
});
