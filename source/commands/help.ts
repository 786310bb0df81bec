import {COMMANDS, GLOBAL_OPTIONS, GROUPS, commandName} from './registry.js';
import {usageLine} from './argv.js';
import type {CommandGroup, CommandSpec, OptionSpec} from './spec.js';

const EXIT_CODES = `Exit codes:
  0  success          1  failed           2  bad input or usage
  3  rolled back      4  timed out        5  interrupted or detached`;

function optionLines(options: Record<string, OptionSpec>): string[] {
  const rows = Object.entries(options).map(([name, spec]) => {
    const value = spec.value === undefined ? '' : spec.bareValue === undefined ? ` ${spec.value}` : `[=${spec.value}]`;
    const flag = `${spec.short ? `-${spec.short}, ` : '    '}--${name}${value}${spec.multiple ? ' …' : ''}`;
    return [flag, spec.description] as const;
  });
  const width = Math.max(...rows.map(([flag]) => flag.length));
  return rows.map(([flag, description]) => `  ${flag.padEnd(width)}  ${description}`);
}

function table(rows: Array<readonly [string, string]>): string[] {
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`);
}

export function programHelp(version: string): string {
  // The journey first (set up, deploy, look, adopt), then each group with its members.
  const order = ['init', 'deploy', 'diff', 'render', 'verify', 'watch', 'rollback', 'import'];
  const rank = (spec: CommandSpec) => (order.includes(spec.path[0]!) ? order.indexOf(spec.path[0]!) : order.length);
  const single = COMMANDS.filter((spec) => spec.path.length === 1).sort((a, b) => rank(a) - rank(b));
  const commands = [
    ...single.map((spec) => [commandName(spec), spec.summary] as const),
    ...GROUPS.flatMap((group) => [
      [group.name, group.summary] as const,
      ...COMMANDS.filter((spec) => spec.path.length > 1 && spec.path[0] === group.name).map((spec) => [commandName(spec), spec.summary] as const),
    ]),
  ];
  return [
    `ecs-wizard ${version} — from nothing to a running Amazon ECS service, and back again`,
    '',
    'Usage:',
    '  ecs-wizard                      open the interactive home screen (in a terminal)',
    '  ecs-wizard COMMAND [options]',
    '  ecs-wizard help COMMAND         help for one command',
    '',
    'Commands:',
    ...table(commands),
    '',
    'Global options:',
    ...optionLines(GLOBAL_OPTIONS),
    '',
    'Environment:',
    '  ECS_WIZARD_CONFIG_DIR   where profiles are stored',
    '  AWS_PROFILE, AWS_REGION, AWS_ENDPOINT_URL and the rest of the standard AWS credential chain',
    '  NO_COLOR                no colours',
    '',
    EXIT_CODES,
    '',
  ].join('\n');
}

export function commandHelp(spec: CommandSpec): string {
  const lines = [`Usage: ${usageLine(spec)}`, '', spec.summary[0]!.toUpperCase() + spec.summary.slice(1) + '.'];
  if (spec.description) lines.push('', spec.description);
  if (spec.positionals.length > 0) {
    lines.push('', 'Arguments:', ...table(spec.positionals.map((p) => [p.name, p.description + (p.required ? '' : ' (optional)')] as const)));
  }
  if (Object.keys(spec.options).length > 0) lines.push('', 'Options:', ...optionLines(spec.options));
  lines.push('', 'Global options:', ...optionLines(GLOBAL_OPTIONS));
  if (spec.examples) lines.push('', 'Examples:', ...spec.examples.map((example) => `  ${example}`));
  lines.push('');
  return lines.join('\n');
}

export function groupHelp(group: CommandGroup): string {
  const members = COMMANDS.filter((spec) => spec.path[0] === group.name);
  return [
    `Usage: ecs-wizard ${group.name} COMMAND [options]`,
    '',
    group.summary[0]!.toUpperCase() +
      group.summary.slice(1) +
      '.' +
      (group.interactive ? ` Run 'ecs-wizard ${group.name}' alone in a terminal for the interactive screen.` : ''),
    '',
    'Commands:',
    ...table(members.map((spec) => [commandName(spec), spec.summary] as const)),
    '',
    `See 'ecs-wizard ${group.name} COMMAND --help' for one command.`,
    '',
  ].join('\n');
}

export function helpFor(topic: CommandSpec | CommandGroup | undefined, version: string): string {
  if (!topic) return programHelp(version);
  return 'path' in topic ? commandHelp(topic) : groupHelp(topic);
}
