import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {parseJsonText} from '../../source/domain/json-text.js';
import type {JsonValue} from '../../source/domain/json.js';
import {
  classifyPlaceholder,
  escapePlaceholders,
  expectedValueType,
  findPlaceholders,
  isWholePlaceholder,
  mergeVariables,
  resolveVariables,
  scanPlaceholders,
  substitutePlaceholders,
  suggestPlaceholder,
  unescapePlaceholders,
} from '../../source/domain/placeholders.js';
import type {PlaceholderValues, SpecDocument} from '../../source/domain/placeholders.js';

const values: PlaceholderValues = {
  dockerImageName: 'registry.hub.docker.com/library/nginx:stable-perl',
  containerName: 'library_nginx_stable-perl',
  executionRole: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
  variables: {containerPort: '8080', flag: 'true', name: 'web', empty: '', ratio: '0.5', neg: '-3', padded: ' 80', big: '1e3', nul: 'null'},
};

/** Parses `text`, substitutes, and returns the value and issue codes with paths. */
function substitute(text: string, document: SpecDocument = 'task', given: PlaceholderValues = values) {
  const parsed = parseJsonText(text, document === 'task' ? 'containerSpec' : 'serviceSpec');
  expect(parsed.issues).toEqual([]);
  const result = substitutePlaceholders(parsed.value as JsonValue, given, {
    source: document === 'task' ? 'containerSpec' : 'serviceSpec',
    document,
    unquoted: parsed.unquoted,
  });
  return {value: result.value, issues: result.issues.map((issue) => `${issue.code} ${issue.path}`), full: result.issues};
}

describe('classifying placeholders', () => {
  test.each([
    ['DOCKER_IMAGE_NAME', {kind: 'DOCKER_IMAGE_NAME'}],
    ['CONTAINER_NAME', {kind: 'CONTAINER_NAME'}],
    ['EXECUTION_ROLE', {kind: 'EXECUTION_ROLE'}],
    ['serviceVariable.containerPort', {kind: 'serviceVariable', variable: 'containerPort'}],
    ['serviceVariable._x-1', {kind: 'serviceVariable', variable: '_x-1'}],
    ['serviceVariable.', {kind: 'unknown'}],
    ['serviceVariable.1x', {kind: 'unknown'}],
    ['serviceVariable.a.b', {kind: 'unknown'}],
    ['docker_image_name', {kind: 'unknown'}],
    [' DOCKER_IMAGE_NAME', {kind: 'unknown'}],
    ['', {kind: 'unknown'}],
    ['HOME', {kind: 'unknown'}],
  ])('%j', (inner, expected) => {
    expect(classifyPlaceholder(inner)).toEqual(expected);
  });

  test.each([
    ['${docker_image_name}', '${DOCKER_IMAGE_NAME}'],
    ['${ CONTAINER_NAME }', '${CONTAINER_NAME}'],
    ['${execution-role}', '${EXECUTION_ROLE}'],
    ['${serviceVariables.port}', '${serviceVariable.port}'],
    ['${ServiceVariable.port}', '${serviceVariable.port}'],
    ['${HOME}', undefined],
  ])('suggests %s → %s', (written, suggestion) => {
    expect(suggestPlaceholder(written)).toBe(suggestion);
  });
});

