/**
 * The rollout simulator: an in-memory implementation of the whole EcsPort whose deployments progress with the
 * injected clock's time. It is the embedded default of `--simulate[=SCENARIO]` (no AWS account needed) and the
 * test double of the watch.
 *
 * How it works: every port call first "catches up" — it runs, in time order, every scheduled happening (a task
 * moving PROVISIONING → PENDING → RUNNING → STOPPED, a relaunch, the replacing deployment) up to `clock.now()`.
 * No timers, no randomness: for a given clock the same calls give the same answers.
 *
 * This file is the port (each call checked and answered like ECS, plus seeding for tests and `--simulate`);
 * state.ts holds what exists, rollout.ts how deployments progress, records.ts ECS's records of them
 * (ListServiceDeployments, DescribeServiceDeployments, DescribeServiceRevisions), scenarios.ts how the scenarios'
 * tasks fare.
 */
import {isJsonObject} from '../../domain/json.js';
import type {JsonObject} from '../../domain/json.js';
import type {Clock} from '../../ports/clock.js';
import type {EcsCluster, EcsContainerState, EcsPort, Page, RegisteredTaskDefinition} from '../../ports/ecs.js';
import {DEFAULT_SIMULATION_SCENARIO, type SeedServiceOptions, type SimulationScenario} from '../../ports/simulation.js';
import {AwsError} from '../../errors.js';
import {briefState, recordCompleted, recordsOf, recordState, revisionState} from './records.js';
import {createRollouts} from './rollout.js';
import {SCENARIO_SCRIPTS} from './scenarios.js';
import {
  ACCOUNT,
  invalid,
  notFound,
  numberField,
  SimulatorState,
  stringField,
  throttled,
  type SimTaskDefinition,
  type SimulatedCall,
  type SimulatedHappening,
} from './state.js';

export interface SimulationInfo {
  readonly simulated: true;
  readonly scenario: SimulationScenario;
  readonly speed: number;
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
  /** Every task kept (catches up first) with its task definition: what the simulated CloudWatch Logs serve (logs.ts). */
  logSources(): SimulatedLogSource[];
};

/** A task as the simulated CloudWatch Logs see it: when it ran, how it ended, where its containers log. */
export interface SimulatedLogSource {
  taskArn: string;
  taskDefinition: JsonObject;
  startedAt?: number;
  stoppedAt?: number;
  stoppedReason?: string;
  containers: EcsContainerState[];
}

