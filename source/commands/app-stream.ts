/**
 * The one runner of a whole-application stream (`deploy --app`, `watch --app`): the AppDeployEvent stream goes to the
 * reporter the run context picks — NDJSON (--json), the Ink table (a terminal), or plain lines with each service's
 * plan before them (no TTY, CI). Returns the exit code of the stream's `app-done`.
 */
import type {AppDeployEvent} from '../domain/deploy/app-events.js';
import {EXIT} from '../errors.js';
import type {AppReview} from '../operations/deploy/app-run.js';
import type {DeployControl} from '../operations/deploy/control.js';
import {createAppNdjsonPrinter} from '../report/app-deploy-ndjson.js';
import {createAppPlainPrinter} from '../report/app-deploy-plain.js';
import {planText} from '../report/plan-text.js';
import {inkColour, runContext} from './run-context.js';
import type {CommandContext} from './spec.js';

export interface AppStreamHooks {
  onReview?: (reviews: AppReview[]) => void;
  confirm?: (reviews: AppReview[]) => Promise<boolean>;
}

export interface AppStreamRun {
  /** `deploy application shop → staging`. */
  title: string;
  /** How to re-attach (printed after a detach). */
  watchCommand: string;
  /** The deploy command with these flags: how to resume. */
  resumeCommand: (flags: string) => string;
  /** Detaches the whole run. */
  detach: () => void;
  /** Each service's control, once its run started (the screen's `r` rolls the focused service back). */
  controls?: Map<string, DeployControl>;
  simulation?: {scenario: string; speed: number};
  /** Ask once before changing anything (a terminal without --yes). */
  confirm: boolean;
  start: (hooks: AppStreamHooks) => AsyncIterable<AppDeployEvent>;
}

export async function runAppStream(context: CommandContext, run: AppStreamRun): Promise<number> {
  const {io} = context;
  const output = runContext(context, {screen: true});
  let exitCode: number | undefined;

  if (output.reporter === 'ink') {
    const color = inkColour(context.globals);
    const {runAppDeployScreen} = await import('../ui/screens/app-deploy.js');
    const view = await runAppDeployScreen({
      io,
      clock: output.clock,
      title: run.title,
      detach: run.detach,
      ...(run.controls === undefined ? {} : {controls: run.controls}),
      confirm: run.confirm,
      color,
      ...(run.simulation === undefined ? {} : {simulation: run.simulation}),
      watchCommand: run.watchCommand,
      resumeCommand: run.resumeCommand,
      start: run.start,
    });
    return view.exitCode ?? EXIT.failed;
  }

  const stop = onInterrupt(run.detach);
  try {
    if (output.reporter === 'json') {
      const printer = createAppNdjsonPrinter(io.stdout);
      for await (const event of run.start({})) {
        printer.print(event);
        if (event.type === 'app-done') exitCode = event.exitCode;
      }
      return exitCode ?? EXIT.failed;
    }
    const printer = createAppPlainPrinter(io.stdout, {color: output.color, resumeCommand: run.resumeCommand});
    for await (const event of run.start({
      // Each service's plan with its diff, once, before anything changes.
      onReview: (reviews) => {
        for (const {review} of reviews) io.stdout.write(`${planText(review.plan, {width: output.width, color: output.color})}\n`);
      },
    })) {
      printer.print(event);
      if (event.type === 'app-done') exitCode = event.exitCode;
    }
    if (printer.view.outcome === 'detached') io.stdout.write(`The deployments go on. Watch them again: ${run.watchCommand}\n`);
    return exitCode ?? EXIT.failed;
  } finally {
    stop();
  }
}

/** Ctrl-C without a terminal (CI cancel): detach instead of dying mid-poll. Returns the un-registration. */
function onInterrupt(detach: () => void): () => void {
  const handler = (): void => detach();
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}
