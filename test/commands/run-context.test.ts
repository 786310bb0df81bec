import {PassThrough, Readable} from 'node:stream';
import {afterEach, describe, expect, test} from 'vitest';
import {inkColour, runContext} from '../../source/commands/run-context.js';
import type {GlobalOptions} from '../../source/commands/spec.js';
import {FakeClock} from '../helpers/fake-clock.js';
import {testRoot} from '../helpers/fake-root.js';

const clock = new FakeClock();
const context = (globals: Partial<GlobalOptions>, terminal: {interactive: boolean; tty: boolean; columns?: number}) => {
  const stdout = Object.assign(new PassThrough(), {isTTY: terminal.tty, ...(terminal.columns === undefined ? {} : {columns: terminal.columns})});
  return {
    globals: {json: false, color: true, ...globals},
    io: {stdin: Readable.from([]), stdout, stderr: new PassThrough(), interactive: terminal.interactive},
    root: testRoot({clock}),
  };
};

describe('run context', () => {
  const saved = process.env.FORCE_COLOR;
  afterEach(() => {
    if (saved === undefined) delete process.env.FORCE_COLOR;
    else process.env.FORCE_COLOR = saved;
  });

  test('the reporter: JSON with --json, the screen on a terminal (when the command has one), else plain lines', () => {
    const terminal = {interactive: true, tty: true};
    expect(runContext(context({json: true}, terminal), {screen: true}).reporter).toBe('json');
    expect(runContext(context({}, terminal), {screen: true}).reporter).toBe('ink');
    expect(runContext(context({}, terminal), {screen: false}).reporter).toBe('plain');
    expect(runContext(context({}, {interactive: false, tty: false}), {screen: true}).reporter).toBe('plain');
  });

  test('colour: plain output only on a terminal and never with --no-color; width from the terminal (default 100); the root clock', () => {
    expect(runContext(context({}, {interactive: false, tty: true, columns: 80}), {screen: true})).toEqual({reporter: 'plain', color: true, width: 80, clock});
    expect(runContext(context({}, {interactive: false, tty: false}), {screen: true})).toMatchObject({color: false, width: 100});
    expect(runContext(context({color: false}, {interactive: false, tty: true}), {screen: true}).color).toBe(false);
    expect(runContext(context({json: true}, {interactive: false, tty: true}), {screen: false}).color).toBe(false);
  });

  test('an Ink screen without colour sets FORCE_COLOR=0 before Ink loads; FORCE_COLOR=0 given by the person is honoured', () => {
    delete process.env.FORCE_COLOR;
    expect(inkColour({color: true})).toBe(true);
    expect(process.env.FORCE_COLOR).toBeUndefined();
    expect(inkColour({color: false})).toBe(false);
    expect(process.env.FORCE_COLOR).toBe('0');
    expect(inkColour({color: true})).toBe(false);
  });
});
