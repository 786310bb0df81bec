/**
 * Browse what is already on ECS: task definition families → revisions → one revision, and clusters →
 * services → one service. Each list is read one page at a time (the screens ask for the next page when the
 * person scrolls near the end); describing a revision is cached per port (a revision never changes but for
 * its status) and done with bounded concurrency.
 *
 * Knows nothing of the terminal: the screens (ui/screens/browser-*.tsx) and their reducers (ui/browser-state.ts)
 * call these.
 */
import {roleNameOf} from '../domain/iam-policy.js';
import type {JsonObject, JsonValue} from '../domain/json.js';
import {isJsonObject} from '../domain/json.js';
import {taskDefinitionRef} from '../domain/aws-names.js';
import type {EcsPort, EcsServiceState, Page, TaskDefinitionStatus} from '../ports/ecs.js';

/** Rows per ECS list call (the API's maximum for ListTaskDefinitionFamilies / ListTaskDefinitions). */
export const PAGE_SIZE = 100;

// ---------------------------------------------------------------------------------------------------
// Rows
// ---------------------------------------------------------------------------------------------------

export interface RevisionRow {
  arn: string;
  family: string;
  revision: number;
  /** Filled in once the revision is described: the artifact container's image (see `artifactContainerIndex`). */
  image?: string;
  /** How many other containers the revision has. */
  sidecars?: number;
  /** ISO-8601. */
  registeredAt?: string;
}

export interface ClusterRow {
  name: string;
  arn: string;
}

export interface ServiceRow {
  name: string;
  arn: string;
}

/** `arn:aws:ecs:…:task-definition/web:12` (or `web:12`) → family `web`, revision 12. */
export function parseTaskDefinitionArn(arn: string): {family: string; revision: number} {
  const reference = taskDefinitionRef(arn);
  const colon = reference.lastIndexOf(':');
  const revision = colon < 0 ? Number.NaN : Number(reference.slice(colon + 1));
  return Number.isInteger(revision) ? {family: reference.slice(0, colon), revision} : {family: reference, revision: 0};
}

/** The last `/` segment of an ARN: a cluster's name, a service's name (`…:service/cluster/web` → `web`). */
export const nameFromArn = (arn: string): string => arn.slice(arn.lastIndexOf('/') + 1);

// ---------------------------------------------------------------------------------------------------
// Pages
// ---------------------------------------------------------------------------------------------------

/** One page of family names, sorted (ECS lists them in order; an implementation that does not, moto, is put in order page by page). */
export async function familiesPage(ecs: EcsPort, options: {status: TaskDefinitionStatus; nextToken?: string}): Promise<Page<string>> {
  const page = await ecs.listTaskDefinitionFamilies({
    status: options.status,
    maxResults: PAGE_SIZE,
    ...(options.nextToken === undefined ? {} : {nextToken: options.nextToken}),
  });
  const items = [...page.items].sort();
  return page.nextToken === undefined ? {items} : {items, nextToken: page.nextToken};
}

/**
 * One page of a family's revisions, newest first. Only the family's own revisions are kept: an
 * implementation that reads `familyPrefix` as a prefix would also list `web-api` under `web`.
 */
export async function revisionsPage(ecs: EcsPort, options: {family: string; status: TaskDefinitionStatus; nextToken?: string}): Promise<Page<RevisionRow>> {
  const page = await ecs.listTaskDefinitions({
    familyPrefix: options.family,
    status: options.status,
    sort: 'DESC',
    maxResults: PAGE_SIZE,
    ...(options.nextToken === undefined ? {} : {nextToken: options.nextToken}),
  });
  const items = page.items.map((arn) => ({arn, ...parseTaskDefinitionArn(arn)})).filter((row) => row.family === options.family);
  return page.nextToken === undefined ? {items} : {items, nextToken: page.nextToken};
}

export async function clustersPage(ecs: EcsPort, nextToken?: string): Promise<Page<ClusterRow>> {
  const page = await ecs.listClusters(nextToken);
  const items = page.items.map((arn) => ({arn, name: nameFromArn(arn)}));
  return page.nextToken === undefined ? {items} : {items, nextToken: page.nextToken};
}

