/**
 * Which members of described ECS documents are inputs: the read-only fields of `describe-task-definition`,
 * the parameters of CreateService and the output-only fields of `describe-services`. Shared by import (the
 * registrable input), the diff (the comparable form) and render (read-only fields written in a spec).
 */

/**
 * Fields of a described task definition that RegisterTaskDefinition refuses: the members of the API's TaskDefinition
 * that RegisterTaskDefinitionRequest does not have (`deleteRequestedAt`: a revision DeleteTaskDefinitions is deleting).
 */
export const TASK_DEFINITION_READ_ONLY_FIELDS = [
  'taskDefinitionArn',
  'revision',
  'status',
  'requiresAttributes',
  'compatibilities',
  'registeredAt',
  'registeredBy',
  'deregisteredAt',
  'deleteRequestedAt',
] as const;

/** The parameters CreateService accepts (the 2025 API). Anything else in a described service is output only. */
export const CREATE_SERVICE_FIELDS = [
  'cluster',
  'serviceName',
  'taskDefinition',
  'availabilityZoneRebalancing',
  'loadBalancers',
  'serviceRegistries',
  'desiredCount',
  'clientToken',
  'launchType',
  'capacityProviderStrategy',
  'platformVersion',
  'role',
  'deploymentConfiguration',
  'placementConstraints',
  'placementStrategy',
  'networkConfiguration',
  'healthCheckGracePeriodSeconds',
  'schedulingStrategy',
  'deploymentController',
  'tags',
  'enableECSManagedTags',
  'propagateTags',
  'enableExecuteCommand',
  'serviceConnectConfiguration',
  'volumeConfigurations',
  'vpcLatticeConfigurations',
] as const;

/**
 * Output-only fields of a DescribeServices service, stripped on import without a warning
 * (`clusterArn` and `roleArn` are converted, not just stripped). A field in neither this list nor
 * CREATE_SERVICE_FIELDS is stripped too, but reported as unknown.
 */
export const SERVICE_READ_ONLY_FIELDS = [
  'serviceArn',
  'clusterArn',
  'roleArn',
  'status',
  'runningCount',
  'pendingCount',
  'deployments',
  'events',
  'createdAt',
  'createdBy',
  'taskSets',
  'platformFamily',
  'currentServiceDeployment',
  'currentServiceRevisions',
  'resourceManagementType',
] as const;
