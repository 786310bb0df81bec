import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {PassThrough, Readable} from 'node:stream';
import {afterAll, describe, expect, test} from 'vitest';
import {rmSync} from 'node:fs';
import {main} from '../../source/cli.js';
import {MemoryProfileStore} from '../../source/adapters/memory-profile-store.js';
import type {JsonObject} from '../../source/domain/json.js';
import {renderAndValidate} from '../../source/domain/render-and-validate.js';
import type {DiscoveryPort} from '../../source/ports/discovery.js';
import type {IamPort} from '../../source/ports/iam.js';
import type {AccessCheck, RegistryPort} from '../../source/ports/registry.js';
import type {SecretsPort} from '../../source/ports/secrets.js';
import {testRoot} from '../helpers/fake-root.js';
import {CLOUD_MAP, FARGATE_JSON, ROLE, SECRET} from '../operations/wizard/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'ecs-wizard-init-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

interface World {
  store: MemoryProfileStore;
  policies: Array<{role: string; name: string; document: JsonObject}>;
  createdRoles: string[];
  recordTypes: string[] | undefined;
  secretExists: boolean;
  /** What the registry answers to GET /v2/ without credentials. */
  access: AccessCheck;
  /** The platforms the registry says the tag is built for (undefined: the registry does not have the tag). */
  platforms?: string[];
}

function world(): World {
  return {
    store: new MemoryProfileStore(),
    policies: [],
    createdRoles: [],
    recordTypes: ['SRV', 'A'],
    secretExists: true,
    access: {status: 'open', detail: 'registry.example.com:5000 answered GET /v2/ without credentials (HTTP 200)'},
  };
}

function ports(w: World) {
  const iam: IamPort = {
    getRole: async () => undefined,
    rolePolicyDocuments: async () => [],
    listRoles: async () => [],
    createExecutionRole: async (name) => {
      w.createdRoles.push(name);
      return {arn: `arn:aws:iam::123456789012:role/${name}`, name, trustsEcsTasks: true, trustPolicy: {}};
    },
    putRolePolicy: async (role, name, document) => {
      w.policies.push({role, name, document});
    },
    simulatePrincipalPolicy: async () => 'unavailable',
  };
  const secrets: SecretsPort = {
    describeSecret: async (arn) => (w.secretExists ? {arn, name: 'registry-creds'} : undefined),
    listSecrets: async () => [],
    createSecret: async () => {
      throw new Error('init creates no secret');
    },
    putSecretValue: async () => {
      throw new Error('init writes no secret');
    },
  };
  const discovery: DiscoveryPort = {
    getService: async (arn) => (w.recordTypes === undefined ? undefined : {id: 'srv-x', arn, name: 'web', recordTypes: w.recordTypes}),
    listNamespaces: async () => [],
    listServices: async () => [],
  };
  const registry: RegistryPort = {
    listTags: async () => ({tags: [], newestFirst: false}),
    tagExists: async () => ({status: 'exists'}),
    anonymousAccess: async () => w.access,
    describeTags: async (_artifact, tags) =>
      w.platforms === undefined ? [] : tags.map((tag) => ({tag, digest: `sha256:${'a'.repeat(64)}`, platforms: w.platforms ?? []})),
    datedTags: async () => ({tags: [], newestFirst: true}),
  };
  return {
    iam,
    secrets,
    discovery,
    registry,
    logs: async () => ({
      logGroupExists: async () => true,
      createLogGroup: async () => undefined,
      tailStream: async () => [],
      filterEvents: async () => ({events: []}),
    }),
  };
}

async function init(args: string[], w: World = world()) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const code = await main({
    argv: ['init', ...args],
    env: {CI: 'true', AWS_REGION: 'us-east-1'},
    io: {stdin: Readable.from([]), stdout, stderr},
    createRoot: () => testRoot({store: w.store, checks: ports(w), awsContext: {region: 'us-east-1'}}),
  });
  return {code, out, err, w};
}

