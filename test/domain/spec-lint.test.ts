import {describe, expect, test} from 'vitest';
import type {JsonValue} from '../../source/domain/json.js';
import {imagePlaceholderIssues, lintSpecText, serviceSpecIssues, specPlaceholderIssues} from '../../source/domain/spec-lint.js';

const codes = (issues: readonly {code: string; path: string}[]): string[] => issues.map((issue) => `${issue.code} ${issue.path}`);

describe('lintSpecText', () => {
  test('lintSpecText: syntax, unknown placeholders and the required image, without any values', () => {
    expect(
      lintSpecText(
        '{"containerDefinitions": [{"image": "${DOCKER_IMAGE_NAME}", "name": "${CONTAINER_NAME}", "cpu": ${serviceVariable.cpu}}]}',
        'containerSpec',
      ),
    ).toEqual([]);
    expect(lintSpecText('{\n"containerDefinitions": [{"image": "nginx", "name": "${NAME}"}]}', 'containerSpec')).toEqual([
      expect.objectContaining({code: 'unknown-placeholder', path: 'containerDefinitions[0].name', line: 2, column: 53}),
      expect.objectContaining({code: 'image-placeholder-missing', path: 'containerDefinitions', line: 2, column: 25}),
    ]);
    expect(lintSpecText('{"a": }', 'serviceSpec')).toEqual([expect.objectContaining({code: 'json-syntax', line: 1, column: 7})]);
    expect(lintSpecText('{}', 'serviceSpec')).toEqual([]);
  });
});

describe('placeholders of the unrendered container spec', () => {
  test.each<[string, JsonValue, string[]]>([
    ['the image placeholder in one container', {containerDefinitions: [{image: '${DOCKER_IMAGE_NAME}'}, {image: 'fluent/fluent-bit'}]}, []],
    ['no image placeholder', {containerDefinitions: [{image: 'nginx'}]}, ['image-placeholder-missing containerDefinitions']],
    [
      'the image placeholder inside a longer image',
      {containerDefinitions: [{image: '${DOCKER_IMAGE_NAME}-debug'}]},
      ['image-placeholder-missing containerDefinitions[0].image'],
    ],
    [
      'the image placeholder elsewhere',
      {containerDefinitions: [{image: 'x', command: ['${DOCKER_IMAGE_NAME}']}]},
      ['image-placeholder-missing containerDefinitions[0].command[0]'],
    ],
    ['no containers at all', {}, ['image-placeholder-missing containerDefinitions']],
    ['not an object', [], []],
  ])('%s', (_name, spec, expected) => {
    expect(codes(imagePlaceholderIssues(spec))).toEqual(expected);
  });

  test('specPlaceholderIssues adds unknown placeholders; the service spec does not need the image', () => {
    const spec = {containerDefinitions: [{image: '${DOCKER_IMAGE_NAME}', name: '${CONTAINER}'}]};
    expect(codes(specPlaceholderIssues(spec, 'containerSpec'))).toEqual(['unknown-placeholder containerDefinitions[0].name']);
    expect(codes(specPlaceholderIssues({serviceRegistries: [{containerName: '${CONTAINER_NAME}'}]}, 'serviceSpec'))).toEqual([]);
  });
});

describe("ECS's rules of an unrendered spec", () => {
  const spec = (container: string): string =>
    `{\n  "containerDefinitions": [\n    {"name": "\${CONTAINER_NAME}", "image": "\${DOCKER_IMAGE_NAME}", ${container}}\n  ]\n}`;

  test('a value ECS refuses is an error at its line and column; placeholders are left for the rendered document', () => {
    expect(codes(lintSpecText(spec('"essential": true, "readonlyRootFilesystem": "yes"'), 'containerSpec'))).toEqual([
      'wrong-type containerDefinitions[0].readonlyRootFilesystem',
    ]);
    expect(lintSpecText(spec('"essential": false'), 'containerSpec')).toEqual([expect.objectContaining({code: 'no-essential-container', line: 3, column: 81})]);
    expect(lintSpecText(spec('"memory": ${serviceVariable.memory}, "essential": "${serviceVariable.essential}"'), 'containerSpec')).toEqual([]);
  });

  test('with the launch type, the task definition rules of that launch type too', () => {
    expect(codes(lintSpecText(spec('"essential": true'), 'containerSpec', {launchType: 'EC2'}))).toEqual(['container-memory containerDefinitions[0].memory']);
    expect(codes(lintSpecText(spec('"essential": true'), 'containerSpec'))).toEqual([]);
  });

  test('a service spec: a bad enum value, a key written twice', () => {
    expect(codes(lintSpecText('{"launchType": "MARS"}', 'serviceSpec'))).toEqual(['invalid-value launchType']);
    expect(lintSpecText('{\n  "desiredCount": 1,\n  "desiredCount": 2\n}', 'serviceSpec')).toEqual([
      expect.objectContaining({code: 'json-duplicate-key', severity: 'error', path: 'desiredCount', line: 3, column: 3}),
    ]);
    expect(lintSpecText('{"healthCheckGracePeriodSeconds": null, "placementStrategy": []}', 'serviceSpec')).toEqual([]);
  });

  test("serviceSpecIssues: a profile's two specifications (the form by ECS's rules)", () => {
    expect(codes(serviceSpecIssues({containerSpec: {mode: 'json', json: spec('"essential": false')}, serviceSpec: '{"desiredCount": -1}'}))).toEqual([
      'no-essential-container containerDefinitions[0].essential',
      'wrong-type desiredCount',
    ]);
    const form = {name: '${CONTAINER_NAME}', portMappings: [], environment: [], essential: true, networkMode: 'bridge' as const, memoryReservation: 256};
    expect(serviceSpecIssues({containerSpec: {mode: 'form', form}, serviceSpec: '{}'})).toEqual([]);
  });
});
