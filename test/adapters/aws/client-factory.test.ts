import {expect, test} from 'vitest';
import {AWS_NETWORK} from '../../../source/adapters/aws/client-factory.js';

test('an endpoint that never answers is given up within 30 s: every attempt times out before then', () => {
  expect(AWS_NETWORK.maxAttempts * AWS_NETWORK.requestTimeoutMs).toBeLessThanOrEqual(25_000);
  // A wait is never silent for long: a notice comes after 2 s.
  expect(AWS_NETWORK.slowNoticeMs).toBeLessThanOrEqual(2_000);
  // An unreachable one much sooner.
  expect(AWS_NETWORK.maxAttempts * AWS_NETWORK.connectionTimeoutMs).toBeLessThanOrEqual(10_000);
});
