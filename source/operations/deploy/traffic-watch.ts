/**
 * The live traffic of a BLUE_GREEN, LINEAR or CANARY deployment, read from ECS's record of it (deployment-record.ts
 * reads the record): its lifecycleStage, the target revision's requestedProductionTrafficWeight, the hooks'
 * answers and the alarms — turned into `traffic` events, one when any of it changed. ECS does not say when a bake
 * ends: it is counted from when the record entered the stage or the traffic step (its updatedAt, else when the
 * watch saw it), with the bake times of the deployment configuration. `timeScale` is the simulator's speed (its
 * bakes run that many times faster).
 */
import {readDeploymentStrategy, shiftsTraffic, stepBakeMinutes, trafficSteps} from '../../domain/deployment-strategy.js';
import type {TrafficEvent} from '../../domain/deploy/events.js';
import {isJsonObject} from '../../domain/json.js';
import type {JsonObject} from '../../domain/json.js';
import type {EcsServiceDeployment} from '../../ports/ecs.js';

const MINUTE_MS = 60_000;

export class TrafficWatch {
  private stage: string | undefined;
  private stageSince = 0;
  private production: number | undefined;
  private productionSince = 0;
  private readonly hookStages = new Map<string, string>();
  private lastKey = '';

  constructor(private readonly timeScale = 1) {}

  /**
   * The traffic event of this read of the record (`service` is DescribeServices' deploymentConfiguration, used when
   * the record has none), or undefined when nothing changed or the deployment does not shift traffic.
   */
  read(record: EcsServiceDeployment, serviceConfiguration: JsonObject | undefined, now: number): Omit<TrafficEvent, 'at'> | undefined {
    const configuration = record.deploymentConfiguration ?? serviceConfiguration;
    const strategy = readDeploymentStrategy(isJsonObject(configuration) ? {deploymentConfiguration: configuration} : {});
    if (!shiftsTraffic(strategy.strategy) && record.lifecycleStage === undefined) return undefined;
    const updated = record.updatedAt === undefined ? now : Math.min(now, Date.parse(record.updatedAt) || now);
    const stage = record.lifecycleStage;
    if (stage !== this.stage) {
      this.stage = stage;
      this.stageSince = updated;
    }
    const production = record.targetServiceRevision?.requestedProductionTrafficWeight ?? 0;
    if (production !== this.production) {
      this.production = production;
      this.productionSince = updated;
    }
    const steps = trafficSteps(strategy);
    const scale = (minutes: number): number => (minutes * MINUTE_MS) / this.timeScale;
    let bake: TrafficEvent['bake'];
    const final = ['SUCCESSFUL', 'STOPPED', 'ROLLBACK_SUCCESSFUL', 'ROLLBACK_FAILED', 'ROLLBACK_IN_PROGRESS'].includes(record.status);
    if (!final && stage === 'BAKE_TIME') {
      const minutes = strategy.bakeTimeInMinutes ?? 0;
      bake = {kind: 'bake', minutes, endsAt: this.stageSince + scale(minutes)};
    } else if (!final && stage === 'PRODUCTION_TRAFFIC_SHIFT' && production > 0 && production < 100 && steps.includes(production)) {
      const minutes = stepBakeMinutes(strategy);
      bake = {kind: 'step', minutes, endsAt: this.productionSince + scale(minutes)};
    }
    const hooks = (record.lifecycleHooks ?? []).flatMap((hook) => {
      if (hook.targetArn === undefined || hook.status === undefined) return [];
      // ECS does not say at which stage a hook ran: the one its function is configured for when that is a single stage,
      // else the stage the record was in when the hook was seen running; otherwise none is claimed.
      const id = hook.hookId ?? `${hook.targetArn}@${stage ?? ''}`;
      const configured = strategy.hooks.filter((entry) => entry.lambdaArn === hook.targetArn).flatMap((entry) => entry.stages);
      if (!this.hookStages.has(id)) {
        if (configured.length === 1) this.hookStages.set(id, configured[0]!);
        else if (hook.status === 'IN_PROGRESS' && stage !== undefined) this.hookStages.set(id, stage);
      }
      const hookStage = this.hookStages.get(id);
      return [{targetArn: hook.targetArn, status: hook.status, ...(hookStage === undefined ? {} : {stage: hookStage})}];
    });
    const alarms =
      record.alarms?.status === undefined || record.alarms.status === 'DISABLED'
        ? undefined
        : {status: record.alarms.status, names: record.alarms.alarmNames ?? [], triggered: record.alarms.triggeredAlarmNames ?? []};
    const event: Omit<TrafficEvent, 'at'> = {
      type: 'traffic',
      strategy: strategy.strategy,
      ...(stage === undefined ? {} : {lifecycleStage: stage}),
      productionPercent: production,
      ...(record.targetServiceRevision?.requestedTestTrafficWeight === undefined ? {} : {testPercent: record.targetServiceRevision.requestedTestTrafficWeight}),
      steps,
      ...(bake === undefined ? {} : {bake}),
      hooks,
      ...(alarms === undefined ? {} : {alarms}),
    };
    const key = JSON.stringify(event);
    if (key === this.lastKey) return undefined;
    this.lastKey = key;
    return event;
  }
}
