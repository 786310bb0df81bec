/**
 * The whole-application deploy (`deploy --app NAME --env ENV`): every selected service's single deploy (run.ts: plan
 * → checks → confirmation → apply → watch, one DeployEvent stream each) driven as ONE stream of app-level events
 * (domain/deploy/app-events.ts):
 *
 * 1. every service is planned and checked at once (nothing changes): each stream runs up to its confirmation;
 * 2. if any plan or check failed, nothing is started (each other service: "not started"); otherwise the combined
 *    plan is shown (`onReview`) and confirmed ONCE (`confirm`; absent = --yes);
 * 3. the services are released in dependency order, at most `parallel` at once: a service starts when every
 *    service it depends on in this run is deployed. When one fails, rolls back, times out or is detached, the
 *    services that depend on it (transitively) are not started; those in flight are left to finish;
 * 4. `app-done` comes last: the worst exit code (app-events.ts), each service's result and how to resume.
 *
 * A detach (`signal`) starts nothing more; the services in flight detach through their own controls (the caller
 * links them to the same signal). The events of each service's stream are passed on as `service-run`, as emitted.
 */
import type {AppDeployEvent, AppServiceResult} from '../../domain/deploy/app-events.js';
import {worstExitCode} from '../../domain/deploy/app-events.js';
import {dependentsOf, resumeFlag} from '../../domain/deploy/app-order.js';
import type {DeployEvent, DoneEvent} from '../../domain/deploy/events.js';
import {outcomeText} from '../../domain/deploy/view.js';
import type {RunOutcome} from '../../domain/model.js';
import type {Clock} from '../../ports/clock.js';
import type {AppMember} from './app-services.js';
import type {DeployReview} from './run.js';

/** The hooks the orchestrator gives each service's deploy: its review, and the gate it waits at before changing anything. */
export interface MemberHooks {
  onReview: (review: DeployReview) => void;
  confirm: (review: DeployReview) => Promise<boolean>;
}

export interface AppReview {
  service: string;
  review: DeployReview;
}

export interface AppDeployRequest {
  application: string;
  environment: string;
  /** The services this run deploys, in deploy order. */
  members: AppMember[];
  /** The application's whole deploy order (for the resume flags). */
  order: string[];
  /** At most this many services roll out at once (≥ 1). */
  parallel: number;
  simulated: boolean;
  /** One service's deploy stream (run.ts's `deploy`), with the hooks given. */
  start: (member: AppMember, hooks: MemberHooks) => AsyncIterable<DeployEvent>;
  /** The combined plan, once every service is planned and checked. */
  onReview?: (reviews: AppReview[]) => void | Promise<void>;
  /** Asked once before anything changes; absent = go on (--yes). */
  confirm?: (reviews: AppReview[]) => Promise<boolean>;
  /** Aborted: detach — start nothing more. */
  signal?: AbortSignal;
}

type Message =
  {kind: 'event'; member: string; event: DeployEvent} | {kind: 'gate'; member: string} | {kind: 'end'; member: string; error?: unknown} | {kind: 'abort'};

/** A queue the service streams push into and the orchestrator takes from, one message at a time. */
export class Inbox<T> {
  private readonly items: T[] = [];
  private waiting: ((item: T) => void) | undefined;
  push(item: T): void {
    const waiter = this.waiting;
    if (waiter !== undefined) {
      this.waiting = undefined;
      waiter(item);
    } else this.items.push(item);
  }
  take(): Promise<T> {
    const item = this.items.shift();
    if (item !== undefined) return Promise.resolve(item);
    return new Promise((resolve) => (this.waiting = resolve));
  }
}

interface MemberState {
  member: AppMember;
  review?: DeployReview;
  /** Resolves the service's confirmation: true starts it, false leaves it unchanged. */
  release?: (go: boolean) => void;
  gated: boolean;
  ended: boolean;
  /** Released with true. */
  started: boolean;
  /** Not started: why (its stream's own end is then not passed on). */
  skipped?: string;
  done?: DoneEvent;
}

