/**
 * The NDJSON deploy reporter (--json): one JSON object per DeployEvent, as emitted (strings sanitized), then one
 * final `{"type":"summary", …}` line — also when the stream ends without a `done` (outcome "interrupted"). ECS's own
 * record of our deployment keeps ECS's status names (`service-deployment` events, the summary's `serviceDeployment`).
 * A run refused before anything changed (exit 2) has the outcome `not-started` in its `done` and its summary, as the
 * screen and the plain lines call it (view.ts's reportedOutcome): nothing was attempted, so nothing "failed".
 *
 * `reportNdjson(events, out)` consumes a stream and resolves with the final DeployView;
 * `createNdjsonPrinter(out)` is the stateful form (`print(event)`, then `summary()` once).
 */
import {deployViewReducer, initialDeployView, reportedOutcome, type ReportedOutcome} from '../domain/deploy/view.js';
import {OUTCOME_EXIT_CODES} from '../domain/deploy/events.js';
import type {DeployEvent} from '../domain/deploy/events.js';
import type {DeployView} from '../domain/deploy/view.js';
import type {TextSink} from './deploy-plain.js';
import {sanitize} from './sanitize.js';

export interface DeploySummary {
  type: 'summary';
  outcome: ReportedOutcome;
  exitCode: number;
  reason: string;
  elapsedMs: number;
  apiCalls: number;
  simulated: boolean;
  scenario?: string;
  cluster?: string;
  service?: string;
  region?: string;
  taskDefinitionArn?: string;
  deploymentId?: string;
  deployments: DeployView['deployments'];
  /** ECS's own record of our deployment as last seen (status in ECS's words: SUCCESSFUL, ROLLBACK_SUCCESSFUL, …). */
  serviceDeployment?: DeployView['serviceDeployment'];
  circuitBreaker?: {failed: number; threshold: number};
  /** A BLUE_GREEN, LINEAR or CANARY deployment's traffic as last seen (ECS's lifecycleStage, the split, hooks, alarms). */
  traffic?: DeployView['traffic'];
  stoppedTasks: number;
  failures: Array<{taskArn: string; class: string; summary: string; hint: string; stoppedReason: string}>;
  warnings: string[];
}

export interface NdjsonPrinter {
  print(event: DeployEvent): void;
  /** Writes the summary line (once) and returns it. */
  summary(): DeploySummary;
  readonly view: DeployView;
}

const clean = (value: unknown): unknown => {
  if (typeof value === 'string') return sanitize(value);
  if (Array.isArray(value)) return value.map(clean);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, clean(item)]));
  return value;
};

export function summaryOf(view: DeployView): DeploySummary {
  const outcome = view.outcome ?? 'interrupted';
  return {
    type: 'summary',
    outcome: reportedOutcome(outcome, view.exitCode),
    exitCode: view.exitCode ?? OUTCOME_EXIT_CODES[outcome],
    reason: view.reason ?? 'the watch ended before it finished',
    elapsedMs: view.elapsedMs,
    apiCalls: view.apiCalls ?? 0,
    simulated: view.simulated,
    ...(view.scenario === undefined ? {} : {scenario: view.scenario}),
    ...(view.cluster === undefined ? {} : {cluster: view.cluster}),
    ...(view.service === undefined ? {} : {service: view.service}),
    ...(view.region === undefined ? {} : {region: view.region}),
    ...(view.taskDefinitionArn === undefined ? {} : {taskDefinitionArn: view.taskDefinitionArn}),
    ...(view.deploymentId === undefined ? {} : {deploymentId: view.deploymentId}),
    deployments: view.deployments,
    ...(view.serviceDeployment === undefined ? {} : {serviceDeployment: view.serviceDeployment}),
    ...(view.circuitBreaker === undefined ? {} : {circuitBreaker: view.circuitBreaker}),
    ...(view.traffic === undefined ? {} : {traffic: view.traffic}),
    stoppedTasks: view.stoppedTasks,
    failures: view.failures.map((failure) => ({
      taskArn: failure.taskArn,
      class: failure.failure.class,
      summary: failure.failure.summary,
      hint: failure.failure.hint,
      stoppedReason: failure.stoppedReason,
    })),
    warnings: view.warnings,
  };
}

export function createNdjsonPrinter(out: TextSink): NdjsonPrinter {
  let view = initialDeployView;
  let written: DeploySummary | undefined;
  return {
    get view() {
      return view;
    },
    print(event) {
      view = deployViewReducer(view, event);
      const reported = event.type === 'done' ? {...event, outcome: reportedOutcome(event.outcome, event.exitCode)} : event;
      out.write(`${JSON.stringify(clean(reported))}\n`);
    },
    summary() {
      if (written === undefined) {
        written = clean(summaryOf(view)) as DeploySummary;
        out.write(`${JSON.stringify(written)}\n`);
      }
      return written;
    },
  };
}

/** Writes every event, then the summary (also when the stream throws; the error is rethrown). */
export async function reportNdjson(events: AsyncIterable<DeployEvent>, out: TextSink): Promise<DeployView> {
  const printer = createNdjsonPrinter(out);
  try {
    for await (const event of events) printer.print(event);
  } finally {
    printer.summary();
  }
  return printer.view;
}
