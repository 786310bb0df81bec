import {expect, test} from 'vitest';
import type {DeployEvent} from '../../../source/domain/deploy/events.js';
import {classifyStoppedTask} from '../../../source/domain/deploy/stopped-task.js';
import {foldDeployEvents, taskLogsText} from '../../../source/domain/deploy/view.js';

const TASK = 'arn:aws:ecs:us-east-1:123456789012:task/default/3f2a9c1b7d6e4f50a1b2c3d4e5f60718';
const stopped: DeployEvent = {
  type: 'task-stopped',
  at: 1_000,
  taskArn: TASK,
  stoppedReason: 'Essential container in task exited',
  containers: [{name: 'web', exitCode: 1}],
  failure: classifyStoppedTask({stoppedReason: 'Essential container in task exited', containers: [{name: 'web', exitCode: 1}]}),
};

test('task-logs: the lines go under the stopped task (a log line with the lines as its detail), and onto its failure', () => {
  const view = foldDeployEvents([
    stopped,
    {type: 'task-logs', at: 1_500, taskArn: TASK, container: 'web', source: '/ecs/web (us-east-1) ecs/web/3f2a', lines: ['starting', 'Error: boom']},
  ]);
  expect(view.failures[0]!.logs).toEqual({container: 'web', source: '/ecs/web (us-east-1) ecs/web/3f2a', lines: ['starting', 'Error: boom']});
  expect(view.log.at(-1)).toEqual({
    at: 1_500,
    type: 'task-logs',
    level: 'info',
    text: 'logs of task 3f2a9c1b web: last 2 lines (/ecs/web (us-east-1) ecs/web/3f2a)',
    detail: ['│ starting', '│ Error: boom'],
  });
});

test('task-logs without lines: one warning line with the note', () => {
  const view = foldDeployEvents([
    stopped,
    {type: 'task-logs', at: 1_500, taskArn: TASK, container: 'web', lines: [], note: 'cannot read the logs: access denied'},
  ]);
  expect(view.log.at(-1)).toMatchObject({level: 'warn', text: 'logs of task 3f2a9c1b web: cannot read the logs: access denied', detail: []});
  expect(view.failures[0]!.logs).toEqual({container: 'web', lines: [], note: 'cannot read the logs: access denied'});
  expect(taskLogsText({taskArn: TASK, lines: []}).text).toBe('logs of task 3f2a9c1b: no lines');
});
