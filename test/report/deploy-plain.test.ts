import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, test} from 'vitest';
import {createPlainPrinter, reportPlain} from '../../source/report/deploy-plain.js';
import {Buffer, FIXTURE_EVENTS, fixtureStream} from './deploy-fixture.js';

const golden = (name: string, text: string): void => {
  const file = join(import.meta.dirname, 'golden', name);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, text);
  expect(existsSync(file), `${file} (run with UPDATE_GOLDEN=1 to write it)`).toBe(true);
  expect(text).toBe(readFileSync(file, 'utf8'));
};

describe('plain deploy reporter', () => {
  test('golden: one line per change, no colour', async () => {
    const out = new Buffer();
    const view = await reportPlain(fixtureStream(), out, {color: false});
    golden('deploy-plain.txt', out.text);
    expect(view).toMatchObject({outcome: 'rolled-back', exitCode: 3, finished: true});
  });

  test('golden: with colour', async () => {
    const out = new Buffer();
    await reportPlain(fixtureStream(), out, {color: true});
    golden('deploy-plain.color.txt', out.text);
  });

  test('no control sequences from outside, and none at all without colour', async () => {
    const out = new Buffer();
    await reportPlain(fixtureStream(), out);
    expect(out.text).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F]/);
    expect(out.text).toContain('polling failed (1/5): connection reset');
  });

  test('append-only: every event adds lines, nothing is rewritten', () => {
    const out = new Buffer();
    const printer = createPlainPrinter(out);
    let previous = '';
    for (const event of FIXTURE_EVENTS) {
      printer.print(event);
      expect(out.text.startsWith(previous)).toBe(true);
      previous = out.text;
    }
    expect(out.text).not.toContain('\r');
    // An unchanged deployments snapshot prints nothing.
    const before = out.text;
    printer.print({...FIXTURE_EVENTS.find((event) => event.type === 'deployments' && event.deployments.length === 1)!, at: FIXTURE_EVENTS.at(-1)!.at});
    expect(out.text).toBe(before);
  });

  test('where ECS keeps no deployment records, the one line that says how the watch judges instead', () => {
    const out = new Buffer();
    const printer = createPlainPrinter(out);
    printer.print(FIXTURE_EVENTS.find((event) => event.type === 'watch-started')!);
    printer.print({
      type: 'info',
      at: FIXTURE_EVENTS.find((event) => event.type === 'watch-started')!.at,
      message: 'ECS service deployment records are not available here (moto); judging from DescribeServices',
    });
    expect(out.text.split('\n')[1]).toBe('+0s   ECS service deployment records are not available here (moto); judging from DescribeServices');
  });
});
