import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import type {JsonObject, JsonValue} from '../../source/domain/json.js';
import type {Change} from '../../source/domain/diff.js';
import {diffPlan, diffServices, diffTaskDefinitions, isSensitiveName, MASK, maskValue, maxImpact, redactChange} from '../../source/domain/diff.js';
import {asDescribed, reorderTaskDefinition, service, shuffled, taskDefinition} from './ecs-arbitraries.js';

const base = (): JsonObject => ({
  family: 'web',
  networkMode: 'awsvpc',
  requiresCompatibilities: ['FARGATE'],
  cpu: '256',
  memory: '512',
  executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
  containerDefinitions: [
    {
      name: 'web',
      image: 'nginx:1.27',
      portMappings: [{containerPort: 80}],
      environment: [
        {name: 'LOG_LEVEL', value: 'info'},
        {name: 'DB_PASSWORD', value: 'hunter2'},
      ],
      secrets: [{name: 'API_TOKEN', valueFrom: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:token'}],
    },
    {name: 'log-router', image: 'amazon/aws-for-fluent-bit:stable', firelensConfiguration: {type: 'fluentbit'}},
  ],
});

const container = (td: JsonObject, name: string): JsonObject =>
  (td['containerDefinitions'] as JsonObject[]).find((item) => item['name'] === name) as JsonObject;
const edit = (mutate: (td: JsonObject) => void): JsonObject => {
  const td = structuredClone(base());
  mutate(td);
  return td;
};
const simple = (changes: readonly Change[]) =>
  changes.map(({kind, path, before, after}) => ({kind, path, ...(before === undefined ? {} : {before}), ...(after === undefined ? {} : {after})}));

describe('diffTaskDefinitions', () => {
  test('identical documents: no changes, impact none', () => {
    expect(diffTaskDefinitions(base(), base())).toEqual({kind: 'taskDefinition', impact: 'none', changes: []});
  });

  test('the described revision of the same input: no changes', () => {
    expect(diffTaskDefinitions(base(), asDescribed(base())).changes).toEqual([]);
  });

  test('nothing registered yet: create, each member (and each container) added', () => {
    const result = diffTaskDefinitions(base(), undefined);
    expect(result.impact).toBe('create');
    // In the desired document's order.
    expect(result.changes.map((change) => change.path)).toEqual([
      'family',
      'networkMode',
      'requiresCompatibilities[FARGATE]',
      'cpu',
      'memory',
      'executionRoleArn',
      'containerDefinitions[log-router]',
      'containerDefinitions[web]',
    ]);
    expect(result.changes.every((change) => change.kind === 'added' && change.impact === 'create')).toBe(true);
  });

  test.each<[string, (td: JsonObject) => void, ReturnType<typeof simple>]>([
    [
      'an environment value changed',
      (td) => ((container(td, 'web')['environment'] as JsonObject[])[0]!['value'] = 'debug'),
      [{kind: 'changed', path: 'containerDefinitions[web].environment[LOG_LEVEL]', before: 'info', after: 'debug'}],
    ],
    [
      'an environment variable added',
      (td) => (container(td, 'web')['environment'] as JsonObject[]).push({name: 'NEW', value: '1'}),
      [{kind: 'added', path: 'containerDefinitions[web].environment[NEW]', after: '1'}],
    ],
    [
      'an environment variable removed',
      (td) => (container(td, 'web')['environment'] as JsonObject[]).shift(),
      [{kind: 'removed', path: 'containerDefinitions[web].environment[LOG_LEVEL]', before: 'info'}],
    ],
    [
      'a secret source changed',
      (td) => ((container(td, 'web')['secrets'] as JsonObject[])[0]!['valueFrom'] = 'arn:other'),
      [
        {
          kind: 'changed',
          path: 'containerDefinitions[web].secrets[API_TOKEN]',
          before: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:token',
          after: 'arn:other',
        },
      ],
    ],
    [
      'a port mapping added (identity containerPort/protocol)',
      (td) => (container(td, 'web')['portMappings'] as JsonObject[]).push({containerPort: 53, protocol: 'udp'}),
      [{kind: 'added', path: 'containerDefinitions[web].portMappings[53/udp]', after: {containerPort: 53, protocol: 'udp'}}],
    ],
    [
      'a port mapping field changed',
      (td) => ((container(td, 'web')['portMappings'] as JsonObject[])[0]!['name'] = 'http'),
      [{kind: 'added', path: 'containerDefinitions[web].portMappings[80/tcp].name', after: 'http'}],
    ],
    [
      'the image changed',
      (td) => (container(td, 'web')['image'] = 'nginx:1.28'),
      [{kind: 'changed', path: 'containerDefinitions[web].image', before: 'nginx:1.27', after: 'nginx:1.28'}],
    ],
    [
      'a sidecar removed',
      (td) => (td['containerDefinitions'] as JsonObject[]).pop(),
      [
        {
          kind: 'removed',
          path: 'containerDefinitions[log-router]',
          before: {name: 'log-router', image: 'amazon/aws-for-fluent-bit:stable', firelensConfiguration: {type: 'fluentbit'}},
        },
      ],
    ],
    ['task memory changed', (td) => (td['memory'] = '1 GB'), [{kind: 'changed', path: 'memory', before: '512', after: '1024'}]],
    [
      'a compatibility added',
      (td) => (td['requiresCompatibilities'] as string[]).push('EC2'),
      [{kind: 'added', path: 'requiresCompatibilities[EC2]', after: 'EC2'}],
    ],
    [
      'a command (ordered) changed',
      (td) => (container(td, 'web')['command'] = ['b', 'a']),
      [{kind: 'added', path: 'containerDefinitions[web].command', after: ['b', 'a']}],
    ],
    [
      'docker labels where there were none (one object added)',
      (td) => (container(td, 'web')['dockerLabels'] = {'com.example.team': 'core'}),
      [{kind: 'added', path: 'containerDefinitions[web].dockerLabels', after: {'com.example.team': 'core'}}],
    ],
  ])('%s', (_name, mutate, expected) => {
    const result = diffTaskDefinitions(edit(mutate), base());
    expect(simple(result.changes)).toEqual(expected);
    expect(result.impact).toBe('new-revision');
    expect(result.changes.every((change) => change.impact === 'new-revision')).toBe(true);
  });

  test('a renamed container with the same image repository is one container renamed, not removed and added', () => {
    const result = diffTaskDefinitions(
      edit((td) => (container(td, 'log-router')['name'] = 'router')),
      base(),
    );
    expect(result.changes.map((change) => `${change.kind} ${change.path}`)).toEqual(['changed containerDefinitions[log-router→router].name']);
    expect(result.impact).toBe('new-revision');
  });

  test('a new tag renames a ${CONTAINER_NAME} container: one change of image and name, not a replacement', () => {
    const result = diffTaskDefinitions(
      edit((td) => {
        container(td, 'web')['name'] = 'team_web_1_5_0';
        container(td, 'team_web_1_5_0')['image'] = String(container(td, 'team_web_1_5_0')['image']).replace(/:[^:/]+$/, ':1.5.0');
      }),
      edit((td) => {
        container(td, 'web')['name'] = 'team_web_1_4_2';
        container(td, 'team_web_1_4_2')['image'] = String(container(td, 'team_web_1_4_2')['image']).replace(/:[^:/]+$/, ':1.4.2');
      }),
    );
    expect(simple(result.changes)).toEqual([
      {kind: 'changed', path: 'containerDefinitions[team_web_1_4_2→team_web_1_5_0].name', before: 'team_web_1_4_2', after: 'team_web_1_5_0'},
      {
        kind: 'changed',
        path: 'containerDefinitions[team_web_1_4_2→team_web_1_5_0].image',
        before: expect.stringMatching(/:1\.4\.2$/),
        after: expect.stringMatching(/:1\.5\.0$/),
      },
    ]);
  });

  test('containers are matched by name: a different image under a new name is one removed and one added', () => {
    const result = diffTaskDefinitions(
      edit((td) => {
        container(td, 'log-router')['name'] = 'router';
        container(td, 'router')['image'] = 'public.ecr.aws/another/router:1';
      }),
      base(),
    );
    expect(result.changes.map((change) => `${change.kind} ${change.path}`)).toEqual([
      'added containerDefinitions[router]',
      'removed containerDefinitions[log-router]',
    ]);
  });

  test('changes carry the field (member names only)', () => {
    const result = diffTaskDefinitions(
      edit((td) => ((container(td, 'web')['environment'] as JsonObject[])[0]!['value'] = 'x')),
      base(),
    );
    expect(result.changes[0]?.field).toBe('containerDefinitions.environment');
  });

  test('duplicate names are told apart, not lost', () => {
    const withDuplicate = edit((td) => (container(td, 'web')['environment'] as JsonObject[]).push({name: 'LOG_LEVEL', value: 'warn'}));
    expect(simple(diffTaskDefinitions(withDuplicate, base()).changes)).toEqual([
      {kind: 'added', path: 'containerDefinitions[web].environment[LOG_LEVEL#2]', after: 'warn'},
    ]);
  });

  test('secret-looking entries are flagged sensitive', () => {
    const result = diffTaskDefinitions(
      edit((td) => {
        (container(td, 'web')['environment'] as JsonObject[])[1]!['value'] = 'correct horse';
        (container(td, 'web')['environment'] as JsonObject[])[0]!['value'] = 'debug';
      }),
      base(),
    );
    // Entries come in identity order (the normalised order).
    expect(result.changes.map((change) => [change.path, change.sensitive === true])).toEqual([
      ['containerDefinitions[web].environment[DB_PASSWORD]', true],
      ['containerDefinitions[web].environment[LOG_LEVEL]', false],
    ]);
  });
});

const current = (): JsonObject => ({
  serviceArn: 'arn:aws:ecs:eu-west-1:123456789012:service/prod/web',
  serviceName: 'web',
  clusterArn: 'arn:aws:ecs:eu-west-1:123456789012:cluster/prod',
  taskDefinition: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:3',
  desiredCount: 2,
  runningCount: 2,
  launchType: 'FARGATE',
  platformVersion: 'LATEST',
  roleArn: 'arn:aws:iam::123456789012:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS',
  deploymentConfiguration: {deploymentCircuitBreaker: {enable: false, rollback: false}, maximumPercent: 200, minimumHealthyPercent: 100},
  networkConfiguration: {awsvpcConfiguration: {subnets: ['subnet-a', 'subnet-b'], securityGroups: ['sg-1'], assignPublicIp: 'DISABLED'}},
  serviceRegistries: [{registryArn: 'arn:aws:servicediscovery:eu-west-1:123456789012:service/srv-1', containerName: 'web', containerPort: 80}],
  loadBalancers: [],
  placementConstraints: [],
  placementStrategy: [],
  schedulingStrategy: 'REPLICA',
  deploymentController: {type: 'ECS'},
  enableECSManagedTags: false,
  propagateTags: 'NONE',
  deployments: [{id: 'ecs-svc/1', status: 'PRIMARY'}],
  events: [],
});

const desired = (): JsonObject => ({
  serviceName: 'web',
  cluster: 'prod',
  taskDefinition: 'web:3',
  desiredCount: 2,
  launchType: 'FARGATE',
  networkConfiguration: {awsvpcConfiguration: {subnets: ['subnet-b', 'subnet-a'], securityGroups: ['sg-1'], assignPublicIp: 'DISABLED'}},
  serviceRegistries: [{registryArn: 'arn:aws:servicediscovery:eu-west-1:123456789012:service/srv-1', containerName: 'web', containerPort: 80}],
  placementConstraints: [],
  placementStrategy: [],
  schedulingStrategy: 'REPLICA',
});

describe('diffServices', () => {
  test('the CreateService input against its described service: no changes', () => {
    expect(diffServices(desired(), current())).toEqual({kind: 'service', impact: 'none', changes: []});
  });

  test('a described service showing neither a launch type nor a capacity provider strategy ran on EC2', () => {
    // DescribeServices shows one or the other on every service today (the cluster's default strategy is copied
    // into the service); a record without either (the AWS CLI's describe-services example, services from before
    // launch types, emulators) is a service ECS placed on EC2: adopting it as EC2 changes nothing.
    const {launchType: _launchType, ...described} = current();
    expect(diffServices({...desired(), launchType: 'EC2'}, described)).toEqual({kind: 'service', impact: 'none', changes: []});
    expect(diffServices(desired(), described).changes.map((change) => [change.path, change.before, change.after])).toEqual([['launchType', 'EC2', 'FARGATE']]);
    // A capacity provider strategy is not a launch type.
    const placed = {...described, capacityProviderStrategy: [{capacityProvider: 'FARGATE', weight: 1}]};
    expect(diffServices({...desired(), launchType: 'EC2'}, placed).changes.map((change) => change.path)).toContain('launchType');
  });

  test('no service yet: create', () => {
    const result = diffServices(desired(), undefined);
    expect(result.impact).toBe('create');
    expect(result.changes.length).toBeGreaterThan(0);
  });

  test.each<[string, Record<string, JsonValue | undefined>, string, 'update-in-place' | 'replace', string | undefined]>([
    ['desiredCount', {desiredCount: 3}, 'desiredCount', 'update-in-place', undefined],
    ['a new task definition revision', {taskDefinition: 'web:4'}, 'taskDefinition', 'update-in-place', undefined],
    [
      'subnets',
      {networkConfiguration: {awsvpcConfiguration: {subnets: ['subnet-c'], securityGroups: ['sg-1']}}},
      'networkConfiguration.awsvpcConfiguration.subnets[subnet-c]',
      'update-in-place',
      undefined,
    ],
    [
      'public IP',
      {networkConfiguration: {awsvpcConfiguration: {subnets: ['subnet-a', 'subnet-b'], securityGroups: ['sg-1'], assignPublicIp: 'ENABLED'}}},
      'networkConfiguration.awsvpcConfiguration.assignPublicIp',
      'update-in-place',
      undefined,
    ],
    [
      'service registries (updatable since 2022)',
      {serviceRegistries: [{registryArn: 'arn:aws:servicediscovery:eu-west-1:123456789012:service/srv-2', port: 80}]},
      'serviceRegistries[arn:aws:servicediscovery:eu-west-1:123456789012:service/srv-2]',
      'update-in-place',
      undefined,
    ],
    [
      'load balancers',
      {loadBalancers: [{targetGroupArn: 'arn:tg', containerName: 'web', containerPort: 80}]},
      'loadBalancers[arn:tg|web:80]',
      'update-in-place',
      undefined,
    ],
    [
      'circuit breaker',
      {deploymentConfiguration: {deploymentCircuitBreaker: {enable: true, rollback: true}}},
      'deploymentConfiguration',
      'update-in-place',
      undefined,
    ],
    ['execute command', {enableExecuteCommand: true}, 'enableExecuteCommand', 'update-in-place', undefined],
    ['propagate tags', {propagateTags: 'SERVICE'}, 'propagateTags', 'update-in-place', undefined],
    ['platform version', {platformVersion: '1.4.0'}, 'platformVersion', 'update-in-place', undefined],
    [
      'deployment controller',
      {deploymentController: {type: 'CODE_DEPLOY'}},
      'deploymentController',
      'replace',
      'the deployment controller (ECS, CODE_DEPLOY, EXTERNAL) is chosen when the service is created (CloudFormation: update requires replacement)',
    ],
    [
      'deployment strategy',
      {deploymentConfiguration: {strategy: 'CANARY', bakeTimeInMinutes: 5, canaryConfiguration: {canaryPercent: 10, canaryBakeTimeInMinutes: 3}}},
      'deploymentConfiguration',
      'update-in-place',
      'the deployment strategy changes from ROLLING to CANARY in place (UpdateService): the next deployment runs as CANARY',
    ],
    ['tags (TagResource)', {tags: [{key: 'team', value: 'core'}]}, 'tags[team]', 'update-in-place', 'tags change through TagResource/UntagResource'],
    ['launch type', {launchType: 'EC2'}, 'launchType', 'replace', 'UpdateService has no launchType parameter'],
    [
      'scheduling strategy',
      {schedulingStrategy: 'DAEMON', desiredCount: undefined},
      'schedulingStrategy',
      'replace',
      'UpdateService cannot change the scheduling strategy',
    ],
    ['service name', {serviceName: 'web2'}, 'serviceName', 'replace', 'a service cannot be renamed'],
    ['cluster', {cluster: 'staging'}, 'cluster', 'replace', 'a service cannot move to another cluster'],
    ['role', {role: 'ecsServiceRole'}, 'role', 'replace', "UpdateService cannot change the service's load balancer IAM role"],
  ])('%s', (_name, patch, path, impact, reason) => {
    const wanted: JsonObject = {...desired()};
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) delete wanted[key];
      else wanted[key] = value as JsonValue;
    }
    const result = diffServices(wanted, current());
    const change = result.changes.find((item) => item.path === path);
    expect(change, JSON.stringify(result.changes)).toBeDefined();
    expect(change?.impact).toBe(impact);
    expect(change?.reason).toBe(reason);
    expect(result.impact).toBe(impact);
  });

  test('launch type → capacity provider strategy is an in-place transition', () => {
    const wanted: JsonObject = {...desired(), capacityProviderStrategy: [{capacityProvider: 'FARGATE_SPOT', weight: 1}]};
    delete wanted['launchType'];
    const result = diffServices(wanted, current());
    expect(result.impact).toBe('update-in-place');
    expect(result.changes.map((change) => [change.path, change.kind, change.impact])).toEqual([
      ['capacityProviderStrategy[FARGATE_SPOT]', 'added', 'update-in-place'],
      ['launchType', 'removed', 'update-in-place'],
    ]);
  });

  test('under the CODE_DEPLOY controller a new revision cannot go through UpdateService', () => {
    const running = {...current(), deploymentController: {type: 'CODE_DEPLOY'}};
    const result = diffServices({...desired(), deploymentController: {type: 'CODE_DEPLOY'}, taskDefinition: 'web:4'}, running);
    expect(result.impact).toBe('replace');
    expect(result.changes[0]?.reason).toBe('UpdateService cannot change taskDefinition of a service with the CODE_DEPLOY deployment controller');
    const count = diffServices({...desired(), deploymentController: {type: 'CODE_DEPLOY'}, desiredCount: 5}, running);
    expect(count.impact).toBe('update-in-place');
  });

  test('a desired task definition family matches any running revision of it; none at all is not a change', () => {
    expect(diffServices({...desired(), taskDefinition: 'web'}, current()).changes).toEqual([]);
    const withoutTaskDefinition: JsonObject = {...desired()};
    delete withoutTaskDefinition['taskDefinition'];
    expect(diffServices(withoutTaskDefinition, current()).changes).toEqual([]);
    expect(simple(diffServices({...desired(), taskDefinition: 'api'}, current()).changes)).toEqual([
      {kind: 'changed', path: 'taskDefinition', before: 'web:3', after: 'api'},
    ]);
  });

  test('several changes: the impact is the greatest', () => {
    const result = diffServices({...desired(), desiredCount: 4, launchType: 'EC2'}, current());
    expect(result.changes.map((change) => change.impact)).toEqual(['update-in-place', 'replace']);
    expect(result.impact).toBe('replace');
  });
});

