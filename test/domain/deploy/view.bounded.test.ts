import {describe, expect, test} from 'vitest';
import type {DeployEvent} from '../../../source/domain/deploy/events.js';
import {deployViewReducer, FAILURES_KEPT, initialDeployView, LOG_LINES_KEPT, logSince, type DeployView} from '../../../source/domain/deploy/view.js';

const T0 = 1_700_000_000_000;
const stopped = (index: number): DeployEvent => ({
  type: 'task-stopped',
  at: T0 + index * 1000,
  taskArn: `arn:aws:ecs:eu-west-1:123456789012:task/prod/${String(index).padStart(32, '0')}`,
  stoppedReason: 'Essential container in task exited',
  containers: [{name: 'web', exitCode: 1}],
  failure: {class: 'essential-exit', summary: `essential container web exited with code 1 (#${index})`, hint: 'read the logs'},
});
const warning = (index: number): DeployEvent => ({type: 'warning', at: T0 + index * 1000, message: `warning ${index}`});

/** Folds `count` events of `make`, collecting each event's new lines as a renderer does (logSince). */
function watch(count: number, make: (index: number) => DeployEvent): {view: DeployView; printed: string[]} {
  let view = initialDeployView;
  const printed: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const before = view;
    view = deployViewReducer(view, make(index));
    for (const line of logSince(before, view)) printed.push(line.text);
  }
  return {view, printed};
}

describe('a view of a long watch stays bounded', () => {
  test('10,000 failed tasks: the latest LOG_LINES_KEPT lines and FAILURES_KEPT failures are kept, all are counted, and every line reached the renderer once', () => {
    const {view, printed} = watch(10_000, stopped);
    expect(view.log).toHaveLength(LOG_LINES_KEPT);
    expect(view.failures).toHaveLength(FAILURES_KEPT);
    expect(view.failureCount).toBe(10_000);
    expect(view.stoppedTasks).toBe(10_000);
    expect(view.logCount).toBe(printed.length);
    expect(printed).toHaveLength(10_000);
    expect(new Set(printed).size).toBe(10_000);
    // The latest ones, oldest first.
    expect(view.failures.at(-1)!.failure.summary).toContain('#9999');
    expect(view.failures[0]!.failure.summary).toContain(`#${10_000 - FAILURES_KEPT}`);
    expect(view.log.map((line) => line.text)).toEqual(printed.slice(-LOG_LINES_KEPT));
  });

  test('a failure’s logs still reach it while it is kept', () => {
    let view = initialDeployView;
    for (let index = 0; index < 3 * FAILURES_KEPT; index += 1) view = deployViewReducer(view, stopped(index));
    const latest = view.failures.at(-1)!;
    view = deployViewReducer(view, {type: 'task-logs', at: T0, taskArn: latest.taskArn, container: 'web', lines: ['Error: boom']});
    expect(view.failures.at(-1)!.logs?.lines).toEqual(['Error: boom']);
    expect(view.failures).toHaveLength(FAILURES_KEPT);
  });

  test('logSince: the lines one event added, also once the log is full', () => {
    const {view} = watch(LOG_LINES_KEPT, stopped);
    const next = deployViewReducer(view, warning(1));
    expect(logSince(view, next).map((line) => line.text)).toEqual(['warning 1']);
    expect(logSince(next, next)).toEqual([]);
    expect(next.log).toHaveLength(LOG_LINES_KEPT);
  });
});
