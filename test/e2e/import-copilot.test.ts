/**
 * `ecs-wizard import --from-copilot` in a real terminal (the built CLI), started inside a service's folder of the
 * workspace (the copilot/ folder is found above it), with AWS out of reach: the report screen, then the question;
 * `y` saves, a second run asks before replacing, `n` saves nothing (exit 5). A variable that looks like a plaintext
 * secret is asked about first on the task-definition import's choice screen (masked): esc cancels, keeping it saves
 * it declared (moving it is tested against moto in test/integration/import-copilot-secrets).
 */
import {cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
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

describe('import --from-copilot in a terminal: a plaintext secret among the variables', () => {
  const PASSWORD = 's3cr3t-Pa55w0rd-2024';
  let secrets: string;
  let secretsConfig: string;
  beforeAll(() => {
    secrets = mkdtempSync(join(tmpdir(), 'ecs-wizard-copilot-secrets-e2e-'));
    cpSync(SHOP, secrets, {recursive: true});
    const manifest = join(secrets, 'copilot/worker/manifest.yml');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('variables:\n', `variables:\n  DB_PASSWORD: ${PASSWORD}\n`));
    secretsConfig = mkdtempSync(join(tmpdir(), 'ecs-wizard-copilot-secrets-config-'));
  });
  afterAll(() => {
    rmSync(secrets, {recursive: true, force: true});
    rmSync(secretsConfig, {recursive: true, force: true});
  });

  test('esc on the choice screen cancels: nothing saved, exit 5', async () => {
    const cli = spawnCli(['import', '--from-copilot', secrets, '--offline'], {configDir: secretsConfig, rows: 30, cols: 160});
    await cli.waitForText('This environment variable looks like secrets in plain text');
    await cli.press('esc');
    await cli.waitForText('Import cancelled: nothing was saved and no secret was created.');
    expect(await cli.waitForExit()).toBe(5);
    expect(existsSync(join(secretsConfig, 'profiles.json'))).toBe(false);
  });

  test('the choice screen (masked) before the report; keeping it as plain text saves it declared', async () => {
    const cli = spawnCli(['import', '--from-copilot', secrets, '--offline'], {configDir: secretsConfig, rows: 30, cols: 160});
    const screen = await cli.waitForText(/❯ DB_PASSWORD\s+\(masked\)\s+→ move to Secrets Manager/);
    expect(screen).toContain('worker: variables that look like plaintext secrets');
    expect(screen).not.toContain(PASSWORD);
    await cli.press('p');
    await cli.waitForText(/DB_PASSWORD\s+\(masked\)\s+→ keep as plain text/);
    await cli.press('enter');
    await cli.waitForText('Save 3 profiles (shop-api, shop-frontend, shop-worker)? y/n');
    await cli.press('y');
    expect(await cli.waitForExit()).toBe(0);
    expect(cli.screen()).toContain('Kept as plain text in worker (declared not secrets): DB_PASSWORD');
    const profiles = (
      JSON.parse(readFileSync(join(secretsConfig, 'profiles.json'), 'utf8')) as {
        profiles: Record<string, {service: {plaintextVariables?: string[]}}>;
      }
    ).profiles;
    expect(profiles['shop-worker']?.service.plaintextVariables).toEqual(['DB_PASSWORD']);
  });
});
