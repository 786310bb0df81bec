import {expect, test} from 'vitest';
import {initOptionTable, initOptionsModule} from '../../source/commands/init-flags.js';
import {INIT_OPTIONS} from '../../source/commands/init-options.js';

test('init-options.ts is generated from the questions (after changing a flag: run this test with -u)', async () => {
  await expect(initOptionsModule()).toMatchFileSnapshot('../../source/commands/init-options.ts');
});

test('the table --help and the argument parser use is the one the questions declare', () => {
  expect(INIT_OPTIONS).toEqual(initOptionTable());
});

test('init --help lists the flags as it always has: the profile name first, the provisioner sources last, then --yes and --force', () => {
  expect(Object.keys(INIT_OPTIONS)).toEqual([
    'name',
    'app',
    'service',
    'artifact-server',
    'registry',
    'registry-username',
    'image',
    'tag',
    'anonymous-registry',
    'launch-type',
    'network-mode',
    'container-spec',
    'cpu',
    'memory',
    'memory-reservation',
    'port',
    'container-env',
    'no-logs',
    'strategy',
    'desired-count',
    'service-spec',
    'deployment-strategy',
    'bake-time',
    'canary-percent',
    'canary-bake-time',
    'linear-step-percent',
    'linear-step-bake-time',
    'lifecycle-hook',
    'hook-role',
    'alarm',
    'target-group',
    'alternate-target-group',
    'production-listener-rule',
    'test-listener-rule',
    'traffic-role',
    'create-traffic-role',
    'min-count',
    'max-count',
    'cpu-target',
    'memory-target',
    'requests-per-target',
    'depends-on',
    'registry-arn',
    'discovery-container',
    'discovery-container-port',
    'discovery-port',
    'discovery-records',
    'var',
    'credentials-secret',
    'kms-key',
    'execution-role',
    'create-execution-role',
    'apply-iam',
    'env',
    'region',
    'cluster',
    'capacity-provider',
    'subnets',
    'security-groups',
    'assign-public-ip',
    'override',
    'container-name',
    'cfn-stack',
    'tf-state',
    'yes',
    'force',
  ]);
});
