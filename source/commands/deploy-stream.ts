/**
 * The one runner of a deploy-like stream (deploy, rollback, watch): the DeployEvent stream goes to the reporter the
 * run context picked — NDJSON events then a summary (--json), the Ink deploy screen (a terminal), or plain lines with
 * the plan before them (no TTY, CI). Returns the exit code of the stream's `done`.
 */
import type {DeployEvent} from '../domain/deploy/events.js';
import type {DeployView} from '../domain/deploy/view.js';
import {EXIT} from '../errors.js';
import type {DeployControl} from '../operations/deploy/control.js';
import type {StreamHooks} from '../operations/deploy/hooks.js';
import type {Simulation} from '../operations/deploy/setup.js';
import {createNdjsonPrinter} from '../report/deploy-ndjson.js';
import {createPlainPrinter} from '../report/deploy-plain.js';
import {planText} from '../report/plan-text.js';
import {inkColour, runContext} from './run-context.js';
import type {CommandContext} from './spec.js';

export interface StreamRun {
  /** `deploy web-api → staging`. */
  title: string;
  /** How to re-attach (printed after a detach). */
  watchCommand: string;
  control: DeployControl;
  simulation?: Simulation;
  /** Ask before changing anything (a terminal without --yes). */
  confirm: boolean;
  start: (hooks: StreamHooks) => AsyncIterable<DeployEvent>;
}

/** Runs a stream through the renderer that fits the output; returns the exit code of its `done`. */
export async function runDeployStream(context: CommandContext, run: StreamRun): Promise<number> {
  const {control} = run;
  const {io} = context;
  const output = runContext(context, {screen: true});
  let exitCode: number | undefined;

  if (output.reporter === 'json') {
    const printer = createNdjsonPrinter(io.stdout);
    const stopOnSignal = onInterrupt(() => control.detach());
    try {
      for await (const event of run.start({})) {
        printer.print(event);
        if (event.type === 'done') exitCode = event.exitCode;
      }
    } finally {
      stopOnSignal();
    }
    const summary = printer.summary();
    return exitCode ?? summary.exitCode;
  }

  if (output.reporter === 'ink') {
    const color = inkColour(context.globals);
    const {runDeployScreen} = await import('../ui/screens/deploy.js');
    const view = await runDeployScreen({
      io,
      clock: output.clock,
      title: run.title,
      control,
      confirm: run.confirm,
      color,
      ...(run.simulation === undefined ? {} : {simulation: run.simulation}),
      watchCommand: run.watchCommand,
      start: run.start,
    });
    return view.exitCode ?? EXIT.failed;
  }

  const printer = createPlainPrinter(io.stdout, {color: output.color});
  const stopOnSignal = onInterrupt(() => control.detach());
  try {
    for await (const event of run.start({
      // The plan with its diff, once (the checks are lines of the stream).
      onReview: (review) => io.stdout.write(`${planText(review.plan, {width: output.width, color: output.color})}\n`),
    })) {
      printer.print(event);
      if (event.type === 'done') exitCode = event.exitCode;
    }
  } finally {
    stopOnSignal();
  }
  const view: DeployView = printer.view;
  if (view.outcome === 'detached' && exitCode !== 0) io.stdout.write(`The deployment goes on. Watch it again: ${run.watchCommand}\n`);
  return exitCode ?? EXIT.failed;
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
