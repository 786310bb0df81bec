import {describe, expect, test} from 'vitest';
import type {WizardAnswers} from '../../../source/domain/wizard-answers.js';
import {defaultFargateContainerSpec} from '../../../source/domain/defaults.js';
import {lintContainerJson, startingContainerJson, taskNetworkMode} from '../../../source/operations/wizard/container-spec.js';
import {FARGATE_JSON} from './fixtures.js';

describe('Advanced JSON', () => {
  test('a syntax error is located', () => {
    const issues = lintContainerJson('{\n  "containerDefinitions": [],\n}', 'EC2');
    expect(issues).toEqual([expect.objectContaining({code: 'json-syntax', severity: 'error', line: 3, column: 1})]);
  });

  test('Fargate rules: the execution role placeholder, awsvpc and a valid task size (nearest one named)', () => {
    const text = FARGATE_JSON.replace('"memory": "512"', '"memory": "4096"').replace(',\n  "executionRoleArn": "${EXECUTION_ROLE}"', '');
    const issues = lintContainerJson(text, 'FARGATE');
    expect(issues.map((issue) => issue.code)).toEqual(['fargate-cpu-memory', 'execution-role-required']);
    expect(issues[0]).toMatchObject({
      line: 11,
      message: 'Fargate does not offer cpu 256 with memory 4096; the nearest valid pair is cpu 512 / memory 4096 (0.5 vCPU, 4 GB)',
    });
    expect(lintContainerJson(defaultFargateContainerSpec(), 'FARGATE')).toEqual([]);
  });

  test('the image placeholder is required', () => {
    expect(lintContainerJson('{"containerDefinitions": [{"name": "web", "image": "nginx"}]}', 'EC2').map((issue) => issue.code)).toContain(
      'image-placeholder-missing',
    );
  });

  test('a private registry on EC2 needs ${EXECUTION_ROLE}: the starting JSON has it', () => {
    const answers: WizardAnswers = {
      launchType: 'EC2',
      registry: 'registry',
      networkMode: 'awsvpc',
      containerForm: {memoryReservation: 256, ports: [{containerPort: 80, hostPort: 0, protocol: 'tcp'}], environment: []},
    };
    const start = JSON.parse(startingContainerJson(answers));
    expect(start.executionRoleArn).toBe('${EXECUTION_ROLE}');
    expect(start.networkMode).toBe('awsvpc');
    // Under awsvpc the dynamic host port 0 goes.
    expect(start.containerDefinitions[0].portMappings).toEqual([{containerPort: 80, protocol: 'tcp'}]);
    expect(
      lintContainerJson('{"containerDefinitions": [{"name": "a", "image": "${DOCKER_IMAGE_NAME}", "memoryReservation": 64}]}', 'EC2', {
        needsExecutionRole: true,
      }).map((issue) => issue.code),
    ).toEqual(['execution-role-required']);
  });

  test('the network mode of Advanced JSON is read from it', () => {
    expect(taskNetworkMode({launchType: 'EC2', containerMode: 'json', containerJson: '{"networkMode": "host"}'})).toBe('host');
    expect(taskNetworkMode({launchType: 'EC2', containerMode: 'json', containerJson: '{}'})).toBe('bridge');
    expect(taskNetworkMode({launchType: 'FARGATE'})).toBe('awsvpc');
  });
});
