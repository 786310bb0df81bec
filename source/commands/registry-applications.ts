/** The command table's declarations of `apps …` and `env list|add|edit|rm` (declarations only; see registry.ts). */
import type {CommandSpec, OptionSpec} from './spec.js';
import {SERVER_COMMANDS} from './registry-servers.js';

const yes: OptionSpec = {type: 'boolean', short: 'y', description: 'do not ask for confirmation'};
const force: OptionSpec = {type: 'boolean', description: 'save even when a service using the environment would no longer render (lists what each will fail)'};
const app: OptionSpec = {
  type: 'string',
  value: 'APP',
  description: 'the application (may be left out when there is one, or one has an environment of that name)',
};
const environmentOptions: Record<string, OptionSpec> = {
  app,
  cluster: {type: 'string', value: 'CLUSTER', description: 'the ECS cluster (name or ARN); the region is the global --region'},
  'launch-type': {type: 'string', value: 'EC2|FARGATE', description: 'the launch type'},
  subnets: {type: 'string', value: 'a,b', description: 'awsvpc subnets (comma-separated)'},
  'security-groups': {type: 'string', value: 'a,b', description: 'awsvpc security groups (comma-separated)'},
  'assign-public-ip': {type: 'boolean', description: 'give tasks a public IP (awsvpc)'},
  'no-public-ip': {type: 'boolean', description: 'no public IP (awsvpc)'},
  'execution-role': {type: 'string', value: 'ARN', description: 'the task execution role (replaces ${EXECUTION_ROLE})'},
  'no-network': {type: 'boolean', description: 'remove the awsvpc network'},
  'no-execution-role': {type: 'boolean', description: 'remove the execution role'},
};
const APPLICATION = [{name: 'APP', required: true, description: 'application name'}];
const ENVIRONMENT = [{name: 'ENV', required: true, description: 'environment name'}];

export const APPLICATION_COMMANDS: CommandSpec[] = [
  {
    path: ['apps', 'list'],
    summary: 'list applications: their services (profiles) and environments',
    options: {},
    positionals: [],
    examples: ['ecs-wizard apps list', 'ecs-wizard apps list --json'],
    load: () => import('./apps.js').then((m) => ({run: m.list})),
  },
  {
    path: ['apps', 'show'],
    summary: "one application: each environment (and the services using it) and each service's environments",
    options: {},
    positionals: APPLICATION,
    examples: ['ecs-wizard apps show shop', 'ecs-wizard apps show shop --json'],
    load: () => import('./apps.js').then((m) => ({run: m.show})),
  },
  {
    path: ['apps', 'rename'],
    summary: 'rename an application (its profiles follow)',
    options: {},
    positionals: [
      {name: 'FROM', required: true, description: 'current application name'},
      {name: 'TO', required: true, description: 'new application name'},
    ],
    load: () => import('./apps.js').then((m) => ({run: m.rename})),
  },
  {
    path: ['apps', 'rm'],
    summary: 'remove an application, its environments and its profiles (asks first on a terminal; --yes without one)',
    description: 'Only what ecs-wizard keeps on this machine is removed: nothing is changed on AWS.',
    options: {yes},
    positionals: APPLICATION,
    load: () => import('./apps.js').then((m) => ({run: m.remove})),
  },
  {
    path: ['env', 'list'],
    summary: "list applications' environments and the services that use each",
    options: {app: {type: 'string', value: 'APP', description: "only this application's environments"}},
    positionals: [],
    examples: ['ecs-wizard env list', 'ecs-wizard env list --app shop --json'],
    load: () => import('./env-manage.js').then((m) => ({run: m.list})),
  },
  {
    path: ['env', 'add'],
    summary: 'add an environment to an application (created when new); services then use it through init --env',
    options: environmentOptions,
    positionals: ENVIRONMENT,
    examples: [
      'ecs-wizard env add staging --app shop --region us-east-1 --cluster staging --launch-type FARGATE --subnets subnet-0a1b2c3d --security-groups sg-0a1b2c3d',
    ],
    load: () => import('./env-manage.js').then((m) => ({run: m.add})),
  },
  {
    path: ['env', 'edit'],
    summary: 'change an environment for every service that uses it (says which; asks first on a terminal)',
    description:
      "The environment is the application's: every profile that uses it renders with the new values. Each of them is rendered with the new values and checked by the same validator as render and verify (before AWS); what changes in each rendered task definition and service is shown, and a change that would break one is refused (exit 2, naming the service and the field; --force saves it and lists what each will fail). A value typed over one read from a CloudFormation or Terraform output is no longer refreshed from it.",
    options: {...environmentOptions, yes, force},
    positionals: ENVIRONMENT,
    examples: [
      'ecs-wizard env edit staging --app shop --cluster staging-blue',
      'ecs-wizard env edit production --security-groups sg-0a1b2c3d,sg-4e5f6a7b --yes',
    ],
    load: () => import('./env-manage.js').then((m) => ({run: m.edit})),
  },
  {
    path: ['env', 'rm'],
    summary: 'remove an environment no service uses (refused, naming the services, when some do)',
    options: {app, yes},
    positionals: ENVIRONMENT,
    load: () => import('./env-manage.js').then((m) => ({run: m.remove})),
  },
  ...SERVER_COMMANDS,
];
