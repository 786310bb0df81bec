/**
 * `apps show` / `apps list` with the records of whole-application runs kept in the store (on disk, through the real
 * composition root): the last runs newest first, each service in the plan's order; --json carries them; text from
 * outside is cleaned; a record that breaks the schema is refused naming its field (the file is never reset).
 */
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeEach, describe, expect, test} from 'vitest';
import {createConfProfileStore} from '../../source/adapters/conf-profile-store.js';
import type {AppRunRecord} from '../../source/domain/deploy/app-run-record.js';
import {MAX_APP_RUNS} from '../../source/domain/deploy/app-run-record.js';
import {shopProfile} from '../helpers/app-fixtures.js';
import {offlineCli, type CliResult} from '../helpers/offline-cli.js';

const work = mkdtempSync(join(tmpdir(), 'ecs-wizard-apps-runs-'));
afterAll(() => rmSync(work, {recursive: true, force: true}));

let configDir: string;
const store = () => createConfProfileStore({env: {ECS_WIZARD_CONFIG_DIR: configDir}});
beforeEach(async () => {
  configDir = mkdtempSync(join(work, 'config-'));
  for (const profile of [shopProfile('db'), shopProfile('api', ['db']), shopProfile('web', ['api'])]) await store().save(profile);
});

const cli = (argv: string[]): Promise<CliResult> => offlineCli(configDir, argv);

const ARN = 'arn:aws:ecs:us-east-1:123456789012:task-definition';
const rolledBack: AppRunRecord = {
  id: '2026-03-01T10:00:00.000Z',
  environment: 'dev',
  startedAt: '2026-03-01T10:00:00.000Z',
  finishedAt: '2026-03-01T10:06:00.000Z',
  outcome: 'rolled-back',
  exitCode: 3,
  reason: 'api rolled back: tasks failed to start \u001b[31m(red)\u001b[0m',
  order: ['db', 'api', 'web'],
  services: [
    {
      service: 'db',
      profile: 'shop-db',
      state: 'ended',
      outcome: 'deployed',
      exitCode: 0,
      tag: '16',
      taskDefinitionArn: `${ARN}/db:4`,
      revision: 4,
      reason: 'ok',
    },
    {service: 'api', profile: 'shop-api', state: 'ended', outcome: 'rolled-back', exitCode: 3, tag: '1.4.2', revision: 7, reason: 'circuit breaker'},
    {service: 'web', profile: 'shop-web', state: 'not-started', reason: 'api rolled back: it depends on api'},
  ],
  resume: '--from api',
};
const unfinished: AppRunRecord = {
  id: '2026-03-02T09:00:00.000Z',
  environment: 'dev',
  startedAt: '2026-03-02T09:00:00.000Z',
  simulated: true,
  order: ['db', 'api', 'web'],
  services: [
    {service: 'db', profile: 'shop-db', state: 'in-flight', tag: '16'},
    {service: 'api', profile: 'shop-api', state: 'waiting'},
    {service: 'web', profile: 'shop-web', state: 'waiting'},
  ],
};

describe('apps show: the last whole-application runs', () => {
  test('newest first, each service in the plan’s order; a run with no end recorded is said so, never a success', async () => {
    await store().updateApplicationRuns('shop', (runs) => [...runs, rolledBack, unfinished]);
    const shown = await cli(['apps', 'show', 'shop']);
    expect(shown.code).toBe(0);
    const lines = shown.out.split('\n');
    expect(lines.slice(lines.indexOf('Whole-application runs (2, newest first)'))).toEqual([
      'Whole-application runs (2, newest first)',
      '  2026-03-02T09:00:00.000Z  dev (simulated): no end recorded (still running, or interrupted)',
      '    db: started, no end recorded [tag 16]',
      '    api: not started (no start recorded)',
      '    web: not started (no start recorded)',
      '  2026-03-01T10:00:00.000Z → 2026-03-01T10:06:00.000Z  dev: rolled back (exit 3) — api rolled back: tasks failed to start (red)',
      '    db: deployed (exit 0) [revision 4, tag 16] — ok',
      '    api: rolled back (exit 3) [revision 7, tag 1.4.2] — circuit breaker',
      '    web: not started — api rolled back: it depends on api',
      '',
    ]);
    // --json: the application's records as stored (raw; JSON escapes what a terminal could take for a control).
    const json = JSON.parse((await cli(['apps', 'show', 'shop', '--json'])).out);
    expect(json.runs).toEqual([rolledBack, unfinished]);
    expect(JSON.parse((await cli(['apps', 'list', '--json'])).out)[0].runs).toHaveLength(2);
  });

  test('capped at MAX_APP_RUNS, newest kept; apps show lists the last 5', async () => {
    const many = Array.from({length: MAX_APP_RUNS + 3}, (_, index) => ({...rolledBack, id: `run-${index}`}));
    const saved = await store().updateApplicationRuns('shop', () => many);
    expect(saved).toHaveLength(MAX_APP_RUNS);
    expect(saved[0]!.id).toBe('run-3');
    const shown = await cli(['apps', 'show', 'shop']);
    expect(shown.out).toContain(`Whole-application runs (last 5 of ${MAX_APP_RUNS}, newest first)`);
  });

  test('a record that breaks the schema is refused where it is written (naming the field), and in a file it is refused, never reset', async () => {
    await expect(store().updateApplicationRuns('shop', () => [{...rolledBack, outcome: 'great' as never}])).rejects.toThrow(
      /runs\[0\]\.outcome: outcome must be one of/,
    );
    await expect(store().updateApplicationRuns('nope', () => [])).rejects.toThrow("no application named 'nope'");
    const path = join(configDir, 'profiles.json');
    const document = JSON.parse(readFileSync(path, 'utf8'));
    document.applications.shop.runs = [{...rolledBack, services: [{service: 'db', profile: 'shop-db', state: 'gone'}]}];
    writeFileSync(path, JSON.stringify(document));
    const shown = await cli(['apps', 'show', 'shop']);
    expect(shown.code).toBe(2);
    expect(shown.err).toContain('applications.shop.runs[0].services[0].state');
    expect(JSON.parse(readFileSync(path, 'utf8')).applications.shop.runs[0].services[0].state).toBe('gone');
  });

  test('a store without records (every store before them) shows no runs section', async () => {
    const shown = await cli(['apps', 'show', 'shop']);
    expect(shown.code).toBe(0);
    expect(shown.out).not.toContain('Whole-application runs');
    expect(JSON.parse((await cli(['apps', 'show', 'shop', '--json'])).out).runs).toBeUndefined();
  });
});
