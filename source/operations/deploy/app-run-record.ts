/**
 * Keeping the record of a whole-application run (domain/deploy/app-run-record.ts) in the application, under the
 * store's lock: `recordAppRun` passes a deploy's AppDeployEvent stream on unchanged and writes the record when the run
 * starts, when each service starts, when each ends and at the end; `settleAppRun` folds a later `watch --app` into the
 * record it re-attached from. A record that cannot be written never stops the run: the end says so (`app-done`'s
 * notes). The final record travels on `app-done` (so --json carries it).
 */
import type {AppDeployEvent} from '../../domain/deploy/app-events.js';
import {
  applyAppEvent,
  isRecordPoint,
  notReattachedReason,
  servicesToReattach,
  settleRun,
  settleService,
  startRecord,
  type AppRunRecord,
} from '../../domain/deploy/app-run-record.js';
import type {RunOutcome} from '../../domain/model.js';
import type {Clock} from '../../ports/clock.js';
import type {ProfileStore} from '../../ports/profile-store.js';
import type {AppMember} from './app-services.js';
import type {AppWatchRequest} from './app-watch.js';

export interface AppRecordPorts {
  store: Pick<ProfileStore, 'updateApplicationRuns'>;
  clock: Clock;
}

/** The tag each member deploys (its profile's). */
export const memberTags = (members: readonly AppMember[]): Record<string, string> =>
  Object.fromEntries(
    members.flatMap((member) => (member.profile.service.artifact.tag === undefined ? [] : [[member.service, member.profile.service.artifact.tag]])),
  );

const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Writes `record` (by its id; a new one is appended, with an id no other run of the application has). */
async function write(ports: AppRecordPorts, application: string, record: AppRunRecord): Promise<AppRunRecord> {
  let saved = record;
  await ports.store.updateApplicationRuns(application, (runs) => {
    const at = runs.findIndex((run) => run.id === record.id);
    if (at !== -1) return runs.map((run, index) => (index === at ? record : run));
    let id = record.id;
    for (let suffix = 2; runs.some((run) => run.id === id); suffix += 1) id = `${record.id}-${suffix}`;
    saved = {...record, id};
    return [...runs, saved];
  });
  return saved;
}

/** The deploy's events, passed on as they come, with the run recorded in the application. */
export async function* recordAppRun(
  ports: AppRecordPorts,
  request: {application: string; tags: Readonly<Record<string, string>>},
  events: AsyncIterable<AppDeployEvent>,
): AsyncGenerator<AppDeployEvent, void, undefined> {
  const iso = (): string => new Date(ports.clock.now()).toISOString();
  let record: AppRunRecord | undefined;
  let failure: string | undefined;
  const save = async (next: AppRunRecord): Promise<void> => {
    record = next;
    try {
      record = await write(ports, request.application, next);
    } catch (error) {
      failure ??= errorMessage(error);
    }
  };
  for await (const event of events) {
    if (event.type === 'app-started') {
      const startedAt = iso();
      await save(startRecord(event, {id: startedAt, startedAt, tags: request.tags}));
    } else if (record !== undefined) {
      const next = applyAppEvent(record, event, iso());
      if (isRecordPoint(event)) await save(next);
      else record = next;
    }
    if (event.type === 'app-done') {
      const notes = [...(event.notes ?? []), ...(failure === undefined ? [] : [`the run was not recorded in the application: ${failure}`])];
      yield {...event, ...(record === undefined ? {} : {record}), ...(notes.length === 0 ? {} : {notes})};
    } else yield event;
  }
}

/**
 * A later `watch --app`'s events, passed on, with the services it re-attached to settled in the record `recordId`
 * (each as its watch ends) and the run's outcome made again once every service's end is known.
 */
export async function* settleAppRun(
  ports: AppRecordPorts,
  request: {application: string; recordId: string; notes?: readonly string[]},
  events: AsyncIterable<AppDeployEvent>,
): AsyncGenerator<AppDeployEvent, void, undefined> {
  let failure: string | undefined;
  let latest: AppRunRecord | undefined;
  const change = async (apply: (record: AppRunRecord) => AppRunRecord): Promise<void> => {
    try {
      const runs = await ports.store.updateApplicationRuns(request.application, (stored) =>
        stored.map((run) => (run.id === request.recordId ? apply(run) : run)),
      );
      latest = runs.find((run) => run.id === request.recordId);
    } catch (error) {
      failure ??= errorMessage(error);
    }
  };
  for await (const event of events) {
    if (event.type === 'app-service' && event.status === 'finished' && event.outcome !== undefined) {
      const end = {outcome: event.outcome, exitCode: event.exitCode ?? 1, reason: event.reason ?? ''};
      await change((record) => settleService(record, event.service, end));
    }
    if (event.type === 'app-done') {
      await change((record) => settleRun(record, new Date(ports.clock.now()).toISOString()));
      const notes = [...(request.notes ?? []), ...(event.notes ?? []), ...(failure === undefined ? [] : [`the run's record was not updated: ${failure}`])];
      yield {...event, ...(latest === undefined ? {} : {record: latest}), ...(notes.length === 0 ? {} : {notes})};
    } else yield event;
  }
}

/**
 * What `watch --app` re-attaches to, from the newest record of the environment: the services it left in flight (no
 * end recorded: detached, or the process stopped) that are still services of the application here; for every other
 * member, why not. Undefined when there is no record (of AWS, or of the simulator when `simulated`), or nothing in it to re-attach to (each service's own run record
 * decides then).
 */
export function reattachPlan(
  record: AppRunRecord | undefined,
  members: readonly AppMember[],
  simulated: boolean,
): {recordId: string; reattach: NonNullable<AppWatchRequest['reattach']>; missing: string[]} | undefined {
  // A simulated run lives in its process: a simulated watch never settles a record of AWS, nor the other way round.
  if (record === undefined || (record.simulated === true) !== simulated) return undefined;
  const targets = servicesToReattach(record).map((item) => item.service);
  if (targets.length === 0) return undefined;
  const names = new Set(members.map((member) => member.service));
  const others: Record<string, {reason: string; outcome: RunOutcome | 'not-started'}> = {};
  for (const member of members) {
    if (targets.includes(member.service)) continue;
    const item = record.services.find((candidate) => candidate.service === member.service);
    others[member.service] =
      item === undefined
        ? {reason: `not re-attached: it was not part of the run recorded at ${record.startedAt}`, outcome: 'not-started'}
        : {reason: notReattachedReason(item), outcome: item.state === 'ended' ? (item.outcome ?? 'failed') : 'not-started'};
  }
  return {
    recordId: record.id,
    reattach: {services: targets.filter((name) => names.has(name)), others},
    // In the record, no longer a service of the application here (removed, renamed, or its environment changed).
    missing: targets.filter((name) => !names.has(name)),
  };
}
