import {describe, expect, test} from 'vitest';
import {importTaskDefinition} from '../../../source/domain/import/task-definition.js';
import type {JsonObject, JsonValue} from '../../../source/domain/json.js';
import type {Environment} from '../../../source/domain/model.js';
import {renderTaskDefinition} from '../../../source/domain/render.js';

const ENVIRONMENT: Environment = {name: 'dev', region: 'us-east-1', cluster: 'dev', launchType: 'EC2', overrides: {}};
import {text, ok, codes, seedDescribed} from './fixtures.js';

describe('importTaskDefinition: input shapes and syntax', () => {
  test('a syntax error is one issue with 1-based line and column', () => {
    const result = importTaskDefinition('{\n  "taskDefinition": {\n    "family": "web",\n  }\n}');
    expect(result.ok).toBe(false);
    expect(result.issues).toEqual([
      {
        code: 'json-syntax',
        severity: 'error',
        source: 'import',
        path: '',
        message: "Unexpected '}': expected a property name in double quotes (a trailing comma is not allowed in JSON)",
        line: 4,
        column: 3,
      },
    ]);
  });

  test.each([
    ['the wrapper', seedDescribed],
    ['the bare task definition', seedDescribed['taskDefinition'] as JsonObject],
    ['the wrapper with empty tags', {...seedDescribed, tags: []}],
  ])('accepts %s', (_name, input) => {
    const result = ok(importTaskDefinition(text(input)));
    expect(result.artifact).toEqual({registry: 'dockerhub', host: 'registry.hub.docker.com', image: 'library/nginx', tag: 'stable-perl'});
    expect(result.taskDefinition['tags']).toBeUndefined();
  });

  test('the tags beside the task definition go into the spec', () => {
    const result = ok(importTaskDefinition(text({...seedDescribed, tags: [{key: 'team', value: 'web'}]})));
    expect(result.taskDefinition['tags']).toEqual([{key: 'team', value: 'web'}]);
    expect(JSON.parse(result.containerSpecJson).tags).toEqual([{key: 'team', value: 'web'}]);
    expect(codes(result.issues)).toContain('import-tags');
    const reserved = ok(
      importTaskDefinition(
        text({
          ...seedDescribed,
          tags: [
            {key: 'aws:cloudformation:stack-name', value: 'web'},
            {key: 'team', value: 'web'},
          ],
        }),
      ),
    );
    expect(reserved.taskDefinition['tags']).toEqual([{key: 'team', value: 'web'}]);
    expect(reserved.stripped).toContain('tags[0] (reserved aws: tag)');
  });

  test.each([
    ['describe-services output', {services: [], failures: []}, 'This is the output of describe-services, not a task definition'],
    ['an array', [], 'Expected a JSON object: the output of aws ecs describe-task-definition, or a task definition'],
    [
      // Terraform's container_definitions (and register-task-definition --container-definitions) are the list alone.
      'a list of container definitions',
      [{name: 'app', image: 'nginx:1.27', memory: 256}],
      'This is a list of container definitions (as Terraform\'s container_definitions or --container-definitions hold them), not a task definition: put it in {"family": "NAME", "containerDefinitions": [...]} with the task\'s other settings',
    ],
    ['an unrelated object', {hello: 'world'}, 'No task definition found: expected {"taskDefinition": {...}} or an object with containerDefinitions'],
    ['no containers', {taskDefinition: {family: 'x', containerDefinitions: []}}, 'The task definition has no containers'],
  ])('refuses %s', (_name, input, message) => {
    const result = importTaskDefinition(text(input as JsonValue));
    expect(result.ok).toBe(false);
    expect(result.issues.map((item) => item.message)).toEqual([message]);
  });

  test('refuses a spec that already holds the image placeholder, saying so', () => {
    const result = importTaskDefinition(text({containerDefinitions: [{name: 'x', image: '${DOCKER_IMAGE_NAME}'}]}));
    expect(result.ok).toBe(false);
    expect(result.issues[0]?.message).toContain('this is a container specification');
  });
});

