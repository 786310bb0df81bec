/**
 * The rollout simulator: an in-memory implementation of the whole EcsPort whose deployments progress with the
 * injected clock's time. It is the embedded default of `--simulate[=SCENARIO]` (no AWS account needed) and the
 * test double of the watch.
 *
 * How it works: every port call first "catches up" — it runs, in time order, every scheduled happening (a task
 * moving PROVISIONING → PENDING → RUNNING → STOPPED, a relaunch, the replacing deployment) up to `clock.now()`.
 * No timers, no randomness: for a given clock the same calls give the same answers.
 *
 * A service's rollout (ECS rolling update, minimum healthy 100 %, maximum 200 %):
 * - CreateService / UpdateService (new task definition or forceNewDeployment) start a PRIMARY deployment; the old
 *   one becomes ACTIVE. The PRIMARY launches tasks up to its desired count ("has started N tasks");
 * - once the PRIMARY runs its desired count, older deployments' tasks are stopped ("has stopped N running tasks")
 *   and the older deployments disappear; the PRIMARY alone becomes COMPLETED ("deployment completed",
 *   "has reached a steady state");
 * - a task that fails counts in the deployment's failedTasks; at the circuit-breaker threshold (half the desired
 *   count, 3…200) the deployment becomes FAILED ("deployment failed: tasks failed to start") and, with rollback on and
 *   a previously completed task definition, a new PRIMARY deployment of that task definition starts ("rolling back to
 *   deployment …"). Without a circuit breaker ECS keeps relaunching.
 *
 * The scenario (scenarios.ts) decides how the tasks of the user's deployments fare; rollback and replacing
 * deployments, and deployments of a task definition that already completed on the service, are healthy.
 * When the CreateService input says nothing about deploymentCircuitBreaker the simulator assumes {enable, rollback}.
 */
import {AwsError} from '../../errors.js';
import {circuitBreakerThreshold} from '../../domain/deploy-events.js';
import {isJsonObject} from '../../domain/json.js';
import type {JsonObject, JsonValue} from '../../domain/json.js';
import type {Clock} from '../../ports/clock.js';
import {DEFAULT_SIMULATION_SCENARIO, type SeedServiceOptions, type SimulationScenario} from '../../ports/simulation.js';
import type {EcsCluster, EcsContainerState, EcsDeployment, EcsPort, EcsServiceEvent, EcsServiceState, EcsTask, Page, RegisteredTaskDefinition, TaskDefinitionStatus} from '../../ports/ecs.js';
import {HEALTHY_FATE, RELAUNCH_DELAY_MS, SCENARIO_SCRIPTS, STEADY_AFTER_MS, STOPPED_TASK_RETENTION_MS} from './scenarios.js';
import type {TaskFate} from './scenarios.js';

const ACCOUNT = '123456789012';
const MAX_EVENTS = 100;
const MAX_CALLS_KEPT = 10_000;
const MAX_TIMELINE = 2_000;

export interface SimulationInfo {
  readonly simulated: true;
  readonly scenario: SimulationScenario;
  readonly speed: number;
}

export interface SimulatedCall {
  at: number;
  method: keyof EcsPort;
}

/** What the simulator did, when (simulated time): for tests, demos and the benchmark. */
export interface SimulatedHappening {
  at: number;
  kind: 'deployment-started' | 'task-started' | 'task-running' | 'task-stopped' | 'circuit-breaker-tripped' | 'rollback-started' | 'deployment-completed' | 'deployment-replaced' | 'throttled';
  service: string;
  deploymentId?: string;
  taskArn?: string;
  detail?: string;
}


export interface SeededService {
  serviceArn: string;
  clusterArn: string;
  /** The task definition the service runs (or is rolling out to with `rollout`). */
  taskDefinitionArn: string;
  /** The task definition that ran before (`rollout`), else undefined. */
  previousTaskDefinitionArn?: string;
  deploymentId: string;
}

export type SimulatedEcs = EcsPort & {
  readonly simulation: SimulationInfo;
  /** Every port call, oldest first (the last 10 000). */
  readonly calls: readonly SimulatedCall[];
  /** Pre-creates a running service (with its cluster and task definitions) — no port call is counted. */
  seedService(options: SeedServiceOptions): SeededService;
  /** Creates clusters without counting a call. */
  seedCluster(name: string): EcsCluster;
  /** What happened so far (catches up to the clock first), oldest first. */
  timeline(): SimulatedHappening[];
};

export interface SimulatorOptions {
  clock: Clock;
  scenario?: SimulationScenario;
  /** Divides every duration (the CLI's --simulate-speed). Default 1: real time. */
  speed?: number;
  region?: string;
  /** Clusters that exist from the start (default ['default']). */
  clusters?: string[];
}

interface SimTaskDefinition {
  arn: string;
  family: string;
  revision: number;
  status: TaskDefinitionStatus;
  json: JsonObject;
  tags: Array<{key: string; value: string}>;
}

