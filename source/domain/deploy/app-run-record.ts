/**
 * The record of a whole-application run (`deploy --app`, the home screen's "Deploy a whole application"), kept in
 * the application (the store's `applications[APP].runs`, capped at MAX_APP_RUNS, newest last). It is written when the
 * run starts, when each service starts and when each ends, and at the end: a process that dies mid-run leaves a record
 * without an end — read as "no end recorded" (running, or interrupted), never as a success — and its services that
 * were in flight are what `watch --app` re-attaches to.
 *
 * Made from the run's own AppDeployEvent stream (app-events.ts) by `applyAppEvent`; `settleWith` folds a later
 * `watch --app` into it. Pure: the caller gives the id and the times.
 */
import type {RunOutcome} from '../model.js';
import {SECRET_ACCESS_KEY, secretKeyLike, VALUE_PATTERNS} from '../profile-schema/credentials.js';
import {worstExitCode, type AppDeployEvent, type AppStartedEvent} from './app-events.js';
import type {AppRunRecord, AppRunService} from './app-run-types.js';
import {outcomeText} from './view.js';

export {APP_RUN_SERVICE_STATES, MAX_APP_RUNS, type AppRunRecord, type AppRunService, type AppRunServiceState} from './app-run-types.js';

/**
 * Text from outside (reasons) is kept short in the store, and what looks like a credential by its shape (the store
 * refuses those) is masked; it is cleaned where it is shown.
 */
const MAX_REASON = 500;
function short(text: string): string {
  let masked = text;
  for (const {pattern} of [...VALUE_PATTERNS, SECRET_ACCESS_KEY])
    masked = masked.replace(pattern, (match) => (pattern === SECRET_ACCESS_KEY.pattern && !secretKeyLike(match) ? match : '(masked)'));
  return masked.length > MAX_REASON ? `${masked.slice(0, MAX_REASON - 1)}…` : masked;
}
const revisionOf = (arn: string): number | undefined => {
  const match = /:(\d+)$/.exec(arn);
  return match === null ? undefined : Number(match[1]);
};

/** The record a run starts with: every service waiting. */
export function startRecord(event: AppStartedEvent, options: {id: string; startedAt: string; tags: Readonly<Record<string, string>>}): AppRunRecord {
  return {
    id: options.id,
    environment: event.environment,
    startedAt: options.startedAt,
    ...(event.simulated ? {simulated: true} : {}),
    order: event.services.map((item) => item.service),
    services: event.services.map((item) => ({
      service: item.service,
      profile: item.profile,
      state: 'waiting',
      ...(options.tags[item.service] === undefined ? {} : {tag: options.tags[item.service]}),
    })),
  };
}

const update = (record: AppRunRecord, service: string, change: (item: AppRunService) => AppRunService): AppRunRecord => ({
  ...record,
  services: record.services.map((item) => (item.service === service ? change(item) : item)),
});

/** True when the event changes what the store should hold (a service started or ended, the run ended). */
export function isRecordPoint(event: AppDeployEvent): boolean {
  if (event.type === 'app-done') return true;
  return event.type === 'app-service' && (event.status === 'started' || event.status === 'skipped' || event.status === 'finished');
}

/** The record with one event of the run folded in. */
export function applyAppEvent(record: AppRunRecord, event: AppDeployEvent, finishedAt?: string): AppRunRecord {
  switch (event.type) {
    case 'app-started':
      return record;
    case 'service-run': {
      const inner = event.event;
      if (inner.type !== 'watch-started' || inner.taskDefinitionArn === '') return record;
      const revision = revisionOf(inner.taskDefinitionArn);
      return update(record, event.service, (item) => ({...item, taskDefinitionArn: inner.taskDefinitionArn, ...(revision === undefined ? {} : {revision})}));
    }
    case 'app-service':
      switch (event.status) {
        case 'queued':
          return record;
        case 'planned':
          return update(record, event.service, (item) => ({...item, ...(event.changed === undefined ? {} : {changed: event.changed})}));
        case 'started':
          return update(record, event.service, (item) => ({...item, state: 'in-flight'}));
        case 'skipped':
          return update(record, event.service, (item) => {
            const {outcome: _outcome, exitCode: _exitCode, ...rest} = item;
            return {...rest, state: 'not-started', reason: short((event.reason ?? '').replace(/^not started: /, ''))};
          });
        case 'finished':
          return update(record, event.service, (item) => ({
            ...item,
            state: 'ended',
            ...(event.outcome === undefined ? {} : {outcome: event.outcome}),
            ...(event.exitCode === undefined ? {} : {exitCode: event.exitCode}),
            reason: short(event.reason ?? ''),
          }));
      }
      return record;
    case 'app-done':
      return {
        ...record,
        ...(finishedAt === undefined ? {} : {finishedAt}),
        outcome: event.outcome,
        exitCode: event.exitCode,
        reason: short(event.reason),
        ...(event.resume === undefined ? {} : {resume: event.resume}),
      };
  }
}

