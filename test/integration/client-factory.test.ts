import {createServer} from 'node:http';
import type {IncomingHttpHeaders, Server} from 'node:http';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {CreateClusterCommand} from '@aws-sdk/client-ecs';
import {CreateRoleCommand, ListPoliciesCommand, ListRolesCommand} from '@aws-sdk/client-iam';
import {afterAll, afterEach, describe, expect, test, vi} from 'vitest';
import {AWS_NETWORK, createAwsClientFactory} from '../../source/adapters/aws/client-factory.js';
import type {AwsClientFactory, AwsClientFactoryOptions} from '../../source/adapters/aws/client-factory.js';
import {listClusters} from '../../source/adapters/aws/ecs-clusters.js';
import {CliError, EXIT} from '../../source/errors.js';
import {CLOSED_ENDPOINT, motoEnv, useMoto} from '../helpers/moto.js';

const USER_AGENT = 'ecs-wizard/9.9.9';
const factories: AwsClientFactory[] = [];

function factory(options: Partial<AwsClientFactoryOptions> & {env: NodeJS.ProcessEnv}): AwsClientFactory {
  const created = createAwsClientFactory({userAgent: USER_AGENT, ...options});
  factories.push(created);
  return created;
}

afterEach(() => {
  for (const created of factories.splice(0)) created.destroy();
  vi.unstubAllEnvs();
});

/** Rejects with the error `promise` rejects with (fails the test when it resolves). */
async function rejection(promise: Promise<unknown>): Promise<CliError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(CliError);
  return error as CliError;
}

describe('against moto', () => {
  const moto = useMoto();

  test('ListClusters through the factory sees the clusters CreateCluster made', async () => {
    const aws = factory({env: moto.env});
    const ecs = await aws.ecs();
    await ecs.send(new CreateClusterCommand({clusterName: 'alpha'}));
    await ecs.send(new CreateClusterCommand({clusterName: 'beta'}));

    expect((await listClusters(aws)).sort()).toEqual(['alpha', 'beta']);
  });

  test('IAM ListRoles works, and the AWS managed policies are loaded', async () => {
    const iam = await factory({env: moto.env}).iam();
    await iam.send(
      new CreateRoleCommand({
        RoleName: 'ecsTaskExecutionRole',
        AssumeRolePolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{Effect: 'Allow', Principal: {Service: 'ecs-tasks.amazonaws.com'}, Action: 'sts:AssumeRole'}],
        }),
      }),
    );

    const roles = await iam.send(new ListRolesCommand({}));
    expect(roles.Roles?.map((role) => role.RoleName)).toEqual(['ecsTaskExecutionRole']);
    const managed = await iam.send(new ListPoliciesCommand({Scope: 'AWS', PathPrefix: '/service-role/', MaxItems: 1000}));
    expect(managed.Policies?.map((policy) => policy.PolicyName)).toContain('AmazonECSTaskExecutionRolePolicy');
  });

  test('--endpoint-url wins over AWS_ENDPOINT_URL', async () => {
    const aws = factory({env: {...moto.env, AWS_ENDPOINT_URL: CLOSED_ENDPOINT}, endpointUrl: moto.url});
    await (await aws.ecs()).send(new CreateClusterCommand({clusterName: 'gamma'}));

    expect(await listClusters(aws)).toContain('gamma');
    expect(await aws.target('ecs')).toEqual({region: 'us-east-1', endpoint: moto.url, overridden: true});
  });

  test('AWS_ENDPOINT_URL_ECS wins over AWS_ENDPOINT_URL', async () => {
    const aws = factory({env: {...moto.env, AWS_ENDPOINT_URL: CLOSED_ENDPOINT, AWS_ENDPOINT_URL_ECS: moto.url}});

    expect(Array.isArray(await listClusters(aws))).toBe(true);
    expect((await aws.target('iam')).endpoint).toBe(CLOSED_ENDPOINT);
  });
});

