import {afterEach, beforeAll, describe, expect, test} from 'vitest';
import {disposeAll, ensureBuilt, spawnCli} from '../helpers/pty.js';

/**
 * A wizard text question in a real terminal, with keys written in bursts (one write each, as a terminal sends a
 * held key or a paste): readline's keys edit the line.
 */
beforeAll(async () => {
  await ensureBuilt();
}, 120_000);
afterEach(() => disposeAll());

const ESC = '\u001B';
/** The answer line of the question on the screen (`› …`), as typed. */
const answer = (screen: string): string | undefined =>
  screen
    .split('\n')
    .find((line) => /^\s*›/.test(line))
    ?.replace(/^\s*› ?/, '');

describe('a text question takes bursts of keys like a line editor', () => {
  test('Backspace burst, Ctrl-A + Delete, Ctrl-U, Home / End, Ctrl-W and Alt-Backspace, each in one write', async () => {
    const cli = spawnCli(['init', '--app', 'shop'], {cols: 80, rows: 24});
    await cli.waitForText('? Service name');
    await cli.press('my web-apixyz');
    await cli.waitForText((screen) => answer(screen) === 'my web-apixyz');
    await cli.press('\u007F\u007F\u007F');
    await cli.waitForText((screen) => answer(screen) === 'my web-api');
    // Ctrl-A, then Delete three times: the "my " in front goes.
    await cli.press(`\u0001${ESC}[3~${ESC}[3~${ESC}[3~`);
    await cli.waitForText((screen) => answer(screen) === 'web-api');
    // Ctrl-E, Ctrl-U: the whole line goes (no "u" typed).
    await cli.press('\u0005\u0015');
    await cli.waitForText((screen) => answer(screen)?.includes('web-api') === false);
    expect(answer(cli.screen())).not.toContain('u');
    await cli.press(`api${ESC}[Hweb-${ESC}[F x y\u0017\u0017${ESC}\u007Fapi`);
    await cli.waitForText((screen) => answer(screen) === 'web-api');
    await cli.press('enter');
    const screen = await cli.waitForText('✔ Service: web-api');
    expect(screen).toContain('? Where does the Docker image come from?');
  });
});
