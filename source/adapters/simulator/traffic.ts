/**
 * The simulator's BLUE_GREEN, LINEAR and CANARY deployments (ECS's own, deploymentConfiguration.strategy), on the
 * state's queue and clock. A user deployment of a new revision on a service that has a completed one (the blue) moves
 * its record through ECS's lifecycle stages:
 *
 *   PRE_SCALE_UP → SCALE_UP (the green tasks start) → POST_SCALE_UP (once healthy) → TEST_TRAFFIC_SHIFT (test traffic
 *   100 %) → POST_TEST_TRAFFIC_SHIFT → PRODUCTION_TRAFFIC_SHIFT (one step per traffic step of the strategy: CANARY
 *   canary % then 100; LINEAR step by step; BLUE_GREEN 100 — a step bake between steps) →
 *   POST_PRODUCTION_TRAFFIC_SHIFT → BAKE_TIME (bakeTimeInMinutes, both revisions running) → CLEAN_UP (the blue tasks
 *   stop; rollout.ts completes the deployment).
 *
 * Each stage takes STAGE_MS; each lifecycle hook at a stage runs HOOK_MS and answers SUCCEEDED — the first one FAILED
 * in `hook-fails`, and ECS rolls back. `alarm-fires`: the first rollback alarm goes to ALARM ALARM_AFTER_MS after the
 * green revision first takes production traffic, and ECS rolls back. `crash-loop`: green tasks crash once they take
 * production traffic (before, they pass health checks), so the circuit breaker rolls back with production traffic
 * never past the first step. A rollback moves all traffic back to blue at once. The first deployment of a service
 * (no blue) is a plain launch. Durations are simulated milliseconds at speed 1 (state.scaled divides them).
 */
import {readDeploymentStrategy, shiftsTraffic, stepBakeMinutes, trafficSteps, type DeploymentStrategy} from '../../domain/deployment-strategy.js';
import {isJsonObject} from '../../domain/json.js';
import type {SimDeployment, SimRecord, SimService, SimulatorState} from './state.js';
import type {ScenarioScript} from './scenarios.js';

export const STAGE_MS = 5_000;
export const HOOK_MS = 3_000;
export const ALARM_AFTER_MS = 5_000;
const MINUTE_MS = 60_000;

/** What traffic.ts asks of rollout.ts. */
export interface TrafficOps {
  /** Roll `deployment` back to the service's last completed revision (traffic first: it is still running). */
  rollBack(service: SimService, deployment: SimDeployment, at: number, statusReason: string, rollbackReason: string): boolean;
  /** The green tasks start crashing (crash-loop): they are taking production traffic now. */
  crashUnderTraffic(service: SimService, deployment: SimDeployment, at: number): void;
  reconcile(service: SimService, at: number): void;
}

interface Step {
  stage: string;
  production?: number;
  test?: number;
  /** Wait this long after the step (a step bake, the bake time), simulated ms at speed 1. */
  holdMs: number;
}

export interface Traffic {
  /** A user deployment just started: a traffic strategy (and a blue revision) opens its lifecycle; false otherwise. */
  begin(service: SimService, deployment: SimDeployment, at: number): boolean;
  /** The green revision is healthy: true while traffic.ts still holds the blue one (no drain yet). */
  holding(service: SimService, deployment: SimDeployment, at: number): boolean;
  /** ROLLING with alarms, in `alarm-fires`: the first alarm fires as the new tasks become healthy (rolled back: true). */
  alarmOnRolling(service: SimService, deployment: SimDeployment, at: number): boolean;
}

