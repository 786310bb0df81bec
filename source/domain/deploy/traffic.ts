/**
 * The live traffic view of a BLUE_GREEN, LINEAR or CANARY deployment, for every renderer: what each ECS lifecycle
 * stage means in a few words, the lines a `traffic` event adds to the log (a stage entered, traffic moved, a bake
 * begun, a hook answered, an alarm fired), the split as a bar, and the time left in a bake. Pure.
 */
import type {TrafficEvent} from './events.js';

export type TrafficView = Omit<TrafficEvent, 'type' | 'at'>;

/** ECS's lifecycle stages, said in a few words. */
export const STAGE_TEXT: Readonly<Record<string, string>> = {
  RECONCILE_SERVICE: 'reconciling the service revisions',
  PRE_SCALE_UP: 'before the new revision starts',
  SCALE_UP: 'the new revision is starting its tasks',
  POST_SCALE_UP: 'the new revision is running; no traffic yet',
  TEST_TRAFFIC_SHIFT: 'test traffic is moving to the new revision',
  POST_TEST_TRAFFIC_SHIFT: 'test traffic is on the new revision',
  PRODUCTION_TRAFFIC_SHIFT: 'production traffic is moving to the new revision',
  POST_PRODUCTION_TRAFFIC_SHIFT: 'production traffic is on the new revision',
  BAKE_TIME: 'bake time: both revisions run',
  CLEAN_UP: 'cleaning up: the old revision stops',
};

/** The stages shown as a path on the screen: scale up → test traffic → production traffic → bake → clean up. */
export const STAGE_PATH: ReadonlyArray<{label: string; stages: readonly string[]}> = [
  {label: 'scale up', stages: ['RECONCILE_SERVICE', 'PRE_SCALE_UP', 'SCALE_UP', 'POST_SCALE_UP']},
  {label: 'test traffic', stages: ['TEST_TRAFFIC_SHIFT', 'POST_TEST_TRAFFIC_SHIFT']},
  {label: 'production traffic', stages: ['PRODUCTION_TRAFFIC_SHIFT', 'POST_PRODUCTION_TRAFFIC_SHIFT']},
  {label: 'bake', stages: ['BAKE_TIME']},
  {label: 'clean up', stages: ['CLEAN_UP']},
];

const percent = (value: number): string => `${Math.round(value * 10) / 10}%`;
const lambdaName = (arn: string): string => arn.slice(arn.lastIndexOf(':') + 1);

/** `new 10% · old 90%` */
export const splitText = (view: Pick<TrafficView, 'productionPercent'>): string =>
  `new ${percent(view.productionPercent)} · old ${percent(100 - view.productionPercent)}`;

/** `█████░░░░░` — the new revision's share of production traffic, `width` cells. */
export function trafficBar(productionPercent: number, width: number): string {
  const cells = Math.max(1, width);
  const filled = Math.max(0, Math.min(cells, Math.round((productionPercent / 100) * cells)));
  return '█'.repeat(filled) + '░'.repeat(cells - filled);
}

/** `2m 05s` — time left until `endsAt`, never below zero. */
export function timeLeft(endsAt: number, now: number): string {
  const seconds = Math.max(0, Math.ceil((endsAt - now) / 1000));
  const minutes = Math.floor(seconds / 60);
  return minutes > 0 ? `${minutes}m ${String(seconds % 60).padStart(2, '0')}s` : `${seconds}s`;
}

export interface TrafficLine {
  level: 'info' | 'ok' | 'warn' | 'error';
  text: string;
}

/** The lines a traffic event adds, against the traffic seen before it. */
export function trafficLines(before: TrafficView | undefined, next: TrafficView): TrafficLine[] {
  const lines: TrafficLine[] = [];
  if (next.lifecycleStage !== undefined && next.lifecycleStage !== before?.lifecycleStage) {
    lines.push({level: 'info', text: `${next.strategy} · ${next.lifecycleStage}: ${STAGE_TEXT[next.lifecycleStage] ?? 'a stage this tool does not know'}`});
  }
  if (before === undefined ? next.productionPercent > 0 : next.productionPercent !== before.productionPercent) {
    const back = before !== undefined && next.productionPercent < before.productionPercent;
    lines.push({level: back ? 'warn' : 'info', text: `production traffic: ${splitText(next)}${back ? ' (moved back to the old revision)' : ''}`});
  }
  if (next.bake !== undefined && (before?.bake === undefined || before.bake.endsAt !== next.bake.endsAt)) {
    lines.push({
      level: 'info',
      text:
        next.bake.kind === 'step'
          ? `step bake: ${next.bake.minutes} min at ${percent(next.productionPercent)} before the next step`
          : `bake time: ${next.bake.minutes} min with both revisions running, then the old one stops`,
    });
  }
  for (const hook of next.hooks) {
    const seen = before?.hooks.find((candidate) => candidate.targetArn === hook.targetArn && candidate.stage === hook.stage);
    if (seen?.status === hook.status || hook.status === 'IN_PROGRESS') continue;
    const level = hook.status === 'SUCCEEDED' ? 'ok' : hook.status === 'FAILED' || hook.status === 'TIMED_OUT' ? 'error' : 'info';
    lines.push({level, text: `hook ${lambdaName(hook.targetArn)}${hook.stage === undefined ? '' : ` at ${hook.stage}`}: ${hook.status}`});
  }
  const fired = (next.alarms?.triggered ?? []).filter((name) => !(before?.alarms?.triggered ?? []).includes(name));
  for (const name of fired) lines.push({level: 'error', text: `alarm ${name}: ALARM — ECS rolls the deployment back`});
  return lines;
}
