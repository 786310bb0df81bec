/**
 * The run context of a command that reports a run or a plan (deploy, rollback, watch, diff, verify; the home screen),
 * decided once, here, from the global options and the terminal:
 *
 * - the reporter: NDJSON / JSON with --json; the Ink screen on a terminal (for commands that have one); else plain
 *   lines (no TTY, CI);
 * - colour: off with --no-color or NO_COLOR; plain output is coloured only on a terminal; an Ink screen's colour is
 *   fixed before Ink (chalk) loads — `inkColour` is the one place that writes FORCE_COLOR;
 * - the width of plain output, and the clock.
 */
import type {Clock} from '../ports/clock.js';
import type {CommandContext, GlobalOptions} from './spec.js';

export type Reporter = 'ink' | 'plain' | 'json';

export interface RunContext {
  reporter: Reporter;
  /** Whether what this run writes is coloured. */
  color: boolean;
  /** Columns of plain output. */
  width: number;
  clock: Clock;
}

/** `screen`: the command has an Ink screen for a terminal (deploy, rollback, watch); diff and verify print text. */
export function runContext(context: Pick<CommandContext, 'globals' | 'io' | 'root'>, options: {screen: boolean}): RunContext {
  const {globals, io} = context;
  const reporter: Reporter = globals.json ? 'json' : options.screen && io.interactive ? 'ink' : 'plain';
  return {
    reporter,
    color: reporter === 'ink' ? globals.color : reporter === 'plain' && globals.color && Boolean(io.stdout.isTTY),
    width: io.stdout.columns ?? 100,
    clock: context.root.clock,
  };
}

/**
 * Colour for an Ink screen, fixed before Ink loads: without colour, FORCE_COLOR=0 (chalk reads it once, on import).
 * Returns whether the screen is coloured (not when FORCE_COLOR=0 was already set): what it pre-renders as text (the
 * plan) follows it, like Ink's own colours.
 */
export function inkColour(globals: Pick<GlobalOptions, 'color'>): boolean {
  if (!globals.color) process.env.FORCE_COLOR = '0';
  return process.env.FORCE_COLOR !== '0';
}
