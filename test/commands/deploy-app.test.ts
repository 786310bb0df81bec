/**
 * `ecs-wizard deploy --app NAME --env ENV` through the CLI's main, without a terminal: plain lines and NDJSON, every
 * service against a rollout simulator of its own (--simulate, per-service scenarios), time from a fake clock.
 */
import {PassThrough, Readable} from 'node:stream';
import {describe, expect, it} from 'vitest';
import {MemoryProfileStore} from '../../source/adapters/memory-profile-store.js';
import {main} from '../../source/cli.js';
import type {Profile} from '../../source/domain/model.js';
import {FakeClock} from '../helpers/fake-clock.js';
import {testRoot} from '../helpers/fake-root.js';
import {shopProfile} from '../helpers/app-fixtures.js';

async function shop(profiles: Profile[] = [shopProfile('db'), shopProfile('api', ['db']), shopProfile('web', ['api'])]) {
  const store = new MemoryProfileStore();
  for (const profile of profiles) await store.save(profile);
  return store;
}

/** Runs the CLI, firing the fake clock's timers until it exits (a simulator loads lazily: those turns are waited for). */
async function appCli(argv: string[], store: MemoryProfileStore) {
  const clock = new FakeClock();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  let code: number | undefined;
  void main({argv, env: {CI: 'true'}, io: {stdin: Readable.from([]), stdout, stderr}, createRoot: () => testRoot({store, clock})}).then(
    (exit) => (code = exit),
  );
  while (code === undefined) {
    if (!(await clock.advanceToNextTimer())) await new Promise((resolve) => setImmediate(resolve));
  }
  return {code, out, err};
}

