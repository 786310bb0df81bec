/**
 * The one place that builds AWS SDK v3 clients. Every client gets the same settings: region, profile
 * (credentials come from the SDK's default chain: env, SSO, shared ini, credential_process, IMDS), the endpoint
 * override, adaptive retries, our user agent and short network timeouts, so that an unreachable endpoint fails in
 * seconds instead of minutes.
 *
 * The SDK packages are imported lazily, inside the getters: commands that never talk to AWS never load them.
 */
import type {ECSClient} from '@aws-sdk/client-ecs';
import type {IAMClient} from '@aws-sdk/client-iam';
import {CliError, EXIT} from '../../errors.js';
import {noRegionError} from './errors.js';

/** The settings every SDK v3 client constructor accepts (each client's own config type is a superset). */
export interface AwsClientConfig {
  region?: string;
  profile?: string;
  endpoint?: string;
  maxAttempts: number;
  retryMode: 'adaptive';
  customUserAgent: string;
  /** Options for the SDK's own NodeHttpHandler (the SDK builds the handler from them). */
  requestHandler: {connectionTimeout: number; requestTimeout: number; throwOnRequestTimeout: boolean};
}

/** What the factory needs of a client: all SDK v3 clients have these. */
interface SdkClient {
  config: {region: () => Promise<string>};
  destroy(): void;
}

/** The part of an SDK client's middleware stack used here (the SDK's own types are generic per client). */
interface InitializeStack {
  add(
    middleware: (next: (args: unknown) => Promise<unknown>, context: {commandName?: string}) => (args: unknown) => Promise<unknown>,
    options: {step: 'initialize'; name: string},
  ): void;
}

/** A call that has not answered after NetworkSettings.slowNoticeMs: what it is and where it went. */
export interface SlowCall {
  /** `ecs:DescribeServices`. */
  operation: string;
  /** The endpoint override, or the service and region (`ecs in us-east-1`). */
  target: string;
}

interface ClientDefinition<C extends SdkClient> {
  /** The SDK's id for the service-specific endpoint variable `AWS_ENDPOINT_URL_<envId>`. */
  envId: string;
  /** The default endpoint host before the region: `ecs` → `ecs.<region>.amazonaws.com`. */
  host: string;
  /** A global service (IAM) has one endpoint for all regions of a partition. */
  global: boolean;
  /** Imports the SDK package (lazily) and returns its client class. */
  load: () => Promise<new (config: AwsClientConfig) => C>;
}

function define<C extends SdkClient>(
  envId: string,
  host: string,
  load: () => Promise<new (config: AwsClientConfig) => C>,
  options: {global?: boolean} = {},
): ClientDefinition<C> {
  return {envId, host, global: options.global ?? false, load};
}

/**
 * Every AWS service the CLI talks to. Adding one is one line here plus the package in package.json, e.g.
 *   ecr: define('ECR', 'api.ecr', async () => (await import('@aws-sdk/client-ecr')).ECRClient),
 *   servicediscovery: define('SERVICEDISCOVERY', 'servicediscovery', async () => (await import('@aws-sdk/client-servicediscovery')).ServiceDiscoveryClient),
 *   secretsmanager: define('SECRETS_MANAGER', 'secretsmanager', async () => (await import('@aws-sdk/client-secrets-manager')).SecretsManagerClient),
 *   ec2 ('EC2', 'ec2'), sts ('STS', 'sts'), logs ('CLOUDWATCH_LOGS', 'logs').
 * The key is also the IAM action prefix (`ecs:ListClusters`) used in error messages.
 */