describe('scanning', () => {
  test('finds each placeholder in a string with its offset', () => {
    expect(scanPlaceholders('a-${serviceVariable.x}-${CONTAINER_NAME}-${oops')).toEqual([
      {text: '${serviceVariable.x}', start: 2, kind: 'serviceVariable', variable: 'x'},
      {text: '${CONTAINER_NAME}', start: 23, kind: 'CONTAINER_NAME'},
      {text: '${oops', start: 41, kind: 'unknown', malformed: true},
    ]);
    expect(scanPlaceholders('no placeholder, $ and { } alone')).toEqual([]);
  });

  test.each([
    ['${CONTAINER_NAME}', true],
    ['${x}', true],
    ['${CONTAINER_NAME}-x', false],
    ['${a}${b}', false],
    ['${a', false],
    [8080, false],
  ])('isWholePlaceholder(%j) = %s', (value, whole) => {
    expect(isWholePlaceholder(value)).toBe(whole);
  });

  test('findPlaceholders lists paths, wholeness and quoting', () => {
    const parsed = parseJsonText('{"a": [${serviceVariable.p}, "x${CONTAINER_NAME}"], "${KEY}": "${EXECUTION_ROLE}"}', 'containerSpec');
    expect(findPlaceholders(parsed.value as JsonValue, parsed.unquoted)).toEqual([
      {path: 'a[0]', text: '${serviceVariable.p}', start: 0, kind: 'serviceVariable', variable: 'p', whole: true, unquoted: true},
      {path: 'a[1]', text: '${CONTAINER_NAME}', start: 1, kind: 'CONTAINER_NAME', whole: false, unquoted: false},
      {path: '["${KEY}"]', text: '${EXECUTION_ROLE}', start: 0, kind: 'EXECUTION_ROLE', whole: true, unquoted: false},
    ]);
  });
});

describe('variable layers', () => {
  test('service value < environment override < run-time override', () => {
    expect(mergeVariables({a: 's', b: 's', c: 's'}, {b: 'e', c: 'e'}, {c: 'r'})).toEqual({a: 's', b: 'e', c: 'r'});
    expect(resolveVariables({a: 's', b: 's'}, {b: 'e', d: 'e'}, {e: 'r'})).toEqual({
      a: {value: 's', from: 'service'},
      b: {value: 'e', from: 'environment'},
      d: {value: 'e', from: 'environment'},
      e: {value: 'r', from: 'run'},
    });
  });

  test('an inherited name is not a variable', () => {
    const result = substitute('{"x": "${serviceVariable.constructor}", "y": "${serviceVariable.toString}", "z": "${serviceVariable.__proto__}"}');
    expect(result.issues).toEqual(['unresolved-variable x', 'unresolved-variable y', 'unresolved-variable z']);
  });

  test('a variable named __proto__ is an own variable', () => {
    const merged = mergeVariables(JSON.parse('{"__proto__": "1"}') as Record<string, string>);
    expect(Object.keys(merged)).toEqual(['__proto__']);
    expect(substitute('{"x": "${serviceVariable.__proto__}"}', 'task', {variables: merged}).value).toEqual({x: '1'});
  });
});

describe("substitution (the seed's examples)", () => {
  test('image, name and execution role are replaced', () => {
    const result = substitute(`{
      "executionRoleArn": "\${EXECUTION_ROLE}",
      "containerDefinitions": [{"name": "\${CONTAINER_NAME}", "image": "\${DOCKER_IMAGE_NAME}", "volumesFrom": []}]
    }`);
    expect(result.issues).toEqual([]);
    expect(result.value).toEqual({
      executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
      containerDefinitions: [{name: 'library_nginx_stable-perl', image: 'registry.hub.docker.com/library/nginx:stable-perl', volumesFrom: []}],
    });
  });

  test('"containerPort": ${serviceVariable.containerPort} renders the number 8080', () => {
    const result = substitute(
      `{"serviceRegistries": [{
      "registryArn": "arn:aws:servicediscovery:us-east-1:000000000000:service/srv-jwyz2x4igkxckqno",
      "containerName": "\${CONTAINER_NAME}",
      "containerPort": \${serviceVariable.containerPort}
    }]}`,
      'service',
    );
    expect(result.issues).toEqual([]);
    expect(result.value).toEqual({
      serviceRegistries: [
        {
          registryArn: 'arn:aws:servicediscovery:us-east-1:000000000000:service/srv-jwyz2x4igkxckqno',
          containerName: 'library_nginx_stable-perl',
          containerPort: 8080,
        },
      ],
    });
  });
});

