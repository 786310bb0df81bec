/**
 * Fakes for the deploy operations' tests: the pre-flight check ports (IAM, Secrets Manager, Cloud Map, CloudWatch
 * Logs, registry) as plain in-memory maps that record their calls, and a recorder around any EcsPort (the rollout
 * simulator, usually) that keeps every call's input.
 *
 * `healthyChecks()` answers "everything exists and is allowed" for `fargateJsonProfile()` (test/helpers/profile-fixtures.ts):
 * the execution role trusts ECS tasks and may read the registry secret and decrypt it with its key, the tag exists,
 * the Cloud Map service has SRV records, the log group exists.
 */
import type {JsonObject} from '../../../source/domain/json.js';
import {AwsError} from '../../../source/errors.js';
import type {CheckPorts} from '../../../source/ports/deploy.js';
import type {EcsPort} from '../../../source/ports/ecs.js';
import type {IamRole, RolePolicyDocument, SimulationResult} from '../../../source/ports/iam.js';
import type {DiscoveryService} from '../../../source/ports/discovery.js';
import type {SecretSummary} from '../../../source/ports/secrets.js';
import type {TagCheck} from '../../../source/ports/registry.js';
import {EXECUTION_ROLE_ARN, REGISTRY_ARN, REGISTRY_KMS_KEY_ARN, REGISTRY_SECRET_ARN} from '../../helpers/profile-fixtures.js';

export interface FakeRole {
  trustsEcsTasks: boolean;
  documents: RolePolicyDocument[];
}

export interface FakeCheckState {
  roles: Map<string, FakeRole>;
  /** What iam:SimulatePrincipalPolicy answers (moto: unavailable). */
  simulator: SimulationResult;
  secrets: Map<string, SecretSummary>;
  discovery: Map<string, DiscoveryService>;
  logGroups: Set<string>;
  /** By `tag`; a tag not listed is `missing`. */
  tags: Map<string, TagCheck>;
  /** Digests the registry still has that no tag points to any more (a tag moved away from them). */
  digests: Set<string>;
  /** Platforms by `tag` (describeTags); a tag not listed has none read. */
  platforms: Map<string, string[]>;
  /** Thrown by the named method (once per call) when set. */
  failures: Map<string, Error>;
  calls: string[];
}

export const GET_SECRET_POLICY: JsonObject = {
  Version: '2012-10-17',
  Statement: [
    {Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource: [REGISTRY_SECRET_ARN]},
    {Effect: 'Allow', Action: 'kms:Decrypt', Resource: REGISTRY_KMS_KEY_ARN},
  ],
};

/** AmazonECSTaskExecutionRolePolicy as AWS publishes it (pull from ECR, write logs). */
export const ECS_TASK_EXECUTION_ROLE_POLICY: JsonObject = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: [
        'ecr:GetAuthorizationToken',
        'ecr:BatchCheckLayerAvailability',
        'ecr:GetDownloadUrlForLayer',
        'ecr:BatchGetImage',
        'logs:CreateLogStream',
        'logs:PutLogEvents',
      ],
      Resource: '*',
    },
  ],
};

const roleName = (nameOrArn: string): string => nameOrArn.slice(nameOrArn.lastIndexOf('/') + 1);

export function healthyCheckState(): FakeCheckState {
  return {
    roles: new Map([
      [
        'ecsTaskExecutionRole',
        {
          trustsEcsTasks: true,
          documents: [
            {source: 'inline', name: 'ecs-wizard-private-registry', document: GET_SECRET_POLICY},
            {
              source: 'managed',
              name: 'AmazonECSTaskExecutionRolePolicy',
              arn: 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy',
              document: ECS_TASK_EXECUTION_ROLE_POLICY,
            },
          ],
        },
      ],
    ]),
    simulator: 'unavailable',
    secrets: new Map([[REGISTRY_SECRET_ARN, {arn: REGISTRY_SECRET_ARN, name: 'registry-creds', kmsKeyId: REGISTRY_KMS_KEY_ARN}]]),
    discovery: new Map([[REGISTRY_ARN, {id: 'srv-jwyz7x4igkxckqno', arn: REGISTRY_ARN, name: 'web-api', recordTypes: ['SRV']}]]),
    logGroups: new Set(['/ecs/web-api']),
    tags: new Map<string, TagCheck>([
      ['1.4.2', {status: 'exists', digest: 'sha256:4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945'}],
      ['1.5.0', {status: 'exists', digest: 'sha256:0000000000000000000000000000000000000000000000000000000000000150'}],
    ]),
    platforms: new Map([
      ['1.4.2', ['linux/amd64']],
      ['1.5.0', ['linux/amd64', 'linux/arm64']],
    ]),
    digests: new Set(),
    failures: new Map(),
    calls: [],
  };
}