export async function servicesPage(ecs: EcsPort, cluster: string, nextToken?: string): Promise<Page<ServiceRow>> {
  const page = await ecs.listServices(cluster, nextToken);
  const items = page.items.map((arn) => ({arn, name: nameFromArn(arn)}));
  return page.nextToken === undefined ? {items} : {items, nextToken: page.nextToken};
}

// ---------------------------------------------------------------------------------------------------
// Summaries (pure)
// ---------------------------------------------------------------------------------------------------

const str = (value: JsonValue | undefined): string | undefined => (typeof value === 'string' ? value : undefined);
const strings = (value: JsonValue | undefined): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);
const objects = (value: JsonValue | undefined): JsonObject[] => (Array.isArray(value) ? value.filter(isJsonObject) : []);

/**
 * Which container is the artifact's: `wanted` by name, else the first essential container with port mappings,
 * else the first (the domain import's rule). -1 when `wanted` is not there or there are no containers.
 */
export function artifactContainerIndex(taskDefinition: JsonObject, wanted?: string): number {
  const containers = objects(taskDefinition['containerDefinitions']);
  if (containers.length === 0) return -1;
  if (wanted !== undefined) return containers.findIndex((container) => container['name'] === wanted);
  const serving = containers.findIndex((container) => container['essential'] !== false && objects(container['portMappings']).length > 0);
  return serving === -1 ? 0 : serving;
}

export interface ContainerSummary {
  name: string;
  image: string;
  essential: boolean;
}

export interface TaskDefinitionSummary {
  reference: string;
  family: string;
  revision: number;
  status?: string;
  /** requiresCompatibilities, else what ECS says it is compatible with. */
  launchTypes: string[];
  networkMode: string;
  cpu?: string;
  memory?: string;
  containers: ContainerSummary[];
  /** Index into `containers` of the default artifact container. */
  artifactContainer: number;
  executionRoleArn?: string;
  registeredAt?: string;
}

const sizeOf = (value: JsonValue | undefined): string | undefined => (typeof value === 'number' ? String(value) : str(value));

/** What the preview's summary line says about a described task definition (bare or `{taskDefinition}`). */
export function summariseTaskDefinition(described: JsonObject): TaskDefinitionSummary {
  const task = isJsonObject(described['taskDefinition']) ? described['taskDefinition'] : described;
  const family = str(task['family']) ?? '';
  const revision = typeof task['revision'] === 'number' ? task['revision'] : 0;
  const required = strings(task['requiresCompatibilities']);
  const containers = objects(task['containerDefinitions']).map((container) => ({
    name: str(container['name']) ?? '?',
    image: str(container['image']) ?? '?',
    essential: container['essential'] !== false,
  }));
  const summary: TaskDefinitionSummary = {
    reference: revision === 0 ? family : `${family}:${revision}`,
    family,
    revision,
    launchTypes: required.length > 0 ? required : strings(task['compatibilities']),
    networkMode: str(task['networkMode']) ?? 'bridge',
    containers,
    artifactContainer: Math.max(0, artifactContainerIndex(task)),
  };
  const status = str(task['status']);
  if (status !== undefined) summary.status = status;
  const cpu = sizeOf(task['cpu']);
  if (cpu !== undefined) summary.cpu = cpu;
  const memory = sizeOf(task['memory']);
  if (memory !== undefined) summary.memory = memory;
  const role = str(task['executionRoleArn']);
  if (role !== undefined) summary.executionRoleArn = role;
  const registeredAt = str(task['registeredAt']);
  if (registeredAt !== undefined) summary.registeredAt = registeredAt;
  return summary;
}

/** `2026-11-28T02:37:30.636Z` → `2026-11-28 02:37 UTC` (no clock: the text as ECS gave it). */
export function formatTimestamp(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return match === null ? iso : `${match[1]} ${match[2]}${iso.endsWith('Z') || iso.endsWith('+00:00') ? ' UTC' : ''}`;
}

