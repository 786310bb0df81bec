import {expect, test} from 'vitest';
import {parseEcrHost} from '../../../source/adapters/aws/ecr.js';

test('parseEcrHost: account and region from the registry host', () => {
  expect(parseEcrHost('123456789012.dkr.ecr.eu-west-1.amazonaws.com')).toEqual({registryId: '123456789012', region: 'eu-west-1'});
  expect(parseEcrHost('123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com')).toEqual({registryId: '123456789012', region: 'us-gov-west-1'});
  expect(parseEcrHost('123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn')).toEqual({registryId: '123456789012', region: 'cn-north-1'});
  expect(parseEcrHost('registry.hub.docker.com')).toEqual({});
});
