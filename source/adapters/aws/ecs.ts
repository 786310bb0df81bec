/**
 * EcsPort on the AWS SDK v3. Thin: each method is one API call (or its pages/batches), the SDK's objects
 * become the domain's JSON (Dates → ISO strings, undefined dropped), and errors become AwsError.
 */
import type {ECSClient} from '@aws-sdk/client-ecs';
import type {JsonObject, JsonValue} from '../../domain/json.js';
import {AwsError} from '../../errors.js';
import type {
  EcsCluster,
  EcsPort,
  EcsServiceDeployment,
  EcsServiceDeploymentBrief,
  EcsServiceRevision,
  EcsServiceRevisionSummary,
  EcsServiceState,
  EcsTask,
} from '../../ports/ecs.js';
import type {AwsClientFactory} from './client-factory.js';
import {describeAwsError} from './errors.js';

/** SDK output → JSON: Dates become ISO strings, undefined members are dropped, $metadata is left out. */
export function toJson(value: unknown): JsonValue | undefined {
  if (value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => toJson(item) ?? null);
  if (typeof value === 'object') {
    const result: JsonObject = {};
    for (const [key, member] of Object.entries(value as Record<string, unknown>)) {
      if (key === '$metadata') continue;
      const converted = toJson(member);
      if (converted !== undefined) result[key] = converted;
    }
    return result;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return undefined;
}

const iso = (date: Date | undefined): string | undefined => date?.toISOString();
const emptyToUndefined = (token: string | undefined): string | undefined => (token === '' || token === null ? undefined : token);

function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let index = 0; index < items.length; index += size) result.push(items.slice(index, index + size));
  return result;
}

type SdkService = NonNullable<import('@aws-sdk/client-ecs').DescribeServicesCommandOutput['services']>[number];
type SdkTask = NonNullable<import('@aws-sdk/client-ecs').DescribeTasksCommandOutput['tasks']>[number];
type SdkServiceDeployment = import('@aws-sdk/client-ecs').ServiceDeployment;
type SdkServiceDeploymentBrief = import('@aws-sdk/client-ecs').ServiceDeploymentBrief;
type SdkRevisionSummary = import('@aws-sdk/client-ecs').ServiceRevisionSummary;

export function serviceState(service: SdkService): EcsServiceState {
  return {
    serviceArn: service.serviceArn ?? '',
    serviceName: service.serviceName ?? '',
    clusterArn: service.clusterArn ?? '',
    status: service.status ?? '',
    taskDefinition: service.taskDefinition ?? '',
    desiredCount: service.desiredCount ?? 0,
    runningCount: service.runningCount ?? 0,
    pendingCount: service.pendingCount ?? 0,
    launchType: service.launchType,
    deployments: (service.deployments ?? []).map((deployment) => ({
      id: deployment.id ?? '',
      status: deployment.status ?? '',
      taskDefinition: deployment.taskDefinition ?? '',
      desiredCount: deployment.desiredCount ?? 0,
      pendingCount: deployment.pendingCount ?? 0,
      runningCount: deployment.runningCount ?? 0,
      failedTasks: deployment.failedTasks ?? 0,
      rolloutState: deployment.rolloutState,
      rolloutStateReason: deployment.rolloutStateReason,
      launchType: deployment.launchType,
      createdAt: iso(deployment.createdAt),
      updatedAt: iso(deployment.updatedAt),
    })),
    events: (service.events ?? []).map((event) => ({id: event.id ?? '', createdAt: iso(event.createdAt) ?? '', message: event.message ?? ''})),
    ...(service.currentServiceDeployment ? {currentServiceDeployment: service.currentServiceDeployment} : {}),
    raw: (toJson(service) ?? {}) as JsonObject,
  };
}

export function taskState(task: SdkTask): EcsTask {
  return {
    taskArn: task.taskArn ?? '',
    taskDefinitionArn: task.taskDefinitionArn ?? '',
    lastStatus: task.lastStatus ?? '',
    desiredStatus: task.desiredStatus ?? '',
    startedBy: task.startedBy,
    stopCode: task.stopCode,
    stoppedReason: task.stoppedReason,
    stoppedAt: iso(task.stoppedAt),
    startedAt: iso(task.startedAt),
    containers: (task.containers ?? []).map((container) => ({
      name: container.name ?? '',
      image: container.image,
      lastStatus: container.lastStatus,
      exitCode: container.exitCode,
      reason: container.reason,
    })),
  };
}