const CLIENTS = {
  ecs: define('ECS', 'ecs', async () => (await import('@aws-sdk/client-ecs')).ECSClient),
  iam: define('IAM', 'iam', async () => (await import('@aws-sdk/client-iam')).IAMClient, {global: true}),
  ecr: define('ECR', 'api.ecr', async () => (await import('@aws-sdk/client-ecr')).ECRClient),
  servicediscovery: define('SERVICEDISCOVERY', 'servicediscovery', async () => (await import('@aws-sdk/client-servicediscovery')).ServiceDiscoveryClient),
  secretsmanager: define('SECRETS_MANAGER', 'secretsmanager', async () => (await import('@aws-sdk/client-secrets-manager')).SecretsManagerClient),
  ec2: define('EC2', 'ec2', async () => (await import('@aws-sdk/client-ec2')).EC2Client),
  sts: define('STS', 'sts', async () => (await import('@aws-sdk/client-sts')).STSClient),
  logs: define('CLOUDWATCH_LOGS', 'logs', async () => (await import('@aws-sdk/client-cloudwatch-logs')).CloudWatchLogsClient),
  cloudformation: define('CLOUDFORMATION', 'cloudformation', async () => (await import('@aws-sdk/client-cloudformation')).CloudFormationClient),
  'application-autoscaling': define(
    'APPLICATION_AUTO_SCALING',
    'application-autoscaling',
    async () => (await import('@aws-sdk/client-application-auto-scaling')).ApplicationAutoScalingClient,
  ),
  elasticloadbalancing: define(
    'ELASTIC_LOAD_BALANCING_V2',
    'elasticloadbalancing',
    async () => (await import('@aws-sdk/client-elastic-load-balancing-v2')).ElasticLoadBalancingV2Client,
  ),
  lambda: define('LAMBDA', 'lambda', async () => (await import('@aws-sdk/client-lambda')).LambdaClient),
  cloudwatch: define('CLOUDWATCH', 'monitoring', async () => (await import('@aws-sdk/client-cloudwatch')).CloudWatchClient),
};

export type AwsServiceName = keyof typeof CLIENTS;
export type AwsClients = {[K in AwsServiceName]: (typeof CLIENTS)[K] extends ClientDefinition<infer C> ? C : never};

/** Where the calls of one service go, for error messages. `endpoint` is the override or the default host. */
export interface AwsTarget {
  region: string;
  endpoint: string;
  /** True when the endpoint comes from --endpoint-url or AWS_ENDPOINT_URL(_<SERVICE>). */
  overridden: boolean;
  /** --profile or AWS_PROFILE, when one is set. */
  profile?: string;
}

export interface AwsClientFactoryOptions {
  /** --region. Precedence: this > AWS_REGION > AWS_DEFAULT_REGION > the profile's `region` in the shared config file. */
  region?: string;
  /** --profile; otherwise the SDK reads AWS_PROFILE itself. */
  profile?: string;
  /** --endpoint-url. Precedence: this > AWS_ENDPOINT_URL_<SERVICE> > AWS_ENDPOINT_URL > the SDK's own lookup. */
  endpointUrl?: string;
  /**
   * The environment the factory reads its settings from. Pass `process.env` in the CLI: the SDK itself reads
   * credentials, AWS_PROFILE and the shared config files from `process.env`, whatever is passed here.
   */
  env: NodeJS.ProcessEnv;
  /** `ecs-wizard/<version>`, appended to the SDK's user agent. */
  userAgent: string;
  /** Network settings (default AWS_NETWORK); tests shorten them. */
  network?: NetworkSettings;
  /** Told once about each call still unanswered after `network.slowNoticeMs` (so a wait is never silent). */
  onSlowCall?: (call: SlowCall) => void;
}

export interface NetworkSettings {
  maxAttempts: number;
  connectionTimeoutMs: number;
  requestTimeoutMs: number;
  /** After this long without an answer, `onSlowCall` is told. */
  slowNoticeMs: number;
}

