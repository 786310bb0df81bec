import {describe, expect, test} from 'vitest';
import {terraformOutputs} from '../../../source/adapters/terraform-state.js';
import {InputError} from '../../../source/errors.js';
import {environmentFromOutputs} from '../../../source/operations/wizard/provisioner-outputs.js';
import {ROLE} from './fixtures.js';

describe('infrastructure provisioners', () => {
  test('CloudFormation-style outputs fill cluster, private subnets, security groups, role and region', () => {
    const filled = environmentFromOutputs({
      ClusterName: 'prod',
      PublicSubnets: 'subnet-0000000a,subnet-0000000b',
      PrivateSubnets: 'subnet-0a1b2c3d,subnet-4e5f6a7b',
      ServiceSecurityGroup: 'sg-0a1b2c3d',
      TaskExecutionRoleArn: ROLE,
      VpcId: 'vpc-0a1b2c3d',
    });
    expect(filled.values).toEqual({cluster: 'prod', subnets: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'], securityGroups: ['sg-0a1b2c3d'], executionRoleArn: ROLE});
    expect(filled.used).toEqual([
      'cluster ← ClusterName',
      'subnets ← PrivateSubnets',
      'security groups ← ServiceSecurityGroup',
      'execution role ← TaskExecutionRoleArn',
    ]);
  });

  test('Terraform state outputs: outputs.<name>.value, lists kept', () => {
    const state = JSON.stringify({
      version: 4,
      terraform_version: '1.9.0',
      outputs: {
        ecs_cluster_arn: {value: 'arn:aws:ecs:eu-west-1:123456789012:cluster/staging', type: 'string'},
        private_subnet_ids: {value: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'], type: ['list', 'string']},
        task_sg: {value: 'sg-0a1b2c3d', type: 'string'},
        tags: {value: {team: 'web'}, type: ['map', 'string']},
        aws_region: {value: 'eu-west-1', type: 'string'},
      },
      resources: [],
    });
    const outputs = terraformOutputs(state, 'terraform.tfstate');
    expect(outputs).toEqual({
      ecs_cluster_arn: 'arn:aws:ecs:eu-west-1:123456789012:cluster/staging',
      private_subnet_ids: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'],
      task_sg: 'sg-0a1b2c3d',
      aws_region: 'eu-west-1',
    });
    expect(environmentFromOutputs(outputs).values).toEqual({
      cluster: 'staging',
      subnets: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'],
      securityGroups: ['sg-0a1b2c3d'],
      region: 'eu-west-1',
    });
    expect(() => terraformOutputs('{"resources": []}', 'x.json')).toThrow(InputError);
  });
});

test.each(['service_sg_id', 'ServiceSgId', 'service-sg-ids', 'task_sg', 'ecsSG', 'AppSecurityGroupIds'])(
  'a security group output named %s is recognised',
  (name) => {
    expect(environmentFromOutputs({[name]: 'sg-0a1b2c3d'}).values.securityGroups).toEqual(['sg-0a1b2c3d']);
  },
);

test.each(['designer_url', 'msg_queue'])('an output named %s is not taken for a security group', (name) => {
  expect(environmentFromOutputs({[name]: 'sg-0a1b2c3d'}).values.securityGroups).toBeUndefined();
});
