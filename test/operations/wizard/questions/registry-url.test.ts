import {expect, test} from 'vitest';
import {checkRegistryHost} from '../../../../source/operations/wizard/questions/registry-url.js';

test('registry addresses: URLs are reduced to host:port, paths refused', () => {
  expect(checkRegistryHost('https://registry.example.com:5000/v2/')).toEqual({ok: true, value: 'registry.example.com:5000'});
  expect(checkRegistryHost('registry.example.com/team')).toMatchObject({ok: false});
});
