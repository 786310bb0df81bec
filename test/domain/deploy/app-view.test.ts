import {expect, test} from 'vitest';
import {appHeadline, appSummaryLines, foldAppEvents, rowRevision, rowStage, rowTasks} from '../../../source/domain/deploy/app-view.js';
import {appStream} from '../../helpers/app-events.js';

test('one row per service: stage, revision, running / desired, outcome', () => {
  const events = appStream();
  const midway = foldAppEvents(events.slice(0, 7));
  const [db, api, web] = midway.rows;
  expect([db, api, web].map((row) => rowStage(row!))).toEqual(['rolling out', 'waiting', 'waiting (no changes)']);
  expect(rowRevision(db!)).toBe('db:2');
  expect(rowTasks(db!)).toEqual({running: 2, desired: 2});
  expect(rowTasks(api!)).toBeUndefined();
  const end = foldAppEvents(events);
  expect(end.rows.map((row) => rowStage(row))).toEqual(['deployed', 'rolled back', 'not started']);
  expect(end).toMatchObject({finished: true, exitCode: 3, outcome: 'rolled-back', resume: '--from api'});
});

test('the end: a short headline, and the summary lines with how to resume', () => {
  const view = foldAppEvents(appStream());
  expect(appHeadline(view)).toBe('api rolled back; 1 not started');
  expect(appSummaryLines(view, (flags) => `ecs-wizard deploy --app shop --env dev ${flags}`)).toEqual([
    'changed: db',
    'api: rolled back — circuit breaker: rolled back to api:1',
    'not started: web — api rolled back: it depends on api',
    'resume: ecs-wizard deploy --app shop --env dev --from api',
  ]);
});