export function createTraffic(state: SimulatorState, script: ScenarioScript, ops: TrafficOps): Traffic {
  const scaled = (ms: number): number => state.scaled(ms);
  let hooksRun = 0;
  let alarmFired = false;

  const recordOf = (deployment: SimDeployment): SimRecord | undefined =>
    deployment.recordArn === undefined ? undefined : state.records.get(deployment.recordArn);
  const alive = (deployment: SimDeployment, record: SimRecord): boolean =>
    record.status === 'IN_PROGRESS' && deployment.status === 'PRIMARY' && deployment.rolloutState === 'IN_PROGRESS';

  const strategyOf = (service: SimService): DeploymentStrategy => readDeploymentStrategy(service.input);

  const enter = (service: SimService, record: SimRecord, at: number, step: Pick<Step, 'stage' | 'production' | 'test'>): void => {
    record.lifecycleStage = step.stage;
    if (step.production !== undefined) record.productionWeight = step.production;
    if (step.test !== undefined) record.testWeight = step.test;
    record.updatedAt = at;
    state.record({at, kind: 'lifecycle-stage', service: service.name, detail: step.stage});
    if (step.production !== undefined) state.record({at, kind: 'traffic-shifted', service: service.name, detail: `${step.production}%`});
  };

  /** Runs the hooks of `stage` one after the other; then `next`, unless one failed (rolled back). */
  const runHooks = (service: SimService, deployment: SimDeployment, stage: string, at: number, next: (when: number) => void): void => {
    const record = recordOf(deployment);
    if (record === undefined || !alive(deployment, record)) return;
    const hooks = strategyOf(service).hooks.filter((hook) => hook.stages.includes(stage));
    const run = (index: number, when: number): void => {
      if (!alive(deployment, record)) return;
      const hook = hooks[index];
      if (hook === undefined) {
        next(when);
        return;
      }
      const detail: NonNullable<SimRecord['hooks']>[number] = {hookId: `hook-${state.next()}`, targetArn: hook.lambdaArn, stage, status: 'IN_PROGRESS'};
      record.hooks = [...(record.hooks ?? []), detail];
      record.updatedAt = when;
      state.schedule(when + scaled(HOOK_MS), (done) => {
        if (!alive(deployment, record)) return;
        const fails = script.hookFails === true && hooksRun === 0;
        hooksRun++;
        detail.status = fails ? 'FAILED' : 'SUCCEEDED';
        record.hooks = [...(record.hooks ?? [])];
        record.updatedAt = done;
        state.record({at: done, kind: 'hook', service: service.name, detail: `${stage} ${hook.lambdaArn} ${detail.status}`});
        if (fails) {
          const name = hook.lambdaArn.slice(hook.lambdaArn.lastIndexOf(':') + 1);
          ops.rollBack(
            service,
            deployment,
            done,
            `Lifecycle hook ${name} returned FAILED at ${stage}.`,
            `Lifecycle hook ${name} failed at ${stage}: rolling back.`,
          );
          return;
        }
        run(index + 1, done);
      });
    };
    state.schedule(at, (when) => run(0, when));
  };

  const steps = (strategy: DeploymentStrategy): Step[] => {
    const production = trafficSteps(strategy);
    const stepBake = stepBakeMinutes(strategy) * MINUTE_MS;
    return [
      {stage: 'POST_SCALE_UP', holdMs: 0},
      {stage: 'TEST_TRAFFIC_SHIFT', test: 100, holdMs: 0},
      {stage: 'POST_TEST_TRAFFIC_SHIFT', holdMs: 0},
      ...production.map((percent, index): Step => ({
        stage: 'PRODUCTION_TRAFFIC_SHIFT',
        production: percent,
        holdMs: index < production.length - 1 ? stepBake : 0,
      })),
      {stage: 'POST_PRODUCTION_TRAFFIC_SHIFT', holdMs: 0},
      {stage: 'BAKE_TIME', holdMs: (strategy.bakeTimeInMinutes ?? 0) * MINUTE_MS},
      {stage: 'CLEAN_UP', holdMs: 0},
    ];
  };

  /** The deployment's first alarm goes to ALARM; ECS rolls back when the alarms say rollback. */
  const fire = (service: SimService, deployment: SimDeployment, record: SimRecord, when: number): boolean => {
    const alarms = record.alarms;
    if (alarms === undefined || !alive(deployment, record)) return false;
    const name = alarms.names[0]!;
    record.alarms = {...alarms, status: 'TRIGGERED', triggered: [name]};
    record.updatedAt = when;
    state.record({at: when, kind: 'alarm', service: service.name, detail: `${name} ALARM`});
    const rollback = isJsonObject(record.configuration?.['alarms']) ? record.configuration['alarms']['rollback'] !== false : true;
    return rollback && ops.rollBack(service, deployment, when, `CloudWatch alarm ${name} is in ALARM.`, `Alarm ${name} triggered: rolling back.`);
  };
  const alarmDue = (record: SimRecord): boolean => script.alarmFires === true && !alarmFired && record.alarms !== undefined && record.alarms.names.length > 0;

  const firstTraffic = (service: SimService, deployment: SimDeployment, record: SimRecord, at: number): void => {
    if (deployment.fate.kind === 'crash') ops.crashUnderTraffic(service, deployment, at);
    if (alarmDue(record)) {
      alarmFired = true;
      state.schedule(at + scaled(ALARM_AFTER_MS), (when) => void fire(service, deployment, record, when));
    }
  };

  /** The deployment's alarms are watched whatever its strategy (deploymentConfiguration.alarms). */
  const watchAlarms = (service: SimService, record: SimRecord): void => {
    const configuration = service.input['deploymentConfiguration'];
    if (isJsonObject(configuration)) record.configuration = configuration;
    const strategy = strategyOf(service);
    if (strategy.alarms.length > 0) record.alarms = {status: 'MONITORING', names: [...strategy.alarms], triggered: []};
  };

  const walk = (service: SimService, deployment: SimDeployment, list: Step[], index: number, at: number): void => {
    const record = recordOf(deployment);
    const step = list[index];
    if (record === undefined || step === undefined || !alive(deployment, record)) return;
    enter(service, record, at, step);
    if (step.stage === 'CLEAN_UP') {
      deployment.traffic = {shifting: true, cleanedUp: true};
      ops.reconcile(service, at);
      return;
    }
    if (step.production !== undefined && step.production > 0 && index === list.findIndex((candidate) => candidate.production !== undefined)) {
      firstTraffic(service, deployment, record, at);
    }
    // Hooks run at the first production shift only (ECS runs a stage's hooks once per deployment).
    const firstOfStage = list.findIndex((candidate) => candidate.stage === step.stage) === index;
    runHooks(service, deployment, firstOfStage ? step.stage : '', at + scaled(STAGE_MS), (when) => {
      state.schedule(when + scaled(step.holdMs), (next) => walk(service, deployment, list, index + 1, next));
    });
  };

  return {
    begin(service, deployment, at) {
      const strategy = strategyOf(service);
      const record = recordOf(deployment);
      if (record !== undefined) watchAlarms(service, record);
      if (!shiftsTraffic(strategy.strategy) || service.lastStableRevision === undefined || record === undefined) return false;
      deployment.traffic = {shifting: false, cleanedUp: false};
      enter(service, record, at, {stage: 'PRE_SCALE_UP', production: 0, test: 0});
      // The green tasks start once the PRE_SCALE_UP hooks answered.
      deployment.launchAfter = Number.POSITIVE_INFINITY;
      runHooks(service, deployment, 'PRE_SCALE_UP', at + scaled(STAGE_MS), (when) => {
        enter(service, record, when, {stage: 'SCALE_UP'});
        deployment.launchAfter = when;
        ops.reconcile(service, when);
      });
      return true;
    },

    alarmOnRolling(service, deployment, at) {
      const record = recordOf(deployment);
      if (deployment.traffic !== undefined || record === undefined || !alarmDue(record)) return false;
      alarmFired = true;
      return fire(service, deployment, record, at);
    },

    holding(service, deployment, at) {
      const traffic = deployment.traffic;
      if (traffic === undefined || traffic.cleanedUp) return false;
      if (!traffic.shifting) {
        traffic.shifting = true;
        walk(service, deployment, steps(strategyOf(service)), 0, at);
      }
      return true;
    },
  };
}
