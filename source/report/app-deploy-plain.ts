/**
 * The plain reporter of a whole-application run (no TTY, CI): one line per change, appended. Each service's own
 * events go through the single deploy's plain printer (deploy-plain.ts), every line prefixed with the service's
 * name; the app's own events (planned, started, not started, finished) and the summary are lines of their own.
 *
 *   deploying application shop to staging: db, api (after db), web (after api); at most 3 at once
 *   [db ] +0s   ✓ plan: done — …
 *   [api] not started — db rolled back: it depends on db
 *
 * Text from outside is cleaned by sanitize (here and in the per-service printer); colour only when asked.
 */
import type {AppDeployEvent} from '../domain/deploy/app-events.js';
import {appSummaryLines, appViewReducer, initialAppView, type AppView} from '../domain/deploy/app-view.js';
import {outcomeText} from '../domain/deploy/view.js';
import {createPlainPrinter, type PlainPrinter, type TextSink} from './deploy-plain.js';
import {sanitize} from './sanitize.js';
import {createStyle} from './style.js';

export interface AppPlainPrinter {
  print(event: AppDeployEvent): void;
  readonly view: AppView;
}

export interface AppPlainOptions {
  color?: boolean;
  /** `ecs-wizard deploy --app shop --env staging` + flags: how the summary says to resume. */
  resumeCommand: (flags: string) => string;
}

export function createAppPlainPrinter(out: TextSink, options: AppPlainOptions): AppPlainPrinter {
  const style = createStyle(options.color ?? false);
  let view = initialAppView;
  let width = 0;
  const printers = new Map<string, PlainPrinter>();
  const prefix = (service: string): string => style.bold(`[${service.padEnd(width)}]`) + ' ';
  const line = (service: string | undefined, text: string): void => {
    out.write(`${service === undefined ? '' : prefix(service)}${sanitize(text)}\n`);
  };
  const printerOf = (service: string): PlainPrinter => {
    let printer = printers.get(service);
    if (printer === undefined) {
      const sink: TextSink = {
        write: (chunk: string) =>
          out.write(
            chunk
              .split('\n')
              .map((item, index, all) => (index === all.length - 1 && item === '' ? '' : `${prefix(service)}${item}`))
              .join('\n'),
          ),
      };
      printer = createPlainPrinter(sink, {color: options.color ?? false});
      printers.set(service, printer);
    }
    return printer;
  };
  return {
    get view() {
      return view;
    },
    print(event) {
      view = appViewReducer(view, event);
      switch (event.type) {
        case 'app-started': {
          width = Math.max(0, ...event.services.map((item) => item.service.length));
          const order = event.services.map((item) => (item.dependsOn.length === 0 ? item.service : `${item.service} (after ${item.dependsOn.join(', ')})`));
          const what = event.watch === true ? 'watching' : 'deploying';
          line(
            undefined,
            `${what} application ${event.application} in ${event.environment}: ${order.join(', ')}${event.watch === true ? '' : `; at most ${event.parallel} at once`}${event.simulated ? ' — SIMULATED, no AWS calls' : ''}`,
          );
          return;
        }
        case 'service-run':
          printerOf(event.service).print(event.event);
          return;
        case 'app-service':
          switch (event.status) {
            case 'queued':
              return;
            case 'planned':
              line(event.service, event.changed === false ? 'planned: no changes' : 'planned: changes');
              return;
            case 'started':
              line(event.service, 'started');
              return;
            case 'skipped':
              line(event.service, style.yellow(`not started — ${event.reason ?? ''}`));
              return;
            case 'finished': {
              const text = `${outcomeText(event.outcome!, event.exitCode)} (exit ${event.exitCode})`;
              line(event.service, event.outcome === 'deployed' ? style.green(text) : style.red(text));
              return;
            }
          }
          return;
        case 'app-done': {
          const title = `application ${view.application ?? ''} in ${view.environment ?? ''}: ${event.reason} [exit ${event.exitCode}, ${Math.round(event.elapsedMs / 1000)}s]`;
          out.write(`${event.exitCode === 0 ? style.green(sanitize(title)) : style.red(sanitize(title))}\n`);
          for (const item of appSummaryLines(view, options.resumeCommand)) out.write(`  ${sanitize(item)}\n`);
          return;
        }
      }
    },
  };
}