describe('typed substitution', () => {
  test.each([
    // Unquoted: a number or boolean when the value reads as one, else a string.
    ['{"x": ${serviceVariable.containerPort}}', {x: 8080}],
    ['{"x": ${serviceVariable.flag}}', {x: true}],
    ['{"x": ${serviceVariable.name}}', {x: 'web'}],
    ['{"x": ${serviceVariable.ratio}}', {x: 0.5}],
    ['{"x": ${serviceVariable.neg}}', {x: -3}],
    ['{"x": ${serviceVariable.big}}', {x: 1000}],
    ['{"x": ${serviceVariable.padded}}', {x: ' 80'}],
    ['{"x": ${serviceVariable.nul}}', {x: 'null'}],
    ['{"x": ${serviceVariable.empty}}', {x: ''}],
    ['[${serviceVariable.containerPort}]', [8080]],
    // Quoted, whole, in a number position: a number.
    [
      '{"portMappings": [{"containerPort": "${serviceVariable.containerPort}", "hostPort": "${serviceVariable.containerPort}"}]}',
      {portMappings: [{containerPort: 8080, hostPort: 8080}]},
    ],
    [
      '{"containerDefinitions": [{"cpu": "${serviceVariable.containerPort}", "memoryReservation": "${serviceVariable.containerPort}"}]}',
      {containerDefinitions: [{cpu: 8080, memoryReservation: 8080}]},
    ],
    ['{"containerDefinitions": [{"essential": "${serviceVariable.flag}"}]}', {containerDefinitions: [{essential: true}]}],
    // Quoted in a number position but not numeric: stays a string (validation reports the type).
    ['{"containerPort": "${serviceVariable.name}"}', {containerPort: 'web'}],
    // Quoted elsewhere: a string.
    ['{"x": "${serviceVariable.containerPort}"}', {x: '8080'}],
    // Task-level cpu and memory are strings for RegisterTaskDefinition, quoted or not.
    ['{"cpu": "${serviceVariable.containerPort}", "memory": ${serviceVariable.containerPort}}', {cpu: '8080', memory: '8080'}],
    // Environment values, log options and labels are strings, quoted or not.
    ['{"environment": [{"name": "PORT", "value": ${serviceVariable.containerPort}}]}', {environment: [{name: 'PORT', value: '8080'}]}],
    ['{"options": {"awslogs-create-group": ${serviceVariable.flag}}}', {options: {'awslogs-create-group': 'true'}}],
    // Embedded in a longer string: interpolated.
    [
      '{"command": ["serve --port=${serviceVariable.containerPort} --name ${CONTAINER_NAME}"]}',
      {command: ['serve --port=8080 --name library_nginx_stable-perl']},
    ],
    ['{"x": "${serviceVariable.containerPort}${serviceVariable.containerPort}"}', {x: '80808080'}],
  ])('%s', (text, expected) => {
    const result = substitute(text);
    expect(result.issues).toEqual([]);
    expect(result.value).toEqual(expected);
  });

  test('desiredCount and healthCheckGracePeriodSeconds are numbers in the service document', () => {
    const result = substitute(
      '{"desiredCount": "${serviceVariable.containerPort}", "healthCheckGracePeriodSeconds": "${serviceVariable.containerPort}", "cpu": "${serviceVariable.containerPort}"}',
      'service',
    );
    expect(result.value).toEqual({desiredCount: 8080, healthCheckGracePeriodSeconds: 8080, cpu: 8080});
  });

  test.each([
    ['task', 'cpu', 'string'],
    ['service', 'cpu', 'number'],
    ['task', 'containerDefinitions[0].cpu', 'number'],
    ['task', 'containerDefinitions[0].portMappings[2].hostPort', 'number'],
    ['task', 'containerDefinitions[0].logConfiguration.options.awslogs-group', 'string'],
    ['task', 'containerDefinitions[0].dockerLabels.port', 'string'],
    ['task', 'containerDefinitions[0].essential', 'boolean'],
    ['service', 'deploymentConfiguration.deploymentCircuitBreaker.rollback', 'boolean'],
    ['service', 'serviceRegistries[0].port', 'number'],
    ['task', 'containerDefinitions[0].environment[0].value', 'string'],
    ['task', 'containerDefinitions[0].command[0]', undefined],
    ['task', '', undefined],
    ['task', 'not a path', undefined],
  ] as const)('expectedValueType(%s, %s) = %s', (document, path, expected) => {
    expect(expectedValueType(document, path)).toBe(expected);
  });
});

