import {expect, test} from 'vitest';
import {createAppPlainPrinter} from '../../source/report/app-deploy-plain.js';
import {appStream} from '../helpers/app-events.js';

test('plain lines: the app line, each service line prefixed with its name, the summary and how to resume; text from outside cleaned', () => {
  let out = '';
  const printer = createAppPlainPrinter(
    {write: (chunk: string) => (out += chunk)},
    {resumeCommand: (flags) => `ecs-wizard deploy --app shop --env dev ${flags}`},
  );
  for (const event of appStream()) printer.print(event);
  expect(out).toBe(
    [
      'deploying application shop in dev: db, api (after db), web (after api); at most 3 at once — SIMULATED, no AWS calls',
      '[db ] planned: changes',
      '[api] planned: changes',
      '[web] planned: no changes',
      '[db ] started',
      '[db ] +0s   watching db-svc in demo (us-east-1) for db:2 — SIMULATED, no AWS calls',
      '[db ] +1s   deployment ecs-svc/1 (ours) PRIMARY db:2  running 2/2  pending 0  failed 0  COMPLETED',
      '[db ] +2s   deployed (simulated): db:2 is running 2/2 tasks [exit 0, 3s, 7 ECS API calls]',
      '[db ] deployed (exit 0)',
      '[api] started',
      '[api] +0s   tasks keep failing',
      '[api] +11s  rolled back: circuit breaker: rolled back to api:1 [exit 3, 17s, 12 ECS API calls]',
      '[api] rolled back (exit 3)',
      '[web] not started — api rolled back: it depends on api',
      'application shop in dev: api rolled back: circuit breaker: rolled back to api:1 [exit 3, 20s]',
      '  changed: db',
      '  api: rolled back — circuit breaker: rolled back to api:1',
      '  not started: web — api rolled back: it depends on api',
      '  resume: ecs-wizard deploy --app shop --env dev --from api',
      '',
    ].join('\n'),
  );
  expect(printer.view.exitCode).toBe(3);
});
