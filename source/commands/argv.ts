import {parseArgs} from 'node:util';
import {UsageError} from '../errors.js';
import {COMMANDS, GLOBAL_OPTIONS, GROUPS, commandName} from './registry.js';
import type {CommandGroup, CommandSpec, GlobalOptions, OptionSpec, OptionValues} from './spec.js';

/** What the command line asks for. */
export type Invocation =
  | {kind: 'version'}
  | {kind: 'help'; topic?: CommandSpec | CommandGroup}
  | {kind: 'home'; globals: GlobalOptions}
  | {kind: 'group'; group: CommandGroup; globals: GlobalOptions}
  | {kind: 'command'; spec: CommandSpec; options: OptionValues; positionals: string[]; globals: GlobalOptions};

const isCommandPrefix = (words: string[]): boolean => COMMANDS.some((spec) => words.every((word, index) => spec.path[index] === word));

const findCommand = (words: string[]): CommandSpec | undefined =>
  COMMANDS.find((spec) => spec.path.length === words.length && spec.path.every((word, index) => word === words[index]));

const findGroup = (words: string[]): CommandGroup | undefined => (words.length === 1 ? GROUPS.find((group) => group.name === words[0]) : undefined);

const takesValue = (name: string, options: Record<string, OptionSpec>): boolean => options[name]?.type === 'string';

/**
 * Splits the command words (`profiles list`) out of argv. Global options may stand anywhere;
 * a command's own options come after its words.
 */
function extractCommandWords(argv: string[]): {words: string[]; rest: string[]; stray?: string} {
  const words: string[] = [];
  const rest: string[] = [];
  let index = 0;
  let stray: string | undefined;
  while (index < argv.length) {
    const token = argv[index]!;
    if (token === '--') {
      rest.push(...argv.slice(index));
      break;
    }
    if (token.startsWith('-')) {
      rest.push(token);
      const name = token.replace(/^--?/, '');
      if (!name.includes('=') && takesValue(name, GLOBAL_OPTIONS) && index + 1 < argv.length) {
        rest.push(argv[index + 1]!);
        index += 1;
      }
      index += 1;
      continue;
    }
    const complete = findCommand(words) !== undefined;
    if (!complete && stray === undefined && isCommandPrefix([...words, token])) {
      words.push(token);
    } else {
      if (!complete) stray ??= token;
      rest.push(token);
    }
    index += 1;
  }
  return {words, rest, stray};
}

function closest(word: string, candidates: string[]): string | undefined {
  const distance = (a: string, b: string): number => {
    const row = Array.from({length: b.length + 1}, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
      let previous = row[0]!;
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const current = row[j]!;
        row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
        previous = current;
      }
    }
    return row[b.length]!;
  };
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const d = distance(word, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function toParseArgsOptions(options: Record<string, OptionSpec>) {
  const result: Record<string, {type: 'string' | 'boolean'; multiple?: boolean; short?: string}> = {};
  for (const [name, spec] of Object.entries(options)) {
    result[name] = {type: spec.type, ...(spec.multiple ? {multiple: true} : {}), ...(spec.short ? {short: spec.short} : {})};
  }
  return result;
}

/** Turns node:util parseArgs errors into our own wording. */
function usageErrorFrom(error: unknown, where: string): UsageError {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as {code?: string}).code;
  const option = /'(-[^' ]+)/.exec(message)?.[1] ?? '';
  const help = `see: ecs-wizard ${where === '' ? '' : `${where} `}--help`;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    return new UsageError(`unknown option ${option}${where === '' ? '' : ` for '${where}'`}`, help);
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (message.includes('does not take an argument')) return new UsageError(`option ${option} takes no value`, help);
    return new UsageError(`option ${option} needs a value`, help);
  }
  return new UsageError(message, help);
}

