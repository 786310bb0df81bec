/**
 * fast-check arbitraries of ECS documents for the normalise / diff / import property tests: task
 * definitions with several containers, environment variables, secrets, port mappings; services with
 * subnets and security groups. Plus helpers that dress a registrable document the way DescribeTaskDefinition
 * prints it (read-only fields, nulls, API defaults) and that shuffle what AWS treats as sets.
 */
import fc from 'fast-check';
import type {JsonObject, JsonValue} from '../../source/domain/json.js';

const nameChars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789';
export const envName = fc
  .tuple(fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), fc.string({unit: fc.constantFrom(...nameChars), maxLength: 12}))
  .map(([first, rest]) => first + rest);

export const containerName = fc.stringMatching(/^[a-z][a-z0-9-]{0,14}$/);

const pathComponent = fc.stringMatching(/^[a-z0-9]{1,8}$/);
const hex64 = fc.stringMatching(/^[0-9a-f]{64}$/);

/** Image references in every spelling the import must give back character for character. */
export const imageReference = fc.oneof(
  fc.tuple(pathComponent, fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,15}$/)).map(([image, tag]) => `${image}:${tag}`),
  fc
    .tuple(pathComponent, pathComponent, fc.stringMatching(/^[a-z0-9][a-z0-9.-]{0,9}$/))
    .map(([team, image, tag]) => `registry.hub.docker.com/${team}/${image}:${tag}`),
  fc
    .tuple(fc.integer({min: 1, max: 65535}), pathComponent, pathComponent, fc.stringMatching(/^[0-9][0-9.]{0,7}$/))
    .map(([port, team, image, tag]) => `localhost:${port}/${team}/${image}:${tag}`),
  fc
    .tuple(fc.stringMatching(/^[0-9]{12}$/), fc.constantFrom('eu-west-1', 'us-east-1'), pathComponent, hex64)
    .map(([account, region, image, digest]) => `${account}.dkr.ecr.${region}.amazonaws.com/${image}@sha256:${digest}`),
  fc
    .tuple(fc.constantFrom('ghcr.io', 'quay.io:8443', 'registry.example.com:5000'), pathComponent, pathComponent, hex64)
    .map(([host, team, image, digest]) => `${host}/${team}/${image}@sha256:${digest}`),
  fc.tuple(pathComponent, pathComponent, hex64).map(([image, tag, digest]) => `${image}:${tag}@sha256:${digest}`),
);

const uniqueBy = <T>(items: fc.Arbitrary<T[]>, key: (item: T) => string) =>
  items.map((list) => list.filter((item, index) => list.findIndex((other) => key(other) === key(item)) === index));

const environment = uniqueBy(fc.array(fc.record({name: envName, value: fc.string({maxLength: 20})}), {maxLength: 8}), (item) => item.name);
const secrets = uniqueBy(
  fc.array(fc.record({name: envName, valueFrom: fc.stringMatching(/^arn:aws:secretsmanager:eu-west-1:123456789012:secret:[a-z]{1,8}$/)}), {maxLength: 4}),
  (item) => item.name,
);

const portMappings = (networkMode: string) =>
  uniqueBy(
    fc.array(
      fc.record(
        {
          containerPort: fc.integer({min: 1, max: 65535}),
          protocol: fc.constantFrom('tcp', 'udp'),
          hostPort: networkMode === 'bridge' ? fc.integer({min: 1, max: 65535}) : fc.constant(-1),
        },
        {requiredKeys: ['containerPort']},
      ),
      {maxLength: 4},
    ),
    (item) => `${item.containerPort}/${item.protocol ?? 'tcp'}`,
  ).map((list) =>
    list.map((item) => (item.hostPort === -1 ? {containerPort: item.containerPort, ...(item.protocol === undefined ? {} : {protocol: item.protocol})} : item)),
  );

const container = (networkMode: string) =>
  fc.record(
    {
      name: containerName,
      image: imageReference,
      essential: fc.boolean(),
      memory: fc.integer({min: 64, max: 4096}),
      portMappings: portMappings(networkMode),
      environment,
      secrets,
      command: fc.array(fc.string({maxLength: 6}), {minLength: 1, maxLength: 3}),
      ulimits: fc.constant([{name: 'nofile', softLimit: 1024, hardLimit: 4096}]),
      dockerLabels: fc.dictionary(fc.stringMatching(/^[a-z][a-z.]{0,10}$/), fc.string({maxLength: 8}), {maxKeys: 3}),
    },
    {requiredKeys: ['name', 'image']},
  );

/**
 * A RegisterTaskDefinition input that ECS accepts (no read-only fields, no nulls) with 1–4 uniquely named
 * containers: one of them essential, each within the task's memory, FARGATE-compatible ones in awsvpc with a
 * Fargate size.
 */
