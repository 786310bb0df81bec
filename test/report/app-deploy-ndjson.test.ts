import {expect, test} from 'vitest';
import {createAppNdjsonPrinter} from '../../source/report/app-deploy-ndjson.js';
import {appStream} from '../helpers/app-events.js';

test('NDJSON: one object per event, each service event carrying its service (the ECS name moved to ecsService), app-done last; text cleaned', () => {
  let out = '';
  const printer = createAppNdjsonPrinter({write: (chunk: string) => (out += chunk)});
  for (const event of appStream()) printer.print(event);
  const lines = out
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(lines).toHaveLength(appStream().length);
  expect(lines[0]).toMatchObject({type: 'app-started', application: 'shop', environment: 'dev'});
  expect(lines.find((line) => line['type'] === 'watch-started')).toMatchObject({service: 'db', ecsService: 'db-svc', cluster: 'demo'});
  expect(lines.find((line) => line['type'] === 'warning')).toEqual({
    type: 'warning',
    at: expect.any(Number) as number,
    message: 'tasks keep failing',
    service: 'api',
  });
  expect(lines.filter((line) => line['type'] === 'done').map((line) => [line['service'], line['exitCode']])).toEqual([
    ['db', 0],
    ['api', 3],
  ]);
  expect(lines.at(-1)).toMatchObject({type: 'app-done', exitCode: 3, resume: '--from api'});
  expect(out).not.toContain('\u001b');
  expect(printer.view.rows.map((row) => row.status)).toEqual(['finished', 'finished', 'skipped']);
});