export interface SimulatorOptions {
  clock: Clock;
  scenario?: SimulationScenario;
  /** Divides every duration (the CLI's --simulate-speed). Default 1: real time. */
  speed?: number;
  region?: string;
  /** Clusters that exist from the start (default ['default']). */
  clusters?: string[];
  /**
   * Whether ListServiceDeployments, DescribeServiceDeployments and DescribeServiceRevisions are answered (default
   * true). false plays an endpoint without them, as moto: they throw AwsError kind `unsupported`.
   */
  serviceDeployments?: boolean;
}

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
  const state = new SimulatorState(clock, region, speed, options.serviceDeployments !== false);
  const rollouts = createRollouts(state, script);

  // --- the port --------------------------------------------------------------------------------------------

  for (const name of options.clusters ?? ['default']) state.ensureCluster(name);
  const recordsAnswered = (operation: string): void => {
    if (options.serviceDeployments === false)
      throw new AwsError(`the simulator plays an endpoint without ecs:${operation} [simulated]`, {kind: 'unsupported', awsName: 'SyntaxError'});
  };

  const port: SimulatedEcs = {
    region,
    simulation: {simulated: true, scenario, speed},
    calls: state.calls,

    async listClusters(nextToken) {
      state.counted('listClusters');
      return paginate(
        [...state.clusters.values()].filter((cluster) => cluster.status === 'ACTIVE').map((cluster) => cluster.arn),
        nextToken,
        100,
      );
    },

    async describeClusters(names) {
      state.counted('describeClusters');
      return names.flatMap((name) => {
        const cluster = state.clusters.get(state.clusterName(name));
        return cluster ? [{...cluster}] : [];
      });
    },

    async createCluster(name) {
      state.counted('createCluster');
      if (!/^[A-Za-z0-9_-]{1,255}$/.test(name)) throw invalid('Cluster name is invalid.');
      return {...state.ensureCluster(name)};
    },

    async listTaskDefinitionFamilies({status, familyPrefix, nextToken, maxResults}) {
      state.counted('listTaskDefinitionFamilies');
      const families = [...state.taskDefinitions.entries()]
        .filter(
          ([family, revisions]) =>
            (familyPrefix === undefined || family.startsWith(familyPrefix)) &&
            (status === undefined || revisions.some((revision) => revision.status === status)),
        )
        .map(([family]) => family)
        .sort();
      return paginate(families, nextToken, maxResults ?? 100);
    },

    async listTaskDefinitions({familyPrefix, status, sort, nextToken, maxResults}) {
      state.counted('listTaskDefinitions');
      const arns = [...state.taskDefinitions.values()]
        .flat()
        .filter((definition) => (familyPrefix === undefined || definition.family === familyPrefix) && (status === undefined || definition.status === status))
        .sort((a, b) => a.family.localeCompare(b.family) || a.revision - b.revision)
        .map((definition) => definition.arn);
      if (sort === 'DESC') arns.reverse();
      return paginate(arns, nextToken, maxResults ?? 100);
    },

    async describeTaskDefinition(reference) {
      state.counted('describeTaskDefinition');
      const definition = state.resolveTaskDefinition(reference);
      if (definition === undefined) return undefined;
      return {taskDefinition: structuredClone(definition.json), tags: definition.tags.map((tag) => ({...tag}))};
    },

    async registerTaskDefinition(input): Promise<RegisteredTaskDefinition> {
      state.counted('registerTaskDefinition');
      const definition = state.register(input, clock.now());
      return {arn: definition.arn, family: definition.family, revision: definition.revision, taskDefinition: structuredClone(definition.json)};
    },

    async listServices(cluster, nextToken) {
      state.counted('listServices');
      const name = state.clusterName(cluster);
      if (state.clusters.get(name) === undefined) throw notFound('ClusterNotFoundException', `Cluster not found: ${name}.`);
      const arns = [...state.services.values()].filter((service) => service.cluster === name && service.status === 'ACTIVE').map((service) => service.arn);
      return paginate(arns, nextToken, 10);
    },

    async describeServices(cluster, names) {
      state.counted('describeServices');
      const now = clock.now();
      if (state.scenarioStartedAt !== undefined) {
        const since = now - state.scenarioStartedAt;
        if (script.throttleWindows.some((window) => since >= state.scaled(window.fromMs) && since < state.scaled(window.toMs))) {
          state.record({at: now, kind: 'throttled', service: names.join(',')});
          throw throttled();
        }
      }
      const name = state.clusterName(cluster);
      if (state.clusters.get(name) === undefined) throw notFound('ClusterNotFoundException', `Cluster not found: ${name}.`);
      return names.flatMap((reference) => {
        const service = state.findService(name, reference);
        return service ? [state.serviceState(service)] : [];
      });
    },

    async createService(input) {
      state.counted('createService');
      return state.serviceState(rollouts.createService(input, clock.now(), 'user'));
    },

    async updateService(input) {
      state.counted('updateService');
      const at = clock.now();
      const cluster = state.clusterName(stringField(input, 'cluster'));
      if (state.clusters.get(cluster) === undefined) throw notFound('ClusterNotFoundException', `Cluster not found: ${cluster}.`);
      const reference = stringField(input, 'service') ?? stringField(input, 'serviceName');
      const service = reference === undefined ? undefined : state.findService(cluster, reference);
      if (service === undefined || service.status !== 'ACTIVE') throw notFound('ServiceNotFoundException', `Service not found: ${reference ?? '(none)'}.`);
      const desiredCount = numberField(input, 'desiredCount');
      if (desiredCount !== undefined) {
        if (desiredCount < 0) throw invalid('desiredCount must be 0 or more.');
        service.desiredCount = desiredCount;
      }
      if (isJsonObject(input.deploymentConfiguration)) {
        service.circuitBreaker = rollouts.circuitBreakerOf(input);
        service.input = {...service.input, deploymentConfiguration: input.deploymentConfiguration};
      }
      if (Array.isArray(input.capacityProviderStrategy)) {
        // A new strategy (an empty one goes back to the launch type, as in ECS).
        const {launchType: _launchType, capacityProviderStrategy: _strategy, ...rest} = service.input;
        service.input =
          input.capacityProviderStrategy.length === 0
            ? {...rest, launchType: service.launchType}
            : {...rest, capacityProviderStrategy: input.capacityProviderStrategy};
      }
      const primary = service.deployments.find((deployment) => deployment.status === 'PRIMARY');
      const taskReference = stringField(input, 'taskDefinition');
      let taskDefinition = primary?.taskDefinition;
      if (taskReference !== undefined) {
        const definition = state.resolveTaskDefinition(taskReference);
        if (definition === undefined || definition.status !== 'ACTIVE') throw invalid('TaskDefinition not found.', 'ClientException');
        taskDefinition = definition.arn;
      }
      if (taskDefinition === undefined) throw invalid('TaskDefinition is required.');
      if (primary === undefined || taskDefinition !== primary.taskDefinition || input.forceNewDeployment === true) {
        rollouts.startDeployment(service, taskDefinition, at, rollouts.fateFor(service, taskDefinition), 'user');
      } else if (desiredCount !== undefined) {
        primary.desiredCount = desiredCount;
        primary.updatedAt = at;
        if (primary.rolloutState === 'COMPLETED' && state.runningOf(primary) !== desiredCount) primary.rolloutState = 'IN_PROGRESS';
        state.schedule(at, (when) => rollouts.reconcile(service, when));
      }
      state.catchUp();
      return state.serviceState(service);
    },

    async listTasks({cluster, startedBy, serviceName, desiredStatus}) {
      state.counted('listTasks');
      const name = state.clusterName(cluster);
      if (state.clusters.get(name) === undefined) throw notFound('ClusterNotFoundException', `Cluster not found: ${name}.`);
      const wanted = desiredStatus ?? 'RUNNING';
      return [...state.tasks.values()]
        .filter((task) => task.cluster === name)
        .filter((task) => startedBy === undefined || task.deploymentId === startedBy)
        .filter((task) => serviceName === undefined || task.serviceKey === state.keyOf(name, state.serviceNameOf(serviceName)))
        .filter((task) => (wanted === 'PENDING' ? task.desiredStatus === 'RUNNING' && task.lastStatus !== 'RUNNING' : task.desiredStatus === wanted))
        .map((task) => task.arn);
    },

    async describeTasks(cluster, taskArns) {
      state.counted('describeTasks');
      const name = state.clusterName(cluster);
      return taskArns.flatMap((reference) => {
        const task = state.tasks.get(reference) ?? [...state.tasks.values()].find((candidate) => candidate.arn.endsWith(`/${reference}`));
        return task && task.cluster === name ? [state.taskState(task)] : [];
      });
    },

    async listServiceDeployments({cluster, service: reference, createdAfter}) {
      state.counted('listServiceDeployments');
      recordsAnswered('ListServiceDeployments');
      const name = state.clusterName(cluster);
      if (state.clusters.get(name) === undefined) throw notFound('ClusterNotFoundException', `Cluster not found: ${name}.`);
      const service = state.findService(name, reference);
      if (service === undefined) throw notFound('ServiceNotFoundException', `Service not found: ${reference}.`);
      const after = createdAfter === undefined ? -Infinity : Date.parse(createdAfter);
      return recordsOf(state, service)
        .filter((record) => record.createdAt > after)
        .map(briefState);
    },

    async describeServiceDeployments(arns) {
      state.counted('describeServiceDeployments');
      recordsAnswered('DescribeServiceDeployments');
      return arns.flatMap((arn) => {
        const record = state.records.get(arn);
        return record === undefined ? [] : [recordState(state, record)];
      });
    },

    async stopServiceDeployment(arn, stopType) {
      state.counted('stopServiceDeployment');
      recordsAnswered('StopServiceDeployment');
      state.catchUp();
      const at = clock.now();
      const record = state.records.get(arn);
      if (record === undefined) throw notFound('ServiceDeploymentNotFoundException', `Service deployment not found: ${arn}.`);
      const service = state.services.get(record.serviceKey);
      const deployment = service?.deployments.find((candidate) => candidate.recordArn === arn && candidate.revisionArn === record.targetRevision);
      if (service === undefined || deployment === undefined || record.status !== 'IN_PROGRESS' || deployment.status !== 'PRIMARY')
        throw invalid(`The service deployment is ${record.status}: only a service deployment in progress can be stopped.`);
      state.record({at, kind: 'stop-requested', service: service.name, deploymentId: deployment.id, detail: stopType});
      if (stopType === 'ABORT') rollouts.abort(service, deployment, at);
      else if (!rollouts.rollBackNow(service, deployment, at))
        throw invalid('There is no earlier service revision to roll back to: the service has not completed a deployment before this one.');
      state.catchUp();
      return {arn};
    },

    async describeServiceRevisions(arns) {
      state.counted('describeServiceRevisions');
      recordsAnswered('DescribeServiceRevisions');
      return arns.flatMap((arn) => {
        const revision = state.revisions.get(arn);
        return revision === undefined ? [] : [revisionState(revision)];
      });
    },

    seedCluster(name) {
      return {...state.ensureCluster(name)};
    },

    seedService(seed) {
      state.catchUp();
      const at = clock.now();
      const seededCluster = state.ensureCluster(seed.cluster ?? 'default');
      const cluster = seededCluster.name;
      // The service runs in its cluster as on AWS: the capacity providers its strategy names are attached there.
      const strategy = seed.service?.['capacityProviderStrategy'];
      for (const item of Array.isArray(strategy) ? strategy : []) {
        const provider = isJsonObject(item) ? item['capacityProvider'] : undefined;
        const attached = seededCluster.capacityProviders ?? [];
        if (typeof provider === 'string' && !attached.includes(provider)) seededCluster.capacityProviders = [...attached, provider];
      }
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
      for (let i = 0; i < revisions; i++) definition = state.register(body(image), at);
      // A seeded service has been running for a while (its events predate anything the user does next).
      const past = at - 10 * 60_000;
      const service = rollouts.createService(
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
      // A service seeded as created (the profile's, for `diff --simulate`) without a circuit breaker has ECS's
      // default, none: the profile of an adopted service gives none when the service has none.
      const configuration = seed.service?.['deploymentConfiguration'];
      if (seed.service !== undefined && !(isJsonObject(configuration) && isJsonObject(configuration['deploymentCircuitBreaker']))) {
        service.circuitBreaker = {enable: false, rollback: false};
      }
      // Make it already running and COMPLETED: run its tasks now.
      const primary = service.deployments[0]!;
      for (let i = 0; i < primary.desiredCount; i++) {
        const task = state.newTask(service, primary);
        task.lastStatus = 'RUNNING';
        task.startedAt = past;
        for (const container of task.containers) container.lastStatus = 'RUNNING';
      }
      service.events = [];
      primary.rolloutState = 'COMPLETED';
      primary.rolloutStateReason = `ECS deployment ${primary.id} completed.`;
      service.lastStable = primary.taskDefinition;
      service.lastStableRevision = primary.revisionArn;
      recordCompleted(state, primary, past + 30_000);
      state.addEvent(service, past + 30_000, 'has reached a steady state.');
      const result: SeededService = {
        serviceArn: service.arn,
        clusterArn: service.clusterArn,
        taskDefinitionArn: primary.taskDefinition,
        deploymentId: primary.id,
      };
      if (seed.rollout) {
        const newer = state.register(body(image.replace(/(:[^:/@]+)?$/, ':next')), at);
        const deployment = rollouts.startDeployment(service, newer.arn, at, script.fate, 'user');
        return {...result, taskDefinitionArn: newer.arn, previousTaskDefinitionArn: primary.taskDefinition, deploymentId: deployment.id};
      }
      return result;
    },

    timeline() {
      state.catchUp();
      return state.happenings.map((happening) => ({...happening}));
    },

    logSources() {
      state.catchUp();
      return [...state.tasks.values()].map((task) => ({
        taskArn: task.arn,
        taskDefinition: state.resolveTaskDefinition(task.taskDefinitionArn)?.json ?? {},
        ...(task.startedAt === undefined ? {} : {startedAt: task.startedAt}),
        ...(task.stoppedAt === undefined ? {} : {stoppedAt: task.stoppedAt}),
        ...(task.stoppedReason === undefined ? {} : {stoppedReason: task.stoppedReason}),
        containers: task.containers.map((container) => ({...container})),
      }));
    },
  };
  return port;
}