/** The services `watch --app` re-attaches to: started with no end recorded, or left detached. */
export function servicesToReattach(record: AppRunRecord): AppRunService[] {
  return record.services.filter((item) => item.state === 'in-flight' || (item.state === 'ended' && item.outcome === 'detached'));
}

/** Why `watch --app` does not re-attach to a service of the record. */
export function notReattachedReason(item: AppRunService): string {
  switch (item.state) {
    case 'waiting':
      return 'cannot re-attach: it never started (the run ended before it did)';
    case 'not-started':
      return `cannot re-attach: it never started (${item.reason ?? 'no reason recorded'})`;
    default:
      return `not re-attached: it already ended ${outcomeText(item.outcome ?? 'interrupted', item.exitCode)}`;
  }
}

/**
 * The run's outcome from its services, once a later watch settled the ones left in flight: the worst exit code of
 * those that ended; success only when every service of the run was deployed (one that never started leaves the run
 * interrupted, exit 5, whatever the others did).
 */
export function settledOutcome(record: AppRunRecord): {outcome: RunOutcome; exitCode: number; reason: string} | undefined {
  if (record.services.some((item) => item.state === 'in-flight' || item.state === 'waiting')) return undefined;
  const ended = record.services.filter((item) => item.state === 'ended');
  if (ended.some((item) => item.outcome === 'detached')) return undefined;
  const exitCode = worstExitCode(ended.map((item) => item.exitCode ?? (item.outcome === 'deployed' ? 0 : 1)));
  const notStarted = record.services.filter((item) => item.state === 'not-started');
  const deployed = ended.filter((item) => item.outcome === 'deployed').length;
  const tally = `${deployed} of ${record.services.length} service${record.services.length === 1 ? '' : 's'} deployed`;
  if (exitCode !== 0) {
    const worst = ended.find((item) => (item.exitCode ?? 1) === exitCode)!;
    return {
      outcome: worst.outcome ?? 'failed',
      exitCode,
      reason: short(`${worst.service} ${outcomeText(worst.outcome ?? 'failed', exitCode)}: ${worst.reason ?? ''}`),
    };
  }
  if (notStarted.length > 0)
    return {outcome: 'interrupted', exitCode: 5, reason: `${tally}; not started: ${notStarted.map((item) => item.service).join(', ')}`};
  return {outcome: 'deployed', exitCode: 0, reason: tally};
}

/** The record with a later watch's end of one service folded in (only a service that was in flight or detached). */
export function settleService(record: AppRunRecord, service: string, end: {outcome: RunOutcome; exitCode: number; reason: string}): AppRunRecord {
  const item = record.services.find((candidate) => candidate.service === service);
  if (item === undefined || !servicesToReattach(record).includes(item)) return record;
  return update(record, service, (current) => ({...current, state: 'ended', outcome: end.outcome, exitCode: end.exitCode, reason: short(end.reason)}));
}

/** After a later watch: the run's outcome again, when every service's end is known now. */
export function settleRun(record: AppRunRecord, at: string): AppRunRecord {
  const settled = settledOutcome(record);
  if (settled === undefined) return record;
  return {...record, ...settled, finishedAt: record.finishedAt ?? at, settledAt: at};
}

/** `deployed (exit 0)`, `rolled back (exit 3)`, or `no end recorded (running, or interrupted)`. */
export function appRunOutcomeText(record: AppRunRecord): string {
  if (record.outcome === undefined) return 'no end recorded (still running, or interrupted)';
  return `${outcomeText(record.outcome, record.exitCode)}${record.exitCode === undefined ? '' : ` (exit ${record.exitCode})`}`;
}

/** One service of a record: `api: rolled back (exit 3), api:7, tag 1.4.2 — reason` or `web: not started — reason`. */
export function appRunServiceText(item: AppRunService): string {
  const where = [item.revision === undefined ? undefined : `revision ${item.revision}`, item.tag === undefined ? undefined : `tag ${item.tag}`]
    .filter((part) => part !== undefined)
    .join(', ');
  const detail = where === '' ? '' : ` [${where}]`;
  switch (item.state) {
    case 'waiting':
      return `${item.service}: not started (no start recorded)`;
    case 'not-started':
      return `${item.service}: not started — ${item.reason ?? ''}`;
    case 'in-flight':
      return `${item.service}: started, no end recorded${detail}`;
    case 'ended':
      return `${item.service}: ${outcomeText(item.outcome ?? 'failed', item.exitCode)}${item.exitCode === undefined ? '' : ` (exit ${item.exitCode})`}${detail}${item.reason ? ` — ${item.reason}` : ''}`;
  }
}

/** The newest record of `environment`, if any. */
export function newestRun(runs: readonly AppRunRecord[] | undefined, environment: string): AppRunRecord | undefined {
  return runs?.findLast((run) => run.environment === environment);
}
