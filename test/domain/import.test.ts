import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import type {ImportedTaskDefinition} from '../../source/domain/import.js';
import {assembleProfile, importProfile, importService, importTaskDefinition} from '../../source/domain/import.js';
import type {JsonObject, JsonValue} from '../../source/domain/json.js';
import {deriveContainerName, parseImageReference} from '../../source/domain/image.js';
import {diffServices, diffTaskDefinitions} from '../../source/domain/diff.js';
import {toRegisterTaskDefinitionInput} from '../../source/domain/normalise/registrable-input.js';
import {render} from '../../source/domain/render.js';
import {renderAndValidate} from '../../source/domain/render-and-validate.js';
import {asDescribed, taskDefinition} from './ecs-arbitraries.js';

const text = (value: JsonValue): string => JSON.stringify(value, null, 2);
const ok = (result: ReturnType<typeof importTaskDefinition>): ImportedTaskDefinition => {
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result;
};
const codes = (issues: readonly {code: string}[]) => issues.map((item) => item.code);
const names = {profile: 'web-prod', application: 'shop', service: 'web', environment: 'prod'};
const NOW = '2025-01-02T03:04:05.000Z';

/** The seed's example (console output of an older task definition: nulls, empty arrays, read-only fields). */
const seedDescribed: JsonObject = {
  taskDefinition: {
    taskDefinitionArn: 'arn:aws:ecs:us-east-1:448000000317:task-definition/nginx-demo:2',
    family: 'nginx-demo',
    ipcMode: null,
    executionRoleArn: 'arn:aws:iam::448000000317:role/ecsTaskExecutionRole',
    containerDefinitions: [
      {
        volumesFrom: [],
        memory: null,
        portMappings: [{containerPort: 80, protocol: 'tcp', hostPort: 80}],
        essential: true,
        mountPoints: [],
        image: 'registry.hub.docker.com/library/nginx:stable-perl',
        name: 'library_nginx_stable-perl',
        environment: [],
        cpu: 0,
      },
    ],
    pidMode: null,
    requiresCompatibilities: [],
    networkMode: 'awsvpc',
    cpu: null,
    revision: 2,
    status: 'ACTIVE',
    volumes: [],
  },
};