/**
 * The one-line summary: `FARGATE · awsvpc · 256 CPU / 512 MiB · web=nginx:1.27, log_router=fluent-bit:2 ·
 * role ecsTaskExecutionRole · registered 2026-11-28 02:37 UTC`.
 */
export function summaryLine(summary: TaskDefinitionSummary): string {
  const parts = [summary.launchTypes.length === 0 ? 'no launch type' : summary.launchTypes.join('+'), summary.networkMode];
  if (summary.cpu !== undefined || summary.memory !== undefined) parts.push(`${summary.cpu ?? '-'} CPU / ${summary.memory ?? '-'} MiB`);
  parts.push(summary.containers.map((container) => `${container.name}=${container.image}`).join(', ') || 'no containers');
  parts.push(summary.executionRoleArn === undefined ? 'no execution role' : `role ${roleNameOf(summary.executionRoleArn)}`);
  if (summary.registeredAt !== undefined) parts.push(`registered ${formatTimestamp(summary.registeredAt)}`);
  return parts.join(' · ');
}

/** What a revision row shows once it is described. */
export function revisionDetails(described: JsonObject): Pick<RevisionRow, 'image' | 'sidecars' | 'registeredAt'> {
  const summary = summariseTaskDefinition(described);
  const artifact = summary.containers[summary.artifactContainer];
  return {
    ...(artifact === undefined ? {} : {image: artifact.image}),
    sidecars: Math.max(0, summary.containers.length - 1),
    ...(summary.registeredAt === undefined ? {} : {registeredAt: summary.registeredAt}),
  };
}

export interface ServiceSummary {
  name: string;
  cluster: string;
  status: string;
  taskDefinition: string;
  desiredCount: number;
  runningCount: number;
  pendingCount: number;
  /** launchType, or the capacity providers (`FARGATE_SPOT×1, FARGATE×0`). */
  launchType: string;
  schedulingStrategy: string;
  network?: {subnets: string[]; securityGroups: string[]; assignPublicIp: string};
  /** `registryArn (containerName:containerPort)` or `registryArn (port N)`. */
  registries: string[];
  loadBalancers: string[];
  deployments: string[];
}

/** What the service summary screen shows of a DescribeServices entry. */
export function summariseService(state: EcsServiceState): ServiceSummary {
  const raw = state.raw;
  const providers = objects(raw['capacityProviderStrategy']).map(
    (item) => `${str(item['capacityProvider']) ?? '?'}×${typeof item['weight'] === 'number' ? item['weight'] : 0}`,
  );
  const awsvpc =
    isJsonObject(raw['networkConfiguration']) && isJsonObject(raw['networkConfiguration']['awsvpcConfiguration'])
      ? raw['networkConfiguration']['awsvpcConfiguration']
      : undefined;
  const summary: ServiceSummary = {
    name: state.serviceName,
    cluster: nameFromArn(state.clusterArn),
    status: state.status,
    taskDefinition: taskDefinitionRef(state.taskDefinition),
    desiredCount: state.desiredCount,
    runningCount: state.runningCount,
    pendingCount: state.pendingCount,
    launchType: state.launchType ?? (providers.length > 0 ? providers.join(', ') : '-'),
    schedulingStrategy: str(raw['schedulingStrategy']) ?? 'REPLICA',
    registries: objects(raw['serviceRegistries']).map((registry) => {
      const arn = str(registry['registryArn']) ?? '?';
      const container = str(registry['containerName']);
      const port = registry['containerPort'] ?? registry['port'];
      return container === undefined ? `${arn}${port === undefined ? '' : ` (port ${String(port)})`}` : `${arn} (${container}:${String(port ?? '?')})`;
    }),
    loadBalancers: objects(raw['loadBalancers']).map((balancer) => {
      const target = str(balancer['targetGroupArn']) ?? str(balancer['loadBalancerName']) ?? '?';
      return `${target} → ${str(balancer['containerName']) ?? '?'}:${String(balancer['containerPort'] ?? '?')}`;
    }),
    deployments: state.deployments.map(
      (deployment) =>
        `${deployment.status} ${taskDefinitionRef(deployment.taskDefinition)} ${deployment.runningCount}/${deployment.desiredCount} running${deployment.rolloutState === undefined ? '' : ` · ${deployment.rolloutState}`}`,
    ),
  };
  if (awsvpc !== undefined) {
    summary.network = {
      subnets: strings(awsvpc['subnets']),
      securityGroups: strings(awsvpc['securityGroups']),
      assignPublicIp: str(awsvpc['assignPublicIp']) ?? 'DISABLED',
    };
  }
  return summary;
}

