/**
 * A fake EcsPort that pages like ECS does (moto does not: it ignores maxResults), for the browser and import
 * tests: lists come back at most `pageSize` (100) at a time with an opaque nextToken; task definitions are
 * described with the read-only fields ECS adds; every call is recorded; a call can be made to fail once
 * (`failNext`) or to wait until the test lets it go (`hold`).
 *
 *   const ecs = new PagingEcs();
 *   seedFamilies(ecs, {families: 50, revisions: 3});
 *   const gate = ecs.hold('listTaskDefinitionFamilies');   // the next calls wait…
 *   gate.release();                                        // …until now
 */
import type {JsonObject} from '../../source/domain/json.js';
import {AwsError, type AwsErrorKind} from '../../source/errors.js';
import type {EcsCluster, EcsPort, EcsServiceState, EcsTask, Page, RegisteredTaskDefinition, TaskDefinitionStatus} from '../../source/ports/ecs.js';

export const FAKE_ACCOUNT = '123456789012';

type Method = keyof Omit<EcsPort, 'region'>;

interface StoredRevision {
  family: string;
  revision: number;
  status: TaskDefinitionStatus;
  described: JsonObject;
  tags: Array<{key: string; value: string}>;
}

export interface Gate {
  release(): void;
}

export class PagingEcs implements EcsPort {
  readonly region: string;
  readonly pageSize: number;
  /** Every call, in order: the method and its first argument. */
  readonly calls: Array<{method: Method; args: unknown[]}> = [];
  private readonly revisions: StoredRevision[] = [];
  private readonly clusters = new Map<string, Map<string, JsonObject>>();
  private readonly failures = new Map<Method, AwsError[]>();
  private readonly gates = new Map<Method, Promise<void>>();
  /** registeredAt of the next revision (minutes later each time): no clock involved. */
  private tick = 0;

  constructor(options: {region?: string; pageSize?: number} = {}) {
    this.region = options.region ?? 'us-east-1';
    this.pageSize = options.pageSize ?? 100;
  }

  /** The next call of `method` throws this error (an AwsError of `kind`), once. */
  failNext(method: Method, kind: AwsErrorKind, message = `${kind} (simulated)`, hint?: string): void {
    const error = new AwsError(message, {
      kind,
      awsName: kind === 'throttled' ? 'ThrottlingException' : kind === 'access-denied' ? 'AccessDeniedException' : 'Error',
      ...(hint === undefined ? {} : {hint}),
    });
    this.failures.set(method, [...(this.failures.get(method) ?? []), error]);
  }

  /** Calls of `method` wait until `release()` (calls made after the release do not wait). */
  hold(method: Method): Gate {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    this.gates.set(method, gate);
    return {
      release: () => {
        if (this.gates.get(method) === gate) this.gates.delete(method);
        release();
      },
    };
  }

  count(method: Method): number {
    return this.calls.filter((call) => call.method === method).length;
  }

  private async enter(method: Method, args: unknown[]): Promise<void> {
    this.calls.push({method, args});
    const gate = this.gates.get(method);
    if (gate !== undefined) await gate;
    const queued = this.failures.get(method);
    const failure = queued?.shift();
    if (failure !== undefined) throw failure;
  }

  private page<T>(items: T[], nextToken: string | undefined, maxResults: number | undefined): Page<T> {
    const start = nextToken === undefined ? 0 : Number(/^page:(\d+)$/.exec(nextToken)?.[1] ?? Number.NaN);
    if (!Number.isInteger(start)) throw new AwsError('Invalid nextToken', {kind: 'invalid', awsName: 'InvalidParameterException'});
    const size = Math.min(this.pageSize, maxResults ?? this.pageSize);
    const end = start + size;
    return end < items.length ? {items: items.slice(start, end), nextToken: `page:${end}`} : {items: items.slice(start)};
  }

  private arnOf(family: string, revision: number): string {
    return `arn:aws:ecs:${this.region}:${FAKE_ACCOUNT}:task-definition/${family}:${revision}`;
  }

  private clusterArn(name: string): string {
    return `arn:aws:ecs:${this.region}:${FAKE_ACCOUNT}:cluster/${name}`;
  }

  /** Marks every revision of a family INACTIVE (as DeregisterTaskDefinition would). */
  deregisterFamily(family: string): void {
    for (const revision of this.revisions) {
      if (revision.family === family) {
        revision.status = 'INACTIVE';
        revision.described['status'] = 'INACTIVE';
      }
    }
  }

  async listClusters(nextToken?: string): Promise<Page<string>> {
    await this.enter('listClusters', [nextToken]);
    return this.page(
      [...this.clusters.keys()].map((name) => this.clusterArn(name)),
      nextToken,
      undefined,
    );
  }

  async describeClusters(names: string[]): Promise<EcsCluster[]> {
    await this.enter('describeClusters', [names]);
    return names.filter((name) => this.clusters.has(name)).map((name) => ({name, arn: this.clusterArn(name), status: 'ACTIVE'}));
  }

