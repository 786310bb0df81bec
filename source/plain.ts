/**
 * The plain bundles' entry (dist/plain-<command>.cjs, one per plain command): the same program as main.ts, built as one
 * classic script so that
 * launcher.ts can keep V8's compiled code of it between runs (Node 20 has no compile cache for ES modules). It holds
 * every module of ours that the plain commands can reach — no Ink, React or AWS SDK, no vendor package at all
 * (scripts/build.mjs fails the build otherwise), and no other command's module — so it serves exactly the command
 * lines `servedHere` accepts;
 * the launcher hands every other one to the full program (dist/main.mjs) before anything ran. Its output is written
 * straight to file descriptors 1 and 2 (adapters/fd-stdio.ts): building process.stdout on a terminal loads node:tty,
 * node:net and node:stream, ~4.5 ms of a 50 ms `render`.
 */
import {plainStdio} from './adapters/fd-stdio.js';
import {parseInvocation} from './commands/argv.js';
import {EXIT} from './errors.js';
import {runAsProgram as runOnStreams} from './cli.js';

declare const __PLAIN_COMMAND__: string | undefined;

/** The command this bundle was built for (scripts/build.mjs: one bundle per plain command); tests: every one. */
const BUILT_FOR = typeof __PLAIN_COMMAND__ === 'string' ? __PLAIN_COMMAND__ : undefined;

/**
 * Whether this bundle serves the command line: `profiles list`, `render`, and `diff` against the rollout simulator
 * (`--simulate`; without it, diff asks AWS, whose SDK is not in this bundle). Parsed by the program's own parser;
 * anything it refuses (a usage error, help, a version) goes to the full program, which says it.
 */
export function servedHere(argv: readonly string[], env: NodeJS.ProcessEnv): boolean {
  try {
    const invocation = parseInvocation([...argv], env);
    if (invocation.kind !== 'command') return false;
    const path = invocation.spec.path.join(' ');
    const command =
      path === 'profiles list' ? 'list' : path === 'render' ? 'render' : path === 'diff' && invocation.options['simulate'] !== undefined ? 'diff' : undefined;
    return command !== undefined && (BUILT_FOR === undefined || command === BUILT_FOR);
  } catch {
    return false;
  }
}

/**
 * Runs the command line on standard streams written straight to their descriptors (adapters/fd-stdio.ts). Not on
 * Windows: a console there takes text through the tty stream (UTF-16), not bytes written to its descriptor.
 */
export function runAsProgram(): void {
  runOnStreams(process.platform === 'win32' ? undefined : plainStdio(() => process.exit(EXIT.ok)));
}
