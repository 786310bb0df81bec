/**
 * The ECS model of ecs-wizard: what a person sets up once and re-runs later.
 *
 * Vocabulary (see readme.md, "Architecture"):
 * - an **application** groups services and environments (a name shared by profiles);
 * - a **service** here is the *wizard's* service: an artifact source, a container specification,
 *   a service specification and config variables. It becomes an ECS service at deploy time;
 * - an **environment** is where it runs: region, cluster, launch type, networking, execution role;
 * - a **profile** is what is saved locally and re-run: one application, one service, its environments
 *   and the history of runs.
 *
 * Pure types only: no React, no AWS SDK, no fs, no timers (enforced by .dependency-cruiser.cjs and test/architecture/domain-purity.test.ts).
 */

export const REGISTRY_KINDS = ['dockerhub', 'registry', 'ecr'] as const;
/** Where the artifact (a Docker image) comes from. */
export type RegistryKind = (typeof REGISTRY_KINDS)[number];

export const LAUNCH_TYPES = ['EC2', 'FARGATE'] as const;
export type LaunchType = (typeof LAUNCH_TYPES)[number];

export const NETWORK_MODES = ['awsvpc', 'bridge', 'host'] as const;
export type NetworkMode = (typeof NETWORK_MODES)[number];

export const SCHEDULING_STRATEGIES = ['REPLICA', 'DAEMON'] as const;
export type SchedulingStrategy = (typeof SCHEDULING_STRATEGIES)[number];

/**
 * A Docker registry artifact. The full image reference is `host/image:tag`
 * (or `host/image@sha256:…` when `tag` is a digest, or `image:tag` when `host` is empty —
 * an imported `nginx:1.27` keeps its exact spelling).
 */
export interface ArtifactSource {
  registry: RegistryKind;
  /** Registry host, with port when it has one: `registry.hub.docker.com`, `123456789012.dkr.ecr.eu-west-1.amazonaws.com`, `localhost:5000`. May be empty (implicit Docker Hub). */
  host: string;
  /** Image path inside the registry: `library/nginx`, `team/api`. */
  image: string;
  /** The current/default tag (or `sha256:…` digest). Asked again at run time. */
  tag?: string;
  /** Basic-auth user name for a private v2 registry. The password is never stored. */
  username?: string;
  /**
   * The image reference names no tag (`nginx`, as imported from a task definition that runs it so): Docker pulls
   * `latest`, and `tag` is `latest`. Rendered with the tag `latest`, the reference is written without it, exactly
   * as imported; any other tag is written as usual (`nginx:1.27`).
   */
  implicitLatest?: boolean;
  /**
   * The application's artifact server this artifact comes from (domain/artifact-servers.ts): registry, host, user
   * name and the registry authentication are the server's. Absent: the service keeps its own registry settings.
   */
  server?: string;
}

export interface PortMapping {
  containerPort: number;
  /** Omitted = same as containerPort under awsvpc; 0 = dynamic host port under bridge. */
  hostPort?: number;
  protocol: 'tcp' | 'udp';
}

export interface NameValue {
  name: string;
  value: string;
}

/** The seed's simplified container form (EC2 only). Renders to the same JSON as the advanced form. */
export interface ContainerForm {
  /** Usually `${CONTAINER_NAME}`. */
  name: string;
  /** CPU units (1024 = one vCPU). */
  cpu?: number;
  /** Hard limit, MiB (`memory`). */
  memory?: number;
  /** Soft limit, MiB (`memoryReservation`). */
  memoryReservation?: number;
  portMappings: PortMapping[];
  environment: NameValue[];
  essential: boolean;
  networkMode: NetworkMode;
  /** The container's awslogs configuration (new profiles get one by default: domain/container-logs.ts). */
  logConfiguration?: FormLogConfiguration;
}

