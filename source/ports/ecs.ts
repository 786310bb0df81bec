import type {JsonObject} from '../domain/json.js';

/**
 * Amazon ECS as the operations see it. Implemented by the AWS SDK adapter (adapters/aws/ecs.ts) and by the
 * rollout simulator; tests use fakes. Task definitions and service inputs travel as the domain's JSON
 * (exactly what the API takes or returns, dates as ISO-8601 strings); what the watch needs is typed.
 *
 * Errors: every method throws AwsError (source/errors.ts) with a message for the user and a `kind`
 * (throttled, access-denied, …). "Does not exist" is not an error where a method says it returns undefined.
 */
export interface Page<T> {
  items: T[];
  /** Absent on the last page. */
  nextToken?: string;
}

export type TaskDefinitionStatus = 'ACTIVE' | 'INACTIVE';

export interface EcsDeployment {
  id: string;
  /** PRIMARY (newest), ACTIVE (older, draining), INACTIVE. */
  status: string;
  taskDefinition: string;
  desiredCount: number;
  pendingCount: number;
  runningCount: number;
  failedTasks: number;
  /** IN_PROGRESS, COMPLETED or FAILED (absent when the deployment controller is not ECS). */
  rolloutState?: string;
  rolloutStateReason?: string;
  launchType?: string;
  createdAt?: string;
  updatedAt?: string;
}

export interface EcsServiceEvent {
  id: string;
  createdAt: string;
  message: string;
}

export interface EcsServiceState {
  serviceArn: string;
  serviceName: string;
  clusterArn: string;
  /** ACTIVE, DRAINING or INACTIVE. */
  status: string;
  taskDefinition: string;
  desiredCount: number;
  runningCount: number;
  pendingCount: number;
  launchType?: string;
  deployments: EcsDeployment[];
  /** Newest first, as ECS returns them (up to 100). */
  events: EcsServiceEvent[];
  /** The ARN of the service deployment in effect (ECS's record of it: describeServiceDeployments); absent where not kept (moto). */
  currentServiceDeployment?: string;
  /** The whole DescribeServices entry as JSON (for import and diff). */
  raw: JsonObject;
}

export interface EcsContainerState {
  name: string;
  image?: string;
  lastStatus?: string;
  exitCode?: number;
  reason?: string;
}

export interface EcsTask {
  taskArn: string;
  taskDefinitionArn: string;
  lastStatus: string;
  desiredStatus: string;
  startedBy?: string;
  stopCode?: string;
  stoppedReason?: string;
  stoppedAt?: string;
  startedAt?: string;
  containers: EcsContainerState[];
}

/** A service revision's task counts, as a service deployment record gives them. */
export interface EcsServiceRevisionSummary {
  arn: string;
  requestedTaskCount?: number;
  runningTaskCount?: number;
  pendingTaskCount?: number;
  /** BLUE_GREEN, LINEAR, CANARY: the share of production (and test) traffic ECS sends this revision, percent. */
  requestedProductionTrafficWeight?: number;
  requestedTestTrafficWeight?: number;
}

/** A lifecycle hook of a service deployment as its record gives it (DeploymentLifecycleHookDetail). */
export interface EcsLifecycleHookDetail {
  hookId?: string;
  targetType?: string;
  targetArn?: string;
  /** AWAITING_ACTION, IN_PROGRESS, SUCCEEDED, FAILED, TIMED_OUT. */
  status?: string;
}

/**
 * ECS's own record of one deployment of a service (ListServiceDeployments / DescribeServiceDeployments). It outlives
 * the rollout: after a circuit-breaker rollback it still says ROLLBACK_SUCCESSFUL and why.
 */
export interface EcsServiceDeployment {
  arn: string;
  serviceArn?: string;
  clusterArn?: string;
  /** PENDING, IN_PROGRESS, SUCCESSFUL, STOPPED, STOP_REQUESTED, ROLLBACK_REQUESTED, ROLLBACK_IN_PROGRESS, ROLLBACK_SUCCESSFUL, ROLLBACK_FAILED. */
  status: string;
  statusReason?: string;
  /** RECONCILE_SERVICE, PRE_SCALE_UP, SCALE_UP, … CLEAN_UP. */
  lifecycleStage?: string;
  createdAt?: string;
  startedAt?: string;
  finishedAt?: string;
  stoppedAt?: string;
  updatedAt?: string;
  /** The revision this deployment rolls out (its task definition: describeServiceRevisions). */
  targetServiceRevision?: EcsServiceRevisionSummary;
  /** The revisions running when it started. */
  sourceServiceRevisions: EcsServiceRevisionSummary[];
  /** Present once a rollback was started: why, and the revision rolled back to. */
  rollback?: {reason?: string; startedAt?: string; serviceRevisionArn?: string};
  /** status DISABLED, MONITORING, MONITORING_COMPLETE or TRIGGERED; failed tasks counted against the threshold. */
  circuitBreaker?: {status?: string; failureCount?: number; threshold?: number};
  alarms?: {status?: string; alarmNames?: string[]; triggeredAlarmNames?: string[]};
  /** The lifecycle hooks of this deployment and how they answered. */
  lifecycleHooks?: EcsLifecycleHookDetail[];
  /** The deployment configuration it runs under (strategy, bake times, canary/linear configuration), as ECS gives it. */
  deploymentConfiguration?: JsonObject;
}

