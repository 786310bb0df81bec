import type {JsonObject} from '../../source/domain/json.js';
import {describe, expect, test} from 'vitest';
import {formToJsonText, formToTaskDefinition, taskDefinitionToForm} from '../../source/domain/container-form.js';
import {parseJsonText} from '../../source/domain/json-text.js';
import type {ContainerForm} from '../../source/domain/model.js';

const seedForm: ContainerForm = {
  name: '${CONTAINER_NAME}',
  cpu: 128,
  memory: 256,
  memoryReservation: 128,
  portMappings: [{containerPort: 80, hostPort: 0, protocol: 'tcp'}],
  environment: [{name: 'MODE', value: 'prod'}],
  essential: true,
  networkMode: 'bridge',
};

describe('the simplified EC2 form', () => {
  test('renders the same RegisterTaskDefinition shape as the advanced form', () => {
    expect(formToTaskDefinition(seedForm)).toEqual({
      containerDefinitions: [
        {
          name: '${CONTAINER_NAME}',
          image: '${DOCKER_IMAGE_NAME}',
          cpu: 128,
          memory: 256,
          memoryReservation: 128,
          portMappings: [{containerPort: 80, hostPort: 0, protocol: 'tcp'}],
          environment: [{name: 'MODE', value: 'prod'}],
          essential: true,
        },
      ],
      networkMode: 'bridge',
      requiresCompatibilities: ['EC2'],
    });
  });

  test('leaves out what the form does not set (no family: render chooses it)', () => {
    const minimal: ContainerForm = {
      name: 'web',
      portMappings: [{containerPort: 8080, protocol: 'udp'}],
      environment: [],
      essential: false,
      networkMode: 'awsvpc',
    };
    expect(formToTaskDefinition(minimal)).toEqual({
      containerDefinitions: [
        {name: 'web', image: '${DOCKER_IMAGE_NAME}', portMappings: [{containerPort: 8080, protocol: 'udp'}], environment: [], essential: false},
      ],
      networkMode: 'awsvpc',
      requiresCompatibilities: ['EC2'],
    });
  });

  test('formToJsonText switches to Advanced: the text parses to the same JSON', () => {
    const text = formToJsonText(seedForm);
    expect(text.startsWith('{\n  "containerDefinitions": [\n')).toBe(true);
    expect(parseJsonText(text, 'containerSpec')).toMatchObject({value: formToTaskDefinition(seedForm), issues: []});
  });

  test('a form with its awslogs settings renders them, and gives them back (switching to Advanced and back loses nothing)', () => {
    const withLogs = {...seedForm, logConfiguration: {group: '/ecs/web', region: 'eu-west-1', streamPrefix: 'ecs'}};
    const container = (formToTaskDefinition(withLogs).containerDefinitions as JsonObject[])[0]!;
    expect(container.logConfiguration).toEqual({
      logDriver: 'awslogs',
      options: {'awslogs-group': '/ecs/web', 'awslogs-region': 'eu-west-1', 'awslogs-stream-prefix': 'ecs'},
    });
    expect(taskDefinitionToForm(formToTaskDefinition(withLogs))).toEqual(withLogs);
    // A form without them renders exactly as before: no logConfiguration key.
    expect(Object.keys((formToTaskDefinition(seedForm).containerDefinitions as JsonObject[])[0]!)).not.toContain('logConfiguration');
  });

  test('taskDefinitionToForm gives the form back from its own JSON', () => {
    expect(taskDefinitionToForm(formToTaskDefinition(seedForm))).toEqual(seedForm);
    expect(taskDefinitionToForm(parseJsonText(formToJsonText(seedForm), 'containerSpec').value)).toEqual(seedForm);
  });

  test.each([
    ['a family', {family: 'x'}],
    ['a second container', {containerDefinitions: [{}, {}]}],
    ['Fargate', {requiresCompatibilities: ['FARGATE']}],
    ['a literal image', {containerDefinitions: [{name: 'a', image: 'nginx', portMappings: [], environment: [], essential: true}]}],
    [
      'a log configuration',
      {containerDefinitions: [{name: 'a', image: '${DOCKER_IMAGE_NAME}', portMappings: [], environment: [], essential: true, logConfiguration: {}}]},
    ],
    [
      'a port placeholder',
      {
        containerDefinitions: [
          {
            name: 'a',
            image: '${DOCKER_IMAGE_NAME}',
            portMappings: [{containerPort: '${serviceVariable.p}', protocol: 'tcp'}],
            environment: [],
            essential: true,
          },
        ],
      },
    ],
    [
      'a secret',
      {containerDefinitions: [{name: 'a', image: '${DOCKER_IMAGE_NAME}', portMappings: [], environment: [{name: 'a', valueFrom: 'b'}], essential: true}]},
    ],
  ])('JSON with %s does not fit the form', (_what, change) => {
    expect(taskDefinitionToForm({...formToTaskDefinition(seedForm), ...change})).toBeUndefined();
  });

  test.each([null, 'text', [], {}])('taskDefinitionToForm(%j) is undefined', (value) => {
    expect(taskDefinitionToForm(value)).toBeUndefined();
  });
});
