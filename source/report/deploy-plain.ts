/**
 * The plain deploy reporter (no TTY, CI): one line per change, appended, never redrawn.
 *
 *   +0s   watching web in default (us-east-1) for web:2 — SIMULATED (scenario crash-loop), no AWS calls
 *   +0s   deployment ecs-svc/47… PRIMARY web:2  running 0/2  pending 2  failed 0  IN_PROGRESS (…)
 *   +14s  task 3f2a… stopped: Essential container in task exited (web exit 1)
 *           essential-exit: essential container web exited with code 1
 *           hint: Read web's logs …
 *
 * Two ways to use it: `reportPlain(events, out, options)` consumes a whole stream and resolves with the final
 * DeployView; `createPlainPrinter(out, options)` is a stateful printer (`print(event)`) for callers that already
 * iterate the stream (e.g. to record the run as well). Text from outside is passed through `sanitize`; colour only
 * when `color` is true.
 */
import {deploymentRowText, deployViewReducer, formatElapsed, initialDeployView, logSince} from '../domain/deploy/view.js';
import type {DeployEvent, DeploymentRow} from '../domain/deploy/events.js';
import type {DeployView, LogLine} from '../domain/deploy/view.js';
import {sanitize} from './sanitize.js';
import {createStyle} from './style.js';
import type {Style} from './style.js';

/** What the reporters write to (a Node Writable, process.stdout, or a test buffer). */
export interface TextSink {
  write(chunk: string): unknown;
}

export interface PlainReporterOptions {
  color?: boolean;
}

export interface PlainPrinter {
  /** Folds the event into the view and writes its lines. */
  print(event: DeployEvent): void;
  readonly view: DeployView;
}

const TIME_WIDTH = 6;

function paint(style: Style, level: LogLine['level'], text: string): string {
  switch (level) {
    case 'ok':
      return style.green(text);
    case 'warn':
      return style.yellow(text);
    case 'error':
      return style.red(text);
    case 'info':
      return text;
  }
}

export function createPlainPrinter(out: TextSink, options: PlainReporterOptions = {}): PlainPrinter {
  const style = createStyle(options.color ?? false);
  let view = initialDeployView;
  const emit = (at: number, text: string, level: LogLine['level'], detail: string[] = []): void => {
    const time = formatElapsed(at - (view.startedAt ?? at)).padEnd(TIME_WIDTH);
    let chunk = `${style.dim(time)}${paint(style, level, sanitize(text))}\n`;
    for (const line of detail) chunk += `${' '.repeat(TIME_WIDTH + 2)}${style.dim(sanitize(line))}\n`;
    out.write(chunk);
  };
  const rowLine = (row: DeploymentRow): string => `deployment ${row.id}${row.ours ? ' (ours)' : ''} ${deploymentRowText(row)}`;

  return {
    get view() {
      return view;
    },
    print(event) {
      const before = view;
      view = deployViewReducer(view, event);
      if (event.type === 'deployments') {
        const previous = new Map(before.deployments.map((row) => [row.id, JSON.stringify(row)]));
        for (const row of event.deployments) {
          if (previous.get(row.id) !== JSON.stringify(row))
            emit(event.at, rowLine(row), row.rolloutState === 'FAILED' ? 'error' : row.rolloutState === 'COMPLETED' ? 'ok' : 'info');
        }
        const current = new Set(event.deployments.map((row) => row.id));
        for (const row of before.deployments)
          if (!current.has(row.id)) emit(event.at, `deployment ${row.id} (${deploymentRowText(row).split('  ')[0]}) is gone`, 'info');
        return;
      }
      for (const line of logSince(before, view)) {
        const suffix = event.type === 'done' ? ` [exit ${event.exitCode}, ${Math.round(event.elapsedMs / 1000)}s, ${event.apiCalls} ECS API calls]` : '';
        emit(line.at, line.text + suffix, line.level, line.detail);
      }
    },
  };
}

/** Prints the whole stream; resolves with the final view once the stream ends. */
export async function reportPlain(events: AsyncIterable<DeployEvent>, out: TextSink, options: PlainReporterOptions = {}): Promise<DeployView> {
  const printer = createPlainPrinter(out, options);
  for await (const event of events) printer.print(event);
  return printer.view;
}