describe('pagination and request shape (a scripted ECS endpoint on loopback)', () => {
  const requests: {target: string | undefined; body: Record<string, unknown>; headers: IncomingHttpHeaders}[] = [];
  const pages: Record<string, {clusterArns: string[]; nextToken?: string}> = {
    '': {clusterArns: ['arn:aws:ecs:us-east-1:123456789012:cluster/one', 'arn:aws:ecs:us-east-1:123456789012:cluster/two'], nextToken: 'page-2'},
    'page-2': {clusterArns: ['arn:aws:ecs:us-east-1:123456789012:cluster/three'], nextToken: 'page-3'},
    'page-3': {clusterArns: []},
  };
  let server: Server | undefined;

  async function endpoint(): Promise<string> {
    server = createServer((request, response) => {
      let text = '';
      request.setEncoding('utf8');
      request.on('data', (chunk: string) => (text += chunk));
      request.on('end', () => {
        const body = JSON.parse(text) as Record<string, unknown>;
        requests.push({target: request.headers['x-amz-target'] as string | undefined, body, headers: request.headers});
        const page = pages[typeof body.nextToken === 'string' ? body.nextToken : ''];
        response.writeHead(page === undefined ? 400 : 200, {'content-type': 'application/x-amz-json-1.1'});
        response.end(JSON.stringify(page ?? {__type: 'InvalidParameterException', message: 'bad token'}));
      });
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (typeof address !== 'object' || address === null) throw new Error('no address');
    return `http://127.0.0.1:${address.port}`;
  }

  afterAll(async () => {
    await new Promise((resolve) => (server === undefined ? resolve(undefined) : server.close(resolve)));
  });

  test('follows nextToken until the last page', async () => {
    const aws = factory({env: motoEnv(''), endpointUrl: await endpoint()});

    expect(await listClusters(aws)).toEqual(['one', 'two', 'three']);
    expect(requests.map((request) => request.target)).toEqual([
      'AmazonEC2ContainerServiceV20141113.ListClusters',
      'AmazonEC2ContainerServiceV20141113.ListClusters',
      'AmazonEC2ContainerServiceV20141113.ListClusters',
    ]);
    expect(requests.map((request) => request.body.nextToken)).toEqual([undefined, 'page-2', 'page-3']);
    expect(requests[0]?.headers['user-agent']).toContain(USER_AGENT);
    expect(requests[0]?.headers.authorization).toContain('Credential=test/');
  });
});

describe('offline and misconfigured', () => {
  test('a closed loopback port gives "cannot reach AWS"', async () => {
    const aws = factory({env: motoEnv(''), endpointUrl: CLOSED_ENDPOINT});

    const error = await rejection(listClusters(aws));
    expect(error.message).toBe('cannot reach AWS at http://127.0.0.1:9 (ecs:ListClusters: ECONNREFUSED, 3 attempts)');
    expect(error.hint).toBe('is the local endpoint running? (--endpoint-url / AWS_ENDPOINT_URL)');
    expect(error.exitCode).toBe(EXIT.failed);
  });

  test('an endpoint that accepts connections and never answers: a notice while waiting, then an error naming it', async () => {
    const sockets = new Set<import('node:net').Socket>();
    const silent = createServer(() => undefined);
    silent.on('connection', (socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const {port} = silent.address() as import('node:net').AddressInfo;
    const notices: unknown[] = [];
    try {
      // Short timeouts keep the test quick; AWS_NETWORK's own bounds are checked in the unit test of the factory.
      const aws = factory({
        env: motoEnv(''),
        endpointUrl: `http://127.0.0.1:${port}`,
        network: {maxAttempts: 2, connectionTimeoutMs: 1_000, requestTimeoutMs: 400, slowNoticeMs: 50},
        onSlowCall: (call) => notices.push(call),
      });
      const error = await rejection(listClusters(aws));
      expect(error.message).toMatch(new RegExp(`^cannot reach AWS at http://127\\.0\\.0\\.1:${port} \\(ecs:ListClusters: .*2 attempts\\)$`));
      // The call outlived the notice time (two attempts of 400 ms each): the person was told once what it waits for.
      expect(notices).toEqual([{operation: 'ecs:ListClusters', target: `http://127.0.0.1:${port}`}]);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  test('a call that ends quickly gives no notice', async () => {
    const notices: unknown[] = [];
    const aws = factory({
      env: motoEnv(''),
      endpointUrl: CLOSED_ENDPOINT,
      network: {...AWS_NETWORK, slowNoticeMs: 60_000},
      onSlowCall: (call) => notices.push(call),
    });
    await rejection(listClusters(aws));
    expect(notices).toEqual([]);
  });

  test('no region anywhere → the clear error, exit code 2', async () => {
    vi.stubEnv('AWS_REGION', undefined);
    vi.stubEnv('AWS_DEFAULT_REGION', undefined);
    vi.stubEnv('AWS_PROFILE', undefined);
    const env = motoEnv('');
    delete env.AWS_REGION;

    const error = await rejection(factory({env}).ecs());
    expect(error.message).toBe('no AWS region: pass --region or set AWS_REGION');
    expect(error.exitCode).toBe(EXIT.usage);
  });

  test('region precedence: --region > AWS_REGION > AWS_DEFAULT_REGION > the profile', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecs-wizard-aws-'));
    try {
      const configFile = join(dir, 'config');
      writeFileSync(configFile, '[profile dev]\nregion = eu-west-3\n');
      vi.stubEnv('AWS_REGION', undefined);
      vi.stubEnv('AWS_DEFAULT_REGION', undefined);
      vi.stubEnv('AWS_CONFIG_FILE', configFile);
      const base = {...motoEnv(''), AWS_CONFIG_FILE: configFile, AWS_REGION: undefined};
      const region = async (options: Partial<AwsClientFactoryOptions> & {env: NodeJS.ProcessEnv}): Promise<string> =>
        (await factory(options).target('ecs')).region;

      expect(await region({env: base, profile: 'dev'})).toBe('eu-west-3');
      expect(await region({env: {...base, AWS_DEFAULT_REGION: 'ap-south-1'}, profile: 'dev'})).toBe('ap-south-1');
      expect(await region({env: {...base, AWS_DEFAULT_REGION: 'ap-south-1', AWS_REGION: 'sa-east-1'}, profile: 'dev'})).toBe('sa-east-1');
      expect(await region({env: {...base, AWS_REGION: 'sa-east-1'}, profile: 'dev', region: 'eu-north-1'})).toBe('eu-north-1');
      vi.stubEnv('AWS_ENDPOINT_URL', undefined);
      expect(await factory({env: {...base, AWS_ENDPOINT_URL: undefined}, region: 'eu-north-1'}).target('iam')).toEqual({
        region: 'eu-north-1',
        endpoint: 'https://iam.amazonaws.com',
        overridden: false,
      });
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });

  test('an invalid endpoint URL is a usage error', async () => {
    const error = await rejection(factory({env: motoEnv(''), endpointUrl: 'localhost:4566'}).ecs());
    expect(error.message).toBe('invalid AWS endpoint URL from --endpoint-url: localhost:4566');
    expect(error.exitCode).toBe(EXIT.usage);
  });

  test('silences the SDK Node-version warning unless the user set the variable', async () => {
    vi.stubEnv('AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED', undefined);
    const env = motoEnv('');
    delete env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED;
    await factory({env}).ecs();
    expect(process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED).toBe('true');

    vi.stubEnv('AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED', 'false');
    await factory({env: {...env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'false'}}).iam();
    expect(process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED).toBe('false');
  });

  test('one client per service, created once', async () => {
    const aws = factory({env: motoEnv('')});
    const [first, second] = await Promise.all([aws.ecs(), aws.client('ecs')]);
    expect(first).toBe(second);
    expect(await aws.iam()).not.toBe(first);
  });
});