function globalsFrom(values: OptionValues, env: NodeJS.ProcessEnv): GlobalOptions {
  const str = (name: string): string | undefined => {
    const value = values[name];
    return typeof value === 'string' ? value : undefined;
  };
  const requireValue = (name: string): string | undefined => {
    const value = str(name);
    if (value !== undefined && value.trim() === '') throw new UsageError(`option --${name} needs a value`);
    return value;
  };
  const endpointUrl = requireValue('endpoint-url');
  if (endpointUrl !== undefined && !/^https?:\/\/[^\s/]+/.test(endpointUrl)) {
    throw new UsageError(`--endpoint-url must be an http(s) URL, got '${endpointUrl}'`);
  }
  return {
    region: requireValue('region'),
    awsProfile: requireValue('aws-profile'),
    endpointUrl,
    json: values.json === true,
    color: values['no-color'] !== true && (env.NO_COLOR ?? '') === '',
  };
}

export function parseInvocation(argv: string[], env: NodeJS.ProcessEnv): Invocation {
  if (argv[0] === 'help') {
    const words = argv.slice(1).filter((word) => !word.startsWith('-'));
    if (words.length === 0) return {kind: 'help'};
    const topic = findCommand(words) ?? findGroup(words);
    if (!topic) throw new UsageError(`no help for unknown command '${words.join(' ')}'`, 'see: ecs-wizard --help');
    return {kind: 'help', topic};
  }

  const {words, rest, stray} = extractCommandWords(argv);
  const spec = findCommand(words);
  const group = spec ? undefined : findGroup(words);
  const where = words.join(' ');

  if (!spec && stray !== undefined) {
    const known = [...new Set([...COMMANDS.map(commandName), ...GROUPS.map((g) => g.name), 'help'])];
    const attempted = [...words, stray].join(' ');
    const suggestion = closest(attempted, known);
    throw new UsageError(
      `unknown command '${attempted}'`,
      suggestion ? `did you mean 'ecs-wizard ${suggestion}'? (see: ecs-wizard --help)` : 'see: ecs-wizard --help',
    );
  }

  const options = {...GLOBAL_OPTIONS, ...(spec?.options ?? {})};
  // An option with an optional value (`--simulate[=SCENARIO]`): a bare `--name` means `--name=<bareValue>`.
  const endOfOptions = rest.indexOf('--');
  const args = rest.map((token, index) => {
    const bare = token.startsWith('--') ? options[token.slice(2)]?.bareValue : undefined;
    return bare !== undefined && (endOfOptions === -1 || index < endOfOptions) ? `${token}=${bare}` : token;
  });
  let parsed: {values: OptionValues; positionals: string[]};
  try {
    parsed = parseArgs({args, options: toParseArgsOptions(options), strict: true, allowPositionals: true}) as typeof parsed;
  } catch (error) {
    throw usageErrorFrom(error, where);
  }
  const {values, positionals} = parsed;

  if (values.version === true) return {kind: 'version'};
  if (values.help === true) return {kind: 'help', topic: spec ?? group};
  const globals = globalsFrom(values, env);

  if (!spec) {
    if (group) return {kind: 'group', group, globals};
    return {kind: 'home', globals};
  }

  const required = spec.positionals.filter((p) => p.required);
  if (positionals.length < required.length) {
    const missing = required.slice(positionals.length).map((p) => p.name);
    throw new UsageError(`'${where}' needs ${missing.join(' and ')}`, `usage: ${usageLine(spec)}`);
  }
  if (positionals.length > spec.positionals.length) {
    const extra = positionals.slice(spec.positionals.length);
    throw new UsageError(`unexpected argument '${extra[0]}' for '${where}'`, `usage: ${usageLine(spec)}`);
  }
  const commandOptions: OptionValues = {};
  for (const name of Object.keys(spec.options)) commandOptions[name] = values[name];
  return {kind: 'command', spec, options: commandOptions, positionals, globals};
}

export function usageLine(spec: CommandSpec): string {
  const positionals = spec.positionals.map((p) => (p.required ? p.name : `[${p.name}]`));
  const hasOptions = Object.keys(spec.options).length > 0;
  return ['ecs-wizard', ...spec.path, ...positionals, ...(hasOptions ? ['[options]'] : [])].join(' ');
}
