/**
 * ContainerDefinition, field by field (ECS API reference, RegisterTaskDefinition → ContainerDefinition). Ranges
 * are the documented ones; a field the reference gives no bound for is only typed. Rules between fields (memory
 * against the task, references to other containers and volumes, at least one essential container, …) are in
 * task-definition-rules.ts; the container's name pattern and its image are checked in ../task-definition.ts.
 */
import type {ObjectField} from './field-kinds.js';
import {any, boolean, INT32_MAX, integer, list, map, object, oneOf, text} from './field-kinds.js';
import {keyValuePair, logConfiguration, secret} from './shared-fields.js';

const strings = (item: string) => list(text(), {item});

/** PortMapping: ports 0–65535 (`port-range`), `containerPortRange` is "first-last". */
const portMapping = object('a port mapping', {
  containerPort: integer(1, 65535, 'port-range'),
  hostPort: integer(0, 65535, 'port-range'),
  protocol: oneOf('tcp', 'udp'),
  name: text({maxLength: 64}),
  appProtocol: oneOf('http', 'http2', 'grpc'),
  containerPortRange: text(),
});

const linuxParameters = object('the linux parameters', {
  capabilities: object('the kernel capabilities', {add: strings('capability'), drop: strings('capability')}),
  devices: list(
    object(
      'a device',
      {hostPath: text(), containerPath: text(), permissions: list(oneOf('read', 'write', 'mknod'), {item: 'permission'})},
      {required: ['hostPath']},
    ),
    {item: 'device'},
  ),
  initProcessEnabled: boolean,
  sharedMemorySize: integer(0),
  tmpfs: list(
    object('a tmpfs mount', {containerPath: text(), size: integer(1), mountOptions: strings('mount option')}, {required: ['containerPath', 'size']}),
    {
      item: 'tmpfs mount',
    },
  ),
  maxSwap: integer(0),
  swappiness: integer(0, 100),
});

/** Ulimit names, as the API lists them. */
export const ULIMIT_NAMES = [
  'core',
  'cpu',
  'data',
  'fsize',
  'locks',
  'memlock',
  'msgqueue',
  'nice',
  'nofile',
  'nproc',
  'rss',
  'rtprio',
  'rttime',
  'sigpending',
  'stack',
] as const;

/** HealthCheck: command is ["CMD", …] or ["CMD-SHELL", "…"]; interval 5–300 s, timeout 2–60 s, retries 1–10, startPeriod 0–300 s. */
const healthCheck = object(
  'the health check',
  {
    command: list(text(), {item: 'command part', minItems: 1}),
    interval: integer(5, 300),
    timeout: integer(2, 60),
    retries: integer(1, 10),
    startPeriod: integer(0, 300),
  },
  {required: ['command']},
);

export const containerDefinition: ObjectField = object(
  'a container definition',
  {
    name: text(),
    image: text(),
    repositoryCredentials: object('the repository credentials', {credentialsParameter: text()}, {required: ['credentialsParameter']}),
    cpu: integer(0),
    memory: integer(1),
    memoryReservation: integer(1),
    links: strings('link'),
    portMappings: list(portMapping, {item: 'port mapping'}),
    essential: boolean,
    // restartAttemptPeriod: 60–1800 s; at most 50 ignored exit codes.
    restartPolicy: object(
      'the restart policy',
      {enabled: boolean, ignoredExitCodes: list(integer(-INT32_MAX - 1), {item: 'exit code', maxItems: 50}), restartAttemptPeriod: integer(60, 1800)},
      {required: ['enabled']},
    ),
    entryPoint: strings('entry point part'),
    command: strings('command part'),
    environment: list(keyValuePair('an environment variable'), {item: 'environment variable'}),
    // At most ten environment files, each an S3 object.
    environmentFiles: list(object('an environment file', {value: text(), type: oneOf('s3')}, {required: ['value', 'type']}), {
      item: 'environment file',
      maxItems: 10,
    }),
    mountPoints: list(object('a mount point', {sourceVolume: text(), containerPath: text(), readOnly: boolean}), {item: 'mount point'}),
    volumesFrom: list(object('a volumesFrom entry', {sourceContainer: text(), readOnly: boolean}, {required: ['sourceContainer']}), {
      item: 'volumesFrom entry',
    }),
    linuxParameters,
    secrets: list(secret('a secret'), {item: 'secret'}),
    dependsOn: list(
      object(
        'a container dependency',
        {containerName: text(), condition: oneOf('START', 'COMPLETE', 'SUCCESS', 'HEALTHY')},
        {required: ['containerName', 'condition']},
      ),
      {item: 'container dependency'},
    ),
    startTimeout: integer(0),
    stopTimeout: integer(0),
    versionConsistency: oneOf('enabled', 'disabled'),
    hostname: text(),
    user: text(),
    workingDirectory: text(),
    disableNetworking: boolean,
    privileged: boolean,
    readonlyRootFilesystem: boolean,
    dnsServers: strings('DNS server'),
    dnsSearchDomains: strings('DNS search domain'),
    extraHosts: list(object('an extra host', {hostname: text(), ipAddress: text()}, {required: ['hostname', 'ipAddress']}), {item: 'extra host'}),
    dockerSecurityOptions: strings('security option'),
    interactive: boolean,
    pseudoTerminal: boolean,
    dockerLabels: map(text()),
    ulimits: list(
      object(
        'a ulimit',
        {name: oneOf(...ULIMIT_NAMES), softLimit: integer(-INT32_MAX - 1), hardLimit: integer(-INT32_MAX - 1)},
        {required: ['name', 'softLimit', 'hardLimit']},
      ),
      {
        item: 'ulimit',
      },
    ),
    logConfiguration,
    healthCheck,
    systemControls: list(object('a system control', {namespace: text(), value: text()}), {item: 'system control'}),
    // GPU: a count or ALL (or a sharingStrategy instead); InferenceAccelerator: a deviceName of the task; NeuronDevice: ALL.
    resourceRequirements: list(
      object(
        'a resource requirement',
        {type: oneOf('GPU', 'InferenceAccelerator', 'NeuronDevice'), value: text(), sharingStrategy: map(any)},
        {required: ['type']},
      ),
      {item: 'resource requirement'},
    ),
    firelensConfiguration: object('the FireLens configuration', {type: oneOf('fluentd', 'fluentbit'), options: map(text())}, {required: ['type']}),
    // At most one credential spec (an ARN, or credentialspec:/credentialspecdomainless: followed by one).
    credentialSpecs: list(text(), {item: 'credential spec', maxItems: 1}),
  },
  {
    required: ['name', 'image'],
    fixes: {name: 'Write "name": "${CONTAINER_NAME}"', image: 'Write "image": "${DOCKER_IMAGE_NAME}" in the container that runs your artifact'},
  },
);