export interface AwsClientFactory {
  /** One cached client per service; the SDK package is imported on the first call. */
  client<K extends AwsServiceName>(name: K): Promise<AwsClients[K]>;
  ecs(): Promise<ECSClient>;
  iam(): Promise<IAMClient>;
  /** The region and endpoint a service's calls go to (creates the client, so it throws the same errors). */
  target(name: AwsServiceName): Promise<AwsTarget>;
  /** The same settings for another region (an environment's): one cached factory per region. */
  forRegion(region: string): AwsClientFactory;
  /** Closes the clients' sockets. The factory can be used again afterwards (new clients are made). */
  destroy(): void;
}

/**
 * Network settings. An unreachable endpoint fails within a few seconds (3 attempts × 2 s to connect); one that
 * accepts connections and never answers within 3 × 8 s (before: 3 × 30 s, a minute and a half of silence). No
 * ECS, IAM or registry call of ours takes seconds when AWS is well.
 */
export const AWS_NETWORK: NetworkSettings = {
  maxAttempts: 3,
  connectionTimeoutMs: 2_000,
  requestTimeoutMs: 8_000,
  slowNoticeMs: 2_000,
};

const WARNING_VARIABLE = 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED';

const nonEmpty = (value: string | undefined): string | undefined => (value === undefined || value.trim() === '' ? undefined : value.trim());

function checkEndpoint(url: string, source: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CliError(`invalid AWS endpoint URL from ${source}: ${url}`, {exitCode: EXIT.usage, hint: 'expected e.g. http://127.0.0.1:5000'});
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new CliError(`invalid AWS endpoint URL from ${source}: ${url}`, {exitCode: EXIT.usage, hint: 'use an http:// or https:// URL'});
  }
  return url;
}

function checkRegion(region: string, source: string): string {
  if (!/^[a-z0-9][a-z0-9-]*[a-z0-9]$/.test(region)) {
    throw new CliError(`invalid AWS region from ${source}: ${region}`, {exitCode: EXIT.usage, hint: 'expected e.g. us-east-1'});
  }
  return region;
}

/** `https://ecs.eu-west-1.amazonaws.com`, `https://iam.amazonaws.com` (China: `.amazonaws.com.cn`). */
export function defaultEndpoint(name: AwsServiceName, region: string): string {
  const definition = CLIENTS[name];
  const china = region.startsWith('cn-');
  const suffix = china ? 'amazonaws.com.cn' : 'amazonaws.com';
  const host = definition.global && !china ? `${definition.host}.${suffix}` : `${definition.host}.${region}.${suffix}`;
  return `https://${host}`;
}

