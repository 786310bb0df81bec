import {expect, test} from 'vitest';
import {checkClusterName} from '../../../../source/operations/wizard/questions/env-cluster.js';

test('clusters: an ARN gives its name', () => {
  expect(checkClusterName('arn:aws:ecs:us-east-1:123456789012:cluster/prod')).toEqual({ok: true, value: 'prod'});
});