describe('ecs-wizard deploy --app (no terminal)', () => {
  it('plain: each service plan, then lines prefixed with the service; a rollback keeps its dependents from starting (exit 3); how to resume', async () => {
    const store = await shop();
    const {code, out, err} = await appCli(['deploy', '--app', 'shop', '--env', 'dev', '--yes', '--simulate=api:crash-loop'], store);
    expect(err).toBe('');
    expect(code).toBe(3);
    expect(out).toContain('deploying application shop in dev: db, api (after db), web (after api); at most 3 at once — SIMULATED, no AWS calls');
    for (const name of ['db', 'api', 'web']) expect(out).toContain(`shop-${name} → dev (us-east-1, cluster demo-ec2)`);
    expect(out).toMatch(/^\[db \] deployed \(exit 0\)$/m);
    expect(out).toMatch(/^\[api\] .*task \w+ stopped: Essential container in task exited/m);
    expect(out).toMatch(/^\[api\] rolled back \(exit 3\)$/m);
    expect(out).toMatch(/^\[web\] not started — api rolled back: it depends on api$/m);
    expect(out).not.toMatch(/^\[web\] started$/m);
    expect(out).toMatch(/^application shop in dev: api rolled back: .*\[exit 3, \d+s\]$/m);
    expect(out).toContain('  changed: db\n');
    expect(out).toContain('  not started: web — api rolled back: it depends on api\n');
    expect(out).toContain('  resume: ecs-wizard deploy --app shop --env dev --from api --simulate=success,api:crash-loop\n');
    expect((await store.get('shop-web'))!.runs).toEqual([]);
    expect((await store.get('shop-api'))!.runs.at(-1)).toMatchObject({outcome: 'rolled-back', simulated: true});
  });

  it('--json: NDJSON, every service event carries its service, app-done last with the worst exit code', async () => {
    const store = await shop();
    const {code, out} = await appCli(['deploy', '--app', 'shop', '--env', 'dev', '--yes', '--json', '--simulate=db:replaced'], store);
    expect(code).toBe(1);
    const lines = out
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({type: 'app-started', application: 'shop', environment: 'dev', simulated: true});
    expect(lines.every((line) => typeof line['service'] === 'string' || line['type'] === 'app-started' || line['type'] === 'app-done')).toBe(true);
    expect(lines.find((line) => line['type'] === 'watch-started')).toMatchObject({service: 'db', ecsService: 'db'});
    expect(lines.filter((line) => line['type'] === 'done').map((line) => [line['service'], line['outcome']])).toEqual([['db', 'failed']]);
    expect(lines.at(-1)).toMatchObject({
      type: 'app-done',
      outcome: 'failed',
      exitCode: 1,
      resume: '--from db',
      services: [
        {service: 'db', outcome: 'failed', exitCode: 1},
        {service: 'api', outcome: 'not-started'},
        {service: 'web', outcome: 'not-started'},
      ],
    });
  });

  it('all succeed: exit 0, the summary lists what changed', async () => {
    const store = await shop();
    const {code, out} = await appCli(['deploy', '--app', 'shop', '--env', 'dev', '--yes', '--simulate', '--parallel', '1'], store);
    expect(code).toBe(0);
    expect(out).toMatch(/^application shop in dev: 3 of 3 services deployed \[exit 0, \d+s\]$/m);
    expect(out).toContain('  changed: db, api, web\n');
    expect(out).not.toContain('resume:');
  });

  it.each([
    [['deploy', '--app', 'shop', '--yes'], 'deploy --app needs --env'],
    [['deploy', '--app', 'shop', '--env', 'prod', '--yes'], "application 'shop' has no environment 'prod'"],
    [['deploy', '--app', 'nope', '--env', 'dev', '--yes'], "no application 'nope'"],
    [
      ['deploy', '--app', 'shop', '--env', 'dev', '--yes', '--only', 'api,cart'],
      '--only names cart, not a service of the application (its services: db, api, web)',
    ],
    [['deploy', '--app', 'shop', '--env', 'dev', '--yes', '--from', 'cart'], '--from names cart'],
    [['deploy', '--app', 'shop', '--env', 'dev', '--yes', '--only', 'api', '--from', 'api'], '--only and --from both choose the services'],
    [['deploy', '--app', 'shop', '--env', 'dev', '--yes', '--parallel', '0'], "--parallel must be a whole number of 1 or more, got '0'"],
    [['deploy', '--app', 'shop', '--env', 'dev', '--yes', '--tag', '1.2'], '--tag names one image'],
    [['deploy', 'shop-db', '--app', 'shop', '--env', 'dev', '--yes'], 'deploy takes a PROFILE or --app, not both'],
    [['deploy', '--app', 'shop', '--env', 'dev', '--yes', '--no-wait'], '--no-wait cannot keep the dependency order: api depends on db'],
    [['deploy', '--app', 'shop', '--env', 'dev', '--yes', '--simulate=cart:crash-loop'], '--simulate names cart, not a service of the application'],
    [['deploy', '--app', 'shop', '--env', 'dev', '--yes', '--simulate=api:explode'], "unknown simulation scenario 'explode'"],
    [['deploy', '--app', 'shop', '--env', 'dev'], "not deploying application 'shop' to 'dev' without --yes (there is no terminal to ask)"],
    [['deploy', 'shop-db', '--only', 'db', '--yes'], '--only goes with --app'],
    [['deploy', '--yes'], 'missing argument: PROFILE (or --app NAME --env ENV'],
  ])('%j is refused (exit 2), naming the problem, changing nothing', async (argv, message) => {
    const store = await shop();
    const {code, out, err} = await appCli(argv, store);
    expect(code).toBe(2);
    expect(err).toContain(message);
    expect(err).not.toMatch(/\n\s+at /);
    expect(out).toBe('');
    for (const name of ['shop-db', 'shop-api', 'shop-web']) expect((await store.get(name))!.runs).toEqual([]);
  });

  it('a dependency cycle or an unknown service among the saved profiles is refused (exit 2), naming them', async () => {
    const store = await shop([shopProfile('db', ['web']), shopProfile('api', ['db']), shopProfile('web', ['api', 'cache'])]);
    const {code, err} = await appCli(['deploy', '--app', 'shop', '--env', 'dev', '--yes', '--simulate'], store);
    expect(code).toBe(2);
    expect(err).toContain("service web depends on cache, which is not a service of application 'shop' in dev (its services: api, db, web)");
    expect(err).toContain('dependency cycle: api → db → web → api');
  });
});