/** Only the members that are set (the port's optional fields are absent, never undefined). */
function defined<T extends Record<string, unknown>>(value: T): Partial<{[K in keyof T]: Exclude<T[K], undefined>}> {
  return Object.fromEntries(Object.entries(value).filter(([, member]) => member !== undefined)) as Partial<{[K in keyof T]: Exclude<T[K], undefined>}>;
}

const revisionSummary = (revision: SdkRevisionSummary): EcsServiceRevisionSummary => ({
  arn: revision.arn ?? '',
  ...defined({
    requestedTaskCount: revision.requestedTaskCount,
    runningTaskCount: revision.runningTaskCount,
    pendingTaskCount: revision.pendingTaskCount,
    requestedProductionTrafficWeight: revision.requestedProductionTrafficWeight,
    requestedTestTrafficWeight: revision.requestedTestTrafficWeight,
  }),
});

export function serviceDeploymentState(record: SdkServiceDeployment): EcsServiceDeployment {
  return {
    arn: record.serviceDeploymentArn ?? '',
    status: record.status ?? '',
    sourceServiceRevisions: (record.sourceServiceRevisions ?? []).map(revisionSummary),
    ...defined({
      serviceArn: record.serviceArn,
      clusterArn: record.clusterArn,
      statusReason: record.statusReason,
      lifecycleStage: record.lifecycleStage,
      createdAt: iso(record.createdAt),
      startedAt: iso(record.startedAt),
      finishedAt: iso(record.finishedAt),
      stoppedAt: iso(record.stoppedAt),
      updatedAt: iso(record.updatedAt),
      targetServiceRevision: record.targetServiceRevision && revisionSummary(record.targetServiceRevision),
      rollback:
        record.rollback &&
        defined({reason: record.rollback.reason, startedAt: iso(record.rollback.startedAt), serviceRevisionArn: record.rollback.serviceRevisionArn}),
      circuitBreaker:
        record.deploymentCircuitBreaker &&
        defined({
          status: record.deploymentCircuitBreaker.status,
          failureCount: record.deploymentCircuitBreaker.failureCount,
          threshold: record.deploymentCircuitBreaker.threshold,
        }),
      alarms:
        record.alarms && defined({status: record.alarms.status, alarmNames: record.alarms.alarmNames, triggeredAlarmNames: record.alarms.triggeredAlarmNames}),
      lifecycleHooks: record.lifecycleHookDetails?.map((hook) =>
        defined({hookId: hook.hookId, targetType: hook.targetType, targetArn: hook.targetArn, status: hook.status}),
      ),
      deploymentConfiguration: record.deploymentConfiguration && (toJson(record.deploymentConfiguration) as JsonObject),
    }),
  };
}

const serviceDeploymentBrief = (brief: SdkServiceDeploymentBrief): EcsServiceDeploymentBrief => ({
  arn: brief.serviceDeploymentArn ?? '',
  status: brief.status ?? '',
  ...defined({
    statusReason: brief.statusReason,
    targetServiceRevisionArn: brief.targetServiceRevisionArn,
    createdAt: iso(brief.createdAt),
    startedAt: iso(brief.startedAt),
    finishedAt: iso(brief.finishedAt),
  }),
});

/** `…:task-definition/web:12` → ['web', 12]. */
function familyAndRevision(arn: string): [string, number] {
  const reference = arn.slice(arn.lastIndexOf('/') + 1);
  const colon = reference.lastIndexOf(':');
  return colon < 0 ? [reference, 0] : [reference.slice(0, colon), Number(reference.slice(colon + 1))];
}

export function compareTaskDefinitionArns(a: string, b: string): number {
  const [familyA, revisionA] = familyAndRevision(a);
  const [familyB, revisionB] = familyAndRevision(b);
  return familyA < familyB ? -1 : familyA > familyB ? 1 : revisionA - revisionB;
}

