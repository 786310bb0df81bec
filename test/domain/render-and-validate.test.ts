import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, test} from 'vitest';
import type {Issue} from '../../source/domain/issues.js';
import type {Profile} from '../../source/domain/model.js';
import {renderAndValidate} from '../../source/domain/render-and-validate.js';
import {
  EXECUTION_ROLE_ARN,
  FARGATE_CONTAINER_JSON,
  REGISTRY_ARN,
  REGISTRY_SECRET_ARN,
  ec2FormProfile,
  fargateJsonProfile,
} from '../helpers/profile-fixtures.js';

const codes = (issues: readonly Issue[]): string[] => issues.map((issue) => `${issue.code} ${issue.source} ${issue.path}`);
const errors = (issues: readonly Issue[]): Issue[] => issues.filter((issue) => issue.severity === 'error');

/** The Fargate fixture with its container spec or service spec replaced. */
function fargate(change: {container?: string; service?: string; variables?: Record<string, string>} = {}): Profile {
  const profile = fargateJsonProfile();
  if (change.container !== undefined) profile.service.containerSpec = {mode: 'json', json: change.container};
  if (change.service !== undefined) profile.service.serviceSpec = change.service;
  if (change.variables !== undefined) profile.service.variables = change.variables;
  return profile;
}

const MINIMAL_FARGATE = (extra = ''): string => `{
  "networkMode": "awsvpc",
  "requiresCompatibilities": ["FARGATE"],
  "cpu": "256",
  "memory": "512",
  "executionRoleArn": "\${EXECUTION_ROLE}",${extra}
  "containerDefinitions": [{"name": "\${CONTAINER_NAME}", "image": "\${DOCKER_IMAGE_NAME}", "portMappings": [{"containerPort": 8080}]}]
}`;

describe("renderAndValidate: the seed's EC2 example", () => {
  test("the simplified form renders the seed's image and container name", () => {
    const result = renderAndValidate({profile: ec2FormProfile(), environment: 'dev'});
    expect(result.issues).toEqual([]);
    expect(result.taskDefinition).toEqual({
      family: 'nginx',
      containerDefinitions: [
        {
          name: 'library_nginx_stable-perl',
          image: 'registry.hub.docker.com/library/nginx:stable-perl',
          cpu: 128,
          memory: 256,
          memoryReservation: 128,
          portMappings: [{containerPort: 80, hostPort: 0, protocol: 'tcp'}],
          environment: [{name: 'NGINX_ENTRYPOINT_QUIET_LOGS', value: '1'}],
          essential: true,
        },
      ],
      networkMode: 'bridge',
      requiresCompatibilities: ['EC2'],
    });
    expect(result.service).toEqual({
      serviceName: 'nginx',
      cluster: 'demo-ec2',
      taskDefinition: 'nginx',
      launchType: 'EC2',
      desiredCount: 1,
      placementConstraints: [],
      placementStrategy: [],
      schedulingStrategy: 'REPLICA',
    });
  });
});

describe('renderAndValidate: golden files', () => {
  const golden = join(import.meta.dirname, 'golden');
  const cases: [string, Profile, string, string | undefined][] = [
    ['fargate-staging', fargateJsonProfile(), 'staging', undefined],
    ['fargate-production', fargateJsonProfile(), 'production', '1.5.0'],
    ['ec2-dev', ec2FormProfile(), 'dev', undefined],
  ];
  test.each(cases)('%s', (name, profile, environment, tag) => {
    const result = renderAndValidate({profile, environment, ...(tag === undefined ? {} : {tag}), discoveryRecordTypes: {[REGISTRY_ARN]: ['SRV']}});
    expect(result.issues).toEqual([]);
    for (const [kind, value] of [
      ['task', result.taskDefinition],
      ['service', result.service],
    ] as const) {
      const file = join(golden, `${name}.${kind}.json`);
      const text = `${JSON.stringify(value, null, 2)}\n`;
      if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, text);
      expect(existsSync(file), `${file} (run with UPDATE_GOLDEN=1 to write it)`).toBe(true);
      expect(text).toBe(readFileSync(file, 'utf8'));
    }
  });
});

