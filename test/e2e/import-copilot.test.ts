/**
 * `ecs-wizard import --from-copilot` in a real terminal (the built CLI), started inside a service's folder of the
 * workspace (the copilot/ folder is found above it), with AWS out of reach: the report screen, then the question;
 * `y` saves, a second run asks before replacing, `n` saves nothing (exit 5).
 */
import {cpSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, test} from 'vitest';
import {disposeAll, ensureBuilt, spawnCli} from '../helpers/pty.js';

const SHOP = join(import.meta.dirname, '../fixtures/copilot/shop');
let folder: string;
let configDir: string;

beforeAll(async () => {
  await ensureBuilt();
  folder = mkdtempSync(join(tmpdir(), 'ecs-wizard-copilot-e2e-'));
  cpSync(SHOP, folder, {recursive: true});
  configDir = mkdtempSync(join(tmpdir(), 'ecs-wizard-copilot-config-'));
}, 120_000);
afterEach(() => disposeAll());
afterAll(() => {
  rmSync(folder, {recursive: true, force: true});
  rmSync(configDir, {recursive: true, force: true});
});

const stored = (): string[] =>
  Object.keys((JSON.parse(readFileSync(join(configDir, 'profiles.json'), 'utf8')) as {profiles: Record<string, unknown>}).profiles).sort();

describe('import --from-copilot in a terminal', () => {
  test('the report screen asks before saving; y saves the three profiles', async () => {
    const cli = spawnCli(['import', '--from-copilot'], {cwd: join(folder, 'copilot', 'api'), configDir, rows: 30, cols: 160});
    const screen = await cli.waitForText('Save 3 profiles (shop-api, shop-frontend, shop-worker)? y/n');
    expect(screen).toContain('Copilot workspace .. · application shop · environments prod, test');
    expect(screen).toContain('AWS could not learn: prod: the stack shop-prod could not be read');
    await cli.press('G');
    await cli.waitForText('worker (Worker Service, copilot/worker/manifest.yml)');
    await cli.press('y');
    expect(await cli.waitForExit()).toBe(0);
    expect(cli.screen()).toContain('Saved: shop-api, shop-frontend, shop-worker');
    expect(stored()).toEqual(['shop-api', 'shop-frontend', 'shop-worker']);
  });

  test('again: the question says what it replaces; n saves nothing (exit 5)', async () => {
    const before = readFileSync(join(configDir, 'profiles.json'), 'utf8');
    const cli = spawnCli(['import', '--from-copilot', folder], {configDir, rows: 30, cols: 200});
    await cli.waitForText('replacing shop-api, shop-frontend, shop-worker (their run history is kept)? y/n');
    await cli.press('n');
    expect(await cli.waitForExit()).toBe(5);
    expect(cli.screen()).toContain('Nothing was saved.');
    expect(readFileSync(join(configDir, 'profiles.json'), 'utf8')).toBe(before);
  });
});
