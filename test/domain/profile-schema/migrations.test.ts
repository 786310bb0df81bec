import {describe, expect, test} from 'vitest';
import {launchTypeOfContainerJson} from '../../../source/domain/profile-schema/migrations.js';

describe('schema 1 → 2', () => {
  test.each<[string, string, 'EC2' | 'FARGATE']>([
    ['FARGATE required', '{"requiresCompatibilities": ["FARGATE"], "containerDefinitions": []}', 'FARGATE'],
    ['both required', '{"requiresCompatibilities": ["EC2", "FARGATE"]}', 'FARGATE'],
    ['EC2 required', '{"requiresCompatibilities": ["EC2"]}', 'EC2'],
    ['nothing said', '{"containerDefinitions": [{"memory": ${serviceVariable.memory}}]}', 'EC2'],
    ['the describe-task-definition wrapper', '{"taskDefinition": {"requiresCompatibilities": ["FARGATE"]}}', 'FARGATE'],
    ['FARGATE only in a container name', '{"containerDefinitions": [{"name": "FARGATE"}]}', 'EC2'],
    ['text that does not parse', '{"requiresCompatibilities": ["FARGATE"], oops', 'FARGATE'],
  ])('launch type from the container spec: %s', (_name, text, expected) => {
    expect(launchTypeOfContainerJson(text)).toBe(expected);
  });
});