  async createCluster(name: string): Promise<EcsCluster> {
    await this.enter('createCluster', [name]);
    if (!this.clusters.has(name)) this.clusters.set(name, new Map());
    return {name, arn: this.clusterArn(name), status: 'ACTIVE'};
  }

  async listTaskDefinitionFamilies(options: {
    status?: TaskDefinitionStatus;
    familyPrefix?: string;
    nextToken?: string;
    maxResults?: number;
  }): Promise<Page<string>> {
    await this.enter('listTaskDefinitionFamilies', [options]);
    const status = options.status ?? 'ACTIVE';
    const families = new Map<string, boolean>();
    for (const revision of this.revisions) {
      if (options.familyPrefix !== undefined && !revision.family.startsWith(options.familyPrefix)) continue;
      families.set(revision.family, (families.get(revision.family) ?? false) || revision.status === 'ACTIVE');
    }
    // ECS: ACTIVE = families with an ACTIVE revision; INACTIVE = families with none.
    const matching = [...families]
      .filter(([, active]) => (status === 'ACTIVE' ? active : !active))
      .map(([family]) => family)
      .sort();
    return this.page(matching, options.nextToken, options.maxResults);
  }

  async listTaskDefinitions(options: {
    familyPrefix?: string;
    status?: TaskDefinitionStatus;
    sort?: 'ASC' | 'DESC';
    nextToken?: string;
    maxResults?: number;
  }): Promise<Page<string>> {
    await this.enter('listTaskDefinitions', [options]);
    const status = options.status ?? 'ACTIVE';
    const matching = this.revisions
      .filter((revision) => (options.familyPrefix === undefined || revision.family === options.familyPrefix) && revision.status === status)
      .sort((a, b) => (a.family < b.family ? -1 : a.family > b.family ? 1 : a.revision - b.revision));
    if (options.sort === 'DESC') matching.reverse();
    return this.page(
      matching.map((revision) => this.arnOf(revision.family, revision.revision)),
      options.nextToken,
      options.maxResults,
    );
  }

