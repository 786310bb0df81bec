import {parseInvocation} from './commands/argv.js';
import {helpFor} from './commands/help.js';
import type {CommandRun, GlobalOptions} from './commands/spec.js';
import type {CommandIo} from './ports/terminal.js';
import {createCompositionRoot} from './composition.js';
import type {CompositionRoot} from './ports/root.js';
import {CliError, EXIT, UsageError} from './errors.js';
import {sanitize} from './report/sanitize.js';
import {createStyle} from './report/style.js';

declare const __ECS_WIZARD_VERSION__: string | undefined;
export const VERSION = typeof __ECS_WIZARD_VERSION__ === 'string' ? __ECS_WIZARD_VERSION__ : '0.0.0-dev';

export interface MainOptions {
  argv: string[];
  env: NodeJS.ProcessEnv;
  io: Omit<CommandIo, 'interactive'>;
  /** Tests inject their own composition root. */
  createRoot?: (globals: GlobalOptions) => CompositionRoot;
}

export const isInteractive = (io: Omit<CommandIo, 'interactive'>, env: NodeJS.ProcessEnv): boolean =>
  Boolean(io.stdin.isTTY && io.stdout.isTTY) && env.CI !== 'true' && env.CI !== '1';

/** Parses argv, picks interactive (TTY) or plain, runs. Returns the exit code. */
export async function main({argv, env, io: streams, createRoot}: MainOptions): Promise<number> {
  const io: CommandIo = {...streams, interactive: isInteractive(streams, env)};
  const style = createStyle(Boolean((io.stderr as {isTTY?: boolean}).isTTY) && !env.NO_COLOR && !argv.includes('--no-color'));
  const fail = (error: unknown): number => {
    if (error instanceof CliError) {
      // Messages quote what came from outside (AWS, files, arguments): cleaned here, where they reach the terminal.
      io.stderr.write(`${style.red('ecs-wizard:')} ${sanitize(error.message)}\n`);
      if (error.hint) io.stderr.write(`${style.dim(sanitize(error.hint))}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`${style.red('ecs-wizard: unexpected error:')} ${sanitize(message)}\n`);
    if (env.ECS_WIZARD_DEBUG && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    else io.stderr.write(style.dim('This is a bug in ecs-wizard. Run again with ECS_WIZARD_DEBUG=1 for details and report it.\n'));
    return EXIT.failed;
  };

  try {
    const invocation = parseInvocation(argv, env);
    switch (invocation.kind) {
      case 'version':
        io.stdout.write(`${VERSION}\n`);
        return EXIT.ok;
      case 'help':
        io.stdout.write(helpFor(invocation.topic, VERSION));
        return EXIT.ok;
      default:
        break;
    }
    const globals = invocation.globals;
    // Notes go to stderr when there is no screen to show them (an Ink screen has its own spinners).
    const notice = io.interactive ? undefined : (message: string) => io.stderr.write(`${style.dim(`ecs-wizard: ${sanitize(message)}`)}\n`);
    const root = createRoot ? createRoot(globals) : createCompositionRoot({globals, env, version: VERSION, ...(notice === undefined ? {} : {notice})});
    const context = {options: {}, positionals: [] as string[], globals, io, env, root};
    let run: CommandRun;
    if (invocation.kind === 'home') {
      if (!io.interactive) {
        throw new UsageError('the interactive home screen needs a terminal; name a command to run without one', 'see: ecs-wizard --help');
      }
      ({run} = await import('./commands/home.js'));
    } else if (invocation.kind === 'group') {
      if (!io.interactive || !invocation.group.interactive) {
        io.stderr.write(helpFor(invocation.group, VERSION));
        return EXIT.usage;
      }
      ({run} = await invocation.group.interactive());
    } else {
      ({run} = await invocation.spec.load());
      return await run({...context, options: invocation.options, positionals: invocation.positionals});
    }
    return await run(context);
  } catch (error) {
    return fail(error);
  }
}

/** The standard streams the program runs on, and how to wait until what was written has left. */
export interface ProgramStdio extends Omit<CommandIo, 'interactive'> {
  flush(done: () => void): void;
}

/** The process's own streams (the full program: Ink and prompts need them). */
function processStdio(): ProgramStdio {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(EXIT.ok);
  });
  return {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    flush: (done) => process.stdout.write('', () => process.stderr.write('', done)),
  };
}

/**
 * Runs the program on this process (argv, environment, standard streams) and exits once output is flushed. Called by
 * the bundles' entries (main.ts: the full program; plain.ts: the plain commands, on adapters/fd-stdio.ts's streams),
 * never by tests.
 */
export function runAsProgram(stdio: ProgramStdio = processStdio()): void {
  // Node ≥ 22.1 keeps V8's compiled code of the chunks loaded from here on (Ink, React, commands) between runs; Node 20
  // has no such cache (the call is absent there; launcher.ts keeps one for the plain commands). Errors (a read-only
  // cache folder) only cost the gain.
  try {
    (process.getBuiltinModule('node:module') as {enableCompileCache?: () => unknown}).enableCompileCache?.();
  } catch {
    // No cache: a slower start, nothing else.
  }
  const {flush, ...io} = stdio;
  void main({argv: process.argv.slice(2), env: process.env, io}).then((code) => {
    // Exit once output is flushed: an idle keep-alive socket or a stray handle must not hold the shell.
    process.exitCode = code;
    flush(() => process.exit(code));
  });
}