const FARGATE_FLAGS = [
  '--name',
  'web-api-prod',
  '--app',
  'ECS Demo',
  '--service',
  'web-api',
  '--registry',
  'registry.example.com:5000',
  '--registry-username',
  'deploy',
  '--image',
  'team/web-api',
  '--tag',
  '1.4.2',
  '--launch-type',
  'FARGATE',
  '--container-spec',
  file('fargate.json', FARGATE_JSON),
  '--desired-count',
  '2',
  '--registry-arn',
  CLOUD_MAP,
  '--discovery-container-port',
  '8080',
  '--credentials-secret',
  SECRET,
  '--execution-role',
  ROLE,
  '--env',
  'production',
  '--cluster',
  'prod',
  '--subnets',
  'subnet-0a1b2c3d,subnet-4e5f6a7b',
  '--security-groups',
  'sg-0a1b2c3d',
];

describe('ecs-wizard init without a terminal', () => {
  test('a Fargate profile with awsvpc, service discovery and a private registry: saved; IAM untouched without --apply-iam', async () => {
    const {code, out, err, w} = await init(FARGATE_FLAGS);
    expect(err).toContain('IAM not changed (no --apply-iam). The execution role needs this inline policy:');
    expect(err).toContain('aws iam put-role-policy --role-name ecsTaskExecutionRole --policy-name ecs-wizard-private-registry');
    // The command can be pasted as it is: the policy is inline, not in a file nobody wrote.
    expect(err).not.toContain('file://policy.json');
    const document = /--policy-document '([^']+)'/.exec(err)?.[1];
    expect(JSON.parse(document ?? 'null')).toMatchObject({Version: '2012-10-17'});
    expect(code).toBe(0);
    expect(out).toBe('Saved profile web-api-prod (production). Deploy it: ecs-wizard deploy web-api-prod\n');
    expect(w.policies).toEqual([]);
    const profile = (await w.store.get('web-api-prod'))!;
    expect(profile.service).toMatchObject({
      artifact: {registry: 'registry', host: 'registry.example.com:5000', image: 'team/web-api', tag: '1.4.2', username: 'deploy'},
      variables: {containerPort: '8080'},
      registryAuth: {credentialsSecretArn: SECRET},
    });
    expect(profile.environments).toEqual([
      {
        name: 'production',
        region: 'us-east-1',
        cluster: 'prod',
        launchType: 'FARGATE',
        network: {subnets: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'], securityGroups: ['sg-0a1b2c3d'], assignPublicIp: false},
        executionRoleArn: ROLE,
        overrides: {},
      },
    ]);
    const rendered = renderAndValidate({profile, environment: 'production', discoveryRecordTypes: {[CLOUD_MAP]: ['SRV', 'A']}});
    expect(rendered.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(rendered.service?.serviceRegistries).toEqual([{registryArn: CLOUD_MAP, containerName: 'team_web-api_1_4_2', containerPort: 8080}]);
    expect(rendered.taskDefinition?.containerDefinitions).toEqual([expect.objectContaining({repositoryCredentials: {credentialsParameter: SECRET}})]);
  });

  test('--apply-iam puts the least-privilege policy on the role; --create-execution-role creates it first', async () => {
    const {code, w, err} = await init([
      ...FARGATE_FLAGS.filter((_, index, all) => all[index] !== '--execution-role' && all[index - 1] !== '--execution-role'),
      '--kms-key',
      'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      '--create-execution-role',
      '--apply-iam',
    ]);
    expect(code).toBe(0);
    expect(err).toContain('created the IAM role arn:aws:iam::123456789012:role/ecsTaskExecutionRole');
    expect(w.createdRoles).toEqual(['ecsTaskExecutionRole']);
    expect(w.policies).toEqual([
      {
        role: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
        name: 'ecs-wizard-private-registry',
        document: {
          Version: '2012-10-17',
          Statement: [
            {Sid: 'ReadRegistryCredentials', Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource: [SECRET]},
            {
              Sid: 'DecryptRegistryCredentials',
              Effect: 'Allow',
              Action: ['kms:Decrypt'],
              Resource: ['arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab'],
            },
          ],
        },
      },
    ]);
    expect((await w.store.get('web-api-prod'))?.environments[0]?.executionRoleArn).toBe('arn:aws:iam::123456789012:role/ecsTaskExecutionRole');
  });

  test('creating a role without --apply-iam changes nothing and says so', async () => {
    const {code, err, w} = await init([
      ...FARGATE_FLAGS.filter((_, index, all) => all[index] !== '--execution-role' && all[index - 1] !== '--execution-role'),
      '--create-execution-role',
    ]);
    expect(code).toBe(2);
    expect(err).toContain('--create-execution-role: creating a role changes IAM: add --apply-iam to allow it');
    expect(w.createdRoles).toEqual([]);
    expect(await w.store.list()).toEqual([]);
  });

  test('an EC2 DAEMON profile from the simplified form flags', async () => {
    const {code, out, w} = await init([
      '--app',
      'ECS Demo',
      '--service',
      'log-agent',
      '--image',
      'nginx',
      '--tag',
      'stable-perl',
      '--launch-type',
      'EC2',
      '--strategy',
      'DAEMON',
      '--memory-reservation',
      '128',
      '--port',
      '80',
      '--port',
      '53/udp',
      '--container-env',
      'LOG_LEVEL=info',
      '--env',
      'dev',
      '--cluster',
      'dev-ec2',
    ]);
    expect(code).toBe(0);
    expect(out).toContain('Saved profile log-agent (dev)');
    const profile = (await w.store.get('log-agent'))!;
    expect(profile.service.containerSpec).toEqual({
      mode: 'form',
      form: {
        name: '${CONTAINER_NAME}',
        memoryReservation: 128,
        portMappings: [
          {containerPort: 80, protocol: 'tcp'},
          {containerPort: 53, protocol: 'udp'},
        ],
        environment: [{name: 'LOG_LEVEL', value: 'info'}],
        essential: true,
        networkMode: 'bridge',
        logConfiguration: {group: '/ecs/log-agent', region: 'us-east-1', streamPrefix: 'ecs'},
      },
    });
    expect(JSON.parse(profile.service.serviceSpec)).toEqual({
      placementConstraints: [],
      placementStrategy: [],
      healthCheckGracePeriodSeconds: null,
      schedulingStrategy: 'DAEMON',
    });
    expect(profile.service.artifact).toEqual({registry: 'dockerhub', host: 'registry.hub.docker.com', image: 'library/nginx', tag: 'stable-perl'});
  });

  test.each(['registry.hub.docker.com', 'docker.io', 'index.docker.io', 'registry-1.docker.io', 'https://registry.hub.docker.com/'])(
    '--registry %s is Docker Hub: no credentials secret is asked for',
    async (address) => {
      const {code, out, w} = await init([
        ...['--app', 'ECS Demo', '--service', 'log-agent', '--registry', address, '--image', 'nginx', '--tag', 'stable-perl'],
        ...['--launch-type', 'EC2', '--strategy', 'DAEMON', '--memory-reservation', '128', '--port', '80', '--env', 'dev', '--cluster', 'dev-ec2'],
      ]);
      expect(code).toBe(0);
      expect(out).toContain('Saved profile log-agent (dev)');
      expect((await w.store.get('log-agent'))?.service.artifact).toEqual({
        registry: 'dockerhub',
        host: 'registry.hub.docker.com',
        image: 'library/nginx',
        tag: 'stable-perl',
      });
    },
  );

  test('with nothing given, every missing value is listed with its flag (exit 2)', async () => {
    const {code, err} = await init([]);
    expect(code).toBe(2);
    expect(err).toBe(
      [
        'ecs-wizard: the profile cannot be saved: 7 problems',
        '  --app: the application name is missing',
        '  --service: the service name is missing',
        '  --image: the image name is missing',
        '  --tag: the default image tag is missing',
        '  --launch-type: the launch type (EC2 or FARGATE) is missing',
        '  --env: the environment name is missing (environment 1)',
        '  --cluster: the cluster is missing (environment 1)',
        'supply the flags above (see: ecs-wizard init --help), or run `ecs-wizard init` in a terminal to be asked',
        '',
      ].join('\n'),
    );
  });

  test('bad values are each explained: DAEMON on Fargate, a bad ARN, a port, an id', async () => {
    const {code, err} = await init([
      '--app',
      'a',
      '--service',
      's',
      '--image',
      'nginx',
      '--tag',
      '1',
      '--launch-type',
      'FARGATE',
      '--strategy',
      'DAEMON',
      '--registry-arn',
      'srv-123',
      '--port',
      '80x',
      '--env',
      'prod',
      '--cluster',
      'prod',
      '--subnets',
      'subnet-zz',
    ]);
    expect(code).toBe(2);
    expect(err).toContain('--strategy: DAEMON is not supported on Fargate (no container instances to run one task on each): use REPLICA, or --launch-type EC2');
    expect(err).toContain(
      '--registry-arn: "srv-123" is not a Cloud Map service ARN: write it like arn:aws:servicediscovery:us-east-1:123456789012:service/srv-jwyz2x4igkxckqno',
    );
    expect(err).toContain('--port: "80x" is not a port mapping');
    expect(err).toContain('--subnets: "subnet-zz" is not a subnet id (subnet-0123abcd…)');
  });

  test('an invalid container spec file is reported with its line and column; a discovery port that is not mapped too', async () => {
    const broken = file('broken.json', '{\n  "containerDefinitions": [\n    {"name": "web", "image": "${DOCKER_IMAGE_NAME}",}\n  ]\n}');
    let result = await init([
      '--app',
      'a',
      '--service',
      's',
      '--image',
      'nginx',
      '--tag',
      '1',
      '--launch-type',
      'EC2',
      '--container-spec',
      broken,
      '--env',
      'dev',
      '--cluster',
      'dev',
    ]);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/--container-spec .*broken\.json: containerSpec \(line 3, column 53\): /);
    result = await init([...FARGATE_FLAGS, '--name', 'other'].map((arg) => (arg === '8080' ? '8081' : arg)));
    expect(result.code).toBe(2);
    expect(result.err).toContain(
      '--registry-arn/--discovery-container-port/--discovery-port: serviceSpec serviceRegistries[0].containerPort: containerPort 8081 is not a port mapping of container "team_web-api_1_4_2" (its ports: 8080)',
    );
  });

  test('--anonymous-registry: checked (GET /v2/ answered), saved without a secret, repositoryCredentials or an IAM policy', async () => {
    const flags = ['--app', 'shop', '--service', 'api', '--registry', 'registry.example.com:5000', '--image', 'team/api', '--tag', '1.0'];
    const rest = ['--launch-type', 'EC2', '--port', '80', '--env', 'dev', '--cluster', 'dev', '--anonymous-registry'];
    const {code, err, w} = await init([...flags, ...rest]);
    expect(err).toContain(
      '--anonymous-registry: checked: registry.example.com:5000 answered GET /v2/ without credentials (HTTP 200); no credentials secret, no repositoryCredentials, no IAM policy',
    );
    expect(err).not.toContain('IAM not changed');
    expect(code).toBe(0);
    const profile = (await w.store.get('api'))!;
    expect(profile.service.registryAuth).toBeUndefined();
    // The simplified form is kept: without a secret, no execution role is needed on EC2.
    expect(profile.service.containerSpec.mode).toBe('form');
    const rendered = renderAndValidate({profile, environment: 'dev'});
    expect(JSON.stringify(rendered.taskDefinition)).not.toContain('repositoryCredentials');

    const closed = world();
    closed.access = {status: 'closed', reason: 'registry.example.com:5000 asks for credentials (GET /v2/ answered HTTP 401, basic)'};
    const refused = await init([...flags, ...rest, '--name', 'other'], closed);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain(
      '--anonymous-registry: registry.example.com:5000 asks for credentials (GET /v2/ answered HTTP 401, basic): the tasks need credentials: give --credentials-secret ARN instead',
    );
  });

  test('a missing secret and A-only records without awsvpc are refused', async () => {
    const w = world();
    w.secretExists = false;
    let result = await init(FARGATE_FLAGS, w);
    expect(result.code).toBe(2);
    expect(result.err).toContain(`--credentials-secret: no secret ${SECRET}`);
    const bridge = world();
    bridge.recordTypes = ['A'];
    result = await init(
      [
        '--app',
        'a',
        '--service',
        's',
        '--image',
        'nginx',
        '--tag',
        '1',
        '--launch-type',
        'EC2',
        '--port',
        '80',
        '--registry-arn',
        CLOUD_MAP,
        '--discovery-container-port',
        '80',
        '--env',
        'dev',
        '--cluster',
        'dev',
      ],
      bridge,
    );
    expect(result.code).toBe(2);
    expect(result.err).toContain('--registry-arn: without awsvpc, service discovery needs SRV records, and this Cloud Map service has A records only');
  });

  test('several environments: per-environment flags in order, ENV:NAME=VALUE overrides, a Terraform state', async () => {
    const state = file(
      'terraform.tfstate',
      JSON.stringify({
        version: 4,
        outputs: {cluster_name: {value: 'staging'}, private_subnets: {value: ['subnet-4e5f6a7b']}, task_security_group: {value: 'sg-4e5f6a7b'}},
      }),
    );
    const flags = FARGATE_FLAGS.filter(
      (arg, index, all) =>
        !['--env', '--cluster', '--subnets', '--security-groups', '--name'].includes(arg) &&
        !['--env', '--cluster', '--subnets', '--security-groups', '--name'].includes(all[index - 1] ?? ''),
    );
    const {code, err, w} = await init([
      ...flags,
      '--env',
      'production',
      '--env',
      'staging',
      '--cluster',
      'prod',
      '--cluster',
      'staging',
      '--subnets',
      'subnet-0a1b2c3d',
      '--subnets',
      'subnet-4e5f6a7b',
      '--security-groups',
      'sg-0a1b2c3d',
      '--security-groups',
      'sg-4e5f6a7b',
      '--var',
      'LOG=info',
      '--override',
      'staging:LOG=debug',
      '--tf-state',
      state,
    ]);
    expect(err).not.toContain('ecs-wizard:');
    expect(code).toBe(0);
    const profile = (await w.store.get('web-api'))!;
    expect(profile.environments.map((environment) => [environment.name, environment.cluster, environment.network?.subnets, environment.overrides])).toEqual([
      ['production', 'prod', ['subnet-0a1b2c3d'], {}],
      ['staging', 'staging', ['subnet-4e5f6a7b'], {LOG: 'debug'}],
    ]);
    const bad = await init([
      ...flags,
      '--env',
      'production',
      '--env',
      'staging',
      '--cluster',
      'a',
      '--cluster',
      'b',
      '--cluster',
      'c',
      '--override',
      'LOG=debug',
    ]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--cluster: given 3 times for 2 environments: give it once (for all) or once per --env, in the same order');
    expect(bad.err).toContain('--override: "LOG=debug": with several environments write ENV:NAME=VALUE (environments: production, staging)');
  });

  test('an override of a variable the service does not have is refused, listing the ones it has (exit 2)', async () => {
    const {code, err, w} = await init([...FARGATE_FLAGS, '--var', 'LOG=info', '--override', 'NOPE=1']);
    expect(code).toBe(2);
    expect(err).toContain('--override: "NOPE=1": NOPE is not a config variable of this service (config variables: LOG, containerPort)');
    expect(await w.store.list()).toEqual([]);
  });

  test('a problem in a specification init built from other flags names those flags, not --container-spec or --service-spec', async () => {
    const simple = ['--name', 'web', '--app', 'shop', '--service', 'web', '--image', 'library/nginx', '--tag', 'stable', '--env', 'dev', '--cluster', 'dev'];
    const fargate = [...simple, '--launch-type', 'FARGATE', '--subnets', 'subnet-0a1b2c3d', '--security-groups', 'sg-0a1b2c3d', '--execution-role', ROLE];
    const memory = await init([...fargate, '--cpu', '256', '--memory', '100']);
    expect(memory.code).toBe(2);
    expect(memory.err).toContain(
      '--memory: containerSpec memory: Fargate does not offer cpu 256 with memory 100; the nearest valid pair is cpu 256 / memory 512',
    );
    const reservation = await init([...simple, '--launch-type', 'EC2', '--memory', '100', '--memory-reservation', '200']);
    expect(reservation.code).toBe(2);
    expect(reservation.err).toContain(
      '--memory-reservation: containerSpec containerDefinitions[0].memoryReservation: memoryReservation (200 MiB) must not exceed',
    );
    for (const result of [memory, reservation]) {
      expect(result.err).not.toMatch(/--container-spec|line \d+, column|Write "/);
      expect(await result.w.store.list()).toEqual([]);
    }
  });

  test('a secret by its value (whatever the variable is called) is refused, masked, naming the flag; nothing saved', async () => {
    const simple = ['--name', 'web', '--app', 'shop', '--service', 'web', '--image', 'library/nginx', '--tag', 'stable', '--launch-type', 'EC2'];
    const {code, err, out, w} = await init([
      ...simple,
      ...['--memory', '256', '--container-env', 'DATABASE_URL=postgres://app:Sup3rS3cretPw9@db/app', '--env', 'dev', '--cluster', 'dev'],
    ]);
    expect(code).toBe(2);
    expect(err).toContain('--container-env: DATABASE_URL holds a secret (postgres://app:…@db/app): secrets are never stored in a profile');
    expect(err + out).not.toContain('Sup3rS3cretPw9');
    expect(await w.store.list()).toEqual([]);
  });

  test('an existing profile is not replaced without --force', async () => {
    const w = world();
    expect((await init(FARGATE_FLAGS, w)).code).toBe(0);
    const again = await init(FARGATE_FLAGS, w);
    expect(again.code).toBe(2);
    expect(again.err).toContain('--name: a profile named web-api-prod exists: choose another name, or pass --force to replace it');
    expect((await init([...FARGATE_FLAGS, '--force'], w)).code).toBe(0);
  });
});

describe('ecs-wizard init: the container logs to CloudWatch Logs by default', () => {
  const simple = ['--name', 'web', '--app', 'shop', '--service', 'web', '--image', 'library/nginx', '--tag', 'stable', '--env', 'dev', '--cluster', 'dev'];
  const fargate = [...simple, '--launch-type', 'FARGATE', '--subnets', 'subnet-0a1b2c3d', '--security-groups', 'sg-0a1b2c3d', '--execution-role', ROLE];
  const rendered = async (w: World) => {
    const result = renderAndValidate({profile: (await w.store.get('web'))!, environment: 'dev'});
    expect(result.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    return ((result.taskDefinition!.containerDefinitions as JsonObject[])[0] as JsonObject).logConfiguration;
  };
  const AWSLOGS = {logDriver: 'awslogs', options: {'awslogs-group': '/ecs/web', 'awslogs-region': 'eu-west-1', 'awslogs-stream-prefix': 'ecs'}};

  test("Fargate from the form flags: awslogs to /ecs/SERVICE in the environment's region, stream prefix ecs", async () => {
    const {code, out, w} = await init([...fargate, '--region', 'eu-west-1', '--port', '80']);
    expect(code).toBe(0);
    expect(await rendered(w)).toEqual(AWSLOGS);
    expect(out + '').not.toContain('awslogs-create-group');
  });

  test('EC2 from the form flags: the form keeps the same setting, and renders it', async () => {
    const {code, w} = await init([...simple, '--launch-type', 'EC2', '--region', 'eu-west-1', '--memory-reservation', '128']);
    expect(code).toBe(0);
    const profile = (await w.store.get('web'))!;
    expect(profile.service.containerSpec).toMatchObject({
      mode: 'form',
      form: {logConfiguration: {group: '/ecs/web', region: 'eu-west-1', streamPrefix: 'ecs'}},
    });
    expect(await rendered(w)).toEqual(AWSLOGS);
  });

  test('without --region: the configured region (AWS_REGION)', async () => {
    const {code, w} = await init([...fargate]);
    expect(code).toBe(0);
    expect(await rendered(w)).toEqual({...AWSLOGS, options: {...AWSLOGS.options, 'awslogs-region': 'us-east-1'}});
  });

  test('--no-logs: no log configuration, as before', async () => {
    for (const flags of [fargate, [...simple, '--launch-type', 'EC2', '--memory-reservation', '128']]) {
      const {code, w} = await init([...flags, '--no-logs']);
      expect(code).toBe(0);
      expect(await rendered(w)).toBeUndefined();
      expect(JSON.stringify(await w.store.get('web'))).not.toContain('logConfiguration');
    }
  });

  test('a --container-spec file is taken as written: no log configuration is added to it', async () => {
    const {code, w} = await init([...FARGATE_FLAGS]);
    expect(code).toBe(0);
    const profile = (await w.store.list())[0]!;
    expect(JSON.stringify(await w.store.get(profile.name))).not.toContain('/ecs/web-api');
  });
});

describe('ecs-wizard init --container-name', () => {
  test("the guide's derived name by default: init says that Cloud Map's containerName moves with every tag", async () => {
    const {code, err, w} = await init(FARGATE_FLAGS);
    expect(code).toBe(0);
    expect(err).toContain(
      "note: The derived name team_web-api_1_4_2 changes on every tag, and Cloud Map's containerName with it: every release re-registers the container under a new name. A stable name keeps it. (--container-name NAME)",
    );
    expect((await w.store.get('web-api-prod'))?.service.containerName).toBeUndefined();
  });

  test('a stable NAME: the container and what refers to it keep that name on every tag', async () => {
    const {code, err, w} = await init([...FARGATE_FLAGS, '--container-name', 'web-api']);
    expect(code).toBe(0);
    expect(err).not.toContain('changes on every tag');
    const profile = (await w.store.get('web-api-prod'))!;
    expect(profile.service.containerName).toBe('web-api');
    for (const tag of ['1.4.2', '1.5.0']) {
      const rendered = renderAndValidate({profile, environment: 'production', tag, discoveryRecordTypes: {[CLOUD_MAP]: ['SRV', 'A']}});
      expect(rendered.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
      expect(rendered.taskDefinition?.containerDefinitions).toEqual([expect.objectContaining({name: 'web-api'})]);
      expect(rendered.service?.serviceRegistries).toEqual([{registryArn: CLOUD_MAP, containerName: 'web-api', containerPort: 8080}]);
    }
  });

  test('derived is the default said out loud; a name ECS does not take is refused', async () => {
    const derived = await init([...FARGATE_FLAGS, '--container-name', 'derived']);
    expect(derived.code).toBe(0);
    expect((await derived.w.store.get('web-api-prod'))?.service.containerName).toBeUndefined();
    const bad = await init([...FARGATE_FLAGS, '--container-name', 'web api']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--container-name: "web api" is not a container name: letters, digits, _ and - (up to 255), or "derived"');
  });

  test('the platform check: an arm64-only image for Fargate (linux/amd64 by default) is refused with the fix; nothing is saved', async () => {
    const w = world();
    w.platforms = ['linux/arm64/v8'];
    const refused = await init(FARGATE_FLAGS, w);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain(
      "--tag/--container-spec: registry.example.com:5000/team/web-api:1.4.2 is built for linux/arm64/v8 only, but environment production's tasks run on linux/amd64 (the Fargate default, runtimePlatform.cpuArchitecture X86_64): set runtimePlatform.cpuArchitecture to ARM64 in the container specification",
    );
    expect(await w.store.list()).toEqual([]);
    // A multi-platform image: saved.
    w.platforms = ['linux/amd64', 'linux/arm64/v8'];
    const saved = await init(FARGATE_FLAGS, w);
    expect(saved.code).toBe(0);
    expect(saved.err).not.toContain('platform:');
    // The registry does not say: a note, not a refusal.
    const unknown = world();
    const noted = await init(FARGATE_FLAGS, unknown);
    expect(noted.code).toBe(0);
    expect(noted.err).toContain('platform: not checked: the registry has no tag 1.4.2 in team/web-api');
  });
});
