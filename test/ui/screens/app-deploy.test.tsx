import React from 'react';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, expect, test} from 'vitest';
import {MemoryProfileStore} from '../../../source/adapters/memory-profile-store.js';
import type {AppView} from '../../../source/domain/deploy/app-view.js';
import {homeAppDeploy, parseAppSimulation} from '../../../source/operations/deploy/app-setup.js';
import type {DeployControl} from '../../../source/operations/deploy/control.js';
import {AppDeployScreen} from '../../../source/ui/screens/app-deploy.js';
import {FakeClock} from '../../helpers/fake-clock.js';
import {testRoot} from '../../helpers/fake-root.js';
import {press, waitForFrame} from '../../helpers/ink.js';
import {shopProfile} from '../../helpers/app-fixtures.js';

afterEach(() => cleanup());

test('r then y rolls the focused service back now; its dependent is then not started (exit 3)', async () => {
  const clock = new FakeClock();
  const store = new MemoryProfileStore([shopProfile('db'), shopProfile('api', ['db'])]);
  const root = testRoot({store, clock});
  const controller = new AbortController();
  const controls = new Map<string, DeployControl>();
  let finished: AppView | undefined;
  const app = render(
    <AppDeployScreen
      clock={clock}
      title="deploy application shop → dev"
      detach={() => controller.abort()}
      controls={controls}
      confirm={false}
      color={false}
      simulation={{scenario: 'slow-start', speed: 1}}
      watchCommand="ecs-wizard watch --app shop --env dev"
      resumeCommand={(flags) => `ecs-wizard deploy --app shop --env dev ${flags}`}
      start={(hooks) =>
        homeAppDeploy(
          {root, clock},
          {
            application: 'shop',
            environment: 'dev',
            simulation: parseAppSimulation('slow-start', 1),
            parallel: 3,
            timeoutMs: 900_000,
            noProgressTimeoutMs: 300_000,
          },
          {signal: controller.signal, controls, ...hooks},
        )
      }
      onFinished={(view) => (finished = view)}
    />,
  );
  await clock.runUntil(() => /› db\s+rolling out/.test(app.lastFrame() ?? ''));
  await press(app, 'r');
  await waitForFrame(app, 'Roll db back now? y rolls back');
  await press(app, 'y');
  await clock.runUntil(() => finished !== undefined);
  const frame = await waitForFrame(app, /exit 3/, {changed: false});
  expect(frame).toMatch(/› db\s+rolled back/);
  expect(frame).toMatch(/api\s+not started/);
  expect(finished).toMatchObject({exitCode: 3, outcome: 'rolled-back'});
});
