import React from 'react';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, test} from 'vitest';
import type {DeployEvent} from '../../../source/domain/deploy/events.js';
import {DeployControl} from '../../../source/operations/deploy/control.js';
import {DeployScreen, initialScreenState, screenReducer, STATIC_BATCH} from '../../../source/ui/screens/deploy.js';
import {FAKE_EPOCH, FakeClock} from '../../helpers/fake-clock.js';
import {waitForFrame} from '../../helpers/ink.js';

afterEach(() => cleanup());

const stopped = (index: number): DeployEvent => ({
  type: 'task-stopped',
  at: FAKE_EPOCH + index * 1000,
  taskArn: `arn:aws:ecs:us-east-1:123456789012:task/prod/${String(index).padStart(32, '0')}`,
  stoppedReason: `Essential container in task exited (#${index}#)`,
  containers: [{name: 'web', exitCode: 1}],
  failure: {class: 'essential-exit', summary: `web exited with code 1 (#${index}#)`, hint: 'read the logs'},
});

describe('the deploy screen keeps only what it has not printed yet', () => {
  test('10,000 events, each batch of items printed (committed) before the next: the items never exceed a batch and each line is printed once', () => {
    let state = initialScreenState;
    let printedCount = 0;
    const printed: string[] = [];
    let largest = 0;
    for (let index = 0; index < 10_000; index += 1) {
      const before = state;
      state = screenReducer(state, {type: 'event', event: stopped(index), printed: {batch: state.batch, count: printedCount}});
      // What Ink's <Static> prints in this commit: a new batch prints all it holds, the same batch what was added.
      const fresh = state.batch === before.batch ? state.items.slice(printedCount) : state.items;
      for (const item of fresh) if (item.kind === 'line') printed.push(item.line.text);
      printedCount = state.items.length;
      largest = Math.max(largest, state.items.length);
    }
    expect(largest).toBeLessThanOrEqual(STATIC_BATCH + 1);
    expect(state.batch).toBeGreaterThan(10_000 / STATIC_BATCH - 2);
    expect(printed).toHaveLength(10_000);
    expect(new Set(printed).size).toBe(10_000);
  });

  test('actions sent before Ink printed (one render for many): what was not printed moves to the new batch', () => {
    let state = initialScreenState;
    for (let index = 0; index < STATIC_BATCH; index += 1) state = screenReducer(state, {type: 'event', event: stopped(index), printed: {batch: 0, count: 0}});
    // Ink printed the title and the first 60; then three events in one render.
    const printed = {batch: 0, count: 61};
    for (let index = STATIC_BATCH; index < STATIC_BATCH + 3; index += 1) state = screenReducer(state, {type: 'event', event: stopped(index), printed});
    expect(state.batch).toBe(1);
    const texts = state.items.map((item) => (item.kind === 'line' ? item.line.text : item.kind));
    expect(texts).toHaveLength(STATIC_BATCH + 1 + 3 - 61);
    expect(texts[0]).toContain('#60#');
    expect(texts.at(-1)).toContain(`#${STATIC_BATCH + 2}#`);
  });

  test('on screen: 600 stopped tasks arriving in bursts are each printed exactly once, across new batches', async () => {
    const queue: DeployEvent[] = [];
    let wake: (() => void) | undefined;
    const app = render(
      <DeployScreen
        clock={new FakeClock()}
        title="deploy web-api → staging"
        control={new DeployControl()}
        confirm={false}
        color={false}
        watchCommand="ecs-wizard watch web-api --env staging"
        start={() =>
          (async function* () {
            for (;;) {
              while (queue.length > 0) {
                const event = queue.shift()!;
                yield event;
                if (event.type === 'done') return;
              }
              await new Promise<void>((resolve) => (wake = resolve));
            }
          })()
        }
      />,
    );
    for (let burst = 0; burst < 12; burst += 1) {
      queue.push(...Array.from({length: 50}, (_, index) => stopped(burst * 50 + index)));
      wake?.();
      await waitForFrame(app, `#${burst * 50 + 49}#`);
    }
    queue.push({type: 'done', at: FAKE_EPOCH + 1_000_000, outcome: 'timed-out', reason: 'watched long enough', exitCode: 4, elapsedMs: 1_000_000, apiCalls: 0});
    wake?.();
    // ink-testing-library writes everything <Static> printed, then the live part, in each frame.
    const frame = await waitForFrame(app, 'Timed out');
    for (let index = 0; index < 600; index += 1) expect(frame, `line ${index}`).toContain(`(#${index}#)`);
    const lines = frame.split('\n').filter((line) => line.includes('web exited with code 1 (#') && !line.includes('last failure'));
    expect(lines).toHaveLength(600);
    expect(frame.split('ecs-wizard · deploy web-api → staging')).toHaveLength(2);
  });
});
