/**
 * The view of a whole-application run that every renderer draws: `appViewReducer` folds AppDeployEvents into one row
 * per service (stage, revision, running / desired, outcome) — each row keeps the service's own DeployView
 * (view.ts), so that the focused service's detail is drawn by the single deploy's components — and the run's end.
 * Pure: time only from the events' `at`.
 */
import {parseTaskDefinition} from '../aws-names.js';
import type {RunOutcome} from '../model.js';
import type {AppDeployEvent, AppServiceResult, AppServiceStatus} from './app-events.js';
import {deployViewReducer, initialDeployView, outcomeText, type DeployView} from './view.js';

export interface AppServiceRow {
  service: string;
  profile: string;
  dependsOn: string[];
  status: AppServiceStatus;
  changed?: boolean;
  /** skipped: why; finished: the outcome's reason. */
  reason?: string;
  outcome?: RunOutcome;
  exitCode?: number;
  view: DeployView;
}

export interface AppView {
  application?: string;
  environment?: string;
  parallel: number;
  simulated: boolean;
  watch: boolean;
  rows: AppServiceRow[];
  startedAt?: number;
  now?: number;
  finished: boolean;
  outcome?: RunOutcome;
  exitCode?: number;
  reason?: string;
  results: AppServiceResult[];
  resume?: string;
  /** The end's notes (a run record that could not be written). */
  notes?: string[];
}

export const initialAppView: AppView = {parallel: 1, simulated: false, watch: false, rows: [], finished: false, results: []};

const updateRow = (view: AppView, service: string, change: (row: AppServiceRow) => AppServiceRow): AppServiceRow[] =>
  view.rows.map((row) => (row.service === service ? change(row) : row));

export function appViewReducer(view: AppView, event: AppDeployEvent): AppView {
  const timed: AppView = {...view, startedAt: view.startedAt ?? event.at, now: event.at};
  switch (event.type) {
    case 'app-started':
      return {
        ...timed,
        application: event.application,
        environment: event.environment,
        parallel: event.parallel,
        simulated: event.simulated,
        watch: event.watch === true,
        rows: event.services.map((item) => ({...item, status: 'queued', view: initialDeployView})),
      };
    case 'app-service':
      return {
        ...timed,
        rows: updateRow(view, event.service, (row) => ({
          ...row,
          status: event.status,
          ...(event.changed === undefined ? {} : {changed: event.changed}),
          ...(event.reason === undefined ? {} : {reason: event.reason}),
          ...(event.outcome === undefined ? {} : {outcome: event.outcome}),
          ...(event.exitCode === undefined ? {} : {exitCode: event.exitCode}),
        })),
      };
    case 'service-run':
      return {...timed, rows: updateRow(view, event.service, (row) => ({...row, view: deployViewReducer(row.view, event.event)}))};
    case 'app-done':
      return {
        ...timed,
        finished: true,
        outcome: event.outcome,
        exitCode: event.exitCode,
        reason: event.reason,
        results: event.services,
        ...(event.resume === undefined ? {} : {resume: event.resume}),
        ...(event.notes === undefined ? {} : {notes: event.notes}),
      };
  }
}

/** Folds a whole list (tests, summaries). */
export function foldAppEvents(events: Iterable<AppDeployEvent>, initial: AppView = initialAppView): AppView {
  let view = initial;
  for (const event of events) view = appViewReducer(view, event);
  return view;
}

/** The row's stage: queued, planning, waiting (planned, not started), the step or `rolling out`, or its end. */
export function rowStage(row: AppServiceRow): string {
  switch (row.status) {
    case 'queued':
      return row.view.steps.some((step) => step.status === 'started') ? 'planning' : 'queued';
    case 'planned':
      return row.changed === false ? 'waiting (no changes)' : 'waiting';
    case 'skipped':
      return 'not started';
    case 'finished':
      return row.outcome === undefined ? 'finished' : outcomeText(row.outcome, row.exitCode);
    case 'started': {
      if (row.view.cluster !== undefined)
        return row.view.serviceDeployment?.status === undefined ? 'rolling out' : `rolling out (${row.view.serviceDeployment.status})`;
      const current = [...row.view.steps].reverse().find((step) => step.status === 'started');
      return current === undefined ? 'starting' : current.name;
    }
  }
}

/** `web:7`-style revision label of the task definition the service's run rolls out, when known. */
export function rowRevision(row: AppServiceRow): string | undefined {
  const arn = row.view.taskDefinitionArn;
  if (arn === undefined) return undefined;
  const parsed = parseTaskDefinition(arn);
  return parsed.revision === undefined ? parsed.family : `${parsed.family}:${parsed.revision}`;
}

/** Running / desired of our deployment (its row in the deployments table), when the watch has seen it. */
export function rowTasks(row: AppServiceRow): {running: number; desired: number} | undefined {
  const ours = row.view.deployments.find((deployment) => deployment.ours);
  return ours === undefined ? undefined : {running: ours.running, desired: ours.desired};
}

/** The summary's lines: changed, unchanged, not started (and why), and how to resume. */
export function appSummaryLines(view: AppView, resumeCommand: (flags: string) => string): string[] {
  const group = (filter: (result: AppServiceResult) => boolean): AppServiceResult[] => view.results.filter(filter);
  const names = (results: AppServiceResult[]): string => results.map((result) => result.service).join(', ');
  const deployed = group((result) => result.outcome === 'deployed');
  const changed = deployed.filter((result) => result.changed !== false);
  const unchanged = deployed.filter((result) => result.changed === false);
  const ended = group((result) => result.outcome !== 'deployed' && result.outcome !== 'not-started');
  const notStarted = group((result) => result.outcome === 'not-started');
  const lines: string[] = [];
  if (changed.length > 0) lines.push(`${view.watch ? 'deployed' : 'changed'}: ${names(changed)}`);
  if (unchanged.length > 0) lines.push(`unchanged: ${names(unchanged)}`);
  for (const result of ended) lines.push(`${result.service}: ${outcomeText(result.outcome as RunOutcome, result.exitCode)} — ${result.reason}`);
  for (const result of notStarted) lines.push(`not started: ${result.service} — ${result.reason}`);
  if (view.resume !== undefined) lines.push(`resume: ${resumeCommand(view.resume)}`);
  for (const note of view.notes ?? []) lines.push(`note: ${note}`);
  return lines;
}

/** One short line for the end: `3 of 3 services deployed`, or the service that decided the exit code and what became of it. */
export function appHeadline(view: AppView): string {
  const worst = view.results.find((result) => result.outcome !== 'not-started' && result.exitCode === view.exitCode);
  if (view.exitCode === 0 || worst === undefined) return view.reason ?? '';
  const others = view.results.filter((result) => result.outcome === 'not-started').length;
  return `${worst.service} ${outcomeText(worst.outcome as RunOutcome, worst.exitCode)}${others > 0 ? `; ${others} not started` : ''}`;
}
