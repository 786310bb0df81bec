/** 5. Auto scaling's settings, typed in one line: `2-10 cpu 60` (`memory N`, `requests N` too). Flags: auto-scaling.ts. */
import {describeAutoScaling, MAX_TASK_COUNT} from '../../../domain/auto-scaling.js';
import type {AutoScaling, ScalingMetric, TargetTrackingPolicy} from '../../../domain/model.js';
import {bad, ok, type Checked} from '../answer-checks.js';
import {choiceOf, textPrompt, type Question} from '../question.js';
import {AUTO_SCALING_HELP} from './auto-scaling.js';

const METRIC_WORDS: Readonly<Record<string, ScalingMetric>> = {cpu: 'cpu', memory: 'memory', mem: 'memory', requests: 'requests', rpt: 'requests'};

/** `2-10 cpu 60 memory 75` → a setting, or what is wrong with the text. */
export function parseAutoScaling(text: string): Checked<AutoScaling> {
  const words = text.trim().toLowerCase().split(/\s+/);
  const range = /^(\d+)\s*[-–]\s*(\d+)$/.exec(words[0] ?? '');
  if (range === null) return bad('Start with the task range MIN-MAX, e.g. 2-10 cpu 60');
  const minCount = Number(range[1]);
  const maxCount = Number(range[2]);
  if (maxCount < 1 || maxCount > MAX_TASK_COUNT) return bad(`The maximum must be from 1 to ${MAX_TASK_COUNT}, found ${maxCount}`);
  if (minCount > maxCount) return bad(`The minimum (${minCount}) is above the maximum (${maxCount})`);
  const policies: TargetTrackingPolicy[] = [];
  for (let index = 1; index < words.length; index += 2) {
    const metric = METRIC_WORDS[words[index] ?? ''];
    if (metric === undefined) return bad(`"${words[index]}" is not a metric: use cpu, memory or requests`);
    const target = words[index + 1];
    if (target === undefined || !/^\d+$/.test(target)) return bad(`Give ${words[index]} a target, e.g. ${words[index]} 60`);
    const value = Number(target);
    const max = metric === 'requests' ? 1_000_000 : 100;
    if (value < 1 || value > max) return bad(`The ${words[index]} target must be from 1 to ${max}, found ${value}`);
    if (policies.some((policy) => policy.metric === metric)) return bad(`${words[index]} is given twice`);
    policies.push({metric, target: value});
  }
  if (policies.length === 0) return bad('Name at least one target: cpu N, memory N or requests N');
  return ok({minCount, maxCount, policies});
}

/** A setting as the prompt takes it: `2-10 cpu 60`. */
export const scalingText = (scaling: AutoScaling): string =>
  `${scaling.minCount}-${scaling.maxCount} ${scaling.policies.map((policy) => `${policy.metric} ${policy.target}`).join(' ')}`;

export const autoScalingSettings: Question = {
  id: 'auto-scaling-settings',
  section: 4,
  label: 'Scaling',
  applies: (ctx) => (ctx.answers.strategy ?? 'REPLICA') === 'REPLICA' && (choiceOf(ctx, 'auto-scaling') === 'yes' || Boolean(ctx.answers.autoScaling)),
  summary: (ctx) => (ctx.answers.autoScaling ? describeAutoScaling(ctx.answers.autoScaling) : ''),
  help: AUTO_SCALING_HELP,
  prompt: ({ctx: {answers}}) =>
    textPrompt({
      label: 'Tasks MIN-MAX and targets',
      hint: 'e.g. 2-10 cpu 60 (percent), memory 75, requests 1000 (per target, per minute; needs the service behind an ALB)',
      ...(answers.autoScaling ? {initial: scalingText(answers.autoScaling)} : {}),
      suggestion: `${Math.max(1, answers.desiredCount ?? 2)}-${Math.max(10, (answers.desiredCount ?? 2) * 5)} cpu 60`,
      validate: parseAutoScaling,
      submit: (value) => ({answers: {...answers, autoScaling: value}}),
    }),
};
