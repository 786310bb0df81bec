/**
 * How the simulator's deployments progress (ECS rolling update, minimum healthy 100 %, maximum 200 %), scheduled on
 * the state's queue and run as the clock catches up:
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
 * The scenario's script decides how the tasks of the user's deployments fare; rollback and replacing deployments,
 * and deployments of a task definition that already completed on the service, are healthy. When the CreateService
 * input says nothing about deploymentCircuitBreaker the simulator assumes {enable, rollback} — except for LINEAR and
 * CANARY, which the deploy sends without one (deploy-inputs.ts: ECS documents the breaker for ROLLING and BLUE_GREEN).
 */
import {circuitBreakerThreshold} from '../../domain/deploy/verdict.js';
import {isJsonObject} from '../../domain/json.js';
import type {JsonObject, JsonValue} from '../../domain/json.js';
import {BREAKER_REASON, newRevision, openRecord, recordAborted, recordCompleted, recordFailure, recordRolledBack, recordTripped} from './records.js';
import {createTraffic} from './traffic.js';
import {HEALTHY_FATE, RELAUNCH_DELAY_MS, STEADY_AFTER_MS} from './scenarios.js';
import type {ScenarioScript, TaskFate} from './scenarios.js';
import {ACCOUNT, invalid, live, notFound, numberField, stringField, type SimDeployment, type SimService, type SimTask, type SimulatorState} from './state.js';

export interface Rollouts {
  /**
   * A new PRIMARY deployment of `taskDefinition` (the old PRIMARY becomes ACTIVE), with its service deployment record
   * and revision; a rollback instead goes back to the last completed revision within the record of `rollbackOf`.
   */
  startDeployment(
    service: SimService,
    taskDefinition: string,
    at: number,
    fate: TaskFate,
    why: 'user' | 'rollback' | 'replacement' | 'seed',
    rollbackOf?: SimDeployment,
  ): SimDeployment;
  /** Launch, drain and complete what is due for the service at `at`. */
  reconcile(service: SimService, at: number): void;
  /** CreateService (or a seeded service): checks the input, then starts its first deployment. */
  createService(input: JsonObject, at: number, why: 'user' | 'seed'): SimService;
  /** A user deployment fares per the scenario, unless its task definition already completed on this service. */
  fateFor(service: SimService | undefined, taskDefinition: string): TaskFate;
  circuitBreakerOf(input: JsonObject): {enable: boolean; rollback: boolean};
  /** StopServiceDeployment ROLLBACK of the deployment (traffic back to the last completed revision); false: nothing to go back to. */
  rollBackNow(service: SimService, deployment: SimDeployment, at: number): boolean;
  /** StopServiceDeployment ABORT: the deployment stops where it is, its tasks stop, the one before is PRIMARY again. */
  abort(service: SimService, deployment: SimDeployment, at: number): void;
}

