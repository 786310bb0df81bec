/**
 * What the setup wizard has been told so far: the answers of a half-done setup. The Ink wizard and
 * `ecs-wizard init`'s flags fill the same shape; operations/wizard turns complete answers into a Profile,
 * and a draft (ports/draft-store.ts) keeps them between runs. Data only.
 */
import type {
  AutoScaling,
  CapacityProviderItem,
  EnvironmentProvisioner,
  LaunchType,
  NameValue,
  NetworkMode,
  PortMapping,
  ProvisionedField,
  RegistryAuth,
  RegistryKind,
  SchedulingStrategy,
  FormLogConfiguration,
} from './model.js';
import type {DeploymentStrategy} from './deployment-strategy.js';
import type {LoadBalancerWiring} from './load-balancer.js';

export interface ContainerFormAnswers {
  /** CPU units (1024 = one vCPU). */
  cpu?: number;
  /** Hard memory limit, MiB. */
  memory?: number;
  /** Soft memory limit, MiB. */
  memoryReservation?: number;
  ports: PortMapping[];
  environment: NameValue[];
  /** The container's awslogs settings (init's form flags give one by default: domain/container-logs.ts). */
  logConfiguration?: FormLogConfiguration;
}

/** How the service registers with Cloud Map (the seed's "Which Service Parameters Do I Use?"). */
export type DiscoveryUse = 'container' | 'port' | 'none';

export interface DiscoveryAnswers {
  /** The Cloud Map service ARN (`serviceRegistries[].registryArn`). */
  registryArn: string;
  /** DNS record types of the Cloud Map service (read from Cloud Map, or told); undefined: not known. */
  recordTypes?: string[];
  use?: DiscoveryUse;
  /** A container of the container specification (usually `${CONTAINER_NAME}`). */
  containerName?: string;
  /** One of that container's mapped ports, or a placeholder such as `${serviceVariable.containerPort}`. */
  containerPort?: number | string;
  port?: number;
}

export interface EnvironmentAnswers {
  name?: string;
  region?: string;
  cluster?: string;
  launchType?: LaunchType;
  subnets?: string[];
  securityGroups?: string[];
  assignPublicIp?: boolean;
  executionRoleArn?: string;
  overrides?: Record<string, string>;
  /** Where the values came from (shown in the summary; not saved). */
  filledFrom?: string;
  /** The provisioner the values were read from, and what each field got (the profile records the fields kept). */
  provisioner?: ProvisionerAnswer;
  /** A capacity provider strategy (empty or absent: the launch type). */
  capacityProviderStrategy?: CapacityProviderItem[];
  /** The service's auto scaling in this environment, in place of the service's (absent: the service's). */
  autoScaling?: AutoScaling;
}

/** An environment filled from a provisioner's outputs: where, and each field's output and value. */
export interface ProvisionerAnswer {
  source: DistributiveOmit<EnvironmentProvisioner, 'outputs'>;
  filled: Partial<Record<ProvisionedField, {output: string; value: string | string[]}>>;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Everything the wizard asks. Undefined = not answered yet; null = answered "none". */
export interface WizardAnswers {
  application?: string;
  serviceName?: string;
  /** Other services of the application this one depends on (service names; a whole-application deploy runs them first). */
  dependsOn?: string[];
  registry?: RegistryKind;
  /** Host (with port) of a private v2 registry, or the ECR registry host. */
  registryHost?: string;
  /** Basic-auth user of a private v2 registry (the password is never part of the answers). */
  registryUsername?: string;
  /** The private registry lets anyone pull: no credentials secret, no repositoryCredentials, no IAM policy. */
  registryAnonymous?: boolean;
  /**
   * The application's artifact server the registry settings are (registry, host, user name, credentials secret and
   * KMS key): an existing one the wizard offered (or `init --artifact-server`), or a new one named here.
   */
  artifactServer?: string;
  image?: string;
  tag?: string;
  launchType?: LaunchType;
  networkMode?: NetworkMode;
  containerMode?: 'form' | 'json';
  containerForm?: ContainerFormAnswers;
  /** Advanced JSON text (may hold unquoted placeholders). */
  containerJson?: string;
  strategy?: SchedulingStrategy;
  desiredCount?: number;
  /** A stable name for the artifact's container (`${CONTAINER_NAME}`); undefined: derived from the image and tag. */
  containerName?: string;
  /** A service specification the person edited or imported (else the default for the strategy). */
  serviceSpecJson?: string;
  /** The deployment strategy written into the service specification's deploymentConfiguration (undefined: as the spec says). */
  deploymentStrategy?: DeploymentStrategy;
  discovery?: DiscoveryAnswers | null;
  /** The service's load balancer: loadBalancers[0] of the service specification (what is saved is what is sent); null: none. */
  loadBalancer?: LoadBalancerWiring | null;
  variables?: Record<string, string>;
  registryAuth?: RegistryAuth | null;
  /** The execution role chosen for private registry authentication: the default of every environment. */
  executionRoleArn?: string;
  environments?: EnvironmentAnswers[];
  profileName?: string;
  /** Service auto scaling; null = answered "no". */
  autoScaling?: AutoScaling | null;
}
