/**
 * The service specification: CreateService's input (and the fields UpdateService takes besides), field by
 * field (ECS API reference). Rules between fields are in service-rules.ts; what depends on the task definition
 * and the environment (service discovery, load balancer containers, awsvpc networking, Fargate) in
 * ../service-definition.ts.
 */
import type {ObjectField} from './field-kinds.js';
import {any, boolean, decimal, integer, list, map, object, oneOf, text} from './field-kinds.js';
import {logConfiguration, tags} from './shared-fields.js';

export const LAUNCH_TYPES = ['EC2', 'FARGATE', 'EXTERNAL', 'MANAGED_INSTANCES'] as const;

const enabledOrDisabled = oneOf('ENABLED', 'DISABLED');
const bakeTime = integer(0, 1440);

const trafficShift = {alternateTargetGroupArn: text(), productionListenerRule: text(), testListenerRule: text()};

const loadBalancer = object('a load balancer', {
  targetGroupArn: text(),
  loadBalancerName: text(),
  containerName: text(),
  containerPort: integer(1, 65535, 'port-range'),
  advancedConfiguration: object('the load balancer advanced configuration', {...trafficShift, roleArn: text()}),
});

const serviceRegistry = object('a service registry', {
  registryArn: text(),
  port: integer(1, 65535, 'port-range'),
  containerName: text(),
  containerPort: integer(1, 65535, 'port-range'),
});

/** Capacity provider strategy items: weight 0–1000, base 0–100000. */
const capacityProvider = object(
  'a capacity provider strategy item',
  {capacityProvider: text(), weight: integer(0, 1000), base: integer(0, 100_000)},
  {
    required: ['capacityProvider'],
  },
);

const deploymentConfiguration = object('the deployment configuration', {
  deploymentCircuitBreaker: object(
    'the deployment circuit breaker',
    {
      enable: boolean,
      rollback: boolean,
      resetOnHealthyTask: boolean,
      thresholdConfiguration: object('the circuit breaker threshold', {type: oneOf('COUNT', 'BOUNDED_PERCENT', 'UNBOUNDED_PERCENT'), value: integer(0)}),
    },
    {required: ['enable', 'rollback']},
  ),
  maximumPercent: integer(0),
  minimumHealthyPercent: integer(0),
  alarms: object(
    'the deployment alarms',
    {alarmNames: list(text(), {item: 'alarm name'}), rollback: boolean, enable: boolean},
    {
      required: ['alarmNames', 'rollback', 'enable'],
    },
  ),
  // ROLLING (default); BLUE_GREEN, LINEAR and CANARY need the ECS deployment controller. Bake times: 0–1440 minutes.
  strategy: oneOf('ROLLING', 'BLUE_GREEN', 'LINEAR', 'CANARY'),
  bakeTimeInMinutes: bakeTime,
  lifecycleHooks: list(
    object('a lifecycle hook', {
      targetType: oneOf('AWS_LAMBDA', 'PAUSE'),
      hookTargetArn: text(),
      roleArn: text(),
      lifecycleStages: list(
        oneOf(
          'RECONCILE_SERVICE',
          'PRE_SCALE_UP',
          'POST_SCALE_UP',
          'TEST_TRAFFIC_SHIFT',
          'POST_TEST_TRAFFIC_SHIFT',
          'PRE_PRODUCTION_TRAFFIC_SHIFT',
          'PRODUCTION_TRAFFIC_SHIFT',
          'POST_PRODUCTION_TRAFFIC_SHIFT',
        ),
        {item: 'lifecycle stage'},
      ),
      hookDetails: any,
      timeoutConfiguration: object('the lifecycle hook timeout', {timeoutInMinutes: integer(0), action: oneOf('CONTINUE', 'ROLLBACK')}),
    }),
    {item: 'lifecycle hook'},
  ),
  // stepPercent 3.0–100.0, canaryPercent 0.1–100.0 (percentages with a fraction).
  linearConfiguration: object('the linear configuration', {stepPercent: decimal(3, 100), stepBakeTimeInMinutes: bakeTime}),
  canaryConfiguration: object('the canary configuration', {canaryPercent: decimal(0.1, 100), canaryBakeTimeInMinutes: bakeTime}),
  earlySuccessCriteria: object(
    'the early success criteria',
    {enable: boolean, healthyPercent: integer(0, 100), sourceServiceRevisionCleanup: oneOf('BLOCKING', 'DEFERRED')},
    {required: ['enable']},
  ),
});

/** At most 10 placement constraints and 5 placement strategies per service. */
const placementConstraint = object('a placement constraint', {type: oneOf('distinctInstance', 'memberOf'), expression: text({maxLength: 2000})});
const placementStrategy = object('a placement strategy', {type: oneOf('random', 'spread', 'binpack'), field: text()});

