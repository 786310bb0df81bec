import {describe, expect, test} from 'vitest';
import type {JsonValue} from '../../source/domain/json.js';
import {imagePlaceholderIssues, lintSpecText, specPlaceholderIssues} from '../../source/domain/spec-lint.js';

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