export function createRollouts(state: SimulatorState, script: ScenarioScript): Rollouts {
  const scaled = (ms: number): number => state.scaled(ms);
  const traffic = createTraffic(state, script, {
    rollBack: (service, deployment, at, statusReason, rollbackReason) => rollBack(service, deployment, at, statusReason, rollbackReason),
    crashUnderTraffic: (service, deployment, at) => {
      for (const task of state.tasksOf(deployment).filter((candidate) => candidate.lastStatus === 'RUNNING')) scheduleCrash(service, deployment, task, at);
    },
    reconcile: (service, at) => reconcile(service, at),
  });

  const startDeployment = (
    service: SimService,
    taskDefinition: string,
    at: number,
    fate: TaskFate,
    why: 'user' | 'rollback' | 'replacement' | 'seed',
    rollbackOf?: SimDeployment,
  ): SimDeployment => {
    for (const deployment of service.deployments) {
      if (deployment.status === 'PRIMARY') {
        deployment.status = 'ACTIVE';
        deployment.updatedAt = at;
      }
    }
    const deployment: SimDeployment = {
      id: state.newDeploymentId(),
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
      revisionArn: '',
    };
    const rollback = why === 'rollback' && service.lastStableRevision !== undefined;
    deployment.revisionArn = rollback ? service.lastStableRevision! : newRevision(state, service, deployment.id, taskDefinition, at);
    service.deployments.unshift(deployment);
    service.status = 'ACTIVE';
    if (!rollback) deployment.recordArn = openRecord(state, service, deployment, at).arn;
    else if (rollbackOf?.recordArn !== undefined) deployment.recordArn = rollbackOf.recordArn;
    if (why === 'user') traffic.begin(service, deployment, at);
    state.record({
      at,
      kind: why === 'rollback' ? 'rollback-started' : why === 'replacement' ? 'deployment-replaced' : 'deployment-started',
      service: service.name,
      deploymentId: deployment.id,
      detail: taskDefinition,
    });
    if (why === 'user' && state.scenarioStartedAt === undefined && fate === script.fate) {
      state.scenarioStartedAt = at;
      if (script.replaceAfterMs !== undefined) state.schedule(at + scaled(script.replaceAfterMs), (when) => replace(service, when));
    }
    state.schedule(at, (when) => reconcile(service, when));
    return deployment;
  };

  /** The `replaced` scenario: someone else registers a newer revision and updates the service. */
  const replace = (service: SimService, at: number): void => {
    const primary = service.deployments.find((deployment) => deployment.status === 'PRIMARY');
    if (service.status !== 'ACTIVE' || primary === undefined) return;
    const current = state.resolveTaskDefinition(primary.taskDefinition);
    if (current === undefined) return;
    // What DescribeTaskDefinition adds is left out of the body that is registered again.
    const {
      taskDefinitionArn: _arn,
      revision: _revision,
      status: _status,
      requiresAttributes: _requires,
      compatibilities: _compat,
      registeredAt: _at,
      registeredBy: _by,
      ...body
    } = current.json;
    const containers = Array.isArray(body.containerDefinitions) ? body.containerDefinitions : [];
    const retagged: JsonValue[] = containers.map((container, index) =>
      isJsonObject(container) && index === 0 && typeof container.image === 'string'
        ? {...container, image: container.image.replace(/(:[^:/@]+)?$/, ':hotfix')}
        : container,
    );
    const newer = state.register({...body, containerDefinitions: retagged}, at);
    startDeployment(service, newer.arn, at, HEALTHY_FATE, 'replacement');
  };

  const launch = (service: SimService, deployment: SimDeployment, count: number, at: number): void => {
    const started: string[] = [];
    const containers = state.containersOf(deployment.taskDefinition);
    for (let i = 0; i < count; i++) {
      const task = state.newTask(service, deployment);
      started.push(task.arn.slice(task.arn.lastIndexOf('/') + 1));
      state.record({at, kind: 'task-started', service: service.name, deploymentId: deployment.id, taskArn: task.arn});
      const fate = deployment.fate;
      const pendingAt = at + scaled(fate.provisionMs + i * fate.staggerMs);
      const decidedAt = pendingAt + scaled(fate.pendingMs);
      state.schedule(pendingAt, () => {
        if (task.lastStatus === 'PROVISIONING') task.lastStatus = 'PENDING';
      });
      state.schedule(decidedAt, (when) => {
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
        state.record({at: when, kind: 'task-running', service: service.name, deploymentId: deployment.id, taskArn: task.arn});
        state.schedule(when + scaled(STEADY_AFTER_MS), (steadyAt) => reconcile(service, steadyAt));
        // A green revision of a traffic strategy crashes once it takes production traffic (traffic.ts).
        const record = deployment.recordArn === undefined ? undefined : state.records.get(deployment.recordArn);
        if (fate.kind === 'crash' && (deployment.traffic === undefined || (record?.productionWeight ?? 0) > 0)) scheduleCrash(service, deployment, task, when);
        reconcile(service, when);
      });
    }
    if (started.length > 0) state.addEvent(service, at, `has started ${started.length} tasks: ${started.map((id) => `(task ${id})`).join(' ')}.`);
  };

  const scheduleCrash = (service: SimService, deployment: SimDeployment, task: SimTask, from: number): void => {
    const fate = deployment.fate;
    state.schedule(from + scaled(fate.crashAfterMs ?? 5_000), (crashAt) => {
      if (task.lastStatus === 'STOPPED' || task.desiredStatus === 'STOPPED') return;
      stopTask(task, crashAt, {
        stopCode: 'EssentialContainerExited',
        stoppedReason: 'Essential container in task exited',
        exitCode: fate.crashExitCode ?? 1,
      });
      failed(service, deployment, crashAt);
    });
  };

  /** Rolls `deployment` back for a reason other than the circuit breaker (a hook, an alarm, a stop request). */
  const rollBack = (service: SimService, deployment: SimDeployment, at: number, statusReason: string, rollbackReason: string): boolean => {
    if (deployment.status !== 'PRIMARY' || deployment.rolloutState !== 'IN_PROGRESS') return false;
    if (service.lastStable === undefined || service.lastStableRevision === undefined || service.lastStable === deployment.taskDefinition) return false;
    deployment.rolloutState = 'FAILED';
    deployment.rolloutStateReason = statusReason;
    deployment.updatedAt = at;
    recordRolledBack(state, deployment, at, service.lastStableRevision, statusReason, rollbackReason);
    state.addEvent(service, at, `(deployment ${deployment.id}) deployment failed: ${statusReason}`);
    const rollback = startDeployment(service, service.lastStable, at, HEALTHY_FATE, 'rollback', deployment);
    state.addEvent(service, at, `rolling back to deployment ${rollback.id}.`);
    return true;
  };

  const abort = (service: SimService, deployment: SimDeployment, at: number): void => {
    recordAborted(state, deployment, at);
    const stopped = state.tasksOf(deployment).filter(live);
    for (const task of stopped)
      stopTask(task, at, {stopCode: 'ServiceSchedulerInitiated', stoppedReason: `Service deployment ${deployment.id} was stopped (ABORT)`});
    service.deployments = service.deployments.filter((other) => other !== deployment);
    const previous = service.deployments[0];
    if (previous !== undefined) {
      previous.status = 'PRIMARY';
      previous.updatedAt = at;
    }
    state.addEvent(service, at, `(deployment ${deployment.id}) service deployment stopped (ABORT).`);
    state.schedule(at, (when) => reconcile(service, when));
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
      ...(how.exitCode !== undefined && index === 0
        ? {exitCode: how.exitCode}
        : how.stopCode === 'ServiceSchedulerInitiated' && task.startedAt !== undefined
          ? {exitCode: 0}
          : {}),
      ...(how.containerReason !== undefined && index === 0 ? {reason: how.containerReason} : {}),
    }));
    state.record({
      at,
      kind: 'task-stopped',
      service: task.serviceKey.slice(task.serviceKey.indexOf('/') + 1),
      deploymentId: task.deploymentId,
      taskArn: task.arn,
      detail: how.stoppedReason,
    });
  };

  /** A task of `deployment` failed: count it, trip the circuit breaker, relaunch later. */
  const failed = (service: SimService, deployment: SimDeployment, at: number): void => {
    deployment.failedTasks += 1;
    deployment.updatedAt = at;
    deployment.launchAfter = at + scaled(RELAUNCH_DELAY_MS);
    recordFailure(state, deployment, at);
    if (
      service.circuitBreaker.enable &&
      deployment.status === 'PRIMARY' &&
      deployment.rolloutState === 'IN_PROGRESS' &&
      deployment.failedTasks >= circuitBreakerThreshold(deployment.desiredCount)
    ) {
      deployment.rolloutState = 'FAILED';
      deployment.rolloutStateReason = BREAKER_REASON;
      state.addEvent(service, at, `(deployment ${deployment.id}) deployment failed: tasks failed to start.`);
      state.record({at, kind: 'circuit-breaker-tripped', service: service.name, deploymentId: deployment.id, detail: `${deployment.failedTasks} failed tasks`});
      if (service.circuitBreaker.rollback && service.lastStable !== undefined && service.lastStable !== deployment.taskDefinition) {
        recordTripped(state, deployment, at, service.lastStableRevision);
        const rollback = startDeployment(service, service.lastStable, at, HEALTHY_FATE, 'rollback', deployment);
        state.addEvent(service, at, `rolling back to deployment ${rollback.id}.`);
      } else {
        recordTripped(state, deployment, at, undefined);
      }
    }
    state.schedule(deployment.launchAfter, (when) => reconcile(service, when));
  };

  const reconcile = (service: SimService, at: number): void => {
    if (service.status !== 'ACTIVE') return;
    const primary = service.deployments.find((deployment) => deployment.status === 'PRIMARY');
    if (primary === undefined) return;
    // 1. The PRIMARY launches up to its desired count (not once it FAILED under the circuit breaker).
    const stoppedLaunching = primary.rolloutState === 'FAILED' && service.circuitBreaker.enable;
    const missing = primary.desiredCount - state.tasksOf(primary).filter(live).length;
    if (!stoppedLaunching && missing > 0) {
      if (at >= primary.launchAfter) launch(service, primary, missing, at);
      else if (Number.isFinite(primary.launchAfter)) state.schedule(primary.launchAfter, (when) => reconcile(service, when));
    }
    if (!stoppedLaunching && missing < 0) {
      const surplus = state.tasksOf(primary).filter(live).slice(0, -missing);
      for (const task of surplus)
        stopTask(task, at, {stopCode: 'ServiceSchedulerInitiated', stoppedReason: `Scaling activity initiated by (deployment ${primary.id})`});
      if (surplus.length > 0)
        state.addEvent(
          service,
          at,
          `has stopped ${surplus.length} running tasks: ${surplus.map((task) => `(task ${task.arn.slice(task.arn.lastIndexOf('/') + 1)})`).join(' ')}.`,
        );
    }
    // 2. Once the PRIMARY runs its desired count, older deployments drain and disappear.
    const healthy = state.healthyOf(primary, at) >= primary.desiredCount;
    // BLUE_GREEN, LINEAR, CANARY: the blue revision keeps running until CLEAN_UP (traffic.ts).
    if (healthy && primary.traffic !== undefined && traffic.holding(service, primary, at)) return;
    // ROLLING with alarms, in `alarm-fires`: an alarm fires as the new tasks become healthy, before the old ones drain.
    if (healthy && primary.traffic === undefined && traffic.alarmOnRolling(service, primary, at)) return;
    if (healthy) {
      const drained: SimTask[] = [];
      for (const old of service.deployments.filter((deployment) => deployment !== primary)) {
        for (const task of state.tasksOf(old).filter(live)) {
          stopTask(task, at, {stopCode: 'ServiceSchedulerInitiated', stoppedReason: `Scaling activity initiated by (deployment ${primary.id})`});
          drained.push(task);
        }
      }
      if (drained.length > 0)
        state.addEvent(
          service,
          at,
          `has stopped ${drained.length} running tasks: ${drained.map((task) => `(task ${task.arn.slice(task.arn.lastIndexOf('/') + 1)})`).join(' ')}.`,
        );
      service.deployments = service.deployments.filter((deployment) => deployment === primary);
    }
    // 3. The PRIMARY alone with its desired count running: COMPLETED.
    if (healthy && service.deployments.length === 1 && primary.rolloutState === 'IN_PROGRESS' && state.runningOf(primary) === primary.desiredCount) {
      primary.rolloutState = 'COMPLETED';
      primary.rolloutStateReason = `ECS deployment ${primary.id} completed.`;
      primary.updatedAt = at;
      service.lastStable = primary.taskDefinition;
      service.lastStableRevision = primary.revisionArn;
      recordCompleted(state, primary, at);
      state.addEvent(service, at, `(deployment ${primary.id}) deployment completed.`);
      state.addEvent(service, at, 'has reached a steady state.');
      state.record({at, kind: 'deployment-completed', service: service.name, deploymentId: primary.id, detail: primary.taskDefinition});
    }
  };

  const fateFor = (service: SimService | undefined, taskDefinition: string): TaskFate => (service?.lastStable === taskDefinition ? HEALTHY_FATE : script.fate);

  const circuitBreakerOf = (input: JsonObject): {enable: boolean; rollback: boolean} => {
    const configuration = input.deploymentConfiguration;
    const breaker = isJsonObject(configuration) ? configuration.deploymentCircuitBreaker : undefined;
    if (!isJsonObject(breaker)) {
      // Absent: the deploy adds one for ROLLING and BLUE_GREEN (deploy-inputs.ts); LINEAR and CANARY get none, and
      // ECS then runs them without one (their failures are caught by alarms and hooks).
      const strategy = isJsonObject(configuration) ? configuration.strategy : undefined;
      return strategy === 'LINEAR' || strategy === 'CANARY' ? {enable: false, rollback: false} : {enable: true, rollback: true};
    }
    return {enable: breaker.enable === true, rollback: breaker.rollback === true};
  };

  const createService = (input: JsonObject, at: number, why: 'user' | 'seed'): SimService => {
    const cluster = state.clusterName(stringField(input, 'cluster'));
    if (state.clusters.get(cluster)?.status !== 'ACTIVE') throw notFound('ClusterNotFoundException', `Cluster not found: ${cluster}.`);
    const name = stringField(input, 'serviceName');
    if (name === undefined || !/^[A-Za-z0-9_-]{1,255}$/.test(name)) throw invalid('serviceName is missing or invalid.');
    const key = state.keyOf(cluster, name);
    const existing = state.services.get(key);
    if (existing && existing.status !== 'INACTIVE') throw invalid('Creation of service was not idempotent.');
    const reference = stringField(input, 'taskDefinition');
    if (reference === undefined) throw invalid('TaskDefinition is required.');
    const definition = state.resolveTaskDefinition(reference);
    if (definition === undefined || definition.status !== 'ACTIVE') throw invalid('TaskDefinition not found.', 'ClientException');
    if (input.launchType !== undefined && Array.isArray(input.capacityProviderStrategy) && input.capacityProviderStrategy.length > 0) {
      throw invalid('Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.');
    }
    const desiredCount = numberField(input, 'desiredCount') ?? 1;
    if (desiredCount < 0) throw invalid('desiredCount must be 0 or more.');
    const service: SimService = {
      key,
      name,
      arn: `arn:aws:ecs:${state.region}:${ACCOUNT}:service/${cluster}/${name}`,
      cluster,
      clusterArn: state.clusterArn(cluster),
      status: 'ACTIVE',
      desiredCount,
      launchType: stringField(input, 'launchType') ?? 'FARGATE',
      circuitBreaker: circuitBreakerOf(input),
      deployments: [],
      events: [],
      input: {...input},
      createdAt: at,
      records: [],
    };
    state.services.set(key, service);
    startDeployment(service, definition.arn, at, why === 'seed' ? HEALTHY_FATE : fateFor(undefined, definition.arn), why);
    return service;
  };

  const rollBackNow = (service: SimService, deployment: SimDeployment, at: number): boolean =>
    rollBack(
      service,
      deployment,
      at,
      'Service deployment rollback requested (StopServiceDeployment ROLLBACK).',
      'Rollback requested by StopServiceDeployment: traffic back to the previous revision.',
    );

  return {startDeployment, reconcile, createService, fateFor, circuitBreakerOf, rollBackNow, abort};
}