const serviceConnectService = object(
  'a Service Connect service',
  {
    portName: text(),
    discoveryName: text(),
    clientAliases: list(object('a client alias', {port: integer(1, 65535, 'port-range'), dnsName: text(), testTrafficRules: map(any)}, {required: ['port']}), {
      item: 'client alias',
    }),
    ingressPortOverride: integer(1, 65535, 'port-range'),
    timeout: object('the Service Connect timeout', {idleTimeoutSeconds: integer(0), perRequestTimeoutSeconds: integer(0)}),
    tls: object(
      'the Service Connect TLS configuration',
      {issuerCertificateAuthority: object('the certificate authority', {awsPcaAuthorityArn: text()}), kmsKey: text(), roleArn: text()},
      {required: ['issuerCertificateAuthority']},
    ),
  },
  {required: ['portName']},
);

const serviceConnectConfiguration = object(
  'the Service Connect configuration',
  {
    enabled: boolean,
    namespace: text(),
    services: list(serviceConnectService, {item: 'Service Connect service'}),
    logConfiguration,
    accessLogConfiguration: object(
      'the access log configuration',
      {format: oneOf('TEXT', 'JSON'), includeQueryParameters: enabledOrDisabled},
      {required: ['format']},
    ),
    containerConfigurations: list(map(any), {item: 'container configuration'}),
  },
  {required: ['enabled']},
);

const managedEbsVolume = object(
  'the managed EBS volume',
  {
    encrypted: boolean,
    kmsKeyId: text(),
    volumeType: text(),
    sizeInGiB: integer(1),
    snapshotId: text(),
    volumeInitializationRate: integer(0),
    iops: integer(0),
    throughput: integer(0),
    tagSpecifications: list(
      object(
        'an EBS tag specification',
        {resourceType: oneOf('volume'), tags, propagateTags: oneOf('TASK_DEFINITION', 'SERVICE', 'NONE')},
        {required: ['resourceType']},
      ),
      {item: 'tag specification'},
    ),
    roleArn: text(),
    filesystemType: oneOf('ext3', 'ext4', 'xfs', 'ntfs'),
  },
  {required: ['roleArn']},
);

/** CreateServiceRequest (+ UpdateService's forceNewDeployment). */
export const serviceDefinition: ObjectField = object('the service specification', {
  cluster: text(),
  serviceName: text(),
  taskDefinition: text(),
  availabilityZoneRebalancing: enabledOrDisabled,
  loadBalancers: list(loadBalancer, {item: 'load balancer'}),
  serviceRegistries: list(serviceRegistry, {item: 'service registry'}),
  // A Java Integer in the API; the tasks-per-service quota is far lower (see service-rules.ts).
  desiredCount: integer(0),
  clientToken: text(),
  launchType: oneOf(...LAUNCH_TYPES),
  capacityProviderStrategy: list(capacityProvider, {item: 'capacity provider strategy item'}),
  platformVersion: text(),
  role: text(),
  deploymentConfiguration,
  placementConstraints: list(placementConstraint, {item: 'placement constraint', maxItems: 10}),
  placementStrategy: list(placementStrategy, {item: 'placement strategy', maxItems: 5}),
  networkConfiguration: object('the network configuration', {
    awsvpcConfiguration: object(
      'the awsvpc configuration',
      {subnets: list(text(), {item: 'subnet'}), securityGroups: list(text(), {item: 'security group'}), assignPublicIp: enabledOrDisabled},
      {required: ['subnets']},
    ),
  }),
  healthCheckGracePeriodSeconds: integer(0),
  schedulingStrategy: oneOf('REPLICA', 'DAEMON'),
  deploymentController: object('the deployment controller', {type: oneOf('ECS', 'CODE_DEPLOY', 'EXTERNAL')}, {required: ['type']}),
  tags,
  enableECSManagedTags: boolean,
  propagateTags: oneOf('TASK_DEFINITION', 'SERVICE', 'NONE'),
  enableExecuteCommand: boolean,
  serviceConnectConfiguration,
  volumeConfigurations: list(object('a service volume configuration', {name: text(), managedEBSVolume: managedEbsVolume}, {required: ['name']}), {
    item: 'volume configuration',
  }),
  vpcLatticeConfigurations: list(
    object(
      'a VPC Lattice configuration',
      {roleArn: text(), targetGroupArn: text(), portName: text(), advancedConfiguration: object('the VPC Lattice advanced configuration', trafficShift)},
      {required: ['roleArn', 'targetGroupArn', 'portName']},
    ),
    {item: 'VPC Lattice configuration'},
  ),
  gatewayConnectors: list(map(any), {item: 'gateway connector'}),
  monitoring: map(any),
  forceNewDeployment: boolean,
});
