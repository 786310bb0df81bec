/**
 * `ecs-wizard logs PROFILE [--env E] [--since 10m] [--follow] [--json]` — the service's recent logs, every task
 * interleaved by time, each line prefixed with its task's short id (and container, when the service has several).
 * A plain command: no Ink. `--follow` polls until Ctrl-C (exit 0). Text from outside is cleaned where it is written.
 */
import {EXIT} from '../errors.js';
import {profileAndEnvironment, runPorts} from '../operations/deploy/setup.js';
import {logSourcesOf, serviceLogLines, serviceOfProfile, type ServiceLogLine} from '../operations/service-logs.js';
import {sanitize} from '../report/sanitize.js';
import {createStyle} from '../report/style.js';
import {parseDeployOptions, parseDuration, runInputsOf} from './deploy-options.js';
import type {CommandContext} from './spec.js';

export const DEFAULT_SINCE = '10m';

/** `2026-01-15T09:00:01Z` — to the second, UTC. */
const timeText = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

export async function run(context: CommandContext): Promise<number> {
  const {io, root} = context;
  const since = typeof context.options.since === 'string' ? context.options.since : DEFAULT_SINCE;
  const sinceMs = parseDuration(since, 'since');
  const follow = context.options.follow === true;
  const options = parseDeployOptions(context.options);
  const {profile, environment} = await profileAndEnvironment(root, context.positionals[0]!, options.env);
  const {cluster, serviceName} = serviceOfProfile(profile, environment);
  // A simulated service with a rollout in flight: its scenario's tasks write (and, for crash-loop, crash) while followed.
  const ports = await runPorts(root, runInputsOf(options, {profile, environment}), {checks: false, history: {rollout: options.simulate !== undefined}});
  const logsIn = ports.logs ?? ((region: string) => root.logs(region));
  const {sources, notes} = await logSourcesOf(ports.ecs, cluster, serviceName);
  const note = (text: string): void => void io.stderr.write(`${sanitize(text)}\n`);
  for (const text of notes) note(text);
  if (sources.length === 0) {
    note(`no container of ${serviceName} logs to CloudWatch Logs (awslogs): nothing to show`);
    return EXIT.failed;
  }
  const style = createStyle(context.globals.color && Boolean(io.stdout.isTTY));
  const several = new Set(sources.map((source) => source.container)).size > 1;
  const write = (line: ServiceLogLine): void => {
    if (context.globals.json) {
      io.stdout.write(
        `${JSON.stringify({time: new Date(line.time).toISOString(), task: line.task, container: line.container, message: sanitize(line.message)})}\n`,
      );
      return;
    }
    const prefix = `${timeText(line.time)} ${line.task.slice(0, 8)}${several ? ` ${line.container}` : ''}`;
    io.stdout.write(`${style.dim(sanitize(prefix))}  ${sanitize(line.message)}\n`);
  };

  const controller = new AbortController();
  const stop = (): void => controller.abort();
  if (follow) {
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  }
  let count = 0;
  try {
    for await (const line of serviceLogLines({logs: logsIn, clock: root.clock}, sources, {
      startTime: root.clock.now() - sinceMs,
      follow,
      signal: controller.signal,
      onNote: note,
    })) {
      count++;
      write(line);
    }
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
  if (count === 0 && !follow && !context.globals.json) note(`no log lines from ${serviceName} in the last ${since}${ports.simulation ? ' (simulated)' : ''}`);
  return EXIT.ok;
}
