import {expect, test} from 'vitest';
import {assembleProfile} from '../../../../source/operations/wizard/profile.js';
import type {PromptContext, StepContext, TextPrompt} from '../../../../source/operations/wizard/question.js';
import {envTfState} from '../../../../source/operations/wizard/questions/env-tf-state.js';
import type {WizardServices} from '../../../../source/operations/wizard/services.js';
import type {WizardAnswers} from '../../../../source/domain/wizard-answers.js';
import {fargateAnswers, ROLE} from '../fixtures.js';

const OUTPUTS = {cluster_name: 'prod', private_subnet_ids: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'], task_sg: 'sg-0a1b2c3d', execution_role_arn: ROLE};

async function fill(answers: WizardAnswers): Promise<WizardAnswers> {
  const services = {
    terraformOutputs: async () => ({status: 'found', value: OUTPUTS}),
    terraformPath: (path: string) => `/srv/infra/${path}`,
  } as unknown as WizardServices;
  const ctx: StepContext = {answers, choices: {'env-source#0': 'terraform'}, env: 0, hasPassword: false, passwordFromEnv: false};
  const prompt = envTfState.prompt!({ctx, services, memo: new Map()} satisfies PromptContext) as TextPrompt<string>;
  const checked = await prompt.check!.run('terraform.tfstate');
  if (!checked.ok) throw new Error(checked.message);
  return prompt.submit(checked.value!)!.answers!;
}

test('the state file fills the environment and is recorded, with its absolute path and the output of each field', async () => {
  const answers = await fill({...fargateAnswers(), environments: [{name: 'production', region: 'us-east-1'}]});
  expect(answers.environments?.[0]?.provisioner).toEqual({
    source: {kind: 'terraform', path: '/srv/infra/terraform.tfstate'},
    filled: {
      cluster: {output: 'cluster_name', value: 'prod'},
      subnets: {output: 'private_subnet_ids', value: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b']},
      securityGroups: {output: 'task_sg', value: ['sg-0a1b2c3d']},
      executionRoleArn: {output: 'execution_role_arn', value: ROLE},
    },
  });
  const {profile} = assembleProfile(answers, {now: '2026-01-02T03:04:05.000Z'});
  expect(profile?.environments[0]?.provisioner).toEqual({
    kind: 'terraform',
    path: '/srv/infra/terraform.tfstate',
    outputs: {cluster: 'cluster_name', subnets: 'private_subnet_ids', securityGroups: 'task_sg', executionRoleArn: 'execution_role_arn'},
  });
});

test('a value typed over the filled one is the person’s: the profile does not record it as the output’s', async () => {
  const filled = await fill({...fargateAnswers(), environments: [{name: 'production', region: 'us-east-1'}]});
  const typed: WizardAnswers = {...filled, environments: [{...filled.environments![0]!, cluster: 'my-own', subnets: ['subnet-4e5f6a7b', 'subnet-0a1b2c3d']}]};
  const {profile} = assembleProfile(typed, {now: '2026-01-02T03:04:05.000Z'});
  // The subnets are the same set in another order: still the output's.
  expect(profile?.environments[0]?.provisioner?.outputs).toEqual({
    subnets: 'private_subnet_ids',
    securityGroups: 'task_sg',
    executionRoleArn: 'execution_role_arn',
  });
  expect(profile?.environments[0]?.cluster).toBe('my-own');
});