describe('diffPlan', () => {
  test.each<[string, JsonObject | undefined, JsonObject, JsonObject | undefined, string]>([
    ['nothing differs', base(), desired(), current(), 'none'],
    ['only the task definition', asDescribed({...base(), cpu: '512', memory: '1024'}), desired(), current(), 'new-revision'],
    ['a first task definition for an existing service', undefined, desired(), current(), 'new-revision'],
    ['the task definition and the count', asDescribed({...base(), cpu: '512', memory: '1024'}), {...desired(), desiredCount: 5}, current(), 'update-in-place'],
    ['no service yet', base(), desired(), undefined, 'create'],
  ])('%s → %s', (_name, currentTask, wantedService, currentService, impact) => {
    const plan = diffPlan({taskDefinition: {desired: base(), current: currentTask}, service: {desired: wantedService, current: currentService}});
    expect(plan.impact).toBe(impact);
  });

  test('maxImpact orders none < new-revision < update-in-place < replace < create', () => {
    expect(maxImpact()).toBe('none');
    expect(maxImpact('update-in-place', 'new-revision')).toBe('update-in-place');
    expect(maxImpact('replace', 'create', 'none')).toBe('create');
  });
});

describe('isSensitiveName (the masking boundary)', () => {
  test.each([
    'DB_PASSWORD',
    'dbPassword',
    'PASSWORD',
    'MYSQL_ROOT_PASSWD',
    'GPG_PASSPHRASE',
    'CLIENT_SECRET',
    'secretKeyBase',
    'API_KEY',
    'apiKey',
    'APIKEY',
    'AWS_ACCESS_KEY_ID',
    'aws_secret_access_key',
    'GITHUB_TOKEN',
    'accessToken',
    'SLACK_TOKENS',
    'GOOGLE_APPLICATION_CREDENTIALS',
    'DOCKER_CREDS',
    'SSH_PRIVATE_KEY',
    'ssh-private-key',
    'REDIS_PASS',
    'SMTP_PWD',
    'SENTRY_DSN',
    'ENCRYPTION_KEYS',
    'splunk-token',
  ])('%s is sensitive', (name) => expect(isSensitiveName(name)).toBe(true));

  test.each([
    'KEYBOARD_LAYOUT',
    'MONKEY_COUNT',
    'TOKENIZER_MODE',
    'PASSENGER_LIMIT',
    'LOG_LEVEL',
    'PORT',
    'KEYCLOAK_URL',
    'BYPASS_CACHE',
    'awslogs-group',
    'com.example.team',
    'TURNKEY_MODE',
  ])('%s is not sensitive', (name) => expect(isSensitiveName(name)).toBe(false));
});