/** DescribeServices for one service; undefined when the cluster has no such service. */
export async function loadService(ecs: EcsPort, cluster: string, service: string): Promise<EcsServiceState | undefined> {
  const [state] = await ecs.describeServices(cluster, [service]);
  return state;
}

// ---------------------------------------------------------------------------------------------------
// Described task definitions, cached per port
// ---------------------------------------------------------------------------------------------------

export interface DescribedTaskDefinition {
  taskDefinition: JsonObject;
  tags: Array<{key: string; value: string}>;
}

export interface TaskDefinitionCache {
  /** Already described (synchronously), or undefined. */
  peek(reference: string): DescribedTaskDefinition | undefined;
  /** DescribeTaskDefinition once per reference (concurrent calls share it); undefined when there is none. */
  load(reference: string): Promise<DescribedTaskDefinition | undefined>;
  /**
   * Describes these references in the background, at most `concurrency` at a time, in the order given (a later
   * call's references go first: the rows on screen now matter most). `onLoaded` gets each one; failures are
   * skipped (the row stays without details). Returns a function that drops what is still queued.
   */
  prefetch(references: readonly string[], onLoaded: (reference: string, described: DescribedTaskDefinition) => void): () => void;
}

const caches = new WeakMap<EcsPort, TaskDefinitionCache>();

/** The cache of one ECS port (one region): screens that share the port share what was described. */
export function taskDefinitionCache(ecs: EcsPort, concurrency = 4): TaskDefinitionCache {
  const existing = caches.get(ecs);
  if (existing !== undefined) return existing;
  const done = new Map<string, DescribedTaskDefinition>();
  const pending = new Map<string, Promise<DescribedTaskDefinition | undefined>>();
  let queue: Array<{reference: string; onLoaded: (reference: string, described: DescribedTaskDefinition) => void; cancelled: () => boolean}> = [];
  let running = 0;

  const load = (reference: string): Promise<DescribedTaskDefinition | undefined> => {
    const known = done.get(reference);
    if (known !== undefined) return Promise.resolve(known);
    let promise = pending.get(reference);
    if (promise === undefined) {
      promise = ecs.describeTaskDefinition(reference).then(
        (described) => {
          pending.delete(reference);
          if (described !== undefined) done.set(reference, described);
          return described;
        },
        (error: unknown) => {
          pending.delete(reference);
          throw error;
        },
      );
      pending.set(reference, promise);
    }
    return promise;
  };

  const pump = (): void => {
    while (running < concurrency && queue.length > 0) {
      const job = queue.shift()!;
      if (job.cancelled()) continue;
      const known = done.get(job.reference);
      if (known !== undefined) {
        job.onLoaded(job.reference, known);
        continue;
      }
      running += 1;
      load(job.reference).then(
        (described) => {
          running -= 1;
          if (described !== undefined && !job.cancelled()) job.onLoaded(job.reference, described);
          pump();
        },
        () => {
          running -= 1;
          pump();
        },
      );
    }
  };

  const cache: TaskDefinitionCache = {
    peek: (reference) => done.get(reference),
    load,
    prefetch(references, onLoaded) {
      let cancelled = false;
      const isCancelled = () => cancelled;
      const jobs = references.map((reference) => ({reference, onLoaded, cancelled: isCancelled}));
      queue = [...jobs, ...queue.filter((job) => !job.cancelled())];
      pump();
      return () => {
        cancelled = true;
      };
    },
  };
  caches.set(ecs, cache);
  return cache;
}
