import React from 'react';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, expect, test} from 'vitest';
import type {StoppedTaskView} from '../../../source/domain/deploy/view.js';
import {TaskLogsPanel} from '../../../source/ui/components/task-logs.js';

afterEach(() => cleanup());

const failure = (id: string, logs?: StoppedTaskView['logs']): StoppedTaskView => ({
  at: 0,
  taskArn: `arn:aws:ecs:us-east-1:123456789012:task/default/${id}`,
  stoppedReason: 'Essential container in task exited',
  containers: [{name: 'web', exitCode: 1}],
  failure: {class: 'essential-exit', summary: 'essential container web exited with code 1', hint: 'read its logs'},
  ...(logs === undefined ? {} : {logs}),
});

test("the latest failure's lines, cleaned; none read yet: nothing", () => {
  const {lastFrame, rerender} = render(<TaskLogsPanel failures={[failure('aaaa1111bbbb')]} />);
  expect(lastFrame()).toBe('');
  rerender(
    <TaskLogsPanel failures={[failure('aaaa1111bbbb', {container: 'web', source: '/ecs/web', lines: ['\u001B[2J\u001B[31mError: boom', 'at main']})]} />,
  );
  expect(lastFrame()).toBe('  last 2 log lines · web · /ecs/web\n  │ Error: boom\n  │ at main');
});

test('a later failure whose logs are not read: the last read ones, named by their task; a note on one line', () => {
  const {lastFrame, rerender} = render(
    <TaskLogsPanel failures={[failure('aaaa1111bbbb', {container: 'web', lines: ['Error: boom']}), failure('cccc2222dddd')]} />,
  );
  expect(lastFrame()).toBe('  last 1 log line · task aaaa1111 · web\n  │ Error: boom');
  rerender(<TaskLogsPanel failures={[failure('aaaa1111bbbb', {container: 'web', lines: [], note: 'cannot read the logs: access denied'})]} />);
  expect(lastFrame()).toBe('  logs: cannot read the logs: access denied (web)');
});
