/**
 * `watch --app NAME --env ENV`: re-attach to a detached whole-application run — each service's own run record says
 * whether it was left detached (`deploy --app` detached with d / Ctrl-C, or --no-wait) — and follow every one of them
 * at once (watch-existing.ts, one DeployEvent stream each) as ONE app-level stream, like the deploy's. A service whose
 * newest run here is not detached is not watched, and the summary says what its record says. When no service has a
 * detached run, every service is judged again, as `watch PROFILE` does.
 */
import type {AppDeployEvent, AppServiceResult} from '../../domain/deploy/app-events.js';
import {worstExitCode} from '../../domain/deploy/app-events.js';
import {resumeFlag} from '../../domain/deploy/app-order.js';
import type {DeployEvent, DoneEvent} from '../../domain/deploy/events.js';
import {outcomeText} from '../../domain/deploy/view.js';
import type {RunOutcome} from '../../domain/model.js';
import type {Clock} from '../../ports/clock.js';
import {Inbox} from './app-run.js';
import type {AppMember} from './app-services.js';

export interface AppWatchRequest {
  application: string;
  environment: string;
  members: AppMember[];
  order: string[];
  simulated: boolean;
  /** One service's watch (watch-existing.ts). */
  watch: (member: AppMember) => AsyncIterable<DeployEvent>;
  /**
   * From the run's record (app-run-record.ts): the services to re-attach to, and for each other member what the
   * record says of it (why it is not re-attached). Absent: each service's own run record decides (membersToWatch).
   */
  reattach?: {services: readonly string[]; others: Readonly<Record<string, {reason: string; outcome: RunOutcome | 'not-started'}>>};
}

/** The services `watch --app` follows: those whose newest run here was left detached, else all of them. */
export function membersToWatch(members: readonly AppMember[]): AppMember[] {
  const detached = members.filter((member) => member.profile.runs.findLast((run) => run.environment === member.environment.name)?.outcome === 'detached');
  return detached.length > 0 ? detached : [...members];
}

type Message = {member: string; event?: DeployEvent; error?: unknown; end?: true};

export async function* watchApp(clock: Clock, request: AppWatchRequest): AsyncGenerator<AppDeployEvent, void, undefined> {
  const startedAt = clock.now();
  const reattach = request.reattach;
  const watched = reattach === undefined ? membersToWatch(request.members) : request.members.filter((member) => reattach.services.includes(member.service));
  const names = new Set(watched.map((member) => member.service));
  yield {
    type: 'app-started',
    at: clock.now(),
    application: request.application,
    environment: request.environment,
    services: request.members.map((member) => ({service: member.service, profile: member.profile.name, dependsOn: member.dependsOn})),
    parallel: watched.length,
    watch: true,
    simulated: request.simulated,
  };
  const results = new Map<string, AppServiceResult>();
  for (const member of request.members) {
    if (names.has(member.service)) continue;
    const known = reattach?.others[member.service];
    if (known !== undefined) {
      results.set(member.service, {service: member.service, profile: member.profile.name, outcome: known.outcome, reason: known.reason});
      yield {type: 'app-service', at: clock.now(), service: member.service, status: 'skipped', reason: known.reason};
      continue;
    }
    const newest = member.profile.runs.findLast((run) => run.environment === member.environment.name);
    const reason = newest === undefined ? 'never deployed here' : `not detached: its newest run here ended ${outcomeText(newest.outcome, undefined)}`;
    results.set(member.service, {
      service: member.service,
      profile: member.profile.name,
      outcome: newest?.outcome ?? 'not-started',
      reason,
    });
    yield {type: 'app-service', at: clock.now(), service: member.service, status: 'skipped', reason};
  }
  const inbox = new Inbox<Message>();
  for (const member of watched) {
    void (async () => {
      try {
        for await (const event of request.watch(member)) inbox.push({member: member.service, event});
        inbox.push({member: member.service, end: true});
      } catch (error) {
        inbox.push({member: member.service, error, end: true});
      }
    })();
    yield {type: 'app-service', at: clock.now(), service: member.service, status: 'started'};
  }
  const done = new Map<string, DoneEvent>();
  let open = watched.length;
  while (open > 0) {
    const message = await inbox.take();
    if (message.event !== undefined) {
      yield {type: 'service-run', at: message.event.at, service: message.member, event: message.event};
      if (message.event.type === 'done') done.set(message.member, message.event);
    }
    if (message.end !== true) continue;
    open -= 1;
    let final = done.get(message.member);
    if (final === undefined) {
      const reason = message.error instanceof Error ? message.error.message : 'the watch ended without an outcome';
      final = {type: 'done', at: clock.now(), outcome: 'failed', reason, exitCode: 1, elapsedMs: 0, apiCalls: 0};
      yield {type: 'service-run', at: clock.now(), service: message.member, event: final};
    }
    const member = watched.find((item) => item.service === message.member)!;
    results.set(message.member, {
      service: member.service,
      profile: member.profile.name,
      outcome: final.outcome,
      exitCode: final.exitCode,
      reason: final.reason,
    });
    yield {
      type: 'app-service',
      at: clock.now(),
      service: message.member,
      status: 'finished',
      outcome: final.outcome,
      exitCode: final.exitCode,
      reason: final.reason,
    };
  }
  const ordered = request.members.map((member) => results.get(member.service)!);
  const exitCode = worstExitCode(ordered.flatMap((result) => (result.exitCode === undefined ? [] : [result.exitCode])));
  const worst = ordered.find((result) => result.exitCode === exitCode && result.outcome !== 'not-started' && names.has(result.service));
  const outcome: RunOutcome = worst === undefined ? 'deployed' : (worst.outcome as RunOutcome);
  const left = ordered.filter((result) => result.outcome !== 'deployed').map((result) => result.service);
  const resume = resumeFlag(request.order, left);
  yield {
    type: 'app-done',
    at: clock.now(),
    outcome,
    exitCode,
    reason:
      exitCode === 0 || worst === undefined
        ? `${ordered.filter((result) => result.outcome === 'deployed').length} of ${ordered.length} services deployed`
        : `${worst.service} ${outcomeText(worst.outcome as RunOutcome, worst.exitCode)}: ${worst.reason}`,
    elapsedMs: clock.now() - startedAt,
    services: ordered,
    ...(resume === undefined ? {} : {resume}),
  };
}