describe('importTaskDefinition: input shapes and syntax', () => {
  test('a syntax error is one issue with 1-based line and column', () => {
    const result = importTaskDefinition('{\n  "taskDefinition": {\n    "family": "web",\n  }\n}');
    expect(result.ok).toBe(false);
    expect(result.issues).toEqual([
      {code: 'json-syntax', severity: 'error', source: 'import', path: '', message: "Unexpected '}': expected a property name in double quotes (a trailing comma is not allowed in JSON)", line: 4, column: 3},
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
  });

  test.each([
    ['describe-services output', {services: [], failures: []}, 'This is the output of describe-services, not a task definition'],
    ['an array', [], 'Expected a JSON object: the output of aws ecs describe-task-definition, or a task definition'],
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
  const router = {name: 'log-router', image: 'public.ecr.aws/aws-observability/aws-for-fluent-bit:stable', essential: true, firelensConfiguration: {type: 'fluentbit'}};
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
    expect(ok(importTaskDefinition(multi([router, agent, app]), {container: 'agent'})).artifact).toEqual({registry: 'dockerhub', host: '', image: 'datadog/agent', tag: '7'});
  });

  test('an unknown container is an error listing the containers', () => {
    const result = importTaskDefinition(multi([router, app]), {container: 'web'});
    expect(result.ok).toBe(false);
    expect(result.issues).toEqual([
      {code: 'import-container', severity: 'error', source: 'import', path: 'containerDefinitions', message: 'The task definition has no container "web" (containers: log-router, app)', fix: 'Choose one of: log-router, app', line: 4, column: 29},
    ]);
  });

  test('issues carry the line and column where their path is written in the pasted text', () => {
    const pasted = ['{"taskDefinition": {', '  "family": "app",', '  "containerDefinitions": [{"name": "app", "image": "nginx:1",', '    "command": ["sh", "-c", "echo ${HOME}"]}]', '}}'].join('\n');
    const result = ok(importTaskDefinition(pasted));
    expect(result.issues.find((item) => item.code === 'import-literal-placeholder')).toMatchObject({path: 'containerDefinitions[0].command[2]', line: 4, column: 29});
  });

  test('a name that differs from the derived name stays literal (with a note)', () => {
    const result = ok(importTaskDefinition(multi([app])));
    expect(JSON.parse(result.containerSpecJson).containerDefinitions[0].name).toBe('app');
    expect(result.containerNamePlaceholder).toBe(false);
    expect(result.issues.find((item) => item.code === 'import-container-name')?.message).toBe('The container\'s name "app" stays literal (${CONTAINER_NAME} would be "team_api_1_4_2")');
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
    ['a digest', 'nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', {registry: 'dockerhub', host: '', image: 'nginx', tag: 'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef'}],
    ['a registry with a port', 'localhost:5000/team/api:2.0', {registry: 'registry', host: 'localhost:5000', image: 'team/api', tag: '2.0'}],
    ['a tag and a digest', 'ghcr.io/org/app:1.0@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', {registry: 'registry', host: 'ghcr.io', image: 'org/app', tag: '1.0@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef'}],
  ])('the artifact of %s', (_name, image, artifact) => {
    expect(ok(importTaskDefinition(multi([{name: 'x', image, portMappings: [{containerPort: 80}]}]))).artifact).toEqual(artifact);
  });

  test('an image without a tag is imported, with a warning', () => {
    const result = ok(importTaskDefinition(multi([{name: 'x', image: 'nginx'}])));
    expect(result.artifact).toEqual({registry: 'dockerhub', host: '', image: 'nginx'});
    expect(codes(result.issues)).toContain('import-no-tag');
  });

  test('Fargate: launch type, and a warning when there is no execution role', () => {
    const result = ok(importTaskDefinition(multi([app], {requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: '256', memory: '512'})));
    expect(result.launchType).toBe('FARGATE');
    expect(codes(result.issues)).toContain('import-execution-role');
  });

  test('repository credentials of the artifact container become the profile\'s registry auth', () => {
    const secret = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:registry-AbCdEf';
    const result = ok(importTaskDefinition(multi([{...app, repositoryCredentials: {credentialsParameter: secret}}])));
    expect(result.registryAuth).toEqual({credentialsSecretArn: secret});
  });

  test('an imported value holding ${…} is reported: it would be read as a placeholder', () => {
    const result = ok(importTaskDefinition(multi([{...app, command: ['sh', '-c', 'echo ${HOME}']}])));
    expect(result.issues.filter((item) => item.code === 'import-literal-placeholder').map((item) => item.path)).toEqual(['containerDefinitions[0].command[2]']);
  });
});

const describedService: JsonObject = {
  serviceArn: 'arn:aws:ecs:eu-west-1:123456789012:service/prod/web',
  serviceName: 'web',
  clusterArn: 'arn:aws:ecs:eu-west-1:123456789012:cluster/prod',
  loadBalancers: [],
  serviceRegistries: [{registryArn: 'arn:aws:servicediscovery:eu-west-1:123456789012:service/srv-jwyz7x4igkxckqno', containerName: 'team_api_1_4_2', containerPort: 8080}],
  status: 'ACTIVE',
  desiredCount: 3,
  runningCount: 3,
  pendingCount: 0,
  launchType: 'FARGATE',
  platformVersion: 'LATEST',
  platformFamily: 'Linux',
  taskDefinition: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/app:7',
  deploymentConfiguration: {deploymentCircuitBreaker: {enable: true, rollback: true}, maximumPercent: 200, minimumHealthyPercent: 100},
  deployments: [{id: 'ecs-svc/123', status: 'PRIMARY', taskDefinition: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/app:7', desiredCount: 3, runningCount: 3, rolloutState: 'COMPLETED'}],
  roleArn: 'arn:aws:iam::123456789012:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS',
  events: [{id: 'e1', createdAt: '2024-01-01T00:00:00Z', message: '(service web) has reached a steady state.'}],
  createdAt: '2023-06-01T00:00:00Z',
  placementConstraints: [],
  placementStrategy: [],
  networkConfiguration: {awsvpcConfiguration: {subnets: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'], securityGroups: ['sg-0123abcd'], assignPublicIp: 'ENABLED'}},
  healthCheckGracePeriodSeconds: 0,
  schedulingStrategy: 'REPLICA',
  deploymentController: {type: 'ECS'},
  createdBy: 'arn:aws:iam::123456789012:role/admin',
  enableECSManagedTags: false,
  propagateTags: 'NONE',
  enableExecuteCommand: false,
};

const describedTask: JsonObject = {
  taskDefinition: {
    taskDefinitionArn: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/app:7',
    family: 'app',
    executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '512',
    memory: '1024',
    containerDefinitions: [
      {name: 'team_api_1_4_2', image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/api:1.4.2', essential: true, cpu: 0, portMappings: [{containerPort: 8080, hostPort: 8080, protocol: 'tcp'}], environment: [{name: 'LOG_LEVEL', value: 'info'}], mountPoints: [], volumesFrom: []},
      {name: 'log-router', image: 'public.ecr.aws/aws-observability/aws-for-fluent-bit:stable', essential: true, firelensConfiguration: {type: 'fluentbit'}, environment: [], mountPoints: [], volumesFrom: [], cpu: 0},
    ],
    revision: 7,
    status: 'ACTIVE',
    compatibilities: ['EC2', 'FARGATE'],
    requiresAttributes: [{name: 'ecs.capability.execution-role-ecr-pull'}],
    registeredAt: '2024-01-01T00:00:00.000Z',
    registeredBy: 'arn:aws:sts::123456789012:assumed-role/admin/me',
    volumes: [],
    placementConstraints: [],
  },
  tags: [],
};

describe('importService', () => {
  test('a described service → CreateService-shaped spec, with cluster, launch type, network and task definition moved out', () => {
    const task = ok(importTaskDefinition(text(describedTask)));
    const result = importService(text({services: [describedService], failures: []}), {taskDefinition: task});
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.serviceName).toBe('web');
    expect(result.taskDefinition).toBe('app:7');
    expect(result.environment).toEqual({
      region: 'eu-west-1',
      cluster: 'prod',
      launchType: 'FARGATE',
      network: {subnets: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'], securityGroups: ['sg-0123abcd'], assignPublicIp: true},
    });
    expect(JSON.parse(result.serviceSpecJson)).toEqual({
      serviceName: 'web',
      loadBalancers: [],
      serviceRegistries: [{registryArn: 'arn:aws:servicediscovery:eu-west-1:123456789012:service/srv-jwyz7x4igkxckqno', containerName: '${CONTAINER_NAME}', containerPort: 8080}],
      desiredCount: 3,
      platformVersion: 'LATEST',
      deploymentConfiguration: {deploymentCircuitBreaker: {enable: true, rollback: true}, maximumPercent: 200, minimumHealthyPercent: 100},
      placementConstraints: [],
      placementStrategy: [],
      healthCheckGracePeriodSeconds: 0,
      schedulingStrategy: 'REPLICA',
      deploymentController: {type: 'ECS'},
      enableECSManagedTags: false,
      propagateTags: 'NONE',
      enableExecuteCommand: false,
    });
    expect(result.replacements).toEqual([
      {path: 'cluster', from: 'arn:aws:ecs:eu-west-1:123456789012:cluster/prod', to: 'environment.cluster'},
      {path: 'launchType', from: 'FARGATE', to: 'environment.launchType'},
      {path: 'networkConfiguration', from: describedService['networkConfiguration'] as JsonValue, to: 'environment.network'},
      {path: 'taskDefinition', from: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/app:7', to: 'the registered task definition'},
      {path: 'serviceRegistries[0].containerName', from: 'team_api_1_4_2', to: '${CONTAINER_NAME}'},
    ]);
    expect(result.stripped).toEqual(['serviceArn', 'status', 'runningCount', 'pendingCount', 'platformFamily', 'deployments', 'roleArn', 'events', 'createdAt', 'createdBy']);
    expect(result.issues).toEqual([]);
  });

  test('a bare service object is accepted', () => {
    expect(importService(text(describedService)).ok).toBe(true);
  });

  test('several services: the caller names one', () => {
    const other = {...describedService, serviceName: 'api', serviceArn: 'arn:aws:ecs:eu-west-1:123456789012:service/prod/api'};
    const both = text({services: [describedService, other], failures: []});
    const unnamed = importService(both);
    expect(unnamed.ok).toBe(false);
    expect(unnamed.issues[0]?.message).toBe('The output holds 2 services (web, api): say which one to import');
    const named = importService(both, {serviceName: 'api'});
    expect(named.ok && named.serviceName).toBe('api');
  });

  test('an output with only failures says why', () => {
    const result = importService(text({services: [], failures: [{arn: 'arn:aws:ecs:eu-west-1:123456789012:service/prod/gone', reason: 'MISSING'}]}));
    expect(result.issues.map((item) => item.message)).toEqual(['The describe-services output holds no service: MISSING (arn:aws:ecs:eu-west-1:123456789012:service/prod/gone)']);
  });

  test('a capacity provider strategy stays in the spec and decides the environment launch type', () => {
    const spot = {...describedService, capacityProviderStrategy: [{capacityProvider: 'FARGATE_SPOT', weight: 1, base: 0}]};
    delete (spot as JsonObject)['launchType'];
    const result = importService(text(spot));
    if (!result.ok) throw new Error('not ok');
    expect(result.environment.launchType).toBe('FARGATE');
    expect(JSON.parse(result.serviceSpecJson).capacityProviderStrategy).toEqual([{capacityProvider: 'FARGATE_SPOT', weight: 1, base: 0}]);
  });

  test('a service of another family than the imported task definition is reported', () => {
    const task = ok(importTaskDefinition(text(describedTask)));
    const result = importService(text({...describedService, taskDefinition: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/other:2'}), {taskDefinition: task});
    expect(codes(result.issues)).toEqual(['import-task-family']);
  });

  test('a syntax error has line and column', () => {
    const result = importService('{"services": [\n  {"serviceName": "web",,}\n]}');
    expect(result.ok).toBe(false);
    expect(result.issues[0]).toMatchObject({code: 'json-syntax', line: 2, column: 25});
  });
});

describe('assembleProfile / importProfile', () => {
  test('a whole profile from a task definition and its service', () => {
    const result = importProfile({taskDefinitionText: text(describedTask), serviceText: text({services: [describedService], failures: []}), names, now: NOW});
    expect(result.profile).toBeDefined();
    const profile = result.profile!;
    expect(profile).toMatchObject({name: 'web-prod', application: 'shop', runs: [], createdAt: NOW, updatedAt: NOW});
    expect(profile.service).toMatchObject({name: 'web', launchType: 'FARGATE', variables: {}, artifact: {registry: 'ecr', image: 'team/api', tag: '1.4.2'}});
    expect(profile.environments).toEqual([
      {
        name: 'prod',
        region: 'eu-west-1',
        cluster: 'prod',
        launchType: 'FARGATE',
        network: {subnets: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'], securityGroups: ['sg-0123abcd'], assignPublicIp: true},
        executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
        overrides: {},
      },
    ]);
  });

  test('render(import(describe output)) gives back the registrable task definition and an equivalent service', () => {
    const result = importProfile({taskDefinitionText: text(describedTask), serviceText: text({services: [describedService], failures: []}), names, now: NOW});
    const rendered = renderAndValidate({profile: result.profile!, environment: 'prod', tag: '1.4.2'});
    expect(rendered.issues.filter((item) => item.severity === 'error')).toEqual([]);
    expect(rendered.taskDefinition).toEqual(toRegisterTaskDefinitionInput(describedTask['taskDefinition'] as JsonObject).value);
    expect(diffServices(rendered.service!, describedService)).toEqual({kind: 'service', impact: 'none', changes: []});
  });

  test('a load balancer that names the container keeps its name literal', () => {
    const withBalancer = {...describedService, serviceRegistries: [], loadBalancers: [{targetGroupArn: 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/abc', containerName: 'team_api_1_4_2', containerPort: 8080}]};
    const result = importProfile({taskDefinitionText: text(describedTask), serviceText: text(withBalancer), names, now: NOW});
    expect(result.taskDefinition?.containerNamePlaceholder).toBe(false);
    expect(JSON.parse(result.service!.serviceSpecJson).loadBalancers[0].containerName).toBe('team_api_1_4_2');
    const rendered = render({profile: result.profile!, environment: 'prod', tag: '1.4.2'});
    expect(diffServices(rendered.service!, withBalancer).changes).toEqual([]);
  });

  test('without a service: the default service spec, the cluster "default", the region from the ARN', () => {
    const result = importProfile({taskDefinitionText: text(describedTask), names, now: NOW});
    expect(result.profile?.environments[0]).toMatchObject({region: 'eu-west-1', cluster: 'default', launchType: 'FARGATE'});
    expect(JSON.parse(result.profile!.service.serviceSpec)).toEqual({placementConstraints: [], placementStrategy: [], healthCheckGracePeriodSeconds: null, schedulingStrategy: 'REPLICA'});
    expect(codes(result.issues)).toEqual(expect.arrayContaining(['import-cluster', 'import-service-spec']));
  });

  test('errors: an invalid profile name, an unknown region', () => {
    const task = ok(importTaskDefinition(text({containerDefinitions: [{name: 'x', image: 'nginx:1'}]})));
    const result = assembleProfile({taskDefinition: task, names: {...names, profile: '-bad name'}, now: NOW});
    expect(result.profile).toBeUndefined();
    expect(codes(result.issues.filter((item) => item.severity === 'error'))).toEqual(['profile-name', 'import-region']);
    expect(assembleProfile({taskDefinition: task, names: {...names, region: 'eu-central-1', cluster: 'c'}, now: NOW}).profile?.environments[0]).toMatchObject({region: 'eu-central-1', cluster: 'c'});
  });

  test('a failing task definition import stops the profile import', () => {
    const result = importProfile({taskDefinitionText: '{', names, now: NOW});
    expect(result.profile).toBeUndefined();
    expect(codes(result.issues)).toEqual(['json-syntax']);
  });
});

describe('round trip property', () => {
  /** Task definitions whose first container sometimes carries the derived name (so ${CONTAINER_NAME} is exercised). */
  const cases = fc.tuple(taskDefinition, fc.boolean(), fc.boolean(), fc.boolean()).map(([td, derivedName, wrapped, tagged]) => {
    const containers = structuredClone(td['containerDefinitions']) as JsonObject[];
    const first = containers[0] as JsonObject;
    if (derivedName) {
      const reference = parseImageReference(first['image'] as string);
      const name = deriveContainerName(reference?.image ?? '', reference?.tag);
      if (!containers.some((item) => item['name'] === name)) first['name'] = name;
    }
    return {td: {...td, containerDefinitions: containers}, wrapped, tagged};
  });

  test('import → profile → render with the original tag = the original registrable input, field for field', () => {
    const seen = {containerNamePlaceholder: 0, digest: 0, hostWithPort: 0, tags: 0};
    fc.assert(
      fc.property(cases, ({td, wrapped, tagged}) => {
        fc.pre(!JSON.stringify(td).includes('${'));
        const described = asDescribed(td);
        const tags = [{key: 'app', value: 'shop'}];
        const input = wrapped ? {taskDefinition: described, ...(tagged ? {tags} : {})} : described;
        const result = importProfile({taskDefinitionText: text(input), names, now: NOW});
        expect(result.profile, JSON.stringify(result.issues)).toBeDefined();
        const imported = result.taskDefinition!;
        const rendered = render({profile: result.profile!, environment: 'prod', tag: imported.artifact.tag});
        const expected = {...toRegisterTaskDefinitionInput(described).value, ...(wrapped && tagged ? {tags} : {})};
        expect(rendered.taskDefinition).toEqual(expected);
        // The artifact container's image string comes back character for character.
        const original = (described['containerDefinitions'] as JsonObject[]).find((item) => item['name'] === imported.artifactContainer);
        const again = (rendered.taskDefinition!['containerDefinitions'] as JsonObject[]).find((item) => item['name'] === imported.artifactContainer);
        expect(again?.['image']).toBe(original?.['image']);
        expect(diffTaskDefinitions(rendered.taskDefinition!, {...described, ...(wrapped && tagged ? {tags} : {})}).changes).toEqual([]);
        if (imported.containerNamePlaceholder) seen.containerNamePlaceholder += 1;
        if (imported.artifact.tag?.includes('sha256:') === true) seen.digest += 1;
        if (imported.artifact.host.includes(':')) seen.hostWithPort += 1;
        if (wrapped && tagged) seen.tags += 1;
      }),
      {numRuns: 200},
    );
    // The interesting cases did occur.
    expect(Object.values(seen).every((count) => count > 0), JSON.stringify(seen)).toBe(true);
  });
});