describe('renderAndValidate: what render decides', () => {
  test('family defaults to the service name; a family in the spec is kept', () => {
    expect(renderAndValidate({profile: fargate({container: MINIMAL_FARGATE()}), environment: 'staging'}).taskDefinition?.family).toBe('web-api');
    const named = fargateJsonProfile();
    named.service.name = 'other';
    expect(renderAndValidate({profile: named, environment: 'staging'}).taskDefinition?.family).toBe('web-api');
    expect(renderAndValidate({profile: named, environment: 'staging'}).service).toMatchObject({serviceName: 'other', taskDefinition: 'web-api'});
    named.service.containerSpec = {mode: 'json', json: MINIMAL_FARGATE()};
    expect(renderAndValidate({profile: named, environment: 'staging'}).taskDefinition?.family).toBe('other');
  });

  test("${EXECUTION_ROLE} is the environment's role; a literal ARN in the spec wins", () => {
    expect(renderAndValidate({profile: fargate(), environment: 'staging'}).taskDefinition?.executionRoleArn).toBe(EXECUTION_ROLE_ARN);
    const literal = 'arn:aws:iam::123456789012:role/private-pull';
    const result = renderAndValidate({profile: fargate({container: MINIMAL_FARGATE().replace('${EXECUTION_ROLE}', literal)}), environment: 'staging'});
    expect(result.taskDefinition?.executionRoleArn).toBe(literal);
    expect(result.issues).toEqual([]);
  });

  test('an environment without a role leaves ${EXECUTION_ROLE} unresolved: one error, located', () => {
    const profile = fargate();
    delete profile.environments[0]!.executionRoleArn;
    const result = renderAndValidate({profile, environment: 'staging'});
    expect(codes(result.issues)).toEqual(['unresolved-placeholder containerSpec executionRoleArn']);
    expect(result.issues[0]).toMatchObject({
      line: 3,
      column: 23,
      message: '${EXECUTION_ROLE} cannot be replaced: environment "staging" has no task execution role',
    });
  });

  test("the tag defaults to the artifact's; a given tag or digest wins", () => {
    const image = (tag?: string) =>
      (
        renderAndValidate({profile: fargate(), environment: 'staging', ...(tag === undefined ? {} : {tag})}).taskDefinition?.containerDefinitions as {
          image: string;
          name: string;
        }[]
      )[0];
    expect(image()).toEqual(expect.objectContaining({image: 'registry.example.com:5000/team/web-api:1.4.2', name: 'team_web-api_1_4_2'}));
    expect(image('2.0')).toEqual(expect.objectContaining({image: 'registry.example.com:5000/team/web-api:2.0', name: 'team_web-api_2_0'}));
    const digest = `sha256:${'ab'.repeat(32)}`;
    expect(image(digest)?.image).toBe(`registry.example.com:5000/team/web-api@${digest}`);
  });

  test('no tag at all: ${DOCKER_IMAGE_NAME} and ${CONTAINER_NAME} are unresolved errors', () => {
    const profile = fargate();
    delete profile.service.artifact.tag;
    const result = renderAndValidate({profile, environment: 'staging'});
    expect(codes(result.issues)).toEqual([
      'unresolved-placeholder containerSpec containerDefinitions[0].name',
      'unresolved-placeholder containerSpec containerDefinitions[0].image',
      'unresolved-placeholder serviceSpec serviceRegistries[0].containerName',
    ]);
  });

  test('an invalid tag is reported against the profile', () => {
    expect(codes(renderAndValidate({profile: fargate(), environment: 'staging', tag: 'no:colons'}).issues)).toContain(
      'image-reference profile service.artifact.tag',
    );
  });

  test('variables: service < environment < run', () => {
    const port = (environment: string, overrides?: Record<string, string>) => {
      const result = renderAndValidate({
        profile: fargate({container: FARGATE_PORT_FROM_VARIABLE}),
        environment,
        ...(overrides === undefined ? {} : {overrides}),
      });
      const containers = result.taskDefinition?.containerDefinitions as {portMappings: {containerPort: unknown}[]}[];
      return [
        containers[0]?.portMappings[0]?.containerPort,
        (result.service?.serviceRegistries as {containerPort: unknown}[])[0]?.containerPort,
        errors(result.issues).map((issue) => issue.code),
      ];
    };
    const profile = fargateJsonProfile();
    expect(profile.service.variables.containerPort).toBe('8080');
    expect(port('staging')).toEqual([8080, 8080, []]);
    expect(port('production')).toEqual([8080, 8080, []]);
    expect(port('staging', {containerPort: '9090'})).toEqual([9090, 9090, []]);
  });

  test('a variable with no value after all layers is an error naming its path and line', () => {
    const result = renderAndValidate({profile: fargate({container: FARGATE_PORT_FROM_VARIABLE, variables: {logLevel: 'info'}}), environment: 'staging'});
    expect(codes(errors(result.issues))).toEqual([
      'unresolved-variable containerSpec containerDefinitions[0].portMappings[0].containerPort',
      'unresolved-variable serviceSpec serviceRegistries[0].containerPort',
    ]);
    expect(result.issues[0]).toMatchObject({line: 3, column: 126});
  });

  test('nulls printed by older consoles are dropped (the seed\'s "cpu": null, "ipcMode": null, "pidMode": null)', () => {
    const ec2 = ec2FormProfile();
    ec2.service.containerSpec = {
      mode: 'json',
      json: '{"ipcMode": null, "pidMode": null, "cpu": null, "requiresCompatibilities": [], "networkMode": "bridge", "containerDefinitions": [{"name": "${CONTAINER_NAME}", "image": "${DOCKER_IMAGE_NAME}", "memory": 128, "volumesFrom": [], "healthCheck": null}]}',
    };
    const result = renderAndValidate({profile: ec2, environment: 'dev'});
    expect(result.issues).toEqual([]);
    expect(result.taskDefinition).toEqual({
      family: 'nginx',
      requiresCompatibilities: [],
      networkMode: 'bridge',
      containerDefinitions: [{name: 'library_nginx_stable-perl', image: 'registry.hub.docker.com/library/nginx:stable-perl', memory: 128, volumesFrom: []}],
    });
    // healthCheckGracePeriodSeconds: null of the default service spec is dropped too.
    expect(result.service).not.toHaveProperty('healthCheckGracePeriodSeconds');
  });

  test('read-only fields of describe-task-definition output are left out with a warning', () => {
    const result = renderAndValidate({
      profile: fargate({
        container: MINIMAL_FARGATE('\n  "revision": 2, "status": "ACTIVE", "taskDefinitionArn": "arn:aws:ecs:us-east-1:123456789012:task-definition/web:2",'),
      }),
      environment: 'staging',
    });
    expect(codes(result.issues)).toEqual([
      'read-only-field containerSpec revision',
      'read-only-field containerSpec status',
      'read-only-field containerSpec taskDefinitionArn',
    ]);
    expect(result.issues.every((issue) => issue.severity === 'warning' && issue.line === 7)).toBe(true);
    expect(Object.keys(result.taskDefinition!)).not.toContain('revision');
  });

  test('task-level cpu and memory are strings in the output', () => {
    const result = renderAndValidate({
      profile: fargate({container: MINIMAL_FARGATE().replace('"cpu": "256"', '"cpu": 1024').replace('"memory": "512"', '"memory": 2048')}),
      environment: 'staging',
    });
    expect(result.taskDefinition).toMatchObject({cpu: '1024', memory: '2048'});
    expect(result.issues).toEqual([]);
  });

  test("the profile's registry credentials are added to the artifact's container only", () => {
    const container = `{
  "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"], "cpu": "256", "memory": "512", "executionRoleArn": "\${EXECUTION_ROLE}",
  "containerDefinitions": [
    {"name": "\${CONTAINER_NAME}", "image": "\${DOCKER_IMAGE_NAME}", "essential": true, "portMappings": [{"containerPort": 8080}]},
    {"name": "log-router", "image": "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable", "essential": false}
  ]
}`;
    const result = renderAndValidate({profile: fargate({container}), environment: 'staging'});
    expect(result.issues).toEqual([]);
    const containers = result.taskDefinition?.containerDefinitions as Record<string, unknown>[];
    expect(Object.keys(containers[0]!)).toEqual(['name', 'image', 'repositoryCredentials', 'essential', 'portMappings']);
    expect(containers[0]?.repositoryCredentials).toEqual({credentialsParameter: REGISTRY_SECRET_ARN});
    expect(containers[1]).not.toHaveProperty('repositoryCredentials');
  });

  test('different repositoryCredentials in the container are kept, with a warning', () => {
    const other = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:other-AbCdEf';
    const result = renderAndValidate({profile: fargate({container: FARGATE_CONTAINER_JSON.replace(REGISTRY_SECRET_ARN, other)}), environment: 'staging'});
    expect(codes(result.issues)).toEqual(['registry-auth-mismatch containerSpec containerDefinitions[0].repositoryCredentials.credentialsParameter']);
    expect((result.taskDefinition?.containerDefinitions as {repositoryCredentials: unknown}[])[0]?.repositoryCredentials).toEqual({
      credentialsParameter: other,
    });
  });
});

