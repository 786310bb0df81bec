import type {CompositionRoot} from '../ports/root.js';
import type {CommandIo} from '../ports/terminal.js';

/**
 * What a command declares about itself. The table in registry.ts holds only these declarations;
 * a command's implementation is imported lazily by `load`, so `--help` or `profiles list` never pay
 * for Ink, React or the AWS SDK.
 */
export interface OptionSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
  short?: string;
  /** Name of the value in help, e.g. `FILE`. */
  value?: string;
  /**
   * For a string option whose value may be left out: the value a bare `--name` stands for. Only `--name=VALUE`
   * then gives a value (`--simulate web` is the bare option followed by an argument).
   */
  bareValue?: string;
  description: string;
}

export interface PositionalSpec {
  name: string;
  required: boolean;
  description: string;
}

export interface CommandSpec {
  /** The words that select it: `['profiles', 'list']`. */
  path: string[];
  summary: string;
  description?: string;
  options: Record<string, OptionSpec>;
  positionals: PositionalSpec[];
  examples?: string[];
  load: () => Promise<{run: CommandRun}>;
}

/** A group of commands (`profiles`) — it may open an interactive screen when run alone on a TTY. */
export interface CommandGroup {
  name: string;
  summary: string;
  /** Run when the group is invoked with no subcommand on a TTY. */
  interactive?: () => Promise<{run: CommandRun}>;
}

export interface GlobalOptions {
  region?: string;
  awsProfile?: string;
  endpointUrl?: string;
  json: boolean;
  color: boolean;
}

export type OptionValues = Record<string, string | boolean | string[] | undefined>;

export interface CommandContext {
  options: OptionValues;
  positionals: string[];
  globals: GlobalOptions;
  io: CommandIo;
  env: NodeJS.ProcessEnv;
  root: CompositionRoot;
}

/** Returns the process exit code. Throws CliError for user-facing failures. */
export type CommandRun = (context: CommandContext) => Promise<number>;
