import {setFlagsFromString} from 'node:v8';
import {runInNewContext} from 'node:vm';
import {expect, test} from 'vitest';
import type {DeployEvent} from '../../../source/domain/deploy/events.js';
import {withTaskLogs} from '../../../source/operations/deploy/task-logs.js';
import {FakeClock} from '../../helpers/fake-clock.js';

// A full collection on demand, to see what the pipeline still holds (no timing: a collection, then a look).
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
/** The heap in use once all garbage is collected. */
const liveHeap = async (): Promise<number> => {
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  return process.memoryUsage().heapUsed;
};

const WARM_UP = 2_000;
const EVENTS = 40_000;

test('a watch of tens of thousands of events through the task-log reader holds on to nothing per event', async () => {
  async function* watch(): AsyncGenerator<DeployEvent, void, undefined> {
    // Two failed tasks first: their log reads finish early, as in a crash loop; the watch then goes on for hours.
    for (const id of ['a', 'b']) {
      yield {
        type: 'task-stopped',
        at: 0,
        taskArn: `arn:aws:ecs:us-east-1:1:task/c/${id}`,
        stoppedReason: 'x',
        containers: [],
        failure: {class: 'essential-exit', summary: 's', hint: 'h'},
      } satisfies DeployEvent;
    }
    for (let index = 0; index < WARM_UP + EVENTS; index += 1) {
      const event: DeployEvent = {type: 'info', at: index, message: `poll ${index}`};
      // A poll answers in a later turn of the event loop, as ECS does.
      await new Promise((resolve) => setImmediate(resolve));
      yield event;
    }
    yield {type: 'done', at: EVENTS, outcome: 'timed-out', reason: 'r', exitCode: 4, elapsedMs: EVENTS, apiCalls: 0};
  }
  const events = withTaskLogs(watch(), {
    ecs: {region: 'us-east-1', describeTaskDefinition: async () => undefined},
    logs: async () => {
      throw new Error('no logs here');
    },
    clock: new FakeClock(),
    taskDefinitionArn: 'arn:aws:ecs:us-east-1:1:task-definition/web:1',
    maxReads: 2,
  });
  let logs = 0;
  let seen = 0;
  let before = 0;
  let growth = Number.NaN;
  for (let step = await events.next(); step.done !== true; step = await events.next()) {
    seen += 1;
    if (step.value.type === 'task-logs') logs += 1;
    // Measured while the watch runs (a wait that outlives the steps would hold something for each of them).
    if (seen === WARM_UP) before = await liveHeap();
    if (seen === WARM_UP + EVENTS) growth = (await liveHeap()) - before;
  }
  expect(logs).toBe(2);
  expect(seen).toBe(WARM_UP + EVENTS + 2 + 2 + 1);
  // Before: ~550 bytes for every step (reactions on one wake-up promise that stayed pending all run): 23 MB here.
  expect(growth).toBeLessThan(1024 * 1024);
});
