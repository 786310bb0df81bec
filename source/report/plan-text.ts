/**
 * Plain text of a deploy plan (the `diff` command, the plain deploy reporter's review, the Ink review) and of
 * pre-flight check results (`verify`). Pure: strings in, strings out; colour only when asked.
 */
import {renderDiffJson, renderDiffText} from '../domain/diff-render.js';
import {taskDefinitionLabel} from '../domain/aws-names.js';
import type {CheckStatus} from '../domain/deploy/events.js';
import type {JsonObject} from '../domain/json.js';
import {clusterNameFromArn} from '../domain/aws-names.js';
import type {CheckResult} from '../operations/deploy/checks.js';
import {planSummary, type DeployPlan} from '../operations/deploy/plan.js';
import {sanitize} from './sanitize.js';
import {createStyle} from './style.js';

export interface PlanTextOptions {
  width: number;
  color: boolean;
}

/** Where and what: profile → environment, cluster, service, region, image, and what the deploy will do. */
export function planHeader(plan: DeployPlan, options: {color: boolean}): string[] {
  const style = createStyle(options.color);
  const running = plan.running === undefined ? 'not created yet' : `runs ${taskDefinitionLabel(plan.running.arn)}`;
  return [
    style.bold(`${plan.profile.name} → ${plan.environment.name}`) + style.dim(` (${plan.region}, cluster ${clusterNameFromArn(plan.cluster)})`),
    `  service  ${plan.serviceName} (${plan.existingService === undefined ? 'not created yet' : running})`,
    `  image    ${sanitize(plan.image)}`,
    `  will     ${planSummary(plan)}`,
    ...scalingLines(plan),
  ];
}

/** The plan's auto scaling (what the service has against what the profile sets) and what it changes in the service. */
export function scalingLines(plan: Pick<DeployPlan, 'scaling'>): string[] {
  return [
    ...plan.scaling.plan.lines.map((line) => `  scaling  ${sanitize(line.replace(/^auto scaling: /, ''))}`),
    ...plan.scaling.notes.map((note) => `  note     ${note}`),
  ];
}

/** The header, then the field-aware diff with its impact label. */
export function planText(plan: DeployPlan, options: PlanTextOptions): string {
  return [...planHeader(plan, options), '', renderDiffText(plan.diff, options)].join('\n');
}

/** The plan as JSON for `diff --json`. */
export function planJson(plan: DeployPlan): JsonObject {
  return {
    profile: plan.profile.name,
    environment: plan.environment.name,
    region: plan.region,
    cluster: plan.cluster,
    service: plan.serviceName,
    image: plan.image,
    action: plan.action,
    summary: planSummary(plan),
    ...(plan.running === undefined ? {} : {runningTaskDefinition: plan.running.arn}),
    ...(plan.latest === undefined ? {} : {latestTaskDefinition: plan.latest.arn}),
    ...(plan.reuse === undefined ? {} : {reuseTaskDefinition: plan.reuse.arn}),
    diff: renderDiffJson(plan.diff),
    autoScaling: {
      action: plan.scaling.plan.action,
      lines: plan.scaling.plan.lines,
      notes: plan.scaling.notes,
      ...(plan.scaling.unread === undefined ? {} : {unread: plan.scaling.unread}),
    },
    ...(plan.forceNewDeployment ? {forceNewDeployment: true} : {}),
  };
}

const MARKS: Record<CheckStatus, string> = {ok: '✓', warn: '!', fail: '✗'};

/** `✓ execution-role  ecsTaskExecutionRole exists and trusts …` (+ an indented hint line). */
export function checkLines(results: readonly CheckResult[], options: {color: boolean}): string[] {
  const style = createStyle(options.color);
  const width = Math.max(0, ...results.map((result) => result.name.length));
  const paint = (status: CheckStatus, text: string): string => (status === 'ok' ? style.green(text) : status === 'warn' ? style.yellow(text) : style.red(text));
  const lines: string[] = [];
  for (const result of results) {
    lines.push(`${paint(result.status, MARKS[result.status])} ${result.name.padEnd(width)}  ${sanitize(result.message)}`);
    if (result.hint !== undefined && result.status !== 'ok') lines.push(`  ${' '.repeat(width)}  ${style.dim(`hint: ${sanitize(result.hint)}`)}`);
  }
  return lines;
}
