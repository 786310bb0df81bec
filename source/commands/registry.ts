import type {CommandGroup, CommandSpec, OptionSpec} from './spec.js';
import {appOptions} from './app-options.js';
import {deployOptions} from './deploy-options.js';
import {INIT_OPTIONS} from './init-options.js';
import {APPLICATION_COMMANDS} from './registry-applications.js';

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
  {
    name: 'env',
    summary: "an application's environments: list, add, edit, remove; read their CloudFormation or Terraform outputs again",
  },
  {
    name: 'apps',
    summary: 'applications (each owns its environments; its profiles are its services): list, show, rename, remove, artifact servers',
  },
];

const yes: OptionSpec = {type: 'boolean', short: 'y', description: 'do not ask for confirmation'};
const force: OptionSpec = {type: 'boolean', description: 'replace an existing profile of the same name'};

export const COMMANDS: CommandSpec[] = [
  {
    path: ['init'],
    summary: 'the guided setup: a new profile, step by step (every question also has a flag)',
    description:
      'In a terminal, asks for the application, service, artifact source and tag, container and service specifications, service discovery, config variables, private registry authentication and environments, then shows the rendered JSON, every issue and a live diff before saving. A flag given skips its question. Without a terminal (or with --yes) the flags and defaults are used: exit 0 with the profile saved, or exit 2 listing every problem and the flag to supply. IAM is changed only with --apply-iam.',
    options: INIT_OPTIONS,
    positionals: [],
    examples: [
      'ecs-wizard init',
      'ecs-wizard init --app shop --service web --image library/nginx --tag stable --launch-type EC2 --port 80 --env dev --cluster dev --yes',
      'ecs-wizard init --app shop --service api --registry registry.example.com:5000 --image team/api --tag 1.4.2 --launch-type FARGATE --container-spec api.json --credentials-secret arn:aws:secretsmanager:… --execution-role arn:aws:iam::…:role/ecsTaskExecutionRole --apply-iam --env production --cluster prod --subnets subnet-0a1b2c3d,subnet-4e5f6a7b --security-groups sg-0a1b2c3d --yes',
    ],
    load: () => import('./init.js'),
  },
  {
    path: ['profiles', 'list'],
    summary: 'list saved profiles',
    options: {},
    positionals: [],
    examples: ['ecs-wizard profiles list', 'ecs-wizard profiles list --json'],
    load: () => import('./profiles-list.js'),
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
  {
    path: ['env', 'refresh'],
    summary: "read an environment's CloudFormation stack or Terraform state outputs again, show what changed, save it",
    description:
      'For an environment filled from a provisioner\'s outputs (init --cfn-stack / --tf-state, or the wizard\'s "Fill from"): the stack or state file the profile recorded is read again, each field filled from an output (cluster, subnets, security groups, execution role, region) gets what the output says now, and every change is listed old → new before the profile is saved. A field typed over after it was filled is left alone. Every service that uses the environment is rendered and validated with the values read (as render and verify do) and what changes for each is shown; values that would break one are refused (exit 2, naming the service and the field) unless --force. Exit 0 changed or unchanged, 1 the outputs could not be read, 2 bad input.',
    options: {
      env: {type: 'string', value: 'NAME', description: 'the environment (may be left out when the profile has one)'},
      force: {type: 'boolean', description: 'save even when a service using the environment would no longer render with the values read'},
    },
    positionals: [{name: 'PROFILE', required: true, description: 'saved profile name'}],
    examples: ['ecs-wizard env refresh web-api --env production', 'ecs-wizard env refresh web-api --json'],
    load: () => import('./env.js').then((m) => ({run: m.refresh})),
  },
  ...APPLICATION_COMMANDS,
  {
    path: ['import'],
    summary: 'import an ECS task definition or live service into a profile (alone on a terminal: browse them)',
    description:
      "Read-only fields are left out; the artifact container's image becomes ${DOCKER_IMAGE_NAME} (its registry, path and tag or digest become the artifact source), its name ${CONTAINER_NAME} where it equals the derived name, the execution role ${EXECUTION_ROLE}. A live service also gives the service specification and the environment (region, cluster, launch type, subnets, security groups, public IP). Rendering the profile with the imported tag gives back what was imported. Environment variables that look like plaintext secrets are asked about in a terminal (move to Secrets Manager, keep as plain text, or cancel); without one, --move-secrets or --keep-plaintext NAME decides (exit 2 naming them otherwise). With --from-copilot [DIR] it reads a Copilot workspace instead (and what Copilot deployed from it): one profile per service, --env-region ENV=REGION for an environment outside --region, and the same --move-secrets / --keep-plaintext decisions for its variables (readme.md: Coming from Copilot).",
    options: {
      'task-definition': {type: 'string', value: 'FAMILY[:REV]', description: 'import this task definition revision (the latest ACTIVE one without :REV)'},
      cluster: {type: 'string', value: 'CLUSTER', description: "with --service: import that live service; with --task-definition: the environment's cluster"},
      service: {
        type: 'string',
        value: 'NAME',
        description: 'the ECS service to import (with --cluster or --from-file); with --task-definition: the service name',
      },
      'from-file': {
        type: 'string',
        multiple: true,
        value: 'FILE',
        description: 'saved aws ecs describe-task-definition output (and, once more, describe-services output); - for stdin',
      },
      as: {type: 'string', value: 'PROFILE', description: 'save the profile under this name (required)'},
      app: {type: 'string', value: 'NAME', description: 'application name (default: from the family or service)'},
      env: {type: 'string', value: 'NAME', description: 'environment name (default: from the name, e.g. -prod → production, or the cluster)'},
      container: {
        type: 'string',
        value: 'NAME',
        description: "the artifact's container (default: the first essential container with port mappings); the others keep their images",
      },
      'move-secrets': {
        type: 'boolean',
        description: 'move environment variables that look like plaintext secrets to AWS Secrets Manager (one secret per environment, a JSON key each)',
      },
      'keep-plaintext': {
        type: 'string',
        multiple: true,
        value: 'NAME',
        description: 'this variable looks like a secret but is not one: keep it as plain text (recorded in the profile)',
      },
      'secret-name': {type: 'string', value: 'NAME', description: 'the secret moved variables go to (default: ecs-wizard/PROFILE/ENVIRONMENT)'},
      'kms-key': {type: 'string', value: 'ARN', description: 'a customer KMS key for that secret (kms:Decrypt goes into the policy)'},
      'apply-iam': {type: 'boolean', description: "put the secret's read policy on the execution role (otherwise it is printed, with the command)"},
      force,
      // Copilot (issue 20): a whole workspace, one profile per service.
      'from-copilot': {
        type: 'boolean',
        description:
          "read a Copilot workspace (DIR, default: the copilot/ folder here or above): one profile per service; --force replaces an earlier migration's",
      },
      offline: {type: 'boolean', description: 'with --from-copilot: do not ask AWS (the stacks and live services)'},
      'env-region': {
        type: 'string',
        multiple: true,
        value: 'ENV=REGION',
        description: 'with --from-copilot: the region of a Copilot environment that is not in --region (repeatable)',
      },
    },
    positionals: [{name: 'DIR', required: false, description: 'with --from-copilot: the copilot/ folder (or the repository that holds it)'}],
    examples: [
      'ecs-wizard import --task-definition web:12 --as web-production --app shop --env production',
      'ecs-wizard import --from-copilot            # the copilot/ folder here or above; then: ecs-wizard diff shop-api --env prod',
      'ecs-wizard import --cluster prod --service web --as web-prod',
      'ecs-wizard import --from-file web-td.json --from-file web-svc.json --as web-prod --json',
      'ecs-wizard import --from-file wordpress-td.json --as wp --move-secrets --keep-plaintext PASSWORD_HASH_ALGORITHM --apply-iam',
    ],
    load: () => import('./import.js'),
  },
  {
    path: ['tags'],
    summary: "an image's tags newest first, with date, digest and platforms (a profile's artifact, or --registry and --image)",
    description:
      "Docker Hub through its tag API, a private v2 registry through each tag's manifest and image config (bearer-token or basic auth as the wizard; the password from ECS_WIZARD_REGISTRY_PASSWORD), ECR through DescribeImages and BatchGetImage. A moving name (latest, stable) shows the digest it points to now. CREATED is the registry's date (ECR: pushed; Docker Hub: last updated; v2: the image config's created), '-' when it does not say. --json prints an array of {tag, created, digest, platforms}. Exit 0, 1 when the registry cannot be read, 2 bad input.",
    options: {
      env: {type: 'string', value: 'NAME', description: 'the environment of PROFILE (may be left out when the profile has one)'},
      registry: {type: 'string', value: 'dockerhub|ecr|HOST', description: 'without PROFILE: the registry'},
      image: {type: 'string', value: 'PATH', description: 'without PROFILE: the repository (library/nginx, team/api, or an ECR repository URI)'},
      'registry-username': {type: 'string', value: 'USER', description: 'a private registry user (password from ECS_WIZARD_REGISTRY_PASSWORD)'},
      server: {type: 'string', value: 'NAME', description: "without PROFILE: an application's artifact server (its registry and user), with --image"},
      app: {type: 'string', value: 'APP', description: 'with --server: the application (may be left out when there is one, or one has that server)'},
      limit: {type: 'string', value: 'N', description: 'the newest N tags only'},
    },
    positionals: [{name: 'PROFILE', required: false, description: 'saved profile name'}],
    examples: [
      'ecs-wizard tags web-api --limit 10',
      'ecs-wizard tags --registry dockerhub --image library/nginx --limit 5 --json',
      'ecs-wizard tags --registry localhost:5000 --image team/api',
      'ecs-wizard tags --server team-registry --image team/api',
    ],
    load: () => import('./tags.js'),
  },
  {
    path: ['deploy'],
    summary: 'deploy a saved profile: plan, pre-flight checks, apply, and watch the rollout',
    description:
      'Renders the profile for the environment, shows the diff against what runs, checks what the tasks need (cluster, roles, image tag, secrets, Cloud Map, log groups, networking), registers the task definition only when it changed, creates or updates the service (deployment circuit breaker with rollback on unless the spec says otherwise) and watches until it is done. Exit 0 deployed, 1 failed, 2 bad input, 3 rolled back, 4 timed out, 5 detached. With --app NAME --env ENV instead of a PROFILE: every service of the application, one plan and one confirmation, in dependency order (dependsOn) with independent services side by side; a service that fails or rolls back keeps its dependents from starting; the exit code is the worst outcome.',
    options: {
      ...deployOptions(
        'env',
        'tag',
        'pin-digest',
        'set',
        'yes',
        'no-wait',
        'timeout',
        'no-progress-timeout',
        'force',
        'simulate',
        'simulate-speed',
        'remove-auto-scaling',
      ),
      ...appOptions('app', 'only', 'from', 'parallel'),
    },
    positionals: [{name: 'PROFILE', required: false, description: 'saved profile name (or --app NAME --env ENV: every service of the application)'}],
    examples: [
      'ecs-wizard deploy web-api --env staging --tag 1.5.0',
      'ecs-wizard deploy web-api --env production --tag stable --pin-digest --yes   # deploys stable@sha256:… and keeps it',
      'ecs-wizard deploy --app shop --env staging --parallel 2',
      'ecs-wizard deploy --app shop --env staging --simulate=api:crash-loop --simulate-speed 10',
      'ecs-wizard deploy web-api --env production --yes --json',
      'ecs-wizard deploy web-api --simulate=crash-loop --simulate-speed 10',
    ],
    load: () => import('./deploy.js'),
  },
  {
    path: ['diff'],
    summary: 'show what a deploy would change (the plan), changing nothing',
    options: deployOptions('env', 'tag', 'pin-digest', 'set', 'exit-code', 'simulate', 'remove-auto-scaling'),
    positionals: [{name: 'PROFILE', required: true, description: 'saved profile name'}],
    examples: ['ecs-wizard diff web-api --env production --tag 1.5.0', 'ecs-wizard diff web-api --exit-code   # 0 no change, 1 changes, 2 error'],
    load: () => import('./diff.js'),
  },
  {
    path: ['render'],
    summary: 'print the task definition and service a deploy would send, as JSON (no AWS)',
    options: deployOptions('env', 'tag', 'set'),
    positionals: [{name: 'PROFILE', required: true, description: 'saved profile name'}],
    examples: ['ecs-wizard render web-api --env staging --tag 1.5.0 > rendered.json'],
    load: () => import('./render.js'),
  },
  {
    path: ['verify'],
    summary: "run a deploy's pre-flight checks only (exit 1 when one fails)",
    options: deployOptions('env', 'tag', 'pin-digest', 'set', 'simulate'),
    positionals: [{name: 'PROFILE', required: true, description: 'saved profile name'}],
    examples: ['ecs-wizard verify web-api --env production --tag 1.5.0'],
    load: () => import('./verify.js'),
  },
  {
    path: ['rollback'],
    summary: 'roll the service back to an earlier task definition revision, and watch it',
    options: deployOptions('env', 'to-revision', 'yes', 'no-wait', 'timeout', 'no-progress-timeout', 'simulate', 'simulate-speed'),
    positionals: [{name: 'PROFILE', required: true, description: 'saved profile name'}],
    examples: ['ecs-wizard rollback web-api --env production', 'ecs-wizard rollback web-api --env production --to-revision 41 --yes'],
    load: () => import('./rollback.js'),
  },
  {
    path: ['watch'],
    summary: "re-attach to the service's deployment in flight and follow it to the end",
    options: {...deployOptions('env', 'timeout', 'no-progress-timeout', 'simulate', 'simulate-speed'), ...appOptions('app', 'only', 'from')},
    positionals: [
      {name: 'PROFILE', required: false, description: 'saved profile name (or --app NAME --env ENV: re-attach to a detached whole-application run)'},
    ],
    examples: ['ecs-wizard watch web-api --env production', 'ecs-wizard watch --app shop --env staging'],
    load: () => import('./watch.js'),
  },
  {
    path: ['logs'],
    summary: "the service's recent logs, every task interleaved by time (CloudWatch Logs, awslogs)",
    description:
      'Reads the awslogs streams of the service\'s containers (<awslogs-stream-prefix>/<container>/<task-id>) and prints their lines oldest first, each prefixed with the time, the task\'s short id, and the container when there are several. Containers logging elsewhere (FireLens, splunk, …) are named with where their logs go. --json prints one {"time","task","container","message"} object per line. Exit 0; 1 when nothing can be read; 2 on bad input.',
    options: {
      ...deployOptions('env'),
      since: {type: 'string', value: 'DURATION', description: 'from this long ago (default 10m; e.g. 30s, 10m, 2h)'},
      follow: {type: 'boolean', short: 'f', description: 'keep printing new lines until Ctrl-C'},
      ...deployOptions('simulate', 'simulate-speed'),
    },
    positionals: [{name: 'PROFILE', required: true, description: 'saved profile name'}],
    examples: ['ecs-wizard logs web-api --env production --since 1h', 'ecs-wizard logs web-api --follow', 'ecs-wizard logs web-api --json --since 30s'],
    load: () => import('./logs.js'),
  },
];

export const commandName = (spec: CommandSpec): string => spec.path.join(' ');
