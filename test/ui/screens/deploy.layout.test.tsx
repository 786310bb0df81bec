import React from 'react';
import {afterEach, describe, expect, test} from 'vitest';
import type {DeployEvent} from '../../../source/domain/deploy/events.js';
import {DeployControl} from '../../../source/operations/deploy/control.js';
import {DeployScreen} from '../../../source/ui/screens/deploy.js';
import {FakeClock} from '../../helpers/fake-clock.js';
import {waitForFrame} from '../../helpers/ink.js';
import {cleanupSized, golden, renderSized, SIZES, sizeName, type ScreenSize} from '../../helpers/screen-size.js';
import {FIXTURE_EVENTS} from '../../report/deploy-fixture.js';

/**
 * The deploy screen on a small (80×24) and a roomy (120×40) terminal, as golden frames: the log above scrolls
 * away as it should, every line stays within the width (the deployments table too), and the live part below it
 * fits the terminal with the keys.
 */
afterEach(() => cleanupSized());

/** The fixture's crash loop, for a family with a longer name (the REVISION column widens). */
const EVENTS: DeployEvent[] = JSON.parse(JSON.stringify(FIXTURE_EVENTS).replaceAll('task-definition/web:', 'task-definition/shop-web-prod:')) as DeployEvent[];

/** The events up to the rollback's start (the table has three rows, one FAILED), then the watch goes on. */
const UNTIL_ROLLBACK = EVENTS.findIndex((event) => event.type === 'deployments' && event.deployments.length === 3) + 4;

function mount(size: ScreenSize, events: DeployEvent[], ends: boolean) {
  return renderSized(
    <DeployScreen
      clock={new FakeClock()}
      title="deploy shop-web-prod → production"
      control={new DeployControl()}
      confirm={false}
      color={false}
      simulation={{scenario: 'crash-loop', speed: 1}}
      watchCommand="ecs-wizard watch shop-web-prod --env production"
      start={() =>
        (async function* () {
          yield* events;
          if (!ends) await new Promise(() => undefined);
        })()
      }
      finishedKeys={[{keys: 'esc', label: 'back to the home screen'}]}
    />,
    size,
  );
}

/** Every line within the width; the live part (from the table down) within the rows. */
function expectLayout(frame: string, size: ScreenSize): void {
  const lines = frame.split('\n');
  for (const line of lines) expect(Array.from(line).length, `wider than ${size.columns}: ${JSON.stringify(line)}`).toBeLessThanOrEqual(size.columns);
  const live = lines.slice(lines.findIndex((line) => line.startsWith('STATUS')));
  expect(live.length).toBeLessThanOrEqual(size.rows - 1);
}

describe('the deploy screen at 80×24 and 120×40', () => {
  test('while it rolls back: the deployments table fits the width (its bars shrink), the keys show', async () => {
    for (const size of SIZES) {
      const app = mount(size, EVENTS.slice(0, UNTIL_ROLLBACK), false);
      const frame = await waitForFrame(app, (text) => text.includes('circuit breaker: 4 of 3') && text.includes('r roll back now'));
      expect(frame).toMatch(/ACTIVE\s+shop-web-prod:7 \*\s+FAILED/);
      expectLayout(frame, size);
      golden(import.meta.dirname, `deploy-rolling-back.${sizeName(size)}.txt`, frame);
    }
  });

  test('finished: the outcome and the keys', async () => {
    for (const size of SIZES) {
      const app = mount(size, EVENTS, true);
      const frame = await waitForFrame(app, 'esc back to the home screen');
      expect(frame).toContain('Rolled back (simulated) · exit 3');
      expectLayout(frame, size);
      golden(import.meta.dirname, `deploy-finished.${sizeName(size)}.txt`, frame);
    }
  });
});
