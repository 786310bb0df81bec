/**
 * The wizard's steps, in order: what each asks (label, help from the seed), when it applies, when it is
 * answered without asking (auto: forced by a rule, or given as a flag), when its answer still holds
 * (valid), and the one-line `Label: value` it collapses to. Pure: the views are in step-views.tsx.
 */
import type {WizardAnswers, EnvironmentAnswers} from '../../operations/wizard.js';
import {
  DOCKER_HUB_HOST,
  discoveryRule,
  formatPortMapping,
  imageLabel,
  lintContainerJson,
  needsRegistryAuth,
  specContainers,
  taskNetworkMode,
  usesExecutionRolePlaceholder,
} from '../../operations/wizard.js';
import {hasErrors} from '../../domain/issues.js';

export const SECTIONS = [
  'Application',
  'Service',
  'Artifact source',
  'Container specification',
  'Service specification',
  'Service discovery',
  'Config variables',
  'Private registry authentication',
  'Environment',
  'Review',
] as const;

export type StepId =
  | 'application'
  | 'service'
  | 'registry'
  | 'registry-url'
  | 'registry-username'
  | 'registry-password'
  | 'ecr-repository'
  | 'image'
  | 'tag'
  | 'launch-type'
  | 'network-mode'
  | 'container-mode'
  | 'container-form'
  | 'container-env'
  | 'container-json'
  | 'strategy'
  | 'desired-count'
  | 'service-json'
  | 'discovery'
  | 'discovery-namespace'
  | 'discovery-service'
  | 'discovery-arn'
  | 'discovery-srv'
  | 'discovery-use'
  | 'discovery-container'
  | 'discovery-container-port'
  | 'discovery-port'
  | 'variables'
  | 'auth-secret'
  | 'auth-kms'
  | 'auth-role'
  | 'auth-role-create'
  | 'auth-policy'
  | 'env-source'
  | 'env-cfn-stack'
  | 'env-tf-state'
  | 'env-name'
  | 'env-region'
  | 'env-cluster'
  | 'env-launch-type'
  | 'env-subnets'
  | 'env-security-groups'
  | 'env-public-ip'
  | 'env-role'
  | 'env-role-create'
  | 'env-overrides'
  | 'env-more'
  | 'review'
  | 'save';

export interface StepRef {
  id: StepId;
  /** The environment (index) of an environment step. */
  env?: number;
}

export const refKey = (ref: StepRef): string => (ref.env === undefined ? ref.id : `${ref.id}#${ref.env}`);
export const sameRef = (a: StepRef, b: StepRef): boolean => a.id === b.id && a.env === b.env;

/** What a step sees. `choices` holds the answers that shape the flow but are not part of the profile. */
export interface StepContext {
  answers: WizardAnswers;
  choices: Readonly<Record<string, string>>;
  /** The environment of an environment step (0 otherwise). */
  env: number;
  /** A registry password is known (typed, or from ECS_WIZARD_REGISTRY_PASSWORD). */
  hasPassword: boolean;
  /** Set when ECS_WIZARD_REGISTRY_PASSWORD holds the password. */
  passwordFromEnv: boolean;
}

export interface AutoAnswer {
  /** The answer the step gets (nothing when the answers already hold it). */
  update?: (answers: WizardAnswers) => WizardAnswers;
  choices?: Record<string, string>;
  summary: string;
}

export interface StepDef {
  id: StepId;
  /** Index in SECTIONS. */
  section: number;
  perEnv?: boolean;
  /** The collapsed line's label. */
  label: string;
  applies?: (ctx: StepContext) => boolean;
  /** Answered without asking (a rule decides), with the line it collapses to. */
  auto?: (ctx: StepContext) => AutoAnswer | undefined;
  /** The step's answer still holds (e.g. the JSON still validates for the launch type). */
  valid?: (ctx: StepContext) => boolean;
  summary: (ctx: StepContext) => string;
  help: string[];
  /** The `init` flags that answer the step. */
  flags?: string[];
}

export const envOf = (ctx: StepContext): EnvironmentAnswers => ctx.answers.environments?.[ctx.env] ?? {};
const choice = (ctx: StepContext, id: StepId, perEnv = false): string | undefined => ctx.choices[perEnv ? `${id}#${ctx.env}` : id];
const list = (values: readonly string[] | undefined): string => (values === undefined || values.length === 0 ? 'none' : values.join(', '));
const variablesLine = (values: Readonly<Record<string, string>> | undefined): string => {
  const entries = Object.entries(values ?? {});
  return entries.length === 0 ? 'none' : entries.map(([name, value]) => `${name}=${value}`).join(', ');
};
const shortArn = (arn: string | undefined): string => (arn === undefined ? '' : arn.length > 90 ? `…${arn.slice(-80)}` : arn);