interface SimTask {
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

interface SimDeployment {
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
}

interface SimService {
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
}

interface Scheduled {
  at: number;
  seq: number;
  run: (at: number) => void;
}

/** Deterministic pseudo-random hex (xorshift over a counter): ids look like AWS's and never repeat. */
function hexOf(n: number, length: number): string {
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

const iso = (ms: number): string => new Date(ms).toISOString();

const throttled = (): AwsError =>
  new AwsError('ECS is throttling requests (Rate exceeded) [simulated]', {kind: 'throttled', awsName: 'ThrottlingException'});
const notFound = (awsName: string, message: string): AwsError => new AwsError(`${message} [simulated]`, {kind: 'not-found', awsName});
const invalid = (message: string, awsName = 'InvalidParameterException'): AwsError => new AwsError(`${message} [simulated]`, {kind: 'invalid', awsName, exitCode: 2});

const stringField = (input: JsonObject, key: string): string | undefined => {
  const value = input[key];
  return typeof value === 'string' ? value : undefined;
};
const numberField = (input: JsonObject, key: string): number | undefined => {
  const value = input[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
};

function paginate<T>(items: T[], nextToken: string | undefined, pageSize: number): Page<T> {
  const start = nextToken === undefined ? 0 : Number(nextToken);
  const size = Math.max(1, Math.min(100, pageSize));
  const page = items.slice(start, start + size);
  return start + size < items.length ? {items: page, nextToken: String(start + size)} : {items: page};
}

export function createSimulatedEcs(options: SimulatorOptions): SimulatedEcs {
  const {clock} = options;
  const scenario = options.scenario ?? DEFAULT_SIMULATION_SCENARIO;
  const script = SCENARIO_SCRIPTS[scenario];
  const speed = options.speed !== undefined && options.speed > 0 ? options.speed : 1;
  const region = options.region ?? 'us-east-1';
  const scaled = (ms: number): number => Math.max(1, Math.round(ms / speed));

  const clusters = new Map<string, EcsCluster>();
  const taskDefinitions = new Map<string, SimTaskDefinition[]>();
  const services = new Map<string, SimService>();
  const tasks = new Map<string, SimTask>();
  const queue: Scheduled[] = [];
  const calls: SimulatedCall[] = [];
  const happenings: SimulatedHappening[] = [];
  let sequence = 0;
  let counter = 0;
  /** When the first scenario deployment started (throttle windows and the replacement count from it). */
  let scenarioStartedAt: number | undefined;

  const next = (): number => ++counter;
  const clusterArn = (name: string): string => `arn:aws:ecs:${region}:${ACCOUNT}:cluster/${name}`;
  const clusterName = (reference: string | undefined): string => {
    const value = reference ?? 'default';
    return value.startsWith('arn:') ? value.slice(value.lastIndexOf('/') + 1) : value;
  };
  const serviceNameOf = (reference: string): string => (reference.startsWith('arn:') ? reference.slice(reference.lastIndexOf('/') + 1) : reference);
  const keyOf = (cluster: string, service: string): string => `${cluster}/${service}`;

  const record = (happening: SimulatedHappening): void => {
    happenings.push(happening);
    if (happenings.length > MAX_TIMELINE) happenings.splice(0, happenings.length - MAX_TIMELINE);
  };

  const schedule = (at: number, run: (at: number) => void): void => {
    queue.push({at, seq: sequence++, run});
  };

  /** Runs every scheduled happening due by `clock.now()`, in time order. */
  const catchUp = (): void => {
    const now = clock.now();
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
    // Stopped tasks are kept about an hour, like ECS.
    for (const [arn, task] of tasks) {
      if (task.stoppedAt !== undefined && now - task.stoppedAt > STOPPED_TASK_RETENTION_MS) tasks.delete(arn);
    }
  };

  const counted = (method: keyof EcsPort): void => {
    catchUp();
    calls.push({at: clock.now(), method});
    if (calls.length > MAX_CALLS_KEPT) calls.splice(0, calls.length - MAX_CALLS_KEPT);
  };

  // --- task definitions ------------------------------------------------------------------------------------

  const resolveTaskDefinition = (reference: string): SimTaskDefinition | undefined => {
    const path = reference.includes('task-definition/') ? reference.slice(reference.indexOf('task-definition/') + 'task-definition/'.length) : reference;
    const match = /^(.+):(\d+)$/.exec(path);
    const family = match ? match[1]! : path;
    const revisions = taskDefinitions.get(family) ?? [];
    if (match) return revisions.find((candidate) => candidate.revision === Number(match[2]));
    return [...revisions].reverse().find((candidate) => candidate.status === 'ACTIVE');
  };

  const register = (input: JsonObject, at: number): SimTaskDefinition => {
    const family = stringField(input, 'family');
    if (family === undefined || !/^[A-Za-z0-9_-]{1,255}$/.test(family)) throw invalid('Family contains invalid characters or is missing.', 'ClientException');
    const containers = input.containerDefinitions;
    if (!Array.isArray(containers) || containers.length === 0) throw invalid('Container list cannot be empty.', 'ClientException');
    const revisions = taskDefinitions.get(family) ?? [];
    const revision = (revisions.at(-1)?.revision ?? 0) + 1;
    const arn = `arn:aws:ecs:${region}:${ACCOUNT}:task-definition/${family}:${revision}`;
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
    const tagList = Array.isArray(tags)
      ? tags.filter(isJsonObject).map((tag) => ({key: String(tag.key ?? ''), value: String(tag.value ?? '')}))
      : [];
    const definition: SimTaskDefinition = {arn, family, revision, status: 'ACTIVE', json, tags: tagList};
    taskDefinitions.set(family, [...revisions, definition]);
    return definition;
  };

  const containersOf = (taskDefinitionArn: string): Array<{name: string; image: string}> => {
    const definition = resolveTaskDefinition(taskDefinitionArn);
    const list = definition?.json.containerDefinitions;
    if (!Array.isArray(list)) return [{name: 'app', image: 'app:latest'}];
    return list.filter(isJsonObject).map((container, index) => ({
      name: typeof container.name === 'string' ? container.name : `container-${index}`,
      image: typeof container.image === 'string' ? container.image : 'app:latest',
    }));
  };

  // --- services and rollouts -------------------------------------------------------------------------------

  const addEvent = (service: SimService, at: number, message: string): void => {
    const n = next();
    const id = `${hexOf(n, 8)}-${hexOf(n + 1, 4)}-4${hexOf(n + 2, 3)}-a${hexOf(n + 3, 3)}-${hexOf(n + 4, 12)}`;
    service.events.unshift({id, createdAt: iso(at), message: `(service ${service.name}) ${message}`});
    if (service.events.length > MAX_EVENTS) service.events.length = MAX_EVENTS;
  };

  const tasksOf = (deployment: SimDeployment): SimTask[] => [...tasks.values()].filter((task) => task.deploymentId === deployment.id);
  const live = (task: SimTask): boolean => task.desiredStatus === 'RUNNING' && task.lastStatus !== 'STOPPED';
  const runningOf = (deployment: SimDeployment): number => tasksOf(deployment).filter((task) => live(task) && task.lastStatus === 'RUNNING').length;
  /** Running long enough to count as healthy (old tasks drain and the rollout completes only on healthy tasks). */
  const healthyOf = (deployment: SimDeployment, at: number): number =>
    tasksOf(deployment).filter((task) => live(task) && task.lastStatus === 'RUNNING' && task.startedAt !== undefined && at - task.startedAt >= scaled(STEADY_AFTER_MS)).length;
  const pendingOf = (deployment: SimDeployment): number => tasksOf(deployment).filter((task) => live(task) && task.lastStatus !== 'RUNNING').length;

  const newDeploymentId = (): string => `ecs-svc/${String(4_700_000_000 + next() * 7_919).padStart(10, '0')}${hexOf(counter, 9).replace(/[a-f]/g, (c) => String(c.charCodeAt(0) % 10))}`;

  const startDeployment = (service: SimService, taskDefinition: string, at: number, fate: TaskFate, why: 'user' | 'rollback' | 'replacement' | 'seed'): SimDeployment => {
    for (const deployment of service.deployments) {
      if (deployment.status === 'PRIMARY') {
        deployment.status = 'ACTIVE';
        deployment.updatedAt = at;
      }
    }
    const deployment: SimDeployment = {
      id: newDeploymentId(),
      status: 'PRIMARY',
      taskDefinition,
      desiredCount: service.desiredCount,
      failedTasks: 0,
      rolloutState: 'IN_PROGRESS',
      rolloutStateReason: 'ECS deployment in progress.',
      createdAt: at,
      updatedAt: at,
      launchType: service.launchType,
      fate,
      launchAfter: at,
    };
    service.deployments.unshift(deployment);
    service.status = 'ACTIVE';
    record({at, kind: why === 'rollback' ? 'rollback-started' : why === 'replacement' ? 'deployment-replaced' : 'deployment-started', service: service.name, deploymentId: deployment.id, detail: taskDefinition});
    if (why === 'user' && scenarioStartedAt === undefined && fate === script.fate) {
      scenarioStartedAt = at;
      if (script.replaceAfterMs !== undefined) schedule(at + scaled(script.replaceAfterMs), (when) => replace(service, when));
    }
    schedule(at, (when) => reconcile(service, when));
    return deployment;
  };

  /** The `replaced` scenario: someone else registers a newer revision and updates the service. */
  const replace = (service: SimService, at: number): void => {
    const primary = service.deployments.find((deployment) => deployment.status === 'PRIMARY');
    if (service.status !== 'ACTIVE' || primary === undefined) return;
    const current = resolveTaskDefinition(primary.taskDefinition);
    if (current === undefined) return;
    const {taskDefinitionArn, revision, status, requiresAttributes, compatibilities, registeredAt, registeredBy, ...body} = current.json;
    void taskDefinitionArn, revision, status, requiresAttributes, compatibilities, registeredAt, registeredBy;
    const containers = Array.isArray(body.containerDefinitions) ? body.containerDefinitions : [];
    const retagged: JsonValue[] = containers.map((container, index) =>
      isJsonObject(container) && index === 0 && typeof container.image === 'string'
        ? {...container, image: container.image.replace(/(:[^:/@]+)?$/, ':hotfix')}
        : container,
    );
    const newer = register({...body, containerDefinitions: retagged}, at);
    startDeployment(service, newer.arn, at, HEALTHY_FATE, 'replacement');
  };

  const newTask = (service: SimService, deployment: SimDeployment): SimTask => {
    const id = hexOf(next(), 32);
    const arn = `arn:aws:ecs:${region}:${ACCOUNT}:task/${service.cluster}/${id}`;
    const task: SimTask = {
      arn,
      cluster: service.cluster,
      serviceKey: service.key,
      deploymentId: deployment.id,
      taskDefinitionArn: deployment.taskDefinition,
      lastStatus: 'PROVISIONING',
      desiredStatus: 'RUNNING',
      containers: containersOf(deployment.taskDefinition).map((container) => ({name: container.name, image: container.image, lastStatus: 'PENDING'})),
    };
    tasks.set(arn, task);
    return task;
  };

  const launch = (service: SimService, deployment: SimDeployment, count: number, at: number): void => {
    const started: string[] = [];
    const containers = containersOf(deployment.taskDefinition);
    for (let i = 0; i < count; i++) {
      const task = newTask(service, deployment);
      started.push(task.arn.slice(task.arn.lastIndexOf('/') + 1));
      record({at, kind: 'task-started', service: service.name, deploymentId: deployment.id, taskArn: task.arn});
      const fate = deployment.fate;
      const pendingAt = at + scaled(fate.provisionMs + i * fate.staggerMs);
      const decidedAt = pendingAt + scaled(fate.pendingMs);
      schedule(pendingAt, () => {
        if (task.lastStatus === 'PROVISIONING') task.lastStatus = 'PENDING';
      });
      schedule(decidedAt, (when) => {
        if (task.lastStatus === 'STOPPED' || task.desiredStatus === 'STOPPED') return;
        if (fate.kind === 'pull-failure') {
          const image = containers[0]?.image ?? 'app:latest';
          const reason = `CannotPullContainerError: Error response from daemon: manifest for ${image} not found: manifest unknown: manifest unknown`;
          stopTask(task, when, {stopCode: 'TaskFailedToStart', stoppedReason: reason, containerReason: reason});
          failed(service, deployment, when);
          return;
        }
        task.lastStatus = 'RUNNING';
        task.startedAt = when;
        for (const container of task.containers) container.lastStatus = 'RUNNING';
        record({at: when, kind: 'task-running', service: service.name, deploymentId: deployment.id, taskArn: task.arn});
        schedule(when + scaled(STEADY_AFTER_MS), (steadyAt) => reconcile(service, steadyAt));
        if (fate.kind === 'crash') {
          schedule(when + scaled(fate.crashAfterMs ?? 5_000), (crashAt) => {
            if (task.lastStatus === 'STOPPED' || task.desiredStatus === 'STOPPED') return;
            stopTask(task, crashAt, {stopCode: 'EssentialContainerExited', stoppedReason: 'Essential container in task exited', exitCode: fate.crashExitCode ?? 1});
            failed(service, deployment, crashAt);
          });
        }
        reconcile(service, when);
      });
    }
    if (started.length > 0) addEvent(service, at, `has started ${started.length} tasks: ${started.map((id) => `(task ${id})`).join(' ')}.`);
  };

  const stopTask = (task: SimTask, at: number, how: {stopCode: string; stoppedReason: string; exitCode?: number; containerReason?: string}): void => {
    task.lastStatus = 'STOPPED';
    task.desiredStatus = 'STOPPED';
    task.stopCode = how.stopCode;
    task.stoppedReason = how.stoppedReason;
    task.stoppedAt = at;
    task.containers = task.containers.map((container, index) => ({
      ...container,
      lastStatus: 'STOPPED',
      ...(how.exitCode !== undefined && index === 0 ? {exitCode: how.exitCode} : how.stopCode === 'ServiceSchedulerInitiated' && task.startedAt !== undefined ? {exitCode: 0} : {}),
      ...(how.containerReason !== undefined && index === 0 ? {reason: how.containerReason} : {}),
    }));
    record({at, kind: 'task-stopped', service: task.serviceKey.slice(task.serviceKey.indexOf('/') + 1), deploymentId: task.deploymentId, taskArn: task.arn, detail: how.stoppedReason});
  };

  /** A task of `deployment` failed: count it, trip the circuit breaker, relaunch later. */
  const failed = (service: SimService, deployment: SimDeployment, at: number): void => {
    deployment.failedTasks += 1;
    deployment.updatedAt = at;
    deployment.launchAfter = at + scaled(RELAUNCH_DELAY_MS);
    if (
      service.circuitBreaker.enable &&
      deployment.status === 'PRIMARY' &&
      deployment.rolloutState === 'IN_PROGRESS' &&
      deployment.failedTasks >= circuitBreakerThreshold(deployment.desiredCount)
    ) {
      deployment.rolloutState = 'FAILED';
      deployment.rolloutStateReason = 'ECS deployment circuit breaker: tasks failed to start.';
      addEvent(service, at, `(deployment ${deployment.id}) deployment failed: tasks failed to start.`);
      record({at, kind: 'circuit-breaker-tripped', service: service.name, deploymentId: deployment.id, detail: `${deployment.failedTasks} failed tasks`});
      if (service.circuitBreaker.rollback && service.lastStable !== undefined && service.lastStable !== deployment.taskDefinition) {
        const rollback = startDeployment(service, service.lastStable, at, HEALTHY_FATE, 'rollback');
        addEvent(service, at, `rolling back to deployment ${rollback.id}.`);
      }
    }
    schedule(deployment.launchAfter, (when) => reconcile(service, when));
  };

  const reconcile = (service: SimService, at: number): void => {
    if (service.status !== 'ACTIVE') return;
    const primary = service.deployments.find((deployment) => deployment.status === 'PRIMARY');
    if (primary === undefined) return;
    // 1. The PRIMARY launches up to its desired count (not once it FAILED under the circuit breaker).
    const stoppedLaunching = primary.rolloutState === 'FAILED' && service.circuitBreaker.enable;
    const missing = primary.desiredCount - tasksOf(primary).filter(live).length;
    if (!stoppedLaunching && missing > 0) {
      if (at >= primary.launchAfter) launch(service, primary, missing, at);
      else schedule(primary.launchAfter, (when) => reconcile(service, when));
    }
    if (!stoppedLaunching && missing < 0) {
      const surplus = tasksOf(primary).filter(live).slice(0, -missing);
      for (const task of surplus) stopTask(task, at, {stopCode: 'ServiceSchedulerInitiated', stoppedReason: `Scaling activity initiated by (deployment ${primary.id})`});
      if (surplus.length > 0) addEvent(service, at, `has stopped ${surplus.length} running tasks: ${surplus.map((task) => `(task ${task.arn.slice(task.arn.lastIndexOf('/') + 1)})`).join(' ')}.`);
    }
    // 2. Once the PRIMARY runs its desired count, older deployments drain and disappear.
    const healthy = healthyOf(primary, at) >= primary.desiredCount;
    if (healthy) {
      const drained: SimTask[] = [];
      for (const old of service.deployments.filter((deployment) => deployment !== primary)) {
        for (const task of tasksOf(old).filter(live)) {
          stopTask(task, at, {stopCode: 'ServiceSchedulerInitiated', stoppedReason: `Scaling activity initiated by (deployment ${primary.id})`});
          drained.push(task);
        }
      }
      if (drained.length > 0) addEvent(service, at, `has stopped ${drained.length} running tasks: ${drained.map((task) => `(task ${task.arn.slice(task.arn.lastIndexOf('/') + 1)})`).join(' ')}.`);
      service.deployments = service.deployments.filter((deployment) => deployment === primary);
    }
    // 3. The PRIMARY alone with its desired count running: COMPLETED.
    if (healthy && service.deployments.length === 1 && primary.rolloutState === 'IN_PROGRESS' && runningOf(primary) === primary.desiredCount) {
      primary.rolloutState = 'COMPLETED';
      primary.rolloutStateReason = `ECS deployment ${primary.id} completed.`;
      primary.updatedAt = at;
      service.lastStable = primary.taskDefinition;
      addEvent(service, at, `(deployment ${primary.id}) deployment completed.`);
      addEvent(service, at, 'has reached a steady state.');
      record({at, kind: 'deployment-completed', service: service.name, deploymentId: primary.id, detail: primary.taskDefinition});
    }
  };

  const deploymentState = (deployment: SimDeployment): EcsDeployment => ({
    id: deployment.id,
    status: deployment.status,
    taskDefinition: deployment.taskDefinition,
    desiredCount: deployment.desiredCount,
    pendingCount: pendingOf(deployment),
    runningCount: runningOf(deployment),
    failedTasks: deployment.failedTasks,
    rolloutState: deployment.rolloutState,
    rolloutStateReason: deployment.rolloutStateReason,
    launchType: deployment.launchType,
    createdAt: iso(deployment.createdAt),
    updatedAt: iso(deployment.updatedAt),
  });

  const serviceState = (service: SimService): EcsServiceState => {
    const deployments = service.deployments.map(deploymentState);
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
      launchType: service.launchType,
      taskDefinition,
      deploymentConfiguration: {
        ...(isJsonObject(service.input.deploymentConfiguration) ? service.input.deploymentConfiguration : {}),
        deploymentCircuitBreaker: {enable: service.circuitBreaker.enable, rollback: service.circuitBreaker.rollback},
        ...(daemon ? {maximumPercent: 100, minimumHealthyPercent: 0} : {maximumPercent: 200, minimumHealthyPercent: 100}),
      },
      deployments: deployments.map((deployment) => ({...deployment}) as unknown as JsonObject),
      events: events.map((event) => ({...event})),
      createdAt: iso(service.createdAt),
      schedulingStrategy: daemon ? 'DAEMON' : 'REPLICA',
      deploymentController: {type: 'ECS'},
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
      raw,
    };
  };

  const taskState = (task: SimTask): EcsTask => ({
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
  });

  /** A user deployment fares per the scenario, unless its task definition already completed on this service. */
  const fateFor = (service: SimService | undefined, taskDefinition: string): TaskFate =>
    service?.lastStable === taskDefinition ? HEALTHY_FATE : script.fate;

  const circuitBreakerOf = (input: JsonObject): {enable: boolean; rollback: boolean} => {
    const configuration = input.deploymentConfiguration;
    const breaker = isJsonObject(configuration) ? configuration.deploymentCircuitBreaker : undefined;
    if (!isJsonObject(breaker)) return {enable: true, rollback: true};
    return {enable: breaker.enable === true, rollback: breaker.rollback === true};
  };

  const ensureCluster = (name: string): EcsCluster => {
    const existing = clusters.get(name);
    if (existing && existing.status === 'ACTIVE') return existing;
    const cluster: EcsCluster = {name, arn: clusterArn(name), status: 'ACTIVE'};
    clusters.set(name, cluster);
    return cluster;
  };

  const createServiceAt = (input: JsonObject, at: number, why: 'user' | 'seed'): SimService => {
    const cluster = clusterName(stringField(input, 'cluster'));
    if (clusters.get(cluster)?.status !== 'ACTIVE') throw notFound('ClusterNotFoundException', `Cluster not found: ${cluster}.`);
    const name = stringField(input, 'serviceName');
    if (name === undefined || !/^[A-Za-z0-9_-]{1,255}$/.test(name)) throw invalid('serviceName is missing or invalid.');
    const key = keyOf(cluster, name);
    const existing = services.get(key);
    if (existing && existing.status !== 'INACTIVE') throw invalid('Creation of service was not idempotent.');
    const reference = stringField(input, 'taskDefinition');
    if (reference === undefined) throw invalid('TaskDefinition is required.');
    const definition = resolveTaskDefinition(reference);
    if (definition === undefined || definition.status !== 'ACTIVE') throw invalid('TaskDefinition not found.', 'ClientException');
    const desiredCount = numberField(input, 'desiredCount') ?? 1;
    if (desiredCount < 0) throw invalid('desiredCount must be 0 or more.');
    const service: SimService = {
      key,
      name,
      arn: `arn:aws:ecs:${region}:${ACCOUNT}:service/${cluster}/${name}`,
      cluster,
      clusterArn: clusterArn(cluster),
      status: 'ACTIVE',
      desiredCount,
      launchType: stringField(input, 'launchType') ?? 'FARGATE',
      circuitBreaker: circuitBreakerOf(input),
      deployments: [],
      events: [],
      input: {...input},
      createdAt: at,
    };
    services.set(key, service);
    startDeployment(service, definition.arn, at, why === 'seed' ? HEALTHY_FATE : fateFor(undefined, definition.arn), why);
    return service;
  };

  const findService = (cluster: string, reference: string): SimService | undefined => services.get(keyOf(cluster, serviceNameOf(reference)));

  // --- the port --------------------------------------------------------------------------------------------

  for (const name of options.clusters ?? ['default']) ensureCluster(name);

  const port: SimulatedEcs = {
    region,
    simulation: {simulated: true, scenario, speed},
    calls,

    async listClusters(nextToken) {
      counted('listClusters');
      return paginate([...clusters.values()].filter((cluster) => cluster.status === 'ACTIVE').map((cluster) => cluster.arn), nextToken, 100);
    },

    async describeClusters(names) {
      counted('describeClusters');
      return names.flatMap((name) => {
        const cluster = clusters.get(clusterName(name));
        return cluster ? [{...cluster}] : [];
      });
    },

    async createCluster(name) {
      counted('createCluster');
      if (!/^[A-Za-z0-9_-]{1,255}$/.test(name)) throw invalid('Cluster name is invalid.');
      return {...ensureCluster(name)};
    },

    async listTaskDefinitionFamilies({status, familyPrefix, nextToken, maxResults}) {
      counted('listTaskDefinitionFamilies');
      const families = [...taskDefinitions.entries()]
        .filter(([family, revisions]) => (familyPrefix === undefined || family.startsWith(familyPrefix)) && (status === undefined || revisions.some((revision) => revision.status === status)))
        .map(([family]) => family)
        .sort();
      return paginate(families, nextToken, maxResults ?? 100);
    },

    async listTaskDefinitions({familyPrefix, status, sort, nextToken, maxResults}) {
      counted('listTaskDefinitions');
      const arns = [...taskDefinitions.values()]
        .flat()
        .filter((definition) => (familyPrefix === undefined || definition.family === familyPrefix) && (status === undefined || definition.status === status))
        .sort((a, b) => a.family.localeCompare(b.family) || a.revision - b.revision)
        .map((definition) => definition.arn);
      if (sort === 'DESC') arns.reverse();
      return paginate(arns, nextToken, maxResults ?? 100);
    },

    async describeTaskDefinition(reference) {
      counted('describeTaskDefinition');
      const definition = resolveTaskDefinition(reference);
      if (definition === undefined) return undefined;
      return {taskDefinition: structuredClone(definition.json), tags: definition.tags.map((tag) => ({...tag}))};
    },

    async registerTaskDefinition(input): Promise<RegisteredTaskDefinition> {
      counted('registerTaskDefinition');
      const definition = register(input, clock.now());
      return {arn: definition.arn, family: definition.family, revision: definition.revision, taskDefinition: structuredClone(definition.json)};
    },

    async listServices(cluster, nextToken) {
      counted('listServices');
      const name = clusterName(cluster);
      if (clusters.get(name) === undefined) throw notFound('ClusterNotFoundException', `Cluster not found: ${name}.`);
      const arns = [...services.values()].filter((service) => service.cluster === name && service.status === 'ACTIVE').map((service) => service.arn);
      return paginate(arns, nextToken, 10);
    },

    async describeServices(cluster, names) {
      counted('describeServices');
      const now = clock.now();
      if (scenarioStartedAt !== undefined) {
        const since = now - scenarioStartedAt;
        if (script.throttleWindows.some((window) => since >= scaled(window.fromMs) && since < scaled(window.toMs))) {
          record({at: now, kind: 'throttled', service: names.join(',')});
          throw throttled();
        }
      }
      const name = clusterName(cluster);
      if (clusters.get(name) === undefined) throw notFound('ClusterNotFoundException', `Cluster not found: ${name}.`);
      return names.flatMap((reference) => {
        const service = findService(name, reference);
        return service ? [serviceState(service)] : [];
      });
    },

    async createService(input) {
      counted('createService');
      return serviceState(createServiceAt(input, clock.now(), 'user'));
    },

    async updateService(input) {
      counted('updateService');
      const at = clock.now();
      const cluster = clusterName(stringField(input, 'cluster'));
      if (clusters.get(cluster) === undefined) throw notFound('ClusterNotFoundException', `Cluster not found: ${cluster}.`);
      const reference = stringField(input, 'service') ?? stringField(input, 'serviceName');
      const service = reference === undefined ? undefined : findService(cluster, reference);
      if (service === undefined || service.status !== 'ACTIVE') throw notFound('ServiceNotFoundException', `Service not found: ${reference ?? '(none)'}.`);
      const desiredCount = numberField(input, 'desiredCount');
      if (desiredCount !== undefined) {
        if (desiredCount < 0) throw invalid('desiredCount must be 0 or more.');
        service.desiredCount = desiredCount;
      }
      if (isJsonObject(input.deploymentConfiguration)) {
        service.circuitBreaker = circuitBreakerOf(input);
        service.input = {...service.input, deploymentConfiguration: input.deploymentConfiguration};
      }
      const primary = service.deployments.find((deployment) => deployment.status === 'PRIMARY');
      const taskReference = stringField(input, 'taskDefinition');
      let taskDefinition = primary?.taskDefinition;
      if (taskReference !== undefined) {
        const definition = resolveTaskDefinition(taskReference);
        if (definition === undefined || definition.status !== 'ACTIVE') throw invalid('TaskDefinition not found.', 'ClientException');
        taskDefinition = definition.arn;
      }
      if (taskDefinition === undefined) throw invalid('TaskDefinition is required.');
      if (primary === undefined || taskDefinition !== primary.taskDefinition || input.forceNewDeployment === true) {
        startDeployment(service, taskDefinition, at, fateFor(service, taskDefinition), 'user');
      } else if (desiredCount !== undefined) {
        primary.desiredCount = desiredCount;
        primary.updatedAt = at;
        if (primary.rolloutState === 'COMPLETED' && runningOf(primary) !== desiredCount) primary.rolloutState = 'IN_PROGRESS';
        schedule(at, (when) => reconcile(service, when));
      }
      catchUp();
      return serviceState(service);
    },

    async listTasks({cluster, startedBy, serviceName, desiredStatus}) {
      counted('listTasks');
      const name = clusterName(cluster);
      if (clusters.get(name) === undefined) throw notFound('ClusterNotFoundException', `Cluster not found: ${name}.`);
      const wanted = desiredStatus ?? 'RUNNING';
      return [...tasks.values()]
        .filter((task) => task.cluster === name)
        .filter((task) => startedBy === undefined || task.deploymentId === startedBy)
        .filter((task) => serviceName === undefined || task.serviceKey === keyOf(name, serviceNameOf(serviceName)))
        .filter((task) => (wanted === 'PENDING' ? task.desiredStatus === 'RUNNING' && task.lastStatus !== 'RUNNING' : task.desiredStatus === wanted))
        .map((task) => task.arn);
    },

    async describeTasks(cluster, taskArns) {
      counted('describeTasks');
      const name = clusterName(cluster);
      return taskArns.flatMap((reference) => {
        const task = tasks.get(reference) ?? [...tasks.values()].find((candidate) => candidate.arn.endsWith(`/${reference}`));
        return task && task.cluster === name ? [taskState(task)] : [];
      });
    },

    seedCluster(name) {
      return {...ensureCluster(name)};
    },

    seedService(seed) {
      catchUp();
      const at = clock.now();
      const cluster = ensureCluster(seed.cluster ?? 'default').name;
      const family = seed.family ?? (typeof seed.taskDefinition?.['family'] === 'string' ? seed.taskDefinition['family'] : seed.serviceName);
      const seededImage = (seed.taskDefinition?.['containerDefinitions'] as Array<{image?: unknown}> | undefined)?.[0]?.image;
      const image = seed.image ?? (typeof seededImage === 'string' ? seededImage : 'public.ecr.aws/nginx/nginx:1.27');
      const revisions = Math.max(1, seed.revisions ?? 1);
      const body = (tag: string): JsonObject => {
        if (seed.taskDefinition !== undefined) {
          const json = structuredClone(seed.taskDefinition);
          const first = Array.isArray(json['containerDefinitions']) ? json['containerDefinitions'][0] : undefined;
          if (tag !== image && first !== undefined && typeof first === 'object' && first !== null && !Array.isArray(first)) first['image'] = tag;
          return json;
        }
        return {
          family,
          networkMode: 'awsvpc',
          requiresCompatibilities: [seed.launchType ?? 'FARGATE'],
          cpu: '256',
          memory: '512',
          executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/ecsTaskExecutionRole`,
          containerDefinitions: [{name: seed.serviceName, image: tag, essential: true, portMappings: [{containerPort: 80, protocol: 'tcp'}]}],
        };
      };
      let definition: SimTaskDefinition | undefined;
      for (let i = 0; i < revisions; i++) definition = register(body(image), at);
      // A seeded service has been running for a while (its events predate anything the user does next).
      const past = at - 10 * 60_000;
      const service = createServiceAt(
        {
          ...(seed.service ?? {launchType: seed.launchType ?? 'FARGATE'}),
          cluster,
          serviceName: seed.serviceName,
          taskDefinition: definition!.arn,
          desiredCount: seed.desiredCount ?? 2,
        },
        past,
        'seed',
      );
      // Make it already running and COMPLETED: run its tasks now.
      const primary = service.deployments[0]!;
      for (let i = 0; i < primary.desiredCount; i++) {
        const task = newTask(service, primary);
        task.lastStatus = 'RUNNING';
        task.startedAt = past;
        for (const container of task.containers) container.lastStatus = 'RUNNING';
      }
      service.events = [];
      primary.rolloutState = 'COMPLETED';
      primary.rolloutStateReason = `ECS deployment ${primary.id} completed.`;
      service.lastStable = primary.taskDefinition;
      addEvent(service, past + 30_000, 'has reached a steady state.');
      const result: SeededService = {serviceArn: service.arn, clusterArn: service.clusterArn, taskDefinitionArn: primary.taskDefinition, deploymentId: primary.id};
      if (seed.rollout) {
        const newer = register(body(image.replace(/(:[^:/@]+)?$/, ':next')), at);
        const deployment = startDeployment(service, newer.arn, at, script.fate, 'user');
        return {...result, taskDefinitionArn: newer.arn, previousTaskDefinitionArn: primary.taskDefinition, deploymentId: deployment.id};
      }
      return result;
    },

    timeline() {
      catchUp();
      return happenings.map((happening) => ({...happening}));
    },
  };
  return port;
}