export const taskDefinition: fc.Arbitrary<JsonObject> = fc.constantFrom('awsvpc', 'bridge', 'host').chain((networkMode) =>
  fc
    .record(
      {
        family: fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/),
        networkMode: fc.constant(networkMode),
        containerDefinitions: uniqueBy(fc.array(container(networkMode), {minLength: 1, maxLength: 4}), (item) => item.name).map(
          (list) =>
            (list.some((item) => item.essential !== false)
              ? list
              : list.map((item, index) => (index === 0 ? {...item, essential: true} : item))) as unknown as JsonValue[],
        ),
        requiresCompatibilities: fc.constant(networkMode === 'awsvpc' ? ['FARGATE', 'EC2'] : ['EC2']),
        cpu: fc.constant('1024'),
        memory: fc.constant('8192'),
        executionRoleArn: fc.constant('arn:aws:iam::123456789012:role/ecsTaskExecutionRole'),
        taskRoleArn: fc.constant('arn:aws:iam::123456789012:role/app'),
      },
      // FARGATE compatibility needs the task size.
      {
        requiredKeys:
          networkMode === 'awsvpc' ? ['family', 'networkMode', 'containerDefinitions', 'cpu', 'memory'] : ['family', 'networkMode', 'containerDefinitions'],
      },
    )
    .map((value) => value as unknown as JsonObject),
);

const subnet = fc.stringMatching(/^subnet-[0-9a-f]{8}$/);
const securityGroup = fc.stringMatching(/^sg-[0-9a-f]{8}$/);

/** A CreateService input. */
export const service: fc.Arbitrary<JsonObject> = fc
  .record(
    {
      serviceName: fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/),
      cluster: fc.constantFrom('default', 'prod'),
      taskDefinition: fc.constantFrom('web:3', 'web'),
      desiredCount: fc.integer({min: 0, max: 10}),
      launchType: fc.constantFrom('FARGATE', 'EC2'),
      networkConfiguration: fc
        .record({
          subnets: fc.uniqueArray(subnet, {minLength: 1, maxLength: 4}),
          securityGroups: fc.uniqueArray(securityGroup, {maxLength: 3}),
          assignPublicIp: fc.constantFrom('ENABLED', 'DISABLED'),
        })
        .map((awsvpcConfiguration) => ({awsvpcConfiguration})),
      tags: uniqueBy(fc.array(fc.record({key: envName, value: fc.string({maxLength: 6})}), {maxLength: 3}), (item) => item.key),
      placementConstraints: fc.constant([{type: 'distinctInstance'}]),
    },
    {requiredKeys: ['serviceName', 'cluster', 'taskDefinition']},
  )
  .map((value) => value as unknown as JsonObject);

/** Deterministic Fisher–Yates with fast-check's random source. */
export const shuffled = <T>(items: readonly T[], seeds: readonly number[]): T[] => {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = (seeds[index % Math.max(1, seeds.length)] ?? 0) % (index + 1);
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
};

/** The same task definition with containers, environment, secrets and port mappings reordered. */
export function reorderTaskDefinition(td: JsonObject, seeds: readonly number[]): JsonObject {
  const containers = (td['containerDefinitions'] as JsonObject[]).map((item) => {
    const copy: JsonObject = {...item};
    for (const key of ['environment', 'secrets', 'portMappings']) {
      if (Array.isArray(copy[key])) copy[key] = shuffled(copy[key] as JsonValue[], seeds);
    }
    return copy;
  });
  const out: JsonObject = {...td, containerDefinitions: shuffled(containers, seeds)};
  if (Array.isArray(td['requiresCompatibilities'])) out['requiresCompatibilities'] = shuffled(td['requiresCompatibilities'] as JsonValue[], seeds);
  return out;
}

/** What DescribeTaskDefinition prints for a registered input: read-only fields, nulls and filled-in API defaults. */
export function asDescribed(td: JsonObject, revision = 7): JsonObject {
  const networkMode = (td['networkMode'] as string | undefined) ?? 'bridge';
  const containers = (td['containerDefinitions'] as JsonObject[]).map((item) => ({
    cpu: 0,
    essential: true,
    mountPoints: [],
    volumesFrom: [],
    environment: [],
    systemControls: [],
    ...item,
    portMappings: ((item['portMappings'] as JsonObject[] | undefined) ?? []).map((mapping) => ({
      protocol: 'tcp',
      ...(networkMode === 'bridge' ? {hostPort: 0} : {hostPort: mapping['containerPort'] as number}),
      ...mapping,
    })),
  }));
  return {
    taskDefinitionArn: `arn:aws:ecs:eu-west-1:123456789012:task-definition/${String(td['family'])}:${revision}`,
    ...td,
    containerDefinitions: containers,
    revision,
    volumes: [],
    status: 'ACTIVE',
    requiresAttributes: [{name: 'com.amazonaws.ecs.capability.docker-remote-api.1.18'}],
    placementConstraints: [],
    compatibilities: ['EC2', 'FARGATE'],
    registeredAt: '2024-05-01T10:00:00.000Z',
    registeredBy: 'arn:aws:sts::123456789012:assumed-role/admin/me',
    ipcMode: null,
    pidMode: null,
  };
}