describe('issues', () => {
  test('unknown and malformed placeholders are errors naming their path; they stay as written', () => {
    const result = substitute('{"a": "${HOME}/x", "b": ["${docker_image_name}"], "c": "${unclosed", "d": ${serviceVariables.port}}');
    expect(result.value).toEqual({a: '${HOME}/x', b: ['${docker_image_name}'], c: '${unclosed', d: '${serviceVariables.port}'});
    expect(result.issues).toEqual(['unknown-placeholder a', 'unknown-placeholder b[0]', 'malformed-placeholder c', 'unknown-placeholder d']);
    expect(result.full[1]?.fix).toBe('Write ${DOCKER_IMAGE_NAME}');
    expect(result.full[3]?.fix).toBe('Write ${serviceVariable.port}');
    expect(result.full.every((issue) => issue.severity === 'error')).toBe(true);
  });

  test('a variable with no value after all layers is an error naming its path', () => {
    const result = substitute('{"containerDefinitions": [{"portMappings": [{"containerPort": ${serviceVariable.missing}}]}]}');
    expect(result.issues).toEqual(['unresolved-variable containerDefinitions[0].portMappings[0].containerPort']);
    expect(result.full[0]?.message).toContain('${serviceVariable.missing} has no value');
    expect(result.value).toEqual({containerDefinitions: [{portMappings: [{containerPort: '${serviceVariable.missing}'}]}]});
  });

  test('built-in placeholders without a value are errors with the reason given', () => {
    const result = substitute('{"image": "${DOCKER_IMAGE_NAME}", "executionRoleArn": "${EXECUTION_ROLE}", "name": "${CONTAINER_NAME}"}', 'task', {
      variables: {},
      missing: {EXECUTION_ROLE: {reason: 'environment "dev" has no task execution role', fix: 'Set it'}},
    });
    expect(result.issues).toEqual(['unresolved-placeholder image', 'unresolved-placeholder executionRoleArn', 'unresolved-placeholder name']);
    expect(result.full[1]).toMatchObject({message: '${EXECUTION_ROLE} cannot be replaced: environment "dev" has no task execution role', fix: 'Set it'});
    expect(result.full[0]?.message).toBe('${DOCKER_IMAGE_NAME} cannot be replaced: no image tag was given');
  });

  test('keys are never substituted', () => {
    expect(substitute('{"dockerLabels": {"${CONTAINER_NAME}": "x"}}').value).toEqual({dockerLabels: {'${CONTAINER_NAME}': 'x'}});
  });
});

describe('$${ is a literal ${', () => {
  test('an escaped placeholder is not a placeholder: no issue, and it renders as ${…}', () => {
    expect(scanPlaceholders('echo $${HOME} ${CONTAINER_NAME}').map((token) => token.text)).toEqual(['${CONTAINER_NAME}']);
    const {value, issues} = substitute(
      '{"containerDefinitions": [{"name": "${CONTAINER_NAME}", "command": ["sh", "-c", "echo $${HOME} in ${CONTAINER_NAME}", "exec \\"$${1:-x}\\""]}]}',
    );
    expect(issues).toEqual([]);
    expect(value).toEqual({
      containerDefinitions: [{name: 'library_nginx_stable-perl', command: ['sh', '-c', 'echo ${HOME} in library_nginx_stable-perl', 'exec "${1:-x}"']}],
    });
    expect(findPlaceholders({command: ['$${HOME}', '$$${X}']})).toEqual([]);
  });

  test('a literal $${ survives: escaped it is $$${, rendered $${', () => {
    expect(escapePlaceholders('a $${X} b')).toBe('a $$${X} b');
    expect(substitute('{"command": ["a $$${X} b"]}').value).toEqual({command: ['a $${X} b']});
  });

  test('unescape(escape(text)) is the text, and the escaped text holds no placeholder', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[$a{}]{0,12}$/), (text) => {
        const escaped = escapePlaceholders(text);
        expect(unescapePlaceholders(escaped)).toBe(text);
        expect(scanPlaceholders(escaped)).toEqual([]);
        const rendered = substitutePlaceholders(escaped, values, {source: 'containerSpec', document: 'task'});
        expect(rendered).toEqual({value: text, issues: []});
      }),
    );
  });
});
