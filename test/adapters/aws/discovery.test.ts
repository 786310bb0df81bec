import {expect, test} from 'vitest';
import {serviceIdOf} from '../../../source/adapters/aws/discovery.js';

test('serviceIdOf: Cloud Map registry ARN → srv- id', () => {
  expect(serviceIdOf('arn:aws:servicediscovery:us-east-1:123456789012:service/srv-abc123')).toBe('srv-abc123');
  expect(serviceIdOf('srv-abc123')).toBe('srv-abc123');
});