describe('renderAndValidate: the service', () => {
  test("networkConfiguration in the spec is replaced by the environment's, with a warning", () => {
    const service =
      '{"schedulingStrategy": "REPLICA",\n "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-1"], "securityGroups": ["sg-1"], "assignPublicIp": "ENABLED"}}}';
    const result = renderAndValidate({profile: fargate({service}), environment: 'production'});
    expect(result.service?.networkConfiguration).toEqual({
      awsvpcConfiguration: {
        subnets: ['subnet-0b2c3d4e5f6071829', 'subnet-0c3d4e5f607182930'],
        securityGroups: ['sg-0fedcba9876543210'],
        assignPublicIp: 'DISABLED',
      },
    });
    expect(result.issues).toEqual([
      expect.objectContaining({code: 'service-network-config', severity: 'warning', source: 'serviceSpec', path: 'networkConfiguration', line: 2, column: 26}),
    ]);
  });

  test('networkConfiguration is left out (with a warning) when the task is not awsvpc', () => {
    const profile = ec2FormProfile();
    profile.service.serviceSpec = '{"networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-1"]}}}';
    const result = renderAndValidate({profile, environment: 'dev'});
    expect(result.service).not.toHaveProperty('networkConfiguration');
    expect(codes(result.issues)).toEqual(['service-network-config serviceSpec networkConfiguration']);
  });

  test('cluster, taskDefinition and launchType come from the environment; differing spec values are warned about', () => {
    const result = renderAndValidate({
      profile: fargate({service: '{"cluster": "elsewhere", "taskDefinition": "x:3", "launchType": "EC2", "serviceName": "custom"}'}),
      environment: 'staging',
    });
    expect(result.service).toMatchObject({serviceName: 'custom', cluster: 'web-staging', taskDefinition: 'web-api', launchType: 'FARGATE'});
    expect(codes(result.issues)).toEqual([
      'field-replaced serviceSpec cluster',
      'field-replaced serviceSpec taskDefinition',
      'field-replaced serviceSpec launchType',
    ]);
  });

  test("a launchType that is no launch type is an error at its line, not silently replaced by the environment's", () => {
    const result = renderAndValidate({profile: fargate({service: '{\n  "launchType": "MARS",\n  "enableExecuteCommand": "yes"\n}'}), environment: 'staging'});
    expect(result.service).toMatchObject({launchType: 'FARGATE'});
    expect(errors(result.issues).map((issue) => [issue.code, issue.path, issue.line, issue.column])).toEqual([
      ['invalid-value', 'launchType', 2, 17],
      ['wrong-type', 'enableExecuteCommand', 3, 27],
    ]);
  });

  test('a capacityProviderStrategy replaces the launch type', () => {
    const result = renderAndValidate({
      profile: fargate({service: '{"capacityProviderStrategy": [{"capacityProvider": "FARGATE_SPOT", "weight": 1}]}'}),
      environment: 'staging',
    });
    expect(result.service).not.toHaveProperty('launchType');
    expect(result.service?.capacityProviderStrategy).toEqual([{capacityProvider: 'FARGATE_SPOT', weight: 1}]);
    expect(result.issues).toEqual([]);
  });

  test("desiredCount: 1 by default for REPLICA, the spec's when given, none for DAEMON", () => {
    expect(renderAndValidate({profile: fargate({service: '{}'}), environment: 'staging'}).service?.desiredCount).toBe(1);
    expect(renderAndValidate({profile: fargate({service: '{"desiredCount": 3}'}), environment: 'staging'}).service?.desiredCount).toBe(3);
    const daemon = ec2FormProfile();
    daemon.service.serviceSpec = '{"schedulingStrategy": "DAEMON", "placementStrategy": []}';
    const result = renderAndValidate({profile: daemon, environment: 'dev'});
    expect(result.service).not.toHaveProperty('desiredCount');
    expect(result.issues).toEqual([]);
  });

  test('DAEMON on Fargate and DAEMON with desiredCount are errors of the rendered service', () => {
    const result = renderAndValidate({profile: fargate({service: '{"schedulingStrategy": "DAEMON", "desiredCount": 2}'}), environment: 'staging'});
    expect(codes(result.issues)).toEqual(['daemon-fargate serviceSpec schedulingStrategy', 'daemon-desired-count serviceSpec desiredCount']);
    expect(result.issues[1]).toMatchObject({line: 1, column: 50});
  });

  test("the environment's missing network is an environment error", () => {
    const profile = fargate();
    delete profile.environments[0]!.network;
    const result = renderAndValidate({profile, environment: 'staging'});
    expect(codes(result.issues)).toEqual(['awsvpc-network environment network']);
    expect(result.service).not.toHaveProperty('networkConfiguration');
  });
});