describe('masking', () => {
  test('maskValue masks secret-looking entries deep inside a container, and only those', () => {
    const value = base()['containerDefinitions'] as JsonValue;
    const masked = maskValue(value, 'containerDefinitions') as JsonObject[];
    expect(masked[0]?.['environment']).toEqual([
      {name: 'LOG_LEVEL', value: 'info'},
      {name: 'DB_PASSWORD', value: MASK},
    ]);
    expect(masked[0]?.['secrets']).toEqual([{name: 'API_TOKEN', valueFrom: MASK}]);
    expect(JSON.stringify(masked)).not.toContain('hunter2');
  });

  test('maskValue masks secret-looking keys of docker labels and log options', () => {
    const value: JsonObject = {
      name: 'web',
      dockerLabels: {'vault.token': 't0k', team: 'core'},
      logConfiguration: {logDriver: 'splunk', options: {'splunk-token': 'abc', 'splunk-url': 'https://x'}},
    };
    expect(maskValue(value, 'containerDefinitions')).toEqual({
      name: 'web',
      dockerLabels: {'vault.token': MASK, team: 'core'},
      logConfiguration: {logDriver: 'splunk', options: {'splunk-token': MASK, 'splunk-url': 'https://x'}},
    });
  });

  test('redactChange masks a sensitive change entirely and leaves others', () => {
    const change: Change = {
      kind: 'changed',
      path: 'containerDefinitions[web].environment[DB_PASSWORD]',
      field: 'containerDefinitions.environment',
      before: 'a',
      after: 'b',
      impact: 'new-revision',
      sensitive: true,
    };
    expect(redactChange(change)).toEqual({...change, before: MASK, after: MASK});
    const plain: Change = {...change, path: 'containerDefinitions[web].environment[LOG_LEVEL]', sensitive: undefined};
    expect(redactChange(plain)).toEqual(plain);
  });

  test('a changed docker label with a secret-looking key is flagged sensitive', () => {
    const before = edit((td) => (container(td, 'web')['dockerLabels'] = {'vault.token': 'old'}));
    const after = edit((td) => (container(td, 'web')['dockerLabels'] = {'vault.token': 'new'}));
    expect(diffTaskDefinitions(after, before).changes).toEqual([
      {
        kind: 'changed',
        path: 'containerDefinitions[web].dockerLabels["vault.token"]',
        field: 'containerDefinitions.dockerLabels.vault.token',
        before: 'old',
        after: 'new',
        impact: 'new-revision',
        sensitive: true,
      },
    ]);
  });
});