describe('importTaskDefinition: the seed example', () => {
  const result = ok(importTaskDefinition(text(seedDescribed)));

  test('strips read-only fields and nulls, listing each', () => {
    expect(result.stripped).toEqual(['taskDefinitionArn', 'revision', 'status', 'ipcMode', 'containerDefinitions[0].memory', 'pidMode', 'cpu']);
  });

  test('replaces image, name (it equals the derived name) and execution role, listing each', () => {
    expect(result.replacements).toEqual([
      {path: 'containerDefinitions[0].image', from: 'registry.hub.docker.com/library/nginx:stable-perl', to: '${DOCKER_IMAGE_NAME}'},
      {path: 'containerDefinitions[0].name', from: 'library_nginx_stable-perl', to: '${CONTAINER_NAME}'},
      {path: 'executionRoleArn', from: 'arn:aws:iam::448000000317:role/ecsTaskExecutionRole', to: '${EXECUTION_ROLE}'},
    ]);
    expect(result.executionRoleArn).toBe('arn:aws:iam::448000000317:role/ecsTaskExecutionRole');
    expect(result.containerNamePlaceholder).toBe(true);
    expect(result.region).toBe('us-east-1');
    expect(result.launchType).toBe('EC2');
  });

  test('the container spec is pretty JSON text with the placeholders, everything else kept as written', () => {
    expect(result.containerSpecJson).toBe(
      [
        '{',
        '  "family": "nginx-demo",',
        '  "executionRoleArn": "${EXECUTION_ROLE}",',
        '  "containerDefinitions": [',
        '    {',
        '      "volumesFrom": [],',
        '      "portMappings": [',
        '        {',
        '          "containerPort": 80,',
        '          "protocol": "tcp",',
        '          "hostPort": 80',
        '        }',
        '      ],',
        '      "essential": true,',
        '      "mountPoints": [],',
        '      "image": "${DOCKER_IMAGE_NAME}",',
        '      "name": "${CONTAINER_NAME}",',
        '      "environment": [],',
        '      "cpu": 0',
        '    }',
        '  ],',
        '  "requiresCompatibilities": [],',
        '  "networkMode": "awsvpc",',
        '  "volumes": []',
        '}',
      ].join('\n'),
    );
  });

  test('the environment keeps the role when told to; otherwise the ARN stays literal', () => {
    const literal = ok(importTaskDefinition(text(seedDescribed), {environmentTakesRole: false}));
    expect(literal.executionRoleArn).toBeUndefined();
    expect(JSON.parse(literal.containerSpecJson).executionRoleArn).toBe('arn:aws:iam::448000000317:role/ecsTaskExecutionRole');
    expect(literal.replacements.map((item) => item.path)).toEqual(['containerDefinitions[0].image', 'containerDefinitions[0].name']);
  });
});

const multi = (containers: JsonObject[], task: JsonObject = {}): string => text({taskDefinition: {family: 'app', containerDefinitions: containers, ...task}});