export function createAwsClientFactory(options: AwsClientFactoryOptions): AwsClientFactory {
  const {env} = options;
  const network = options.network ?? AWS_NETWORK;
  const clients = new Map<AwsServiceName, Promise<SdkClient>>();
  const regional = new Map<string, AwsClientFactory>();
  // The region found by the first client (from the profile, via the SDK) is reused for the others.
  let foundRegion: string | undefined;

  function explicitRegion(): string | undefined {
    const fromOption = nonEmpty(options.region);
    if (fromOption !== undefined) return checkRegion(fromOption, '--region');
    const fromEnv = nonEmpty(env.AWS_REGION);
    if (fromEnv !== undefined) return checkRegion(fromEnv, 'AWS_REGION');
    const fromDefault = nonEmpty(env.AWS_DEFAULT_REGION);
    if (fromDefault !== undefined) return checkRegion(fromDefault, 'AWS_DEFAULT_REGION');
    return foundRegion;
  }

  function endpointOverride(name: AwsServiceName): string | undefined {
    const fromOption = nonEmpty(options.endpointUrl);
    if (fromOption !== undefined) return checkEndpoint(fromOption, '--endpoint-url');
    if (env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS?.toLowerCase() === 'true') return undefined;
    const serviceVariable = `AWS_ENDPOINT_URL_${CLIENTS[name].envId}`;
    const fromService = nonEmpty(env[serviceVariable]);
    if (fromService !== undefined) return checkEndpoint(fromService, serviceVariable);
    const fromEnv = nonEmpty(env.AWS_ENDPOINT_URL);
    if (fromEnv !== undefined) return checkEndpoint(fromEnv, 'AWS_ENDPOINT_URL');
    return undefined;
  }

  async function create(name: AwsServiceName): Promise<SdkClient> {
    // Validate our own settings before loading anything.
    const region = explicitRegion();
    const endpoint = endpointOverride(name);
    const profile = nonEmpty(options.profile);
    // The SDK warns on stderr about Node < 22 when a client is created: not for our users, unless they opted in.
    if (env[WARNING_VARIABLE] === undefined && process.env[WARNING_VARIABLE] === undefined) {
      process.env[WARNING_VARIABLE] = 'true';
    }
    const Client = await CLIENTS[name].load();
    const config: AwsClientConfig = {
      maxAttempts: network.maxAttempts,
      retryMode: 'adaptive',
      customUserAgent: options.userAgent,
      requestHandler: {
        connectionTimeout: network.connectionTimeoutMs,
        requestTimeout: network.requestTimeoutMs,
        throwOnRequestTimeout: true,
      },
    };
    if (region !== undefined) config.region = region;
    if (endpoint !== undefined) config.endpoint = endpoint;
    if (profile !== undefined) config.profile = profile;
    const client = new Client(config);
    const onSlowCall = options.onSlowCall;
    if (onSlowCall !== undefined) {
      // Around the whole command, retries included: one notice per call that keeps the person waiting.
      (client as unknown as {middlewareStack: InitializeStack}).middlewareStack.add(
        (next, context) => async (args) => {
          const operation = `${name}:${(context.commandName ?? 'call').replace(/Command$/, '')}`;
          const timer = setTimeout(
            () => onSlowCall({operation, target: endpoint ?? `${name} in ${region ?? foundRegion ?? 'the default region'}`}),
            network.slowNoticeMs,
          );
          timer.unref();
          try {
            return await next(args);
          } finally {
            clearTimeout(timer);
          }
        },
        {step: 'initialize', name: 'ecsWizardSlowCallNotice'},
      );
    }
    if (region === undefined) {
      // Neither --region nor the environment: the SDK's own loader reads the profile's region from ~/.aws/config.
      try {
        foundRegion = checkRegion(await client.config.region(), 'the AWS config file');
      } catch (error) {
        client.destroy();
        throw error instanceof CliError ? error : noRegionError(profile ?? nonEmpty(env.AWS_PROFILE), error);
      }
    }
    return client;
  }

  function client<K extends AwsServiceName>(name: K): Promise<AwsClients[K]> {
    let pending = clients.get(name);
    if (pending === undefined) {
      pending = create(name);
      clients.set(name, pending);
      // A failed creation is not cached: the next call tries again.
      pending.catch(() => {
        if (clients.get(name) === pending) clients.delete(name);
      });
    }
    return pending as Promise<AwsClients[K]>;
  }

  return {
    client,
    ecs: () => client('ecs'),
    iam: () => client('iam'),
    async target(name) {
      const created = await client(name);
      const region = explicitRegion() ?? (await created.config.region());
      const endpoint = endpointOverride(name);
      const profile = nonEmpty(options.profile) ?? nonEmpty(env.AWS_PROFILE);
      return {
        region,
        endpoint: endpoint ?? defaultEndpoint(name, region),
        overridden: endpoint !== undefined,
        ...(profile === undefined ? {} : {profile}),
      };
    },
    forRegion(region) {
      if (nonEmpty(options.region) === region) return this;
      let factory = regional.get(region);
      if (factory === undefined) {
        factory = createAwsClientFactory({...options, region});
        regional.set(region, factory);
      }
      return factory;
    },
    destroy() {
      for (const factory of regional.values()) factory.destroy();
      for (const pending of clients.values()) {
        pending.then(
          (created) => created.destroy(),
          () => undefined,
        );
      }
      clients.clear();
    },
  };
}
