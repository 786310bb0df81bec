import type {CommandGroup, CommandSpec, OptionSpec} from './spec.js';

/**
 * The command table: declarations only. Implementations load lazily (see spec.ts), so this module
 * is all that `ecs-wizard --help` evaluates.
 */
export const GLOBAL_OPTIONS: Record<string, OptionSpec> = {
  region: {type: 'string', value: 'REGION', description: 'AWS region (default: AWS_REGION, then your AWS profile)'},
  'aws-profile': {type: 'string', value: 'NAME', description: 'named AWS credentials profile (default: AWS_PROFILE)'},
  'endpoint-url': {type: 'string', value: 'URL', description: 'send AWS calls to this endpoint, e.g. moto or LocalStack (default: AWS_ENDPOINT_URL)'},
  json: {type: 'boolean', description: 'machine-readable JSON output'},
  'no-color': {type: 'boolean', description: 'no colours (also NO_COLOR=1)'},
  help: {type: 'boolean', short: 'h', description: 'show help'},
  version: {type: 'boolean', short: 'V', description: 'print the version'},
};

export const GROUPS: CommandGroup[] = [
  {
    name: 'profiles',
    summary: 'list, show, remove, rename, export and import saved profiles',
    interactive: () => import('./profiles-screen.js'),
  },
];

const yes: OptionSpec = {type: 'boolean', short: 'y', description: 'do not ask for confirmation'};
const force: OptionSpec = {type: 'boolean', description: 'replace an existing profile of the same name'};

export const COMMANDS: CommandSpec[] = [
  {
    path: ['profiles', 'list'],
    summary: 'list saved profiles',
    options: {},
    positionals: [],
    examples: ['ecs-wizard profiles list', 'ecs-wizard profiles list --json'],
    load: () => import('./profiles.js').then((m) => ({run: m.list})),
  },
  {
    path: ['profiles', 'show'],
    summary: 'show one profile',
    options: {},
    positionals: [{name: 'NAME', required: true, description: 'profile name'}],
    load: () => import('./profiles.js').then((m) => ({run: m.show})),
  },
  {
    path: ['profiles', 'rm'],
    summary: 'remove a profile (asks first on a terminal)',
    options: {yes},
    positionals: [{name: 'NAME', required: true, description: 'profile name'}],
    load: () => import('./profiles.js').then((m) => ({run: m.remove})),
  },
  {
    path: ['profiles', 'rename'],
    summary: 'rename a profile',
    options: {},
    positionals: [
      {name: 'FROM', required: true, description: 'current name'},
      {name: 'TO', required: true, description: 'new name (letters, digits, - and _)'},
    ],
    load: () => import('./profiles.js').then((m) => ({run: m.rename})),
  },
  {
    path: ['profiles', 'export'],
    summary: 'write a profile as a shareable JSON file (stdout when FILE is omitted)',
    options: {force: {type: 'boolean', description: 'overwrite FILE if it exists'}},
    positionals: [
      {name: 'NAME', required: true, description: 'profile name'},
      {name: 'FILE', required: false, description: 'file to write'},
    ],
    load: () => import('./profiles.js').then((m) => ({run: m.exportProfileCommand})),
  },
  {
    path: ['profiles', 'import'],
    summary: 'import a profile from an exported JSON file (- for stdin)',
    options: {force, as: {type: 'string', value: 'NAME', description: 'save it under another name'}},
    positionals: [{name: 'FILE', required: true, description: 'exported profile file, or - for stdin'}],
    load: () => import('./profiles.js').then((m) => ({run: m.importProfile})),
  },
];

export const commandName = (spec: CommandSpec): string => spec.path.join(' ');