describe('renderAndValidate: documents that cannot be read', () => {
  test('a container spec syntax error: no documents, the error with line/column', () => {
    const result = renderAndValidate({profile: fargate({container: '{\n  "cpu": "256",\n  "memory": 512,,\n}'}), environment: 'staging'});
    expect(result.taskDefinition).toBeUndefined();
    expect(result.service).toBeUndefined();
    expect(result.issues).toEqual([expect.objectContaining({code: 'json-syntax', source: 'containerSpec', line: 3, column: 17})]);
  });

  test('a service spec syntax error: the task definition still renders', () => {
    const result = renderAndValidate({profile: fargate({service: '{"desiredCount": 1'}), environment: 'staging'});
    expect(result.taskDefinition).toBeDefined();
    expect(result.service).toBeUndefined();
    expect(codes(result.issues)).toEqual(['json-syntax serviceSpec ']);
  });

  test('both broken: both errors', () => {
    const result = renderAndValidate({profile: fargate({container: '[', service: '{"a": ${x'}), environment: 'staging'});
    expect(codes(result.issues)).toEqual(['json-syntax containerSpec ', 'json-syntax serviceSpec ']);
  });

  test('a container spec that is an array', () => {
    const result = renderAndValidate({profile: fargate({container: '[1]'}), environment: 'staging'});
    expect(result.taskDefinition).toBeUndefined();
    expect(codes(result.issues)).toEqual(['wrong-type containerSpec ']);
  });

  test('an unknown environment', () => {
    const result = renderAndValidate({profile: fargate(), environment: 'qa'});
    expect(result).toEqual({
      taskDefinition: undefined,
      service: undefined,
      issues: [
        {
          code: 'unknown-environment',
          severity: 'error',
          source: 'profile',
          path: 'environments',
          message: 'Profile "web-api" has no environment "qa" (it has: staging, production)',
          fix: 'Use one of: staging, production',
        },
      ],
    });
  });

  test('validation issues of advanced JSON carry line and column', () => {
    const container = MINIMAL_FARGATE().replace('"memory": "512"', '"memory": "4096"');
    const result = renderAndValidate({profile: fargate({container}), environment: 'staging'});
    expect(result.issues).toEqual([expect.objectContaining({code: 'fargate-cpu-memory', path: 'memory', line: 5, column: 13})]);
  });
});

describe('renderAndValidate: one way, validated once', () => {
  test("the issues come in order: the run's inputs, then the container spec, then the service spec (each: rendering, then validation)", () => {
    const container = MINIMAL_FARGATE('\n  "revision": 2,').replace('"memory": "512"', '"memory": "4096"');
    const result = renderAndValidate({
      profile: fargate({container, service: '{"cluster": "elsewhere", "schedulingStrategy": "DAEMON"}'}),
      environment: 'staging',
      tag: 'no:colons',
    });
    expect(codes(result.issues)).toEqual([
      'image-reference profile service.artifact.tag',
      'read-only-field containerSpec revision',
      'fargate-cpu-memory containerSpec memory',
      'field-replaced serviceSpec cluster',
      'daemon-fargate serviceSpec schedulingStrategy',
    ]);
  });
});

const FARGATE_PORT_FROM_VARIABLE = `{
  "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"], "cpu": "256", "memory": "512", "executionRoleArn": "\${EXECUTION_ROLE}",
  "containerDefinitions": [{"name": "\${CONTAINER_NAME}", "image": "\${DOCKER_IMAGE_NAME}", "portMappings": [{"containerPort": \${serviceVariable.containerPort}}]}]
}`;
