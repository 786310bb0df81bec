import {expect, test} from 'vitest';
import type {DeployEvent} from '../../source/domain/deploy/events.js';
import {classifyStoppedTask} from '../../source/domain/deploy/stopped-task.js';
import {createNdjsonPrinter} from '../../source/report/deploy-ndjson.js';
import {createPlainPrinter} from '../../source/report/deploy-plain.js';
import {Buffer} from './deploy-fixture.js';

const TASK = 'arn:aws:ecs:us-east-1:123456789012:task/default/3f2a9c1b7d6e4f50a1b2c3d4e5f60718';
const EVENTS: DeployEvent[] = [
  {
    type: 'task-stopped',
    at: 0,
    taskArn: TASK,
    stoppedReason: 'Essential container in task exited',
    containers: [{name: 'web', exitCode: 1}],
    failure: classifyStoppedTask({stoppedReason: 'Essential container in task exited', containers: [{name: 'web', exitCode: 1}]}),
  },
  {
    type: 'task-logs',
    at: 2_000,
    taskArn: TASK,
    container: 'web',
    source: '/ecs/web (us-east-1) ecs/web/3f2a9c1b7d6e4f50a1b2c3d4e5f60718',
    // What an application may print: colours, a title-setting OSC, a bell, a carriage return.
    lines: ['\u001B[31mERROR\u001B[0m boom', '\u001B]0;owned\u0007title\u0007', 'progress\r50%'],
  },
];

test('plain: the lines under the stop, cleaned of escape sequences', () => {
  const out = new Buffer();
  const printer = createPlainPrinter(out, {color: false});
  for (const event of EVENTS) printer.print(event);
  expect(out.text).toContain(
    '+2s   logs of task 3f2a9c1b web: last 3 lines (/ecs/web (us-east-1) ecs/web/3f2a9c1b7d6e4f50a1b2c3d4e5f60718)\n        │ ERROR boom\n        │ title\n        │ progress50%\n',
  );
  expect(out.text).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F]/);
});

test('NDJSON: a task-logs object with the lines cleaned', () => {
  const out = new Buffer();
  const printer = createNdjsonPrinter(out);
  for (const event of EVENTS) printer.print(event);
  const objects = out.text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(objects[1]).toEqual({
    type: 'task-logs',
    at: 2_000,
    taskArn: TASK,
    container: 'web',
    source: '/ecs/web (us-east-1) ecs/web/3f2a9c1b7d6e4f50a1b2c3d4e5f60718',
    lines: ['ERROR boom', 'title', 'progress50%'],
  });
});