/** The simplified form's awslogs settings: `logConfiguration {logDriver: awslogs, options}` of its container. */
export interface FormLogConfiguration {
  group: string;
  region: string;
  streamPrefix: string;
}

/**
 * The container specification: either the simplified EC2 form, or advanced JSON — the text of a
 * RegisterTaskDefinition input with placeholders, kept verbatim (it may hold unquoted placeholders
 * such as `"containerPort": ${serviceVariable.containerPort}`, which are not JSON until rendered).
 */
export type ContainerSpec = {mode: 'form'; form: ContainerForm} | {mode: 'json'; json: string};

/** Private registry authentication (repositoryCredentials + the execution role that may read the secret). */
export interface RegistryAuth {
  /** Secrets Manager secret ARN holding the registry user name and password. */
  credentialsSecretArn: string;
  /** A customer-managed KMS key ARN the secret is encrypted with (kms:Decrypt is added only then). */
  kmsKeyArn?: string;
}

export interface Service {
  name: string;
  artifact: ArtifactSource;
  launchType: LaunchType;
  containerSpec: ContainerSpec;
  /** CreateService parameters as JSON text with placeholders (the seed's REPLICA JSON by default). */
  serviceSpec: string;
  /** Config variables, referenced as `${serviceVariable.NAME}`. */
  variables: Record<string, string>;
  registryAuth?: RegistryAuth;
  /**
   * The ECS service existed before this profile: it was imported from a live service (or its describe-services
   * output). A deploy keeps its settings as they are: the defaults ecs-wizard gives a NEW service (the deployment
   * circuit breaker with rollback) are not added, so that the first deploy changes nothing it did not mean to.
   */
  adopted?: boolean;
  /**
   * The artifact container's name when the person chose a stable one (`init --container-name NAME`, or the
   * wizard's review): `${CONTAINER_NAME}` renders to it. Absent: the setup guide's default, the name derived from
   * the image path and tag (`library_nginx_stable-perl`), which changes with every tag.
   */
  containerName?: string;
  /**
   * Container environment variables the person declared are not secrets although they look like one (`import
   * --keep-plaintext NAME`, or "keep as plain text" on import's choice screen): the credential scan accepts their
   * `{name, value}` pairs by name. A value that is a credential by its shape (an AWS access key id, a private key,
   * a token) is refused all the same.
   */
  plaintextVariables?: string[];
  /**
   * Service auto scaling (Application Auto Scaling), applied after the service update at deploy. Absent: a deploy
   * leaves whatever scaling the service has alone; removed only when asked (`deploy --remove-auto-scaling`).
   */
  autoScaling?: AutoScaling;
  /**
   * Other services of the same application this one depends on, by service name (`service.name`): a whole-application
   * deploy (`deploy --app`) deploys them first and starts this one only once each is deployed. Service names, not
   * profile names: they are what the application calls its services, they survive `profiles rename`, and they stay
   * the key when profiles become an application's services.
   */
  dependsOn?: string[];
}

/** One provider of a capacity provider strategy (CreateService's `capacityProviderStrategy` item). */
export interface CapacityProviderItem {
  /** FARGATE, FARGATE_SPOT or an Auto Scaling group capacity provider's name. */
  capacityProvider: string;
  /** 0–1000: the share of tasks after the bases are placed. */
  weight: number;
  /** 0–100000: tasks placed on this provider first (at most one provider of a strategy has one). */
  base?: number;
}

/** What a target tracking policy tracks: ECSServiceAverageCPUUtilization, …MemoryUtilization, ALBRequestCountPerTarget. */
export const SCALING_METRICS = ['cpu', 'memory', 'requests'] as const;
export type ScalingMetric = (typeof SCALING_METRICS)[number];

/** A target tracking scaling policy on a predefined ECS metric. */
export interface TargetTrackingPolicy {
  metric: ScalingMetric;
  /** Percent for cpu and memory; requests per target (per minute) for requests. */
  target: number;
  /** The policy's name in Application Auto Scaling (default: `<service>-<metric>-target-tracking`); kept from an import. */
  name?: string;
  scaleInCooldown?: number;
  scaleOutCooldown?: number;
  disableScaleIn?: boolean;
}

