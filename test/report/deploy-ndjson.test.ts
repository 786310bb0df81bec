import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, test} from 'vitest';
import type {DeployEvent} from '../../source/domain/deploy/events.js';
import {reportNdjson} from '../../source/report/deploy-ndjson.js';
import {Buffer, FIXTURE_EVENTS, fixtureStream} from './deploy-fixture.js';

describe('NDJSON deploy reporter', () => {
  test('golden: one object per event, then a summary', async () => {
    const out = new Buffer();
    const view = await reportNdjson(fixtureStream(), out);
    const file = join(import.meta.dirname, 'golden', 'deploy.ndjson');
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, out.text);
    expect(existsSync(file), `${file} (run with UPDATE_GOLDEN=1 to write it)`).toBe(true);
    expect(out.text).toBe(readFileSync(file, 'utf8'));
    expect(view.outcome).toBe('rolled-back');
  });

  test('every line parses; events round-trip (strings sanitized); the summary is last', async () => {
    const out = new Buffer();
    await reportNdjson(fixtureStream(), out);
    const lines = out.text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as {type: string});
    expect(lines).toHaveLength(FIXTURE_EVENTS.length + 1);
    expect(lines.slice(0, -1).map((line) => line.type)).toEqual(FIXTURE_EVENTS.map((event) => event.type));
    expect(lines[2]).toEqual(FIXTURE_EVENTS[2]);
    expect(lines.at(-1)).toMatchObject({
      type: 'summary',
      outcome: 'rolled-back',
      exitCode: 3,
      apiCalls: 27,
      simulated: true,
      scenario: 'crash-loop',
      circuitBreaker: {failed: 4, threshold: 3},
      stoppedTasks: 4,
      serviceDeployment: {status: 'ROLLBACK_SUCCESSFUL', statusReason: 'ECS deployment circuit breaker: tasks failed to start.'},
    });
    // ECS's own status names, as ECS gives them.
    expect(lines.filter((line) => line.type === 'service-deployment').map((line) => (line as unknown as {status: string}).status)).toEqual([
      'IN_PROGRESS',
      'ROLLBACK_IN_PROGRESS',
      'ROLLBACK_SUCCESSFUL',
    ]);
    expect(lines.find((line) => line.type === 'done')).toMatchObject({serviceDeploymentStatus: 'ROLLBACK_SUCCESSFUL'});
    expect(out.text).not.toContain('\\u001b');
  });

  test('a stream that ends without done still gets a summary (interrupted)', async () => {
    const out = new Buffer();
    async function* broken(): AsyncGenerator<DeployEvent> {
      yield FIXTURE_EVENTS[0]!;
      throw new Error('boom');
    }
    await expect(reportNdjson(broken(), out)).rejects.toThrow('boom');
    const last = JSON.parse(out.text.trimEnd().split('\n').at(-1)!) as Record<string, unknown>;
    expect(last).toMatchObject({type: 'summary', outcome: 'interrupted', exitCode: 5});
  });

  test("an info event is one object like any other (the watch's note that ECS keeps no deployment records here)", async () => {
    const out = new Buffer();
    const info: DeployEvent = {type: 'info', at: 1, message: 'ECS service deployment records are not available here (moto); judging from DescribeServices'};
    await reportNdjson(fixtureStream([info]), out);
    expect(JSON.parse(out.text.split('\n')[0]!)).toEqual(info);
  });

  test('a refusal before anything changed (exit 2) is not-started in the done line and the summary; a real failure stays failed', async () => {
    const refused = new Buffer();
    const done = (exitCode: number): DeployEvent => ({
      type: 'done',
      at: 1,
      outcome: 'failed',
      reason: 'no earlier revision',
      exitCode,
      elapsedMs: 0,
      apiCalls: 2,
    });
    await reportNdjson(fixtureStream([done(2)]), refused);
    const lines = refused.text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((line) => [line.type, line.outcome, line.exitCode])).toEqual([
      ['done', 'not-started', 2],
      ['summary', 'not-started', 2],
    ]);
    const failed = new Buffer();
    await reportNdjson(fixtureStream([done(1)]), failed);
    expect(failed.text.match(/"outcome":"failed"/g)).toHaveLength(2);
  });
});
