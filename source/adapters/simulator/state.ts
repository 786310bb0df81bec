/**
 * The rollout simulator's state: what exists (clusters, task definition revisions, services with their deployments
 * and events, tasks, service deployment records and service revisions), the ids it hands out, the queue of scheduled happenings and the "catch up to the clock" that
 * runs them, the record of port calls and happenings, and the views of that state in the EcsPort's shapes.
 * How deployments progress is rollout.ts, how their records move records.ts; the port itself is simulated-ecs.ts.
 *
 * No timers, no randomness: ids come from a counter, time only from the injected clock.
 */
import {AwsError} from '../../errors.js';
import {isJsonObject} from '../../domain/json.js';
import type {JsonObject} from '../../domain/json.js';
import type {Clock} from '../../ports/clock.js';
import type {EcsCluster, EcsContainerState, EcsDeployment, EcsPort, EcsServiceEvent, EcsServiceState, EcsTask, TaskDefinitionStatus} from '../../ports/ecs.js';
import {STEADY_AFTER_MS, STOPPED_TASK_RETENTION_MS} from './scenarios.js';
import type {TaskFate} from './scenarios.js';

export const ACCOUNT = '123456789012';
const MAX_EVENTS = 100;
const MAX_CALLS_KEPT = 10_000;
const MAX_TIMELINE = 2_000;

export interface SimulatedCall {
  at: number;
  method: keyof EcsPort;
}

/** What the simulator did, when (simulated time): for tests, demos and the benchmark. */
export interface SimulatedHappening {
  at: number;
  kind:
    | 'deployment-started'
    | 'task-started'
    | 'task-running'
    | 'task-stopped'
    | 'circuit-breaker-tripped'
    | 'rollback-started'
    | 'deployment-completed'
    | 'deployment-replaced'
    | 'throttled'
    | 'lifecycle-stage'
    | 'traffic-shifted'
    | 'hook'
    | 'alarm'
    | 'stop-requested';
  service: string;
  deploymentId?: string;
  taskArn?: string;
  detail?: string;
}

export interface SimTaskDefinition {
  arn: string;
  family: string;
  revision: number;
  status: TaskDefinitionStatus;
  json: JsonObject;
  tags: Array<{key: string; value: string}>;
}

export interface SimTask {
  arn: string;
  cluster: string;
  serviceKey: string;
  deploymentId: string;
  taskDefinitionArn: string;
  lastStatus: string;
  desiredStatus: string;
  stopCode?: string;
  stoppedReason?: string;
  stoppedAt?: number;
  startedAt?: number;
  containers: EcsContainerState[];
}

export interface SimDeployment {
  id: string;
  status: 'PRIMARY' | 'ACTIVE';
  taskDefinition: string;
  desiredCount: number;
  failedTasks: number;
  rolloutState: 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';
  rolloutStateReason: string;
  createdAt: number;
  updatedAt: number;
  launchType: string;
  fate: TaskFate;
  /** Do not launch before this time (after a failure). */
  launchAfter: number;
  /** The service revision it rolls out (a rollback's: the revision it goes back to). */
  revisionArn: string;
  /** The service deployment record it belongs to (a rollback's: the failed deployment's). */
  recordArn?: string;
  /** BLUE_GREEN, LINEAR, CANARY: it shifts traffic (traffic.ts); `shifting` once its timeline started, `cleanedUp` at CLEAN_UP. */
  traffic?: {shifting: boolean; cleanedUp: boolean};
}

/** A service deployment record (records.ts moves it). */
export type SimRecordStatus = 'PENDING' | 'IN_PROGRESS' | 'SUCCESSFUL' | 'STOPPED' | 'ROLLBACK_IN_PROGRESS' | 'ROLLBACK_SUCCESSFUL';

