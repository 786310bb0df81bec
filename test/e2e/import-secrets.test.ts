/**
 * `ecs-wizard import` of a task definition with plaintext secrets, in a real terminal (the built CLI): the choice
 * screen (masked values), keeping each variable as plain text saves the profile with them declared; Esc cancels
 * the import with nothing saved (exit 5). Moving them is tested against moto in test/integration/import-secrets.
 */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterEach, beforeAll, describe, expect, test} from 'vitest';
import {disposeAll, ensureBuilt, spawnCli} from '../helpers/pty.js';

const WORDPRESS = fileURLToPath(new URL('../fixtures/plaintext-secrets/wordpress.task-definition.json', import.meta.url));
const PASSWORDS = ['wp-Pa55w0rd-9f3k', 'r00t-Pa55w0rd-2024'];

beforeAll(async () => {
  await ensureBuilt();
}, 120_000);

afterEach(() => {
  disposeAll();
});

describe('ecs-wizard import in a terminal: plaintext secrets', () => {
  test('the choice screen, masked; keeping each as plain text saves the profile with them declared', async () => {
    const cli = spawnCli(['import', '--from-file', WORDPRESS, '--as', 'wp'], {rows: 32});
    const screen = await cli.waitForText('These 3 environment variables look like secrets in plain text');
    expect(screen).toMatch(/❯ WORDPRESS_DB_PASSWORD\s+\(masked\)\s+→ move to Secrets Manager/);
    for (const password of PASSWORDS) expect(screen).not.toContain(password);
    await cli.press('p');
    await cli.waitForText(/WORDPRESS_DB_PASSWORD\s+\(masked\)\s+→ keep as plain text/);
    for (const name of ['MYSQL_ROOT_PASSWORD', 'MYSQL_PASSWORD']) {
      await cli.press('down');
      await cli.waitForText(new RegExp(`❯ ${name}`));
      await cli.press('p');
      await cli.waitForText(new RegExp(`${name}\\s+\\(masked\\)\\s+→ keep as plain text`));
    }
    await cli.press('enter');
    expect(await cli.waitForExit()).toBe(0);
    // Long lines wrap at the terminal's width, where a space may be dropped (where depends on the checkout's path,
    // which the line quotes): compared without any whitespace.
    expect(cli.screen().replace(/\s+/g, '')).toContain("asprofile'wp'.");
    const stored = JSON.parse(readFileSync(join(cli.configDir, 'profiles.json'), 'utf8')) as {
      profiles: Record<string, {service: {plaintextVariables?: string[]}}>;
    };
    expect(stored.profiles['wp']?.service.plaintextVariables).toEqual(['MYSQL_PASSWORD', 'MYSQL_ROOT_PASSWORD', 'WORDPRESS_DB_PASSWORD']);
  });

  test('esc cancels: nothing is saved, exit 5', async () => {
    const cli = spawnCli(['import', '--from-file', WORDPRESS, '--as', 'wp'], {rows: 32});
    await cli.waitForText('look like secrets in plain text');
    await cli.press('esc');
    await cli.waitForText('Import cancelled: nothing was saved and no secret was created.');
    expect(await cli.waitForExit()).toBe(5);
  });
});