/** The ECS port for one region (the factory's; use factory.forRegion for an environment's region). */
export async function createEcsPort(factory: AwsClientFactory): Promise<EcsPort> {
  const client: ECSClient = await factory.ecs();
  const sdk = await import('@aws-sdk/client-ecs');
  const target = await factory.target('ecs');

  async function call<T>(operation: string, send: () => Promise<T>, options: {mayBeMissing?: boolean} = {}): Promise<T> {
    try {
      return await send();
    } catch (error) {
      throw describeAwsError(error, {service: 'ecs', operation, ...target, ...options});
    }
  }
  /** The service deployment records' operations: newer than some endpoints (moto 5.2.1 lacks them). */
  const recent = {mayBeMissing: true};
  const isNotFound = (error: unknown): boolean =>
    error instanceof AwsError &&
    (error.kind === 'not-found' || (error.kind === 'invalid' && /unable to describe task definition|not found|does not exist/i.test(error.message)));

  const clusterOf = (cluster: NonNullable<import('@aws-sdk/client-ecs').Cluster>): EcsCluster => ({
    name: cluster.clusterName ?? '',
    arn: cluster.clusterArn ?? '',
    status: cluster.status ?? '',
    ...(cluster.capacityProviders === undefined ? {} : {capacityProviders: cluster.capacityProviders}),
  });

  return {
    region: target.region,

    async listClusters(nextToken) {
      const page = await call('ListClusters', () => client.send(new sdk.ListClustersCommand({nextToken})));
      return {items: page.clusterArns ?? [], nextToken: emptyToUndefined(page.nextToken)};
    },

    async describeClusters(names) {
      if (names.length === 0) return [];
      const result = await call('DescribeClusters', () => client.send(new sdk.DescribeClustersCommand({clusters: names})));
      return (result.clusters ?? []).map(clusterOf);
    },

    async containerInstanceArchitectures(cluster) {
      const arns: string[] = [];
      let nextToken: string | undefined;
      do {
        const page = await call('ListContainerInstances', () => client.send(new sdk.ListContainerInstancesCommand({cluster, status: 'ACTIVE', nextToken})));
        arns.push(...(page.containerInstanceArns ?? []));
        nextToken = emptyToUndefined(page.nextToken);
      } while (nextToken !== undefined);
      const architectures: string[] = [];
      for (let start = 0; start < arns.length; start += 100) {
        const batch = arns.slice(start, start + 100);
        const result = await call('DescribeContainerInstances', () =>
          client.send(new sdk.DescribeContainerInstancesCommand({cluster, containerInstances: batch})),
        );
        for (const instance of result.containerInstances ?? []) {
          const value = instance.attributes?.find((attribute) => attribute.name === 'ecs.cpu-architecture')?.value;
          if (value !== undefined && value !== '') architectures.push(value);
        }
      }
      return architectures;
    },

    async createCluster(name, options = {}) {
      const providers = options.capacityProviders ?? [];
      const result = await call('CreateCluster', () =>
        client.send(new sdk.CreateClusterCommand({clusterName: name, ...(providers.length === 0 ? {} : {capacityProviders: providers})})),
      );
      return clusterOf(result.cluster ?? {clusterName: name});
    },

    async describeCapacityProviders(names) {
      if (names.length === 0) return [];
      const result = await call('DescribeCapacityProviders', () => client.send(new sdk.DescribeCapacityProvidersCommand({capacityProviders: names})));
      return (result.capacityProviders ?? []).map((provider) => ({
        name: provider.name ?? '',
        status: provider.status ?? '',
        ...(provider.autoScalingGroupProvider?.autoScalingGroupArn === undefined
          ? {}
          : {autoScalingGroupArn: provider.autoScalingGroupProvider.autoScalingGroupArn}),
      }));
    },

    async listTaskDefinitionFamilies({status, familyPrefix, nextToken, maxResults}) {
      const page = await call('ListTaskDefinitionFamilies', () =>
        client.send(new sdk.ListTaskDefinitionFamiliesCommand({status, familyPrefix, nextToken, maxResults})),
      );
      return {items: page.families ?? [], nextToken: emptyToUndefined(page.nextToken)};
    },

    async listTaskDefinitions({familyPrefix, status, sort, nextToken, maxResults}) {
      const page = await call('ListTaskDefinitions', () =>
        client.send(new sdk.ListTaskDefinitionsCommand({familyPrefix, status, sort, nextToken, maxResults})),
      );
      // ECS orders by family, then revision; each page is put in that order again, as not every
      // implementation of the API honours `sort` (moto does not).
      const items = [...(page.taskDefinitionArns ?? [])].sort(compareTaskDefinitionArns);
      if (sort === 'DESC') items.reverse();
      return {items, nextToken: emptyToUndefined(page.nextToken)};
    },

    async describeTaskDefinition(reference) {
      try {
        const result = await call('DescribeTaskDefinition', () =>
          client.send(new sdk.DescribeTaskDefinitionCommand({taskDefinition: reference, include: ['TAGS']})),
        );
        if (!result.taskDefinition) return undefined;
        return {
          taskDefinition: toJson(result.taskDefinition) as JsonObject,
          tags: (result.tags ?? []).map((tag) => ({key: tag.key ?? '', value: tag.value ?? ''})),
        };
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw error;
      }
    },

    async registerTaskDefinition(input) {
      const result = await call('RegisterTaskDefinition', () =>
        client.send(new sdk.RegisterTaskDefinitionCommand(input as unknown as import('@aws-sdk/client-ecs').RegisterTaskDefinitionCommandInput)),
      );
      const taskDefinition = (toJson(result.taskDefinition) ?? {}) as JsonObject;
      return {
        arn: result.taskDefinition?.taskDefinitionArn ?? '',
        family: result.taskDefinition?.family ?? '',
        revision: result.taskDefinition?.revision ?? 0,
        taskDefinition,
      };
    },

    async listServices(cluster, nextToken) {
      const page = await call('ListServices', () => client.send(new sdk.ListServicesCommand({cluster, nextToken})));
      return {items: page.serviceArns ?? [], nextToken: emptyToUndefined(page.nextToken)};
    },

    async describeServices(cluster, services) {
      const found: EcsServiceState[] = [];
      for (const batch of chunks(services, 10)) {
        try {
          const result = await call('DescribeServices', () => client.send(new sdk.DescribeServicesCommand({cluster, services: batch, include: ['TAGS']})));
          found.push(...(result.services ?? []).map(serviceState));
        } catch (error) {
          // A cluster that does not exist holds no services.
          if (error instanceof AwsError && error.awsName === 'ClusterNotFoundException') return [];
          throw error;
        }
      }
      return found;
    },

    async createService(input) {
      const result = await call('CreateService', () =>
        client.send(new sdk.CreateServiceCommand(input as unknown as import('@aws-sdk/client-ecs').CreateServiceCommandInput)),
      );
      return serviceState(result.service ?? {});
    },

    async updateService(input) {
      const result = await call('UpdateService', () =>
        client.send(new sdk.UpdateServiceCommand(input as unknown as import('@aws-sdk/client-ecs').UpdateServiceCommandInput)),
      );
      return serviceState(result.service ?? {});
    },

    async listTasks({cluster, startedBy, serviceName, desiredStatus}) {
      const arns: string[] = [];
      let nextToken: string | undefined;
      do {
        const page = await call('ListTasks', () => client.send(new sdk.ListTasksCommand({cluster, startedBy, serviceName, desiredStatus, nextToken})));
        arns.push(...(page.taskArns ?? []));
        nextToken = emptyToUndefined(page.nextToken);
      } while (nextToken !== undefined);
      return arns;
    },

    async describeTasks(cluster, taskArns) {
      const tasks: EcsTask[] = [];
      for (const batch of chunks(taskArns, 100)) {
        const result = await call('DescribeTasks', () => client.send(new sdk.DescribeTasksCommand({cluster, tasks: batch})));
        tasks.push(...(result.tasks ?? []).map(taskState));
      }
      return tasks;
    },

    async listServiceDeployments({cluster, service, createdAfter}) {
      const found: EcsServiceDeploymentBrief[] = [];
      let nextToken: string | undefined;
      do {
        const page = await call(
          'ListServiceDeployments',
          () =>
            client.send(
              new sdk.ListServiceDeploymentsCommand({
                cluster,
                service,
                nextToken,
                maxResults: 100,
                ...(createdAfter === undefined ? {} : {createdAt: {after: new Date(createdAfter)}}),
              }),
            ),
          recent,
        );
        found.push(...(page.serviceDeployments ?? []).map(serviceDeploymentBrief));
        nextToken = emptyToUndefined(page.nextToken);
      } while (nextToken !== undefined);
      return found;
    },

    async describeServiceDeployments(arns) {
      const records: EcsServiceDeployment[] = [];
      for (const batch of chunks(arns, 20)) {
        const result = await call(
          'DescribeServiceDeployments',
          () => client.send(new sdk.DescribeServiceDeploymentsCommand({serviceDeploymentArns: batch})),
          recent,
        );
        records.push(...(result.serviceDeployments ?? []).map(serviceDeploymentState));
      }
      return records;
    },

    async stopServiceDeployment(arn, stopType) {
      const result = await call(
        'StopServiceDeployment',
        () => client.send(new sdk.StopServiceDeploymentCommand({serviceDeploymentArn: arn, stopType})),
        recent,
      );
      return {arn: result.serviceDeploymentArn ?? arn};
    },

    async describeServiceRevisions(arns) {
      const revisions: EcsServiceRevision[] = [];
      for (const batch of chunks(arns, 20)) {
        const result = await call('DescribeServiceRevisions', () => client.send(new sdk.DescribeServiceRevisionsCommand({serviceRevisionArns: batch})), recent);
        revisions.push(
          ...(result.serviceRevisions ?? []).map((revision) => ({
            arn: revision.serviceRevisionArn ?? '',
            taskDefinition: revision.taskDefinition ?? '',
            ...defined({createdAt: iso(revision.createdAt)}),
          })),
        );
      }
      return revisions;
    },
  };
}
