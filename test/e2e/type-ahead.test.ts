/**
 * A key pressed before the program has put the terminal in raw mode — as a screen first appears on a busy machine, or
 * typed ahead while it starts — is taken, Enter included: the terminal's line discipline hands it over as LF (it turns
 * Enter's CR into LF while not in raw mode), which Ink alone would not take for Enter (source/ui/terminal-input.ts).
 */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, afterEach, beforeAll, expect, test} from 'vitest';
import {disposeAll, ensureBuilt, spawnCli} from '../helpers/pty.js';

const work = mkdtempSync(join(tmpdir(), 'ecs-wizard-type-ahead-'));
const specFile = join(work, 'blue-green.json');
writeFileSync(
  specFile,
  JSON.stringify({schedulingStrategy: 'REPLICA', desiredCount: 2, deploymentConfiguration: {strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5}}),
);

beforeAll(async () => {
  await ensureBuilt();
}, 120_000);
afterEach(() => disposeAll());
afterAll(() => rmSync(work, {recursive: true, force: true}));

test('Enter typed before the wizard has started answers its first question', async () => {
  const flags = [
    '--app',
    'shop',
    '--service',
    'api',
    '--registry',
    'dockerhub',
    '--image',
    'nginx',
    '--tag',
    '1.27',
    '--launch-type',
    'FARGATE',
    '--port',
    '80',
  ];
  const cli = spawnCli(['init', ...flags, '--strategy', 'REPLICA', '--desired-count', '2', '--service-spec', specFile], {rows: 40});
  // Typed at once: node has not even started, so the terminal is still in its cooked mode.
  await cli.press('enter');
  const screen = await cli.waitForText('? Bake time');
  expect(screen).toContain('✔ Deployment strategy: BLUE_GREEN');
});
