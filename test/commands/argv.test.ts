import {describe, expect, test} from 'vitest';
import {parseInvocation} from '../../source/commands/argv.js';
import {UsageError} from '../../source/errors.js';

const parse = (argv: string[], env: NodeJS.ProcessEnv = {}) => parseInvocation(argv, env);

function usageError(argv: string[]): UsageError {
  try {
    parse(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return error as UsageError;
  }
  throw new Error(`expected a usage error for ${argv.join(' ')}`);
}

describe('parseInvocation', () => {
  test('no arguments opens the home screen with default globals', () => {
    expect(parse([])).toEqual({kind: 'home', globals: {region: undefined, awsProfile: undefined, endpointUrl: undefined, json: false, color: true}});
  });

  test.each([
    [['--version'], 'version'],
    [['-V'], 'version'],
    [['--help'], 'help'],
    [['-h'], 'help'],
    [['help'], 'help'],
    [['profiles'], 'group'],
    [['profiles', 'list'], 'command'],
  ])('%j is a %s invocation', (argv, kind) => {
    expect(parse(argv).kind).toBe(kind);
  });

  test('help on a command and on a group names its topic', () => {
    const command = parse(['profiles', 'rm', '--help']);
    expect(command.kind === 'help' && command.topic && 'path' in command.topic && command.topic.path).toEqual(['profiles', 'rm']);
    const viaHelpWord = parse(['help', 'profiles', 'rename']);
    expect(viaHelpWord.kind === 'help' && viaHelpWord.topic && 'path' in viaHelpWord.topic && viaHelpWord.topic.path).toEqual(['profiles', 'rename']);
    const group = parse(['profiles', '--help']);
    expect(group.kind === 'help' && group.topic && 'name' in group.topic && group.topic.name).toBe('profiles');
  });

  test('global options may stand before or after the command words', () => {
    for (const argv of [
      ['--region', 'eu-west-1', 'profiles', 'list', '--json'],
      ['profiles', '--region', 'eu-west-1', 'list', '--json'],
      ['profiles', 'list', '--json', '--region=eu-west-1'],
    ]) {
      const invocation = parse(argv);
      expect(invocation.kind).toBe('command');
      if (invocation.kind !== 'command') continue;
      expect(invocation.spec.path).toEqual(['profiles', 'list']);
      expect(invocation.globals.region).toBe('eu-west-1');
      expect(invocation.globals.json).toBe(true);
    }
  });

  test('command options and positionals are separated from globals', () => {
    const invocation = parse(['profiles', 'rm', 'web', '--yes', '--aws-profile', 'prod', '--endpoint-url', 'http://127.0.0.1:5000']);
    expect(invocation).toMatchObject({
      kind: 'command',
      options: {yes: true},
      positionals: ['web'],
      globals: {awsProfile: 'prod', endpointUrl: 'http://127.0.0.1:5000'},
    });
  });

  test('colour is off with --no-color or NO_COLOR', () => {
    expect(parse(['profiles', 'list', '--no-color'])).toMatchObject({globals: {color: false}});
    expect(parse(['profiles', 'list'], {NO_COLOR: '1'})).toMatchObject({globals: {color: false}});
    expect(parse(['profiles', 'list'], {NO_COLOR: ''})).toMatchObject({globals: {color: true}});
  });

  test.each([
    [['deploi'], /unknown command 'deploi'/],
    [['profile', 'list'], /unknown command 'profile'/],
    [['profiles', 'lst'], /unknown command 'profiles lst'/],
    [['profiles', 'list', '--bogus'], /unknown option --bogus for 'profiles list'/],
    [['--bogus'], /unknown option --bogus/],
    [['profiles', 'list', '--region'], /option --region needs a value/],
    [['profiles', 'list', '--json=yes'], /option --json takes no value/],
    [['profiles', 'show'], /'profiles show' needs NAME/],
    [['profiles', 'rename', 'a'], /'profiles rename' needs TO/],
    [['profiles', 'show', 'a', 'b'], /unexpected argument 'b'/],
    [['profiles', 'list', '--endpoint-url', 'localhost:4566'], /--endpoint-url must be an http\(s\) URL/],
    [['profiles', 'list', '--region', ''], /option --region needs a value/],
    [['help', 'nothing'], /no help for unknown command 'nothing'/],
  ])('%j is a usage error', (argv, message) => {
    expect(usageError(argv).message).toMatch(message);
    expect(usageError(argv).exitCode).toBe(2);
  });

  test('a near miss suggests the command meant', () => {
    expect(usageError(['profiles', 'lst']).hint).toContain("did you mean 'ecs-wizard profiles list'");
  });
});
