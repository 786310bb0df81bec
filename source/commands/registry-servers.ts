/** The command table's declarations of `apps servers|server-add|server-edit|server-rm|server-adopt` (declarations only; see registry.ts). */
import type {CommandSpec, OptionSpec} from './spec.js';

const app: OptionSpec = {type: 'string', value: 'APP', description: 'the application (may be left out when there is one, or one has a server of that name)'};
const yes: OptionSpec = {type: 'boolean', short: 'y', description: 'do not ask for confirmation'};
const serverOptions: Record<string, OptionSpec> = {
  app,
  registry: {
    type: 'string',
    value: 'dockerhub|URL',
    description: 'the registry: dockerhub, a private v2 registry address (host[:port]) or an ECR registry address',
  },
  'registry-username': {type: 'string', value: 'U', description: "a private registry's user name (the password is never saved)"},
  'credentials-secret': {
    type: 'string',
    value: 'ARN',
    description: 'private registry authentication: the Secrets Manager secret with the user name and password',
  },
  'kms-key': {type: 'string', value: 'ARN', description: "the secret's customer KMS key (found with DescribeSecret when AWS can be asked)"},
};
const SERVER = [{name: 'NAME', required: true, description: 'artifact server name'}];

export const SERVER_COMMANDS: CommandSpec[] = [
  {
    path: ['apps', 'servers'],
    summary: "an application's artifact servers (registries defined once) and the services that use each",
    options: {},
    positionals: [{name: 'APP', required: true, description: 'application name'}],
    examples: ['ecs-wizard apps servers shop', 'ecs-wizard apps servers shop --json'],
    load: () => import('./apps-servers.js').then((m) => ({run: m.list})),
  },
  {
    path: ['apps', 'server-add'],
    summary: 'define an artifact server for an application (created when new); services then use it (init --artifact-server, the wizard)',
    options: serverOptions,
    positionals: SERVER,
    examples: [
      'ecs-wizard apps server-add team-registry --app shop --registry registry.example.com:5000 --registry-username deploy --credentials-secret arn:aws:secretsmanager:us-east-1:123456789012:secret:registry-creds-AbCdEf',
    ],
    load: () => import('./apps-servers.js').then((m) => ({run: m.add})),
  },
  {
    path: ['apps', 'server-edit'],
    summary: 'change an artifact server for every service that uses it (says which; asks first on a terminal)',
    description:
      'Every service that uses the server is checked as it will render; a change that would break one is refused, naming the service and the field. A new secret or KMS key names the execution roles that must be allowed to read it; --apply-iam puts the least-privilege policy on them.',
    options: {
      ...serverOptions,
      'no-username': {type: 'boolean', description: 'remove the user name'},
      'no-credentials': {type: 'boolean', description: 'remove the credentials secret and its KMS key (a registry anyone may pull from)'},
      'no-kms-key': {type: 'boolean', description: 'remove the KMS key'},
      'apply-iam': {type: 'boolean', description: "put the private registry policy on the services' execution roles"},
      yes,
    },
    positionals: SERVER,
    examples: [
      'ecs-wizard apps server-edit team-registry --credentials-secret arn:aws:secretsmanager:us-east-1:123456789012:secret:registry-v2-XyZabc --apply-iam --yes',
    ],
    load: () => import('./apps-servers.js').then((m) => ({run: m.edit})),
  },
  {
    path: ['apps', 'server-rm'],
    summary: 'remove an artifact server no service uses (refused, naming the services, when some do)',
    options: {app, yes},
    positionals: SERVER,
    load: () => import('./apps-servers.js').then((m) => ({run: m.remove})),
  },
  {
    path: ['apps', 'server-adopt'],
    summary: "make artifact servers of the registry settings an application's services keep for themselves (identical ones shared)",
    description: 'Each service then names its server; nothing renders differently. Docker Hub images written without a host stay as they are.',
    options: {},
    positionals: [{name: 'APP', required: true, description: 'application name'}],
    load: () => import('./apps-servers.js').then((m) => ({run: m.adopt})),
  },
];
