import {describe, expect, it} from 'vitest';
import {servedHere} from '../source/plain.js';

describe('servedHere: the command lines the plain bundles run (the others go to the full program)', () => {
  // Under test no bundle is built for one command (__PLAIN_COMMAND__ is undefined): each plain command is served.
  it.each([
    [['profiles', 'list'], true],
    [['profiles', 'list', '--json'], true],
    [['render', 'web-api', '--env', 'dev', '--tag', '1.2.3'], true],
    [['diff', 'web-api', '--env', 'dev', '--simulate', '--exit-code'], true],
    [['diff', 'web-api', '--simulate=crash-loop'], true],
    // diff without the simulator asks AWS: the SDK is not in the plain bundle.
    [['diff', 'web-api', '--env', 'dev'], false],
    // Help, usage errors and other commands: the full program says what it says today.
    [['render', '--help'], false],
    [['render', 'web-api', '--no-such-flag'], false],
    [['render'], false],
    [['diff', 'web-api', '--simulate=no-such-scenario'], true],
    [['profiles', 'show', 'web-api'], false],
    [['deploy', 'web-api', '--simulate'], false],
    [['--version'], false],
    [[], false],
  ] as Array<[string[], boolean]>)('%j → %s', (argv, expected) => {
    expect(servedHere(argv, {})).toBe(expected);
  });
});
