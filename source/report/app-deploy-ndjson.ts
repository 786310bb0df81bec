/**
 * The NDJSON reporter of a whole-application run (--json): one JSON object per event, strings cleaned. Each
 * service's own events are written as the single deploy writes them (deploy-ndjson.ts) with `service` (the
 * application's service name) added — a `watch-started` event's own ECS service name moves to `ecsService`. The
 * app's events (`app-started`, `app-service`) are written as they are, and `app-done` is the last line: the worst
 * outcome, its exit code, each service's result and the flags to resume with.
 */
import type {AppDeployEvent} from '../domain/deploy/app-events.js';
import {appViewReducer, initialAppView, type AppView} from '../domain/deploy/app-view.js';
import type {TextSink} from './deploy-plain.js';
import {sanitize} from './sanitize.js';

const clean = (value: unknown): unknown => {
  if (typeof value === 'string') return sanitize(value);
  if (Array.isArray(value)) return value.map(clean);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, clean(item)]));
  return value;
};

/** The line written for one event. */
export function ndjsonRecord(event: AppDeployEvent): Record<string, unknown> {
  if (event.type !== 'service-run') return event as unknown as Record<string, unknown>;
  const inner = event.event;
  return {...inner, ...(inner.type === 'watch-started' ? {ecsService: inner.service} : {}), service: event.service};
}

export interface AppNdjsonPrinter {
  print(event: AppDeployEvent): void;
  readonly view: AppView;
}

export function createAppNdjsonPrinter(out: TextSink): AppNdjsonPrinter {
  let view = initialAppView;
  return {
    get view() {
      return view;
    },
    print(event) {
      view = appViewReducer(view, event);
      out.write(`${JSON.stringify(clean(ndjsonRecord(event)))}\n`);
    },
  };
}
