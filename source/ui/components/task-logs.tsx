/**
 * A stopped task's own last lines in the deploy screen's failure panel (under its stopped reason), or the one-line
 * note saying why there are none: the latest failure's, or — when its logs are not read (yet) — the latest failure
 * whose logs are, named by its task. The lines arrive raw (secrets already masked): Text cleans them.
 */
import React from 'react';
import {Box} from 'ink';
import {shortTaskId} from '../../domain/aws-names.js';
import type {StoppedTaskView} from '../../domain/deploy/view.js';
import {Text} from './text.js';

export function TaskLogsPanel({failures}: {failures: readonly StoppedTaskView[]}) {
  const read = [...failures].reverse().find((failure) => failure.logs !== undefined);
  const logs = read?.logs;
  if (read === undefined || logs === undefined) return null;
  const other = read !== failures.at(-1) ? `task ${shortTaskId(read.taskArn).slice(0, 8)}` : undefined;
  const where = [other, logs.container, logs.source].filter((part) => part !== undefined).join(' · ');
  if (logs.lines.length === 0) {
    return (
      <Text color="yellow">
        {'  logs: '}
        {logs.note ?? 'no lines'}
        {where === '' ? '' : ` (${where})`}
      </Text>
    );
  }
  return (
    <Box flexDirection="column">
      <Text dimColor>
        {'  last '}
        {logs.lines.length}
        {logs.lines.length === 1 ? ' log line' : ' log lines'}
        {where === '' ? '' : ` · ${where}`}
      </Text>
      {logs.lines.map((line, index) => (
        <Text key={index} wrap="truncate-end">
          {'  │ '}
          {line}
        </Text>
      ))}
    </Box>
  );
}
