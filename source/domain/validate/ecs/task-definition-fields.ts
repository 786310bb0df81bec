/**
 * RegisterTaskDefinition's input, field by field (ECS API reference), with its volumes, placement constraints,
 * App Mesh proxy, inference accelerators, ephemeral storage and runtime platform. The containers are in
 * container-fields.ts; rules between fields in task-definition-rules.ts; what depends on where the task runs
 * (the environment's launch type, roles, the product's own requirements) in ../task-definition.ts.
 */
import {TASK_DEFINITION_READ_ONLY_FIELDS} from '../../normalise/api-fields.js';
import type {ObjectField} from './field-kinds.js';
import {any, boolean, integer, list, map, object, oneOf, text} from './field-kinds.js';
import {containerDefinition} from './container-fields.js';
import {keyValuePair, tags} from './shared-fields.js';

export const NETWORK_MODES = ['awsvpc', 'bridge', 'host', 'none'] as const;
export const COMPATIBILITIES = ['EC2', 'FARGATE', 'EXTERNAL', 'MANAGED_INSTANCES'] as const;

const enabledOrDisabled = oneOf('ENABLED', 'DISABLED');

/** Volume: exactly one kind of source (or none: a Docker-managed scratch volume), named. */
const volume = object('a volume', {
  name: text({maxLength: 255}),
  host: object('the host volume', {sourcePath: text()}),
  configuredAtLaunch: boolean,
  dockerVolumeConfiguration: object('the Docker volume configuration', {
    scope: oneOf('task', 'shared'),
    autoprovision: boolean,
    driver: text(),
    driverOpts: map(text()),
    labels: map(text()),
  }),
  efsVolumeConfiguration: object(
    'the EFS volume configuration',
    {
      fileSystemId: text(),
      rootDirectory: text(),
      transitEncryption: enabledOrDisabled,
      transitEncryptionPort: integer(0, 65535, 'port-range'),
      authorizationConfig: object('the EFS authorization', {accessPointId: text(), iam: enabledOrDisabled}),
    },
    {required: ['fileSystemId']},
  ),
  s3filesVolumeConfiguration: object(
    'the S3 Files volume configuration',
    {fileSystemArn: text(), rootDirectory: text(), transitEncryptionPort: integer(0, 65535, 'port-range'), accessPointArn: text()},
    {required: ['fileSystemArn']},
  ),
  fsxWindowsFileServerVolumeConfiguration: object(
    'the FSx for Windows File Server volume configuration',
    {
      fileSystemId: text(),
      rootDirectory: text(),
      authorizationConfig: object('the FSx authorization', {credentialsParameter: text(), domain: text()}, {required: ['credentialsParameter', 'domain']}),
    },
    {required: ['fileSystemId', 'rootDirectory', 'authorizationConfig']},
  ),
});

/** RegisterTaskDefinitionRequest. `family` is required by ECS; render writes the service's name when the spec has none. */
export const taskDefinition: ObjectField = object(
  'the task definition',
  {
    family: text(),
    taskRoleArn: text(),
    executionRoleArn: text(),
    networkMode: oneOf(...NETWORK_MODES),
    containerDefinitions: list(containerDefinition, {item: 'container definition', minItems: 1}),
    volumes: list(volume, {item: 'volume'}),
    // At most 10 placement constraints; the only type is memberOf.
    placementConstraints: list(object('a placement constraint', {type: oneOf('memberOf'), expression: text()}), {item: 'placement constraint', maxItems: 10}),
    requiresCompatibilities: list(oneOf(...COMPATIBILITIES), {item: 'compatibility'}),
    // Strings ("256", "1 vCPU", "2 GB") or numbers: checked by the task size rule in ../task-definition.ts.
    cpu: any,
    memory: any,
    tags,
    pidMode: oneOf('host', 'task'),
    ipcMode: oneOf('host', 'task', 'none'),
    proxyConfiguration: object(
      'the proxy configuration',
      {type: oneOf('APPMESH'), containerName: text(), properties: list(keyValuePair('a proxy property'), {item: 'proxy property'})},
      {required: ['containerName']},
    ),
    inferenceAccelerators: list(object('an inference accelerator', {deviceName: text(), deviceType: text()}, {required: ['deviceName', 'deviceType']}), {
      item: 'inference accelerator',
    }),
    // Fargate's task storage: 21–200 GiB.
    ephemeralStorage: object('the ephemeral storage', {sizeInGiB: integer(21, 200)}, {required: ['sizeInGiB']}),
    runtimePlatform: object('the runtime platform', {
      cpuArchitecture: oneOf('X86_64', 'ARM64'),
      operatingSystemFamily: oneOf(
        'LINUX',
        'WINDOWS_SERVER_2016_FULL',
        'WINDOWS_SERVER_2019_FULL',
        'WINDOWS_SERVER_2019_CORE',
        'WINDOWS_SERVER_2022_FULL',
        'WINDOWS_SERVER_2022_CORE',
        'WINDOWS_SERVER_2025_FULL',
        'WINDOWS_SERVER_2025_CORE',
        'WINDOWS_SERVER_2004_CORE',
        'WINDOWS_SERVER_20H2_CORE',
      ),
    }),
    enableFaultInjection: boolean,
  },
  {
    required: ['containerDefinitions'],
    fixes: {containerDefinitions: 'Add "containerDefinitions": [{"name": "${CONTAINER_NAME}", "image": "${DOCKER_IMAGE_NAME}"}]'},
    readOnly: TASK_DEFINITION_READ_ONLY_FIELDS,
  },
);