export interface SimRecord {
  arn: string;
  serviceKey: string;
  status: SimRecordStatus;
  statusReason?: string;
  createdAt: number;
  startedAt: number;
  updatedAt: number;
  finishedAt?: number;
  stoppedAt?: number;
  targetRevision: string;
  requestedTaskCount: number;
  sourceRevisions: string[];
  rollback?: {reason: string; startedAt: number; serviceRevisionArn: string};
  circuitBreaker: {status: 'DISABLED' | 'MONITORING' | 'MONITORING_COMPLETE' | 'TRIGGERED'; failureCount: number; threshold: number};
  /** ECS's lifecycle stage (traffic.ts moves it for BLUE_GREEN, LINEAR and CANARY). */
  lifecycleStage?: string;
  /** Production and test traffic on the target revision, percent (the source revisions have the rest). */
  productionWeight?: number;
  testWeight?: number;
  /** The lifecycle hooks run so far, by stage. */
  hooks?: Array<{hookId: string; targetArn: string; stage: string; status: 'IN_PROGRESS' | 'SUCCEEDED' | 'FAILED'}>;
  /** The deployment's alarms (deploymentConfiguration.alarms): MONITORING, or TRIGGERED with the one that fired. */
  alarms?: {status: 'MONITORING' | 'TRIGGERED' | 'MONITORING_COMPLETE'; names: string[]; triggered: string[]};
  /** The deploymentConfiguration the deployment runs under, as the service was given it. */
  configuration?: JsonObject;
}

export interface SimRevision {
  arn: string;
  serviceArn: string;
  clusterArn: string;
  taskDefinition: string;
  createdAt: number;
}

export interface SimService {
  key: string;
  name: string;
  arn: string;
  cluster: string;
  clusterArn: string;
  status: 'ACTIVE' | 'DRAINING' | 'INACTIVE';
  desiredCount: number;
  launchType: string;
  circuitBreaker: {enable: boolean; rollback: boolean};
  deployments: SimDeployment[];
  events: EcsServiceEvent[];
  input: JsonObject;
  createdAt: number;
  /** The task definition of the last deployment that completed (the rollback target). */
  lastStable?: string;
  /** Its service revision. */
  lastStableRevision?: string;
  /** Its service deployment records' ARNs, newest first. */
  records: string[];
}

interface Scheduled {
  at: number;
  seq: number;
  run: (at: number) => void;
}

/** Deterministic pseudo-random hex (xorshift over a counter): ids look like AWS's and never repeat. */
export function hexOf(n: number, length: number): string {
  let x = (n * 2_654_435_761 + 0x9e3779b9) >>> 0;
  let out = '';
  while (out.length < length) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out += x.toString(16).padStart(8, '0');
  }
  return out.slice(0, length);
}

export const iso = (ms: number): string => new Date(ms).toISOString();

export const throttled = (): AwsError =>
  new AwsError('ECS is throttling requests (Rate exceeded) [simulated]', {kind: 'throttled', awsName: 'ThrottlingException'});
export const notFound = (awsName: string, message: string): AwsError => new AwsError(`${message} [simulated]`, {kind: 'not-found', awsName});
export const invalid = (message: string, awsName = 'InvalidParameterException'): AwsError =>
  new AwsError(`${message} [simulated]`, {kind: 'invalid', awsName, exitCode: 2});

