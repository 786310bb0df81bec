import {describe, expect, it} from 'vitest';
import {parseInvocation} from '../../source/commands/argv.js';
import {parseDeployOptions, parseDuration, parseOverrides} from '../../source/commands/deploy-options.js';
import {UsageError} from '../../source/errors.js';

describe('deploy options', () => {
  it.each([
    ['15m', 900_000],
    ['90s', 90_000],
    ['1h30m', 5_400_000],
    ['500ms', 500],
    ['45', 45_000],
    [' 2m30s ', 150_000],
  ])('duration %s = %i ms', (text, ms) => {
    expect(parseDuration(text, 'timeout')).toBe(ms);
  });

  it.each(['', 'abc', '5x', '0', '0s', '-1m', '1m-', 'm'])('refuses the duration %j with a clear error', (text) => {
    expect(() => parseDuration(text, 'timeout')).toThrow(UsageError);
    expect(() => parseDuration(text, 'timeout')).toThrow(/^--timeout /);
  });

  it('reads --set VAR=VALUE (a value may hold = or be empty; the last one wins)', () => {
    expect(parseOverrides(['a=1', 'url=http://x?y=z', 'empty=', 'a=2'])).toEqual({a: '2', url: 'http://x?y=z', empty: ''});
    expect(() => parseOverrides(['novalue'])).toThrow("--set needs VAR=VALUE, got 'novalue'");
  });

  it('a bare --simulate means success; --simulate=SCENARIO names one; a word after a bare --simulate is an argument', () => {
    const bare = parseInvocation(['deploy', '--simulate', 'web-api'], {});
    expect(bare).toMatchObject({kind: 'command', positionals: ['web-api'], options: {simulate: 'success'}});
    expect(parseInvocation(['deploy', 'web-api', '--simulate'], {})).toMatchObject({options: {simulate: 'success'}});
    const named = parseInvocation(['deploy', 'web-api', '--simulate=crash-loop', '--simulate-speed', '10'], {});
    expect(named.kind === 'command' && parseDeployOptions(named.options).simulate).toEqual({scenario: 'crash-loop', speed: 10});
    expect(() => parseDeployOptions({simulate: 'meltdown'})).toThrow("unknown simulation scenario 'meltdown'");
    expect(() => parseDeployOptions({'simulate-speed': '10'})).toThrow('--simulate-speed goes with --simulate');
    expect(() => parseDeployOptions({simulate: 'success', 'simulate-speed': 'fast'})).toThrow(
      "--simulate-speed must be a number greater than zero, got 'fast'",
    );
  });

  it('defaults: wait, 15 min, 5 min without progress; --to-revision must be a whole number', () => {
    expect(parseDeployOptions({})).toEqual({
      overrides: {},
      yes: false,
      wait: true,
      timeoutMs: 900_000,
      noProgressTimeoutMs: 300_000,
      force: false,
      exitCode: false,
      pinDigest: false,
    });
    expect(parseDeployOptions({'to-revision': '7'}).toRevision).toBe(7);
    expect(() => parseDeployOptions({'to-revision': '7.5'})).toThrow("--to-revision must be a whole number of 1 or more, got '7.5'");
  });
});

describe('--remove-auto-scaling', () => {
  it('is present only when given', () => {
    expect(parseDeployOptions({'remove-auto-scaling': true}).removeAutoScaling).toBe(true);
    expect(parseDeployOptions({})).not.toHaveProperty('removeAutoScaling');
  });
});
