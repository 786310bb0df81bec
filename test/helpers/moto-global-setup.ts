/**
 * vitest globalSetup of the `integration` project: one moto_server for the whole run, on a free 127.0.0.1 port.
 * Test files get its URL with `useMoto()` (test/helpers/moto.ts), which also resets it before each suite.
 *
 * moto_server missing: under CI=true the run fails here; elsewhere one line is printed and every moto test is
 * reported as skipped with the reason.
 *
 * The server side (startMoto, …) lives here and not in moto.ts because globalSetup runs outside the test context
 * and must not import vitest's runtime; moto.ts re-exports it.
 */
import {spawn} from 'node:child_process';
import type {ChildProcess} from 'node:child_process';
import {accessSync, constants} from 'node:fs';
import {createServer} from 'node:net';
import {delimiter, join} from 'node:path';
import type {TestProject} from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** `http://127.0.0.1:PORT` of the shared moto_server, or '' when it is not installed (tests are skipped). */
    motoUrl: string;
    /** Why the moto tests are skipped ('' when moto runs). */
    motoSkipReason: string;
  }
}

const MOTO_INSTALL = "moto_server not found: pip install 'moto[server]' (moto 5.2)";
/** The one line printed, and the note of every skipped moto test. */
export const MOTO_NOT_FOUND = `${MOTO_INSTALL} … integration tests skipped`;

/** moto_server is not installed (not on PATH, or a pyenv shim for a Python without moto). */
export class MotoNotFoundError extends Error {
  constructor(detail: string) {
    super(`${MOTO_INSTALL} (${detail})`);
    this.name = 'MotoNotFoundError';
  }
}

/** The moto_server executable on PATH, or undefined. */
export function findMotoServer(path = process.env.PATH ?? ''): string | undefined {
  for (const dir of path.split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, 'moto_server');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** A free TCP port on 127.0.0.1 (listen on port 0, read it, close). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port === 0 ? reject(new Error('no free port')) : resolve(port)));
    });
  });
}

export interface MotoServer {
  url: string;
  /** The moto_server process. */
  pid: number;
  /** Stops moto (SIGTERM, then SIGKILL) and waits for it to be gone. */
  stop(): Promise<void>;
}

/**
 * A watchdog between us and moto_server: it forwards moto's output to stderr, prints moto's pid as the first line
 * of stdout, and kills moto as soon as its stdin closes — which happens when we close it, or when our process dies
 * in any way (even SIGKILL), so no moto_server is left behind.
 */
const WATCHDOG = `
const {spawn} = require('node:child_process');
const [command, ...args] = JSON.parse(process.argv[1]);
const child = spawn(command, args, {stdio: ['ignore', 'pipe', 'pipe']});
child.stdout.on('data', (chunk) => process.stderr.write(chunk));
child.stderr.on('data', (chunk) => process.stderr.write(chunk));
child.on('error', (error) => { process.stderr.write(String(error) + '\\n'); process.exit(127); });
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  child.kill('SIGTERM');
  setTimeout(() => child.kill('SIGKILL'), 3000).unref();
};
child.on('spawn', () => process.stdout.write(JSON.stringify({pid: child.pid}) + '\\n'));
child.on('exit', (code, signal) => process.exit(code ?? (signal === null ? 0 : 128)));
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.on('error', stop);
process.stdout.on('error', stop);
process.stderr.on('error', () => undefined);
process.stdin.resume();
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(signal, stop);
`;

async function waitForAnswer(url: string, watchdog: ChildProcess, output: () => string): Promise<void> {
  // Polling, short intervals first (moto answers after ~0.3 s); the bound (~75 s) only catches a hang.
  const maxTries = 300;
  for (let attempt = 1; attempt <= maxTries; attempt += 1) {
    if (watchdog.exitCode !== null || watchdog.signalCode !== null) {
      const text = output();
      if (watchdog.exitCode === 127 || /command not found|No such file/i.test(text)) {
        throw new MotoNotFoundError(text.trim().split('\n').at(-1) ?? 'exit 127');
      }
      throw new Error(`moto_server exited (${watchdog.exitCode ?? watchdog.signalCode}) before answering:\n${text}`);
    }
    try {
      const response = await fetch(`${url}/moto-api/`, {signal: AbortSignal.timeout(1_000)});
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(20 * attempt, 250)));
  }
  throw new Error(`moto_server did not answer at ${url} after ${maxTries} tries:\n${output()}`);
}

/**
 * Starts moto_server on a free loopback port and waits until it answers. Throws MotoNotFoundError when it is not
 * installed. `env` adds moto settings (MOTO_*) to its environment; inherited MOTO_ECS_SERVICE_RUNNING is dropped
 * so that the shared server behaves the same everywhere.
 */
export async function startMoto(options: {env?: Record<string, string>; command?: string} = {}): Promise<MotoServer> {
  const command = options.command ?? findMotoServer();
  if (command === undefined) throw new MotoNotFoundError('not on PATH');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {...process.env, MOTO_IAM_LOAD_MANAGED_POLICIES: 'true'};
  delete env.MOTO_ECS_SERVICE_RUNNING;
  Object.assign(env, options.env);

  const watchdog = spawn(process.execPath, ['-e', WATCHDOG, JSON.stringify([command, '-H', '127.0.0.1', '-p', String(port)])], {
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let log = '';
  watchdog.stderr?.setEncoding('utf8');
  watchdog.stderr?.on('data', (chunk: string) => {
    log = (log + chunk).slice(-4_000);
  });
  const pid = new Promise<number>((resolve, reject) => {
    let buffer = '';
    watchdog.stdout?.setEncoding('utf8');
    watchdog.stdout?.on('data', (chunk: string) => {
      buffer += chunk;
      const line = buffer.split('\n')[0];
      if (buffer.includes('\n') && line !== undefined) resolve((JSON.parse(line) as {pid: number}).pid);
    });
    watchdog.once('exit', () => reject(new Error('moto watchdog exited')));
  });
  pid.catch(() => undefined);
  const exited = new Promise<void>((resolve) => watchdog.once('exit', () => resolve()));

  let motoPid: number | undefined;
  // Last resort if vitest exits without teardown (an uncaught error): kill synchronously on exit.
  const onExit = (): void => {
    if (motoPid !== undefined) {
      try {
        process.kill(motoPid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  };
  process.once('exit', onExit);

  async function stop(): Promise<void> {
    process.removeListener('exit', onExit);
    if (watchdog.exitCode === null && watchdog.signalCode === null) {
      watchdog.stdin?.end();
      const timer = setTimeout(() => {
        onExit();
        watchdog.kill('SIGKILL');
      }, 5_000);
      await exited;
      clearTimeout(timer);
    }
  }

  try {
    await waitForAnswer(url, watchdog, () => log);
    motoPid = await pid;
  } catch (error) {
    await stop();
    throw error;
  }
  return {url, pid: motoPid, stop};
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let server;
  try {
    server = await startMoto();
  } catch (error) {
    if (!(error instanceof MotoNotFoundError)) throw error;
    if (process.env.CI === 'true') {
      throw new Error(`CI=true: the integration tests need moto_server; ${error.message}`, {cause: error});
    }
    console.log(MOTO_NOT_FOUND);
    project.provide('motoUrl', '');
    project.provide('motoSkipReason', MOTO_NOT_FOUND);
    return async () => undefined;
  }
  project.provide('motoUrl', server.url);
  project.provide('motoSkipReason', '');
  const running = server;
  return async () => {
    await running.stop();
  };
}