/** One line of ListServiceDeployments. */
export interface EcsServiceDeploymentBrief {
  arn: string;
  status: string;
  statusReason?: string;
  targetServiceRevisionArn?: string;
  createdAt?: string;
  startedAt?: string;
  finishedAt?: string;
}

/** A service revision (DescribeServiceRevisions): what a deployment rolls out, its task definition first of all. */
export interface EcsServiceRevision {
  arn: string;
  taskDefinition: string;
  createdAt?: string;
}

export interface EcsCluster {
  name: string;
  arn: string;
  status: string;
  /** The capacity providers attached to the cluster (FARGATE, FARGATE_SPOT, Auto Scaling group providers), when known. */
  capacityProviders?: string[];
}

/** A capacity provider (DescribeCapacityProviders): Fargate's own, or one on an Auto Scaling group. */
export interface EcsCapacityProvider {
  name: string;
  /** ACTIVE, INACTIVE. */
  status: string;
  /** The Auto Scaling group's ARN, for an Auto Scaling group provider. */
  autoScalingGroupArn?: string;
}

export interface RegisteredTaskDefinition {
  arn: string;
  family: string;
  revision: number;
  /** As DescribeTaskDefinition returns it (read-only fields included). */
  taskDefinition: JsonObject;
}

export interface EcsPort {
  /** The region the port's calls go to. */
  readonly region: string;

  listClusters(nextToken?: string): Promise<Page<string>>;
  /** Only the clusters that exist (ACTIVE or not) are returned. */
  describeClusters(names: string[]): Promise<EcsCluster[]>;
  /** `capacityProviders`: attached at creation (FARGATE, FARGATE_SPOT for a capacity provider strategy). */
  createCluster(name: string, options?: {capacityProviders?: string[]}): Promise<EcsCluster>;
  /**
   * DescribeCapacityProviders of these names (unknown names are left out). Optional: ports without it (test fakes)
   * list the cluster's providers by name only.
   */
  describeCapacityProviders?(names: string[]): Promise<EcsCapacityProvider[]>;

  listTaskDefinitionFamilies(options: {status?: TaskDefinitionStatus; familyPrefix?: string; nextToken?: string; maxResults?: number}): Promise<Page<string>>;
  /** Task definition ARNs; `sort: 'DESC'` lists the newest revision first. */
  listTaskDefinitions(options: {
    familyPrefix?: string;
    status?: TaskDefinitionStatus;
    sort?: 'ASC' | 'DESC';
    nextToken?: string;
    maxResults?: number;
  }): Promise<Page<string>>;
  /** `family`, `family:revision` or an ARN; undefined when there is no such task definition. */
  describeTaskDefinition(reference: string): Promise<{taskDefinition: JsonObject; tags: Array<{key: string; value: string}>} | undefined>;
  /** RegisterTaskDefinition with exactly this input. */
  registerTaskDefinition(input: JsonObject): Promise<RegisteredTaskDefinition>;

  listServices(cluster: string, nextToken?: string): Promise<Page<string>>;
  /** Services that exist (DescribeServices' failures are dropped); any number of names (sent in batches of 10). */
  describeServices(cluster: string, services: string[]): Promise<EcsServiceState[]>;
  /** CreateService with exactly this input. */
  createService(input: JsonObject): Promise<EcsServiceState>;
  /** UpdateService with exactly this input. */
  updateService(input: JsonObject): Promise<EcsServiceState>;

  /** Task ARNs (every page). */
  listTasks(options: {cluster: string; startedBy?: string; serviceName?: string; desiredStatus?: 'RUNNING' | 'PENDING' | 'STOPPED'}): Promise<string[]>;
  /** Any number of ARNs (sent in batches of 100). */
  describeTasks(cluster: string, taskArns: string[]): Promise<EcsTask[]>;

  /**
   * ECS's records of the service's deployments (every page), created after `createdAfter` (ISO-8601) when given.
   * Where the endpoint does not implement it (moto), throws AwsError of kind `unsupported`.
   */
  listServiceDeployments(options: {cluster: string; service: string; createdAfter?: string}): Promise<EcsServiceDeploymentBrief[]>;
  /** The records of these service deployments (any number, sent in batches of 20); unknown ARNs are left out. Like the list where not implemented. */
  describeServiceDeployments(arns: string[]): Promise<EcsServiceDeployment[]>;
  /** These service revisions (any number, sent in batches of 20); unknown ARNs are left out. Like the list where not implemented. */
  describeServiceRevisions(arns: string[]): Promise<EcsServiceRevision[]>;
  /**
   * StopServiceDeployment: ROLLBACK (back to the revision that ran before) or ABORT. Returns the stopped deployment's
   * ARN. Where the endpoint does not implement it (moto), throws AwsError of kind `unsupported`.
   */
  stopServiceDeployment(arn: string, stopType: 'ROLLBACK' | 'ABORT'): Promise<{arn: string}>;
  /**
   * The `ecs.cpu-architecture` attribute (x86_64, arm64) of each ACTIVE container instance of the cluster that has
   * it (ListContainerInstances, DescribeContainerInstances). Optional: the simulator has no instances.
   */
  containerInstanceArchitectures?(cluster: string): Promise<string[]>;
}