const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export async function* deployApp(clock: Clock, request: AppDeployRequest): AsyncGenerator<AppDeployEvent, void, undefined> {
  const startedAt = clock.now();
  const inbox = new Inbox<Message>();
  const states = new Map<string, MemberState>(request.members.map((member) => [member.service, {member, gated: false, ended: false, started: false}]));
  const inRun = new Set(states.keys());
  const parallel = Math.max(1, request.parallel);
  const onAbort = (): void => inbox.push({kind: 'abort'});
  request.signal?.addEventListener('abort', onAbort, {once: true});

  yield {
    type: 'app-started',
    at: clock.now(),
    application: request.application,
    environment: request.environment,
    services: request.members.map((member) => ({
      service: member.service,
      profile: member.profile.name,
      dependsOn: member.dependsOn.filter((name) => inRun.has(name)),
    })),
    parallel,
    simulated: request.simulated,
  };
  for (const member of request.members) yield {type: 'app-service', at: clock.now(), service: member.service, status: 'queued'};

  // 1. Every service's stream runs up to its confirmation (plan and checks), all at once.
  for (const state of states.values()) {
    const name = state.member.service;
    const hooks: MemberHooks = {
      onReview: (review) => {
        state.review = review;
      },
      confirm: (review) =>
        new Promise<boolean>((resolve) => {
          state.review = review;
          state.release = resolve;
          inbox.push({kind: 'gate', member: name});
        }),
    };
    void (async () => {
      try {
        for await (const event of request.start(state.member, hooks)) inbox.push({kind: 'event', member: name, event});
        inbox.push({kind: 'end', member: name});
      } catch (error) {
        inbox.push({kind: 'end', member: name, error});
      }
    })();
  }

  const skip = (state: MemberState, reason: string): AppDeployEvent => {
    state.skipped = reason;
    state.release?.(false);
    return {type: 'app-service', at: clock.now(), service: state.member.service, status: 'skipped', reason};
  };

  /** Handles one message; yields what it makes visible. */
  function* handle(message: Message): Generator<AppDeployEvent, void, undefined> {
    if (message.kind === 'abort') return;
    const state = states.get(message.member)!;
    const service = state.member.service;
    if (message.kind === 'gate') {
      state.gated = true;
      yield {type: 'app-service', at: clock.now(), service, status: 'planned', changed: state.review?.plan.action !== 'none'};
      return;
    }
    if (message.kind === 'event') {
      if (message.event.type !== 'done') {
        yield {type: 'service-run', at: message.event.at, service, event: message.event};
        return;
      }
      state.done = message.event;
      // A service that was not started: its stream's own ending ("cancelled at the confirmation") is not news.
      if (state.skipped === undefined) yield* finish(state);
      return;
    }
    state.ended = true;
    if (state.skipped !== undefined || state.done !== undefined) return;
    const reason = message.error === undefined ? 'the run ended without an outcome' : errorMessage(message.error);
    const exitCode = typeof (message.error as {exitCode?: unknown})?.exitCode === 'number' ? (message.error as {exitCode: number}).exitCode : 1;
    state.done = {type: 'done', at: clock.now(), outcome: 'failed', reason, exitCode, elapsedMs: 0, apiCalls: 0};
    yield* finish(state);
  }

  /** A service's run ended: its `done`, its result, and the services that can no longer start. */
  function* finish(state: MemberState): Generator<AppDeployEvent, void, undefined> {
    const service = state.member.service;
    const done = state.done!;
    yield {type: 'service-run', at: done.at, service, event: done};
    const {outcome, exitCode, reason} = done;
    yield {type: 'app-service', at: clock.now(), service, status: 'finished', outcome, exitCode, reason};
    if (state.started && outcome !== 'deployed') {
      for (const dependent of dependentsOf(
        request.members.map((item) => ({name: item.service, dependsOn: item.dependsOn})),
        service,
      )) {
        const waiting = states.get(dependent);
        if (waiting !== undefined && !waiting.started && waiting.skipped === undefined && waiting.done === undefined)
          yield skip(waiting, `${service} ${outcomeText(outcome, exitCode)}: it depends on ${service}`);
      }
    }
  }

  const all = [...states.values()];
  try {
    while (all.some((state) => !state.gated && state.done === undefined)) yield* handle(await inbox.take());

    // 2. One plan, one confirmation — or nothing starts when a plan or a check failed.
    const failed = all.filter((state) => state.done !== undefined);
    let cancel: string | undefined;
    if (request.signal?.aborted) {
      // Stopped while planning: what a plan or a check made of the stop is not a failure of that service.
      cancel = 'not started: stopped before any change';
      for (const state of all) if (state.done !== undefined && state.skipped === undefined) state.skipped = cancel;
    } else if (failed.length > 0) {
      cancel = `not started: ${failed.map((state) => state.member.service).join(', ')} could not be planned or checked, so nothing was changed`;
    } else {
      const reviews = all.map((state) => ({service: state.member.service, review: state.review!}));
      await request.onReview?.(reviews);
      if (request.signal?.aborted) cancel = 'not started: stopped before any change';
      else if (request.confirm !== undefined && !(await request.confirm(reviews))) cancel = 'not started: cancelled at the confirmation, nothing was changed';
    }
    if (cancel !== undefined) for (const state of all) if (state.done === undefined) yield skip(state, cancel);

    // 3. Release in dependency order, at most `parallel` at once.
    for (;;) {
      if (request.signal?.aborted) {
        for (const state of all) if (state.gated && !state.started && state.skipped === undefined) yield skip(state, 'not started: the run was detached');
      } else {
        let running = all.filter((state) => state.started && state.done === undefined).length;
        for (const state of all) {
          if (running >= parallel) break;
          if (!state.gated || state.started || state.skipped !== undefined || state.done !== undefined) continue;
          const ready = state.member.dependsOn.every((name) => !inRun.has(name) || states.get(name)!.done?.outcome === 'deployed');
          if (!ready) continue;
          state.started = true;
          running += 1;
          yield {type: 'app-service', at: clock.now(), service: state.member.service, status: 'started'};
          state.release?.(true);
        }
        // Nothing in flight and nothing could start: what waits can never start (never a hang).
        if (running === 0)
          for (const state of all)
            if (state.gated && !state.started && state.skipped === undefined && state.done === undefined)
              yield skip(state, `not started: ${state.member.dependsOn.filter((name) => inRun.has(name)).join(', ')} did not deploy`);
      }
      if (all.every((state) => state.ended)) break;
      yield* handle(await inbox.take());
    }
  } finally {
    request.signal?.removeEventListener('abort', onAbort);
    // A consumer that stops early leaves no service waiting at its gate.
    for (const state of all) if (!state.started) state.release?.(false);
  }

  // 4. The end: the worst outcome, each service's result, how to resume.
  const results: AppServiceResult[] = all.map((state) => {
    const base = {
      service: state.member.service,
      profile: state.member.profile.name,
      ...(state.review === undefined ? {} : {changed: state.review.plan.action !== 'none'}),
    };
    if (state.skipped !== undefined) return {...base, outcome: 'not-started', reason: state.skipped.replace(/^not started: /, '')};
    const done = state.done!;
    return {...base, outcome: done.outcome, exitCode: done.exitCode, reason: done.reason};
  });
  const codes = results.flatMap((result) => (result.exitCode === undefined ? [] : [result.exitCode]));
  const cancelled = results.every((result) => result.outcome === 'not-started');
  const exitCode = cancelled ? 5 : worstExitCode(codes);
  const worst = results.find((result) => result.exitCode === exitCode && result.outcome !== 'not-started');
  const outcome: RunOutcome = worst === undefined ? (exitCode === 0 ? 'deployed' : 'interrupted') : (worst.outcome as RunOutcome);
  const left = results.filter((result) => result.outcome !== 'deployed').map((result) => result.service);
  const resume = resumeFlag(request.order, left);
  const deployedCount = results.filter((result) => result.outcome === 'deployed').length;
  const reason =
    exitCode === 0
      ? `${deployedCount} of ${results.length} service${results.length === 1 ? '' : 's'} deployed`
      : worst !== undefined
        ? `${worst.service} ${outcomeText(worst.outcome as RunOutcome, worst.exitCode)}: ${worst.reason}`
        : (results[0]?.reason ?? 'nothing was started');
  yield {
    type: 'app-done',
    at: clock.now(),
    outcome,
    exitCode,
    reason,
    elapsedMs: clock.now() - startedAt,
    services: results,
    ...(resume === undefined ? {} : {resume}),
  };
}