describe('diff properties', () => {
  test('diff(x, x) is empty with impact none', () => {
    fc.assert(
      fc.property(taskDefinition, service, (td, svc) => {
        expect(diffTaskDefinitions(td, td)).toEqual({kind: 'taskDefinition', impact: 'none', changes: []});
        expect(diffServices(svc, svc)).toEqual({kind: 'service', impact: 'none', changes: []});
      }),
    );
  });

  test('the described form of x against x: no diff', () => {
    fc.assert(
      fc.property(taskDefinition, (td) => {
        expect(diffTaskDefinitions(td, asDescribed(td)).changes).toEqual([]);
      }),
    );
  });

  test('reordering containers, environment variables, secrets and port mappings: no diff', () => {
    fc.assert(
      fc.property(taskDefinition, fc.array(fc.nat(), {minLength: 1, maxLength: 8}), (td, seeds) => {
        expect(diffTaskDefinitions(reorderTaskDefinition(td, seeds), td).changes).toEqual([]);
      }),
    );
  });

  test('reordering subnets, security groups and tags: no diff', () => {
    fc.assert(
      fc.property(service, fc.array(fc.nat(), {minLength: 1, maxLength: 8}), (svc, seeds) => {
        const reordered = structuredClone(svc);
        const network = (reordered['networkConfiguration'] as JsonObject | undefined)?.['awsvpcConfiguration'] as JsonObject | undefined;
        if (network !== undefined) {
          network['subnets'] = shuffled(network['subnets'] as JsonValue[], seeds);
          network['securityGroups'] = shuffled(network['securityGroups'] as JsonValue[], seeds);
        }
        if (Array.isArray(reordered['tags'])) reordered['tags'] = shuffled(reordered['tags'], seeds);
        expect(diffServices(reordered, svc).changes).toEqual([]);
      }),
    );
  });

  test('changing one environment value gives exactly one change, at its identity path', () => {
    fc.assert(
      fc.property(
        taskDefinition.filter((td) =>
          (td['containerDefinitions'] as JsonObject[]).some((item) => Array.isArray(item['environment']) && item['environment'].length > 0),
        ),
        fc.nat(),
        (td, pick) => {
          const changed = structuredClone(td);
          const containers = (changed['containerDefinitions'] as JsonObject[]).filter(
            (item) => Array.isArray(item['environment']) && item['environment'].length > 0,
          );
          const target = containers[pick % containers.length] as JsonObject;
          const env = target['environment'] as JsonObject[];
          const variable = env[pick % env.length] as JsonObject;
          variable['value'] = `${String(variable['value'])}-changed`;
          const result = diffTaskDefinitions(changed, td);
          expect(result.impact).toBe('new-revision');
          expect(result.changes.map((change) => change.path)).toEqual([
            `containerDefinitions[${String(target['name'])}].environment[${String(variable['name'])}]`,
          ]);
        },
      ),
    );
  });
});