/** CheckPorts over a FakeCheckState (mutate the state to change the answers). */
export function fakeCheckPorts(state: FakeCheckState = healthyCheckState()): CheckPorts & {state: FakeCheckState} {
  const call = (name: string): void => {
    state.calls.push(name);
    const failure = state.failures.get(name);
    if (failure !== undefined) throw failure;
  };
  const role = (nameOrArn: string): IamRole | undefined => {
    const found = state.roles.get(roleName(nameOrArn));
    if (found === undefined) return undefined;
    const name = roleName(nameOrArn);
    return {arn: `arn:aws:iam::123456789012:role/${name}`, name, trustsEcsTasks: found.trustsEcsTasks, trustPolicy: {}};
  };
  return {
    state,
    iam: {
      async getRole(nameOrArn) {
        call('iam.getRole');
        return role(nameOrArn);
      },
      async rolePolicyDocuments(nameOrArn) {
        call('iam.rolePolicyDocuments');
        return state.roles.get(roleName(nameOrArn))?.documents ?? [];
      },
      async listRoles() {
        call('iam.listRoles');
        return [...state.roles.keys()].map((name) => role(name)!);
      },
      async createExecutionRole() {
        throw new Error('not in these tests');
      },
      async putRolePolicy() {
        throw new Error('not in these tests');
      },
      async simulatePrincipalPolicy() {
        call('iam.simulatePrincipalPolicy');
        return state.simulator;
      },
    },
    secrets: {
      async describeSecret(arnOrName) {
        call('secrets.describeSecret');
        return state.secrets.get(arnOrName);
      },
      async listSecrets() {
        return [...state.secrets.values()];
      },
      async createSecret() {
        throw new Error('a deploy creates no secret');
      },
      async putSecretValue() {
        throw new Error('a deploy writes no secret');
      },
    },
    discovery: {
      async getService(arn) {
        call('discovery.getService');
        return state.discovery.get(arn);
      },
      async listNamespaces() {
        return [];
      },
      async listServices() {
        return [...state.discovery.values()];
      },
    },
    logs: async () => ({
      async logGroupExists(name) {
        call('logs.logGroupExists');
        return state.logGroups.has(name);
      },
      async createLogGroup(name) {
        call('logs.createLogGroup');
        state.logGroups.add(name);
      },
      async tailStream() {
        call('logs.tailStream');
        return [];
      },
      async filterEvents() {
        call('logs.filterEvents');
        return {events: []};
      },
    }),
    registry: {
      async listTags() {
        return {tags: [...state.tags.keys()].map((tag) => ({tag})), newestFirst: false};
      },
      async tagExists(_artifact, tag) {
        call('registry.tagExists');
        // `tag@digest` (and a bare digest) is looked up by its digest, as the registries do.
        const digest = tag.includes('@') ? tag.slice(tag.indexOf('@') + 1) : tag.startsWith('sha256:') ? tag : undefined;
        if (digest !== undefined) {
          const known = [...state.tags.values()].some((check) => check.status === 'exists' && check.digest === digest) || state.digests.has(digest);
          return known ? {status: 'exists', digest} : {status: 'missing'};
        }
        return state.tags.get(tag) ?? {status: 'missing'};
      },
      async anonymousAccess() {
        call('registry.anonymousAccess');
        return {status: 'closed', reason: 'the fake registry asks for credentials'};
      },
      async describeTags(_artifact, tags) {
        call('registry.describeTags');
        return tags.flatMap((tag) => {
          const check = state.tags.get(tag);
          if (check?.status !== 'exists') return [];
          const platforms = state.platforms.get(tag);
          return [{tag, ...(check.digest === undefined ? {} : {digest: check.digest}), ...(platforms === undefined ? {} : {platforms})}];
        });
      },
      async datedTags() {
        return {tags: [...state.tags.keys()].map((tag) => ({tag})), newestFirst: true};
      },
    },
  };
}

export const accessDenied = (operation: string): AwsError =>
  new AwsError(`not allowed to ${operation}`, {kind: 'access-denied', awsName: 'AccessDenied', hint: `allow ${operation}`});

export const unreachable = (): AwsError =>
  new AwsError('cannot reach AWS at http://127.0.0.1:9 (ECONNREFUSED)', {kind: 'unreachable', awsName: 'ECONNREFUSED'});

export interface RecordedCall {
  method: string;
  args: unknown[];
}

/** An EcsPort that records each call (method and arguments) and passes it on; `failOn` makes a method throw. */
export function recordingEcs<P extends EcsPort>(ecs: P): P & {recorded: RecordedCall[]; failOn: Map<string, Error>} {
  const recorded: RecordedCall[] = [];
  const failOn = new Map<string, Error>();
  return new Proxy(ecs, {
    get(target, property, receiver) {
      if (property === 'recorded') return recorded;
      if (property === 'failOn') return failOn;
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function' || typeof property !== 'string') return value;
      return (...args: unknown[]) => {
        recorded.push({method: property, args: structuredClone(args)});
        const failure = failOn.get(property);
        if (failure !== undefined) return Promise.reject(failure);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  }) as P & {recorded: RecordedCall[]; failOn: Map<string, Error>};
}

export const EXECUTION_ROLE = EXECUTION_ROLE_ARN;