export const stringField = (input: JsonObject, key: string): string | undefined => {
  const value = input[key];
  return typeof value === 'string' ? value : undefined;
};
export const numberField = (input: JsonObject, key: string): number | undefined => {
  const value = input[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
};

export class SimulatorState {
  readonly clusters = new Map<string, EcsCluster>();
  readonly taskDefinitions = new Map<string, SimTaskDefinition[]>();
  readonly services = new Map<string, SimService>();
  readonly tasks = new Map<string, SimTask>();
  readonly calls: SimulatedCall[] = [];
  readonly happenings: SimulatedHappening[] = [];
  /** Service deployment records and service revisions, by ARN (records.ts). */
  readonly records = new Map<string, SimRecord>();
  readonly revisions = new Map<string, SimRevision>();
  /** When the first scenario deployment started (throttle windows and the replacement count from it). */
  scenarioStartedAt: number | undefined;
  private readonly queue: Scheduled[] = [];
  private sequence = 0;
  private counter = 0;

  constructor(
    readonly clock: Clock,
    readonly region: string,
    /** Divides every duration. */
    readonly speed: number,
    /** Whether ECS's service deployment records are served (and DescribeServices names the current one). */
    readonly servesRecords = true,
  ) {}

  /** A duration at the simulation's speed (≥ 1 ms). */
  scaled(ms: number): number {
    return Math.max(1, Math.round(ms / this.speed));
  }

  next(): number {
    return ++this.counter;
  }

  clusterArn(name: string): string {
    return `arn:aws:ecs:${this.region}:${ACCOUNT}:cluster/${name}`;
  }

  clusterName(reference: string | undefined): string {
    const value = reference ?? 'default';
    return value.startsWith('arn:') ? value.slice(value.lastIndexOf('/') + 1) : value;
  }

  serviceNameOf(reference: string): string {
    return reference.startsWith('arn:') ? reference.slice(reference.lastIndexOf('/') + 1) : reference;
  }

  keyOf(cluster: string, service: string): string {
    return `${cluster}/${service}`;
  }

  record(happening: SimulatedHappening): void {
    this.happenings.push(happening);
    if (this.happenings.length > MAX_TIMELINE) this.happenings.splice(0, this.happenings.length - MAX_TIMELINE);
  }

  schedule(at: number, run: (at: number) => void): void {
    this.queue.push({at, seq: this.sequence++, run});
  }

  /** Runs every scheduled happening due by `clock.now()`, in time order. */
  catchUp(): void {
    const now = this.clock.now();
    const queue = this.queue;
    for (;;) {
      let index = -1;
      for (let i = 0; i < queue.length; i++) {
        const item = queue[i]!;
        if (item.at > now) continue;
        if (index === -1 || item.at < queue[index]!.at || (item.at === queue[index]!.at && item.seq < queue[index]!.seq)) index = i;
      }
      if (index === -1) break;
      const [item] = queue.splice(index, 1);
      item!.run(item!.at);
    }
    // Stopped tasks are kept about an hour, like ECS (an hour of the simulation: at speed N, an hour / N).
    const retention = this.scaled(STOPPED_TASK_RETENTION_MS);
    for (const [arn, task] of this.tasks) {
      if (task.stoppedAt !== undefined && now - task.stoppedAt > retention) this.tasks.delete(arn);
    }
  }

  /** A port call: catch up first, then count it. */
  counted(method: keyof EcsPort): void {
    this.catchUp();
    this.calls.push({at: this.clock.now(), method});
    if (this.calls.length > MAX_CALLS_KEPT) this.calls.splice(0, this.calls.length - MAX_CALLS_KEPT);
  }

  // --- task definitions ------------------------------------------------------------------------------------

  resolveTaskDefinition(reference: string): SimTaskDefinition | undefined {
    const path = reference.includes('task-definition/') ? reference.slice(reference.indexOf('task-definition/') + 'task-definition/'.length) : reference;
    const match = /^(.+):(\d+)$/.exec(path);
    const family = match ? match[1]! : path;
    const revisions = this.taskDefinitions.get(family) ?? [];
    if (match) return revisions.find((candidate) => candidate.revision === Number(match[2]));
    return [...revisions].reverse().find((candidate) => candidate.status === 'ACTIVE');
  }

  register(input: JsonObject, at: number): SimTaskDefinition {
    const family = stringField(input, 'family');
    if (family === undefined || !/^[A-Za-z0-9_-]{1,255}$/.test(family)) throw invalid('Family contains invalid characters or is missing.', 'ClientException');
    const containers = input.containerDefinitions;
    if (!Array.isArray(containers) || containers.length === 0) throw invalid('Container list cannot be empty.', 'ClientException');
    const revisions = this.taskDefinitions.get(family) ?? [];
    const revision = (revisions.at(-1)?.revision ?? 0) + 1;
    const arn = `arn:aws:ecs:${this.region}:${ACCOUNT}:task-definition/${family}:${revision}`;
    const {tags, ...body} = input;
    const json: JsonObject = {
      ...body,
      taskDefinitionArn: arn,
      family,
      revision,
      status: 'ACTIVE',
      requiresAttributes: [],
      compatibilities: ['EC2', 'FARGATE'],
      registeredAt: iso(at),
      registeredBy: `arn:aws:iam::${ACCOUNT}:user/simulated`,
    };
    const tagList = Array.isArray(tags) ? tags.filter(isJsonObject).map((tag) => ({key: String(tag.key ?? ''), value: String(tag.value ?? '')})) : [];
    const definition: SimTaskDefinition = {arn, family, revision, status: 'ACTIVE', json, tags: tagList};
    this.taskDefinitions.set(family, [...revisions, definition]);
    return definition;
  }

  containersOf(taskDefinitionArn: string): Array<{name: string; image: string}> {
    const definition = this.resolveTaskDefinition(taskDefinitionArn);
    const list = definition?.json.containerDefinitions;
    if (!Array.isArray(list)) return [{name: 'app', image: 'app:latest'}];
    return list.filter(isJsonObject).map((container, index) => ({
      name: typeof container.name === 'string' ? container.name : `container-${index}`,
      image: typeof container.image === 'string' ? container.image : 'app:latest',
    }));
  }

  // --- clusters, services, tasks ---------------------------------------------------------------------------

  ensureCluster(name: string): EcsCluster {
    const existing = this.clusters.get(name);
    if (existing && existing.status === 'ACTIVE') return existing;
    // Like a cluster made in the console: Fargate's two providers attached.
    const cluster: EcsCluster = {name, arn: this.clusterArn(name), status: 'ACTIVE', capacityProviders: ['FARGATE', 'FARGATE_SPOT']};
    this.clusters.set(name, cluster);
    return cluster;
  }

  findService(cluster: string, reference: string): SimService | undefined {
    return this.services.get(this.keyOf(cluster, this.serviceNameOf(reference)));
  }

  addEvent(service: SimService, at: number, message: string): void {
    const n = this.next();
    const id = `${hexOf(n, 8)}-${hexOf(n + 1, 4)}-4${hexOf(n + 2, 3)}-a${hexOf(n + 3, 3)}-${hexOf(n + 4, 12)}`;
    service.events.unshift({id, createdAt: iso(at), message: `(service ${service.name}) ${message}`});
    if (service.events.length > MAX_EVENTS) service.events.length = MAX_EVENTS;
  }

  newDeploymentId(): string {
    return `ecs-svc/${String(4_700_000_000 + this.next() * 7_919).padStart(10, '0')}${hexOf(this.counter, 9).replace(/[a-f]/g, (c) => String(c.charCodeAt(0) % 10))}`;
  }

  newTask(service: SimService, deployment: SimDeployment): SimTask {
    const id = hexOf(this.next(), 32);
    const arn = `arn:aws:ecs:${this.region}:${ACCOUNT}:task/${service.cluster}/${id}`;
    const task: SimTask = {
      arn,
      cluster: service.cluster,
      serviceKey: service.key,
      deploymentId: deployment.id,
      taskDefinitionArn: deployment.taskDefinition,
      lastStatus: 'PROVISIONING',
      desiredStatus: 'RUNNING',
      containers: this.containersOf(deployment.taskDefinition).map((container) => ({name: container.name, image: container.image, lastStatus: 'PENDING'})),
    };
    this.tasks.set(arn, task);
    return task;
  }

  tasksOf(deployment: SimDeployment): SimTask[] {
    return [...this.tasks.values()].filter((task) => task.deploymentId === deployment.id);
  }

  runningOf(deployment: SimDeployment): number {
    return this.tasksOf(deployment).filter((task) => live(task) && task.lastStatus === 'RUNNING').length;
  }

  /** Running long enough to count as healthy (old tasks drain and the rollout completes only on healthy tasks). */
  healthyOf(deployment: SimDeployment, at: number): number {
    return this.tasksOf(deployment).filter(
      (task) => live(task) && task.lastStatus === 'RUNNING' && task.startedAt !== undefined && at - task.startedAt >= this.scaled(STEADY_AFTER_MS),
    ).length;
  }

  pendingOf(deployment: SimDeployment): number {
    return this.tasksOf(deployment).filter((task) => live(task) && task.lastStatus !== 'RUNNING').length;
  }

  // --- views in the port's shapes --------------------------------------------------------------------------

  deploymentState(deployment: SimDeployment): EcsDeployment {
    return {
      id: deployment.id,
      status: deployment.status,
      taskDefinition: deployment.taskDefinition,
      desiredCount: deployment.desiredCount,
      pendingCount: this.pendingOf(deployment),
      runningCount: this.runningOf(deployment),
      failedTasks: deployment.failedTasks,
      rolloutState: deployment.rolloutState,
      rolloutStateReason: deployment.rolloutStateReason,
      launchType: deployment.launchType,
      createdAt: iso(deployment.createdAt),
      updatedAt: iso(deployment.updatedAt),
    };
  }

  serviceState(service: SimService): EcsServiceState {
    const deployments = service.deployments.map((deployment) => this.deploymentState(deployment));
    const primary = deployments.find((deployment) => deployment.status === 'PRIMARY');
    const runningCount = deployments.reduce((sum, deployment) => sum + deployment.runningCount, 0);
    const pendingCount = deployments.reduce((sum, deployment) => sum + deployment.pendingCount, 0);
    const taskDefinition = primary?.taskDefinition ?? stringField(service.input, 'taskDefinition') ?? '';
    const events = service.events.map((event) => ({...event}));
    const daemon = service.input.schedulingStrategy === 'DAEMON';
    const raw: JsonObject = {
      ...service.input,
      serviceArn: service.arn,
      serviceName: service.name,
      clusterArn: service.clusterArn,
      status: service.status,
      desiredCount: service.desiredCount,
      runningCount,
      pendingCount,
      // ECS describes a service placed by a capacity provider strategy without a launchType.
      ...(Array.isArray(service.input.capacityProviderStrategy) && service.input.capacityProviderStrategy.length > 0 ? {} : {launchType: service.launchType}),
      taskDefinition,
      // ECS's defaults where the service gives none: its own maximum and minimum percent are described as given.
      deploymentConfiguration: {
        ...(daemon ? {maximumPercent: 100, minimumHealthyPercent: 0} : {maximumPercent: 200, minimumHealthyPercent: 100}),
        ...(isJsonObject(service.input.deploymentConfiguration) ? service.input.deploymentConfiguration : {}),
        deploymentCircuitBreaker: {enable: service.circuitBreaker.enable, rollback: service.circuitBreaker.rollback},
      },
      deployments: deployments.map((deployment) => ({...deployment}) as unknown as JsonObject),
      events: events.map((event) => ({...event})),
      createdAt: iso(service.createdAt),
      schedulingStrategy: daemon ? 'DAEMON' : 'REPLICA',
      deploymentController: {type: 'ECS'},
      ...(service.records[0] === undefined || !this.servesRecords ? {} : {currentServiceDeployment: service.records[0]}),
    };
    delete raw.cluster;
    delete raw.service;
    delete raw.forceNewDeployment;
    return {
      serviceArn: service.arn,
      serviceName: service.name,
      clusterArn: service.clusterArn,
      status: service.status,
      taskDefinition,
      desiredCount: service.desiredCount,
      runningCount,
      pendingCount,
      launchType: service.launchType,
      deployments,
      events,
      ...(service.records[0] === undefined || !this.servesRecords ? {} : {currentServiceDeployment: service.records[0]}),
      raw,
    };
  }

  taskState(task: SimTask): EcsTask {
    return {
      taskArn: task.arn,
      taskDefinitionArn: task.taskDefinitionArn,
      lastStatus: task.lastStatus,
      desiredStatus: task.desiredStatus,
      startedBy: task.deploymentId,
      ...(task.stopCode === undefined ? {} : {stopCode: task.stopCode}),
      ...(task.stoppedReason === undefined ? {} : {stoppedReason: task.stoppedReason}),
      ...(task.stoppedAt === undefined ? {} : {stoppedAt: iso(task.stoppedAt)}),
      ...(task.startedAt === undefined ? {} : {startedAt: iso(task.startedAt)}),
      containers: task.containers.map((container) => ({...container})),
    };
  }
}

/** A task that is meant to run and has not stopped. */
export const live = (task: SimTask): boolean => task.desiredStatus === 'RUNNING' && task.lastStatus !== 'STOPPED';