describe('importTaskDefinition: the artifact container', () => {
  const router = {
    name: 'log-router',
    image: 'public.ecr.aws/aws-observability/aws-for-fluent-bit:stable',
    essential: true,
    firelensConfiguration: {type: 'fluentbit'},
  };
  const app = {name: 'app', image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/api:1.4.2', essential: true, portMappings: [{containerPort: 8080}]};
  const agent = {name: 'agent', image: 'datadog/agent:7', essential: false, portMappings: [{containerPort: 8126}]};

  test('default: the first essential container with port mappings; sidecars keep literal images', () => {
    const result = ok(importTaskDefinition(multi([router, agent, app])));
    expect(result.artifactContainer).toBe('app');
    expect(result.artifact).toEqual({registry: 'ecr', host: '123456789012.dkr.ecr.eu-west-1.amazonaws.com', image: 'team/api', tag: '1.4.2'});
    const spec = JSON.parse(result.containerSpecJson) as JsonObject;
    expect((spec['containerDefinitions'] as JsonObject[]).map((item) => item['image'])).toEqual([router.image, agent.image, '${DOCKER_IMAGE_NAME}']);
    expect(result.replacements).toEqual([{path: 'containerDefinitions[2].image', from: app.image, to: '${DOCKER_IMAGE_NAME}'}]);
  });

  test('without any essential container with ports: the first container', () => {
    expect(ok(importTaskDefinition(multi([router, agent]))).artifactContainer).toBe('log-router');
  });

  test('the caller can choose the container', () => {
    expect(ok(importTaskDefinition(multi([router, agent, app]), {container: 'agent'})).artifact).toEqual({
      registry: 'dockerhub',
      host: '',
      image: 'datadog/agent',
      tag: '7',
    });
  });

  test('an unknown container is an error listing the containers', () => {
    const result = importTaskDefinition(multi([router, app]), {container: 'web'});
    expect(result.ok).toBe(false);
    expect(result.issues).toEqual([
      {
        code: 'import-container',
        severity: 'error',
        source: 'import',
        path: 'containerDefinitions',
        message: 'The task definition has no container "web" (containers: log-router, app)',
        fix: 'Choose one of: log-router, app',
        line: 4,
        column: 29,
      },
    ]);
  });

  test('issues carry the line and column where their path is written in the pasted text', () => {
    const pasted = [
      '{"taskDefinition": {',
      '  "family": "app",',
      '  "containerDefinitions": [{"name": "app", "image": "nginx:1",',
      '    "command": ["sh", "-c", "echo ${HOME}"]}]',
      '}}',
    ].join('\n');
    const result = ok(importTaskDefinition(pasted));
    expect(result.issues.find((item) => item.code === 'import-literal-placeholder')).toMatchObject({
      path: 'containerDefinitions[0].command[2]',
      line: 4,
      column: 29,
    });
  });

  test('a name that differs from the derived name stays literal (with a note)', () => {
    const result = ok(importTaskDefinition(multi([app])));
    expect(JSON.parse(result.containerSpecJson).containerDefinitions[0].name).toBe('app');
    expect(result.containerNamePlaceholder).toBe(false);
    expect(result.issues.find((item) => item.code === 'import-container-name')?.message).toBe(
      'The container\'s name "app" stays literal (${CONTAINER_NAME} would be "team_api_1_4_2")',
    );
  });

  test('a derived name that another container refers to (dependsOn) stays literal', () => {
    const derived = {...app, name: 'team_api_1_4_2'};
    const waiting = {name: 'migrate', image: 'busybox:1', essential: false, dependsOn: [{containerName: 'team_api_1_4_2', condition: 'START'}]};
    const result = ok(importTaskDefinition(multi([derived, waiting])));
    expect(result.containerNamePlaceholder).toBe(false);
    expect(JSON.parse(result.containerSpecJson).containerDefinitions[0].name).toBe('team_api_1_4_2');
  });

  test('a derived name that a load balancer refers to stays literal', () => {
    const derived = {...app, name: 'team_api_1_4_2'};
    expect(ok(importTaskDefinition(multi([derived]), {externalReferences: ['team_api_1_4_2']})).containerNamePlaceholder).toBe(false);
    expect(ok(importTaskDefinition(multi([derived]))).containerNamePlaceholder).toBe(true);
  });

  test.each([
    [
      'a digest',
      'nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
      {registry: 'dockerhub', host: '', image: 'nginx', tag: 'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef'},
    ],
    ['a registry with a port', 'localhost:5000/team/api:2.0', {registry: 'registry', host: 'localhost:5000', image: 'team/api', tag: '2.0'}],
    [
      'a tag and a digest',
      'ghcr.io/org/app:1.0@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
      {registry: 'registry', host: 'ghcr.io', image: 'org/app', tag: '1.0@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef'},
    ],
  ])('the artifact of %s', (_name, image, artifact) => {
    expect(ok(importTaskDefinition(multi([{name: 'x', image, portMappings: [{containerPort: 80}]}]))).artifact).toEqual(artifact);
  });

  test('an image without a tag is imported at the tag latest, written without it (with a warning): rendering gives "nginx" back', () => {
    const result = ok(importTaskDefinition(multi([{name: 'x', image: 'nginx'}])));
    expect(result.artifact).toEqual({registry: 'dockerhub', host: '', image: 'nginx', tag: 'latest', implicitLatest: true});
    expect(result.issues.find((item) => item.code === 'import-no-tag')).toMatchObject({
      severity: 'warning',
      fix: 'Deploy with --tag TAG to pin the image to a tag',
    });
    const context = {serviceName: 'x', artifact: result.artifact, tag: 'latest', environment: ENVIRONMENT, variables: {}};
    expect(renderTaskDefinition(result.containerSpecJson, context).taskDefinition?.['containerDefinitions']).toMatchObject([{name: 'x', image: 'nginx'}]);
    expect(renderTaskDefinition(result.containerSpecJson, {...context, tag: '1.27'}).taskDefinition?.['containerDefinitions']).toMatchObject([
      {image: 'nginx:1.27'},
    ]);
  });

  test('Fargate: launch type, and a warning when there is no execution role', () => {
    const result = ok(importTaskDefinition(multi([app], {requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: '256', memory: '512'})));
    expect(result.launchType).toBe('FARGATE');
    expect(codes(result.issues)).toContain('import-execution-role');
  });

  test("repository credentials of the artifact container become the profile's registry auth", () => {
    const secret = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:registry-AbCdEf';
    const result = ok(importTaskDefinition(multi([{...app, repositoryCredentials: {credentialsParameter: secret}}])));
    expect(result.registryAuth).toEqual({credentialsSecretArn: secret});
  });

  test('an imported value holding ${…} is kept literal: written $${…} in the spec, listed, and rendered back unchanged', () => {
    const result = ok(importTaskDefinition(multi([{...app, command: ['sh', '-c', 'echo ${HOME} $${PID}']}])));
    expect(result.issues.filter((item) => item.code === 'import-literal-placeholder').map((item) => [item.severity, item.path])).toEqual([
      ['info', 'containerDefinitions[0].command[2]'],
    ]);
    expect(result.replacements).toContainEqual({path: 'containerDefinitions[0].command[2]', from: 'echo ${HOME} $${PID}', to: 'echo $${HOME} $$${PID}'});
    expect(JSON.parse(result.containerSpecJson).containerDefinitions[0].command).toEqual(['sh', '-c', 'echo $${HOME} $$${PID}']);
  });
});

describe("importTaskDefinition: ECS's rules of what would be registered", () => {
  test('a task definition ECS refuses is not imported; the issue is located in the pasted text', () => {
    const described = {
      taskDefinition: {
        ...(seedDescribed['taskDefinition'] as JsonObject),
        containerDefinitions: [{name: 'web', image: 'nginx:1.27', essential: false, memory: 128}],
      },
    };
    const result = importTaskDefinition(text(described as JsonValue));
    expect(result.ok).toBe(false);
    expect(result.issues.filter((item) => item.severity === 'error')).toEqual([
      expect.objectContaining({code: 'no-essential-container', source: 'import', path: 'containerDefinitions[0].essential', line: expect.any(Number)}),
    ]);
  });

  test('a key written twice is refused', () => {
    const result = importTaskDefinition('{"family": "web", "family": "api", "containerDefinitions": [{"name": "web", "image": "nginx:1.27", "memory": 128}]}');
    expect(result.ok).toBe(false);
    expect(codes(result.issues)).toContain('json-duplicate-key');
  });
});
