/**
 * domain/deploy/app-run-record.ts: the record of a whole-application run folded from its events, what `watch --app`
 * re-attaches to, and the run's outcome once a later watch settled it (never a success while a service did not deploy).
 */
import {describe, expect, test} from 'vitest';
import type {AppStartedEvent} from '../../../source/domain/deploy/app-events.js';
import {
  applyAppEvent,
  notReattachedReason,
  servicesToReattach,
  settleRun,
  settleService,
  startRecord,
  type AppRunRecord,
} from '../../../source/domain/deploy/app-run-record.js';

const started: AppStartedEvent = {
  type: 'app-started',
  at: 0,
  application: 'shop',
  environment: 'dev',
  services: [
    {service: 'db', profile: 'shop-db', dependsOn: []},
    {service: 'api', profile: 'shop-api', dependsOn: ['db']},
  ],
  parallel: 3,
  simulated: false,
};
const fresh = (): AppRunRecord => startRecord(started, {id: 'r1', startedAt: '2026-01-01T00:00:00.000Z', tags: {db: '16'}});

describe('app run record', () => {
  test('starts with every service waiting, in the plan’s order, with its tag', () => {
    expect(fresh()).toEqual({
      id: 'r1',
      environment: 'dev',
      startedAt: '2026-01-01T00:00:00.000Z',
      order: ['db', 'api'],
      services: [
        {service: 'db', profile: 'shop-db', state: 'waiting', tag: '16'},
        {service: 'api', profile: 'shop-api', state: 'waiting'},
      ],
    });
  });

  test('folds starts, revisions, ends and skips; a credential-looking value in a reason is masked', () => {
    let record = applyAppEvent(fresh(), {type: 'app-service', at: 1, service: 'db', status: 'started'});
    record = applyAppEvent(record, {
      type: 'service-run',
      at: 2,
      service: 'db',
      event: {
        type: 'watch-started',
        at: 2,
        cluster: 'c',
        service: 'db',
        region: 'us-east-1',
        taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/db:9',
        simulated: false,
      },
    });
    expect(record.services[0]).toMatchObject({state: 'in-flight', revision: 9});
    record = applyAppEvent(record, {
      type: 'app-service',
      at: 3,
      service: 'db',
      status: 'finished',
      outcome: 'failed',
      exitCode: 1,
      reason: 'key AKIAIOSFODNN7EXAMPLE leaked',
    });
    record = applyAppEvent(record, {type: 'app-service', at: 4, service: 'api', status: 'skipped', reason: 'not started: db failed: it depends on db'});
    expect(record.services).toEqual([
      expect.objectContaining({service: 'db', state: 'ended', outcome: 'failed', exitCode: 1, reason: 'key (masked) leaked'}),
      {service: 'api', profile: 'shop-api', state: 'not-started', reason: 'db failed: it depends on db'},
    ]);
    expect(servicesToReattach(record)).toEqual([]);
    expect(notReattachedReason(record.services[1]!)).toBe('cannot re-attach: it never started (db failed: it depends on db)');
  });

  test('settled by a later watch: success only when every service deployed; a service still in flight leaves the run open', () => {
    const detached: AppRunRecord = {
      ...fresh(),
      outcome: 'detached',
      exitCode: 5,
      services: [
        {service: 'db', profile: 'shop-db', state: 'ended', outcome: 'detached', exitCode: 5},
        {service: 'api', profile: 'shop-api', state: 'in-flight'},
      ],
    };
    expect(servicesToReattach(detached).map((item) => item.service)).toEqual(['db', 'api']);
    const half = settleService(detached, 'db', {outcome: 'deployed', exitCode: 0, reason: 'ok'});
    expect(settleRun(half, 'T')).toEqual(half);
    const both = settleService(half, 'api', {outcome: 'deployed', exitCode: 0, reason: 'ok'});
    expect(settleRun(both, '2026-01-01T01:00:00.000Z')).toMatchObject({
      outcome: 'deployed',
      exitCode: 0,
      reason: '2 of 2 services deployed',
      settledAt: '2026-01-01T01:00:00.000Z',
    });
    const rolled = settleService(half, 'api', {outcome: 'rolled-back', exitCode: 3, reason: 'circuit breaker'});
    expect(settleRun(rolled, 'T')).toMatchObject({outcome: 'rolled-back', exitCode: 3, reason: 'api rolled back: circuit breaker'});
    // A service that already ended is not settled again.
    expect(settleService(both, 'db', {outcome: 'failed', exitCode: 1, reason: 'x'})).toEqual(both);
  });
});