  private find(reference: string): StoredRevision | undefined {
    const ref = reference.replace(/^arn:aws:ecs:[^:]*:[^:]*:task-definition\//, '');
    const colon = ref.lastIndexOf(':');
    if (colon === -1) {
      const active = this.revisions.filter((revision) => revision.family === ref && revision.status === 'ACTIVE');
      return active.at(-1);
    }
    const family = ref.slice(0, colon);
    const number = Number(ref.slice(colon + 1));
    return this.revisions.find((revision) => revision.family === family && revision.revision === number);
  }

  async describeTaskDefinition(reference: string): Promise<{taskDefinition: JsonObject; tags: Array<{key: string; value: string}>} | undefined> {
    await this.enter('describeTaskDefinition', [reference]);
    const found = this.find(reference);
    return found === undefined ? undefined : {taskDefinition: structuredClone(found.described), tags: structuredClone(found.tags)};
  }

  /** Registers synchronously (for seeding); `registerTaskDefinition` is the port's recorded call. */
  register(input: JsonObject): RegisteredTaskDefinition {
    const family = String(input['family']);
    const revision = this.revisions.filter((item) => item.family === family).length + 1;
    const {tags, ...rest} = structuredClone(input) as JsonObject & {tags?: Array<{key: string; value: string}>};
    this.tick += 1;
    const registeredAt = new Date(Date.UTC(2026, 0, 1, 0, this.tick)).toISOString();
    const described: JsonObject = {
      taskDefinitionArn: this.arnOf(family, revision),
      ...rest,
      revision,
      status: 'ACTIVE',
      requiresAttributes: [{name: 'com.amazonaws.ecs.capability.docker-remote-api.1.18'}],
      compatibilities: ['EC2', ...(rest['networkMode'] === 'awsvpc' ? ['FARGATE'] : [])],
      registeredAt,
      registeredBy: `arn:aws:iam::${FAKE_ACCOUNT}:user/seed`,
    };
    this.revisions.push({family, revision, status: 'ACTIVE', described, tags: tags ?? []});
    return {arn: this.arnOf(family, revision), family, revision, taskDefinition: structuredClone(described)};
  }

  async registerTaskDefinition(input: JsonObject): Promise<RegisteredTaskDefinition> {
    await this.enter('registerTaskDefinition', [input]);
    return this.register(input);
  }

  async listServices(cluster: string, nextToken?: string): Promise<Page<string>> {
    await this.enter('listServices', [cluster, nextToken]);
    const services = this.clusters.get(cluster);
    if (services === undefined) throw new AwsError(`cluster '${cluster}' not found`, {kind: 'not-found', awsName: 'ClusterNotFoundException'});
    return this.page(
      [...services.values()].map((service) => String(service['serviceArn'])),
      nextToken,
      undefined,
    );
  }

  private state(raw: JsonObject): EcsServiceState {
    return {
      serviceArn: String(raw['serviceArn']),
      serviceName: String(raw['serviceName']),
      clusterArn: String(raw['clusterArn']),
      status: String(raw['status']),
      taskDefinition: String(raw['taskDefinition']),
      desiredCount: Number(raw['desiredCount'] ?? 0),
      runningCount: Number(raw['runningCount'] ?? 0),
      pendingCount: Number(raw['pendingCount'] ?? 0),
      ...(typeof raw['launchType'] === 'string' ? {launchType: raw['launchType']} : {}),
      deployments: [],
      events: [],
      raw: structuredClone(raw),
    };
  }

  async describeServices(cluster: string, services: string[]): Promise<EcsServiceState[]> {
    await this.enter('describeServices', [cluster, services]);
    const known = this.clusters.get(cluster);
    if (known === undefined) return [];
    return services.flatMap((name) => {
      const raw = known.get(name.slice(name.lastIndexOf('/') + 1));
      return raw === undefined ? [] : [this.state(raw)];
    });
  }

  /** CreateService as DescribeServices then shows it (the task definition resolved to its ARN). */
  addService(input: JsonObject): EcsServiceState {
    const cluster = String(input['cluster'] ?? 'default');
    if (!this.clusters.has(cluster)) this.clusters.set(cluster, new Map());
    const name = String(input['serviceName']);
    const task = this.find(String(input['taskDefinition']));
    const {cluster: _cluster, ...rest} = structuredClone(input);
    const raw: JsonObject = {
      serviceArn: `arn:aws:ecs:${this.region}:${FAKE_ACCOUNT}:service/${cluster}/${name}`,
      serviceName: name,
      clusterArn: this.clusterArn(cluster),
      loadBalancers: [],
      serviceRegistries: [],
      status: 'ACTIVE',
      // DescribeServices always has a desired count (none for DAEMON services until ECS computes it).
      ...(input['schedulingStrategy'] === 'DAEMON' ? {} : {desiredCount: 0}),
      ...rest,
      runningCount: 0,
      pendingCount: 0,
      taskDefinition: task === undefined ? String(input['taskDefinition']) : this.arnOf(task.family, task.revision),
      deployments: [],
      events: [],
      createdAt: '2026-01-01T00:00:00.000Z',
      schedulingStrategy: input['schedulingStrategy'] ?? 'REPLICA',
    };
    this.clusters.get(cluster)!.set(name, raw);
    return this.state(raw);
  }

  async createService(input: JsonObject): Promise<EcsServiceState> {
    await this.enter('createService', [input]);
    return this.addService(input);
  }

  async updateService(input: JsonObject): Promise<EcsServiceState> {
    await this.enter('updateService', [input]);
    throw new Error('PagingEcs.updateService is not implemented');
  }

  async listTasks(options: {cluster: string}): Promise<string[]> {
    await this.enter('listTasks', [options]);
    return [];
  }

  async describeTasks(cluster: string, taskArns: string[]): Promise<EcsTask[]> {
    await this.enter('describeTasks', [cluster, taskArns]);
    return [];
  }

  // ECS's service deployment records are not kept here: answered like moto does (not implemented).
  async listServiceDeployments(options: {cluster: string; service: string}): Promise<never> {
    await this.enter('listServiceDeployments', [options]);
    throw notImplemented('ListServiceDeployments');
  }

  async describeServiceDeployments(arns: string[]): Promise<never> {
    await this.enter('describeServiceDeployments', [arns]);
    throw notImplemented('DescribeServiceDeployments');
  }

  async describeServiceRevisions(arns: string[]): Promise<never> {
    await this.enter('describeServiceRevisions', [arns]);
    throw notImplemented('DescribeServiceRevisions');
  }

  async stopServiceDeployment(arn: string): Promise<never> {
    await this.enter('stopServiceDeployment', [arn]);
    throw notImplemented('StopServiceDeployment');
  }
}

const notImplemented = (operation: string): AwsError =>
  new AwsError(`the fake does not implement ecs:${operation}`, {kind: 'unsupported', awsName: 'SyntaxError'});

/** A task definition for seeding: Fargate, one web container (and a log router sidecar when `sidecar`). */
export function seedTaskDefinition(family: string, revision: number, options: {sidecar?: boolean} = {}): JsonObject {
  return {
    family,
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '256',
    memory: '512',
    executionRoleArn: `arn:aws:iam::${FAKE_ACCOUNT}:role/ecsTaskExecutionRole`,
    containerDefinitions: [
      ...(options.sidecar === true
        ? [
            {
              name: 'log_router',
              image: 'public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.0',
              essential: false,
              firelensConfiguration: {type: 'fluentbit'},
            },
          ]
        : []),
      {name: 'web', image: `registry.example.com:5000/team/${family}:1.${revision}.0`, essential: true, portMappings: [{containerPort: 8080, protocol: 'tcp'}]},
    ],
  };
}

/** `families` families `family-000`… with `revisions` revisions each (registered in family order). */
export function seedFamilies(ecs: PagingEcs, options: {families: number; revisions: number; prefix?: string}): string[] {
  const names = Array.from({length: options.families}, (_, index) => `${options.prefix ?? 'family'}-${String(index).padStart(4, '0')}`);
  for (const family of names) for (let revision = 1; revision <= options.revisions; revision += 1) ecs.register(seedTaskDefinition(family, revision));
  return names;
}
