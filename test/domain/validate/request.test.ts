import {describe, expect, test} from 'vitest';
import {parseJsonText} from '../../../source/domain/json-text.js';
import type {Environment} from '../../../source/domain/model.js';
import type {ValidationContext} from '../../../source/domain/validate/context.js';
import {validateArtifact, validateEnvironment, validateRegistryAuth, validateVariables} from '../../../source/domain/validate/profile-inputs.js';
import {validateRequest} from '../../../source/domain/validate/request.js';
import type {RequestInputs} from '../../../source/domain/validate/request.js';
import {validateServiceDefinition} from '../../../source/domain/validate/service-definition.js';
import {validateTaskDefinition} from '../../../source/domain/validate/task-definition.js';
import {codes, fargateTask, NETWORK, REGISTRY} from './rendered-documents.js';

const environment: Environment = {
  name: 'prod',
  region: 'us-east-1',
  cluster: 'c',
  launchType: 'FARGATE',
  network: NETWORK,
  executionRoleArn: 'not-a-role',
  overrides: {'log.level': 'x'},
};
const inputs: RequestInputs = {
  artifact: {registry: 'registry', host: 'registry.example.com', image: 'Team/Web'},
  tag: '1.0',
  registryAuth: {credentialsSecretArn: 'secret'},
  variables: {'9x': ''},
  environment,
  discoveryRecordTypes: {[REGISTRY]: ['SRV']},
};
const context: ValidationContext = {launchType: 'FARGATE', environmentName: 'prod', network: NETWORK, discoveryRecordTypes: {[REGISTRY]: ['SRV']}};

describe('validateRequest', () => {
  test("the run's inputs, then the task definition, then the service (against the task definition), each by its own rules", () => {
    const task = {...fargateTask(), memory: '4096'};
    const service = {
      serviceName: 'web',
      launchType: 'FARGATE',
      schedulingStrategy: 'DAEMON',
      serviceRegistries: [{registryArn: REGISTRY, containerName: 'web', containerPort: 8080, port: 8080}],
    };
    const result = validateRequest(inputs, {taskDefinition: {rendered: task}, service: {rendered: service}});
    expect(result).toEqual({
      inputs: [
        ...validateArtifact(inputs.artifact, '1.0'),
        ...validateRegistryAuth(inputs.registryAuth),
        ...validateVariables(inputs.variables),
        ...validateEnvironment(environment),
      ],
      taskDefinition: validateTaskDefinition(task, context),
      service: validateServiceDefinition(service, task, context),
    });
    expect(codes(result.inputs)).toEqual([
      'image-reference service.artifact.image',
      'arn-format service.registryAuth.credentialsSecretArn',
      'invalid-variable-name ["9x"]',
      'arn-format executionRoleArn',
      'invalid-variable-name overrides["log.level"]',
    ]);
    expect(codes(result.taskDefinition)).toEqual(['fargate-cpu-memory memory']);
    expect(codes(result.service)).toEqual(['daemon-fargate schedulingStrategy', 'discovery-params serviceRegistries[0].port']);
  });

  test('issues are located in the spec texts given; nothing to check gives no issues', () => {
    const text = '{\n  "memory": "4096",\n  "cpu": "256"\n}';
    const parsed = parseJsonText(text, 'containerSpec');
    const result = validateRequest(inputs, {taskDefinition: {rendered: {...fargateTask(), memory: '4096'}, parsed}, service: {rendered: undefined}});
    expect(result.taskDefinition).toEqual([expect.objectContaining({code: 'fargate-cpu-memory', path: 'memory', line: 2, column: 13})]);
    expect(result.service).toEqual([]);
    expect(validateRequest(inputs, {taskDefinition: {rendered: undefined}, service: {rendered: undefined}}).taskDefinition).toEqual([]);
  });
});