const PLACEHOLDERS_HELP = [
  'The container specification is an ECS task definition with placeholders: "image": "${DOCKER_IMAGE_NAME}" (required) is replaced with the Docker image name and tag at run time, e.g. registry.hub.docker.com/library/nginx:stable-perl; "name": "${CONTAINER_NAME}" with a container name based on the image name (library_nginx_stable-perl); "executionRoleArn": "${EXECUTION_ROLE}" (required for Fargate) with the environment\'s task execution role.',
];

const ENV_HELP = [
  'An environment identifies where the service runs: the region, the ECS cluster, the launch type and, for the awsvpc network mode, the subnets and security groups of the tasks. A profile can have several (staging, production).',
  'Infrastructure provisioners: if CloudFormation or Terraform created the cluster and network, the wizard can fill these from the stack\'s outputs or the state file\'s outputs.',
];

export const STEPS: readonly StepDef[] = [
  {
    id: 'application',
    section: 0,
    label: 'Application',
    summary: (ctx) => ctx.answers.application ?? '',
    flags: ['--app'],
    help: [
      'The application represents a logical group of the ECS setup and release process: the ECS service and task definitions, the ECS cluster environments and how they are deployed.',
      'Pick an application you have used in a saved profile, or type a new name, such as ECS Demo Application.',
    ],
  },
  {
    id: 'service',
    section: 1,
    label: 'Service',
    summary: (ctx) => `${ctx.answers.serviceName ?? ''} (deployment type: Amazon ECS)`,
    flags: ['--service'],
    help: [
      'A service represents your microservice: the artifact source (a Docker image), the ECS container and service specifications, and the runtime variables used for deployment.',
      'It is different from an ECS service: an ECS service is a specified number of task definition instances run and maintained simultaneously in an Amazon ECS cluster. The name given here is the name of the ECS service deployed, and of its task definition family.',
    ],
  },
  {
    id: 'registry',
    section: 2,
    label: 'Artifact source',
    summary: (ctx) => ({dockerhub: 'Docker Hub', registry: 'private Docker registry', ecr: 'Amazon ECR'})[ctx.answers.registry ?? 'dockerhub'],
    flags: ['--registry'],
    help: [
      'The artifact source says where the Docker image comes from: Docker Hub (public images such as library/nginx), a private registry that speaks the Docker Registry HTTP API v2, or Amazon ECR in your account.',
      'For a private registry, ECS private registry authentication for tasks uses AWS Secrets Manager: you store the credentials securely and reference them in the container definition (step 8).',
    ],
  },
  {
    id: 'registry-url',
    section: 2,
    label: 'Registry',
    applies: (ctx) => ctx.answers.registry === 'registry',
    summary: (ctx) => ctx.answers.registryHost ?? '',
    flags: ['--registry'],
    help: ['The address of the private registry: host or host:port, e.g. registry.example.com or localhost:5000 (https:// and /v2/ may be left in).'],
  },
  {
    id: 'registry-username',
    section: 2,
    label: 'Registry user',
    applies: (ctx) => ctx.answers.registry === 'registry',
    summary: (ctx) => (ctx.answers.registryUsername ? ctx.answers.registryUsername : 'anonymous'),
    flags: ['--registry-username'],
    help: [
      'The user name for basic authentication, used to list the registry\'s tags here. Leave it empty for a registry that lists tags anonymously.',
      'Its password is read from ECS_WIZARD_REGISTRY_PASSWORD or asked (hidden) and never saved. The tasks themselves pull with the Secrets Manager secret of step 8.',
    ],
  },
  {
    id: 'registry-password',
    section: 2,
    label: 'Registry password',
    applies: (ctx) => ctx.answers.registry === 'registry' && Boolean(ctx.answers.registryUsername),
    auto: (ctx) => (ctx.passwordFromEnv ? {summary: 'from ECS_WIZARD_REGISTRY_PASSWORD (not saved)'} : undefined),
    valid: (ctx) => ctx.hasPassword,
    summary: (ctx) => (ctx.hasPassword ? '•••••••• (not saved)' : 'none'),
    help: ['The password is used only to list tags during this setup. It is never written to the profile or the draft. To skip this question, set ECS_WIZARD_REGISTRY_PASSWORD.'],
  },
  {
    id: 'ecr-repository',
    section: 2,
    label: 'ECR repository',
    applies: (ctx) => ctx.answers.registry === 'ecr',
    summary: (ctx) => (ctx.answers.registryHost === undefined ? '' : `${ctx.answers.registryHost}/${ctx.answers.image ?? ''}`),
    flags: ['--image'],
    help: ['The ECR repositories of your account are listed (ecr:DescribeRepositories). You can also type a repository URI: 123456789012.dkr.ecr.us-east-1.amazonaws.com/team/api.'],
  },
  {
    id: 'image',
    section: 2,
    label: 'Image',
    applies: (ctx) => ctx.answers.registry !== 'ecr',
    summary: (ctx) => `${ctx.answers.registry === 'dockerhub' ? `${DOCKER_HUB_HOST}/` : ctx.answers.registryHost ? `${ctx.answers.registryHost}/` : ''}${ctx.answers.image ?? ''}`,
    flags: ['--image'],
    help: [
      'The Docker image name inside the registry, e.g. library/nginx or team/api. On Docker Hub, an official image such as nginx lives under library/.',
      'At deploy time "${DOCKER_IMAGE_NAME}" in the container specification becomes the full reference with the tag: registry.hub.docker.com/library/nginx:stable-perl.',
    ],
  },
  {
    id: 'tag',
    section: 2,
    label: 'Default tag',
    summary: (ctx) => `${ctx.answers.tag ?? ''} (asked again at every run)`,
    flags: ['--tag'],
    help: [
      'The tags are listed from the registry (Docker Registry HTTP API v2 with bearer-token or basic auth; ECR with push dates, newest first). Type to filter; if the tag you want is not listed, type it and choose "Use …".',
      'The tag chosen here is only the default: every run asks for the tag to deploy again.',
    ],
  },
  {
    id: 'launch-type',
    section: 3,
    label: 'Launch type',
    summary: (ctx) => (ctx.answers.launchType === 'FARGATE' ? 'Fargate' : 'EC2'),
    flags: ['--launch-type'],
    help: [
      'EC2 runs the tasks on container instances of your cluster; Fargate runs them without servers to manage.',
      'The simplified container settings are for EC2 clusters only. For Fargate (or advanced EC2) you use the JSON (Advanced Settings): Fargate requires it because you must use the ${EXECUTION_ROLE} placeholder.',
    ],
  },
  {
    id: 'network-mode',
    section: 3,
    label: 'Network mode',
    auto: (ctx) => (ctx.answers.launchType === 'FARGATE' ? {update: (answers) => ({...answers, networkMode: 'awsvpc'}), summary: 'awsvpc (Fargate requires it)'} : undefined),
    summary: (ctx) => taskNetworkMode(ctx.answers),
    flags: ['--network-mode'],
    help: [
      'awsvpc: each task gets its own network interface with a private IP in your VPC; the environment chooses its subnets and security groups. Task definitions that use awsvpc use the AWSServiceRoleForECS service-linked role, which is created for you automatically. Fargate always uses awsvpc.',
      'bridge: containers use Docker\'s virtual network on the instance; a host port of 0 (or none) gives a dynamic host port, so several tasks can run on one instance.',
      'host: containers use the instance\'s network directly; a port can be used by one task per instance.',
    ],
  },
  {
    id: 'container-mode',
    section: 3,
    label: 'Container specification',
    auto: (ctx) => (ctx.answers.launchType === 'FARGATE' ? {update: (answers) => ({...answers, containerMode: 'json'}), summary: 'Advanced JSON (Fargate needs it)'} : undefined),
    valid: (ctx) => !(ctx.answers.containerMode === 'form' && needsRegistryAuth(ctx.answers)),
    summary: (ctx) => (ctx.answers.containerMode === 'form' ? 'simplified form' : 'Advanced JSON'),
    flags: ['--container-spec', '--cpu', '--memory', '--memory-reservation', '--port'],
    help: [
      'The simplified form covers one container: CPU units, memory limits, port mappings and environment variables. It is for EC2 only.',
      'Advanced opens the task definition JSON in your editor ($VISUAL or $EDITOR), starting from a template or from the output of `aws ecs describe-task-definition` you paste in.',
    ],
  },
  {
    id: 'container-form',
    section: 3,
    label: 'Container',
    applies: (ctx) => ctx.answers.containerMode === 'form',
    summary: (ctx) => {
      const form = ctx.answers.containerForm;
      if (form === undefined) return '';
      const parts = [
        form.cpu === undefined ? undefined : `cpu ${form.cpu}`,
        form.memory === undefined ? undefined : `memory ${form.memory} MiB`,
        form.memoryReservation === undefined ? undefined : `reservation ${form.memoryReservation} MiB`,
        `ports ${form.ports.length === 0 ? 'none' : form.ports.map(formatPortMapping).join(', ')}`,
      ];
      return parts.filter((part) => part !== undefined).join(' · ');
    },
    flags: ['--cpu', '--memory', '--memory-reservation', '--port'],
    help: [
      'CPU units: 1024 units are one vCPU (optional on EC2). Memory: the hard limit in MiB — the container is killed above it. Memory reservation: the soft limit in MiB reserved on the instance. On EC2 a container needs at least one of the two.',
      'Port mappings: the ports the container listens on, e.g. 80, 8080, 53/udp. Under bridge, 8080:80 maps host port 8080 to container port 80 (leave the host port out for a dynamic one).',
    ],
  },
  {
    id: 'container-env',
    section: 3,
    label: 'Container environment',
    applies: (ctx) => ctx.answers.containerMode === 'form',
    summary: (ctx) => {
      const pairs = ctx.answers.containerForm?.environment ?? [];
      return pairs.length === 0 ? 'none' : pairs.map((pair) => `${pair.name}=${pair.value}`).join(', ');
    },
    flags: ['--container-env'],
    help: ['Environment variables set in the container (NAME=VALUE). A value may use ${serviceVariable.NAME} to take a config variable (step 7), overridable per environment. Do not put passwords here: use Secrets Manager.'],
  },
  {
    id: 'container-json',
    section: 3,
    label: 'Task definition',
    applies: (ctx) => ctx.answers.containerMode === 'json',
    valid: (ctx) => ctx.answers.containerJson !== undefined && !hasErrors(lintContainerJson(ctx.answers.containerJson, ctx.answers.launchType, {needsExecutionRole: needsRegistryAuth(ctx.answers)})),
    summary: (ctx) => {
      const containers = specContainers(ctx.answers);
      return `${ctx.choices['container-json'] ?? 'JSON'}: ${containers.length} container${containers.length === 1 ? '' : 's'} (${containers.map((container) => container.name).join(', ')}), ${taskNetworkMode(ctx.answers)}`;
    },
    flags: ['--container-spec'],
    help: [
      ...PLACEHOLDERS_HELP,
      'If you have an existing task definition, paste the output of `aws ecs describe-task-definition --task-definition NAME` (the {"taskDefinition": …} wrapper is fine): read-only fields are dropped and the image becomes ${DOCKER_IMAGE_NAME}.',
      'For awsvpc, set "networkMode": "awsvpc". Config variables may be written unquoted where a number belongs: "containerPort": ${serviceVariable.containerPort}.',
    ],
  },
  {
    id: 'strategy',
    section: 4,
    label: 'Scheduling strategy',
    valid: (ctx) => !(ctx.answers.strategy === 'DAEMON' && ctx.answers.launchType === 'FARGATE'),
    summary: (ctx) => ctx.answers.strategy ?? 'REPLICA',
    flags: ['--strategy'],
    help: [
      'REPLICA (the default) keeps a desired number of tasks running across the cluster.',
      'DAEMON runs exactly one task on each container instance of the cluster: it takes no desired count and no placement strategy, and it is not supported on Fargate (there are no instances).',
    ],
  },
  {
    id: 'desired-count',
    section: 4,
    label: 'Desired count',
    applies: (ctx) => (ctx.answers.strategy ?? 'REPLICA') === 'REPLICA',
    summary: (ctx) => String(ctx.answers.desiredCount ?? 1),
    flags: ['--desired-count'],
    help: ['How many copies of the task the service keeps running. 1 is fine to start; it can be changed later.'],
  },
  {
    id: 'service-json',
    section: 4,
    label: 'Service JSON',
    summary: (ctx) => ctx.choices['service-json'] ?? (ctx.answers.serviceSpecJson === undefined ? 'the default' : 'your JSON'),
    flags: ['--service-spec'],
    help: [
      'The service specification takes any parameter of `aws ecs create-service`. By default it uses the REPLICA strategy: {"placementConstraints": [], "placementStrategy": [], "healthCheckGracePeriodSeconds": null, "schedulingStrategy": "REPLICA"}.',
      'To reuse an existing service, paste the output of `aws ecs describe-services --cluster NAME --services NAME`.',
      'Networking settings (networkConfiguration) in the specification are overwritten at deploy time by the network settings of the environment.',
    ],
  },
  {
    id: 'discovery',
    section: 5,
    label: 'Service discovery',
    summary: (ctx) => ({pick: 'a Cloud Map service of the account', paste: 'a Cloud Map service by ARN', none: 'none'})[ctx.choices.discovery ?? (ctx.answers.discovery ? 'paste' : 'none')] ?? 'none',
    flags: ['--registry-arn'],
    help: [
      'ecs-wizard does not create a Cloud Map (service discovery) service, but registers the ECS service it deploys with one, so that other services find its tasks through DNS (Route 53 SRV and A records). ECS replaces records as tasks come and go.',
      'Pick the Cloud Map service from your account, or paste its ARN (arn:aws:servicediscovery:REGION:ACCOUNT:service/srv-…).',
    ],
  },
  {
    id: 'discovery-namespace',
    section: 5,
    label: 'Namespace',
    applies: (ctx) => ctx.choices.discovery === 'pick',
    summary: (ctx) => ctx.choices['discovery-namespace-name'] ?? ctx.choices['discovery-namespace'] ?? '',
    help: ['The Cloud Map namespace (a DNS domain such as local or example.internal) holding the service.'],
  },
  {
    id: 'discovery-service',
    section: 5,
    label: 'Cloud Map service',
    applies: (ctx) => ctx.choices.discovery === 'pick',
    summary: (ctx) => `${ctx.answers.discovery?.recordTypes ? `${list(ctx.answers.discovery.recordTypes)} records · ` : ''}${shortArn(ctx.answers.discovery?.registryArn)}`,
    help: ['Whether the service uses SRV records or only A records decides which settings are allowed (see the next step); it is read from Cloud Map.'],
  },
  {
    id: 'discovery-arn',
    section: 5,
    label: 'Cloud Map service',
    applies: (ctx) => ctx.choices.discovery === 'paste',
    summary: (ctx) => `${ctx.answers.discovery?.recordTypes ? `${list(ctx.answers.discovery.recordTypes)} records · ` : ''}${shortArn(ctx.answers.discovery?.registryArn)}`,
    flags: ['--registry-arn'],
    help: ['registryArn is the ARN of the Cloud Map service: arn:aws:servicediscovery:us-east-1:123456789012:service/srv-jwyz7x4igkxckqno. `aws ecs describe-services` shows the one an existing service uses.'],
  },
  {
    id: 'discovery-srv',
    section: 5,
    label: 'DNS records',
    applies: (ctx) => Boolean(ctx.answers.discovery) && ctx.answers.discovery?.recordTypes === undefined,
    valid: (ctx) => ctx.answers.discovery?.recordTypes !== undefined,
    summary: (ctx) => list(ctx.answers.discovery?.recordTypes),
    help: ['Cloud Map could not be asked which DNS records the service has. SRV records carry a port; A records only an address. Look in the Cloud Map console (Service → DNS configuration) if unsure.'],
  },
  {
    id: 'discovery-use',
    section: 5,
    label: 'Registers with',
    applies: (ctx) => Boolean(ctx.answers.discovery),
    auto: (ctx) => {
      const discovery = ctx.answers.discovery;
      if (!discovery) return undefined;
      const rule = discoveryRule(taskNetworkMode(ctx.answers), discovery.recordTypes);
      if (rule === 'container') return {update: (answers) => ({...answers, discovery: {...discovery, use: 'container', port: undefined}}), summary: 'containerName + containerPort (required: SRV records without awsvpc)'};
      if (rule === 'none') {
        return {
          update: (answers) => ({...answers, discovery: {registryArn: discovery.registryArn, ...(discovery.recordTypes ? {recordTypes: discovery.recordTypes} : {}), use: 'none'}}),
          summary: 'registryArn only (awsvpc with A records: nothing else is needed)',
        };
      }
      return undefined;
    },
    valid: (ctx) => ctx.answers.discovery?.use !== undefined,
    summary: (ctx) => (ctx.answers.discovery?.use === 'port' ? 'port' : ctx.answers.discovery?.use === 'none' ? 'registryArn only' : 'containerName + containerPort'),
    flags: ['--discovery-container-port', '--discovery-port'],
    help: [
      'The seed\'s rules: with the awsvpc network mode and SRV records, give either containerName and containerPort, or just port — not both. With SRV records but not awsvpc, containerName and containerPort are required. With awsvpc and A records only, none is needed (port is used only with SRV records).',
    ],
  },
  {
    id: 'discovery-container',
    section: 5,
    label: 'containerName',
    applies: (ctx) => ctx.answers.discovery?.use === 'container',
    auto: (ctx) => {
      const containers = specContainers(ctx.answers);
      const only = containers[0];
      if (containers.length !== 1 || only === undefined) return undefined;
      return {update: (answers) => (answers.discovery ? {...answers, discovery: {...answers.discovery, containerName: only.name}} : answers), summary: `${only.name} (the only container)`};
    },
    valid: (ctx) => specContainers(ctx.answers).some((container) => container.name === ctx.answers.discovery?.containerName),
    summary: (ctx) => ctx.answers.discovery?.containerName ?? '',
    help: ['The container registered in Cloud Map: a container of the container specification, usually ${CONTAINER_NAME}.'],
  },
  {
    id: 'discovery-container-port',
    section: 5,
    label: 'containerPort',
    applies: (ctx) => ctx.answers.discovery?.use === 'container',
    valid: (ctx) => ctx.answers.discovery?.containerPort !== undefined,
    summary: (ctx) => String(ctx.answers.discovery?.containerPort ?? ''),
    flags: ['--discovery-container-port'],
    help: ['The port registered in the SRV records: one of the container\'s port mappings (containerPort). The wizard offers it as the config variable containerPort, so that an environment can override it: "containerPort": ${serviceVariable.containerPort}.'],
  },
  {
    id: 'discovery-port',
    section: 5,
    label: 'port',
    applies: (ctx) => ctx.answers.discovery?.use === 'port',
    valid: (ctx) => ctx.answers.discovery?.port !== undefined,
    summary: (ctx) => String(ctx.answers.discovery?.port ?? ''),
    flags: ['--discovery-port'],
    help: ['The port registered in the SRV records, for awsvpc tasks (used only with awsvpc and SRV records).'],
  },
  {
    id: 'variables',
    section: 6,
    label: 'Config variables',
    summary: (ctx) => variablesLine(ctx.answers.variables),
    flags: ['--var'],
    help: [
      'Config variables are name/value pairs the specifications use as ${serviceVariable.NAME}, e.g. "containerPort": ${serviceVariable.containerPort}. An environment can override them (staging and production with one service), and so can a run.',
    ],
  },
  {
    id: 'auth-secret',
    section: 7,
    label: 'Credentials secret',
    applies: (ctx) => needsRegistryAuth(ctx.answers),
    summary: (ctx) => shortArn(ctx.answers.registryAuth?.credentialsSecretArn),
    flags: ['--credentials-secret'],
    help: [
      'Private registry authentication: the registry user name and password are stored in an AWS Secrets Manager secret ({"username": "…", "password": "…"}), and the container definition references it: "repositoryCredentials": {"credentialsParameter": "arn:aws:secretsmanager:region:aws_account_id:secret:secret_name"}. ecs-wizard adds that for you.',
    ],
  },
  {
    id: 'auth-kms',
    section: 7,
    label: 'KMS key',
    applies: (ctx) => needsRegistryAuth(ctx.answers),
    summary: (ctx) => (ctx.answers.registryAuth?.kmsKeyArn ? shortArn(ctx.answers.registryAuth.kmsKeyArn) : 'the default key'),
    flags: ['--kms-key'],
    help: ['The action kms:Decrypt is required only if the secret uses a custom KMS key and not the default key. Give that key\'s ARN; leave it empty for the default key.'],
  },
  {
    id: 'auth-role',
    section: 7,
    label: 'Execution role',
    applies: (ctx) => needsRegistryAuth(ctx.answers),
    valid: (ctx) => ctx.answers.executionRoleArn !== undefined || ctx.choices['auth-role'] === 'create',
    summary: (ctx) => (ctx.choices['auth-role'] === 'create' && ctx.answers.executionRoleArn === undefined ? 'create ecsTaskExecutionRole' : shortArn(ctx.answers.executionRoleArn)),
    flags: ['--execution-role'],
    help: [
      'You must also specify the task execution role (executionRoleArn): it authorizes Amazon ECS to pull private images for your task. It must trust ecs-tasks.amazonaws.com; roles that do are listed.',
      'If you are creating the task definition for the first time, create the role: ecs-wizard can create ecsTaskExecutionRole with the trust policy and the AWS managed AmazonECSTaskExecutionRolePolicy (after you confirm).',
    ],
  },
  {
    id: 'auth-role-create',
    section: 7,
    label: 'Create role',
    applies: (ctx) => needsRegistryAuth(ctx.answers) && ctx.choices['auth-role'] === 'create',
    valid: (ctx) => ctx.answers.executionRoleArn !== undefined,
    summary: (ctx) => `created ${shortArn(ctx.answers.executionRoleArn)}`,
    help: ['Nothing is changed in IAM without your yes. The role trusts ecs-tasks.amazonaws.com and gets the AWS managed policy arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy (pull from ECR, write logs).'],
  },
  {
    id: 'auth-policy',
    section: 7,
    label: 'Secret policy',
    applies: (ctx) => needsRegistryAuth(ctx.answers),
    summary: (ctx) => ctx.choices['auth-policy'] ?? '',
    flags: ['--apply-iam'],
    help: [
      'The execution role needs the secretsmanager:GetSecretValue permission on the credentials secret (and kms:Decrypt on the custom key, if there is one). ecs-wizard shows the least-privilege inline policy and puts it on the role (iam:PutRolePolicy) only if you say yes.',
    ],
  },
  {
    id: 'env-source',
    section: 8,
    perEnv: true,
    label: 'Fill from',
    summary: (ctx) => envOf(ctx).filledFrom ?? 'typed in',
    flags: ['--cfn-stack', '--tf-state'],
    help: ENV_HELP,
  },
  {
    id: 'env-cfn-stack',
    section: 8,
    perEnv: true,
    label: 'CloudFormation stack',
    applies: (ctx) => choice(ctx, 'env-source', true) === 'cloudformation',
    summary: (ctx) => ctx.choices[`env-cfn-stack#${ctx.env}`] ?? '',
    help: ['The stack\'s outputs (ClusterName, Subnets, SecurityGroup, ExecutionRoleArn…) become the defaults of the next questions.'],
  },
  {
    id: 'env-tf-state',
    section: 8,
    perEnv: true,
    label: 'Terraform state',
    applies: (ctx) => choice(ctx, 'env-source', true) === 'terraform',
    summary: (ctx) => ctx.choices[`env-tf-state#${ctx.env}`] ?? '',
    help: ['The path of a terraform.tfstate file (or the output of `terraform state pull` saved to a file). Its outputs (cluster_name, private_subnets, security_group_id, execution_role_arn…) become the defaults of the next questions.'],
  },
  {
    id: 'env-name',
    section: 8,
    perEnv: true,
    label: 'Environment',
    summary: (ctx) => envOf(ctx).name ?? '',
    flags: ['--env'],
    help: ENV_HELP,
  },
  {
    id: 'env-region',
    section: 8,
    perEnv: true,
    label: 'Region',
    summary: (ctx) => envOf(ctx).region ?? '',
    flags: ['--region'],
    help: ['The AWS region of the cluster, e.g. us-east-1.'],
  },
  {
    id: 'env-cluster',
    section: 8,
    perEnv: true,
    label: 'Cluster',
    summary: (ctx) => `${envOf(ctx).cluster ?? ''}${ctx.choices[`env-cluster#${ctx.env}`] === 'new' ? ' (created at deploy)' : ''}`,
    flags: ['--cluster'],
    help: ['The ECS cluster the service runs in. The clusters of the region are listed; type a new name to have it created at the first deploy.'],
  },
  {
    id: 'env-launch-type',
    section: 8,
    perEnv: true,
    label: 'Launch type',
    auto: (ctx) => ({update: (answers) => patchEnvironment(answers, ctx.env, {launchType: envOf(ctx).launchType ?? answers.launchType}), summary: `${envOf(ctx).launchType ?? ctx.answers.launchType ?? ''} (the service's)`}),
    summary: (ctx) => envOf(ctx).launchType ?? ctx.answers.launchType ?? '',
    help: ['The environment runs the service with the launch type chosen for its container specification.'],
  },
  {
    id: 'env-subnets',
    section: 8,
    perEnv: true,
    label: 'Subnets',
    applies: (ctx) => taskNetworkMode(ctx.answers) === 'awsvpc',
    valid: (ctx) => (envOf(ctx).subnets ?? []).length > 0,
    summary: (ctx) => list(envOf(ctx).subnets),
    flags: ['--subnets'],
    help: ['awsvpc tasks get a network interface in one of these subnets. Choose subnets in at least two availability zones for resilience. Private subnets need a NAT gateway (or VPC endpoints) to pull images; public subnets need a public IP on Fargate.'],
  },
  {
    id: 'env-security-groups',
    section: 8,
    perEnv: true,
    label: 'Security groups',
    applies: (ctx) => taskNetworkMode(ctx.answers) === 'awsvpc',
    valid: (ctx) => (envOf(ctx).securityGroups ?? []).length > 0,
    summary: (ctx) => list(envOf(ctx).securityGroups),
    flags: ['--security-groups'],
    help: ['The security groups of the tasks\' network interfaces: they decide which traffic reaches the containers\' ports.'],
  },
  {
    id: 'env-public-ip',
    section: 8,
    perEnv: true,
    label: 'Public IP',
    applies: (ctx) => taskNetworkMode(ctx.answers) === 'awsvpc' && (envOf(ctx).launchType ?? ctx.answers.launchType) === 'FARGATE',
    summary: (ctx) => (envOf(ctx).assignPublicIp ? 'assigned' : 'not assigned'),
    flags: ['--assign-public-ip'],
    help: ['A Fargate task in a public subnet (no NAT gateway) needs a public IP to pull its image from the internet. In private subnets, leave it off. EC2 tasks never get one.'],
  },
  {
    id: 'env-role',
    section: 8,
    perEnv: true,
    label: 'Execution role',
    applies: (ctx) => usesExecutionRolePlaceholder(ctx.answers),
    valid: (ctx) => (envOf(ctx).executionRoleArn ?? ctx.answers.executionRoleArn) !== undefined || choice(ctx, 'env-role', true) === 'create',
    summary: (ctx) => {
      const role = envOf(ctx).executionRoleArn ?? ctx.answers.executionRoleArn;
      return choice(ctx, 'env-role', true) === 'create' && role === undefined ? 'create ecsTaskExecutionRole' : `${shortArn(role)} (\${EXECUTION_ROLE})`;
    },
    flags: ['--execution-role'],
    help: ['At deploy time the ${EXECUTION_ROLE} placeholder is replaced with this role\'s ARN: the task execution role ECS uses to pull the image, write logs and read secrets. Roles trusting ecs-tasks.amazonaws.com are listed.'],
  },
  {
    id: 'env-role-create',
    section: 8,
    perEnv: true,
    label: 'Create role',
    applies: (ctx) => usesExecutionRolePlaceholder(ctx.answers) && choice(ctx, 'env-role', true) === 'create',
    valid: (ctx) => envOf(ctx).executionRoleArn !== undefined,
    summary: (ctx) => `created ${shortArn(envOf(ctx).executionRoleArn)}`,
    help: ['Nothing is changed in IAM without your yes. The role trusts ecs-tasks.amazonaws.com and gets the AWS managed policy AmazonECSTaskExecutionRolePolicy.'],
  },
  {
    id: 'env-overrides',
    section: 8,
    perEnv: true,
    label: 'Overrides',
    summary: (ctx) => variablesLine(envOf(ctx).overrides),
    flags: ['--override'],
    help: ['Environment overrides replace config variables for this environment only, e.g. a larger containerPort or another log level in production.'],
  },
  {
    id: 'env-more',
    section: 8,
    perEnv: true,
    label: 'Another environment',
    summary: (ctx) => (choice(ctx, 'env-more', true) === 'yes' ? 'yes' : 'no'),
    help: ['A profile can deploy the same service to several environments (staging, production…), each with its cluster, network, role and overrides.'],
  },
  {
    id: 'review',
    section: 9,
    label: 'Review',
    summary: () => 'done',
    help: [
      'The task definition and the service as they will be sent to AWS for the chosen environment, every validation issue with its JSON path, and a live diff against what exists in AWS (nothing yet, the family\'s latest revision, or the running service).',
      'Go back (esc) or press c to change an answer: the review is computed again.',
    ],
  },
  {
    id: 'save',
    section: 9,
    label: 'Profile',
    summary: (ctx) => ctx.answers.profileName ?? '',
    flags: ['--name'],
    help: ['The profile is saved on this machine under this name (ARNs and settings, never credentials). Run it later with `ecs-wizard deploy NAME`.'],
  },
];

const BY_ID = new Map(STEPS.map((step) => [step.id, step]));
export const stepDef = (id: StepId): StepDef => BY_ID.get(id)!;

export function patchEnvironment(answers: WizardAnswers, index: number, patch: Partial<EnvironmentAnswers>): WizardAnswers {
  const environments = [...(answers.environments ?? [])];
  while (environments.length <= index) environments.push({});
  environments[index] = {...environments[index], ...patch};
  return {...answers, environments};
}

export const imageSummary = imageLabel;
