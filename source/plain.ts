/**
 * The plain bundles' entry (dist/plain-<command>.cjs, one per plain command): the same program as main.ts, built as one
 * classic script so that
 * launcher.ts can keep V8's compiled code of it between runs (Node 20 has no compile cache for ES modules). It holds
 * every module of ours that the plain commands can reach — no Ink, React or AWS SDK, no vendor package at all
 * (scripts/build.mjs fails the build otherwise), and no other command's module — so it serves exactly the command
 * lines `servedHere` accepts;
 * the launcher hands every other one to the full program (dist/main.js) before anything ran.
 */
import {parseInvocation} from './commands/argv.js';
import {runAsProgram} from './cli.js';

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

export {runAsProgram};