/** Service auto scaling: the scalable target's capacity range and its target tracking policies. */
export interface AutoScaling {
  minCount: number;
  maxCount: number;
  policies: TargetTrackingPolicy[];
}

export interface AwsVpcNetwork {
  subnets: string[];
  securityGroups: string[];
  assignPublicIp: boolean;
}

/** The environment fields an infrastructure provisioner's outputs can fill. */
export const PROVISIONED_FIELDS = ['region', 'cluster', 'subnets', 'securityGroups', 'executionRoleArn'] as const;
export type ProvisionedField = (typeof PROVISIONED_FIELDS)[number];

/**
 * Where an environment's values were read (the seed's "Infrastructure Provisioners"), so that
 * `ecs-wizard env refresh` can read them again: a CloudFormation stack in a region, or a Terraform state file
 * (an absolute path). `outputs` names the output each field was filled from; a field typed (or changed) after it
 * was filled is not listed, and a refresh leaves it alone.
 */
export type EnvironmentProvisioner =
  | {kind: 'cloudformation'; stack: string; region: string; outputs: Partial<Record<ProvisionedField, string>>}
  | {kind: 'terraform'; path: string; outputs: Partial<Record<ProvisionedField, string>>};

export interface Environment {
  name: string;
  region: string;
  cluster: string;
  launchType: LaunchType;
  /** Required when the task uses the awsvpc network mode; replaces any networkConfiguration in the service spec. */
  network?: AwsVpcNetwork;
  /** Replaces `${EXECUTION_ROLE}`. */
  executionRoleArn?: string;
  /** Environment overrides of the service's config variables. */
  overrides: Record<string, string>;
  /** Where its values were read (a CloudFormation stack or a Terraform state file), when they were. */
  provisioner?: EnvironmentProvisioner;
  /**
   * The service's capacity provider strategy in this environment's cluster (providers belong to a cluster): the
   * rendered service gets `capacityProviderStrategy` and no `launchType`. Absent: the launch type.
   */
  capacityProviderStrategy?: CapacityProviderItem[];
  /**
   * The service's auto scaling in this environment, in place of `service.autoScaling` (a per-environment override:
   * min 1 / max 2 in dev, min 3 / max 20 in prod). A service's own (not the application's): stored with the service's
   * use of the environment. Absent: the service's setting.
   */
  autoScaling?: AutoScaling;
}

export const RUN_OUTCOMES = ['deployed', 'failed', 'rolled-back', 'timed-out', 'detached', 'interrupted'] as const;
export type RunOutcome = (typeof RUN_OUTCOMES)[number];

export interface RunRecord {
  environment: string;
  tag: string;
  digest?: string;
  taskDefinitionArn?: string;
  revision?: number;
  /** ISO-8601. */
  startedAt: string;
  finishedAt?: string;
  outcome: RunOutcome;
  /** True when the run went to the rollout simulator, not AWS. */
  simulated?: boolean;
  /**
   * ECS's service deployment of this run (`arn:aws:ecs:REGION:ACCOUNT:service-deployment/CLUSTER/SERVICE/ID`): the one
   * CreateService / UpdateService returned, else the record the watch judged. `watch` judges that same deployment.
   */
  serviceDeploymentArn?: string;
}

export interface Profile {
  name: string;
  application: string;
  service: Service;
  environments: Environment[];
  /** Oldest first; capped (see MAX_RUNS). */
  runs: RunRecord[];
  /** ISO-8601. */
  createdAt: string;
  updatedAt: string;
}

export const MAX_RUNS = 50;

/** Profile names: letters, digits, `-` and `_`, 1–64 characters, starting with a letter or digit. */
export const PROFILE_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
